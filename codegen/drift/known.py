"""Known departures: the fact keys of specs/NORMALIZATION.md.

Each table there has a last column, `fact keys`, listing in backticks the differences its row
explains, written as the drift tool states them with the document's value:

    `request n: minimum 1 exclusive`                     (any operation of the provider)
    `create_completion response status: absent`         (one operation)

A difference is known only when a key says exactly that: if the document later says something
else, the key no longer matches and the difference is drift again.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from codegen.drift.facts import Unreadable

SCOPE_WORDS = ("url", "server", "header", "request", "response", "stream", "error")
COLUMN = "fact keys"
_SECTION = re.compile(r"^##\s+(\S+)")
_CELL_SPLIT = re.compile(r"(?<!\\)\|")


@dataclass(frozen=True)
class Key:
    provider: str  # the provider's display name, as the section title says it
    operation: str  # "" = every operation of the provider
    text: str
    line: int

    def __str__(self) -> str:
        return f"{self.operation} {self.text}".strip()


def load(path: Path) -> list[Key]:
    keys: list[Key] = []
    section, column = "", -1
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        heading = _SECTION.match(raw)
        if heading:
            section, column = heading.group(1), -1
            continue
        if not raw.startswith("|"):
            continue
        cells = [c.strip().replace("\\|", "|") for c in _CELL_SPLIT.split(raw.strip().strip("|"))]
        if COLUMN in cells:
            column = cells.index(COLUMN)
        elif column >= 0 and not set(raw) <= set("|-: "):
            if len(cells) <= column:
                raise Unreadable(f"{path.name}:{number}: the row has no `{COLUMN}` cell")
            keys.extend(_keys(section, cells[column], number, path.name))
    return keys


def _keys(section: str, cell: str, line: int, source: str) -> list[Key]:
    found = []
    for text in re.findall(r"`([^`]+)`", cell):
        first, _, rest = text.partition(" ")
        operation = "" if first.rstrip(":") in SCOPE_WORDS else first
        body = rest if operation else text
        if body.split(" ", 1)[0].rstrip(":") not in SCOPE_WORDS or ": " not in body:
            raise Unreadable(f"{source}:{line}: fact key {text!r} is not `[operation] scope [field]: value`")
        found.append(Key(section, operation, body, line))
    return found
