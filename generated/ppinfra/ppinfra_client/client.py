"""The client objects the generated operations take: base URL, credentials, timeout, retries.

Provider facts (environment variable prefix, default base URL) come from `_provider.py`, which
the pipeline writes from the spec and codegen/providers.toml.
"""

from __future__ import annotations

import os
import ssl
from typing import Any, Self

import httpx

from . import _provider
from .errors import MissingCredentialsError

# Connect fails fast; a read may wait for a slow generation (time to first token can be long).
DEFAULT_TIMEOUT = httpx.Timeout(600.0, connect=5.0)
DEFAULT_MAX_RETRIES = 2

API_KEY_ENV = f"{_provider.ENV_PREFIX}_API_KEY"
BASE_URL_ENV = f"{_provider.ENV_PREFIX}_BASE_URL"


class _BearerAuth(httpx.Auth):
    """Adds the Authorization header per request; the key lives here, never in client headers."""

    def __init__(self, token: str) -> None:
        self._token = token

    def auth_flow(self, request: httpx.Request):  # type: ignore[no-untyped-def]
        request.headers["Authorization"] = f"Bearer {self._token}"
        yield request

    def __repr__(self) -> str:
        return "<BearerAuth token=***>"


class Client:
    """An unauthenticated client: base URL, timeout, TLS settings and the httpx clients.

    Arguments: `base_url` (default: the environment's <PREFIX>_BASE_URL, else the provider's
    server from the spec), `timeout` (seconds or httpx.Timeout; default 600 s, connect 5 s),
    `max_retries` (default 2), `verify_ssl`, `headers`, `cookies`, `follow_redirects`, and
    `httpx_args` passed to the httpx clients as they are built.
    """

    def __init__(
        self,
        base_url: str | None = None,
        *,
        timeout: float | httpx.Timeout | None = DEFAULT_TIMEOUT,
        max_retries: int = DEFAULT_MAX_RETRIES,
        verify_ssl: str | bool | ssl.SSLContext = True,
        headers: dict[str, str] | None = None,
        cookies: dict[str, str] | None = None,
        follow_redirects: bool = False,
        httpx_args: dict[str, Any] | None = None,
    ) -> None:
        self._base_url = base_url or os.environ.get(BASE_URL_ENV) or _provider.DEFAULT_BASE_URL
        self._timeout = timeout if isinstance(timeout, httpx.Timeout) else httpx.Timeout(timeout)
        if max_retries < 0:
            raise ValueError(f"max_retries must be >= 0, got {max_retries}")
        self.max_retries = max_retries
        self._verify_ssl = verify_ssl
        self._headers = dict(headers or {})
        self._cookies = dict(cookies or {})
        self._follow_redirects = follow_redirects
        self._httpx_args = dict(httpx_args or {})
        self._client: httpx.Client | None = None
        self._async_client: httpx.AsyncClient | None = None

    @property
    def base_url(self) -> str:
        return self._base_url

    def _auth(self) -> httpx.Auth | None:
        return None

    def _client_args(self) -> dict[str, Any]:
        return {
            "base_url": self._base_url,
            "cookies": self._cookies,
            "headers": self._headers,
            "timeout": self._timeout,
            "verify": self._verify_ssl,
            "follow_redirects": self._follow_redirects,
            "auth": self._auth(),
            **self._httpx_args,
        }

    def get_httpx_client(self) -> httpx.Client:
        if self._client is None:
            self._client = httpx.Client(**self._client_args())
        return self._client

    def set_httpx_client(self, client: httpx.Client) -> Self:
        self._client = client
        return self

    def get_async_httpx_client(self) -> httpx.AsyncClient:
        if self._async_client is None:
            self._async_client = httpx.AsyncClient(**self._client_args())
        return self._async_client

    def set_async_httpx_client(self, async_client: httpx.AsyncClient) -> Self:
        self._async_client = async_client
        return self

    def close(self) -> None:
        if self._client is not None:
            self._client.close()

    async def aclose(self) -> None:
        if self._async_client is not None:
            await self._async_client.aclose()

    def __enter__(self) -> Self:
        self.get_httpx_client().__enter__()
        return self

    def __exit__(self, *args: Any) -> None:
        self.get_httpx_client().__exit__(*args)

    async def __aenter__(self) -> Self:
        await self.get_async_httpx_client().__aenter__()
        return self

    async def __aexit__(self, *args: Any) -> None:
        await self.get_async_httpx_client().__aexit__(*args)

    def __repr__(self) -> str:
        return f"{type(self).__name__}(base_url={self._base_url!r})"


class AuthenticatedClient(Client):
    """A client that sends `Authorization: Bearer <key>`.

    The key is the `token` argument, else the environment's <PREFIX>_API_KEY; with neither,
    construction fails with MissingCredentialsError naming the variable. The key never appears
    in repr(), str() or any error message.
    """

    def __init__(self, token: str | None = None, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        token = token or os.environ.get(API_KEY_ENV)
        if not token:
            raise MissingCredentialsError(f"No API key: pass token=... or set the {API_KEY_ENV} environment variable.")
        self.__auth = _BearerAuth(token)

    def _auth(self) -> httpx.Auth:
        return self.__auth
