"""The JSON step of a stream: msgspec decodes each event straight into its typed model, json
and `from_dict` whatever the fast path declines.

msgspec (a dependency since the `speedups` extra was retired; wheels for CPython 3.11-3.15 on
Linux, macOS and Windows, x86_64 and arm64) builds the typed event through `wire.py`'s twins, in
less time than json takes to make a plain dict. The pure path (json alone, then `from_dict`) can be
forced by `<PREFIX>_SPEEDUPS=0` in the environment when the package is imported, or by
`set_enabled(False)` at any time. msgspec is imported, and the event model's twins are built,
when the first stream starts (`prepare()`; `aprepare()` in a worker thread, off the event loop),
not with the package: importing it costs a few milliseconds that a program which never streams
should not pay, and the first event should not either.

`loads` is the slow path's JSON step while msgspec is on: where msgspec parses a text it gives
json's object (integers of any size exact, the last of duplicate keys at the first one's place),
and every text it refuses is left to json, which returns its object or raises its error: NaN and
Infinity, numbers beyond a double or beyond its integer range, lone surrogates, a byte-order
mark, and nesting deeper than its limit (a RecursionError, which the caller also leaves to json).
"""

from __future__ import annotations

import importlib.util
import os
import threading
import warnings
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Literal, TypeVar, cast

from ... import _provider
from .. import wire

if TYPE_CHECKING:
    from .format import StreamFormat

T = TypeVar("T")

__all__ = ["SPEEDUPS_ENV", "aprepare", "enabled", "loads", "prepare", "set_enabled", "typed_decoder"]

SPEEDUPS_ENV = f"{_provider.ENV_PREFIX}_SPEEDUPS"
_OFF = {"0", "false", "off", "no"}
_ON = {"", "1", "true", "on", "yes"}


def _msgspec_loads() -> Callable[[str], Any]:
    """An untyped msgspec decoder's decode, imported on first use (callers check `_installed()`)."""
    from msgspec.json import Decoder

    return Decoder().decode


def _first_loads(data: str) -> Any:
    """The parser until msgspec is imported (`prepare()` normally does it first): imports, decodes."""
    prepare()
    if loads is None:  # switched off meanwhile
        raise ValueError("left to json")
    return loads(data)


def prepare(fmt: StreamFormat[T, Any] | None = None) -> Callable[[str], T | None] | None:
    """Import msgspec now if speedups are on and it is not imported yet (a stream is starting);
    with a stream format, its fast decoder too (None with json alone)."""
    global loads
    if loads is _first_loads:
        loads = _msgspec_loads()
    if fmt is None:
        return None
    decode: Callable[[str], T | None] | None = typed_decoder(fmt)
    return decode


async def aprepare(fmt: StreamFormat[T, Any] | None = None) -> Callable[[str], T | None] | None:
    """prepare() for a coroutine: in an asyncio loop the import and the twins' building run in a
    worker thread, so that they do not block the loop (under trio, and once done, it is prepare())."""
    if loads is not None and (loads is _first_loads or (fmt is not None and _key(fmt) not in _typed)):
        import asyncio

        try:
            asyncio.get_running_loop()
        except RuntimeError:  # not asyncio (trio)
            return prepare(fmt)
        return await asyncio.to_thread(prepare, fmt)
    return prepare(fmt)


# The fast decoders built so far, by what they depend on (event model and the in-stream error
# rule); None for a model whose twin cannot be built (its events always take the slow path).
_typed: dict[tuple[Any, ...], Any] = {}
_typed_lock = threading.Lock()


def _key(fmt: StreamFormat[Any, Any]) -> tuple[Any, ...]:
    return (fmt.event_model, fmt.error_field, fmt.error_code_key, fmt.error_ok_code)


def typed_decoder(fmt: StreamFormat[T, Any]) -> Callable[[str], T | None] | None:
    """The function from an event's text to its typed event (wire.py), or None where it declines;
    None itself while speedups are off. The twins narrow the in-stream error member to its
    harmless values (absent, null, or the ok code), so that every event carrying an error is
    declined and reaches the slow path, whose error rule raises it."""
    if loads is None:
        return None
    key = _key(fmt)
    if key not in _typed:
        with _typed_lock:
            if key not in _typed:
                if fmt.error_ok_code is None:
                    overrides: dict[str, Any] = {fmt.error_field: type(None)}
                else:
                    overrides = {fmt.error_field: {fmt.error_code_key: Literal[fmt.error_ok_code]}}
                try:
                    _typed[key] = wire.decoder(cast(Any, fmt.event_model), overrides)
                except wire.Unsupported:
                    _typed[key] = None
    decode: Callable[[str], T | None] | None = _typed[key]
    return decode


def _installed() -> bool:
    """Whether msgspec can be imported, found without importing it."""
    try:
        return importlib.util.find_spec("msgspec") is not None
    except (ImportError, ValueError, AttributeError):  # e.g. msgspec set to None in sys.modules
        return False


# The stream runtime's parser: msgspec (or the stub that imports it) while speedups are on, None
# for json. Called directly on the hot path: a ValueError or RecursionError means "ask json".
loads: Callable[[str], Any] | None = None


def set_enabled(on: bool) -> None:
    """Parse stream events with msgspec (on=True) or with json alone."""
    global loads
    if not on:
        wire.enabled = False
        loads = None
        return
    if not _installed():
        raise ModuleNotFoundError(
            f"speedups need msgspec, a dependency of {_provider.DISTRIBUTION}: pip install msgspec", name="msgspec"
        )
    wire.enabled = True  # plain answers follow the same switch (wire.answer)
    if loads is None:
        loads = _first_loads


def enabled() -> bool:
    """Whether stream events are parsed by msgspec (False: the pure json path)."""
    return loads is not None


def _from_environment() -> None:
    value = os.environ.get(SPEEDUPS_ENV, "").strip().lower()
    if value not in _OFF | _ON:
        warnings.warn(f"{SPEEDUPS_ENV}={value!r} is ignored: use 0 to turn speedups off", stacklevel=2)
    set_enabled(value not in _OFF and _installed())  # both ways, so a re-import sets wire's switch too


_from_environment()
