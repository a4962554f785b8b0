from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.chat_completion_chunk_object import ChatCompletionChunkObject, check_chat_completion_chunk_object
from ..types import UNSET, Unset

T = TypeVar("T", bound="ChatCompletionChunk")

# The keys the spec names; any other key of a payload goes to additional_properties.
_KNOWN_KEYS: frozenset[str] = frozenset({"id", "object", "created", "model", "choices", "system_fingerprint", "usage"})


@_attrs_define
class ChatCompletionChunk:
    """One server-sent event of a streaming chat completion.

    Attributes:
        id (str): Identifier shared by every chunk of one completion.
        object_ (ChatCompletionChunkObject | str): Kind of object; `chat.completion.chunk` for a stream event.
        created (int): Creation time as a Unix timestamp in seconds.
        model (str): Model that produces the stream.
        choices (list[ChatCompletionChunkChoice]): Increments for each alternative carried by this event.
        system_fingerprint (str | Unset): Identifies the backend configuration that served the request.
        usage (None | Unset | Usage): Token counts, when the provider includes them in an event; otherwise absent or
            null.
    """

    id: str
    object_: ChatCompletionChunkObject | str
    created: int
    model: str
    choices: list[ChatCompletionChunkChoice]
    system_fingerprint: str | Unset = UNSET
    usage: None | Unset | Usage = UNSET
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

        usage: dict[str, Any] | None | Unset
        if isinstance(self.usage, Unset):
            usage = UNSET
        elif isinstance(self.usage, Usage):
            usage = self.usage.to_dict()
        else:
            usage = self.usage

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

        def _parse_object_(data: object) -> ChatCompletionChunkObject | str:
            if isinstance(data, str):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                object_type_0 = check_chat_completion_chunk_object(data)

                return object_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast("ChatCompletionChunkObject | str", data)

        object_ = _parse_object_(src_dict["object"])

        created = src_dict["created"]

        model = src_dict["model"]

        choices = []
        _choices = src_dict["choices"]
        for choices_item_data in _choices:
            choices_item = ChatCompletionChunkChoice.from_dict(choices_item_data)

            choices.append(choices_item)

        system_fingerprint = src_dict.get("system_fingerprint", UNSET)

        def _parse_usage(data: object) -> None | Unset | Usage:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                usage_type_0 = Usage.from_dict(data)

                return usage_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast("None | Unset | Usage", data)

        usage = _parse_usage(src_dict.get("usage", UNSET))

        chat_completion_chunk = cls(
            id=id,
            object_=object_,
            created=created,
            model=model,
            choices=choices,
            system_fingerprint=system_fingerprint,
            usage=usage,
        )

        d = {} if src_dict.keys() <= _KNOWN_KEYS else {k: v for k, v in src_dict.items() if k not in _KNOWN_KEYS}

        chat_completion_chunk.additional_properties = d
        return chat_completion_chunk

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
from ..models.chat_completion_chunk_choice import ChatCompletionChunkChoice
from ..models.usage import Usage
