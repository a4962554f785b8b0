"""Fail with a diff if generated/ differs from what the pipeline produces now.

    python -m codegen.check

Regenerates every package into a scratch folder and compares it file by file with generated/,
so a stale package (a spec, template or override changed without `make`) and a hand edit
inside generated/ both show up. The emulator's request models (emulator/models, written by
codegen/server_models.py) are checked the same way. Caches that tools write beside the code
(__pycache__, .mypy_cache, .ruff_cache, .pytest_cache; all gitignored) are ignored.
"""

from __future__ import annotations

import difflib
import sys
import tempfile
from pathlib import Path

from codegen import server_models
from codegen.generate import generate
from codegen.providers import ROOT, load_providers

_CACHES = frozenset({"__pycache__", ".mypy_cache", ".ruff_cache", ".pytest_cache"})


def _files(root: Path) -> dict[str, bytes]:
    return {
        str(path.relative_to(root)): path.read_bytes()
        for path in sorted(root.rglob("*"))
        if path.is_file() and not _CACHES.intersection(path.parts)
    }


def compare(expected_root: Path, actual_root: Path) -> list[str]:
    """Unified diff lines between two trees (empty when they are identical)."""
    expected, actual = _files(expected_root), _files(actual_root)
    lines: list[str] = []
    for name in sorted(expected.keys() | actual.keys()):
        want, have = expected.get(name), actual.get(name)
        if want == have:
            continue
        if want is None or have is None:
            lines.append(f"{'only in generated/' if want is None else 'missing from generated/'}: {name}\n")
            continue
        lines += difflib.unified_diff(
            want.decode("utf-8", "replace").splitlines(keepends=True),
            have.decode("utf-8", "replace").splitlines(keepends=True),
            f"regenerated/{name}",
            f"generated/{name}",
        )
    return lines


def main() -> int:
    problems: list[str] = []
    providers = list(load_providers().values())
    with tempfile.TemporaryDirectory(prefix="check-") as scratch:
        for provider in providers:
            fresh = generate(provider, Path(scratch))
            problems += compare(fresh, ROOT / "generated" / provider.key)
        # the emulator's request models (emulator/models) come from the same specs
        models = Path(scratch) / "server-models"
        server_models.write(providers, models)
        problems += compare(models, server_models.OUT)
    if problems:
        sys.stdout.writelines(problems)
        print("\ngenerated/ or emulator/models/ is stale or was edited by hand: run `make generate` and commit.")
        return 1
    print("generated/ and emulator/models/ match the specs, templates and runtime.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
