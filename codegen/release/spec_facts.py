"""The spec level of a release: what an OpenAPI spec promises, reduced to facts that compare.

The facts are JSON data, kept in releases/<key>.json, so the last release compares offline and in
a fresh clone. Per operation (`POST /v1/chat/completions`): its Python names (operationId, tag,
x-client-method), its request and answer schemas, its error statuses and its stream's wire format
(codegen/prepare.py's `stream_facts`, the one reader of streams). Per component schema: which way
it travels (request, response or both, by reachability from the operations) and a flat map from
each location inside it to what a value there may be. Locations are `` (the schema itself),
`.name` (a property), `[]` (array items), `{}` (additionalProperties values), `|label` (an
anyOf/oneOf alternative) and `&label` (an allOf part), chained: `.stop|array[]`.

Descriptions, summaries and examples are left out (they change no call); the digest of the whole
spec still notices them.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from codegen.prepare import stream_facts

METHODS = ("get", "put", "post", "delete", "patch", "head", "options")
SCHEMA_PREFIX = "#/components/schemas/"
# keyword -> (bound name, exclusive): inclusive and exclusive bounds of one side compare as one fact
BOUNDS = {
    "minimum": ("lower", False),
    "exclusiveMinimum": ("lower", True),
    "maximum": ("upper", False),
    "exclusiveMaximum": ("upper", True),
}
SIZES = ("minLength", "maxLength", "minItems", "maxItems", "minProperties", "maxProperties")
CONSTRAINTS = ("format", "pattern", "multipleOf", "uniqueItems")
Facts = dict[str, Any]


def spec_facts(spec: dict[str, Any]) -> Facts:
    """Everything of `spec` that the release plan compares (see the module docstring)."""
    return {
        "api_version": str(spec.get("info", {}).get("version", "")),
        "servers": [str(server.get("url", "")) for server in spec.get("servers", [])],
        "security": sorted(spec.get("components", {}).get("securitySchemes", {})),
        "operations": _operations(spec),
        "schemas": _schemas(spec),
        "digest": hashlib.sha256(json.dumps(spec, sort_keys=True, ensure_ascii=False).encode()).hexdigest(),
    }


def ref_name(ref: str) -> str:
    return ref.removeprefix(SCHEMA_PREFIX) if ref.startswith(SCHEMA_PREFIX) else ref


# --- operations ----------------------------------------------------------------------------------


def _operations(spec: dict[str, Any]) -> dict[str, Facts]:
    found = {}
    for path, item in spec.get("paths", {}).items():
        for method in METHODS:
            if isinstance(item, dict) and method in item:
                found[f"{method.upper()} {path}"] = _operation(item[method], f"{method.upper()} {path}")
    return found


def _operation(raw: dict[str, Any], where: str) -> Facts:
    body = raw.get("requestBody", {}).get("content", {}).get("application/json", {})
    responses = raw.get("responses", {})
    ok = responses.get("200", {}).get("content", {})
    return {
        "operation_id": raw.get("operationId", ""),
        "tags": list(raw.get("tags", [])),
        "client_method": raw.get("x-client-method", ""),
        "request": _schema_label(body.get("schema")),
        "request_required": bool(raw.get("requestBody", {}).get("required", False)),
        "response": _schema_label(ok.get("application/json", {}).get("schema")),
        "stream": _stream(ok.get("text/event-stream"), where),
        "errors": {
            str(status): _schema_label(answer.get("content", {}).get("application/json", {}).get("schema"))
            for status, answer in sorted(responses.items())
            if str(status) != "200"
        },
        "parameters": {
            f"{p.get('in')}:{p.get('name')}": {"required": bool(p.get("required")), **_leaf(p.get("schema", {}))}
            for p in raw.get("parameters", [])
        },
    }


def _schema_label(schema: Any) -> str | None:
    if not isinstance(schema, dict):
        return None
    return ref_name(schema["$ref"]) if "$ref" in schema else "inline"


def _stream(media: Any, where: str) -> Facts | None:
    """The stream's facts as prepare.stream_facts reads them, with the event as a schema name."""
    if not isinstance(media, dict):
        return None
    facts = dict(stream_facts(media, where))
    facts["event"] = ref_name(str(facts["event"]))
    return facts


# --- schemas -------------------------------------------------------------------------------------


def _schemas(spec: dict[str, Any]) -> dict[str, Facts]:
    schemas = spec.get("components", {}).get("schemas", {})
    directions = _directions(spec)
    result = {}
    for name, schema in sorted(schemas.items()):
        locations: dict[str, Facts] = {}
        _flatten(schema, "", locations)
        result[name] = {"direction": directions.get(name, "both"), "locations": locations}
    return result


def _directions(spec: dict[str, Any]) -> dict[str, str]:
    """request / response / both per schema: a schema users send and read is held to both rules.
    A schema no operation reaches counts as both (nothing tells which rule is safe)."""
    schemas = spec.get("components", {}).get("schemas", {})
    seen: dict[str, set[str]] = {}
    for item in spec.get("paths", {}).values():
        for method in METHODS:
            raw = item.get(method) if isinstance(item, dict) else None
            if not isinstance(raw, dict):
                continue
            for name in _reachable(raw.get("requestBody", {}), schemas):
                seen.setdefault(name, set()).add("request")
            for name in _reachable([raw.get("responses", {}), raw.get("parameters", [])], schemas):
                seen.setdefault(name, set()).add("response")
    return {name: next(iter(ways)) if len(ways) == 1 else "both" for name, ways in seen.items()}


def _reachable(node: Any, schemas: dict[str, Any]) -> set[str]:
    found: set[str] = set()
    pending = [node]
    while pending:
        current = pending.pop()
        if isinstance(current, dict):
            ref = current.get("$ref")
            if isinstance(ref, str) and ref.startswith(SCHEMA_PREFIX) and ref_name(ref) not in found:
                found.add(ref_name(ref))
                pending.append(schemas.get(ref_name(ref), {}))
            pending.extend(current.values())
        elif isinstance(current, list):
            pending.extend(current)
    return found


def _flatten(node: Any, location: str, out: dict[str, Facts], required: bool | None = None) -> None:
    """Record the facts of `node` at `location`, then those of every schema nested in it."""
    if not isinstance(node, dict):
        return
    facts = _leaf(node)
    if required is not None:
        facts["required"] = required
    out[location] = facts
    if "$ref" in node:
        return  # the referenced schema has its own entry
    names = set(node.get("required", []))
    for name, child in node.get("properties", {}).items():
        _flatten(child, f"{location}.{name}", out, name in names)
    if "items" in node:
        _flatten(node["items"], f"{location}[]", out)
    if isinstance(node.get("additionalProperties"), dict):
        _flatten(node["additionalProperties"], f"{location}{{}}", out)
    for keyword, mark in (("anyOf", "|"), ("oneOf", "|"), ("allOf", "&")):
        for label, alternative in _labelled(node.get(keyword, [])):
            _flatten(alternative, f"{location}{mark}{label}", out)


def _labelled(alternatives: list[Any]) -> list[tuple[str, Any]]:
    """Alternatives named by what they are (a schema name or a type), so a reordering compares
    equal; a second alternative of the same type gets `#2`."""
    labelled: list[tuple[str, Any]] = []
    counts: dict[str, int] = {}
    for alternative in alternatives:
        base = "+".join(_types(alternative)) or "any"
        counts[base] = counts.get(base, 0) + 1
        labelled.append((base if counts[base] == 1 else f"{base}#{counts[base]}", alternative))
    return labelled


def _leaf(node: dict[str, Any]) -> Facts:
    """What one schema node says about its value (not about its nested schemas)."""
    facts: Facts = {"type": _types(node)}
    for keyword in ("enum", "const", "default", *CONSTRAINTS, *SIZES):
        if keyword in node:
            facts[keyword] = sorted(node[keyword], key=json.dumps) if keyword == "enum" else node[keyword]
    for keyword, (side, exclusive) in BOUNDS.items():
        value = node.get(keyword)
        if isinstance(value, int | float) and not isinstance(value, bool):
            # OpenAPI 3.0 wrote exclusiveness as a flag beside the inclusive keyword
            flag = node.get("exclusiveMinimum" if side == "lower" else "exclusiveMaximum") is True
            facts[side] = [value, exclusive or flag]
    if node.get("additionalProperties") is False:
        facts["closed"] = True
    extensions = {key: value for key, value in node.items() if key.startswith("x-")}
    if extensions:
        facts["extensions"] = extensions
    return facts


def _types(node: Any) -> list[str]:
    """The kinds of value a node admits: schema names for $refs, JSON types, and those of its
    anyOf/oneOf alternatives (so `string` -> `anyOf: [string, null]` reads as a wider type)."""
    if not isinstance(node, dict):
        return []
    if "$ref" in node:
        return [ref_name(str(node["$ref"]))]
    kinds: set[str] = set()
    declared = node.get("type")
    kinds.update([declared] if isinstance(declared, str) else declared or [])
    for keyword in ("anyOf", "oneOf"):
        for alternative in node.get(keyword, []):
            kinds.update(_types(alternative))
    if not kinds:
        for value in [*node.get("enum", []), *([node["const"]] if "const" in node else [])]:
            kinds.add(_json_type(value))
        if "properties" in node or "additionalProperties" in node:
            kinds.add("object")
        elif "items" in node:
            kinds.add("array")
    return sorted(kinds)


def _json_type(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    return "object" if isinstance(value, dict) else "array" if isinstance(value, list) else "string"
