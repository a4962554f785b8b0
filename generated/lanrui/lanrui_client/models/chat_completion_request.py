from __future__ import annotations

import json as _json
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._runtime import model_checks
from ..types import UNSET, Unset

T = TypeVar("T", bound="ChatCompletionRequest")

# The keys the spec names; any other key of a payload goes to additional_properties.
_KNOWN_KEYS: frozenset[str] = frozenset(
    {"model", "messages", "temperature", "top_p", "stream", "max_tokens", "presence_penalty", "frequency_penalty"}
)


@_attrs_define
class ChatCompletionRequest:
    """Parameters of one chat completion call.

    Attributes:
        model (str): Name of the deployed inference service to call, written as `model_name/model_version`.
        messages (list[ChatMessage]): The conversation so far, oldest message first; the model answers the last one.
        temperature (float | Unset): Sampling temperature between 0 and 2 inclusive. Larger values give more varied
            output, smaller values more focused output. Tune this or `top_p`, not both.

            Default: `1` (applied by the server).
        top_p (float | Unset): Nucleus sampling: only the smallest set of tokens whose cumulative probability reaches
            this value is considered. Greater than 0, at most 1.

            Default: `1` (applied by the server).
        stream (bool | Unset): When true the answer is delivered as server-sent events, one chunk at a time.

            Default: `false` (applied by the server).
        max_tokens (int | Unset): Upper bound on the number of tokens generated for the reply. When omitted the provider
            sets no limit of its own (its document gives the default as "inf").
        presence_penalty (float | Unset): Between -2 and 2 inclusive. Positive values penalise tokens that already
            appeared, pushing the model toward new topics.

            Default: `0` (applied by the server).
        frequency_penalty (float | Unset): Between -2 and 2 inclusive. Positive values penalise tokens in proportion to
            how often they already appeared, making verbatim repetition less likely.

            Default: `0` (applied by the server).
    """

    model: str
    messages: list[ChatMessage]
    temperature: float | Unset = UNSET
    top_p: float | Unset = UNSET
    stream: bool | Unset = UNSET
    max_tokens: int | Unset = UNSET
    presence_penalty: float | Unset = UNSET
    frequency_penalty: float | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __attrs_post_init__(self) -> None:
        self._check_nested()

    def _check_nested(self) -> None:
        """Dicts given for nested models become models; anything else there is a TypeError."""
        self.messages = model_checks.as_models(self.messages, ChatMessage, "ChatCompletionRequest.messages")

    def to_dict(self) -> dict[str, Any]:
        self._check_nested()  # a field may have been reassigned since construction
        model = self.model

        messages = []
        for messages_item_data in self.messages:
            messages_item = messages_item_data.to_dict()
            messages.append(messages_item)

        temperature = self.temperature

        top_p = self.top_p

        stream = self.stream

        max_tokens = self.max_tokens

        presence_penalty = self.presence_penalty

        frequency_penalty = self.frequency_penalty

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "model": model,
                "messages": messages,
            }
        )
        if temperature is not UNSET:
            field_dict["temperature"] = temperature
        if top_p is not UNSET:
            field_dict["top_p"] = top_p
        if stream is not UNSET:
            field_dict["stream"] = stream
        if max_tokens is not UNSET:
            field_dict["max_tokens"] = max_tokens
        if presence_penalty is not UNSET:
            field_dict["presence_penalty"] = presence_penalty
        if frequency_penalty is not UNSET:
            field_dict["frequency_penalty"] = frequency_penalty

        return field_dict

    def to_json(self, *, indent: int | None = 2) -> str:
        """to_dict() as JSON text (non-ASCII characters kept as they are)."""
        return _json.dumps(self.to_dict(), indent=indent, ensure_ascii=False)

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        model = src_dict["model"]

        messages = []
        _messages = src_dict["messages"]
        for messages_item_data in _messages:
            messages_item = ChatMessage.from_dict(messages_item_data)

            messages.append(messages_item)

        temperature = src_dict.get("temperature", UNSET)

        top_p = src_dict.get("top_p", UNSET)

        stream = src_dict.get("stream", UNSET)

        max_tokens = src_dict.get("max_tokens", UNSET)

        presence_penalty = src_dict.get("presence_penalty", UNSET)

        frequency_penalty = src_dict.get("frequency_penalty", UNSET)

        chat_completion_request = cls(
            model=model,
            messages=messages,
            temperature=temperature,
            top_p=top_p,
            stream=stream,
            max_tokens=max_tokens,
            presence_penalty=presence_penalty,
            frequency_penalty=frequency_penalty,
        )

        d = {} if src_dict.keys() <= _KNOWN_KEYS else {k: v for k, v in src_dict.items() if k not in _KNOWN_KEYS}

        chat_completion_request.additional_properties = d
        return chat_completion_request

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
from ..models.chat_message import ChatMessage
