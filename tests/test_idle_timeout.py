"""`stream_idle_timeout`: the longest a stream waits for its next event (issue 24 item 3).

Raw-socket loopback servers (tests/hostile.py) send a few of the provider's documented events
(tests/fixtures/<provider>/<operation>/stream.sse), then either keep the connection busy with
`: keep-alive` comments and empty events and never another event (httpx2's read timeout, which
restarts on every byte, never fires), or fall silent, or keep sending events slowly, each within
the limit. All four packages, sync and async, the openai-style clients and the function modules,
the limit per call and per client. Without the option, the busy stall lasts until the server
gives up (here 6 s, then a plain IncompleteStreamError).
"""

from __future__ import annotations

import asyncio
import socket
import time
from typing import Any

import pytest

from tests.cases import KEYS, PROVIDERS, main_operation
from tests.client_cases import MODES, PACKAGES, body, operation
from tests.hostile import Request, head, raw_server

EACH = pytest.mark.parametrize("provider", KEYS)  # each on its operation of tests/client_cases.py
REQUEST_ID = "req-idle-4711"
IDLE = 0.4
GIVE_UP = 6.0  # how long the stalling servers keep going before they close


def events(provider: str) -> list[bytes]:
    """The documented stream's blocks (events and the terminator), each with its blank line."""
    text = (main_operation(provider).fixtures / "stream.sse").read_bytes()
    return [block + b"\n\n" for block in text.split(b"\n\n") if block.strip()]


def stream_head() -> bytes:
    return head(200, {"content-type": "text/event-stream", "x-request-id": REQUEST_ID, "connection": "close"})


def stall_busy(provider: str) -> Any:
    """Three events, then keep-alive comments and empty events every 50 ms, never an event."""

    def script(conn: socket.socket, request: Request) -> None:
        conn.sendall(stream_head() + b"".join(events(provider)[:3]))
        end = time.monotonic() + GIVE_UP
        while time.monotonic() < end:
            conn.sendall(b": keep-alive\n\n")
            time.sleep(0.025)
            conn.sendall(b"data:\n\n")
            time.sleep(0.025)

    return script


def stall_silent(provider: str) -> Any:
    """Three events, then nothing at all (the connection stays open)."""

    def script(conn: socket.socket, request: Request) -> None:
        conn.sendall(stream_head() + b"".join(events(provider)[:3]))
        conn.settimeout(GIVE_UP)
        conn.recv(1)  # returns once the client closes the connection

    return script


def slow_flow(provider: str) -> Any:
    """Every event (and the terminator) 0.15 s after the last, keep-alive comments in between; the
    second event four times more, so that the stream lasts over 1 s."""
    blocks = events(provider)
    blocks = blocks[:2] + blocks[1:2] * 4 + blocks[2:]

    def script(conn: socket.socket, request: Request) -> None:
        conn.sendall(stream_head())
        for block in blocks:
            for _ in range(3):
                conn.sendall(b": keep-alive\n\n")
                time.sleep(0.05)
            conn.sendall(block)

    return script


def through_surface(provider: str, url: str, asynchronous: bool, where: str, idle: float = IDLE) -> Any:
    """The openai-style client's stream, gathered: its StreamResult, or the error it raised."""
    package = PACKAGES[provider]
    name = PROVIDERS[provider].client_class
    per_client = {"stream_idle_timeout": idle} if where == "client" else {}
    per_call = {"stream_idle_timeout": idle} if where == "call" else {}
    method = main_operation(provider).method.split(".")
    cls = getattr(package, f"Async{name}" if asynchronous else name)
    client = cls(api_key="sk-idle", base_url=url, max_retries=0, **per_client)
    if where == "with_options":
        client = client.with_options(stream_idle_timeout=idle)
    create: Any = client
    for part in method:
        create = getattr(create, part)
    if not asynchronous:
        try:
            with client, create(**main_operation(provider).minimal, stream=True, **per_call) as stream:
                return stream.until_done()
        except Exception as exc:
            return exc

    async def main() -> Any:
        async with client:
            opened = await create(**main_operation(provider).minimal, stream=True, **per_call)
            async with opened:
                return await opened.until_done()

    try:
        return asyncio.run(main())
    except Exception as exc:
        return exc


def through_functions(provider: str, url: str, asynchronous: bool, where: str, idle: float = IDLE) -> Any:
    """The function module's stream()/astream() on an AuthenticatedClient, gathered."""
    per_client = {"stream_idle_timeout": idle} if where == "client" else {}
    per_call = {"stream_idle_timeout": idle} if where == "call" else {}
    client = PACKAGES[provider].AuthenticatedClient("sk-idle", base_url=url, max_retries=0, **per_client)
    module = operation(provider)
    if not asynchronous:
        try:
            with client, module.stream(client=client, body=body(provider), **per_call) as stream:
                return stream.until_done()
        except Exception as exc:
            return exc

    async def main() -> Any:
        async with client, module.astream(client=client, body=body(provider), **per_call) as stream:
            return await stream.until_done()

    try:
        return asyncio.run(main())
    except Exception as exc:
        return exc


SURFACES = pytest.mark.parametrize(
    ("api", "where"),
    [
        (through_surface, "call"),
        (through_surface, "client"),
        (through_surface, "with_options"),
        (through_functions, "call"),
        (through_functions, "client"),
    ],
    ids=["surface-call", "surface-client", "surface-with_options", "functions-call", "functions-client"],
)


def _assert_idle_error(provider: str, exc: Any, took: float) -> None:
    errors = PACKAGES[provider].errors
    assert isinstance(exc, errors.StreamIdleTimeoutError), exc
    assert isinstance(exc, errors.IncompleteStreamError)  # the stream error family: a cut stream
    assert exc.idle_timeout == IDLE
    assert exc.request_id == REQUEST_ID
    assert exc.text.get(0), exc.text  # the text of the three events that arrived
    assert len(exc.events) == 1
    assert f"no event for {IDLE:g} s" in str(exc) and "3 events arrived" in str(exc)
    assert IDLE <= took < IDLE + 1.5, took


@MODES
@EACH
@SURFACES
def test_keep_alive_comments_and_empty_events_do_not_hold_a_stalled_stream(
    provider: str, asynchronous: bool, api: Any, where: str
) -> None:
    with raw_server(stall_busy(provider)) as server:
        started = time.monotonic()
        exc = api(provider, server.url, asynchronous, where)
        took = time.monotonic() - started
    _assert_idle_error(provider, exc, took)


@MODES
@EACH
def test_a_silent_server_is_caught_at_the_idle_limit_too(provider: str, asynchronous: bool) -> None:
    """No bytes at all after three events: the limit, not the 600 s read timeout, ends the wait."""
    with raw_server(stall_silent(provider)) as server:
        started = time.monotonic()
        exc = through_functions(provider, server.url, asynchronous, "call")
        took = time.monotonic() - started
    _assert_idle_error(provider, exc, took)


@MODES
@EACH
@pytest.mark.parametrize("api", [through_surface, through_functions], ids=["surface", "functions"])
def test_events_flowing_slowly_under_the_limit_never_fire_it(provider: str, asynchronous: bool, api: Any) -> None:
    """Each event 0.15 s after the last under a limit of 0.6 s (a margin for a loaded machine); the
    whole stream takes longer than the limit, so a clock that did not restart per event would fire."""
    errors = PACKAGES[provider].errors
    with raw_server(slow_flow(provider)) as server:
        started = time.monotonic()
        result = api(provider, server.url, asynchronous, "call", idle=0.6)
        took = time.monotonic() - started
    assert not isinstance(result, errors.APIError), result
    assert result.text, result
    assert took > 0.6, took


@MODES
def test_a_calls_none_turns_the_clients_limit_off(asynchronous: bool) -> None:
    """A call's stream_idle_timeout=None turns the client's limit off (the stall runs to its end)."""
    errors = PACKAGES["lanrui"].errors

    def short_stall(conn: socket.socket, request: Request) -> None:
        conn.sendall(stream_head() + b"".join(events("lanrui")[:3]))
        for _ in range(20):  # 1 s of keep-alives, then the server closes
            conn.sendall(b": keep-alive\n\n")
            time.sleep(0.05)

    with raw_server(short_stall) as server:
        client = PACKAGES["lanrui"].AuthenticatedClient(
            "sk-idle", base_url=server.url, max_retries=0, stream_idle_timeout=0.2
        )
        module = operation("lanrui")
        if asynchronous:

            async def main() -> Any:
                async with client, module.astream(client=client, body=body("lanrui"), stream_idle_timeout=None) as s:
                    return await s.until_done()

            with pytest.raises(errors.IncompleteStreamError) as caught:
                asyncio.run(main())
        else:
            stream = module.stream(client=client, body=body("lanrui"), stream_idle_timeout=None)
            with pytest.raises(errors.IncompleteStreamError) as caught, client, stream:
                stream.until_done()
    assert not isinstance(caught.value, errors.StreamIdleTimeoutError)
    assert "the connection closed" in str(caught.value)
    assert caught.value.request_id == REQUEST_ID  # every cut stream keeps the request id now


@pytest.mark.parametrize("bad", [0, -1, float("nan"), float("inf"), "5", True])
def test_a_bad_value_is_a_typed_error_naming_the_option(bad: Any) -> None:
    package = PACKAGES["lanrui"]
    with pytest.raises((TypeError, ValueError), match="stream_idle_timeout"):
        package.Lanrui(api_key="sk-idle", stream_idle_timeout=bad)
    client = package.Lanrui(api_key="sk-idle")
    with pytest.raises((TypeError, ValueError), match="stream_idle_timeout"):
        client.with_options(stream_idle_timeout=bad)
    api = package.AuthenticatedClient("sk-idle")
    with pytest.raises((TypeError, ValueError), match="stream_idle_timeout"):
        operation("lanrui").stream(client=api, body=body("lanrui"), stream_idle_timeout=bad)


def test_the_errors_pickle_with_what_they_carry() -> None:
    import pickle

    errors = PACKAGES["ppinfra"].errors
    exc = errors.StreamIdleTimeoutError("m", events=[], text={0: "so far"}, idle_timeout=2.5)
    exc.request_id = "r1"
    back = pickle.loads(pickle.dumps(exc))
    assert (back.text, back.idle_timeout, back.request_id, str(back)) == ({0: "so far"}, 2.5, "r1", "m")
