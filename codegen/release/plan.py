"""The release plan: per provider, what changed since its last release, and the bump it needs.

The last release is a file in the repository, releases/<key>.json (an API report, like API
Extractor's `.api.md` or a Rust public-api lock file), written by `make publish` after an upload
or by `make release-record`: the version released, the spec facts, the Python surface and the
package facts of that release, with a copy of the user code that was type-checked against it
(releases/<key>_app.py). It needs no tag, no network and no history, so a fresh clone or a
tarball plans the same way, and reviewers see the recorded surface change in the release commit.
"""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from codegen.providers import ROOT, Provider
from codegen.release.changes import (
    Change,
    Impact,
    bump_name,
    format_version,
    grouped,
    owners_text,
    release_tuple,
    required_impact,
    smallest_version,
)
from codegen.release.package_facts import diff_packages, package_facts
from codegen.release.python_surface import python_surface
from codegen.release.spec_diff import diff_specs
from codegen.release.spec_facts import spec_facts
from codegen.release.surface_diff import diff_surfaces
from codegen.release.typecheck import Diagnostic, typecheck

FORMAT = 1  # of releases/<key>.json; another format needs a re-record, not a guess
RELEASES = ROOT / "releases"
USER_CODE = ROOT / "tests" / "user_code"


class RecordError(RuntimeError):
    """A record this code cannot read: no verdict, so no release plan."""


@dataclass(frozen=True)
class Release:
    """What one version of a provider's package is, as facts that compare."""

    version: str
    spec: dict[str, Any]
    python: dict[str, Any]
    package: dict[str, Any]


def current(provider: Provider, project_dir: Path | None = None) -> Release:
    """The release about to be made: the spec, generated/<key>/ and the version in providers.toml."""
    project = project_dir or provider.project_dir
    return Release(
        version=provider.version,
        spec=spec_facts(provider.spec),
        python=python_surface(project / provider.package),
        package=package_facts(project, provider.version),
    )


def compare(last: Release, now: Release) -> list[Change]:
    return [
        *diff_specs(last.spec, now.spec),
        *diff_surfaces(last.python, now.python),
        *diff_packages(last.package, now.package),
    ]


# --- records -------------------------------------------------------------------------------------


def record_file(releases: Path, key: str) -> Path:
    return releases / f"{key}.json"


def user_code_copy(releases: Path, key: str) -> Path:
    return releases / f"{key}_app.py"


def load_record(releases: Path, key: str) -> Release | None:
    path = record_file(releases, key)
    if not path.exists():
        return None
    data = json.loads(path.read_text(encoding="utf-8"))
    if data.get("format") != FORMAT:
        raise RecordError(f"{path}: format {data.get('format')!r}, this code reads {FORMAT}: re-record it")
    return Release(data["version"], data["spec"], data["python"], data["package"])


def write_record(provider: Provider, releases: Path, project_dir: Path | None = None) -> list[Path]:
    """Record the current tree as `provider`'s last release; returns the files written.

    The user code copied is tests/user_code/<key>_app.py, which `make test` type-checks against
    this very package (tests/test_user_code.py), so the copy is known to pass at this release."""
    release = current(provider, project_dir)
    releases.mkdir(parents=True, exist_ok=True)
    data = {
        "format": FORMAT,
        "distribution": provider.distribution,
        "version": release.version,
        "spec": release.spec,
        "python": release.python,
        "package": release.package,
    }
    target = record_file(releases, provider.key)
    target.write_text(dump(data) + "\n", encoding="utf-8")
    written = [target]
    source = USER_CODE / f"{provider.key}_app.py"
    if source.exists():
        shutil.copyfile(source, user_code_copy(releases, provider.key))
        written.append(user_code_copy(releases, provider.key))
    return written


def dump(value: Any, indent: str = "") -> str:
    """JSON with sorted keys where a container that fits in 100 characters stays on one line: a
    release commit's diff of the record then reads one parameter or field per line."""
    flat = json.dumps(value, sort_keys=True, ensure_ascii=False)
    if not isinstance(value, dict | list) or not value or len(indent) + len(flat) <= 100:
        return flat
    inner = indent + " "
    if isinstance(value, dict):
        items = [f"{inner}{json.dumps(k, ensure_ascii=False)}: {dump(v, inner)}" for k, v in sorted(value.items())]
        return "{\n" + ",\n".join(items) + "\n" + indent + "}"
    return "[\n" + ",\n".join(inner + dump(v, inner) for v in value) + "\n" + indent + "]"


# --- the plan ------------------------------------------------------------------------------------


@dataclass
class ProviderPlan:
    provider: Provider
    last: str | None  # the last released version, None before the first release
    changes: list[Change] = field(default_factory=list)

    @property
    def version(self) -> str:
        return self.provider.version

    @property
    def impact(self) -> Impact | None:
        return required_impact(self.changes)

    @property
    def bump(self) -> str:
        return bump_name(self.impact)

    @property
    def smallest(self) -> str | None:
        """The smallest version that covers the changes (None before the first release)."""
        return None if self.last is None else format_version(smallest_version(self.last, self.impact))

    def problem(self, publishing: bool = False) -> str | None:
        """Why this version may not be released, or None. Publishing also refuses the last
        release's version again (the index would refuse it, maybe after uploading others)."""
        if self.last is None:
            return None
        if release_tuple(self.version) < release_tuple(self.last):
            return f"version {self.version} is older than the last release {self.last}"
        assert self.smallest is not None
        if release_tuple(self.version) >= release_tuple(self.smallest):
            if publishing and self.version == self.last:
                return f"{self.version} is the last release already: leave {self.provider.key} out of PROVIDERS"
            return None
        reasons = grouped(change for change in self.changes if change.impact == self.impact)
        named = "; ".join(f"{c.level}: {c.describe()}{owners_text(owners, 2)}" for c, owners in reasons[:3])
        more = f" (and {len(reasons) - 3} more)" if len(reasons) > 3 else ""
        return (
            f'version {self.version} does not cover a {self.bump} change, set version = "{self.smallest}" '
            f"(or later) in codegen/providers.toml [{self.provider.key}]: {named}{more}"
        )


def plan(
    providers: list[Provider],
    releases: Path = RELEASES,
    projects: dict[str, Path] | None = None,
    check_user_code: bool = True,
) -> list[ProviderPlan]:
    """Compare each provider's tree with its last release; `projects` replaces generated/<key>/
    (the tests plan scratch packages), `check_user_code=False` skips the type checkers."""
    projects = projects or {}
    plans, code = [], {}
    for provider in providers:
        last = load_record(releases, provider.key)
        result = ProviderPlan(provider, last.version if last else None)
        if last is not None:
            result.changes = compare(last, current(provider, projects.get(provider.key)))
            copy = user_code_copy(releases, provider.key)
            if check_user_code and copy.exists():
                code[copy.resolve()] = projects.get(provider.key, provider.project_dir)
        plans.append(result)
    diagnostics = typecheck(code)
    for result in plans:
        copy = user_code_copy(releases, result.provider.key).resolve()
        result.changes += user_code_changes([d for d in diagnostics if d.path == copy])
        result.changes.sort()
    return plans


def user_code_changes(diagnostics: list[Diagnostic]) -> list[Change]:
    """Each line of the last release's user code that fails a checker is a breaking change; the
    first message of each checker on the line says why (the rest is mostly its consequences)."""
    lines: dict[tuple[Path, int], dict[str, str]] = {}
    for d in diagnostics:
        lines.setdefault((d.path, d.line), {}).setdefault(d.checker, d.message.splitlines()[0])
    return [
        Change(
            Impact.BREAKING,
            "user code",
            "changed",
            f"{_shown(path)}:{line}",
            "; ".join(f"{checker}: {message}" for checker, message in sorted(messages.items())),
        )
        for (path, line), messages in sorted(lines.items())
    ]


def _shown(path: Path) -> str:
    return str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else str(path)
