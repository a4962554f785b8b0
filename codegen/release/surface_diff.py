"""Compare the Python surfaces of two releases (python_surface.py) and classify each difference.

Where a type sits decides how its change counts. A parameter is written by users: a type that
accepts more is an addition, one that accepts less or something else breaks calls. A return value
or an attribute is read by users: a narrower type is an addition, a wider one breaks code that
relied on the old type, except for added Literal values (a new enum value, as the openai SDK adds
them in minor releases). A model field or a type alias is both written and read: only added
Literal values are additions, any other type change breaks. Removing anything public breaks;
adding a name, an optional parameter or a member is an addition; adding a required parameter, or
a required field to a class built from its fields (attrs, dataclass, TypedDict, NamedTuple),
breaks. The signatures of an overloaded function pair up in order; added overloads are additions,
removed ones break.

A definition that moved (its canonical path changed because it is exported elsewhere now) or was
renamed (it vanished while one with the very same description appeared) compares under its new
name, so `list[ChatMessage]` -> `list[ChatTurn]` is one rename rather than a change in every
signature that mentions it. Names inside an added or removed module are covered by that module.
"""

from __future__ import annotations

import ast
import dataclasses
import re
from collections.abc import Iterator
from typing import Any

from codegen.release.changes import Change, Impact
from codegen.release.python_surface import Entry

B, A, N = Impact.BREAKING, Impact.ADDITIVE, Impact.NEUTRAL
DEFINITIONS = frozenset({"class", "function", "alias", "variable"})
FIELD_BUILT_DECORATORS = ("attrs.define", "attrs.frozen", "attr.s", "attr.define", "dataclasses.dataclass")
FIELD_BUILT_BASES = ("typing.TypedDict", "typing.NamedTuple")
LITERAL = "typing.Literal"
NUMERIC = {"int": ("float", "complex"), "float": ("complex",)}
# a parameter's kind before -> after, and whether every call that worked still works
KIND_CHANGE_OK = {
    ("positional", "positional_or_keyword"): True,
    ("keyword", "positional_or_keyword"): True,
}
_DOTTED = re.compile(r"[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*")


def diff_surfaces(old: dict[str, Entry], new: dict[str, Entry]) -> list[Change]:
    """Every difference between two releases' Python surfaces, classified."""
    mapping = correspondence(old, new)
    changes = [
        Change(B, "python", "changed", f"`{before}`", f"renamed to `{after}`")
        for before, after in sorted(mapping.items())
        if before not in new and after not in old
    ]
    changes += _presence_changes(old, new, mapping)
    pairs: set[tuple[str, str]] = set()
    for path in sorted(old.keys() & new.keys()):
        (old_path, before), (new_path, after) = _resolved(old, path), _resolved(new, path)
        if before["kind"] in DEFINITIONS and after["kind"] in DEFINITIONS:
            pairs.add((old_path, new_path))
        elif _substituted(before, mapping) != after:
            changes.append(Change(B, "python", "changed", f"`{path}`", f"{_what(before)} -> {_what(after)}"))
    pairs.update((before, after) for before, after in mapping.items() if before in old and after in new)
    for old_path, new_path in sorted(pairs):
        changes += _entry_changes(_substituted(old[old_path], mapping), new[new_path], new_path)
    return sorted(set(_without_package(changes, old, new)))


# --- which definition is which -------------------------------------------------------------------


def _resolved(surface: dict[str, Entry], path: str) -> tuple[str, Entry]:
    seen = 0
    entry = surface[path]
    while entry["kind"] == "ref" and entry["to"] in surface and seen < 20:
        path, entry, seen = entry["to"], surface[entry["to"]], seen + 1
    return path, entry


def correspondence(old: dict[str, Entry], new: dict[str, Entry]) -> dict[str, str]:
    """old canonical path -> new canonical path, for definitions that moved or were renamed."""
    mapping: dict[str, str] = {}
    for path in old.keys() & new.keys():
        (old_path, before), (new_path, after) = _resolved(old, path), _resolved(new, path)
        if old_path != new_path and before["kind"] in DEFINITIONS and after["kind"] in DEFINITIONS:
            mapping[old_path] = new_path
    while True:
        removed = [p for p, e in old.items() if e["kind"] in DEFINITIONS and p not in new and p not in mapping]
        added = [p for p, e in new.items() if e["kind"] in DEFINITIONS and p not in old and p not in mapping.values()]
        found = {}
        for gone in removed:
            described = _substituted(old[gone], mapping)
            matches = [path for path in added if new[path] == described and not _trivial(described)]
            if len(matches) == 1:
                found[gone] = matches[0]
        if not found or len(set(found.values())) != len(found):
            return mapping
        mapping.update(found)


def _trivial(entry: Entry) -> bool:
    """Descriptions that many unrelated definitions share (a bare variable) say nothing of identity."""
    return entry["kind"] == "variable" or (entry["kind"] == "class" and not entry["members"])


def _substituted(value: Any, mapping: dict[str, str]) -> Any:
    """`value` with every dotted name that `mapping` moved written as its new name."""
    if not mapping:
        return value
    if isinstance(value, str):
        return _DOTTED.sub(lambda match: mapping.get(match.group(), match.group()), value)
    if isinstance(value, list):
        return [_substituted(item, mapping) for item in value]
    if isinstance(value, dict):
        return {key: _substituted(item, mapping) for key, item in value.items()}
    return value


def _presence_changes(old: dict[str, Entry], new: dict[str, Entry], mapping: dict[str, str]) -> Iterator[Change]:
    renamed_to = {after for before, after in mapping.items() if before not in new}  # not just moved
    for path in sorted(old.keys() - new.keys()):
        if path not in mapping and not _inside(path, old, new):
            yield Change(B, "python", "removed", f"`{path}`", f"{_what(old[path])} removed")
    for path in sorted(new.keys() - old.keys()):
        if path not in renamed_to and not _inside(path, new, old):
            yield Change(A, "python", "added", f"`{path}`", f"{_what(new[path])} added")


def _inside(path: str, here: dict[str, Entry], there: dict[str, Entry]) -> bool:
    """True if a module holding `path` is only on this side (its own change covers the path)."""
    parts = path.split(".")
    for end in range(len(parts) - 1, 0, -1):
        parent = ".".join(parts[:end])
        if here.get(parent, {}).get("kind") == "module":
            return parent not in there
    return False


def _what(entry: Entry) -> str:
    kind = str(entry["kind"])
    if kind in ("ref", "external"):
        return f"a name for `{entry['to']}`"
    return {"alias": "type alias", "variable": "variable"}.get(kind, kind)


def _without_package(changes: list[Change], old: dict[str, Entry], new: dict[str, Entry]) -> list[Change]:
    """Changes as users read them: names without the package they imported them from
    (`models.ChatCompletion`, `types.Unset`); names outside the package stay whole (`httpx.Auth`)."""
    modules = [path for surface in (new, old) for path, entry in surface.items() if entry["kind"] == "module"]
    if not modules:
        return changes
    prefix = min(modules, key=len) + "."

    def short(text: str) -> str:
        return re.sub(rf"(?<![\w.]){re.escape(prefix)}", "", text)

    return [
        dataclasses.replace(c, subject=short(c.subject), detail=short(c.detail), where=short(c.where)) for c in changes
    ]


# --- one definition ------------------------------------------------------------------------------


def _entry_changes(before: Entry, after: Entry, owner: str) -> list[Change]:
    subject = f"`{owner}`"
    if before["kind"] != after["kind"]:
        return [Change(B, "python", "changed", subject, f"now a {after['kind']} (was a {before['kind']})")]
    if before["kind"] == "class":
        return list(_class_changes(before, after, owner))
    if before["kind"] == "function":
        name = owner.rsplit(".", 1)[-1]
        module = owner.rsplit(".", 1)[0]
        changes = list(_callable_changes(f"`{name}()`", module, before, after))
        return changes
    return list(_typed_changes(subject, "", before.get("type"), after.get("type"), "field"))


def _field_built(entry: Entry) -> bool:
    """Classes whose constructor (or literal) takes every field: a new required field breaks them."""
    return any(d.startswith(FIELD_BUILT_DECORATORS) for d in entry.get("decorators", [])) or any(
        b.startswith(FIELD_BUILT_BASES) for b in entry.get("bases", [])
    )


def _class_changes(before: Entry, after: Entry, owner: str) -> Iterator[Change]:
    subject = f"`{owner}`"
    old_bases, new_bases = before.get("bases", []), after.get("bases", [])
    for base in old_bases:
        if base not in new_bases:
            yield Change(B, "python", "removed", subject, f"no longer a subclass of `{base}`")
    for base in new_bases:
        if base not in old_bases:
            yield Change(A, "python", "added", subject, f"now also a subclass of `{base}`")
    for fact, empty in (("decorators", []), ("keywords", {})):
        old_value, new_value = before.get(fact, empty), after.get(fact, empty)
        if old_value != new_value:
            yield Change(B, "python", "changed", subject, f"{fact} {old_value} -> {new_value}")
    old_members, new_members = before["members"], after["members"]
    for name in sorted(old_members.keys() - new_members.keys()):
        yield Change(B, "python", "removed", f"`{owner}.{name}`", f"{old_members[name]['kind']} removed")
    for name in sorted(new_members.keys() - old_members.keys()):
        member = new_members[name]
        required = member["kind"] == "field" and member["required"] and _field_built(after)
        impact = B if required else A
        detail = f"{member['kind']} added" + (" (required)" if required else "")
        yield Change(impact, "python", "added", f"`{owner}.{name}`", detail)
    for name in sorted(old_members.keys() & new_members.keys()):
        yield from _member_changes(owner, name, old_members[name], new_members[name], _field_built(after))


def _member_changes(owner: str, name: str, before: Entry, after: Entry, field_built: bool) -> Iterator[Change]:
    subject = f"`{owner}.{name}`"
    if before["kind"] != after["kind"]:
        yield Change(B, "python", "changed", subject, f"now a {after['kind']} (was a {before['kind']})")
    elif before["kind"] == "method":
        for fact, default in (("binding", "instance"), ("decorators", [])):
            if before.get(fact, default) != after.get(fact, default):
                detail = f"{fact} {before.get(fact, default)} -> {after.get(fact, default)}"
                yield Change(B, "python", "changed", subject, detail)
        yield from _callable_changes(f"`{name}()`", owner, before, after)
    elif before["kind"] == "field":
        yield from _typed_changes(subject, "", before["type"], after["type"], "field")
        if before["required"] != after["required"] and field_built:
            impact = B if after["required"] else A
            yield Change(impact, "python", "changed", subject, "now required" if after["required"] else "now optional")
    else:  # property, attribute: read by users
        yield from _typed_changes(subject, "", before.get("type"), after.get("type"), "out")
        if before.get("settable") and not after.get("settable"):
            yield Change(B, "python", "changed", subject, "no longer settable")


# --- signatures ----------------------------------------------------------------------------------


def _callable_changes(subject: str, where: str, before: Entry, after: Entry) -> Iterator[Change]:
    old, new = before["signatures"], after["signatures"]
    if before["kind"] == "function" and before.get("decorators", []) != after.get("decorators", []):
        detail = f"decorators {before.get('decorators', [])} -> {after.get('decorators', [])}"
        yield Change(B, "python", "changed", subject, detail, where)
    for old_signature, new_signature in zip(old, new, strict=False):
        yield from _signature_changes(subject, where, old_signature, new_signature)
    if len(new) > len(old) and old:
        yield Change(A, "python", "added", subject, f"overloads {len(old)} -> {len(new)}", where)
    if len(old) > len(new) and len(old) > 1:
        yield Change(B, "python", "removed", subject, f"overloads {len(old)} -> {len(new)}", where)


def _signature_changes(subject: str, where: str, before: Entry, after: Entry) -> Iterator[Change]:
    if before.get("async", False) != after.get("async", False):
        detail = "now async" if after.get("async") else "no longer async"
        yield Change(B, "python", "changed", subject, detail, where)
    old_params, new_params = parameters(before["params"]), parameters(after["params"])
    old = {p["name"]: p for p in old_params}
    new = {p["name"]: p for p in new_params}
    for name in [n for n in old if n not in new]:
        yield Change(B, "python", "removed", f"{subject} parameter `{name}`", "removed", where)
    for name in [n for n in new if n not in old]:
        optional = new[name]["default"] or new[name]["kind"].startswith("var_")
        detail = "added (optional)" if optional else "added (required)"
        yield Change(A if optional else B, "python", "added", f"{subject} parameter `{name}`", detail, where)
    for name in [n for n in old if n in new]:
        yield from _parameter_changes(f"{subject} parameter `{name}`", where, old[name], new[name])
    old_positional = [p["name"] for p in old_params if p["kind"].startswith("positional") and p["name"] in new]
    new_positional = [p["name"] for p in new_params if p["kind"].startswith("positional")]
    if new_positional[: len(old_positional)] != old_positional:
        detail = f"positional parameters ({', '.join(new_positional)}), were ({', '.join(old_positional)})"
        yield Change(B, "python", "changed", subject, detail, where)
    yield from _typed_changes(f"{subject} return type", where, before["returns"], after["returns"], "out")


def _parameter_changes(subject: str, where: str, before: Entry, after: Entry) -> Iterator[Change]:
    if before["kind"] != after["kind"]:
        impact = A if KIND_CHANGE_OK.get((before["kind"], after["kind"])) else B
        yield Change(impact, "python", "changed", subject, f"{before['kind']} -> {after['kind']}", where)
    if before["default"] != after["default"]:
        impact, detail = (A, "now optional") if after["default"] else (B, "now required")
        yield Change(impact, "python", "changed", subject, detail, where)
    yield from _typed_changes(subject, where, before["type"], after["type"], "in")


def parameters(params: list[str]) -> list[Entry]:
    """The parameter strings of a signature (python_surface.py) as name, kind, type, default."""
    found: list[Entry] = []
    kind = "positional" if "/" in params else "positional_or_keyword"
    for text in params:
        if text == "/":
            kind = "positional_or_keyword"
            continue
        if text == "*":
            kind = "keyword"
            continue
        this = kind
        if text.startswith("**"):
            this, text = "var_keyword", text[2:]
        elif text.startswith("*"):
            this, text, kind = "var_positional", text[1:], "keyword"
        default = text.endswith(" = ...")
        text = text.removesuffix(" = ...")
        name, _, annotation = text.partition(": ")
        found.append({"name": name, "kind": this, "type": annotation or None, "default": default})
    return found


# --- types ---------------------------------------------------------------------------------------


def _typed_changes(subject: str, where: str, before: str | None, after: str | None, position: str) -> Iterator[Change]:
    """A type changed at a position users write ("in"), read ("out") or both ("field")."""
    if before == after:
        return
    if before is None or after is None:  # an annotation appeared or went; the value is the same
        yield Change(N, "python", "changed", subject, f"annotation {before} -> {after}", where)
        return
    relation, literals_only = type_relation(before, after)
    if position == "in":
        impact = A if relation == "wider" else B
    elif position == "out":
        impact = A if relation == "narrower" or (relation == "wider" and literals_only) else B
    else:
        impact = A if relation == "wider" and literals_only else B
    yield Change(impact, "python", "changed", subject, f"type `{before}` -> `{after}` ({relation})", where)


def type_relation(before: str, after: str) -> tuple[str, bool]:
    """(wider / narrower / changed, whether all that was added are Literal values)."""
    old, new = union_members(before), union_members(after)
    old_covered = all(_covered(member, new) for member in old)
    new_covered = all(_covered(member, old) for member in new)
    literals_only = all(m.startswith(f"{LITERAL}[") for m in new - old)
    if old_covered and not new_covered:
        return "wider", literals_only
    if new_covered and not old_covered:
        return "narrower", False
    return "changed", False


def _covered(member: str, members: set[str]) -> bool:
    return member in members or any(wider in members for wider in NUMERIC.get(member, ()))


def union_members(rendered: str) -> set[str]:
    """The members of a rendered type's top-level union, one per Literal value."""
    try:
        node = ast.parse(rendered, mode="eval").body
    except SyntaxError:
        return {rendered}
    return set(_members(node))


def _members(node: ast.expr) -> Iterator[str]:
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.BitOr):
        yield from _members(node.left)
        yield from _members(node.right)
    elif isinstance(node, ast.Subscript) and ast.unparse(node.value) == LITERAL:
        elements = node.slice.elts if isinstance(node.slice, ast.Tuple) else [node.slice]
        for element in elements:
            yield f"{LITERAL}[{ast.unparse(element)}]"
    else:
        yield ast.unparse(node)
