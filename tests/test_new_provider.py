"""A fifth provider is picked up by every suite, by the bench and by the Makefile, from data alone.

In a scratch copy of the repository (never the real tree) a synthetic provider, `zephyr`, is
added the way docs/adding-a-provider.md says: a spec (eronmind's, on its own host and path), a
[zephyr] table in codegen/providers.toml, a changelog and fixtures. Its package and emulator
models are generated there, then the copy's own pytest collects the whole suite, and every test
that runs a case of eronmind (the provider it was modelled on) must run the same case of zephyr.
The bench's routes and the Makefile's PROVIDERS must name it too; the facts that cannot be
derived (the bench's event shapes, the user code) must fail naming it until they are added.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from codegen.providers import ROOT

NEW, MODEL = "zephyr", "eronmind"
# Not copied: caches, the environment, build output and history.
SKIP = shutil.ignore_patterns(".git", ".venv", ".pythons", "dist", "build", ".*cache", ".hypothesis", "__pycache__")

PROVIDER_TABLE = f"""
[{NEW}]
name = "Zephyr"
client_class = "Zephyr"
spec = "specs/{NEW}.yaml"
distribution = "{NEW}-client"
package = "{NEW}_client"
env_prefix = "ZEPHYR"
access_key = false
request_id_header = "x-request-id"
version = "0.1.0"
"""

# Run in the copy: the suite's collected ids, bench's providers and routes, the Makefile's PROVIDERS.
PROBE = """
import json, subprocess, sys
import pytest

class Ids:
    def __init__(self):
        self.ids = []
    def pytest_collection_modifyitems(self, items):
        self.ids = [item.nodeid for item in items]

ids = Ids()
code = pytest.main(["--collect-only", "-q", "-p", "no:xdist", "-p", "no:randomly", "tests"], plugins=[ids])
from bench import PROVIDERS, payloads
make = subprocess.run(
    ["make", "-s", "--no-print-directory", "--eval", "providers: ; @echo $(PROVIDERS)", "providers"],
    capture_output=True, text=True, check=True,
)
print("PROBE" + json.dumps({
    "collected": code, "ids": ids.ids, "bench": list(PROVIDERS),
    "routes": {key: route.provider for key, route in payloads.ROUTES.items()},
    "make": make.stdout.split(),
}))
"""


def _run(command: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTEST", "PYTHONPATH"))}
    return subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, timeout=300)


def _add_provider(root: Path) -> None:
    spec = (root / "specs" / f"{MODEL}.yaml").read_text(encoding="utf-8")
    spec = spec.replace("https://newapi.eronmind.com", "https://api.zephyr.invalid")
    spec = spec.replace("  /v1/completions:", "  /v2/completions:")  # the bench server routes by path
    (root / "specs" / f"{NEW}.yaml").write_text(spec, encoding="utf-8")
    with (root / "codegen" / "providers.toml").open("a", encoding="utf-8") as table:
        table.write(PROVIDER_TABLE)
    (root / "changelogs" / f"{NEW}.md").write_text("# Changelog\n\n## 0.1.0\n\n- First release.\n", encoding="utf-8")
    shutil.copytree(root / "tests" / "fixtures" / MODEL, root / "tests" / "fixtures" / NEW)


@pytest.fixture(scope="module")
def scratch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("five") / "repo"
    shutil.copytree(ROOT, root, ignore=SKIP, symlinks=True)
    _add_provider(root)
    for module in ("codegen.generate", "codegen.server_models"):
        done = _run([sys.executable, "-m", module, NEW], cwd=root)
        assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-3000:]
    return root


def _probe(root: Path) -> dict[str, object]:
    done = _run([sys.executable, "-c", PROBE], cwd=root)
    line = next((line for line in done.stdout.splitlines() if line.startswith("PROBE")), None)
    assert line is not None, done.stdout[-3000:] + done.stderr[-3000:]
    report: dict[str, object] = json.loads(line.removeprefix("PROBE"))
    assert report["collected"] == 0, done.stdout[-5000:]
    return report


def _as_new(nodeid: str) -> str:
    """The id of the same test on the new provider: eronmind's key, package and names replaced."""
    return nodeid.replace(MODEL, NEW).replace(MODEL.capitalize(), NEW.capitalize())


def test_a_new_provider_is_in_every_suite_the_bench_and_the_makefile(scratch: Path) -> None:
    report = _probe(scratch)
    ids = set(report["ids"])  # type: ignore[arg-type]
    modelled = {nodeid for nodeid in ids if MODEL in nodeid.partition("::")[2]}
    assert len(modelled) > 100, f"only {len(modelled)} cases of {MODEL}: the probe did not collect the suite"
    missing = sorted(nodeid for nodeid in modelled if _as_new(nodeid) not in ids)
    assert not missing, f"{len(missing)} tests run {MODEL} but not {NEW}: {missing[:20]}"
    suites = {nodeid.partition("::")[0] for nodeid in modelled}
    print(f"{NEW} is in {len(modelled)} parametrized tests of {len(suites)} suites")

    assert report["make"][-1] == NEW and report["bench"][-1] == NEW  # type: ignore[index]
    # The bench's event shapes are written by hand: without one, no route, and its check names it.
    assert NEW not in report["routes"].values()  # type: ignore[union-attr]
    done = _run([sys.executable, "-m", "pytest", "-q", "-p", "no:xdist", _BENCH_CHECK, _USER_CODE_CHECK], cwd=scratch)
    assert done.returncode == 1 and "2 failed" in done.stdout, done.stdout[-3000:]
    assert f"SHAPES lacks ['{NEW}-create_completion']" in done.stdout
    assert f"lacks ['{NEW}_app.py', '{NEW}_mistakes.py']" in done.stdout


_BENCH_CHECK = "tests/test_bench_smoke.py::test_every_operation_is_benched_or_says_why"
_USER_CODE_CHECK = "tests/test_user_code.py::test_every_client_has_user_code"
