"""Checked timeout arguments, and the overall deadline of a call.

httpx2's timeouts bound each step (connect, each write, each read, the wait for a pooled
connection), so a server that sends one byte per second keeps a call alive for as long as it
likes. A deadline bounds the whole call instead: every attempt, the waits between retries and
the reading of the body, streamed or not. It is given in seconds, per client (`deadline=`,
default None: no deadline) or per call (`deadline=`; None turns the client's off for that
call), and the clock starts when the request is sent.

How it is kept (by the retry transports, so plain calls and streams behave the same):
- before each attempt, every httpx2 timeout of the attempt is lowered to the time left;
- a retry whose wait would end after the deadline is not made: the call gets the last answer
  or error, as when retries run out;
- the body is read through a wrapper that checks the deadline as each chunk arrives; async
  reads (and async attempts) are also cancelled at the deadline itself (anyio.fail_after), so
  an async call ends on time exactly. A sync read blocked at the deadline is woken by a timer
  thread that shuts the connection's socket down (HTTP/1.1; over HTTP/2, whose connection other
  calls share, the read ends at the next chunk or at its timeout, lowered to the time left when
  the attempt began). Only calls with a deadline pay for the timer.
A deadline that passes raises `DeadlineExceeded` (an httpx2.TimeoutException), which the call
turns into `errors.APITimeoutError` (or, in the middle of a stream, `IncompleteStreamError`
keeping the text so far).
"""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from collections.abc import AsyncIterator, Iterator
from typing import Any

import httpx2

__all__ = [
    "DEADLINE_EXTENSION",
    "AsyncDeadlineStream",
    "DeadlineExceeded",
    "DeadlineStream",
    "deadline_of",
    "exceeded",
    "lower_timeouts",
    "time_left",
]

# Request extension with one call's deadline in seconds (None: none), set by send.request_options.
DEADLINE_EXTENSION = "deadline"
# Where the transport keeps the deadline's monotonic end once the first attempt starts.
_END = "deadline_end"


class DeadlineExceeded(httpx2.TimeoutException):
    """The call's overall deadline passed (see the module docstring)."""


def deadline_of(request: httpx2.Request, default: float | None) -> float | None:
    """The monotonic time at which request's call must end, fixed at its first attempt; None if none."""
    end = request.extensions.get(_END)
    if end is None:
        seconds = request.extensions.get(DEADLINE_EXTENSION, default)
        if seconds is None:
            return None
        end = request.extensions[_END] = (time.monotonic() + seconds, seconds)
    return float(end[0])


def time_left(request: httpx2.Request, end: float) -> float:
    """Seconds left before end, or DeadlineExceeded if none are."""
    left = end - time.monotonic()
    if left <= 0:
        raise exceeded(request)
    return left


def exceeded(request: httpx2.Request) -> DeadlineExceeded:
    seconds = request.extensions.get(_END, (0.0, 0.0))[1]
    return DeadlineExceeded(f"the call's deadline of {seconds:g} s passed", request=request)


def lower_timeouts(request: httpx2.Request, left: float) -> None:
    """Lower each of request's httpx2 timeouts (connect, read, write, pool) to at most `left`."""
    timeouts = request.extensions.get("timeout") or {}
    request.extensions["timeout"] = {
        step: left if value is None else min(value, left)
        for step, value in {"connect": None, "read": None, "write": None, "pool": None, **timeouts}.items()
    }


class DeadlineStream(httpx2.SyncByteStream):
    """A response body that raises DeadlineExceeded when a chunk arrives after the deadline,
    or when the deadline passes during a blocked read: on an HTTP/1.1 connection a timer shuts
    the socket down at the deadline (which wakes the read; that connection is not reused)."""

    def __init__(self, inner: Any, request: httpx2.Request, end: float, response: httpx2.Response) -> None:
        self._inner, self._request, self._end = inner, request, end
        self._socket = _own_socket(response)

    def __iter__(self) -> Iterator[bytes]:
        request, end = self._request, self._end
        timer = None
        fired = threading.Event()
        if self._socket is not None:
            timer = threading.Timer(max(0.0, end - time.monotonic()), _shut_down, (self._socket, fired))
            timer.daemon = True
            timer.start()
        try:
            for chunk in self._inner:
                time_left(request, end)
                yield chunk
        except httpx2.TransportError as exc:
            if fired.is_set() or time.monotonic() >= end:  # the timer broke the read: the deadline
                raise exceeded(request) from exc
            raise
        finally:
            if timer is not None:
                timer.cancel()
        if fired.is_set():  # the shutdown looked like the end of a body read to the close
            raise exceeded(request)

    def close(self) -> None:
        self._inner.close()


def _own_socket(response: httpx2.Response) -> socket.socket | None:
    """The socket of response's connection when no other exchange shares it (HTTP/1.1), else None."""
    if response.extensions.get("http_version", b"") not in (b"HTTP/1.1", b"HTTP/1.0"):
        return None
    stream = response.extensions.get("network_stream")
    sock = stream.get_extra_info("socket") if stream is not None else None
    return sock if isinstance(sock, socket.socket) else None


def _shut_down(sock: socket.socket, fired: threading.Event) -> None:
    fired.set()
    with contextlib.suppress(OSError):
        # The plain socket method, also on an SSLSocket: ends the blocked read with an EOF
        # without touching the TLS object another thread is reading through.
        socket.socket.shutdown(sock, socket.SHUT_RDWR)


class AsyncDeadlineStream(httpx2.AsyncByteStream):
    """A response body whose every read is cancelled at the deadline (anyio, so asyncio or trio)."""

    def __init__(self, inner: Any, request: httpx2.Request, end: float) -> None:
        self._inner, self._request, self._end = inner, request, end

    async def __aiter__(self) -> AsyncIterator[bytes]:
        import anyio

        iterator = self._inner.__aiter__()
        while True:
            try:
                with anyio.fail_after(time_left(self._request, self._end)):
                    chunk = await iterator.__anext__()
            except StopAsyncIteration:
                return
            except TimeoutError:
                raise exceeded(self._request) from None
            yield chunk

    async def aclose(self) -> None:
        await self._inner.aclose()
