"""Server-Sent Events decoding (WHATWG HTML, "event stream interpretation").

Pure and stdlib-only: bytes chunks in, events out, no I/O. The decoder works on whole
chunks with C-level ``str`` operations (no per-character Python loop) and keeps only the
unfinished block between chunks, so cost is linear in the input and memory stays flat
however long the stream runs.
"""

from __future__ import annotations

import codecs
import itertools
import json as _json
from collections.abc import AsyncIterable, AsyncIterator, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from ..http.options import DEFAULT_MAX_EVENT_SIZE

__all__ = ["EventTooLarge", "SSEDecoder", "ServerSentEvent", "aiter_sse", "iter_sse"]

_BOM = "\ufeff"


class EventTooLarge(ValueError):
    """An event (block) passed the decoder's max_event_size; `start` holds its first 200
    characters, `limit` the limit and `before` the events the same chunk completed before it."""

    def __init__(self, limit: int, start: str, before: list[ServerSentEvent] | None = None) -> None:
        super().__init__(f"a stream event passed the limit of {limit} characters")
        self.limit = limit
        self.start = start
        self.before = before or []  # the events completed in the same chunk before the large one


@dataclass(frozen=True, slots=True)
class ServerSentEvent:
    """One dispatched event; ``id`` is the stream's last event id at dispatch time."""

    event: str = "message"
    data: str = ""
    id: str = ""
    retry: int | None = None

    def json(self) -> Any:
        return _json.loads(self.data)


# The frozen dataclass __init__ goes through object.__setattr__ per field, about half the cost
# of decoding an event; filling the slots through their descriptors builds the same object
# (equal, hashable, frozen afterwards) twice as fast.
_SLOTS = ServerSentEvent.__dict__
_set_event = _SLOTS["event"].__set__
_set_data = _SLOTS["data"].__set__
_set_id = _SLOTS["id"].__set__
_set_retry = _SLOTS["retry"].__set__


def _new_event(event: str, data: str, last_id: str, retry: int | None) -> ServerSentEvent:
    obj: ServerSentEvent = object.__new__(ServerSentEvent)
    _set_event(obj, event)
    _set_data(obj, data)
    _set_id(obj, last_id)
    _set_retry(obj, retry)
    return obj


class SSEDecoder:
    """Incremental decoder: ``feed`` byte chunks cut anywhere, get the events they complete.

    Text is normalised to LF and cut at blank lines ("\\n\\n") into blocks; each complete block
    is one potential event. Only the unfinished block is kept between chunks. End of input
    discards that block (as the spec says); ``pending``/``close()`` tell whether there was
    one, so a caller can tell a truncated stream from a clean end. An unfinished block longer
    than ``max_event_size`` characters raises ``EventTooLarge`` (memory stays bounded), and so
    does a block that long completed inside one chunk.
    """

    __slots__ = (
        "_after_cr",
        "_at_start",
        "_closed",
        "_last_id",
        "_reconnect",
        "_tail",
        "_tail_size",
        "_utf8",
        "_utf8_held",
        "max_event_size",
    )

    def __init__(self, max_event_size: int = DEFAULT_MAX_EVENT_SIZE) -> None:
        self.max_event_size = max_event_size
        self._tail_size = 0  # characters held in _tail
        # errors="replace" yields U+FFFD for bad bytes; being incremental, it holds back a
        # multi-byte character split across chunks instead of replacing it.
        self._utf8 = codecs.getincrementaldecoder("utf-8")("replace")
        self._utf8_held = False  # the incremental decoder may hold the start of a split character
        self._at_start = True  # BOM not looked for yet
        self._after_cr = False  # text so far ended in CR: a leading LF completes that CRLF
        # Non-empty pieces of the unfinished block; joined once it completes (no quadratic concat).
        self._tail: list[str] = []
        self._closed = False
        self._last_id = ""
        self._reconnect: int | None = None

    @property
    def pending(self) -> bool:
        """True if input so far ends inside a line or inside a block (no blank line yet)."""
        if self._utf8.getstate()[0]:
            return True
        text = "".join(self._tail)
        if text[-1:] not in ("", "\n"):
            return True  # unterminated line
        return any(line and line[0] != ":" for line in text.split("\n"))

    @property
    def last_event_id(self) -> str:
        """The stream's last event id, as of the last complete block."""
        return self._last_id

    @property
    def retry(self) -> int | None:
        """Latest reconnection time (ms) asked for, by any complete block or by ``close()``."""
        return self._reconnect

    def feed(self, chunk: bytes) -> list[ServerSentEvent]:
        """Decode one chunk; return the events it completes, in order."""
        events: list[ServerSentEvent] = self._feed(chunk, False)
        return events

    def feed_plain(self, chunk: bytes) -> list[str | ServerSentEvent]:
        """feed(), where a plain event (one `data` line, no other field: nearly every event of an
        LLM stream) comes as its data string alone, the rest as events. A stream's hot loop needs
        nothing else of it, and skipping the object is about a third of the decoder's cost."""
        return self._feed(chunk, True)

    def _feed(self, chunk: bytes, plain: bool) -> list[Any]:
        if self._closed:
            raise ValueError("SSEDecoder is closed")
        if self._utf8_held:
            text = self._decode_held(chunk)
        else:
            try:  # a chunk of whole, valid UTF-8 (nearly all): C speed, under half the incremental cost
                text = chunk.decode()
            except UnicodeDecodeError:  # a character split across chunks, or bad bytes
                text = self._decode_held(chunk)
        if not text:
            return []
        if self._at_start:
            self._at_start = False
            if text[0] == _BOM:  # only a BOM at the very start of the stream is dropped
                text = text[1:]
        # Fast path: a provider that flushes per token sends each event as its own chunk, one
        # "data:" line and the blank line, with nothing pending; the general path costs ~3x more.
        if (
            not self._tail
            and not self._after_cr
            and text[:5] == "data:"
            and text[-2:] == "\n\n"
            and text.count("\n") == 2
            and "\r" not in text
            and len(text) <= self.max_event_size
        ):
            value = text[6:-2] if text[5:6] == " " else text[5:-2]
            return [value if plain else _new_event("message", value, self._last_id, None)]
        return self._feed_text(text, plain)

    def _decode_held(self, chunk: bytes) -> str:
        text = self._utf8.decode(chunk)
        self._utf8_held = bool(self._utf8.getstate()[0])
        return text

    def close(self) -> bool:
        """Mark end of input and return ``pending``; an unfinished block is never dispatched."""
        if self._closed:
            return self.pending
        self._closed = True
        tail = self._utf8.decode(b"", final=True)  # truncated UTF-8 -> U+FFFD, never a line end
        if tail:
            self._tail.append(tail)
        # A complete "retry" line takes effect at once per spec, even in a block never finished.
        for line in "".join(self._tail).split("\n")[:-1]:
            name, value = _split_field(line)
            if name == "retry":
                self._apply_retry(value)
        return self.pending

    def _feed_text(self, text: str, plain: bool) -> list[Any]:
        if self._after_cr:
            self._after_cr = False
            if text[:1] == "\n":
                text = text[1:]
        if not text:
            return []
        if "\r" in text:
            # A trailing CR already ends its line (no read-ahead); remember it so the next
            # chunk's leading LF is not taken for an extra, empty line.
            self._after_cr = text[-1] == "\r"
            text = text.replace("\r\n", "\n").replace("\r", "\n")
        region = self._complete_region(text)
        return [] if region is None else self._process(region, plain)

    def _complete_region(self, text: str) -> str | None:
        """LF-only text of the blocks this text completes, without the final blank line.

        The unfinished rest stays in ``_tail``; ``None`` if no block completes.
        """
        tail = self._tail
        end = text.rfind("\n\n")
        if end >= 0:
            if self._tail_size + end > self.max_event_size:  # a block completed in this chunk may be too large
                self._refuse_large_block("".join(tail) + text[:end])
            tail.append(text[:end])  # a blank line straddling the chunk boundary is inside
            rest = text[end + 2 :]
        elif tail and text[0] == "\n" and tail[-1][-1] == "\n":
            # The blank line straddles the boundary: drop its first LF like the split would.
            tail[-1] = tail[-1][:-1]
            rest = text[1:]
        else:
            tail.append(text)
            self._grown(len(text))
            return None
        region = "".join(tail)
        tail.clear()
        self._tail_size = 0
        if rest:
            tail.append(rest)
            try:
                self._grown(len(rest))
            except EventTooLarge as exc:  # the blocks this chunk completed still count
                exc.before = self._process(region)
                raise
        return region

    def _refuse_large_block(self, region: str) -> None:
        """EventTooLarge if one of region's blocks is longer than max_event_size: an event that
        completes inside one chunk (a decompressed chunk holds up to 1 MiB) is measured too."""
        offset = 0
        for block in region.split("\n\n"):
            if len(block) > self.max_event_size:
                self._tail.clear()
                self._tail_size = 0
                before = self._process(region[: max(offset - 2, 0)]) if offset else []
                raise EventTooLarge(self.max_event_size, block[:200], before)
            offset += len(block) + 2

    def _grown(self, size: int) -> None:
        self._tail_size += size
        if self._tail_size > self.max_event_size:
            start = "".join(itertools.islice(self._tail, 200))[:200]  # not the whole tail: no copy of it
            self._tail.clear()
            self._tail_size = 0
            raise EventTooLarge(self.max_event_size, start)

    def _process(self, region: str, plain: bool = False) -> list[Any]:
        values = _data_values(region)
        if values is not None:  # fast path: a run of one-line "data" blocks, the usual LLM stream
            if plain:
                return values
            last_id = self._last_id
            return [_new_event("message", value, last_id, None) for value in values]
        events: list[Any] = []
        for block in region.split("\n\n"):
            if block:
                event = self._block(block)
                if event is not None:
                    events.append(event)
        return events

    def _block(self, block: str) -> ServerSentEvent | None:
        data: list[str] = []
        event = ""
        retry = None
        for line in block.split("\n"):
            name, value = _split_field(line)
            if name == "data":
                data.append(value)
            elif name == "event":
                event = value
            elif name == "id":
                if "\0" not in value:
                    self._last_id = value
            elif name == "retry" and self._apply_retry(value):
                retry = self._reconnect
        if not data:  # no data field: nothing to dispatch (id/retry still took effect)
            return None
        return _new_event(event or "message", "\n".join(data), self._last_id, retry)

    def _apply_retry(self, value: str) -> bool:
        if not (value.isascii() and value.isdigit()):
            return False
        try:
            self._reconnect = int(value)
        except ValueError:  # beyond int()'s digit limit: no usable delay, ignore it
            return False
        return True


def _data_values(region: str) -> list[str] | None:
    """The values if every block of ``region`` is one "data: v" line (or every one "data:v")."""
    if region.startswith("data: "):
        values = region[6:].split("\n\ndata: ")
    elif region.startswith("data:") and "\n\ndata: " not in region:
        values = region[5:].split("\n\ndata:")
    else:
        return None
    # Each separator holds two LFs; any other LF means some block had more lines.
    return values if region.count("\n") == 2 * len(values) - 2 else None


def _split_field(line: str) -> tuple[str, str]:
    """``name:value`` with one leading space dropped; comments and blank lines give ``("", "")``."""
    if not line or line[0] == ":":
        return "", ""  # a leading empty line in a block is a no-op dispatch: state is fresh
    name, _, value = line.partition(":")
    if value[:1] == " ":
        value = value[1:]
    return name, value


def iter_sse(chunks: Iterable[bytes], *, decoder: SSEDecoder | None = None) -> Iterator[ServerSentEvent]:
    """Yield events as soon as the chunk completing each arrives.

    Pass your own ``decoder`` to inspect ``decoder.pending`` afterwards (truncated stream).
    """
    dec = SSEDecoder() if decoder is None else decoder
    for chunk in chunks:
        yield from dec.feed(chunk)
    dec.close()


async def aiter_sse(
    chunks: AsyncIterable[bytes], *, decoder: SSEDecoder | None = None
) -> AsyncIterator[ServerSentEvent]:
    """Async twin of :func:`iter_sse`."""
    dec = SSEDecoder() if decoder is None else decoder
    async for chunk in chunks:
        for event in dec.feed(chunk):
            yield event
    dec.close()
