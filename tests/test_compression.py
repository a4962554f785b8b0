"""Compressed streams against `max_event_size`: what counts is the decoded (decompressed) text,
whatever the encoding (identity, gzip, deflate, br, zstd: brotli and backports.zstd are in the
dev environment, so httpx2 decodes all of them), an event that completes inside one decoded
chunk is measured like one that spans chunks, and a compression bomb (1 GiB of decoded text in
a few hundred KB on the wire) ends with StreamEventTooLargeError after reading little more than
the limit: memory stays bounded. Raw-socket servers, sync and async, both JSON parsers."""

from __future__ import annotations

import functools
import socket
import struct
import time
import tracemalloc
import zlib
from typing import Any

import brotli
import pytest
from backports import zstd

from tests.client_cases import CANARY, MODES, PACKAGES
from tests.hostile import Request, head, raw_server
from tests.test_hostile_streams import chunk, consume, story

pytestmark = pytest.mark.usefixtures("json_parser")

package = PACKAGES["lanrui"]
errors = package.errors

MIB = 1 << 20
GIB_IN_MIB = 1024


def _deflate_raw_repeated(piece: bytes, times: int) -> bytes:
    """Raw deflate of piece * times, built from one compressed piece: after a full flush the
    compressor's output no longer depends on what came before, so the segment repeats."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    segment = compressor.compress(piece) + compressor.flush(zlib.Z_FULL_FLUSH)
    return segment * times + zlib.compressobj(9, zlib.DEFLATED, -15).flush()


def _checksum(function: Any, start: int, piece: bytes, times: int) -> int:
    value = start
    for _ in range(times):
        value = function(piece, value)
    return int(value)


def compress(encoding: str, parts: list[tuple[bytes, int]]) -> bytes:
    """The body `b"".join(piece * times for piece, times in parts)` in that content encoding."""
    if encoding == "identity":
        return b"".join(piece * times for piece, times in parts)
    if encoding in ("gzip", "deflate"):
        raw = b"".join(_deflate_raw_repeated(piece, times)[:-2] for piece, times in parts) + b"\x03\x00"
        size = sum(len(piece) * times for piece, times in parts)
        if encoding == "gzip":
            crc = 0
            for piece, times in parts:
                crc = _checksum(zlib.crc32, crc, piece, times)
            return b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\xff" + raw + struct.pack("<II", crc, size & 0xFFFFFFFF)
        adler = 1
        for piece, times in parts:
            adler = _checksum(zlib.adler32, adler, piece, times)
        return b"\x78\xda" + raw + struct.pack(">I", adler)
    if encoding == "br":
        compressor = brotli.Compressor(quality=1)
        out = [compressor.process(piece) for piece, times in parts for _ in range(times)]
        return b"".join(out) + compressor.finish()
    if encoding == "zstd":  # frames concatenate (httpx2 decodes one after the other)
        frames = []
        for piece, times in parts:
            frame = zstd.compress(piece * min(times, 16))
            frames += [frame] * (times // 16) + ([zstd.compress(piece * (times % 16))] if times % 16 else [])
        return b"".join(frames)
    raise AssertionError(encoding)


ENCODINGS = ["identity", "gzip", "deflate", "br", "zstd"]


def test_the_compressors_here_round_trip() -> None:
    """The bodies the servers below send decode to what they claim (so a test that passes is not
    passing on a broken body)."""
    parts = [(b"data: ", 1), (b"ab" * 1000, 37), (b"\n\n", 1)]
    expected = b"".join(piece * times for piece, times in parts)
    assert zlib.decompress(compress("gzip", parts), 31) == expected
    assert zlib.decompress(compress("deflate", parts)) == expected
    assert brotli.decompress(compress("br", parts)) == expected
    assert zstd.decompress(compress("zstd", parts)) == expected


def _serve(payload: bytes, encoding: str) -> Any:
    headers = {"content-type": "text/event-stream", "connection": "close"}
    if encoding != "identity":
        headers["content-encoding"] = encoding

    def script(conn: socket.socket, request: Request) -> None:
        conn.sendall(head(200, headers) + payload)

    return raw_server(script)


@MODES
@pytest.mark.parametrize("encoding", ENCODINGS)
def test_an_event_that_completes_inside_one_chunk_is_measured(encoding: str, asynchronous: bool) -> None:
    """50,000 characters in one event, the whole body one chunk once decoded: past a limit of
    10,000 (1.x let it through whole, 5 MiB past a 1 MiB limit)."""
    big = chunk("y" * 50_000)
    payload = compress(encoding, [(chunk("Hi"), 1), (big, 1), (b"data: [DONE]\n\n", 1)])
    with _serve(payload, encoding) as server:
        client = package.AuthenticatedClient(CANARY, base_url=server.url, max_retries=0, max_event_size=10_000)
        exc = consume(client, asynchronous)
    assert isinstance(exc, errors.StreamEventTooLargeError), exc
    assert exc.limit == 10_000 and "event 2" in str(exc)


@MODES
@pytest.mark.parametrize("encoding", ENCODINGS)
def test_many_small_events_in_one_chunk_pass_a_small_limit(encoding: str, asynchronous: bool) -> None:
    events = [(chunk(f"{i:04d}" + "z" * 400), 1) for i in range(200)]
    payload = compress(encoding, [*events, (story(), 1)])
    with _serve(payload, encoding) as server:
        client = package.AuthenticatedClient(CANARY, base_url=server.url, max_retries=0, max_event_size=1_000)
        result = consume(client, asynchronous)
    assert not isinstance(result, Exception), result
    assert result.text.startswith("0000z") and result.text.endswith("Hello world")


@functools.cache
def _bomb(encoding: str) -> bytes:
    """One event of 1 GiB of decoded text that never ends, in the given encoding."""
    return compress(encoding, [(b"data: ", 1), (b"x" * MIB, GIB_IN_MIB)])


@MODES
@pytest.mark.parametrize("encoding", ["gzip", "deflate", "br", "zstd"])
def test_a_compression_bomb_stops_at_the_limit_with_bounded_memory(encoding: str, asynchronous: bool) -> None:
    """1 GiB decoded from about a megabyte (gzip, deflate) or a few hundred KB (br, zstd) on the
    wire, against a limit of 1 MiB: StreamEventTooLargeError, under 10 MiB allocated at the
    peak (1.x with brotli installed: 2.1 GB before the error) and well under a second."""
    payload = _bomb(encoding)
    assert len(payload) < 2 * MIB
    with _serve(payload, encoding) as server:
        client = package.AuthenticatedClient(CANARY, base_url=server.url, max_retries=0, max_event_size=MIB)
        client.get_httpx_client(), client.get_async_httpx_client()  # built (TLS context loaded) before measuring
        tracemalloc.start()
        started = time.perf_counter()
        try:
            exc = consume(client, asynchronous)
            elapsed = time.perf_counter() - started
            _, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
    assert isinstance(exc, errors.StreamEventTooLargeError), exc
    assert exc.data.startswith("data: xxx") and len(exc.data) == 200
    assert peak < 10 * MIB, f"{peak / MIB:.1f} MiB allocated at the peak"
    assert elapsed < 5, elapsed
