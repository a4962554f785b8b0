"""What a stream raises when it goes wrong: the one home of the in-stream error rule.

The rule (from the spec's `x-stream.error`): a payload reports an error by the presence of its
error member (`error_field`), or, when the format has an `error_ok_code`, by an error member
whose `error_code_key` differs from it. `payload_error_check` compiles that rule once per
stream for the hot path; everything else that builds a stream error is here too, so the
lifecycle only decides *when* to raise.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import httpx2

from .. import errors, redact
from ..http import send
from ..http.deadline import DeadlineExceeded

if TYPE_CHECKING:
    from .fold import Gatherer
    from .format import StreamFormat
    from .sse import EventTooLarge, ServerSentEvent

__all__ = [
    "cut",
    "cut_at_eof",
    "cut_by_transport",
    "error_event",
    "idle",
    "json_answer_error",
    "malformed",
    "not_an_event_stream",
    "payload_error_check",
    "stream_error",
    "too_large",
]

# How an event stream's first line can begin (after a BOM and blank lines): a field or a comment.
_SSE_STARTS = (b"data", b"event", b"id", b"retry", b":")

_json_loads = json.loads
_FROM_FORMAT: Any = object()


def payload_error_check(
    fmt: StreamFormat[Any], field: str | None = None, ok_code: Any = _FROM_FORMAT
) -> Callable[[dict[str, Any]], errors.StreamError | None]:
    """The in-stream error rule as a function of one JSON payload: its StreamError, or None.

    `field` and `ok_code` default to the format's; a caller may check another member by the
    same rule (a JSON answer is also checked for a generic `error` member, by presence).
    """
    error_field = fmt.error_field if field is None else field
    ok = fmt.error_ok_code if ok_code is _FROM_FORMAT else ok_code
    code_key = fmt.error_code_key

    if ok is None:

        def by_presence(obj: dict[str, Any]) -> errors.StreamError | None:
            value = obj.get(error_field)
            return None if value is None else stream_error(fmt, value, obj)

        return by_presence

    def by_code(obj: dict[str, Any]) -> errors.StreamError | None:
        value = obj.get(error_field)
        if value is None or value.__class__ is not dict or value.get(code_key, ok) == ok:
            return None
        return stream_error(fmt, value, obj)

    return by_code


def stream_error(fmt: StreamFormat[Any], value: Any, body: Any) -> errors.StreamError:
    """The StreamError for an error member `value` (an object with code/message, or a message)."""
    value, body = redact.bounded(value), redact.bounded(body)  # nothing nested past MAX_DEPTH
    if isinstance(value, dict):
        code, message = value.get(fmt.error_code_key), value.get(fmt.error_message_key)
    else:
        code, message = None, value
    if message in (None, ""):
        message = "the provider reported an error inside the stream"
    return errors.StreamError(str(message), code=code if isinstance(code, str | int) else None, body=body)


def error_event(fmt: StreamFormat[Any], sse: ServerSentEvent) -> errors.StreamError:
    """The StreamError for an SSE `event: error`, whatever its data looks like."""
    try:
        obj = _json_loads(sse.data)
    except (ValueError, RecursionError):
        obj = sse.data
    if isinstance(obj, str) or redact.too_deep(obj):
        return errors.StreamError(sse.data.strip()[:2000] or "the provider sent an error event", body=sse.data)
    if isinstance(obj, dict):
        for field in (fmt.error_field, "error"):
            inner = obj.get(field)
            if isinstance(inner, dict | str) and inner:
                return stream_error(fmt, inner, obj)
        return stream_error(fmt, obj, obj)
    return errors.StreamError(redact.safe_repr(obj, 2000) if isinstance(obj, list) else str(obj), body=obj)


def malformed(gather: Gatherer, sse: ServerSentEvent, problem: str) -> errors.MalformedStreamEventError:
    """The error for an event that is not JSON or does not match the event schema."""
    number = gather.count + 1
    return errors.MalformedStreamEventError(
        f"Stream event {number} {problem}; raw data: {sse.data[:200]!r}",
        data=sse.data,
        event=sse.event,
        events=[] if gather.count == 0 else [gather.last[0]],
        text=gather.text(),
    )


def cut(fmt: StreamFormat[Any], gather: Gatherer, reason: str) -> errors.IncompleteStreamError:
    """The IncompleteStreamError for a stream that ended before its terminator."""
    return errors.IncompleteStreamError(
        f"The stream ended before its terminator {fmt.terminator!r}: {reason}. "
        f"{gather.count} events arrived; .text holds their text, .events the last one.",
        events=[] if gather.count == 0 else [gather.last[0]],
        text=gather.text(),
    )


def idle(fmt: StreamFormat[Any], gather: Gatherer, seconds: float) -> errors.StreamIdleTimeoutError:
    """The error for a stream that waited longer than its stream_idle_timeout for an event."""
    return errors.StreamIdleTimeoutError(
        f"The stream ended before its terminator {fmt.terminator!r}: no event for {seconds:g} s "
        "(stream_idle_timeout; keep-alive comments and empty events count as silence). "
        f"{gather.count} events arrived; .text holds their text, .events the last one.",
        events=[] if gather.count == 0 else [gather.last[0]],
        text=gather.text(),
        idle_timeout=seconds,
    )


def cut_at_eof(fmt: StreamFormat[Any], gather: Gatherer, mid_event: bool) -> errors.IncompleteStreamError:
    """The error for a body that ended before the terminator (`mid_event`: with an event half read)."""
    if mid_event:
        return cut(fmt, gather, "the connection closed in the middle of an event")
    return cut(fmt, gather, "the connection closed")


def cut_by_transport(fmt: StreamFormat[Any], gather: Gatherer, exc: httpx2.HTTPError) -> errors.IncompleteStreamError:
    if isinstance(exc, DeadlineExceeded):
        return cut(fmt, gather, str(exc))
    if isinstance(exc, httpx2.TimeoutException):
        return cut(fmt, gather, f"reading timed out ({type(exc).__name__})")
    return cut(fmt, gather, f"the connection broke ({send.describe(exc)})")


def too_large(gather: Gatherer, exc: EventTooLarge) -> errors.StreamEventTooLargeError:
    """The error for an event that passed the client's max_event_size (ended or not)."""
    return errors.StreamEventTooLargeError(
        f"Stream event {gather.count + 1} passed the limit of {exc.limit} characters (the client's "
        f"max_event_size); it starts with {exc.start[:200]!r}",
        data=exc.start,
        limit=exc.limit,
    )


def not_an_event_stream(response: httpx2.Response, first: bytes) -> errors.NotAStreamError | None:
    """The error for a stream answer that is not an event stream, judged by its content type and
    first chunk: None if it is labelled text/event-stream or its first bytes look like one (a
    server that labels its stream oddly still works), else NotAStreamError naming the content
    type and keeping the start of the body (an HTML error page, a plain-text message...)."""
    content_type = response.headers.get("content-type", "")
    if content_type.split(";", 1)[0].strip().lower() == "text/event-stream":
        return None
    start = first.removeprefix(b"\xef\xbb\xbf").lstrip(b"\r\n")
    if start.startswith(_SSE_STARTS) or any(field.startswith(start) for field in _SSE_STARTS):
        return None  # looks like SSE (or too short to tell)
    text = first.decode("utf-8", "replace")
    return errors.NotAStreamError(
        f"The server answered the stream request with {content_type or 'no content type'} instead of "
        f"an event stream; it begins: {text[:200]!r} (.body holds the first {len(text)} characters)",
        response=response,
        body=text,
        result=None,
        content_type=content_type,
    )


def json_answer_error(fmt: StreamFormat[Any], response: httpx2.Response) -> errors.APIError:
    """The error for a complete JSON answer to a stream request (its body is read)."""
    try:
        body = _json_loads(response.content)
    except (ValueError, RecursionError):
        body = response.text
    if redact.too_deep(body):
        body = response.text
    if isinstance(body, dict):
        error = payload_error_check(fmt)(body) or payload_error_check(fmt, field="error", ok_code=None)(body)
        if error is not None:
            return error
    content_type = response.headers.get("content-type", "")
    if not isinstance(body, dict):
        shown = (
            f"{body[:200]!r}" if isinstance(body, str) else f"the JSON {type(body).__name__} {redact.safe_repr(body)}"
        )
        return errors.NotAStreamError(
            f"The server answered the stream request with {content_type} that is not an answer: "
            f"{'an empty body' if body == '' else shown}; .body holds it, .result is None",
            response=response,
            body=body,
            result=None,
        )
    try:
        result = fmt.result_model.from_dict(body)
    except Exception as exc:  # whatever the body holds, the caller gets a typed error
        return errors.NotAStreamError(
            "The server answered the stream request with a complete JSON body instead of an event "
            f"stream, and it does not match the result schema ({redact.safe_repr(exc, 2000)}); .body holds it, "
            ".result is None",
            response=response,
            body=body,
            result=None,
        )
    return errors.NotAStreamError(
        "The server answered the stream request with a complete JSON body instead of an event "
        "stream (it ignored stream: true); the answer is in .result",
        response=response,
        body=body,
        result=result,
    )
