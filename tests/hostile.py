"""A loopback server that misbehaves on purpose, written on raw sockets (no HTTP library), so
it can do what no well-behaved server does: drip bytes, stall, reset, echo secrets, answer a
stream request with an HTML page.

`RawServer(script)` accepts connections on a free port and runs `script(conn, request)` in a
thread per connection, after reading one request (head and Content-Length body). Helpers build
the answers: `head(...)` for a status line and headers, `send_json(...)` for a whole answer.
"""

from __future__ import annotations

import contextlib
import json
import socket
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any


@dataclass
class Request:
    """One request as the server read it: the request line and headers (lower-case names)."""

    line: str
    headers: dict[str, str]
    body: bytes = b""
    target: str = field(init=False)

    def __post_init__(self) -> None:
        self.target = self.line.split(" ")[1] if " " in self.line else ""

    def json(self) -> Any:
        return json.loads(self.body)


Script = Callable[[socket.socket, Request], None]


def read_request(conn: socket.socket) -> Request | None:
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = conn.recv(65536)
        if not chunk:
            return None
        data += chunk
    head, _, rest = data.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    headers = {}
    for line in lines[1:]:
        name, _, value = line.partition(":")
        headers[name.strip().lower()] = value.strip()
    length = int(headers.get("content-length", "0") or 0)
    while len(rest) < length:
        chunk = conn.recv(65536)
        if not chunk:
            break
        rest += chunk
    return Request(lines[0], headers, rest[:length])


def head(status: int = 200, headers: dict[str, str] | None = None, reason: str = "OK") -> bytes:
    lines = [f"HTTP/1.1 {status} {reason}"] + [f"{k}: {v}" for k, v in (headers or {}).items()]
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")


def answer(status: int, payload: bytes, content_type: str = "application/json", **headers: str) -> bytes:
    """A whole answer that closes the connection after the body."""
    all_headers = {"content-type": content_type, "content-length": str(len(payload)), "connection": "close"}
    all_headers.update({k.replace("_", "-"): v for k, v in headers.items()})
    return head(status, all_headers) + payload


def send_json(conn: socket.socket, status: int, obj: Any, **headers: str) -> None:
    conn.sendall(answer(status, json.dumps(obj).encode(), **headers))


class RawServer:
    def __init__(self, script: Script) -> None:
        self.script = script
        self.sock = socket.create_server(("127.0.0.1", 0), backlog=128)
        self.sock.settimeout(0.05)
        self.requests: list[Request] = []
        self.connections = 0
        self.open_connections: set[socket.socket] = set()
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._threads: list[threading.Thread] = []
        self._acceptor = threading.Thread(target=self._accept, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.sock.getsockname()[1]}"

    def _accept(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except (TimeoutError, OSError):
                continue
            with self._lock:
                self.connections += 1
                self.open_connections.add(conn)
            thread = threading.Thread(target=self._serve, args=(conn,), daemon=True)
            self._threads.append(thread)
            thread.start()

    def _serve(self, conn: socket.socket) -> None:
        try:
            request = read_request(conn)
            if request is not None:
                with self._lock:
                    self.requests.append(request)
                self.script(conn, request)
        except OSError:
            pass  # the client went away: that is often the point
        finally:
            with self._lock:
                self.open_connections.discard(conn)
            with contextlib.suppress(OSError):
                conn.close()

    def __enter__(self) -> RawServer:
        self._acceptor.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._acceptor.join()
        with self._lock:
            for conn in list(self.open_connections):
                with contextlib.suppress(OSError):
                    conn.shutdown(socket.SHUT_RDWR)
        for thread in self._threads:
            thread.join(timeout=5)
        self.sock.close()


@contextlib.contextmanager
def raw_server(script: Script) -> Iterator[RawServer]:
    with RawServer(script) as server:
        yield server


def drip(conn: socket.socket, data: bytes, every: float, stop: threading.Event | None = None) -> None:
    """Send data one byte at a time, `every` seconds apart (until the client goes away)."""
    for byte in data:
        if stop is not None and stop.is_set():
            return
        conn.sendall(bytes([byte]))
        time.sleep(every)
