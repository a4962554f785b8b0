"""The built wheels on every supported CPython (3.11 to 3.15), against the emulator.

For each version: a fresh venv made by uv with that interpreter, the four wheels of this run's
`make wheels` (shared with tests/test_release.py) installed by uv with the dependency versions of
requirements.lock (on 3.11, 3.13 and 3.14 with the retired, empty `speedups` extra, which must
still install; on 3.12 and 3.15 without it; streams call msgspec on every version),
then tests/pyversions/runtime.py run by the venv's Python in isolated mode from a scratch
directory. The interpreters are found, never assumed
at a fixed path: `python3.X` on PATH if it runs, else pyenv's newest 3.X, else the one `make pythons`
put in .pythons/ (3.14 and 3.15 from Debian's own packages: tests/pyversions/debian_python.py).
A missing one fails the test, naming what to install. docs/python-versions.md has the policy.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from codegen.providers import ROOT, load_providers
from tests.test_release import _case, _wheel, built, dist  # noqa: F401 (fixtures: one build per run)

pytestmark = [pytest.mark.slow, pytest.mark.timeout(600)]

VERSIONS = ("3.11", "3.12", "3.13", "3.14", "3.15")  # keep in step with the classifiers of pyproject.toml.jinja
WITH_SPEEDUPS = ("3.11", "3.13", "3.14")  # the others install the packages without the extra
PYTHONS = ROOT / ".pythons"  # `make pythons`: <version>/usr/bin/python<version>
PROVIDERS = load_providers()
UV = Path(sys.executable).parent / "uv"


def _runs_as(python: str, version: str) -> bool:
    probe = [python, "-c", "import sys; print('%d.%d' % sys.version_info[:2])"]
    result = subprocess.run(probe, capture_output=True, text=True, timeout=30)
    return result.returncode == 0 and result.stdout.strip() == version


def find_interpreter(version: str) -> str:
    """`python<version>` from PATH if it runs, else pyenv's newest <version>.* install, else
    .pythons/<version>/usr/bin/python<version> (`make pythons`)."""
    on_path = shutil.which(f"python{version}")
    if on_path and _runs_as(on_path, version):
        return on_path
    if shutil.which("pyenv"):
        listed = subprocess.run(["pyenv", "versions", "--bare"], capture_output=True, text=True, timeout=30).stdout
        candidates = [v for v in listed.split() if v.startswith(f"{version}.") and v[len(version) + 1 :].isdigit()]
        for name in sorted(candidates, key=lambda v: int(v.rsplit(".", 1)[1]), reverse=True):
            env = {**os.environ, "PYENV_VERSION": name}
            which = subprocess.run(["pyenv", "which", f"python{version}"], capture_output=True, text=True, env=env)
            if which.returncode == 0 and _runs_as(which.stdout.strip(), version):
                return which.stdout.strip()
    made = PYTHONS / version / "usr" / "bin" / f"python{version}"
    if made.exists() and _runs_as(str(made), version):
        return str(made)
    pytest.fail(
        f"no Python {version}: the packages support {', '.join(VERSIONS)} and make test runs each. "
        f"Install it (`make pythons` for 3.14 and 3.15, from Debian's packages; else e.g. `pyenv install {version}`)"
        f" so that python{version} is on PATH, known to pyenv or in {PYTHONS}/{version}."
    )


def _run(command: list[str], *, cwd: Path, env: dict[str, str] | None = None) -> str:
    result = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, f"{' '.join(command)} failed:\n{result.stdout}\n{result.stderr}"
    return result.stdout


def _plan(emulator: Any) -> list[dict[str, Any]]:
    plan = []
    for provider in PROVIDERS.values():
        case = {**_case(provider), "env_prefix": provider.env_prefix}
        if provider.access_key:
            case["access_key"] = list(emulator.access_key_pair())
        plan.append(case)
    return plan


@pytest.mark.parametrize("version", VERSIONS)
def test_wheels_work_on_every_supported_python(version: str, dist: Path, tmp_path: Path, emulator: Any) -> None:  # noqa: F811
    python = find_interpreter(version)
    venv, scratch = tmp_path / f"venv-{version}", tmp_path / "scratch"
    scratch.mkdir()
    tool_env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV", "UV_"))}
    _run([str(UV), "venv", "--quiet", "--python", python, str(venv)], cwd=scratch, env=tool_env)
    extra = "[speedups]" if version in WITH_SPEEDUPS else ""
    wheels = [f"{p.distribution}{extra} @ {_wheel(dist, p).as_uri()}" for p in PROVIDERS.values()]
    install = [str(UV), "pip", "install", "--quiet", "--python", str(venv / "bin" / "python")]
    _run([*install, "--constraint", str(ROOT / "requirements.lock"), *wheels], cwd=scratch, env=tool_env)

    shutil.copyfile(ROOT / "tests" / "pyversions" / "runtime.py", scratch / "runtime.py")
    (scratch / "plan.json").write_text(json.dumps(_plan(emulator)), encoding="utf-8")
    env = {"PATH": "/usr/bin:/bin", "HOME": str(scratch), "LANG": "C.UTF-8"}
    for provider in PROVIDERS.values():
        env[f"{provider.env_prefix}_API_KEY"] = emulator.api_key(provider.key)
        env[f"{provider.env_prefix}_BASE_URL"] = emulator.base_url(provider.key)
    report = json.loads(_run([str(venv / "bin" / "python"), "-I", "runtime.py", "plan.json"], cwd=scratch, env=env))

    assert report["python"] == version and Path(report["prefix"]).resolve() == venv.resolve()
    for case in _plan(emulator):
        got = report["packages"][case["package"]]
        answer, where = {"returned": case["answer_model"]}, f"Python {version}, {case['package']}"
        assert got["import_failures"] == [], where
        assert got["plain"] == answer and got["async"] == answer, where
        assert got["stream_text"].strip() and got["stream_text"] == got["astream_text"], where
        parser = got["parser"]
        assert parser["events"] > 0 and parser["msgspec_calls"] == parser["events"], (where, parser)
        assert parser["msgspec_imported"] is True, (where, parser)
        assert got["wrong_key"] == {"raised": "AuthenticationError", "status_code": 401}, where
        assert got["server_error"] == {"raised": "InternalServerError", "status_code": 500}, where
        assert got["retried_429"] == answer, where
        assert got["stream_cut"]["raised"] == got["astream_cut"]["raised"] == "IncompleteStreamError", where
        assert got["stream_error"]["raised"] == "StreamError", where
        if "access_key" in case:
            assert got["access_key"] == answer, where
