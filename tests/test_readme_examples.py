"""Every ```python block of the READMEs (root and per package, English and Chinese) and of docs/ runs as written.

Each block runs twice: alone, in a fresh namespace (a reader copies one block, so each one
imports and builds what it uses), and with the others of its README in order in one namespace
(a reader follows the page). `<PREFIX>_BASE_URL` / `<PREFIX>_API_KEY` of every provider point at
the emulator, so the examples need no edits to run. A block that truly cannot run is preceded by
an invisible `<!-- readme-test: skip (why) -->` line; such marks are kept rare (checked below).

While the examples run, any connection or name lookup outside loopback raises: an example that
would reach the internet fails here instead of hanging or leaving the machine.
"""

from __future__ import annotations

import contextlib
import re
import sys
import traceback
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from codegen.providers import ROOT, load_providers
from emulator import Emulator

PROVIDERS = load_providers()
README_NAMES = ("README.md", "README.zh-CN.md")
READMES = (
    [ROOT / name for name in README_NAMES]
    + [p.project_dir / name for p in PROVIDERS.values() for name in README_NAMES]
    + [page for page in sorted(ROOT.glob("docs/*.md")) if "```python" in page.read_text(encoding="utf-8")]
)
SKIP_MARK = re.compile(r"^\s*<!--\s*readme-test:\s*skip\b.*-->\s*$")
FENCE_OPEN = re.compile(r"^(?P<indent>\s*)```python\s*$")
MAX_SKIPS_PER_README = 1


@dataclass(frozen=True)
class Block:
    line: int  # 1-based line of the first code line in the README
    code: str
    skipped: bool


def python_blocks(text: str) -> list[Block]:
    """The ```python fenced blocks of a markdown text, dedented by their fence's indentation."""
    lines = text.splitlines()
    blocks: list[Block] = []
    i = 0
    while i < len(lines):
        opened = FENCE_OPEN.match(lines[i])
        if not opened:
            i += 1
            continue
        indent = opened["indent"]
        previous = next((lines[j] for j in range(i - 1, -1, -1) if lines[j].strip()), "")
        end = i + 1
        while end < len(lines) and lines[end].strip() != "```":
            end += 1
        if end == len(lines):
            raise ValueError(f"line {i + 1}: ```python block is never closed")
        body = [line.removeprefix(indent) for line in lines[i + 1 : end]]
        blocks.append(Block(line=i + 2, code="\n".join(body) + "\n", skipped=bool(SKIP_MARK.match(previous))))
        i = end + 1
    return blocks


# --- no traffic beyond loopback while examples run ----------------------------------------------

_guard = {"on": False}
_LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1", None}


def _audit(event: str, args: tuple[object, ...]) -> None:
    if not _guard["on"]:
        return
    if event == "socket.getaddrinfo" and args[0] not in _LOCAL_HOSTS:
        raise OSError(f"README example tried to resolve {args[0]!r}: examples must stay on the emulator")
    if event == "socket.connect":
        address = args[1]
        host = address[0] if isinstance(address, tuple) else address
        if isinstance(host, str) and not (host.startswith("127.") or host in _LOCAL_HOSTS):
            raise OSError(f"README example tried to connect to {address!r}")


sys.addaudithook(_audit)  # audit hooks cannot be removed; the flag confines this one to the examples


@contextlib.contextmanager
def loopback_only() -> Iterator[None]:
    _guard["on"] = True
    try:
        yield
    finally:
        _guard["on"] = False


# --- the tests -----------------------------------------------------------------------------------


@pytest.fixture
def emulator_env(emulator: Emulator, monkeypatch: pytest.MonkeyPatch) -> None:
    for key, provider in PROVIDERS.items():
        for client in provider.clients.values():  # <PREFIX>_BASE_URL, and each other host's variable
            monkeypatch.setenv(client.base_url_env, emulator.base_url(client.mount))
        monkeypatch.setenv(f"{provider.env_prefix}_API_KEY", emulator.api_key(key))
        for suffix in ("ACCESS_KEY_ID", "SECRET_ACCESS_KEY", "LOG"):
            monkeypatch.delenv(f"{provider.env_prefix}_{suffix}", raising=False)


def _run(readme: Path, number: int, block: Block, namespace: dict[str, object]) -> str | None:
    """Run one block in `namespace`; the failure with its traceback, or None."""
    # Leading newlines make tracebacks point at the README's own line numbers.
    code = compile("\n" * (block.line - 1) + block.code, str(readme), "exec")
    with loopback_only():
        try:
            exec(code, namespace)
        except BaseException as exc:  # any failure, reported with its block
            detail = "".join(traceback.format_exception(exc))
            return f"{readme.relative_to(ROOT)} block {number} (line {block.line}) failed:\n{detail}"
    return None


def _blocks(readme: Path) -> list[tuple[int, Block]]:
    blocks = python_blocks(readme.read_text(encoding="utf-8"))
    assert blocks, f"{readme} has no python example"
    skipped = [b.line for b in blocks if b.skipped]
    assert len(skipped) <= MAX_SKIPS_PER_README, f"too many skipped examples in {readme}: lines {skipped}"
    return [(number, block) for number, block in enumerate(blocks, 1) if not block.skipped]


@pytest.mark.parametrize("readme", READMES, ids=lambda path: str(path.relative_to(ROOT)))
@pytest.mark.usefixtures("emulator_env")
def test_every_python_block_runs_in_order(readme: Path, capsys: pytest.CaptureFixture[str]) -> None:
    namespace: dict[str, object] = {"__name__": "__main__"}
    for number, block in _blocks(readme):
        failure = _run(readme, number, block, namespace)
        if failure:
            pytest.fail(failure)
    assert capsys.readouterr().out, "the examples printed nothing: did they run?"


@pytest.mark.parametrize("readme", READMES, ids=lambda path: str(path.relative_to(ROOT)))
@pytest.mark.usefixtures("emulator_env")
def test_every_python_block_runs_alone(readme: Path, capsys: pytest.CaptureFixture[str]) -> None:
    failures = []
    for number, block in _blocks(readme):
        failure = _run(readme, number, block, {"__name__": "__main__"})
        if failure:
            failures.append(failure)
    assert not failures, f"{len(failures)} block(s) fail when run alone:\n\n" + "\n\n".join(failures)
    assert capsys.readouterr().out, "the examples printed nothing: did they run?"


def test_block_extraction_and_skip_mark() -> None:
    text = (
        "intro\n```python\nx = 1\n```\n\n<!-- readme-test: skip (needs a real key) -->\n"
        "```python\nboom()\n```\n```sh\nmake\n```\n1. item\n\n   ```python\n   y = x + 1\n   ```\n"
    )
    blocks = python_blocks(text)
    assert [(b.line, b.code, b.skipped) for b in blocks] == [
        (3, "x = 1\n", False),
        (8, "boom()\n", True),
        (16, "y = x + 1\n", False),
    ]
    with pytest.raises(ValueError, match="never closed"):
        python_blocks("```python\nx = 1\n")


@pytest.mark.usefixtures("emulator_env")
def test_the_guard_stops_traffic_beyond_loopback() -> None:
    import socket

    with loopback_only(), pytest.raises(OSError, match=r"resolve 'example\.com'"):
        socket.getaddrinfo("example.com", 443)


def test_readme_examples_in_the_specs_are_valid_requests() -> None:
    """The package READMEs show the specs' `x-readme` request examples: each must be a valid body."""
    from tests.specs import operations, request_validator

    seen = 0
    for key in PROVIDERS:
        for op in operations(key):
            examples = op.raw["requestBody"]["content"]["application/json"].get("examples", {})
            marked = {name: ex for name, ex in examples.items() if ex.get("x-readme")}
            assert marked, f"{key} {op.operation_id}: no `x-readme` request example for its README"
            for name, example in marked.items():
                problems = [e.message for e in request_validator(op).iter_errors(example["value"])]
                assert not problems, f"{key} {op.operation_id} example {name!r}: {problems}"
                seen += 1
    assert seen >= len(PROVIDERS)
