"""A client library for accessing PPInfra Completions API"""

from . import errors
from ._provider import __version__
from .client import AuthenticatedClient, Client

__all__ = (
    "AuthenticatedClient",
    "Client",
    "__version__",
    "errors",
)
