"""Models as people read them: response fields that did not arrive are None, dumps give the wire JSON.

Every documented answer and stream event (tests/fixtures) goes through its generated model and
back: `to_dict()` / `to_json()` give exactly the JSON that arrived (absent keys stay absent, a null
stays null), and no repr shows an Unset placeholder. Request models keep "not set means not sent".
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import attrs
import lanrui_client.models as lanrui_models
import pytest
import sensenova_client.models as sensenova_models

from tests.specs import FIXTURES
from tests.test_streaming import Case, by_case, case_named

ROOT = Path(__file__).resolve().parent.parent


def stream_payloads(case: Case) -> list[dict[str, Any]]:
    """The JSON payloads of a documented stream's events (the terminator left out)."""
    raw = (FIXTURES / case.provider / case.operation_id / "stream.sse").read_text(encoding="utf-8")
    payloads = []
    for line in raw.splitlines():
        if line.startswith("data:"):
            data = line[5:].strip()
            if data and not data.startswith("["):
                payloads.append(json.loads(data))
    return payloads


def answers(case: Case) -> list[tuple[type, dict[str, Any]]]:
    found = [(case.event_model, payload) for payload in stream_payloads(case)]
    for path in sorted((FIXTURES / case.provider / case.operation_id).glob("response*.json")):
        found.append((case.result_model, json.loads(path.read_text(encoding="utf-8"))))
    assert found
    return found


@by_case()
def test_documented_answers_round_trip_to_the_json_that_arrived(case: Case) -> None:
    for model, payload in answers(case):
        parsed = model.from_dict(payload)
        assert parsed.to_dict() == payload
        assert json.loads(parsed.to_json()) == payload
        assert "Unset" not in repr(parsed)


@by_case()
def test_response_fields_that_did_not_arrive_read_none(case: Case) -> None:
    # The first answer whose model has an optional field: a chunk may require all (SenseNova's).
    found = [(m, p, o) for m, p in answers(case) if (o := [f for f in attrs.fields(m) if f.init and f.default is None])]
    assert found, f"no answer model of {case.operation_id} has an optional field"
    model, payload, optional = found[0]
    parsed = model.from_dict({k: v for k, v in payload.items() if k not in {f.name for f in optional}})
    for field in optional:
        assert getattr(parsed, field.name) is None
        assert f"{field.name}=" not in repr(parsed)


def test_an_explicit_null_is_kept_and_an_absent_key_stays_absent() -> None:
    base = json.loads((FIXTURES / "lanrui/create_chat_completion/response.json").read_text(encoding="utf-8"))
    base.pop("system_fingerprint", None)
    with_null = {**base, "usage": None}
    without = {k: v for k, v in base.items() if k != "usage"}
    first = lanrui_models.ChatCompletion.from_dict(with_null)
    second = lanrui_models.ChatCompletion.from_dict(without)
    assert first.usage is None and second.usage is None
    assert first.to_dict() == with_null and "usage" in first.to_dict()
    assert second.to_dict() == without and "usage" not in second.to_dict()
    assert "usage=None" in repr(first) and "usage=" not in repr(second)
    assert "system_fingerprint" not in repr(first)


def test_a_field_set_in_code_is_dumped() -> None:
    usage = lanrui_models.Usage.from_dict({"prompt_tokens": 1, "completion_tokens": 2, "total_tokens": 3})
    chunk = lanrui_models.ChatCompletionChunk(id="c", object_="chat.completion.chunk", created=1, model="m", choices=[])
    assert "usage" not in chunk.to_dict()
    chunk.usage = usage
    assert chunk.to_dict()["usage"] == usage.to_dict()


def test_result_models_carry_a_read_only_request_id() -> None:
    payload = json.loads((FIXTURES / "lanrui/create_chat_completion/response.json").read_text(encoding="utf-8"))
    result = lanrui_models.ChatCompletion.from_dict(payload)
    assert result.request_id is None
    result._set_request_id("req-123")
    assert result.request_id == "req-123"
    with pytest.raises(AttributeError):
        result.request_id = "other"  # type: ignore[misc]
    assert "req-123" not in repr(result) and "request_id" not in result.to_dict()
    assert result == lanrui_models.ChatCompletion.from_dict(payload)  # not part of equality
    first_event = stream_payloads(case_named("lanrui-create_chat_completion"))[0]
    assert not hasattr(lanrui_models.ChatCompletionChunk.from_dict(first_event), "request_id")


def test_request_models_keep_not_set_means_not_sent() -> None:
    request = sensenova_models.ChatCompletionRequest(
        model="SenseChat", messages=[sensenova_models.ChatMessage(role="user", content="hi")]
    )
    assert request.to_dict() == {"model": "SenseChat", "messages": [{"role": "user", "content": "hi"}]}
    assert json.loads(request.to_json()) == request.to_dict()


USER_CODE = """
from lanrui_client.models import ChatCompletion

def total(result: ChatCompletion) -> int:
    usage = result.usage
    reveal_type(usage)
    if usage is None:
        return 0
    return usage.total_tokens + len(result.choices[0].message.content or "")

def request_id(result: ChatCompletion) -> str | None:
    return result.request_id
"""


def test_user_code_narrows_absent_fields_with_none_alone(tmp_path: Path) -> None:
    """No import from <pkg>.types is needed: mypy --strict accepts a plain `is None` check."""
    (tmp_path / "user.py").write_text(USER_CODE, encoding="utf-8")
    run = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", "user.py"],
        cwd=tmp_path,
        env={"MYPYPATH": str(ROOT / "generated/lanrui"), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        check=False,
    )
    assert 'Revealed type is "lanrui_client.models.usage.Usage | None"' in run.stdout, run.stdout
    assert "error" not in run.stdout, run.stdout
