"""Each workaround for the HTTP library, shown still needed on httpcore2: with it switched off,
the defect it answers appears. When an httpx2/httpcore2 release fixes one, its test here fails,
and the workaround can go (docs/http-library.md lists them).

- The drain after the terminator (streams/lifecycle.py `_drain`/`_adrain`): httpcore2 gives a connection
  back to the pool only once the body's end (the chunked terminator) has been read; a stream
  closed right after `[DONE]` closes its connection instead.
- The drain's own time bound: httpcore2 reads with the read timeout the call had when the body
  began (600 s by default) and offers no way to lower it for one read.
- RST_STREAM on an early HTTP/2 close (http/h2_cancel.py): httpcore2 only forgets the stream, so the
  server goes on generating (and billing) the abandoned answer.
"""

from __future__ import annotations

import importlib
import logging
import socket
import threading
import time
from collections.abc import Iterator
from typing import Any

import httpx2
import pytest

from emulator import Emulator
from tests.hostile import read_request
from tests.test_http2 import Http2Emulator, h2_client, h2_emulator, leave_one_early_then_finish_one  # noqa: F401 (fixture)
from tests.test_stream_connections import peers, read_async, read_sync
from tests.test_streaming import by_mode, case_named, make_client, new_tag

CASE = case_named("sensenova-create_chat_completion")  # one case per wire format would only repeat the point


def runtime(name: str) -> Any:
    """The case's package's runtime module `name` (each package has its own copy)."""
    return importlib.import_module(f"{CASE.package.__name__}._runtime.{name}")


@by_mode
def test_without_the_drain_each_stream_opens_a_new_connection(
    emulator: Emulator, mode: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    async def no_adrain(chunks: Any) -> None:
        return None

    monkeypatch.setattr(runtime("streams.lifecycle"), "_drain", lambda response, chunks: None)
    monkeypatch.setattr(runtime("streams.lifecycle"), "_adrain", no_adrain)
    tag = new_tag()
    client = make_client(emulator, CASE, tag)
    if mode == "sync":
        with client:
            for _ in range(3):
                read_sync(CASE.module.stream(client=client, body=CASE.body()), "for")
    else:
        import asyncio

        async def main() -> None:
            async with client:
                for _ in range(3):
                    await read_async(CASE.module.astream(client=client, body=CASE.body()), "for")

        asyncio.run(main())
    assert len(peers(emulator, tag)) == 3, "httpcore2 now reuses a connection without the drain: drop the drain"


@pytest.fixture
def stalls_after_done() -> Iterator[int]:
    """A raw server: one streamed answer whose body stalls (never ends) right after `[DONE]`."""
    listener = socket.create_server(("127.0.0.1", 0))
    stop = threading.Event()

    def serve() -> None:
        connection, _ = listener.accept()
        with connection:
            read_request(connection)
            event = b'data: {"x": 1}\n\ndata: [DONE]\n\n'
            head = b"HTTP/1.1 200 OK\r\ncontent-type: text/event-stream\r\ntransfer-encoding: chunked\r\n\r\n"
            connection.sendall(head + b"%x\r\n%s\r\n" % (len(event), event))
            stop.wait(10)

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    yield listener.getsockname()[1]
    stop.set()
    thread.join(timeout=5)
    listener.close()


def test_httpcore2_reads_the_rest_of_a_body_with_the_calls_read_timeout(stalls_after_done: int) -> None:
    """Raw httpx2: after `[DONE]` the next read waits the whole read timeout the call began with,
    which is why the drain bounds its reads through the network stream itself."""
    read_timeout = 1.0
    url = f"http://127.0.0.1:{stalls_after_done}/"
    with (
        httpx2.Client(timeout=httpx2.Timeout(5.0, read=read_timeout)) as http,
        http.stream("POST", url, json={}) as response,
    ):
        chunks = response.iter_bytes()
        assert b"[DONE]" in next(chunks)
        started = time.monotonic()
        with pytest.raises(httpx2.ReadTimeout):
            next(chunks)
        waited = time.monotonic() - started
    assert waited >= 0.8 * read_timeout, f"the read after [DONE] ended after {waited:.2f} s, not the read timeout"
    assert 0.5 * read_timeout > runtime("streams.lifecycle").DRAIN_SECONDS


@by_mode
def test_without_rst_stream_the_server_generates_an_abandoned_http2_answer_to_its_end(
    h2_emulator: Http2Emulator,  # noqa: F811 (fixture)
    mode: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    async def no_acancel(response: Any) -> None:
        return None

    monkeypatch.setattr(runtime("http.h2_cancel"), "cancel", lambda response: None)
    monkeypatch.setattr(runtime("http.h2_cancel"), "acancel", no_acancel)
    tag = new_tag()
    leave_one_early_then_finish_one(h2_emulator, CASE, mode, tag)
    first = h2_emulator.first_stream(tag)
    assert first.terminated and not first.disconnected, (
        f"httpcore2 now cancels an HTTP/2 stream closed early ({first}): drop h2_cancel.py"
    )


def test_every_http_library_logger_that_logs_a_call_masks_credentials(
    emulator: Emulator, caplog: pytest.LogCaptureFixture
) -> None:
    """The log filter sits on named loggers (a logger's filter does not apply to its children), so
    the names must be httpcore2's own: every logger that writes a record during a call has it."""
    caplog.set_level(logging.DEBUG)
    client = make_client(emulator, CASE, new_tag())
    with client:
        read_sync(CASE.module.stream(client=client, body=CASE.body()), "for")
    names = {record.name for record in caplog.records if record.name.partition(".")[0] in ("httpx2", "httpcore2")}
    assert {"httpx2", "httpcore2.http11", "httpcore2.connection"} <= names, names
    unmasked = [
        name for name in names if not any(type(f).__name__ == "RedactSecrets" for f in logging.getLogger(name).filters)
    ]
    assert not unmasked, f"loggers without the credential filter: {unmasked}"


def test_hpack_debug_lines_never_carry_a_credential(
    h2_emulator: Http2Emulator,  # noqa: F811 (the fixture)
    caplog: pytest.LogCaptureFixture,
) -> None:
    """Over HTTP/2, hpack logs every header block at DEBUG, Huffman-coded: `Encoded header block
    to b'...'` decodes to `Bearer <key>`, which no text search finds. Its loggers have the filter,
    which shows such blocks by their size; the header tables' lines are masked as text."""
    from hpack.huffman import HuffmanEncoder
    from hpack.huffman_constants import REQUEST_CODES, REQUEST_CODES_LENGTH

    caplog.set_level(logging.DEBUG)
    key = h2_emulator.api_key(CASE.provider)
    client = h2_client(h2_emulator, CASE, new_tag())
    with client:
        read_sync(CASE.module.stream(client=client, body=CASE.body()), "for")
    records = [record for record in caplog.records if record.name.startswith("hpack")]
    assert {record.name for record in records} >= {"hpack.hpack"}, "no hpack record: is the call HTTP/2?"
    coded = HuffmanEncoder(REQUEST_CODES, REQUEST_CODES_LENGTH).encode(f"Bearer {key}".encode())
    for record in records:
        message = record.getMessage()
        assert key not in message and str(coded)[2:-1] not in message and coded not in (record.args or ()), message
    assert any("bytes of HPACK, not shown" in record.getMessage() for record in records)
    for name in {record.name for record in records}:
        assert any(type(f).__name__ == "RedactSecrets" for f in logging.getLogger(name).filters), name
