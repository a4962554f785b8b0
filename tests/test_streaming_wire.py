"""Streaming against a raw loopback server that writes exact bytes: timing, splits, cuts, odd answers.

The emulator speaks well-formed HTTP; these tests need control it does not give: when each byte
goes out (to prove there is no read-ahead), single-byte writes, resets, half-written events,
compressed bodies and answers no provider documents.
"""

from __future__ import annotations

import asyncio
import gzip
import json
import socket
import struct
import threading
from collections.abc import Callable, Iterator
from typing import Any

import lanrui_client
import pytest
import sensenova_client
from lanrui_client.api.chat import create_chat_completion as chat
from lanrui_client.models import ChatCompletionChunk, ChatCompletionRequest
from sensenova_client.api.completions import create_completion as sensenova_completion
from sensenova_client.models import CompletionRequest as SenseNovaCompletionRequest

# Every test here runs with each stream event parser (msgspec, the default; json, the pure path).
pytestmark = pytest.mark.usefixtures("json_parser")

Script = Callable[[socket.socket], None]
WAIT = 5.0  # longest a server script waits for the client; reaching it fails the test


class RawServer:
    """Accepts connections on a loopback port; `script` writes each answer byte for byte."""

    def __init__(self, script: Script) -> None:
        self.script = script
        self.failures: list[BaseException] = []
        self.bodies: list[bytes] = []
        self._closing = False
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{self._listener.getsockname()[1]}"
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        while True:
            conn, _ = self._listener.accept()
            with conn:
                if self._closing:
                    return
                try:
                    self.bodies.append(_read_request(conn))
                    self.script(conn)
                except BaseException as exc:  # reported by close()
                    self.failures.append(exc)

    def close(self) -> None:
        self._closing = True
        socket.create_connection(self._listener.getsockname()).close()  # wakes accept()
        self._thread.join(WAIT)
        self._listener.close()
        if self.failures:
            raise self.failures[0]


def _read_request(conn: socket.socket) -> bytes:
    data = b""
    while b"\r\n\r\n" not in data:
        data += conn.recv(65536)
    head, _, body = data.partition(b"\r\n\r\n")
    length = next(
        (int(line.split(b":")[1]) for line in head.split(b"\r\n") if line.lower().startswith(b"content-length:")), 0
    )
    while len(body) < length:
        body += conn.recv(65536)
    return body


@pytest.fixture
def serve() -> Iterator[Callable[[Script], RawServer]]:
    servers: list[RawServer] = []

    def start(script: Script) -> RawServer:
        servers.append(RawServer(script))
        return servers[-1]

    yield start
    for server in servers:
        server.close()


HEAD = b"HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nConnection: close\r\n\r\n"


def chunk_event(text: str, finish: str | None = None, index: int = 0) -> bytes:
    payload = {
        "id": "c1",
        "object": "chat.completion.chunk",
        "created": 1,
        "model": "m",
        "choices": [{"index": index, "delta": {"content": text}, "finish_reason": finish}],
    }
    return b"data: " + json.dumps(payload).encode() + b"\n\n"


DONE = b"data: [DONE]\n\n"
WORDS = ["Once", " upon", " a", " time", "."]


def story() -> bytes:
    return b"".join(chunk_event(w) for w in WORDS) + chunk_event("", "stop") + DONE


def chat_client(server: RawServer, **options: Any) -> lanrui_client.AuthenticatedClient:
    return lanrui_client.AuthenticatedClient(token="sk-test", base_url=server.url, max_retries=0, **options)


CHAT_BODY = ChatCompletionRequest.from_dict({"model": "m", "messages": [{"role": "user", "content": "hi"}]})


def run_chat(mode: str, server: RawServer, on_event: Callable[[Any], None] = lambda e: None) -> Any:
    """Stream the chat operation to its end; return its result or the error it raised."""
    client = chat_client(server)
    if mode == "sync":
        try:
            with client, chat.stream(client=client, body=CHAT_BODY) as stream:
                for event in stream:
                    on_event(event)
                return stream.until_done()
        except Exception as exc:
            return exc

    async def run() -> Any:
        try:
            async with client, chat.astream(client=client, body=CHAT_BODY) as stream:
                async for event in stream:
                    on_event(event)
                return await stream.until_done()
        except Exception as exc:
            return exc

    return asyncio.run(run())


by_mode = pytest.mark.parametrize("mode", ["sync", "async"])


# --- timing and framing ------------------------------------------------------------------------


@by_mode
def test_each_event_reaches_the_caller_before_the_server_sends_the_next(serve: Any, mode: str) -> None:
    received_first = threading.Event()
    waited: list[bool] = []

    def script(conn: socket.socket) -> None:
        conn.sendall(HEAD + chunk_event("first"))
        waited.append(received_first.wait(WAIT))  # the rest goes out only once the caller has event 1
        conn.sendall(chunk_event(" second", "stop") + DONE)

    server = serve(script)
    result = run_chat(mode, server, on_event=lambda event: received_first.set())

    assert waited == [True], "the first event was held back until more bytes arrived (read-ahead)"
    assert result.text == "first second"


@by_mode
def test_single_byte_writes_with_crlf_line_ends_decode_the_same(serve: Any, mode: str) -> None:
    wire = story().replace(b"\n", b"\r\n")

    def script(conn: socket.socket) -> None:
        conn.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        conn.sendall(HEAD)
        for i in range(len(wire)):
            conn.sendall(wire[i : i + 1])

    result = run_chat(mode, serve(script))

    assert not isinstance(result, Exception), repr(result)
    assert result.text == "".join(WORDS)
    assert result.finish_reason == "stop"
    assert result.events == len(WORDS) + 1


def test_stream_reads_until_done_and_closes_without_waiting_for_the_server(serve: Any) -> None:
    client_closed = threading.Event()

    def script(conn: socket.socket) -> None:
        conn.sendall(HEAD + story())
        conn.settimeout(WAIT)
        if conn.recv(1) == b"":  # the server keeps the connection open; only the client can end it
            client_closed.set()

    server = serve(script)
    result = run_chat("sync", server)

    assert result.text == "".join(WORDS)
    assert client_closed.wait(WAIT), "the client kept the connection open after the terminator"


def test_gzip_encoded_stream_is_decoded(serve: Any) -> None:
    compressed = gzip.compress(story())

    def script(conn: socket.socket) -> None:
        conn.sendall(HEAD.replace(b"\r\n\r\n", b"\r\nContent-Encoding: gzip\r\n\r\n") + compressed)

    assert run_chat("sync", serve(script)).text == "".join(WORDS)


def test_gzip_body_that_breaks_off_into_garbage_raises_incomplete(serve: Any) -> None:
    compressed = gzip.compress(story())

    def script(conn: socket.socket) -> None:
        head = HEAD.replace(b"\r\n\r\n", b"\r\nContent-Encoding: gzip\r\n\r\n")
        conn.sendall(head + compressed[:20] + b"\xff" * 64)

    error = run_chat("sync", serve(script))

    assert isinstance(error, lanrui_client.errors.IncompleteStreamError), repr(error)
    assert "DecodingError" in str(error)


def test_comments_empty_events_and_a_plain_content_type_are_tolerated(serve: Any) -> None:
    def script(conn: socket.socket) -> None:
        conn.sendall(HEAD.replace(b"text/event-stream", b"text/plain") + b": keep-alive\n\ndata:\n\n" + story())

    result = run_chat("sync", serve(script))

    assert not isinstance(result, Exception), repr(result)
    assert result.text == "".join(WORDS)


def test_request_forces_stream_true_and_asks_for_an_event_stream(serve: Any) -> None:
    seen: list[bytes] = []

    def script(conn: socket.socket) -> None:
        conn.sendall(HEAD + story())

    server = serve(script)
    body = ChatCompletionRequest.from_dict({"model": "m", "messages": [], "stream": False})
    with chat_client(server) as client, chat.stream(client=client, body=body) as stream:
        seen.append(stream.response.request.headers["accept"].encode())
        stream.until_done()

    assert json.loads(server.bodies[0])["stream"] is True
    assert seen == [b"text/event-stream"]


# --- cut streams -------------------------------------------------------------------------------


@by_mode
def test_connection_reset_mid_stream_raises_incomplete_caused_by_a_connection_error(serve: Any, mode: str) -> None:
    def script(conn: socket.socket) -> None:
        conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n\r\n")
        first = chunk_event("Once") + chunk_event(" upon")
        conn.sendall(b"%x\r\n%s\r\n" % (len(first), first))
        conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))  # close = reset

    error = run_chat(mode, serve(script))

    assert isinstance(error, lanrui_client.errors.IncompleteStreamError), repr(error)
    assert error.text == {0: "Once upon"}
    assert [type(e) for e in error.events] == [ChatCompletionChunk]
    assert error.events[0].choices[0].delta.content == " upon"
    assert isinstance(error.__cause__, lanrui_client.errors.APIConnectionError)


@by_mode
def test_close_in_the_middle_of_an_event_raises_incomplete_and_says_so(serve: Any, mode: str) -> None:
    def script(conn: socket.socket) -> None:
        second = chunk_event(" upon")
        conn.sendall(HEAD + chunk_event("Once") + second[: len(second) // 2])

    error = run_chat(mode, serve(script))

    assert isinstance(error, lanrui_client.errors.IncompleteStreamError), repr(error)
    assert "middle of an event" in str(error)
    assert error.text == {0: "Once"} and len(error.events) == 1


@by_mode
def test_clean_close_without_the_terminator_raises_incomplete(serve: Any, mode: str) -> None:
    def script(conn: socket.socket) -> None:
        conn.sendall(HEAD + story().replace(DONE, b""))

    error = run_chat(mode, serve(script))

    assert isinstance(error, lanrui_client.errors.IncompleteStreamError), repr(error)
    assert error.text == {0: "".join(WORDS)}


def test_incomplete_error_keeps_all_the_text_and_the_last_event(serve: Any) -> None:
    def script(conn: socket.socket) -> None:
        conn.sendall(HEAD + b"".join(chunk_event(f"{i} ") for i in range(1000)))

    error = run_chat("sync", serve(script))

    assert isinstance(error, lanrui_client.errors.IncompleteStreamError), repr(error)
    assert error.text[0] == "".join(f"{i} " for i in range(1000))
    assert len(error.events) == 1
    assert error.events[-1].choices[0].delta.content == "999 "
    assert "1000 events" in str(error)


def test_gathered_text_keeps_every_character_across_many_events(serve: Any) -> None:
    pieces = ["你好", "😀", "\ud800", " plain", "Ω", "\n"] * 150  # a lone surrogate is valid JSON text

    def script(conn: socket.socket) -> None:
        conn.sendall(HEAD + b"".join(chunk_event(p) for p in pieces) + chunk_event("", "stop") + DONE)

    result = run_chat("sync", serve(script))

    assert not isinstance(result, Exception), repr(result)
    assert result.text == "".join(pieces)


# --- answers that are not a clean stream ----------------------------------------------------------


def json_answer(payload: Any, status: str = "200 OK") -> Script:
    data = json.dumps(payload).encode()

    def script(conn: socket.socket) -> None:
        head = f"HTTP/1.1 {status}\r\nContent-Type: application/json\r\nContent-Length: {len(data)}\r\n\r\n"
        conn.sendall(head.encode() + data)

    return script


@by_mode
def test_json_error_body_with_a_200_raises_stream_error(serve: Any, mode: str) -> None:
    server = serve(json_answer({"error": {"message": "quota exceeded", "type": "billing", "code": "no_quota"}}))
    error = run_chat(mode, server)

    assert isinstance(error, lanrui_client.errors.StreamError), repr(error)
    assert (error.code, error.message) == ("no_quota", "quota exceeded")


def test_status_member_with_a_failing_code_in_a_200_json_raises_stream_error(serve: Any) -> None:
    server = serve(json_answer({"status": {"code": 18, "message": "sensitive content"}}))
    client = sensenova_client.AuthenticatedClient(token="sk-test", base_url=server.url, max_retries=0)
    body = SenseNovaCompletionRequest.from_dict({"model": "m", "prompt": "hi"})

    with client, pytest.raises(sensenova_client.errors.StreamError) as caught:
        sensenova_completion.stream(client=client, body=body).until_done()
    assert (caught.value.code, caught.value.message) == (18, "sensitive content")


def test_json_answer_matching_no_schema_raises_not_a_stream_without_a_result(serve: Any) -> None:
    error = run_chat("sync", serve(json_answer({"unexpected": True})))

    assert isinstance(error, lanrui_client.errors.NotAStreamError), repr(error)
    assert error.result is None and error.body == {"unexpected": True}
    assert "result schema" in str(error)


@by_mode
def test_error_status_with_a_text_body_keeps_the_server_message(serve: Any, mode: str) -> None:
    def script(conn: socket.socket) -> None:
        text = b"upstream overloaded"
        conn.sendall(
            b"HTTP/1.1 503 Service Unavailable\r\nContent-Type: text/plain\r\nContent-Length: %d\r\n\r\n%s"
            % (len(text), text)
        )

    error = run_chat(mode, serve(script))

    assert isinstance(error, lanrui_client.errors.InternalServerError), repr(error)
    assert error.message == "upstream overloaded"


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        (b'{"choices": [], ', "is not valid JSON"),
        (b"[1, 2]", "is not a JSON object"),
        (b'{"choices": "none"}', "does not match the event schema"),
    ],
)
def test_broken_event_raises_malformed_with_its_raw_data(serve: Any, data: bytes, problem: str) -> None:
    def script(conn: socket.socket) -> None:
        conn.sendall(HEAD + chunk_event("Once") + b"data: " + data + b"\n\n" + DONE)

    error = run_chat("sync", serve(script))

    assert isinstance(error, lanrui_client.errors.MalformedStreamEventError), repr(error)
    assert error.data == data.decode()
    assert f"Stream event 2 {problem}" in str(error)


@pytest.mark.parametrize(
    ("data", "code", "message"),
    [
        (b"the model is overloaded", None, "the model is overloaded"),
        (b'{"error": {"message": "overloaded", "code": 529}}', 529, "overloaded"),
        (b'{"message": "bare", "code": "x"}', "x", "bare"),
    ],
)
def test_error_event_raises_stream_error_whatever_its_data(serve: Any, data: bytes, code: Any, message: str) -> None:
    def script(conn: socket.socket) -> None:
        conn.sendall(HEAD + chunk_event("Once") + b"event: error\ndata: " + data + b"\n\n")

    error = run_chat("sync", serve(script))

    assert isinstance(error, lanrui_client.errors.StreamError), repr(error)
    assert (error.code, error.message) == (code, message)
