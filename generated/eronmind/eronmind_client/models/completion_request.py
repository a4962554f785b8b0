from __future__ import annotations

import json as _json
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="CompletionRequest")

# The keys the spec names; any other key of a payload goes to additional_properties.
_KNOWN_KEYS: frozenset[str] = frozenset(
    {"model", "prompt", "max_tokens", "temperature", "top_p", "n", "stream", "logprobs", "stop"}
)


@_attrs_define
class CompletionRequest:
    """Parameters of one text completion call.

    Attributes:
        model (str): Identifier of the model to run; the gateway's model list names the available ones.
        prompt (list[int] | list[list[int]] | list[str] | str): Text to continue. Accepted forms: a single string, a
            list of strings, a list of token ids, or a list of token-id lists.
        max_tokens (int | Unset): Largest number of tokens to generate. Prompt tokens plus this value must fit in the
            model's context window.
        temperature (float | Unset): Sampling temperature from 0 to 2. Higher values make the text more random, lower
            values more focused and repeatable. Adjust this or `top_p`, not both.
        top_p (float | Unset): Nucleus sampling: only tokens inside the top `top_p` share of probability mass are
            candidates (0.1 keeps the top 10%). Adjust this or `temperature`, not both.
        n (int | Unset): Number of completions to produce for each prompt. Each one is billed, so keep `max_tokens` and
            `stop` reasonable.
        stream (bool | Unset): When true, tokens are sent as data-only server-sent events as soon as they are ready, and
            the stream ends with a `data: [DONE]` event.
        logprobs (int | None | Unset): Return log-probabilities of the sampled token and of this many most likely
            alternatives at each position (at most 5). The answer may then hold up to `logprobs + 1` entries per position.
        stop (list[str] | str | Unset): Up to four sequences that end generation when produced; the returned text does
            not include them. A single string or a list of strings.
    """

    model: str
    prompt: list[int] | list[list[int]] | list[str] | str
    max_tokens: int | Unset = UNSET
    temperature: float | Unset = UNSET
    top_p: float | Unset = UNSET
    n: int | Unset = UNSET
    stream: bool | Unset = UNSET
    logprobs: int | None | Unset = UNSET
    stop: list[str] | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        model = self.model

        prompt: list[int] | list[list[int]] | list[str] | str
        if isinstance(self.prompt, list):
            prompt = self.prompt

        elif isinstance(self.prompt, list):
            prompt = self.prompt

        elif isinstance(self.prompt, list):
            prompt = []
            for prompt_type_3_item_data in self.prompt:
                prompt_type_3_item = prompt_type_3_item_data

                prompt.append(prompt_type_3_item)

        else:
            prompt = self.prompt

        max_tokens = self.max_tokens

        temperature = self.temperature

        top_p = self.top_p

        n = self.n

        stream = self.stream

        logprobs: int | None | Unset
        if isinstance(self.logprobs, Unset):
            logprobs = UNSET
        else:
            logprobs = self.logprobs

        stop: list[str] | str | Unset
        if isinstance(self.stop, Unset):
            stop = UNSET
        elif isinstance(self.stop, list):
            stop = self.stop

        else:
            stop = self.stop

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "model": model,
                "prompt": prompt,
            }
        )
        if max_tokens is not UNSET:
            field_dict["max_tokens"] = max_tokens
        if temperature is not UNSET:
            field_dict["temperature"] = temperature
        if top_p is not UNSET:
            field_dict["top_p"] = top_p
        if n is not UNSET:
            field_dict["n"] = n
        if stream is not UNSET:
            field_dict["stream"] = stream
        if logprobs is not UNSET:
            field_dict["logprobs"] = logprobs
        if stop is not UNSET:
            field_dict["stop"] = stop

        return field_dict

    def to_json(self, *, indent: int | None = 2) -> str:
        """to_dict() as JSON text (non-ASCII characters kept as they are)."""
        return _json.dumps(self.to_dict(), indent=indent, ensure_ascii=False)

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        model = src_dict["model"]

        def _parse_prompt(data: object) -> list[int] | list[list[int]] | list[str] | str:
            if isinstance(data, str):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                prompt_type_1 = cast("list[str]", data)

                return prompt_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, list):
                    raise TypeError()
                prompt_type_2 = cast("list[int]", data)

                return prompt_type_2
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, list):
                    raise TypeError()
                prompt_type_3 = []
                _prompt_type_3 = data
                for prompt_type_3_item_data in _prompt_type_3:
                    prompt_type_3_item = cast("list[int]", prompt_type_3_item_data)

                    prompt_type_3.append(prompt_type_3_item)

                return prompt_type_3
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast("list[int] | list[list[int]] | list[str] | str", data)

        prompt = _parse_prompt(src_dict["prompt"])

        max_tokens = src_dict.get("max_tokens", UNSET)

        temperature = src_dict.get("temperature", UNSET)

        top_p = src_dict.get("top_p", UNSET)

        n = src_dict.get("n", UNSET)

        stream = src_dict.get("stream", UNSET)

        def _parse_logprobs(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast("int | None | Unset", data)

        logprobs = _parse_logprobs(src_dict.get("logprobs", UNSET))

        def _parse_stop(data: object) -> list[str] | str | Unset:
            if isinstance(data, Unset):
                return data
            if isinstance(data, str):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                stop_type_1 = cast("list[str]", data)

                return stop_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast("list[str] | str | Unset", data)

        stop = _parse_stop(src_dict.get("stop", UNSET))

        completion_request = cls(
            model=model,
            prompt=prompt,
            max_tokens=max_tokens,
            temperature=temperature,
            top_p=top_p,
            n=n,
            stream=stream,
            logprobs=logprobs,
            stop=stop,
        )

        d = {} if src_dict.keys() <= _KNOWN_KEYS else {k: v for k, v in src_dict.items() if k not in _KNOWN_KEYS}

        completion_request.additional_properties = d
        return completion_request

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
