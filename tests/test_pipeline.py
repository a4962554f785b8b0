"""The generated packages: importable, faithful to the documents' payloads, never sending defaults."""

from __future__ import annotations

import importlib
import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from codegen.check import compare
from codegen.providers import ROOT, load_providers
from tests.specs import FIXTURES, PROVIDERS, Operation, load_spec, operations, stream_extension

ALL_OPERATIONS = [op for provider in PROVIDERS for op in operations(provider)]


def _op_id(op: Operation) -> str:
    return f"{op.provider}-{op.operation_id}"


def _model(provider: str, ref: str) -> Any:
    package = load_providers()[provider].package
    models = importlib.import_module(f"{package}.models")
    return getattr(models, ref.rsplit("/", 1)[1])


def _request_ref(op: Operation) -> str:
    return op.raw["requestBody"]["content"]["application/json"]["schema"]["$ref"]


def _response_ref(op: Operation) -> str:
    return op.raw["responses"]["200"]["content"]["application/json"]["schema"]["$ref"]


def _event_ref(op: Operation) -> str:
    return str(stream_extension(op)["event"])


def _stream_payloads(op: Operation) -> list[dict[str, Any]]:
    terminator = stream_extension(op)["terminator"]
    payloads = []
    for path in sorted((FIXTURES / op.provider / op.operation_id).glob("stream*.sse")):
        for block in path.read_bytes().decode("utf-8").replace("\r\n", "\n").split("\n\n"):
            data = "\n".join(ln[5:].removeprefix(" ") for ln in block.split("\n") if ln.startswith("data:"))
            if data and data != terminator:
                payloads.append(json.loads(data))
    return payloads


@pytest.mark.parametrize("provider", PROVIDERS)
def test_package_imports_with_its_names(provider: str) -> None:
    entry = load_providers()[provider]
    package = importlib.import_module(entry.package)
    assert package.__version__ == entry.version
    assert package.AuthenticatedClient and package.Client and package.errors
    for op in operations(provider):
        module = importlib.import_module(f"{entry.package}.api.{op.raw['tags'][0]}.{op.operation_id}")
        for name in ("sync", "sync_detailed", "asyncio", "asyncio_detailed", "stream", "astream"):
            assert callable(getattr(module, name)), f"{module.__name__}.{name}"


@pytest.mark.parametrize("op", ALL_OPERATIONS, ids=_op_id)
def test_request_with_only_required_fields_sends_only_them(op: Operation) -> None:
    spec = load_spec(op.provider)
    name = _request_ref(op).rsplit("/", 1)[1]
    required = set(spec["components"]["schemas"][name]["required"])
    example = json.loads((FIXTURES / op.provider / op.operation_id / "request.json").read_text("utf-8"))
    minimal = {key: example[key] for key in required}
    body = _model(op.provider, _request_ref(op)).from_dict(minimal)
    assert body.to_dict() == minimal, "a spec default leaked into the request body"


@pytest.mark.parametrize("op", ALL_OPERATIONS, ids=_op_id)
def test_documented_payloads_round_trip_through_the_models(op: Operation) -> None:
    folder = FIXTURES / op.provider / op.operation_id
    cases = [(_request_ref(op), p) for p in folder.glob("request*.json")]
    cases += [(_response_ref(op), p) for p in folder.glob("response*.json")]
    assert cases
    for ref, path in cases:
        payload = json.loads(path.read_text("utf-8"))
        assert _model(op.provider, ref).from_dict(payload).to_dict() == payload, path.name
    events = _stream_payloads(op)
    assert events
    for payload in events:
        assert _model(op.provider, _event_ref(op)).from_dict(payload).to_dict() == payload


def _choices(payload: dict[str, Any], dotted: str) -> list[dict[str, Any]]:
    for key in dotted.split("."):
        payload = payload[key]
    return payload  # type: ignore[return-value]


@pytest.mark.parametrize("op", ALL_OPERATIONS, ids=_op_id)
def test_unknown_finish_reason_still_parses(op: Operation) -> None:
    gather = stream_extension(op)["gather"]
    with_choices = [e for e in _stream_payloads(op) if _choices(e, gather["choices"])]
    payload = json.loads(json.dumps(with_choices[-1]))
    _choices(payload, gather["choices"])[0][gather["finish-reason"]] = "a_reason_added_next_year"
    parsed = _model(op.provider, _event_ref(op)).from_dict(payload)
    assert parsed.to_dict() == payload


def test_check_reports_a_hand_edit_in_generated(tmp_path: Path) -> None:
    original = ROOT / "generated" / "ppinfra"
    edited = tmp_path / "ppinfra"
    shutil.copytree(original, edited, ignore=shutil.ignore_patterns("__pycache__"))
    assert compare(original, edited) == []
    target = next(edited.rglob("create_completion.py"))
    target.write_text(target.read_text("utf-8") + "\n# hand edit\n", "utf-8")
    (edited / "stray.py").write_text("x = 1\n", "utf-8")
    diff = "".join(compare(original, edited))
    assert "+# hand edit" in diff
    assert "only in generated/: stray.py" in diff


def test_make_installs_every_client_into_the_dev_environment(tmp_path: Path) -> None:
    """After `make` (its `develop` step), .venv's Python imports all four clients from any folder,
    as a user's script outside the repository would, and they are the code in generated/."""
    python = ROOT / ".venv" / "bin" / "python"
    assert python.exists(), "no .venv: run `make`"
    providers = list(load_providers().values())
    script = (
        "import importlib, importlib.metadata, json, sys\n"
        "print(json.dumps({d: [importlib.import_module(p).__file__, importlib.metadata.version(d)]"
        " for d, p in zip(sys.argv[1::2], sys.argv[2::2])}))\n"
    )
    args = [arg for p in providers for arg in (p.distribution, p.package)]
    env = {key: value for key, value in os.environ.items() if not key.startswith("PYTHON")}
    # -I: no PYTHONPATH, no user site, and not the working directory: only what is installed.
    done = subprocess.run(
        [str(python), "-I", "-c", script, *args], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, f"run `make develop`:\n{done.stderr}"
    found = json.loads(done.stdout)
    for p in providers:
        file, version = found[p.distribution]
        assert Path(file) == p.project_dir / p.package / "__init__.py", f"{p.package} is not generated/'s: {file}"
        assert version == p.version
