"""The documentation's commands, examples, links and facts hold.

- The READMEs' "three commands" run: their last command, with its variables pointed at the test
  emulator, streams an answer.
- Every script in examples/ runs with the variables its docstring names.
- Every relative link of the READMEs, docs/ and bench/RESULTS.md points at a file that exists, and
  at a heading of it when it names one.
- The emulator URLs and keys the pages show are the emulator's, and the base URLs of the openai
  table are the specs'.
(The python blocks of the READMEs run in tests/test_readme_examples.py.)
"""

from __future__ import annotations

import os
import re
import shlex
import subprocess
from pathlib import Path

import pytest

from codegen import readme
from codegen.providers import ROOT, load_providers
from emulator import Emulator, Settings
from emulator.auth import DEFAULT_ACCESS_KEY_ID, DEFAULT_SECRET_ACCESS_KEY

PROVIDERS = load_providers()
BY_PREFIX = {p.env_prefix: p for p in PROVIDERS.values()}
PAGES = sorted(
    {
        ROOT / "README.md",
        ROOT / "README.zh-CN.md",
        ROOT / "bench" / "RESULTS.md",
        *ROOT.glob("docs/*.md"),
        *ROOT.glob("generated/*/README*.md"),
    }
)
EXAMPLES = sorted(ROOT.glob("examples/*.py"))
EMULATOR_URL = re.compile(r"http://127\.0\.0\.1:(?P<port>\d+)")
ASSIGNMENT = re.compile(r"^(?P<name>[A-Z][A-Z0-9_]*)=(?P<value>\S+)$")


def _rel(path: Path) -> str:
    return str(path.relative_to(ROOT))


def _run(command: str, emulator: Emulator) -> subprocess.CompletedProcess[str]:
    """A documented command line (`VAR=value ... program args`), run from the repository root
    with the documented emulator URL replaced by the test emulator's and no other provider
    variables set."""
    words = shlex.split(command)
    env = {k: v for k, v in os.environ.items() if k.split("_", 1)[0] not in BY_PREFIX and k != "PYTHONPATH"}
    while words and (assigned := ASSIGNMENT.match(words[0])):
        env[assigned["name"]] = EMULATOR_URL.sub(emulator.url, assigned["value"])
        words.pop(0)
    assert words, f"no command in {command!r}"
    return subprocess.run(words, cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)


# --- the three commands and the examples ----------------------------------------------------------


def _three_commands(page: Path) -> list[str]:
    """The commands of the first ```sh block after the heading of the "three commands" section."""
    text = page.read_text(encoding="utf-8")
    heading = re.search(r"^## (Try it in three commands|三条命令试一试)$", text, re.M)
    assert heading, f"{_rel(page)} has no three-commands section"
    block = re.search(r"```sh\n(.*?)```", text[heading.end() :], re.S)
    assert block
    return [line.strip() for line in block[1].splitlines() if line.strip()]


@pytest.mark.parametrize("page", ["README.md", "README.zh-CN.md"])
def test_the_three_commands_stream_an_answer(page: str, emulator: Emulator) -> None:
    build, serve, run = _three_commands(ROOT / page)
    assert build == "make"
    served = re.fullmatch(r"make serve PORT=(\d+) &", serve)
    assert served, serve
    assert {m["port"] for m in EMULATOR_URL.finditer(run)} == {served[1]}, "the script must use the served port"
    done = _run(run, emulator)
    assert done.returncode == 0, done.stderr
    assert "You said" in done.stdout, done.stdout  # the emulator's answer, streamed to stdout
    assert f"# {emulator.url}/" in done.stderr, "the example names the base URL it uses"


def _documented_command(example: Path) -> str:
    """The example's command line from its docstring (continuation lines joined)."""
    doc = example.read_text(encoding="utf-8").split('"""')[1]
    lines = doc.replace("\\\n", " ").splitlines()
    command = next((line for line in lines if ".venv/bin/python examples/" in line), None)
    assert command, f"{_rel(example)}: its docstring shows no `.venv/bin/python examples/...` command"
    return " ".join(command.split())


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda path: path.name)
def test_each_example_runs_as_its_docstring_says(example: Path, emulator: Emulator) -> None:
    done = _run(_documented_command(example), emulator)
    assert done.returncode == 0, done.stderr
    assert "You said" in done.stdout, done.stdout


def test_the_examples_are_listed_in_the_readme() -> None:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    assert EXAMPLES
    assert not [e.name for e in EXAMPLES if f"examples/{e.name}" not in text]


# --- links ------------------------------------------------------------------------------------------


def _anchors(page: Path) -> set[str]:
    """GitHub's anchors for the headings of a markdown page."""
    seen: dict[str, int] = {}
    anchors = set()
    in_fence = False
    for line in page.read_text(encoding="utf-8").splitlines():
        if line.lstrip().startswith("```"):
            in_fence = not in_fence
        if in_fence or not (heading := re.match(r"^#{1,6} (.+?)\s*$", line)):
            continue
        slug = re.sub(r"[^\w\- ]", "", heading[1].lower()).replace(" ", "-")
        count = seen.get(slug, 0)
        seen[slug] = count + 1
        anchors.add(slug if count == 0 else f"{slug}-{count}")
    return anchors


def _links(page: Path) -> list[str]:
    text = re.sub(r"```.*?```", "", page.read_text(encoding="utf-8"), flags=re.S)
    return re.findall(r"\]\(([^)\s]+)\)", text)


def test_anchor_slugs_are_githubs() -> None:
    assert {"coming-from-the-official-sensenova-sdk", "speedups", "本地模拟器"} <= set().union(
        _anchors(ROOT / "README.md"),
        _anchors(PROVIDERS["lanrui"].project_dir / "README.md"),
        _anchors(PROVIDERS["lanrui"].project_dir / "README.zh-CN.md"),
    )


@pytest.mark.parametrize("page", PAGES, ids=_rel)
def test_relative_links_resolve(page: Path) -> None:
    broken = []
    for link in _links(page):
        if re.match(r"^[a-z]+:", link):
            continue  # https:, mailto:
        path, _, anchor = link.partition("#")
        target = (page.parent / path).resolve() if path else page
        if not target.exists():
            broken.append(f"{link}: no file {target}")
        elif anchor and target.suffix == ".md" and anchor not in _anchors(target):
            broken.append(f"{link}: no heading #{anchor} in {_rel(target)}")
    assert not broken, f"{_rel(page)}:\n" + "\n".join(broken)


# --- facts the pages repeat -----------------------------------------------------------------------


@pytest.mark.parametrize("page", PAGES, ids=_rel)
def test_emulator_urls_and_keys_are_the_emulators(page: Path) -> None:
    text = page.read_text(encoding="utf-8")
    keys = Settings().api_keys
    wrong = []
    for match in re.finditer(r"\b([A-Z]+)_BASE_URL=http://127\.0\.0\.1:\d+/(\w+)", text):
        if match[1] in BY_PREFIX and match[2] != BY_PREFIX[match[1]].key:
            wrong.append(match[0])
    for match in re.finditer(r"\b([A-Z]+)_API_KEY=([\w-]+)", text):
        if match[1] in BY_PREFIX and "emulator" in match[2] and match[2] != keys[BY_PREFIX[match[1]].key]:
            wrong.append(match[0])
    for match in re.finditer(r"`http://127\.0\.0\.1:\d+/(\w+)` \| `([^`]+)`", text):
        if match[2] != keys.get(match[1]):
            wrong.append(match[0])
    for match in re.finditer(r"(ACCESS_KEY_ID=|`)(emulator-access-key-id)", text):
        assert match[2] == DEFAULT_ACCESS_KEY_ID
    assert "emulator-secret-access-key" not in text or DEFAULT_SECRET_ACCESS_KEY == "emulator-secret-access-key"
    assert not wrong, f"{_rel(page)} shows emulator URLs or keys the emulator does not have: {wrong}"


@pytest.mark.parametrize("page", ["README.md", "README.zh-CN.md"])
def test_the_openai_base_url_table_is_the_specs(page: str) -> None:
    text = (ROOT / page).read_text(encoding="utf-8")
    for provider in PROVIDERS.values():
        if not readme.openai_compatible(provider):
            continue
        openai_url = readme.openai_base_url(provider)
        assert openai_url, f"{provider.key}: its paths do not end the way the openai SDK appends them"
        # the client of the operation the openai SDK would call (SenseNova: SenseNovaTokenPlan's host)
        default = readme.operations(provider)[0].client.default_base_url
        cells = f" | `{openai_url}` | `{default}` |"
        rows = [line for line in text.splitlines() if line.startswith(f"| {provider.name}") and cells in line]
        assert rows, f"{page}: no row | {provider.name} ...{cells}"
