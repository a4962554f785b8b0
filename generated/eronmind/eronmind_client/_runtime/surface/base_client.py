"""What the openai-style clients (`<Provider>` and `Async<Provider>` in `_clients.py`) share.

Such a client wraps one AuthenticatedClient, which holds the credentials, base URL, connection
pools and the timeout and retry defaults, so the openai-style methods and the function modules
(`api/<tag>/<operation>.py`) behave alike. `with_options()` returns a copy that wraps the same
AuthenticatedClient (same pools, same credentials) with other defaults for its calls.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import TYPE_CHECKING, Any, NamedTuple, TypeVar

import httpx2

from ...types import UNSET, Unset
from ..http.given import given_client_args
from ..http.options import (
    CallOptions,
    DeadlineArg,
    TimeoutArg,
    checked_deadline,
    checked_headers,
    checked_max_retries,
    checked_query,
    checked_stream_idle_timeout,
)

if TYPE_CHECKING:
    from types import TracebackType

    from ..http.client import AuthenticatedClient

__all__ = ["AsyncClientBase", "CallDefaults", "SyncClientBase", "client_args", "default_headers_of"]


def default_headers_of(
    headers: Mapping[str, str] | None, default_headers: Mapping[str, str] | None
) -> dict[str, str] | None:
    """The client's headers from `headers=` or its openai SDK name `default_headers=`; both is a TypeError."""
    if headers is not None and default_headers is not None:
        raise TypeError("pass headers= or default_headers= (the openai SDK's name for it), not both")
    given = headers if headers is not None else default_headers
    return None if given is None else dict(given)


def client_args(
    http_client: object,
    asynchronous: bool,
    *,
    headers: Mapping[str, str] | None,
    default_headers: Mapping[str, str] | None,
    default_query: Mapping[str, object] | None,
    cookies: dict[str, str] | None,
    httpx_args: dict[str, Any] | None,
    verify_ssl: object,
) -> dict[str, Any]:
    """headers=, default_query=, cookies= and httpx_args= of an openai-style client's
    AuthenticatedClient: its own, over those of an `http_client=` (see http/given.py)."""
    headers = default_headers_of(headers, default_headers)
    if http_client is None:
        return {"headers": headers, "default_query": default_query, "cookies": cookies, "httpx_args": httpx_args}
    given = given_client_args(http_client, asynchronous, httpx_args=httpx_args, verify_ssl=verify_ssl)
    return {
        "headers": {**given["headers"], **(headers or {})},
        "default_query": {**given["query"], **(default_query or {})},
        "cookies": {**given["cookies"], **(cookies or {})},
        "httpx_args": given["httpx_args"],
    }


class CallDefaults(NamedTuple):
    """Per-call options a with_options() copy applies when a call does not give its own."""

    timeout: TimeoutArg = UNSET
    max_retries: int | Unset = UNSET
    deadline: DeadlineArg = UNSET
    stream_idle_timeout: DeadlineArg = UNSET
    headers: Mapping[str, str] = {}  # with_options(default_headers=): under a call's extra_headers
    query: Mapping[str, object] = {}  # with_options(default_query=): under a call's extra_query


_C = TypeVar("_C", bound="_ClientBase")


class _ClientBase:
    _api: AuthenticatedClient
    _defaults: CallDefaults

    def __init__(self, api: AuthenticatedClient) -> None:
        self._api = api
        self._defaults = CallDefaults()

    @property
    def base_url(self) -> str:
        return self._api.base_url

    @property
    def timeout(self) -> float | httpx2.Timeout | None:
        """The timeout of this client's calls (a call's `timeout=` overrides it)."""
        timeout = self._defaults.timeout
        return self._api.timeout if isinstance(timeout, Unset) else timeout

    @property
    def max_retries(self) -> int:
        """How often a failed call is retried (a call's `max_retries=` overrides it)."""
        retries = self._defaults.max_retries
        return self._api.max_retries if isinstance(retries, Unset) else retries

    @property
    def deadline(self) -> float | None:
        """Seconds a whole call of this client may take, None for no limit (a call's `deadline=` overrides it)."""
        deadline = self._defaults.deadline
        return self._api.deadline if isinstance(deadline, Unset) else deadline

    @property
    def stream_idle_timeout(self) -> float | None:
        """Seconds a stream of this client may wait for its next event, None for no limit
        (keep-alive comments and empty events count as waiting; a call's own overrides it)."""
        idle = self._defaults.stream_idle_timeout
        return self._api.stream_idle_timeout if isinstance(idle, Unset) else idle

    def with_options(
        self: _C,
        *,
        timeout: float | httpx2.Timeout | Unset | None = UNSET,
        max_retries: int | Unset = UNSET,
        deadline: float | Unset | None = UNSET,
        stream_idle_timeout: float | Unset | None = UNSET,
        base_url: str | None = None,
        api_key: str | None = None,
        default_headers: Mapping[str, str] | None = None,
        default_query: Mapping[str, object] | None = None,
    ) -> _C:
        """A copy whose calls use this timeout, max_retries, deadline and/or stream_idle_timeout,
        sharing this client's connection pool and credentials (closing either closes the pool of
        both). `default_headers` and `default_query` are merged over this client's (a call's
        extra_headers/extra_query still win). With `base_url` or `api_key` the copy has a
        connection pool of its own, which closing the copy closes (a pool serves one host and one
        credential), except an `http_client=` given to this client: every copy sends through it,
        and closing any closes it, as in the openai SDK; everything else is this client's."""
        if not isinstance(max_retries, Unset):
            max_retries = checked_max_retries(max_retries)
        if not isinstance(deadline, Unset):
            deadline = checked_deadline(deadline)
        if not isinstance(stream_idle_timeout, Unset):
            stream_idle_timeout = checked_stream_idle_timeout(stream_idle_timeout)
        headers = {**self._defaults.headers, **checked_headers(default_headers, "default_headers")}
        query = {**self._defaults.query, **checked_query(default_query, "default_query")}
        clone = object.__new__(type(self))
        clone._api = self._api if base_url is None and api_key is None else self._api._copy(base_url, api_key)
        clone._defaults = CallDefaults(
            self._defaults.timeout if isinstance(timeout, Unset) else timeout,
            self._defaults.max_retries if isinstance(max_retries, Unset) else max_retries,
            self._defaults.deadline if isinstance(deadline, Unset) else deadline,
            self._defaults.stream_idle_timeout if isinstance(stream_idle_timeout, Unset) else stream_idle_timeout,
            headers,
            query,
        )
        return clone

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickled as its AuthenticatedClient (configuration only, no credential: see
        http/client.py) and its call defaults; a credential in default_headers is refused."""
        if any(name.lower() == "authorization" for name in self._defaults.headers):
            raise TypeError(
                f"this {type(self).__name__} cannot be pickled: its with_options(default_headers=...) holds an "
                "Authorization, and a pickle never holds a credential; build the client in the worker"
            )
        return (_unpickled, (type(self), self._api, self._defaults))

    def _merged(self, options: CallOptions) -> CallOptions:
        """options with this copy's default headers and query under the call's own."""
        defaults = self._defaults
        if not defaults.headers and not defaults.query:
            return options
        return replace(
            options,
            extra_headers={**defaults.headers, **(options.extra_headers or {})},
            extra_query={**defaults.query, **(options.extra_query or {})},  # type: ignore[dict-item]
        )

    def _call_options(self, options: CallOptions) -> dict[str, Any]:
        """timeout=, max_retries= and deadline= for send.send / streaming: the call's, else this client's."""
        defaults = self._defaults
        return {
            "timeout": defaults.timeout if isinstance(options.timeout, Unset) else options.timeout,
            "max_retries": defaults.max_retries if isinstance(options.max_retries, Unset) else options.max_retries,
            "deadline": defaults.deadline if isinstance(options.deadline, Unset) else options.deadline,
        }

    def _idle_option(self, options: CallOptions) -> DeadlineArg:
        """stream_idle_timeout= for a stream: the call's, else this client's (UNSET: the AuthenticatedClient's)."""
        idle = options.stream_idle_timeout
        return self._defaults.stream_idle_timeout if isinstance(idle, Unset) else idle

    def __repr__(self) -> str:
        return f"{type(self).__name__}(base_url={self.base_url!r}, auth={self._api.auth_method!r})"

    __str__ = __repr__


def _unpickled(cls: type[_C], api: AuthenticatedClient, defaults: CallDefaults) -> _C:
    client = object.__new__(cls)
    client._api, client._defaults = api, defaults
    return client


class SyncClientBase(_ClientBase):
    def close(self) -> None:
        """Close the connection pool (shared with every with_options() copy)."""
        self._api.close()

    def __enter__(self: _C) -> _C:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()


class AsyncClientBase(_ClientBase):
    async def close(self) -> None:
        """Close the connection pool (shared with every with_options() copy)."""
        await self._api.aclose()

    async def __aenter__(self: _C) -> _C:
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self.close()
