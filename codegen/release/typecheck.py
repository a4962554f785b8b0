"""The proof at the type level: the last release's user code, type-checked against the new package.

This is the check Stainless runs for the openai SDK (scripts/detect-breaking-changes: the previous
release's tests under the new SDK's types). Each release records a copy of
tests/user_code/<key>_app.py, the openai-style code that `make test` type-checked against that
release; here both pinned checkers, `mypy --strict` and `pyright --strict`, read that copy against
the package about to be released. Any error in it is a breaking change, whatever the surface diff
made of it: the checkers know variance, overloads and TypedDicts exactly, the diff approximates.

One run of each checker covers all providers (every copy has its own module name, and every
package its own folder on the search path).
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from codegen.providers import ROOT

BIN = Path(sys.executable).parent
MYPY_LINE = re.compile(r"^(?P<path>[^:]+):(?P<line>\d+): error: (?P<message>.*)$")


@dataclass(frozen=True)
class Diagnostic:
    checker: str
    path: Path
    line: int
    message: str


class CheckerFailed(RuntimeError):
    """A type checker crashed or was misused: no verdict, so no release plan."""


def typecheck(code: dict[Path, Path]) -> list[Diagnostic]:
    """Errors of mypy --strict and pyright --strict in each user code file, read against its
    package folder (`code` maps a .py file to the project folder holding the package)."""
    if not code:
        return []
    return [*_mypy(code), *_pyright(code)]


def _mypy(code: dict[Path, Path]) -> list[Diagnostic]:
    command = [sys.executable, "-m", "mypy", "--strict", "--follow-imports=silent", "--no-error-summary"]
    command += ["--config-file", str(ROOT / "pyproject.toml"), "--cache-dir", str(ROOT / ".mypy_cache" / "release")]
    env = {**os.environ, "MYPYPATH": os.pathsep.join(sorted({str(p) for p in code.values()}))}
    done = subprocess.run([*command, *map(str, code)], cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)
    if done.returncode not in (0, 1):
        raise CheckerFailed(f"mypy exited {done.returncode}:\n{done.stdout}{done.stderr}")
    found = []
    for line in done.stdout.splitlines():
        if match := MYPY_LINE.match(line):
            path = Path(match["path"]) if Path(match["path"]).is_absolute() else ROOT / match["path"]
            found.append(Diagnostic("mypy", path.resolve(), int(match["line"]), match["message"]))
    if done.returncode == 1 and not found:
        raise CheckerFailed(f"mypy failed without naming an error:\n{done.stdout}{done.stderr}")
    return found


def _pyright(code: dict[Path, Path]) -> list[Diagnostic]:
    with tempfile.TemporaryDirectory(prefix="release-pyright-") as scratch:
        config = {
            "typeCheckingMode": "strict",
            "pythonVersion": "3.11",
            "extraPaths": sorted({str(p) for p in code.values()}),
        }
        (Path(scratch) / "pyrightconfig.json").write_text(json.dumps(config), encoding="utf-8")
        command = [str(BIN / "pyright"), "--outputjson", "-p", scratch, "--pythonpath", sys.executable]
        # the pyright wheel bundles pyright and the nodejs extra brings node: nothing is downloaded
        env = {**os.environ, "PYRIGHT_PYTHON_IGNORE_WARNINGS": "1"}
        done = subprocess.run(
            [*command, *map(str, code)], cwd=ROOT, env=env, capture_output=True, text=True, timeout=600
        )
    try:
        report = json.loads(done.stdout)
    except json.JSONDecodeError as error:
        raise CheckerFailed(f"pyright exited {done.returncode}:\n{done.stdout}{done.stderr}") from error
    if report["summary"]["filesAnalyzed"] != len(code):
        raise CheckerFailed(f"pyright analyzed {report['summary']['filesAnalyzed']} files of {len(code)}")
    return [
        Diagnostic("pyright", Path(d["file"]).resolve(), d["range"]["start"]["line"] + 1, d["message"])
        for d in report["generalDiagnostics"]
        if d["severity"] == "error"
    ]
