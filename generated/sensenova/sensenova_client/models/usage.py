from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="Usage")

# The keys the spec names; any other key of a payload goes to additional_properties.
_KNOWN_KEYS: frozenset[str] = frozenset({"prompt_tokens", "knowledge_tokens", "completion_tokens", "total_tokens"})


@_attrs_define
class Usage:
    """Token accounting of the request. In stream frames the counts are running totals (or zero until the last frame).

    Attributes:
        prompt_tokens (int | Unset): Tokens of the input.
        knowledge_tokens (int | Unset): Chat only: tokens of knowledge-base content fed to the model; non-zero only when
            a knowledge base was used and something was retrieved from it.
        completion_tokens (int | Unset): Tokens generated.
        total_tokens (int | Unset): Sum of the counts above.
    """

    prompt_tokens: int | Unset = UNSET
    knowledge_tokens: int | Unset = UNSET
    completion_tokens: int | Unset = UNSET
    total_tokens: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        prompt_tokens = self.prompt_tokens

        knowledge_tokens = self.knowledge_tokens

        completion_tokens = self.completion_tokens

        total_tokens = self.total_tokens

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if prompt_tokens is not UNSET:
            field_dict["prompt_tokens"] = prompt_tokens
        if knowledge_tokens is not UNSET:
            field_dict["knowledge_tokens"] = knowledge_tokens
        if completion_tokens is not UNSET:
            field_dict["completion_tokens"] = completion_tokens
        if total_tokens is not UNSET:
            field_dict["total_tokens"] = total_tokens

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        prompt_tokens = src_dict.get("prompt_tokens", UNSET)

        knowledge_tokens = src_dict.get("knowledge_tokens", UNSET)

        completion_tokens = src_dict.get("completion_tokens", UNSET)

        total_tokens = src_dict.get("total_tokens", UNSET)

        usage = cls(
            prompt_tokens=prompt_tokens,
            knowledge_tokens=knowledge_tokens,
            completion_tokens=completion_tokens,
            total_tokens=total_tokens,
        )

        d = {} if src_dict.keys() <= _KNOWN_KEYS else {k: v for k, v in src_dict.items() if k not in _KNOWN_KEYS}

        usage.additional_properties = d
        return usage

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
