from __future__ import annotations

import json as _json
from collections.abc import Container, Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._runtime import model_checks
from ..models.token_plan_error_type import TokenPlanErrorType

T = TypeVar("T", bound="TokenPlanErrorDetail")

# (attribute, JSON key) of every field, for the repr.
_FIELDS: tuple[tuple[str, str], ...] = (
    ("message", "message"),
    ("type_", "type"),
    ("code", "code"),
)

# The declared type of each required field, for the error naming a missing one.
_REQUIRED: dict[str, str] = {
    "message": "str",
}

# The keys the spec names; any other key of a payload goes to additional_properties.
_KNOWN_KEYS: frozenset[str] = frozenset({"message", "type", "code"})


@_attrs_define
class TokenPlanErrorDetail:
    """What went wrong.

    Attributes:
        message (str): Human-readable explanation, e.g. `model is not found`.
        type_ (str | TokenPlanErrorType | None): Error category; the page lists one for 400, 401 and 404 only.
        code (str | None): The provider's error code, a number written as a string (`"5"`, `"3"`).
    """

    message: str
    type_: str | TokenPlanErrorType | None = None
    code: str | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    # The JSON object this model was parsed from (empty if built in code): which keys arrived.
    _arrived: Container[str] = _attrs_field(default=(), init=False, repr=False, eq=False)

    def to_dict(self) -> dict[str, Any]:
        """The JSON object: keys that did not arrive stay absent, a null that arrived stays null."""
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict["message"] = self.message

        if self.type_ is not None:
            field_dict["type"] = self.type_
        elif "type" in self._arrived:
            # null, unless a value of the wrong type arrived: additional_properties keeps it
            field_dict.setdefault("type", None)

        if self.code is not None:
            field_dict["code"] = self.code
        elif "code" in self._arrived:
            # null, unless a value of the wrong type arrived: additional_properties keeps it
            field_dict.setdefault("code", None)

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
            raise model_checks.not_an_object("TokenPlanErrorDetail", src_dict) from None
        try:
            message = src_dict["message"]
            if message.__class__ is not str:
                raise model_checks.mismatch("message", "str", message)

            type_ = src_dict.get("type")
            if (type_.__class__ is not str) and type_ is not None:
                _extras["type"] = type_
                type_ = None

            code = src_dict.get("code")
            if (code.__class__ is not str) and code is not None:
                _extras["code"] = code
                code = None

        except KeyError as _missing:
            raise model_checks.absent(_missing, src_dict, _REQUIRED) from None
        # Every slot is filled here, so attrs' __init__ (keyword arguments, and a dict made for
        # additional_properties only to be replaced) is skipped: a stream builds a tree of these
        # per event.
        token_plan_error_detail = object.__new__(cls)
        token_plan_error_detail.message = message
        token_plan_error_detail.type_ = type_
        token_plan_error_detail.code = code
        token_plan_error_detail._arrived = src_dict

        token_plan_error_detail.additional_properties = _extras
        return token_plan_error_detail

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
    def type(self) -> str | TokenPlanErrorType | None:
        """`type_` under its JSON name."""
        return self.type_

    @type.setter
    def type(self, value: str | TokenPlanErrorType | None) -> None:
        self.type_ = value
