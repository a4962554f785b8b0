"""Every credential masking in one place: errors (the request and response they keep, their
messages and chained causes) and log records.

A credential is whatever the request that was sent carried in a credential header (the token
after its scheme, and the access key id inside a JWT), plus the live secrets of this process's
auth objects for log records, where no request is at hand. Masking replaces each occurrence with
`***`, in strings, bytes and the keys and values of JSON-like data.
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import json
import logging
import re
import traceback
import urllib.parse
import weakref
from typing import Any, Protocol, TypeVar

import httpx2

__all__ = [
    "MAX_DEPTH",
    "TOO_DEEP",
    "RedactSecrets",
    "bounded",
    "mask",
    "masked_headers",
    "register",
    "request_or_none",
    "safe_repr",
    "scrub",
    "scrub_cause",
    "scrubbed_request",
    "scrubbed_response",
    "secrets_of",
    "too_deep",
    "without_locals",
]

E = TypeVar("E", bound=BaseException)


_CREDENTIAL_HEADERS = ("authorization", "proxy-authorization")
_DROPPED_RESPONSE_HEADERS = ("content-encoding", "content-length", "transfer-encoding")


def request_or_none(response: httpx2.Response) -> httpx2.Request | None:
    try:
        return response.request
    except RuntimeError:  # a response built by hand, with no request
        return None


def secrets_of(source: httpx2.Response | httpx2.Request | None) -> tuple[str, ...]:
    """The credentials a request carried: each credential header's token (after its scheme) and
    the issuer (access key id) inside a JWT, plus the live credentials of this process's clients
    (a request after a cross-origin redirect carries none, yet the server may have put the key
    in the redirect's URL), longest first so that masking leaves no fragment."""
    request = request_or_none(source) if isinstance(source, httpx2.Response) else source
    if request is None:
        return ()
    found: set[str] = {secret for holder in list(_LIVE) for secret in holder._secrets()}
    for name in _CREDENTIAL_HEADERS:
        for value in request.headers.get_list(name):
            credential = value.strip().partition(" ")[2].strip() or value.strip()  # after "Bearer "
            found.add(credential)
            found.add(_jwt_issuer(credential))
    return tuple(sorted((s for s in found if len(s) >= 4), key=len, reverse=True))


def _jwt_issuer(token: str) -> str:
    parts = token.split(".")
    if len(parts) != 3:
        return ""
    try:
        claims = json.loads(base64.urlsafe_b64decode(parts[1] + "=" * (-len(parts[1]) % 4)))
    except (ValueError, binascii.Error):
        return ""
    issuer = claims.get("iss") if isinstance(claims, dict) else None
    return issuer if isinstance(issuer, str) else ""


# How deep masking walks JSON-like data: deeper members become TOO_DEEP. A server's JSON nested
# far deeper (5,000 `[` fit in 10 KB) would otherwise exhaust the stack of whatever walks it
# next (masking, repr, pickle); no error body or event of a real provider nests that deep.
MAX_DEPTH = 100
TOO_DEEP = "[nested too deep]"


def mask(value: Any, secrets: tuple[str, ...], _depth: int = 0) -> Any:
    """value with every occurrence of each secret in its strings (keys included) replaced by ***;
    containers are copied, and members nested deeper than MAX_DEPTH replaced by TOO_DEEP."""
    if isinstance(value, str):
        for secret in secrets:
            value = value.replace(secret, "***")
        return value
    if isinstance(value, bytes):
        for secret in secrets:
            value = value.replace(secret.encode("utf-8", "replace"), b"***")
        return value
    if isinstance(value, dict | list | tuple):
        if _depth >= MAX_DEPTH:
            return TOO_DEEP
        depth = _depth + 1
        if isinstance(value, dict):
            return {mask(k, secrets, depth): mask(v, secrets, depth) for k, v in value.items()}
        if isinstance(value, list):
            return [mask(item, secrets, depth) for item in value]
        return tuple(mask(item, secrets, depth) for item in value)
    return value


def bounded(value: Any) -> Any:
    """value with members nested deeper than MAX_DEPTH replaced (see mask)."""
    return mask(value, ())


def too_deep(value: Any, limit: int = MAX_DEPTH) -> bool:
    """Whether JSON-like value nests dicts and lists more than `limit` deep (walked without recursion)."""
    stack = [(value, 0)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict):
            children: Any = item.values()
        elif isinstance(item, list | tuple):
            children = item
        else:
            continue
        if depth >= limit:
            return True
        stack.extend((child, depth + 1) for child in children if isinstance(child, dict | list | tuple))
    return False


def safe_repr(value: Any, limit: int = 200) -> str:
    """repr(value) cut to `limit` characters; a placeholder when it nests too deep to repr."""
    try:
        return repr(value)[:limit]
    except RecursionError:
        return f"<{type(value).__name__} nested too deep to show>"


def scrub(error: E, source: httpx2.Request | httpx2.Response | None) -> E:
    """error with source's credentials masked in its message and the attributes that carry what
    the server sent (`body`, `data`, `code`, `type`, `text`, `events`), and in its chained cause; for
    errors built from stream events, which have no response of their own to scrub them by."""
    secrets = secrets_of(source)
    if secrets:
        error.args = tuple(mask(arg, secrets) for arg in error.args)
        for name in ("message", "body", "data", "code", "type", "text"):
            if name in error.__dict__:
                setattr(error, name, mask(error.__dict__[name], secrets))
        if error.__dict__.get("events"):  # the last event a stream error keeps: a model
            error.__dict__["events"] = [_masked_model(event, secrets) for event in error.__dict__["events"]]
        if error.__cause__ is not None:
            scrub_cause(error.__cause__, source)
    return error


def without_locals(exc: E) -> E:
    """exc with the local variables of the finished frames in its traceback, and in those of its
    chained causes and contexts, cleared (file, line and code stay for the traceback).

    What error reporters record with `capture_locals` (Sentry and others): httpcore2's and h11's
    frames hold the request's headers (the real Authorization) and the raw body chunks, the JSON
    decoder's the text it was given, the stream code's the chunk and events it was decoding,
    all of which can carry a key the client sent or the server echoed. Frames still executing
    (the one handling exc, and its callers) are left alone: the code there keeps no secret in a
    local when it raises."""
    seen: set[int] = set()
    current: BaseException | None = exc
    pending: list[BaseException] = []
    while current is not None or pending:
        if current is None:
            current = pending.pop()
        if id(current) in seen:
            current = None
            continue
        seen.add(id(current))
        if current.__traceback__ is not None:
            traceback.clear_frames(current.__traceback__)  # skips executing frames
        if current.__context__ is not None:
            pending.append(current.__context__)
        current = current.__cause__
    return exc


def _masked_model(event: Any, secrets: tuple[str, ...]) -> Any:
    """event with secrets masked: a model rebuilt from its masked to_dict() (itself if nothing
    changed; the masked dict if it no longer builds)."""
    to_dict, from_dict = getattr(event, "to_dict", None), getattr(type(event), "from_dict", None)
    if to_dict is None or from_dict is None:
        return mask(event, secrets)
    data = to_dict()
    masked = mask(data, secrets)
    if masked == data:
        return event
    try:
        return from_dict(masked)
    except Exception:  # whatever the model refuses: the masked data, never the secret
        return masked


def scrub_cause(exc: BaseException, source: httpx2.Request | httpx2.Response | None) -> None:
    """Mask source's credentials in an exception about to be chained under one of ours (it shows
    in tracebacks): its message arguments, an AttributeError's object, an httpx2 error's request."""
    secrets = secrets_of(source)
    if secrets:
        exc.args = tuple(mask(arg, secrets) for arg in exc.args)
        if isinstance(exc, AttributeError):
            exc.obj = None  # the object that lacked the attribute: may be an echoed string
        if isinstance(exc, json.JSONDecodeError):
            exc.doc = mask(exc.doc, secrets)  # the whole text that failed to parse
    if isinstance(exc, httpx2.RequestError):
        with contextlib.suppress(RuntimeError):  # RuntimeError: made without a request
            exc.request = scrubbed_request(exc.request)


def masked_headers(headers: httpx2.Headers, secrets: tuple[str, ...]) -> list[tuple[str, str]]:
    """headers with a credential header's whole value (scheme included) `***` and the secrets
    masked in every other value."""
    return [
        (name, "***" if name.lower() in _CREDENTIAL_HEADERS else mask(value, secrets))
        for name, value in headers.multi_items()
    ]


def scrubbed_request(request: httpx2.Request) -> httpx2.Request:
    """A copy of request without credentials (headers masked, no URL password, no extensions)."""
    secrets = secrets_of(request)
    headers = masked_headers(request.headers, secrets)
    url = request.url.copy_with(password="***") if request.url.password else request.url
    forms = secrets + tuple(urllib.parse.quote(secret, safe="") for secret in secrets)  # as typed, and percent-encoded
    if any(form in str(url) for form in forms):  # a key in a redirect's Location
        url = httpx2.URL(mask(str(url), forms))
    try:
        content: bytes | None = request.content
    except httpx2.RequestNotRead:  # a streamed upload: not kept
        content = None
    return httpx2.Request(request.method, url, headers=headers, content=mask(content, secrets))


def scrubbed_response(response: httpx2.Response, secrets: tuple[str, ...]) -> httpx2.Response:
    """A detached copy of a response: decoded body and headers with the secrets masked, and the
    request scrubbed. It holds no connection, so it pickles, and its body is always readable."""
    try:
        content = response.content
    except httpx2.ResponseNotRead:
        content = b""
    headers = [
        (name, mask(value, secrets))
        for name, value in response.headers.multi_items()
        if name.lower() not in _DROPPED_RESPONSE_HEADERS
    ]
    request = request_or_none(response)
    kept = ("http_version", "reason_phrase")  # not the network stream: it holds the socket
    extensions = {name: mask(value, secrets) for name, value in response.extensions.items() if name in kept}
    return httpx2.Response(
        response.status_code,
        headers=headers,
        content=mask(content, secrets),
        request=None if request is None else scrubbed_request(request),
        extensions=extensions,
    )


# --- log records ------------------------------------------------------------------------------

# Objects alive in this process that hold credentials (auth objects: `_secrets()` gives them).
_LIVE: weakref.WeakSet[Any] = weakref.WeakSet()
_BEARER = re.compile(r"(?i)(bearer\s+)[^\s'\",]+")
# Loggers whose records may carry a header value: the package's own, httpx2's request line and
# httpcore2's DEBUG traces (a filter on a logger does not apply to its children, hence each).
_REDACTED_LOGGERS = (
    __name__.partition(".")[0],
    "httpx2",
    "httpcore2.connection",
    "httpcore2.http11",
    "httpcore2.http2",
    "httpcore2.proxy",
    # HTTP/2: hpack logs each header block at DEBUG, Huffman-coded (a key in it cannot be found
    # by text), and the headers it adds to or evicts from its tables as text
    "hpack.hpack",
    "hpack.table",
)


class _HoldsSecrets(Protocol):
    def _secrets(self) -> tuple[str, ...]: ...


S = TypeVar("S")


def register(holder: _HoldsSecrets) -> None:
    """Mask holder's secrets in every log record while it is alive."""
    _LIVE.add(holder)


def live(kind: type[S]) -> list[S]:
    """The registered holders of that type (the fork handler renews their locks)."""
    return [holder for holder in list(_LIVE) if isinstance(holder, kind)]


class RedactSecrets(logging.Filter):
    """Masks every live credential of this package, and `Bearer <token>`, in a log record; the
    raw bytes in hpack's records (whole header blocks, Huffman-coded) are replaced by their size."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.name.startswith("hpack.") and isinstance(record.args, tuple):
            record.args = tuple(
                f"<{len(arg)} bytes of HPACK, not shown>" if isinstance(arg, bytes | bytearray | memoryview) else arg
                for arg in record.args
            )
        message = record.getMessage()
        redacted = _BEARER.sub(r"\1***", message)
        for holder in list(_LIVE):
            for secret in holder._secrets():
                redacted = redacted.replace(secret, "***")
        if redacted != message:
            record.msg, record.args = redacted, None
        return True


for _name in _REDACTED_LOGGERS:
    _logger = logging.getLogger(_name)
    if not any(isinstance(f, RedactSecrets) for f in _logger.filters):
        _logger.addFilter(RedactSecrets())
