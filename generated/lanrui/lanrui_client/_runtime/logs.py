"""The package logger's environment switch and every line it logs about a call.

`<PREFIX>_LOG=info` or `<PREFIX>_LOG=debug` (e.g. `LANRUI_LOG=info`), read when any client is
created (an openai-style client, `Client` or `AuthenticatedClient`), sends the package logger
(named after the package, e.g. `lanrui_client`) to stderr at that level, as `OPENAI_LOG` does for
the openai SDK. Without it nothing is configured: the logger stays silent unless the application
configures `logging` itself.

INFO, per call: its outcome, one line (method, URL without its query, status, elapsed time, the
attempts when there were several; for a stream, the time until its head arrived, and a second
line if the stream then fails), or the error it failed with; one line per retry (retry.py).
DEBUG adds, per attempt, the request headers as sent and the answer's status, headers and time;
each retry decision, taken or not, with its reason; a stream's end (events, time to its body's
first bytes, total time). Every line carries the request id once an answer brought one (`[request id ...]`).
Never query strings, credentials or bodies: headers go through redact.masked_headers, and the
filter redact.py puts on this logger masks every live credential in whatever it logs.
"""

from __future__ import annotations

import logging
import os
import time
import warnings

import httpx2

from .. import _provider
from .errors import request_id_of
from .redact import masked_headers, secrets_of

__all__ = [
    "ATTEMPT_EXTENSION",
    "LOG_ENV",
    "configure_from_env",
    "log_answer",
    "log_attempt",
    "log_call",
    "log_failure",
    "log_not_retried",
    "log_retry",
    "log_stream_end",
    "logger",
    "shown_url",
]

LOG_ENV = f"{_provider.ENV_PREFIX}_LOG"
_LEVELS = {"info": logging.INFO, "debug": logging.DEBUG}
# Request extension the retry transport sets: the number of the attempt under way (1 for the first).
ATTEMPT_EXTENSION = "attempt"

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


def shown_url(url: httpx2.URL) -> str:
    """scheme://host[:port]/path: the whole URL but its query (which may hold a key) and userinfo."""
    port = f":{url.port}" if url.port is not None else ""
    host = f"[{url.host}]" if ":" in url.host else url.host
    return f"{url.scheme}://{host}{port}{url.path}"


def _call(request: httpx2.Request) -> str:
    return f"{request.method} {shown_url(request.url)}"


def _id(response: httpx2.Response | None) -> str:
    request_id = None if response is None else request_id_of(response.headers)
    return f" [request id {request_id}]" if request_id else ""


def _ms(started: float) -> float:
    return (time.perf_counter() - started) * 1000


def _attempts(request: httpx2.Request) -> str:
    attempt = request.extensions.get(ATTEMPT_EXTENSION, 1)
    return f" after {attempt} attempts" if isinstance(attempt, int) and attempt > 1 else ""


def _headers(headers: httpx2.Headers, request: httpx2.Request) -> str:
    return "{" + ", ".join(f"{name}: {value}" for name, value in masked_headers(headers, secrets_of(request))) + "}"


def log_call(response: httpx2.Response, started: float) -> None:
    """INFO, a call's answer: `POST https://host/path -> 200 OK in 12.3 ms [request id abc]`."""
    if not logger.isEnabledFor(logging.INFO):
        return
    request = response.request
    logger.info(
        "%s -> %d %s in %.1f ms%s%s",
        _call(request),
        response.status_code,
        response.reason_phrase,
        _ms(started),
        _attempts(request),
        _id(response),
    )


def log_failure(
    request: httpx2.Request | None, error: BaseException, started: float, response: httpx2.Response | None = None
) -> None:
    """INFO, a call that ended in an error: `POST https://host/path failed in 3012.5 ms after 3
    attempts: APIConnectionError: Connection error: ...` (the error's own message, already masked)."""
    if not logger.isEnabledFor(logging.INFO):
        return
    where = "a call" if request is None else _call(request)
    attempts = "" if request is None else _attempts(request)
    logger.info(
        "%s failed in %.1f ms%s: %s: %s%s", where, _ms(started), attempts, type(error).__name__, error, _id(response)
    )


def log_retry(
    request: httpx2.Request, response: httpx2.Response | None, retry: int, limit: int, wait: float, reason: str
) -> None:
    """INFO, a retry about to wait: `Retrying POST https://host:443/path in 0.50 s (retry 1 of 2) after status 503`."""
    line = "Retrying %s in %.2f s (retry %d of %d) after %s%s"
    logger.info(line, _call(request), wait, retry + 1, limit, reason, _id(response))


def log_not_retried(request: httpx2.Request, response: httpx2.Response | None, reason: str, why: str) -> None:
    """DEBUG, a failed attempt that is not retried, and why."""
    logger.debug("Not retrying %s after %s: %s%s", _call(request), reason, why, _id(response))


def log_attempt(request: httpx2.Request) -> None:
    """DEBUG, an attempt about to be sent, with its headers (credentials masked)."""
    if logger.isEnabledFor(logging.DEBUG):
        attempt = request.extensions.get(ATTEMPT_EXTENSION, 1)
        logger.debug("%s attempt %s: request headers %s", _call(request), attempt, _headers(request.headers, request))


def log_answer(request: httpx2.Request, response: httpx2.Response, started: float) -> None:
    """DEBUG, an attempt's answer head: status, time since the attempt started, headers (masked)."""
    if logger.isEnabledFor(logging.DEBUG):
        logger.debug(
            "%s attempt %s -> %d in %.1f ms: response headers %s%s",
            _call(request),
            request.extensions.get(ATTEMPT_EXTENSION, 1),
            response.status_code,
            _ms(started),
            _headers(response.headers, request),
            _id(response),
        )


def log_stream_end(response: httpx2.Response, started: float, events: int, first: float | None) -> None:
    """DEBUG, a stream read to its end marker: events, time to the body's first bytes, total time."""
    if logger.isEnabledFor(logging.DEBUG):
        to_first = "" if first is None else f", its body's first bytes after {(first - started) * 1000:.1f} ms"
        logger.debug(
            "%s stream finished: %d events in %.1f ms%s%s",
            _call(response.request),
            events,
            _ms(started),
            to_first,
            _id(response),
        )
