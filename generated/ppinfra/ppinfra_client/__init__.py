"""Typed client for the PPInfra API.

`PPInfra` / `AsyncPPInfra`: openai-style clients (`client.completions...create(...)`).
`AuthenticatedClient` with the function modules of `ppinfra_client.api`: the low-level layer.
"""

from __future__ import annotations

import importlib
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
    ClientClosedError,
    ClientStateError,
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
    RequestBodyError,
    StreamError,
    StreamEventTooLargeError,
    StreamIdleTimeoutError,
    UnprocessableEntityError,
)

if TYPE_CHECKING:
    from ._clients import AsyncPPInfra, PPInfra
    from .streaming import AsyncFinalStream, AsyncStream, FinalStream, Stream, StreamResult

# Loaded on first use (PEP 562): importing the package stays as cheap as importing httpx2, and
# the streams load with the first operation module that needs them.
_LAZY = {
    "AsyncPPInfra": "._clients",
    "PPInfra": "._clients",
    "AsyncFinalStream": ".streaming",
    "AsyncStream": ".streaming",
    "FinalStream": ".streaming",
    "Stream": ".streaming",
    "StreamResult": ".streaming",
}

# An async client is used inside an event loop, which an import on its first attribute access
# would block (tens of milliseconds): importing one imports the resource modules, with their
# operation modules and models, at once (docs/event-loop.md). The sync clients stay lazy.
_ASYNC_CLIENTS = ("AsyncPPInfra",)


def _import_resources() -> None:
    import pkgutil

    resources = importlib.import_module(".resources", __name__)
    for found in pkgutil.iter_modules(resources.__path__):
        importlib.import_module(f"{resources.__name__}.{found.name}")


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    if name in _ASYNC_CLIENTS:
        _import_resources()
    value = getattr(importlib.import_module(module, __name__), name)
    globals()[name] = value  # later lookups skip __getattr__
    return value


__all__ = (
    "AsyncFinalStream",
    "AsyncPPInfra",
    "AsyncStream",
    "AuthenticatedClient",
    "Client",
    "FinalStream",
    "PPInfra",
    "Stream",
    "StreamResult",
    "APIConnectionError",
    "APIError",
    "APIResponseValidationError",
    "APIStatusError",
    "APITimeoutError",
    "AuthenticationError",
    "BadRequestError",
    "ClientClosedError",
    "ClientStateError",
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
    "RequestBodyError",
    "StreamError",
    "StreamEventTooLargeError",
    "StreamIdleTimeoutError",
    "UnprocessableEntityError",
    "__version__",
    "errors",
)
