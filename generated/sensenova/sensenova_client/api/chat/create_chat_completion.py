from __future__ import annotations

from http import HTTPStatus
from typing import TYPE_CHECKING, Any

import httpx2

from ..._runtime import answers
from ..._runtime.http import send
from ...client import AuthenticatedClient, Client
from ...types import UNSET, Response, Unset

if TYPE_CHECKING:
    from typing import TypeAlias, TypedDict

    from ..._runtime.streams import format as stream_format
    from ..._runtime.streams import stream as streaming
    from ...models.chat_completion import ChatCompletion
    from ...models.chat_completion_chunk import ChatCompletionChunk
    from ...models.chat_completion_request import ChatCompletionRequest
    from ...models.knowledge_base_result import KnowledgeBaseResult
    from ...models.plugins_usage import PluginsUsage
    from ...models.usage import Usage

_LOADED = False  # _load() has run


def _get_kwargs(
    *,
    body: ChatCompletionRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/llm/chat-completions",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx2.Response) -> ChatCompletion:
    if response.status_code == 200:
        try:
            response_200 = send.parsed(response, ChatCompletion)
        except Exception as exc:  # any failure: nothing the server sends escapes errors.APIError
            raise send.unparsable(response, exc) from exc
        error = send.answer_error(response, response_200)
        if error is not None:
            del response_200  # what the server sent stays out of the traceback's locals
            raise error
        return response_200
    raise answers.error_for_response(response)


def _build_response(*, client: AuthenticatedClient | Client, response: httpx2.Response) -> Response[ChatCompletion]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def _one_answer(kwargs: dict[str, Any]) -> None:
    """sync()/asyncio() parse one JSON answer: a body asking for a stream is sent with it off."""
    body = kwargs.get("json")
    if isinstance(body, dict) and body.get("stream"):
        kwargs["json"] = {**body, "stream": False}


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: ChatCompletionRequest,
    timeout: float | httpx2.Timeout | None | Unset = UNSET,
    max_retries: int | Unset = UNSET,
    deadline: float | None | Unset = UNSET,
) -> Response[ChatCompletion]:
    """Answer a conversation

    Produces the assistant's next reply to `messages`. The service keeps no conversation state: send the
    whole history every time, ending with a `user` turn. The tokens of all message contents plus
    `max_new_tokens` must fit in the model's context window. Answers can be grounded in knowledge bases
    (`know_ids`, `knowledge_config`), in injected text (`plugins.associated_knowledge`) or in web search
    (`plugins.web_search`). Set `stream` to receive the reply incrementally as server-sent events.

    This call returns one complete answer: a body with `stream` set to true is sent as false;
    `stream()` and `astream()` give the events as they arrive.

    Args:
        body (ChatCompletionRequest): Parameters of a chat generation.
        timeout: Overrides the client's timeout for this call.
        max_retries: Overrides the client's max_retries for this call.
        deadline: Seconds the whole call may take, retries and reading (the whole stream) included
            (None: no deadline); overrides the client's deadline.

    Raises:
        errors.APIStatusError: The server answered with an error status (a subclass per status).
        errors.APIConnectionError: The request could not be sent or the answer not received.
        errors.APITimeoutError: The request timed out, or the call's deadline passed.

    Returns:
        The HTTP response with its parsed body in `parsed`.
    """

    if not _LOADED:
        _load()

    kwargs = _get_kwargs(
        body=body,
    )
    _one_answer(kwargs)
    response = send.send(client, kwargs, timeout=timeout, max_retries=max_retries, deadline=deadline)
    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: ChatCompletionRequest,
    timeout: float | httpx2.Timeout | None | Unset = UNSET,
    max_retries: int | Unset = UNSET,
    deadline: float | None | Unset = UNSET,
) -> ChatCompletion:
    """Answer a conversation

    Produces the assistant's next reply to `messages`. The service keeps no conversation state: send the
    whole history every time, ending with a `user` turn. The tokens of all message contents plus
    `max_new_tokens` must fit in the model's context window. Answers can be grounded in knowledge bases
    (`know_ids`, `knowledge_config`), in injected text (`plugins.associated_knowledge`) or in web search
    (`plugins.web_search`). Set `stream` to receive the reply incrementally as server-sent events.

    This call returns one complete answer: a body with `stream` set to true is sent as false;
    `stream()` and `astream()` give the events as they arrive.

    Args:
        body (ChatCompletionRequest): Parameters of a chat generation.
        timeout: Overrides the client's timeout for this call.
        max_retries: Overrides the client's max_retries for this call.
        deadline: Seconds the whole call may take, retries and reading (the whole stream) included
            (None: no deadline); overrides the client's deadline.

    Raises:
        errors.APIStatusError: The server answered with an error status (a subclass per status).
        errors.APIConnectionError: The request could not be sent or the answer not received.
        errors.APITimeoutError: The request timed out, or the call's deadline passed.

    Returns:
        ChatCompletion
    """

    if not _LOADED:
        _load()

    kwargs = _get_kwargs(
        body=body,
    )
    _one_answer(kwargs)
    response = send.send(client, kwargs, timeout=timeout, max_retries=max_retries, deadline=deadline)
    return _parse_response(client=client, response=response)


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: ChatCompletionRequest,
    timeout: float | httpx2.Timeout | None | Unset = UNSET,
    max_retries: int | Unset = UNSET,
    deadline: float | None | Unset = UNSET,
) -> Response[ChatCompletion]:
    """Answer a conversation

    Produces the assistant's next reply to `messages`. The service keeps no conversation state: send the
    whole history every time, ending with a `user` turn. The tokens of all message contents plus
    `max_new_tokens` must fit in the model's context window. Answers can be grounded in knowledge bases
    (`know_ids`, `knowledge_config`), in injected text (`plugins.associated_knowledge`) or in web search
    (`plugins.web_search`). Set `stream` to receive the reply incrementally as server-sent events.

    This call returns one complete answer: a body with `stream` set to true is sent as false;
    `stream()` and `astream()` give the events as they arrive.

    Args:
        body (ChatCompletionRequest): Parameters of a chat generation.
        timeout: Overrides the client's timeout for this call.
        max_retries: Overrides the client's max_retries for this call.
        deadline: Seconds the whole call may take, retries and reading (the whole stream) included
            (None: no deadline); overrides the client's deadline.

    Raises:
        errors.APIStatusError: The server answered with an error status (a subclass per status).
        errors.APIConnectionError: The request could not be sent or the answer not received.
        errors.APITimeoutError: The request timed out, or the call's deadline passed.

    Returns:
        The HTTP response with its parsed body in `parsed`.
    """

    if not _LOADED:
        await send.off_loop(_load)

    kwargs = _get_kwargs(
        body=body,
    )
    _one_answer(kwargs)
    response = await send.asend(client, kwargs, timeout=timeout, max_retries=max_retries, deadline=deadline)
    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: ChatCompletionRequest,
    timeout: float | httpx2.Timeout | None | Unset = UNSET,
    max_retries: int | Unset = UNSET,
    deadline: float | None | Unset = UNSET,
) -> ChatCompletion:
    """Answer a conversation

    Produces the assistant's next reply to `messages`. The service keeps no conversation state: send the
    whole history every time, ending with a `user` turn. The tokens of all message contents plus
    `max_new_tokens` must fit in the model's context window. Answers can be grounded in knowledge bases
    (`know_ids`, `knowledge_config`), in injected text (`plugins.associated_knowledge`) or in web search
    (`plugins.web_search`). Set `stream` to receive the reply incrementally as server-sent events.

    This call returns one complete answer: a body with `stream` set to true is sent as false;
    `stream()` and `astream()` give the events as they arrive.

    Args:
        body (ChatCompletionRequest): Parameters of a chat generation.
        timeout: Overrides the client's timeout for this call.
        max_retries: Overrides the client's max_retries for this call.
        deadline: Seconds the whole call may take, retries and reading (the whole stream) included
            (None: no deadline); overrides the client's deadline.

    Raises:
        errors.APIStatusError: The server answered with an error status (a subclass per status).
        errors.APIConnectionError: The request could not be sent or the answer not received.
        errors.APITimeoutError: The request timed out, or the call's deadline passed.

    Returns:
        ChatCompletion
    """

    if not _LOADED:
        await send.off_loop(_load)

    kwargs = _get_kwargs(
        body=body,
    )
    _one_answer(kwargs)
    response = await send.asend(client, kwargs, timeout=timeout, max_retries=max_retries, deadline=deadline)
    return _parse_response(client=client, response=response)


if TYPE_CHECKING:
    # What until_done().extras may hold (the spec's x-stream gather extras, by JSON member name).
    class ChatCompletionStreamExtras(TypedDict, total=False):
        knowledge_base_results: list[KnowledgeBaseResult]
        plugins: PluginsUsage

    # What until_done() returns: text, finish reason and logprobs per choice, usage, extras.
    ChatCompletionStreamResult: TypeAlias = stream_format.StreamResult[Usage, object, ChatCompletionStreamExtras]

    # Framing facts from the spec's stream description (specs/CONVENTIONS.md).
    _STREAM_FORMAT: stream_format.StreamFormat[ChatCompletionChunk, ChatCompletionStreamResult] = (
        stream_format.StreamFormat(
            event_model=ChatCompletionChunk,
            result_model=ChatCompletion,
            request_flag="stream",
            terminator="[DONE]",
            error_field="status",
            error_ok_code=0,
            error_code_key="code",
            error_message_key="message",
            choices_path=("data", "choices"),
            index_path=("index",),
            text_path=("delta",),
            finish_reason_path=("finish_reason",),
            usage_path=("data", "usage"),
            extras_paths=(("data", "knowledge_base_results"), ("data", "plugins")),
            final_text_path=("message",),
            choices_attrs=("data", "choices"),
            index_attrs=("index",),
            text_attrs=("delta",),
            finish_reason_attrs=("finish_reason",),
            usage_attrs=("data", "usage"),
            extras_attrs=(
                ("data", "knowledge_base_results"),
                ("data", "plugins"),
            ),
        )
    )


def stream(
    *,
    client: AuthenticatedClient | Client,
    body: ChatCompletionRequest,
    timeout: float | httpx2.Timeout | None | Unset = UNSET,
    max_retries: int | Unset = UNSET,
    deadline: float | None | Unset = UNSET,
    stream_idle_timeout: float | None | Unset = UNSET,
) -> streaming.Stream[ChatCompletionChunk, ChatCompletionStreamResult]:
    """Answer a conversation

    Produces the assistant's next reply to `messages`. The service keeps no conversation state: send the
    whole history every time, ending with a `user` turn. The tokens of all message contents plus
    `max_new_tokens` must fit in the model's context window. Answers can be grounded in knowledge bases
    (`know_ids`, `knowledge_config`), in injected text (`plugins.associated_knowledge`) or in web search
    (`plugins.web_search`). Set `stream` to receive the reply incrementally as server-sent events.

    The body's `stream` is sent as true whatever it says; events are typed as they arrive.

    Args:
        body (ChatCompletionRequest): Parameters of a chat generation.
        timeout: Overrides the client's timeout for this call.
        max_retries: Overrides the client's max_retries for this call.
        deadline: Seconds the whole call may take, retries and reading (the whole stream) included
            (None: no deadline); overrides the client's deadline.
        stream_idle_timeout: Seconds the stream may wait for its next event, keep-alive comments and
            empty events counting as waiting (None: no limit); overrides the client's.

    Raises:
        errors.APIStatusError: The server answered with an error status (a subclass per status).
        errors.APIConnectionError: The request could not be sent or the answer not received.
        errors.APITimeoutError: The request timed out, or the call's deadline passed.
        errors.StreamError: The provider reported an error inside the stream.
        errors.IncompleteStreamError: The connection ended before the stream's terminator (its
            subclass StreamIdleTimeoutError: no event for stream_idle_timeout seconds).
        errors.MalformedStreamEventError: An event is not JSON or not the event schema.
        errors.NotAStreamError: The server answered with a complete JSON body (in `.result`) or
            something else than an event stream (`.content_type`, `.body`).

    Returns:
        A lazy Stream of ChatCompletionChunk events; `with` closes it early, `until_done()` gathers the answer.
    """

    if not _LOADED:
        _load()

    kwargs = _get_kwargs(
        body=body,
    )
    return streaming.Stream(
        client,
        kwargs,
        _STREAM_FORMAT,
        timeout=timeout,
        max_retries=max_retries,
        deadline=deadline,
        stream_idle_timeout=stream_idle_timeout,
    )


def astream(
    *,
    client: AuthenticatedClient | Client,
    body: ChatCompletionRequest,
    timeout: float | httpx2.Timeout | None | Unset = UNSET,
    max_retries: int | Unset = UNSET,
    deadline: float | None | Unset = UNSET,
    stream_idle_timeout: float | None | Unset = UNSET,
) -> streaming.AsyncStream[ChatCompletionChunk, ChatCompletionStreamResult]:
    """Answer a conversation

    Produces the assistant's next reply to `messages`. The service keeps no conversation state: send the
    whole history every time, ending with a `user` turn. The tokens of all message contents plus
    `max_new_tokens` must fit in the model's context window. Answers can be grounded in knowledge bases
    (`know_ids`, `knowledge_config`), in injected text (`plugins.associated_knowledge`) or in web search
    (`plugins.web_search`). Set `stream` to receive the reply incrementally as server-sent events.

    The body's `stream` is sent as true whatever it says; events are typed as they arrive.

    Args:
        body (ChatCompletionRequest): Parameters of a chat generation.
        timeout: Overrides the client's timeout for this call.
        max_retries: Overrides the client's max_retries for this call.
        deadline: Seconds the whole call may take, retries and reading (the whole stream) included
            (None: no deadline); overrides the client's deadline.
        stream_idle_timeout: Seconds the stream may wait for its next event, keep-alive comments and
            empty events counting as waiting (None: no limit); overrides the client's.

    Raises:
        errors.APIStatusError: The server answered with an error status (a subclass per status).
        errors.APIConnectionError: The request could not be sent or the answer not received.
        errors.APITimeoutError: The request timed out, or the call's deadline passed.
        errors.StreamError: The provider reported an error inside the stream.
        errors.IncompleteStreamError: The connection ended before the stream's terminator (its
            subclass StreamIdleTimeoutError: no event for stream_idle_timeout seconds).
        errors.MalformedStreamEventError: An event is not JSON or not the event schema.
        errors.NotAStreamError: The server answered with a complete JSON body (in `.result`) or
            something else than an event stream (`.content_type`, `.body`).

    Returns:
        A lazy AsyncStream of ChatCompletionChunk events; `async with` closes it early, `until_done()` gathers the answer.
    """

    if not _LOADED:
        _load()

    kwargs = _get_kwargs(
        body=body,
    )
    return streaming.AsyncStream(
        client,
        kwargs,
        _STREAM_FORMAT,
        timeout=timeout,
        max_retries=max_retries,
        deadline=deadline,
        stream_idle_timeout=stream_idle_timeout,
    )


def _load() -> None:
    """Import this operation's models and the stream runtime, and bind them as the module's
    names: run once, by the first call (or the first lookup of one of them), so that importing the
    module does not build the model classes (docs/import-time.md)."""
    global \
        _LOADED, \
        _STREAM_FORMAT, \
        ChatCompletion, \
        ChatCompletionChunk, \
        ChatCompletionRequest, \
        ChatCompletionStreamExtras, \
        ChatCompletionStreamResult, \
        KnowledgeBaseResult, \
        PluginsUsage, \
        stream_format, \
        streaming, \
        TypedDict, \
        Usage
    if not TYPE_CHECKING:  # type checkers read these names at the top, under TYPE_CHECKING
        from typing import TypedDict

        from ..._runtime.streams import format as stream_format
        from ..._runtime.streams import stream as streaming
        from ...models.chat_completion import ChatCompletion
        from ...models.chat_completion_chunk import ChatCompletionChunk
        from ...models.chat_completion_request import ChatCompletionRequest
        from ...models.knowledge_base_result import KnowledgeBaseResult
        from ...models.plugins_usage import PluginsUsage
        from ...models.usage import Usage

        # What until_done().extras may hold (the spec's x-stream gather extras, by JSON member name).
        class ChatCompletionStreamExtras(TypedDict, total=False):
            knowledge_base_results: list[KnowledgeBaseResult]
            plugins: PluginsUsage

        # What until_done() returns: text, finish reason and logprobs per choice, usage, extras.
        ChatCompletionStreamResult = stream_format.StreamResult[Usage, object, ChatCompletionStreamExtras]

        # Framing facts from the spec's stream description (specs/CONVENTIONS.md).
        _STREAM_FORMAT = stream_format.StreamFormat(
            event_model=ChatCompletionChunk,
            result_model=ChatCompletion,
            request_flag="stream",
            terminator="[DONE]",
            error_field="status",
            error_ok_code=0,
            error_code_key="code",
            error_message_key="message",
            choices_path=("data", "choices"),
            index_path=("index",),
            text_path=("delta",),
            finish_reason_path=("finish_reason",),
            usage_path=("data", "usage"),
            extras_paths=(("data", "knowledge_base_results"), ("data", "plugins")),
            final_text_path=("message",),
            choices_attrs=("data", "choices"),
            index_attrs=("index",),
            text_attrs=("delta",),
            finish_reason_attrs=("finish_reason",),
            usage_attrs=("data", "usage"),
            extras_attrs=(
                ("data", "knowledge_base_results"),
                ("data", "plugins"),
            ),
        )

    _LOADED = True


_LAZY = frozenset(
    {
        "_STREAM_FORMAT",
        "ChatCompletion",
        "ChatCompletionChunk",
        "ChatCompletionRequest",
        "ChatCompletionStreamExtras",
        "ChatCompletionStreamResult",
        "KnowledgeBaseResult",
        "PluginsUsage",
        "stream_format",
        "streaming",
        "TypedDict",
        "Usage",
    }
)

if not TYPE_CHECKING:  # for type checkers every name is defined above: no catch-all here

    def __getattr__(name: str) -> Any:
        if name in _LAZY:  # `from <this module> import ChatCompletion` and the like
            _load()
            return globals()[name]
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
