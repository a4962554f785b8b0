"""A client built before `os.fork()` works in parent and child, and never lets the child use a
connection its parent opened (issue 24.1: before, both read whichever answer came first on the
shared keep-alive socket, and 8 of 10 rounds handed one process the other's answer, silently).

The pattern runs in a process of its own (tests/forking/preload.py), single-threaded as a
pre-forking server's master is, against the emulator over loopback; real forks, all four packages.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from codegen.providers import load_providers
from tests.cases import main_operation
from tests.client_cases import PACKAGES

SCRIPT = Path(__file__).parent / "forking" / "preload.py"
ROUNDS = 10


def preload(emulator: Any, provider: str, mode: str) -> dict[str, Any]:
    package = PACKAGES[provider].__name__
    root = Path(PACKAGES[provider].__file__).parent.parent  # generated/<provider>
    environment = {**os.environ, "PYTHONPATH": str(root)}
    name = load_providers()[provider].client_class
    case = main_operation(provider)
    command = [
        sys.executable,
        str(SCRIPT),
        package,
        name,
        emulator.base_url(provider),
        emulator.api_key(provider),
        mode,
        str(ROUNDS),
        case.method,
        json.dumps(case.minimal),
    ]
    done = subprocess.run(command, capture_output=True, text=True, timeout=120, env=environment)
    assert done.returncode == 0, done.stderr[-3000:]
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


@pytest.mark.parametrize("mode", ["sync", "async"])
@pytest.mark.parametrize("provider", PACKAGES)
def test_a_client_built_before_a_fork_gives_each_process_its_own_answers(
    emulator: Any, provider: str, mode: str
) -> None:
    outcome = preload(emulator, provider, mode)
    assert outcome == {"rounds": ROUNDS, "crossed": [], "failed": []}
