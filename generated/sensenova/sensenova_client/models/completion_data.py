from __future__ import annotations

import json as _json
from collections.abc import Container, Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._runtime import model_checks

T = TypeVar("T", bound="CompletionData")

# (attribute, JSON key) of every field, for the repr.
_FIELDS: tuple[tuple[str, str], ...] = (
    ("choices", "choices"),
    ("id", "id"),
    ("usage", "usage"),
)

# The declared type of each required field, for the error naming a missing one.
_REQUIRED: dict[str, str] = {
    "choices": "list[CompletionChoice]",
}

# The keys the spec names; any other key of a payload goes to additional_properties.
_KNOWN_KEYS: frozenset[str] = frozenset({"choices", "id", "usage"})


@_attrs_define
class CompletionData:
    """Result of a non-streaming completion.

    Attributes:
        choices (list[CompletionChoice]):
        id (str | None): Identifier of the generation.
        usage (Usage | None): Token accounting of the request. In stream frames the counts are running totals (or zero
            until the last frame).
    """

    choices: list[CompletionChoice]
    id: str | None = None
    usage: Usage | None = None
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
            raise model_checks.not_an_object("CompletionData", src_dict) from None
        try:
            _choices = src_dict["choices"]
            if _choices.__class__ is not list:
                raise model_checks.mismatch("choices", "list[CompletionChoice]", _choices)
            try:
                choices = [CompletionChoice.from_dict(item) for item in _choices]
            except model_checks.FieldTypeError:
                raise model_checks.item_error(CompletionChoice.from_dict, _choices, "choices") from None

            id = src_dict.get("id")
            if (id.__class__ is not str) and id is not None:
                _extras["id"] = id
                id = None

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
        completion_data = object.__new__(cls)
        completion_data.choices = choices
        completion_data.id = id
        completion_data.usage = usage
        completion_data._arrived = src_dict

        completion_data.additional_properties = _extras
        return completion_data

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


# Imported after the class so that models referring to each other load in any order.
from ..models.completion_choice import CompletionChoice
from ..models.usage import Usage
