"""Typed client for the SenseNova API.

`SenseNova` / `AsyncSenseNova`: openai-style clients (`client.completions...create(...)`).
`AuthenticatedClient` with the function modules of `sensenova_client.api`: the low-level layer.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from . import errors
from ._provider import __version__
from .client import AuthenticatedClient, Client
from .errors import (
    APIConnectionError,
    APIError,
    APIResponseValidationError,
    APIStatusError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    ConflictError,
    IncompleteStreamError,
    InternalServerError,
    InvalidCredentialsError,
    MalformedStreamEventError,
    MissingCredentialsError,
    NotAStreamError,
    NotFoundError,
    PermissionDeniedError,
    ProviderError,
    RateLimitError,
    StreamError,
    StreamEventTooLargeError,
    UnprocessableEntityError,
)

if TYPE_CHECKING:
    from ._clients import AsyncSenseNova, SenseNova

# The openai-style clients load on first use: importing the package stays as cheap as importing httpx2.
_LAZY = frozenset({"AsyncSenseNova", "SenseNova"})


def __getattr__(name: str) -> Any:
    if name not in _LAZY:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from . import _clients

    value = getattr(_clients, name)
    globals()[name] = value  # later lookups skip __getattr__
    return value


__all__ = (
    "AsyncSenseNova",
    "AuthenticatedClient",
    "Client",
    "SenseNova",
    "APIConnectionError",
    "APIError",
    "APIResponseValidationError",
    "APIStatusError",
    "APITimeoutError",
    "AuthenticationError",
    "BadRequestError",
    "ConflictError",
    "IncompleteStreamError",
    "InternalServerError",
    "InvalidCredentialsError",
    "MalformedStreamEventError",
    "MissingCredentialsError",
    "NotAStreamError",
    "NotFoundError",
    "PermissionDeniedError",
    "ProviderError",
    "RateLimitError",
    "StreamError",
    "StreamEventTooLargeError",
    "UnprocessableEntityError",
    "__version__",
    "errors",
)
