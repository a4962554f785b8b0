from __future__ import annotations

import json as _json
from collections.abc import Mapping
from typing import Any, Literal, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._runtime import model_checks

T = TypeVar("T", bound="TokenPlanImagePart")

# The keys the spec names; any other key of a payload goes to additional_properties.
_KNOWN_KEYS: frozenset[str] = frozenset({"type", "image_url"})


@_attrs_define
class TokenPlanImagePart:
    """An image in a message's content; several may follow one another in one message.

    Attributes:
        type_ (Literal['image_url']): Always `image_url`.
        image_url (TokenPlanImageUrl): Where the image comes from.
    """

    type_: Literal["image_url"]
    image_url: TokenPlanImageUrl
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __attrs_post_init__(self) -> None:
        self._check_nested()

    def _check_nested(self) -> None:
        """Dicts given for nested models become models; anything else there is a TypeError."""
        self.image_url = model_checks.as_model(self.image_url, TokenPlanImageUrl, "TokenPlanImagePart.image_url")

    def to_dict(self) -> dict[str, Any]:
        self._check_nested()  # a field may have been reassigned since construction
        type_ = self.type_

        image_url = self.image_url.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "image_url": image_url,
            }
        )

        return field_dict

    def to_json(self, *, indent: int | None = 2) -> str:
        """to_dict() as JSON text (non-ASCII characters kept as they are)."""
        return _json.dumps(self.to_dict(), indent=indent, ensure_ascii=False)

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        type_ = cast("Literal[\u0027image_url\u0027]", src_dict["type"])
        if type_ != "image_url":
            raise ValueError(f"type must match const 'image_url', got '{type_}'")

        image_url = TokenPlanImageUrl.from_dict(src_dict["image_url"])

        token_plan_image_part = cls(
            type_=type_,
            image_url=image_url,
        )

        d = {} if src_dict.keys() <= _KNOWN_KEYS else {k: v for k, v in src_dict.items() if k not in _KNOWN_KEYS}

        token_plan_image_part.additional_properties = d
        return token_plan_image_part

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
    def type(self) -> Literal["image_url"]:
        """`type_` under its JSON name."""
        return self.type_

    @type.setter
    def type(self, value: Literal["image_url"]) -> None:
        self.type_ = value


# Imported after the class so that models referring to each other load in any order.
from ..models.token_plan_image_url import TokenPlanImageUrl
