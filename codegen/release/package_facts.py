"""The package level of a release: its files and its metadata.

A different wheel needs a different version, even when no public name changed (a runtime fix, a
regenerated README): every file of generated/<key>/ is kept as a digest, with the package's own
version written as `<version>` so that the bump itself is not a change. CHANGELOG.md is left
out: it is edited for the release and says nothing users' code sees. From pyproject.toml the
metadata that decides what users can install: requires-python, dependencies and extras.
"""

from __future__ import annotations

import hashlib
import re
import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from codegen.release.changes import Change, Impact

SKIPPED_FILES = frozenset({"CHANGELOG.md"})
CACHES = frozenset({"__pycache__", ".mypy_cache", ".ruff_cache", ".pytest_cache"})
_NAME = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)")
_FLOOR = re.compile(r"^>=\s*(\d+)\.(\d+)$")


def package_facts(project_dir: Path, version: str) -> dict[str, Any]:
    return {"metadata": _metadata(project_dir / "pyproject.toml"), "files": _files(project_dir, version)}


def _files(project_dir: Path, version: str) -> dict[str, str]:
    digests = {}
    for path in sorted(project_dir.rglob("*")):
        relative = path.relative_to(project_dir)
        if not path.is_file() or str(relative) in SKIPPED_FILES or CACHES.intersection(relative.parts):
            continue
        content = path.read_bytes()
        for quote in (b'"', b"'"):
            content = content.replace(quote + version.encode() + quote, quote + b"<version>" + quote)
        digests[relative.as_posix()] = hashlib.sha256(content).hexdigest()
    return digests


def _metadata(pyproject: Path) -> dict[str, Any]:
    project = tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]
    return {
        "requires_python": project.get("requires-python", ""),
        "dependencies": _by_name(project.get("dependencies", [])),
        "extras": {name: _by_name(reqs) for name, reqs in sorted(project.get("optional-dependencies", {}).items())},
    }


def _by_name(requirements: list[str]) -> dict[str, str]:
    found = {}
    for requirement in requirements:
        match = _NAME.match(requirement)
        name = match.group(1).lower().replace("_", "-") if match else requirement
        found[name] = requirement
    return dict(sorted(found.items()))


def diff_packages(old: dict[str, Any], new: dict[str, Any]) -> list[Change]:
    return [*_metadata_changes(old["metadata"], new["metadata"]), *_file_changes(old["files"], new["files"])]


def _metadata_changes(old: dict[str, Any], new: dict[str, Any]) -> Iterator[Change]:
    if old["requires_python"] != new["requires_python"]:
        before, after = _FLOOR.match(old["requires_python"]), _FLOOR.match(new["requires_python"])
        lower = bool(before and after and tuple(map(int, after.groups())) < tuple(map(int, before.groups())))
        detail = f"{old['requires_python']!r} -> {new['requires_python']!r}"
        yield Change(Impact.ADDITIVE if lower else Impact.BREAKING, "package", "changed", "requires-python", detail)
    yield from _requirement_changes("dependency", old["dependencies"], new["dependencies"])
    for extra in sorted(old["extras"].keys() - new["extras"].keys()):
        yield Change(Impact.BREAKING, "package", "removed", f"extra `{extra}`", "removed")
    for extra in sorted(new["extras"].keys() - old["extras"].keys()):
        yield Change(Impact.ADDITIVE, "package", "added", f"extra `{extra}`", f"added: {new['extras'][extra]}")
    for extra in sorted(old["extras"].keys() & new["extras"].keys()):
        yield from _requirement_changes(f"`{extra}` dependency", old["extras"][extra], new["extras"][extra])


def _requirement_changes(noun: str, old: dict[str, str], new: dict[str, str]) -> Iterator[Change]:
    """What is installed along is the environment's business (pip resolves it): neutral, but said."""
    for name in sorted(old.keys() | new.keys()):
        before, after = old.get(name), new.get(name)
        if before != after:
            kind = "added" if before is None else "removed" if after is None else "changed"
            yield Change(Impact.NEUTRAL, "package", kind, f"{noun} `{name}`", f"{before} -> {after}")


def _file_changes(old: dict[str, str], new: dict[str, str]) -> Iterator[Change]:
    changed = sorted(name for name in old.keys() | new.keys() if old.get(name) != new.get(name))
    if changed:
        shown = ", ".join(changed[:6]) + (f" and {len(changed) - 6} more" if len(changed) > 6 else "")
        yield Change(Impact.NEUTRAL, "package", "changed", "package files", f"{len(changed)} differ: {shown}")
