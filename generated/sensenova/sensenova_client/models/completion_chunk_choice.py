from __future__ import annotations

import json as _json
from collections.abc import Container, Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._runtime import model_checks
from ..models.finish_reason import FinishReason

T = TypeVar("T", bound="CompletionChunkChoice")

# (attribute, JSON key) of every field, for the repr.
_FIELDS: tuple[tuple[str, str], ...] = (
    ("index", "index"),
    ("delta", "delta"),
    ("finish_reason", "finish_reason"),
)

# The declared type of each required field, for the error naming a missing one.
_REQUIRED: dict[str, str] = {
    "index": "int",
}

# The keys the spec names; any other key of a payload goes to additional_properties.
_KNOWN_KEYS: frozenset[str] = frozenset({"index", "delta", "finish_reason"})


@_attrs_define
class CompletionChunkChoice:
    """The part of one completion carried by a stream frame.

    Attributes:
        index (int): Position of this choice among the `n` requested.
        delta (str | None): Text added by this frame.
        finish_reason (FinishReason | str | None): Why the choice ended: one of `FinishReason`, or any other string the
            provider may add. In stream frames the value is an empty string (or absent) until the last frame of the choice.
    """

    index: int
    delta: str | None = None
    finish_reason: FinishReason | str | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    # The JSON object this model was parsed from (empty if built in code): which keys arrived.
    _arrived: Container[str] = _attrs_field(default=(), init=False, repr=False, eq=False)

    def to_dict(self) -> dict[str, Any]:
        """The JSON object: keys that did not arrive stay absent, a null that arrived stays null."""
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict["index"] = self.index

        if self.delta is not None:
            field_dict["delta"] = self.delta
        elif "delta" in self._arrived:
            # null, unless a value of the wrong type arrived: additional_properties keeps it
            field_dict.setdefault("delta", None)

        if self.finish_reason is not None:
            field_dict["finish_reason"] = self.finish_reason
        elif "finish_reason" in self._arrived:
            # null, unless a value of the wrong type arrived: additional_properties keeps it
            field_dict.setdefault("finish_reason", None)

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
            raise model_checks.not_an_object("CompletionChunkChoice", src_dict) from None
        try:
            index = src_dict["index"]
            if index.__class__ is not int:
                raise model_checks.mismatch("index", "int", index)

            delta = src_dict.get("delta")
            if (delta.__class__ is not str) and delta is not None:
                _extras["delta"] = delta
                delta = None

            finish_reason = src_dict.get("finish_reason")
            if (finish_reason.__class__ is not str) and finish_reason is not None:
                _extras["finish_reason"] = finish_reason
                finish_reason = None

        except KeyError as _missing:
            raise model_checks.absent(_missing, src_dict, _REQUIRED) from None
        # Every slot is filled here, so attrs' __init__ (keyword arguments, and a dict made for
        # additional_properties only to be replaced) is skipped: a stream builds a tree of these
        # per event.
        completion_chunk_choice = object.__new__(cls)
        completion_chunk_choice.index = index
        completion_chunk_choice.delta = delta
        completion_chunk_choice.finish_reason = finish_reason
        completion_chunk_choice._arrived = src_dict

        completion_chunk_choice.additional_properties = _extras
        return completion_chunk_choice

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
