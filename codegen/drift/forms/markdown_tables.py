"""Pages of Markdown-like parameter tables, with or without the leading pipe.

    [POST] https://host/v1/x
    | 名称 | 类型 | 必须 | 默认值 | 可选值 | 描述 |        (request: name, type, required, default, choices)
    |---|---|---|---|---|---|
    | n | int | 否 | 1 | [1,4] | ... |
    messages部分参数如下:                              (the next table holds the members of `messages`)
    名称 | 类型 | 描述 |                                (response tables: name, type)

The `可选值` column holds a range in interval notation, an enumeration (`枚举值 a b`) or prose.
Stream frames are the `data:` lines of the response example.
"""

from __future__ import annotations

import re

from codegen.drift.examples import add_example, loads_lenient
from codegen.drift.facts import (
    NONE,
    Operation,
    Unreadable,
    join,
    normalize_type,
    parse_interval,
    parse_scalar,
    render_enum,
    render_required,
    render_value,
    split_url,
)

_HEADER = re.compile(r"名称\s*\|\s*类型")
_URL = re.compile(r"\[(GET|POST|PUT|PATCH|DELETE)\]\s*(\S+)")
_CAPTION = re.compile(r"^(\S*?)\s*部分参数如下")
_ENUM_WORD = re.compile(r"^[A-Za-z0-9_.\-]+$")
_SECTIONS = (
    ("请求头", "header"),
    ("请求体", "request"),
    ("请求示例", None),
    ("响应示例", "examples"),
    ("响应", "response"),
)


def recognise(text: str) -> bool:
    return bool(_HEADER.search(text))


def extract(text: str, hint: dict[str, set[str]]) -> Operation:
    match = _URL.search(text)
    if not match:
        raise Unreadable("no `[METHOD] https://...` request URL line")
    server, path = split_url(match.group(2))
    op = Operation(match.group(1), path, (server,))
    _Reader(op).read(text.splitlines())
    return op


class _Reader:
    def __init__(self, op: Operation) -> None:
        self.op = op
        self.section: str | None = None
        self.columns: list[str] = []
        self.prefix = ""
        self.caption: str | None = None
        self.previous = ""

    def read(self, lines: list[str]) -> None:
        for raw in lines:
            line = raw.strip()
            if self._switch_section(line):
                pass
            elif self.section == "examples":
                self._example_line(line)
            elif self.section in ("request", "response"):
                self._table_line(line)
            elif self.section == "header" and "无特殊" in line:
                self.op.scopes["header"] = {}
            if line:
                self.previous = line

    def _switch_section(self, line: str) -> bool:
        if "|" in line:
            return False
        for title, section in _SECTIONS:
            if line.startswith(title):
                self.section, self.columns, self.prefix = section, [], ""
                return True
        return False

    def _example_line(self, line: str) -> None:
        if line.startswith("data:"):
            payload = line[len("data:") :].strip()
            if payload != "[DONE]":
                add_example(self.op, "stream", loads_lenient(payload, "a `data:` line of the stream example"))

    def _table_line(self, line: str) -> None:
        caption = _CAPTION.match(line)
        if caption:
            self.caption = caption.group(1) or self.previous
            return
        if "|" not in line:
            self.columns = []
            return
        cells = [cell.strip() for cell in line.strip("|").split("|")]
        if _HEADER.search(line):
            self.columns = cells
            self.prefix = self._parent(self.caption) if self.caption else ""
            self.caption = None
        elif self.columns and not set(line) <= set("|-: "):
            self._row(dict(zip(self.columns, cells, strict=False)))

    def _parent(self, name: str) -> str:
        """The latest field called `name` in this section that has no members yet."""
        fields = self.op.scopes.get(self.section or "", {})
        for path in reversed(list(fields)):
            if path.rsplit(".", 1)[-1] == name and not any(p.startswith((f"{path}.", f"{path}[]")) for p in fields):
                return f"{path}[]" if fields[path].facts.get("type", "").startswith("array") else path
        raise Unreadable(f"a table of `{name}` members, but no field `{name}` before it")

    def _row(self, cells: dict[str, str]) -> None:
        name = cells.get("名称", "")
        if not name:
            return
        facts = {"type": normalize_type(cells.get("类型", ""))}
        if "必须" in cells:
            facts["required"] = render_required(cells["必须"] == "是")
        if "默认值" in cells:
            default = cells["默认值"]
            facts["default"] = NONE if default in ("", "-") else render_value(parse_scalar(default))
        if "可选值" in cells:
            facts.update(_choices(cells["可选值"], facts["type"]))
        assert self.section is not None
        self.op.add(self.section, join(self.prefix, name), **facts)


def _choices(text: str, type_name: str) -> dict[str, str]:
    """The `可选值` column: a range, an enumeration, or prose (which states neither)."""
    if text.strip() in ("", "-"):
        return {"enum": NONE, "minimum": NONE, "maximum": NONE}
    interval = parse_interval(text)
    if interval:
        return {"enum": NONE, "minimum": interval[0], "maximum": interval[1]}
    words = text.removeprefix("枚举值").replace(",", " ").split()
    is_enum = type_name == "string" and words and all(_ENUM_WORD.match(w) for w in words)
    return {"enum": render_enum(words) if is_enum else NONE, "minimum": NONE, "maximum": NONE}
