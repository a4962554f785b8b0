"""Plain calls against raw-socket servers that misbehave on purpose (tests/hostile.py), sync and
async: racing first calls, a full pool, drip-feeding servers and the overall deadline, error
bodies under a 200, URL and argument traps, and error objects from a llama.cpp-style server."""

from __future__ import annotations

import asyncio
import json
import logging
import socket
import struct
import sys
import threading
import time
import urllib.parse
from collections.abc import Iterator
from typing import Any

import httpx2
import pytest

from tests.client_cases import CANARY, MODES, PACKAGES, assert_error_hides_secrets, call, invoke
from tests.hostile import Request, answer, drip, head, raw_server, send_json

PROVIDER = "lanrui"
package = PACKAGES[PROVIDER]
errors = package.errors
operation = package.api.chat.create_chat_completion

_CHAT = {
    "id": "c1",
    "object": "chat.completion",
    "created": 1,
    "model": "m",
    "choices": [{"index": 0, "message": {"role": "assistant", "content": "hi"}, "finish_reason": "stop"}],
}


def _ok(conn: socket.socket, request: Request) -> None:
    send_json(conn, 200, _CHAT)


def _client(server: Any, **kwargs: Any) -> Any:
    return package.AuthenticatedClient(CANARY, base_url=server.url, **kwargs)


def _built(client: Any) -> Any:
    """client with its httpx2 clients built: the first build loads the CA bundle (~0.3 s on a
    busy machine), before the deadline's clock starts, so timed tests leave it out."""
    client.get_httpx_client()
    client.get_async_httpx_client()
    return client


# --- item 5: racing first calls build one pool ----------------------------------------------------


@pytest.fixture
def _fast_thread_switches() -> Iterator[None]:
    before = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)  # let threads interleave inside the client's lazy build
    yield
    sys.setswitchinterval(before)


@MODES
@pytest.mark.usefixtures("_fast_thread_switches")
def test_racing_first_calls_share_one_httpx_client(asynchronous: bool) -> None:
    with raw_server(_ok) as server:
        client = _client(server)
        barrier = threading.Barrier(50)
        built: list[Any] = []

        def first_call() -> None:
            barrier.wait()
            if asynchronous:
                built.append(client.get_async_httpx_client())
            else:
                built.append(client.get_httpx_client())
                assert call(PROVIDER, client).choices[0].message.content == "hi"

        threads = [threading.Thread(target=first_call) for _ in range(50)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert len(built) == 50
        assert len({id(http) for http in built}) == 1, f"{len({id(h) for h in built})} httpx2 clients were built"
        if asynchronous:
            asyncio.run(client.aclose())
        else:
            client.close()
        assert built[0].is_closed


# --- item 6: a full pool is not retried -----------------------------------------------------------


@MODES
def test_a_full_pool_is_not_retried(asynchronous: bool, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO)
    release = threading.Event()

    def hold_first(conn: socket.socket, request: Request) -> None:
        release.wait(5)
        send_json(conn, 200, _CHAT)

    with raw_server(hold_first) as server:
        client = _client(server, httpx_args={"limits": httpx2.Limits(max_connections=1)}, max_retries=3)
        timeout = httpx2.Timeout(5.0, pool=0.2)
        started = time.monotonic()
        if asynchronous:

            async def main() -> BaseException:
                first = asyncio.create_task(call(PROVIDER, client, asynchronous=True))
                while not server.requests:
                    await asyncio.sleep(0.01)
                try:
                    await call(PROVIDER, client, asynchronous=True, timeout=timeout)
                except errors.APIError as exc:
                    return exc
                finally:
                    release.set()
                    await first
                    await client.aclose()
                raise AssertionError("the second call got a connection")

            exc = asyncio.run(main())
        else:
            first = threading.Thread(target=call, args=(PROVIDER, client))
            first.start()
            while not server.requests:
                time.sleep(0.01)
            try:
                with pytest.raises(errors.APITimeoutError) as info:
                    call(PROVIDER, client, timeout=timeout)
                exc = info.value
            finally:
                release.set()
                first.join()
                client.close()
        waited = time.monotonic() - started
    assert isinstance(exc, errors.APITimeoutError) and "PoolTimeout" in str(exc)
    retries = [r.getMessage() for r in caplog.records if "Retrying" in r.getMessage()]
    assert retries == []
    assert waited < 3.0  # 0.2 s of pool wait, not three retries' backoff


# --- item 7: the overall deadline -----------------------------------------------------------------


def _drip_answer(conn: socket.socket, request: Request) -> None:
    """A complete JSON answer sent one byte every 0.1 s (each read is well inside any timeout)."""
    payload = json.dumps(_CHAT).encode()
    conn.sendall(head(200, {"content-type": "application/json", "content-length": str(len(payload))}))
    drip(conn, payload, 0.1)


@pytest.mark.parametrize("where", ["call", "client"])
@MODES
def test_a_deadline_ends_a_drip_fed_answer(where: str, asynchronous: bool) -> None:
    with raw_server(_drip_answer) as server:
        client = _built(_client(server, timeout=2.0, **({"deadline": 0.6} if where == "client" else {})))
        options = {"deadline": 0.6} if where == "call" else {}
        started = time.monotonic()
        with pytest.raises(errors.APITimeoutError) as info:
            invoke(PROVIDER, client, asynchronous=asynchronous, max_retries=0, **options)
        elapsed = time.monotonic() - started
    assert "deadline of 0.6 s passed" in str(info.value)
    assert 0.6 <= elapsed < 1.5
    assert_error_hides_secrets(info.value)


@MODES
def test_a_deadline_covers_the_retries(asynchronous: bool) -> None:
    def busy(conn: socket.socket, request: Request) -> None:
        conn.sendall(answer(503, b'{"error": {"message": "busy"}}', retry_after="0.3"))

    with raw_server(busy) as server:
        client = _built(_client(server, max_retries=10))
        started = time.monotonic()
        with pytest.raises(errors.InternalServerError):
            invoke(PROVIDER, client, asynchronous=asynchronous, deadline=1.0)
        elapsed = time.monotonic() - started
    assert elapsed < 1.4  # the deadline (1 s) plus scheduling slack on a loaded machine
    assert 2 <= len(server.requests) <= 4  # retried while time was left, never past the deadline


@MODES
def test_a_call_can_turn_the_clients_deadline_off(asynchronous: bool) -> None:
    def slow(conn: socket.socket, request: Request) -> None:
        time.sleep(0.5)
        send_json(conn, 200, _CHAT)

    with raw_server(slow) as server:
        client = _client(server, deadline=0.2)
        result = invoke(PROVIDER, client, asynchronous=asynchronous, deadline=None)
    assert result.choices[0].message.content == "hi"


@pytest.mark.parametrize("value", ["10", True, -1, 0, float("nan")])
def test_a_bad_deadline_is_refused_naming_it(value: Any) -> None:
    with pytest.raises((TypeError, ValueError), match="deadline"):
        package.AuthenticatedClient(CANARY, deadline=value)
    client = package.AuthenticatedClient(CANARY, base_url="http://127.0.0.1:9")
    with pytest.raises((TypeError, ValueError), match="deadline"):
        call(PROVIDER, client, deadline=value)


# --- item 10: a 200 whose body is the provider's error --------------------------------------------


_ERROR_BODIES = {
    "openai-style": (
        {"error": {"message": "model overloaded", "type": "server_error", "code": "overloaded"}},
        "lanrui",
    ),
    "error-string": ({"error": "quota exhausted", "code": 1008}, "lanrui"),
    "status-object": ({"status": {"code": 18, "message": "model not found"}}, "sensenova"),
}


@pytest.mark.parametrize("case", list(_ERROR_BODIES))
@MODES
def test_a_200_error_body_raises_the_providers_error(case: str, asynchronous: bool) -> None:
    error_body, provider = _ERROR_BODIES[case]
    with raw_server(lambda conn, request: send_json(conn, 200, error_body)) as server:
        client = PACKAGES[provider].AuthenticatedClient(CANARY, base_url=server.url)
        with pytest.raises(PACKAGES[provider].errors.ProviderError) as info:
            invoke(provider, client, asynchronous=asynchronous)
    exc = info.value
    assert isinstance(exc, PACKAGES[provider].errors.APIStatusError)
    expected_message = {"openai-style": "model overloaded", "error-string": "quota exhausted"}
    assert exc.message == expected_message.get(case, "model not found")
    assert exc.code == {"openai-style": "overloaded", "error-string": 1008}.get(case, 18)
    assert exc.status_code == 200 and exc.body == error_body


@MODES
def test_a_result_with_a_failed_status_raises_the_providers_error(asynchronous: bool) -> None:
    sensenova = PACKAGES["sensenova"]
    reply = {
        "data": {"id": "x", "choices": [{"message": "partial", "finish_reason": "stop", "index": 0}]},
        "status": {"code": 3, "message": "invalid argument"},
    }
    with raw_server(lambda conn, request: send_json(conn, 200, reply)) as server:
        client = sensenova.AuthenticatedClient(CANARY, base_url=server.url)
        with pytest.raises(sensenova.errors.ProviderError) as info:
            invoke("sensenova", client, asynchronous=asynchronous)
    assert (info.value.code, info.value.message) == (3, "invalid argument")


# --- item 12: URL and argument traps --------------------------------------------------------------


@pytest.mark.parametrize("base_url", ["", "   ", "api.example.com/v1", "ftp://h/v1", "http://h/v1#frag"])
def test_an_unusable_base_url_is_refused_naming_it(base_url: str) -> None:
    with pytest.raises(ValueError, match="base_url"):
        package.AuthenticatedClient(CANARY, base_url=base_url)


@MODES
def test_a_query_in_the_base_url_stays_a_query(asynchronous: bool) -> None:
    with raw_server(_ok) as server:
        client = package.AuthenticatedClient(CANARY, base_url=f"{server.url}/gw?tenant=1&x=a%20b")
        invoke(PROVIDER, client, asynchronous=asynchronous)
    [target] = [urllib.parse.urlsplit(r.target) for r in server.requests]
    assert target.path == "/gw/v1/chat/completions"
    assert urllib.parse.parse_qs(target.query) == {"tenant": ["1"], "x": ["a b"]}


@pytest.mark.parametrize("value", ["10", [1], True, -1, float("inf")])
def test_a_bad_timeout_is_refused_naming_it(value: Any) -> None:
    with pytest.raises((TypeError, ValueError), match="timeout must be"):
        package.AuthenticatedClient(CANARY, timeout=value)
    client = package.AuthenticatedClient(CANARY, base_url="http://127.0.0.1:9")
    with pytest.raises((TypeError, ValueError), match="timeout must be"):
        call(PROVIDER, client, timeout=value)


def _reset(conn: socket.socket, request: Request) -> None:
    conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))  # close = RST


def _close_silently(conn: socket.socket, request: Request) -> None:
    conn.shutdown(socket.SHUT_RDWR)


@pytest.mark.parametrize("script", [_reset, _close_silently], ids=["reset", "close"])
@MODES
def test_a_connection_error_always_says_what_happened(script: Any, asynchronous: bool) -> None:
    with raw_server(script) as server:
        client = _client(server)
        with pytest.raises(errors.APIConnectionError) as info:
            invoke(PROVIDER, client, asynchronous=asynchronous, max_retries=0)
    message = str(info.value)
    kind, _, detail = message.removeprefix("Connection error: ").partition(": ")
    assert kind and detail.strip(), f"no detail in {message!r}"


# --- item 13: error objects -----------------------------------------------------------------------


@MODES
def test_the_error_type_is_exposed_and_a_code_equal_to_the_status_not_repeated(asynchronous: bool) -> None:
    llama = {
        "error": {"code": 400, "message": "the request exceeds the context size", "type": "exceed_context_size_error"}
    }
    with raw_server(lambda conn, request: send_json(conn, 400, llama)) as server:
        client = _client(server)
        with pytest.raises(errors.BadRequestError) as info:
            invoke(PROVIDER, client, asynchronous=asynchronous)
    exc = info.value
    assert exc.type == "exceed_context_size_error"
    assert exc.code == 400
    assert str(exc) == "Error code: 400 - the request exceeds the context size"
    assert "type='exceed_context_size_error'" in repr(exc)
