"""OpenAPI (3.0) exports pasted as text, whose YAML lost its indentation.

    openapi: 3.0.1 / paths: / /v1/x: / post: / parameters: / - name: Authorization / in: header ...
    requestBody: ... properties: / model: / type: string / description: >- / <text> ...
    required: / - model ... / example: ... / responses: / '200': ... example: / id: ... / choices: / - text: ...

Every line is still `key: value`, `- item` or the text of a block scalar, so the reader walks the
lines with OpenAPI's own keywords as landmarks. Request properties must be flat (a nested
`properties:` cannot be placed without indentation and is refused). In the response example a
block's end is not visible either: a key closes the inner blocks when the spec places it in an
enclosing one (`hint`), and an unknown key stays in the innermost block, so it is still reported.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from codegen.drift.facts import (
    NONE,
    Operation,
    Unreadable,
    join,
    normalize_type,
    parse_scalar,
    render_bound,
    render_default,
    render_enum,
    render_required,
)

_KEY = re.compile(r"""^(?P<dash>-\s+)?(?P<key>'[^']*'|"[^"]*"|[A-Za-z_$/{][\w$/{}.\-]*)\s*:(?:\s+(?P<value>.*))?$""")
_ITEM = re.compile(r"^-\s+(?P<value>.*)$")
_BLOCK = (">-", ">", ">+", "|-", "|", "|+")
_METHODS = ("get", "put", "post", "delete", "patch")
_SCHEMA_WORDS = {
    "type", "description", "default", "enum", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum",
    "nullable", "format", "items", "example", "examples", "title", "maxItems", "minItems", "maxLength",
    "minLength", "pattern", "deprecated", "readOnly", "writeOnly",
}  # fmt: skip
_END_OF_PROPERTIES = {"required", "example", "examples", "x-apifox-orders"}
_COMBINATORS = {"anyOf", "oneOf"}


@dataclass
class _Line:
    key: str | None  # None: a bare `- item`
    value: str | None  # None: opens a block (or a list of items)
    dash: bool


def recognise(text: str) -> bool:
    return bool(re.search(r"^openapi:\s*['\"]?3\.", text, re.MULTILINE)) and "paths:" in text


def extract(text: str, hint: dict[str, set[str]]) -> Operation:
    lines = _tokens(text)
    keys = [line.key for line in lines]
    if "paths" not in keys:
        raise Unreadable("no `paths:` in the export")
    at = keys.index("paths")
    path, method = lines[at + 1].key, lines[at + 2].key
    if not path or not path.startswith("/") or method not in _METHODS:
        raise Unreadable("`paths:` is not followed by a path and an HTTP method")
    op = Operation(method.upper(), path, _servers(lines))
    _parameters(op, lines)
    _request(op, lines)
    _response(op, lines, hint.get("response", set()))
    return op


def _tokens(text: str) -> list[_Line]:
    """Lines as (key, value); block scalars folded into the value of their key."""
    result: list[_Line] = []
    block = False
    for raw in text.splitlines():
        line = raw.strip()
        match = _KEY.match(line)
        item = _ITEM.match(line)
        if block and not match and not item:
            continue  # the text of a block scalar (descriptions, example strings)
        block = False
        if match:
            key, value = _unquote(match["key"]), match["value"]
            block = value in _BLOCK
            result.append(_Line(key, value, bool(match["dash"])))  # a block scalar keeps its indicator
        elif item:
            result.append(_Line(None, item["value"], True))
    return result


def _unquote(text: str) -> str:
    return text[1:-1] if len(text) >= 2 and text[0] == text[-1] and text[0] in "'\"" else text


def _servers(lines: list[_Line]) -> tuple[str, ...]:
    keys = [line.key for line in lines]
    if "servers" not in keys:
        return ()
    urls = []
    for line in lines[keys.index("servers") + 1 :]:
        if line.key == "url" and line.dash:
            urls.append(_unquote(line.value or "").rstrip("/"))
        elif line.key not in ("url", "description"):
            break
    return tuple(urls)


def _section(lines: list[_Line], start_key: str, stop_keys: set[str]) -> list[_Line]:
    keys = [line.key for line in lines]
    if start_key not in keys:
        return []
    body = []
    for line in lines[keys.index(start_key) + 1 :]:
        if line.key in stop_keys:
            break
        body.append(line)
    return body


def _parameters(op: Operation, lines: list[_Line]) -> None:
    op.scopes["header"] = {}
    name, where, required, type_name = "", "", False, "string"
    for line in [*_section(lines, "parameters", {"requestBody", "responses"}), _Line("name", "", True)]:
        if line.key == "name" and line.dash:
            if name and where == "header":
                op.add("header", name.lower(), type=normalize_type(type_name), required=render_required(required))
            name, where, required, type_name = _unquote(line.value or ""), "", False, "string"
        elif line.key == "in":
            where = line.value or ""
        elif line.key == "required":
            required = line.value == "true"
        elif line.key == "type":
            type_name = line.value or "string"


def _request(op: Operation, lines: list[_Line]) -> None:
    body = _section(lines, "requestBody", {"responses"})
    keys = [line.key for line in body]
    if "properties" not in keys:
        return
    op.scopes["request"] = {}
    fields: dict[str, dict[str, Any]] = {}
    current: dict[str, Any] = {}
    after = body[keys.index("properties") + 1 :]
    for index, line in enumerate(after):
        if line.key in _END_OF_PROPERTIES or (line.key or "").startswith("x-"):
            break
        if line.key == "properties":
            raise Unreadable("a nested `properties:` in a flattened export cannot be placed without indentation")
        if line.key is not None and line.key not in _SCHEMA_WORDS | _COMBINATORS and line.value is None:
            current = fields.setdefault(line.key, {"types": [[]]})
        elif line.key in _COMBINATORS:
            current["types"], current["alternatives"] = [], True
        elif line.key == "type":
            _add_type(current, _unquote(line.value or ""), new_alternative=line.dash)
        elif line.key == "items":
            current["items"] = True
        elif line.key == "enum":
            current["enum"] = [parse_scalar(item.value or "") for item in _items(after, index + 1)]
        elif line.key in ("default", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "nullable"):
            current[line.key] = parse_scalar(line.value or "")
    required = (
        {_unquote(i.value or "") for i in _items(body, keys.index("required") + 1)} if "required" in keys else set()
    )
    for name, schema in fields.items():
        op.add("request", name, **_facts(schema, name in required))


def _add_type(schema: dict[str, Any], kind: str, new_alternative: bool) -> None:
    """`type:` lines build chains: [array, array, integer] is array<array<integer>>; `- type:` starts an alternative."""
    if new_alternative or not schema["types"]:
        schema["types"].append([kind])
    elif schema.pop("items", False) or not schema["types"][-1]:
        schema["types"][-1].append(kind)
    else:
        schema["types"][-1] = [kind]


def _chain(kinds: list[str]) -> str:
    kind = kinds[-1] if kinds else "object"
    for outer in reversed(kinds[:-1]):
        kind = f"array<{kind}>" if outer == "array" else outer
    return kind


def _items(lines: list[_Line], start: int) -> list[_Line]:
    found = []
    for line in lines[start:]:
        if line.key is not None:
            break
        found.append(line)
    return found


def _facts(schema: dict[str, Any], required: bool) -> dict[str, str]:
    kinds = [_chain(chain) for chain in schema["types"] if chain] or ["object"]
    if schema.get("nullable") is True:
        kinds.append("null")
    kind = normalize_type(" | ".join(kinds))
    sides = []
    for inclusive, exclusive in (("minimum", "exclusiveMinimum"), ("maximum", "exclusiveMaximum")):
        flag = schema.get(exclusive)
        if isinstance(flag, bool) or flag is None:
            sides.append(render_bound(schema.get(inclusive), bool(flag)) if inclusive in schema else NONE)
        else:
            sides.append(render_bound(flag, True))
    return {
        "type": kind,
        "required": render_required(required),
        "default": render_default(schema.get("default"), "default" in schema),
        "enum": render_enum(schema.get("enum")),
        "minimum": sides[0],
        "maximum": sides[1],
    }


def _response(op: Operation, lines: list[_Line], hint: set[str]) -> None:
    """Fields of the 200 response example; its nesting is recovered as the module docstring says."""
    keys = [line.key for line in lines]
    if "200" not in keys:
        return
    after = lines[keys.index("200") + 1 :]
    after_keys = [line.key for line in after]
    if "example" not in after_keys:
        return
    op.scopes["response"] = {}
    stack = [""]  # open blocks, innermost last
    for line in after[after_keys.index("example") + 1 :]:
        if line.key is None:
            continue  # a scalar list item: no field
        if line.key in ("headers", "x-apifox-name", "security") or re.fullmatch(r"\d{3}|default", line.key):
            break
        if line.dash:
            _enter_list_item(stack, line.key, hint)
        block = _innermost_knowing(stack, line.key, hint)
        del stack[stack.index(block) + 1 :]
        path = join(block, line.key)
        op.add("response", path)
        if line.value is None or line.value == "":
            stack.append(path)


def _enter_list_item(stack: list[str], key: str, hint: set[str]) -> None:
    """`- key: ...` starts an item of the list opened by the innermost block that fits."""
    for index in range(len(stack) - 1, 0, -1):
        block = stack[index].removesuffix("[]")
        if join(f"{block}[]", key) in hint or index == len(stack) - 1:
            del stack[index:]
            stack.append(f"{block}[]")
            return


def _innermost_knowing(stack: list[str], key: str, hint: set[str]) -> str:
    for block in reversed(stack):
        if join(block, key) in hint:
            return block
    return stack[-1]
