"""How an operation call is sent: per-call options and httpx errors turned into typed ones.

The generated operation modules call `send`/`asend`; the streaming module uses `request_options`
and `translate_transport_errors` so that streaming and plain calls fail the same way.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

import httpx

from .errors import APIConnectionError, APITimeoutError
from .retry import MAX_RETRIES_EXTENSION, checked_max_retries
from .types import UNSET, Unset

if TYPE_CHECKING:
    from .client import Client

TimeoutArg = float | httpx.Timeout | None | Unset


def request_options(timeout: TimeoutArg, max_retries: int | Unset) -> dict[str, Any]:
    """Keyword arguments for httpx's request/build_request that carry one call's options."""
    options: dict[str, Any] = {}
    if not isinstance(timeout, Unset):
        options["timeout"] = timeout
    if not isinstance(max_retries, Unset):
        options["extensions"] = {MAX_RETRIES_EXTENSION: checked_max_retries(max_retries)}
    return options


@contextlib.contextmanager
def translate_transport_errors(request: httpx.Request | None = None) -> Iterator[None]:
    """Re-raise httpx's request errors as this package's connection/timeout errors.

    The message names the httpx error type and its text (e.g. "[Errno 111] Connection refused");
    neither contains headers. The original is chained as __cause__ for debugging.
    """
    try:
        yield
    except httpx.TimeoutException as exc:
        raise APITimeoutError(f"Request timed out ({type(exc).__name__}).", request=_request_of(exc, request)) from exc
    except httpx.RequestError as exc:  # transport errors, undecodable bodies, too many redirects
        detail = f": {exc}" if str(exc) else ""
        message = f"Connection error: {type(exc).__name__}{detail}"
        raise APIConnectionError(message, request=_request_of(exc, request)) from exc


def _request_of(exc: httpx.RequestError, fallback: httpx.Request | None) -> httpx.Request | None:
    try:
        return exc.request
    except RuntimeError:  # httpx raises this when the error was made without a request
        return fallback


def send(
    client: Client, kwargs: dict[str, Any], *, timeout: TimeoutArg = UNSET, max_retries: int | Unset = UNSET
) -> httpx.Response:
    with translate_transport_errors():
        return client.get_httpx_client().request(**kwargs, **request_options(timeout, max_retries))


async def asend(
    client: Client, kwargs: dict[str, Any], *, timeout: TimeoutArg = UNSET, max_retries: int | Unset = UNSET
) -> httpx.Response:
    with translate_transport_errors():
        return await client.get_async_httpx_client().request(**kwargs, **request_options(timeout, max_retries))


__all__ = ["MAX_RETRIES_EXTENSION", "TimeoutArg", "asend", "request_options", "send", "translate_transport_errors"]
