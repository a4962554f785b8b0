"""`client.completions`: Continue a prompt.

Generated from ppinfra.yaml (`x-client-method`) by codegen/surface.py; do not edit.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import cached_property
from typing import TYPE_CHECKING, Literal, overload

import httpx2

from .._runtime.http.options import Body, CallOptions
from .._runtime.surface import resource as _resource
from ..api.completions import create_completion as _create_completion
from ..types import UNSET, Unset

# What each streaming method's until_done() returns, importable next to the resource.
CompletionStreamResult = _create_completion.CompletionStreamResult

if TYPE_CHECKING:
    from .._runtime.streams.stream import AsyncFinalStream, AsyncStream, FinalStream, Stream
    from .._runtime.surface.response import RawResponse
    from ..models import Completion, CompletionChunk, LogitBias, StreamOptions
    from ..params import LogitBiasParam, StreamOptionsParam

__all__ = [
    "Completions",
    "CompletionsWithRawResponse",
    "AsyncCompletions",
    "AsyncCompletionsWithRawResponse",
    "CompletionStreamResult",
]


class Completions(_resource.SyncResource):
    """`client.completions`."""

    @cached_property
    def with_raw_response(self) -> CompletionsWithRawResponse:
        """The same methods, returning the HTTP answer (`RawResponse`) with `.parse()` for the result."""
        return CompletionsWithRawResponse(self)

    @overload
    def create(
        self,
        *,
        model: str,
        prompt: str | Sequence[str] | Sequence[int] | Sequence[Sequence[int]],
        max_tokens: int | Unset = UNSET,
        stream_options: StreamOptionsParam | StreamOptions | Unset = UNSET,
        n: int | None | Unset = UNSET,
        seed: int | None | Unset = UNSET,
        frequency_penalty: float | None | Unset = UNSET,
        presence_penalty: float | None | Unset = UNSET,
        repetition_penalty: float | None | Unset = UNSET,
        stop: str | Sequence[str] | None | Unset = UNSET,
        temperature: float | None | Unset = UNSET,
        top_p: float | None | Unset = UNSET,
        top_k: int | None | Unset = UNSET,
        min_p: float | None | Unset = UNSET,
        logit_bias: LogitBiasParam | LogitBias | Unset = UNSET,
        logprobs: int | None | Unset = UNSET,
        best_of: int | Unset = UNSET,
        stream: Literal[False] | Unset = UNSET,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, str | int | float | bool | None] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx2.Timeout | None | Unset = UNSET,
        max_retries: int | Unset = UNSET,
        deadline: float | None | Unset = UNSET,
        stream_idle_timeout: float | None | Unset = UNSET,
    ) -> Completion: ...

    @overload
    def create(
        self,
        *,
        model: str,
        prompt: str | Sequence[str] | Sequence[int] | Sequence[Sequence[int]],
        stream: Literal[True],
        max_tokens: int | Unset = UNSET,
        stream_options: StreamOptionsParam | StreamOptions | Unset = UNSET,
        n: int | None | Unset = UNSET,
        seed: int | None | Unset = UNSET,
        frequency_penalty: float | None | Unset = UNSET,
        presence_penalty: float | None | Unset = UNSET,
        repetition_penalty: float | None | Unset = UNSET,
        stop: str | Sequence[str] | None | Unset = UNSET,
        temperature: float | None | Unset = UNSET,
        top_p: float | None | Unset = UNSET,
        top_k: int | None | Unset = UNSET,
        min_p: float | None | Unset = UNSET,
        logit_bias: LogitBiasParam | LogitBias | Unset = UNSET,
        logprobs: int | None | Unset = UNSET,
        best_of: int | Unset = UNSET,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, str | int | float | bool | None] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx2.Timeout | None | Unset = UNSET,
        max_retries: int | Unset = UNSET,
        deadline: float | None | Unset = UNSET,
        stream_idle_timeout: float | None | Unset = UNSET,
    ) -> Stream[CompletionChunk, _create_completion.CompletionStreamResult]: ...

    @overload
    def create(
        self,
        *,
        model: str,
        prompt: str | Sequence[str] | Sequence[int] | Sequence[Sequence[int]],
        stream: bool,
        max_tokens: int | Unset = UNSET,
        stream_options: StreamOptionsParam | StreamOptions | Unset = UNSET,
        n: int | None | Unset = UNSET,
        seed: int | None | Unset = UNSET,
        frequency_penalty: float | None | Unset = UNSET,
        presence_penalty: float | None | Unset = UNSET,
        repetition_penalty: float | None | Unset = UNSET,
        stop: str | Sequence[str] | None | Unset = UNSET,
        temperature: float | None | Unset = UNSET,
        top_p: float | None | Unset = UNSET,
        top_k: int | None | Unset = UNSET,
        min_p: float | None | Unset = UNSET,
        logit_bias: LogitBiasParam | LogitBias | Unset = UNSET,
        logprobs: int | None | Unset = UNSET,
        best_of: int | Unset = UNSET,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, str | int | float | bool | None] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx2.Timeout | None | Unset = UNSET,
        max_retries: int | Unset = UNSET,
        deadline: float | None | Unset = UNSET,
        stream_idle_timeout: float | None | Unset = UNSET,
    ) -> Completion | Stream[CompletionChunk, _create_completion.CompletionStreamResult]: ...

    def create(
        self,
        *,
        model: str,
        prompt: str | Sequence[str] | Sequence[int] | Sequence[Sequence[int]],
        max_tokens: int | Unset = UNSET,
        stream_options: StreamOptionsParam | StreamOptions | Unset = UNSET,
        n: int | None | Unset = UNSET,
        seed: int | None | Unset = UNSET,
        frequency_penalty: float | None | Unset = UNSET,
        presence_penalty: float | None | Unset = UNSET,
        repetition_penalty: float | None | Unset = UNSET,
        stop: str | Sequence[str] | None | Unset = UNSET,
        temperature: float | None | Unset = UNSET,
        top_p: float | None | Unset = UNSET,
        top_k: int | None | Unset = UNSET,
        min_p: float | None | Unset = UNSET,
        logit_bias: LogitBiasParam | LogitBias | Unset = UNSET,
        logprobs: int | None | Unset = UNSET,
        best_of: int | Unset = UNSET,
        stream: bool | Unset = UNSET,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, str | int | float | bool | None] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx2.Timeout | None | Unset = UNSET,
        max_retries: int | Unset = UNSET,
        deadline: float | None | Unset = UNSET,
        stream_idle_timeout: float | None | Unset = UNSET,
    ) -> Completion | Stream[CompletionChunk, _create_completion.CompletionStreamResult]:
        """Continue a prompt

        Produces a model continuation of the given prompt under the given sampling parameters.
        With `stream` set to true the text arrives incrementally as `CompletionChunk` events;
        `stream_options.include_usage` adds a final event that carries the token usage.

        Args:
            model: Name of the model to run, as listed in the provider's model catalogue.
            prompt: Text to continue. Accepted forms: a single string, a list of strings, a list of
                token ids, or a list of token-id lists.
            max_tokens: Largest number of tokens to generate. Prompt tokens plus this value must fit in
                the model's context window.
            stream_options: (undocumented)
            n: Number of completions to produce for each prompt, from 1 up to (not including)
                128. Every completion is billed, so keep `max_tokens` and `stop` reasonable.

                Default: `1` (applied by the server).
            seed: Makes sampling as deterministic as the backend allows: repeating a request with
                the same seed and parameters should give the same result.
            frequency_penalty: Strictly between -2 and 2. Positive values penalise a token in proportion to how
                often it has already appeared, reducing verbatim repetition; negative values
                encourage it. Around 0.1 to 1 reduces repetition mildly.

                Default: `0` (applied by the server).
            presence_penalty: Strictly between -2 and 2. Positive values penalise any token that has already
                appeared at least once, nudging the model toward new topics; negative values
                encourage repetition.

                Default: `0` (applied by the server).
            repetition_penalty: Multiplicative repetition control, strictly between 0 and 2: 1.0 leaves tokens
                alone, values above 1.0 discourage repeats, values below 1.0 favour them (1.2 is
                a common choice). For decoder-only models it applies to prompt and output tokens
                alike.
            stop: Up to four sequences that end generation when produced: a single string or a
                list of strings. The provider states that the returned text includes the matched
                sequence.
            temperature: Randomness of sampling, strictly between 0 and 2. Higher values give more varied
                text, lower values more focused text. Adjust this or `top_p`, not both.

                Default: `1` (applied by the server).
            top_p: Nucleus sampling: only tokens inside the top `top_p` share of probability mass
                are candidates. Greater than 0, at most 1. Adjust this or `temperature`, not
                both.
            top_k: Keep only the k most likely next tokens and renormalise over them; from 1 up to
                (not including) 128.
            min_p: Smallest probability, relative to the most likely token, that a token needs to
                stay a candidate; from 0 to 1.
            logit_bias: (undocumented)
            logprobs: Return log-probabilities of the sampled tokens together with this many most
                likely alternatives per position; at most 5.
            best_of: Generate this many candidates on the server and return the best ones (highest
                log-probability per token). Must exceed `n` when both are set; cannot be
                streamed. Every candidate is billed.

                Default: `1` (applied by the server).
            stream: True for a Stream of `CompletionChunk` events (the request is sent
                before this returns, so an error status raises here), else the `Completion`.
            extra_headers: More HTTP headers for this request.
            extra_query: More URL query parameters for this request.
            extra_body: More JSON body members, merged into the body last, exactly as given.
            timeout: This call's timeout in seconds (or an httpx2.Timeout; None for none).
            max_retries: How often this call is retried.
            deadline: Seconds this whole call may take, retries and reading (the whole stream)
                included; None for no deadline.
            stream_idle_timeout: Seconds a stream may wait for its next event (keep-alive
                comments and empty events count as waiting), else errors.StreamIdleTimeoutError;
                None for no limit. A call that is not streamed ignores it.

        Raises:
            errors.APIStatusError: The server answered with an error status (a subclass per status).
            errors.APIConnectionError: The request could not be sent or the answer not received.
            errors.APITimeoutError: The request timed out.
        """

        raw = self._create(
            {
                "model": model,
                "prompt": prompt,
                "max_tokens": max_tokens,
                "stream_options": stream_options,
                "n": n,
                "seed": seed,
                "frequency_penalty": frequency_penalty,
                "presence_penalty": presence_penalty,
                "repetition_penalty": repetition_penalty,
                "stop": stop,
                "temperature": temperature,
                "top_p": top_p,
                "top_k": top_k,
                "min_p": min_p,
                "logit_bias": logit_bias,
                "logprobs": logprobs,
                "best_of": best_of,
                "stream": stream,
            },
            stream,
            CallOptions(extra_headers, extra_query, extra_body, timeout, max_retries, deadline, stream_idle_timeout),
        )
        return raw.parse()

    def _create(
        self,
        body: Body,
        stream: bool | Unset,
        options: CallOptions,
    ) -> RawResponse[Completion] | RawResponse[Stream[CompletionChunk, _create_completion.CompletionStreamResult]]:
        if stream is True:
            return self._stream(_create_completion._get_kwargs, _create_completion._STREAM_FORMAT, body, options)
        return self._call(_create_completion._get_kwargs, _create_completion._parse_response, body, options)

    def stream(
        self,
        *,
        model: str,
        prompt: str | Sequence[str] | Sequence[int] | Sequence[Sequence[int]],
        max_tokens: int | Unset = UNSET,
        stream_options: StreamOptionsParam | StreamOptions | Unset = UNSET,
        n: int | None | Unset = UNSET,
        seed: int | None | Unset = UNSET,
        frequency_penalty: float | None | Unset = UNSET,
        presence_penalty: float | None | Unset = UNSET,
        repetition_penalty: float | None | Unset = UNSET,
        stop: str | Sequence[str] | None | Unset = UNSET,
        temperature: float | None | Unset = UNSET,
        top_p: float | None | Unset = UNSET,
        top_k: int | None | Unset = UNSET,
        min_p: float | None | Unset = UNSET,
        logit_bias: LogitBiasParam | LogitBias | Unset = UNSET,
        logprobs: int | None | Unset = UNSET,
        best_of: int | Unset = UNSET,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, str | int | float | bool | None] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx2.Timeout | None | Unset = UNSET,
        max_retries: int | Unset = UNSET,
        deadline: float | None | Unset = UNSET,
        stream_idle_timeout: float | None | Unset = UNSET,
    ) -> FinalStream[CompletionChunk, _create_completion.CompletionStreamResult, Completion]:
        """`create(..., stream=True)` as the openai SDK's `stream()`: `with` sends the
        request (an error status raises there) and closes the stream at the end of the block; iterate
        it for `CompletionChunk` events, then `get_final_completion()` gives the `Completion` the
        stream amounts to, `until_done()` the gathered StreamResult. The arguments are
        `create()`'s, checked before any request.
        """
        return self._final_stream(
            _create_completion._get_kwargs,
            _create_completion._STREAM_FORMAT,
            {
                "model": model,
                "prompt": prompt,
                "max_tokens": max_tokens,
                "stream_options": stream_options,
                "n": n,
                "seed": seed,
                "frequency_penalty": frequency_penalty,
                "presence_penalty": presence_penalty,
                "repetition_penalty": repetition_penalty,
                "stop": stop,
                "temperature": temperature,
                "top_p": top_p,
                "top_k": top_k,
                "min_p": min_p,
                "logit_bias": logit_bias,
                "logprobs": logprobs,
                "best_of": best_of,
            },
            CallOptions(extra_headers, extra_query, extra_body, timeout, max_retries, deadline, stream_idle_timeout),
        )


class CompletionsWithRawResponse:
    """`client.completions.with_raw_response`: each method returns a `RawResponse`."""

    def __init__(self, resource: Completions) -> None:
        self._resource = resource

    @overload
    def create(
        self,
        *,
        model: str,
        prompt: str | Sequence[str] | Sequence[int] | Sequence[Sequence[int]],
        max_tokens: int | Unset = UNSET,
        stream_options: StreamOptionsParam | StreamOptions | Unset = UNSET,
        n: int | None | Unset = UNSET,
        seed: int | None | Unset = UNSET,
        frequency_penalty: float | None | Unset = UNSET,
        presence_penalty: float | None | Unset = UNSET,
        repetition_penalty: float | None | Unset = UNSET,
        stop: str | Sequence[str] | None | Unset = UNSET,
        temperature: float | None | Unset = UNSET,
        top_p: float | None | Unset = UNSET,
        top_k: int | None | Unset = UNSET,
        min_p: float | None | Unset = UNSET,
        logit_bias: LogitBiasParam | LogitBias | Unset = UNSET,
        logprobs: int | None | Unset = UNSET,
        best_of: int | Unset = UNSET,
        stream: Literal[False] | Unset = UNSET,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, str | int | float | bool | None] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx2.Timeout | None | Unset = UNSET,
        max_retries: int | Unset = UNSET,
        deadline: float | None | Unset = UNSET,
        stream_idle_timeout: float | None | Unset = UNSET,
    ) -> RawResponse[Completion]: ...

    @overload
    def create(
        self,
        *,
        model: str,
        prompt: str | Sequence[str] | Sequence[int] | Sequence[Sequence[int]],
        stream: Literal[True],
        max_tokens: int | Unset = UNSET,
        stream_options: StreamOptionsParam | StreamOptions | Unset = UNSET,
        n: int | None | Unset = UNSET,
        seed: int | None | Unset = UNSET,
        frequency_penalty: float | None | Unset = UNSET,
        presence_penalty: float | None | Unset = UNSET,
        repetition_penalty: float | None | Unset = UNSET,
        stop: str | Sequence[str] | None | Unset = UNSET,
        temperature: float | None | Unset = UNSET,
        top_p: float | None | Unset = UNSET,
        top_k: int | None | Unset = UNSET,
        min_p: float | None | Unset = UNSET,
        logit_bias: LogitBiasParam | LogitBias | Unset = UNSET,
        logprobs: int | None | Unset = UNSET,
        best_of: int | Unset = UNSET,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, str | int | float | bool | None] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx2.Timeout | None | Unset = UNSET,
        max_retries: int | Unset = UNSET,
        deadline: float | None | Unset = UNSET,
        stream_idle_timeout: float | None | Unset = UNSET,
    ) -> RawResponse[Stream[CompletionChunk, _create_completion.CompletionStreamResult]]: ...

    @overload
    def create(
        self,
        *,
        model: str,
        prompt: str | Sequence[str] | Sequence[int] | Sequence[Sequence[int]],
        stream: bool,
        max_tokens: int | Unset = UNSET,
        stream_options: StreamOptionsParam | StreamOptions | Unset = UNSET,
        n: int | None | Unset = UNSET,
        seed: int | None | Unset = UNSET,
        frequency_penalty: float | None | Unset = UNSET,
        presence_penalty: float | None | Unset = UNSET,
        repetition_penalty: float | None | Unset = UNSET,
        stop: str | Sequence[str] | None | Unset = UNSET,
        temperature: float | None | Unset = UNSET,
        top_p: float | None | Unset = UNSET,
        top_k: int | None | Unset = UNSET,
        min_p: float | None | Unset = UNSET,
        logit_bias: LogitBiasParam | LogitBias | Unset = UNSET,
        logprobs: int | None | Unset = UNSET,
        best_of: int | Unset = UNSET,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, str | int | float | bool | None] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx2.Timeout | None | Unset = UNSET,
        max_retries: int | Unset = UNSET,
        deadline: float | None | Unset = UNSET,
        stream_idle_timeout: float | None | Unset = UNSET,
    ) -> RawResponse[Completion] | RawResponse[Stream[CompletionChunk, _create_completion.CompletionStreamResult]]: ...

    def create(
        self,
        *,
        model: str,
        prompt: str | Sequence[str] | Sequence[int] | Sequence[Sequence[int]],
        max_tokens: int | Unset = UNSET,
        stream_options: StreamOptionsParam | StreamOptions | Unset = UNSET,
        n: int | None | Unset = UNSET,
        seed: int | None | Unset = UNSET,
        frequency_penalty: float | None | Unset = UNSET,
        presence_penalty: float | None | Unset = UNSET,
        repetition_penalty: float | None | Unset = UNSET,
        stop: str | Sequence[str] | None | Unset = UNSET,
        temperature: float | None | Unset = UNSET,
        top_p: float | None | Unset = UNSET,
        top_k: int | None | Unset = UNSET,
        min_p: float | None | Unset = UNSET,
        logit_bias: LogitBiasParam | LogitBias | Unset = UNSET,
        logprobs: int | None | Unset = UNSET,
        best_of: int | Unset = UNSET,
        stream: bool | Unset = UNSET,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, str | int | float | bool | None] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx2.Timeout | None | Unset = UNSET,
        max_retries: int | Unset = UNSET,
        deadline: float | None | Unset = UNSET,
        stream_idle_timeout: float | None | Unset = UNSET,
    ) -> RawResponse[Completion] | RawResponse[Stream[CompletionChunk, _create_completion.CompletionStreamResult]]:
        """Like `completions.create()`, but returns the `RawResponse`."""
        return self._resource._create(
            {
                "model": model,
                "prompt": prompt,
                "max_tokens": max_tokens,
                "stream_options": stream_options,
                "n": n,
                "seed": seed,
                "frequency_penalty": frequency_penalty,
                "presence_penalty": presence_penalty,
                "repetition_penalty": repetition_penalty,
                "stop": stop,
                "temperature": temperature,
                "top_p": top_p,
                "top_k": top_k,
                "min_p": min_p,
                "logit_bias": logit_bias,
                "logprobs": logprobs,
                "best_of": best_of,
                "stream": stream,
            },
            stream,
            CallOptions(extra_headers, extra_query, extra_body, timeout, max_retries, deadline, stream_idle_timeout),
        )


class AsyncCompletions(_resource.AsyncResource):
    """`client.completions` (async)."""

    @cached_property
    def with_raw_response(self) -> AsyncCompletionsWithRawResponse:
        """The same methods, returning the HTTP answer (`RawResponse`) with `.parse()` for the result."""
        return AsyncCompletionsWithRawResponse(self)

    @overload
    async def create(
        self,
        *,
        model: str,
        prompt: str | Sequence[str] | Sequence[int] | Sequence[Sequence[int]],
        max_tokens: int | Unset = UNSET,
        stream_options: StreamOptionsParam | StreamOptions | Unset = UNSET,
        n: int | None | Unset = UNSET,
        seed: int | None | Unset = UNSET,
        frequency_penalty: float | None | Unset = UNSET,
        presence_penalty: float | None | Unset = UNSET,
        repetition_penalty: float | None | Unset = UNSET,
        stop: str | Sequence[str] | None | Unset = UNSET,
        temperature: float | None | Unset = UNSET,
        top_p: float | None | Unset = UNSET,
        top_k: int | None | Unset = UNSET,
        min_p: float | None | Unset = UNSET,
        logit_bias: LogitBiasParam | LogitBias | Unset = UNSET,
        logprobs: int | None | Unset = UNSET,
        best_of: int | Unset = UNSET,
        stream: Literal[False] | Unset = UNSET,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, str | int | float | bool | None] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx2.Timeout | None | Unset = UNSET,
        max_retries: int | Unset = UNSET,
        deadline: float | None | Unset = UNSET,
        stream_idle_timeout: float | None | Unset = UNSET,
    ) -> Completion: ...

    @overload
    async def create(
        self,
        *,
        model: str,
        prompt: str | Sequence[str] | Sequence[int] | Sequence[Sequence[int]],
        stream: Literal[True],
        max_tokens: int | Unset = UNSET,
        stream_options: StreamOptionsParam | StreamOptions | Unset = UNSET,
        n: int | None | Unset = UNSET,
        seed: int | None | Unset = UNSET,
        frequency_penalty: float | None | Unset = UNSET,
        presence_penalty: float | None | Unset = UNSET,
        repetition_penalty: float | None | Unset = UNSET,
        stop: str | Sequence[str] | None | Unset = UNSET,
        temperature: float | None | Unset = UNSET,
        top_p: float | None | Unset = UNSET,
        top_k: int | None | Unset = UNSET,
        min_p: float | None | Unset = UNSET,
        logit_bias: LogitBiasParam | LogitBias | Unset = UNSET,
        logprobs: int | None | Unset = UNSET,
        best_of: int | Unset = UNSET,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, str | int | float | bool | None] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx2.Timeout | None | Unset = UNSET,
        max_retries: int | Unset = UNSET,
        deadline: float | None | Unset = UNSET,
        stream_idle_timeout: float | None | Unset = UNSET,
    ) -> AsyncStream[CompletionChunk, _create_completion.CompletionStreamResult]: ...

    @overload
    async def create(
        self,
        *,
        model: str,
        prompt: str | Sequence[str] | Sequence[int] | Sequence[Sequence[int]],
        stream: bool,
        max_tokens: int | Unset = UNSET,
        stream_options: StreamOptionsParam | StreamOptions | Unset = UNSET,
        n: int | None | Unset = UNSET,
        seed: int | None | Unset = UNSET,
        frequency_penalty: float | None | Unset = UNSET,
        presence_penalty: float | None | Unset = UNSET,
        repetition_penalty: float | None | Unset = UNSET,
        stop: str | Sequence[str] | None | Unset = UNSET,
        temperature: float | None | Unset = UNSET,
        top_p: float | None | Unset = UNSET,
        top_k: int | None | Unset = UNSET,
        min_p: float | None | Unset = UNSET,
        logit_bias: LogitBiasParam | LogitBias | Unset = UNSET,
        logprobs: int | None | Unset = UNSET,
        best_of: int | Unset = UNSET,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, str | int | float | bool | None] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx2.Timeout | None | Unset = UNSET,
        max_retries: int | Unset = UNSET,
        deadline: float | None | Unset = UNSET,
        stream_idle_timeout: float | None | Unset = UNSET,
    ) -> Completion | AsyncStream[CompletionChunk, _create_completion.CompletionStreamResult]: ...

    async def create(
        self,
        *,
        model: str,
        prompt: str | Sequence[str] | Sequence[int] | Sequence[Sequence[int]],
        max_tokens: int | Unset = UNSET,
        stream_options: StreamOptionsParam | StreamOptions | Unset = UNSET,
        n: int | None | Unset = UNSET,
        seed: int | None | Unset = UNSET,
        frequency_penalty: float | None | Unset = UNSET,
        presence_penalty: float | None | Unset = UNSET,
        repetition_penalty: float | None | Unset = UNSET,
        stop: str | Sequence[str] | None | Unset = UNSET,
        temperature: float | None | Unset = UNSET,
        top_p: float | None | Unset = UNSET,
        top_k: int | None | Unset = UNSET,
        min_p: float | None | Unset = UNSET,
        logit_bias: LogitBiasParam | LogitBias | Unset = UNSET,
        logprobs: int | None | Unset = UNSET,
        best_of: int | Unset = UNSET,
        stream: bool | Unset = UNSET,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, str | int | float | bool | None] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx2.Timeout | None | Unset = UNSET,
        max_retries: int | Unset = UNSET,
        deadline: float | None | Unset = UNSET,
        stream_idle_timeout: float | None | Unset = UNSET,
    ) -> Completion | AsyncStream[CompletionChunk, _create_completion.CompletionStreamResult]:
        """Continue a prompt

        Produces a model continuation of the given prompt under the given sampling parameters.
        With `stream` set to true the text arrives incrementally as `CompletionChunk` events;
        `stream_options.include_usage` adds a final event that carries the token usage.

        Args:
            model: Name of the model to run, as listed in the provider's model catalogue.
            prompt: Text to continue. Accepted forms: a single string, a list of strings, a list of
                token ids, or a list of token-id lists.
            max_tokens: Largest number of tokens to generate. Prompt tokens plus this value must fit in
                the model's context window.
            stream_options: (undocumented)
            n: Number of completions to produce for each prompt, from 1 up to (not including)
                128. Every completion is billed, so keep `max_tokens` and `stop` reasonable.

                Default: `1` (applied by the server).
            seed: Makes sampling as deterministic as the backend allows: repeating a request with
                the same seed and parameters should give the same result.
            frequency_penalty: Strictly between -2 and 2. Positive values penalise a token in proportion to how
                often it has already appeared, reducing verbatim repetition; negative values
                encourage it. Around 0.1 to 1 reduces repetition mildly.

                Default: `0` (applied by the server).
            presence_penalty: Strictly between -2 and 2. Positive values penalise any token that has already
                appeared at least once, nudging the model toward new topics; negative values
                encourage repetition.

                Default: `0` (applied by the server).
            repetition_penalty: Multiplicative repetition control, strictly between 0 and 2: 1.0 leaves tokens
                alone, values above 1.0 discourage repeats, values below 1.0 favour them (1.2 is
                a common choice). For decoder-only models it applies to prompt and output tokens
                alike.
            stop: Up to four sequences that end generation when produced: a single string or a
                list of strings. The provider states that the returned text includes the matched
                sequence.
            temperature: Randomness of sampling, strictly between 0 and 2. Higher values give more varied
                text, lower values more focused text. Adjust this or `top_p`, not both.

                Default: `1` (applied by the server).
            top_p: Nucleus sampling: only tokens inside the top `top_p` share of probability mass
                are candidates. Greater than 0, at most 1. Adjust this or `temperature`, not
                both.
            top_k: Keep only the k most likely next tokens and renormalise over them; from 1 up to
                (not including) 128.
            min_p: Smallest probability, relative to the most likely token, that a token needs to
                stay a candidate; from 0 to 1.
            logit_bias: (undocumented)
            logprobs: Return log-probabilities of the sampled tokens together with this many most
                likely alternatives per position; at most 5.
            best_of: Generate this many candidates on the server and return the best ones (highest
                log-probability per token). Must exceed `n` when both are set; cannot be
                streamed. Every candidate is billed.

                Default: `1` (applied by the server).
            stream: True for a AsyncStream of `CompletionChunk` events (the request is sent
                before this returns, so an error status raises here), else the `Completion`.
            extra_headers: More HTTP headers for this request.
            extra_query: More URL query parameters for this request.
            extra_body: More JSON body members, merged into the body last, exactly as given.
            timeout: This call's timeout in seconds (or an httpx2.Timeout; None for none).
            max_retries: How often this call is retried.
            deadline: Seconds this whole call may take, retries and reading (the whole stream)
                included; None for no deadline.
            stream_idle_timeout: Seconds a stream may wait for its next event (keep-alive
                comments and empty events count as waiting), else errors.StreamIdleTimeoutError;
                None for no limit. A call that is not streamed ignores it.

        Raises:
            errors.APIStatusError: The server answered with an error status (a subclass per status).
            errors.APIConnectionError: The request could not be sent or the answer not received.
            errors.APITimeoutError: The request timed out.
        """

        raw = await self._create(
            {
                "model": model,
                "prompt": prompt,
                "max_tokens": max_tokens,
                "stream_options": stream_options,
                "n": n,
                "seed": seed,
                "frequency_penalty": frequency_penalty,
                "presence_penalty": presence_penalty,
                "repetition_penalty": repetition_penalty,
                "stop": stop,
                "temperature": temperature,
                "top_p": top_p,
                "top_k": top_k,
                "min_p": min_p,
                "logit_bias": logit_bias,
                "logprobs": logprobs,
                "best_of": best_of,
                "stream": stream,
            },
            stream,
            CallOptions(extra_headers, extra_query, extra_body, timeout, max_retries, deadline, stream_idle_timeout),
        )
        return raw.parse()

    async def _create(
        self,
        body: Body,
        stream: bool | Unset,
        options: CallOptions,
    ) -> RawResponse[Completion] | RawResponse[AsyncStream[CompletionChunk, _create_completion.CompletionStreamResult]]:
        if stream is True:
            return await self._stream(_create_completion._get_kwargs, _create_completion._STREAM_FORMAT, body, options)
        return await self._call(_create_completion._get_kwargs, _create_completion._parse_response, body, options)

    def stream(
        self,
        *,
        model: str,
        prompt: str | Sequence[str] | Sequence[int] | Sequence[Sequence[int]],
        max_tokens: int | Unset = UNSET,
        stream_options: StreamOptionsParam | StreamOptions | Unset = UNSET,
        n: int | None | Unset = UNSET,
        seed: int | None | Unset = UNSET,
        frequency_penalty: float | None | Unset = UNSET,
        presence_penalty: float | None | Unset = UNSET,
        repetition_penalty: float | None | Unset = UNSET,
        stop: str | Sequence[str] | None | Unset = UNSET,
        temperature: float | None | Unset = UNSET,
        top_p: float | None | Unset = UNSET,
        top_k: int | None | Unset = UNSET,
        min_p: float | None | Unset = UNSET,
        logit_bias: LogitBiasParam | LogitBias | Unset = UNSET,
        logprobs: int | None | Unset = UNSET,
        best_of: int | Unset = UNSET,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, str | int | float | bool | None] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx2.Timeout | None | Unset = UNSET,
        max_retries: int | Unset = UNSET,
        deadline: float | None | Unset = UNSET,
        stream_idle_timeout: float | None | Unset = UNSET,
    ) -> AsyncFinalStream[CompletionChunk, _create_completion.CompletionStreamResult, Completion]:
        """`create(..., stream=True)` as the openai SDK's `stream()`: `async with` sends the
        request (an error status raises there) and closes the stream at the end of the block; iterate
        it for `CompletionChunk` events, then `await get_final_completion()` gives the `Completion` the
        stream amounts to, `await until_done()` the gathered StreamResult. The arguments are
        `create()`'s, checked before any request.
        """
        return self._final_stream(
            _create_completion._get_kwargs,
            _create_completion._STREAM_FORMAT,
            {
                "model": model,
                "prompt": prompt,
                "max_tokens": max_tokens,
                "stream_options": stream_options,
                "n": n,
                "seed": seed,
                "frequency_penalty": frequency_penalty,
                "presence_penalty": presence_penalty,
                "repetition_penalty": repetition_penalty,
                "stop": stop,
                "temperature": temperature,
                "top_p": top_p,
                "top_k": top_k,
                "min_p": min_p,
                "logit_bias": logit_bias,
                "logprobs": logprobs,
                "best_of": best_of,
            },
            CallOptions(extra_headers, extra_query, extra_body, timeout, max_retries, deadline, stream_idle_timeout),
        )


class AsyncCompletionsWithRawResponse:
    """`client.completions.with_raw_response` (async): each method returns a `RawResponse`."""

    def __init__(self, resource: AsyncCompletions) -> None:
        self._resource = resource

    @overload
    async def create(
        self,
        *,
        model: str,
        prompt: str | Sequence[str] | Sequence[int] | Sequence[Sequence[int]],
        max_tokens: int | Unset = UNSET,
        stream_options: StreamOptionsParam | StreamOptions | Unset = UNSET,
        n: int | None | Unset = UNSET,
        seed: int | None | Unset = UNSET,
        frequency_penalty: float | None | Unset = UNSET,
        presence_penalty: float | None | Unset = UNSET,
        repetition_penalty: float | None | Unset = UNSET,
        stop: str | Sequence[str] | None | Unset = UNSET,
        temperature: float | None | Unset = UNSET,
        top_p: float | None | Unset = UNSET,
        top_k: int | None | Unset = UNSET,
        min_p: float | None | Unset = UNSET,
        logit_bias: LogitBiasParam | LogitBias | Unset = UNSET,
        logprobs: int | None | Unset = UNSET,
        best_of: int | Unset = UNSET,
        stream: Literal[False] | Unset = UNSET,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, str | int | float | bool | None] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx2.Timeout | None | Unset = UNSET,
        max_retries: int | Unset = UNSET,
        deadline: float | None | Unset = UNSET,
        stream_idle_timeout: float | None | Unset = UNSET,
    ) -> RawResponse[Completion]: ...

    @overload
    async def create(
        self,
        *,
        model: str,
        prompt: str | Sequence[str] | Sequence[int] | Sequence[Sequence[int]],
        stream: Literal[True],
        max_tokens: int | Unset = UNSET,
        stream_options: StreamOptionsParam | StreamOptions | Unset = UNSET,
        n: int | None | Unset = UNSET,
        seed: int | None | Unset = UNSET,
        frequency_penalty: float | None | Unset = UNSET,
        presence_penalty: float | None | Unset = UNSET,
        repetition_penalty: float | None | Unset = UNSET,
        stop: str | Sequence[str] | None | Unset = UNSET,
        temperature: float | None | Unset = UNSET,
        top_p: float | None | Unset = UNSET,
        top_k: int | None | Unset = UNSET,
        min_p: float | None | Unset = UNSET,
        logit_bias: LogitBiasParam | LogitBias | Unset = UNSET,
        logprobs: int | None | Unset = UNSET,
        best_of: int | Unset = UNSET,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, str | int | float | bool | None] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx2.Timeout | None | Unset = UNSET,
        max_retries: int | Unset = UNSET,
        deadline: float | None | Unset = UNSET,
        stream_idle_timeout: float | None | Unset = UNSET,
    ) -> RawResponse[AsyncStream[CompletionChunk, _create_completion.CompletionStreamResult]]: ...

    @overload
    async def create(
        self,
        *,
        model: str,
        prompt: str | Sequence[str] | Sequence[int] | Sequence[Sequence[int]],
        stream: bool,
        max_tokens: int | Unset = UNSET,
        stream_options: StreamOptionsParam | StreamOptions | Unset = UNSET,
        n: int | None | Unset = UNSET,
        seed: int | None | Unset = UNSET,
        frequency_penalty: float | None | Unset = UNSET,
        presence_penalty: float | None | Unset = UNSET,
        repetition_penalty: float | None | Unset = UNSET,
        stop: str | Sequence[str] | None | Unset = UNSET,
        temperature: float | None | Unset = UNSET,
        top_p: float | None | Unset = UNSET,
        top_k: int | None | Unset = UNSET,
        min_p: float | None | Unset = UNSET,
        logit_bias: LogitBiasParam | LogitBias | Unset = UNSET,
        logprobs: int | None | Unset = UNSET,
        best_of: int | Unset = UNSET,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, str | int | float | bool | None] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx2.Timeout | None | Unset = UNSET,
        max_retries: int | Unset = UNSET,
        deadline: float | None | Unset = UNSET,
        stream_idle_timeout: float | None | Unset = UNSET,
    ) -> (
        RawResponse[Completion] | RawResponse[AsyncStream[CompletionChunk, _create_completion.CompletionStreamResult]]
    ): ...

    async def create(
        self,
        *,
        model: str,
        prompt: str | Sequence[str] | Sequence[int] | Sequence[Sequence[int]],
        max_tokens: int | Unset = UNSET,
        stream_options: StreamOptionsParam | StreamOptions | Unset = UNSET,
        n: int | None | Unset = UNSET,
        seed: int | None | Unset = UNSET,
        frequency_penalty: float | None | Unset = UNSET,
        presence_penalty: float | None | Unset = UNSET,
        repetition_penalty: float | None | Unset = UNSET,
        stop: str | Sequence[str] | None | Unset = UNSET,
        temperature: float | None | Unset = UNSET,
        top_p: float | None | Unset = UNSET,
        top_k: int | None | Unset = UNSET,
        min_p: float | None | Unset = UNSET,
        logit_bias: LogitBiasParam | LogitBias | Unset = UNSET,
        logprobs: int | None | Unset = UNSET,
        best_of: int | Unset = UNSET,
        stream: bool | Unset = UNSET,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, str | int | float | bool | None] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx2.Timeout | None | Unset = UNSET,
        max_retries: int | Unset = UNSET,
        deadline: float | None | Unset = UNSET,
        stream_idle_timeout: float | None | Unset = UNSET,
    ) -> RawResponse[Completion] | RawResponse[AsyncStream[CompletionChunk, _create_completion.CompletionStreamResult]]:
        """Like `completions.create()`, but returns the `RawResponse`."""
        return await self._resource._create(
            {
                "model": model,
                "prompt": prompt,
                "max_tokens": max_tokens,
                "stream_options": stream_options,
                "n": n,
                "seed": seed,
                "frequency_penalty": frequency_penalty,
                "presence_penalty": presence_penalty,
                "repetition_penalty": repetition_penalty,
                "stop": stop,
                "temperature": temperature,
                "top_p": top_p,
                "top_k": top_k,
                "min_p": min_p,
                "logit_bias": logit_bias,
                "logprobs": logprobs,
                "best_of": best_of,
                "stream": stream,
            },
            stream,
            CallOptions(extra_headers, extra_query, extra_body, timeout, max_retries, deadline, stream_idle_timeout),
        )
