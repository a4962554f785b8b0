"""Credentials: a static API key, or an access key pair that mints short-lived Bearer JWTs.

Both are `httpx2.Auth` objects that set `Authorization: Bearer ...` on each request as it is sent,
so the secret lives in exactly one object (never in the client's default headers) and neither
object shows it in `repr()`/`str()`.

Access-key tokens (providers with ACCESS_KEY_AUTH): header `{"alg":"HS256","typ":"JWT"}`, claims
`iss` = access key id, `exp` = now + 1800 s, `nbf` = now - 5 s, signed HMAC-SHA256 with the
secret access key. A token is reused until less than `REFRESH_MARGIN` (5 minutes) of its life
is left, then a fresh one is minted; so a request (and its retries, whose waits are capped well
below the margin) never carries a token that is about to expire.

Clock skew. The server checks `nbf` and `exp` on its own clock. Without any help, a server
up to 5 s behind ours (the `nbf` margin) or up to 300 s ahead (the refresh margin: a cached
token is replaced while 300 s of it are left by our clock) accepts every token. Beyond that:
- a 401 to a minted token re-mints it once and sends the request once more (the auth flow
  yields at most twice per call: never a loop). If the 401's `Date` header says the server's
  clock is more than 5 s away from ours, the offset is kept and every later token is minted on
  the server's time, so a skew of any size costs one extra request per client (measured: 122
  requests for 121 calls over two simulated hours, server 10 min ahead, 30 s behind or 28 min
  ahead). If the second attempt is refused too, the
  offset is forgotten (the 401 was about something else) and the 401 is raised.
- limits: `Date` has whole seconds, so the learned offset is right to about a second plus the
  network delay, inside the 5 s `nbf` margin; without a `Date` (or one a proxy rewrote), only
  the re-mint helps: a stale token is replaced (a server ahead by less than 1,800 s then
  accepts it), but a server more than 5 s behind refuses each fresh token's first call (it
  fails after two attempts; the token is valid on a later call); a 401 for another reason (a
  wrong secret, a revoked key) costs one extra request per call. The offset lives in the auth
  object (one per client), never on disk.

Why the standard library and not PyJWT: an HS256 token is three base64url segments and one
`hmac.new(secret, signing_input, sha256)` call, ~20 lines with nothing to configure; a JWT
library would add a third runtime dependency (and its release cadence and CVE feed) to a package
that otherwise needs only httpx2 and attrs, for a feature only one provider uses. Correctness is
checked independently: the tests decode our tokens with PyJWT, and the provider emulator verifies
them with PyJWT (signature, exp, nbf, iss) on every request.

Keys and secrets are checked at construction: surrounding whitespace is stripped (a key read
from a file or a Kubernetes secret often ends in a newline), and anything else that is not
printable ASCII (inner whitespace, control or non-ASCII characters) is refused with
`errors.InvalidCredentialsError`, which names the argument and the position but never the
value. Sent as it was, such a key would make httpx2 fail with an error that quotes the whole
header, key included.

Logs: httpcore2's DEBUG log prints every response header, so a server that echoes the key in a
header would put it in the log. Each auth object registers with redact.py, whose filter on the
package's, httpx2's and httpcore2's loggers masks its credentials in every record.

Threads and asyncio: the cached token is read and replaced under a `threading.Lock`. The work
done while holding it is one HMAC over ~150 bytes (microseconds) and no I/O, so
taking it from an event loop cannot stall the loop in any measurable way, and the same object
serves a sync and an async httpx2 client at once. An `asyncio.Lock` would not protect against
threads, and a lock per loop would mint needlessly.
"""

from __future__ import annotations

import base64
import datetime
import email.utils
import hashlib
import hmac
import json
import os
import threading
import time
from collections.abc import Callable, Generator

import httpx2

from .. import redact
from ..errors import InvalidCredentialsError

__all__ = [
    "REFRESH_MARGIN",
    "TOKEN_LIFETIME",
    "AccessKeyAuth",
    "BearerAuth",
    "HeaderAuth",
    "checked_credential",
    "checked_header_credential",
    "mint_jwt",
]

TOKEN_LIFETIME = 1800  # seconds a minted token is valid (the provider's documented `exp`)
NOT_BEFORE_SKEW = 5  # `nbf` is set this many seconds in the past, for clocks slightly ahead of ours
REFRESH_MARGIN = 300  # mint a new token once less than this many seconds of validity are left

_HEADER = {"alg": "HS256", "typ": "JWT"}


def checked_credential(value: str, name: str) -> str:
    """value without surrounding whitespace; InvalidCredentialsError (naming `name`, never the
    value) if what remains holds anything but printable ASCII other than space."""
    if not isinstance(value, str):
        raise InvalidCredentialsError(f"{name} must be a str, got {type(value).__name__}")
    value = value.strip()
    for position, char in enumerate(value):
        if not "!" <= char <= "~":
            if char.isspace():
                kind = "whitespace"
            elif char.isprintable():
                kind = "a non-ASCII character"
            else:
                kind = "a control character"
            raise InvalidCredentialsError(
                f"{name} contains {kind} at position {position} of {len(value)}: keys and secrets are "
                "printable ASCII without spaces (the value is not shown)"
            )
    return value


def checked_header_credential(value: str, name: str) -> str:
    """A whole Authorization header value (`<scheme> <token>`): stripped, printable ASCII with
    inner spaces allowed; InvalidCredentialsError naming `name` (never the value) otherwise."""
    if not isinstance(value, str):
        raise InvalidCredentialsError(f"{name} must be a str, got {type(value).__name__}")
    value = value.strip()
    for position, char in enumerate(value):
        if not " " <= char <= "~":
            kind = "a non-ASCII character" if char.isprintable() else "a control character"
            raise InvalidCredentialsError(
                f"{name} contains {kind} at position {position} of {len(value)} (the value is not shown)"
            )
    if not value:
        raise InvalidCredentialsError(f"{name} is empty")
    return value


def _b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _segment(obj: dict[str, object]) -> str:
    return _b64url(json.dumps(obj, separators=(",", ":")).encode("utf-8"))


def mint_jwt(access_key_id: str, secret_access_key: str, *, now: float) -> tuple[str, int]:
    """An HS256 JWT for `access_key_id` valid from now - 5 s to now + 1800 s, and its `exp`."""
    issued = int(now)
    expires = issued + TOKEN_LIFETIME
    claims: dict[str, object] = {"iss": access_key_id, "exp": expires, "nbf": issued - NOT_BEFORE_SKEW}
    signing_input = f"{_segment(dict(_HEADER))}.{_segment(claims)}"
    signature = hmac.new(secret_access_key.encode("utf-8"), signing_input.encode("ascii"), hashlib.sha256).digest()
    return f"{signing_input}.{_b64url(signature)}", expires


class _CallCredential:
    """An Authorization header a call brought itself (`extra_headers=`): masked in log records for
    as long as its request lives (the request keeps this object in its extensions)."""

    __slots__ = ("__weakref__", "_values")

    def __init__(self, value: str) -> None:
        token = value.strip().partition(" ")[2].strip()
        self._values = tuple(v for v in (value.strip(), token) if len(v) >= 4)
        redact.register(self)

    def _secrets(self) -> tuple[str, ...]:
        return self._values

    def __repr__(self) -> str:
        return "_CallCredential('***')"


def _per_call(request: httpx2.Request) -> bool:
    """True if the call set its own Authorization (`extra_headers=`): it is sent as given, for
    that call only, instead of the client's credential (the openai SDK does the same). The
    client's own headers never hold one (AuthenticatedClient takes it as its credential)."""
    value = request.headers.get("authorization")
    if value is None:
        return False
    request.extensions[_CALL_CREDENTIAL] = _CallCredential(value)
    return True


_CALL_CREDENTIAL = "call_credential"


class BearerAuth(httpx2.Auth):
    """`Authorization: Bearer <api key>` on every request (unless the call brings its own)."""

    def __init__(self, api_key: str) -> None:
        self.__api_key = checked_credential(api_key, "api_key")
        redact.register(self)

    def _secrets(self) -> tuple[str, ...]:
        return (self.__api_key,) if len(self.__api_key) >= 4 else ()

    def auth_flow(self, request: httpx2.Request) -> Generator[httpx2.Request, httpx2.Response, None]:
        if not _per_call(request):
            request.headers["Authorization"] = f"Bearer {self.__api_key}"
        yield request

    def __repr__(self) -> str:
        return f"{type(self).__name__}(api_key='***')"

    __str__ = __repr__


class HeaderAuth(httpx2.Auth):
    """An `Authorization` header given in the client's `headers=`, sent as given (any scheme).

    It is the client's credential, like `api_key=`: kept here rather than in the default headers,
    masked in logs and errors, and refused together with `api_key=` or an access key pair (which
    of the two would be sent is not obvious). A call's own Authorization still wins for that call.
    """

    def __init__(self, value: str, name: str = "headers['Authorization']") -> None:
        self.__value = checked_header_credential(value, name)
        redact.register(self)

    def _secrets(self) -> tuple[str, ...]:
        token = self.__value.partition(" ")[2].strip()
        return tuple(v for v in (self.__value, token) if len(v) >= 4)

    def auth_flow(self, request: httpx2.Request) -> Generator[httpx2.Request, httpx2.Response, None]:
        if not _per_call(request):
            request.headers["Authorization"] = self.__value
        yield request

    def __repr__(self) -> str:
        return f"{type(self).__name__}(authorization='***')"

    __str__ = __repr__


class AccessKeyAuth(httpx2.Auth):
    """`Authorization: Bearer <JWT>` minted from an access key pair and refreshed before it expires.

    `clock` returns the current Unix time; it exists so that tests can mint a token that is
    already close to its expiry.
    """

    def __init__(self, access_key_id: str, secret_access_key: str, *, clock: Callable[[], float] = time.time) -> None:
        self.__key_id = checked_credential(access_key_id, "access_key_id")
        self.__secret = checked_credential(secret_access_key, "secret_access_key")
        self.__clock = clock
        self.__lock = threading.Lock()
        self.__token: str | None = None
        self.__expires = 0
        self.__offset = 0.0  # the server's clock minus ours, learned from a 401's Date header
        redact.register(self)

    def _new_lock(self) -> None:
        """After a fork: the lock another thread of the parent may have held is replaced."""
        self.__lock = threading.Lock()

    def _secrets(self) -> tuple[str, ...]:
        found = (self.__token or "", self.__secret, self.__key_id)
        return tuple(secret for secret in found if len(secret) >= 4)

    @property
    def clock_offset(self) -> float:
        """Seconds the server's clock is ahead of ours (negative: behind), as learned from the
        `Date` header of a 401; tokens are minted on the server's time. 0 until a 401 says otherwise."""
        return self.__offset

    def token(self) -> str:
        """The current token, minted anew when none is cached or it has < REFRESH_MARGIN s left."""
        with self.__lock:
            now = self.__clock() + self.__offset
            if self.__token is None or self.__expires - now < REFRESH_MARGIN:
                self.__token, self.__expires = mint_jwt(self.__key_id, self.__secret, now=now)
            return self.__token

    def _reminted(self, rejected: str, response: httpx2.Response) -> tuple[str, float]:
        """A token to replace `rejected` after a 401, and the clock offset it was minted with.

        The 401's `Date` says where the server's clock is: if it is more than NOT_BEFORE_SKEW
        away from ours, tokens are minted on the server's time from now on. The token is minted
        anew unless another request already replaced the rejected one.
        """
        with self.__lock:
            previous = self.__offset
            server_now = _server_time(response)
            now = self.__clock()
            if server_now is not None and abs(server_now - now - previous) > NOT_BEFORE_SKEW:
                self.__offset = server_now - now
            if self.__token in (None, rejected) or self.__offset != previous:
                self.__token, self.__expires = mint_jwt(self.__key_id, self.__secret, now=now + self.__offset)
            return self.__token or "", previous

    def auth_flow(self, request: httpx2.Request) -> Generator[httpx2.Request, httpx2.Response, None]:
        """Sends the token; after a 401, re-mints it once (on the server's clock, if its `Date`
        says ours is off) and sends the request once more. Never more than two attempts."""
        if _per_call(request):
            yield request
            return
        sent = self.token()
        request.headers["Authorization"] = f"Bearer {sent}"
        response = yield request
        if response.status_code != 401:
            return
        fresh, previous = self._reminted(sent, response)
        request.headers["Authorization"] = f"Bearer {fresh}"
        response = yield request
        if response.status_code == 401:  # not the clock after all: forget what the Date taught
            with self.__lock:
                self.__offset = previous

    def __repr__(self) -> str:
        return f"{type(self).__name__}(access_key_id='***', secret_access_key='***')"

    __str__ = __repr__


def _server_time(response: httpx2.Response) -> float | None:
    """The Unix time of a response's `Date` header (whole seconds), None if absent or unreadable."""
    value = response.headers.get("date")
    if not value:
        return None
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:  # an HTTP date is always GMT
        when = when.replace(tzinfo=datetime.UTC)
    return when.timestamp()


def _after_fork_in_child() -> None:
    for auth in redact.live(AccessKeyAuth):
        auth._new_lock()


if hasattr(os, "register_at_fork"):  # not on Windows, which has no fork
    os.register_at_fork(after_in_child=_after_fork_in_child)
