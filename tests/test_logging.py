"""What the package logger says about a call (issue 21 item 5), against the emulator, all four
packages, sync and async.

INFO: one line per retry and per call outcome, answered or failed after its retries, with the
full URL but its query, and the request id once an answer brought one. DEBUG adds each
attempt's request and answer headers (credentials masked), its time, every retry decision with
its reason, and a stream's end. No credential in any of it. Every error a stream raises carries
the request id of its answer.
"""

from __future__ import annotations

import asyncio
import logging
import socket
from typing import Any

import pytest

from tests.cases import KEYS, PACKAGES, PROVIDERS
from tests.client_cases import MODES, assert_logs_hide_secrets, body, invoke, make_client, operation, unique

REQUEST_ID = " [request id req-"


def _lines(caplog: pytest.LogCaptureFixture, key: str, level: int | None = None) -> list[str]:
    package = PROVIDERS[key].package
    return [r.getMessage() for r in caplog.records if r.name == package and (level is None or r.levelno == level)]


def _closed_port() -> int:
    with socket.socket() as unused:
        unused.bind(("127.0.0.1", 0))
        return int(unused.getsockname()[1])


@pytest.mark.parametrize("key", KEYS)
@MODES
def test_debug_adds_headers_timings_and_decisions_to_what_info_says(
    emulator: Any, key: str, asynchronous: bool, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    fault = f"status;code=503;retry-after=0;times=1;id={unique('log')}"
    invoke(key, make_client(emulator, key, fault=fault), asynchronous=asynchronous)
    base = emulator.base_url(key)  # http://127.0.0.1:<port>/<mount>: scheme, host, port, path
    info = _lines(caplog, key, logging.INFO)
    [retry, call] = info
    assert retry.startswith(f"Retrying POST {base}/") and " in 0.00 s (retry 1 of 2) after status 503" in retry
    assert call.startswith(f"POST {base}/") and " -> 200 OK in " in call and " after 2 attempts" in call
    debug = _lines(caplog, key, logging.DEBUG)
    sent = [line for line in debug if ": request headers {" in line]
    answered = [line for line in debug if ": response headers {" in line]
    assert [" attempt 1: " in sent[0], " attempt 2: " in sent[1]] == [True, True], debug
    assert "authorization: ***" in sent[0] and "x-retry-count: 1" in sent[1]
    assert " attempt 1 -> 503 in " in answered[0] and " attempt 2 -> 200 in " in answered[1]
    for line in info + [line for line in debug if line not in sent]:  # every line after an answer
        assert line.count(REQUEST_ID) == 1, line
    assert_logs_hide_secrets(caplog, extra=(emulator.api_key(key), "Bearer"))


@pytest.mark.parametrize("key", KEYS)
def test_info_shows_no_headers(emulator: Any, key: str, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO)
    invoke(key, make_client(emulator, key), asynchronous=False)
    [call] = _lines(caplog, key)
    assert "headers" not in call and REQUEST_ID in call


@pytest.mark.parametrize("key", KEYS)
@MODES
def test_a_call_that_fails_after_its_retries_logs_its_outcome(
    key: str, asynchronous: bool, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    port = _closed_port()
    client = PACKAGES[key].AuthenticatedClient("sk-never-shown-1234", base_url=f"http://127.0.0.1:{port}/api")
    with pytest.raises(PACKAGES[key].errors.APIConnectionError):
        invoke(key, client, asynchronous=asynchronous, max_retries=1)
    info = _lines(caplog, key, logging.INFO)
    assert len(info) == 2 and info[0].startswith(f"Retrying POST http://127.0.0.1:{port}/api/"), info
    assert info[1].startswith(f"POST http://127.0.0.1:{port}/api/") and " failed in " in info[1]
    assert " after 2 attempts: APIConnectionError: Connection error: ConnectError" in info[1]
    decisions = [line for line in _lines(caplog, key, logging.DEBUG) if line.startswith("Not retrying")]
    assert decisions == [f"Not retrying POST {info[1].split()[1]} after ConnectError: no retries left (1 allowed)"]
    assert_logs_hide_secrets(caplog, extra=("sk-never-shown-1234",))


# --- every error a stream raises carries the request id ---------------------------------------

STREAM_FAULTS = {
    "drop;after=1": "IncompleteStreamError",
    "no-terminator": "IncompleteStreamError",
    "stream-error;after=1": "StreamError",
    "error-event;after=1": "StreamError",
    "malformed;after=1": "MalformedStreamEventError",
    "json-for-stream": "NotAStreamError",
}


def _stream_failure(emulator: Any, key: str, fault: str, asynchronous: bool) -> tuple[Any, str | None]:
    """The error the stream raised, and the request id the emulator answered with."""
    tag = unique("stream-id")
    client = make_client(emulator, key, fault=f"{fault};id={tag}")
    module = operation(key)

    def sync() -> Any:
        with client:
            stream = module.stream(client=client, body=body(key))
            try:
                stream.until_done()
            except Exception as exc:
                return exc
        return None

    async def run() -> Any:
        async with client:
            stream = module.astream(client=client, body=body(key))
            try:
                await stream.until_done()
            except Exception as exc:
                return exc
        return None

    error = asyncio.run(run()) if asynchronous else sync()
    [request] = [r for r in emulator.requests if tag in r.headers.get("x-emulator-fault", "")]
    return error, request.request_id


@pytest.mark.parametrize("key", KEYS)
@pytest.mark.parametrize("fault", STREAM_FAULTS)
@MODES
def test_every_error_a_stream_raises_carries_the_request_id(
    emulator: Any, key: str, fault: str, asynchronous: bool, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    error, request_id = _stream_failure(emulator, key, fault, asynchronous)
    assert type(error).__name__ == STREAM_FAULTS[fault], repr(error)
    assert request_id and error.request_id == request_id
    [line] = [line for line in _lines(caplog, key) if " failed in " in line]
    assert f": {type(error).__name__}: " in line and line.endswith(f" [request id {request_id}]")
