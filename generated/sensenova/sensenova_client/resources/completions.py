"""`client.completions`: Complete a prompt.

Generated from sensenova.yaml (`x-client-method`) by codegen/surface.py; do not edit.
"""

from __future__ import annotations

from collections.abc import Mapping
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
    from ..models import Completion, CompletionChunk

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
        prompt: str,
        model: str,
        n: int | Unset = UNSET,
        max_new_tokens: int | Unset = UNSET,
        repetition_penalty: float | Unset = UNSET,
        stop: str | Unset = UNSET,
        temperature: float | Unset = UNSET,
        top_p: float | Unset = UNSET,
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
        prompt: str,
        model: str,
        stream: Literal[True],
        n: int | Unset = UNSET,
        max_new_tokens: int | Unset = UNSET,
        repetition_penalty: float | Unset = UNSET,
        stop: str | Unset = UNSET,
        temperature: float | Unset = UNSET,
        top_p: float | Unset = UNSET,
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
        prompt: str,
        model: str,
        stream: bool,
        n: int | Unset = UNSET,
        max_new_tokens: int | Unset = UNSET,
        repetition_penalty: float | Unset = UNSET,
        stop: str | Unset = UNSET,
        temperature: float | Unset = UNSET,
        top_p: float | Unset = UNSET,
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
        prompt: str,
        model: str,
        n: int | Unset = UNSET,
        max_new_tokens: int | Unset = UNSET,
        repetition_penalty: float | Unset = UNSET,
        stop: str | Unset = UNSET,
        temperature: float | Unset = UNSET,
        top_p: float | Unset = UNSET,
        stream: bool | Unset = UNSET,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, str | int | float | bool | None] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx2.Timeout | None | Unset = UNSET,
        max_retries: int | Unset = UNSET,
        deadline: float | None | Unset = UNSET,
        stream_idle_timeout: float | None | Unset = UNSET,
    ) -> Completion | Stream[CompletionChunk, _create_completion.CompletionStreamResult]:
        """Complete a prompt

        Generates a continuation of `prompt`. The prompt's token count plus `max_new_tokens`
        must fit in the chosen model's context window. Set `stream` to receive the text
        incrementally as server-sent events.

        Args:
            prompt: The text the model continues.
            model: ID of the model to use (see the provider's model list).
            n: How many alternative completions to generate, from 1 to 4.

                Default: `1` (applied by the server).
            max_new_tokens: Upper bound on the number of tokens to generate, from 1 to 2048. Models with a
                smaller context window accept less: prompt tokens plus this value must fit in
                the window.

                Default: `1024` (applied by the server).
            repetition_penalty: Penalty on repeated tokens, greater than 0 and at most 2. 1 leaves the output
                unchanged, values above 1 discourage repetition and values below 1 encourage it;
                1 to 1.2 is the recommended band.

                Default: `1.05` (applied by the server).
            stop: A string that ends generation when the model produces it.
            temperature: Sampling temperature, greater than 0 and at most 2. Values above 1 make the
                output more varied, values below 1 make it more deterministic.

                Default: `0.8` (applied by the server).
            top_p: Nucleus sampling: tokens are drawn from the smallest set whose cumulative
                probability reaches this value. Strictly between 0 and 1.

                Default: `0.7` (applied by the server).
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
                "prompt": prompt,
                "model": model,
                "n": n,
                "max_new_tokens": max_new_tokens,
                "repetition_penalty": repetition_penalty,
                "stop": stop,
                "temperature": temperature,
                "top_p": top_p,
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
        prompt: str,
        model: str,
        n: int | Unset = UNSET,
        max_new_tokens: int | Unset = UNSET,
        repetition_penalty: float | Unset = UNSET,
        stop: str | Unset = UNSET,
        temperature: float | Unset = UNSET,
        top_p: float | Unset = UNSET,
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
                "prompt": prompt,
                "model": model,
                "n": n,
                "max_new_tokens": max_new_tokens,
                "repetition_penalty": repetition_penalty,
                "stop": stop,
                "temperature": temperature,
                "top_p": top_p,
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
        prompt: str,
        model: str,
        n: int | Unset = UNSET,
        max_new_tokens: int | Unset = UNSET,
        repetition_penalty: float | Unset = UNSET,
        stop: str | Unset = UNSET,
        temperature: float | Unset = UNSET,
        top_p: float | Unset = UNSET,
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
        prompt: str,
        model: str,
        stream: Literal[True],
        n: int | Unset = UNSET,
        max_new_tokens: int | Unset = UNSET,
        repetition_penalty: float | Unset = UNSET,
        stop: str | Unset = UNSET,
        temperature: float | Unset = UNSET,
        top_p: float | Unset = UNSET,
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
        prompt: str,
        model: str,
        stream: bool,
        n: int | Unset = UNSET,
        max_new_tokens: int | Unset = UNSET,
        repetition_penalty: float | Unset = UNSET,
        stop: str | Unset = UNSET,
        temperature: float | Unset = UNSET,
        top_p: float | Unset = UNSET,
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
        prompt: str,
        model: str,
        n: int | Unset = UNSET,
        max_new_tokens: int | Unset = UNSET,
        repetition_penalty: float | Unset = UNSET,
        stop: str | Unset = UNSET,
        temperature: float | Unset = UNSET,
        top_p: float | Unset = UNSET,
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
                "prompt": prompt,
                "model": model,
                "n": n,
                "max_new_tokens": max_new_tokens,
                "repetition_penalty": repetition_penalty,
                "stop": stop,
                "temperature": temperature,
                "top_p": top_p,
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
        prompt: str,
        model: str,
        n: int | Unset = UNSET,
        max_new_tokens: int | Unset = UNSET,
        repetition_penalty: float | Unset = UNSET,
        stop: str | Unset = UNSET,
        temperature: float | Unset = UNSET,
        top_p: float | Unset = UNSET,
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
        prompt: str,
        model: str,
        stream: Literal[True],
        n: int | Unset = UNSET,
        max_new_tokens: int | Unset = UNSET,
        repetition_penalty: float | Unset = UNSET,
        stop: str | Unset = UNSET,
        temperature: float | Unset = UNSET,
        top_p: float | Unset = UNSET,
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
        prompt: str,
        model: str,
        stream: bool,
        n: int | Unset = UNSET,
        max_new_tokens: int | Unset = UNSET,
        repetition_penalty: float | Unset = UNSET,
        stop: str | Unset = UNSET,
        temperature: float | Unset = UNSET,
        top_p: float | Unset = UNSET,
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
        prompt: str,
        model: str,
        n: int | Unset = UNSET,
        max_new_tokens: int | Unset = UNSET,
        repetition_penalty: float | Unset = UNSET,
        stop: str | Unset = UNSET,
        temperature: float | Unset = UNSET,
        top_p: float | Unset = UNSET,
        stream: bool | Unset = UNSET,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, str | int | float | bool | None] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx2.Timeout | None | Unset = UNSET,
        max_retries: int | Unset = UNSET,
        deadline: float | None | Unset = UNSET,
        stream_idle_timeout: float | None | Unset = UNSET,
    ) -> Completion | AsyncStream[CompletionChunk, _create_completion.CompletionStreamResult]:
        """Complete a prompt

        Generates a continuation of `prompt`. The prompt's token count plus `max_new_tokens`
        must fit in the chosen model's context window. Set `stream` to receive the text
        incrementally as server-sent events.

        Args:
            prompt: The text the model continues.
            model: ID of the model to use (see the provider's model list).
            n: How many alternative completions to generate, from 1 to 4.

                Default: `1` (applied by the server).
            max_new_tokens: Upper bound on the number of tokens to generate, from 1 to 2048. Models with a
                smaller context window accept less: prompt tokens plus this value must fit in
                the window.

                Default: `1024` (applied by the server).
            repetition_penalty: Penalty on repeated tokens, greater than 0 and at most 2. 1 leaves the output
                unchanged, values above 1 discourage repetition and values below 1 encourage it;
                1 to 1.2 is the recommended band.

                Default: `1.05` (applied by the server).
            stop: A string that ends generation when the model produces it.
            temperature: Sampling temperature, greater than 0 and at most 2. Values above 1 make the
                output more varied, values below 1 make it more deterministic.

                Default: `0.8` (applied by the server).
            top_p: Nucleus sampling: tokens are drawn from the smallest set whose cumulative
                probability reaches this value. Strictly between 0 and 1.

                Default: `0.7` (applied by the server).
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
                "prompt": prompt,
                "model": model,
                "n": n,
                "max_new_tokens": max_new_tokens,
                "repetition_penalty": repetition_penalty,
                "stop": stop,
                "temperature": temperature,
                "top_p": top_p,
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
        prompt: str,
        model: str,
        n: int | Unset = UNSET,
        max_new_tokens: int | Unset = UNSET,
        repetition_penalty: float | Unset = UNSET,
        stop: str | Unset = UNSET,
        temperature: float | Unset = UNSET,
        top_p: float | Unset = UNSET,
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
                "prompt": prompt,
                "model": model,
                "n": n,
                "max_new_tokens": max_new_tokens,
                "repetition_penalty": repetition_penalty,
                "stop": stop,
                "temperature": temperature,
                "top_p": top_p,
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
        prompt: str,
        model: str,
        n: int | Unset = UNSET,
        max_new_tokens: int | Unset = UNSET,
        repetition_penalty: float | Unset = UNSET,
        stop: str | Unset = UNSET,
        temperature: float | Unset = UNSET,
        top_p: float | Unset = UNSET,
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
        prompt: str,
        model: str,
        stream: Literal[True],
        n: int | Unset = UNSET,
        max_new_tokens: int | Unset = UNSET,
        repetition_penalty: float | Unset = UNSET,
        stop: str | Unset = UNSET,
        temperature: float | Unset = UNSET,
        top_p: float | Unset = UNSET,
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
        prompt: str,
        model: str,
        stream: bool,
        n: int | Unset = UNSET,
        max_new_tokens: int | Unset = UNSET,
        repetition_penalty: float | Unset = UNSET,
        stop: str | Unset = UNSET,
        temperature: float | Unset = UNSET,
        top_p: float | Unset = UNSET,
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
        prompt: str,
        model: str,
        n: int | Unset = UNSET,
        max_new_tokens: int | Unset = UNSET,
        repetition_penalty: float | Unset = UNSET,
        stop: str | Unset = UNSET,
        temperature: float | Unset = UNSET,
        top_p: float | Unset = UNSET,
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
                "prompt": prompt,
                "model": model,
                "n": n,
                "max_new_tokens": max_new_tokens,
                "repetition_penalty": repetition_penalty,
                "stop": stop,
                "temperature": temperature,
                "top_p": top_p,
                "stream": stream,
            },
            stream,
            CallOptions(extra_headers, extra_query, extra_body, timeout, max_retries, deadline, stream_idle_timeout),
        )
