"""`client.chat.completions`: Answer a conversation.

Generated from sensenova.yaml (`x-client-method`) by codegen/surface.py; do not edit.
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
    from ..models import ChatCompletion, ChatCompletionChunk, ChatMessage, KnowledgeConfig, Plugins
    from ..params import ChatMessageParam, KnowledgeConfigParam, PluginsParam

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
        n: int | Unset = UNSET,
        know_ids: Sequence[str] | Unset = UNSET,
        max_new_tokens: int | Unset = UNSET,
        repetition_penalty: float | Unset = UNSET,
        temperature: float | Unset = UNSET,
        top_p: float | Unset = UNSET,
        user: str | Unset = UNSET,
        knowledge_config: KnowledgeConfigParam | KnowledgeConfig | Unset = UNSET,
        plugins: PluginsParam | Plugins | Unset = UNSET,
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
        n: int | Unset = UNSET,
        know_ids: Sequence[str] | Unset = UNSET,
        max_new_tokens: int | Unset = UNSET,
        repetition_penalty: float | Unset = UNSET,
        temperature: float | Unset = UNSET,
        top_p: float | Unset = UNSET,
        user: str | Unset = UNSET,
        knowledge_config: KnowledgeConfigParam | KnowledgeConfig | Unset = UNSET,
        plugins: PluginsParam | Plugins | Unset = UNSET,
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
        n: int | Unset = UNSET,
        know_ids: Sequence[str] | Unset = UNSET,
        max_new_tokens: int | Unset = UNSET,
        repetition_penalty: float | Unset = UNSET,
        temperature: float | Unset = UNSET,
        top_p: float | Unset = UNSET,
        user: str | Unset = UNSET,
        knowledge_config: KnowledgeConfigParam | KnowledgeConfig | Unset = UNSET,
        plugins: PluginsParam | Plugins | Unset = UNSET,
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
        n: int | Unset = UNSET,
        know_ids: Sequence[str] | Unset = UNSET,
        max_new_tokens: int | Unset = UNSET,
        repetition_penalty: float | Unset = UNSET,
        temperature: float | Unset = UNSET,
        top_p: float | Unset = UNSET,
        user: str | Unset = UNSET,
        knowledge_config: KnowledgeConfigParam | KnowledgeConfig | Unset = UNSET,
        plugins: PluginsParam | Plugins | Unset = UNSET,
        stream: bool | Unset = UNSET,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, str | int | float | bool | None] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx2.Timeout | None | Unset = UNSET,
        max_retries: int | Unset = UNSET,
        deadline: float | None | Unset = UNSET,
        stream_idle_timeout: float | None | Unset = UNSET,
    ) -> ChatCompletion | Stream[ChatCompletionChunk, _create_chat_completion.ChatCompletionStreamResult]:
        """Answer a conversation

        Produces the assistant's next reply to `messages`. The service keeps no conversation
        state: send the whole history every time, ending with a `user` turn. The tokens of all
        message contents plus `max_new_tokens` must fit in the model's context window. Answers
        can be grounded in knowledge bases (`know_ids`, `knowledge_config`), in injected text
        (`plugins.associated_knowledge`) or in web search (`plugins.web_search`). Set `stream`
        to receive the reply incrementally as server-sent events.

        Args:
            model: ID of the model to use (see the provider's model list).
            messages: The conversation so far, oldest turn first. The service keeps no history, so
                every call carries the full context. The last item must have the role `user`
                (JSON Schema cannot express a constraint on the last item; `x-last-role` records
                it and the emulator enforces it).
            n: How many alternative replies to generate, from 1 to 4; each reply's `index`
                tells them apart. Some models reject this parameter altogether (the provider's
                model list says which), so leave it unset unless the model supports it.

                Default: `1` (applied by the server).
            know_ids: IDs of the knowledge bases to search while answering.
            max_new_tokens: Upper bound on the number of tokens to generate, from 1 to 2048. Models with a
                smaller context window accept less: the tokens of all message contents plus this
                value must fit in the window.

                Default: `1024` (applied by the server).
            repetition_penalty: Penalty on repeated tokens, greater than 0 and at most 2. 1 leaves the output
                unchanged, values above 1 discourage repetition and values below 1 encourage it;
                1 to 1.2 is the recommended band.

                Default: `1.0` (applied by the server).
            temperature: Sampling temperature, greater than 0 and at most 2, with at most six digits
                after the decimal point. Values above 1 make the output more varied, values
                below 1 make it more deterministic.

                Default: `0.8` (applied by the server).
            top_p: Nucleus sampling: tokens are drawn from the smallest set whose cumulative
                probability reaches this value. Strictly between 0 and 1.

                Default: `0.7` (applied by the server).
            user: Your own identifier for the end user on whose behalf the request is made, useful
                for tracing.
            knowledge_config: (undocumented)
            plugins: (undocumented)
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
                "n": n,
                "know_ids": know_ids,
                "max_new_tokens": max_new_tokens,
                "repetition_penalty": repetition_penalty,
                "temperature": temperature,
                "top_p": top_p,
                "user": user,
                "knowledge_config": knowledge_config,
                "plugins": plugins,
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
        n: int | Unset = UNSET,
        know_ids: Sequence[str] | Unset = UNSET,
        max_new_tokens: int | Unset = UNSET,
        repetition_penalty: float | Unset = UNSET,
        temperature: float | Unset = UNSET,
        top_p: float | Unset = UNSET,
        user: str | Unset = UNSET,
        knowledge_config: KnowledgeConfigParam | KnowledgeConfig | Unset = UNSET,
        plugins: PluginsParam | Plugins | Unset = UNSET,
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
                "n": n,
                "know_ids": know_ids,
                "max_new_tokens": max_new_tokens,
                "repetition_penalty": repetition_penalty,
                "temperature": temperature,
                "top_p": top_p,
                "user": user,
                "knowledge_config": knowledge_config,
                "plugins": plugins,
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
        n: int | Unset = UNSET,
        know_ids: Sequence[str] | Unset = UNSET,
        max_new_tokens: int | Unset = UNSET,
        repetition_penalty: float | Unset = UNSET,
        temperature: float | Unset = UNSET,
        top_p: float | Unset = UNSET,
        user: str | Unset = UNSET,
        knowledge_config: KnowledgeConfigParam | KnowledgeConfig | Unset = UNSET,
        plugins: PluginsParam | Plugins | Unset = UNSET,
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
        n: int | Unset = UNSET,
        know_ids: Sequence[str] | Unset = UNSET,
        max_new_tokens: int | Unset = UNSET,
        repetition_penalty: float | Unset = UNSET,
        temperature: float | Unset = UNSET,
        top_p: float | Unset = UNSET,
        user: str | Unset = UNSET,
        knowledge_config: KnowledgeConfigParam | KnowledgeConfig | Unset = UNSET,
        plugins: PluginsParam | Plugins | Unset = UNSET,
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
        n: int | Unset = UNSET,
        know_ids: Sequence[str] | Unset = UNSET,
        max_new_tokens: int | Unset = UNSET,
        repetition_penalty: float | Unset = UNSET,
        temperature: float | Unset = UNSET,
        top_p: float | Unset = UNSET,
        user: str | Unset = UNSET,
        knowledge_config: KnowledgeConfigParam | KnowledgeConfig | Unset = UNSET,
        plugins: PluginsParam | Plugins | Unset = UNSET,
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
        n: int | Unset = UNSET,
        know_ids: Sequence[str] | Unset = UNSET,
        max_new_tokens: int | Unset = UNSET,
        repetition_penalty: float | Unset = UNSET,
        temperature: float | Unset = UNSET,
        top_p: float | Unset = UNSET,
        user: str | Unset = UNSET,
        knowledge_config: KnowledgeConfigParam | KnowledgeConfig | Unset = UNSET,
        plugins: PluginsParam | Plugins | Unset = UNSET,
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
                "n": n,
                "know_ids": know_ids,
                "max_new_tokens": max_new_tokens,
                "repetition_penalty": repetition_penalty,
                "temperature": temperature,
                "top_p": top_p,
                "user": user,
                "knowledge_config": knowledge_config,
                "plugins": plugins,
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
        n: int | Unset = UNSET,
        know_ids: Sequence[str] | Unset = UNSET,
        max_new_tokens: int | Unset = UNSET,
        repetition_penalty: float | Unset = UNSET,
        temperature: float | Unset = UNSET,
        top_p: float | Unset = UNSET,
        user: str | Unset = UNSET,
        knowledge_config: KnowledgeConfigParam | KnowledgeConfig | Unset = UNSET,
        plugins: PluginsParam | Plugins | Unset = UNSET,
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
        n: int | Unset = UNSET,
        know_ids: Sequence[str] | Unset = UNSET,
        max_new_tokens: int | Unset = UNSET,
        repetition_penalty: float | Unset = UNSET,
        temperature: float | Unset = UNSET,
        top_p: float | Unset = UNSET,
        user: str | Unset = UNSET,
        knowledge_config: KnowledgeConfigParam | KnowledgeConfig | Unset = UNSET,
        plugins: PluginsParam | Plugins | Unset = UNSET,
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
        n: int | Unset = UNSET,
        know_ids: Sequence[str] | Unset = UNSET,
        max_new_tokens: int | Unset = UNSET,
        repetition_penalty: float | Unset = UNSET,
        temperature: float | Unset = UNSET,
        top_p: float | Unset = UNSET,
        user: str | Unset = UNSET,
        knowledge_config: KnowledgeConfigParam | KnowledgeConfig | Unset = UNSET,
        plugins: PluginsParam | Plugins | Unset = UNSET,
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
        n: int | Unset = UNSET,
        know_ids: Sequence[str] | Unset = UNSET,
        max_new_tokens: int | Unset = UNSET,
        repetition_penalty: float | Unset = UNSET,
        temperature: float | Unset = UNSET,
        top_p: float | Unset = UNSET,
        user: str | Unset = UNSET,
        knowledge_config: KnowledgeConfigParam | KnowledgeConfig | Unset = UNSET,
        plugins: PluginsParam | Plugins | Unset = UNSET,
        stream: bool | Unset = UNSET,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, str | int | float | bool | None] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx2.Timeout | None | Unset = UNSET,
        max_retries: int | Unset = UNSET,
        deadline: float | None | Unset = UNSET,
        stream_idle_timeout: float | None | Unset = UNSET,
    ) -> ChatCompletion | AsyncStream[ChatCompletionChunk, _create_chat_completion.ChatCompletionStreamResult]:
        """Answer a conversation

        Produces the assistant's next reply to `messages`. The service keeps no conversation
        state: send the whole history every time, ending with a `user` turn. The tokens of all
        message contents plus `max_new_tokens` must fit in the model's context window. Answers
        can be grounded in knowledge bases (`know_ids`, `knowledge_config`), in injected text
        (`plugins.associated_knowledge`) or in web search (`plugins.web_search`). Set `stream`
        to receive the reply incrementally as server-sent events.

        Args:
            model: ID of the model to use (see the provider's model list).
            messages: The conversation so far, oldest turn first. The service keeps no history, so
                every call carries the full context. The last item must have the role `user`
                (JSON Schema cannot express a constraint on the last item; `x-last-role` records
                it and the emulator enforces it).
            n: How many alternative replies to generate, from 1 to 4; each reply's `index`
                tells them apart. Some models reject this parameter altogether (the provider's
                model list says which), so leave it unset unless the model supports it.

                Default: `1` (applied by the server).
            know_ids: IDs of the knowledge bases to search while answering.
            max_new_tokens: Upper bound on the number of tokens to generate, from 1 to 2048. Models with a
                smaller context window accept less: the tokens of all message contents plus this
                value must fit in the window.

                Default: `1024` (applied by the server).
            repetition_penalty: Penalty on repeated tokens, greater than 0 and at most 2. 1 leaves the output
                unchanged, values above 1 discourage repetition and values below 1 encourage it;
                1 to 1.2 is the recommended band.

                Default: `1.0` (applied by the server).
            temperature: Sampling temperature, greater than 0 and at most 2, with at most six digits
                after the decimal point. Values above 1 make the output more varied, values
                below 1 make it more deterministic.

                Default: `0.8` (applied by the server).
            top_p: Nucleus sampling: tokens are drawn from the smallest set whose cumulative
                probability reaches this value. Strictly between 0 and 1.

                Default: `0.7` (applied by the server).
            user: Your own identifier for the end user on whose behalf the request is made, useful
                for tracing.
            knowledge_config: (undocumented)
            plugins: (undocumented)
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
                "n": n,
                "know_ids": know_ids,
                "max_new_tokens": max_new_tokens,
                "repetition_penalty": repetition_penalty,
                "temperature": temperature,
                "top_p": top_p,
                "user": user,
                "knowledge_config": knowledge_config,
                "plugins": plugins,
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
        n: int | Unset = UNSET,
        know_ids: Sequence[str] | Unset = UNSET,
        max_new_tokens: int | Unset = UNSET,
        repetition_penalty: float | Unset = UNSET,
        temperature: float | Unset = UNSET,
        top_p: float | Unset = UNSET,
        user: str | Unset = UNSET,
        knowledge_config: KnowledgeConfigParam | KnowledgeConfig | Unset = UNSET,
        plugins: PluginsParam | Plugins | Unset = UNSET,
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
                "n": n,
                "know_ids": know_ids,
                "max_new_tokens": max_new_tokens,
                "repetition_penalty": repetition_penalty,
                "temperature": temperature,
                "top_p": top_p,
                "user": user,
                "knowledge_config": knowledge_config,
                "plugins": plugins,
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
        n: int | Unset = UNSET,
        know_ids: Sequence[str] | Unset = UNSET,
        max_new_tokens: int | Unset = UNSET,
        repetition_penalty: float | Unset = UNSET,
        temperature: float | Unset = UNSET,
        top_p: float | Unset = UNSET,
        user: str | Unset = UNSET,
        knowledge_config: KnowledgeConfigParam | KnowledgeConfig | Unset = UNSET,
        plugins: PluginsParam | Plugins | Unset = UNSET,
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
        n: int | Unset = UNSET,
        know_ids: Sequence[str] | Unset = UNSET,
        max_new_tokens: int | Unset = UNSET,
        repetition_penalty: float | Unset = UNSET,
        temperature: float | Unset = UNSET,
        top_p: float | Unset = UNSET,
        user: str | Unset = UNSET,
        knowledge_config: KnowledgeConfigParam | KnowledgeConfig | Unset = UNSET,
        plugins: PluginsParam | Plugins | Unset = UNSET,
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
        n: int | Unset = UNSET,
        know_ids: Sequence[str] | Unset = UNSET,
        max_new_tokens: int | Unset = UNSET,
        repetition_penalty: float | Unset = UNSET,
        temperature: float | Unset = UNSET,
        top_p: float | Unset = UNSET,
        user: str | Unset = UNSET,
        knowledge_config: KnowledgeConfigParam | KnowledgeConfig | Unset = UNSET,
        plugins: PluginsParam | Plugins | Unset = UNSET,
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
        n: int | Unset = UNSET,
        know_ids: Sequence[str] | Unset = UNSET,
        max_new_tokens: int | Unset = UNSET,
        repetition_penalty: float | Unset = UNSET,
        temperature: float | Unset = UNSET,
        top_p: float | Unset = UNSET,
        user: str | Unset = UNSET,
        knowledge_config: KnowledgeConfigParam | KnowledgeConfig | Unset = UNSET,
        plugins: PluginsParam | Plugins | Unset = UNSET,
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
                "n": n,
                "know_ids": know_ids,
                "max_new_tokens": max_new_tokens,
                "repetition_penalty": repetition_penalty,
                "temperature": temperature,
                "top_p": top_p,
                "user": user,
                "knowledge_config": knowledge_config,
                "plugins": plugins,
                "stream": stream,
            },
            stream,
            CallOptions(extra_headers, extra_query, extra_body, timeout, max_retries, deadline, stream_idle_timeout),
        )
