"""The emulator as an ASGI application: every provider under `/<provider-key>` (the client of an
operation on another host, `x-client` in the spec, also under `/<provider-key>-<name>`).

Order of work for a request: record it, find the operation, check the bearer token, read the
fault header, apply a fault that replaces the answer (status, replay, stall before headers),
validate the body against the models generated from the spec, then answer (JSON or stream).
"""

from __future__ import annotations

import email.utils
import json
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from codegen.providers import load_providers
from emulator import dialect, payloads, validation
from emulator.auth import DEFAULT_ACCESS_KEY_ID, DEFAULT_SECRET_ACCESS_KEY, Credentials, default_api_key
from emulator.dialect import Operation
from emulator.faults import HEADER, Fault, FaultBook, FaultError
from emulator.records import ReceivedRequest, Recorder, StreamRecord
from emulator.wire import Drop, Pause, Scripted, Start, Step, Write

FIXTURES = Path(__file__).resolve().parent.parent / "tests" / "fixtures"  # the replay fault serves them
SSE_HEADERS = [("content-type", "text/event-stream; charset=utf-8"), ("cache-control", "no-cache")]
JSON_HEADERS = [("content-type", "application/json")]
CONTINUING = frozenset({"malformed", "stall"})  # mid-stream faults after which the stream goes on


@dataclass
class Settings:
    api_keys: dict[str, str] = field(default_factory=lambda: {k: default_api_key(k) for k in dialect.operations()})
    access_keys: dict[str, str] = field(default_factory=lambda: {DEFAULT_ACCESS_KEY_ID: DEFAULT_SECRET_ACCESS_KEY})
    pace: float = 0.0  # seconds between stream events (0: as fast as possible)


class Emulation:
    """Shared state of one emulator: settings, what it has seen, fault counters."""

    def __init__(self, settings: Settings | None = None, recorder: Recorder | None = None) -> None:
        self.settings = settings or Settings()
        self.credentials = Credentials(self.settings.api_keys, self.settings.access_keys)
        self.recorder = recorder or Recorder()
        self.faults = FaultBook()

    def asgi(self) -> ASGIApp:
        methods = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE"]
        return _with_request_ids(Starlette(routes=[Route("/{provider}/{rest:path}", self.handle, methods=methods)]))

    async def handle(self, request: Request) -> Response:
        mount, rest = request.path_params["provider"], "/" + request.path_params["rest"]
        ops = dialect.mounts().get(mount)
        key = dialect.provider_of(mount)
        op = ops.get(rest) if ops else None
        raw = await request.body()
        body = _parse(raw)
        self._record(request, key, op, raw, body)
        if ops is None or key is None:
            return JSONResponse({"error": {"message": f"unknown provider {mount!r}"}}, status_code=404)
        if op is None:
            return self._error(next(iter(ops.values())), 404, f"no operation at {rest}")
        if request.method != "POST":
            refused = self._error(op, 405, f"method {request.method} is not allowed on {rest}")
            refused.headers["allow"] = "POST"
            return refused
        refusal = self.credentials.check(key, request.headers.get("authorization"), op.accepts_access_key)
        if refusal:
            return self._error(op, 401, refusal)
        try:
            fault = self.faults.select(request.headers.get(HEADER))
        except FaultError as exc:
            return self._error(op, 400, f"{HEADER}: {exc}")
        return await self._answer(request, op, body, raw, fault)

    async def _answer(self, request: Request, op: Operation, body: Any, raw: bytes, fault: Fault | None) -> Response:
        headers = {k.lower(): v for k, v in request.headers.items()}
        early = self._fault_before_validation(op, fault, headers)
        if early is not None:
            return early
        if body is None:
            return self._error(op, 400, "the request body is not valid JSON" if raw else "the request body is empty")
        problem = validation.check(op, body)
        if problem is not None:
            return self._error(op, 400, problem.message, problem.field)
        reply = payloads.Reply(op, body, request.scope.get("state", {}).get("request_id"))
        asks_for_stream = op.streams and body.get(op.x_stream["request-flag"])
        if asks_for_stream and not (fault and fault.name == "json-for-stream"):
            return self._stream(op, reply, fault, headers)
        return _json_answer(payloads.answer(reply), fault)

    def _fault_before_validation(self, op: Operation, fault: Fault | None, headers: dict[str, str]) -> Response | None:
        if fault is None:
            return None
        if fault.name == "status":
            return self._status_fault(op, fault)
        if fault.name == "replay":
            return self._replay(op, fault, headers)
        return None

    def _status_fault(self, op: Operation, fault: Fault) -> Response:
        code = fault.integer("code", 500)
        if not 400 <= code <= 599:
            return self._error(op, 400, f"status fault: code={code} is not an error status")
        response = self._error(op, code, f"injected error {code} (status fault)")
        if fault.has("retry-after"):
            response.headers["retry-after"] = str(fault.params["retry-after"])
        elif fault.has("retry-after-date"):
            when = time.time() + fault.number("retry-after-date")
            response.headers["retry-after"] = email.utils.formatdate(when, usegmt=True)
        return response

    def _replay(self, op: Operation, fault: Fault, headers: dict[str, str]) -> Response:
        name = fault.params.get("fixture", "stream.sse")
        source = FIXTURES / op.key / op.operation_id / name
        if "/" in name or "\\" in name or name.startswith(".") or not source.is_file():
            return self._error(op, 404, f"replay: no fixture {name!r} for {op.key}/{op.operation_id}")
        data = source.read_bytes()
        if not name.endswith(".sse"):
            return Response(data, media_type="application/json")
        chunks = data.split(b"\n\n")
        events = [c + b"\n\n" for c in chunks[:-1]] + ([chunks[-1]] if chunks[-1] else [])
        steps: list[Step] = [Start(200, SSE_HEADERS)]
        steps += [Write(e, terminator=e.strip().endswith(op.terminator.encode())) for e in events]
        record = StreamRecord(op.key, op.operation_id, headers, headers.get(HEADER))
        return Scripted(steps, self.recorder, self.recorder.open_stream(record))

    def _stream(self, op: Operation, reply: payloads.Reply, fault: Fault | None, headers: dict[str, str]) -> Response:
        events = [payloads.encode_event(op, frame) for frame in payloads.frames(reply)]
        steps = stream_steps(op, events, fault, self.settings.pace)
        record = StreamRecord(op.key, op.operation_id, headers, headers.get(HEADER))
        return Scripted(steps, self.recorder, self.recorder.open_stream(record))

    def _error(self, op: Operation, status: int, message: str, param: str | None = None) -> JSONResponse:
        return JSONResponse(payloads.error_body(op, status, message, param), status_code=status)

    def _record(self, request: Request, key: str | None, op: Operation | None, raw: bytes, body: Any) -> None:
        headers = {k.lower(): v for k, v in request.headers.items()}
        self.recorder.add_request(
            ReceivedRequest(
                request.method,
                request.url.path,
                key,
                op.operation_id if op else None,
                headers,
                body,
                raw,
                query=request.url.query,
                request_id=request.scope.get("state", {}).get("request_id"),
                client_port=request.client.port if request.client else None,
            )
        )


def _with_request_ids(app: ASGIApp) -> ASGIApp:
    """Answer every request to a provider with a fresh id in that provider's request id header
    (`request_id_header` in codegen/providers.toml); the id is also in the request's record."""
    names = {
        client.mount: provider.request_id_header
        for provider in load_providers().values()
        for client in provider.clients.values()
    }

    async def asgi(scope: Scope, receive: Receive, send: Send) -> None:
        name = names.get(scope.get("path", "").split("/")[1]) if scope["type"] == "http" else None
        if name is None:
            await app(scope, receive, send)
            return
        request_id = f"req-{uuid.uuid4().hex}"
        scope.setdefault("state", {})["request_id"] = request_id

        async def send_with_id(message: Message) -> None:
            if message["type"] == "http.response.start":
                message = {**message, "headers": [*message.get("headers", []), (name.encode(), request_id.encode())]}
            await send(message)

        await app(scope, receive, send_with_id)

    return asgi


def _parse(raw: bytes) -> Any:
    """The JSON body with integral floats as ints (JSON Schema counts 2.0 as an integer)."""
    try:
        return _integral(json.loads(raw, parse_constant=_no_constant)) if raw else None
    except (ValueError, UnicodeDecodeError, RecursionError):
        return None


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")


def _integral(value: Any) -> Any:
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, dict):
        return {k: _integral(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_integral(v) for v in value]
    return value


def stream_steps(op: Operation, events: list[bytes], fault: Fault | None, pace: float) -> list[Step]:
    """The write script of a stream: the events, the terminator, and the fault's changes."""
    steps: list[Step] = [Start(200, SSE_HEADERS)]
    if fault is None:
        return [*steps, *_paced(events, pace), Write(payloads.terminator(op), terminator=True)]
    if fault.name == "pace":
        pace = fault.number("delay")
    if fault.name == "stall" and fault.after is None:
        steps.insert(0, Pause(fault.number("seconds")))
    if fault.name == "slow-first":
        steps.append(Pause(fault.number("delay", 0.3)))
    at = min(fault.after or 0, len(events))
    injected = _injected(op, fault) or []
    steps += _paced(events[:at], pace) + injected
    if injected and fault.name not in CONTINUING:
        return steps  # the fault ends the stream
    steps += _paced(events[at:], pace, first=not at)
    if fault.name != "no-terminator":
        steps.append(Write(payloads.terminator(op), terminator=True))
    return steps


def _paced(events: list[bytes], pace: float, first: bool = True) -> list[Step]:
    """The events as writes, with a pause between them (and before the first unless `first`)."""
    steps: list[Step] = []
    for number, event in enumerate(events):
        if pace and (number or not first):
            steps.append(Pause(pace))
        steps.append(Write(event))
    return steps


def _injected(op: Operation, fault: Fault) -> list[Step] | None:
    """What a mid-stream fault inserts once `after` events have been sent."""
    if fault.name == "drop":
        return [Drop()]
    if fault.name == "malformed":
        return [Write(f'{op.data_prefix}{{"broken": "frame", \n\n'.encode())]
    if fault.name == "stream-error":
        payload = payloads.stream_error_payload(op, "injected in-stream error (stream-error fault)")
        return [Write(payloads.encode_event(op, payload))]
    if fault.name == "error-event":
        body = payloads.dumps(payloads.error_body(op, 500, "injected error event (error-event fault)"))
        return [Write(b"event: error\ndata: " + body + b"\n\n")]
    if fault.name == "stall" and fault.after is not None:
        return [Pause(fault.number("seconds"))]
    return None


def _json_answer(payload: dict[str, Any], fault: Fault | None) -> Response:
    data = payloads.dumps(payload)
    name = fault.name if fault else None
    steps: list[Step] = []
    if fault is not None and name in ("slow-first", "stall"):
        steps.append(Pause(fault.number("delay" if name == "slow-first" else "seconds", 0.3)))
    if name == "malformed":
        data = data[: len(data) // 2]
    headers = [*JSON_HEADERS, ("content-length", str(len(data)))]
    steps.append(Start(200, headers))
    if name == "drop":
        return Scripted([*steps, Write(data[: len(data) // 2], event=False), Drop()])
    return Scripted([*steps, Write(data, event=False)])
