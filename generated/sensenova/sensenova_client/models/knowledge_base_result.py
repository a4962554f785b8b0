from __future__ import annotations

import json as _json
from collections.abc import Container, Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._runtime import model_checks

T = TypeVar("T", bound="KnowledgeBaseResult")

# (attribute, JSON key) of every field, for the repr.
_FIELDS: tuple[tuple[str, str], ...] = (
    ("know_id", "know_id"),
    ("results", "results"),
)

# The keys the spec names; any other key of a payload goes to additional_properties.
_KNOWN_KEYS: frozenset[str] = frozenset({"know_id", "results"})


@_attrs_define
class KnowledgeBaseResult:
    """Passages retrieved from one knowledge base.

    Attributes:
        know_id (str | None): ID of the knowledge base searched.
        results (list[KnowledgeBaseHit] | None):
    """

    know_id: str | None = None
    results: list[KnowledgeBaseHit] | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    # The JSON object this model was parsed from (empty if built in code): which keys arrived.
    _arrived: Container[str] = _attrs_field(default=(), init=False, repr=False, eq=False)

    def to_dict(self) -> dict[str, Any]:
        """The JSON object: keys that did not arrive stay absent, a null that arrived stays null."""
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        if self.know_id is not None:
            field_dict["know_id"] = self.know_id
        elif "know_id" in self._arrived:
            # null, unless a value of the wrong type arrived: additional_properties keeps it
            field_dict.setdefault("know_id", None)

        if self.results is not None:
            field_dict["results"] = [item.to_dict() for item in self.results]
        elif "results" in self._arrived:
            # null, unless a value of the wrong type arrived: additional_properties keeps it
            field_dict.setdefault("results", None)

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
            raise model_checks.not_an_object("KnowledgeBaseResult", src_dict) from None
        know_id = src_dict.get("know_id")
        if (know_id.__class__ is not str) and know_id is not None:
            _extras["know_id"] = know_id
            know_id = None

        _results = src_dict.get("results")
        results: list[KnowledgeBaseHit] | None = None
        if _results.__class__ is list:
            try:
                results = [KnowledgeBaseHit.from_dict(item) for item in _results]
            except model_checks.FieldTypeError:
                _extras["results"] = _results
        elif _results is not None:
            _extras["results"] = _results

        # Every slot is filled here, so attrs' __init__ (keyword arguments, and a dict made for
        # additional_properties only to be replaced) is skipped: a stream builds a tree of these
        # per event.
        knowledge_base_result = object.__new__(cls)
        knowledge_base_result.know_id = know_id
        knowledge_base_result.results = results
        knowledge_base_result._arrived = src_dict

        knowledge_base_result.additional_properties = _extras
        return knowledge_base_result

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
from ..models.knowledge_base_hit import KnowledgeBaseHit
