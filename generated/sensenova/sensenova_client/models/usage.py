from __future__ import annotations

import json as _json
from collections.abc import Container, Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._runtime import model_checks

T = TypeVar("T", bound="Usage")

# (attribute, JSON key) of every field, for the repr.
_FIELDS: tuple[tuple[str, str], ...] = (
    ("prompt_tokens", "prompt_tokens"),
    ("knowledge_tokens", "knowledge_tokens"),
    ("completion_tokens", "completion_tokens"),
    ("total_tokens", "total_tokens"),
)

# The keys the spec names; any other key of a payload goes to additional_properties.
_KNOWN_KEYS: frozenset[str] = frozenset({"prompt_tokens", "knowledge_tokens", "completion_tokens", "total_tokens"})


@_attrs_define
class Usage:
    """Token accounting of the request. In stream frames the counts are running totals (or zero until the last frame).

    Attributes:
        prompt_tokens (int | None): Tokens of the input.
        knowledge_tokens (int | None): Chat only: tokens of knowledge-base content fed to the model; non-zero only when
            a knowledge base was used and something was retrieved from it.
        completion_tokens (int | None): Tokens generated.
        total_tokens (int | None): Sum of the counts above.
    """

    prompt_tokens: int | None = None
    knowledge_tokens: int | None = None
    completion_tokens: int | None = None
    total_tokens: int | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    # The JSON object this model was parsed from (empty if built in code): which keys arrived.
    _arrived: Container[str] = _attrs_field(default=(), init=False, repr=False, eq=False)

    def to_dict(self) -> dict[str, Any]:
        """The JSON object: keys that did not arrive stay absent, a null that arrived stays null."""
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        if self.prompt_tokens is not None:
            field_dict["prompt_tokens"] = self.prompt_tokens
        elif "prompt_tokens" in self._arrived:
            # null, unless a value of the wrong type arrived: additional_properties keeps it
            field_dict.setdefault("prompt_tokens", None)

        if self.knowledge_tokens is not None:
            field_dict["knowledge_tokens"] = self.knowledge_tokens
        elif "knowledge_tokens" in self._arrived:
            # null, unless a value of the wrong type arrived: additional_properties keeps it
            field_dict.setdefault("knowledge_tokens", None)

        if self.completion_tokens is not None:
            field_dict["completion_tokens"] = self.completion_tokens
        elif "completion_tokens" in self._arrived:
            # null, unless a value of the wrong type arrived: additional_properties keeps it
            field_dict.setdefault("completion_tokens", None)

        if self.total_tokens is not None:
            field_dict["total_tokens"] = self.total_tokens
        elif "total_tokens" in self._arrived:
            # null, unless a value of the wrong type arrived: additional_properties keeps it
            field_dict.setdefault("total_tokens", None)

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
            raise model_checks.not_an_object("Usage", src_dict) from None
        prompt_tokens = src_dict.get("prompt_tokens")
        if (prompt_tokens.__class__ is not int) and prompt_tokens is not None:
            _extras["prompt_tokens"] = prompt_tokens
            prompt_tokens = None

        knowledge_tokens = src_dict.get("knowledge_tokens")
        if (knowledge_tokens.__class__ is not int) and knowledge_tokens is not None:
            _extras["knowledge_tokens"] = knowledge_tokens
            knowledge_tokens = None

        completion_tokens = src_dict.get("completion_tokens")
        if (completion_tokens.__class__ is not int) and completion_tokens is not None:
            _extras["completion_tokens"] = completion_tokens
            completion_tokens = None

        total_tokens = src_dict.get("total_tokens")
        if (total_tokens.__class__ is not int) and total_tokens is not None:
            _extras["total_tokens"] = total_tokens
            total_tokens = None

        # Every slot is filled here, so attrs' __init__ (keyword arguments, and a dict made for
        # additional_properties only to be replaced) is skipped: a stream builds a tree of these
        # per event.
        usage = object.__new__(cls)
        usage.prompt_tokens = prompt_tokens
        usage.knowledge_tokens = knowledge_tokens
        usage.completion_tokens = completion_tokens
        usage.total_tokens = total_tokens
        usage._arrived = src_dict

        usage.additional_properties = _extras
        return usage

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
