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
    from ...models.completion import Completion
    from ...models.completion_chunk import CompletionChunk
    from ...models.completion_logprobs import CompletionLogprobs
    from ...models.completion_request import CompletionRequest
    from ...models.usage import Usage

_LOADED = False  # _load() has run


def _get_kwargs(
    *,
    body: CompletionRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v3/openai/completions",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx2.Response) -> Completion:
    if response.status_code == 200:
        try:
            response_200 = send.parsed(response, Completion)
        except Exception as exc:  # any failure: nothing the server sends escapes errors.APIError
            raise send.unparsable(response, exc) from exc
        error = send.answer_error(response, response_200)
        if error is not None:
            del response_200  # what the server sent stays out of the traceback's locals
            raise error
        return response_200
    raise answers.error_for_response(response)


def _build_response(*, client: AuthenticatedClient | Client, response: httpx2.Response) -> Response[Completion]:
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
    body: CompletionRequest,
    timeout: float | httpx2.Timeout | None | Unset = UNSET,
    max_retries: int | Unset = UNSET,
    deadline: float | None | Unset = UNSET,
) -> Response[Completion]:
    """Continue a prompt

    Produces a model continuation of the given prompt under the given sampling parameters. With `stream`
    set to true the text arrives incrementally as `CompletionChunk` events;
    `stream_options.include_usage` adds a final event that carries the token usage.

    This call returns one complete answer: a body with `stream` set to true is sent as false;
    `stream()` and `astream()` give the events as they arrive.

    Args:
        body (CompletionRequest): Parameters of one text completion call.
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
    body: CompletionRequest,
    timeout: float | httpx2.Timeout | None | Unset = UNSET,
    max_retries: int | Unset = UNSET,
    deadline: float | None | Unset = UNSET,
) -> Completion:
    """Continue a prompt

    Produces a model continuation of the given prompt under the given sampling parameters. With `stream`
    set to true the text arrives incrementally as `CompletionChunk` events;
    `stream_options.include_usage` adds a final event that carries the token usage.

    This call returns one complete answer: a body with `stream` set to true is sent as false;
    `stream()` and `astream()` give the events as they arrive.

    Args:
        body (CompletionRequest): Parameters of one text completion call.
        timeout: Overrides the client's timeout for this call.
        max_retries: Overrides the client's max_retries for this call.
        deadline: Seconds the whole call may take, retries and reading (the whole stream) included
            (None: no deadline); overrides the client's deadline.

    Raises:
        errors.APIStatusError: The server answered with an error status (a subclass per status).
        errors.APIConnectionError: The request could not be sent or the answer not received.
        errors.APITimeoutError: The request timed out, or the call's deadline passed.

    Returns:
        Completion
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
    body: CompletionRequest,
    timeout: float | httpx2.Timeout | None | Unset = UNSET,
    max_retries: int | Unset = UNSET,
    deadline: float | None | Unset = UNSET,
) -> Response[Completion]:
    """Continue a prompt

    Produces a model continuation of the given prompt under the given sampling parameters. With `stream`
    set to true the text arrives incrementally as `CompletionChunk` events;
    `stream_options.include_usage` adds a final event that carries the token usage.

    This call returns one complete answer: a body with `stream` set to true is sent as false;
    `stream()` and `astream()` give the events as they arrive.

    Args:
        body (CompletionRequest): Parameters of one text completion call.
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
    body: CompletionRequest,
    timeout: float | httpx2.Timeout | None | Unset = UNSET,
    max_retries: int | Unset = UNSET,
    deadline: float | None | Unset = UNSET,
) -> Completion:
    """Continue a prompt

    Produces a model continuation of the given prompt under the given sampling parameters. With `stream`
    set to true the text arrives incrementally as `CompletionChunk` events;
    `stream_options.include_usage` adds a final event that carries the token usage.

    This call returns one complete answer: a body with `stream` set to true is sent as false;
    `stream()` and `astream()` give the events as they arrive.

    Args:
        body (CompletionRequest): Parameters of one text completion call.
        timeout: Overrides the client's timeout for this call.
        max_retries: Overrides the client's max_retries for this call.
        deadline: Seconds the whole call may take, retries and reading (the whole stream) included
            (None: no deadline); overrides the client's deadline.

    Raises:
        errors.APIStatusError: The server answered with an error status (a subclass per status).
        errors.APIConnectionError: The request could not be sent or the answer not received.
        errors.APITimeoutError: The request timed out, or the call's deadline passed.

    Returns:
        Completion
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
    class CompletionStreamExtras(TypedDict, total=False):
        pass

    # What until_done() returns: text, finish reason and logprobs per choice, usage, extras.
    CompletionStreamResult: TypeAlias = stream_format.StreamResult[Usage, CompletionLogprobs, CompletionStreamExtras]

    # Framing facts from the spec's stream description (specs/CONVENTIONS.md).
    _STREAM_FORMAT: stream_format.StreamFormat[CompletionChunk, CompletionStreamResult] = stream_format.StreamFormat(
        event_model=CompletionChunk,
        result_model=Completion,
        request_flag="stream",
        terminator="[DONE]",
        error_field="error",
        error_ok_code=None,
        error_code_key="code",
        error_message_key="message",
        choices_path=("choices",),
        index_path=("index",),
        text_path=("text",),
        finish_reason_path=("finish_reason",),
        usage_path=("usage",),
        extras_paths=(),
        logprobs_path=("logprobs",),
        final_text_path=("text",),
        final_request=(("stream_options", {"include_usage": True}),),
        choices_attrs=("choices",),
        index_attrs=("index",),
        text_attrs=("text",),
        finish_reason_attrs=("finish_reason",),
        logprobs_attrs=("logprobs",),
        usage_attrs=("usage",),
        logprobs_model=CompletionLogprobs,
    )


def stream(
    *,
    client: AuthenticatedClient | Client,
    body: CompletionRequest,
    timeout: float | httpx2.Timeout | None | Unset = UNSET,
    max_retries: int | Unset = UNSET,
    deadline: float | None | Unset = UNSET,
    stream_idle_timeout: float | None | Unset = UNSET,
) -> streaming.Stream[CompletionChunk, CompletionStreamResult]:
    """Continue a prompt

    Produces a model continuation of the given prompt under the given sampling parameters. With `stream`
    set to true the text arrives incrementally as `CompletionChunk` events;
    `stream_options.include_usage` adds a final event that carries the token usage.

    The body's `stream` is sent as true whatever it says; events are typed as they arrive.

    Args:
        body (CompletionRequest): Parameters of one text completion call.
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
        A lazy Stream of CompletionChunk events; `with` closes it early, `until_done()` gathers the answer.
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
    body: CompletionRequest,
    timeout: float | httpx2.Timeout | None | Unset = UNSET,
    max_retries: int | Unset = UNSET,
    deadline: float | None | Unset = UNSET,
    stream_idle_timeout: float | None | Unset = UNSET,
) -> streaming.AsyncStream[CompletionChunk, CompletionStreamResult]:
    """Continue a prompt

    Produces a model continuation of the given prompt under the given sampling parameters. With `stream`
    set to true the text arrives incrementally as `CompletionChunk` events;
    `stream_options.include_usage` adds a final event that carries the token usage.

    The body's `stream` is sent as true whatever it says; events are typed as they arrive.

    Args:
        body (CompletionRequest): Parameters of one text completion call.
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
        A lazy AsyncStream of CompletionChunk events; `async with` closes it early, `until_done()` gathers the answer.
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
        Completion, \
        CompletionChunk, \
        CompletionLogprobs, \
        CompletionRequest, \
        CompletionStreamExtras, \
        CompletionStreamResult, \
        stream_format, \
        streaming, \
        TypedDict, \
        Usage
    if not TYPE_CHECKING:  # type checkers read these names at the top, under TYPE_CHECKING
        from typing import TypedDict

        from ..._runtime.streams import format as stream_format
        from ..._runtime.streams import stream as streaming
        from ...models.completion import Completion
        from ...models.completion_chunk import CompletionChunk
        from ...models.completion_logprobs import CompletionLogprobs
        from ...models.completion_request import CompletionRequest
        from ...models.usage import Usage

        # What until_done().extras may hold (the spec's x-stream gather extras, by JSON member name).
        class CompletionStreamExtras(TypedDict, total=False):
            pass

        # What until_done() returns: text, finish reason and logprobs per choice, usage, extras.
        CompletionStreamResult = stream_format.StreamResult[Usage, CompletionLogprobs, CompletionStreamExtras]

        # Framing facts from the spec's stream description (specs/CONVENTIONS.md).
        _STREAM_FORMAT = stream_format.StreamFormat(
            event_model=CompletionChunk,
            result_model=Completion,
            request_flag="stream",
            terminator="[DONE]",
            error_field="error",
            error_ok_code=None,
            error_code_key="code",
            error_message_key="message",
            choices_path=("choices",),
            index_path=("index",),
            text_path=("text",),
            finish_reason_path=("finish_reason",),
            usage_path=("usage",),
            extras_paths=(),
            logprobs_path=("logprobs",),
            final_text_path=("text",),
            final_request=(("stream_options", {"include_usage": True}),),
            choices_attrs=("choices",),
            index_attrs=("index",),
            text_attrs=("text",),
            finish_reason_attrs=("finish_reason",),
            logprobs_attrs=("logprobs",),
            usage_attrs=("usage",),
            logprobs_model=CompletionLogprobs,
        )

    _LOADED = True


_LAZY = frozenset(
    {
        "_STREAM_FORMAT",
        "Completion",
        "CompletionChunk",
        "CompletionLogprobs",
        "CompletionRequest",
        "CompletionStreamExtras",
        "CompletionStreamResult",
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
