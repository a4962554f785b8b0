"""Markdown integration guides: prose sections, fenced examples, a few tables.

    ## 4. Basic invocation                                   (sections: `##` headings)
    ```bash
    curl 'https://host/v1/x' -H '...' -d '{...}'             (URL, method: -X/--request, else POST with a body;
    ```                                                       the body is a request example)
    ```json
    {"id": "...", "choices": [...]}                          (a response example; {"error": ...} alone: the error body;
    ```                                                       objects separated by commas: a fragment, see below)
    - `finish_reason`: `stop` for ..., `length` if ...       (an enumeration: each clause starts with a ticked value)
    - `role` may be `system`, `user`, or `assistant`.        (an enumeration)
    ```
    data: {"choices": [...], ...}                            (a stream example; `, ...` elides members, `...` events)
    ```
    | Mode | `temperature` | `top_k` |                        (a column named by a backticked field whose cells are
    | ...  | 1.0           | 20      |                         numbers states its type: 1.0 number, 20 integer)
    | HTTP | error.type |                                    (a column named by a field whose cells are backticked
    | 400  | `invalid_request_error` |                        words, or `—`, states its enumeration)

Examples show fields, not their types or flags, so they carry presence only (as in every form).
A prose enumeration or a table describes the examples of its own `##` section: its facts go to the
scope of the nearest example there (the one before it, else the one after it), to the field of
that scope whose path (without `[]`) is or ends with the name given (`message.content` ->
`choices[].message.content`); a name no example has is added as a field of its own, so it is
reported. A fragment (content parts shown on their own) goes, in the scope of the nearest example,
under the array whose items share the most member names with it. Python blocks are not read:
they repeat the curl examples in another syntax.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from codegen.drift.examples import add_example, loads_lenient
from codegen.drift.facts import Operation, Unreadable, parse_scalar, render_enum, split_url

_FENCE = re.compile(r"^\s*```\s*([\w+-]*)\s*$")
_CURL_URL = re.compile(r"""curl\b[^'"\n]*?['"]?(https?://[^'"\s\\]+)""")
_CURL_METHOD = re.compile(r"""(?:^|\s)(?:-X|--request)\s+['"]?([A-Z]+)""")
_CURL_DATA = re.compile(r"""(?:^|\s)(?:-d|--data(?:-raw|-binary)?)\s+'""")
_ELIDED = re.compile(r",\s*\.\.\.\s*(?=[}\]])")
_TICKED = re.compile(r"`([^`]+)`")
_NAME = r"[A-Za-z_][\w.\[\]]*"
_COLON_LIST = re.compile(rf"^\s*(?:[-*]\s+)?`({_NAME})`\s*:\s*(.+)$")
_MAY_BE = re.compile(rf"`({_NAME})`\s+(?:may be|can be|is one of|is either)\s+(.+?)(?:\.\s|\.$|$)")
_NUMBER = re.compile(r"^[+-]?\d+(\.\d+)?$")


def recognise(text: str) -> bool:
    fenced = [m.start() for m in re.finditer(r"^\s*```", text, re.MULTILINE)]
    return len(fenced) >= 2 and bool(re.search(r"^##\s", text, re.MULTILINE)) and bool(_CURL_URL.search(text))


@dataclass
class _Example:
    scope: str  # request, response, stream, error, or "" for a fragment
    payloads: list[Any]


@dataclass
class _Fact:
    name: str  # a field name or a dotted path, as the page writes it
    facts: dict[str, str]


@dataclass
class _Section:
    items: list[_Example | _Fact] = field(default_factory=list)


def extract(text: str, hint: dict[str, set[str]]) -> Operation:
    sections, urls = _read(text)
    if not urls:
        raise Unreadable("no curl example with a URL")
    methods = {method for method, _ in urls}
    servers, paths = zip(*(split_url(url) for _, url in urls), strict=True)
    if len(methods) > 1 or len(set(paths)) > 1:
        raise Unreadable(f"the curl examples call different operations: {sorted(set(urls))}")
    op = Operation(methods.pop(), paths[0], tuple(dict.fromkeys(servers)))
    for section in sections:  # whole examples first: prose, tables and fragments refer to their fields
        for item in section.items:
            if isinstance(item, _Example) and item.scope:
                for payload in item.payloads:
                    add_example(op, item.scope, payload)
    for number, section in enumerate(sections):
        for position, item in enumerate(section.items):
            scope = _nearest_scope(sections, number, position)
            if isinstance(item, _Fact):
                _attach(op, scope, item)
            elif not item.scope:
                _place_fragment(op, scope, item.payloads)
    return op


# --- reading the page ------------------------------------------------------------------------------


def _read(text: str) -> tuple[list[_Section], list[tuple[str, str]]]:
    sections = [_Section()]
    urls: list[tuple[str, str]] = []
    lines = text.splitlines()
    index = 0
    while index < len(lines):
        line = lines[index]
        fence = _FENCE.match(line)
        if line.startswith("## "):
            sections.append(_Section())
        elif fence:
            end = next((i for i in range(index + 1, len(lines)) if _FENCE.match(lines[i])), len(lines))
            block = "\n".join(lines[index + 1 : end])
            sections[-1].items += _block(fence.group(1).lower(), block, urls)
            index = end
        elif line.lstrip().startswith("|"):
            end = index
            while end < len(lines) and lines[end].lstrip().startswith("|"):
                end += 1
            sections[-1].items += _table(lines[index:end])
            index = end - 1
        else:
            sections[-1].items += _prose(line)
        index += 1
    return sections, urls


def _block(language: str, block: str, urls: list[tuple[str, str]]) -> list[_Example | _Fact]:
    if language == "python":
        return []
    if re.search(r"^\s*curl\b", block, re.MULTILINE):
        return _curl(block, urls)
    events = [line.strip()[len("data:") :].strip() for line in block.splitlines() if line.strip().startswith("data:")]
    if events:
        payloads = [_json(_ELIDED.sub("", e), "a `data:` line of the stream example") for e in events if e != "[DONE]"]
        return [_Example("stream", payloads)]
    if language == "json" or block.lstrip().startswith("{"):
        source = _ELIDED.sub("", block)
        try:
            payload = loads_lenient(source, "a JSON example")
        except Unreadable:
            parts = loads_lenient(f"[{source}]", "a JSON example")  # objects separated by commas: a fragment
            return [_Example("", [parts])]
        if isinstance(payload, dict) and set(payload) == {"error"}:
            return [_Example("error", [payload])]
        return [_Example("response", [payload])]
    return []


def _curl(block: str, urls: list[tuple[str, str]]) -> list[_Example | _Fact]:
    url = _CURL_URL.search(block)
    if not url:
        raise Unreadable("a curl example without a URL")
    data = _CURL_DATA.search(block)
    method = _CURL_METHOD.search(block)
    urls.append((method.group(1) if method else "POST" if data else "GET", url.group(1)))
    if not data:
        return []
    body, _, _ = block[data.end() :].partition("'")
    return [_Example("request", [_json(body, "the body of a curl example")])]


def _json(text: str, where: str) -> Any:
    return loads_lenient(text, where)


def _table(rows: list[str]) -> list[_Example | _Fact]:
    cells = [[c.strip() for c in row.strip().strip("|").split("|")] for row in rows]
    header, body = cells[0], [r for r in cells[1:] if not set("".join(r)) <= set("-: ")]
    facts: list[_Example | _Fact] = []
    for column, title in enumerate(header):
        ticked = re.fullmatch(r"`([^`]+)`", title)
        values = [r[column] for r in body if column < len(r) and r[column] not in ("", "-", "—")]
        if not values:
            continue
        if ticked and all(_NUMBER.match(v) for v in values):
            kind = "number" if any("." in v for v in values) else "integer"
            facts.append(_Fact(ticked.group(1), {"type": kind}))
        elif re.fullmatch(_NAME, title.strip("`")) and all(re.fullmatch(r"`[^`]+`", v) for v in values):
            facts.append(_Fact(title.strip("`"), {"enum": render_enum({v.strip("`") for v in values})}))
    return facts


def _prose(line: str) -> list[_Example | _Fact]:
    listed = _COLON_LIST.match(line)
    if listed:
        clauses = [c.strip() for c in re.split(r",\s*(?:or\s+|and\s+)?|;\s*", listed.group(2)) if c.strip()]
        if len(clauses) > 1 and all(c.startswith("`") for c in clauses):
            values = [c[1:].split("`", 1)[0] for c in clauses]
            return [_Fact(listed.group(1), {"enum": render_enum([parse_scalar(v) for v in values])})]
    may_be = _MAY_BE.search(line)
    if may_be:
        values = _TICKED.findall(may_be.group(2))
        if values:
            return [_Fact(may_be.group(1), {"enum": render_enum([parse_scalar(v) for v in values])})]
    return []


# --- placing facts ---------------------------------------------------------------------------------


def _nearest_scope(sections: list[_Section], number: int, position: int) -> str:
    items = sections[number].items
    before = [i for i in items[:position] if isinstance(i, _Example) and i.scope]
    after = [i for i in items[position + 1 :] if isinstance(i, _Example) and i.scope]
    nearest = before[-1] if before else after[0] if after else None
    return nearest.scope if nearest else ""


def _attach(op: Operation, scope: str, fact: _Fact) -> None:
    scopes = [scope] if scope else [s for s in op.scopes if s != "header"]
    wanted = fact.name.replace("[]", "")
    found = [
        (s, path)
        for s in scopes
        for path in op.scopes.get(s, {})
        if (bare := path.replace("[]", "")) == wanted or bare.endswith(f".{wanted}")
    ]
    exact = [(s, p) for s, p in found if p.replace("[]", "") == wanted]
    if len(found) > 1 and len(exact) == 1:
        found = exact
    if len(found) > 1:
        raise Unreadable(f"`{fact.name}` matches several fields: {', '.join(p for _, p in found)}")
    if found:
        where, path = found[0]
    elif scope:
        where, path = scope, wanted
    else:
        raise Unreadable(f"`{fact.name}` is described in a section without an example to place it")
    op.add(where, path, **fact.facts)


def _place_fragment(op: Operation, scope: str, payloads: list[Any]) -> None:
    items = [p for payload in payloads for p in (payload if isinstance(payload, list) else [payload])]
    keys = {key for item in items if isinstance(item, dict) for key in item}
    fields = op.scopes.get(scope, {})
    arrays = {path[: -len("[]")] for path in (p.rsplit(".", 1)[0] for p in fields if "." in p) if path.endswith("[]")}
    best, overlap = "", 0
    for array in sorted(arrays):
        inside = (p[len(array) + 3 :] for p in fields if p.startswith(f"{array}[]."))
        members = {name for name in inside if "." not in name}
        if len(keys & members) > overlap:
            best, overlap = array, len(keys & members)
    if not scope or not overlap:
        raise Unreadable(f"a JSON fragment ({', '.join(sorted(keys))}) that fits no example of its section")
    add_example(op, scope, items, best)
