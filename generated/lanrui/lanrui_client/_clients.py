"""`Lanrui` and `AsyncLanrui`: openai-style clients for Lanrui.

Generated from codegen/providers.toml and lanrui.yaml by codegen/surface.py; do not edit.
"""

from __future__ import annotations

import ssl
from collections.abc import Mapping
from functools import cached_property
from typing import TYPE_CHECKING, Any

import httpx2

from ._runtime.http.client import AuthenticatedClient
from ._runtime.http.options import (
    DEFAULT_DEADLINE,
    DEFAULT_MAX_EVENT_SIZE,
    DEFAULT_MAX_RETRIES,
    DEFAULT_STREAM_IDLE_TIMEOUT,
    DEFAULT_TIMEOUT,
)
from ._runtime.surface.base_client import AsyncClientBase, SyncClientBase, client_args

if TYPE_CHECKING:
    from .resources.chat import AsyncChat, Chat

__all__ = ["AsyncLanrui", "Lanrui"]


class Lanrui(SyncClientBase):
    """Lanrui client: `client.chat`;
    `with_options()` for a copy with other call defaults; `with` or `close()` to close it.
    """

    def __init__(
        self,
        api_key: str | None = None,
        *,
        base_url: str | None = None,
        timeout: float | httpx2.Timeout | None = DEFAULT_TIMEOUT,
        max_retries: int = DEFAULT_MAX_RETRIES,
        deadline: float | None = DEFAULT_DEADLINE,
        max_event_size: int = DEFAULT_MAX_EVENT_SIZE,
        stream_idle_timeout: float | None = DEFAULT_STREAM_IDLE_TIMEOUT,
        verify_ssl: str | bool | ssl.SSLContext = True,
        headers: dict[str, str] | None = None,
        cookies: dict[str, str] | None = None,
        follow_redirects: bool = False,
        httpx_args: dict[str, Any] | None = None,
        default_headers: Mapping[str, str] | None = None,
        default_query: Mapping[str, object] | None = None,
        http_client: httpx2.Client | None = None,
    ) -> None:
        """A client for Lanrui. Credentials, first match wins: `api_key=`,
        then the environment's LANRUI_API_KEY;
        with none, errors.MissingCredentialsError. `base_url` defaults to LANRUI_BASE_URL, else
        https://api.lanrui.co (an openai-style one ending in the API's version folder works too).
        `default_headers` and `default_query` are sent with every request (`default_headers` is the
        openai SDK's name for `headers`: pass one of the two). `http_client` is an httpx2.Client you
        built: requests go through its pool, proxy, TLS, mounts, event hooks and auth, with this
        client's retries, base URL, credential and timeout; its headers, query and cookies are
        taken over (these arguments win); pool settings in httpx_args or verify_ssl next to it are
        refused; closing this client closes it. The other arguments are
        AuthenticatedClient's (see `client.py`); LANRUI_LOG=info|debug turns on the package logger.
        """
        super().__init__(
            AuthenticatedClient(
                api_key,
                base_url=base_url,
                timeout=timeout,
                max_retries=max_retries,
                deadline=deadline,
                max_event_size=max_event_size,
                stream_idle_timeout=stream_idle_timeout,
                verify_ssl=verify_ssl,
                follow_redirects=follow_redirects,
                **client_args(
                    http_client,
                    False,
                    headers=headers,
                    default_headers=default_headers,
                    default_query=default_query,
                    cookies=cookies,
                    httpx_args=httpx_args,
                    verify_ssl=verify_ssl,
                ),
            )
        )

    @cached_property
    def chat(self) -> Chat:
        from .resources.chat import Chat

        return Chat(self)


class AsyncLanrui(AsyncClientBase):
    """Async Lanrui client: `client.chat`;
    `with_options()` for a copy with other call defaults; `async with` or `await close()` to close it.
    """

    def __init__(
        self,
        api_key: str | None = None,
        *,
        base_url: str | None = None,
        timeout: float | httpx2.Timeout | None = DEFAULT_TIMEOUT,
        max_retries: int = DEFAULT_MAX_RETRIES,
        deadline: float | None = DEFAULT_DEADLINE,
        max_event_size: int = DEFAULT_MAX_EVENT_SIZE,
        stream_idle_timeout: float | None = DEFAULT_STREAM_IDLE_TIMEOUT,
        verify_ssl: str | bool | ssl.SSLContext = True,
        headers: dict[str, str] | None = None,
        cookies: dict[str, str] | None = None,
        follow_redirects: bool = False,
        httpx_args: dict[str, Any] | None = None,
        default_headers: Mapping[str, str] | None = None,
        default_query: Mapping[str, object] | None = None,
        http_client: httpx2.AsyncClient | None = None,
    ) -> None:
        """A asynchronous client for Lanrui. Credentials, first match wins: `api_key=`,
        then the environment's LANRUI_API_KEY;
        with none, errors.MissingCredentialsError. `base_url` defaults to LANRUI_BASE_URL, else
        https://api.lanrui.co (an openai-style one ending in the API's version folder works too).
        `default_headers` and `default_query` are sent with every request (`default_headers` is the
        openai SDK's name for `headers`: pass one of the two). `http_client` is an httpx2.AsyncClient you
        built: requests go through its pool, proxy, TLS, mounts, event hooks and auth, with this
        client's retries, base URL, credential and timeout; its headers, query and cookies are
        taken over (these arguments win); pool settings in httpx_args or verify_ssl next to it are
        refused; closing this client closes it. The other arguments are
        AuthenticatedClient's (see `client.py`); LANRUI_LOG=info|debug turns on the package logger.
        """
        super().__init__(
            AuthenticatedClient(
                api_key,
                base_url=base_url,
                timeout=timeout,
                max_retries=max_retries,
                deadline=deadline,
                max_event_size=max_event_size,
                stream_idle_timeout=stream_idle_timeout,
                verify_ssl=verify_ssl,
                follow_redirects=follow_redirects,
                **client_args(
                    http_client,
                    True,
                    headers=headers,
                    default_headers=default_headers,
                    default_query=default_query,
                    cookies=cookies,
                    httpx_args=httpx_args,
                    verify_ssl=verify_ssl,
                ),
            )
        )

    @cached_property
    def chat(self) -> AsyncChat:
        from .resources.chat import AsyncChat

        return AsyncChat(self)
