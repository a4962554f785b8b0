from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="CompletionLogprobs")

# The keys the spec names; any other key of a payload goes to additional_properties.
_KNOWN_KEYS: frozenset[str] = frozenset({"tokens", "token_logprobs", "top_logprobs", "text_offset"})


@_attrs_define
class CompletionLogprobs:
    """Per-token log-probability report of one continuation (parallel lists, one entry per token).

    Attributes:
        tokens (list[str] | Unset): The sampled tokens.
        token_logprobs (list[float] | Unset): Natural-log probability of each sampled token.
        top_logprobs (list[TopLogprobs] | Unset): For each position, the most likely tokens and their log-probabilities.
        text_offset (list[int] | Unset): Character offset of each token in the generated text.
    """

    tokens: list[str] | Unset = UNSET
    token_logprobs: list[float] | Unset = UNSET
    top_logprobs: list[TopLogprobs] | Unset = UNSET
    text_offset: list[int] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        tokens: list[str] | Unset = UNSET
        if not isinstance(self.tokens, Unset):
            tokens = self.tokens

        token_logprobs: list[float] | Unset = UNSET
        if not isinstance(self.token_logprobs, Unset):
            token_logprobs = self.token_logprobs

        top_logprobs: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.top_logprobs, Unset):
            top_logprobs = []
            for top_logprobs_item_data in self.top_logprobs:
                top_logprobs_item = top_logprobs_item_data.to_dict()
                top_logprobs.append(top_logprobs_item)

        text_offset: list[int] | Unset = UNSET
        if not isinstance(self.text_offset, Unset):
            text_offset = self.text_offset

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if tokens is not UNSET:
            field_dict["tokens"] = tokens
        if token_logprobs is not UNSET:
            field_dict["token_logprobs"] = token_logprobs
        if top_logprobs is not UNSET:
            field_dict["top_logprobs"] = top_logprobs
        if text_offset is not UNSET:
            field_dict["text_offset"] = text_offset

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        tokens = cast("list[str]", src_dict.get("tokens", UNSET))

        token_logprobs = cast("list[float]", src_dict.get("token_logprobs", UNSET))

        _top_logprobs = src_dict.get("top_logprobs", UNSET)
        top_logprobs: list[TopLogprobs] | Unset = UNSET
        if _top_logprobs is not UNSET:
            top_logprobs = []
            for top_logprobs_item_data in _top_logprobs:
                top_logprobs_item = TopLogprobs.from_dict(top_logprobs_item_data)

                top_logprobs.append(top_logprobs_item)

        text_offset = cast("list[int]", src_dict.get("text_offset", UNSET))

        completion_logprobs = cls(
            tokens=tokens,
            token_logprobs=token_logprobs,
            top_logprobs=top_logprobs,
            text_offset=text_offset,
        )

        d = {} if src_dict.keys() <= _KNOWN_KEYS else {k: v for k, v in src_dict.items() if k not in _KNOWN_KEYS}

        completion_logprobs.additional_properties = d
        return completion_logprobs

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
from ..models.top_logprobs import TopLogprobs
