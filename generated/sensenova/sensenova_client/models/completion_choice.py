from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.finish_reason import FinishReason, check_finish_reason
from ..types import UNSET, Unset

T = TypeVar("T", bound="CompletionChoice")

# The keys the spec names; any other key of a payload goes to additional_properties.
_KNOWN_KEYS: frozenset[str] = frozenset({"index", "text", "finish_reason"})


@_attrs_define
class CompletionChoice:
    """One generated completion (non-streaming).

    Attributes:
        index (int): Position of this choice among the `n` requested.
        text (str | Unset): The generated text.
        finish_reason (FinishReason | str | Unset): Why the choice ended: one of `FinishReason`, or any other string the
            provider may add. In stream frames the value is an empty string (or absent) until the last frame of the choice.
    """

    index: int
    text: str | Unset = UNSET
    finish_reason: FinishReason | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        index = self.index

        text = self.text

        finish_reason: str | Unset
        if isinstance(self.finish_reason, Unset):
            finish_reason = UNSET
        elif isinstance(self.finish_reason, str):
            finish_reason = self.finish_reason
        else:
            finish_reason = self.finish_reason

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "index": index,
            }
        )
        if text is not UNSET:
            field_dict["text"] = text
        if finish_reason is not UNSET:
            field_dict["finish_reason"] = finish_reason

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        index = src_dict["index"]

        text = src_dict.get("text", UNSET)

        def _parse_finish_reason(data: object) -> FinishReason | str | Unset:
            if isinstance(data, Unset):
                return data
            if isinstance(data, str):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                componentsschemas_finish_reason_value_type_0 = check_finish_reason(data)

                return componentsschemas_finish_reason_value_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast("FinishReason | str | Unset", data)

        finish_reason = _parse_finish_reason(src_dict.get("finish_reason", UNSET))

        completion_choice = cls(
            index=index,
            text=text,
            finish_reason=finish_reason,
        )

        d = {} if src_dict.keys() <= _KNOWN_KEYS else {k: v for k, v in src_dict.items() if k not in _KNOWN_KEYS}

        completion_choice.additional_properties = d
        return completion_choice

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
