"""The `speedups` extra: stream events parsed by orjson when it is installed, else by json.

orjson parses an event's text in about a third of json's time, but it is compiled, so it is only
an optional dependency (`pip install <distribution>[speedups]`). Without it the pure path (json)
runs; with it, the pure path can be forced by `<PREFIX>_SPEEDUPS=0` in the environment when the
package is imported (orjson is then not even imported), or by `set_enabled(False)` at any time.

Both paths accept the same texts and give the same objects and error messages, because `loads`
leaves to json every text on which orjson could answer otherwise:
- orjson refuses some texts json accepts (NaN, Infinity, numbers that overflow a double, lone
  surrogates) and words its errors its own way: any refusal is a ValueError, on which the caller
  asks json, which returns its object or raises its error;
- orjson turns integers beyond 64 bits into floats: a text with 19 digits in a row is refused
  before orjson sees it;
- orjson stops at 1024 levels of nesting, json on Python 3.10/3.11 near the recursion limit
  (1000 frames, the caller's included): a text with more than 256 `[` and `{` is refused too.
"""

from __future__ import annotations

import os
import warnings
from collections.abc import Callable
from typing import Any

from ... import _provider

__all__ = ["SPEEDUPS_ENV", "enabled", "loads", "set_enabled"]

SPEEDUPS_ENV = f"{_provider.ENV_PREFIX}_SPEEDUPS"
_OFF = {"0", "false", "off", "no"}
_ON = {"", "1", "true", "on", "yes"}

_DIGITS_AS_ZERO = bytes.maketrans(b"123456789", b"000000000")
_LONG_NUMBER = b"0" * 19  # the shortest run of digits that can be an integer beyond 64 bits
_MAX_OPENINGS = 256  # more `[` and `{` than this: left to json (nesting that deep may exhaust its stack)


def _guarded(orjson_loads: Callable[[bytes], Any]) -> Callable[[str], Any]:
    def loads(data: str) -> Any:
        """orjson's object for `data`, or ValueError where only json can answer as json would."""
        raw = data.encode()  # a lone surrogate raises UnicodeEncodeError, a ValueError
        if _LONG_NUMBER in raw.translate(_DIGITS_AS_ZERO) or (
            len(raw) > 2 * _MAX_OPENINGS and raw.count(b"[") + raw.count(b"{") > _MAX_OPENINGS
        ):
            raise ValueError("left to json")
        return orjson_loads(raw)

    return loads


def _orjson_loads() -> Callable[[bytes], Any] | None:
    """orjson.loads, imported on first use (never while speedups stay off); None without orjson."""
    try:
        from orjson import loads
    except ImportError:  # the extra is not installed: the pure path
        return None
    return loads


# The stream runtime's parser: orjson behind the guards while speedups are on, None for json.
loads: Callable[[str], Any] | None = None


def set_enabled(on: bool) -> None:
    """Parse stream events with orjson (on=True; needs the `speedups` extra) or with json."""
    global loads
    if not on:
        loads = None
        return
    found = _orjson_loads()
    if found is None:
        raise ModuleNotFoundError(
            f"speedups need orjson: pip install '{_provider.DISTRIBUTION}[speedups]'", name="orjson"
        )
    loads = _guarded(found)


def enabled() -> bool:
    """Whether stream events are parsed by orjson (False: the pure json path)."""
    return loads is not None


def _from_environment() -> None:
    value = os.environ.get(SPEEDUPS_ENV, "").strip().lower()
    if value not in _OFF | _ON:
        warnings.warn(f"{SPEEDUPS_ENV}={value!r} is ignored: use 0 to turn speedups off", stacklevel=2)
    if value not in _OFF and _orjson_loads() is not None:
        set_enabled(True)


_from_environment()
