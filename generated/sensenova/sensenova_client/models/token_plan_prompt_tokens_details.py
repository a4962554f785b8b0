from __future__ import annotations

import json as _json
from collections.abc import Container, Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._runtime import model_checks

T = TypeVar("T", bound="TokenPlanPromptTokensDetails")

# (attribute, JSON key) of every field, for the repr.
_FIELDS: tuple[tuple[str, str], ...] = (
    ("cached_tokens", "cached_tokens"),
    ("audio_tokens", "audio_tokens"),
)

# The keys the spec names; any other key of a payload goes to additional_properties.
_KNOWN_KEYS: frozenset[str] = frozenset({"cached_tokens", "audio_tokens"})


@_attrs_define
class TokenPlanPromptTokensDetails:
    """Parts of `prompt_tokens`.

    Attributes:
        cached_tokens (int | None): Input tokens served from the provider's cache.
        audio_tokens (int | None): Input tokens of audio.
    """

    cached_tokens: int | None = None
    audio_tokens: int | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    # The JSON object this model was parsed from (empty if built in code): which keys arrived.
    _arrived: Container[str] = _attrs_field(default=(), init=False, repr=False, eq=False)

    def to_dict(self) -> dict[str, Any]:
        """The JSON object: keys that did not arrive stay absent, a null that arrived stays null."""
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        if self.cached_tokens is not None:
            field_dict["cached_tokens"] = self.cached_tokens
        elif "cached_tokens" in self._arrived:
            # null, unless a value of the wrong type arrived: additional_properties keeps it
            field_dict.setdefault("cached_tokens", None)

        if self.audio_tokens is not None:
            field_dict["audio_tokens"] = self.audio_tokens
        elif "audio_tokens" in self._arrived:
            # null, unless a value of the wrong type arrived: additional_properties keeps it
            field_dict.setdefault("audio_tokens", None)

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
            raise model_checks.not_an_object("TokenPlanPromptTokensDetails", src_dict) from None
        cached_tokens = src_dict.get("cached_tokens")
        if (cached_tokens.__class__ is not int) and cached_tokens is not None:
            _extras["cached_tokens"] = cached_tokens
            cached_tokens = None

        audio_tokens = src_dict.get("audio_tokens")
        if (audio_tokens.__class__ is not int) and audio_tokens is not None:
            _extras["audio_tokens"] = audio_tokens
            audio_tokens = None

        # Every slot is filled here, so attrs' __init__ (keyword arguments, and a dict made for
        # additional_properties only to be replaced) is skipped: a stream builds a tree of these
        # per event.
        token_plan_prompt_tokens_details = object.__new__(cls)
        token_plan_prompt_tokens_details.cached_tokens = cached_tokens
        token_plan_prompt_tokens_details.audio_tokens = audio_tokens
        token_plan_prompt_tokens_details._arrived = src_dict

        token_plan_prompt_tokens_details.additional_properties = _extras
        return token_plan_prompt_tokens_details

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
