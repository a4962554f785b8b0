from __future__ import annotations

import json as _json
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._runtime import model_checks
from ..types import UNSET, Unset

T = TypeVar("T", bound="ChatCompletionRequest")

# The keys the spec names; any other key of a payload goes to additional_properties.
_KNOWN_KEYS: frozenset[str] = frozenset(
    {
        "model",
        "messages",
        "n",
        "know_ids",
        "max_new_tokens",
        "repetition_penalty",
        "stream",
        "temperature",
        "top_p",
        "user",
        "knowledge_config",
        "plugins",
    }
)


@_attrs_define
class ChatCompletionRequest:
    """Parameters of a chat generation.

    Attributes:
        model (str): ID of the model to use (see the provider's model list).
        messages (list[ChatMessage]): The conversation so far, oldest turn first. The service keeps no history, so every
            call carries the full context. The last item must have the role `user` (JSON Schema cannot express a constraint
            on the last item; `x-last-role` records it and the emulator enforces it).
        n (int | Unset): How many alternative replies to generate, from 1 to 4; each reply's `index` tells them apart.
            Some models reject this parameter altogether (the provider's model list says which), so leave it unset unless
            the model supports it.

            Default: `1` (applied by the server).
        know_ids (list[str] | Unset): IDs of the knowledge bases to search while answering.
        max_new_tokens (int | Unset): Upper bound on the number of tokens to generate, from 1 to 2048. Models with a
            smaller context window accept less: the tokens of all message contents plus this value must fit in the window.

            Default: `1024` (applied by the server).
        repetition_penalty (float | Unset): Penalty on repeated tokens, greater than 0 and at most 2. 1 leaves the
            output unchanged, values above 1 discourage repetition and values below 1 encourage it; 1 to 1.2 is the
            recommended band.

            Default: `1.0` (applied by the server).
        stream (bool | Unset): When true, the response is a server-sent event stream of `ChatCompletionChunk` frames
            closed by `[DONE]`, instead of one JSON document.

            Default: `false` (applied by the server).
        temperature (float | Unset): Sampling temperature, greater than 0 and at most 2, with at most six digits after
            the decimal point. Values above 1 make the output more varied, values below 1 make it more deterministic.

            Default: `0.8` (applied by the server).
        top_p (float | Unset): Nucleus sampling: tokens are drawn from the smallest set whose cumulative probability
            reaches this value. Strictly between 0 and 1.

            Default: `0.7` (applied by the server).
        user (str | Unset): Your own identifier for the end user on whose behalf the request is made, useful for
            tracing.
        knowledge_config (KnowledgeConfig | Unset): How the knowledge bases named in `know_ids` are used.
        plugins (Plugins | Unset): Optional tools the model may use for this request. Some models do not accept them
            (see the provider's model list).
    """

    model: str
    messages: list[ChatMessage]
    n: int | Unset = UNSET
    know_ids: list[str] | Unset = UNSET
    max_new_tokens: int | Unset = UNSET
    repetition_penalty: float | Unset = UNSET
    stream: bool | Unset = UNSET
    temperature: float | Unset = UNSET
    top_p: float | Unset = UNSET
    user: str | Unset = UNSET
    knowledge_config: KnowledgeConfig | Unset = UNSET
    plugins: Plugins | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __attrs_post_init__(self) -> None:
        self._check_nested()

    def _check_nested(self) -> None:
        """Dicts given for nested models become models; anything else there is a TypeError."""
        self.messages = model_checks.as_models(self.messages, ChatMessage, "ChatCompletionRequest.messages")
        self.knowledge_config = model_checks.as_optional_model(
            self.knowledge_config, KnowledgeConfig, "ChatCompletionRequest.knowledge_config"
        )
        self.plugins = model_checks.as_optional_model(self.plugins, Plugins, "ChatCompletionRequest.plugins")

    def to_dict(self) -> dict[str, Any]:
        self._check_nested()  # a field may have been reassigned since construction
        model = self.model

        messages = []
        for messages_item_data in self.messages:
            messages_item = messages_item_data.to_dict()
            messages.append(messages_item)

        n = self.n

        know_ids: list[str] | Unset = UNSET
        if not isinstance(self.know_ids, Unset):
            know_ids = self.know_ids

        max_new_tokens = self.max_new_tokens

        repetition_penalty = self.repetition_penalty

        stream = self.stream

        temperature = self.temperature

        top_p = self.top_p

        user = self.user

        knowledge_config: dict[str, Any] | Unset = UNSET
        if not isinstance(self.knowledge_config, Unset):
            knowledge_config = self.knowledge_config.to_dict()

        plugins: dict[str, Any] | Unset = UNSET
        if not isinstance(self.plugins, Unset):
            plugins = self.plugins.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "model": model,
                "messages": messages,
            }
        )
        if n is not UNSET:
            field_dict["n"] = n
        if know_ids is not UNSET:
            field_dict["know_ids"] = know_ids
        if max_new_tokens is not UNSET:
            field_dict["max_new_tokens"] = max_new_tokens
        if repetition_penalty is not UNSET:
            field_dict["repetition_penalty"] = repetition_penalty
        if stream is not UNSET:
            field_dict["stream"] = stream
        if temperature is not UNSET:
            field_dict["temperature"] = temperature
        if top_p is not UNSET:
            field_dict["top_p"] = top_p
        if user is not UNSET:
            field_dict["user"] = user
        if knowledge_config is not UNSET:
            field_dict["knowledge_config"] = knowledge_config
        if plugins is not UNSET:
            field_dict["plugins"] = plugins

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

        n = src_dict.get("n", UNSET)

        know_ids = cast("list[str]", src_dict.get("know_ids", UNSET))

        max_new_tokens = src_dict.get("max_new_tokens", UNSET)

        repetition_penalty = src_dict.get("repetition_penalty", UNSET)

        stream = src_dict.get("stream", UNSET)

        temperature = src_dict.get("temperature", UNSET)

        top_p = src_dict.get("top_p", UNSET)

        user = src_dict.get("user", UNSET)

        _knowledge_config = src_dict.get("knowledge_config", UNSET)
        knowledge_config: KnowledgeConfig | Unset
        if isinstance(_knowledge_config, Unset):
            knowledge_config = UNSET
        else:
            knowledge_config = KnowledgeConfig.from_dict(_knowledge_config)

        _plugins = src_dict.get("plugins", UNSET)
        plugins: Plugins | Unset
        if isinstance(_plugins, Unset):
            plugins = UNSET
        else:
            plugins = Plugins.from_dict(_plugins)

        chat_completion_request = cls(
            model=model,
            messages=messages,
            n=n,
            know_ids=know_ids,
            max_new_tokens=max_new_tokens,
            repetition_penalty=repetition_penalty,
            stream=stream,
            temperature=temperature,
            top_p=top_p,
            user=user,
            knowledge_config=knowledge_config,
            plugins=plugins,
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
from ..models.knowledge_config import KnowledgeConfig
from ..models.plugins import Plugins
