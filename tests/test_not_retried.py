"""Failures another attempt would meet again are not retried (1.x tried three times for nothing):
a server certificate that fails verification (a trustme CA the client does not trust), and a
proxy that refuses the CONNECT tunnel with 407 or 403. A proxy's 502 is still retried. Loopback
TLS and raw-socket proxies counting what reaches them, sync and async."""

from __future__ import annotations

import socket
import ssl
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
import trustme

from tests.client_cases import CANARY, MODES, PACKAGES, assert_error_hides_secrets, invoke
from tests.hostile import Request, raw_server

PROVIDER = "lanrui"
package = PACKAGES[PROVIDER]
errors = package.errors


@contextmanager
def untrusted_tls_server(folder: Path) -> Iterator[tuple[str, list[int]]]:
    """An HTTPS server whose certificate comes from a CA nobody trusts; counts the handshakes."""
    ca = trustme.CA()
    pem = folder / "server.pem"
    ca.issue_cert("127.0.0.1").private_key_and_cert_chain_pem.write_to_path(str(pem))
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(pem)
    listener = socket.create_server(("127.0.0.1", 0))
    listener.settimeout(0.05)
    accepted: list[int] = []
    stop = threading.Event()

    def serve() -> None:
        while not stop.is_set():
            try:
                raw, _ = listener.accept()
            except OSError:
                continue
            accepted.append(1)
            try:
                with context.wrap_socket(raw, server_side=True):
                    pass
            except (ssl.SSLError, OSError):
                continue  # the client refused the certificate, as it should

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        yield f"https://127.0.0.1:{listener.getsockname()[1]}", accepted
    finally:
        stop.set()
        thread.join()
        listener.close()


@MODES
def test_a_certificate_that_fails_verification_is_not_retried(tmp_path: Path, asynchronous: bool) -> None:
    with untrusted_tls_server(tmp_path) as (url, accepted):
        client = package.AuthenticatedClient(CANARY, base_url=url, max_retries=2)
        with pytest.raises(errors.APIConnectionError, match="CERTIFICATE_VERIFY_FAILED") as info:
            invoke(PROVIDER, client, asynchronous=asynchronous)
    assert len(accepted) == 1
    assert_error_hides_secrets(info.value)


def _proxy(status: int, reason: str) -> object:
    def script(conn: socket.socket, request: Request) -> None:
        conn.sendall(
            f"HTTP/1.1 {status} {reason}\r\nproxy-authenticate: Basic realm=x\r\ncontent-length: 0\r\n\r\n".encode()
        )

    return script


@MODES
@pytest.mark.parametrize(
    ("status", "reason", "attempts"),
    [(407, "Proxy Authentication Required", 1), (403, "Forbidden", 1), (502, "Bad Gateway", 3)],
)
def test_a_proxy_that_refuses_the_tunnel_is_not_retried(
    status: int, reason: str, attempts: int, asynchronous: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    with raw_server(_proxy(status, reason)) as proxy:  # type: ignore[arg-type]
        client = package.AuthenticatedClient(
            CANARY, base_url="https://api.example.invalid", max_retries=2, httpx_args={"proxy": proxy.url}
        )
        monkeypatch.setattr(package._runtime.http.retry.RetryPolicy, "backoff", lambda self, retry: 0.01)
        with pytest.raises(errors.APIConnectionError, match=str(status)):
            invoke(PROVIDER, client, asynchronous=asynchronous)
        lines = [request.line for request in proxy.requests]
    assert lines == ["CONNECT api.example.invalid:443 HTTP/1.1"] * attempts
