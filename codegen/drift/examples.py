"""Field paths from example payloads (JSON objects shown in a page).

An example shows which fields exist, not their types or flags, so these records carry presence
only. Every frame of a stream example adds its fields. A key written as a placeholder (`{key}`)
marks a map: its entries are not fields.
"""

from __future__ import annotations

import json
import re
from typing import Any

from codegen.drift.facts import Operation, Unreadable, join

_PLACEHOLDER_KEY = re.compile(r"^\{.*\}$")
_TRAILING_COMMA = re.compile(r",(\s*[}\]])")


def add_example(op: Operation, scope: str, payload: Any, prefix: str = "") -> None:
    op.scopes.setdefault(scope, {})
    if isinstance(payload, list):
        for item in payload:
            add_example(op, scope, item, f"{prefix}[]")
        return
    if not isinstance(payload, dict):
        return
    for key, value in payload.items():
        if _PLACEHOLDER_KEY.match(key):
            continue
        path = join(prefix, key)
        op.add(scope, path)
        add_example(op, scope, value, path)


def loads_lenient(text: str, where: str = "an example") -> Any:
    """JSON as pages print it: a trailing comma before `}` or `]` is tolerated; anything else is refused."""
    try:
        return json.loads(_TRAILING_COMMA.sub(r"\1", text))
    except ValueError as error:
        raise Unreadable(f"{where} is not JSON ({error}): {text[:60]!r}") from error


def json_objects(text: str) -> list[tuple[int, int, str]]:
    """Every balanced top-level `{...}` in `text` (start, end, source), strings respected."""
    found, depth, start, in_string, escaped = [], 0, -1, False, False
    for index, char in enumerate(text):
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
            continue
        if char == '"' and depth:
            in_string = True
        elif char == "{":
            if depth == 0:
                start = index
            depth += 1
        elif char == "}" and depth:
            depth -= 1
            if depth == 0:
                found.append((start, index + 1, text[start : index + 1]))
    return found
