"""A delaying TCP proxy on loopback: every forwarded byte is held a fixed time in each direction.

    python -m bench.proxy --upstream 127.0.0.1:PORT --delay-ms 20
    # prints "PORT <n>"; then answers "count" on stdin with "COUNT <connections accepted>";
    # exits when stdin closes

This kernel has no ``netem`` queueing discipline, so the network delay is made in user space, in a
process of its own (no GIL shared with the client being measured). Each direction of each
connection is a FIFO: bytes read at time t are written on at t + delay, in order, end-of-stream
included. There is no bandwidth limit and no loss: latency only.

The TCP handshake happens at once on loopback, where a real one costs a round trip before the
client can send. To charge it, a connection's first client bytes are held until 3 x delay after
the accept (SYN, SYN-ACK, then the data's own one-way trip), as on a real link.
"""

from __future__ import annotations

import argparse
import asyncio
import collections
import contextlib
import socket
import sys

HIGH_WATER = 4 * 1024 * 1024  # queued bytes in one direction before its reader is paused


class DelayedLink:
    """One direction of one connection: writes what it is given ``delay`` seconds later, in order."""

    def __init__(self, loop: asyncio.AbstractEventLoop, delay: float, not_before: float = 0.0) -> None:
        self.loop = loop
        self.delay = delay
        self.not_before = not_before
        self.queue: collections.deque[tuple[float, bytes | None]] = collections.deque()  # None: EOF
        self.queued = 0
        self.target: asyncio.Transport | None = None  # where bytes go; None until connected
        self.target_side: Side | None = None
        self.source: asyncio.Transport | None = None  # paused while too much is queued
        self.timer: asyncio.TimerHandle | None = None

    def push(self, data: bytes | None) -> None:
        due = max(self.loop.time() + self.delay, self.not_before)
        self.queue.append((due, data))
        self.queued += len(data or b"")
        if self.queued > HIGH_WATER and self.source is not None:
            self.source.pause_reading()
        if self.timer is None:
            self.timer = self.loop.call_at(due, self.drain)

    def attach(self, target: asyncio.Transport, side: Side) -> None:
        self.target, self.target_side = target, side
        self.drain()

    def drain(self) -> None:
        self.timer = None
        if self.target is None:
            return  # attach() drains once the upstream connection exists
        now = self.loop.time()
        while self.queue and self.queue[0][0] <= now:
            _, data = self.queue.popleft()
            if data is None:  # both directions ended: close; else half-close as the peer did
                if (self.target_side is not None and self.target_side.read_done) or not self.target.can_write_eof():
                    self.target.close()
                elif not self.target.is_closing():
                    self.target.write_eof()
                    if self.target_side is not None:
                        self.target_side.eof_written = True
                continue
            self.queued -= len(data)
            if not self.target.is_closing():
                self.target.write(data)
        if self.queued <= HIGH_WATER and self.source is not None and not self.source.is_closing():
            with contextlib.suppress(RuntimeError):
                self.source.resume_reading()
        if self.queue:
            self.timer = self.loop.call_at(self.queue[0][0], self.drain)


class Side(asyncio.Protocol):
    """One socket of a proxied connection; what it reads goes into ``outbound``."""

    def __init__(self, outbound: DelayedLink, inbound: DelayedLink) -> None:
        self.outbound, self.inbound = outbound, inbound
        self.read_done = False  # this socket's peer sent EOF
        self.eof_written = False  # we sent EOF to this socket's peer

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        assert isinstance(transport, asyncio.Transport)
        sock = transport.get_extra_info("socket")
        if sock is not None:
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self.outbound.source = transport
        self.inbound.attach(transport, self)

    def data_received(self, data: bytes) -> None:
        self.outbound.push(data)

    def eof_received(self) -> bool:
        self.read_done = True
        self.outbound.push(None)
        # True keeps the other half open until the delayed EOF has gone through; once both
        # directions have ended, False lets asyncio close the transport.
        return not self.eof_written

    def connection_lost(self, exc: Exception | None) -> None:
        if not self.read_done:  # reset or closed without EOF: pass the end on, delayed
            self.read_done = True
            self.outbound.push(None)


class Proxy:
    def __init__(self, upstream: tuple[str, int], delay: float) -> None:
        self.upstream = upstream
        self.delay = delay
        self.accepted = 0
        self.tasks: set[asyncio.Task[None]] = set()

    def client_side(self) -> Side:
        loop = asyncio.get_running_loop()
        self.accepted += 1
        to_server = DelayedLink(loop, self.delay, not_before=loop.time() + 3 * self.delay)
        to_client = DelayedLink(loop, self.delay)
        task = loop.create_task(self._connect(to_server, to_client))
        self.tasks.add(task)
        task.add_done_callback(self.tasks.discard)
        return Side(to_server, to_client)

    async def _connect(self, to_server: DelayedLink, to_client: DelayedLink) -> None:
        loop = asyncio.get_running_loop()
        try:
            await loop.create_connection(lambda: Side(to_client, to_server), *self.upstream)
        except OSError:
            if to_client.target is not None:
                to_client.target.close()


async def serve(upstream: tuple[str, int], delay: float, host: str = "127.0.0.1", port: int = 0) -> None:
    loop = asyncio.get_running_loop()
    proxy = Proxy(upstream, delay)
    server = await loop.create_server(proxy.client_side, host, port, backlog=1024)
    print(f"PORT {server.sockets[0].getsockname()[1]}", flush=True)
    reader = asyncio.StreamReader()
    await loop.connect_read_pipe(lambda: asyncio.StreamReaderProtocol(reader), sys.stdin)
    async with server:
        while line := await reader.readline():
            if line.strip() == b"count":
                print(f"COUNT {proxy.accepted}", flush=True)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    parser.add_argument("--upstream", required=True, help="host:port to forward to")
    parser.add_argument("--delay-ms", type=float, default=20.0, help="one-way delay (default %(default)s)")
    parser.add_argument("--port", type=int, default=0)
    args = parser.parse_args(argv)
    host, _, port = args.upstream.rpartition(":")
    asyncio.run(serve((host, int(port)), args.delay_ms / 1000, port=args.port))


if __name__ == "__main__":
    main()
