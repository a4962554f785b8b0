"""Deeply nested JSON from the server never raises anything outside errors.APIError: too deep for
the parser (5,000 `[` in 10 KB: json and msgspec raise RecursionError), or parseable but
too deep for whatever walks it afterwards (600 levels: masking, repr, pickling). Every body and
frame a call reads: a 200 answer, a 400 and a 500 body, a stream's error status, its JSON answer
to a stream request, an `event: error` frame, a data frame and an error member inside one.
Raw-socket servers, all four packages, sync and async, both stream parsers."""

from __future__ import annotations

import asyncio
import pickle
import traceback
from typing import Any

import pytest

from tests.client_cases import CANARY, MODES, PACKAGES, body, call, operation
from tests.hostile import answer, head, raw_server

STREAM_HEAD = head(200, {"content-type": "text/event-stream", "connection": "close"})


def nested(depth: int, inner: str = "1") -> str:
    return "[" * depth + inner + "]" * depth


# Bodies and frames: unparseable (too deep for any parser) and parseable-but-deep in each place
# the runtime looks (error member, message, code, free-form members).
DEEP_TEXTS = {
    "unparseable": nested(5000),
    "unparseable-objects": '{"a": ' * 3000 + "1" + "}" * 3000,
    "error-message": '{"error": {"message": ' + nested(600) + ', "code": ' + nested(600) + "}}",
    "error-member": '{"error": ' + nested(600) + "}",
    "status-frame": '{"status": {"code": 16, "message": ' + nested(600) + "}}",
    "free-form": '{"id": "x", "choices": ' + nested(600) + ', "extra": ' + nested(600) + "}",
}


def _check(exc: Any, package: Any) -> None:
    assert isinstance(exc, package.errors.APIError), repr(exc)
    rendered = [str(exc), repr(exc), "".join(traceback.format_exception(exc))]
    assert all(rendered)
    assert type(pickle.loads(pickle.dumps(exc))) is type(exc)


def _outcome(function: Any, asynchronous: bool) -> Any:
    try:
        return asyncio.run(function()) if asynchronous else function()
    except Exception as exc:
        return exc


def _plain(provider: str, server_url: str, asynchronous: bool) -> Any:
    client = PACKAGES[provider].AuthenticatedClient(CANARY, base_url=server_url, max_retries=0)
    if not asynchronous:

        def run_sync() -> Any:
            with client:
                return call(provider, client)

        return _outcome(run_sync, False)

    async def run_async() -> Any:
        async with client:
            return await call(provider, client, asynchronous=True)

    return _outcome(run_async, True)


def _streamed(provider: str, server_url: str, asynchronous: bool) -> Any:
    client = PACKAGES[provider].AuthenticatedClient(CANARY, base_url=server_url, max_retries=0)
    module = operation(provider)
    if not asynchronous:

        def run_sync() -> Any:
            with client, module.stream(client=client, body=body(provider)) as stream:
                return stream.until_done()

        return _outcome(run_sync, False)

    async def run_async() -> Any:
        async with client, module.astream(client=client, body=body(provider)) as stream:
            return await stream.until_done()

    return _outcome(run_async, True)


def _serving(payload: bytes) -> Any:
    return raw_server(lambda conn, request: conn.sendall(payload))


@MODES
@pytest.mark.parametrize("status", [200, 400, 500])
@pytest.mark.parametrize("provider", PACKAGES)
def test_a_deep_answer_body_is_a_typed_error(provider: str, status: int, asynchronous: bool) -> None:
    for name, text in DEEP_TEXTS.items():
        with _serving(answer(status, text.encode())) as server:
            outcome = _plain(provider, server.url, asynchronous)
        if status == 200 and name == "free-form" and not isinstance(outcome, Exception):
            continue  # a result whose free-form members are deep: the caller's to walk
        _check(outcome, PACKAGES[provider])


def _frames(kind: str, text: str) -> bytes:
    if kind == "error-status":
        return answer(400, text.encode())
    if kind == "json-answer":
        return answer(200, text.encode())
    if kind == "error-event":
        return STREAM_HEAD + b"event: error\ndata: " + text.encode() + b"\n\n"
    return STREAM_HEAD + b"data: " + text.encode() + b"\n\n"  # a data frame


@pytest.mark.usefixtures("json_parser")
@MODES
@pytest.mark.parametrize("kind", ["error-status", "json-answer", "error-event", "data-frame"])
@pytest.mark.parametrize("provider", PACKAGES)
def test_a_deep_stream_body_or_frame_is_a_typed_error(provider: str, kind: str, asynchronous: bool) -> None:
    for text in DEEP_TEXTS.values():
        with _serving(_frames(kind, text)) as server:
            outcome = _streamed(provider, server.url, asynchronous)
        _check(outcome, PACKAGES[provider])
