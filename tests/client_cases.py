"""Shared pieces of the auth, error and retry tests: one minimal call per provider, a client
aimed at the emulator, the canary secrets and the check that they never leak."""

from __future__ import annotations

import asyncio
import contextlib
import http.server
import itertools
import json
import threading
import traceback
import uuid
from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from types import ModuleType
from typing import Any

import pytest

from emulator import Emulator, Settings
from tests.cases import PACKAGES, main_operation

# Secrets no output of the package may ever contain. Distinct, so a leak names its source.
CANARY = "sk-CANARY-0b5e2f7d1c"
CANARY_SECRET = "CANARY-SECRET-9a4c3e-padded-to-32-bytes"
CANARY_KEY_ID = "canary-access-key-id"
CANARIES = (CANARY, CANARY_SECRET)


def operation(provider: str) -> ModuleType:
    """The function module of the provider's representative call (tests/cases.py main_operation)."""
    return main_operation(provider).module


def body(provider: str) -> Any:
    """Its smallest request body (the fixture request-minimal.json) as the request model."""
    case = main_operation(provider)
    return case.request_model.from_dict(case.minimal)


def call(provider: str, client: Any, *, asynchronous: bool = False, **options: Any) -> Any:
    """sync() (or, with asynchronous=True, the asyncio() coroutine) of the provider's operation."""
    module = operation(provider)
    function: Callable[..., Any] | Callable[..., Awaitable[Any]] = module.asyncio if asynchronous else module.sync
    return function(client=client, body=body(provider), **options)


def invoke(provider: str, client: Any, *, asynchronous: bool, **options: Any) -> Any:
    """One call in a fresh client context: sync(), or asyncio() run in its own event loop."""
    if not asynchronous:
        with client:
            return call(provider, client, **options)

    async def main() -> Any:
        async with client:
            return await call(provider, client, asynchronous=True, **options)

    return asyncio.run(main())


MODES = pytest.mark.parametrize("asynchronous", [False, True], ids=["sync", "async"])


def make_client(
    emulator: Any, provider: str, *, fault: str | None = None, tag: str | None = None, **kwargs: Any
) -> Any:
    """An AuthenticatedClient aimed at the emulator, with the emulator's key unless given one.

    `fault` becomes the X-Emulator-Fault header of every request this client sends, `tag` its
    X-Emulator-Tag header (find the requests again with `tagged`).
    """
    kwargs.setdefault("base_url", emulator.base_url(provider))
    if not {"api_key", "token", "access_key_id", "secret_access_key"} & kwargs.keys():
        kwargs["api_key"] = emulator.api_key(provider)
    headers = dict(kwargs.get("headers") or {})
    if fault is not None:
        headers["X-Emulator-Fault"] = fault
    if tag is not None:
        headers["X-Emulator-Tag"] = tag
    kwargs["headers"] = headers
    return PACKAGES[provider].AuthenticatedClient(**kwargs)


def unique(name: str) -> str:
    """A tag or fault id no other test (or earlier run of this one) uses."""
    return f"{name}-{next(_counter)}-{uuid.uuid4().hex[:8]}"


_counter = itertools.count()


def tagged(emulator: Any, tag: str) -> list[Any]:
    """The requests the emulator received whose X-Emulator-Tag or X-Emulator-Fault contains tag."""
    return [
        r
        for r in list(emulator.requests)
        if tag in r.headers.get("x-emulator-tag", "") or tag in r.headers.get("x-emulator-fault", "")
    ]


@contextmanager
def canary_emulator() -> Iterator[Emulator]:
    """An emulator that accepts only the canary API key and the canary access key pair, so that
    every error path can be walked with a secret we then search for in everything the package shows."""
    settings = Settings(
        api_keys={key: CANARY for key in PACKAGES},
        access_keys={CANARY_KEY_ID: CANARY_SECRET},
    )
    with Emulator(settings=settings) as running:
        yield running


def clear_credentials_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for package in PACKAGES.values():
        prefix = package._provider.ENV_PREFIX
        for suffix in ("API_KEY", "BASE_URL", "ACCESS_KEY_ID", "SECRET_ACCESS_KEY"):
            monkeypatch.delenv(f"{prefix}_{suffix}", raising=False)


def assert_no_secret(*texts: str, extra: tuple[str, ...] = ()) -> None:
    """No canary (and none of `extra`, e.g. tokens minted during the test) in any of texts."""
    for text in texts:
        for canary in (*CANARIES, *extra):
            assert canary not in text, f"secret {canary!r} leaked into: {text[:2000]}"


def rendered(exc: BaseException) -> list[str]:
    """Every way an error is commonly shown: str, repr, the full chained traceback, and the
    str/repr of its causes and of the attributes it carries (message, body, request, response)."""
    texts = [str(exc), repr(exc), "".join(traceback.format_exception(exc))]
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        texts += [str(current), repr(current)]
        for name in ("message", "body", "request", "response", "code", "request_id", "args"):
            # httpx2 errors made without a request raise RuntimeError on .request
            with contextlib.suppress(AttributeError, RuntimeError):
                texts.append(repr(getattr(current, name)))
        response = getattr(current, "response", None)
        if response is not None:
            texts += [repr(response.headers), repr(response.request), repr(response.request.headers)]
        current = current.__cause__ or current.__context__
    return texts


def assert_error_hides_secrets(
    exc: BaseException, caplog: pytest.LogCaptureFixture | None = None, *, extra: tuple[str, ...] = ()
) -> None:
    assert_no_secret(*rendered(exc), extra=extra)
    if caplog is not None:
        assert_logs_hide_secrets(caplog, extra=extra)


def assert_logs_hide_secrets(caplog: pytest.LogCaptureFixture, *, extra: tuple[str, ...] = ()) -> None:
    records = [f"{r.name} {r.getMessage()} {r.args!r} {r.exc_text or ''}" for r in caplog.records]
    assert_no_secret(*records, extra=extra)


class _Handler(http.server.BaseHTTPRequestHandler):
    """Answers every request with the server's canned status, headers and body."""

    def do_POST(self) -> None:
        server: LocalServer = self.server  # type: ignore[assignment]
        raw = self.rfile.read(int(self.headers.get("content-length") or 0))
        server.bodies.append(json.loads(raw) if raw else None)
        server.seen.append(dict(self.headers))
        server.targets.append(self.path)  # the request target: absolute-form when we are a proxy
        status, headers, payload = server.reply(dict(self.headers))
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("content-length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def log_message(self, format: str, *args: Any) -> None:  # quiet
        pass


class LocalServer(http.server.ThreadingHTTPServer):
    """A loopback server for answers the emulator does not give (echoed keys, request ids)."""

    daemon_threads = True

    def __init__(self, reply: Callable[[dict[str, str]], tuple[int, dict[str, str], bytes]]) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.reply = reply
        self.seen: list[dict[str, str]] = []
        self.targets: list[str] = []
        self.bodies: list[Any] = []  # the JSON bodies received

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"


@contextmanager
def local_server(reply: Callable[[dict[str, str]], tuple[int, dict[str, str], bytes]]) -> Iterator[LocalServer]:
    server = LocalServer(reply)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
