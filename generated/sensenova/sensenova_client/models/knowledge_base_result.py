from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="KnowledgeBaseResult")

# The keys the spec names; any other key of a payload goes to additional_properties.
_KNOWN_KEYS: frozenset[str] = frozenset({"know_id", "results"})


@_attrs_define
class KnowledgeBaseResult:
    """Passages retrieved from one knowledge base.

    Attributes:
        know_id (str | Unset): ID of the knowledge base searched.
        results (list[KnowledgeBaseHit] | Unset):
    """

    know_id: str | Unset = UNSET
    results: list[KnowledgeBaseHit] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        know_id = self.know_id

        results: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.results, Unset):
            results = []
            for results_item_data in self.results:
                results_item = results_item_data.to_dict()
                results.append(results_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if know_id is not UNSET:
            field_dict["know_id"] = know_id
        if results is not UNSET:
            field_dict["results"] = results

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        know_id = src_dict.get("know_id", UNSET)

        _results = src_dict.get("results", UNSET)
        results: list[KnowledgeBaseHit] | Unset = UNSET
        if _results is not UNSET:
            results = []
            for results_item_data in _results:
                results_item = KnowledgeBaseHit.from_dict(results_item_data)

                results.append(results_item)

        knowledge_base_result = cls(
            know_id=know_id,
            results=results,
        )

        d = {} if src_dict.keys() <= _KNOWN_KEYS else {k: v for k, v in src_dict.items() if k not in _KNOWN_KEYS}

        knowledge_base_result.additional_properties = d
        return knowledge_base_result

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
from ..models.knowledge_base_hit import KnowledgeBaseHit
