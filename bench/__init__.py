"""Benchmarks: the generated clients against a plain httpx2 loop (the floor), httpx-sse, the openai
SDK, and the same plain loop on httpx 0.28.1 as a reference row.

``python -m bench`` (or ``make bench``) starts a loopback server in its own process
(bench/server.py), runs every candidate (bench/candidates.py) in interleaved rounds
(bench/harness.py), prints one table and writes ``bench/results/latest.json``.
"""

from __future__ import annotations

import sys
from pathlib import Path

from codegen.providers import load_providers

ROOT = Path(__file__).resolve().parent.parent
_PROVIDERS = load_providers()  # codegen/providers.toml
PROVIDERS = tuple(_PROVIDERS)
PACKAGE_DIRS = [p.project_dir for p in _PROVIDERS.values()]


def add_generated_to_path() -> None:
    """Make the generated packages importable the way pytest's ``pythonpath`` does; they run as
    installed (stream JSON by msgspec), and a ``+pure-json`` candidate (or bench.profile) switches
    each package to json alone per stream."""
    for path in map(str, [ROOT, *PACKAGE_DIRS]):
        if path not in sys.path:
            sys.path.insert(0, path)
