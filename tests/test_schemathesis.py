"""schemathesis against the live emulator, one spec at a time.

Each operation gets generated requests, valid and invalid, sent over loopback with the
provider's key. Every answer must conform to the spec (status code, content type, JSON schema)
and none may be a 5xx. Valid data must be accepted, except where the body breaks one of the rules
the schema cannot express (emulator.validation.beyond_schema); invalid data must be refused.

Stream answers: schemathesis reads the specs as they are, OpenAPI 3.2: it validates each event
against the `itemSchema` (the SSE event object, whose `data` is a JSON payload by its
`contentSchema` or the `const` terminator). The extra check `stream_events_conform` adds what
3.2 cannot say: the exact data prefix, and that the stream ends with the terminator.
"""

from __future__ import annotations

import copy
import functools
import json
from typing import Any

import pytest
import requests
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.specs.openapi.checks import positive_data_acceptance

from emulator import Emulator, dialect, validation
from tests import specs

MAX_EXAMPLES = 20  # per operation and generation mode; keeps the four specs well under a minute
# schemathesis stops reading a stream after 20 events by default and checks only those; the
# terminator check below needs the whole stream (n choices x tokens runs past 20 easily).
MAX_STREAM_EVENTS = 100_000
SESSION = requests.Session()  # one connection pool: a new connection per call would double the time


def schema_for(provider: str) -> Any:
    spec = copy.deepcopy(specs.load_spec(provider))  # the raw_schema gets a marker below
    schema = schemathesis.openapi.from_dict(spec)
    schema.config.generation.update(
        modes=["positive", "negative"], max_examples=MAX_EXAMPLES, deterministic=True, database="none"
    )
    schema.config.max_stream_events = MAX_STREAM_EVENTS
    return schema


@functools.cache
def request_validator(provider: str, operation_id: str) -> Any:
    return specs.request_validator(specs.operation(provider, operation_id))


@functools.cache
def event_validator(provider: str, operation_id: str) -> Any:
    return specs.event_validator(specs.operation(provider, operation_id))


def stream_events_conform(ctx: Any, response: Any, case: Any) -> bool | None:
    """Each event of a stream answer: the spec's data prefix and JSON payload, then the terminator."""
    if not response.headers.get("content-type", [""])[0].startswith("text/event-stream"):
        return None
    provider = case.operation.schema.raw_schema["x-emulator-provider"]
    op = dialect.operations()[provider][case.operation.path]
    assert not response.stream_cut_short, f"schemathesis read only {MAX_STREAM_EVENTS} events; raise MAX_STREAM_EVENTS"
    events = response.content.decode("utf-8").split("\n\n")
    assert events[-1] == "", "the body must end with a blank line"
    *frames, last = events[:-1]
    assert last == op.data_prefix + op.terminator, f"last event {last[:60]!r} is not the terminator"
    check = event_validator(provider, op.operation_id)
    for frame in frames:
        assert frame.startswith(op.data_prefix), frame[:40]
        check.validate(json.loads(frame[len(op.data_prefix) :]))
    return True


def run(case: Any, emulator: Emulator, provider: str) -> None:
    op = dialect.operations()[provider][case.operation.path]
    valid = request_validator(provider, op.operation_id).is_valid(case.body)
    special = valid and validation.beyond_schema(op, case.body) is not None
    case.call_and_validate(
        base_url=emulator.base_url(provider),
        session=SESSION,
        headers={"Authorization": f"Bearer {emulator.api_key(provider)}"},
        additional_checks=[stream_events_conform],
        excluded_checks=[positive_data_acceptance] if special else [],
        timeout=10,
    )


def make_test(provider: str) -> Any:
    schema = schema_for(provider)
    schema.raw_schema["x-emulator-provider"] = provider

    @schema.parametrize()
    @settings(deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
    def test(case: Any, emulator: Emulator) -> None:
        run(case, emulator, provider)

    return test


# One test per provider of codegen/providers.toml (schemathesis parametrizes a function per schema).
for _key in specs.PROVIDERS:
    globals()[f"test_{_key.replace('-', '_')}"] = make_test(_key)


def test_schemathesis_checks_stream_payloads_through_the_item_schema(emulator: Emulator) -> None:
    """The 3.2 itemSchema is what schemathesis checks events with: a chunk schema the emulator's
    events break (a required member it never sends) must fail its SSE check."""
    spec = copy.deepcopy(specs.load_spec("lanrui"))
    chunk = spec["components"]["schemas"]["ChatCompletionChunk"]
    chunk["required"] = [*chunk.get("required", []), "member_never_sent"]
    operation = schemathesis.openapi.from_dict(spec)["/v1/chat/completions"]["POST"]
    case = operation.Case(body={"model": "m", "messages": [{"role": "user", "content": "Hi"}], "stream": True})
    response = case.call(
        base_url=emulator.base_url("lanrui"),
        session=SESSION,
        headers={"Authorization": f"Bearer {emulator.api_key('lanrui')}"},
    )
    with pytest.raises(BaseExceptionGroup) as failures:
        case.validate_response(response)
    assert failures.group_contains(Exception, match="SSE event violates schema")
