"""An httpx2 client the user built, given to an openai-style client as `http_client=`.

The openai SDK sends its requests through such a client; here it becomes the innermost
transport: each request the package builds (its base URL, credential, headers, timeout) is sent
with the given client's `send()`, so its pool, proxy, TLS settings, mounts, event hooks and auth
apply, and the retry transport wraps it as it wraps the package's own transport. Its default
headers, query parameters and cookies are taken over when the client is built (the package's
own arguments win); its `base_url`, `timeout` and `follow_redirects` are not used (the package's
arguments are, as in the openai SDK). Closing the package's client closes it, as the openai SDK does.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import httpx2

from ..errors import ClientStateError
from .options import TRANSPORT_ARGS, refuse_old_httpx

if TYPE_CHECKING:
    import asyncio

__all__ = ["AsyncGivenTransport", "GivenTransport", "given_client_args"]

_DEFAULT_HEADERS: dict[str, str] | None = None


def _library_headers() -> dict[str, str]:
    """The headers httpx2 gives every client it builds (so not the user's)."""
    global _DEFAULT_HEADERS
    if _DEFAULT_HEADERS is None:
        probe = httpx2.Client(transport=httpx2.MockTransport(lambda request: httpx2.Response(204)), trust_env=False)
        _DEFAULT_HEADERS = {name.lower(): value for name, value in probe.headers.items()}
        probe.close()
    return _DEFAULT_HEADERS


def _answer(response: httpx2.Response) -> httpx2.Response:
    # A fresh response: the outer client binds its own request, history and stream to it.
    return httpx2.Response(
        response.status_code, headers=response.headers, stream=response.stream, extensions=response.extensions
    )


class GivenTransport(httpx2.BaseTransport):
    """Sends each request through the given httpx2.Client (see the module)."""

    def __init__(self, client: httpx2.Client) -> None:
        self._client = client

    def handle_request(self, request: httpx2.Request) -> httpx2.Response:
        return _answer(self._client.send(request, stream=True, follow_redirects=False))

    def close(self) -> None:
        self._client.close()


class AsyncGivenTransport(httpx2.AsyncBaseTransport):
    """Sends each request through the given httpx2.AsyncClient, in the event loop it was first used in."""

    def __init__(self, client: httpx2.AsyncClient) -> None:
        self._client = client
        self._loop: asyncio.AbstractEventLoop | None = None

    async def handle_async_request(self, request: httpx2.Request) -> httpx2.Response:
        import asyncio  # here, not at the top: importing the package skips its 10 ms

        loop = asyncio.get_running_loop()
        if self._loop is None:
            self._loop = loop
        elif self._loop is not loop:
            raise ClientStateError(
                "the httpx2.AsyncClient given as http_client= was first used in another event loop; its "
                "connections belong to that loop: give one per loop, or leave http_client out (one pool per loop)"
            )
        return _answer(await self._client.send(request, stream=True, follow_redirects=False))

    async def aclose(self) -> None:
        await self._client.aclose()


def given_client_args(
    http_client: object, asynchronous: bool, *, httpx_args: Mapping[str, Any] | None, verify_ssl: object
) -> dict[str, Any]:
    """The AuthenticatedClient arguments an `http_client=` brings: httpx_args with the transport
    that sends through it, and its default headers, query and cookies. A client of the wrong
    kind, or pool settings given twice (in httpx_args or verify_ssl, which it would ignore), is
    refused before any request."""
    refuse_old_httpx(http_client, "http_client")
    wanted = httpx2.AsyncClient if asynchronous else httpx2.Client
    if not isinstance(http_client, wanted):
        raise TypeError(
            f"http_client must be an {wanted.__module__}.{wanted.__name__}, got {type(http_client).__name__}"
        )
    args = dict(httpx_args or {})
    for key in ("transport", "mounts", *TRANSPORT_ARGS):
        if key in args:
            raise ValueError(f"httpx_args[{key!r}] next to http_client=: configure it on the http_client you built")
    if verify_ssl is not True:
        raise ValueError("verify_ssl= next to http_client=: pass verify= to the http_client you built")
    defaults = _library_headers()
    headers = {k: v for k, v in http_client.headers.items() if defaults.get(k.lower()) != v}
    transport = (
        AsyncGivenTransport(http_client) if isinstance(http_client, httpx2.AsyncClient) else GivenTransport(http_client)
    )
    return {
        "httpx_args": {**args, "transport": transport},
        "headers": headers,
        "query": dict(http_client.params.multi_items()),
        "cookies": dict(http_client.cookies),
    }
