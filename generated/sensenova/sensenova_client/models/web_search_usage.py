from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="WebSearchUsage")

# The keys the spec names; any other key of a payload goes to additional_properties.
_KNOWN_KEYS: frozenset[str] = frozenset({"online_search_count", "results"})


@_attrs_define
class WebSearchUsage:
    """Web-search activity; absent when `search_enable` was off.

    Attributes:
        online_search_count (int | Unset): How many web searches were actually run.
        results (list[WebSearchResult] | Unset): Pages the searches returned; absent when `result_enable` was off.
    """

    online_search_count: int | Unset = UNSET
    results: list[WebSearchResult] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        online_search_count = self.online_search_count

        results: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.results, Unset):
            results = []
            for results_item_data in self.results:
                results_item = results_item_data.to_dict()
                results.append(results_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if online_search_count is not UNSET:
            field_dict["online_search_count"] = online_search_count
        if results is not UNSET:
            field_dict["results"] = results

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        online_search_count = src_dict.get("online_search_count", UNSET)

        _results = src_dict.get("results", UNSET)
        results: list[WebSearchResult] | Unset = UNSET
        if _results is not UNSET:
            results = []
            for results_item_data in _results:
                results_item = WebSearchResult.from_dict(results_item_data)

                results.append(results_item)

        web_search_usage = cls(
            online_search_count=online_search_count,
            results=results,
        )

        d = {} if src_dict.keys() <= _KNOWN_KEYS else {k: v for k, v in src_dict.items() if k not in _KNOWN_KEYS}

        web_search_usage.additional_properties = d
        return web_search_usage

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties


# Imported after the class so that models referring to each other load in any order.
from ..models.web_search_result import WebSearchResult
