"""The idle limit between two stream events: `stream_idle_timeout` (per client or per call).

httpx2's read timeout restarts with every byte, so a server that sends `: keep-alive` comments
(or empty events) every few seconds holds a stalled stream open for as long as it likes. This
clock restarts only when an event reaches the caller: comments, empty events, `data: null` and
named events the spec does not describe are all silence. What it measures is the time the
stream waits for its next event, from the moment the caller asks for it (the first one
included, so the time to first token counts); time the caller spends on an event is not the
server's silence.

How it is kept (lifecycle.run / arun):
- after every chunk the body delivers, whatever the chunk held;
- a sync read on an HTTP/1.1 connection waits at most until the clock's end (the connection's
  network stream read is bounded for the length of the stream, as the drain bounds its read), so
  a server that sends nothing at all is caught on time too;
- an async read is cancelled when the time is up (anyio, so asyncio or trio);
- a sync read over HTTP/2, whose connection other calls share (a read timeout there fails them
  all), ends at the next chunk or at the read timeout.
"""

from __future__ import annotations

import contextlib
import math
import threading
import time
from collections.abc import Iterator
from typing import Any

import httpx2

__all__ = ["IdleClock", "bounded_reads"]


class IdleClock:
    """When the stream's wait for its next event must end."""

    __slots__ = ("end", "seconds")

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.end = math.inf

    def restart(self) -> None:
        self.end = time.monotonic() + self.seconds

    def left(self) -> float:
        return self.end - time.monotonic()

    def expired(self) -> bool:
        return time.monotonic() >= self.end


@contextlib.contextmanager
def bounded_reads(response: httpx2.Response, clock: IdleClock) -> Iterator[None]:
    """While inside: each read of response's HTTP/1.1 connection in this thread waits at most
    until the clock's end (a ReadTimeout then). Other connections are left as they are."""
    network: Any = response.extensions.get("network_stream")
    read = getattr(network, "read", None)
    if read is None or response.extensions.get("http_version", b"") not in (b"HTTP/1.1", b"HTTP/1.0"):
        yield
        return
    reader = threading.get_ident()

    def bounded_read(max_bytes: int, timeout: float | None = None) -> bytes:
        # Once the body ends the connection may be back in the pool before this is undone: a
        # call in another thread that takes it meanwhile reads with its own timeout.
        if threading.get_ident() != reader:
            return read(max_bytes, timeout)  # type: ignore[no-any-return]
        left = max(clock.left(), 0.001)
        return read(max_bytes, left if timeout is None else min(timeout, left))  # type: ignore[no-any-return]

    try:
        network.read = bounded_read
    except (AttributeError, TypeError):
        yield
        return
    try:
        yield
    finally:
        with contextlib.suppress(AttributeError):
            del network.read
