"""Rendered documentation pages whose parameter table lost its cell borders.

    请求方法 / POST / 请求地址 / https://host/v1/x
    参数名参数类型取值范围参数释义是否必填                      (the table header, run together)
    temperaturefloat默认值: 1                                 (name and type run together, then the cells)
    取值范围: [0.0, 2.0]
    <description>[是|否]                                      (the required column, empty when not filled in)
    非流式调用响应 {json}   流式调用响应 {json} {json} ....

Each row starts with a line `<name><type>`. The form has no member tables, so fields are top-level
only and members of objects are not stated. Response and stream fields come from the examples.
"""

from __future__ import annotations

import re

from codegen.drift.examples import add_example, json_objects, loads_lenient
from codegen.drift.facts import (
    NONE,
    Operation,
    Unreadable,
    normalize_type,
    parse_interval,
    parse_scalar,
    render_required,
    render_value,
    split_url,
)

_TABLE_HEADER = "参数名参数类型"
_TYPES = r"list<[a-z]+>|dict|string|integer|int|float|number|boolean|bool|object|array"
# A type ends where the description starts (`>` closes `list<...>`; otherwise a non-identifier character).
_ROW = re.compile(rf"^([a-z_][a-z0-9_]*?)({_TYPES})(?:(?<=>)|(?![a-z0-9_]))(.*)$")
_DEFAULT = re.compile(r"默认值[:：]\s*(\S+)")
_RANGE = re.compile(r"取值范围[:：]\s*(.+)$")
_REQUIRED = re.compile(r"(是|否)$")
_METHOD = re.compile(r"^(GET|POST|PUT|PATCH|DELETE)$")
_RESPONSE, _STREAM = "非流式调用响应", "流式调用响应"


def recognise(text: str) -> bool:
    return _TABLE_HEADER in text


def extract(text: str, hint: dict[str, set[str]]) -> Operation:
    lines = [line.strip() for line in text.splitlines()]
    method = _after(lines, "请求方法", _METHOD)
    url = _after(lines, "请求地址", re.compile(r"^https?://\S+$"))
    server, path = split_url(url)
    op = Operation(method, path, (server,))
    _request(op, lines)
    _examples(op, text)
    return op


def _after(lines: list[str], title: str, pattern: re.Pattern[str]) -> str:
    if title in lines:
        for line in lines[lines.index(title) + 1 :]:
            if line:
                if pattern.match(line):
                    return line
                break
    raise Unreadable(f"no {title} line followed by its value")


def _request(op: Operation, lines: list[str]) -> None:
    op.scopes["request"] = {}
    start = next(i for i, line in enumerate(lines) if line.startswith(_TABLE_HEADER))
    rows: list[list[str]] = []
    for line in lines[start + 1 :]:
        if line.startswith((_RESPONSE, _STREAM)):
            break
        if _ROW.match(line):
            rows.append([line])
        elif rows and line:
            rows[-1].append(line)
    for row in rows:
        _row(op, row)


def _row(op: Operation, row: list[str]) -> None:
    match = _ROW.match(row[0])
    assert match is not None
    name, type_text, rest = match.groups()
    cells = [rest, *row[1:]]
    facts = {"type": normalize_type(type_text), "default": NONE, "minimum": NONE, "maximum": NONE}
    for cell in cells:
        default, interval = _DEFAULT.search(cell), _RANGE.search(cell)
        if default:
            facts["default"] = render_value(parse_scalar(default.group(1)))
        if interval:
            bounds = parse_interval(interval.group(1))
            if bounds is None:
                raise Unreadable(f"`{name}`: range {interval.group(1)!r} is not in interval notation")
            facts["minimum"], facts["maximum"] = bounds
    required = _REQUIRED.search(cells[-1])
    facts["required"] = render_required(required is not None and required.group(1) == "是")
    op.add("request", name, **facts)


def _examples(op: Operation, text: str) -> None:
    response_at = text.find(_RESPONSE)
    stream_at = text.find(_STREAM, response_at + len(_RESPONSE)) if response_at >= 0 else text.find(_STREAM)
    for start, _end, source in json_objects(text):
        if response_at >= 0 and start > response_at and (stream_at < 0 or start < stream_at):
            add_example(op, "response", loads_lenient(source, "the response example"))
        elif stream_at >= 0 and start > stream_at:
            add_example(op, "stream", loads_lenient(source, "the stream example"))
