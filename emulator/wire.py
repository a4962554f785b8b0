"""A response written step by step, watching for the client going away.

Faults need control Starlette's responses do not give: pause between events, stop without the
final chunk (an abrupt close), notice a disconnect while paused. uvicorn reports a disconnect
only through `receive()` (its `send()` silently drops writes to a closed connection), so a
watcher task waits on `receive()` next to the writer and cancels it when the client leaves.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass

import anyio
from starlette.responses import Response
from starlette.types import Receive, Scope, Send

from emulator.records import COMPLETED, DISCONNECTED, DROPPED, Recorder, StreamRecord


@dataclass(frozen=True)
class Start:
    status: int
    headers: list[tuple[str, str]]


@dataclass(frozen=True)
class Write:
    data: bytes
    event: bool = True  # counts as an event in the stream record
    terminator: bool = False


@dataclass(frozen=True)
class Pause:
    seconds: float


@dataclass(frozen=True)
class Drop:
    """End the app without finishing the body: uvicorn then closes the connection mid-body."""


Step = Start | Write | Pause | Drop


class _DropFilter(logging.Filter):
    """uvicorn logs a dropped response as an application error; here it is intended."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "without completing response" not in record.getMessage()


logging.getLogger("uvicorn.error").addFilter(_DropFilter())


class Scripted(Response):
    def __init__(self, steps: Iterable[Step], recorder: Recorder | None = None, record: StreamRecord | None = None):
        self.steps = list(steps)
        self.recorder = recorder
        self.record = record
        self.background = None
        self._finishing = False

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        outcome = COMPLETED
        async with anyio.create_task_group() as group:

            async def watch() -> None:
                nonlocal outcome
                while (await receive())["type"] != "http.disconnect":
                    pass
                if not self._finishing:
                    outcome = DISCONNECTED
                    group.cancel_scope.cancel()

            group.start_soon(watch)
            dropped = await self._play(send)
            outcome = DROPPED if dropped else outcome
            self._finishing = True
            group.cancel_scope.cancel()
        if self.recorder and self.record:
            self.recorder.close_stream(self.record, outcome)

    async def _play(self, send: Send) -> bool:
        """Run the steps; True if the script ended with a drop."""
        writes = [i for i, s in enumerate(self.steps) if isinstance(s, Write)]
        last_write = writes[-1] if writes else -1
        for number, step in enumerate(self.steps):
            if isinstance(step, Start):
                headers = [(k.lower().encode(), v.encode()) for k, v in step.headers]
                await send({"type": "http.response.start", "status": step.status, "headers": headers})
            elif isinstance(step, Pause):
                await anyio.sleep(step.seconds)
            elif isinstance(step, Drop):
                return True
            else:
                last = number == last_write and not any(isinstance(s, Drop) for s in self.steps[number:])
                self._finishing = self._finishing or last
                await send({"type": "http.response.body", "body": step.data, "more_body": not last})
                self._count(step)
        if last_write < 0:
            await send({"type": "http.response.body", "body": b"", "more_body": False})
        return False

    def _count(self, step: Write) -> None:
        if self.record is not None:
            self.record.events_sent += int(step.event)
            self.record.terminated = self.record.terminated or step.terminator
