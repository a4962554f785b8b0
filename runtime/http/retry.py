"""Retries, as an httpx2 transport that wraps the real one.

What is retried: connection failures and timeouts that happen before an answer's headers arrive,
and answers with status 408, 409, 429 or 5xx. Not retried: a certificate that fails
verification and a proxy that refuses the tunnel with a 4xx (407, 403), which the next attempt
would meet again. POST is retried like any other method, as the
openai SDK does: these APIs create nothing that a repeat could duplicate (a repeated completion
costs tokens, but a failed one that is not retried costs the caller the whole answer), and a
request whose body is a one-shot stream (not replayable) is never retried.

Why a transport: the decision is made on the status line and headers, before anyone reads the
body, and the discarded answer is closed so its connection goes back to the pool. A streamed
answer that has started to yield events was returned by this transport already, so it is never
retried; a connection that breaks mid-stream surfaces as an error to the caller.

How long to wait before retry n (n = 0, 1, ...): the server's `retry-after-ms` or `Retry-After`
(seconds or an HTTP date) when it sends one, else exponential backoff `0.5 s * 2**n` capped at
8 s, with "equal jitter" (a uniform draw between half and all of that step): clients that failed
together spread out, yet every client still waits at least half a step, which matters for a 429
that came without Retry-After. A Retry-After above 60 s is not waited for: the answer is
returned at once (a RateLimitError for the caller, with the header in `response.headers`),
because a call that blocks for minutes is rarely what the caller wants and retrying earlier
than asked would most likely be refused again.

A retried attempt carries `x-retry-count: <n>` (1 for the first retry), so the server and its
logs can tell a retry from a new call (the openai SDK sends `x-stainless-retry-count` on every
attempt; that name belongs to its generator, and no provider page here forbids extra headers).
The first attempt is sent as before.

How many times: the client's `max_retries` (default 2, so at most 3 attempts), or per request
the `max_retries` request extension that `send.request_options` sets for a call's
`max_retries=` argument. Each attempt gets the full timeout. A `PoolTimeout` (no free
connection in the client's pool in time) is not retried: waiting again for the same busy pool
would only multiply the caller's wait. With a deadline (`deadline.py`) each attempt gets at most
the time left, and a retry that could not start before the deadline is not made.

Why not httpx-retries (0.6.0): it fits the transport model, but it has no per-request retry
count (one policy per transport), by default retries neither POST nor 408/409/500 and does not
back off at all (backoff_factor 0), its per-attempt copy drops a custom jitter setting, it
shortens a long Retry-After instead of declining it, and it would be a third runtime dependency
standing in for about a hundred lines.

Logging (the lines are logs.py's): each retry at INFO on the package's logger (e.g.
`sensenova_client`) with the method, URL without its query, status or error type, the wait and
the request id of the answer retried; at DEBUG each attempt's request and answer headers (masked),
its time, and each failed attempt that is not retried with the reason. The transport numbers the
attempts in the request's `attempt` extension, so the call's closing line says how many it took.
"""

from __future__ import annotations

import email.utils
import math
import random
import ssl
import time
from dataclasses import dataclass
from datetime import UTC

import httpx2

from .. import logs
from .deadline import (
    AsyncDeadlineStream,
    DeadlineExceeded,
    DeadlineStream,
    deadline_of,
    exceeded,
    lower_timeouts,
    time_left,
)
from .options import checked_max_retries

__all__ = [
    "DEFAULT_POLICY",
    "MAX_RETRIES_EXTENSION",
    "RETRY_COUNT_HEADER",
    "AsyncRetryTransport",
    "RetryPolicy",
    "RetryTransport",
    "is_retryable_status",
    "parse_retry_after",
]

# Request extension that overrides the transport's max_retries for one request (set by send.py).
MAX_RETRIES_EXTENSION = "max_retries"
# Sent with each retried attempt: its number (1 for the first retry); the first attempt has none.
RETRY_COUNT_HEADER = "x-retry-count"

# Errors raised before an answer's headers arrived: the request may be sent again.
_RETRYABLE_ERRORS = (httpx2.TimeoutException, httpx2.NetworkError, httpx2.RemoteProtocolError, httpx2.ProxyError)
# ... except these: a full connection pool is our own limit (another attempt would queue behind
# the same busy connections), and a passed deadline leaves no time for one.
_FINAL_ERRORS = (httpx2.PoolTimeout, DeadlineExceeded)


def is_retryable_status(status_code: int) -> bool:
    """408 Request Timeout, 409 Conflict, 429 Too Many Requests and every 5xx."""
    return status_code in (408, 409, 429) or 500 <= status_code <= 599


def parse_retry_after(headers: httpx2.Headers, *, now: float | None = None) -> float | None:
    """Seconds the server asks us to wait (`retry-after-ms`, or `Retry-After` as seconds or an
    HTTP date), never negative; None when it asks nothing or the value cannot be read."""
    millis = _finite(headers.get("retry-after-ms"))
    if millis is not None:
        return max(0.0, millis / 1000)
    value = headers.get("retry-after")
    if value is None:
        return None
    seconds = _finite(value)
    if seconds is not None:
        return max(0.0, seconds)
    try:
        when = email.utils.parsedate_to_datetime(value.strip())
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:  # an HTTP date is always GMT
        when = when.replace(tzinfo=UTC)
    current = time.time() if now is None else now
    return max(0.0, when.timestamp() - current)


def _finite(value: str | None) -> float | None:
    if value is None:
        return None
    try:
        number = float(value.strip())
    except ValueError:
        return None
    return number if math.isfinite(number) else None


@dataclass(frozen=True)
class RetryPolicy:
    """How long to wait between attempts. Times in seconds."""

    initial_delay: float = 0.5
    max_delay: float = 8.0
    max_retry_after: float = 60.0

    def backoff(self, retry: int) -> float:
        """Wait before retry number `retry` (0-based) when the server did not say: equal jitter."""
        step = min(self.max_delay, self.initial_delay * 2**retry)
        return random.uniform(step / 2, step)

    def wait(self, retry: int, response: httpx2.Response | None) -> float | None:
        """Wait before retry number `retry`, or None if the server asks for longer than we wait."""
        asked = parse_retry_after(response.headers) if response is not None else None
        if asked is None:
            return self.backoff(retry)
        return asked if asked <= self.max_retry_after else None


DEFAULT_POLICY = RetryPolicy()


def _refused_for_good(error: Exception) -> bool:
    """A connection error that another attempt would meet again: the server's certificate failed
    verification (a wrong or untrusted certificate does not fix itself in a second), or the proxy
    refused the tunnel with a 4xx (407 Proxy Authentication Required, 403): not a network fault."""
    if isinstance(error, httpx2.ProxyError):
        status = str(error).partition(" ")[0]
        return status.isdigit() and 400 <= int(status) <= 499
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        if isinstance(current, ssl.SSLCertVerificationError):
            return True
        seen.add(id(current))
        current = current.__cause__ or current.__context__
    return False


def _retry_limit(request: httpx2.Request, default: int) -> int:
    """The request's own retry count (its extension), else the transport's; a value that is not a
    count is refused, never replaced by the default."""
    value = request.extensions.get(MAX_RETRIES_EXTENSION)
    return default if value is None else checked_max_retries(value)


def _replayable(request: httpx2.Request) -> bool:
    # httpx2 keeps bytes, json, form and content=bytes bodies as a ByteStream, which can be sent again.
    return isinstance(request.stream, httpx2.ByteStream)


class _Base:
    def __init__(self, *, max_retries: int, policy: RetryPolicy, deadline: float | None) -> None:
        self.max_retries = checked_max_retries(max_retries)
        self.policy = policy
        self.deadline = deadline

    def _plan(
        self,
        request: httpx2.Request,
        retry: int,
        limit: int,
        response: httpx2.Response | None,
        error: Exception | None,
        end: float | None,
    ) -> float | None:
        """The wait before the next attempt, or None to stop here (a failed attempt's reason logged)."""
        if response is not None and response.status_code < 400:
            return None  # an answer, not a failure: nothing to decide
        reason = f"status {response.status_code}" if response is not None else type(error).__name__
        wait = None
        if response is not None and not is_retryable_status(response.status_code):
            why = "that status is not retried"
        elif retry >= limit:
            why = f"no retries left ({limit} allowed)"
        elif not _replayable(request):
            why = "its body is a one-shot stream that cannot be sent again"
        elif (wait := self.policy.wait(retry, response)) is None:
            why = f"the server asks to wait longer than the {self.policy.max_retry_after:g} s the client waits"
        elif end is not None and time.monotonic() + wait >= end:
            why, wait = "the call's deadline would pass before the next attempt", None
        else:
            logs.log_retry(request, response, retry, limit, wait, reason)
            return wait
        logs.log_not_retried(request, response, reason, why)
        return None

    @staticmethod
    def _start_attempt(request: httpx2.Request, retry: int, end: float | None) -> float:
        """Prepare attempt `retry` (0 for the first) and log it; returns when it started."""
        if retry:  # retries are not byte-identical: the server (and its logs) can tell them apart
            request.headers[RETRY_COUNT_HEADER] = str(retry)
        if end is not None:
            lower_timeouts(request, time_left(request, end))
        request.extensions[logs.ATTEMPT_EXTENSION] = retry + 1
        logs.log_attempt(request)
        return time.perf_counter()

    @staticmethod
    def _final(request: httpx2.Request, error: Exception, end: float | None) -> Exception | None:
        """The error to raise at once instead of retrying, if any."""
        if isinstance(error, _FINAL_ERRORS) or _refused_for_good(error):
            logs.log_not_retried(request, None, type(error).__name__, "another attempt would meet the same error")
            return error
        if end is not None and isinstance(error, httpx2.TimeoutException) and time.monotonic() >= end:
            logs.log_not_retried(request, None, type(error).__name__, "the call's deadline has passed")
            return exceeded(request)
        return None


class RetryTransport(_Base, httpx2.BaseTransport):
    """Wraps a sync transport; see the module docstring for what is retried and when."""

    def __init__(
        self,
        transport: httpx2.BaseTransport,
        *,
        max_retries: int = 2,
        policy: RetryPolicy = DEFAULT_POLICY,
        deadline: float | None = None,
    ) -> None:
        super().__init__(max_retries=max_retries, policy=policy, deadline=deadline)
        self.transport = transport

    def handle_request(self, request: httpx2.Request) -> httpx2.Response:
        limit = _retry_limit(request, self.max_retries)
        end = deadline_of(request, self.deadline)
        retry = 0
        while True:
            started = self._start_attempt(request, retry, end)
            try:
                response = self.transport.handle_request(request)
                logs.log_answer(request, response, started)
            except _RETRYABLE_ERRORS as exc:
                final = self._final(request, exc, end)
                if final is exc:
                    raise
                if final is not None:
                    raise final from exc
                wait = self._plan(request, retry, limit, None, exc, end)
                if wait is None:
                    raise
            else:
                wait = self._plan(request, retry, limit, response, None, end)
                if wait is None:
                    if end is not None:
                        response.stream = DeadlineStream(response.stream, request, end, response)
                    return response
                response.close()
            time.sleep(wait)
            retry += 1

    def close(self) -> None:
        self.transport.close()


class AsyncRetryTransport(_Base, httpx2.AsyncBaseTransport):
    """Wraps an async transport; waits with anyio.sleep, so it works under asyncio and trio."""

    def __init__(
        self,
        transport: httpx2.AsyncBaseTransport,
        *,
        max_retries: int = 2,
        policy: RetryPolicy = DEFAULT_POLICY,
        deadline: float | None = None,
    ) -> None:
        super().__init__(max_retries=max_retries, policy=policy, deadline=deadline)
        self.transport = transport

    async def handle_async_request(self, request: httpx2.Request) -> httpx2.Response:
        limit = _retry_limit(request, self.max_retries)
        end = deadline_of(request, self.deadline)
        retry = 0
        while True:
            started = self._start_attempt(request, retry, end)
            try:
                response = await self._attempt(request, end)
                logs.log_answer(request, response, started)
            except _RETRYABLE_ERRORS as exc:
                final = self._final(request, exc, end)
                if final is exc:
                    raise
                if final is not None:
                    raise final from exc
                wait = self._plan(request, retry, limit, None, exc, end)
                if wait is None:
                    raise
            else:
                wait = self._plan(request, retry, limit, response, None, end)
                if wait is None:
                    if end is not None:
                        response.stream = AsyncDeadlineStream(response.stream, request, end)
                    return response
                await response.aclose()
            import anyio  # only when a retry waits: importing it costs ~3 ms at startup

            await anyio.sleep(wait)
            retry += 1

    async def _attempt(self, request: httpx2.Request, end: float | None) -> httpx2.Response:
        if end is None:
            return await self.transport.handle_async_request(request)
        import anyio

        try:
            with anyio.fail_after(time_left(request, end)):
                return await self.transport.handle_async_request(request)
        except TimeoutError:
            raise exceeded(request) from None

    async def aclose(self) -> None:
        await self.transport.aclose()
