"""The package logger's environment switch and the one line logged per call.

`<PREFIX>_LOG=info` or `<PREFIX>_LOG=debug` (e.g. `LANRUI_LOG=info`), read when any client is
created (an openai-style client, `Client` or `AuthenticatedClient`), sends the package logger
(named after the package, e.g. `lanrui_client`) to stderr at that level, as `OPENAI_LOG` does for
the openai SDK. Without it nothing is configured: the logger stays silent unless the application
configures `logging` itself.

What is logged: one INFO line per call, function modules and openai-style clients alike (method,
URL without its query, status, elapsed time; for a stream, the time until its head arrived), and
one per retry (retry.py). Never headers, query strings, credentials or bodies.
"""

from __future__ import annotations

import logging
import os
import time
import warnings

import httpx2

from .. import _provider

__all__ = ["LOG_ENV", "configure_from_env", "log_call", "logger"]

LOG_ENV = f"{_provider.ENV_PREFIX}_LOG"
_LEVELS = {"info": logging.INFO, "debug": logging.DEBUG}

logger = logging.getLogger(__name__.partition(".")[0])  # the package's name: lanrui_client
_handler: logging.Handler | None = None


def configure_from_env() -> None:
    """Apply `<PREFIX>_LOG` to the package logger (once; later calls only change the level)."""
    global _handler
    value = os.environ.get(LOG_ENV, "").strip().lower()
    if not value:
        return
    level = _LEVELS.get(value)
    if level is None:
        warnings.warn(f"{LOG_ENV}={value!r} is ignored: use 'info' or 'debug'", stacklevel=3)
        return
    if _handler is None:
        _handler = logging.StreamHandler()
        _handler.setFormatter(logging.Formatter("%(asctime)s %(name)s %(levelname)s %(message)s"))
        logger.addHandler(_handler)
    logger.setLevel(level)


def log_call(response: httpx2.Response, started: float) -> None:
    """One line for an answered call: `POST https://host/path -> 200 OK in 12.3 ms`."""
    if not logger.isEnabledFor(logging.INFO):
        return
    request = response.request
    url = request.url
    port = f":{url.port}" if url.port is not None else ""
    elapsed = (time.perf_counter() - started) * 1000
    logger.info(
        "%s %s://%s%s%s -> %d %s in %.1f ms",
        request.method,
        url.scheme,
        url.host,
        port,
        url.path,
        response.status_code,
        response.reason_phrase,
        elapsed,
    )
