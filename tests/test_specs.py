"""The specs are valid OpenAPI 3.2 and agree with every example payload of the provider documents.

Fixtures live in tests/fixtures/<provider>/<operationId>/:
  request*.json          a documented request body          -> must validate
  request-minimal.json   the smallest body the spec accepts -> must validate; the one call every
                                                               suite makes (tests/cases.py)
  response*.json         a documented 200 JSON body         -> must validate
  error*.json            a documented/known error body      -> must validate against 4XX
  stream*.sse            a documented stream, raw bytes     -> every data payload but the terminator
                                                               must validate against the payload schema,
                                                               and every event against the itemSchema
  invalid-request*.json  {"why": ..., "body": {...}}        -> must be REJECTED (proves a range/enum/
                                                               required flag is really in the spec)
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from codegen.prepare import validate_spec
from tests.cases import MINIMAL
from tests.specs import (
    FIXTURES,
    PROVIDERS,
    event_validator,
    load_spec,
    operations,
    request_validator,
    response_validator,
    sse_event_validator,
    stream_extension,
)


def _fixtures(pattern: str) -> list[tuple[str, str, Path]]:
    found = []
    for provider in PROVIDERS:
        for op in operations(provider):
            for path in sorted((FIXTURES / provider / op.operation_id).glob(pattern)):
                found.append((provider, op.operation_id, path))
    return found


def _cases(pattern: str) -> pytest.MarkDecorator:
    """Parametrize a test over the fixtures matching `pattern`, named provider/operation/file."""
    found = _fixtures(pattern)
    ids = [f"{p}/{o}/{path.name}" for p, o, path in found]
    return pytest.mark.parametrize(("provider", "operation_id", "path"), found, ids=ids)


def _op(provider: str, operation_id: str):
    return next(op for op in operations(provider) if op.operation_id == operation_id)


def _sse_payloads(raw: bytes) -> list[str]:
    """Data payloads of a well-formed stream fixture (blank-line separated blocks)."""
    text = raw.decode("utf-8").replace("\r\n", "\n")
    payloads = []
    for block in text.split("\n\n"):
        data = [line[5:].removeprefix(" ") for line in block.split("\n") if line.startswith("data:")]
        if data:
            payloads.append("\n".join(data))
    return payloads


@pytest.mark.parametrize("provider", PROVIDERS)
def test_spec_is_valid_openapi_3_2(provider: str) -> None:
    spec = load_spec(provider)
    assert spec["openapi"] == "3.2.0"
    validate_spec(spec)  # openapi-spec-validator's 3.2 rules on the spec as written, then the stream rules


@pytest.mark.parametrize("provider", PROVIDERS)
def test_every_operation_streams_with_an_item_schema_and_extension(provider: str) -> None:
    for op in operations(provider):
        content = op.raw["responses"]["200"]["content"]
        assert list(content)[:2] == ["application/json", "text/event-stream"], op.operation_id
        ext = stream_extension(op)  # event payload and terminator from the 3.2 itemSchema
        assert ext["terminator"] and ext["data-prefix"].startswith("data:")
        assert {"choices", "index", "text", "finish-reason"} <= set(ext["gather"])


@pytest.mark.parametrize("provider", PROVIDERS)
def test_every_operation_has_fixtures(provider: str) -> None:
    for op in operations(provider):
        folder = FIXTURES / provider / op.operation_id
        for pattern in (MINIMAL, "request*.json", "response*.json", "stream*.sse", "invalid-request*.json"):
            assert list(folder.glob(pattern)), f"no {pattern} fixture in {folder}"


@_cases("request*.json")
def test_documented_request_validates(provider: str, operation_id: str, path: Path) -> None:
    request_validator(_op(provider, operation_id)).validate(json.loads(path.read_text("utf-8")))


@_cases("response*.json")
def test_documented_response_validates(provider: str, operation_id: str, path: Path) -> None:
    response_validator(_op(provider, operation_id)).validate(json.loads(path.read_text("utf-8")))


@_cases("error*.json")
def test_documented_error_validates(provider: str, operation_id: str, path: Path) -> None:
    response_validator(_op(provider, operation_id), "4XX").validate(json.loads(path.read_text("utf-8")))


@_cases("stream*.sse")
def test_documented_stream_frames_validate(provider: str, operation_id: str, path: Path) -> None:
    op = _op(provider, operation_id)
    ext = stream_extension(op)
    payloads = _sse_payloads(path.read_bytes())
    assert payloads[-1] == ext["terminator"], "a documented stream ends with its terminator"
    check, sse_check = event_validator(op), sse_event_validator(op)
    for payload in payloads[:-1]:
        check.validate(json.loads(payload))
    for payload in payloads:
        sse_check.validate({"data": payload})


@_cases("invalid-request*.json")
def test_out_of_contract_request_is_rejected(provider: str, operation_id: str, path: Path) -> None:
    case = json.loads(path.read_text("utf-8"))
    errors = list(request_validator(_op(provider, operation_id)).iter_errors(case["body"]))
    assert errors, f"spec accepted a body that should break it: {case['why']}"
