from __future__ import annotations

import json as _json
from collections.abc import Container, Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._runtime import model_checks

T = TypeVar("T", bound="KnowledgeBaseHit")

# (attribute, JSON key) of every field, for the repr.
_FIELDS: tuple[tuple[str, str], ...] = (
    ("score", "score"),
    ("result", "result"),
    ("extra_info", "extra_info"),
)

# The keys the spec names; any other key of a payload goes to additional_properties.
_KNOWN_KEYS: frozenset[str] = frozenset({"score", "result", "extra_info"})


@_attrs_define
class KnowledgeBaseHit:
    """One retrieved passage.

    Attributes:
        score (float | None): Similarity between the passage and the request.
        result (str | None): Text of the passage.
        extra_info (KnowledgeExtraInfo | None): Where the passage comes from; present only for knowledge bases split by
            delimiter.
    """

    score: float | None = None
    result: str | None = None
    extra_info: KnowledgeExtraInfo | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    # The JSON object this model was parsed from (empty if built in code): which keys arrived.
    _arrived: Container[str] = _attrs_field(default=(), init=False, repr=False, eq=False)

    def to_dict(self) -> dict[str, Any]:
        """The JSON object: keys that did not arrive stay absent, a null that arrived stays null."""
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        if self.score is not None:
            field_dict["score"] = self.score
        elif "score" in self._arrived:
            # null, unless a value of the wrong type arrived: additional_properties keeps it
            field_dict.setdefault("score", None)

        if self.result is not None:
            field_dict["result"] = self.result
        elif "result" in self._arrived:
            # null, unless a value of the wrong type arrived: additional_properties keeps it
            field_dict.setdefault("result", None)

        if self.extra_info is not None:
            field_dict["extra_info"] = self.extra_info.to_dict()
        elif "extra_info" in self._arrived:
            # null, unless a value of the wrong type arrived: additional_properties keeps it
            field_dict.setdefault("extra_info", None)

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
            raise model_checks.not_an_object("KnowledgeBaseHit", src_dict) from None
        score = src_dict.get("score")
        if (score.__class__ is not float and score.__class__ is not int) and score is not None:
            _extras["score"] = score
            score = None

        result = src_dict.get("result")
        if (result.__class__ is not str) and result is not None:
            _extras["result"] = result
            result = None

        _extra_info = src_dict.get("extra_info")
        extra_info: KnowledgeExtraInfo | None = None
        if _extra_info is not None:
            try:
                extra_info = KnowledgeExtraInfo.from_dict(_extra_info)
            except model_checks.FieldTypeError:
                _extras["extra_info"] = _extra_info

        # Every slot is filled here, so attrs' __init__ (keyword arguments, and a dict made for
        # additional_properties only to be replaced) is skipped: a stream builds a tree of these
        # per event.
        knowledge_base_hit = object.__new__(cls)
        knowledge_base_hit.score = score
        knowledge_base_hit.result = result
        knowledge_base_hit.extra_info = extra_info
        knowledge_base_hit._arrived = src_dict

        knowledge_base_hit.additional_properties = _extras
        return knowledge_base_hit

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
from ..models.knowledge_extra_info import KnowledgeExtraInfo
