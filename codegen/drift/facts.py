"""The fact records every extractor produces and the spec reader produces too.

A document (or a spec operation) becomes one `Operation`: its method, path and servers, and per
scope (`header`, `request`, `response`, `stream`, `error`: the 4XX body) the fields it states. A field is a dotted path
(`messages[].role`: `[]` marks the items of an array) with the facts the form can state, each
already rendered to the text the comparison and the drift lines use. A fact the form cannot
express is simply missing from the field, so it is never compared; a fact the form can express but
the page leaves out is stated as `none`.

The rendering helpers below are the one normalisation both sides go through: type names
(`int`, `float`, `list<dict>`, `string[]`, `integer | null` ...), numbers (`1.0` and `1` are the
same value), enums (order does not matter) and range bounds (`4` inclusive, `4 exclusive`).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from typing import Any

SCOPES = ("header", "request", "response", "stream", "error")
NONE = "none"  # the form can state this fact and the page does not


class Unreadable(Exception):
    """A document that cannot be read or matched to an operation (exit status 2)."""


@dataclass
class Field:
    path: str
    facts: dict[str, str] = field(default_factory=dict)


@dataclass
class Operation:
    """What one page (or one spec operation) says about one HTTP operation."""

    method: str
    path: str
    servers: tuple[str, ...] = ()
    # scope -> path -> Field; a scope the page does not document at all is left out
    scopes: dict[str, dict[str, Field]] = field(default_factory=dict)
    operation_id: str = ""

    def add(self, scope: str, path: str, **facts: str) -> Field:
        fields = self.scopes.setdefault(scope, {})
        entry = fields.setdefault(path, Field(path))
        entry.facts.update(facts)
        return entry


def join(parent: str, name: str) -> str:
    return f"{parent}.{name}" if parent else name


# --- values --------------------------------------------------------------------------------------

_NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")


def render_value(value: Any) -> str:
    """One spelling per value: `true`, `null`, `1` for 1.0, `1.05`, strings as they are."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        number = float(value)
        if math.isfinite(number) and number.is_integer():
            return str(int(number))
        return repr(number)
    return str(value)


def parse_scalar(text: str) -> Any:
    """A value written in a page: JSON-like literals and numbers, anything else stays text."""
    text = text.strip().strip("`")
    if len(text) >= 2 and text[0] == text[-1] and text[0] in "'\"":
        return text[1:-1]
    lowered = text.lower()
    if lowered in ("true", "false"):
        return lowered == "true"
    if lowered in ("null", "none"):
        return None
    if _NUMBER.match(text):
        return float(text) if any(c in text for c in ".eE") else int(text)
    return text


def render_default(value: Any, present: bool = True) -> str:
    return render_value(value) if present else NONE


def render_enum(values: Any) -> str:
    if not values:
        return NONE
    return ", ".join(sorted(render_value(v) for v in values))


def render_bound(value: Any, exclusive: bool) -> str:
    if value is None:
        return NONE
    return f"{render_value(value)} exclusive" if exclusive else render_value(value)


def render_required(required: bool) -> str:
    return "required" if required else "optional"


# --- types ---------------------------------------------------------------------------------------

_SYNONYMS = {
    "int": "integer",
    "integer": "integer",
    "long": "integer",
    "float": "number",
    "double": "number",
    "number": "number",
    "str": "string",
    "string": "string",
    "bool": "boolean",
    "boolean": "boolean",
    "dict": "object",
    "object": "object",
    "array": "array",
    "list": "array",
    "null": "null",
}


def _type_order(name: str) -> tuple[bool, str]:
    return (name == "null", name)


def render_types(names: set[str]) -> str:
    return " | ".join(sorted(names, key=_type_order)) if names else "any"


def normalize_type(text: str) -> str:
    """A page's type spelling in the spec's vocabulary: `list<dict>` -> `array<object>`."""
    return render_types({_one_type(part) for part in _split_union(text)})


def _split_union(text: str) -> list[str]:
    parts, depth, current = [], 0, ""
    for char in text:
        depth += char in "<[("
        depth -= char in ">])"
        if char == "|" and depth == 0:
            parts.append(current)
            current = ""
        else:
            current += char
    parts.append(current)
    return [p.strip() for p in parts if p.strip()]


def _one_type(text: str) -> str:
    text = text.strip().lower()
    if text.endswith("[]"):
        return f"array<{normalize_type(text[:-2])}>"
    generic = re.match(r"^(\w+)\s*[<\[](.*)[>\]]$", text)
    if generic:
        outer, inner = generic.groups()
        if outer == "map":
            return "object"
        if _SYNONYMS.get(outer) == "array":
            return f"array<{normalize_type(inner)}>"
    if text not in _SYNONYMS:
        raise Unreadable(f"unknown type {text!r}")
    return _SYNONYMS[text]


def types_agree(spec: str, document: str) -> bool:
    """Equal, where a bare `array` in the document (item type not stated) matches any `array<...>`."""
    if spec == document:
        return True
    if "array" not in _split_union(document):
        return False
    loosened = {"array" if t.startswith("array<") else t for t in _split_union(spec)}
    return render_types(loosened) == document


def split_url(url: str) -> tuple[str, str]:
    """`https://host/v1/x` -> (`https://host`, `/v1/x`)."""
    match = re.match(r"^([a-z][a-z0-9+.-]*://[^/\s]+)(/\S*)?$", url.strip(), re.IGNORECASE)
    if not match:
        raise Unreadable(f"not a URL: {url!r}")
    return match.group(1), match.group(2) or "/"


_INTERVAL = re.compile(r"^\s*([\[(])\s*([^,\s]*)\s*,\s*([^,\s]*)\s*([\])])\s*$")


def parse_interval(text: str) -> tuple[str, str] | None:
    """Interval notation (`[1,4]`, `(0,2]`, `(0.0, 1.0]`) -> rendered (minimum, maximum); else None."""
    match = _INTERVAL.match(text)
    if not match:
        return None
    left, low, high, right = match.groups()
    bounds = []
    for value, exclusive in ((low, left == "("), (high, right == ")")):
        number = parse_scalar(value) if value and value.lstrip("+-") not in ("inf", "∞") else None
        bounds.append(render_bound(number, exclusive))
    return bounds[0], bounds[1]
