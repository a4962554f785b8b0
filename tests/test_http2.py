"""Streams over HTTP/2: the emulator behind hypercorn with TLS (ALPN picks h2), clients with
`httpx_args={"http2": True}` verifying a CA that trustme makes for the run.

Over HTTP/2 many streams share one connection. What must hold: sequential streams, read to their
end or left early, all use that one connection, each really over HTTP/2; a stream left early is
cancelled on its own (the emulator sees it disconnect) while the connection carries the next call.
The drain after the terminator (runtime/streams/lifecycle.py) reads through the connection's network
stream, which HTTP/2 shares between streams, and a stream left early is reset by h2_cancel.py:
these tests run both there.
"""

from __future__ import annotations

import asyncio
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import trustme
from hypercorn.asyncio import serve
from hypercorn.config import Config

from emulator.app import Emulation
from tests.test_stream_connections import READS, read_async, read_sync
from tests.test_streaming import CASES, Case, by_case, by_mode, make_client, new_tag

STREAMS = 4


class Http2Emulator:
    """The emulator's app served by hypercorn over TLS on a loopback port, in a background thread."""

    def __init__(self, folder: Path) -> None:
        ca = trustme.CA()
        cert = ca.issue_cert("127.0.0.1")
        self.ca_path = str(folder / "ca.pem")
        ca.cert_pem.write_to_path(self.ca_path)
        cert.private_key_and_cert_chain_pem.write_to_path(str(folder / "server.pem"))
        self.emulation = Emulation()
        listener = socket.create_server(("127.0.0.1", 0))
        self.port = listener.getsockname()[1]
        config = Config()
        config.bind = [f"fd://{listener.detach()}"]  # hypercorn owns (and closes) the socket
        config.certfile = config.keyfile = str(folder / "server.pem")
        config.alpn_protocols = ["h2"]
        config.loglevel = "WARNING"
        config.graceful_timeout = 1
        self._config = config
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="emulator-h2", daemon=True)

    def _run(self) -> None:
        async def stopped() -> None:
            while not self._stop.is_set():
                await asyncio.sleep(0.02)

        asyncio.run(serve(self.emulation.asgi(), self._config, shutdown_trigger=stopped))

    def start(self) -> Http2Emulator:
        self._thread.start()
        with socket.create_connection(("127.0.0.1", self.port), timeout=10):
            pass  # accepts once hypercorn serves the socket
        return self

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=10)

    def base_url(self, provider: str) -> str:
        return f"https://127.0.0.1:{self.port}/{provider}"

    def api_key(self, provider: str) -> str:
        return self.emulation.settings.api_keys[provider]

    def first_stream(self, tag: str, timeout: float = 5.0) -> Any:
        """The first stream tagged `tag`, once it is over."""
        deadline = time.monotonic() + timeout
        while True:
            records = [r for r in self.emulation.recorder.streams if r.headers.get("x-emulator-tag") == tag]
            if (records and records[0].final) or time.monotonic() > deadline:
                return records[0] if records else None
            time.sleep(0.01)

    def peers(self, tag: str) -> list[int | None]:
        """The client port of each request tagged `tag`: one per connection."""
        return [r.client_port for r in self.emulation.recorder.requests if r.headers.get("x-emulator-tag") == tag]


@pytest.fixture(scope="module")
def h2_emulator(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Http2Emulator]:
    server = Http2Emulator(tmp_path_factory.mktemp("h2")).start()
    yield server
    server.stop()


def h2_client(server: Http2Emulator, case: Case, tag: str, fault: str | None = None) -> Any:
    options: dict[str, Any] = {"verify_ssl": server.ca_path, "httpx_args": {"http2": True}}
    return make_client(server, case, tag, fault, **options)


@by_case(CASES[1:3])  # both wire formats
@by_mode
@pytest.mark.parametrize("how", READS)
def test_sequential_streams_share_one_http2_connection(
    h2_emulator: Http2Emulator, case: Case, mode: str, how: str
) -> None:
    tag = new_tag()
    client = h2_client(h2_emulator, case, tag)
    versions = []
    if mode == "sync":
        with client:
            for _ in range(STREAMS):
                stream = case.module.stream(client=client, body=case.body())
                read_sync(stream, how)
                versions.append(stream.response.http_version)
    else:

        async def main() -> None:
            async with client:
                for _ in range(STREAMS):
                    stream = case.module.astream(client=client, body=case.body())
                    await read_async(stream, how)
                    versions.append(stream.response.http_version)

        asyncio.run(main())
    assert versions == ["HTTP/2"] * STREAMS
    peers = h2_emulator.peers(tag)
    assert len(peers) == STREAMS and len(set(peers)) == 1 and None not in peers, peers


def leave_one_early_then_finish_one(server: Http2Emulator, case: Case, mode: str, tag: str) -> Any:
    """A stream left after its first event, then one read to its end, on one client."""
    client = h2_client(server, case, tag, fault="pace;delay=0.05")
    if mode == "sync":
        with client:
            with case.module.stream(client=client, body=case.body()) as stream:
                next(iter(stream))
            return case.module.stream(client=client, body=case.body()).until_done()

    async def main() -> Any:
        async with client:
            async with case.module.astream(client=client, body=case.body()) as stream:
                await stream.__anext__()
            return await case.module.astream(client=client, body=case.body()).until_done()

    return asyncio.run(main())


@by_case(CASES[1:3])
@by_mode
def test_the_connection_carries_on_after_a_stream_left_early(h2_emulator: Http2Emulator, case: Case, mode: str) -> None:
    tag = new_tag()
    result = leave_one_early_then_finish_one(h2_emulator, case, mode, tag)
    assert result.text  # the second stream ran to its terminator
    peers = h2_emulator.peers(tag)
    assert len(peers) == 2 and len(set(peers)) == 1, peers


@by_mode
def test_a_stream_left_early_is_cancelled_on_the_server(h2_emulator: Http2Emulator, mode: str) -> None:
    """httpcore2 alone sends no RST_STREAM (encode/httpcore#943): h2_cancel.py does, so the server
    stops writing the abandoned answer instead of generating it to its end."""
    tag = new_tag()
    leave_one_early_then_finish_one(h2_emulator, CASES[1], mode, tag)
    first = h2_emulator.first_stream(tag)
    assert first.disconnected and not first.terminated, first
