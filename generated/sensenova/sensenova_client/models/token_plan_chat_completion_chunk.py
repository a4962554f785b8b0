from __future__ import annotations

import json as _json
from collections.abc import Container, Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._runtime import model_checks
from ..models.token_plan_chat_completion_chunk_object import (
    TokenPlanChatCompletionChunkObject,
)

T = TypeVar("T", bound="TokenPlanChatCompletionChunk")

# (attribute, JSON key) of every field, for the repr.
_FIELDS: tuple[tuple[str, str], ...] = (
    ("choices", "choices"),
    ("id", "id"),
    ("request_id", "request_id"),
    ("model", "model"),
    ("object_", "object"),
    ("created", "created"),
    ("usage", "usage"),
)

# The declared type of each required field, for the error naming a missing one.
_REQUIRED: dict[str, str] = {
    "choices": "list[TokenPlanChunkChoice]",
}

# The keys the spec names; any other key of a payload goes to additional_properties.
_KNOWN_KEYS: frozenset[str] = frozenset({"choices", "id", "request_id", "model", "object", "created", "usage"})


@_attrs_define
class TokenPlanChatCompletionChunk:
    """One event of a streaming Token Plan chat generation. Its last event before `[DONE]` carries only the usage, with
    `choices` empty.

        Attributes:
            choices (list[TokenPlanChunkChoice]): What this event adds to each reply; empty in the usage-only last event.
            id (str | None): Identifier of the generation (the same in every event).
            request_id (str | None): The provider's identifier of the request.
            model (str | None): Model that produces the stream.
            object_ (str | TokenPlanChatCompletionChunkObject | None): Kind of object; `chat.completion.chunk` for a stream
                event.
            created (int | None): Creation time as a Unix timestamp in seconds.
            usage (None | TokenPlanUsage): Token accounting of the whole request; sent in the last event before `[DONE]`, an
                event of its own whose `choices` is empty.
    """

    choices: list[TokenPlanChunkChoice]
    id: str | None = None
    request_id: str | None = None
    model: str | None = None
    object_: str | TokenPlanChatCompletionChunkObject | None = None
    created: int | None = None
    usage: None | TokenPlanUsage = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    # The JSON object this model was parsed from (empty if built in code): which keys arrived.
    _arrived: Container[str] = _attrs_field(default=(), init=False, repr=False, eq=False)

    def to_dict(self) -> dict[str, Any]:
        """The JSON object: keys that did not arrive stay absent, a null that arrived stays null."""
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict["choices"] = [item.to_dict() for item in self.choices]

        if self.id is not None:
            field_dict["id"] = self.id
        elif "id" in self._arrived:
            # null, unless a value of the wrong type arrived: additional_properties keeps it
            field_dict.setdefault("id", None)

        if self.request_id is not None:
            field_dict["request_id"] = self.request_id
        elif "request_id" in self._arrived:
            # null, unless a value of the wrong type arrived: additional_properties keeps it
            field_dict.setdefault("request_id", None)

        if self.model is not None:
            field_dict["model"] = self.model
        elif "model" in self._arrived:
            # null, unless a value of the wrong type arrived: additional_properties keeps it
            field_dict.setdefault("model", None)

        if self.object_ is not None:
            field_dict["object"] = self.object_
        elif "object" in self._arrived:
            # null, unless a value of the wrong type arrived: additional_properties keeps it
            field_dict.setdefault("object", None)

        if self.created is not None:
            field_dict["created"] = self.created
        elif "created" in self._arrived:
            # null, unless a value of the wrong type arrived: additional_properties keeps it
            field_dict.setdefault("created", None)

        if self.usage is not None:
            field_dict["usage"] = self.usage.to_dict()
        elif "usage" in self._arrived:
            # null, unless a value of the wrong type arrived: additional_properties keeps it
            field_dict.setdefault("usage", None)

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
            raise model_checks.not_an_object("TokenPlanChatCompletionChunk", src_dict) from None
        try:
            _choices = src_dict["choices"]
            if _choices.__class__ is not list:
                raise model_checks.mismatch("choices", "list[TokenPlanChunkChoice]", _choices)
            try:
                choices = [TokenPlanChunkChoice.from_dict(item) for item in _choices]
            except model_checks.FieldTypeError:
                raise model_checks.item_error(TokenPlanChunkChoice.from_dict, _choices, "choices") from None

            id = src_dict.get("id")
            if (id.__class__ is not str) and id is not None:
                _extras["id"] = id
                id = None

            request_id = src_dict.get("request_id")
            if (request_id.__class__ is not str) and request_id is not None:
                _extras["request_id"] = request_id
                request_id = None

            model = src_dict.get("model")
            if (model.__class__ is not str) and model is not None:
                _extras["model"] = model
                model = None

            object_ = src_dict.get("object")
            if (object_.__class__ is not str) and object_ is not None:
                _extras["object"] = object_
                object_ = None

            created = src_dict.get("created")
            if (created.__class__ is not int) and created is not None:
                _extras["created"] = created
                created = None

            _usage = src_dict.get("usage")
            usage: TokenPlanUsage | None = None
            if _usage is not None:
                try:
                    usage = TokenPlanUsage.from_dict(_usage)
                except model_checks.FieldTypeError:
                    _extras["usage"] = _usage

        except KeyError as _missing:
            raise model_checks.absent(_missing, src_dict, _REQUIRED) from None
        # Every slot is filled here, so attrs' __init__ (keyword arguments, and a dict made for
        # additional_properties only to be replaced) is skipped: a stream builds a tree of these
        # per event.
        token_plan_chat_completion_chunk = object.__new__(cls)
        token_plan_chat_completion_chunk.choices = choices
        token_plan_chat_completion_chunk.id = id
        token_plan_chat_completion_chunk.request_id = request_id
        token_plan_chat_completion_chunk.model = model
        token_plan_chat_completion_chunk.object_ = object_
        token_plan_chat_completion_chunk.created = created
        token_plan_chat_completion_chunk.usage = usage
        token_plan_chat_completion_chunk._arrived = src_dict

        token_plan_chat_completion_chunk.additional_properties = _extras
        return token_plan_chat_completion_chunk

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

    @property
    def object(self) -> str | TokenPlanChatCompletionChunkObject | None:
        """`object_` under its JSON name."""
        return self.object_

    @object.setter
    def object(self, value: str | TokenPlanChatCompletionChunkObject | None) -> None:
        self.object_ = value


# Imported after the class so that models referring to each other load in any order.
from ..models.token_plan_chunk_choice import TokenPlanChunkChoice
from ..models.token_plan_usage import TokenPlanUsage
