"""How an operation call is sent and read: per-call options, httpx2 errors turned into typed
ones, and a success answer that is not the result turned into a typed error.

The generated operation modules call `send`/`asend`, `unparsable` and `answer_error`; the streaming
module uses `request_options` and `translate_transport_errors` so that streaming and plain calls
fail the same way.
"""

from __future__ import annotations

import contextlib
import sys
import time
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any, TypeVar

import httpx2

from ...types import UNSET, Unset
from .. import answers, errors, redact, wire
from ..errors import APIConnectionError, APITimeoutError
from ..logs import log_call, log_failure
from .deadline import DEADLINE_EXTENSION, DeadlineExceeded
from .options import DeadlineArg, TimeoutArg, checked_deadline, checked_max_retries, checked_timeout, json_problem
from .retry import MAX_RETRIES_EXTENSION

if TYPE_CHECKING:
    from .client import Client

T = TypeVar("T")

# What an httpx2 error with an empty message means (anyio's errors often have none).
_EMPTY_MESSAGES = {
    "ConnectError": "could not connect",
    "ReadError": "the connection failed while the answer was read (reset or closed by the server)",
    "WriteError": "the connection failed while the request was sent",
    "CloseError": "closing the connection failed",
    "RemoteProtocolError": "the server broke the HTTP protocol",
}


def request_options(timeout: TimeoutArg, max_retries: int | Unset, deadline: DeadlineArg = UNSET) -> dict[str, Any]:
    """Keyword arguments for httpx2's request/build_request that carry one call's options
    (each checked: a wrong type or value is a TypeError/ValueError naming the argument)."""
    options: dict[str, Any] = {}
    extensions: dict[str, Any] = {}
    if not isinstance(timeout, Unset):
        options["timeout"] = checked_timeout(timeout)
    if not isinstance(max_retries, Unset):
        extensions[MAX_RETRIES_EXTENSION] = checked_max_retries(max_retries)
    if not isinstance(deadline, Unset):
        extensions[DEADLINE_EXTENSION] = checked_deadline(deadline)
    if extensions:
        options["extensions"] = extensions
    return options


def describe(exc: BaseException) -> str:
    """`Type: message` of an httpx2 error; for one without a message, the first message among
    its causes, else what its type means, so that no error reads `ReadError: ` and nothing more."""
    name = type(exc).__name__
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if str(current):
            detail = str(current) if current is exc else f"{type(current).__name__}: {current}"
            return f"{name}: {detail}"
        current = current.__cause__ or current.__context__
    return f"{name}: {_EMPTY_MESSAGES.get(name, 'no detail given')}"


def typed_transport_error(exc: httpx2.RequestError, request: httpx2.Request | None = None) -> APIConnectionError:
    """httpx2's request error as this package's connection or timeout error (to raise from exc).

    The message names the httpx2 error type and its text (e.g. "[Errno 111] Connection refused");
    neither contains headers. exc itself is scrubbed: it is chained as __cause__, which tracebacks
    show.
    """
    sent = _request_of(exc, request)
    redact.scrub_cause(exc, sent)
    redact.without_locals(exc)  # httpcore2's and h11's frames hold the headers, key included
    if isinstance(exc, DeadlineExceeded):
        return APITimeoutError(f"Request timed out: {exc}.", request=sent)
    if isinstance(exc, httpx2.TimeoutException):
        return APITimeoutError(f"Request timed out ({type(exc).__name__}).", request=sent)
    return APIConnectionError(f"Connection error: {describe(exc)}", request=sent)


@contextlib.contextmanager
def translate_transport_errors(request: httpx2.Request | None = None, started: float | None = None) -> Iterator[None]:
    """Re-raise httpx2's request errors (transport errors, undecodable bodies, too many
    redirects) as typed_transport_error says; with `started`, the call ends there, after its
    retries, and its outcome is logged."""
    try:
        yield
    except httpx2.RequestError as exc:
        sent = _request_of(exc, request)  # before scrubbing: its extensions count the attempts
        error = typed_transport_error(exc, request)
        if started is not None:
            log_failure(sent, error, started)
        raise error from exc


def _request_of(exc: httpx2.RequestError, fallback: httpx2.Request | None) -> httpx2.Request | None:
    try:
        return exc.request
    except RuntimeError:  # httpx2 raises this when the error was made without a request
        return fallback


def build_request(http: httpx2.Client | httpx2.AsyncClient, kwargs: dict[str, Any], **options: Any) -> httpx2.Request:
    """The request httpx2 builds from kwargs; a body value JSON cannot carry (a generator, NaN, a
    set...) is an errors.RequestBodyError naming where it is, before anything is sent."""
    try:
        return http.build_request(**kwargs, **options)
    except (TypeError, ValueError):
        problem = json_problem(kwargs.get("json"))
        if problem is None:
            raise
    raise errors.RequestBodyError(f"Nothing was sent: {problem}")


def send(
    client: Client,
    kwargs: dict[str, Any],
    *,
    timeout: TimeoutArg = UNSET,
    max_retries: int | Unset = UNSET,
    deadline: DeadlineArg = UNSET,
) -> httpx2.Response:
    options = request_options(timeout, max_retries, deadline)
    started = time.perf_counter()
    http = client.get_httpx_client()
    request = build_request(http, kwargs, **options)
    with translate_transport_errors(request, started):
        response = http.send(request)
    log_call(response, started)
    return response


async def off_loop(load: Callable[[], None]) -> None:
    """Run an operation's first import (`_load`: its models, 10-20 ms) in a worker thread when an
    asyncio loop runs, so that the loop is not blocked meanwhile (docs/event-loop.md); under trio,
    in the loop."""
    asyncio = sys.modules.get("asyncio")  # no asyncio loop runs before asyncio is imported
    try:
        loop = None if asyncio is None else asyncio.get_running_loop()
    except RuntimeError:  # not asyncio's loop (trio)
        loop = None
    if asyncio is None or loop is None:
        load()
    else:
        await asyncio.to_thread(load)


async def asend(
    client: Client,
    kwargs: dict[str, Any],
    *,
    timeout: TimeoutArg = UNSET,
    max_retries: int | Unset = UNSET,
    deadline: DeadlineArg = UNSET,
) -> httpx2.Response:
    options = request_options(timeout, max_retries, deadline)
    started = time.perf_counter()
    await wire.aprepare()  # msgspec for the answer, imported off the loop (once)
    http = await client._aget_async_httpx_client()
    request = build_request(http, kwargs, **options)
    with translate_transport_errors(request, started):
        response = await http.send(request)
    log_call(response, started)
    return response


def parsed(response: httpx2.Response, model: type[T]) -> T:
    """A success answer's body as `model`: decoded straight into it where the fast path takes it
    (wire.py), else `model.from_dict(response.json())`, which decides (the models' type rule)."""
    built = wire.answer(model, response.content)
    if built is None:
        built = model.from_dict(response.json())  # type: ignore[attr-defined]  # every generated model has it
    return built


def unparsable(response: httpx2.Response, exc: Exception) -> errors.APIError:
    """The error for a success answer whose body could not be built into the result model:
    the provider's error if the body is one, else APIResponseValidationError (whatever the
    exception was: the server must not be able to raise anything outside errors.APIError)."""
    redact.scrub_cause(exc, response)  # chained under ours: an echoed key must not show there
    redact.without_locals(exc)  # the model's and JSON decoder's frames hold the body
    return answers.provider_error_in(response) or errors.APIResponseValidationError(response, exc)


def answer_error(response: httpx2.Response, result: object) -> errors.ProviderError | None:
    """The errors.ProviderError a parsed answer also reports (a `status` with a non-zero code, or
    an `error` member the model keeps as an extra), else None. Returned, not raised: the
    generated `_parse_response` drops the result from its locals before raising it (the result
    holds what the server sent, which may echo the key; see redact.without_locals)."""
    status = getattr(result, "status", None)
    code = getattr(status, "code", None)
    extras = getattr(result, "additional_properties", None)
    if (code not in (None, 0) and not isinstance(code, Unset)) or (
        extras.__class__ is dict and extras.get("error") is not None
    ):
        return answers.provider_error_in(response)
    return None


def checked_answer(response: httpx2.Response, result: T) -> T:
    """result, unless the answer also reports an error: then that error (see answer_error)."""
    error = answer_error(response, result)
    if error is not None:
        del result
        raise error
    return result


__all__ = [
    "answer_error",
    "asend",
    "build_request",
    "checked_answer",
    "describe",
    "parsed",
    "request_options",
    "send",
    "translate_transport_errors",
    "typed_transport_error",
    "unparsable",
]
