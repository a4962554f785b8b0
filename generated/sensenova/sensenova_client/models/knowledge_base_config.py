from __future__ import annotations

import json as _json
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="KnowledgeBaseConfig")

# The keys the spec names; any other key of a payload goes to additional_properties.
_KNOWN_KEYS: frozenset[str] = frozenset({"know_id", "faq_threshold"})


@_attrs_define
class KnowledgeBaseConfig:
    """Retrieval settings for one knowledge base.

    Attributes:
        know_id (str): ID of the knowledge base these settings apply to; it should be one of `know_ids`.
        faq_threshold (float): Similarity a question-answer pair (`qa_lst`) of this knowledge base must reach to count
            as a match, strictly between 0 and 1; higher is stricter.
    """

    know_id: str
    faq_threshold: float
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        know_id = self.know_id

        faq_threshold = self.faq_threshold

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "know_id": know_id,
                "faq_threshold": faq_threshold,
            }
        )

        return field_dict

    def to_json(self, *, indent: int | None = 2) -> str:
        """to_dict() as JSON text (non-ASCII characters kept as they are)."""
        return _json.dumps(self.to_dict(), indent=indent, ensure_ascii=False)

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        know_id = src_dict["know_id"]

        faq_threshold = src_dict["faq_threshold"]

        knowledge_base_config = cls(
            know_id=know_id,
            faq_threshold=faq_threshold,
        )

        d = {} if src_dict.keys() <= _KNOWN_KEYS else {k: v for k, v in src_dict.items() if k not in _KNOWN_KEYS}

        knowledge_base_config.additional_properties = d
        return knowledge_base_config

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
