"""The emulator's SenseNova Token Plan dialect, with raw httpx: reasoning then content deltas,
`finish_reason: ""` until the last event, the usage-only event, string error codes, its own mount.

The generic wire tests (tests/test_emulator.py) run over this operation too; these check what only
it has, against the spec (tests/specs.py) and the generator's prediction.
"""

from __future__ import annotations

import base64
import json
import time
import warnings
from typing import Any

import httpx
import jwt
import pytest

from emulator import Emulator, generation
from tests import specs

HTTP = httpx.Client(timeout=10)
KEY, OPERATION = "sensenova", "create_token_plan_chat_completion"
MOUNT = "sensenova-token-plan"
PATH = "/v1/chat/completions"
MODEL = "sensenova-6.7-flash-lite"
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="
)


@pytest.fixture(scope="module", autouse=True)
def _close_http() -> Any:
    yield
    HTTP.close()


def post(emulator: Emulator, body: Any, fault: str | None = None, token: str | None = None) -> httpx.Response:
    headers = {"Authorization": f"Bearer {token or emulator.api_key(MOUNT)}"}
    if fault:
        headers["X-Emulator-Fault"] = fault
    return HTTP.post(emulator.base_url(MOUNT) + PATH, json=body, headers=headers)


def chat(text: str = "Write a poem about spring.", **extra: Any) -> dict[str, Any]:
    return {"model": MODEL, "messages": [{"role": "user", "content": text}], **extra}


def events(response: httpx.Response) -> list[dict[str, Any]]:
    raw = response.content.decode("utf-8")
    blocks = raw.split("\n\n")
    assert blocks[-2:] == ["data: [DONE]", ""], blocks[-3:]
    assert all(b.startswith("data: {") for b in blocks[:-2])
    check = specs.event_validator(specs.operation(KEY, OPERATION))
    payloads = [json.loads(b[len("data: ") :]) for b in blocks[:-2]]
    for payload in payloads:
        check.validate(payload)
    return payloads


def test_stream_sends_reasoning_then_content_pending_reasons_and_a_usage_only_last_event(emulator: Emulator) -> None:
    body = chat(stream=True)
    (predicted,) = generation.predict(KEY, OPERATION, body)
    *frames, last = events(post(emulator, body))
    deltas = [f["choices"][0]["delta"] for f in frames]
    kinds = [next(iter(d), "") for d in deltas]
    # every reasoning piece, then every content piece, then the empty closing delta
    assert kinds == ["reasoning"] * len(predicted.reasoning_tokens) + ["content"] * len(predicted.tokens) + [""]
    assert "".join(d.get("reasoning", "") for d in deltas) == predicted.reasoning != ""
    assert "".join(d.get("content", "") for d in deltas) == predicted.text
    assert [f["choices"][0]["finish_reason"] for f in frames] == [""] * (len(frames) - 1) + ["stop"]
    assert all("usage" not in f for f in frames)
    assert last["choices"] == []
    assert last["usage"]["completion_tokens"] == predicted.completion_tokens
    assert last["usage"]["total_tokens"] == last["usage"]["prompt_tokens"] + predicted.completion_tokens
    assert last["usage"]["prompt_tokens_details"] == {"cached_tokens": 0, "audio_tokens": 0}
    assert {f["object"] for f in [*frames, last]} == {"chat.completion.chunk"}


def test_json_answer_has_reasoning_content_and_the_request_id_of_its_header(emulator: Emulator) -> None:
    response = post(emulator, chat())
    assert response.status_code == 200, response.text
    answer = response.json()
    specs.response_validator(specs.operation(KEY, OPERATION)).validate(answer)
    (predicted,) = generation.predict(KEY, OPERATION, chat())
    message = answer["choices"][0]["message"]
    assert (message["content"], message["reasoning"]) == (predicted.text, predicted.reasoning)
    assert answer["request_id"] == response.headers["x-request-id"]
    assert answer["object"] == "chat.completion"
    assert answer["usage"]["completion_tokens"] == predicted.completion_tokens


def test_max_tokens_counts_the_reasoning_first(emulator: Emulator) -> None:
    (predicted,) = generation.predict(KEY, OPERATION, chat())
    answer = post(emulator, chat(max_tokens=3)).json()
    choice = answer["choices"][0]
    assert choice["finish_reason"] == "length"
    assert choice["message"]["content"] == ""
    assert choice["message"]["reasoning"] == "".join(predicted.reasoning_tokens[:3])
    more = post(emulator, chat(max_tokens=len(predicted.reasoning_tokens) + 2)).json()["choices"][0]
    assert more["message"]["content"] == "".join(predicted.tokens[:2])


def test_images_arrive_as_content_parts(emulator: Emulator) -> None:
    data_url = "data:image/png;base64," + base64.b64encode(PNG).decode()
    parts = [
        {"type": "text", "text": "Compare these."},
        {"type": "image_url", "image_url": {"url": data_url}},
        {"type": "image_url", "image_url": {"url": "https://example.com/b.jpg"}},
    ]
    body = {"model": MODEL, "messages": [{"role": "user", "content": parts}]}
    answer = post(emulator, body).json()
    content = answer["choices"][0]["message"]["content"]
    assert f"[image: image/png, {len(PNG)} bytes]" in content
    assert "[image: https://example.com/b.jpg]" in content
    assert answer["usage"]["prompt_tokens"] == 2 + 2 * generation.IMAGE_TOKENS


@pytest.mark.parametrize(
    ("status", "kind", "code"), [(400, "invalid_request_error", "3"), (404, "not_found_error", "5"), (429, None, "8")]
)
def test_error_bodies_carry_the_code_as_a_string(emulator: Emulator, status: int, kind: str | None, code: str) -> None:
    response = post(emulator, chat(), fault=f"status;code={status}")
    assert response.status_code == status
    error = response.json()
    specs.response_validator(specs.operation(KEY, OPERATION), "4XX").validate(error)
    assert error["error"]["code"] == code
    if kind:
        assert error["error"]["type"] == kind


def test_a_member_outside_the_parameter_list_is_refused_with_code_3(emulator: Emulator) -> None:
    response = post(emulator, chat(seed=7))
    assert response.status_code == 400
    error = response.json()["error"]
    assert (error["code"], error["type"]) == ("3", "invalid_request_error")
    assert error["message"].startswith("seed: unknown member")
    assert emulator.requests[-1].body["seed"] == 7  # it did arrive: the refusal is the gateway's


def test_its_mount_serves_its_own_path_only_and_takes_no_access_key_token(emulator: Emulator) -> None:
    legacy = HTTP.post(
        emulator.base_url(MOUNT) + "/v1/llm/chat-completions",
        json={"model": "m", "messages": [{"role": "user", "content": "Hi"}]},
        headers={"Authorization": f"Bearer {emulator.api_key(KEY)}"},
    )
    assert legacy.status_code == 404
    assert emulator.requests[-1].provider == KEY
    key_id, secret = emulator.access_key_pair()
    now = int(time.time())
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", jwt.InsecureKeyLengthWarning)
        token = jwt.encode({"iss": key_id, "exp": now + 1800, "nbf": now - 5}, secret, algorithm="HS256")
    refused = post(emulator, chat(), token=token)
    assert refused.status_code == 401
    assert refused.json()["error"]["code"] == "16"
    accepted = HTTP.post(
        emulator.base_url(KEY) + "/v1/llm/chat-completions",
        json={"model": "m", "messages": [{"role": "user", "content": "Hi"}]},
        headers={"Authorization": f"Bearer {token}"},
    )
    assert accepted.status_code == 200  # the same token on the legacy API


def test_in_stream_error_is_an_openai_style_error_member(emulator: Emulator) -> None:
    response = post(emulator, chat(stream=True), fault="stream-error;after=2")
    blocks = response.content.decode().split("\n\n")
    assert "data: [DONE]" not in blocks
    error = json.loads(blocks[2][len("data: ") :])
    assert error["error"]["code"] == "13"
    assert error["error"]["message"].startswith("injected in-stream error")
