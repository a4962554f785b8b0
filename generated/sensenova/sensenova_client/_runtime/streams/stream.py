"""Typed server-sent-event streams for the generated operations.

`sse.py` turns bytes into `ServerSentEvent`s (pure, no I/O); this module is the public face of
the streams built on it: `Stream` / `AsyncStream` send the request (with `stream: true` and
`Accept: text/event-stream`), read the body in whatever chunks the socket delivers, and turn each
event into the operation's typed event model the moment its bytes have arrived (no read-ahead).
Everything a stream needs to know about its provider is in a `StreamFormat`, rendered from the
spec's `x-stream` extension into each operation module; nothing here names a provider.

How a stream ends, and what the caller sees:

- the terminator (`[DONE]`, also with stray whitespace around it) ends iteration and closes
  the connection;
- a connection that ends before it (clean EOF, dropped socket, read timeout, the call's
  deadline, an event cut mid-way) raises `errors.IncompleteStreamError` with the text gathered
  so far, never a silently short answer; so does a wait for the next event longer than the
  call's `stream_idle_timeout` (its subclass `StreamIdleTimeoutError`; see idle.py);
- an error reported inside the stream (an error member in a payload, or an SSE `event: error`)
  raises `errors.StreamError` with the provider's code and message; events with another name
  (`event: ping`: the specs describe none), comments, events with empty data (keep-alives) and
  `data: null` (llama.cpp's server) are skipped, as the openai SDK does;
- an event that is not JSON or does not match the event schema raises
  `errors.MalformedStreamEventError` carrying its raw data, and one that grows past the
  client's `max_event_size` its subclass `StreamEventTooLargeError`;
- an answer that is neither labelled `text/event-stream` nor starts like one (an HTML page)
  raises `errors.NotAStreamError` naming its content type and keeping the start of its body;
- an error status raises the same typed `errors.APIStatusError` subclass as a plain call;
- a `200` with a JSON body (a gateway that ignored `stream: true`) raises
  `errors.NotAStreamError` whose `.result` is the body parsed into the non-streaming result
  model. Yielding it instead would hand the caller an object of another type than every other
  event (and inventing a chunk from it would need provider knowledge); raising makes the
  surprise visible while keeping the full answer one attribute away.

While it is iterated, a stream gathers what users want at the end (text and finish reason per
choice, usage, extras such as knowledge-base results) in constant memory per event: it keeps the
text, not the events. `until_done()` returns that as a `StreamResult`.

Where the rest lives: `lifecycle.py` (request, reading, closing), `fold.py` (the gathering),
`errors.py` (what each failure raises, and the in-stream error rule), `format.py` (the facts).
"""

from __future__ import annotations

from collections.abc import AsyncGenerator, AsyncIterator, Generator, Iterator
from typing import TYPE_CHECKING, Any, Generic, TypeVar, cast

import httpx2

from ...types import UNSET, Unset
from .. import errors, redact
from ..errors import request_id_of
from ..http import send
from ..http.options import DeadlineArg, TimeoutArg, checked_stream_idle_timeout
from .final import Snapshot
from .format import R, StreamFormat, _ResultDefault
from .lifecycle import StreamCall, arun, run

if TYPE_CHECKING:
    from types import TracebackType
    from typing import Self

    from ..http.client import Client

__all__ = ["AsyncFinalStream", "AsyncStream", "FinalStream", "Stream"]

T = TypeVar("T")


def _idle(value: DeadlineArg) -> float | Unset | None:
    return value if isinstance(value, Unset) else checked_stream_idle_timeout(value)


class Stream(_ResultDefault, Generic[T, R]):
    """A streamed answer: iterate it for typed events; use it in `with` to close it early.

    Nothing is sent until the first iteration or `with`. Entering `with` sends the request, so
    an error status raises right there. Leaving the block, `break`-ing out of a `for` over a
    stream that nothing else references, or an exception closes the connection; so does
    `close()`. Iterating again continues where the last loop stopped.

    Raises (while iterating): `errors.StreamError`, `errors.IncompleteStreamError`,
    `errors.MalformedStreamEventError`, `errors.NotAStreamError`, and the status and
    connection errors of a plain call.
    """

    def __init__(
        self,
        client: Client,
        kwargs: dict[str, Any],
        fmt: StreamFormat[T, R],
        *,
        timeout: TimeoutArg = UNSET,
        max_retries: int | Unset = UNSET,
        deadline: DeadlineArg = UNSET,
        stream_idle_timeout: DeadlineArg = UNSET,
    ) -> None:
        self._client = client
        self._call = StreamCall(
            fmt, kwargs, send.request_options(timeout, max_retries, deadline), _idle(stream_idle_timeout)
        )
        # The generator references the call, never the Stream: dropping an abandoned stream
        # drops the generator at once, and its `finally` closes the connection.
        self._iterator: Generator[T, None, None] | None = None

    def __iter__(self) -> Iterator[T]:
        if self._iterator is None:
            self._iterator = run(self._call, self._client, prime=False)
        return self._iterator

    def __next__(self) -> T:
        return next(self.__iter__())

    def __enter__(self) -> Self:
        if self._iterator is None:
            self._iterator = run(self._call, self._client, prime=True)
            next(self._iterator)  # sends the request and checks the answer's head
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def close(self) -> None:
        """Close the connection (a no-op once the stream is finished or closed)."""
        if self._iterator is not None:
            self._iterator.close()
        if self._call.response is not None:
            self._call.response.close()

    @property
    def response(self) -> httpx2.Response | None:
        """The HTTP response (status, headers) once the request is sent; None before."""
        return self._call.response

    @property
    def request_id(self) -> str | None:
        """The provider's request id from the response head; None before the request is sent or
        if the provider sent none."""
        response = self._call.response
        return None if response is None else request_id_of(response.headers)

    def iter_text(self, index: int = 0) -> Iterator[str]:
        """Iterate the stream, yielding the new text of choice `index` as it arrives."""
        pieces = self._call.gather.pieces
        for _ in self:
            del _  # no event or text in this frame's locals should the stream raise (they may echo the key)
            for choice, piece in pieces():
                if choice == index:
                    yield piece
            piece = ""

    def until_done(self) -> R:
        """Consume the rest of the stream and return everything it gathered.

        Works after iterating part (or all) of the stream by hand: the result covers every
        event. Raises the stream's error if it failed, and IncompleteStreamError if it was
        closed before its end.
        """
        for _ in self:
            del _  # no event in this frame's locals should the stream raise (it may echo the key)
        return cast("R", self._call.result())


class AsyncStream(_ResultDefault, Generic[T, R]):
    """The async twin of `Stream`: `async for` typed events; `async with` closes it early.

    Nothing is sent until the first iteration or `async with`. Leaving the block, an exception
    or a cancellation inside the loop closes the connection; so does `aclose()`. (An `async for`
    left by `break` without `async with` is closed by the event loop once it drops the stream.)
    """

    def __init__(
        self,
        client: Client,
        kwargs: dict[str, Any],
        fmt: StreamFormat[T, R],
        *,
        timeout: TimeoutArg = UNSET,
        max_retries: int | Unset = UNSET,
        deadline: DeadlineArg = UNSET,
        stream_idle_timeout: DeadlineArg = UNSET,
    ) -> None:
        self._client = client
        self._call = StreamCall(
            fmt, kwargs, send.request_options(timeout, max_retries, deadline), _idle(stream_idle_timeout)
        )
        self._iterator: AsyncGenerator[T, None] | None = None

    def __aiter__(self) -> AsyncIterator[T]:
        if self._iterator is None:
            self._iterator = arun(self._call, self._client, prime=False)
        return self._iterator

    async def __anext__(self) -> T:
        return await self.__aiter__().__anext__()

    async def __aenter__(self) -> Self:
        if self._iterator is None:
            self._iterator = arun(self._call, self._client, prime=True)
            await self._iterator.__anext__()  # sends the request and checks the answer's head
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        """Close the connection (a no-op once the stream is finished or closed)."""
        if self._iterator is not None:
            await self._iterator.aclose()
        if self._call.response is not None:
            await self._call.response.aclose()

    @property
    def response(self) -> httpx2.Response | None:
        """The HTTP response (status, headers) once the request is sent; None before."""
        return self._call.response

    @property
    def request_id(self) -> str | None:
        """The provider's request id from the response head; None before the request is sent or
        if the provider sent none."""
        response = self._call.response
        return None if response is None else request_id_of(response.headers)

    async def iter_text(self, index: int = 0) -> AsyncIterator[str]:
        """Iterate the stream, yielding the new text of choice `index` as it arrives."""
        pieces = self._call.gather.pieces
        async for _ in self:
            del _  # as in Stream.iter_text
            for choice, piece in pieces():
                if choice == index:
                    yield piece
            piece = ""

    async def until_done(self) -> R:
        """Consume the rest of the stream and return everything it gathered (see Stream.until_done)."""
        async for _ in self:
            del _  # as in Stream.until_done
        return cast("R", self._call.result())


if TYPE_CHECKING:
    from typing_extensions import TypeVar as DefaultTypeVar  # TypeVar(default=...) is 3.13+

    C = DefaultTypeVar("C", default=object)  # the answer model; after R, which has a default
else:
    C = TypeVar("C")


def _answer(stream: Stream[Any, Any] | AsyncStream[Any, Any], snapshot: Snapshot) -> Any:
    """The operation's result model built from what the stream gathered, with its request id."""
    call = stream._call
    response = call.response
    data = snapshot.answer(call.gather)
    try:
        result = call.fmt.result_model.from_dict(data)
    except Exception as exc:  # a member the answer requires that no event carried
        del data
        if response is None:
            raise
        problem = ValueError(f"the gathered stream does not make the answer model: {redact.safe_repr(exc, 500)}")
        raise errors.APIResponseValidationError(response, problem) from None
    setter = getattr(result, "_set_request_id", None)
    if setter is not None:
        setter(stream.request_id)
    return result


class FinalStream(Stream[T, R], Generic[T, R, C]):
    """A Stream that also keeps what the whole answer amounts to: `client.<resource>.stream(...)`.

    Use it in `with` (entering sends the request; an error status raises there), iterate its
    typed events or not, then `get_final_completion()` gives the operation's non-streamed
    answer model (`C`), built from every event (see final.py); `until_done()` still gives the
    StreamResult.
    """

    def __init__(self, client: Client, kwargs: dict[str, Any], fmt: StreamFormat[T, R], **options: Any) -> None:
        super().__init__(client, kwargs, fmt, **options)  # the call options, as the plain stream takes them
        self._snapshot = _snapshotting(self._call)
        self._final: C | None = None

    def get_final_completion(self) -> C:
        """Consume the rest of the stream and return the answer model it amounts to (the type
        a non-streamed call returns). Raises the stream's error if it failed, as until_done() does."""
        if self._final is None:
            self.until_done()
            self._final = cast("C", _answer(self, self._snapshot))
        return self._final


class AsyncFinalStream(AsyncStream[T, R], Generic[T, R, C]):
    """The async twin of FinalStream: `async with client.<resource>.stream(...) as stream`."""

    def __init__(self, client: Client, kwargs: dict[str, Any], fmt: StreamFormat[T, R], **options: Any) -> None:
        super().__init__(client, kwargs, fmt, **options)  # the call options, as the plain stream takes them
        self._snapshot = _snapshotting(self._call)
        self._final: C | None = None

    async def get_final_completion(self) -> C:
        """Consume the rest of the stream and return the answer model it amounts to (see FinalStream)."""
        if self._final is None:
            await self.until_done()
            self._final = cast("C", _answer(self, self._snapshot))
        return self._final


def _snapshotting(call: StreamCall[Any]) -> Snapshot:
    """A Snapshot fed every event the call's gatherer is fed (the lifecycle calls gather.add)."""
    snapshot = Snapshot(call.fmt)
    gather_add, snapshot_add = call.gather.add, snapshot.add

    def add(event: Any) -> None:
        gather_add(event)
        snapshot_add(event.to_dict())  # the JSON that arrived, whichever path decoded it

    call.gather.add = add
    return snapshot
