"""The first async call does not block the event loop (issue 21 item 8), all four packages.

Measured with asyncio's own debug report: with `loop.slow_callback_duration = 0` debug mode
reports every step the loop runs (a task step, a callback) with its exact duration, which is the
time the loop could run nothing else. The script runs in a fresh interpreter, so that nothing is
imported or built yet: the client class is imported at module level as users write it, and the
client is built, entered and called inside the loop, a plain call then a stream, against the
emulator. What it adds up: the loop's time from `async with` to the end of the first stream.

The bounds (figures: docs/event-loop.md, a 2-core VM with other suites running beside, one run
of each package per round): before the fix the longest step was 120-325 ms; after it 3-11 ms,
and all steps together 19-35 ms. The test fails when the best of three runs is above 40 ms for
the longest step or 80 ms in all: several times the values after, for a loaded CI machine, and
well under one blocking build.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from typing import Any

import pytest

from tests.cases import KEYS, PROVIDERS, main_operation

# The generated projects on the path of the fresh interpreter, the environment's switches cleared.
PYTHONPATH = os.pathsep.join(str(p.project_dir) for p in PROVIDERS.values())
MAX_STEP_MS = 40.0
MAX_TOTAL_MS = 80.0
RUNS = 3

_SCRIPT = """\
import asyncio, json, logging

from {package} import Async{client_class}  # at module level, outside the loop, as users write it

steps = []


class Steps(logging.Handler):
    def emit(self, record):  # asyncio: "Executing %s took %.3f seconds", the duration unrounded
        if record.msg.startswith("Executing") and isinstance(record.args, tuple):
            steps.append((float(record.args[1]), str(record.args[0])[:300]))


async def main():
    loop = asyncio.get_running_loop()
    loop.slow_callback_duration = 0.0
    log = logging.getLogger("asyncio")
    log.addHandler(Steps())
    log.setLevel(logging.WARNING)
    log.propagate = False
    async with Async{client_class}(base_url={base_url!r}, api_key={api_key!r}) as client:
        await client.{method}(**{arguments!r})
        stream = await client.{method}(**{arguments!r}, stream=True)
        async with stream:
            await stream.until_done()


asyncio.run(main(), debug=True)
steps.sort(reverse=True)
print(json.dumps({{"total": sum(d for d, _ in steps) * 1000, "max": steps[0][0] * 1000, "top": steps[:3]}}))
"""


def _loop_time(emulator: Any, key: str) -> dict[str, Any]:
    case = main_operation(key)
    client = next(c for c in PROVIDERS[key].clients.values() if c.mount == case.client)
    script = _SCRIPT.format(
        package=case.package_name,
        client_class=client.class_name,
        base_url=emulator.base_url(client.mount),
        api_key=emulator.api_key(key),
        method=case.method,
        arguments=case.minimal,
    )
    env = {k: v for k, v in os.environ.items() if not k.endswith(("_LOG", "_API_KEY", "_BASE_URL"))}
    env["PYTHONPATH"] = PYTHONPATH
    done = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    result: dict[str, Any] = json.loads(done.stdout.splitlines()[-1])
    return result


@pytest.mark.parametrize("key", KEYS)
def test_the_first_async_call_does_not_block_the_loop(emulator: Any, key: str) -> None:
    # The best of RUNS fresh interpreters: a step's duration is wall time, which a machine busy
    # with other processes stretches now and then; the blocking work it catches is there every time.
    runs = [_loop_time(emulator, key) for _ in range(RUNS)]
    best = min(runs, key=lambda measured: measured["max"])
    top = "\n".join(f"{seconds * 1000:.1f} ms {step}" for seconds, step in best["top"])
    assert best["max"] < MAX_STEP_MS, f"a loop step took {best['max']:.1f} ms (best of {RUNS}):\n{top}"
    assert min(m["total"] for m in runs) < MAX_TOTAL_MS, f"{best['total']:.1f} ms on the loop in all:\n{top}"
