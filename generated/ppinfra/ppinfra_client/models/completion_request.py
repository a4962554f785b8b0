from __future__ import annotations

import json as _json
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._runtime import model_checks
from ..types import UNSET, Unset

T = TypeVar("T", bound="CompletionRequest")

# The keys the spec names; any other key of a payload goes to additional_properties.
_KNOWN_KEYS: frozenset[str] = frozenset(
    {
        "model",
        "prompt",
        "max_tokens",
        "stream",
        "stream_options",
        "n",
        "seed",
        "frequency_penalty",
        "presence_penalty",
        "repetition_penalty",
        "stop",
        "temperature",
        "top_p",
        "top_k",
        "min_p",
        "logit_bias",
        "logprobs",
        "best_of",
    }
)


@_attrs_define
class CompletionRequest:
    """Parameters of one text completion call.

    Attributes:
        model (str): Name of the model to run, as listed in the provider's model catalogue.
        prompt (list[int] | list[list[int]] | list[str] | str): Text to continue. Accepted forms: a single string, a
            list of strings, a list of token ids, or a list of token-id lists.
        max_tokens (int | Unset): Largest number of tokens to generate. Prompt tokens plus this value must fit in the
            model's context window.
        stream (bool | None | Unset): When true, tokens are sent as data-only server-sent events and the stream ends
            with a `data: [DONE]` event.

            Default: `false` (applied by the server).
        stream_options (StreamOptions | Unset): Options of a streamed answer; only meaningful when `stream` is true.
        n (int | None | Unset): Number of completions to produce for each prompt, from 1 up to (not including) 128.
            Every completion is billed, so keep `max_tokens` and `stop` reasonable.

            Default: `1` (applied by the server).
        seed (int | None | Unset): Makes sampling as deterministic as the backend allows: repeating a request with the
            same seed and parameters should give the same result.
        frequency_penalty (float | None | Unset): Strictly between -2 and 2. Positive values penalise a token in
            proportion to how often it has already appeared, reducing verbatim repetition; negative values encourage it.
            Around 0.1 to 1 reduces repetition mildly.

            Default: `0` (applied by the server).
        presence_penalty (float | None | Unset): Strictly between -2 and 2. Positive values penalise any token that has
            already appeared at least once, nudging the model toward new topics; negative values encourage repetition.

            Default: `0` (applied by the server).
        repetition_penalty (float | None | Unset): Multiplicative repetition control, strictly between 0 and 2: 1.0
            leaves tokens alone, values above 1.0 discourage repeats, values below 1.0 favour them (1.2 is a common choice).
            For decoder-only models it applies to prompt and output tokens alike.
        stop (list[str] | None | str | Unset): Up to four sequences that end generation when produced: a single string
            or a list of strings. The provider states that the returned text includes the matched sequence.
        temperature (float | None | Unset): Randomness of sampling, strictly between 0 and 2. Higher values give more
            varied text, lower values more focused text. Adjust this or `top_p`, not both.

            Default: `1` (applied by the server).
        top_p (float | None | Unset): Nucleus sampling: only tokens inside the top `top_p` share of probability mass are
            candidates. Greater than 0, at most 1. Adjust this or `temperature`, not both.
        top_k (int | None | Unset): Keep only the k most likely next tokens and renormalise over them; from 1 up to (not
            including) 128.
        min_p (float | None | Unset): Smallest probability, relative to the most likely token, that a token needs to
            stay a candidate; from 0 to 1.
        logit_bias (LogitBias | Unset): Maps token ids (as strings) to a bias from -100 to 100 added to that token's
            logit; large negative values ban a token, large positive values force it.
        logprobs (int | None | Unset): Return log-probabilities of the sampled tokens together with this many most
            likely alternatives per position; at most 5.
        best_of (int | Unset): Generate this many candidates on the server and return the best ones (highest log-
            probability per token). Must exceed `n` when both are set; cannot be streamed. Every candidate is billed.

            Default: `1` (applied by the server).
    """

    model: str
    prompt: list[int] | list[list[int]] | list[str] | str
    max_tokens: int | Unset = UNSET
    stream: bool | None | Unset = UNSET
    stream_options: StreamOptions | Unset = UNSET
    n: int | None | Unset = UNSET
    seed: int | None | Unset = UNSET
    frequency_penalty: float | None | Unset = UNSET
    presence_penalty: float | None | Unset = UNSET
    repetition_penalty: float | None | Unset = UNSET
    stop: list[str] | None | str | Unset = UNSET
    temperature: float | None | Unset = UNSET
    top_p: float | None | Unset = UNSET
    top_k: int | None | Unset = UNSET
    min_p: float | None | Unset = UNSET
    logit_bias: LogitBias | Unset = UNSET
    logprobs: int | None | Unset = UNSET
    best_of: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __attrs_post_init__(self) -> None:
        self._check_nested()

    def _check_nested(self) -> None:
        """Dicts given for nested models become models; anything else there is a TypeError."""
        self.stream_options = model_checks.as_optional_model(
            self.stream_options, StreamOptions, "CompletionRequest.stream_options"
        )
        self.logit_bias = model_checks.as_optional_model(self.logit_bias, LogitBias, "CompletionRequest.logit_bias")

    def to_dict(self) -> dict[str, Any]:
        self._check_nested()  # a field may have been reassigned since construction
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

        stream: bool | None | Unset
        if isinstance(self.stream, Unset):
            stream = UNSET
        else:
            stream = self.stream

        stream_options: dict[str, Any] | Unset = UNSET
        if not isinstance(self.stream_options, Unset):
            stream_options = self.stream_options.to_dict()

        n: int | None | Unset
        if isinstance(self.n, Unset):
            n = UNSET
        else:
            n = self.n

        seed: int | None | Unset
        if isinstance(self.seed, Unset):
            seed = UNSET
        else:
            seed = self.seed

        frequency_penalty: float | None | Unset
        if isinstance(self.frequency_penalty, Unset):
            frequency_penalty = UNSET
        else:
            frequency_penalty = self.frequency_penalty

        presence_penalty: float | None | Unset
        if isinstance(self.presence_penalty, Unset):
            presence_penalty = UNSET
        else:
            presence_penalty = self.presence_penalty

        repetition_penalty: float | None | Unset
        if isinstance(self.repetition_penalty, Unset):
            repetition_penalty = UNSET
        else:
            repetition_penalty = self.repetition_penalty

        stop: list[str] | None | str | Unset
        if isinstance(self.stop, Unset):
            stop = UNSET
        elif isinstance(self.stop, list):
            stop = self.stop

        else:
            stop = self.stop

        temperature: float | None | Unset
        if isinstance(self.temperature, Unset):
            temperature = UNSET
        else:
            temperature = self.temperature

        top_p: float | None | Unset
        if isinstance(self.top_p, Unset):
            top_p = UNSET
        else:
            top_p = self.top_p

        top_k: int | None | Unset
        if isinstance(self.top_k, Unset):
            top_k = UNSET
        else:
            top_k = self.top_k

        min_p: float | None | Unset
        if isinstance(self.min_p, Unset):
            min_p = UNSET
        else:
            min_p = self.min_p

        logit_bias: dict[str, Any] | Unset = UNSET
        if not isinstance(self.logit_bias, Unset):
            logit_bias = self.logit_bias.to_dict()

        logprobs: int | None | Unset
        if isinstance(self.logprobs, Unset):
            logprobs = UNSET
        else:
            logprobs = self.logprobs

        best_of = self.best_of

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
        if stream is not UNSET:
            field_dict["stream"] = stream
        if stream_options is not UNSET:
            field_dict["stream_options"] = stream_options
        if n is not UNSET:
            field_dict["n"] = n
        if seed is not UNSET:
            field_dict["seed"] = seed
        if frequency_penalty is not UNSET:
            field_dict["frequency_penalty"] = frequency_penalty
        if presence_penalty is not UNSET:
            field_dict["presence_penalty"] = presence_penalty
        if repetition_penalty is not UNSET:
            field_dict["repetition_penalty"] = repetition_penalty
        if stop is not UNSET:
            field_dict["stop"] = stop
        if temperature is not UNSET:
            field_dict["temperature"] = temperature
        if top_p is not UNSET:
            field_dict["top_p"] = top_p
        if top_k is not UNSET:
            field_dict["top_k"] = top_k
        if min_p is not UNSET:
            field_dict["min_p"] = min_p
        if logit_bias is not UNSET:
            field_dict["logit_bias"] = logit_bias
        if logprobs is not UNSET:
            field_dict["logprobs"] = logprobs
        if best_of is not UNSET:
            field_dict["best_of"] = best_of

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

        def _parse_stream(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast("bool | None | Unset", data)

        stream = _parse_stream(src_dict.get("stream", UNSET))

        _stream_options = src_dict.get("stream_options", UNSET)
        stream_options: StreamOptions | Unset
        if isinstance(_stream_options, Unset):
            stream_options = UNSET
        else:
            stream_options = StreamOptions.from_dict(_stream_options)

        def _parse_n(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast("int | None | Unset", data)

        n = _parse_n(src_dict.get("n", UNSET))

        def _parse_seed(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast("int | None | Unset", data)

        seed = _parse_seed(src_dict.get("seed", UNSET))

        def _parse_frequency_penalty(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast("float | None | Unset", data)

        frequency_penalty = _parse_frequency_penalty(src_dict.get("frequency_penalty", UNSET))

        def _parse_presence_penalty(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast("float | None | Unset", data)

        presence_penalty = _parse_presence_penalty(src_dict.get("presence_penalty", UNSET))

        def _parse_repetition_penalty(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast("float | None | Unset", data)

        repetition_penalty = _parse_repetition_penalty(src_dict.get("repetition_penalty", UNSET))

        def _parse_stop(data: object) -> list[str] | None | str | Unset:
            if data is None:
                return data
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
            return cast("list[str] | None | str | Unset", data)

        stop = _parse_stop(src_dict.get("stop", UNSET))

        def _parse_temperature(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast("float | None | Unset", data)

        temperature = _parse_temperature(src_dict.get("temperature", UNSET))

        def _parse_top_p(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast("float | None | Unset", data)

        top_p = _parse_top_p(src_dict.get("top_p", UNSET))

        def _parse_top_k(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast("int | None | Unset", data)

        top_k = _parse_top_k(src_dict.get("top_k", UNSET))

        def _parse_min_p(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast("float | None | Unset", data)

        min_p = _parse_min_p(src_dict.get("min_p", UNSET))

        _logit_bias = src_dict.get("logit_bias", UNSET)
        logit_bias: LogitBias | Unset
        if isinstance(_logit_bias, Unset):
            logit_bias = UNSET
        else:
            logit_bias = LogitBias.from_dict(_logit_bias)

        def _parse_logprobs(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast("int | None | Unset", data)

        logprobs = _parse_logprobs(src_dict.get("logprobs", UNSET))

        best_of = src_dict.get("best_of", UNSET)

        completion_request = cls(
            model=model,
            prompt=prompt,
            max_tokens=max_tokens,
            stream=stream,
            stream_options=stream_options,
            n=n,
            seed=seed,
            frequency_penalty=frequency_penalty,
            presence_penalty=presence_penalty,
            repetition_penalty=repetition_penalty,
            stop=stop,
            temperature=temperature,
            top_p=top_p,
            top_k=top_k,
            min_p=min_p,
            logit_bias=logit_bias,
            logprobs=logprobs,
            best_of=best_of,
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


# Imported after the class so that models referring to each other load in any order.
from ..models.logit_bias import LogitBias
from ..models.stream_options import StreamOptions
