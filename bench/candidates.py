"""The candidates: one way each of reading the same bytes from the benchmark server.

Each candidate makes a *session* for one base URL (scenario prefix included) and one route; the
harness times the session's methods, never its construction:

- ``stream()``: read a whole stream, return the number of events (the terminator excluded);
- ``first()``: open a stream, return ``(monotonic_ns when the first event was yielded, its id)``,
  then leave the stream (closing the connection);
- ``call()``: one non-streaming request, parsed as the candidate's users would get it.

Same work for everyone: the floor decodes every event's JSON; the generated clients and the
openai SDK build their typed models; nobody stops reading before the stream's end.

The generated clients run as installed (their streams parse JSON with msgspec); the ``+pure-json``
candidates are the same clients with json alone (``<PREFIX>_SPEEDUPS=0``). Both share one
package in this process, so each session sets the parser before every request.
"""

from __future__ import annotations

import asyncio
import functools
import importlib
import json
import socket
import ssl
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import httpx2

from bench import add_generated_to_path, payloads
from bench.payloads import Route

add_generated_to_path()

AUTH = {"Authorization": "Bearer bench-key"}


def read_answer(sock: socket.socket) -> bytes:
    """Read one answer with a Content-Length body (what bench.server sends to plain calls)."""
    buf = b""
    while b"\r\n\r\n" not in buf:
        buf += sock.recv(65536)
    head, _, body = buf.partition(b"\r\n\r\n")
    length = int(head.lower().split(b"content-length:", 1)[1].split(b"\r\n", 1)[0])
    while len(body) < length:
        body += sock.recv(65536)
    return body


@functools.cache
def tls_context() -> ssl.SSLContext:
    """One TLS context shared by every client the benchmark builds.

    Nothing here speaks TLS (the server is plain http on loopback), but every httpx2 (and httpx)
    client builds a context at construction (loading the trust store: ~50-100 ms each), and the
    harness builds dozens. Sharing one changes no measured work; it only keeps the run short.
    """
    return ssl.create_default_context()


def _id_of_dict(route: Route, payload: dict[str, Any]) -> str:
    return payload["data"]["id"] if route.wire == "sensenova" else payload["id"]


def _id_of_model(route: Route, event: Any) -> str:
    return event.data.id if route.wire == "sensenova" else event.id


def _sse_data(line: str) -> str | None:
    """The floor's line handling: the value of a ``data:`` line (one leading space dropped)."""
    if not line.startswith("data:"):
        return None
    return line[6:] if line[5:6] == " " else line[5:]


# --- the generated clients -------------------------------------------------------------------


class GeneratedSync:
    speedups = True  # parse stream events with msgspec (the default install); False: json alone

    def __init__(self, base_url: str, route: Route) -> None:
        package = importlib.import_module(route.package)
        self.set_parser = functools.partial(
            importlib.import_module(f"{route.package}.speedups").set_enabled, self.speedups
        )
        self.set_parser()  # fails here, not in the rounds, if msgspec is missing
        self.op = importlib.import_module(route.module)
        model = getattr(importlib.import_module(f"{route.package}.models"), route.request_model)
        self.route = route
        self.client = package.AuthenticatedClient(token="bench-key", base_url=base_url, verify_ssl=tls_context())
        self.body = model.from_dict(route.body)
        self.client.get_httpx_client()  # built lazily on first use otherwise: not what is measured

    def stream(self) -> int:
        self.set_parser()
        n = 0
        with self.op.stream(client=self.client, body=self.body) as events:
            for _ in events:
                n += 1
        return n

    def first(self) -> tuple[int, str]:
        self.set_parser()
        with self.op.stream(client=self.client, body=self.body) as events:
            for event in events:
                now = time.monotonic_ns()
                return now, _id_of_model(self.route, event)
        raise AssertionError("no event")

    def call(self) -> None:
        self.op.sync(client=self.client, body=self.body)

    def close(self) -> None:
        self.client.close()


class GeneratedAsync(GeneratedSync):
    def __init__(self, base_url: str, route: Route) -> None:
        super().__init__(base_url, route)
        self.client.get_async_httpx_client()

    async def stream(self) -> int:  # type: ignore[override]
        self.set_parser()
        n = 0
        async with self.op.astream(client=self.client, body=self.body) as events:
            async for _ in events:
                n += 1
        return n

    async def first(self) -> tuple[int, str]:  # type: ignore[override]
        self.set_parser()
        async with self.op.astream(client=self.client, body=self.body) as events:
            async for event in events:
                now = time.monotonic_ns()
                return now, _id_of_model(self.route, event)
        raise AssertionError("no event")

    async def call(self) -> None:  # type: ignore[override]
        await self.op.asyncio(client=self.client, body=self.body)

    async def aclose(self) -> None:
        await self.client.aclose()


class GeneratedSyncPure(GeneratedSync):
    speedups = False


class GeneratedAsyncPure(GeneratedAsync):
    speedups = False


# --- the floor: httpx2 iter_lines() + json.loads; the same loop on httpx 0.28.1 as a reference ---


def _http_library(name: str) -> Any:
    """httpx2 (the floor), or httpx 0.28.1 for the reference rows: imported only by those rows, so
    the bench runs without httpx installed once the reference is dropped."""
    return httpx2 if name == "httpx2" else importlib.import_module(name)


class HttpxSync:
    library = "httpx2"

    def __init__(self, base_url: str, route: Route) -> None:
        self.route = route
        self.client = _http_library(self.library).Client(base_url=base_url, headers=AUTH, verify=tls_context())
        self.stream_body = {**route.body, "stream": True}
        self.body = route.body

    def stream(self) -> int:
        n = 0
        done = False
        with self.client.stream("POST", self.route.path, json=self.stream_body) as response:
            response.raise_for_status()
            for line in response.iter_lines():
                data = _sse_data(line)
                if data is None:
                    continue
                if data == "[DONE]":
                    done = True
                    continue
                json.loads(data)
                n += 1
        assert done, "stream ended without its terminator"
        return n

    def first(self) -> tuple[int, str]:
        with self.client.stream("POST", self.route.path, json=self.stream_body) as response:
            for line in response.iter_lines():
                data = _sse_data(line)
                if data is not None:
                    payload = json.loads(data)
                    return time.monotonic_ns(), _id_of_dict(self.route, payload)
        raise AssertionError("no event")

    def call(self) -> None:
        response = self.client.post(self.route.path, json=self.body)
        response.raise_for_status()
        response.json()

    def close(self) -> None:
        self.client.close()


class HttpxAsync:
    library = "httpx2"

    def __init__(self, base_url: str, route: Route) -> None:
        self.route = route
        client = _http_library(self.library).AsyncClient
        self.client = client(base_url=base_url, headers=AUTH, verify=tls_context())
        self.stream_body = {**route.body, "stream": True}
        self.body = route.body

    async def stream(self) -> int:
        n = 0
        done = False
        async with self.client.stream("POST", self.route.path, json=self.stream_body) as response:
            response.raise_for_status()
            async for line in response.aiter_lines():
                data = _sse_data(line)
                if data is None:
                    continue
                if data == "[DONE]":
                    done = True
                    continue
                json.loads(data)
                n += 1
        assert done, "stream ended without its terminator"
        return n

    async def first(self) -> tuple[int, str]:
        async with self.client.stream("POST", self.route.path, json=self.stream_body) as response:
            async for line in response.aiter_lines():
                data = _sse_data(line)
                if data is not None:
                    payload = json.loads(data)
                    return time.monotonic_ns(), _id_of_dict(self.route, payload)
        raise AssertionError("no event")

    async def call(self) -> None:
        response = await self.client.post(self.route.path, json=self.body)
        response.raise_for_status()
        response.json()

    async def aclose(self) -> None:
        await self.client.aclose()


class HttpxRefSync(HttpxSync):
    """Reference only, not the floor: the same loop on httpx 0.28.1 (httpcore 1.0.9)."""

    library = "httpx"


class HttpxRefAsync(HttpxAsync):
    library = "httpx"


# --- httpx-sse ---------------------------------------------------------------------------------


class HttpxSse(HttpxSync):
    """httpx-sse 0.4.3 on an httpx2 client: it only calls ``client.stream()`` and reads the
    response's text (it imports httpx 0.28.1 for its annotations and its SSEError base)."""

    def __init__(self, base_url: str, route: Route) -> None:
        super().__init__(base_url, route)
        import httpx_sse

        self.connect_sse = httpx_sse.connect_sse

    def stream(self) -> int:
        n = 0
        done = False
        with self.connect_sse(self.client, "POST", self.route.path, json=self.stream_body) as source:
            source.response.raise_for_status()
            for sse in source.iter_sse():
                if sse.data == "[DONE]":
                    done = True
                    continue
                json.loads(sse.data)
                n += 1
        assert done, "stream ended without its terminator"
        return n

    def first(self) -> tuple[int, str]:
        with self.connect_sse(self.client, "POST", self.route.path, json=self.stream_body) as source:
            for sse in source.iter_sse():
                payload = json.loads(sse.data)
                return time.monotonic_ns(), _id_of_dict(self.route, payload)
        raise AssertionError("no event")

    call = None  # type: ignore[assignment]  # httpx-sse has nothing for non-streaming calls


# --- the openai SDK (OpenAI-compatible routes) -------------------------------------------------


class OpenAISync:
    def __init__(self, base_url: str, route: Route) -> None:
        import openai

        assert route.openai_prefix is not None
        self.route = route
        # The SDK appends "/chat/completions" or "/completions" to its base URL.
        # DefaultHttpxClient is the SDK's own default client (its timeout, limits, redirects).
        http_client = openai.DefaultHttpxClient(verify=tls_context())
        self.client = openai.OpenAI(
            base_url=base_url + route.openai_prefix, api_key="bench-key", http_client=http_client
        )
        self.create = (
            self.client.chat.completions.create if route.openai_kind == "chat" else self.client.completions.create
        )

    def stream(self) -> int:
        n = 0
        with self.create(**self.route.body, stream=True) as events:
            for _ in events:
                n += 1
        return n

    def first(self) -> tuple[int, str]:
        with self.create(**self.route.body, stream=True) as events:
            for event in events:
                return time.monotonic_ns(), event.id
        raise AssertionError("no event")

    def call(self) -> None:
        self.create(**self.route.body)

    def close(self) -> None:
        self.client.close()


# --- the official SenseNova SDK (`sensenova` on PyPI; SenseNova routes) -----------------------


class SenseNovaSdk:
    """The official SDK: module-level configuration, requests underneath, dict-like events.

    Keys and base URL go in per call (the SDK signs a JWT from them each time); it reuses one
    requests session per thread. It has no way to leave a stream early but dropping the generator.
    """

    def __init__(self, base_url: str, route: Route, verify: bool | str = True) -> None:
        import sensenova

        assert route.wire == "sensenova"
        self.route = route
        sensenova.verify_ssl_certs = verify  # passed to requests as `verify` (a CA file path works)
        chat = route.path.endswith("chat-completions")
        self.resource = resource = sensenova.ChatCompletion if chat else sensenova.Completion
        # The SDK appends "/llm/chat-completions" or "/llm/completions" to api_base.
        keys = {"access_key_id": "bench-ak", "secret_access_key": "bench-sk-" + "0" * 32}
        self.kwargs = {**keys, "api_base": base_url + "/v1", **route.body}
        self.create = resource.create

    def stream(self) -> int:
        n = 0
        for _ in self.create(**self.kwargs, stream=True):
            n += 1
        return n

    def first(self) -> tuple[int, str]:
        for event in self.create(**self.kwargs, stream=True):
            return time.monotonic_ns(), event.data.id
        raise AssertionError("no event")

    def call(self) -> None:
        self.create(**self.kwargs)

    def close(self) -> None:
        pass


# --- bare socket reader: what the server and the kernel can deliver ----------------------------


class BareSocket:
    """No HTTP library: a pre-built request, ``recv`` into a buffer, count bytes.

    It does next to no work per event on purpose: it shows the server side of the loopback
    delivers far more than any client consumes, so the server is never what is measured.
    """

    def __init__(self, base_url: str, route: Route) -> None:
        url = urlsplit(base_url)
        self.address = (url.hostname or "127.0.0.1", url.port or 80)
        self.route = route
        scenario = url.path.split("/")  # "", "x", kind, n, mode
        self.kind, self.n, self.mode = scenario[2], int(scenario[3]), scenario[4]
        body = json.dumps({**route.body, "stream": self.kind == "stream"}).encode()
        self.request = (
            b"POST %b%b HTTP/1.1\r\nHost: %b:%d\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n%b"
            % (url.path.encode(), route.path.encode(), self.address[0].encode(), self.address[1], len(body), body)
        )
        self.sock: socket.socket | None = None

    def _connect(self) -> socket.socket:
        if self.sock is None:
            self.sock = socket.create_connection(self.address)
            self.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        return self.sock

    def stream(self) -> int:
        """Read to the last chunk, counting events by their blank lines as the bytes go by."""
        sock = self._connect()
        sock.sendall(self.request)
        blank_lines = 0
        tail = b""
        recv = sock.recv
        while True:
            data = recv(262144)
            if not data:
                raise ConnectionError("server closed the connection")
            blank_lines += data.count(b"\n\n") + (tail[-1:] == b"\n" and data[:1] == b"\n")
            tail = (tail + data)[-5:]
            if tail == payloads.LAST_CHUNK:
                break
        if self.mode == "bulk":  # blank lines are intact there; "split" cuts them with chunk framing
            return blank_lines - 1  # the terminator's
        return self.n

    def first(self) -> tuple[int, str]:
        """De-chunk just enough to see the first complete event, then hang up."""
        sock = socket.create_connection(self.address)
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        try:
            sock.sendall(self.request)
            raw = b""
            while b"\r\n\r\n" not in raw:
                raw += sock.recv(65536)
            raw = raw.split(b"\r\n\r\n", 1)[1]
            body = b""
            while True:
                while True:  # take whole chunks out of raw
                    size_end = raw.find(b"\r\n")
                    if size_end < 0:
                        break
                    size = int(raw[:size_end], 16)
                    if len(raw) < size_end + 2 + size + 2:
                        break
                    body += raw[size_end + 2 : size_end + 2 + size]
                    raw = raw[size_end + 2 + size + 2 :]
                if b"\n\n" in body:
                    now = time.monotonic_ns()
                    frame = body.split(b"\n\n", 1)[0]
                    payload = json.loads(frame[len(self.route.prefix) :])
                    return now, _id_of_dict(self.route, payload)
                raw += sock.recv(65536)
        finally:
            sock.close()

    def call(self) -> None:
        sock = self._connect()
        sock.sendall(self.request)
        read_answer(sock)

    def close(self) -> None:
        if self.sock is not None:
            self.sock.close()
            self.sock = None


# The reference rows' names: httpx 0.28.1 + httpcore 1.0.9 (dev environment only), not the floor.
REF = "httpx-0.28.1 (ref)"
REF_ASYNC = "httpx-0.28.1-async (ref)"


@dataclass(frozen=True)
class Candidate:
    name: str
    is_async: bool
    factory: Callable[[str, Route], Any]
    floor: str | None  # the candidate its ratio is taken against
    openai_only: bool = False
    wire: str | None = None  # only routes of this wire format
    streams: bool = True
    calls: bool = True
    note: str = ""

    def supports(self, route: Route) -> bool:
        if self.wire is not None and route.wire != self.wire:
            return False
        return not self.openai_only or route.openai_prefix is not None

    def session(self, base_url: str, route: Route) -> Any:
        return self.factory(base_url, route)


CANDIDATES: dict[str, Candidate] = {
    c.name: c
    for c in (
        Candidate("bare-socket", False, BareSocket, "httpx2", note="raw socket, no parsing: the server's ceiling"),
        Candidate("httpx2", False, HttpxSync, None, note="floor: httpx2 iter_lines() + json.loads"),
        Candidate("httpx2-async", True, HttpxAsync, None, note="floor, async: aiter_lines() + json.loads"),
        Candidate(
            REF, False, HttpxRefSync, "httpx2", note="reference, not the floor: the floor's loop on httpx 0.28.1"
        ),
        Candidate(REF_ASYNC, True, HttpxRefAsync, "httpx2-async", note="reference, async, on httpx 0.28.1"),
        Candidate("generated", False, GeneratedSync, "httpx2", note="generated client, typed events"),
        Candidate("generated-async", True, GeneratedAsync, "httpx2-async", note="generated client, async"),
        # JSON answers of non-streaming calls are parsed by httpx2 (json) either way
        Candidate(
            "generated+pure-json", False, GeneratedSyncPure, "httpx2", calls=False, note="stream JSON by json alone"
        ),
        Candidate(
            "generated-async+pure-json",
            True,
            GeneratedAsyncPure,
            "httpx2-async",
            calls=False,
            note="async, stream JSON by json alone",
        ),
        Candidate(
            "httpx-sse", False, HttpxSse, "httpx2", calls=False, note="httpx-sse connect_sse on httpx2 + json.loads"
        ),
        Candidate("openai", False, OpenAISync, "httpx2", openai_only=True, note="openai SDK 3.x (typed chunks)"),
        Candidate("sensenova-sdk", False, SenseNovaSdk, "httpx2", wire="sensenova", note="official SenseNova SDK"),
    )
}


async def _aclose(session: Any) -> None:
    await session.aclose()


def close_session(session: Any, loop: asyncio.AbstractEventLoop) -> None:
    if hasattr(session, "aclose"):
        loop.run_until_complete(_aclose(session))
    else:
        session.close()
