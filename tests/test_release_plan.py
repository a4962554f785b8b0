"""The release plan (codegen/release, `make release-plan`): what changed since the last release,
how each change counts, the bump it needs, the gate, the changelog draft.

The spec level is tested on one-change copies of a real spec (the kinds of issue 25: field
removed, field added, optional made required, enum value removed and added, range narrowed and
widened, operation added, model renamed, plus answer-side rules). The same copies are generated
into scratch packages by the real pipeline and planned end to end against a record of today's
tree: the spec and Python levels classify the change, the bump is right, and a version too small
fails while the smallest sufficient one passes. Two of them also run the type-level proof: the
last release's user code (tests/user_code/lanrui_app.py) fails mypy and pyright against a package
that lost a request field, and passes against one that gained one. The Python surface reader is
also tested on small packages written here (private modules, re-exports, a move into `_runtime/`).
`make release-plan` and `make publish` are run for the gate's exit codes and messages.
"""

from __future__ import annotations

import copy
import dataclasses
import json
import os
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from codegen.generate import generate
from codegen.providers import ROOT, Provider, load_providers
from codegen.release.changelog import insert_draft
from codegen.release.changes import Change, Impact, format_version, release_tuple, smallest_version
from codegen.release.plan import ProviderPlan, load_record, plan, write_record
from codegen.release.python_surface import python_surface
from codegen.release.spec_diff import diff_specs
from codegen.release.spec_facts import spec_facts
from codegen.release.surface_diff import diff_surfaces

PROVIDERS = load_providers()
KEY = "lanrui"  # one operation: the quickest package to generate
PROVIDER = PROVIDERS[KEY]
VERSION = PROVIDER.version  # the tree's version: the last release in the scratch records below
NEXT_MAJOR = format_version(smallest_version(VERSION, Impact.BREAKING))
NEXT_MINOR = format_version(smallest_version(VERSION, Impact.ADDITIVE))
Spec = dict[str, Any]


def _schemas(spec: Spec) -> dict[str, Any]:
    return spec["components"]["schemas"]  # type: ignore[no-any-return]


def _request(spec: Spec) -> dict[str, Any]:
    return _schemas(spec)["ChatCompletionRequest"]  # type: ignore[no-any-return]


def _remove_field(spec: Spec) -> None:
    del _request(spec)["properties"]["temperature"]


def _add_field(spec: Spec) -> None:
    _request(spec)["properties"]["seed"] = {"type": "integer", "description": "Sampling seed."}


def _make_required(spec: Spec) -> None:
    _request(spec)["required"].append("temperature")


def _remove_enum_value(spec: Spec) -> None:
    _schemas(spec)["ChatRole"]["enum"].remove("system")


def _add_enum_value(spec: Spec) -> None:
    _schemas(spec)["ChatRole"]["enum"].append("tool")


def _narrow_range(spec: Spec) -> None:
    _request(spec)["properties"]["temperature"]["maximum"] = 1


def _widen_range(spec: Spec) -> None:
    _request(spec)["properties"]["temperature"]["maximum"] = 3


def _add_operation(spec: Spec) -> None:
    operation = copy.deepcopy(spec["paths"]["/v1/chat/completions"]["post"])
    operation |= {"operationId": "create_reply", "x-client-method": "replies.create"}
    spec["paths"]["/v1/replies"] = {"post": operation}


def _rename_model(spec: Spec) -> None:
    _schemas(spec)["ChatTurn"] = _schemas(spec).pop("ChatMessage")
    _request(spec)["properties"]["messages"]["items"]["$ref"] = "#/components/schemas/ChatTurn"


@dataclasses.dataclass(frozen=True)
class Case:
    change: Callable[[Spec], None]
    bump: str
    spec: tuple[Impact, str, str]  # the spec change: impact, subject, words of its detail
    python: tuple[Impact, str, str] | None  # a Python surface change, if the change shows there
    typecheck: bool = False  # also type-check the last release's user code


B, A, N = Impact.BREAKING, Impact.ADDITIVE, Impact.NEUTRAL
TEMPERATURE = "`ChatCompletionRequest.temperature`"
CASES = {
    "field removed": Case(
        _remove_field,
        "major",
        (B, TEMPERATURE, "request field removed"),
        (B, "`create()` parameter `temperature`", "removed"),
        typecheck=True,
    ),
    "field added": Case(
        _add_field,
        "minor",
        (A, "`ChatCompletionRequest.seed`", "request field added (optional)"),
        (A, "`create()` parameter `seed`", "added (optional)"),
        typecheck=True,
    ),
    "optional made required": Case(
        _make_required,
        "major",
        (B, TEMPERATURE, "now required"),
        (B, "`create()` parameter `temperature`", "now required"),
    ),
    "enum value removed": Case(
        _remove_enum_value,
        "major",
        (B, "`ChatRole`", "enum values removed: 'system'"),
        (B, "`models.ChatRole`", "narrower"),
    ),
    "enum value added": Case(
        _add_enum_value, "minor", (A, "`ChatRole`", "enum values added: 'tool'"), (A, "`params.ChatRoleParam`", "wider")
    ),
    "range narrowed": Case(_narrow_range, "major", (B, TEMPERATURE, "maximum 2 -> maximum 1 (narrower)"), None),
    "range widened": Case(_widen_range, "minor", (A, TEMPERATURE, "maximum 2 -> maximum 3 (wider)"), None),
    "operation added": Case(
        _add_operation,
        "minor",
        (A, "operation `POST /v1/replies`", "`client.replies.create()`"),
        (A, "`api.chat.create_reply`", "module added"),
    ),
    "model renamed": Case(
        _rename_model,
        "major",
        (B, "schema `ChatMessage`", "renamed to `ChatTurn`"),
        (B, "`models.ChatMessage`", "renamed to `models.ChatTurn`"),
    ),
}


def _changed(change: Callable[[Spec], None], spec: Spec | None = None) -> Spec:
    edited = copy.deepcopy(spec if spec is not None else PROVIDER.spec)
    change(edited)
    return edited


def _found(changes: list[Change], level: str, expected: tuple[Impact, str, str]) -> Change:
    impact, subject, words = expected
    matching = [c for c in changes if c.level == level and c.subject == subject and words in c.detail]
    assert matching, f"no {level} change {subject} ({words}) in {changes}"
    assert {c.impact for c in matching} == {impact}, matching
    return matching[0]


# --- the spec level ------------------------------------------------------------------------------


@pytest.mark.parametrize("name", CASES)
def test_each_one_change_copy_of_the_spec_gets_its_classification(name: str) -> None:
    case = CASES[name]
    changes = diff_specs(spec_facts(PROVIDER.spec), spec_facts(_changed(case.change)))
    _found(changes, "spec", case.spec)
    assert max(c.impact for c in changes) == case.spec[0], changes


def test_an_unchanged_spec_has_no_change_and_a_description_edit_is_neutral() -> None:
    facts = spec_facts(PROVIDER.spec)
    assert diff_specs(facts, spec_facts(copy.deepcopy(PROVIDER.spec))) == []

    def reword(spec: Spec) -> None:
        _request(spec)["properties"]["temperature"]["description"] = "How random."

    (change,) = diff_specs(facts, spec_facts(_changed(reword)))
    assert (change.impact, change.subject) == (N, "spec text")


def _answer(spec: Spec) -> dict[str, Any]:
    return _schemas(spec)["ChatCompletion"]  # type: ignore[no-any-return]


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (lambda s: _answer(s)["properties"].pop("system_fingerprint"), (B, "response field removed")),
        (lambda s: _answer(s)["properties"].update(service_tier={"type": "string"}), (A, "response field added")),
        (lambda s: _answer(s)["required"].remove("model"), (B, "now optional")),
        (lambda s: _answer(s)["properties"]["created"].update(minimum=0), (N, "minimum 0 (narrower)")),
        (lambda s: _request(s)["properties"]["temperature"].update(default=0.7), (N, "default 1 -> 0.7")),
        (lambda s: _request(s)["properties"]["max_tokens"].update(type=["integer", "null"]), (A, "(wider)")),
        (lambda s: _answer(s)["properties"]["created"].update(type=["integer", "null"]), (B, "(wider)")),
    ],
    ids=[
        "answer field removed",
        "answer field added",
        "answer field optional",
        "answer range",
        "default",
        "request null",
        "answer null",
    ],
)
def test_answers_are_held_to_the_readers_rules(change: Callable[[Spec], None], expected: tuple[Impact, str]) -> None:
    changes = [
        c for c in diff_specs(spec_facts(PROVIDER.spec), spec_facts(_changed(change))) if c.subject != "spec text"
    ]
    assert [(c.impact, expected[1] in c.detail) for c in changes] == [(expected[0], True)], changes


def test_stream_wire_format_is_neutral_and_removing_the_stream_breaks() -> None:
    media = ["paths", "/v1/chat/completions", "post", "responses", "200", "content"]

    def content(spec: Spec) -> dict[str, Any]:
        node: Any = spec
        for key in media:
            node = node[key]
        return node  # type: ignore[no-any-return]

    facts = spec_facts(PROVIDER.spec)
    prefix = diff_specs(
        facts,
        spec_facts(_changed(lambda s: content(s)["text/event-stream"]["x-stream"].update({"data-prefix": "data:"}))),
    )
    assert [(c.impact, "data-prefix" in c.detail) for c in prefix] == [(N, True)]
    gone = diff_specs(facts, spec_facts(_changed(lambda s: content(s).pop("text/event-stream"))))
    assert [(c.impact, c.detail) for c in gone] == [(B, "streaming removed")]


# --- end to end: generated packages, the plan, the gate, the user code ----------------------------


@pytest.fixture(scope="module")
def baseline(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Today's tree recorded as the last release, in a scratch folder (not releases/, which may
    lag behind the tree between releases)."""
    releases = tmp_path_factory.mktemp("releases")
    write_record(PROVIDER, releases)
    return releases


def _generated(change: Callable[[Spec], None], root: Path) -> tuple[Provider, Path]:
    """A scratch package generated by the real pipeline from a changed copy of the spec."""
    spec_path = root / "specs" / f"{KEY}.yaml"
    spec_path.parent.mkdir(parents=True)
    spec_path.write_text(yaml.safe_dump(_changed(change), allow_unicode=True, sort_keys=False), encoding="utf-8")
    provider = dataclasses.replace(PROVIDER, spec_path=spec_path)
    return provider, generate(provider, root / "generated")


@pytest.mark.slow
@pytest.mark.parametrize("name", CASES)
def test_each_one_change_copy_gets_its_classification_and_bump_end_to_end(
    name: str, baseline: Path, tmp_path: Path
) -> None:
    case = CASES[name]
    provider, project = _generated(case.change, tmp_path)
    (result,) = plan([provider], baseline, projects={KEY: project}, check_user_code=case.typecheck)
    assert result.bump == case.bump, result.changes
    _found(result.changes, "spec", case.spec)
    if case.python:
        _found(result.changes, "python", case.python)
    else:  # the range is not in the Python types: only the spec says it
        assert not [c for c in result.changes if c.level == "python"], result.changes
    # the gate: the version of the last release does not cover it, the smallest that does passes
    problem = result.problem()
    assert problem is not None and case.spec[1] in problem and result.smallest in problem
    bumped = ProviderPlan(dataclasses.replace(provider, version=str(result.smallest)), result.last, result.changes)
    assert bumped.problem() is None
    assert result.smallest == {"major": NEXT_MAJOR, "minor": NEXT_MINOR}[case.bump]
    if case.typecheck:
        code = [c for c in result.changes if c.level == "user code"]
        if case.bump == "major":  # the last release's `temperature=0.2` call fails both checkers
            assert any("mypy" in c.detail and "temperature" in c.detail for c in code), code
            assert any("pyright" in c.detail for c in code), code
        else:
            assert code == []


@pytest.mark.slow
def test_a_fresh_record_of_the_tree_reports_no_change_and_records_are_deterministic(tmp_path: Path) -> None:
    for provider in PROVIDERS.values():
        write_record(provider, tmp_path / "records")
    for result in plan(list(PROVIDERS.values()), tmp_path / "records", check_user_code=False):
        assert (result.last, result.changes, result.bump, result.problem()) == (result.version, [], "none", None)
    largest = PROVIDERS["sensenova"]  # recorded again from scratch: the same bytes
    (again,) = [path for path in write_record(largest, tmp_path / "again") if path.suffix == ".json"]
    assert again.read_bytes() == (tmp_path / "records" / again.name).read_bytes()


def test_the_committed_records_are_readable_and_not_newer_than_the_tree() -> None:
    for key, provider in PROVIDERS.items():
        record = load_record(ROOT / "releases", key)
        assert record is not None, f"releases/{key}.json is missing: run make release-record"
        assert release_tuple(record.version) <= release_tuple(provider.version)
        assert (ROOT / "releases" / f"{key}_app.py").exists()


def test_a_bump_without_changes_is_allowed_but_an_older_version_is_not() -> None:
    assert ProviderPlan(PROVIDER, VERSION, []).problem() is None
    assert ProviderPlan(dataclasses.replace(PROVIDER, version=NEXT_MINOR), VERSION, []).problem() is None
    assert "older" in str(ProviderPlan(PROVIDER, NEXT_MINOR, []).problem())
    assert "last release already" in str(ProviderPlan(PROVIDER, VERSION, []).problem(publishing=True))
    assert smallest_version("1.4.2", B) == (2, 0, 0) and smallest_version("1.4.2", N) == (1, 4, 3)
    assert release_tuple("2.0.0rc1") == (2, 0, 0)


def _make(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """make in the repository without regenerating generated/ (other tests read it meanwhile)."""
    clean = {k: v for k, v in (env or os.environ).items() if k not in {"MAKEFLAGS", "MFLAGS", "MAKELEVEL"}}
    keep = [f"--old-file=generated/{key}/pyproject.toml" for key in PROVIDERS]
    command = ["make", "--no-print-directory", *keep, *args]
    return subprocess.run(command, cwd=ROOT, env=clean, capture_output=True, text=True, timeout=300)


@pytest.fixture
def older_release(tmp_path: Path) -> Path:
    """A last release whose request had a `seed` field that today's tree does not have (without a
    user code copy: the gate, not the type check, is under test here)."""
    releases = tmp_path / "releases"
    write_record(PROVIDER, releases)
    (releases / f"{KEY}_app.py").unlink()
    record = json.loads((releases / f"{KEY}.json").read_text(encoding="utf-8"))
    record["spec"]["schemas"]["ChatCompletionRequest"]["locations"][".seed"] = {"type": ["integer"], "required": False}
    (releases / f"{KEY}.json").write_text(json.dumps(record), encoding="utf-8")
    return releases


def _set_version(releases: Path, version: str) -> None:
    record = json.loads((releases / f"{KEY}.json").read_text(encoding="utf-8"))
    (releases / f"{KEY}.json").write_text(json.dumps({**record, "version": version}), encoding="utf-8")


@pytest.mark.slow
def test_make_release_plan_fails_a_too_small_bump_naming_the_change_and_passes_a_sufficient_one(
    older_release: Path,
) -> None:
    refused = _make("release-plan", f"RELEASES={older_release}", f"PROVIDERS={KEY}")
    assert refused.returncode == 2, refused.stdout + refused.stderr  # make's code for a failed recipe (exit 1)
    assert "`ChatCompletionRequest.seed`: request field removed" in refused.stdout
    assert f'version {VERSION} does not cover a major change, set version = "{NEXT_MAJOR}"' in refused.stdout
    major = release_tuple(VERSION)[0]
    _set_version(older_release, f"{major - 1}.9.0")  # then the tree's version is the major release it needs
    passed = _make("release-plan", f"RELEASES={older_release}", f"PROVIDERS={KEY}")
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert "major release needed, covered" in passed.stdout and "every version covers its changes" in passed.stdout


@pytest.mark.slow
def test_make_publish_refuses_before_uploading(older_release: Path, tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    dist.mkdir()
    stamp = dist / f".built-{KEY}"  # the Makefile's stamp, so nothing is built
    stamp.touch()
    env = {**os.environ, "TWINE_REPOSITORY_URL": "http://127.0.0.1:9/", "TWINE_USERNAME": "u", "TWINE_PASSWORD": "p"}
    args = ("publish", f"DIST={dist}", f"--old-file={stamp}", f"RELEASES={older_release}", f"PROVIDERS={KEY}")
    refused = _make(*args, env=env)
    assert refused.returncode == 2 and "twine upload" not in refused.stdout, refused.stdout + refused.stderr
    assert "`ChatCompletionRequest.seed`: request field removed" in refused.stdout
    before = (older_release / f"{KEY}.json").read_bytes()
    write_record(PROVIDER, older_release)  # the tree is the last release: publishing it again is refused
    (older_release / f"{KEY}_app.py").unlink()
    assert (older_release / f"{KEY}.json").read_bytes() != before
    again = _make(*args, env=env)
    assert again.returncode == 2 and "is the last release already" in again.stdout, again.stdout


def test_the_changelog_entry_is_drafted_from_the_changes(tmp_path: Path) -> None:
    changes = diff_specs(spec_facts(PROVIDER.spec), spec_facts(_changed(_remove_field, _changed(_add_field))))
    result = ProviderPlan(dataclasses.replace(PROVIDER, version=NEXT_MAJOR), VERSION, changes)
    changelog = tmp_path / "lanrui.md"
    changelog.write_text((ROOT / "changelogs" / f"{KEY}.md").read_text(encoding="utf-8"), encoding="utf-8")
    assert insert_draft(changelog, result) == NEXT_MAJOR
    text = changelog.read_text(encoding="utf-8")
    head, _, older = text.partition(f"## {NEXT_MAJOR}\n")
    assert f"## {VERSION}" in older and "\n## " not in head and head.startswith("# Changelog")
    assert "### Added\n\n- API: `ChatCompletionRequest.seed`: request field added (optional)" in older
    assert "### Removed\n\n- API: `ChatCompletionRequest.temperature`: request field removed **(breaking)**" in older
    assert "### What to change in your code" in older.split(f"## {VERSION}")[0]
    assert insert_draft(changelog, result) is None and changelog.read_text(encoding="utf-8") == text


# --- the Python surface reader ---------------------------------------------------------------------


def _package(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        (root / "pkg" / name).parent.mkdir(parents=True, exist_ok=True)
        (root / "pkg" / name).write_text(text, encoding="utf-8")
    return root / "pkg"


STREAM = """\
from typing import Generic, TypeVar

T = TypeVar("T")


class Stream(Generic[T]):
    def close(self) -> None: ...


class TextStream(Stream[str]):
    def text(self) -> str: ...


Seconds = float | None
"""
API = """\
from .streaming import Stream


def stream(n: "int | None" = None) -> Stream[int]: ...
"""


def test_private_modules_and_names_are_not_surface_and_a_move_into_runtime_changes_nothing(tmp_path: Path) -> None:
    flat = _package(tmp_path / "flat", {"__init__.py": "", "streaming.py": STREAM, "api.py": API, "_helpers.py": ""})
    moved = _package(
        tmp_path / "moved",
        {
            "__init__.py": "",
            "_runtime/__init__.py": "",
            "_runtime/streaming.py": STREAM,
            "streaming.py": "from ._runtime.streaming import Seconds, Stream, TextStream\n"
            "__all__ = ['Seconds', 'Stream', 'TextStream']\n",
            "api.py": API,
        },
    )
    before = python_surface(flat)
    assert sorted(before) == [
        "pkg",
        "pkg.api",
        "pkg.api.stream",
        "pkg.streaming",
        "pkg.streaming.Seconds",
        "pkg.streaming.Stream",
        "pkg.streaming.TextStream",
    ]
    assert before["pkg.streaming.TextStream"]["bases"] == ["pkg.streaming.Stream[str]"]
    assert before["pkg.streaming.Seconds"] == {"kind": "alias", "type": "None | float"}
    assert before["pkg.api.stream"]["signatures"] == [
        {"params": ["n: None | int = ..."], "returns": "pkg.streaming.Stream[int]"}
    ]
    assert python_surface(moved) == before
    # moved without a public re-export: the module users imported is gone, and so is the name
    hidden = _package(
        tmp_path / "hidden",
        {
            "__init__.py": "",
            "_runtime/streaming.py": STREAM,
            "api.py": API.replace(".streaming", "._runtime.streaming"),
        },
    )
    changes = {(c.subject, c.detail, c.impact) for c in diff_surfaces(before, python_surface(hidden))}
    assert changes == {
        ("`streaming`", "module removed", B),
        ("`streaming.Stream`", "renamed to `_private.Stream`", B),
    }


def test_a_new_shorter_path_is_an_addition_and_changes_no_type(tmp_path: Path) -> None:
    files = {"__init__.py": "", "streaming.py": STREAM, "api.py": API}
    before = python_surface(_package(tmp_path / "before", files))
    exported = {**files, "__init__.py": "from .streaming import Stream as Stream\n"}
    after = python_surface(_package(tmp_path / "after", exported))
    assert after["pkg.api.stream"]["signatures"][0]["returns"] == "pkg.Stream[int]"  # the canonical path moved
    changes = diff_surfaces(before, after)
    assert [(c.subject, c.detail, c.impact) for c in changes] == [("`Stream`", "class added", A)]


SURFACES = {
    "old": """\
Role = Literal["user", "system"]
def send(x: int) -> str: ...
def answer() -> httpx.Response: ...
""",
    "wider": """\
Role = Literal["user", "system", "tool"]
def send(x: int | str) -> str | None: ...
def answer() -> httpx.Response: ...
""",
    "other": """\
import httpx2
Role = Literal["user"]
def send(x: int) -> str: ...
def answer() -> httpx2.Response: ...
""",
}


def test_surface_types_count_by_where_they_are_written_or_read(tmp_path: Path) -> None:
    imports = "import httpx\nfrom typing import Literal\n"
    old, wider, other = (
        python_surface(_package(tmp_path / name, {"__init__.py": imports + SURFACES[name]}))
        for name in ("old", "wider", "other")
    )
    found = {(c.subject, c.impact) for c in diff_surfaces(old, wider)}
    assert found == {("`Role`", A), ("`send()` parameter `x`", A), ("`send()` return type", B)}
    found = {(c.subject, c.impact) for c in diff_surfaces(old, other)}
    assert found == {("`Role`", B), ("`answer()` return type", B)}
