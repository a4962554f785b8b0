"""The spec side: the same fact records, read from an OpenAPI spec's operations.

Only standard keywords are read (`type`, `enum`, `default`, `minimum` ...), so the reader works on
the OpenAPI 3.1 specs and on their 3.2 form alike. An operation's servers are its path's own
`servers` where the path has them, else the document's. A field's enumeration is its `enum`, or
the `enum`s its `anyOf`/`oneOf` alternatives hold (an open enum lists its documented values).
The `error` scope is the body of the `4XX` response. The stream payload is the `itemSchema` of the
`text/event-stream` response when it refers to the payload directly (3.1 style), or the
`contentSchema` its SSE `data` member carries (3.2 style: the event object, with the terminator as
a separate alternative).
"""

from __future__ import annotations

from typing import Any

from codegen.drift.facts import (
    NONE,
    Operation,
    join,
    render_bound,
    render_default,
    render_enum,
    render_required,
    render_types,
)

METHODS = ("get", "put", "post", "delete", "patch", "head", "options")
_COMBINATORS = ("anyOf", "oneOf", "allOf")


class Spec:
    def __init__(self, document: dict[str, Any]) -> None:
        self.document = document
        self.servers = tuple(str(s["url"]).rstrip("/") for s in document.get("servers", []))

    def resolve(self, schema: Any) -> dict[str, Any]:
        seen = 0
        while isinstance(schema, dict) and "$ref" in schema:
            node: Any = self.document
            for part in schema["$ref"].removeprefix("#/").split("/"):
                node = node[part.replace("~1", "/").replace("~0", "~")]
            schema, seen = node, seen + 1
            if seen > 50:
                raise ValueError("$ref loop")
        return schema if isinstance(schema, dict) else {}

    def operations(self) -> list[Operation]:
        found = []
        for path, item in self.document.get("paths", {}).items():
            for method in METHODS:
                if method in item:
                    found.append(self.operation(path, method))
        return found

    def operation(self, path: str, method: str) -> Operation:
        item = self.document["paths"][path]
        raw = item[method]
        servers = raw.get("servers") or item.get("servers")
        own = tuple(str(s["url"]).rstrip("/") for s in servers) if servers else self.servers
        op = Operation(method.upper(), path, own, operation_id=raw.get("operationId", ""))
        op.scopes["header"] = {}
        for parameter in raw.get("parameters", []):
            parameter = self.resolve(parameter)
            if parameter.get("in") == "header":
                op.add(
                    "header",
                    str(parameter["name"]).lower(),
                    type=self.type_of(parameter.get("schema", {})),
                    required=render_required(bool(parameter.get("required"))),
                )
        body = self.resolve(raw.get("requestBody", {})).get("content", {}).get("application/json", {})
        self.walk(op, "request", body.get("schema", {}), "")
        ok = self.resolve(raw.get("responses", {}).get("200", {})).get("content", {})
        if "application/json" in ok:
            self.walk(op, "response", ok["application/json"].get("schema", {}), "")
        if "text/event-stream" in ok:
            self.walk(op, "stream", self.stream_payload(ok["text/event-stream"]), "")
        error = self.resolve(raw.get("responses", {}).get("4XX", {})).get("content", {}).get("application/json")
        if error:
            self.walk(op, "error", error.get("schema", {}), "")
        return op

    def stream_payload(self, media: dict[str, Any]) -> Any:
        item = media.get("itemSchema", media.get("schema", {}))
        content = self._find_content_schema(item, depth=0)
        return content if content is not None else item

    def _find_content_schema(self, schema: Any, depth: int) -> Any:
        if depth > 6 or not isinstance(schema, dict):
            return None
        if "contentSchema" in schema:
            return schema["contentSchema"]
        resolved = self.resolve(schema)
        children = [*resolved.get("properties", {}).values()]
        for key in _COMBINATORS:
            children.extend(resolved.get(key, []))
        for child in children:
            found = self._find_content_schema(child, depth + 1)
            if found is not None:
                return found
        return None

    # --- one schema -> field records ---------------------------------------------------------------

    def walk(self, op: Operation, scope: str, schema: Any, prefix: str) -> None:
        fields = op.scopes.setdefault(scope, {})
        for parent_prefix, resolved in self._objects(schema, prefix):
            required = set(resolved.get("required", []))
            for name, child in resolved.get("properties", {}).items():
                path = join(parent_prefix, name)
                if path in fields:
                    continue
                op.add(scope, path, **self.facts(child, name in required))
                self.walk(op, scope, child, path)

    def _objects(self, schema: Any, prefix: str, depth: int = 0) -> list[tuple[str, dict[str, Any]]]:
        """Every object schema reachable from `schema` without naming a property, with its path prefix."""
        resolved = self.resolve(schema)
        if depth > 8:
            return []
        found: list[tuple[str, dict[str, Any]]] = []
        if "properties" in resolved:
            found.append((prefix, resolved))
        if "items" in resolved:
            found.extend(self._objects(resolved["items"], f"{prefix}[]", depth + 1))
        for key in _COMBINATORS:
            for alternative in resolved.get(key, []):
                found.extend(self._objects(alternative, prefix, depth + 1))
        return found

    def facts(self, schema: Any, required: bool) -> dict[str, str]:
        resolved = self.resolve(schema)
        minimum, maximum = _bounds(resolved)
        return {
            "type": self.type_of(resolved),
            "required": render_required(required),
            "default": render_default(resolved.get("default"), "default" in resolved),
            "enum": render_enum(self._enum(resolved, 0)),
            "minimum": minimum,
            "maximum": maximum,
        }

    def _enum(self, schema: dict[str, Any], depth: int) -> list[Any]:
        if "enum" in schema or depth > 8:
            return list(schema.get("enum", []))
        values: list[Any] = []
        for key in ("anyOf", "oneOf"):
            for alternative in schema.get(key, []):
                values += [v for v in self._enum(self.resolve(alternative), depth + 1) if v not in values]
        return values

    def type_of(self, schema: Any) -> str:
        return render_types(self._types(schema, 0))

    def _types(self, schema: Any, depth: int) -> set[str]:
        resolved = self.resolve(schema)
        names: set[str] = set()
        for key in _COMBINATORS:
            for alternative in resolved.get(key, []):
                names |= self._types(alternative, depth + 1)
        declared = resolved.get("type")
        kinds = [declared] if isinstance(declared, str) else list(declared or [])
        if not kinds and not names:
            if "properties" in resolved or "additionalProperties" in resolved:
                kinds = ["object"]
            elif "items" in resolved:
                kinds = ["array"]
            elif "enum" in resolved or "const" in resolved:
                values = resolved.get("enum", [resolved.get("const")])
                kinds = sorted({_json_type(v) for v in values})
        for kind in kinds:
            if kind == "array" and "items" in resolved and depth < 8:
                names.add(f"array<{render_types(self._types(resolved['items'], depth + 1))}>")
            else:
                names.add(kind)
        return names


def _bounds(schema: dict[str, Any]) -> tuple[str, str]:
    sides = []
    for inclusive, exclusive in (("minimum", "exclusiveMinimum"), ("maximum", "exclusiveMaximum")):
        value = schema.get(exclusive)
        if isinstance(value, bool):  # OpenAPI 3.0 style: a flag on the inclusive keyword
            sides.append(render_bound(schema.get(inclusive), value))
        elif value is not None:
            sides.append(render_bound(value, True))
        else:
            sides.append(render_bound(schema.get(inclusive), False) if inclusive in schema else NONE)
    return sides[0], sides[1]


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
