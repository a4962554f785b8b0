"""User code written as for the openai SDK runs, and type-checks strictly with no `Any` leaking.

tests/user_code/<key>_app.py uses each package the way openai users write code (dict messages,
`stream=True`, async, raw responses, `with_options`, per-call extras, errors). It runs against the
emulator, and the real type checkers, `mypy --strict` and `pyright --strict`, run as
subprocesses, must report nothing in it. `assert_type` lines pin the types users rely on, and the
file's inline `# mypy: disallow-any-expr` makes any expression typed `Any` an error.

tests/user_code/<key>_mistakes.py holds mistakes (a wrong role literal, a misspelled keyword or
key, a wrong value type): both checkers must report an error on each line marked
`# expect-error`, and on no other line.

Every file has its own module name, so one run of each checker covers all four packages (and the
second client pair of sensenova_client, in sensenova_token_plan_*.py).
"""

from __future__ import annotations

import json
import os
import re
import runpy
import subprocess
import sys
from pathlib import Path

import pytest

from codegen.providers import ROOT, load_providers
from emulator import Emulator

PROVIDERS = load_providers()
USER_CODE = Path(__file__).parent / "user_code"
# Per client: one per provider, and one per client of another host (sensenova_token_plan_app.py:
# SenseNovaTokenPlan). Named from the client's emulator mount; test_every_client_has_user_code
# fails for a client without its two files.
CLIENT_FILES = [c.mount.replace("-", "_") for p in PROVIDERS.values() for c in p.clients.values()]
APPS = [USER_CODE / f"{name}_app.py" for name in CLIENT_FILES]
MISTAKES = [USER_CODE / f"{name}_mistakes.py" for name in CLIENT_FILES]
PACKAGE_DIRS = [str(p.project_dir) for p in PROVIDERS.values()]
BIN = Path(sys.executable).parent
MYPY_LINE = re.compile(r"^(?P<path>[^:]+):(?P<line>\d+): error: (?P<message>.*)$")

Diagnostics = dict[Path, dict[int, list[str]]]  # file -> line -> messages


def test_every_client_has_user_code() -> None:
    missing = [path.name for path in APPS + MISTAKES if not path.is_file()]
    assert not missing, f"tests/user_code/ lacks {missing}: write them as for the openai SDK (see the others)"
    assert set(USER_CODE.glob("*_app.py")) | set(USER_CODE.glob("*_mistakes.py")) == set(APPS + MISTAKES)


@pytest.mark.parametrize("app", APPS, ids=lambda path: path.stem)
def test_user_code_runs_against_the_emulator(
    app: Path, emulator: Emulator, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    for key, provider in PROVIDERS.items():
        for client in provider.clients.values():
            monkeypatch.setenv(client.base_url_env, emulator.base_url(client.mount))
        monkeypatch.setenv(f"{provider.env_prefix}_API_KEY", emulator.api_key(key))
    runpy.run_path(str(app), run_name="__main__")
    assert "You said" in capsys.readouterr().out  # the emulator's answers reached the prints


def test_mypy_strict() -> None:
    command = [sys.executable, "-m", "mypy", "--strict", "--follow-imports=silent", "--no-error-summary"]
    command += ["--cache-dir", str(ROOT / ".mypy_cache" / "user-code"), *map(str, APPS + MISTAKES)]
    env = {**os.environ, "MYPYPATH": os.pathsep.join(PACKAGE_DIRS)}
    done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    found: Diagnostics = {}
    for line in done.stdout.splitlines():
        if match := MYPY_LINE.match(line):
            path = (ROOT / match["path"]).resolve()
            found.setdefault(path, {}).setdefault(int(match["line"]), []).append(match["message"])
    assert done.returncode in (0, 1), done.stdout + done.stderr  # 2 would be a crash or bad usage
    _assert_as_expected("mypy --strict", found)


def test_pyright_strict(tmp_path: Path) -> None:
    config = {"typeCheckingMode": "strict", "pythonVersion": "3.11", "extraPaths": PACKAGE_DIRS}
    (tmp_path / "pyrightconfig.json").write_text(json.dumps(config), encoding="utf-8")
    command = [str(BIN / "pyright"), "--outputjson", "-p", str(tmp_path), "--pythonpath", sys.executable]
    # The pyright wheel bundles pyright and the nodejs extra brings node: nothing is downloaded.
    env = {**os.environ, "PYRIGHT_PYTHON_IGNORE_WARNINGS": "1"}
    done = subprocess.run(
        [*command, *map(str, APPS + MISTAKES)], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300
    )
    report = json.loads(done.stdout)
    assert report["summary"]["filesAnalyzed"] == len(APPS + MISTAKES), report["summary"]
    found: Diagnostics = {}
    for diagnostic in report["generalDiagnostics"]:
        if diagnostic["severity"] == "error":
            line = diagnostic["range"]["start"]["line"] + 1
            found.setdefault(Path(diagnostic["file"]).resolve(), {}).setdefault(line, []).append(diagnostic["message"])
    _assert_as_expected("pyright --strict", found)


def _assert_as_expected(checker: str, found: Diagnostics) -> None:
    for app in APPS:
        assert not found.get(app.resolve()), f"{checker} on {app.name}: {found[app.resolve()]}"
    for mistakes in MISTAKES:
        expected = _marked_lines(mistakes)
        assert expected, f"{mistakes.name} marks no line"
        reported = found.get(mistakes.resolve(), {})
        assert set(reported) == expected, (
            f"{checker} on {mistakes.name}: errors on lines {sorted(reported)}, expected {sorted(expected)}: {reported}"
        )


def _marked_lines(path: Path) -> set[int]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return {number for number, line in enumerate(lines, 1) if line.rstrip().endswith("# expect-error")}
