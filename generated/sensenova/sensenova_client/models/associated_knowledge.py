from __future__ import annotations

import json as _json
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.associated_knowledge_mode import AssociatedKnowledgeMode, check_associated_knowledge_mode

T = TypeVar("T", bound="AssociatedKnowledge")

# The keys the spec names; any other key of a payload goes to additional_properties.
_KNOWN_KEYS: frozenset[str] = frozenset({"content", "mode"})


@_attrs_define
class AssociatedKnowledge:
    """Text supplied by the caller and injected as knowledge.

    Attributes:
        content (str): The knowledge text. Its tokens count as input (they are billed in `prompt_tokens` and must fit in
            the context window).
        mode (AssociatedKnowledgeMode): `concatenate` adds this text to whatever the internal knowledge retrieval found;
            `override` uses this text in place of it.
    """

    content: str
    mode: AssociatedKnowledgeMode
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        content = self.content

        mode: str = self.mode

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "content": content,
                "mode": mode,
            }
        )

        return field_dict

    def to_json(self, *, indent: int | None = 2) -> str:
        """to_dict() as JSON text (non-ASCII characters kept as they are)."""
        return _json.dumps(self.to_dict(), indent=indent, ensure_ascii=False)

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        content = src_dict["content"]

        mode = check_associated_knowledge_mode(src_dict["mode"])

        associated_knowledge = cls(
            content=content,
            mode=mode,
        )

        d = {} if src_dict.keys() <= _KNOWN_KEYS else {k: v for k, v in src_dict.items() if k not in _KNOWN_KEYS}

        associated_knowledge.additional_properties = d
        return associated_knowledge

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
