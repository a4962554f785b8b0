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
from collections.abc import Mapping
from dataclasses import dataclass

import httpx2

from ...types import UNSET, Unset

__all__ = [
    "DEFAULT_DEADLINE",
    "DEFAULT_MAX_EVENT_SIZE",
    "DEFAULT_MAX_RETRIES",
    "DEFAULT_TIMEOUT",
    "Body",
    "CallOptions",
    "DeadlineArg",
    "Headers",
    "Query",
    "TimeoutArg",
    "checked_deadline",
    "checked_max_retries",
    "checked_timeout",
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


def checked_max_retries(value: object) -> int:
    """`value` if it is a usable retry count (an int >= 0, not a bool), else a ValueError naming it."""
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ValueError(f"max_retries must be an int >= 0, got {value!r}")
    return value


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
