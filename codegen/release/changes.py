"""One change between two releases, how much it matters, and the version bump it needs.

Every level of the comparison (the spec, the Python surface, the last release's user code, the
package files and metadata) yields `Change`s of one shape, so the bump, the gate, the printout and
the changelog draft treat them alike.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterable
from dataclasses import dataclass


class Impact(enum.IntEnum):
    """What a change does to users' code; the order is the order of the bumps."""

    NEUTRAL = 1  # nothing users wrote can notice it in their code (docs, wire details, fixes): patch
    ADDITIVE = 2  # new things; what worked still works: minor
    BREAKING = 3  # something users wrote may stop working or type-checking: major

    @property
    def label(self) -> str:
        return self.name.lower()


LEVELS = ("spec", "python", "user code", "package")  # the order changes are printed and named in
BUMPS = {None: "none", Impact.NEUTRAL: "patch", Impact.ADDITIVE: "minor", Impact.BREAKING: "major"}


@dataclass(frozen=True, order=True)
class Change:
    """A difference found at one level.

    `kind` (added / removed / changed) picks the changelog section; `subject` names the thing in
    words a user knows (a field, an operation, a parameter); `where` is the owner a subject repeats
    under (the four resource classes share one `create()` change), so printouts can group them.
    """

    impact: Impact
    level: str  # "spec", "python", "user code", "package"
    kind: str  # "added", "removed", "changed"
    subject: str
    detail: str
    where: str = ""

    def describe(self) -> str:
        return f"{self.subject}: {self.detail}"


def required_impact(changes: Iterable[Change]) -> Impact | None:
    """The largest impact among the changes (None: nothing changed, no release needed)."""
    return max((change.impact for change in changes), default=None)


def bump_name(impact: Impact | None) -> str:
    return BUMPS[impact]


_RELEASE = re.compile(r"^(\d+)(?:\.(\d+))?(?:\.(\d+))?")


def release_tuple(version: str) -> tuple[int, int, int]:
    """major.minor.patch of a version (pre-release and local parts ignored: 2.0.0rc1 counts as a
    2.0.0 for the gate, so a release candidate of a major release passes it)."""
    match = _RELEASE.match(version)
    if not match:
        raise ValueError(f"version {version!r} does not start with major.minor.patch")
    major, minor, patch = (int(part or 0) for part in match.groups())
    return major, minor, patch


def smallest_version(last: str, impact: Impact | None) -> tuple[int, int, int]:
    """The smallest release that covers changes of `impact` after `last` (semantic versioning)."""
    major, minor, patch = release_tuple(last)
    if impact is Impact.BREAKING:
        return major + 1, 0, 0
    if impact is Impact.ADDITIVE:
        return major, minor + 1, 0
    if impact is Impact.NEUTRAL:
        return major, minor, patch + 1
    return major, minor, patch


def format_version(release: tuple[int, int, int]) -> str:
    return ".".join(map(str, release))


def grouped(changes: Iterable[Change]) -> list[tuple[Change, list[str]]]:
    """Changes that say the same thing under several owners, once each with the owners' list.

    A removed request field shows up on the four resource classes' `create()`, the request model
    and the params TypedDict; the printout and the changelog say it once and name where."""
    groups: dict[tuple[Impact, str, str, str, str], list[str]] = {}
    first: dict[tuple[Impact, str, str, str, str], Change] = {}
    for change in sorted(changes, key=lambda c: (-c.impact, LEVELS.index(c.level), c.subject, c.detail, c.where)):
        key = (change.impact, change.level, change.kind, change.subject, change.detail)
        first.setdefault(key, change)
        if change.where and change.where not in groups.get(key, []):
            groups.setdefault(key, []).append(change.where)
    return [(first[key], groups.get(key, [])) for key in first]


def owners_text(owners: list[str], limit: int = 4) -> str:
    if not owners:
        return ""
    shown = ", ".join(owners[:limit])
    more = f" and {len(owners) - limit} more" if len(owners) > limit else ""
    return f" (in {shown}{more})"
