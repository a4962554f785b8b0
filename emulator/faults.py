"""The `X-Emulator-Fault` request header: `<name>[;key=value...]`.

`times=N` limits a fault to the first N requests carrying exactly the same header value (put a
unique `id=...` in it so that tests do not share counters); later requests are served normally.
The table of names lives in emulator/README.md.
"""

from __future__ import annotations

import threading
from collections import Counter
from dataclasses import dataclass, field

HEADER = "x-emulator-fault"
NAMES = frozenset(
    {
        "status",
        "drop",
        "malformed",
        "stream-error",
        "error-event",
        "slow-first",
        "stall",
        "json-for-stream",
        "no-terminator",
        "replay",
        "pace",
    }
)


class FaultError(ValueError):
    """The header names an unknown fault or has an unusable parameter."""


@dataclass(frozen=True)
class Fault:
    name: str
    params: dict[str, str] = field(default_factory=dict)

    def number(self, key: str, default: float | None = None) -> float:
        raw = self.params.get(key)
        if raw is None:
            if default is None:
                raise FaultError(f"fault {self.name!r} needs {key}=<number>")
            return default
        try:
            return float(raw)
        except ValueError:
            raise FaultError(f"fault {self.name!r}: {key}={raw!r} is not a number") from None

    def integer(self, key: str, default: int | None = None) -> int:
        return int(self.number(key, None if default is None else float(default)))

    def has(self, key: str) -> bool:
        return key in self.params

    @property
    def after(self) -> int | None:
        """Events sent before the fault strikes (None: before the response starts)."""
        return self.integer("after") if self.has("after") else None


def parse(value: str) -> Fault:
    name, *pairs = [part.strip() for part in value.split(";")]
    if name not in NAMES:
        raise FaultError(f"unknown fault {name!r}; known: {', '.join(sorted(NAMES))}")
    params: dict[str, str] = {}
    for pair in filter(None, pairs):
        key, sep, val = pair.partition("=")
        if not sep:
            raise FaultError(f"fault parameter {pair!r} is not key=value")
        params[key.strip()] = val.strip()
    return Fault(name, params)


class FaultBook:
    """Counts requests per exact header value so that `times=N` faults wear off."""

    def __init__(self) -> None:
        self._seen: Counter[str] = Counter()
        self._lock = threading.Lock()

    def select(self, header: str | None) -> Fault | None:
        """The fault to apply to this request, or None (no header, or `times` used up)."""
        if not header:
            return None
        fault = parse(header)
        with self._lock:
            self._seen[header] += 1
            seen = self._seen[header]
        if fault.has("times") and seen > fault.integer("times"):
            return None
        return fault

    def reset(self) -> None:
        with self._lock:
            self._seen.clear()
