"""Request validation with the pydantic models generated from the specs (codegen/server_models.py).

Four checks the models cannot make are done from the spec here: null sent for a member whose
schema does not allow null (datamodel-code-generator makes every optional member nullable), a
member the request schema does not name where it has `additionalProperties: false` (the models
ignore extras), the `x-last-role` rule on chat messages, and `best_of` not below `n`. Every
problem names the field.
"""

from __future__ import annotations

import functools
import importlib
from dataclasses import dataclass
from typing import Any

import pydantic

from emulator.dialect import Operation, allows_null, deref, variants
from emulator.generation import MAX_CHOICES, prompts_of


@dataclass(frozen=True)
class Problem:
    message: str
    field: str | None


@functools.cache
def model(provider: str, schema_name: str) -> type[pydantic.BaseModel]:
    module = importlib.import_module(f"emulator.models.{provider}")
    return getattr(module, schema_name)  # type: ignore[no-any-return]


def check(op: Operation, body: Any) -> Problem | None:
    """The first problem of a request body, or None when the operation accepts it."""
    if not isinstance(body, dict):
        return Problem("the request body must be a JSON object", None)
    try:
        model(op.key, op.request_schema_name).model_validate(body)
    except pydantic.ValidationError as exc:
        return _from_pydantic(exc, body)
    return _null_member(op, op.request_schema, body, ()) or _unknown_member(op, body) or beyond_schema(op, body)


def beyond_schema(op: Operation, body: dict[str, Any]) -> Problem | None:
    """The rules a schema-valid body can still break: the spec's `x-last-role`, `best_of` >= `n`,
    and the emulator's own limit on the number of choices."""
    return _last_role(op, body) or _choices(body)


def _from_pydantic(exc: pydantic.ValidationError, body: Any) -> Problem:
    errors = exc.errors()
    # in a union every branch reports; a broken constraint says more than "not a string"
    error = next((e for e in errors if not e["type"].endswith("_type")), errors[0])
    where = _field_path(error["loc"], body, error["type"] == "missing")
    return Problem(f"{where or 'body'}: {error['msg']}", where or None)


def _field_path(loc: tuple[Any, ...], body: Any, missing: bool) -> str:
    """The dotted path of the offending value, skipping pydantic's union-branch labels."""
    parts: list[str] = []
    node = body
    for item in loc:
        if _has(node, item):
            node = node[item]
        elif not (missing and item == loc[-1] and isinstance(node, dict)):
            continue  # a label such as 'list[str]', not a member of the body
        parts.append(str(item))
    return ".".join(parts)


def _has(node: Any, item: Any) -> bool:
    if isinstance(node, dict):
        return isinstance(item, str) and item in node
    return isinstance(node, list) and isinstance(item, int) and 0 <= item < len(node)


def _null_member(op: Operation, schema: Any, value: Any, where: tuple[str, ...]) -> Problem | None:
    for option in variants(op.spec, schema):
        if isinstance(value, dict) and "properties" in option:
            for name, member in value.items():
                prop = option["properties"].get(name)
                if prop is None:
                    continue
                path = (*where, name)
                if member is None and not allows_null(op.spec, prop):
                    return Problem(f"{'.'.join(path)}: must not be null", ".".join(path))
                problem = _null_member(op, prop, member, path)
                if problem:
                    return problem
        if isinstance(value, list) and "items" in option:
            for i, item in enumerate(value):
                problem = _null_member(op, deref(op.spec, option["items"]), item, (*where, str(i)))
                if problem:
                    return problem
    return None


def _unknown_member(op: Operation, body: dict[str, Any]) -> Problem | None:
    """A top-level member the request schema does not name, where it says `additionalProperties:
    false` (a gateway that refuses what it does not know; the models themselves ignore extras)."""
    schema = op.request_schema
    if schema.get("additionalProperties") is not False:
        return None
    known = schema.get("properties", {})
    unknown = [name for name in body if name not in known]
    if unknown:
        return Problem(f"{unknown[0]}: unknown member; the request accepts only {', '.join(known)}", unknown[0])
    return None


def _last_role(op: Operation, body: dict[str, Any]) -> Problem | None:
    role = op.last_role
    messages = body.get("messages") or []
    if role and messages and messages[-1].get("role") != role:
        where = f"messages.{len(messages) - 1}.role"
        return Problem(f"{where}: the last message must have the role {role!r}", where)
    return None


def _choices(body: dict[str, Any]) -> Problem | None:
    n, best_of = body.get("n"), body.get("best_of")
    if isinstance(n, int) and isinstance(best_of, int) and best_of < n:
        return Problem(f"best_of: must be at least n ({n}), got {best_of}", "best_of")
    if (n if isinstance(n, int) else 1) * len(prompts_of(body)) > MAX_CHOICES:
        return Problem(f"n: the emulator generates at most {MAX_CHOICES} choices per request (n x prompts)", "n")
    return None
