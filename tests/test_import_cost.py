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
# Nor attrs (10 ms, with the platform module it imports), which only the models need: an
# operation module imports its models and the stream runtime on its first call (`_load`).
NOT_ON_IMPORT += ("attrs", "attr", "platform")

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
    package = PROVIDERS[key].package
    for step in ("package", "operation"):
        found = sorted(_top_level(loaded[step]) & set(NOT_ON_IMPORT))
        found += [m for m in loaded[step] if m.startswith((f"{package}.models.", f"{package}._runtime.streams"))]
        assert not found, f"importing the {step} loaded {found}: import them where a call needs them"


_FIRST_USE = """\
import sys, typing
import {module} as op
{use}
body = typing.get_type_hints(op.sync)["body"]
assert body is sys.modules[body.__module__].__dict__[body.__name__], body
assert body.__module__.startswith("{package}.models."), body
print(body.__name__)
"""


@pytest.mark.parametrize("use", ["from {module} import {body} as named", "op._STREAM_FORMAT"])
@pytest.mark.parametrize("key", KEYS)
def test_the_names_an_operation_module_had_are_there_on_first_use(key: str, use: str) -> None:
    """A model name looked up in the module (or its stream facts) imports what the first call
    would: then the module's functions' annotations resolve to the models' own classes."""
    case = main_operation(key)
    body = case.request_model.__name__
    script = _FIRST_USE.format(
        module=case.module_name, package=case.package_name, use=use.format(module=case.module_name, body=body)
    )
    env = {**os.environ, "PYTHONPATH": PYTHONPATH}
    done = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == [body]
