from __future__ import annotations

import json as _json
from collections.abc import Container, Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._runtime import model_checks

T = TypeVar("T", bound="WebSearchResult")

# (attribute, JSON key) of every field, for the repr.
_FIELDS: tuple[tuple[str, str], ...] = (
    ("index", "index"),
    ("url", "url"),
    ("url_source", "url_source"),
    ("title", "title"),
    ("icon", "icon"),
)

# The keys the spec names; any other key of a payload goes to additional_properties.
_KNOWN_KEYS: frozenset[str] = frozenset({"index", "url", "url_source", "title", "icon"})


@_attrs_define
class WebSearchResult:
    """One web page found by the search plugin.

    Attributes:
        index (int | None): Position of the result.
        url (str | None): Address of the page.
        url_source (str | None): Name of the site or source the page belongs to.
        title (str | None): Title of the page.
        icon (str | None): Address of the site's logo image.
    """

    index: int | None = None
    url: str | None = None
    url_source: str | None = None
    title: str | None = None
    icon: str | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    # The JSON object this model was parsed from (empty if built in code): which keys arrived.
    _arrived: Container[str] = _attrs_field(default=(), init=False, repr=False, eq=False)

    def to_dict(self) -> dict[str, Any]:
        """The JSON object: keys that did not arrive stay absent, a null that arrived stays null."""
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        if self.index is not None:
            field_dict["index"] = self.index
        elif "index" in self._arrived:
            # null, unless a value of the wrong type arrived: additional_properties keeps it
            field_dict.setdefault("index", None)

        if self.url is not None:
            field_dict["url"] = self.url
        elif "url" in self._arrived:
            # null, unless a value of the wrong type arrived: additional_properties keeps it
            field_dict.setdefault("url", None)

        if self.url_source is not None:
            field_dict["url_source"] = self.url_source
        elif "url_source" in self._arrived:
            # null, unless a value of the wrong type arrived: additional_properties keeps it
            field_dict.setdefault("url_source", None)

        if self.title is not None:
            field_dict["title"] = self.title
        elif "title" in self._arrived:
            # null, unless a value of the wrong type arrived: additional_properties keeps it
            field_dict.setdefault("title", None)

        if self.icon is not None:
            field_dict["icon"] = self.icon
        elif "icon" in self._arrived:
            # null, unless a value of the wrong type arrived: additional_properties keeps it
            field_dict.setdefault("icon", None)

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
            raise model_checks.not_an_object("WebSearchResult", src_dict) from None
        index = src_dict.get("index")
        if (index.__class__ is not int) and index is not None:
            _extras["index"] = index
            index = None

        url = src_dict.get("url")
        if (url.__class__ is not str) and url is not None:
            _extras["url"] = url
            url = None

        url_source = src_dict.get("url_source")
        if (url_source.__class__ is not str) and url_source is not None:
            _extras["url_source"] = url_source
            url_source = None

        title = src_dict.get("title")
        if (title.__class__ is not str) and title is not None:
            _extras["title"] = title
            title = None

        icon = src_dict.get("icon")
        if (icon.__class__ is not str) and icon is not None:
            _extras["icon"] = icon
            icon = None

        # Every slot is filled here, so attrs' __init__ (keyword arguments, and a dict made for
        # additional_properties only to be replaced) is skipped: a stream builds a tree of these
        # per event.
        web_search_result = object.__new__(cls)
        web_search_result.index = index
        web_search_result.url = url
        web_search_result.url_source = url_source
        web_search_result.title = title
        web_search_result.icon = icon
        web_search_result._arrived = src_dict

        web_search_result.additional_properties = _extras
        return web_search_result

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
