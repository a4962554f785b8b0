"""What the emulator saw and did, readable from the test thread while the server runs in its own."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

COMPLETED = "completed"  # the body was written to its end (whatever the fault made it contain)
DISCONNECTED = "disconnected"  # the client went away before the end
DROPPED = "dropped"  # the emulator aborted the connection on purpose (`drop` fault)


@dataclass
class ReceivedRequest:
    method: str
    path: str  # as received, with the provider prefix
    provider: str | None
    operation_id: str | None
    headers: dict[str, str]  # lower-case names; a repeated header keeps its last value
    body: Any  # parsed JSON, or None when the body was empty or not JSON
    raw: bytes
    query: str = ""  # the URL's query string, as sent
    request_id: str | None = None  # the id the emulator answered with (provider's request id header)
    client_port: int | None = None  # the client's side of the connection: equal ports, same connection


@dataclass
class StreamRecord:
    """One streamed response. `outcome` stays None until the response is over."""

    provider: str
    operation_id: str
    headers: dict[str, str]
    fault: str | None
    events_sent: int = 0
    terminated: bool = False  # the terminator event was written
    outcome: str | None = None
    started: float = field(default_factory=time.monotonic)
    ended: float | None = None

    @property
    def final(self) -> bool:
        return self.outcome is not None

    @property
    def disconnected(self) -> bool:
        return self.outcome == DISCONNECTED

    @property
    def completed(self) -> bool:
        return self.outcome == COMPLETED


Match = Callable[[StreamRecord], bool] | str | None


def _matches(record: StreamRecord, match: Match) -> bool:
    if match is None:
        return True
    if isinstance(match, str):
        return any(match in record.headers.get(h, "") for h in ("x-emulator-fault", "x-emulator-tag"))
    return match(record)


class Recorder:
    def __init__(self) -> None:
        self.requests: list[ReceivedRequest] = []
        self.streams: list[StreamRecord] = []
        self._changed = threading.Condition()

    def add_request(self, request: ReceivedRequest) -> None:
        with self._changed:
            self.requests.append(request)
            self._changed.notify_all()

    def open_stream(self, record: StreamRecord) -> StreamRecord:
        with self._changed:
            self.streams.append(record)
            self._changed.notify_all()
        return record

    def close_stream(self, record: StreamRecord, outcome: str) -> None:
        with self._changed:
            if record.outcome is None:
                record.outcome = outcome
                record.ended = time.monotonic()
            self._changed.notify_all()

    def wait_for_stream(self, match: Match = None, timeout: float = 5.0) -> StreamRecord:
        """The most recent stream matching `match`, once it is over.

        `match` is a predicate, or a string looked up in the request's `X-Emulator-Fault` and
        `X-Emulator-Tag` headers. Raises TimeoutError if no such stream ends in time.
        """

        def ready() -> StreamRecord | None:
            found = [r for r in self.streams if _matches(r, match)]
            return found[-1] if found and found[-1].final else None

        with self._changed:
            if not self._changed.wait_for(lambda: ready() is not None, timeout):
                states = [(r.operation_id, r.fault, r.outcome) for r in self.streams[-5:]]
                raise TimeoutError(f"no finished stream matching {match!r} within {timeout}s; last: {states}")
            record = ready()
            assert record is not None
            return record

    def clear(self) -> None:
        with self._changed:
            self.requests.clear()
            self.streams.clear()
