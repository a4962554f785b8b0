from __future__ import annotations

import json as _json
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._runtime import model_checks
from ..types import UNSET, Unset

T = TypeVar("T", bound="Plugins")

# The keys the spec names; any other key of a payload goes to additional_properties.
_KNOWN_KEYS: frozenset[str] = frozenset({"web_search", "associated_knowledge"})


@_attrs_define
class Plugins:
    """Optional tools the model may use for this request. Some models do not accept them (see the provider's model list).

    Attributes:
        web_search (WebSearchOptions | Unset): Settings of the web-search plugin.
        associated_knowledge (AssociatedKnowledge | Unset): Text supplied by the caller and injected as knowledge.
    """

    web_search: WebSearchOptions | Unset = UNSET
    associated_knowledge: AssociatedKnowledge | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __attrs_post_init__(self) -> None:
        self._check_nested()

    def _check_nested(self) -> None:
        """Dicts given for nested models become models; anything else there is a TypeError."""
        self.web_search = model_checks.as_optional_model(self.web_search, WebSearchOptions, "Plugins.web_search")
        self.associated_knowledge = model_checks.as_optional_model(
            self.associated_knowledge, AssociatedKnowledge, "Plugins.associated_knowledge"
        )

    def to_dict(self) -> dict[str, Any]:
        self._check_nested()  # a field may have been reassigned since construction
        web_search: dict[str, Any] | Unset = UNSET
        if not isinstance(self.web_search, Unset):
            web_search = self.web_search.to_dict()

        associated_knowledge: dict[str, Any] | Unset = UNSET
        if not isinstance(self.associated_knowledge, Unset):
            associated_knowledge = self.associated_knowledge.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if web_search is not UNSET:
            field_dict["web_search"] = web_search
        if associated_knowledge is not UNSET:
            field_dict["associated_knowledge"] = associated_knowledge

        return field_dict

    def to_json(self, *, indent: int | None = 2) -> str:
        """to_dict() as JSON text (non-ASCII characters kept as they are)."""
        return _json.dumps(self.to_dict(), indent=indent, ensure_ascii=False)

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        _web_search = src_dict.get("web_search", UNSET)
        web_search: WebSearchOptions | Unset
        if isinstance(_web_search, Unset):
            web_search = UNSET
        else:
            web_search = WebSearchOptions.from_dict(_web_search)

        _associated_knowledge = src_dict.get("associated_knowledge", UNSET)
        associated_knowledge: AssociatedKnowledge | Unset
        if isinstance(_associated_knowledge, Unset):
            associated_knowledge = UNSET
        else:
            associated_knowledge = AssociatedKnowledge.from_dict(_associated_knowledge)

        plugins = cls(
            web_search=web_search,
            associated_knowledge=associated_knowledge,
        )

        d = {} if src_dict.keys() <= _KNOWN_KEYS else {k: v for k, v in src_dict.items() if k not in _KNOWN_KEYS}

        plugins.additional_properties = d
        return plugins

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
from ..models.associated_knowledge import AssociatedKnowledge
from ..models.web_search_options import WebSearchOptions
