"""The Ray Data recipe of docs/distributed.md, run as written (docs/ray_batch.py, imported, not
copied) on a Ray of its own on this machine (Ray 2.60 has no local_mode any more: `ray.init(
address="local")` starts a single-node Ray here, with real worker processes), against the emulator.

The prompts go through `map_batches` with one client per actor; the emulator answers the first
three requests with 429 and Retry-After, which the clients' own retries absorb: every row has
its answer and no error, and the emulator saw each call once plus the three refused, so no
batch was run twice. About 20-40 s on the 2-core machine, most of it Ray starting.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

from emulator import Emulator
from tests.client_cases import tagged, unique

ROOT = Path(__file__).resolve().parent.parent
RECIPE = ROOT / "docs" / "ray_batch.py"

DRIVER = r"""
import json, sys
import ray
import ray_batch  # docs/ray_batch.py

ray.init(address="local", num_cpus=2, include_dashboard=False, log_to_driver=False)
rows = ray_batch.complete_all(json.loads(sys.argv[1]), workers=2, batch_size=5, client_args=json.loads(sys.argv[2]))
ray.shutdown()
print(json.dumps(rows))
"""


def test_the_recipe_answers_every_prompt_once_through_rate_limits(emulator: Emulator) -> None:
    prompts = [f"prompt number {i}" for i in range(20)]
    tag = unique("ray")
    client_args = {
        "headers": {"X-Emulator-Tag": tag, "X-Emulator-Fault": f"status;code=429;retry-after=0.2;times=3;id={tag}"}
    }
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith(("LANRUI_", "RAY_"))},
        "LANRUI_API_KEY": emulator.api_key("lanrui"),  # read in each worker, never shipped
        "LANRUI_BASE_URL": emulator.base_url("lanrui"),
        "PYTHONPATH": os.pathsep.join([str(RECIPE.parent), *sys.path]),
        "RAY_USAGE_STATS_ENABLED": "0",  # no report to Ray's servers
    }
    done = subprocess.run(
        [sys.executable, "-c", DRIVER, json.dumps(prompts), json.dumps(client_args)],
        capture_output=True,
        text=True,
        timeout=240,
        env=env,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-4000:]
    rows = json.loads(done.stdout.strip().splitlines()[-1])
    assert sorted(row["prompt"] for row in rows) == sorted(prompts)
    assert [row["error"] for row in rows] == [""] * len(prompts)
    assert all(f'"{row["prompt"]}"' in row["answer"] for row in rows)  # the emulator echoes each prompt
    assert len({row["request_id"] for row in rows}) == len(prompts)
    assert len(tagged(emulator, tag)) == len(prompts) + 3  # each call once, and the three 429s retried


def test_the_docs_show_the_recipe_as_it_is_run() -> None:
    """docs/distributed.md embeds docs/ray_batch.py whole, so the page shows the tested code."""
    page = (ROOT / "docs" / "distributed.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```py\n(.*?)```", page, re.S)
    assert RECIPE.read_text(encoding="utf-8") in blocks
