"""Keep the template forks honest. A template of ours with the name of one of
openapi-python-client's templates is a fork (codegen/templates/ shadows upstream's in the
generator's loader; codegen/surface_templates/package_init.py.jinja is written over its output).
The upstream file each fork started from is kept byte for byte under codegen/templates/upstream/.
Because ours load first, a generator bump would silently drop an upstream fix to a forked file;
`stale_forks` compares the installed generator's templates with those bases and says what to merge.

    python -m codegen.forks     # exit 1 with the merge instructions when a base no longer matches
"""

from __future__ import annotations

import sys
from pathlib import Path

import openapi_python_client

from codegen.providers import ROOT

TEMPLATE_DIRS = (ROOT / "codegen" / "templates", ROOT / "codegen" / "surface_templates")
BASES = ROOT / "codegen" / "templates" / "upstream"
INSTALLED = Path(openapi_python_client.__file__).parent / "templates"
# Upstream templates whose output the public face replaces whole (see codegen/generate.py): no
# fork file, but an upstream change may carry a fix the runtime should get too.
REPLACED = {"client.py.jinja": "runtime/http/client.py", "errors.py.jinja": "runtime/errors.py"}


def forked(dirs: tuple[Path, ...] = TEMPLATE_DIRS, upstream: Path = INSTALLED) -> dict[str, Path]:
    """Our templates that take the place of an upstream one: upstream name -> our file."""
    found = {}
    for folder in dirs:
        for path in sorted(folder.rglob("*.jinja")):
            name = path.relative_to(folder).as_posix()
            if not name.startswith("upstream/") and (upstream / name).is_file():
                found[name] = path
    return found


def _shown(path: Path | str) -> str:
    path = Path(path)
    return str(path.relative_to(ROOT)) if path.is_absolute() and path.is_relative_to(ROOT) else str(path)


def stale_forks(upstream: Path = INSTALLED, dirs: tuple[Path, ...] = TEMPLATE_DIRS, bases: Path = BASES) -> list[str]:
    """One message per fork (or replaced template) whose recorded base differs from `upstream`."""
    ours: dict[str, Path | str] = {**forked(dirs, upstream), **REPLACED}
    problems = []
    for name, mine in ours.items():
        base, current = bases / name, upstream / name
        if not base.is_file():
            problems.append(
                f"{name}: no recorded base; copy the upstream template {_shown(mine)} started from to {_shown(base)}"
            )
        elif not current.is_file():
            problems.append(f"{name}: upstream no longer has this template; see what replaced it for {_shown(mine)}")
        elif base.read_bytes() != current.read_bytes():
            problems.append(
                f"{name}: upstream changed since {_shown(mine)} was forked from it. Three-way merge the "
                f"change into ours, then record the new base:\n"
                f"    git merge-file {_shown(mine)} {_shown(base)} {current}   # conflicts marked in place\n"
                f"    cp {current} {_shown(base)}"
            )
    recorded = {p.relative_to(bases).as_posix() for p in bases.rglob("*.jinja")}
    problems += [
        f"{name}: a recorded base without a fork; delete {_shown(bases / name)}"
        for name in sorted(recorded - set(ours))
    ]
    return problems


def main() -> None:
    problems = stale_forks()
    if problems:
        sys.exit("openapi-python-client's templates differ from the bases of our forks:\n" + "\n".join(problems))
    print(f"{len(forked()) + len(REPLACED)} forked or replaced templates match their upstream bases")


if __name__ == "__main__":
    main()
