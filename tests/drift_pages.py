"""Synthetic provider pages for the drift tests, rendered from fact records in each page form.

`render(form, op)` writes what a provider page in that form would say about `op` (an
`Operation` as codegen.drift produces it): the tests render a spec's own facts, change one fact,
and check the drift tool reports exactly that change. The text around the facts is our own
filler, not any provider's prose.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from codegen.drift.compare import parent
from codegen.drift.facts import NONE, Field, Operation

FORMS = (
    "markdown_tables",
    "markdown_tables_no_pipe",
    "run_together_table",
    "flat_openapi",
    "reference_page",
    "guide_page",
)


def render(form: str, op: Operation) -> str:
    renderers: dict[str, Callable[[Operation], str]] = {
        "markdown_tables": lambda o: _markdown_tables(o, pipe=True),
        "markdown_tables_no_pipe": lambda o: _markdown_tables(o, pipe=False),
        "run_together_table": _run_together_table,
        "flat_openapi": _flat_openapi,
        "reference_page": _reference_page,
        "guide_page": _guide_page,
    }
    return renderers[form](op)


# --- helpers -------------------------------------------------------------------------------------


def _children(fields: dict[str, Field], of: str) -> list[Field]:
    return [f for path, f in fields.items() if parent(path) == of and path != of]


def _top(fields: dict[str, Field]) -> list[Field]:
    return _children(fields, "")


def _name(field: Field) -> str:
    return field.path.rsplit(".", 1)[-1].removesuffix("[]")


def example(fields: dict[str, Field], of: str = "") -> dict[str, Any]:
    """A payload that holds every field once (arrays hold one item)."""
    payload: dict[str, Any] = {}
    for field in _children(fields, of):
        kind = field.facts.get("type", "string").split(" | ")[0]
        members = _children(fields, field.path)
        if kind.startswith("array"):
            payload[_name(field)] = [example(fields, field.path)] if members else [_leaf(kind[6:-1] or "string")]
        elif members or kind == "object":
            payload[_name(field)] = example(fields, field.path)
        else:
            payload[_name(field)] = _leaf(kind)
    return payload


def _leaf(kind: str) -> Any:
    return {"integer": 1, "number": 0.5, "boolean": True, "null": None, "object": {}}.get(kind, "text")


def _number(bound: str) -> str:
    return bound.removesuffix(" exclusive")


def _bounds(field: Field) -> tuple[str, str] | None:
    low, high = field.facts.get("minimum", NONE), field.facts.get("maximum", NONE)
    return None if low == high == NONE else (low, high)


# --- SenseNova-style Markdown tables ----------------------------------------------------------


def _markdown_tables(op: Operation, pipe: bool) -> str:
    server = op.servers[0]
    out = ["A synthetic operation", "请求地址(Request URL)", f"[{op.method}] {server}{op.path}"]
    out += ["请求头(Request Header)", "无特殊Header", "请求体(Request Body)", "A note on token limits."]
    request = op.scopes.get("request", {})
    out += _tables(request, ["名称", "类型", "必须", "默认值", "可选值", "描述"], pipe, _request_cells)
    out += ["请求示例(Request Example)", "curl ...", "响应(Response)"]
    out += _tables(op.scopes.get("response", {}), ["名称", "类型", "描述"], pipe, lambda f: [_table_type(f), "text"])
    out += ["响应示例(Response Example)", "- 流式"]
    if "stream" in op.scopes:
        frame = json.dumps(example(op.scopes["stream"]), ensure_ascii=False, separators=(",", ":"))
        out += [f"data:{frame}", "data:[DONE]"]
    out += ["- 非流式", "{}", "错误信息"]
    return "\n".join(out) + "\n"


def _tables(fields: dict[str, Field], header: list[str], pipe: bool, cells: Callable[[Field], list[str]]) -> list[str]:
    out: list[str] = []
    pending = [""]
    while pending:
        of = pending.pop(0)
        members = _children(fields, of)
        if not members:
            continue
        if of:
            name = of.rsplit(".", 1)[-1]
            out += [f"{name}部分参数如下:"] if pipe else [name, "部分参数如下:"]
        out.append(_table_row(header, pipe))
        out.append(_table_row(["---"] * len(header), pipe))
        for field in members:
            out.append(_table_row([_name(field), *cells(field)], pipe))
        pending = [f.path for f in members] + pending
    return out


def _table_row(cells: list[str], pipe: bool) -> str:
    row = " | ".join(cells) + " |"
    return f"| {row}" if pipe else row


def _table_type(field: Field) -> str:
    kind = field.facts["type"]
    spelled = {"integer": "int", "number": "float"}
    if kind.startswith("array<"):
        return spelled.get(kind[6:-1], kind[6:-1]) + "[]"
    return spelled.get(kind, kind)


def _request_cells(field: Field) -> list[str]:
    facts = field.facts
    default = "-" if facts["default"] == NONE else facts["default"]
    choices = "-"
    if facts["enum"] != NONE:
        choices = "枚举值 " + " ".join(facts["enum"].split(", "))
    elif bounds := _bounds(field):
        low, high = bounds
        left = "(" if low == NONE or low.endswith("exclusive") else "["
        right = ")" if high == NONE or high.endswith("exclusive") else "]"
        choices = f"{left}{'' if low == NONE else _number(low)},{'' if high == NONE else _number(high)}{right}"
    required = "是" if facts["required"] == "required" else "否"
    return [_table_type(field), required, default, choices, "text"]


# --- Lanrui-style run-together table ----------------------------------------------------------


def _run_together_table(op: Operation) -> str:
    out = ["跳到主要内容", "", "A synthetic operation", "", "请求方法", "", op.method, "", "请求地址", ""]
    out += [f"{op.servers[0]}{op.path}", "CURL 示例", "curl ...", "", "请求 Body 参数(application/json)", ""]
    out += ["参数名参数类型取值范围参数释义是否必填"]
    for field in _top(op.scopes.get("request", {})):
        facts = field.facts
        kind = {"number": "float", "array<object>": "list<dict>", "object": "dict"}.get(facts["type"], facts["type"])
        first = f"{_name(field)}{kind}"
        lines = []
        if facts["default"] != NONE:
            first += f"默认值: {facts['default']}"
        if bounds := _bounds(field):
            low, high = bounds
            left = "(" if low.endswith("exclusive") else "["
            right = ")" if high.endswith("exclusive") else "]"
            lines.append(f"取值范围: {left}{_number(low)}, {_number(high)}{right}")
        lines.append("Some words about it." + ("是" if facts["required"] == "required" else ""))
        out += [first, *lines]
    out += ["", "非流式调用响应", "", json.dumps(example(op.scopes.get("response", {})), indent=1), ""]
    if "stream" in op.scopes:
        out += ["流式调用响应", "", json.dumps(example(op.scopes["stream"])), "", "....", ""]
    return "\n".join(out) + "\n"


# --- Eronmind-style OpenAPI export without indentation ----------------------------------------


def _flat_openapi(op: Operation) -> str:
    out = ["跳到主要内容", "", "A synthetic operation", "", "OpenAPI Specification", "", "openapi: 3.0.1", "info:"]
    out += ["title: ''", "version: 1.0.0", "paths:", f"{op.path}:", f"{op.method.lower()}:", "summary: x"]
    headers = op.scopes.get("header", {})
    if headers:
        out.append("parameters:")
        for field in headers.values():
            required = "true" if field.facts["required"] == "required" else "false"
            out += [f"- name: {field.path}", "in: header", f"required: {required}", "schema:", "type: string"]
    out += ["requestBody:", "content:", "application/json:", "schema:", "type: object", "properties:"]
    top = _top(op.scopes.get("request", {}))
    for field in top:
        out += _flat_property(field)
    out += ["required:", *(f"- {_name(f)}" for f in top if f.facts["required"] == "required")]
    out += ["example:", "model: x", "responses:", "'200':", "description: ''", "content:", "application/json:"]
    out += ["schema:", "type: object", "properties: {}", "example:"]
    out += _flat_yaml(example(op.scopes.get("response", {})))
    out += ["headers: {}", "security: []", "components:", "schemas: {}", "servers:"]
    out += [f"- url: {server}" for server in op.servers]
    return "\n".join(out) + "\n"


def _flat_property(field: Field) -> list[str]:
    facts = field.facts
    kinds = [k for k in facts["type"].split(" | ") if k != "null"]
    out = [f"'{_name(field)}':" if _name(field) == "n" else f"{_name(field)}:"]
    if len(kinds) == 1:
        out += _flat_type(kinds[0])
    else:
        out.append("anyOf:")
        for kind in kinds:
            chain = _flat_type(kind)
            out += [f"- {chain[0]}", *chain[1:]]
    if "null" in facts["type"].split(" | "):
        out.append("nullable: true")
    out += ["description: >-", "Some words", "about it."]
    if facts["enum"] != NONE:
        out += ["enum:", *(f"- {value}" for value in facts["enum"].split(", "))]
    if facts["default"] != NONE:
        out.append(f"default: {facts['default']}")
    for side in ("minimum", "maximum"):
        if facts[side] != NONE:
            out.append(f"{side}: {_number(facts[side])}")
            if facts[side].endswith("exclusive"):
                out.append(f"exclusive{side.title()}: true")
    return out


def _flat_type(kind: str) -> list[str]:
    if kind.startswith("array<"):
        return ["type: array", "items:", *_flat_type(kind[6:-1])]
    return [f"type: {kind}"]


def _flat_yaml(payload: Any, dash: bool = False) -> list[str]:
    out: list[str] = []
    for index, (key, value) in enumerate(payload.items()):
        lead = "- " if dash and index == 0 else ""
        if isinstance(value, dict) and value:
            out += [f"{lead}{key}:", *_flat_yaml(value)]
        elif isinstance(value, list) and value and isinstance(value[0], dict):
            out += [f"{lead}{key}:", *_flat_yaml(value[0], dash=True)]
        else:
            out.append(f"{lead}{key}: {json.dumps(value)}")
    return out


# --- PPInfra-style reference page -------------------------------------------------------------


def _reference_page(op: Operation) -> str:
    out = [op.method, *_path_lines(op.path), "A synthetic operation", "curl --request POST \\"]
    out += [f"  --url {op.servers[0]}{op.path} \\", "  --header 'Authorization: <authorization>' \\"]
    out += ["  --data '{", '  "model": "<string>"', "}'"]
    out += json.dumps(example(op.scopes.get("response", {})), indent=2).splitlines()
    out += ["Some words about the operation.", "", "请求头", ""]
    for field in op.scopes.get("header", {}).values():
        out += _reference_block(field, "header")
    out += ["请求体", ""]
    for field in _top(op.scopes.get("request", {})):
        out += _reference_block(field, "request")
    out += ["响应参数", ""]
    for field in _top(op.scopes.get("response", {})):
        out += _reference_block(field, "response")
    return "\n".join(out) + "\n"


def _brackets(kind: str) -> str:
    return _brackets(kind[6:-1]) + "[]" if kind.startswith("array<") else kind


def _path_lines(path: str) -> list[str]:
    out = []
    for segment in path.strip("/").split("/"):
        out += ["/", segment]
    return out


def _reference_block(field: Field, section: str) -> list[str]:
    facts = field.facts
    out = [_name(field), " | ".join(_brackets(kind) for kind in facts["type"].split(" | "))]
    if facts.get("required") == "required":
        out.append("required")
    words = "Some words about it."
    if section == "request" and facts["default"] != NONE:
        words = f"默认值为 {facts['default']},some words about it."
    out.append(words)
    if section == "request" and facts["enum"] != NONE:
        out.append("枚举值: " + facts["enum"])
    if section == "request" and (bounds := _bounds(field)):
        out.append(f"所需范围:{_reference_range(*bounds)}")
    return out


def _reference_range(low: str, high: str) -> str:
    left = "" if low == NONE else f"{_number(low)} {'<' if low.endswith('exclusive') else '≤'} "
    right = "" if high == NONE else f" {'<' if high.endswith('exclusive') else '≤'} {_number(high)}"
    return f"{left}x{right}"


# --- SenseNova Token Plan-style guide ---------------------------------------------------------


def _guide_page(op: Operation) -> str:
    request = op.scopes.get("request", {})
    body = json.dumps(example(request), indent=2, ensure_ascii=False)
    out = ["# A synthetic integration guide", "", "Some words about accounts.", "", "## 1. Calling it", ""]
    out += ["```bash", f"curl '{op.servers[0]}{op.path}' \\", "  -H 'Authorization: Bearer <KEY>' \\"]
    if op.method != "POST":
        out.append(f"  -X {op.method} \\")
    out += [f"  -d '{body}'", "```", ""]
    out += _guide_enums(request)
    for server in op.servers[1:]:  # another host: a curl example of its own
        out += ["", "Or, on another host:", "", "```bash", f"curl '{server}{op.path}' \\", f"  -d '{body}'", "```"]
    numeric = [f for f in _top(request) if f.facts.get("type") in ("integer", "number")]
    if numeric:
        out += ["", "Recommended values:", ""]
        out.append("| Mode | " + " | ".join(f"`{_name(f)}`" for f in numeric) + " |")
        out.append("| --- | " + " | ".join("---" for _ in numeric) + " |")
        out.append("| General | " + " | ".join("1" if f.facts["type"] == "integer" else "0.5" for f in numeric) + " |")
    if "response" in op.scopes:
        out += ["", "## 2. The answer", "", "```json", json.dumps(example(op.scopes["response"]), indent=2), "```", ""]
        out += _guide_enums(op.scopes["response"])
    if "stream" in op.scopes:
        frame = json.dumps(example(op.scopes["stream"]), ensure_ascii=False)
        out += ["", "## 3. Streaming", "", "```", f"data: {frame}", "data: [DONE]", "```", ""]
        out += _guide_enums(op.scopes["stream"])
    if "error" in op.scopes:
        out += ["", "## 4. Errors", "", "```json", json.dumps(example(op.scopes["error"]), indent=2), "```", ""]
        out += _guide_enums(op.scopes["error"])
    out += ["", "```python", "import requests  # not read: it repeats the curl example", "```"]
    return "\n".join(out) + "\n"


def _guide_enums(fields: dict[str, Field]) -> list[str]:
    out = []
    for field in fields.values():
        if field.facts.get("enum", NONE) != NONE:
            values = ", ".join(f"`{value}`" for value in field.facts["enum"].split(", "))
            out.append(f"- `{field.path.replace('[]', '')}` may be {values}.")
    return out
