"""`client.chat.completions`: Generate the next assistant message of a conversation.

Generated from lanrui.yaml (`x-client-method`) by codegen/surface.py; do not edit.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import cached_property
from typing import TYPE_CHECKING, Literal, overload

import httpx2

from .._runtime.http.options import Body, CallOptions
from .._runtime.surface import resource as _resource
from ..api.chat import create_chat_completion as _create_chat_completion
from ..types import UNSET, Unset

# What each streaming method's until_done() returns, importable next to the resource.
ChatCompletionStreamResult = _create_chat_completion.ChatCompletionStreamResult

if TYPE_CHECKING:
    from .._runtime.streams.stream import AsyncFinalStream, AsyncStream, FinalStream, Stream
    from .._runtime.surface.response import RawResponse
    from ..models import ChatCompletion, ChatCompletionChunk, ChatMessage
    from ..params import ChatMessageParam

__all__ = [
    "ChatCompletions",
    "ChatCompletionsWithRawResponse",
    "AsyncChatCompletions",
    "AsyncChatCompletionsWithRawResponse",
    "ChatCompletionStreamResult",
]


class ChatCompletions(_resource.SyncResource):
    """`client.chat.completions`."""

    @cached_property
    def with_raw_response(self) -> ChatCompletionsWithRawResponse:
        """The same methods, returning the HTTP answer (`RawResponse`) with `.parse()` for the result."""
        return ChatCompletionsWithRawResponse(self)

    @overload
    def create(
        self,
        *,
        model: str,
        messages: Sequence[ChatMessageParam | ChatMessage],
        temperature: float | Unset = UNSET,
        top_p: float | Unset = UNSET,
        max_tokens: int | Unset = UNSET,
        presence_penalty: float | Unset = UNSET,
        frequency_penalty: float | Unset = UNSET,
        stream: Literal[False] | Unset = UNSET,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, str | int | float | bool | None] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx2.Timeout | None | Unset = UNSET,
        max_retries: int | Unset = UNSET,
        deadline: float | None | Unset = UNSET,
        stream_idle_timeout: float | None | Unset = UNSET,
    ) -> ChatCompletion: ...

    @overload
    def create(
        self,
        *,
        model: str,
        messages: Sequence[ChatMessageParam | ChatMessage],
        stream: Literal[True],
        temperature: float | Unset = UNSET,
        top_p: float | Unset = UNSET,
        max_tokens: int | Unset = UNSET,
        presence_penalty: float | Unset = UNSET,
        frequency_penalty: float | Unset = UNSET,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, str | int | float | bool | None] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx2.Timeout | None | Unset = UNSET,
        max_retries: int | Unset = UNSET,
        deadline: float | None | Unset = UNSET,
        stream_idle_timeout: float | None | Unset = UNSET,
    ) -> Stream[ChatCompletionChunk, _create_chat_completion.ChatCompletionStreamResult]: ...

    @overload
    def create(
        self,
        *,
        model: str,
        messages: Sequence[ChatMessageParam | ChatMessage],
        stream: bool,
        temperature: float | Unset = UNSET,
        top_p: float | Unset = UNSET,
        max_tokens: int | Unset = UNSET,
        presence_penalty: float | Unset = UNSET,
        frequency_penalty: float | Unset = UNSET,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, str | int | float | bool | None] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx2.Timeout | None | Unset = UNSET,
        max_retries: int | Unset = UNSET,
        deadline: float | None | Unset = UNSET,
        stream_idle_timeout: float | None | Unset = UNSET,
    ) -> ChatCompletion | Stream[ChatCompletionChunk, _create_chat_completion.ChatCompletionStreamResult]: ...

    def create(
        self,
        *,
        model: str,
        messages: Sequence[ChatMessageParam | ChatMessage],
        temperature: float | Unset = UNSET,
        top_p: float | Unset = UNSET,
        max_tokens: int | Unset = UNSET,
        presence_penalty: float | Unset = UNSET,
        frequency_penalty: float | Unset = UNSET,
        stream: bool | Unset = UNSET,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, str | int | float | bool | None] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx2.Timeout | None | Unset = UNSET,
        max_retries: int | Unset = UNSET,
        deadline: float | None | Unset = UNSET,
        stream_idle_timeout: float | None | Unset = UNSET,
    ) -> ChatCompletion | Stream[ChatCompletionChunk, _create_chat_completion.ChatCompletionStreamResult]:
        """Generate the next assistant message of a conversation

        Sends a list of chat messages to a model and returns the reply. With `stream` set to
        true the reply arrives incrementally as `ChatCompletionChunk` events instead.

        Args:
            model: Name of the deployed inference service to call, written as
                `model_name/model_version`.
            messages: The conversation so far, oldest message first; the model answers the last one.
            temperature: Sampling temperature between 0 and 2 inclusive. Larger values give more varied
                output, smaller values more focused output. Tune this or `top_p`, not both.

                Default: `1` (applied by the server).
            top_p: Nucleus sampling: only the smallest set of tokens whose cumulative probability
                reaches this value is considered. Greater than 0, at most 1.

                Default: `1` (applied by the server).
            max_tokens: Upper bound on the number of tokens generated for the reply. When omitted the
                provider sets no limit of its own (its document gives the default as "inf").
            presence_penalty: Between -2 and 2 inclusive. Positive values penalise tokens that already
                appeared, pushing the model toward new topics.

                Default: `0` (applied by the server).
            frequency_penalty: Between -2 and 2 inclusive. Positive values penalise tokens in proportion to how
                often they already appeared, making verbatim repetition less likely.

                Default: `0` (applied by the server).
            stream: True for a Stream of `ChatCompletionChunk` events (the request is sent
                before this returns, so an error status raises here), else the `ChatCompletion`.
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
                "messages": messages,
                "temperature": temperature,
                "top_p": top_p,
                "max_tokens": max_tokens,
                "presence_penalty": presence_penalty,
                "frequency_penalty": frequency_penalty,
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
    ) -> (
        RawResponse[ChatCompletion]
        | RawResponse[Stream[ChatCompletionChunk, _create_chat_completion.ChatCompletionStreamResult]]
    ):
        if stream is True:
            return self._stream(
                _create_chat_completion._get_kwargs, _create_chat_completion._STREAM_FORMAT, body, options
            )
        return self._call(_create_chat_completion._get_kwargs, _create_chat_completion._parse_response, body, options)

    def stream(
        self,
        *,
        model: str,
        messages: Sequence[ChatMessageParam | ChatMessage],
        temperature: float | Unset = UNSET,
        top_p: float | Unset = UNSET,
        max_tokens: int | Unset = UNSET,
        presence_penalty: float | Unset = UNSET,
        frequency_penalty: float | Unset = UNSET,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, str | int | float | bool | None] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx2.Timeout | None | Unset = UNSET,
        max_retries: int | Unset = UNSET,
        deadline: float | None | Unset = UNSET,
        stream_idle_timeout: float | None | Unset = UNSET,
    ) -> FinalStream[ChatCompletionChunk, _create_chat_completion.ChatCompletionStreamResult, ChatCompletion]:
        """`create(..., stream=True)` as the openai SDK's `stream()`: `with` sends the
        request (an error status raises there) and closes the stream at the end of the block; iterate
        it for `ChatCompletionChunk` events, then `get_final_completion()` gives the `ChatCompletion` the
        stream amounts to, `until_done()` the gathered StreamResult. The arguments are
        `create()`'s, checked before any request.
        """
        return self._final_stream(
            _create_chat_completion._get_kwargs,
            _create_chat_completion._STREAM_FORMAT,
            {
                "model": model,
                "messages": messages,
                "temperature": temperature,
                "top_p": top_p,
                "max_tokens": max_tokens,
                "presence_penalty": presence_penalty,
                "frequency_penalty": frequency_penalty,
            },
            CallOptions(extra_headers, extra_query, extra_body, timeout, max_retries, deadline, stream_idle_timeout),
        )


class ChatCompletionsWithRawResponse:
    """`client.chat.completions.with_raw_response`: each method returns a `RawResponse`."""

    def __init__(self, resource: ChatCompletions) -> None:
        self._resource = resource

    @overload
    def create(
        self,
        *,
        model: str,
        messages: Sequence[ChatMessageParam | ChatMessage],
        temperature: float | Unset = UNSET,
        top_p: float | Unset = UNSET,
        max_tokens: int | Unset = UNSET,
        presence_penalty: float | Unset = UNSET,
        frequency_penalty: float | Unset = UNSET,
        stream: Literal[False] | Unset = UNSET,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, str | int | float | bool | None] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx2.Timeout | None | Unset = UNSET,
        max_retries: int | Unset = UNSET,
        deadline: float | None | Unset = UNSET,
        stream_idle_timeout: float | None | Unset = UNSET,
    ) -> RawResponse[ChatCompletion]: ...

    @overload
    def create(
        self,
        *,
        model: str,
        messages: Sequence[ChatMessageParam | ChatMessage],
        stream: Literal[True],
        temperature: float | Unset = UNSET,
        top_p: float | Unset = UNSET,
        max_tokens: int | Unset = UNSET,
        presence_penalty: float | Unset = UNSET,
        frequency_penalty: float | Unset = UNSET,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, str | int | float | bool | None] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx2.Timeout | None | Unset = UNSET,
        max_retries: int | Unset = UNSET,
        deadline: float | None | Unset = UNSET,
        stream_idle_timeout: float | None | Unset = UNSET,
    ) -> RawResponse[Stream[ChatCompletionChunk, _create_chat_completion.ChatCompletionStreamResult]]: ...

    @overload
    def create(
        self,
        *,
        model: str,
        messages: Sequence[ChatMessageParam | ChatMessage],
        stream: bool,
        temperature: float | Unset = UNSET,
        top_p: float | Unset = UNSET,
        max_tokens: int | Unset = UNSET,
        presence_penalty: float | Unset = UNSET,
        frequency_penalty: float | Unset = UNSET,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, str | int | float | bool | None] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx2.Timeout | None | Unset = UNSET,
        max_retries: int | Unset = UNSET,
        deadline: float | None | Unset = UNSET,
        stream_idle_timeout: float | None | Unset = UNSET,
    ) -> (
        RawResponse[ChatCompletion]
        | RawResponse[Stream[ChatCompletionChunk, _create_chat_completion.ChatCompletionStreamResult]]
    ): ...

    def create(
        self,
        *,
        model: str,
        messages: Sequence[ChatMessageParam | ChatMessage],
        temperature: float | Unset = UNSET,
        top_p: float | Unset = UNSET,
        max_tokens: int | Unset = UNSET,
        presence_penalty: float | Unset = UNSET,
        frequency_penalty: float | Unset = UNSET,
        stream: bool | Unset = UNSET,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, str | int | float | bool | None] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx2.Timeout | None | Unset = UNSET,
        max_retries: int | Unset = UNSET,
        deadline: float | None | Unset = UNSET,
        stream_idle_timeout: float | None | Unset = UNSET,
    ) -> (
        RawResponse[ChatCompletion]
        | RawResponse[Stream[ChatCompletionChunk, _create_chat_completion.ChatCompletionStreamResult]]
    ):
        """Like `chat.completions.create()`, but returns the `RawResponse`."""
        return self._resource._create(
            {
                "model": model,
                "messages": messages,
                "temperature": temperature,
                "top_p": top_p,
                "max_tokens": max_tokens,
                "presence_penalty": presence_penalty,
                "frequency_penalty": frequency_penalty,
                "stream": stream,
            },
            stream,
            CallOptions(extra_headers, extra_query, extra_body, timeout, max_retries, deadline, stream_idle_timeout),
        )


class AsyncChatCompletions(_resource.AsyncResource):
    """`client.chat.completions` (async)."""

    @cached_property
    def with_raw_response(self) -> AsyncChatCompletionsWithRawResponse:
        """The same methods, returning the HTTP answer (`RawResponse`) with `.parse()` for the result."""
        return AsyncChatCompletionsWithRawResponse(self)

    @overload
    async def create(
        self,
        *,
        model: str,
        messages: Sequence[ChatMessageParam | ChatMessage],
        temperature: float | Unset = UNSET,
        top_p: float | Unset = UNSET,
        max_tokens: int | Unset = UNSET,
        presence_penalty: float | Unset = UNSET,
        frequency_penalty: float | Unset = UNSET,
        stream: Literal[False] | Unset = UNSET,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, str | int | float | bool | None] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx2.Timeout | None | Unset = UNSET,
        max_retries: int | Unset = UNSET,
        deadline: float | None | Unset = UNSET,
        stream_idle_timeout: float | None | Unset = UNSET,
    ) -> ChatCompletion: ...

    @overload
    async def create(
        self,
        *,
        model: str,
        messages: Sequence[ChatMessageParam | ChatMessage],
        stream: Literal[True],
        temperature: float | Unset = UNSET,
        top_p: float | Unset = UNSET,
        max_tokens: int | Unset = UNSET,
        presence_penalty: float | Unset = UNSET,
        frequency_penalty: float | Unset = UNSET,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, str | int | float | bool | None] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx2.Timeout | None | Unset = UNSET,
        max_retries: int | Unset = UNSET,
        deadline: float | None | Unset = UNSET,
        stream_idle_timeout: float | None | Unset = UNSET,
    ) -> AsyncStream[ChatCompletionChunk, _create_chat_completion.ChatCompletionStreamResult]: ...

    @overload
    async def create(
        self,
        *,
        model: str,
        messages: Sequence[ChatMessageParam | ChatMessage],
        stream: bool,
        temperature: float | Unset = UNSET,
        top_p: float | Unset = UNSET,
        max_tokens: int | Unset = UNSET,
        presence_penalty: float | Unset = UNSET,
        frequency_penalty: float | Unset = UNSET,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, str | int | float | bool | None] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx2.Timeout | None | Unset = UNSET,
        max_retries: int | Unset = UNSET,
        deadline: float | None | Unset = UNSET,
        stream_idle_timeout: float | None | Unset = UNSET,
    ) -> ChatCompletion | AsyncStream[ChatCompletionChunk, _create_chat_completion.ChatCompletionStreamResult]: ...

    async def create(
        self,
        *,
        model: str,
        messages: Sequence[ChatMessageParam | ChatMessage],
        temperature: float | Unset = UNSET,
        top_p: float | Unset = UNSET,
        max_tokens: int | Unset = UNSET,
        presence_penalty: float | Unset = UNSET,
        frequency_penalty: float | Unset = UNSET,
        stream: bool | Unset = UNSET,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, str | int | float | bool | None] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx2.Timeout | None | Unset = UNSET,
        max_retries: int | Unset = UNSET,
        deadline: float | None | Unset = UNSET,
        stream_idle_timeout: float | None | Unset = UNSET,
    ) -> ChatCompletion | AsyncStream[ChatCompletionChunk, _create_chat_completion.ChatCompletionStreamResult]:
        """Generate the next assistant message of a conversation

        Sends a list of chat messages to a model and returns the reply. With `stream` set to
        true the reply arrives incrementally as `ChatCompletionChunk` events instead.

        Args:
            model: Name of the deployed inference service to call, written as
                `model_name/model_version`.
            messages: The conversation so far, oldest message first; the model answers the last one.
            temperature: Sampling temperature between 0 and 2 inclusive. Larger values give more varied
                output, smaller values more focused output. Tune this or `top_p`, not both.

                Default: `1` (applied by the server).
            top_p: Nucleus sampling: only the smallest set of tokens whose cumulative probability
                reaches this value is considered. Greater than 0, at most 1.

                Default: `1` (applied by the server).
            max_tokens: Upper bound on the number of tokens generated for the reply. When omitted the
                provider sets no limit of its own (its document gives the default as "inf").
            presence_penalty: Between -2 and 2 inclusive. Positive values penalise tokens that already
                appeared, pushing the model toward new topics.

                Default: `0` (applied by the server).
            frequency_penalty: Between -2 and 2 inclusive. Positive values penalise tokens in proportion to how
                often they already appeared, making verbatim repetition less likely.

                Default: `0` (applied by the server).
            stream: True for a AsyncStream of `ChatCompletionChunk` events (the request is sent
                before this returns, so an error status raises here), else the `ChatCompletion`.
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
                "messages": messages,
                "temperature": temperature,
                "top_p": top_p,
                "max_tokens": max_tokens,
                "presence_penalty": presence_penalty,
                "frequency_penalty": frequency_penalty,
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
    ) -> (
        RawResponse[ChatCompletion]
        | RawResponse[AsyncStream[ChatCompletionChunk, _create_chat_completion.ChatCompletionStreamResult]]
    ):
        if stream is True:
            return await self._stream(
                _create_chat_completion._get_kwargs, _create_chat_completion._STREAM_FORMAT, body, options
            )
        return await self._call(
            _create_chat_completion._get_kwargs, _create_chat_completion._parse_response, body, options
        )

    def stream(
        self,
        *,
        model: str,
        messages: Sequence[ChatMessageParam | ChatMessage],
        temperature: float | Unset = UNSET,
        top_p: float | Unset = UNSET,
        max_tokens: int | Unset = UNSET,
        presence_penalty: float | Unset = UNSET,
        frequency_penalty: float | Unset = UNSET,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, str | int | float | bool | None] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx2.Timeout | None | Unset = UNSET,
        max_retries: int | Unset = UNSET,
        deadline: float | None | Unset = UNSET,
        stream_idle_timeout: float | None | Unset = UNSET,
    ) -> AsyncFinalStream[ChatCompletionChunk, _create_chat_completion.ChatCompletionStreamResult, ChatCompletion]:
        """`create(..., stream=True)` as the openai SDK's `stream()`: `async with` sends the
        request (an error status raises there) and closes the stream at the end of the block; iterate
        it for `ChatCompletionChunk` events, then `await get_final_completion()` gives the `ChatCompletion` the
        stream amounts to, `await until_done()` the gathered StreamResult. The arguments are
        `create()`'s, checked before any request.
        """
        return self._final_stream(
            _create_chat_completion._get_kwargs,
            _create_chat_completion._STREAM_FORMAT,
            {
                "model": model,
                "messages": messages,
                "temperature": temperature,
                "top_p": top_p,
                "max_tokens": max_tokens,
                "presence_penalty": presence_penalty,
                "frequency_penalty": frequency_penalty,
            },
            CallOptions(extra_headers, extra_query, extra_body, timeout, max_retries, deadline, stream_idle_timeout),
        )


class AsyncChatCompletionsWithRawResponse:
    """`client.chat.completions.with_raw_response` (async): each method returns a `RawResponse`."""

    def __init__(self, resource: AsyncChatCompletions) -> None:
        self._resource = resource

    @overload
    async def create(
        self,
        *,
        model: str,
        messages: Sequence[ChatMessageParam | ChatMessage],
        temperature: float | Unset = UNSET,
        top_p: float | Unset = UNSET,
        max_tokens: int | Unset = UNSET,
        presence_penalty: float | Unset = UNSET,
        frequency_penalty: float | Unset = UNSET,
        stream: Literal[False] | Unset = UNSET,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, str | int | float | bool | None] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx2.Timeout | None | Unset = UNSET,
        max_retries: int | Unset = UNSET,
        deadline: float | None | Unset = UNSET,
        stream_idle_timeout: float | None | Unset = UNSET,
    ) -> RawResponse[ChatCompletion]: ...

    @overload
    async def create(
        self,
        *,
        model: str,
        messages: Sequence[ChatMessageParam | ChatMessage],
        stream: Literal[True],
        temperature: float | Unset = UNSET,
        top_p: float | Unset = UNSET,
        max_tokens: int | Unset = UNSET,
        presence_penalty: float | Unset = UNSET,
        frequency_penalty: float | Unset = UNSET,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, str | int | float | bool | None] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx2.Timeout | None | Unset = UNSET,
        max_retries: int | Unset = UNSET,
        deadline: float | None | Unset = UNSET,
        stream_idle_timeout: float | None | Unset = UNSET,
    ) -> RawResponse[AsyncStream[ChatCompletionChunk, _create_chat_completion.ChatCompletionStreamResult]]: ...

    @overload
    async def create(
        self,
        *,
        model: str,
        messages: Sequence[ChatMessageParam | ChatMessage],
        stream: bool,
        temperature: float | Unset = UNSET,
        top_p: float | Unset = UNSET,
        max_tokens: int | Unset = UNSET,
        presence_penalty: float | Unset = UNSET,
        frequency_penalty: float | Unset = UNSET,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, str | int | float | bool | None] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx2.Timeout | None | Unset = UNSET,
        max_retries: int | Unset = UNSET,
        deadline: float | None | Unset = UNSET,
        stream_idle_timeout: float | None | Unset = UNSET,
    ) -> (
        RawResponse[ChatCompletion]
        | RawResponse[AsyncStream[ChatCompletionChunk, _create_chat_completion.ChatCompletionStreamResult]]
    ): ...

    async def create(
        self,
        *,
        model: str,
        messages: Sequence[ChatMessageParam | ChatMessage],
        temperature: float | Unset = UNSET,
        top_p: float | Unset = UNSET,
        max_tokens: int | Unset = UNSET,
        presence_penalty: float | Unset = UNSET,
        frequency_penalty: float | Unset = UNSET,
        stream: bool | Unset = UNSET,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, str | int | float | bool | None] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx2.Timeout | None | Unset = UNSET,
        max_retries: int | Unset = UNSET,
        deadline: float | None | Unset = UNSET,
        stream_idle_timeout: float | None | Unset = UNSET,
    ) -> (
        RawResponse[ChatCompletion]
        | RawResponse[AsyncStream[ChatCompletionChunk, _create_chat_completion.ChatCompletionStreamResult]]
    ):
        """Like `chat.completions.create()`, but returns the `RawResponse`."""
        return await self._resource._create(
            {
                "model": model,
                "messages": messages,
                "temperature": temperature,
                "top_p": top_p,
                "max_tokens": max_tokens,
                "presence_penalty": presence_penalty,
                "frequency_penalty": frequency_penalty,
                "stream": stream,
            },
            stream,
            CallOptions(extra_headers, extra_query, extra_body, timeout, max_retries, deadline, stream_idle_timeout),
        )
