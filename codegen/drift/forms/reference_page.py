"""Rendered API reference pages: a curl example, then one block per parameter.

    POST / v3 / openai / completions             (method, then the path one segment per line)
    curl --request POST --url https://host/v3/... --data '{...}'
    {response example}
    请求头 | 请求体 | 响应参数                     (sections)
    n                                            (name line)
    integer | null                               (type line)
    required                                     (only when required)
    <description: 默认值为 1 ...>                  (defaults are stated in the prose)
    所需范围:1 < x < 128                          (range line; < exclusive, ≤ inclusive)

Blocks are top-level only, so members of objects are not stated by the parameter list; response
members come from the response example.
"""

from __future__ import annotations

import re

from codegen.drift.examples import add_example, json_objects, loads_lenient
from codegen.drift.facts import (
    NONE,
    Field,
    Operation,
    Unreadable,
    normalize_type,
    parse_scalar,
    render_bound,
    render_enum,
    render_required,
    render_value,
    split_url,
)

_SECTIONS = {"请求头": "header", "请求体": "request", "响应参数": "response"}
_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_-]*$")
_ONE_TYPE = r"(?:string|integer|number|boolean|object|array|null|map\[[^\]]*\])(?:\[\])*"
_TYPE = re.compile(rf"^{_ONE_TYPE}(?:\s*\|\s*{_ONE_TYPE})*$")
_SEGMENT = re.compile(r"^[A-Za-z0-9_{}.\-/]+$")
_METHOD = re.compile(r"^(GET|POST|PUT|PATCH|DELETE)$")
_CURL_URL = re.compile(r"--url\s+'?(\S+?)'?(?:\s|$)")
_RANGE = re.compile(r"所需范围[:：]\s*(.+)$")
_DEFAULT = re.compile(r"默认(?:值为|为|值[:：])\s*([^\s,，。;；]+)")
_ENUM = re.compile(r"枚举值[:：]\s*(.+)$")
_NUM = r"[-+]?\d+(?:\.\d+)?"
_BOUNDS = re.compile(rf"^(?:(?P<lo>{_NUM})\s*(?P<lop><=|≤|<)\s*)?x(?:\s*(?P<hop><=|≤|<|>=|≥|>)\s*(?P<hi>{_NUM}))?$")


def recognise(text: str) -> bool:
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return bool(lines) and bool(_METHOD.match(lines[0])) and "请求体" in lines


def extract(text: str, hint: dict[str, set[str]]) -> Operation:
    lines = [line.strip() for line in text.splitlines()]
    method, path = _method_and_path([line for line in lines if line])
    curl = _CURL_URL.search(text)
    if not curl:
        raise Unreadable("no `curl --url https://...` example to take the server from")
    server, curl_path = split_url(curl.group(1))
    op = Operation(method, path or curl_path, (server,))
    _blocks(op, lines)
    _response_example(op, text)
    return op


def _method_and_path(lines: list[str]) -> tuple[str, str]:
    """`POST`, then `/` and a segment per line: `/ v3 / openai / completions`."""
    path, rest = "", lines[1:]
    while len(rest) >= 2 and rest[0] == "/" and _SEGMENT.match(rest[1]):
        path, rest = f"{path}/{rest[1]}", rest[2:]
    return lines[0], path


def _blocks(op: Operation, lines: list[str]) -> None:
    section: str | None = None
    current: Field | None = None
    type_line = False  # the line after a name line is its type
    for index, line in enumerate(lines):
        if line in _SECTIONS:
            section, current = _SECTIONS[line], None
            op.scopes.setdefault(section, {})
        elif section is None or not line:
            continue
        elif type_line:
            type_line = False
        elif _NAME.match(line) and _TYPE.match(next((rest for rest in lines[index + 1 :] if rest), "")):
            type_text = next(rest for rest in lines[index + 1 :] if rest)
            name = line.lower() if section == "header" else line
            current, type_line = op.add(section, name, **_first_facts(section, type_text)), True
        elif current is not None:
            _description(section, current, line)


def _first_facts(section: str, type_line: str) -> dict[str, str]:
    facts = {"type": normalize_type(type_line), "required": render_required(False)}
    if section == "request":
        facts.update(default=NONE, enum=NONE, minimum=NONE, maximum=NONE)
    return facts


def _description(section: str, current: Field, line: str) -> None:
    if line == "required":
        current.facts["required"] = render_required(True)
        return
    if section != "request":
        return
    default, bounds, enum = _DEFAULT.search(line), _RANGE.search(line), _ENUM.search(line)
    if default and current.facts["default"] == NONE:
        current.facts["default"] = render_value(parse_scalar(default.group(1)))
    if bounds:
        current.facts["minimum"], current.facts["maximum"] = _parse_bounds(bounds.group(1))
    if enum:
        current.facts["enum"] = render_enum(re.split(r"[,，、\s]+", enum.group(1).strip()))


def _parse_bounds(text: str) -> tuple[str, str]:
    match = _BOUNDS.match(text.replace(" ", " ").strip())
    if not match:
        raise Unreadable(f"range {text!r} is not of the form `a < x ≤ b`")
    low, high = NONE, NONE
    if match["lo"] is not None:
        low = render_bound(parse_scalar(match["lo"]), match["lop"] == "<")
    if match["hop"] in (">", ">=", "≥"):
        low = render_bound(parse_scalar(match["hi"]), match["hop"] == ">")
    elif match["hop"] is not None:
        high = render_bound(parse_scalar(match["hi"]), match["hop"] == "<")
    return low, high


def _response_example(op: Operation, text: str) -> None:
    """The JSON block between the curl example and the parameter sections."""
    sections = min((text.find(f"\n{title}\n") for title in _SECTIONS if f"\n{title}\n" in text), default=len(text))
    for start, _end, source in json_objects(text[:sections]):
        if text[:start].rstrip().endswith("--data '"):
            continue
        add_example(op, "response", loads_lenient(source, "the response example"))
