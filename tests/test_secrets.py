"""Credentials never leak, whatever the server echoes: keys are cleaned or refused at
construction, and every error path (status, provider error in a 200, unreadable success body,
connection error, timeout, deadline, full pool) is walked with a canary key against raw-socket
servers that echo it everywhere they can (body, header, reason phrase), then searched for in
str, repr, the chained traceback, every attribute (through the pickle bytes, which hold them
all) and every log record. Every error also round-trips through pickle."""

from __future__ import annotations

import contextlib
import json
import logging
import pickle
import socket
import threading
from collections.abc import Callable
from typing import Any

import httpx2
import pytest

from tests.client_cases import (
    CANARIES,
    CANARY,
    CANARY_KEY_ID,
    CANARY_SECRET,
    MODES,
    PACKAGES,
    assert_error_hides_secrets,
    assert_no_secret,
    canary_emulator,
    clear_credentials_env,
    invoke,
    make_client,
    unique,
)
from tests.hostile import Request, head, raw_server, send_json

PROVIDER = "lanrui"
package = PACKAGES[PROVIDER]
errors = package.errors


@pytest.fixture(autouse=True)
def _debug_logs(caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch) -> None:
    caplog.set_level(logging.DEBUG)  # httpx2 and httpcore2 log headers' fate at DEBUG
    clear_credentials_env(monkeypatch)


def _echo(request: Request) -> str:
    return request.headers.get("authorization", "")


# --- item 1: keys with whitespace -------------------------------------------------------------------


def _echo_401(conn: socket.socket, request: Request) -> None:
    auth = _echo(request)
    body = {"error": {"message": f"bad key {auth}", "type": "invalid_request_error", "code": "401"}}
    conn.sendall(
        head(401, {"content-type": "application/json", "x-echo": auth, "connection": "close"}, reason="Unauthorized")
        + json.dumps(body).encode()
    )


@pytest.mark.parametrize("padded", [f"{CANARY}\n", f"  {CANARY}\r\n", f"\t{CANARY} "], ids=["lf", "crlf", "tabs"])
@pytest.mark.parametrize("source", ["argument", "environment"])
@MODES
def test_a_key_with_surrounding_whitespace_is_sent_stripped(
    padded: str, source: str, asynchronous: bool, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    with raw_server(_echo_401) as server:
        if source == "environment":
            monkeypatch.setenv("LANRUI_API_KEY", padded)
            client = package.AuthenticatedClient(base_url=server.url)
        else:
            client = package.AuthenticatedClient(padded, base_url=server.url)
        with pytest.raises(errors.AuthenticationError) as info:
            invoke(PROVIDER, client, asynchronous=asynchronous, max_retries=0)
    assert [r.headers["authorization"] for r in server.requests] == [f"Bearer {CANARY}"]
    assert info.value.message == "bad key Bearer ***"
    assert_error_hides_secrets(info.value, caplog)


_BAD_CHARACTERS = {"newline": "\n", "space": " ", "tab": "\t", "nul": "\x00", "del": "\x7f", "non-ascii": "é"}


@pytest.mark.parametrize("char", list(_BAD_CHARACTERS.values()), ids=list(_BAD_CHARACTERS))
@pytest.mark.parametrize("argument", ["api_key", "token", "environment", "access_key_id", "secret_access_key"])
def test_a_key_with_inner_whitespace_or_control_characters_is_refused_without_showing_it(
    char: str, argument: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    bad = f"{CANARY}{char}{CANARY_SECRET}"
    if argument == "environment" and char == "\x00":
        pytest.skip("an environment variable cannot hold a NUL")
    sensenova = PACKAGES["sensenova"]
    with pytest.raises(sensenova.errors.InvalidCredentialsError) as info:
        if argument == "environment":
            monkeypatch.setenv("SENSENOVA_API_KEY", bad)
            sensenova.AuthenticatedClient()
        elif argument == "access_key_id":
            sensenova.AuthenticatedClient(access_key_id=bad, secret_access_key=CANARY_SECRET)
        elif argument == "secret_access_key":
            sensenova.AuthenticatedClient(access_key_id=CANARY_KEY_ID, secret_access_key=bad)
        else:
            sensenova.AuthenticatedClient(**{argument: bad})
    exc = info.value
    assert isinstance(exc, ValueError) and isinstance(exc, sensenova.errors.APIError)
    named = "SENSENOVA_API_KEY" if argument == "environment" else argument
    assert named in str(exc) and f"position {len(CANARY)}" in str(exc)
    assert_error_hides_secrets(exc)
    assert_no_secret(repr(pickle.dumps(exc)))


def test_a_blank_key_counts_as_no_key(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LANRUI_API_KEY", " \n")
    with pytest.raises(errors.MissingCredentialsError):
        package.AuthenticatedClient()


# --- every error path, with the canary echoed --------------------------------------------------------


def _provider_error_200(conn: socket.socket, request: Request) -> None:
    auth = _echo(request)
    send_json(conn, 200, {"error": {"message": f"key {auth} revoked", "type": "auth_error", "code": auth}}, x_echo=auth)


def _status_error_200(conn: socket.socket, request: Request) -> None:
    send_json(conn, 200, {"status": {"code": 16, "message": f"token {_echo(request)} expired"}})


def _unreadable_200(conn: socket.socket, request: Request) -> None:
    auth = _echo(request)
    send_json(conn, 200, {"id": auth, "object": auth, "created": auth, "model": auth, "choices": auth})


def _cut_after_request(conn: socket.socket, request: Request) -> None:
    conn.sendall(b"HTTP/1.1 200 OK\r\ncontent-length: 100\r\n\r\n" + _echo(request).encode())


def _stall(conn: socket.socket, request: Request) -> None:
    conn.recv(1)  # until the client gives up


def _drip(conn: socket.socket, request: Request) -> None:
    conn.sendall(head(200, {"content-type": "application/json", "content-length": "1000"}))
    for _ in range(100):
        conn.sendall(b" ")
        threading.Event().wait(0.05)


_PATHS: dict[str, tuple[Callable[[socket.socket, Request], None], str, dict[str, Any]]] = {
    "status-401": (_echo_401, "AuthenticationError", {}),
    "provider-error-in-200": (_provider_error_200, "ProviderError", {}),
    "status-object-in-200": (_status_error_200, "ProviderError", {}),
    "unreadable-200": (_unreadable_200, "APIResponseValidationError", {}),
    "cut-body": (_cut_after_request, "APIConnectionError", {"max_retries": 0}),
    "read-timeout": (_stall, "APITimeoutError", {"max_retries": 0, "timeout": 0.3}),
    "deadline": (_drip, "APITimeoutError", {"max_retries": 0, "deadline": 0.4}),
}


@pytest.mark.parametrize("path", list(_PATHS))
@MODES
def test_every_error_path_hides_an_echoed_key_and_pickles_without_it(
    path: str, asynchronous: bool, caplog: pytest.LogCaptureFixture
) -> None:
    script, expected, options = _PATHS[path]
    with raw_server(script) as server:
        client = package.AuthenticatedClient(f"{CANARY}\n", base_url=server.url)
        with pytest.raises(errors.APIError) as info:
            invoke(PROVIDER, client, asynchronous=asynchronous, **options)
    exc = info.value
    assert type(exc).__name__ == expected, repr(exc)
    assert_error_hides_secrets(exc, caplog)
    _assert_pickles_without_secrets(exc)


def test_a_full_pool_timeout_hides_the_key(caplog: pytest.LogCaptureFixture) -> None:
    release = threading.Event()

    def hold(conn: socket.socket, request: Request) -> None:
        release.wait(5)
        send_json(conn, 200, {})

    with raw_server(hold) as server:
        client = package.AuthenticatedClient(
            CANARY, base_url=server.url, httpx_args={"limits": httpx2.Limits(max_connections=1)}
        )
        first = threading.Thread(target=lambda: _ignore(lambda: invoke(PROVIDER, client, asynchronous=False)))
        first.start()
        try:
            while not server.requests:
                threading.Event().wait(0.01)
            with pytest.raises(errors.APITimeoutError) as info:
                PACKAGES[PROVIDER].api.chat.create_chat_completion.sync(
                    client=client, body=_body(), timeout=httpx2.Timeout(5.0, pool=0.2)
                )
        finally:
            release.set()
            first.join()
    assert "PoolTimeout" in str(info.value)
    assert_error_hides_secrets(info.value, caplog)
    _assert_pickles_without_secrets(info.value)


def _ignore(function: Callable[[], Any]) -> None:
    with contextlib.suppress(Exception):  # the first call's fate does not matter here
        function()


def _body() -> Any:
    from tests.client_cases import body

    return body(PROVIDER)


# --- pickling -------------------------------------------------------------------------------------


def _assert_pickles_without_secrets(exc: BaseException) -> None:
    data = pickle.dumps(exc)
    for canary in CANARIES:
        assert canary.encode() not in data, f"{canary} in the pickle of {exc!r}"
    copy = pickle.loads(data)
    assert type(copy) is type(exc)
    assert str(copy) == str(exc) and repr(copy) == repr(exc)
    for name in ("message", "status_code", "code", "type", "body", "request_id", "text", "data", "event"):
        assert getattr(copy, name, None) == getattr(exc, name, None), name
    if getattr(exc, "response", None) is not None:
        assert copy.response.status_code == exc.response.status_code
        assert copy.response.content == exc.response.content
        assert copy.response.headers == exc.response.headers
        assert copy.response.request.headers["authorization"] == "***"
    if getattr(exc, "request", None) is not None:
        assert copy.request.headers["authorization"] == "***"


STREAM_FAULTS = {
    "stream-error": "StreamError",
    "drop;after=2": "IncompleteStreamError",
    "malformed": "MalformedStreamEventError",
    "json-for-stream": "NotAStreamError",
    "status;code=429": "RateLimitError",
}


@pytest.mark.parametrize("fault", list(STREAM_FAULTS))
def test_stream_errors_pickle_without_secrets(fault: str) -> None:
    with canary_emulator() as emulator:
        client = make_client(emulator, PROVIDER, fault=f"{fault};id={unique('pickle')}", max_retries=0)
        stream = package.api.chat.create_chat_completion.stream(client=client, body=_body())
        with pytest.raises(errors.APIError) as info, stream:
            for _ in stream:
                pass
    assert type(info.value).__name__ == STREAM_FAULTS[fault]
    _assert_pickles_without_secrets(info.value)


def test_errors_without_an_answer_pickle() -> None:
    for exc in (
        errors.MissingCredentialsError("no key"),
        errors.APIConnectionError("refused"),
        errors.APITimeoutError(),
        errors.StreamError("boom", code=3, body={"a": 1}),
        errors.IncompleteStreamError("cut", events=[], text={0: "so far"}),
        errors.MalformedStreamEventError("bad", data="{", event="message"),
    ):
        _assert_pickles_without_secrets(exc)


def test_every_error_class_round_trips_through_pickle_without_the_key() -> None:
    """Each class the package exports, built the way the package builds it (from real httpx2
    objects whose request carries the canary and whose answer echoes it)."""
    sent = httpx2.Request("POST", "https://api.example/v1/x", headers={"Authorization": f"Bearer {CANARY}"})
    answers, redact = package._runtime.answers, package._runtime.redact

    def answer_(status: int, content_type: str = "application/json", **payload: Any) -> httpx2.Response:
        echo = {"error": {"message": f"bad {CANARY}", "type": "t", "code": CANARY}, **payload}
        body = json.dumps(echo).encode() if content_type == "application/json" else f"<p>{CANARY}</p>".encode()
        return httpx2.Response(
            status, headers={"content-type": content_type, "x-echo": CANARY}, content=body, request=sent
        )

    built: list[Any] = [
        answers.error_for_response(answer_(status)) for status in (400, 401, 403, 404, 409, 418, 422, 429, 503)
    ]
    built += [
        answers.provider_error_in(answer_(200)),
        errors.APIResponseValidationError(answer_(200), KeyError(CANARY)),
        errors.NotAStreamError(f"got {CANARY}", response=answer_(200, "text/html"), body=CANARY, result=None),
        errors.APIConnectionError(f"broke with {CANARY}", request=sent),
        errors.APITimeoutError(request=sent),
        errors.MissingCredentialsError("no key"),
        errors.InvalidCredentialsError("api_key contains whitespace"),
        errors.ClientStateError("the given AsyncClient belongs to another loop"),
        errors.ClientClosedError("closed"),
        errors.RequestBodyError("Nothing was sent: temperature is nan"),
        redact.scrub(errors.StreamError(f"key {CANARY}", code=CANARY, body={"k": CANARY}), sent),
        redact.scrub(errors.MalformedStreamEventError(f"raw {CANARY}", data=CANARY), sent),
        redact.scrub(errors.StreamEventTooLargeError(f"raw {CANARY}", data=CANARY, limit=10), sent),
        redact.scrub(errors.IncompleteStreamError(f"cut {CANARY}", events=[], text={0: CANARY}), sent),
        redact.scrub(
            errors.StreamIdleTimeoutError(f"idle {CANARY}", events=[], text={0: CANARY}, idle_timeout=1.0), sent
        ),
    ]
    exported = {
        getattr(errors, name)
        for name in errors.__all__
        if isinstance(getattr(errors, name), type) and issubclass(getattr(errors, name), errors.APIError)
    }
    assert exported <= {type(error) for error in built} | {errors.APIError, errors.APIStatusError}
    for error in built:
        _assert_pickles_without_secrets(error)
        assert_no_secret(*[repr(v) for v in vars(error).values()])
