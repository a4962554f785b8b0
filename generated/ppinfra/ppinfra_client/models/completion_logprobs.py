from __future__ import annotations

import json as _json
from collections.abc import Container, Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._runtime import model_checks

T = TypeVar("T", bound="CompletionLogprobs")

# (attribute, JSON key) of every field, for the repr.
_FIELDS: tuple[tuple[str, str], ...] = (
    ("text_offset", "text_offset"),
    ("token_logprobs", "token_logprobs"),
    ("tokens", "tokens"),
    ("top_logprobs", "top_logprobs"),
)

# The keys the spec names; any other key of a payload goes to additional_properties.
_KNOWN_KEYS: frozenset[str] = frozenset({"text_offset", "token_logprobs", "tokens", "top_logprobs"})


@_attrs_define
class CompletionLogprobs:
    """Per-token log-probability report of one continuation (parallel lists, one entry per token).

    Attributes:
        text_offset (list[int] | None): Character offset of each token in the generated text.
        token_logprobs (list[float] | None): Natural-log probability of each sampled token.
        tokens (list[str] | None): The sampled tokens.
        top_logprobs (list[TopLogprobs] | None): For each position, the most likely tokens and their log-probabilities.
    """

    text_offset: list[int] | None = None
    token_logprobs: list[float] | None = None
    tokens: list[str] | None = None
    top_logprobs: list[TopLogprobs] | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    # The JSON object this model was parsed from (empty if built in code): which keys arrived.
    _arrived: Container[str] = _attrs_field(default=(), init=False, repr=False, eq=False)

    def to_dict(self) -> dict[str, Any]:
        """The JSON object: keys that did not arrive stay absent, a null that arrived stays null."""
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        if self.text_offset is not None:
            field_dict["text_offset"] = self.text_offset
        elif "text_offset" in self._arrived:
            # null, unless a value of the wrong type arrived: additional_properties keeps it
            field_dict.setdefault("text_offset", None)

        if self.token_logprobs is not None:
            field_dict["token_logprobs"] = self.token_logprobs
        elif "token_logprobs" in self._arrived:
            # null, unless a value of the wrong type arrived: additional_properties keeps it
            field_dict.setdefault("token_logprobs", None)

        if self.tokens is not None:
            field_dict["tokens"] = self.tokens
        elif "tokens" in self._arrived:
            # null, unless a value of the wrong type arrived: additional_properties keeps it
            field_dict.setdefault("tokens", None)

        if self.top_logprobs is not None:
            field_dict["top_logprobs"] = [item.to_dict() for item in self.top_logprobs]
        elif "top_logprobs" in self._arrived:
            # null, unless a value of the wrong type arrived: additional_properties keeps it
            field_dict.setdefault("top_logprobs", None)

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
            raise model_checks.not_an_object("CompletionLogprobs", src_dict) from None
        text_offset = src_dict.get("text_offset")
        if (text_offset.__class__ is not list or not model_checks.all_of(text_offset, int)) and text_offset is not None:
            _extras["text_offset"] = text_offset
            text_offset = None

        token_logprobs = src_dict.get("token_logprobs")
        if (
            token_logprobs.__class__ is not list or not model_checks.all_numbers(token_logprobs)
        ) and token_logprobs is not None:
            _extras["token_logprobs"] = token_logprobs
            token_logprobs = None

        tokens = src_dict.get("tokens")
        if (tokens.__class__ is not list or not model_checks.all_of(tokens, str)) and tokens is not None:
            _extras["tokens"] = tokens
            tokens = None

        _top_logprobs = src_dict.get("top_logprobs")
        top_logprobs: list[TopLogprobs] | None = None
        if _top_logprobs.__class__ is list:
            try:
                top_logprobs = [TopLogprobs.from_dict(item) for item in _top_logprobs]
            except model_checks.FieldTypeError:
                _extras["top_logprobs"] = _top_logprobs
        elif _top_logprobs is not None:
            _extras["top_logprobs"] = _top_logprobs

        # Every slot is filled here, so attrs' __init__ (keyword arguments, and a dict made for
        # additional_properties only to be replaced) is skipped: a stream builds a tree of these
        # per event.
        completion_logprobs = object.__new__(cls)
        completion_logprobs.text_offset = text_offset
        completion_logprobs.token_logprobs = token_logprobs
        completion_logprobs.tokens = tokens
        completion_logprobs.top_logprobs = top_logprobs
        completion_logprobs._arrived = src_dict

        completion_logprobs.additional_properties = _extras
        return completion_logprobs

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
from ..models.top_logprobs import TopLogprobs
