"""`client.chat.completions`: Answer a conversation (Token Plan, OpenAI-compatible).

Generated from sensenova.yaml (`x-client-method`) by codegen/surface.py; do not edit.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import cached_property
from typing import TYPE_CHECKING, Literal, overload

import httpx2

from .._runtime.http.options import Body, CallOptions
from .._runtime.surface import resource as _resource
from ..api.token_plan import create_token_plan_chat_completion as _create_token_plan_chat_completion
from ..types import UNSET, Unset

# What each streaming method's until_done() returns, importable next to the resource.
TokenPlanChatCompletionStreamResult = _create_token_plan_chat_completion.TokenPlanChatCompletionStreamResult

if TYPE_CHECKING:
    from .._runtime.streams.stream import AsyncFinalStream, AsyncStream, FinalStream, Stream
    from .._runtime.surface.response import RawResponse
    from ..models import TokenPlanChatCompletion, TokenPlanChatCompletionChunk, TokenPlanMessage
    from ..params import TokenPlanMessageParam

__all__ = [
    "TokenPlanChatCompletions",
    "TokenPlanChatCompletionsWithRawResponse",
    "AsyncTokenPlanChatCompletions",
    "AsyncTokenPlanChatCompletionsWithRawResponse",
    "TokenPlanChatCompletionStreamResult",
]


class TokenPlanChatCompletions(_resource.SyncResource):
    """`client.chat.completions`."""

    @cached_property
    def with_raw_response(self) -> TokenPlanChatCompletionsWithRawResponse:
        """The same methods, returning the HTTP answer (`RawResponse`) with `.parse()` for the result."""
        return TokenPlanChatCompletionsWithRawResponse(self)

    @overload
    def create(
        self,
        *,
        model: str,
        messages: Sequence[TokenPlanMessageParam | TokenPlanMessage],
        max_tokens: int | Unset = UNSET,
        temperature: float | Unset = UNSET,
        top_p: float | Unset = UNSET,
        top_k: int | Unset = UNSET,
        min_p: float | Unset = UNSET,
        presence_penalty: float | Unset = UNSET,
        repetition_penalty: float | Unset = UNSET,
        stream: Literal[False] | Unset = UNSET,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, str | int | float | bool | None] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx2.Timeout | None | Unset = UNSET,
        max_retries: int | Unset = UNSET,
        deadline: float | None | Unset = UNSET,
        stream_idle_timeout: float | None | Unset = UNSET,
    ) -> TokenPlanChatCompletion: ...

    @overload
    def create(
        self,
        *,
        model: str,
        messages: Sequence[TokenPlanMessageParam | TokenPlanMessage],
        stream: Literal[True],
        max_tokens: int | Unset = UNSET,
        temperature: float | Unset = UNSET,
        top_p: float | Unset = UNSET,
        top_k: int | Unset = UNSET,
        min_p: float | Unset = UNSET,
        presence_penalty: float | Unset = UNSET,
        repetition_penalty: float | Unset = UNSET,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, str | int | float | bool | None] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx2.Timeout | None | Unset = UNSET,
        max_retries: int | Unset = UNSET,
        deadline: float | None | Unset = UNSET,
        stream_idle_timeout: float | None | Unset = UNSET,
    ) -> Stream[
        TokenPlanChatCompletionChunk, _create_token_plan_chat_completion.TokenPlanChatCompletionStreamResult
    ]: ...

    @overload
    def create(
        self,
        *,
        model: str,
        messages: Sequence[TokenPlanMessageParam | TokenPlanMessage],
        stream: bool,
        max_tokens: int | Unset = UNSET,
        temperature: float | Unset = UNSET,
        top_p: float | Unset = UNSET,
        top_k: int | Unset = UNSET,
        min_p: float | Unset = UNSET,
        presence_penalty: float | Unset = UNSET,
        repetition_penalty: float | Unset = UNSET,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, str | int | float | bool | None] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx2.Timeout | None | Unset = UNSET,
        max_retries: int | Unset = UNSET,
        deadline: float | None | Unset = UNSET,
        stream_idle_timeout: float | None | Unset = UNSET,
    ) -> (
        TokenPlanChatCompletion
        | Stream[TokenPlanChatCompletionChunk, _create_token_plan_chat_completion.TokenPlanChatCompletionStreamResult]
    ): ...

    def create(
        self,
        *,
        model: str,
        messages: Sequence[TokenPlanMessageParam | TokenPlanMessage],
        max_tokens: int | Unset = UNSET,
        temperature: float | Unset = UNSET,
        top_p: float | Unset = UNSET,
        top_k: int | Unset = UNSET,
        min_p: float | Unset = UNSET,
        presence_penalty: float | Unset = UNSET,
        repetition_penalty: float | Unset = UNSET,
        stream: bool | Unset = UNSET,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, str | int | float | bool | None] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx2.Timeout | None | Unset = UNSET,
        max_retries: int | Unset = UNSET,
        deadline: float | None | Unset = UNSET,
        stream_idle_timeout: float | None | Unset = UNSET,
    ) -> (
        TokenPlanChatCompletion
        | Stream[TokenPlanChatCompletionChunk, _create_token_plan_chat_completion.TokenPlanChatCompletionStreamResult]
    ):
        """Answer a conversation (Token Plan, OpenAI-compatible)

        Produces the assistant's next reply to `messages` in the OpenAI Chat Completions wire
        format. Reasoning models return their chain of thought in `reasoning`, separate from the
        answer in `content`; `max_tokens` bounds both together. A user turn may carry images as
        content parts (an `https` URL the service downloads, or a `data:` URL with the image
        inline). The service keeps no conversation state: send the whole history every time, and
        when a previous reply goes back into the history send its `content` only, never its
        `reasoning`. Set `stream` to receive the reply incrementally as server-sent events.

        Args:
            model: ID of the model to use, e.g. `sensenova-6.7-flash-lite`.
            messages: The conversation so far, oldest turn first. The service keeps no history, so
                every call carries the full context; long histories raise `prompt_tokens`, so
                summarise or cut them. Put a previous reply back as its `content` only.
            max_tokens: Upper bound on the tokens generated, reasoning included. Nothing caps the prompt
                plus the reply except the model's context window.
            temperature: Sampling temperature: higher values make the output more varied. The provider
                recommends 1.0 in thinking mode (0.6 for precise coding) and 0.7 for general
                instruct tasks.
            top_p: Nucleus sampling: tokens are drawn from the smallest set whose cumulative
                probability reaches this value. Recommended: 0.95 in thinking mode, 0.8 or 1.0
                in instruct mode.
            top_k: Tokens are drawn from the k most likely ones only. Recommended: 20 (40 for
                reasoning tasks in instruct mode).
            min_p: Drops tokens whose probability is below this fraction of the most likely
                token's. Recommended: 0.0 in every mode.
            presence_penalty: Penalty on tokens that already appeared, pushing the model toward new content.
                Recommended: 1.5 for general tasks, 0.0 for precise coding, 2.0 for reasoning in
                instruct mode.
            repetition_penalty: Multiplicative penalty on repeated tokens; 1.0 leaves the output unchanged,
                which is the recommended value in every mode.
            stream: True for a Stream of `TokenPlanChatCompletionChunk` events (the request is sent
                before this returns, so an error status raises here), else the `TokenPlanChatCompletion`.
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
                "max_tokens": max_tokens,
                "temperature": temperature,
                "top_p": top_p,
                "top_k": top_k,
                "min_p": min_p,
                "presence_penalty": presence_penalty,
                "repetition_penalty": repetition_penalty,
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
        RawResponse[TokenPlanChatCompletion]
        | RawResponse[
            Stream[TokenPlanChatCompletionChunk, _create_token_plan_chat_completion.TokenPlanChatCompletionStreamResult]
        ]
    ):
        if stream is True:
            return self._stream(
                _create_token_plan_chat_completion._get_kwargs,
                _create_token_plan_chat_completion._STREAM_FORMAT,
                body,
                options,
            )
        return self._call(
            _create_token_plan_chat_completion._get_kwargs,
            _create_token_plan_chat_completion._parse_response,
            body,
            options,
        )

    def stream(
        self,
        *,
        model: str,
        messages: Sequence[TokenPlanMessageParam | TokenPlanMessage],
        max_tokens: int | Unset = UNSET,
        temperature: float | Unset = UNSET,
        top_p: float | Unset = UNSET,
        top_k: int | Unset = UNSET,
        min_p: float | Unset = UNSET,
        presence_penalty: float | Unset = UNSET,
        repetition_penalty: float | Unset = UNSET,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, str | int | float | bool | None] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx2.Timeout | None | Unset = UNSET,
        max_retries: int | Unset = UNSET,
        deadline: float | None | Unset = UNSET,
        stream_idle_timeout: float | None | Unset = UNSET,
    ) -> FinalStream[
        TokenPlanChatCompletionChunk,
        _create_token_plan_chat_completion.TokenPlanChatCompletionStreamResult,
        TokenPlanChatCompletion,
    ]:
        """`create(..., stream=True)` as the openai SDK's `stream()`: `with` sends the
        request (an error status raises there) and closes the stream at the end of the block; iterate
        it for `TokenPlanChatCompletionChunk` events, then `get_final_completion()` gives the `TokenPlanChatCompletion` the
        stream amounts to, `until_done()` the gathered StreamResult. The arguments are
        `create()`'s, checked before any request.
        """
        return self._final_stream(
            _create_token_plan_chat_completion._get_kwargs,
            _create_token_plan_chat_completion._STREAM_FORMAT,
            {
                "model": model,
                "messages": messages,
                "max_tokens": max_tokens,
                "temperature": temperature,
                "top_p": top_p,
                "top_k": top_k,
                "min_p": min_p,
                "presence_penalty": presence_penalty,
                "repetition_penalty": repetition_penalty,
            },
            CallOptions(extra_headers, extra_query, extra_body, timeout, max_retries, deadline, stream_idle_timeout),
        )


class TokenPlanChatCompletionsWithRawResponse:
    """`client.chat.completions.with_raw_response`: each method returns a `RawResponse`."""

    def __init__(self, resource: TokenPlanChatCompletions) -> None:
        self._resource = resource

    @overload
    def create(
        self,
        *,
        model: str,
        messages: Sequence[TokenPlanMessageParam | TokenPlanMessage],
        max_tokens: int | Unset = UNSET,
        temperature: float | Unset = UNSET,
        top_p: float | Unset = UNSET,
        top_k: int | Unset = UNSET,
        min_p: float | Unset = UNSET,
        presence_penalty: float | Unset = UNSET,
        repetition_penalty: float | Unset = UNSET,
        stream: Literal[False] | Unset = UNSET,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, str | int | float | bool | None] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx2.Timeout | None | Unset = UNSET,
        max_retries: int | Unset = UNSET,
        deadline: float | None | Unset = UNSET,
        stream_idle_timeout: float | None | Unset = UNSET,
    ) -> RawResponse[TokenPlanChatCompletion]: ...

    @overload
    def create(
        self,
        *,
        model: str,
        messages: Sequence[TokenPlanMessageParam | TokenPlanMessage],
        stream: Literal[True],
        max_tokens: int | Unset = UNSET,
        temperature: float | Unset = UNSET,
        top_p: float | Unset = UNSET,
        top_k: int | Unset = UNSET,
        min_p: float | Unset = UNSET,
        presence_penalty: float | Unset = UNSET,
        repetition_penalty: float | Unset = UNSET,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, str | int | float | bool | None] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx2.Timeout | None | Unset = UNSET,
        max_retries: int | Unset = UNSET,
        deadline: float | None | Unset = UNSET,
        stream_idle_timeout: float | None | Unset = UNSET,
    ) -> RawResponse[
        Stream[TokenPlanChatCompletionChunk, _create_token_plan_chat_completion.TokenPlanChatCompletionStreamResult]
    ]: ...

    @overload
    def create(
        self,
        *,
        model: str,
        messages: Sequence[TokenPlanMessageParam | TokenPlanMessage],
        stream: bool,
        max_tokens: int | Unset = UNSET,
        temperature: float | Unset = UNSET,
        top_p: float | Unset = UNSET,
        top_k: int | Unset = UNSET,
        min_p: float | Unset = UNSET,
        presence_penalty: float | Unset = UNSET,
        repetition_penalty: float | Unset = UNSET,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, str | int | float | bool | None] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx2.Timeout | None | Unset = UNSET,
        max_retries: int | Unset = UNSET,
        deadline: float | None | Unset = UNSET,
        stream_idle_timeout: float | None | Unset = UNSET,
    ) -> (
        RawResponse[TokenPlanChatCompletion]
        | RawResponse[
            Stream[TokenPlanChatCompletionChunk, _create_token_plan_chat_completion.TokenPlanChatCompletionStreamResult]
        ]
    ): ...

    def create(
        self,
        *,
        model: str,
        messages: Sequence[TokenPlanMessageParam | TokenPlanMessage],
        max_tokens: int | Unset = UNSET,
        temperature: float | Unset = UNSET,
        top_p: float | Unset = UNSET,
        top_k: int | Unset = UNSET,
        min_p: float | Unset = UNSET,
        presence_penalty: float | Unset = UNSET,
        repetition_penalty: float | Unset = UNSET,
        stream: bool | Unset = UNSET,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, str | int | float | bool | None] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx2.Timeout | None | Unset = UNSET,
        max_retries: int | Unset = UNSET,
        deadline: float | None | Unset = UNSET,
        stream_idle_timeout: float | None | Unset = UNSET,
    ) -> (
        RawResponse[TokenPlanChatCompletion]
        | RawResponse[
            Stream[TokenPlanChatCompletionChunk, _create_token_plan_chat_completion.TokenPlanChatCompletionStreamResult]
        ]
    ):
        """Like `chat.completions.create()`, but returns the `RawResponse`."""
        return self._resource._create(
            {
                "model": model,
                "messages": messages,
                "max_tokens": max_tokens,
                "temperature": temperature,
                "top_p": top_p,
                "top_k": top_k,
                "min_p": min_p,
                "presence_penalty": presence_penalty,
                "repetition_penalty": repetition_penalty,
                "stream": stream,
            },
            stream,
            CallOptions(extra_headers, extra_query, extra_body, timeout, max_retries, deadline, stream_idle_timeout),
        )


class AsyncTokenPlanChatCompletions(_resource.AsyncResource):
    """`client.chat.completions` (async)."""

    @cached_property
    def with_raw_response(self) -> AsyncTokenPlanChatCompletionsWithRawResponse:
        """The same methods, returning the HTTP answer (`RawResponse`) with `.parse()` for the result."""
        return AsyncTokenPlanChatCompletionsWithRawResponse(self)

    @overload
    async def create(
        self,
        *,
        model: str,
        messages: Sequence[TokenPlanMessageParam | TokenPlanMessage],
        max_tokens: int | Unset = UNSET,
        temperature: float | Unset = UNSET,
        top_p: float | Unset = UNSET,
        top_k: int | Unset = UNSET,
        min_p: float | Unset = UNSET,
        presence_penalty: float | Unset = UNSET,
        repetition_penalty: float | Unset = UNSET,
        stream: Literal[False] | Unset = UNSET,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, str | int | float | bool | None] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx2.Timeout | None | Unset = UNSET,
        max_retries: int | Unset = UNSET,
        deadline: float | None | Unset = UNSET,
        stream_idle_timeout: float | None | Unset = UNSET,
    ) -> TokenPlanChatCompletion: ...

    @overload
    async def create(
        self,
        *,
        model: str,
        messages: Sequence[TokenPlanMessageParam | TokenPlanMessage],
        stream: Literal[True],
        max_tokens: int | Unset = UNSET,
        temperature: float | Unset = UNSET,
        top_p: float | Unset = UNSET,
        top_k: int | Unset = UNSET,
        min_p: float | Unset = UNSET,
        presence_penalty: float | Unset = UNSET,
        repetition_penalty: float | Unset = UNSET,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, str | int | float | bool | None] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx2.Timeout | None | Unset = UNSET,
        max_retries: int | Unset = UNSET,
        deadline: float | None | Unset = UNSET,
        stream_idle_timeout: float | None | Unset = UNSET,
    ) -> AsyncStream[
        TokenPlanChatCompletionChunk, _create_token_plan_chat_completion.TokenPlanChatCompletionStreamResult
    ]: ...

    @overload
    async def create(
        self,
        *,
        model: str,
        messages: Sequence[TokenPlanMessageParam | TokenPlanMessage],
        stream: bool,
        max_tokens: int | Unset = UNSET,
        temperature: float | Unset = UNSET,
        top_p: float | Unset = UNSET,
        top_k: int | Unset = UNSET,
        min_p: float | Unset = UNSET,
        presence_penalty: float | Unset = UNSET,
        repetition_penalty: float | Unset = UNSET,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, str | int | float | bool | None] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx2.Timeout | None | Unset = UNSET,
        max_retries: int | Unset = UNSET,
        deadline: float | None | Unset = UNSET,
        stream_idle_timeout: float | None | Unset = UNSET,
    ) -> (
        TokenPlanChatCompletion
        | AsyncStream[
            TokenPlanChatCompletionChunk, _create_token_plan_chat_completion.TokenPlanChatCompletionStreamResult
        ]
    ): ...

    async def create(
        self,
        *,
        model: str,
        messages: Sequence[TokenPlanMessageParam | TokenPlanMessage],
        max_tokens: int | Unset = UNSET,
        temperature: float | Unset = UNSET,
        top_p: float | Unset = UNSET,
        top_k: int | Unset = UNSET,
        min_p: float | Unset = UNSET,
        presence_penalty: float | Unset = UNSET,
        repetition_penalty: float | Unset = UNSET,
        stream: bool | Unset = UNSET,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, str | int | float | bool | None] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx2.Timeout | None | Unset = UNSET,
        max_retries: int | Unset = UNSET,
        deadline: float | None | Unset = UNSET,
        stream_idle_timeout: float | None | Unset = UNSET,
    ) -> (
        TokenPlanChatCompletion
        | AsyncStream[
            TokenPlanChatCompletionChunk, _create_token_plan_chat_completion.TokenPlanChatCompletionStreamResult
        ]
    ):
        """Answer a conversation (Token Plan, OpenAI-compatible)

        Produces the assistant's next reply to `messages` in the OpenAI Chat Completions wire
        format. Reasoning models return their chain of thought in `reasoning`, separate from the
        answer in `content`; `max_tokens` bounds both together. A user turn may carry images as
        content parts (an `https` URL the service downloads, or a `data:` URL with the image
        inline). The service keeps no conversation state: send the whole history every time, and
        when a previous reply goes back into the history send its `content` only, never its
        `reasoning`. Set `stream` to receive the reply incrementally as server-sent events.

        Args:
            model: ID of the model to use, e.g. `sensenova-6.7-flash-lite`.
            messages: The conversation so far, oldest turn first. The service keeps no history, so
                every call carries the full context; long histories raise `prompt_tokens`, so
                summarise or cut them. Put a previous reply back as its `content` only.
            max_tokens: Upper bound on the tokens generated, reasoning included. Nothing caps the prompt
                plus the reply except the model's context window.
            temperature: Sampling temperature: higher values make the output more varied. The provider
                recommends 1.0 in thinking mode (0.6 for precise coding) and 0.7 for general
                instruct tasks.
            top_p: Nucleus sampling: tokens are drawn from the smallest set whose cumulative
                probability reaches this value. Recommended: 0.95 in thinking mode, 0.8 or 1.0
                in instruct mode.
            top_k: Tokens are drawn from the k most likely ones only. Recommended: 20 (40 for
                reasoning tasks in instruct mode).
            min_p: Drops tokens whose probability is below this fraction of the most likely
                token's. Recommended: 0.0 in every mode.
            presence_penalty: Penalty on tokens that already appeared, pushing the model toward new content.
                Recommended: 1.5 for general tasks, 0.0 for precise coding, 2.0 for reasoning in
                instruct mode.
            repetition_penalty: Multiplicative penalty on repeated tokens; 1.0 leaves the output unchanged,
                which is the recommended value in every mode.
            stream: True for a AsyncStream of `TokenPlanChatCompletionChunk` events (the request is sent
                before this returns, so an error status raises here), else the `TokenPlanChatCompletion`.
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
                "max_tokens": max_tokens,
                "temperature": temperature,
                "top_p": top_p,
                "top_k": top_k,
                "min_p": min_p,
                "presence_penalty": presence_penalty,
                "repetition_penalty": repetition_penalty,
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
        RawResponse[TokenPlanChatCompletion]
        | RawResponse[
            AsyncStream[
                TokenPlanChatCompletionChunk, _create_token_plan_chat_completion.TokenPlanChatCompletionStreamResult
            ]
        ]
    ):
        if stream is True:
            return await self._stream(
                _create_token_plan_chat_completion._get_kwargs,
                _create_token_plan_chat_completion._STREAM_FORMAT,
                body,
                options,
            )
        return await self._call(
            _create_token_plan_chat_completion._get_kwargs,
            _create_token_plan_chat_completion._parse_response,
            body,
            options,
        )

    def stream(
        self,
        *,
        model: str,
        messages: Sequence[TokenPlanMessageParam | TokenPlanMessage],
        max_tokens: int | Unset = UNSET,
        temperature: float | Unset = UNSET,
        top_p: float | Unset = UNSET,
        top_k: int | Unset = UNSET,
        min_p: float | Unset = UNSET,
        presence_penalty: float | Unset = UNSET,
        repetition_penalty: float | Unset = UNSET,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, str | int | float | bool | None] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx2.Timeout | None | Unset = UNSET,
        max_retries: int | Unset = UNSET,
        deadline: float | None | Unset = UNSET,
        stream_idle_timeout: float | None | Unset = UNSET,
    ) -> AsyncFinalStream[
        TokenPlanChatCompletionChunk,
        _create_token_plan_chat_completion.TokenPlanChatCompletionStreamResult,
        TokenPlanChatCompletion,
    ]:
        """`create(..., stream=True)` as the openai SDK's `stream()`: `async with` sends the
        request (an error status raises there) and closes the stream at the end of the block; iterate
        it for `TokenPlanChatCompletionChunk` events, then `await get_final_completion()` gives the `TokenPlanChatCompletion` the
        stream amounts to, `await until_done()` the gathered StreamResult. The arguments are
        `create()`'s, checked before any request.
        """
        return self._final_stream(
            _create_token_plan_chat_completion._get_kwargs,
            _create_token_plan_chat_completion._STREAM_FORMAT,
            {
                "model": model,
                "messages": messages,
                "max_tokens": max_tokens,
                "temperature": temperature,
                "top_p": top_p,
                "top_k": top_k,
                "min_p": min_p,
                "presence_penalty": presence_penalty,
                "repetition_penalty": repetition_penalty,
            },
            CallOptions(extra_headers, extra_query, extra_body, timeout, max_retries, deadline, stream_idle_timeout),
        )


class AsyncTokenPlanChatCompletionsWithRawResponse:
    """`client.chat.completions.with_raw_response` (async): each method returns a `RawResponse`."""

    def __init__(self, resource: AsyncTokenPlanChatCompletions) -> None:
        self._resource = resource

    @overload
    async def create(
        self,
        *,
        model: str,
        messages: Sequence[TokenPlanMessageParam | TokenPlanMessage],
        max_tokens: int | Unset = UNSET,
        temperature: float | Unset = UNSET,
        top_p: float | Unset = UNSET,
        top_k: int | Unset = UNSET,
        min_p: float | Unset = UNSET,
        presence_penalty: float | Unset = UNSET,
        repetition_penalty: float | Unset = UNSET,
        stream: Literal[False] | Unset = UNSET,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, str | int | float | bool | None] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx2.Timeout | None | Unset = UNSET,
        max_retries: int | Unset = UNSET,
        deadline: float | None | Unset = UNSET,
        stream_idle_timeout: float | None | Unset = UNSET,
    ) -> RawResponse[TokenPlanChatCompletion]: ...

    @overload
    async def create(
        self,
        *,
        model: str,
        messages: Sequence[TokenPlanMessageParam | TokenPlanMessage],
        stream: Literal[True],
        max_tokens: int | Unset = UNSET,
        temperature: float | Unset = UNSET,
        top_p: float | Unset = UNSET,
        top_k: int | Unset = UNSET,
        min_p: float | Unset = UNSET,
        presence_penalty: float | Unset = UNSET,
        repetition_penalty: float | Unset = UNSET,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, str | int | float | bool | None] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx2.Timeout | None | Unset = UNSET,
        max_retries: int | Unset = UNSET,
        deadline: float | None | Unset = UNSET,
        stream_idle_timeout: float | None | Unset = UNSET,
    ) -> RawResponse[
        AsyncStream[
            TokenPlanChatCompletionChunk, _create_token_plan_chat_completion.TokenPlanChatCompletionStreamResult
        ]
    ]: ...

    @overload
    async def create(
        self,
        *,
        model: str,
        messages: Sequence[TokenPlanMessageParam | TokenPlanMessage],
        stream: bool,
        max_tokens: int | Unset = UNSET,
        temperature: float | Unset = UNSET,
        top_p: float | Unset = UNSET,
        top_k: int | Unset = UNSET,
        min_p: float | Unset = UNSET,
        presence_penalty: float | Unset = UNSET,
        repetition_penalty: float | Unset = UNSET,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, str | int | float | bool | None] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx2.Timeout | None | Unset = UNSET,
        max_retries: int | Unset = UNSET,
        deadline: float | None | Unset = UNSET,
        stream_idle_timeout: float | None | Unset = UNSET,
    ) -> (
        RawResponse[TokenPlanChatCompletion]
        | RawResponse[
            AsyncStream[
                TokenPlanChatCompletionChunk, _create_token_plan_chat_completion.TokenPlanChatCompletionStreamResult
            ]
        ]
    ): ...

    async def create(
        self,
        *,
        model: str,
        messages: Sequence[TokenPlanMessageParam | TokenPlanMessage],
        max_tokens: int | Unset = UNSET,
        temperature: float | Unset = UNSET,
        top_p: float | Unset = UNSET,
        top_k: int | Unset = UNSET,
        min_p: float | Unset = UNSET,
        presence_penalty: float | Unset = UNSET,
        repetition_penalty: float | Unset = UNSET,
        stream: bool | Unset = UNSET,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, str | int | float | bool | None] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx2.Timeout | None | Unset = UNSET,
        max_retries: int | Unset = UNSET,
        deadline: float | None | Unset = UNSET,
        stream_idle_timeout: float | None | Unset = UNSET,
    ) -> (
        RawResponse[TokenPlanChatCompletion]
        | RawResponse[
            AsyncStream[
                TokenPlanChatCompletionChunk, _create_token_plan_chat_completion.TokenPlanChatCompletionStreamResult
            ]
        ]
    ):
        """Like `chat.completions.create()`, but returns the `RawResponse`."""
        return await self._resource._create(
            {
                "model": model,
                "messages": messages,
                "max_tokens": max_tokens,
                "temperature": temperature,
                "top_p": top_p,
                "top_k": top_k,
                "min_p": min_p,
                "presence_penalty": presence_penalty,
                "repetition_penalty": repetition_penalty,
                "stream": stream,
            },
            stream,
            CallOptions(extra_headers, extra_query, extra_body, timeout, max_retries, deadline, stream_idle_timeout),
        )
