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
from .types import UNSET, Unset

if TYPE_CHECKING:
    from .client import Client

TimeoutArg = float | httpx.Timeout | None | Unset

# Request extension read by the retry transport (retry.py) to override the client's max_retries.
MAX_RETRIES_EXTENSION = "max_retries"


def request_options(timeout: TimeoutArg, max_retries: int | Unset) -> dict[str, Any]:
    """Keyword arguments for httpx's request/build_request that carry one call's options."""
    options: dict[str, Any] = {}
    if not isinstance(timeout, Unset):
        options["timeout"] = timeout
    if not isinstance(max_retries, Unset):
        if max_retries < 0:
            raise ValueError(f"max_retries must be >= 0, got {max_retries}")
        options["extensions"] = {MAX_RETRIES_EXTENSION: max_retries}
    return options


@contextlib.contextmanager
def translate_transport_errors(request: httpx.Request | None = None) -> Iterator[None]:
    """Re-raise httpx's transport errors as this package's connection/timeout errors."""
    try:
        yield
    except httpx.TimeoutException as exc:
        raise APITimeoutError(f"Request timed out ({type(exc).__name__}).", request=request) from exc
    except httpx.TransportError as exc:
        raise APIConnectionError(f"Connection error: {type(exc).__name__}: {exc}", request=request) from exc


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
