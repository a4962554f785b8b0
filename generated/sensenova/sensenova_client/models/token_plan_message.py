from __future__ import annotations

import json as _json
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.chat_role import ChatRole, check_chat_role

T = TypeVar("T", bound="TokenPlanMessage")

# The keys the spec names; any other key of a payload goes to additional_properties.
_KNOWN_KEYS: frozenset[str] = frozenset({"role", "content"})


@_attrs_define
class TokenPlanMessage:
    """One turn of the conversation. There is no `reasoning` member: a previous reply goes back into the history as its
    `content` only.

        Attributes:
            role (ChatRole): Author of a chat message.
            content (list[TokenPlanImagePart | TokenPlanTextPart] | str): Text of the turn, or a list of content parts: text
                and images (images in user turns).
    """

    role: ChatRole
    content: list[TokenPlanImagePart | TokenPlanTextPart] | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        role: str = self.role

        content: list[dict[str, Any]] | str
        if isinstance(self.content, list):
            content = []
            for content_type_1_item_data in self.content:
                content_type_1_item: dict[str, Any]
                if isinstance(content_type_1_item_data, TokenPlanTextPart):
                    content_type_1_item = content_type_1_item_data.to_dict()
                else:
                    content_type_1_item = content_type_1_item_data.to_dict()

                content.append(content_type_1_item)

        else:
            content = self.content

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "role": role,
                "content": content,
            }
        )

        return field_dict

    def to_json(self, *, indent: int | None = 2) -> str:
        """to_dict() as JSON text (non-ASCII characters kept as they are)."""
        return _json.dumps(self.to_dict(), indent=indent, ensure_ascii=False)

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        role = check_chat_role(src_dict["role"])

        def _parse_content(data: object) -> list[TokenPlanImagePart | TokenPlanTextPart] | str:
            if isinstance(data, str):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                content_type_1 = []
                _content_type_1 = data
                for content_type_1_item_data in _content_type_1:

                    def _parse_content_type_1_item(data: object) -> TokenPlanImagePart | TokenPlanTextPart:
                        try:
                            if not isinstance(data, dict):
                                raise TypeError()
                            componentsschemas_token_plan_content_part_type_0 = TokenPlanTextPart.from_dict(data)

                            return componentsschemas_token_plan_content_part_type_0
                        except (TypeError, ValueError, AttributeError, KeyError):
                            pass
                        if not isinstance(data, dict):
                            raise TypeError()
                        componentsschemas_token_plan_content_part_type_1 = TokenPlanImagePart.from_dict(data)

                        return componentsschemas_token_plan_content_part_type_1

                    content_type_1_item = _parse_content_type_1_item(content_type_1_item_data)

                    content_type_1.append(content_type_1_item)

                return content_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast("list[TokenPlanImagePart | TokenPlanTextPart] | str", data)

        content = _parse_content(src_dict["content"])

        token_plan_message = cls(
            role=role,
            content=content,
        )

        d = {} if src_dict.keys() <= _KNOWN_KEYS else {k: v for k, v in src_dict.items() if k not in _KNOWN_KEYS}

        token_plan_message.additional_properties = d
        return token_plan_message

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
from ..models.token_plan_image_part import TokenPlanImagePart
from ..models.token_plan_text_part import TokenPlanTextPart
