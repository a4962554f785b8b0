from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="KnowledgeBaseHit")

# The keys the spec names; any other key of a payload goes to additional_properties.
_KNOWN_KEYS: frozenset[str] = frozenset({"score", "result", "extra_info"})


@_attrs_define
class KnowledgeBaseHit:
    """One retrieved passage.

    Attributes:
        score (float | Unset): Similarity between the passage and the request.
        result (str | Unset): Text of the passage.
        extra_info (KnowledgeExtraInfo | Unset): Where the passage comes from; present only for knowledge bases split by
            delimiter.
    """

    score: float | Unset = UNSET
    result: str | Unset = UNSET
    extra_info: KnowledgeExtraInfo | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        score = self.score

        result = self.result

        extra_info: dict[str, Any] | Unset = UNSET
        if not isinstance(self.extra_info, Unset):
            extra_info = self.extra_info.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if score is not UNSET:
            field_dict["score"] = score
        if result is not UNSET:
            field_dict["result"] = result
        if extra_info is not UNSET:
            field_dict["extra_info"] = extra_info

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        score = src_dict.get("score", UNSET)

        result = src_dict.get("result", UNSET)

        _extra_info = src_dict.get("extra_info", UNSET)
        extra_info: KnowledgeExtraInfo | Unset
        if isinstance(_extra_info, Unset):
            extra_info = UNSET
        else:
            extra_info = KnowledgeExtraInfo.from_dict(_extra_info)

        knowledge_base_hit = cls(
            score=score,
            result=result,
            extra_info=extra_info,
        )

        d = {} if src_dict.keys() <= _KNOWN_KEYS else {k: v for k, v in src_dict.items() if k not in _KNOWN_KEYS}

        knowledge_base_hit.additional_properties = d
        return knowledge_base_hit

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
from ..models.knowledge_extra_info import KnowledgeExtraInfo
