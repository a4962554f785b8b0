"""The template forks against the installed generator's templates (codegen/forks.py)."""

from __future__ import annotations

import shutil
from pathlib import Path

from codegen.forks import BASES, INSTALLED, REPLACED, TEMPLATE_DIRS, forked, stale_forks


def test_every_fork_matches_the_upstream_template_it_started_from() -> None:
    assert {"endpoint_module.py.jinja", "model.py.jinja", "package_init.py.jinja"} <= set(forked())
    problems = stale_forks()
    assert not problems, "\n".join(problems)


def test_every_fork_says_what_changed_from_upstream() -> None:
    for name, path in forked().items():
        assert "Changed from openapi-python-client 0.29.1" in path.read_text(encoding="utf-8")[:400], name


def test_a_changed_upstream_template_asks_for_a_three_way_merge(tmp_path: Path) -> None:
    upstream = tmp_path / "templates"
    shutil.copytree(INSTALLED, upstream)
    assert stale_forks(upstream) == []
    with (upstream / "endpoint_module.py.jinja").open("a", encoding="utf-8") as template:
        template.write("{# an upstream fix #}\n")
    (problem,) = stale_forks(upstream)
    assert problem.startswith("endpoint_module.py.jinja: upstream changed") and "Three-way merge" in problem
    fork, base = "codegen/templates/endpoint_module.py.jinja", "codegen/templates/upstream/endpoint_module.py.jinja"
    assert f"git merge-file {fork} {base} {upstream / 'endpoint_module.py.jinja'}" in problem

    (upstream / "client.py.jinja").write_text("changed", encoding="utf-8")
    assert any(
        p.startswith("client.py.jinja: upstream changed") and REPLACED["client.py.jinja"] in p
        for p in stale_forks(upstream)
    )


def test_a_fork_without_a_recorded_base_is_caught(tmp_path: Path) -> None:
    extra = tmp_path / "more_templates"
    extra.mkdir()
    shutil.copyfile(INSTALLED / "str_enum.py.jinja", extra / "str_enum.py.jinja")  # a new fork, no base kept
    (problem,) = stale_forks(dirs=(*TEMPLATE_DIRS, extra), bases=BASES)
    assert problem.startswith("str_enum.py.jinja: no recorded base")
