"""Environment proxies route as httpx2 routes them: the client's retry wrapper replaces httpx2's
own transport, so it decides itself, and must decide the same for every NO_PROXY form (a domain
and its subdomains, `.domain`, `*.domain`, `host:port`, IPv4 and IPv6 addresses, CIDR ranges,
`*`, a scheme). 1.x used urllib's proxy_bypass, which ignores an entry with a port: the request,
key included, went to the proxy. Compared with httpx2.Client(trust_env=True) itself, and end to
end with a loopback forward proxy, all four packages, sync and async."""

from __future__ import annotations

import functools
import socket
from typing import Any

import httpx2
import pytest

from tests.client_cases import CANARY, MODES, PACKAGES, invoke, local_server

PROXY = "http://127.0.0.1:3128"
PROXY_VARIABLES = ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "NO_PROXY", "http_proxy", "https_proxy", "all_proxy")
PROXY_VARIABLES += ("no_proxy",)

# (NO_PROXY, base URL)
CASES = [
    ("127.0.0.1:8000", "http://127.0.0.1:8000/v1"),
    ("127.0.0.1:8000", "http://127.0.0.1:9000/v1"),
    ("localhost:8443", "https://localhost:8443"),
    ("api.example.com:443", "https://api.example.com"),
    ("example.com", "https://api.example.com/v1"),
    ("example.com", "https://example.com"),
    ("example.com", "https://badexample.com"),
    (".example.com", "https://example.com"),
    (".example.com", "https://api.example.com"),
    ("*.example.com", "https://api.example.com"),
    ("*.example.com", "https://example.com"),
    ("10.0.0.0/8", "http://10.1.2.3:8000"),
    ("10.0.0.0/8", "http://11.1.2.3:8000"),
    ("192.168.1.5", "http://192.168.1.5"),
    ("::1", "http://[::1]:8000"),
    ("[::1]:8000", "http://[::1]:8000"),
    ("fd00::/8", "http://[fd00::5]:8000"),
    ("*", "https://api.example.com"),
    ("localhost, api.example.com ,other.org", "https://api.example.com"),
    ("http://api.example.com", "https://api.example.com"),
    ("", "https://api.example.com"),
]


@pytest.fixture(autouse=True)
def _no_proxies(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in PROXY_VARIABLES:
        monkeypatch.delenv(name, raising=False)


@functools.cache
def httpx2_uses_the_proxy(url: str, no_proxy: str) -> bool:
    """What httpx2.Client(trust_env=True) does with url under HTTP(S)_PROXY=PROXY and no_proxy."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("NO_PROXY", no_proxy)
        client = httpx2.Client(trust_env=True)
    with client:
        return client._transport_for_url(httpx2.URL(url)) is not client._transport


@pytest.mark.parametrize("package", list(PACKAGES.values()), ids=list(PACKAGES))
def test_every_no_proxy_form_is_decided_as_httpx2_decides(package: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HTTPS_PROXY", PROXY)
    monkeypatch.setenv("HTTP_PROXY", PROXY)
    differ = []
    for no_proxy, url in CASES:
        monkeypatch.setenv("NO_PROXY", no_proxy)
        ours = package._runtime.http.client._environment_proxy(url) is not None
        if ours != httpx2_uses_the_proxy(url, no_proxy):
            differ.append((no_proxy, url, "proxy" if ours else "direct"))
    assert not differ, differ


def _closed_port() -> int:
    with socket.socket() as unused:
        unused.bind(("127.0.0.1", 0))
        return int(unused.getsockname()[1])


@MODES
@pytest.mark.parametrize("provider", PACKAGES)
def test_a_no_proxy_entry_with_a_port_sends_the_request_direct(
    provider: str, asynchronous: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    from_proxy = (503, {"content-type": "application/json"}, b'{"error": {"message": "from the proxy"}}')
    direct = (401, {"content-type": "application/json"}, b'{"error": {"message": "direct"}}')
    errors = PACKAGES[provider].errors
    with local_server(lambda headers: from_proxy) as proxy, local_server(lambda headers: direct) as server:
        port = server.server_address[1]
        monkeypatch.setenv("HTTP_PROXY", proxy.url)
        monkeypatch.setenv("NO_PROXY", f"example.org,127.0.0.1:{port}")
        client = PACKAGES[provider].AuthenticatedClient(CANARY, base_url=f"{server.url}/api")
        with pytest.raises(errors.AuthenticationError, match="direct"):
            invoke(provider, client, asynchronous=asynchronous, max_retries=0)
        monkeypatch.setenv("NO_PROXY", f"127.0.0.1:{_closed_port()}")  # another port: through the proxy
        client = PACKAGES[provider].AuthenticatedClient(CANARY, base_url=f"{server.url}/api")
        with pytest.raises(errors.InternalServerError, match="from the proxy"):
            invoke(provider, client, asynchronous=asynchronous, max_retries=0)
    assert len(server.seen) == 1 and len(proxy.seen) == 1
