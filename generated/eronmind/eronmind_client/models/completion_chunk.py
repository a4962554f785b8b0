from __future__ import annotations

import json as _json
from collections.abc import Container, Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._runtime import model_checks
from ..models.completion_object import CompletionObject

T = TypeVar("T", bound="CompletionChunk")

# (attribute, JSON key) of every field, for the repr.
_FIELDS: tuple[tuple[str, str], ...] = (
    ("id", "id"),
    ("object_", "object"),
    ("created", "created"),
    ("model", "model"),
    ("choices", "choices"),
    ("usage", "usage"),
)

# The declared type of each required field, for the error naming a missing one.
_REQUIRED: dict[str, str] = {
    "id": "str",
    "object": "CompletionObject | str",
    "created": "int",
    "model": "str",
    "choices": "list[CompletionChoice]",
}

# The keys the spec names; any other key of a payload goes to additional_properties.
_KNOWN_KEYS: frozenset[str] = frozenset({"id", "object", "created", "model", "choices", "usage"})


@_attrs_define
class CompletionChunk:
    """One server-sent event of a streaming completion: the completion object with the next piece of text in each choice.

    Attributes:
        id (str): Identifier shared by every chunk of one completion.
        object_ (CompletionObject | str): Kind of object; `text_completion`.
        created (int): Creation time as a Unix timestamp in seconds.
        model (str): Model that produces the stream.
        choices (list[CompletionChoice]): Increments for the continuations carried by this event.
        usage (None | Usage): Token counts, when the gateway includes them in an event; otherwise absent or null.
    """

    id: str
    object_: CompletionObject | str
    created: int
    model: str
    choices: list[CompletionChoice]
    usage: None | Usage = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    # The JSON object this model was parsed from (empty if built in code): which keys arrived.
    _arrived: Container[str] = _attrs_field(default=(), init=False, repr=False, eq=False)

    def to_dict(self) -> dict[str, Any]:
        """The JSON object: keys that did not arrive stay absent, a null that arrived stays null."""
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict["id"] = self.id

        field_dict["object"] = self.object_

        field_dict["created"] = self.created

        field_dict["model"] = self.model

        field_dict["choices"] = [item.to_dict() for item in self.choices]

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
            raise model_checks.not_an_object("CompletionChunk", src_dict) from None
        try:
            id = src_dict["id"]
            if id.__class__ is not str:
                raise model_checks.mismatch("id", "str", id)

            object_ = src_dict["object"]
            if object_.__class__ is not str:
                raise model_checks.mismatch("object", "CompletionObject | str", object_)

            created = src_dict["created"]
            if created.__class__ is not int:
                raise model_checks.mismatch("created", "int", created)

            model = src_dict["model"]
            if model.__class__ is not str:
                raise model_checks.mismatch("model", "str", model)

            _choices = src_dict["choices"]
            if _choices.__class__ is not list:
                raise model_checks.mismatch("choices", "list[CompletionChoice]", _choices)
            try:
                choices = [CompletionChoice.from_dict(item) for item in _choices]
            except model_checks.FieldTypeError:
                raise model_checks.item_error(CompletionChoice.from_dict, _choices, "choices") from None

            _usage = src_dict.get("usage")
            usage: Usage | None = None
            if _usage is not None:
                try:
                    usage = Usage.from_dict(_usage)
                except model_checks.FieldTypeError:
                    _extras["usage"] = _usage

        except KeyError as _missing:
            raise model_checks.absent(_missing, src_dict, _REQUIRED) from None
        # Every slot is filled here, so attrs' __init__ (keyword arguments, and a dict made for
        # additional_properties only to be replaced) is skipped: a stream builds a tree of these
        # per event.
        completion_chunk = object.__new__(cls)
        completion_chunk.id = id
        completion_chunk.object_ = object_
        completion_chunk.created = created
        completion_chunk.model = model
        completion_chunk.choices = choices
        completion_chunk.usage = usage
        completion_chunk._arrived = src_dict

        completion_chunk.additional_properties = _extras
        return completion_chunk

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
    def object(self) -> CompletionObject | str:
        """`object_` under its JSON name."""
        return self.object_

    @object.setter
    def object(self, value: CompletionObject | str) -> None:
        self.object_ = value


# Imported after the class so that models referring to each other load in any order.
from ..models.completion_choice import CompletionChoice
from ..models.usage import Usage
