"""Retries and timeouts: what is retried, how long the client waits, per-client and per-call
settings, and that a stream that has started is never sent again. Real HTTP to the emulator;
the delays are real too (Retry-After: 1 takes a second), so the slow cases run once per mode."""

from __future__ import annotations

import email.utils
import json
import socket
import ssl
import subprocess
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx2
import pytest
from lanrui_client._runtime.http.retry import DEFAULT_POLICY, RetryPolicy, is_retryable_status, parse_retry_after

from tests.client_cases import (
    CANARY,
    MODES,
    PACKAGES,
    assert_error_hides_secrets,
    body,
    invoke,
    local_server,
    make_client,
    operation,
    tagged,
    unique,
)

PROVIDER = "lanrui"
errors = PACKAGES[PROVIDER].errors


class _Clock:
    """Records when each attempt leaves, as the innermost transport (below the retry wrapper)."""

    def __init__(self) -> None:
        self.sent: list[float] = []

    def gaps(self) -> list[float]:
        return [b - a for a, b in zip(self.sent, self.sent[1:], strict=False)]


class _TimedTransport(httpx2.HTTPTransport):
    def __init__(self, clock: _Clock) -> None:
        super().__init__()
        self.clock = clock

    def handle_request(self, request: httpx2.Request) -> httpx2.Response:
        self.clock.sent.append(time.monotonic())
        return super().handle_request(request)


class _AsyncTimedTransport(httpx2.AsyncHTTPTransport):
    def __init__(self, clock: _Clock) -> None:
        super().__init__()
        self.clock = clock

    async def handle_async_request(self, request: httpx2.Request) -> httpx2.Response:
        self.clock.sent.append(time.monotonic())
        return await super().handle_async_request(request)


def timed_client(emulator: Any, fault: str, asynchronous: bool, **kwargs: Any) -> tuple[Any, _Clock]:
    clock = _Clock()
    transport = _AsyncTimedTransport(clock) if asynchronous else _TimedTransport(clock)
    return make_client(emulator, PROVIDER, fault=fault, httpx_args={"transport": transport}, **kwargs), clock


# --- the policy on its own ----------------------------------------------------------------------


def test_retryable_statuses_are_408_409_429_and_5xx() -> None:
    assert [s for s in range(400, 600) if is_retryable_status(s)] == [408, 409, 429, *range(500, 600)]


@pytest.mark.parametrize(
    ("headers", "expected"),
    [
        ({"retry-after": "3"}, 3.0),
        ({"retry-after": " 1.5 "}, 1.5),
        ({"retry-after": "-4"}, 0.0),
        ({"retry-after-ms": "250", "retry-after": "9"}, 0.25),
        ({"retry-after": "soon"}, None),
        ({"retry-after": "nan"}, None),
        ({}, None),
    ],
)
def test_retry_after_is_read_as_seconds_or_milliseconds(headers: dict[str, str], expected: float | None) -> None:
    assert parse_retry_after(httpx2.Headers(headers)) == expected


def test_retry_after_http_date_is_the_time_until_that_date() -> None:
    now = 1_700_000_000.0
    date = email.utils.formatdate(now + 30, usegmt=True)
    assert parse_retry_after(httpx2.Headers({"retry-after": date}), now=now) == pytest.approx(30)
    assert parse_retry_after(httpx2.Headers({"retry-after": date}), now=now + 60) == 0.0


def test_backoff_doubles_from_half_a_second_to_eight_with_equal_jitter() -> None:
    for retry, step in [(0, 0.5), (1, 1.0), (2, 2.0), (3, 4.0), (4, 8.0), (9, 8.0)]:
        waits = [DEFAULT_POLICY.backoff(retry) for _ in range(200)]
        assert all(step / 2 <= w <= step for w in waits), (retry, min(waits), max(waits))
        assert max(waits) - min(waits) > step / 4, "no jitter"


def test_a_retry_after_beyond_the_cap_means_do_not_retry() -> None:
    too_long = httpx2.Response(429, headers={"retry-after": "61"})
    assert DEFAULT_POLICY.wait(0, too_long) is None
    assert RetryPolicy(max_retry_after=120).wait(0, too_long) == 61
    assert DEFAULT_POLICY.wait(0, httpx2.Response(429, headers={"retry-after": "60"})) == 60


# --- against the emulator -----------------------------------------------------------------------


@MODES
def test_429_with_retry_after_is_retried_after_that_many_seconds(emulator: Any, asynchronous: bool) -> None:
    fault = f"status;code=429;retry-after=1;times=1;id={unique('ra')}"
    client, clock = timed_client(emulator, fault, asynchronous)
    result = invoke(PROVIDER, client, asynchronous=asynchronous)
    assert result.choices, "the retried call did not return the answer"
    [gap] = clock.gaps()
    # The lower bound is the behaviour; the upper one only rules out a much longer wait (CI is slow).
    assert 1.0 <= gap < 2.0, f"waited {gap:.3f} s between attempts for Retry-After: 1"


@MODES
@pytest.mark.parametrize("provider", PACKAGES)
def test_retried_attempts_carry_their_number(emulator: Any, provider: str, asynchronous: bool) -> None:
    """1.x sent every retry byte-identical to the first attempt; now a retry says it is one."""
    tag = unique("retry-count")
    fault = f"status;code=503;retry-after=0;times=2;id={tag}"
    invoke(provider, make_client(emulator, provider, fault=fault), asynchronous=asynchronous)
    sent = [r.headers.get("x-retry-count") for r in tagged(emulator, tag)]
    assert sent == [None, "1", "2"]


def test_retry_after_as_an_http_date_is_honoured(emulator: Any) -> None:
    # The emulator sends now + 2 s, rounded down to the second: the wait is between 1 and 2 s,
    # longer than any backoff of a first retry (at most 0.5 s).
    fault = f"status;code=503;retry-after-date=2;times=1;id={unique('date')}"
    client, clock = timed_client(emulator, fault, asynchronous=False)
    invoke(PROVIDER, client, asynchronous=False)
    [gap] = clock.gaps()
    assert 0.95 <= gap < 3.0, f"waited {gap:.3f} s for a Retry-After date 2 s ahead"


def test_retries_exhausted_raise_the_last_error_after_backing_off(emulator: Any) -> None:
    fault = f"status;code=502;id={unique('exhausted')}"
    client, clock = timed_client(emulator, fault, asynchronous=False)  # default max_retries: 2
    with pytest.raises(errors.InternalServerError) as info:
        invoke(PROVIDER, client, asynchronous=False)
    assert info.value.status_code == 502
    assert len(clock.sent) == 3
    first, second = clock.gaps()
    assert 0.25 <= first < 1.0, f"first backoff {first:.3f} s, expected 0.25-0.5 s"
    assert 0.5 <= second < 1.6, f"second backoff {second:.3f} s, expected 0.5-1 s"


def test_async_retries_back_off_too(emulator: Any) -> None:
    fault = f"status;code=500;id={unique('exhausted-async')}"
    client, clock = timed_client(emulator, fault, asynchronous=True, max_retries=1)
    with pytest.raises(errors.InternalServerError):
        invoke(PROVIDER, client, asynchronous=True)
    [gap] = clock.gaps()
    assert 0.25 <= gap < 1.0, f"backoff {gap:.3f} s, expected 0.25-0.5 s"


@pytest.mark.parametrize("status", [408, 409, 429, 500, 503, 504])
def test_retryable_statuses_are_retried(emulator: Any, status: int) -> None:
    fault = f"status;code={status};retry-after=0;times=1;id={unique('retryable')}"
    result = invoke(PROVIDER, make_client(emulator, PROVIDER, fault=fault), asynchronous=False)
    assert result.choices
    assert len(tagged(emulator, fault.rsplit("id=", 1)[1])) == 2


@pytest.mark.parametrize("status", [400, 401, 403, 404, 422])
def test_client_errors_are_not_retried(emulator: Any, status: int) -> None:
    tag = unique("final")
    client = make_client(emulator, PROVIDER, fault=f"status;code={status};retry-after=0;id={tag}")
    with pytest.raises(errors.APIStatusError):
        invoke(PROVIDER, client, asynchronous=False)
    assert len(tagged(emulator, tag)) == 1


def test_a_retry_after_longer_than_a_minute_is_not_waited_for(emulator: Any) -> None:
    tag = unique("long")
    client = make_client(emulator, PROVIDER, fault=f"status;code=429;retry-after=120;id={tag}")
    started = time.monotonic()
    with pytest.raises(errors.RateLimitError) as info:
        invoke(PROVIDER, client, asynchronous=False)
    assert time.monotonic() - started < 5.0  # far from the 120 s asked for; one attempt only:
    assert len(tagged(emulator, tag)) == 1
    assert info.value.response.headers["retry-after"] == "120"


@MODES
def test_max_retries_per_client_and_per_call(emulator: Any, asynchronous: bool) -> None:
    def attempts(client_retries: int, call_retries: int | None) -> int:
        tag = unique("count")
        client = make_client(
            emulator, PROVIDER, fault=f"status;code=500;retry-after=0;id={tag}", max_retries=client_retries
        )
        options = {} if call_retries is None else {"max_retries": call_retries}
        with pytest.raises(errors.InternalServerError):
            invoke(PROVIDER, client, asynchronous=asynchronous, **options)
        return len(tagged(emulator, tag))

    assert attempts(0, None) == 1
    assert attempts(3, None) == 4
    assert attempts(3, 0) == 1
    assert attempts(0, 1) == 2


def test_a_max_retries_that_is_not_a_count_is_refused() -> None:
    package = PACKAGES[PROVIDER]
    for bad in (-1, True):
        with pytest.raises(ValueError, match="max_retries"):
            package.AuthenticatedClient("k", max_retries=bad)
        with pytest.raises(ValueError, match="max_retries"):
            operation(PROVIDER).sync(client=package.AuthenticatedClient("k"), body=body(PROVIDER), max_retries=bad)


@MODES
def test_a_stall_that_times_out_is_retried(emulator: Any, asynchronous: bool) -> None:
    tag = unique("stall-once")
    client = make_client(emulator, PROVIDER, fault=f"stall;seconds=2;times=1;id={tag}")
    result = invoke(PROVIDER, client, asynchronous=asynchronous, timeout=0.3)
    assert result.choices
    assert len(tagged(emulator, tag)) == 2


@MODES
def test_timeout_per_client_and_per_call(emulator: Any, asynchronous: bool) -> None:
    fault = f"stall;seconds=0.6;id={unique('slow')}"
    with pytest.raises(errors.APITimeoutError):  # the client's timeout
        invoke(
            PROVIDER,
            make_client(emulator, PROVIDER, fault=fault, timeout=0.2),
            asynchronous=asynchronous,
            max_retries=0,
        )
    slow_ok = make_client(emulator, PROVIDER, fault=fault, timeout=0.2)
    assert invoke(PROVIDER, slow_ok, asynchronous=asynchronous, timeout=5.0, max_retries=0).choices  # the call's wins
    with pytest.raises(errors.APITimeoutError):  # the call's, shorter than the client's
        invoke(
            PROVIDER,
            make_client(emulator, PROVIDER, fault=fault),
            asynchronous=asynchronous,
            timeout=0.2,
            max_retries=0,
        )


def test_default_timeout_is_explicit() -> None:
    client = PACKAGES[PROVIDER].AuthenticatedClient("k")
    assert client.timeout == httpx2.Timeout(600.0, connect=5.0)
    assert client.get_httpx_client().timeout == httpx2.Timeout(600.0, connect=5.0)
    assert client.max_retries == 2


def test_a_stream_that_breaks_after_it_started_is_not_sent_again(emulator: Any) -> None:
    """The retry decision is made on the status line: once the body is being read, a broken
    connection is the caller's error, and the request is not repeated."""
    tag = unique("drop")
    client = make_client(emulator, PROVIDER, fault=f"drop;after=2;id={tag}")
    payload = {**body(PROVIDER).to_dict(), "stream": True}
    with (
        client,
        pytest.raises(httpx2.RemoteProtocolError),
        client.get_httpx_client().stream("POST", "/v1/chat/completions", json=payload) as response,
    ):
        assert response.status_code == 200
        for _ in response.iter_lines():
            pass
    assert len(tagged(emulator, tag)) == 1
    assert emulator.wait_for_stream(tag).outcome == "dropped"


def test_a_one_shot_request_body_is_not_retried(emulator: Any) -> None:
    tag = unique("oneshot")
    client = make_client(emulator, PROVIDER, fault=f"status;code=503;retry-after=0;id={tag}")

    def chunks() -> Iterator[bytes]:
        yield json.dumps(body(PROVIDER).to_dict()).encode()

    with client:
        response = client.get_httpx_client().post(
            "/v1/chat/completions", content=chunks(), headers={"content-type": "application/json"}
        )
    assert response.status_code == 503
    assert len(tagged(emulator, tag)) == 1


def test_retries_are_logged_on_the_package_logger_without_secrets(
    emulator: Any, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level("DEBUG")
    fault = f"status;code=429;retry-after=0;times=1;id={unique('log')}"
    invoke(
        PROVIDER, make_client(emulator, PROVIDER, fault=fault, api_key=emulator.api_key(PROVIDER)), asynchronous=False
    )
    # the retry, then the call (DEBUG's lines: tests/test_logging.py)
    [record, call] = [r for r in caplog.records if r.name == "lanrui_client" and r.levelname == "INFO"]
    assert "/lanrui/v1/chat/completions -> 200 OK in " in call.getMessage()
    url = f"{emulator.base_url(PROVIDER)}/v1/chat/completions"
    assert record.getMessage().startswith(f"Retrying POST {url} in 0.00 s (retry 1 of 2)")
    assert "after status 429" in record.getMessage()
    assert emulator.api_key(PROVIDER) not in " ".join(r.getMessage() for r in caplog.records)


# --- transport settings ---------------------------------------------------------------------------


def test_proxy_variables_are_honoured(monkeypatch: pytest.MonkeyPatch) -> None:
    """The retry wrapper replaces httpx2's own transport, so the client applies HTTP(S)_PROXY and
    NO_PROXY itself: a request to the provider must go through the proxy unless NO_PROXY says not."""
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "NO_PROXY", "http_proxy", "https_proxy", "no_proxy"):
        monkeypatch.delenv(name, raising=False)
    answer = (503, {"content-type": "application/json"}, b'{"error": {"message": "from the proxy"}}')
    package = PACKAGES[PROVIDER]
    with socket.socket() as unused:  # a port nobody listens on: reachable only through the proxy
        unused.bind(("127.0.0.1", 0))
        provider_url = f"http://127.0.0.1:{unused.getsockname()[1]}/api"
    with local_server(lambda headers: answer) as proxy:
        monkeypatch.setenv("HTTP_PROXY", proxy.url)
        client = package.AuthenticatedClient(CANARY, base_url=provider_url)
        with pytest.raises(errors.InternalServerError, match="from the proxy"):
            invoke(PROVIDER, client, asynchronous=False, max_retries=0)
        assert proxy.targets == [f"{provider_url}/v1/chat/completions"]

        monkeypatch.setenv("NO_PROXY", "127.0.0.1")
        client = package.AuthenticatedClient(CANARY, base_url=provider_url)
        with pytest.raises(errors.APIConnectionError, match="ConnectError"):  # straight to the closed port
            invoke(PROVIDER, client, asynchronous=True, max_retries=0)
        assert len(proxy.targets) == 1


# --- TLS ------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def self_signed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("tls")
    cert, key = folder / "cert.pem", folder / "key.pem"
    command = [
        "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1",
        "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", str(key), "-out", str(cert),
    ]  # fmt: skip
    try:
        subprocess.run(command, check=True, capture_output=True)
    except FileNotFoundError:
        pytest.skip("openssl is needed to make a self-signed certificate")
    return cert, key


def _read_request(conn: socket.socket) -> None:
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = conn.recv(65536)
        if not chunk:
            return
        data += chunk
    head, _, rest = data.partition(b"\r\n\r\n")
    length = next(
        (int(line.split(b":")[1]) for line in head.lower().split(b"\r\n") if line.startswith(b"content-length:")), 0
    )
    while len(rest) < length:
        chunk = conn.recv(65536)
        if not chunk:
            return
        rest += chunk


def _tls_server(cert: Path, key: Path) -> tuple[int, Any]:
    """A one-connection-at-a-time HTTPS server answering 200 {} to anything, until closed."""
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    listener = socket.create_server(("127.0.0.1", 0))
    stop = threading.Event()

    def serve() -> None:
        while not stop.is_set():
            try:
                raw, _ = listener.accept()
            except OSError:
                return
            try:
                with context.wrap_socket(raw, server_side=True) as conn:
                    _read_request(conn)  # all of it: closing with unread bytes would reset the connection
                    conn.sendall(b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 2\r\n\r\n{}")
            except (ssl.SSLError, OSError):
                continue  # the client refused our certificate

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()

    def close() -> None:
        stop.set()
        socket.create_connection(listener.getsockname()).close()  # wakes the blocking accept()
        thread.join()
        listener.close()

    return listener.getsockname()[1], close


def test_tls_certificates_are_verified_by_default(self_signed: tuple[Path, Path]) -> None:
    cert, key = self_signed
    port, close = _tls_server(cert, key)
    url = f"https://127.0.0.1:{port}"
    package = PACKAGES[PROVIDER]
    try:
        with pytest.raises(errors.APIConnectionError) as info:
            invoke(PROVIDER, package.AuthenticatedClient(CANARY, base_url=url), asynchronous=False, max_retries=0)
        assert "CERTIFICATE_VERIFY_FAILED" in repr(info.value.__cause__)
        assert_error_hides_secrets(info.value)
        # the same server is accepted when its certificate is trusted, or verification is off
        for verify in (ssl.create_default_context(cafile=cert), str(cert), False):
            client = package.AuthenticatedClient(CANARY, base_url=url, verify_ssl=verify)
            with client:
                response = client.get_httpx_client().post("/v1/chat/completions", json={})
            assert response.status_code == 200
    finally:
        close()


def test_a_retry_count_extension_that_is_not_a_count_is_refused_not_replaced() -> None:
    """`max_retries` arrives as a request extension; a bad one (set through the httpx2 client
    directly) used to fall back to the client's count silently."""
    client = PACKAGES["lanrui"].AuthenticatedClient("k", base_url="http://127.0.0.1:9", max_retries=2)
    with pytest.raises(ValueError, match=r"max_retries must be an int >= 0, got '3'"):
        client.get_httpx_client().post("/v1/chat/completions", json={}, extensions={"max_retries": "3"})
