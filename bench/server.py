"""Loopback HTTP/1.1 keep-alive server for the benchmarks: pre-rendered bytes, no framework.

    python -m bench.server [--port 0]      # prints "PORT <n>" on stdout, serves until stdin closes
    python -m bench.server --tls PEM       # HTTPS: PEM holds the key and certificate chain

An ``asyncio.Protocol`` parses requests with a few bytes operations (request line, headers,
Content-Length body; the body is not parsed) and answers from a cache of rendered bytes keyed by
the request path ``/x/<kind>/<n>/<mode>/<provider path>`` (see payloads.scenario_prefix):

- ``json``: the operation's documented response (tests/fixtures/.../response.json), Content-Length.
- ``stream``/``bulk``: the SSE body as one chunk per event (as a provider flushing every event
  would), written in 256 KiB slices under the transport's flow control.
- ``stream``/``split``: every event cut at awkward places (payloads.split_frame), each piece its own
  HTTP chunk and its own ``send()`` with TCP_NODELAY, so clients get it in tiny pieces.
- ``stream``/``pause``: headers, a short wait (the client settles into reading the body), then the
  first event split as above with ``time.monotonic_ns()`` in its id, then a 300 ms pause, then the rest.

It runs in its own process (bench.harness starts it) so it never shares a GIL with a client.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import socket
import ssl
import sys
import time

from bench import payloads

PAUSE_S = 0.300  # after the first event of a "pause" stream
SETTLE_S = 0.020  # between the headers and the first event of a "pause" stream
SLICE = 256 * 1024

STREAM_HEAD = (
    b"HTTP/1.1 200 OK\r\ncontent-type: text/event-stream; charset=utf-8\r\ncache-control: no-cache\r\n"
    b"transfer-encoding: chunked\r\n\r\n"
)


def _json_head(length: int) -> bytes:
    return b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: %d\r\n\r\n" % length


def _not_found(message: bytes) -> bytes:
    return b"HTTP/1.1 404 Not Found\r\ncontent-type: text/plain\r\ncontent-length: %d\r\n\r\n%b" % (
        len(message),
        message,
    )


class Renders:
    """Rendered responses, built on first use and kept (the harness warms them up)."""

    def __init__(self) -> None:
        self._json: dict[str, bytes] = {}
        self._bulk: dict[tuple[str, int], bytes] = {}
        self._split: dict[tuple[str, int], list[bytes]] = {}

    def json(self, route: payloads.Route) -> bytes:
        if route.key not in self._json:
            body = route.json_response()
            self._json[route.key] = _json_head(len(body)) + body
        return self._json[route.key]

    def bulk(self, route: payloads.Route, n: int) -> bytes:
        key = (route.key, n)
        if key not in self._bulk:
            parts = [STREAM_HEAD]
            parts.extend(payloads.chunk(payloads.event_bytes(route, i, n)) for i in range(n))
            parts.append(payloads.chunk(payloads.terminator_bytes(route)))
            parts.append(payloads.LAST_CHUNK)
            self._bulk[key] = b"".join(parts)
        return self._bulk[key]

    def split(self, route: payloads.Route, n: int) -> list[bytes]:
        """One entry per event: the bytes of its pieces, each already an HTTP chunk."""
        key = (route.key, n)
        if key not in self._split:
            frames = [payloads.event_bytes(route, i, n) for i in range(n)]
            frames.append(payloads.terminator_bytes(route))
            self._split[key] = [b"".join(map(payloads.chunk, payloads.split_frame(f))) for f in frames]
        return self._split[key]


RENDERS = Renders()


class BenchProtocol(asyncio.Protocol):
    def __init__(self) -> None:
        self.transport: asyncio.Transport | None = None
        self.buffer = bytearray()
        self.busy = False  # a streamed response is being written; later requests wait
        self.closed = False
        self.can_write = asyncio.Event()
        self.can_write.set()

    # --- asyncio callbacks ---------------------------------------------------------------------

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        assert isinstance(transport, asyncio.Transport)
        self.transport = transport
        sock = transport.get_extra_info("socket")
        if sock is not None:
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def connection_lost(self, exc: Exception | None) -> None:
        self.closed = True
        self.can_write.set()  # wake a paused writer so it can notice

    def pause_writing(self) -> None:
        self.can_write.clear()

    def resume_writing(self) -> None:
        self.can_write.set()

    def data_received(self, data: bytes) -> None:
        self.buffer += data
        self._serve_buffered()

    # --- requests ------------------------------------------------------------------------------

    def _serve_buffered(self) -> None:
        while not self.busy and not self.closed:
            end = self.buffer.find(b"\r\n\r\n")
            if end < 0:
                return
            head = bytes(self.buffer[:end]).decode("latin-1")
            length = 0
            for line in head.split("\r\n")[1:]:
                name, _, value = line.partition(":")
                if name.strip().lower() == "content-length":
                    length = int(value)
            if len(self.buffer) < end + 4 + length:
                return  # body not complete yet
            del self.buffer[: end + 4 + length]
            target = head.split(" ", 2)[1]
            self._answer(target)

    def _answer(self, target: str) -> None:
        assert self.transport is not None
        parts = target.split("?", 1)[0].split("/", 5)  # "", "x", kind, n, mode, provider path
        route = payloads.ROUTE_BY_PATH.get("/" + parts[5]) if len(parts) == 6 and parts[1] == "x" else None
        if route is None:
            self.transport.write(_not_found(b"unknown path " + target.encode()))
            return
        kind, n, mode = parts[2], int(parts[3]), parts[4]
        if kind == "json":
            self.transport.write(RENDERS.json(route))
            return
        self.busy = True
        if mode == "bulk":
            writer = self._write_bulk(RENDERS.bulk(route, n))
        elif mode == "split":
            writer = self._write_split(RENDERS.split(route, n))
        elif mode == "pause":
            writer = self._write_paused(route, n)
        else:
            self.transport.write(_not_found(b"unknown mode"))
            self.busy = False
            return
        asyncio.get_running_loop().create_task(self._run(writer))

    async def _run(self, writer: object) -> None:
        try:
            await writer  # type: ignore[misc]
        finally:
            self.busy = False
        if not self.closed:
            self._serve_buffered()

    async def _wait_writable(self) -> bool:
        if not self.can_write.is_set():
            await self.can_write.wait()
        return not self.closed and self.transport is not None and not self.transport.is_closing()

    async def _write_bulk(self, data: bytes) -> None:
        view = memoryview(data)
        for start in range(0, len(data), SLICE):
            if not await self._wait_writable():
                return
            self.transport.write(view[start : start + SLICE])  # type: ignore[union-attr]

    async def _write_split(self, events: list[bytes]) -> None:
        self.transport.write(STREAM_HEAD)  # type: ignore[union-attr]
        for pieces in events:
            if not await self._wait_writable():
                return
            self._write_pieces(pieces)
        if await self._wait_writable():
            self.transport.write(payloads.LAST_CHUNK)  # type: ignore[union-attr]

    def _write_pieces(self, chunked: bytes) -> None:
        """Write an event's pieces (consecutive HTTP chunks) with one ``write`` per chunk."""
        transport = self.transport
        assert transport is not None
        pos = 0
        while pos < len(chunked):
            size_end = chunked.index(b"\r\n", pos)
            end = size_end + 2 + int(chunked[pos:size_end], 16) + 2
            transport.write(chunked[pos:end])
            pos = end

    async def _write_paused(self, route: payloads.Route, n: int) -> None:
        assert self.transport is not None
        self.transport.write(STREAM_HEAD)
        await asyncio.sleep(SETTLE_S)
        if not await self._wait_writable():
            return
        first = payloads.event_bytes(route, 0, n, payloads.stamped_id(time.monotonic_ns()))
        self._write_pieces(b"".join(map(payloads.chunk, payloads.split_frame(first))))
        await asyncio.sleep(PAUSE_S)
        rest = [payloads.chunk(payloads.event_bytes(route, i, n)) for i in range(1, n)]
        rest.append(payloads.chunk(payloads.terminator_bytes(route)) + payloads.LAST_CHUNK)
        if await self._wait_writable():
            self.transport.write(b"".join(rest))


async def serve(host: str, port: int, tls: str | None = None) -> None:
    loop = asyncio.get_running_loop()
    context = None
    if tls is not None:
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(tls)
    # The backlog lets bench/concurrency.py open 1,000 connections at once.
    server = await loop.create_server(BenchProtocol, host, port, backlog=2048, ssl=context)
    print(f"PORT {server.sockets[0].getsockname()[1]}", flush=True)
    # Serve until the parent closes our stdin (or dies): no orphan servers.
    stdin_closed = loop.create_future()

    def watch() -> None:
        with contextlib.suppress(Exception):
            sys.stdin.buffer.read()
        loop.call_soon_threadsafe(stdin_closed.set_result, None)

    loop.run_in_executor(None, watch)
    async with server:
        await stdin_closed


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--tls", metavar="PEM", help="serve HTTPS with this key + certificate chain")
    args = parser.parse_args(argv)
    asyncio.run(serve(args.host, args.port, args.tls))


if __name__ == "__main__":
    main()
