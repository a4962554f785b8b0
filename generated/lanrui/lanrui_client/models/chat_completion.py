from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.chat_completion_object import ChatCompletionObject, check_chat_completion_object
from ..types import UNSET, Unset

T = TypeVar("T", bound="ChatCompletion")

# The keys the spec names; any other key of a payload goes to additional_properties.
_KNOWN_KEYS: frozenset[str] = frozenset({"id", "object", "created", "model", "choices", "system_fingerprint", "usage"})


@_attrs_define
class ChatCompletion:
    """A complete (non-streaming) chat completion.

    Attributes:
        id (str): Identifier of this completion.
        object_ (ChatCompletionObject | str): Kind of object; `chat.completion` for a complete answer.
        created (int): Creation time as a Unix timestamp in seconds.
        model (str): Model that produced the answer.
        choices (list[ChatCompletionChoice]): The generated alternatives.
        system_fingerprint (str | Unset): Identifies the backend configuration that served the request.
        usage (Usage | Unset): Token accounting of a request.
    """

    id: str
    object_: ChatCompletionObject | str
    created: int
    model: str
    choices: list[ChatCompletionChoice]
    system_fingerprint: str | Unset = UNSET
    usage: Usage | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        object_: str
        if isinstance(self.object_, str):
            object_ = self.object_
        else:
            object_ = self.object_

        created = self.created

        model = self.model

        choices = []
        for choices_item_data in self.choices:
            choices_item = choices_item_data.to_dict()
            choices.append(choices_item)

        system_fingerprint = self.system_fingerprint

        usage: dict[str, Any] | Unset = UNSET
        if not isinstance(self.usage, Unset):
            usage = self.usage.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "object": object_,
                "created": created,
                "model": model,
                "choices": choices,
            }
        )
        if system_fingerprint is not UNSET:
            field_dict["system_fingerprint"] = system_fingerprint
        if usage is not UNSET:
            field_dict["usage"] = usage

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        id = src_dict["id"]

        def _parse_object_(data: object) -> ChatCompletionObject | str:
            if isinstance(data, str):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                object_type_0 = check_chat_completion_object(data)

                return object_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast("ChatCompletionObject | str", data)

        object_ = _parse_object_(src_dict["object"])

        created = src_dict["created"]

        model = src_dict["model"]

        choices = []
        _choices = src_dict["choices"]
        for choices_item_data in _choices:
            choices_item = ChatCompletionChoice.from_dict(choices_item_data)

            choices.append(choices_item)

        system_fingerprint = src_dict.get("system_fingerprint", UNSET)

        _usage = src_dict.get("usage", UNSET)
        usage: Usage | Unset
        if isinstance(_usage, Unset):
            usage = UNSET
        else:
            usage = Usage.from_dict(_usage)

        chat_completion = cls(
            id=id,
            object_=object_,
            created=created,
            model=model,
            choices=choices,
            system_fingerprint=system_fingerprint,
            usage=usage,
        )

        d = {} if src_dict.keys() <= _KNOWN_KEYS else {k: v for k, v in src_dict.items() if k not in _KNOWN_KEYS}

        chat_completion.additional_properties = d
        return chat_completion

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
from ..models.chat_completion_choice import ChatCompletionChoice
from ..models.usage import Usage
