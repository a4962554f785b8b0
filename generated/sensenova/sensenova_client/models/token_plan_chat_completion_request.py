from __future__ import annotations

import json as _json
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from .._runtime import model_checks
from ..types import UNSET, Unset

T = TypeVar("T", bound="TokenPlanChatCompletionRequest")


@_attrs_define
class TokenPlanChatCompletionRequest:
    """Parameters of a Token Plan chat generation. The gateway refuses members it does not know (see NORMALIZATION.md), so
    only these are accepted.

        Attributes:
            model (str): ID of the model to use, e.g. `sensenova-6.7-flash-lite`.
            messages (list[TokenPlanMessage]): The conversation so far, oldest turn first. The service keeps no history, so
                every call carries the full context; long histories raise `prompt_tokens`, so summarise or cut them. Put a
                previous reply back as its `content` only.
            max_tokens (int | Unset): Upper bound on the tokens generated, reasoning included. Nothing caps the prompt plus
                the reply except the model's context window.
            stream (bool | Unset): When true, the response is a server-sent event stream of `TokenPlanChatCompletionChunk`
                events closed by `[DONE]`, instead of one JSON document.
            temperature (float | Unset): Sampling temperature: higher values make the output more varied. The provider
                recommends 1.0 in thinking mode (0.6 for precise coding) and 0.7 for general instruct tasks.
            top_p (float | Unset): Nucleus sampling: tokens are drawn from the smallest set whose cumulative probability
                reaches this value. Recommended: 0.95 in thinking mode, 0.8 or 1.0 in instruct mode.
            top_k (int | Unset): Tokens are drawn from the k most likely ones only. Recommended: 20 (40 for reasoning tasks
                in instruct mode).
            min_p (float | Unset): Drops tokens whose probability is below this fraction of the most likely token's.
                Recommended: 0.0 in every mode.
            presence_penalty (float | Unset): Penalty on tokens that already appeared, pushing the model toward new content.
                Recommended: 1.5 for general tasks, 0.0 for precise coding, 2.0 for reasoning in instruct mode.
            repetition_penalty (float | Unset): Multiplicative penalty on repeated tokens; 1.0 leaves the output unchanged,
                which is the recommended value in every mode.
    """

    model: str
    messages: list[TokenPlanMessage]
    max_tokens: int | Unset = UNSET
    stream: bool | Unset = UNSET
    temperature: float | Unset = UNSET
    top_p: float | Unset = UNSET
    top_k: int | Unset = UNSET
    min_p: float | Unset = UNSET
    presence_penalty: float | Unset = UNSET
    repetition_penalty: float | Unset = UNSET

    def __attrs_post_init__(self) -> None:
        self._check_nested()

    def _check_nested(self) -> None:
        """Dicts given for nested models become models; anything else there is a TypeError."""
        self.messages = model_checks.as_models(
            self.messages, TokenPlanMessage, "TokenPlanChatCompletionRequest.messages"
        )

    def to_dict(self) -> dict[str, Any]:
        self._check_nested()  # a field may have been reassigned since construction
        model = self.model

        messages = []
        for messages_item_data in self.messages:
            messages_item = messages_item_data.to_dict()
            messages.append(messages_item)

        max_tokens = self.max_tokens

        stream = self.stream

        temperature = self.temperature

        top_p = self.top_p

        top_k = self.top_k

        min_p = self.min_p

        presence_penalty = self.presence_penalty

        repetition_penalty = self.repetition_penalty

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "model": model,
                "messages": messages,
            }
        )
        if max_tokens is not UNSET:
            field_dict["max_tokens"] = max_tokens
        if stream is not UNSET:
            field_dict["stream"] = stream
        if temperature is not UNSET:
            field_dict["temperature"] = temperature
        if top_p is not UNSET:
            field_dict["top_p"] = top_p
        if top_k is not UNSET:
            field_dict["top_k"] = top_k
        if min_p is not UNSET:
            field_dict["min_p"] = min_p
        if presence_penalty is not UNSET:
            field_dict["presence_penalty"] = presence_penalty
        if repetition_penalty is not UNSET:
            field_dict["repetition_penalty"] = repetition_penalty

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
            messages_item = TokenPlanMessage.from_dict(messages_item_data)

            messages.append(messages_item)

        max_tokens = src_dict.get("max_tokens", UNSET)

        stream = src_dict.get("stream", UNSET)

        temperature = src_dict.get("temperature", UNSET)

        top_p = src_dict.get("top_p", UNSET)

        top_k = src_dict.get("top_k", UNSET)

        min_p = src_dict.get("min_p", UNSET)

        presence_penalty = src_dict.get("presence_penalty", UNSET)

        repetition_penalty = src_dict.get("repetition_penalty", UNSET)

        token_plan_chat_completion_request = cls(
            model=model,
            messages=messages,
            max_tokens=max_tokens,
            stream=stream,
            temperature=temperature,
            top_p=top_p,
            top_k=top_k,
            min_p=min_p,
            presence_penalty=presence_penalty,
            repetition_penalty=repetition_penalty,
        )

        return token_plan_chat_completion_request


# Imported after the class so that models referring to each other load in any order.
from ..models.token_plan_message import TokenPlanMessage
