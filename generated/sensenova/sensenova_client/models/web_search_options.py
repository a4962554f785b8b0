from __future__ import annotations

import json as _json
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="WebSearchOptions")

# The keys the spec names; any other key of a payload goes to additional_properties.
_KNOWN_KEYS: frozenset[str] = frozenset({"search_enable", "result_enable"})


@_attrs_define
class WebSearchOptions:
    """Settings of the web-search plugin.

    Attributes:
        search_enable (bool | Unset): When true, the model may decide on its own to search the web for this request.

            Default: `false` (applied by the server).
        result_enable (bool | Unset): When true, the response lists the web pages the search returned.

            Default: `false` (applied by the server).
    """

    search_enable: bool | Unset = UNSET
    result_enable: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        search_enable = self.search_enable

        result_enable = self.result_enable

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if search_enable is not UNSET:
            field_dict["search_enable"] = search_enable
        if result_enable is not UNSET:
            field_dict["result_enable"] = result_enable

        return field_dict

    def to_json(self, *, indent: int | None = 2) -> str:
        """to_dict() as JSON text (non-ASCII characters kept as they are)."""
        return _json.dumps(self.to_dict(), indent=indent, ensure_ascii=False)

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        search_enable = src_dict.get("search_enable", UNSET)

        result_enable = src_dict.get("result_enable", UNSET)

        web_search_options = cls(
            search_enable=search_enable,
            result_enable=result_enable,
        )

        d = {} if src_dict.keys() <= _KNOWN_KEYS else {k: v for k, v in src_dict.items() if k not in _KNOWN_KEYS}

        web_search_options.additional_properties = d
        return web_search_options

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
