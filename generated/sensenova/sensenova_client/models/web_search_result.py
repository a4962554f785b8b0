from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="WebSearchResult")

# The keys the spec names; any other key of a payload goes to additional_properties.
_KNOWN_KEYS: frozenset[str] = frozenset({"index", "url", "url_source", "title", "icon"})


@_attrs_define
class WebSearchResult:
    """One web page found by the search plugin.

    Attributes:
        index (int | Unset): Position of the result.
        url (str | Unset): Address of the page.
        url_source (str | Unset): Name of the site or source the page belongs to.
        title (str | Unset): Title of the page.
        icon (str | Unset): Address of the site's logo image.
    """

    index: int | Unset = UNSET
    url: str | Unset = UNSET
    url_source: str | Unset = UNSET
    title: str | Unset = UNSET
    icon: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        index = self.index

        url = self.url

        url_source = self.url_source

        title = self.title

        icon = self.icon

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if index is not UNSET:
            field_dict["index"] = index
        if url is not UNSET:
            field_dict["url"] = url
        if url_source is not UNSET:
            field_dict["url_source"] = url_source
        if title is not UNSET:
            field_dict["title"] = title
        if icon is not UNSET:
            field_dict["icon"] = icon

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        index = src_dict.get("index", UNSET)

        url = src_dict.get("url", UNSET)

        url_source = src_dict.get("url_source", UNSET)

        title = src_dict.get("title", UNSET)

        icon = src_dict.get("icon", UNSET)

        web_search_result = cls(
            index=index,
            url=url,
            url_source=url_source,
            title=title,
            icon=icon,
        )

        d = {} if src_dict.keys() <= _KNOWN_KEYS else {k: v for k, v in src_dict.items() if k not in _KNOWN_KEYS}

        web_search_result.additional_properties = d
        return web_search_result

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
