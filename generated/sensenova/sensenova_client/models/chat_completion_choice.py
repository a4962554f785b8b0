from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.chat_role import ChatRole, check_chat_role
from ..models.finish_reason import FinishReason, check_finish_reason
from ..types import UNSET, Unset

T = TypeVar("T", bound="ChatCompletionChoice")

# The keys the spec names; any other key of a payload goes to additional_properties.
_KNOWN_KEYS: frozenset[str] = frozenset({"index", "message", "finish_reason", "role"})


@_attrs_define
class ChatCompletionChoice:
    """One generated reply (non-streaming).

    Attributes:
        index (int): Position of this reply among the `n` requested.
        message (str | Unset): Text of the reply.
        finish_reason (FinishReason | str | Unset): Why the choice ended: one of `FinishReason`, or any other string the
            provider may add. In stream frames the value is an empty string (or absent) until the last frame of the choice.
        role (ChatRole | str | Unset): Role of a reply message; one of `ChatRole` (normally `assistant`) or any other
            string.
    """

    index: int
    message: str | Unset = UNSET
    finish_reason: FinishReason | str | Unset = UNSET
    role: ChatRole | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        index = self.index

        message = self.message

        finish_reason: str | Unset
        if isinstance(self.finish_reason, Unset):
            finish_reason = UNSET
        elif isinstance(self.finish_reason, str):
            finish_reason = self.finish_reason
        else:
            finish_reason = self.finish_reason

        role: str | Unset
        if isinstance(self.role, Unset):
            role = UNSET
        elif isinstance(self.role, str):
            role = self.role
        else:
            role = self.role

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "index": index,
            }
        )
        if message is not UNSET:
            field_dict["message"] = message
        if finish_reason is not UNSET:
            field_dict["finish_reason"] = finish_reason
        if role is not UNSET:
            field_dict["role"] = role

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        index = src_dict["index"]

        message = src_dict.get("message", UNSET)

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

        def _parse_role(data: object) -> ChatRole | str | Unset:
            if isinstance(data, Unset):
                return data
            if isinstance(data, str):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                componentsschemas_chat_role_value_type_0 = check_chat_role(data)

                return componentsschemas_chat_role_value_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast("ChatRole | str | Unset", data)

        role = _parse_role(src_dict.get("role", UNSET))

        chat_completion_choice = cls(
            index=index,
            message=message,
            finish_reason=finish_reason,
            role=role,
        )

        d = {} if src_dict.keys() <= _KNOWN_KEYS else {k: v for k, v in src_dict.items() if k not in _KNOWN_KEYS}

        chat_completion_choice.additional_properties = d
        return chat_completion_choice

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
