"""What a call can be given, checked once: the options of one call, the client-wide defaults,
and the checks every argument passes before any request is built.

The HTTP library is httpx2, the maintained continuation of httpx. It has httpx's API under
another import name, so an object made with the old `httpx` (or its `httpcore`) looks right and
fails late and obscurely: an `httpx.Client` given to `set_httpx_client` has a pool of its own and
none of our retries or auth, an `httpx.Timeout` is not an `httpx2.Timeout`, an `httpx` transport
is handed `httpx2.Request`s. Every place that takes an HTTP-library object from the user checks
it here first and refuses an old one, before any request, with a TypeError saying what to write.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

import httpx2

from ...types import UNSET, Unset

__all__ = [
    "DEFAULT_DEADLINE",
    "DEFAULT_MAX_EVENT_SIZE",
    "DEFAULT_MAX_RETRIES",
    "DEFAULT_STREAM_IDLE_TIMEOUT",
    "DEFAULT_TIMEOUT",
    "Body",
    "CallOptions",
    "DeadlineArg",
    "Headers",
    "Query",
    "TimeoutArg",
    "checked_deadline",
    "checked_headers",
    "checked_httpx_args",
    "checked_max_retries",
    "checked_query",
    "checked_stream_idle_timeout",
    "checked_timeout",
    "json_problem",
    "refuse_old_httpx",
]

# Connecting fails fast (5 s: a healthy API answers the TCP/TLS handshake in well under a second);
# reading may wait long, because a non-streamed answer arrives only when the whole generation is
# done and the time to first token of a streamed one can be long for big prompts. Each attempt
# (see retries) gets the whole timeout.
DEFAULT_TIMEOUT = httpx2.Timeout(600.0, connect=5.0)
DEFAULT_MAX_RETRIES = 2
# No overall deadline by default, as in the openai SDK: a long generation is not an error.
DEFAULT_DEADLINE = None
# No idle limit between stream events by default either: a reasoning model may think for
# minutes before its first token, and a gateway's keep-alive comments are no sign of a stall.
DEFAULT_STREAM_IDLE_TIMEOUT = None

# Generous: the largest LLM stream events (a whole answer with logprobs in one frame) are far
# smaller, while a runaway or hostile event would otherwise grow memory without bound.
DEFAULT_MAX_EVENT_SIZE = 16 * 1024 * 1024

TimeoutArg = float | httpx2.Timeout | None | Unset
DeadlineArg = float | None | Unset
Headers = Mapping[str, str]
Query = Mapping[str, str | int | float | bool | None]
Body = Mapping[str, object]


@dataclass(frozen=True)
class CallOptions:
    """The per-call keyword arguments every resource method takes besides the body fields."""

    extra_headers: Headers | None = None
    extra_query: Query | None = None
    extra_body: Body | None = None
    timeout: TimeoutArg = UNSET
    max_retries: int | Unset = UNSET
    deadline: DeadlineArg = UNSET
    stream_idle_timeout: DeadlineArg = UNSET


# A header name is an RFC 9110 token; a value is visible ASCII, spaces and tabs (no CR, LF, NUL
# or other control character: h11 refuses them only while writing, in a frame whose locals hold
# every header of the request, the real Authorization included).
_HEADER_NAME = re.compile(r"[!#$%&'*+\-.^_`|~0-9A-Za-z]+")
_BAD_HEADER_CHAR = re.compile(r"[^\t\x20-\x7e]")
# Set by the HTTP library from the request itself: one given here breaks the framing (h11 then
# fails with a protocol error) or sends the request to another virtual host.
_LIBRARY_HEADERS = frozenset({"content-length", "host", "transfer-encoding"})


def checked_headers(headers: object, name: str) -> dict[str, str]:
    """headers as a dict, each name and value checked before any request is built: a TypeError
    or ValueError naming `name[header]` (never the value, which may be a key) otherwise."""
    if headers is None:
        return {}
    if not isinstance(headers, Mapping):
        raise TypeError(f"{name} must be a mapping of header names to str values, got {type(headers).__name__}")
    checked: dict[str, str] = {}
    for key, value in headers.items():
        if not isinstance(key, str) or not _HEADER_NAME.fullmatch(key):
            raise ValueError(f"{name}[{key!r}] is not a header name (letters, digits and !#$%&'*+-.^_`|~ only)")
        if key.lower() in _LIBRARY_HEADERS:
            raise ValueError(f"{name}[{key!r}]: the HTTP library sets {key} from the request itself; leave it out")
        if not isinstance(value, str):
            raise TypeError(f"{name}[{key!r}] must be a str, got {type(value).__name__}")
        bad = _BAD_HEADER_CHAR.search(value)
        if bad is not None:
            char = bad.group()
            kind = "a non-ASCII character" if char.isprintable() else "a control character (CR, LF, NUL, ...)"
            position, size = bad.start(), len(value)
            del value, bad, char, headers, checked  # the value may be a key: not kept in this frame
            raise ValueError(
                f"{name}[{key!r}] contains {kind} at position {position} of {size}: header values are "
                "visible ASCII, spaces and tabs (the value is not shown)"
            )
        checked[key] = value
    return checked


def checked_query(query: object, name: str) -> dict[str, object]:
    """query as a dict of parameter names to str, int, float, bool or None (or a list of
    those), checked before any request is built: a TypeError naming `name[key]` otherwise."""
    if query is None:
        return {}
    if not isinstance(query, Mapping):
        raise TypeError(f"{name} must be a mapping of query parameter names to values, got {type(query).__name__}")
    checked: dict[str, object] = {}
    for key, value in query.items():
        if not isinstance(key, str):
            raise TypeError(f"{name} keys must be str, got {type(key).__name__} {key!r}")
        items = value if isinstance(value, list | tuple) else [value]
        for item in items:
            if item is not None and not isinstance(item, str | int | float):
                raise TypeError(f"{name}[{key!r}] must be a str, int, float, bool or None, got {type(item).__name__}")
        checked[key] = value
    return checked


def _positive(value: object, name: str, *, allow_none: bool) -> float | None:
    if value is None and allow_none:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        expected = "a number of seconds or None" if allow_none else "a number of seconds"
        raise TypeError(f"{name} must be {expected}, got {type(value).__name__} {value!r}")
    if not math.isfinite(value) or value <= 0:
        raise ValueError(f"{name} must be a finite number of seconds > 0, got {value!r}")
    return float(value)


def checked_timeout(value: object, name: str = "timeout") -> httpx2.Timeout:
    """value as an httpx2.Timeout: seconds (> 0), None (no timeout) or an httpx2.Timeout; a
    TypeError or ValueError naming the argument otherwise."""
    refuse_old_httpx(value, name)
    if isinstance(value, httpx2.Timeout):
        return value
    return httpx2.Timeout(_positive(value, name, allow_none=True))


def checked_deadline(value: object, name: str = "deadline") -> float | None:
    """value if it is a usable deadline (seconds > 0, or None for none), else a TypeError/ValueError."""
    return _positive(value, name, allow_none=True)


def checked_stream_idle_timeout(value: object) -> float | None:
    """value if it is a usable idle limit between stream events (seconds > 0, or None for none)."""
    return _positive(value, "stream_idle_timeout", allow_none=True)


def checked_max_retries(value: object) -> int:
    """`value` if it is a usable retry count (an int >= 0, not a bool), else a ValueError naming it."""
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ValueError(f"max_retries must be an int >= 0, got {value!r}")
    return value


# httpx_args keys the client sets itself from its own arguments (given here they would be
# overridden or silently win over the checked argument), and what to write instead.
_OWN_HTTPX_ARGS = {
    "verify": "verify_ssl= (True, a CA bundle path, an ssl.SSLContext or False)",
    "base_url": "base_url=",
    "headers": "headers= (or default_headers=)",
    "params": "default_query= (or a query in base_url)",
    "cookies": "cookies=",
    "timeout": "timeout=",
    "follow_redirects": "follow_redirects=",
    "retries": "max_retries= (the client retries more than connection failures, with backoff)",
}
# httpx2 arguments of the transport the client builds: with `transport=` given they would be ignored.
TRANSPORT_ARGS = ("cert", "http1", "http2", "limits", "proxy", "trust_env", "local_address", "socket_options", "uds")
# httpx2.Client arguments passed on as they are.
_PASSED_HTTPX_ARGS = ("auth", "transport", "mounts", "event_hooks", "max_redirects", "default_encoding")


def checked_httpx_args(args: object) -> dict[str, object]:
    """httpx_args as a dict, refusing before any request what would not take effect as written:
    an old-httpx object, a key the client sets from one of its own arguments (naming that
    argument), a transport setting next to a `transport` (which would ignore it), an unknown key."""
    if args is None:
        return {}
    if not isinstance(args, Mapping):
        raise TypeError(f"httpx_args must be a dict of httpx2.Client arguments, got {type(args).__name__}")
    checked = dict(args)
    for key, value in checked.items():
        refuse_old_httpx(value, f"httpx_args[{key!r}]")
        if key in _OWN_HTTPX_ARGS:
            raise ValueError(
                f"httpx_args[{key!r}] is set by the client from its own argument: pass {_OWN_HTTPX_ARGS[key]} instead"
            )
        if key not in TRANSPORT_ARGS and key not in _PASSED_HTTPX_ARGS:
            known = ", ".join(sorted((*TRANSPORT_ARGS, *_PASSED_HTTPX_ARGS)))
            raise TypeError(f"httpx_args[{key!r}] is not an httpx2 client or transport argument (known: {known})")
    if "transport" in checked:
        ignored = [key for key in TRANSPORT_ARGS if key in checked]
        if ignored:
            raise ValueError(
                f"httpx_args[{ignored[0]!r}] would be ignored next to httpx_args['transport']: give it to "
                "the transport you build (e.g. httpx2.HTTPTransport(limits=...)) instead"
            )
    return checked


_JSON_KEYS = (str, int, float, bool, type(None))  # what json.dumps turns into an object key


def json_problem(value: object, path: str = "") -> str | None:
    """Where and why `value` (a request body) cannot be JSON as httpx2 writes it (no NaN or
    infinity), or None. Only floats are shown: any other value may be a secret."""
    where = path or "the request body"
    if value is None or isinstance(value, str | int):
        return None
    if isinstance(value, float):
        if math.isfinite(value):
            return None
        return f"{where} is {value!r}: JSON has no NaN or infinity (send a finite number, or leave it out)"
    if isinstance(value, Mapping):
        for key, item in value.items():
            if not isinstance(key, _JSON_KEYS):
                return f"{where} has a key of type {type(key).__name__}: JSON object keys are str"
            problem = json_problem(item, f"{path}[{key!r}]" if path else str(key))
            if problem is not None:
                return problem
        return None
    if isinstance(value, list | tuple):
        for index, item in enumerate(value):
            problem = json_problem(item, f"{where}[{index}]")
            if problem is not None:
                return problem
        return None
    kind = type(value).__name__
    if isinstance(value, Iterator):
        return f"{where} is a {kind}: pass a list (JSON has no form for an iterator, which is used up once read)"
    return f"{where} is a {kind}, which JSON cannot hold (lists, dicts, str, numbers, bool and None can)"


_OLD_LIBRARIES = {"httpx": "httpx2", "httpcore": "httpcore2"}


def refuse_old_httpx(value: object, name: str) -> None:
    """A TypeError naming `name` if value is an object of the old httpx or httpcore, or a dict
    (httpx_args' `mounts`) or list holding one."""
    if isinstance(value, dict):
        for key, item in value.items():
            refuse_old_httpx(item, f"{name}[{key!r}]")
        return
    if isinstance(value, (list, tuple)):
        for index, item in enumerate(value):
            refuse_old_httpx(item, f"{name}[{index}]")
        return
    module = type(value).__module__.partition(".")[0]
    new = _OLD_LIBRARIES.get(module)
    if new is not None:
        kind = f"{module}.{type(value).__name__}"
        raise TypeError(
            f"{name} is an object of `{module}` ({kind}); this package runs on `{new}`, the maintained "
            f"continuation of httpx, with the same API: build it with `import {new}` instead "
            f"(e.g. {new}.{type(value).__name__}(...))"
        )
