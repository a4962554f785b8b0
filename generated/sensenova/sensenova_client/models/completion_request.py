from __future__ import annotations

import json as _json
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="CompletionRequest")

# The keys the spec names; any other key of a payload goes to additional_properties.
_KNOWN_KEYS: frozenset[str] = frozenset(
    {"prompt", "model", "n", "max_new_tokens", "repetition_penalty", "stop", "stream", "temperature", "top_p"}
)


@_attrs_define
class CompletionRequest:
    """Parameters of a text completion.

    Attributes:
        prompt (str): The text the model continues.
        model (str): ID of the model to use (see the provider's model list).
        n (int | Unset): How many alternative completions to generate, from 1 to 4.

            Default: `1` (applied by the server).
        max_new_tokens (int | Unset): Upper bound on the number of tokens to generate, from 1 to 2048. Models with a
            smaller context window accept less: prompt tokens plus this value must fit in the window.

            Default: `1024` (applied by the server).
        repetition_penalty (float | Unset): Penalty on repeated tokens, greater than 0 and at most 2. 1 leaves the
            output unchanged, values above 1 discourage repetition and values below 1 encourage it; 1 to 1.2 is the
            recommended band.

            Default: `1.05` (applied by the server).
        stop (str | Unset): A string that ends generation when the model produces it.
        stream (bool | Unset): When true, the response is a server-sent event stream of `CompletionChunk` frames closed
            by `[DONE]`, instead of one JSON document.

            Default: `false` (applied by the server).
        temperature (float | Unset): Sampling temperature, greater than 0 and at most 2. Values above 1 make the output
            more varied, values below 1 make it more deterministic.

            Default: `0.8` (applied by the server).
        top_p (float | Unset): Nucleus sampling: tokens are drawn from the smallest set whose cumulative probability
            reaches this value. Strictly between 0 and 1.

            Default: `0.7` (applied by the server).
    """

    prompt: str
    model: str
    n: int | Unset = UNSET
    max_new_tokens: int | Unset = UNSET
    repetition_penalty: float | Unset = UNSET
    stop: str | Unset = UNSET
    stream: bool | Unset = UNSET
    temperature: float | Unset = UNSET
    top_p: float | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        prompt = self.prompt

        model = self.model

        n = self.n

        max_new_tokens = self.max_new_tokens

        repetition_penalty = self.repetition_penalty

        stop = self.stop

        stream = self.stream

        temperature = self.temperature

        top_p = self.top_p

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "prompt": prompt,
                "model": model,
            }
        )
        if n is not UNSET:
            field_dict["n"] = n
        if max_new_tokens is not UNSET:
            field_dict["max_new_tokens"] = max_new_tokens
        if repetition_penalty is not UNSET:
            field_dict["repetition_penalty"] = repetition_penalty
        if stop is not UNSET:
            field_dict["stop"] = stop
        if stream is not UNSET:
            field_dict["stream"] = stream
        if temperature is not UNSET:
            field_dict["temperature"] = temperature
        if top_p is not UNSET:
            field_dict["top_p"] = top_p

        return field_dict

    def to_json(self, *, indent: int | None = 2) -> str:
        """to_dict() as JSON text (non-ASCII characters kept as they are)."""
        return _json.dumps(self.to_dict(), indent=indent, ensure_ascii=False)

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        prompt = src_dict["prompt"]

        model = src_dict["model"]

        n = src_dict.get("n", UNSET)

        max_new_tokens = src_dict.get("max_new_tokens", UNSET)

        repetition_penalty = src_dict.get("repetition_penalty", UNSET)

        stop = src_dict.get("stop", UNSET)

        stream = src_dict.get("stream", UNSET)

        temperature = src_dict.get("temperature", UNSET)

        top_p = src_dict.get("top_p", UNSET)

        completion_request = cls(
            prompt=prompt,
            model=model,
            n=n,
            max_new_tokens=max_new_tokens,
            repetition_penalty=repetition_penalty,
            stop=stop,
            stream=stream,
            temperature=temperature,
            top_p=top_p,
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
