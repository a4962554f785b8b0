"""Compare the spec facts of two releases (spec_facts.py) and classify each difference.

Which way a schema travels decides most rules. Users write requests: a request value that is
accepted less (a field removed or now required, a narrower type, range or enum) breaks them, one
accepted more is an addition. Users read answers: an answer field that may now be missing or have
another type breaks them, a new field or a narrower promise is an addition, and a range in an
answer bounds nothing users write (neutral). An enum value added counts as an addition both ways,
as in the openai SDK's minor releases (the answers' enums here are open: `anyOf: [enum, string]`).
A schema that travels both ways is held to both rules. Defaults, extensions (`x-last-role` ...),
error statuses and the stream's wire format are the server's behaviour, not users' code: neutral.

A schema removed while another one with the very same facts appears is reported as one rename,
and references to it compare under its new name (so `list[ChatMessage]` -> `list[ChatTurn]` is
not a second change).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from codegen.release.changes import Change, Impact
from codegen.release.spec_facts import Facts

B, A, N = Impact.BREAKING, Impact.ADDITIVE, Impact.NEUTRAL
# impact of a wider / narrower / otherwise changed type, by direction
TYPE_RULES = {
    "request": {"wider": A, "narrower": B, "changed": B},
    "response": {"wider": B, "narrower": A, "changed": B},
    "both": {"wider": B, "narrower": B, "changed": B},
}
# impact of a wider / narrower / changed range or constraint, by direction
RANGE_RULES = {
    "request": {"wider": A, "narrower": B, "changed": B},
    "response": {"wider": N, "narrower": N, "changed": N},
    "both": {"wider": A, "narrower": B, "changed": B},
}
# impact of a field made required / made optional, by direction
REQUIRED_RULES = {"request": (B, A), "response": (A, B), "both": (B, B)}
NOUNS = {"request": "request field", "response": "response field", "both": "field"}
LOWER_SIDES = ("lower", "minLength", "minItems", "minProperties")
UPPER_SIDES = ("upper", "maxLength", "maxItems", "maxProperties")
CONSTRAINTS = ("format", "pattern", "multipleOf", "uniqueItems", "closed")
_SEGMENTS = re.compile(r"(\.[^.|&\[{]+|\[\]|\{\}|[|&][^.|&\[{]+)")


def diff_specs(old: Facts, new: Facts) -> list[Change]:
    """Every difference between two releases' spec facts, classified."""
    renames = schema_renames(old["schemas"], new["schemas"])
    changes = [
        Change(B, "spec", "changed", f"schema `{before}`", f"renamed to `{after}`") for before, after in renames.items()
    ]
    changes += _operation_changes(old["operations"], new["operations"], renames)
    changes += _schema_changes(old["schemas"], new["schemas"], renames)
    changes += _document_changes(old, new, bool(changes))
    return changes


# --- renames -------------------------------------------------------------------------------------


def schema_renames(old: dict[str, Facts], new: dict[str, Facts]) -> dict[str, str]:
    """old name -> new name for schemas that vanished while one with the same facts appeared.
    Repeated until nothing more matches, so a schema that refers to a renamed one matches too."""
    renames: dict[str, str] = {}
    while True:
        removed = [name for name in old if name not in new and name not in renames]
        added = [name for name in new if name not in old and name not in renames.values()]
        found = {}
        for before in removed:
            facts = _renamed(old[before]["locations"], renames)
            matches = [after for after in added if new[after]["locations"] == facts]
            if len(matches) == 1:
                found[before] = matches[0]
        if not found or len(set(found.values())) != len(found):
            return renames
        renames.update(found)


def _renamed(locations: dict[str, Facts], renames: dict[str, str]) -> dict[str, Facts]:
    """Locations with renamed schema names replaced, in labels and in types."""
    if not renames:
        return locations
    return {
        _rename_location(location, renames): {**facts, "type": sorted(renames.get(t, t) for t in facts["type"])}
        for location, facts in locations.items()
    }


def _renamed_operation(operation: Facts, renames: dict[str, str]) -> Facts:
    def name(value: str | None) -> str | None:
        return renames.get(value, value) if value else value

    stream = operation["stream"]
    return {
        **operation,
        "request": name(operation["request"]),
        "response": name(operation["response"]),
        "errors": {status: name(schema) for status, schema in operation["errors"].items()},
        "stream": {**stream, "event": name(stream["event"])} if stream else None,
    }


def _rename_location(location: str, renames: dict[str, str]) -> str:
    """Schema names appear in alternative labels (`.role|ChatRole`), never in property names."""
    parts = _SEGMENTS.findall(location)
    if not renames or "".join(parts) != location:
        return location
    out = []
    for part in parts:
        if part[0] in "|&":
            label, _, count = part[1:].partition("#")
            label = "+".join(sorted(renames.get(kind, kind) for kind in label.split("+")))
            part = part[0] + label + (f"#{count}" if count else "")
        out.append(part)
    return "".join(out)


# --- operations ----------------------------------------------------------------------------------


def _operation_changes(old: dict[str, Facts], new: dict[str, Facts], renames: dict[str, str]) -> Iterator[Change]:
    for key in sorted(old.keys() | new.keys()):
        before, after = old.get(key), new.get(key)
        if before is None:
            assert after is not None
            yield Change(A, "spec", "added", f"operation `{key}`", f"added ({_python_name(after)})")
        elif after is None:
            yield Change(B, "spec", "removed", f"operation `{key}`", f"removed ({_python_name(before)})")
        else:
            yield from _one_operation(key, _renamed_operation(before, renames), after)


def _python_name(operation: Facts) -> str:
    tag = ".".join(operation["tags"][:1])
    return f"`client.{operation['client_method']}()`, `api.{tag}.{operation['operation_id']}`"


def _one_operation(key: str, before: Facts, after: Facts) -> Iterator[Change]:
    subject = f"operation `{key}`"
    for fact, what in (
        ("operation_id", "operationId (function module)"),
        ("tags", "tag (module package)"),
        ("client_method", "x-client-method (client method)"),
        ("request", "request schema"),
        ("response", "answer schema"),
    ):
        if before[fact] != after[fact]:
            yield Change(B, "spec", "changed", subject, f"{what} {before[fact]} -> {after[fact]}")
    if before["request_required"] != after["request_required"]:
        impact = B if after["request_required"] else A
        yield Change(impact, "spec", "changed", subject, f"request body required: {after['request_required']}")
    yield from _stream_changes(subject, before["stream"], after["stream"])
    if before["errors"] != after["errors"]:
        yield Change(N, "spec", "changed", subject, f"error answers {before['errors']} -> {after['errors']}")
    top: Facts = {"type": ["object"]}  # parameters compare like the fields of one request object
    params_before = {"": top, **{f".{name}": facts for name, facts in before["parameters"].items()}}
    params_after = {"": top, **{f".{name}": facts for name, facts in after["parameters"].items()}}
    yield from _location_changes(f"{key} parameter", "request", params_before, params_after)


def _stream_changes(subject: str, before: Facts | None, after: Facts | None) -> Iterator[Change]:
    if before == after:
        return
    if before is None:
        assert after is not None
        yield Change(A, "spec", "added", subject, f"streaming added (`stream=True`, events `{after['event']}`)")
    elif after is None:
        yield Change(B, "spec", "removed", subject, "streaming removed")
    else:
        if before["event"] != after["event"]:
            yield Change(B, "spec", "changed", subject, f"stream event schema {before['event']} -> {after['event']}")
        for fact in sorted((before.keys() | after.keys()) - {"event"}):
            if before.get(fact) != after.get(fact):
                detail = f"stream wire format: {fact} {before.get(fact)!r} -> {after.get(fact)!r}"
                yield Change(N, "spec", "changed", subject, detail)


# --- schemas -------------------------------------------------------------------------------------


def _schema_changes(old: dict[str, Facts], new: dict[str, Facts], renames: dict[str, str]) -> Iterator[Change]:
    renamed_old = {renames.get(name, name): facts for name, facts in old.items()}
    for name in sorted(renamed_old.keys() | new.keys()):
        before, after = renamed_old.get(name), new.get(name)
        if before is None:
            assert after is not None
            yield Change(A, "spec", "added", f"schema `{name}`", f"added ({after['direction']})")
        elif after is None:
            yield Change(B, "spec", "removed", f"schema `{name}`", f"removed ({before['direction']})")
        else:
            direction = after["direction"] if after["direction"] == before["direction"] else "both"
            locations = _renamed(before["locations"], renames)
            yield from _location_changes(name, direction, locations, after["locations"])


def _location_changes(schema: str, direction: str, old: dict[str, Facts], new: dict[str, Facts]) -> Iterator[Change]:
    for location in sorted(old.keys() | new.keys()):
        before, after = old.get(location), new.get(location)
        subject = f"`{schema}{location}`"
        if before is not None and after is not None:
            yield from _fact_changes(subject, direction, before, after)
        elif _is_field(location) and _parent(location) in (old.keys() & new.keys()):
            # nested locations of an added or removed field, and alternatives (their parent's
            # type says it), are not changes of their own
            noun = NOUNS[direction]
            if after is not None:
                required = bool(after.get("required"))
                impact = B if required and direction != "response" else A
                yield Change(impact, "spec", "added", subject, f"{noun} added ({_required_word(required)})")
            else:
                yield Change(B, "spec", "removed", subject, f"{noun} removed")


def _is_field(location: str) -> bool:
    parts = _SEGMENTS.findall(location)
    return bool(parts) and parts[-1].startswith(".")


def _parent(location: str) -> str:
    parts = _SEGMENTS.findall(location)
    return "".join(parts[:-1])


def _required_word(required: bool) -> str:
    return "required" if required else "optional"


def _fact_changes(subject: str, direction: str, before: Facts, after: Facts) -> Iterator[Change]:
    relation = _type_relation(before["type"], after["type"])
    if relation:
        detail = f"type {_types_text(before['type'])} -> {_types_text(after['type'])} ({relation})"
        yield Change(TYPE_RULES[direction][relation], "spec", "changed", subject, detail)
    if before.get("required") != after.get("required") and "required" in before and "required" in after:
        made_required, made_optional = REQUIRED_RULES[direction]
        impact = made_required if after["required"] else made_optional
        yield Change(impact, "spec", "changed", subject, "now required" if after["required"] else "now optional")
    yield from _enum_changes(subject, before.get("enum"), after.get("enum"))
    if before.get("const") != after.get("const"):
        yield Change(B, "spec", "changed", subject, f"const {before.get('const')!r} -> {after.get('const')!r}")
    for side in (*LOWER_SIDES, *UPPER_SIDES, *CONSTRAINTS):
        relation = _bound_relation(side, before.get(side), after.get(side))
        if relation:
            detail = f"{_bound_text(side, before.get(side))} -> {_bound_text(side, after.get(side))} ({relation})"
            yield Change(RANGE_RULES[direction][relation], "spec", "changed", subject, detail)
    for fact in ("default", "extensions"):
        if before.get(fact) != after.get(fact):
            detail = f"{fact} {before.get(fact, 'none')!r} -> {after.get(fact, 'none')!r} (the server's behaviour)"
            yield Change(N, "spec", "changed", subject, detail)


def _enum_changes(subject: str, before: list[Any] | None, after: list[Any] | None) -> Iterator[Change]:
    if before is None or after is None:
        if before != after:  # an enum appears (narrower) or goes (wider): a type question
            yield Change(B if after is not None else A, "spec", "changed", subject, f"enum {before} -> {after}")
        return
    removed = [value for value in before if value not in after]
    added = [value for value in after if value not in before]
    if removed:
        yield Change(B, "spec", "removed", subject, f"enum values removed: {', '.join(map(repr, removed))}")
    if added:
        yield Change(A, "spec", "added", subject, f"enum values added: {', '.join(map(repr, added))}")


def _covers(kinds: list[str], kind: str) -> bool:
    return kind in kinds or (kind == "integer" and "number" in kinds)


def _type_relation(before: list[str], after: list[str]) -> str | None:
    """wider / narrower / changed / None (the same). An integer fits where a number goes."""
    if sorted(before) == sorted(after):
        return None
    old_in_new = all(_covers(after, kind) for kind in before)
    new_in_old = all(_covers(before, kind) for kind in after)
    if old_in_new and not new_in_old:
        return "wider"
    if new_in_old and not old_in_new:
        return "narrower"
    return "changed"


def _types_text(kinds: list[str]) -> str:
    return " | ".join(kinds) or "any"


def _bound_relation(side: str, before: Any, after: Any) -> str | None:
    """How the set of accepted values moved when a bound or a constraint changed."""
    if before == after:
        return None
    if before is None:
        return "narrower"  # a new bound or constraint accepts less
    if after is None:
        return "wider"
    if side in CONSTRAINTS:
        return "changed"
    old_value, old_exclusive = before if isinstance(before, list) else (before, False)
    new_value, new_exclusive = after if isinstance(after, list) else (after, False)
    if old_value == new_value:
        return "narrower" if new_exclusive and not old_exclusive else "wider"
    rises = new_value > old_value
    return ("narrower" if rises else "wider") if side in LOWER_SIDES else ("wider" if rises else "narrower")


def _bound_text(side: str, value: Any) -> str:
    if value is None:
        return f"no {side if side not in ('lower', 'upper') else ('minimum' if side == 'lower' else 'maximum')}"
    if side in ("lower", "upper"):
        number, exclusive = value
        word = ("exclusiveMinimum" if exclusive else "minimum") if side == "lower" else None
        word = word or ("exclusiveMaximum" if exclusive else "maximum")
        return f"{word} {number}"
    return f"{side} {value!r}"


def _document_changes(old: Facts, new: Facts, others: bool) -> Iterator[Change]:
    if old["api_version"] != new["api_version"]:
        yield Change(N, "spec", "changed", "API version", f"{old['api_version']} -> {new['api_version']}")
    if old["servers"] != new["servers"]:
        yield Change(N, "spec", "changed", "default base URL", f"{old['servers']} -> {new['servers']}")
    if old["security"] != new["security"]:
        yield Change(N, "spec", "changed", "security schemes", f"{old['security']} -> {new['security']}")
    if old["digest"] != new["digest"] and not others and old["api_version"] == new["api_version"]:
        yield Change(N, "spec", "changed", "spec text", "descriptions, summaries or examples changed")
