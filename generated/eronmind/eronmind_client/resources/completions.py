"""`client.completions`: Continue a prompt.

Generated from eronmind.yaml (`x-client-method`) by codegen/surface.py; do not edit.
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
        model: str,
        prompt: str | Sequence[str] | Sequence[int] | Sequence[Sequence[int]],
        max_tokens: int | Unset = UNSET,
        temperature: float | Unset = UNSET,
        top_p: float | Unset = UNSET,
        n: int | Unset = UNSET,
        logprobs: int | None | Unset = UNSET,
        stop: str | Sequence[str] | Unset = UNSET,
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
        temperature: float | Unset = UNSET,
        top_p: float | Unset = UNSET,
        n: int | Unset = UNSET,
        logprobs: int | None | Unset = UNSET,
        stop: str | Sequence[str] | Unset = UNSET,
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
        temperature: float | Unset = UNSET,
        top_p: float | Unset = UNSET,
        n: int | Unset = UNSET,
        logprobs: int | None | Unset = UNSET,
        stop: str | Sequence[str] | Unset = UNSET,
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
        temperature: float | Unset = UNSET,
        top_p: float | Unset = UNSET,
        n: int | Unset = UNSET,
        logprobs: int | None | Unset = UNSET,
        stop: str | Sequence[str] | Unset = UNSET,
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

        Generates one or more continuations of the prompt and can report log-probabilities of
        the sampled tokens and their most likely alternatives. With `stream` set to true the
        text arrives incrementally as `CompletionChunk` events instead.

        Args:
            model: Identifier of the model to run; the gateway's model list names the available
                ones.
            prompt: Text to continue. Accepted forms: a single string, a list of strings, a list of
                token ids, or a list of token-id lists.
            max_tokens: Largest number of tokens to generate. Prompt tokens plus this value must fit in
                the model's context window.
            temperature: Sampling temperature from 0 to 2. Higher values make the text more random, lower
                values more focused and repeatable. Adjust this or `top_p`, not both.
            top_p: Nucleus sampling: only tokens inside the top `top_p` share of probability mass
                are candidates (0.1 keeps the top 10%). Adjust this or `temperature`, not both.
            n: Number of completions to produce for each prompt. Each one is billed, so keep
                `max_tokens` and `stop` reasonable.
            logprobs: Return log-probabilities of the sampled token and of this many most likely
                alternatives at each position (at most 5). The answer may then hold up to
                `logprobs + 1` entries per position.
            stop: Up to four sequences that end generation when produced; the returned text does
                not include them. A single string or a list of strings.
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
                "temperature": temperature,
                "top_p": top_p,
                "n": n,
                "logprobs": logprobs,
                "stop": stop,
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
        temperature: float | Unset = UNSET,
        top_p: float | Unset = UNSET,
        n: int | Unset = UNSET,
        logprobs: int | None | Unset = UNSET,
        stop: str | Sequence[str] | Unset = UNSET,
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
                "temperature": temperature,
                "top_p": top_p,
                "n": n,
                "logprobs": logprobs,
                "stop": stop,
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
        temperature: float | Unset = UNSET,
        top_p: float | Unset = UNSET,
        n: int | Unset = UNSET,
        logprobs: int | None | Unset = UNSET,
        stop: str | Sequence[str] | Unset = UNSET,
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
        temperature: float | Unset = UNSET,
        top_p: float | Unset = UNSET,
        n: int | Unset = UNSET,
        logprobs: int | None | Unset = UNSET,
        stop: str | Sequence[str] | Unset = UNSET,
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
        temperature: float | Unset = UNSET,
        top_p: float | Unset = UNSET,
        n: int | Unset = UNSET,
        logprobs: int | None | Unset = UNSET,
        stop: str | Sequence[str] | Unset = UNSET,
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
        temperature: float | Unset = UNSET,
        top_p: float | Unset = UNSET,
        n: int | Unset = UNSET,
        logprobs: int | None | Unset = UNSET,
        stop: str | Sequence[str] | Unset = UNSET,
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
                "temperature": temperature,
                "top_p": top_p,
                "n": n,
                "logprobs": logprobs,
                "stop": stop,
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
        temperature: float | Unset = UNSET,
        top_p: float | Unset = UNSET,
        n: int | Unset = UNSET,
        logprobs: int | None | Unset = UNSET,
        stop: str | Sequence[str] | Unset = UNSET,
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
        temperature: float | Unset = UNSET,
        top_p: float | Unset = UNSET,
        n: int | Unset = UNSET,
        logprobs: int | None | Unset = UNSET,
        stop: str | Sequence[str] | Unset = UNSET,
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
        temperature: float | Unset = UNSET,
        top_p: float | Unset = UNSET,
        n: int | Unset = UNSET,
        logprobs: int | None | Unset = UNSET,
        stop: str | Sequence[str] | Unset = UNSET,
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
        temperature: float | Unset = UNSET,
        top_p: float | Unset = UNSET,
        n: int | Unset = UNSET,
        logprobs: int | None | Unset = UNSET,
        stop: str | Sequence[str] | Unset = UNSET,
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

        Generates one or more continuations of the prompt and can report log-probabilities of
        the sampled tokens and their most likely alternatives. With `stream` set to true the
        text arrives incrementally as `CompletionChunk` events instead.

        Args:
            model: Identifier of the model to run; the gateway's model list names the available
                ones.
            prompt: Text to continue. Accepted forms: a single string, a list of strings, a list of
                token ids, or a list of token-id lists.
            max_tokens: Largest number of tokens to generate. Prompt tokens plus this value must fit in
                the model's context window.
            temperature: Sampling temperature from 0 to 2. Higher values make the text more random, lower
                values more focused and repeatable. Adjust this or `top_p`, not both.
            top_p: Nucleus sampling: only tokens inside the top `top_p` share of probability mass
                are candidates (0.1 keeps the top 10%). Adjust this or `temperature`, not both.
            n: Number of completions to produce for each prompt. Each one is billed, so keep
                `max_tokens` and `stop` reasonable.
            logprobs: Return log-probabilities of the sampled token and of this many most likely
                alternatives at each position (at most 5). The answer may then hold up to
                `logprobs + 1` entries per position.
            stop: Up to four sequences that end generation when produced; the returned text does
                not include them. A single string or a list of strings.
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
                "temperature": temperature,
                "top_p": top_p,
                "n": n,
                "logprobs": logprobs,
                "stop": stop,
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
        temperature: float | Unset = UNSET,
        top_p: float | Unset = UNSET,
        n: int | Unset = UNSET,
        logprobs: int | None | Unset = UNSET,
        stop: str | Sequence[str] | Unset = UNSET,
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
                "temperature": temperature,
                "top_p": top_p,
                "n": n,
                "logprobs": logprobs,
                "stop": stop,
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
        temperature: float | Unset = UNSET,
        top_p: float | Unset = UNSET,
        n: int | Unset = UNSET,
        logprobs: int | None | Unset = UNSET,
        stop: str | Sequence[str] | Unset = UNSET,
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
        temperature: float | Unset = UNSET,
        top_p: float | Unset = UNSET,
        n: int | Unset = UNSET,
        logprobs: int | None | Unset = UNSET,
        stop: str | Sequence[str] | Unset = UNSET,
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
        temperature: float | Unset = UNSET,
        top_p: float | Unset = UNSET,
        n: int | Unset = UNSET,
        logprobs: int | None | Unset = UNSET,
        stop: str | Sequence[str] | Unset = UNSET,
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
        temperature: float | Unset = UNSET,
        top_p: float | Unset = UNSET,
        n: int | Unset = UNSET,
        logprobs: int | None | Unset = UNSET,
        stop: str | Sequence[str] | Unset = UNSET,
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
                "temperature": temperature,
                "top_p": top_p,
                "n": n,
                "logprobs": logprobs,
                "stop": stop,
                "stream": stream,
            },
            stream,
            CallOptions(extra_headers, extra_query, extra_body, timeout, max_retries, deadline, stream_idle_timeout),
        )
