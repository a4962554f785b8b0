"""Typed server-sent-event streams for the generated operations.

`sse.py` turns bytes into `ServerSentEvent`s (pure, no I/O); this module is the thin transport
around it. `Stream` / `AsyncStream` send the request (with `stream: true` and
`Accept: text/event-stream`), read the body in whatever chunks the socket delivers, and turn each
event into the operation's typed event model the moment its bytes have arrived (no read-ahead).
Everything a stream needs to know about its provider is in a `StreamFormat`, rendered from the
spec's `x-stream` extension into each operation module; nothing here names a provider.

How a stream ends, and what the caller sees:

- the terminator (`[DONE]`) ends iteration and closes the connection;
- a connection that ends before it (clean EOF, dropped socket, read timeout, an event cut
  mid-way) raises `errors.IncompleteStreamError` with the text gathered so far, never a
  silently short answer;
- an error reported inside the stream (an error member in a payload, or an SSE `event: error`)
  raises `errors.StreamError` with the provider's code and message; events with any other name
  are payloads like unnamed ones (an unknown kind of event fails loudly, it is never skipped);
  comments and events with empty data (keep-alives) are skipped;
- an event that is not JSON or does not match the event schema raises
  `errors.MalformedStreamEventError` carrying its raw data;
- an error status raises the same typed `errors.APIStatusError` subclass as a plain call;
- a `200` with a JSON body (a gateway that ignored `stream: true`) raises
  `errors.NotAStreamError` whose `.result` is the body parsed into the non-streaming result
  model. Yielding it instead would hand the caller an object of another type than every other
  event (and inventing a chunk from it would need provider knowledge); raising makes the
  surprise visible while keeping the full answer one attribute away.

While it is iterated, a stream gathers what users want at the end (text and finish reason per
choice, usage, extras such as knowledge-base results) in constant memory per event: it keeps the
text, not the events. `until_done()` returns that as a `StreamResult`.
"""

from __future__ import annotations

import json
from collections.abc import AsyncGenerator, AsyncIterator, Generator, Iterator, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Generic, Protocol, TypeVar

import httpx

from . import calls, errors
from .sse import ServerSentEvent, SSEDecoder, aiter_sse, iter_sse
from .types import UNSET, Unset

if TYPE_CHECKING:
    from types import TracebackType
    from typing import Self

    from .client import Client

__all__ = [
    "AsyncStream",
    "ServerSentEvent",
    "Stream",
    "StreamChoice",
    "StreamFormat",
    "StreamResult",
    "aiter_sse",
    "iter_sse",
]

T = TypeVar("T")
T_co = TypeVar("T_co", covariant=True)


class _FromDict(Protocol[T_co]):
    """A generated model class: builds itself from a JSON object."""

    def from_dict(self, src_dict: Mapping[str, Any], /) -> T_co: ...


@dataclass(frozen=True)
class StreamFormat(Generic[T]):
    """One operation's stream facts, rendered from its spec's `x-stream` extension.

    Paths are JSON keys: `choices_path` and `usage_path`/`extras_paths` from the event's root,
    `index_path`, `text_path` and `finish_reason_path` from inside one choice. An error member
    (`error_field`) marks an in-stream error by its presence, or, when `error_ok_code` is not
    None, by a `error_code_key` different from `error_ok_code`.
    """

    event_model: _FromDict[T]
    result_model: _FromDict[Any]
    terminator: str
    error_field: str
    error_ok_code: Any
    error_code_key: str
    error_message_key: str
    choices_path: tuple[str, ...]
    index_path: tuple[str, ...]
    text_path: tuple[str, ...]
    finish_reason_path: tuple[str, ...]
    usage_path: tuple[str, ...] = ()
    extras_paths: tuple[tuple[str, ...], ...] = ()


@dataclass(frozen=True)
class StreamChoice:
    """One choice of a gathered stream: all its text, and why it ended (None if it did not say)."""

    index: int
    text: str
    finish_reason: str | None


@dataclass(frozen=True)
class StreamResult:
    """What a whole stream amounts to.

    `choices` are ordered by index. `usage` is the typed usage model of the last event that
    carried usage (found at the same place on the typed event; the JSON object only where the
    event model has no attribute there), None if no event carried it. `extras` holds the
    further results the spec names (e.g. knowledge-base or web-search results), keyed by their
    JSON member name, typed the same way, from the last event that had each. `events` counts
    the events received.
    """

    choices: list[StreamChoice]
    usage: Any
    extras: dict[str, Any]
    events: int

    @property
    def text(self) -> str:
        """The text of choice 0 (the only one unless the request asked for several)."""
        for choice in self.choices:
            if choice.index == 0:
                return choice.text
        return ""

    @property
    def finish_reason(self) -> str | None:
        """The finish reason of choice 0."""
        for choice in self.choices:
            if choice.index == 0:
                return choice.finish_reason
        return None


# ----------------------------------------------------------------------------------------------
# Gathering


_MISSING: Any = object()


def _getter(path: tuple[str, ...]) -> Any:
    """A function reading `path` from parsed JSON; None where a member is missing or not an object."""
    if not path:
        return lambda obj: None
    if len(path) == 1:
        (key,) = path

        def get1(obj: Any) -> Any:
            return obj.get(key) if obj.__class__ is dict else None

        return get1
    if len(path) == 2:
        first, second = path

        def get2(obj: Any) -> Any:
            if obj.__class__ is dict:
                obj = obj.get(first)
                if obj.__class__ is dict:
                    return obj.get(second)
            return None

        return get2

    def get(obj: Any) -> Any:
        for key in path:
            if obj.__class__ is not dict:
                return None
            obj = obj.get(key)
        return obj

    return get


def _typed_at(event: Any, path: tuple[str, ...], raw: Any) -> Any:
    """The typed value at a JSON path of a typed event; `raw` if the model has nothing there.

    Generated attribute names equal the JSON keys, or add a trailing `_` where the key is a
    Python keyword or builtin; members the schema does not name are in `additional_properties`.
    """
    obj = event
    for key in path:
        value = getattr(obj, key, _MISSING)
        if value is _MISSING:
            value = getattr(obj, key + "_", _MISSING)
        if value is _MISSING:
            extra = getattr(obj, "additional_properties", None)
            value = extra.get(key, _MISSING) if isinstance(extra, dict) else _MISSING
        if value is _MISSING or value is None or isinstance(value, Unset):
            return raw
        obj = value
    return obj


class _Text:
    """One choice's text, kept compact: every 256 pieces are joined into one UTF-8 block.

    A list of the pieces themselves would cost ~55 bytes per event (io.StringIO too, before
    Python 3.12), and one joined str takes 4 bytes per character as soon as it holds an emoji;
    UTF-8 keeps the text near its own size whatever characters it has. `surrogatepass` lets a
    lone surrogate (valid in JSON) round-trip unchanged.
    """

    __slots__ = ("blocks", "pieces")

    def __init__(self) -> None:
        self.blocks: list[bytes] = []
        self.pieces: list[str] = []

    def collapse(self) -> None:
        self.blocks.append("".join(self.pieces).encode("utf-8", "surrogatepass"))
        self.pieces.clear()

    def getvalue(self) -> str:
        return b"".join(self.blocks).decode("utf-8", "surrogatepass") + "".join(self.pieces)


class _Gatherer:
    """Folds events into text per choice, finish reasons, usage and extras, in flat memory.

    `add(json, event)` runs once per event on the hot path, so it is a closure over local
    variables rather than a method reading attributes (about a quarter cheaper per event).
    """

    def __init__(self, fmt: StreamFormat[Any]) -> None:
        self.count = 0  # events added
        self.texts: dict[int, _Text] = {}
        self.finish: dict[int, str] = {}
        # JSON path -> (typed event, JSON value) of the last event where it was not null.
        self.kept: dict[tuple[str, ...], tuple[Any, Any]] = {}
        # The last typed event and its JSON choices (for iter_text). Only the last: holding more
        # would keep each event alive across garbage collections, which costs more than the
        # rest of gathering (and memory would grow with them).
        self.last: list[Any] = [None, None]
        self._usage_path = fmt.usage_path
        self._extras_paths = tuple(path for path in fmt.extras_paths if path)
        self._index = _getter(fmt.index_path)
        self._text = _getter(fmt.text_path)
        self.add = self._adder(fmt)

    def _adder(self, fmt: StreamFormat[Any]) -> Any:
        get_choices, get_index, get_text = _getter(fmt.choices_path), self._index, self._text
        get_finish = _getter(fmt.finish_reason_path)
        kept_paths = [(path, _getter(path)) for path in (fmt.usage_path, *self._extras_paths) if path]
        texts, finish, kept, last = self.texts, self.finish, self.kept, self.last
        new_buffer = _Text

        def add(obj: dict[str, Any], event: Any) -> None:
            last[0] = event
            choices = last[1] = get_choices(obj)
            if choices.__class__ is list:
                for choice in choices:
                    index = get_index(choice)
                    if index.__class__ is not int:
                        index = 0
                    buffer = texts.get(index)
                    if buffer is None:
                        buffer = texts[index] = new_buffer()
                    text = get_text(choice)
                    if text and text.__class__ is str:
                        pieces = buffer.pieces
                        pieces.append(text)
                        if len(pieces) >= 256:
                            buffer.collapse()
                    reason = get_finish(choice)
                    if reason and reason.__class__ is str:
                        finish[index] = reason
            for path, get in kept_paths:
                value = get(obj)
                if value is not None:
                    kept[path] = (event, value)

        return add

    def pieces(self) -> Iterator[tuple[int, str]]:
        """(choice index, text) of the last event, as add() read them."""
        choices = self.last[1]
        if choices.__class__ is list:
            for choice in choices:
                index, text = self._index(choice), self._text(choice)
                if text and text.__class__ is str:
                    yield (index if index.__class__ is int else 0), text

    def text(self) -> dict[int, str]:
        return {index: buffer.getvalue() for index, buffer in sorted(self.texts.items())}

    def _typed(self, path: tuple[str, ...]) -> Any:
        if path not in self.kept:
            return None
        event, raw = self.kept[path]
        return _typed_at(event, path, raw)

    def result(self) -> StreamResult:
        choices = [
            StreamChoice(index=index, text=text, finish_reason=self.finish.get(index))
            for index, text in self.text().items()
        ]
        extras = {path[-1]: self._typed(path) for path in self._extras_paths if path in self.kept}
        usage = self._typed(self._usage_path) if self._usage_path else None
        return StreamResult(choices=choices, usage=usage, extras=extras, events=self.count)


# ----------------------------------------------------------------------------------------------
# Decoding one response (shared by the sync and async streams)

_json_loads = json.loads
# The C scanner behind json.loads, without loads' Python-level wrappers (20-40% of json.loads'
# time on an event-sized payload). Anything it does not accept whole goes through json.loads.
_scan_once: Any = getattr(json.JSONDecoder(), "scan_once", None) or (lambda data, index: (_json_loads(data), len(data)))
_PRIMED: Any = object()  # first item of a stream primed by __enter__: the request is sent


class _Core(Generic[T]):
    """The state of one streamed request: request, decoder, gathered result and outcome."""

    def __init__(self, fmt: StreamFormat[T], kwargs: dict[str, Any], options: dict[str, Any]) -> None:
        self.fmt = fmt
        self.kwargs = kwargs
        self.options = options
        self.gather = _Gatherer(fmt)
        self.decoder = SSEDecoder()
        self.response: httpx.Response | None = None
        self.done = False  # the terminator arrived
        self.failure: errors.APIError | None = None

    # --- request and response head

    def build_request(self, http: httpx.Client | httpx.AsyncClient) -> httpx.Request:
        kwargs = dict(self.kwargs)
        body = kwargs.get("json")
        if isinstance(body, dict):
            kwargs["json"] = {**body, "stream": True}
        headers = dict(kwargs.pop("headers", None) or {})
        headers["Accept"] = "text/event-stream"
        return http.build_request(**kwargs, headers=headers, **self.options)

    @staticmethod
    def head_kind(response: httpx.Response) -> str:
        """'stream', 'status' (an error status) or 'json' (a complete JSON answer)."""
        if not 200 <= response.status_code < 300:
            return "status"
        media = response.headers.get("content-type", "").split(";", 1)[0].strip().lower()
        if media == "application/json" or media.endswith("+json"):
            return "json"
        # Anything else is read as an event stream: a server that labels its stream oddly still
        # works, and a body that is no stream at all ends without a terminator, which raises.
        return "stream"

    def json_answer_error(self, response: httpx.Response) -> errors.APIError:
        """The error for a complete JSON answer to a stream request (its body is read)."""
        try:
            body = _json_loads(response.content)
        except ValueError:
            body = response.text
        if isinstance(body, dict):
            error = self.error_in(body) or self.error_in(body, field="error", ok_code=None)
            if error is not None:
                return error
        try:
            result = self.fmt.result_model.from_dict(body) if isinstance(body, dict) else None
            problem = ""
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            result, problem = None, f" It does not match the result schema either ({exc!r})."
        return errors.NotAStreamError(
            "The server answered the stream request with a complete JSON body instead of an event "
            f"stream (it ignored stream: true); the answer is in .result.{problem}",
            response=response,
            body=body,
            result=result,
        )

    # --- errors

    def error_in(
        self, obj: dict[str, Any], field: str | None = None, ok_code: Any = _MISSING
    ) -> errors.StreamError | None:
        """The StreamError an event payload reports, if it reports one."""
        fmt = self.fmt
        value = obj.get(fmt.error_field if field is None else field)
        if value is None:
            return None
        ok = fmt.error_ok_code if ok_code is _MISSING else ok_code
        if ok is not None and (value.__class__ is not dict or value.get(fmt.error_code_key, ok) == ok):
            return None
        return self.stream_error(value, obj)

    def stream_error(self, value: Any, body: Any) -> errors.StreamError:
        fmt = self.fmt
        if isinstance(value, dict):
            code, message = value.get(fmt.error_code_key), value.get(fmt.error_message_key)
        else:
            code, message = None, value
        if message in (None, ""):
            message = "the provider reported an error inside the stream"
        return errors.StreamError(str(message), code=code if isinstance(code, str | int) else None, body=body)

    def error_event(self, sse: ServerSentEvent) -> errors.StreamError:
        """The StreamError for an SSE `event: error`, whatever its data looks like."""
        try:
            obj = _json_loads(sse.data)
        except ValueError:
            return errors.StreamError(sse.data.strip() or "the provider sent an error event", body=sse.data)
        if isinstance(obj, dict):
            for field in (self.fmt.error_field, "error"):
                inner = obj.get(field)
                if isinstance(inner, dict | str) and inner:
                    return self.stream_error(inner, obj)
            return self.stream_error(obj, obj)
        return errors.StreamError(str(obj), body=obj)

    def malformed(self, sse: ServerSentEvent, problem: str) -> errors.MalformedStreamEventError:
        number = self.gather.count + 1
        return errors.MalformedStreamEventError(
            f"Stream event {number} {problem}; raw data: {sse.data[:200]!r}", data=sse.data, event=sse.event
        )

    def cut(self, reason: str) -> errors.IncompleteStreamError:
        """The IncompleteStreamError for a stream that ended before its terminator."""
        gather = self.gather
        return errors.IncompleteStreamError(
            f"The stream ended before its terminator {self.fmt.terminator!r}: {reason}. "
            f"{gather.count} events arrived; .text holds their text, .events the last one.",
            events=[] if gather.count == 0 else [gather.last[0]],
            text=gather.text(),
        )

    def cut_at_eof(self) -> errors.IncompleteStreamError:
        if self.decoder.close():
            return self.cut("the connection closed in the middle of an event")
        return self.cut("the connection closed")

    def cut_by_transport(self, exc: httpx.HTTPError) -> errors.IncompleteStreamError:
        if isinstance(exc, httpx.TimeoutException):
            return self.cut(f"reading timed out ({type(exc).__name__})")
        return self.cut(f"the connection broke ({type(exc).__name__}: {exc})")

    # --- body

    def events(self, chunk: bytes) -> Iterator[T]:
        """The typed events a chunk completes, each yielded as soon as it is decoded."""
        fmt = self.fmt
        terminator = fmt.terminator
        error_field = fmt.error_field
        ok, code_key = fmt.error_ok_code, fmt.error_code_key
        from_dict = fmt.event_model.from_dict
        gather = self.gather
        add = gather.add
        scan = _scan_once
        for sse in self.decoder.feed(chunk):
            data = sse.data
            if data == terminator:
                self.done = True
                return
            if sse.event == "error":
                raise self.error_event(sse)
            try:
                obj, end = scan(data, 0)
                if end != len(data):
                    obj = _json_loads(data)  # trailing whitespace is fine, anything else raises
            except (StopIteration, ValueError, TypeError, RecursionError):
                if not data.strip():
                    continue  # an empty keep-alive event
                try:
                    obj = _json_loads(data)
                except (ValueError, RecursionError) as exc:
                    raise self.malformed(sse, f"is not valid JSON ({exc})") from exc
            if obj.__class__ is not dict:
                raise self.malformed(sse, "is not a JSON object")
            error = obj.get(error_field)
            if error is not None and (ok is None or (error.__class__ is dict and error.get(code_key, ok) != ok)):
                raise self.stream_error(error, obj)
            try:
                event = from_dict(obj)
            except (KeyError, TypeError, ValueError, AttributeError) as exc:
                raise self.malformed(sse, f"does not match the event schema ({exc!r})") from exc
            gather.count += 1
            add(obj, event)
            yield event

    def result(self) -> StreamResult:
        """The gathered result of a stream that reached its terminator, else its error."""
        if self.failure is not None:
            raise self.failure
        if not self.done:
            raise self.cut("the stream was closed before it finished")
        return self.gather.result()


def _typed_transport_error(exc: httpx.HTTPError, request: httpx.Request) -> errors.APIError:
    """exc as this package's connection/timeout error (for chaining)."""
    try:
        with calls.translate_transport_errors(request):
            raise exc
    except errors.APIError as typed:
        return typed
    except httpx.HTTPError:
        return errors.APIConnectionError(f"Connection error: {type(exc).__name__}", request=request)


def _no_op() -> None:
    pass


def _iterate(core: _Core[T], client: Client, prime: bool) -> Generator[T, None, None]:
    response = chunks = None
    try:
        http = client.get_httpx_client()
        request = core.build_request(http)
        with calls.translate_transport_errors(request):
            response = core.response = http.send(request, stream=True)
        kind = core.head_kind(response)
        if kind != "stream":
            with calls.translate_transport_errors(request):
                if kind == "status":
                    raise errors.error_for_response(response)
                response.read()
                raise core.json_answer_error(response)
        if prime:
            yield _PRIMED
        chunks = response.iter_bytes()
        try:
            for chunk in chunks:
                yield from core.events(chunk)
                if core.done:
                    return
        except httpx.RequestError as exc:  # transport errors, and a body that fails to decompress
            raise core.cut_by_transport(exc) from _typed_transport_error(exc, request)
        raise core.cut_at_eof()
    except errors.APIError as exc:
        core.failure = exc
        raise
    finally:
        if chunks is not None:  # httpx types it as an Iterator; it is a generator
            getattr(chunks, "close", _no_op)()
        if response is not None:
            response.close()


async def _aiterate(core: _Core[T], client: Client, prime: bool) -> AsyncGenerator[T, None]:
    response = chunks = None
    try:
        http = client.get_async_httpx_client()
        request = core.build_request(http)
        with calls.translate_transport_errors(request):
            response = core.response = await http.send(request, stream=True)
        kind = core.head_kind(response)
        if kind != "stream":
            with calls.translate_transport_errors(request):
                if kind == "status":
                    raise await errors.aerror_for_response(response)
                await response.aread()
                raise core.json_answer_error(response)
        if prime:
            yield _PRIMED
        chunks = response.aiter_bytes()
        try:
            async for chunk in chunks:
                for event in core.events(chunk):
                    yield event
                if core.done:
                    return
        except httpx.RequestError as exc:  # transport errors, and a body that fails to decompress
            raise core.cut_by_transport(exc) from _typed_transport_error(exc, request)
        raise core.cut_at_eof()
    except errors.APIError as exc:
        core.failure = exc
        raise
    finally:
        if chunks is not None:  # httpx's own generator: closed now, not by the loop's finaliser later
            aclose = getattr(chunks, "aclose", None)
            if aclose is not None:
                await aclose()
        if response is not None:
            await response.aclose()


# ----------------------------------------------------------------------------------------------
# The public streams


class Stream(Generic[T]):
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
        fmt: StreamFormat[T],
        *,
        timeout: calls.TimeoutArg = UNSET,
        max_retries: int | Unset = UNSET,
    ) -> None:
        self._client = client
        self._core = _Core(fmt, kwargs, calls.request_options(timeout, max_retries))
        # The generator references the core, never the Stream: dropping an abandoned stream
        # drops the generator at once, and its `finally` closes the connection.
        self._iterator: Generator[T, None, None] | None = None

    def __iter__(self) -> Iterator[T]:
        if self._iterator is None:
            self._iterator = _iterate(self._core, self._client, prime=False)
        return self._iterator

    def __next__(self) -> T:
        return next(self.__iter__())

    def __enter__(self) -> Self:
        if self._iterator is None:
            self._iterator = _iterate(self._core, self._client, prime=True)
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
        if self._core.response is not None:
            self._core.response.close()

    @property
    def response(self) -> httpx.Response | None:
        """The HTTP response (status, headers) once the request is sent; None before."""
        return self._core.response

    def iter_text(self, index: int = 0) -> Iterator[str]:
        """Iterate the stream, yielding the new text of choice `index` as it arrives."""
        pieces = self._core.gather.pieces
        for _ in self:
            for choice, piece in pieces():
                if choice == index:
                    yield piece

    def until_done(self) -> StreamResult:
        """Consume the rest of the stream and return everything it gathered.

        Works after iterating part (or all) of the stream by hand: the result covers every
        event. Raises the stream's error if it failed, and IncompleteStreamError if it was
        closed before its end.
        """
        for _ in self:
            pass
        return self._core.result()


class AsyncStream(Generic[T]):
    """The async twin of `Stream`: `async for` typed events; `async with` closes it early.

    Nothing is sent until the first iteration or `async with`. Leaving the block, an exception
    or a cancellation inside the loop closes the connection; so does `aclose()`. (An `async for`
    left by `break` without `async with` is closed by the event loop once it drops the stream.)
    """

    def __init__(
        self,
        client: Client,
        kwargs: dict[str, Any],
        fmt: StreamFormat[T],
        *,
        timeout: calls.TimeoutArg = UNSET,
        max_retries: int | Unset = UNSET,
    ) -> None:
        self._client = client
        self._core = _Core(fmt, kwargs, calls.request_options(timeout, max_retries))
        self._iterator: AsyncGenerator[T, None] | None = None

    def __aiter__(self) -> AsyncIterator[T]:
        if self._iterator is None:
            self._iterator = _aiterate(self._core, self._client, prime=False)
        return self._iterator

    async def __anext__(self) -> T:
        return await self.__aiter__().__anext__()

    async def __aenter__(self) -> Self:
        if self._iterator is None:
            self._iterator = _aiterate(self._core, self._client, prime=True)
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
        if self._core.response is not None:
            await self._core.response.aclose()

    @property
    def response(self) -> httpx.Response | None:
        """The HTTP response (status, headers) once the request is sent; None before."""
        return self._core.response

    async def iter_text(self, index: int = 0) -> AsyncIterator[str]:
        """Iterate the stream, yielding the new text of choice `index` as it arrives."""
        pieces = self._core.gather.pieces
        async for _ in self:
            for choice, piece in pieces():
                if choice == index:
                    yield piece

    async def until_done(self) -> StreamResult:
        """Consume the rest of the stream and return everything it gathered (see Stream.until_done)."""
        async for _ in self:
            pass
        return self._core.result()
