"""The `speedups` extra: stream events parsed by orjson when it is installed, else by json.

orjson parses an event's text in about a third of json's time, but it is compiled, so it is only
an optional dependency (`pip install <distribution>[speedups]`). Without it the pure path (json)
runs; with it, the pure path can be forced by `<PREFIX>_SPEEDUPS=0` in the environment when the
package is imported, or by `set_enabled(False)` at any time.

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

from . import _provider

__all__ = ["SPEEDUPS_ENV", "enabled", "loads", "set_enabled"]

SPEEDUPS_ENV = f"{_provider.ENV_PREFIX}_SPEEDUPS"
_OFF = {"0", "false", "off", "no"}
_ON = {"", "1", "true", "on", "yes"}

try:
    from orjson import loads as _orjson_loads
except ImportError:  # the extra is not installed: the pure path
    _orjson_loads = None  # type: ignore[assignment]

_DIGITS_AS_ZERO = bytes.maketrans(b"123456789", b"000000000")
_LONG_NUMBER = b"0" * 19  # the shortest run of digits that can be an integer beyond 64 bits
_MAX_OPENINGS = 256  # more `[` and `{` than this: left to json (nesting that deep may exhaust its stack)


def _orjson_as_json(data: str) -> Any:
    """orjson's object for `data`, or ValueError where only json can answer as json would."""
    raw = data.encode()  # a lone surrogate raises UnicodeEncodeError, a ValueError
    if _LONG_NUMBER in raw.translate(_DIGITS_AS_ZERO) or (
        len(raw) > 2 * _MAX_OPENINGS and raw.count(b"[") + raw.count(b"{") > _MAX_OPENINGS
    ):
        raise ValueError("left to json")
    return _orjson_loads(raw)


# The stream runtime's parser: `_orjson_as_json` while speedups are on, None for the pure path.
loads: Callable[[str], Any] | None = None


def set_enabled(on: bool) -> None:
    """Parse stream events with orjson (on=True; needs the `speedups` extra) or with json."""
    global loads
    if on and _orjson_loads is None:
        raise ModuleNotFoundError(
            f"speedups need orjson: pip install '{_provider.DISTRIBUTION}[speedups]'", name="orjson"
        )
    loads = _orjson_as_json if on else None


def enabled() -> bool:
    """Whether stream events are parsed by orjson (False: the pure json path)."""
    return loads is not None


def _from_environment() -> None:
    value = os.environ.get(SPEEDUPS_ENV, "").strip().lower()
    if value not in _OFF | _ON:
        warnings.warn(f"{SPEEDUPS_ENV}={value!r} is ignored: use 0 to turn speedups off", stacklevel=2)
    set_enabled(_orjson_loads is not None and value not in _OFF)


_from_environment()
