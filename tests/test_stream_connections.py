"""A finished stream gives its connection back to the pool; an abandoned one closes it at once.

Counted on the server side: the emulator records the client's port of each
request, so the number of distinct peers is the number of TCP connections the client opened.
Sequential streams on one client must share one connection, whichever way they are read. A raw
server checks the bounds: a body that does not end after the terminator, or goes on too long,
is given up on (the connection closed) without keeping the caller waiting.
"""

from __future__ import annotations

import asyncio
import socket
import threading
import time
from collections.abc import Callable
from typing import Any

import lanrui_client
import pytest
from lanrui_client._runtime.streams import lifecycle as stream_lifecycle
from lanrui_client.api.chat import create_chat_completion as chat
from lanrui_client.models import ChatCompletionRequest

from emulator import Emulator
from tests.hostile import read_request
from tests.test_streaming import Case, by_case, by_mode, case_named, make_client, new_tag

STREAMS = 4
READS = ["for", "until_done", "iter_text"]


def read_sync(stream: Any, how: str) -> None:
    if how == "for":
        for _ in stream:
            pass
    elif how == "until_done":
        stream.until_done()
    else:
        for _ in stream.iter_text():
            pass


async def read_async(stream: Any, how: str) -> None:
    if how == "for":
        async for _ in stream:
            pass
    elif how == "until_done":
        await stream.until_done()
    else:
        async for _ in stream.iter_text():
            pass


def peers(emulator: Emulator, tag: str) -> set[int | None]:
    return {r.client_port for r in emulator.requests if r.headers.get("x-emulator-tag") == tag}


@by_case()
@by_mode
@pytest.mark.parametrize("how", READS)
def test_sequential_streams_share_one_connection(emulator: Emulator, case: Case, mode: str, how: str) -> None:
    tag = new_tag()
    client = make_client(emulator, case, tag)
    if mode == "sync":
        with client:
            for _ in range(STREAMS):
                read_sync(case.module.stream(client=client, body=case.body()), how)
    else:

        async def main() -> None:
            async with client:
                for _ in range(STREAMS):
                    await read_async(case.module.astream(client=client, body=case.body()), how)

        asyncio.run(main())
    seen = peers(emulator, tag)
    assert len(seen) == 1 and None not in seen, f"{STREAMS} streams opened {len(seen)} connections"


@by_case([case_named("sensenova-create_chat_completion"), case_named("lanrui-create_chat_completion")])  # two wires
@by_mode
def test_an_early_exit_still_closes_the_connection_at_once(emulator: Emulator, case: Case, mode: str) -> None:
    tag = new_tag()
    client = make_client(emulator, case, tag, fault=f"pace;delay=0.05;id={tag}")
    if mode == "sync":
        with client:
            for _ in range(2):
                with case.module.stream(client=client, body=case.body()) as stream:
                    next(iter(stream))
    else:

        async def main() -> None:
            async with client:
                for _ in range(2):
                    async with case.module.astream(client=client, body=case.body()) as stream:
                        await stream.__anext__()

        asyncio.run(main())
    assert len(peers(emulator, tag)) == 2
    assert emulator.wait_for_stream(tag).disconnected


# --- bounds, against a raw server that keeps connections alive and counts them


def chunked(data: bytes) -> bytes:
    return b"%x\r\n%s\r\n" % (len(data), data)


HEAD = b"HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n\r\n"
EVENT = b'data: {"id":"c","object":"chat.completion.chunk","created":1,"model":"m","choices":[]}\n\n'
END = b"0\r\n\r\n"
Tail = Callable[[socket.socket], None]


class KeepAliveServer:
    """Answers every request on a connection with HEAD, one event, [DONE], then `tail` (the rest)."""

    def __init__(self, tail: Tail) -> None:
        self.tail = tail
        self.connections = 0
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{self._listener.getsockname()[1]}"
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while True:
            try:
                conn, _ = self._listener.accept()
            except OSError:  # closed
                return
            self.connections += 1
            threading.Thread(target=self._serve, args=(conn,), daemon=True).start()

    def _serve(self, conn: socket.socket) -> None:
        with conn:
            try:
                while read_request(conn) is not None:
                    conn.sendall(HEAD + chunked(EVENT) + chunked(b"data: [DONE]\n\n"))
                    self.tail(conn)
            except OSError:  # the client gave up on this connection
                pass

    def close(self) -> None:
        self._listener.close()


def two_streams(server: KeepAliveServer, mode: str) -> list[float]:
    """Seconds until each of two sequential streams on one client has ended."""
    body = ChatCompletionRequest.from_dict({"model": "m", "messages": [{"role": "user", "content": "hi"}]})
    client = lanrui_client.AuthenticatedClient(token="sk-test", base_url=server.url, max_retries=0, timeout=5)
    times: list[float] = []
    if mode == "sync":
        with client:
            for _ in range(2):
                started = time.monotonic()
                chat.stream(client=client, body=body).until_done()
                times.append(time.monotonic() - started)
    else:

        async def main() -> None:
            async with client:
                for _ in range(2):
                    started = time.monotonic()
                    await chat.astream(client=client, body=body).until_done()
                    times.append(time.monotonic() - started)

        asyncio.run(main())
    return times


TAILS: dict[str, Tail] = {
    # the normal end: the connection is reused
    "normal": lambda conn: conn.sendall(END),
    # the closing chunk never comes: the client stops waiting after the drain bound
    "stalled": lambda conn: time.sleep(3),
    # more than the drain bound of bytes after the terminator: the client stops reading
    "long": lambda conn: conn.sendall(chunked(b": pad\n\n" * (stream_lifecycle.DRAIN_BYTES // 7 + 2)) + END),
}


@by_mode
@pytest.mark.parametrize("tail", sorted(TAILS))
def test_what_follows_the_terminator_is_read_within_a_bound(mode: str, tail: str) -> None:
    server = KeepAliveServer(TAILS[tail])
    try:
        times = two_streams(server, mode)
    finally:
        server.close()
    # each loop ends soon after the drain bound, never after the 5 s read timeout
    assert max(times) < stream_lifecycle.DRAIN_SECONDS + 2.0
    # a drained body gives the connection back; a stalled or over-long one costs a new one
    assert server.connections == (1 if tail == "normal" else 2)
