"""A changelog entry drafted from the release plan, for the maintainer to edit before releasing.

changelogs/<key>.md is hand-written (codegen/generate.py copies it into the package as
CHANGELOG.md). The draft is a new `## <version>` section on top of the older ones, with the
plan's changes under Added / Changed / Removed, naming the fields, operations and Python names;
a major release also gets a "What to change in your code" section to fill in. An existing
section for the version is never touched (it may hold the maintainer's edits already).
"""

from __future__ import annotations

from pathlib import Path

from codegen.release.changes import Change, Impact, grouped, owners_text, release_tuple
from codegen.release.plan import ProviderPlan

SECTIONS = {"added": "Added", "changed": "Changed", "removed": "Removed"}
LEVELS = {"spec": "API", "python": "Python", "package": "Package"}


def draft_version(plan: ProviderPlan) -> str:
    """The version the entry is for: the one in providers.toml once it is bumped, else the
    smallest version that covers the changes (the plan then says to bump to it)."""
    if plan.last is None or plan.smallest is None:
        return plan.version
    return plan.version if release_tuple(plan.version) > release_tuple(plan.last) else plan.smallest


def draft_section(plan: ProviderPlan, version: str) -> str:
    lines = [
        f"## {version}",
        "",
        f"<!-- Drafted by `make release-plan DRAFT=1` from the changes since {plan.last}"
        f" ({plan.bump} release). Edit it, then remove this comment. -->",
        "",
    ]
    code = [change for change in plan.changes if change.level == "user code"]
    for kind, title in SECTIONS.items():
        items = [(c, owners) for c, owners in grouped(plan.changes) if c.kind == kind and c.level != "user code"]
        if kind == "changed" and code:
            items.append((code[0], []))
        if items:
            lines += [f"### {title}", "", *(f"- {_bullet(change, owners, len(code))}" for change, owners in items), ""]
    if plan.impact is Impact.BREAKING:
        lines += ["### What to change in your code", "", "- (for each breaking change above: what to write now)", ""]
    return "\n".join(lines)


def _bullet(change: Change, owners: list[str], code_errors: int) -> str:
    if change.level == "user code":
        return (
            f"Code written for the last release no longer type-checks ({code_errors} errors), first: "
            f"{change.describe()} **(breaking)**"
        )
    text = f"{LEVELS[change.level]}: {change.describe()}{owners_text(owners)}"
    return text + (" **(breaking)**" if change.impact is Impact.BREAKING else "")


def insert_draft(changelog: Path, plan: ProviderPlan) -> str | None:
    """Put the drafted section above the newest one; None if the version has a section already."""
    version = draft_version(plan)
    text = changelog.read_text(encoding="utf-8")
    lines = text.splitlines(keepends=True)
    if any(line.strip() == f"## {version}" for line in lines):
        return None
    at = next((i for i, line in enumerate(lines) if line.startswith("## ")), len(lines))
    section = draft_section(plan, version) + "\n"
    before = "".join(lines[:at])
    if before and not before.endswith("\n\n"):
        before = before.rstrip("\n") + "\n\n"
    changelog.write_text(before + section + "".join(lines[at:]), encoding="utf-8")
    return version
