"""Helpers to read the specs in specs/ and validate payloads against their schemas.

Used by the spec tests and by the emulator/pipeline tests; lives under tests/ because nothing
at run time needs it.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from jsonschema import Draft202012Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from codegen.prepare import stream_facts
from codegen.providers import load_providers

ROOT = Path(__file__).resolve().parent.parent
SPECS = ROOT / "specs"
FIXTURES = ROOT / "tests" / "fixtures"
PROVIDERS = tuple(load_providers())  # the keys of codegen/providers.toml


@functools.cache
def load_spec(provider: str) -> dict[str, Any]:
    return yaml.safe_load((SPECS / f"{provider}.yaml").read_text(encoding="utf-8"))


@dataclass(frozen=True)
class Operation:
    provider: str
    path: str
    method: str
    operation_id: str
    raw: dict[str, Any]

    @property
    def pointer(self) -> str:
        escaped = self.path.replace("~", "~0").replace("/", "~1")
        return f"#/paths/{escaped}/{self.method}"


def operations(provider: str) -> Iterator[Operation]:
    for path, item in load_spec(provider)["paths"].items():
        for method, op in item.items():
            if method in {"get", "post", "put", "patch", "delete"}:
                yield Operation(provider, path, method, op["operationId"], op)


def operation(provider: str, operation_id: str) -> Operation:
    for op in operations(provider):
        if op.operation_id == operation_id:
            return op
    raise LookupError(f"{provider} has no operation {operation_id!r}")


def validator(provider: str, pointer: str) -> Draft202012Validator:
    """A JSON Schema validator for the schema at `pointer` (a '#/...' JSON pointer) of a spec."""
    registry = Registry().with_resource(
        f"urn:spec:{provider}", Resource(contents=load_spec(provider), specification=DRAFT202012)
    )
    return Draft202012Validator({"$ref": f"urn:spec:{provider}{pointer}"}, registry=registry)


def request_validator(op: Operation) -> Draft202012Validator:
    return validator(op.provider, f"{op.pointer}/requestBody/content/application~1json/schema")


def response_validator(op: Operation, status: str = "200") -> Draft202012Validator:
    return validator(op.provider, f"{op.pointer}/responses/{status}/content/application~1json/schema")


def event_validator(op: Operation) -> Draft202012Validator:
    """The schema of one event's JSON payload (the `contentSchema` of the itemSchema's `data`)."""
    return validator(op.provider, stream_extension(op)["event"])


def sse_event_validator(op: Operation) -> Draft202012Validator:
    """The 3.2 itemSchema itself: one SSE event object (`{"data": "..."}`)."""
    return validator(op.provider, f"{op.pointer}/responses/200/content/text~1event-stream/itemSchema")


def stream_extension(op: Operation) -> dict[str, Any]:
    """`x-stream` as written plus `event` (payload schema $ref) and `terminator` from the itemSchema."""
    media = op.raw["responses"]["200"]["content"]["text/event-stream"]
    return stream_facts(media, f"{op.provider} {op.operation_id}", load_spec(op.provider))
