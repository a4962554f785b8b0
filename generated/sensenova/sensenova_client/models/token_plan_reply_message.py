from __future__ import annotations

import json as _json
from collections.abc import Container, Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._runtime import model_checks
from ..models.chat_role import ChatRole

T = TypeVar("T", bound="TokenPlanReplyMessage")

# (attribute, JSON key) of every field, for the repr.
_FIELDS: tuple[tuple[str, str], ...] = (
    ("role", "role"),
    ("content", "content"),
    ("reasoning", "reasoning"),
)

# The keys the spec names; any other key of a payload goes to additional_properties.
_KNOWN_KEYS: frozenset[str] = frozenset({"role", "content", "reasoning"})


@_attrs_define
class TokenPlanReplyMessage:
    """The message the model wrote. To continue the conversation, send `{"role": "assistant", "content": <its content>}`,
    without `reasoning`.

        Attributes:
            role (ChatRole | str | None): Role of a reply message; one of `ChatRole` (normally `assistant`) or any other
                string.
            content (str | None): The final answer.
            reasoning (str | None): The model's chain of thought before the answer (reasoning models only).
    """

    role: ChatRole | str | None = None
    content: str | None = None
    reasoning: str | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    # The JSON object this model was parsed from (empty if built in code): which keys arrived.
    _arrived: Container[str] = _attrs_field(default=(), init=False, repr=False, eq=False)

    def to_dict(self) -> dict[str, Any]:
        """The JSON object: keys that did not arrive stay absent, a null that arrived stays null."""
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        if self.role is not None:
            field_dict["role"] = self.role
        elif "role" in self._arrived:
            # null, unless a value of the wrong type arrived: additional_properties keeps it
            field_dict.setdefault("role", None)

        if self.content is not None:
            field_dict["content"] = self.content
        elif "content" in self._arrived:
            # null, unless a value of the wrong type arrived: additional_properties keeps it
            field_dict.setdefault("content", None)

        if self.reasoning is not None:
            field_dict["reasoning"] = self.reasoning
        elif "reasoning" in self._arrived:
            # null, unless a value of the wrong type arrived: additional_properties keeps it
            field_dict.setdefault("reasoning", None)

        return field_dict

    def to_json(self, *, indent: int | None = 2) -> str:
        """to_dict() as JSON text (non-ASCII characters kept as they are)."""
        return _json.dumps(self.to_dict(), indent=indent, ensure_ascii=False)

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        try:  # every JSON value but an object lacks keys(): free until it fails
            _extras = (
                {} if src_dict.keys() <= _KNOWN_KEYS else {k: v for k, v in src_dict.items() if k not in _KNOWN_KEYS}
            )
        except AttributeError:
            raise model_checks.not_an_object("TokenPlanReplyMessage", src_dict) from None
        role = src_dict.get("role")
        if (role.__class__ is not str) and role is not None:
            _extras["role"] = role
            role = None

        content = src_dict.get("content")
        if (content.__class__ is not str) and content is not None:
            _extras["content"] = content
            content = None

        reasoning = src_dict.get("reasoning")
        if (reasoning.__class__ is not str) and reasoning is not None:
            _extras["reasoning"] = reasoning
            reasoning = None

        # Every slot is filled here, so attrs' __init__ (keyword arguments, and a dict made for
        # additional_properties only to be replaced) is skipped: a stream builds a tree of these
        # per event.
        token_plan_reply_message = object.__new__(cls)
        token_plan_reply_message.role = role
        token_plan_reply_message.content = content
        token_plan_reply_message.reasoning = reasoning
        token_plan_reply_message._arrived = src_dict

        token_plan_reply_message.additional_properties = _extras
        return token_plan_reply_message

    def __repr__(self) -> str:
        """The fields that arrived (or were set); one the server did not send is left out."""
        arrived = self._arrived
        shown = [
            f"{name}={value!r}" for name, key in _FIELDS if (value := getattr(self, name)) is not None or key in arrived
        ]
        if self.additional_properties:
            shown.append(f"additional_properties={self.additional_properties!r}")
        return f"{type(self).__name__}({', '.join(shown)})"

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
