"""SenseNova access-key JWTs against a server whose clock is off: a 401 re-mints the token once
(on the server's clock when its `Date` header says ours is off) and sends the request once more,
never more. Two simulated hours of calls, one a minute, against a loopback server that verifies
each token with PyJWT on its own (skewed) clock, sync and async."""

from __future__ import annotations

import asyncio
import email.utils
import http.server
import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import jwt
import pytest
import sensenova_client
from sensenova_client._runtime.http.auth import AccessKeyAuth

from tests.client_cases import MODES

KEY_ID = "skew-key-id"
SECRET = "skew-secret-access-key-of-32-bytes"
START = 1_900_000_000.0  # the simulated clock's start (2030)


class Clocks:
    """Our simulated clock, and the server's: ours plus `skew` seconds."""

    def __init__(self, skew: float) -> None:
        self.now = START
        self.skew = skew

    def ours(self) -> float:
        return self.now

    def servers(self) -> float:
        return self.now + self.skew


class _Handler(http.server.BaseHTTPRequestHandler):
    server: SkewedServer

    def do_POST(self) -> None:
        self.rfile.read(int(self.headers.get("content-length") or 0))
        token = (self.headers.get("authorization") or "").removeprefix("Bearer ")
        problem = self.server.check(token)
        body = json.dumps({"error": {"code": 16, "message": problem}} if problem else {"ok": True}).encode()
        self.send_response(401 if problem else 200)
        self.send_header("content-type", "application/json")
        self.send_header("content-length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def send_response(self, code: int, message: str | None = None) -> None:
        self.send_response_only(code, message)
        self.send_header("Server", "skewed")
        if self.server.send_date:
            self.send_header("Date", email.utils.formatdate(self.server.clocks.servers(), usegmt=True))

    def log_message(self, format: str, *args: Any) -> None:
        pass


class SkewedServer(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, clocks: Clocks, send_date: bool) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.clocks = clocks
        self.send_date = send_date
        self.tokens: list[str] = []
        self.refused = 0

    def check(self, token: str) -> str | None:
        self.tokens.append(token)
        now = self.clocks.servers()
        try:
            claims = jwt.decode(
                token, SECRET, algorithms=["HS256"], issuer=KEY_ID, options={"verify_exp": False, "verify_nbf": False}
            )
        except jwt.PyJWTError as exc:
            problem: str | None = f"invalid token: {exc}"
        else:  # PyJWT's rules, on the server's clock: expired at exp, valid from nbf
            problem = None
            if now >= claims["exp"]:
                problem = "token expired"
            elif now < claims["nbf"]:
                problem = "token not yet valid"
        self.refused += problem is not None
        return problem

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"


@contextmanager
def skewed_server(clocks: Clocks, *, send_date: bool = True) -> Iterator[SkewedServer]:
    server = SkewedServer(clocks, send_date)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def two_hours(server: SkewedServer, clocks: Clocks, asynchronous: bool, secret: str = SECRET) -> list[int]:
    """121 calls, one per simulated minute, through the client's own httpx2 client (auth and
    retries as in every call); the status of each."""
    auth = AccessKeyAuth(KEY_ID, secret, clock=clocks.ours)
    client = sensenova_client.AuthenticatedClient(
        "unused", base_url=server.url, max_retries=0, httpx_args={"auth": auth}
    )
    statuses: list[int] = []
    if not asynchronous:
        with client:
            for _ in range(121):
                statuses.append(client.get_httpx_client().post("/v1/chat/completions", json={}).status_code)
                clocks.now += 60
        return statuses

    async def main() -> None:
        async with client:
            for _ in range(121):
                response = await client.get_async_httpx_client().post("/v1/chat/completions", json={})
                statuses.append(response.status_code)
                clocks.now += 60

    asyncio.run(main())
    return statuses


@MODES
@pytest.mark.parametrize("skew", [600, -30, 1700], ids=["ahead-10-min", "behind-30-s", "ahead-28-min"])
def test_a_skewed_server_clock_costs_one_extra_request_in_two_hours(skew: float, asynchronous: bool) -> None:
    """1.x, server 10 minutes ahead: 24 of 121 calls failed with `401 token expired`, each
    sending the rejected token again; 30 s behind: every call failed. Now: the first 401's Date
    teaches the offset, its call succeeds on the second attempt, and no call fails."""
    clocks = Clocks(skew)
    with skewed_server(clocks) as server:
        statuses = two_hours(server, clocks, asynchronous)
    assert statuses == [200] * 121
    assert server.refused <= 1 and len(server.tokens) == 121 + server.refused


@MODES
def test_without_a_date_header_an_expired_token_is_reminted_and_sent_once_more(asynchronous: bool) -> None:
    clocks = Clocks(600)
    with skewed_server(clocks, send_date=False) as server:
        statuses = two_hours(server, clocks, asynchronous)
    assert statuses == [200] * 121
    assert 1 <= server.refused <= 8  # at most once per reuse window of a cached token (26 minutes)
    assert len(server.tokens) == 121 + server.refused


@MODES
def test_a_server_behind_without_a_date_fails_each_fresh_tokens_first_call_after_two_attempts(
    asynchronous: bool,
) -> None:
    """The documented limit: a fresh token is not yet valid for a server more than 5 s behind,
    and without its Date nothing says by how much. The call that mints one fails after exactly
    two attempts (never a loop); the token is valid a minute later and reused until refreshed."""
    clocks = Clocks(-30)
    with skewed_server(clocks, send_date=False) as server:
        statuses = two_hours(server, clocks, asynchronous)
    failed = [index for index, status in enumerate(statuses) if status != 200]
    assert failed == list(range(0, 121, 26))  # reused while > 300 of its 1,800 s are left: 26 minutes
    assert {statuses[index] for index in failed} == {401}
    assert len(server.tokens) == 121 + len(failed)


def test_a_wrong_secret_costs_one_extra_attempt_and_raises_authentication_error() -> None:
    clocks = Clocks(600)
    with skewed_server(clocks) as server:
        auth = AccessKeyAuth(KEY_ID, "another-secret-access-key-0000000", clock=clocks.ours)
        client = sensenova_client.AuthenticatedClient("unused", base_url=server.url, httpx_args={"auth": auth})
        with client, pytest.raises(sensenova_client.errors.AuthenticationError, match="invalid token"):
            sensenova_client.api.chat.create_chat_completion.sync(
                client=client,
                body=sensenova_client.models.ChatCompletionRequest.from_dict(
                    {"model": "SenseChat", "messages": [{"role": "user", "content": "Hi"}]}
                ),
            )
    assert len(server.tokens) == 2
    assert auth.clock_offset == 0  # a Date that did not help is not kept
