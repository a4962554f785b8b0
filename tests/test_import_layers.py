"""codegen/layers.py: the import graph of the runtime and of every generated package keeps its
floors (run by `make lint`). These tests show it holds today and that each rule can fail."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from codegen import layers
from codegen.providers import ROOT, load_providers

PACKAGE = next(iter(load_providers().values()))


def test_the_runtime_and_every_generated_package_keep_their_floors() -> None:
    assert layers.main([]) == 0


@pytest.fixture
def package(tmp_path: Path) -> Path:
    copy = tmp_path / PACKAGE.package
    shutil.copytree(PACKAGE.project_dir / PACKAGE.package, copy, ignore=shutil.ignore_patterns("__pycache__"))
    return copy


def _append(path: Path, text: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def test_an_import_up_a_floor_is_refused_even_when_type_only(package: Path) -> None:
    upward = "\nif TYPE_CHECKING:\n    from ..streams.stream import Stream\n"
    _append(package / "_runtime" / "http" / "retry.py", upward)
    problems = layers.check(package, runtime="_runtime")
    assert any("http.retry imports streams.stream, which is not below it" in p for p in problems), problems


def test_an_import_circle_is_refused(package: Path) -> None:
    _append(package / "_runtime" / "redact.py", "\nfrom . import errors as _errors\n")
    problems = layers.check(package, runtime="_runtime")
    assert any("import circle" in p and "_runtime.redact" in p and "_runtime.errors" in p for p in problems), problems


def test_the_runtime_may_not_import_the_package_around_it(package: Path) -> None:
    _append(package / "_runtime" / "logs.py", "\nfrom .. import models as _models\n")
    problems = layers.check(package, runtime="_runtime")
    assert any("the runtime imports models, outside it" in p for p in problems), problems


def test_a_runtime_module_on_no_floor_is_refused(tmp_path: Path) -> None:
    runtime = tmp_path / "runtime"
    shutil.copytree(ROOT / "runtime", runtime, ignore=shutil.ignore_patterns("__pycache__"))
    (runtime / "http" / "rate_limit.py").write_text('"""A new concern, placed nowhere yet."""\n', encoding="utf-8")
    problems = layers.check(runtime)
    assert any("module http.rate_limit is on no floor" in p for p in problems), problems
