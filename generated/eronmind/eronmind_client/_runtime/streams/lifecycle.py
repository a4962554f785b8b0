"""The life of one streamed call: send the request, read the body, decode events, close.

`StreamCall` holds one call's state (request arguments, SSE decoder, gatherer, response and
outcome) and turns body chunks into typed events; `run` / `arun` are the generators behind
`Stream` / `AsyncStream` that own the connection: whatever ends them (the terminator, an error,
`close()`, a dropped stream) releases it in their `finally`. What is raised for which failure is
decided in `errors.py`; what the events add up to, in `fold.py`.
"""

from __future__ import annotations

import contextlib
import json
import threading
import time
from collections.abc import AsyncGenerator, AsyncIterator, Callable, Generator, Iterator
from typing import TYPE_CHECKING, Any, Generic, Literal, TypeVar

import httpx2

from ...types import UNSET, Unset
from .. import answers, errors, redact
from ..http import h2_cancel, send
from ..logs import log_call, log_failure, log_stream_end
from . import errors as stream_errors
from . import idle, parse
from .fold import Gatherer
from .format import StreamResult
from .sse import EventTooLarge, ServerSentEvent, SSEDecoder

if TYPE_CHECKING:
    from ..http.client import Client
    from .format import StreamFormat

__all__ = ["DRAIN_BYTES", "DRAIN_SECONDS", "PRIMED", "StreamCall", "arun", "run"]

T = TypeVar("T")
# What a streamed answer's head says it is: an event stream, an error status, or complete JSON.
HeadKind = Literal["stream", "status", "json"]

_json_loads = json.loads
# The C scanner behind json.loads, without loads' Python-level wrappers (20-40% of json.loads'
# time on an event-sized payload). Anything it does not accept whole goes through json.loads.
_scan_once: Any = getattr(json.JSONDecoder(), "scan_once", None) or (lambda data, index: (_json_loads(data), len(data)))
PRIMED: Any = object()  # first item of a stream primed by __enter__: the request is sent

# After the terminator, the rest of the body (normally only HTTP's closing chunk) is read so that
# the connection goes back to the pool instead of being closed: the next call then needs no new
# TCP and TLS handshake. A body that goes on for more than DRAIN_BYTES, or does not end within
# DRAIN_SECONDS, is given up on and its connection closed, as an early exit does.
DRAIN_BYTES = 64 * 1024
DRAIN_SECONDS = 0.25
# Events the fast path may decline, without accepting as many, before a stream stops trying it.
_DECLINES_BEFORE_GIVING_UP = 8


class StreamCall(Generic[T]):
    """One streamed call's state: request arguments, decoder, gathered result and outcome."""

    def __init__(
        self,
        fmt: StreamFormat[T, Any],
        kwargs: dict[str, Any],
        options: dict[str, Any],
        idle_timeout: float | Unset | None = UNSET,
    ) -> None:
        self.fmt = fmt
        self.kwargs = kwargs
        self.options = options
        self.idle_timeout = idle_timeout  # this call's stream_idle_timeout (UNSET: the client's)
        self.gather = Gatherer(fmt)
        self.decoder = SSEDecoder()
        self.response: httpx2.Response | None = None
        self.done = False  # the terminator arrived
        self.failure: errors.APIError | None = None
        self.unchecked = True  # the body's start is not yet checked for being an event stream
        self.first_bytes: float | None = None  # when the body's first bytes arrived (DEBUG's stream line)
        self.reported_error = stream_errors.payload_error_check(fmt)  # compiled once, used per event
        # The fast JSON step (parse.typed_decoder), set when the stream starts; None: json alone.
        self.typed: Callable[[str], T | None] | None = None
        self.declined = 0  # events the fast path left to the slow one

    # --- request and response head

    def build_request(self, http: httpx2.Client | httpx2.AsyncClient) -> httpx2.Request:
        kwargs = dict(self.kwargs)
        body = kwargs.get("json")
        if isinstance(body, dict):
            kwargs["json"] = {**body, self.fmt.request_flag: True}
        headers = dict(kwargs.pop("headers", None) or {})
        headers["Accept"] = "text/event-stream"
        return send.build_request(http, kwargs, headers=headers, **self.options)

    @staticmethod
    def head_kind(response: httpx2.Response) -> HeadKind:
        """'stream', 'status' (an error status) or 'json' (a complete JSON answer)."""
        if not 200 <= response.status_code < 300:
            return "status"
        media = response.headers.get("content-type", "").split(";", 1)[0].strip().lower()
        if media == "application/json" or media.endswith("+json"):
            return "json"
        # Anything else is read as an event stream: a server that labels its stream oddly still
        # works, and a body that is no stream at all ends without a terminator, which raises.
        return "stream"

    # --- body

    def events(self, chunk: bytes) -> Iterator[T]:
        """The typed events a chunk completes, each yielded as soon as it is decoded."""
        fmt = self.fmt
        terminator = fmt.terminator
        gather = self.gather
        add = gather.add
        typed = self.typed  # msgspec's twins (wire.py): an event, or None where it declines
        if self.unchecked and chunk and self.response is not None:
            self.unchecked = False
            self.first_bytes = time.perf_counter()  # once per stream: the body's first bytes
            not_a_stream = stream_errors.not_an_event_stream(self.response, chunk)
            if not_a_stream is not None:
                raise not_a_stream
        too_large = None
        try:
            decoded: list[Any] = self.decoder.feed_plain(chunk)
        except EventTooLarge as exc:
            decoded, too_large = list(exc.before), exc  # the events before the large one still count
        for sse in decoded:
            if sse.__class__ is str:  # a plain event: its data alone (SSEDecoder.feed_plain)
                data = sse
            else:
                data = sse.data
                if sse.event != "message":
                    if sse.event == "error":
                        raise stream_errors.error_event(fmt, sse)
                    continue  # a named event the spec does not describe (e.g. `event: ping`): skipped
            if data == terminator:
                self.done = True
                return
            event = None if typed is None else typed(data)
            if event is None:
                event = self.slow(sse)
                if event is None:
                    if self.done:
                        return
                    continue
            gather.count += 1
            add(event)
            yield event
        if too_large is not None:
            raise stream_errors.too_large(gather, too_large)

    def slow(self, sse: str | ServerSentEvent) -> T | None:
        """An event the fast path declined: json's dict, the in-stream error rule, `from_dict`
        (which applies the models' type rule); None for an event to skip. Once the fast path has
        declined often without ever accepting (a provider adding a key to every event), the rest
        of the stream skips it."""
        self.declined += 1
        if self.declined > _DECLINES_BEFORE_GIVING_UP and self.declined > self.gather.count:
            self.typed = None
        if isinstance(sse, str):  # a plain event: the object its errors name
            sse = ServerSentEvent(data=sse, id=self.decoder.last_event_id)
        data = sse.data
        try:
            fast = parse.loads  # msgspec (parse.py), or None for json alone
            if fast is None:
                obj, end = _scan_once(data, 0)
                if end != len(data):
                    obj = _json_loads(data)  # trailing whitespace is fine, anything else raises
            else:
                obj = fast(data)  # a ValueError (or RecursionError) for what it leaves to json: json decides below
        except (StopIteration, ValueError, TypeError, RecursionError):
            stripped = data.strip()
            if not stripped:
                return None  # an empty keep-alive event
            if stripped == self.fmt.terminator:  # `data: [DONE] `: the terminator with stray whitespace
                self.done = True
                return None
            try:
                obj = _json_loads(data)
            except (ValueError, RecursionError) as exc:
                raise stream_errors.malformed(self.gather, sse, f"is not valid JSON ({exc})") from exc
        if obj.__class__ is not dict:
            if obj is None:
                return None  # `data: null` (llama.cpp's server starts some streams so): skipped
            raise stream_errors.malformed(self.gather, sse, "is not a JSON object")
        error = self.reported_error(obj)
        if error is not None:
            raise error
        try:
            event: T = self.fmt.event_model.from_dict(obj)
        except Exception as exc:  # whatever the payload holds, the caller gets a typed error
            problem = f"does not match the event schema ({redact.safe_repr(exc, 2000)})"
            raise stream_errors.malformed(self.gather, sse, problem) from exc
        return event

    # --- outcome

    def kept_so_far(self, exc: errors.APIError) -> None:
        """A StreamError or a malformed event keeps the text gathered before it (and the last
        event), as a cut stream does; a cut stream keeps the request id of the answer's head."""
        if (
            isinstance(exc, errors.StreamError | errors.MalformedStreamEventError)
            and self.gather.count
            and not exc.text
        ):
            exc.text = self.gather.text()
            exc.events = [self.gather.last[0]]
        if isinstance(exc, errors.IncompleteStreamError) and self.response is not None:
            exc.request_id = errors.request_id_of(self.response.headers)

    def idle_clock(self, client: Client) -> idle.IdleClock | None:
        """The clock of this call's stream_idle_timeout (else the client's); None without one."""
        seconds = client.stream_idle_timeout if isinstance(self.idle_timeout, Unset) else self.idle_timeout
        return None if seconds is None else idle.IdleClock(seconds)

    def idle(self, clock: idle.IdleClock) -> errors.StreamIdleTimeoutError:
        return stream_errors.idle(self.fmt, self.gather, clock.seconds)

    def failed(self, exc: errors.APIError, request: httpx2.Request | None, started: float) -> None:
        """Record the error that ends the stream: the text so far, the request id, credentials
        masked; logged as the call's outcome unless the status line already said it."""
        self.kept_so_far(exc)
        response = self.response
        if response is not None and exc.request_id is None:
            exc.request_id = errors.request_id_of(response.headers)
        self.failure = redact.without_locals(redact.scrub(exc, response))  # an echoed credential masked
        if not (isinstance(exc, errors.APIStatusError) and exc.status_code >= 300):
            log_failure(request, exc, started, response)

    def cut(self, reason: str) -> errors.IncompleteStreamError:
        return stream_errors.cut(self.fmt, self.gather, reason)

    def cut_at_eof(self) -> errors.IncompleteStreamError:
        return stream_errors.cut_at_eof(self.fmt, self.gather, mid_event=self.decoder.close())

    def cut_by_transport(self, exc: httpx2.HTTPError) -> errors.IncompleteStreamError:
        return stream_errors.cut_by_transport(self.fmt, self.gather, exc)

    def result(self) -> StreamResult[Any, Any, Any]:
        """The gathered result of a stream that reached its terminator, else its error."""
        if self.failure is not None:
            raise self.failure
        if not self.done:
            raise self.cut("the stream was closed before it finished")
        return self.gather.result()


def _no_op() -> None:
    pass


def _drain(response: httpx2.Response, chunks: Iterator[bytes]) -> None:
    """Read the body's end within the drain bounds; the caller closes whatever is left open.

    httpcore2 reads with the call's read timeout, fixed when the body started, so the time bound
    caps it through the connection's network stream (httpcore2's `network_stream` response
    extension) for the length of the drain. Without such a stream nothing is read.
    """
    network = response.extensions.get("network_stream")
    read = getattr(network, "read", None)
    if read is None:
        return
    deadline = time.monotonic() + DRAIN_SECONDS
    drainer = threading.get_ident()

    def bounded_read(max_bytes: int, timeout: float | None = None) -> bytes:
        # Once the body ends the connection is back in the pool before this patch is undone: a
        # call in another thread that takes it meanwhile reads with its own timeout.
        if threading.get_ident() != drainer:
            return read(max_bytes, timeout)  # type: ignore[no-any-return]
        left = max(deadline - time.monotonic(), 0.001)
        return read(max_bytes, left if timeout is None else min(timeout, left))  # type: ignore[no-any-return]

    try:
        network.read = bounded_read  # type: ignore[union-attr]
    except (AttributeError, TypeError):
        return
    try:
        received = 0
        for chunk in chunks:
            received += len(chunk)
            if received > DRAIN_BYTES:
                return
    except httpx2.HTTPError:  # timed out or broke: the connection is closed by the caller
        return
    finally:
        with contextlib.suppress(AttributeError):
            del network.read  # type: ignore[union-attr]


async def _adrain(chunks: AsyncIterator[bytes]) -> None:
    """The async twin of `_drain`: a cancel scope bounds the time (asyncio and trio alike)."""
    import anyio  # httpx2's async transport has loaded it already

    with anyio.move_on_after(DRAIN_SECONDS):
        received = 0
        try:
            async for chunk in chunks:
                received += len(chunk)
                if received > DRAIN_BYTES:
                    return
        except httpx2.HTTPError:
            return


def _watched(
    call: StreamCall[T], chunks: Iterator[bytes], clock: idle.IdleClock, response: httpx2.Response
) -> Generator[T, None, None]:
    """The events of chunks under the idle clock, which restarts whenever the caller asks for
    the next event (idle.py); StreamIdleTimeoutError once a wait outlasts it."""
    clock.restart()
    with idle.bounded_reads(response, clock):
        for chunk in chunks:
            for event in call.events(chunk):
                yield event
                clock.restart()
            if call.done:
                return
            if clock.expired():  # only comments, empty or skipped events since the last event
                raise call.idle(clock)


async def _awatched(
    call: StreamCall[T], chunks: AsyncIterator[bytes], clock: idle.IdleClock
) -> AsyncGenerator[T, None]:
    """The async twin of `_watched`: each read is cancelled when the clock's time is up."""
    import anyio  # httpx2's async transport has loaded it already

    clock.restart()
    while True:
        try:
            with anyio.fail_after(max(clock.left(), 0.0)):
                chunk = await chunks.__anext__()
        except StopAsyncIteration:
            return
        except TimeoutError:
            raise call.idle(clock) from None
        for event in call.events(chunk):
            yield event
            clock.restart()
        if call.done:
            return
        if clock.expired():
            raise call.idle(clock)


def run(call: StreamCall[T], client: Client, prime: bool) -> Generator[T, None, None]:
    """Send the call and yield its events; `prime` first yields PRIMED once the head checked out."""
    response = chunks = request = None
    started = time.perf_counter()
    try:
        call.typed = parse.prepare(call.fmt)  # msgspec and the twins ready before the request
        http = client.get_httpx_client()
        call.decoder.max_event_size = client.max_event_size
        request = call.build_request(http)
        with send.translate_transport_errors(request):
            response = call.response = http.send(request, stream=True)
        log_call(response, started)  # the head's arrival: the body is still to come
        kind = call.head_kind(response)
        if kind != "stream":
            with send.translate_transport_errors(request):
                if kind == "status":
                    raise answers.error_for_response(response)
                response.read()
                raise stream_errors.json_answer_error(call.fmt, response)
        if prime:
            yield PRIMED
        chunks = response.iter_bytes()
        clock = call.idle_clock(client)
        try:
            if clock is None:
                for chunk in chunks:
                    yield from call.events(chunk)
                    if call.done:
                        break
            else:
                yield from _watched(call, chunks, clock, response)
        except httpx2.RequestError as exc:  # transport errors, and a body that fails to decompress
            cut = call.idle(clock) if clock is not None and clock.expired() else call.cut_by_transport(exc)
            raise cut from send.typed_transport_error(exc, request)
        if call.done:
            _drain(response, chunks)
            log_stream_end(response, started, call.gather.count, call.first_bytes)
            return
        raise call.cut_at_eof()
    except errors.APIError as exc:
        chunk = b""  # what the server sent (it may echo the key) stays out of the traceback's locals
        call.failed(exc, request, started)
        raise
    finally:
        if response is not None and not call.done:  # left early: over HTTP/2, tell the server
            h2_cancel.cancel(response)
        if chunks is not None:  # httpx2 types it as an Iterator; it is a generator
            getattr(chunks, "close", _no_op)()
        if response is not None:
            response.close()


async def arun(call: StreamCall[T], client: Client, prime: bool) -> AsyncGenerator[T, None]:
    """The async twin of `run`."""
    response = chunks = request = None
    started = time.perf_counter()
    try:
        call.typed = await parse.aprepare(call.fmt)  # the same, off the loop
        http = await client._aget_async_httpx_client()
        call.decoder.max_event_size = client.max_event_size
        request = call.build_request(http)
        with send.translate_transport_errors(request):
            response = call.response = await http.send(request, stream=True)
        log_call(response, started)  # the head's arrival: the body is still to come
        kind = call.head_kind(response)
        if kind != "stream":
            with send.translate_transport_errors(request):
                if kind == "status":
                    raise await answers.aerror_for_response(response)
                await response.aread()
                raise stream_errors.json_answer_error(call.fmt, response)
        if prime:
            yield PRIMED
        chunks = response.aiter_bytes()
        clock = call.idle_clock(client)
        try:
            if clock is None:
                async for chunk in chunks:
                    for event in call.events(chunk):
                        yield event
                    if call.done:
                        break
            else:
                async with contextlib.aclosing(_awatched(call, chunks, clock)) as watched:
                    async for event in watched:
                        yield event
        except httpx2.RequestError as exc:  # transport errors, and a body that fails to decompress
            raise call.cut_by_transport(exc) from send.typed_transport_error(exc, request)
        if call.done:
            await _adrain(chunks)
            log_stream_end(response, started, call.gather.count, call.first_bytes)
            return
        raise call.cut_at_eof()
    except errors.APIError as exc:
        chunk = b""  # what the server sent (it may echo the key) stays out of the traceback's locals
        call.failed(exc, request, started)
        raise
    finally:
        if response is not None and not call.done:  # left early: over HTTP/2, tell the server
            await h2_cancel.acancel(response)
        if chunks is not None:  # httpx2's own generator: closed now, not by the loop's finaliser later
            aclose = getattr(chunks, "aclose", None)
            if aclose is not None:
                await aclose()
        if response is not None:
            await response.aclose()
