"""Streams against raw-socket servers that misbehave on purpose (tests/hostile.py), sync and
async: keys echoed inside the stream, HTML and empty answers, sloppy framing that must be
tolerated, an event without end, a drip-fed stream under a deadline, resets mid-stream."""

from __future__ import annotations

import asyncio
import json
import logging
import pickle
import socket
import struct
import time
from collections.abc import Callable
from typing import Any

import pytest

from tests.client_cases import (
    CANARIES,
    CANARY,
    CANARY_KEY_ID,
    CANARY_SECRET,
    MODES,
    PACKAGES,
    assert_error_hides_secrets,
    body,
    clear_credentials_env,
)
from tests.hostile import Request, answer, head, raw_server

# Every test here runs with each stream event parser (msgspec, the default; json, the pure path).
pytestmark = pytest.mark.usefixtures("json_parser")

PROVIDER = "lanrui"
package = PACKAGES[PROVIDER]
errors = package.errors
operation = package.api.chat.create_chat_completion

STREAM_HEAD = head(200, {"content-type": "text/event-stream", "connection": "close"})


def chunk(text: str, finish: str | None = None) -> bytes:
    payload = {
        "id": "c1",
        "object": "chat.completion.chunk",
        "created": 1,
        "model": "m",
        "choices": [{"index": 0, "delta": {"content": text}, "finish_reason": finish}],
    }
    return b"data: " + json.dumps(payload).encode() + b"\n\n"


def story(done: bytes = b"data: [DONE]\n\n") -> bytes:
    return chunk("Hello") + chunk(" world") + chunk("", "stop") + done


@pytest.fixture(autouse=True)
def _quiet_env(caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch) -> None:
    caplog.set_level(logging.DEBUG)
    clear_credentials_env(monkeypatch)


def consume(client: Any, asynchronous: bool, provider: str = PROVIDER, **options: Any) -> Any:
    """The stream's StreamResult, or the error it raised."""
    module = PACKAGES[provider].api.chat.create_chat_completion if provider == PROVIDER else _sensenova_chat()
    if asynchronous:

        async def main() -> Any:
            async with client, module.astream(client=client, body=body(provider), **options) as stream:
                return await stream.until_done()

        runner: Callable[[], Any] = lambda: asyncio.run(main())  # noqa: E731
    else:

        def runner() -> Any:
            with client, module.stream(client=client, body=body(provider), **options) as stream:
                return stream.until_done()

    try:
        return runner()
    except Exception as exc:
        return exc


def _sensenova_chat() -> Any:
    return PACKAGES["sensenova"].api.chat.create_chat_completion


def _assert_hidden(exc: BaseException, caplog: pytest.LogCaptureFixture, extra: tuple[str, ...] = ()) -> None:
    assert_error_hides_secrets(exc, caplog, extra=extra)
    data = pickle.dumps(exc)
    for secret in (*CANARIES, *extra):
        assert secret.encode() not in data, f"{secret} in the pickle of {exc!r}"
    assert str(pickle.loads(data)) == str(exc)


# --- item 2: keys echoed inside a stream --------------------------------------------------------


def _in_stream_error(auth: str) -> bytes:
    return STREAM_HEAD + chunk("Hi") + b"data: " + json.dumps({"error": {"message": f"key {auth} revoked"}}).encode()


_ECHOES: dict[str, tuple[Callable[[str], bytes], str]] = {
    "error-frame": (lambda auth: _in_stream_error(auth) + b"\n\n", "StreamError"),
    "error-event": (lambda auth: STREAM_HEAD + f"event: error\ndata: {auth} is not valid\n\n".encode(), "StreamError"),
    "error-event-json": (
        lambda auth: (
            STREAM_HEAD + b"event: error\ndata: " + json.dumps({"message": auth, "code": auth}).encode() + b"\n\n"
        ),
        "StreamError",
    ),
    "invalid-json": (lambda auth: STREAM_HEAD + f"data: {{oops {auth}\n\n".encode(), "MalformedStreamEventError"),
    "schema-mismatch": (
        lambda auth: STREAM_HEAD + b"data: " + json.dumps({"choices": auth, "id": [auth]}).encode() + b"\n\n",
        "MalformedStreamEventError",
    ),
    "json-answer": (
        lambda auth: answer(200, json.dumps({"id": auth, "choices": [], "note": auth}).encode(), x_echo=auth),
        "NotAStreamError",
    ),
    "html-page": (
        lambda auth: answer(200, f"<html><body>denied for {auth}</body></html>".encode(), content_type="text/html"),
        "NotAStreamError",
    ),
    "invalid-json-answer": (lambda auth: answer(200, f"{{oops {auth}".encode()), "NotAStreamError"),
    "reset-mid-stream": (
        lambda auth: STREAM_HEAD + chunk("Hi") + f'data: {{"echo": "{auth}'.encode(),
        "IncompleteStreamError",
    ),
    "too-large": (
        lambda auth: STREAM_HEAD + f"data: {auth}".encode() + b"x" * 300_000 + b"\n\n",
        "StreamEventTooLargeError",
    ),
}


def _echoing(make: Callable[[str], bytes]) -> Callable[[socket.socket, Request], None]:
    def script(conn: socket.socket, request: Request) -> None:
        auth = request.headers.get("authorization", "")
        conn.sendall(make(auth))
        time.sleep(0.05)
        conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))  # closing resets

    return script


@MODES
def test_a_deadline_in_the_middle_of_a_stream_hides_the_key(
    asynchronous: bool, caplog: pytest.LogCaptureFixture
) -> None:
    with raw_server(_drip_events) as server:
        client = package.AuthenticatedClient(f"{CANARY}\n", base_url=server.url, deadline=0.3)
        exc = consume(client, asynchronous)
    assert isinstance(exc, errors.IncompleteStreamError), repr(exc)
    _assert_hidden(exc, caplog)


@pytest.mark.parametrize("case", list(_ECHOES))
@MODES
def test_a_key_echoed_inside_a_stream_is_masked_on_every_error(
    case: str, asynchronous: bool, caplog: pytest.LogCaptureFixture
) -> None:
    make, expected = _ECHOES[case]
    with raw_server(_echoing(make)) as server:
        client = package.AuthenticatedClient(CANARY, base_url=server.url, max_retries=0, max_event_size=100_000)
        exc = consume(client, asynchronous)
    assert type(exc).__name__ == expected, repr(exc)
    _assert_hidden(exc, caplog)


def _sensenova_status_frame(auth: str) -> bytes:
    frame = {"data": {"id": "x", "choices": []}, "status": {"code": 16, "message": f"token {auth} expired"}}
    return STREAM_HEAD + b"data: " + json.dumps(frame).encode() + b"\n\n"


_SENSENOVA_ECHOES = {
    "status-frame": (_sensenova_status_frame, "StreamError"),
    "invalid-json": _ECHOES["invalid-json"],
    "html-page": _ECHOES["html-page"],
}


@pytest.mark.parametrize("case", list(_SENSENOVA_ECHOES))
@MODES
def test_a_sensenova_jwt_echoed_inside_a_stream_is_masked(
    case: str, asynchronous: bool, caplog: pytest.LogCaptureFixture
) -> None:
    make, expected = _SENSENOVA_ECHOES[case]
    sensenova = PACKAGES["sensenova"]
    with raw_server(_echoing(make)) as server:
        client = sensenova.AuthenticatedClient(
            access_key_id=CANARY_KEY_ID, secret_access_key=CANARY_SECRET, base_url=server.url, max_retries=0
        )
        exc = consume(client, asynchronous, provider="sensenova")
        [request] = server.requests
    token = request.headers["authorization"].removeprefix("Bearer ")
    assert type(exc).__name__ == expected, repr(exc)
    _assert_hidden(exc, caplog, extra=(token, CANARY_KEY_ID))


# --- items 8 and 9: answers that are no stream ------------------------------------------------------


@MODES
def test_an_html_page_on_a_stream_says_what_arrived(asynchronous: bool) -> None:
    page = b"<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body>upstream down</body></html>"
    with raw_server(lambda conn, request: conn.sendall(answer(200, page, content_type="text/html"))) as server:
        exc = consume(package.AuthenticatedClient(CANARY, base_url=server.url), asynchronous)
    assert isinstance(exc, errors.NotAStreamError), repr(exc)
    assert exc.content_type == "text/html"
    assert "text/html" in str(exc) and "502 Bad Gateway" in str(exc)
    assert exc.body == page.decode() and exc.result is None


@pytest.mark.parametrize(("payload", "said"), [(b"", "an empty body"), (b"{not json", "{not json")])
@MODES
def test_an_empty_or_invalid_json_answer_says_what_arrived(payload: bytes, said: str, asynchronous: bool) -> None:
    with raw_server(lambda conn, request: conn.sendall(answer(200, payload))) as server:
        exc = consume(package.AuthenticatedClient(CANARY, base_url=server.url), asynchronous)
    assert isinstance(exc, errors.NotAStreamError), repr(exc)
    assert exc.result is None
    assert "the answer is in .result" not in str(exc)
    assert said in str(exc)


# --- item 11: sloppy framing that is tolerated ------------------------------------------------------

_TOLERATED = {
    "done-with-trailing-space": story(done=b"data: [DONE] \n\n"),
    "done-with-spaces-around": story(done=b"data:  [DONE]  \n\n"),
    "named-ping-event": chunk("Hello") + b'event: ping\ndata: {"type": "ping"}\n\n' + story()[len(chunk("Hello")) :],
    "null-first": b"data: null\n\n" + story(),
}


@pytest.mark.parametrize("case", list(_TOLERATED))
@MODES
def test_sloppy_but_complete_streams_are_accepted(case: str, asynchronous: bool) -> None:
    with raw_server(lambda conn, request: conn.sendall(STREAM_HEAD + _TOLERATED[case])) as server:
        result = consume(package.AuthenticatedClient(CANARY, base_url=server.url), asynchronous)
    assert not isinstance(result, Exception), repr(result)
    assert result.text == "Hello world"
    assert result.finish_reason == "stop"


# --- item 14: an event without end ------------------------------------------------------------------


@MODES
def test_an_event_past_the_size_limit_raises_before_it_is_all_read(asynchronous: bool) -> None:
    sent: list[int] = []

    def endless_event(conn: socket.socket, request: Request) -> None:
        conn.sendall(STREAM_HEAD + chunk("Hi") + b"data: {")
        for _ in range(400):  # up to 40 MB, if nobody stopped reading
            conn.sendall(b"x" * 100_000)
            sent.append(100_000)

    with raw_server(endless_event) as server:
        client = package.AuthenticatedClient(CANARY, base_url=server.url, max_event_size=1_000_000)
        exc = consume(client, asynchronous)
    assert isinstance(exc, errors.StreamEventTooLargeError), repr(exc)
    assert isinstance(exc, errors.MalformedStreamEventError)
    assert exc.limit == 1_000_000 and exc.data.startswith("data: {x")
    assert sum(sent) < 10_000_000  # stopped near the limit, not at the end of the event


def test_the_default_event_size_limit_is_16_mib() -> None:
    assert package.AuthenticatedClient(CANARY).max_event_size == 16 * 1024 * 1024
    with pytest.raises(ValueError, match="max_event_size"):
        package.AuthenticatedClient(CANARY, max_event_size=0)


# --- item 7: the deadline covers a stream -----------------------------------------------------------


def _drip_events(conn: socket.socket, request: Request) -> None:
    conn.sendall(STREAM_HEAD)
    for _ in range(100):  # an event every 0.1 s for 10 s: each read is quick, the stream is not
        conn.sendall(chunk("tick "))
        time.sleep(0.1)


@pytest.mark.parametrize("where", ["call", "client"])
@MODES
def test_a_deadline_ends_a_drip_fed_stream_with_the_text_so_far(where: str, asynchronous: bool) -> None:
    with raw_server(_drip_events) as server:
        per_client = {"deadline": 0.7} if where == "client" else {}
        client = package.AuthenticatedClient(CANARY, base_url=server.url, **per_client)
        client.get_httpx_client()
        client.get_async_httpx_client()  # built before the clock starts (the CA bundle load is slow)
        started = time.monotonic()
        exc = consume(client, asynchronous, **({"deadline": 0.7} if where == "call" else {}))
        elapsed = time.monotonic() - started
    assert isinstance(exc, errors.IncompleteStreamError), repr(exc)
    assert "deadline of 0.7 s passed" in str(exc)
    assert isinstance(exc.__cause__, errors.APITimeoutError)
    assert exc.text[0].startswith("tick tick")
    assert 0.7 <= elapsed < 1.6


# --- item 12: a reset mid-stream says what happened -------------------------------------------------


@MODES
def test_a_reset_in_the_middle_of_a_stream_says_what_happened(asynchronous: bool) -> None:
    def reset(conn: socket.socket, request: Request) -> None:
        conn.sendall(STREAM_HEAD + chunk("Hello"))
        time.sleep(0.1)
        conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))

    with raw_server(reset) as server:
        exc = consume(package.AuthenticatedClient(CANARY, base_url=server.url), asynchronous)
    assert isinstance(exc, errors.IncompleteStreamError), repr(exc)
    assert exc.text == {0: "Hello"}
    reason = str(exc).split("(", 1)[1].split(")", 1)[0] if "(" in str(exc) else str(exc)
    _, _, detail = reason.partition(": ")
    assert detail.strip(), f"no detail in {str(exc)!r}"


def _flow_then_stall(conn: socket.socket, request: Request) -> None:
    conn.sendall(STREAM_HEAD)
    for _ in range(12):  # events for 1.2 s, then silence: a read is blocked when the deadline passes
        conn.sendall(chunk("tick "))
        time.sleep(0.1)
    conn.recv(1)  # until the client goes away


@MODES
def test_a_read_blocked_when_the_deadline_passes_ends_at_the_deadline(asynchronous: bool) -> None:
    with raw_server(_flow_then_stall) as server:
        client = package.AuthenticatedClient(CANARY, base_url=server.url, timeout=30.0)
        client.get_httpx_client()
        client.get_async_httpx_client()
        started = time.monotonic()
        exc = consume(client, asynchronous, deadline=1.5)
        elapsed = time.monotonic() - started
    assert isinstance(exc, errors.IncompleteStreamError), repr(exc)
    assert "deadline of 1.5 s passed" in str(exc)
    # Not 1.2 s + a read timeout lowered to 1.5 s at the start (2.7 s): the read ends at the deadline.
    assert 1.5 <= elapsed < 2.2


# --- a mid-stream error keeps what arrived -----------------------------------------------------------

_MID_STREAM_ERRORS = {
    "error-frame": b"data: " + json.dumps({"error": {"message": "overloaded", "code": "busy"}}).encode() + b"\n\n",
    "error-event": b'event: error\ndata: {"message": "overloaded", "code": "busy"}\n\n',
}


@pytest.mark.parametrize("case", list(_MID_STREAM_ERRORS))
@MODES
def test_a_stream_error_keeps_the_text_received_so_far(
    case: str, asynchronous: bool, caplog: pytest.LogCaptureFixture
) -> None:
    """1.x: an `event: error` after some text raised StreamError and the text was gone (a cut
    stream kept it in IncompleteStreamError.text). Now StreamError has .text and .events too."""
    payload = STREAM_HEAD + chunk("Hello") + chunk(f" world {CANARY}") + _MID_STREAM_ERRORS[case]
    with raw_server(lambda conn, request: conn.sendall(payload)) as server:
        exc = consume(package.AuthenticatedClient(CANARY, base_url=server.url, max_retries=0), asynchronous)
    assert isinstance(exc, errors.StreamError), repr(exc)
    assert exc.code == "busy" and exc.message == "overloaded"
    assert exc.text == {0: "Hello world ***"}  # masked like everything else the server sent
    assert len(exc.events) == 1 and exc.events[0].choices[0].delta.content == " world ***"
    _assert_hidden(exc, caplog)
    assert pickle.loads(pickle.dumps(exc)).text == exc.text


@MODES
def test_a_stream_error_before_any_text_keeps_nothing(asynchronous: bool) -> None:
    payload = STREAM_HEAD + _MID_STREAM_ERRORS["error-event"]
    with raw_server(lambda conn, request: conn.sendall(payload)) as server:
        exc = consume(package.AuthenticatedClient(CANARY, base_url=server.url, max_retries=0), asynchronous)
    assert isinstance(exc, errors.StreamError) and exc.text == {} and exc.events == []
