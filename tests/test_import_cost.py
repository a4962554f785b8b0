"""Importing a package, then one operation module, loads only what importing needs (issue 23
item 4: import <= 1.3x `import httpx2`, measured by `python -m bench --only import`, never timed
here). Each standard or third-party module below costs milliseconds on top of httpx2 and is
needed by a call only, which imports it then (docs/import-time.md says which call pays what).

A fresh interpreter per package imports httpx2 first (the floor: what it loads is not counted),
then the package, then its main operation module, and reports what each step added.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from typing import Any

import pytest

from tests.cases import KEYS, PROVIDERS, main_operation

PYTHONPATH = os.pathsep.join(str(p.project_dir) for p in PROVIDERS.values())

# Never loaded by importing a package or one of its operation modules: the event loop's modules
# (10 ms; loaded by the loop that runs an async call) and pickle (by pickling a client).
NOT_ON_IMPORT = ("asyncio", "pickle")
# Nor by importing the package alone: attrs (10 ms, with the platform module it imports), which
# the models need and the package root, its errors, clients and types do not.
NOT_WITH_THE_PACKAGE = ("attrs", "attr", "platform")

_SCRIPT = """\
import json, sys
import httpx2
floor = set(sys.modules)
import {package}
package = set(sys.modules) - floor
import {module}
operation = set(sys.modules) - floor - package
print(json.dumps({{"package": sorted(package), "operation": sorted(operation)}}))
"""


def _loaded(key: str) -> dict[str, list[str]]:
    case = main_operation(key)
    script = _SCRIPT.format(package=case.package_name, module=case.module_name)
    env = {k: v for k, v in os.environ.items() if not k.endswith(("_LOG", "_API_KEY", "_BASE_URL"))}
    env["PYTHONPATH"] = PYTHONPATH
    done = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    result: dict[str, Any] = json.loads(done.stdout.splitlines()[-1])
    return result


def _top_level(modules: list[str]) -> set[str]:
    return {name.partition(".")[0] for name in modules}


@pytest.mark.parametrize("key", KEYS)
def test_importing_a_package_and_one_operation_skips_what_only_calls_need(key: str) -> None:
    loaded = _loaded(key)
    for step, skipped in (("package", NOT_ON_IMPORT + NOT_WITH_THE_PACKAGE), ("operation", NOT_ON_IMPORT)):
        found = sorted(_top_level(loaded[step]) & set(skipped))
        assert not found, f"importing the {step} loaded {found}: import them where a call needs them"
