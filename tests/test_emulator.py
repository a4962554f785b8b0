"""The emulator's wire format against the documents' facts, with raw httpx2 (not our clients).

Every JSON answer, stream event and error body is validated against the spec schemas
(tests/specs.py); the framing (data prefix, terminator) is checked byte for byte; the text is
compared with what emulator.generation predicts.
"""

from __future__ import annotations

import json
import time
import uuid
import warnings
from typing import Any

import httpx2
import jwt
import pytest

from emulator import Emulator, generation
from emulator.dialect import find
from tests import specs
from tests.cases import OPERATIONS as OPERATION_CASES

# One connection pool for the module: a fresh httpx2.Client per call costs ~50 ms (TLS context).
HTTP = httpx2.Client(timeout=10)
OPERATIONS = [(op.provider, op.operation_id) for p in specs.PROVIDERS for op in specs.operations(p)]
OP_IDS = [f"{p}-{o}" for p, o in OPERATIONS]


@pytest.fixture(scope="module", autouse=True)
def _close_http() -> Any:
    yield
    HTTP.close()


def several(provider: str, operation_id: str, n: int = 2) -> dict[str, Any]:
    """`n` choices, where the request has `n` (SenseNova's Token Plan gateway refuses it)."""
    return {"n": n} if "n" in find(provider, operation_id).request_properties else {}


def body_for(provider: str, operation_id: str, **extra: Any) -> dict[str, Any]:
    op = find(provider, operation_id)
    base: dict[str, Any] = {"model": "emulator-model"}
    if op.is_chat:
        base["messages"] = [{"role": "system", "content": "Be brief."}, {"role": "user", "content": "Hello there"}]
    else:
        base["prompt"] = "Say this is a test"
    return base | extra


def url(emulator: Emulator, provider: str, operation_id: str) -> str:
    return emulator.base_url(provider) + find(provider, operation_id).path


def headers(emulator: Emulator, provider: str, fault: str | None = None) -> dict[str, str]:
    out = {"Authorization": f"Bearer {emulator.api_key(provider)}"}
    if fault:
        out["X-Emulator-Fault"] = fault
    return out


def post(emulator: Emulator, provider: str, operation_id: str, body: Any, fault: str | None = None, **kw: Any):
    return HTTP.post(url(emulator, provider, operation_id), json=body, headers=headers(emulator, provider, fault), **kw)


def unique(name: str) -> str:
    return f"{name}-{uuid.uuid4().hex[:8]}"


# --- a minimal SSE reading, kept apart from the clients' decoder -------------------------------


def raw_events(raw: bytes) -> list[bytes]:
    """The events of a body; every event must end with a blank line."""
    assert raw.endswith(b"\n\n"), raw[-80:]
    return raw[:-2].split(b"\n\n")


def data_of(event: bytes, prefix: str) -> str:
    line = event.decode("utf-8")
    assert line.startswith(prefix), (prefix, line[:40])
    assert "\n" not in line
    return line[len(prefix) :]


def payloads_of(raw: bytes, provider: str, operation_id: str) -> list[dict[str, Any]]:
    """The JSON payloads of a complete stream, after checking its framing and terminator."""
    op = find(provider, operation_id)
    events = raw_events(raw)
    assert data_of(events[-1], op.data_prefix) == op.terminator
    return [json.loads(data_of(e, op.data_prefix)) for e in events[:-1]]


def dig(value: Any, path: tuple[str, ...]) -> Any:
    for member in path:
        value = value.get(member) if isinstance(value, dict) else None
    return value


def choices_of(frames: list[dict[str, Any]]) -> list[Any]:
    return [c for f in frames for c in (f.get("choices") or (f.get("data") or {}).get("choices") or [])]


def gathered(frames: list[dict[str, Any]], provider: str, operation_id: str) -> dict[int, tuple[str, Any]]:
    """index -> (text, finish_reason) folded from the frames with the spec's gather paths."""
    op = find(provider, operation_id)
    texts: dict[int, str] = {}
    reasons: dict[int, Any] = {}
    for frame in frames:
        for choice in dig(frame, op.gather("choices")) or []:
            index = dig(choice, op.gather("index"))
            texts[index] = texts.get(index, "") + (dig(choice, op.gather("text")) or "")
            reason = dig(choice, op.gather("finish-reason"))
            if reason:
                reasons[index] = reason
    return {i: (texts[i], reasons.get(i)) for i in texts}


def expected(provider: str, operation_id: str, body: dict[str, Any]) -> dict[int, tuple[str, str]]:
    return {c.index: (c.text, c.finish_reason) for c in generation.predict(provider, operation_id, body)}


def answer_texts(answer: dict[str, Any], provider: str, operation_id: str) -> dict[int, tuple[str, str]]:
    op = find(provider, operation_id)
    out = {}
    for choice in dig(answer, (*op.envelope, "choices")):
        text = choice.get("text", choice.get("message"))
        text = text["content"] if isinstance(text, dict) else text
        out[choice["index"]] = (text, choice["finish_reason"])
    return out


# --- happy paths -------------------------------------------------------------------------------


@pytest.mark.parametrize(("provider", "operation_id"), OPERATIONS, ids=OP_IDS)
def test_json_answer_conforms_and_matches_the_prediction(emulator: Emulator, provider: str, operation_id: str) -> None:
    body = body_for(provider, operation_id, **several(provider, operation_id))
    response = post(emulator, provider, operation_id, body)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "application/json"
    specs.response_validator(specs.operation(provider, operation_id)).validate(response.json())
    assert answer_texts(response.json(), provider, operation_id) == expected(provider, operation_id, body)


@pytest.mark.parametrize(("provider", "operation_id"), OPERATIONS, ids=OP_IDS)
def test_stream_framing_events_and_text(emulator: Emulator, provider: str, operation_id: str) -> None:
    body = body_for(provider, operation_id, stream=True, **several(provider, operation_id))
    response = post(emulator, provider, operation_id, body)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/event-stream")
    frames = payloads_of(response.content, provider, operation_id)
    validator = specs.event_validator(specs.operation(provider, operation_id))
    for frame in frames:
        validator.validate(frame)
    assert gathered(frames, provider, operation_id) == expected(provider, operation_id, body)


@pytest.mark.parametrize(("provider", "operation_id"), OPERATIONS, ids=OP_IDS)
def test_every_event_uses_the_documented_prefix_and_terminator(
    emulator: Emulator, provider: str, operation_id: str
) -> None:
    ext = specs.stream_extension(specs.operation(provider, operation_id))
    raw = post(emulator, provider, operation_id, body_for(provider, operation_id, stream=True)).content
    prefix = ext["data-prefix"].encode()
    assert all(event.startswith(prefix + b"{") for event in raw_events(raw)[:-1])
    assert raw.endswith(prefix + ext["terminator"].encode() + b"\n\n")


def test_sensenova_frames_have_no_space_after_data(emulator: Emulator) -> None:
    for operation_id in ("create_completion", "create_chat_completion"):
        raw = post(emulator, "sensenova", operation_id, body_for("sensenova", operation_id, stream=True)).content
        assert b"data: " not in raw
        assert raw.startswith(b'data:{"data":')
        assert raw.endswith(b"data:[DONE]\n\n")
        assert all(json.loads(e[5:])["status"] == {"code": 0, "message": "ok"} for e in raw_events(raw)[:-1])


def test_openai_style_frames_have_one_space_after_data(emulator: Emulator) -> None:
    raw = post(emulator, "lanrui", "create_chat_completion", body_for("lanrui", "create_chat_completion", stream=True))
    assert raw.content.endswith(b"data: [DONE]\n\n")
    assert all(e.startswith(b"data: {") for e in raw_events(raw.content)[:-1])


def test_n_choices_are_streamed_interleaved(emulator: Emulator) -> None:
    body = body_for("lanrui", "create_chat_completion", stream=True, n=3)
    frames = payloads_of(
        post(emulator, "lanrui", "create_chat_completion", body).content, "lanrui", "create_chat_completion"
    )
    order = [c["index"] for f in frames for c in f["choices"]]
    assert sorted(set(order)) == [0, 1, 2]
    assert order[:6] == [0, 1, 2, 0, 1, 2]  # role openers, then the first token of each
    assert frames[0]["choices"][0]["delta"] == {"role": "assistant", "content": ""}


def test_completion_list_prompt_gives_n_choices_per_prompt(emulator: Emulator) -> None:
    body = body_for("eronmind", "create_completion", prompt=["first prompt", "second prompt"], n=2)
    answer = post(emulator, "eronmind", "create_completion", body).json()
    assert [c["index"] for c in answer["choices"]] == [0, 1, 2, 3]
    assert "second prompt" in answer["choices"][2]["text"]


# --- generation features -----------------------------------------------------------------------


# The OpenAI-style completions (a stop string or list); SenseNova's own stop: the test below.
OPENAI_COMPLETIONS = [
    (case.provider, case.operation_id)
    for case in OPERATION_CASES
    if (case.openai_route or ("", ""))[1] == "completions"
]


@pytest.mark.parametrize("stop", ["this", ["zzz", "is a"], '" '])
@pytest.mark.parametrize(("provider", "operation_id"), OPENAI_COMPLETIONS)
def test_stop_sequences_end_the_text(emulator: Emulator, provider: str, operation_id: str, stop: Any) -> None:
    body = body_for(provider, operation_id, stop=stop)
    natural = generation.natural_text("Say this is a test", 0, None)
    first = min(natural.find(s) for s in ([stop] if isinstance(stop, str) else stop) if s in natural)
    matched = next(s for s in ([stop] if isinstance(stop, str) else stop) if natural.find(s) == first)
    keep = find(provider, operation_id).stop_included
    choice = post(emulator, provider, operation_id, body).json()["choices"][0]
    assert choice["finish_reason"] == "stop"
    assert choice["text"] == natural[: first + (len(matched) if keep else 0)]


def test_sensenova_stop_string_cuts_the_stream(emulator: Emulator) -> None:
    body = body_for("sensenova", "create_completion", stop=" is", stream=True)
    frames = payloads_of(
        post(emulator, "sensenova", "create_completion", body).content, "sensenova", "create_completion"
    )
    assert gathered(frames, "sensenova", "create_completion") == {0: ('You said: "Say this', "stop")}


@pytest.mark.parametrize(("provider", "operation_id"), OPERATIONS, ids=OP_IDS)
def test_max_tokens_ends_with_length(emulator: Emulator, provider: str, operation_id: str) -> None:
    field = find(provider, operation_id).max_tokens_field
    assert field is not None
    body = body_for(provider, operation_id, **{field: 3}, stream=True)
    frames = payloads_of(post(emulator, provider, operation_id, body).content, provider, operation_id)
    text, reason = gathered(frames, provider, operation_id)[0]
    assert reason == "length"
    path = find(provider, operation_id).reasoning_path
    reasoning = "".join(dig(c, path) or "" for c in choices_of(frames)) if path else ""
    assert len(generation.tokenize(text)) + len(generation.tokenize(reasoning)) == 3  # reasoning counts too


def test_ppinfra_usage_only_in_a_final_chunk_with_empty_choices(emulator: Emulator) -> None:
    body = body_for("ppinfra", "create_completion", stream=True, n=2, stream_options={"include_usage": True})
    frames = payloads_of(post(emulator, "ppinfra", "create_completion", body).content, "ppinfra", "create_completion")
    *text_frames, last = frames
    assert last["choices"] == []
    predicted = generation.predict("ppinfra", "create_completion", body)
    assert last["usage"] == {
        "prompt_tokens": 5,
        "completion_tokens": sum(len(c.tokens) for c in predicted),
        "total_tokens": 5 + sum(len(c.tokens) for c in predicted),
    }
    assert all(f["usage"] is None and f["choices"] for f in text_frames)


def test_ppinfra_without_include_usage_sends_no_usage(emulator: Emulator) -> None:
    frames = payloads_of(
        post(emulator, "ppinfra", "create_completion", body_for("ppinfra", "create_completion", stream=True)).content,
        "ppinfra",
        "create_completion",
    )
    assert all("usage" not in f and f["choices"] for f in frames)


@pytest.mark.parametrize("stream", [False, True])
def test_ppinfra_logprobs_object(emulator: Emulator, stream: bool) -> None:
    body = body_for("ppinfra", "create_completion", logprobs=3, stream=stream)
    response = post(emulator, "ppinfra", "create_completion", body)
    if stream:
        choices = [c for f in payloads_of(response.content, "ppinfra", "create_completion") for c in f["choices"]]
        parts = [c["logprobs"] for c in choices if c["logprobs"]]
        tokens = [t for p in parts for t in p["tokens"]]
        offsets = [o for p in parts for o in p["text_offset"]]
    else:
        logprobs = response.json()["choices"][0]["logprobs"]
        assert set(logprobs) == {"tokens", "token_logprobs", "top_logprobs", "text_offset"}
        assert all(len(top) == 3 for top in logprobs["top_logprobs"])
        assert all(lp < 0 for lp in logprobs["token_logprobs"])
        tokens, offsets = logprobs["tokens"], logprobs["text_offset"]
    [choice] = generation.predict("ppinfra", "create_completion", body)
    assert tokens == choice.tokens
    assert offsets == [sum(len(t) for t in choice.tokens[:i]) for i in range(len(tokens))]


def test_best_of_returns_the_best_n_candidates(emulator: Emulator) -> None:
    body = body_for("ppinfra", "create_completion", n=2, best_of=5, logprobs=1)
    choices = post(emulator, "ppinfra", "create_completion", body).json()["choices"]
    scores = [sum(c["logprobs"]["token_logprobs"]) / len(c["logprobs"]["token_logprobs"]) for c in choices]
    assert len(choices) == 2 and scores == sorted(scores, reverse=True)
    candidates = [generation.candidate(body, "Say this is a test", k, generation.Options())[0] for k in range(5)]
    assert [c["text"] for c in choices] != ["".join(candidates[0]), "".join(candidates[1])] or scores[0] >= scores[1]
    assert [c["text"] for c in choices] == [c.text for c in generation.predict("ppinfra", "create_completion", body)]


def test_best_of_below_n_is_refused(emulator: Emulator) -> None:
    response = post(emulator, "ppinfra", "create_completion", body_for("ppinfra", "create_completion", n=3, best_of=2))
    assert response.status_code == 400
    assert response.json()["error"]["param"] == "best_of"


def test_seed_makes_text_repeatable_and_varies_it(emulator: Emulator) -> None:
    def text(seed: int) -> str:
        body = body_for("ppinfra", "create_completion", seed=seed)
        return post(emulator, "ppinfra", "create_completion", body).json()["choices"][0]["text"]

    assert text(7) == text(7)
    assert len({text(seed) for seed in range(6)}) > 1


def _knowledge_body(stream: bool, search: bool = True, results: bool = True) -> dict[str, Any]:
    return body_for(
        "sensenova",
        "create_chat_completion",
        stream=stream,
        know_ids=["kb-1", "kb-2"],
        knowledge_config={"knowledge_base_result": True},
        plugins={"web_search": {"search_enable": search, "result_enable": results}},
    )


def test_sensenova_knowledge_and_search_results_in_the_answer(emulator: Emulator) -> None:
    data = post(emulator, "sensenova", "create_chat_completion", _knowledge_body(False)).json()["data"]
    assert [r["know_id"] for r in data["knowledge_base_results"]] == ["kb-1", "kb-2"]
    assert data["plugins"]["web_search"]["online_search_count"] == 1
    assert data["plugins"]["web_search"]["results"][0]["url"]
    assert data["usage"]["knowledge_tokens"] > 0


def test_sensenova_knowledge_and_search_results_in_the_last_frame_only(emulator: Emulator) -> None:
    raw = post(emulator, "sensenova", "create_chat_completion", _knowledge_body(True)).content
    *early, last = payloads_of(raw, "sensenova", "create_chat_completion")
    assert [r["know_id"] for r in last["data"]["knowledge_base_results"]] == ["kb-1", "kb-2"]
    assert last["data"]["plugins"]["web_search"]["results"]
    assert all(f["data"]["knowledge_base_results"] == [] for f in early)
    assert all(f["data"]["plugins"]["web_search"]["results"] == [] for f in early)


def test_sensenova_plugins_omit_web_search_when_search_is_off(emulator: Emulator) -> None:
    data = post(emulator, "sensenova", "create_chat_completion", _knowledge_body(False, search=False)).json()["data"]
    assert "web_search" not in data["plugins"]
    data = post(emulator, "sensenova", "create_chat_completion", _knowledge_body(False, results=False)).json()["data"]
    assert data["plugins"]["web_search"] == {"online_search_count": 1}


@pytest.mark.parametrize("reason", ["sensitive", "context"])
@pytest.mark.parametrize("operation_id", ["create_completion", "create_chat_completion"])
def test_sensenova_trigger_prompts(emulator: Emulator, reason: str, operation_id: str) -> None:
    prompt = f"Tell me something [[{reason}]]"
    body = body_for("sensenova", operation_id, stream=True)
    body |= {"messages": [{"role": "user", "content": prompt}]} if "messages" in body else {"prompt": prompt}
    frames = payloads_of(post(emulator, "sensenova", operation_id, body).content, "sensenova", operation_id)
    text, finish = gathered(frames, "sensenova", operation_id)[0]
    assert finish == reason
    assert len(generation.tokenize(text)) == generation.TRIGGER_TOKENS


def test_trigger_is_ignored_where_the_spec_lists_no_such_reason(emulator: Emulator) -> None:
    body = body_for("eronmind", "create_completion", prompt="Tell me [[sensitive]]")
    assert post(emulator, "eronmind", "create_completion", body).json()["choices"][0]["finish_reason"] == "stop"


def test_generation_limits_at_the_boundary() -> None:
    tokens = generation.tokenize("one two three four")
    assert tokens == ["one", " two", " three", " four"]
    assert generation.finish(tokens, "stop", [], 4, False) == (tokens, "stop")
    assert generation.finish(tokens, "stop", [], 3, False) == (tokens[:3], "length")
    assert generation.finish(tokens, "stop", [], 0, False) == ([], "length")


def test_generation_stop_sequences() -> None:
    tokens = generation.tokenize("one two three four")
    assert generation.finish(tokens, "stop", ["o th"], None, False) == (["one", " tw"], "stop")
    assert generation.finish(tokens, "stop", ["o th"], None, True) == (["one", " two", " th"], "stop")
    # the stop sequence ends inside the third token: with only two allowed, the limit comes first
    assert generation.finish(tokens, "stop", ["o th"], 2, False) == (tokens[:2], "length")
    assert generation.finish(tokens, "stop", ["four", "two"], None, False) == (["one", " "], "stop")


def test_prompts_of_every_prompt_form() -> None:
    assert generation.prompts_of({"prompt": "a b"}) == ["a b"]
    assert generation.prompts_of({"prompt": ["a", "b"]}) == ["a", "b"]
    assert generation.prompts_of({"prompt": [1, 2]}) == ["1 2"]
    assert generation.prompts_of({"prompt": [[1], [2, 3]]}) == ["1", "2 3"]
    assert generation.prompts_of({"messages": [{"role": "user", "content": "x"}]}) == ["x"]
    assert generation.count_prompt_tokens([[1], [2, 3]]) == 3


# --- validation --------------------------------------------------------------------------------


def _invalid_cases() -> list[Any]:
    cases = []
    for provider, operation_id in OPERATIONS:
        for path in sorted((specs.FIXTURES / provider / operation_id).glob("invalid-request-*.json")):
            cases.append(pytest.param(provider, operation_id, path, id=f"{provider}-{path.stem}"))
    return cases


@pytest.mark.parametrize(("provider", "operation_id", "path"), _invalid_cases())
def test_invalid_requests_get_400_naming_the_field(
    emulator: Emulator, provider: str, operation_id: str, path: Any
) -> None:
    body = json.loads(path.read_text(encoding="utf-8"))["body"]
    response = post(emulator, provider, operation_id, body)
    assert response.status_code == 400, response.text
    error = response.json()
    specs.response_validator(specs.operation(provider, operation_id), "4XX").validate(error)
    field = error["error"]["message"].split(":")[0]
    known = find(provider, operation_id).request_properties
    assert field.split(".")[0] in {*known, *body}, error  # a member of the schema, or the unknown one sent


@pytest.mark.parametrize(("provider", "operation_id"), OPERATIONS, ids=OP_IDS)
def test_documented_request_examples_are_accepted(emulator: Emulator, provider: str, operation_id: str) -> None:
    for path in sorted((specs.FIXTURES / provider / operation_id).glob("request*.json")):
        body = json.loads(path.read_text(encoding="utf-8"))
        response = post(emulator, provider, operation_id, body)
        assert response.status_code == 200, (path.name, response.text)


def test_openai_style_error_names_the_param(emulator: Emulator) -> None:
    response = post(
        emulator, "lanrui", "create_chat_completion", body_for("lanrui", "create_chat_completion", temperature=3)
    )
    assert response.json()["error"] | {"message": ""} == {
        "message": "",
        "type": "invalid_request_error",
        "param": "temperature",
        "code": "invalid_request",
    }


def test_sensenova_error_body_shape(emulator: Emulator) -> None:
    response = post(emulator, "sensenova", "create_completion", body_for("sensenova", "create_completion", n=9))
    error = response.json()["error"]
    assert response.status_code == 400
    assert error["code"] == 3 and error["message"].startswith("n:") and error["details"] == [{"field": "n"}]


def test_sensenova_chat_must_end_with_a_user_message(emulator: Emulator) -> None:
    messages = [{"role": "user", "content": "hi"}, {"role": "assistant", "content": "hello"}]
    body = body_for("sensenova", "create_chat_completion", messages=messages)
    response = post(emulator, "sensenova", "create_chat_completion", body)
    assert response.status_code == 400
    assert response.json()["error"]["message"].startswith("messages.1.role:")


def test_lanrui_chat_may_end_with_any_role(emulator: Emulator) -> None:
    messages = [{"role": "user", "content": "hi"}, {"role": "assistant", "content": "hello"}]
    body = body_for("lanrui", "create_chat_completion", messages=messages)
    assert post(emulator, "lanrui", "create_chat_completion", body).status_code == 200


@pytest.mark.parametrize("content", [b"", b"{not json", b"[1, 2]"])
def test_bodies_that_are_not_a_json_object(emulator: Emulator, content: bytes) -> None:
    response = HTTP.post(
        url(emulator, "ppinfra", "create_completion"),
        content=content,
        headers=headers(emulator, "ppinfra") | {"content-type": "application/json"},
    )
    assert response.status_code == 400
    assert response.json()["error"]["message"]


def test_unknown_path_and_method(emulator: Emulator) -> None:
    missing = HTTP.post(emulator.base_url("lanrui") + "/v1/nothing", json={}, headers=headers(emulator, "lanrui"))
    assert missing.status_code == 404 and missing.json()["error"]["message"]
    wrong = HTTP.get(url(emulator, "lanrui", "create_chat_completion"), headers=headers(emulator, "lanrui"))
    assert wrong.status_code == 405 and wrong.json()["error"]["message"]


# --- authentication ----------------------------------------------------------------------------


@pytest.mark.parametrize(("provider", "operation_id"), OPERATIONS, ids=OP_IDS)
@pytest.mark.parametrize("authorization", [None, "Bearer wrong-key", "Basic abc"])
def test_bad_credentials_get_401_in_the_providers_format(
    emulator: Emulator, provider: str, operation_id: str, authorization: str | None
) -> None:
    sent = {"Authorization": authorization} if authorization else {}
    response = HTTP.post(url(emulator, provider, operation_id), json=body_for(provider, operation_id), headers=sent)
    assert response.status_code == 401
    specs.response_validator(specs.operation(provider, operation_id), "4XX").validate(response.json())


def _token(emulator: Emulator, **changes: Any) -> str:
    key_id, secret = emulator.access_key_pair()
    now = int(time.time())
    claims = {"iss": key_id, "exp": now + 1800, "nbf": now - 5} | changes
    key = changes.pop("key", None) or secret
    claims.pop("key", None)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", jwt.InsecureKeyLengthWarning)  # the documented local secret is short
        return jwt.encode({k: v for k, v in claims.items() if v is not None}, key, algorithm="HS256")


@pytest.mark.parametrize(
    ("changes", "status"),
    [
        ({}, 200),
        ({"exp": int(time.time()) - 10}, 401),
        ({"nbf": int(time.time()) + 600}, 401),
        ({"exp": None}, 401),
        ({"iss": "someone-else"}, 401),
        ({"key": "not-the-secret-access-key-at-all"}, 401),
    ],
    ids=["valid", "expired", "not-yet-valid", "no-exp", "unknown-issuer", "bad-signature"],
)
def test_sensenova_access_key_jwt(emulator: Emulator, changes: dict[str, Any], status: int) -> None:
    token = _token(emulator, **changes)
    response = HTTP.post(
        url(emulator, "sensenova", "create_completion"),
        json=body_for("sensenova", "create_completion"),
        headers={"Authorization": f"Bearer {token}"},
    )
    assert response.status_code == status, response.text


def test_jwt_is_refused_where_the_provider_has_no_access_keys(emulator: Emulator) -> None:
    response = HTTP.post(
        url(emulator, "lanrui", "create_chat_completion"),
        json=body_for("lanrui", "create_chat_completion"),
        headers={"Authorization": f"Bearer {_token(emulator)}"},
    )
    assert response.status_code == 401


def test_custom_keys_at_start() -> None:
    from emulator import Settings

    settings = Settings(api_keys={"lanrui": "custom"}, access_keys={"id": "secret-" * 5})
    with Emulator(settings=settings) as custom:
        assert custom.api_key("lanrui") == "custom"
        assert custom.access_key_pair() == ("id", "secret-" * 5)
        body = body_for("lanrui", "create_chat_completion")
        ok = HTTP.post(
            url(custom, "lanrui", "create_chat_completion"), json=body, headers={"Authorization": "Bearer custom"}
        )
        assert ok.status_code == 200
        refused = HTTP.post(
            url(custom, "lanrui", "create_chat_completion"),
            json=body,
            headers={"Authorization": "Bearer lanrui-emulator-key"},
        )
        assert refused.status_code == 401


# --- faults ------------------------------------------------------------------------------------


@pytest.mark.parametrize(("provider", "operation_id"), OPERATIONS, ids=OP_IDS)
@pytest.mark.parametrize("code", [429, 500, 503])
def test_status_fault_in_the_providers_error_format(
    emulator: Emulator, provider: str, operation_id: str, code: int
) -> None:
    response = post(emulator, provider, operation_id, body_for(provider, operation_id), f"status;code={code}")
    assert response.status_code == code
    specs.response_validator(specs.operation(provider, operation_id), "4XX" if code < 500 else "5XX").validate(
        response.json()
    )


def test_retry_after_seconds_and_date(emulator: Emulator) -> None:
    body = body_for("lanrui", "create_chat_completion")
    seconds = post(emulator, "lanrui", "create_chat_completion", body, "status;code=429;retry-after=2")
    assert seconds.headers["retry-after"] == "2"
    dated = post(emulator, "lanrui", "create_chat_completion", body, "status;code=503;retry-after-date=30")
    from email.utils import parsedate_to_datetime

    when = parsedate_to_datetime(dated.headers["retry-after"]).timestamp()
    assert 20 < when - time.time() <= 31


def test_times_limits_a_fault_to_the_first_requests(emulator: Emulator) -> None:
    fault = f"status;code=500;times=2;id={unique('times')}"
    body = body_for("eronmind", "create_completion")
    statuses = [post(emulator, "eronmind", "create_completion", body, fault).status_code for _ in range(3)]
    assert statuses == [500, 500, 200]
    other = post(emulator, "eronmind", "create_completion", body, fault + "x")
    assert other.status_code == 500  # a different header value has its own count


def test_unknown_fault_is_a_400(emulator: Emulator) -> None:
    response = post(
        emulator, "lanrui", "create_chat_completion", body_for("lanrui", "create_chat_completion"), "explode"
    )
    assert response.status_code == 400
    assert "unknown fault" in response.json()["error"]["message"]


@pytest.mark.parametrize(("provider", "operation_id"), OPERATIONS, ids=OP_IDS)
def test_drop_closes_the_connection_mid_stream(emulator: Emulator, provider: str, operation_id: str) -> None:
    tag = unique("drop")
    body = body_for(provider, operation_id, stream=True)
    received = b""
    with (
        HTTP.stream(
            "POST",
            url(emulator, provider, operation_id),
            json=body,
            headers=headers(emulator, provider, f"drop;after=2;id={tag}"),
        ) as response,
        pytest.raises(httpx2.RemoteProtocolError),
    ):
        for chunk in response.iter_raw():
            received += chunk
    assert len(raw_events(received)) == 2
    record = emulator.wait_for_stream(tag)
    assert record.outcome == "dropped" and record.events_sent == 2 and not record.terminated


def test_drop_on_a_json_answer(emulator: Emulator) -> None:
    with pytest.raises(httpx2.RemoteProtocolError):
        post(emulator, "lanrui", "create_chat_completion", body_for("lanrui", "create_chat_completion"), "drop")


@pytest.mark.parametrize(("provider", "operation_id"), OPERATIONS, ids=OP_IDS)
def test_malformed_frame(emulator: Emulator, provider: str, operation_id: str) -> None:
    op = find(provider, operation_id)
    body = body_for(provider, operation_id, stream=True)
    events = raw_events(post(emulator, provider, operation_id, body, "malformed;after=1").content)
    with pytest.raises(json.JSONDecodeError):
        json.loads(data_of(events[1], op.data_prefix))
    assert data_of(events[-1], op.data_prefix) == op.terminator


@pytest.mark.parametrize(("provider", "operation_id"), OPERATIONS, ids=OP_IDS)
def test_stream_error_where_x_stream_says(emulator: Emulator, provider: str, operation_id: str) -> None:
    op = find(provider, operation_id)
    body = body_for(provider, operation_id, stream=True)
    events = raw_events(post(emulator, provider, operation_id, body, "stream-error;after=2").content)
    assert len(events) == 3  # two frames, the error, no terminator
    error = json.loads(data_of(events[-1], op.data_prefix))
    spec = op.error_spec
    member = error[spec["field"]]
    assert member[spec["message"]]
    if "ok-code" in spec:  # an error frame is its error member only (specs/CONVENTIONS.md)
        assert member[spec["code"]] != spec["ok-code"]
        event = specs.stream_extension(specs.operation(provider, operation_id))["event"]
        specs.validator(provider, f"{event}/properties/{spec['field']}").validate(member)
    else:
        specs.response_validator(specs.operation(provider, operation_id), "5XX").validate(error)


@pytest.mark.parametrize(("provider", "operation_id"), OPERATIONS, ids=OP_IDS)
def test_error_event(emulator: Emulator, provider: str, operation_id: str) -> None:
    body = body_for(provider, operation_id, stream=True)
    events = raw_events(post(emulator, provider, operation_id, body, "error-event;after=1").content)
    assert len(events) == 2
    name, data = events[-1].decode().split("\n")
    assert name == "event: error"
    specs.response_validator(specs.operation(provider, operation_id), "5XX").validate(
        json.loads(data.removeprefix("data: "))
    )


def test_slow_first_event(emulator: Emulator) -> None:
    body = body_for("lanrui", "create_chat_completion", stream=True)
    start = time.monotonic()
    with HTTP.stream(
        "POST",
        url(emulator, "lanrui", "create_chat_completion"),
        json=body,
        headers=headers(emulator, "lanrui", "slow-first;delay=0.3"),
    ) as response:
        headers_at = time.monotonic() - start
        first = next(response.iter_raw())
        first_at = time.monotonic() - start
    assert first.startswith(b"data: ")
    # The pause sits between the headers and the first event (absolute times vary with load).
    assert first_at - headers_at >= 0.25, (headers_at, first_at)


def test_stall_mid_stream_outlasts_a_read_timeout_and_the_disconnect_is_seen(emulator: Emulator) -> None:
    tag = unique("stall")
    body = body_for("sensenova", "create_chat_completion", stream=True)
    received = b""
    with (
        HTTP.stream(
            "POST",
            url(emulator, "sensenova", "create_chat_completion"),
            json=body,
            headers=headers(emulator, "sensenova", f"stall;seconds=30;after=2;id={tag}"),
            timeout=httpx2.Timeout(5, read=0.3),
        ) as response,
        pytest.raises(httpx2.ReadTimeout),
    ):
        for chunk in response.iter_raw():
            received += chunk
    assert len(raw_events(received)) == 2
    record = emulator.wait_for_stream(tag)
    assert record.disconnected and record.events_sent == 2


def test_stall_before_headers(emulator: Emulator) -> None:
    tag = unique("stall-head")
    body = body_for("ppinfra", "create_completion", stream=True)
    with pytest.raises(httpx2.ReadTimeout):
        post(
            emulator,
            "ppinfra",
            "create_completion",
            body,
            f"stall;seconds=30;id={tag}",
            timeout=httpx2.Timeout(5, read=0.3),
        )
    record = emulator.wait_for_stream(tag)
    assert record.disconnected and record.events_sent == 0


def test_short_stall_then_the_stream_completes(emulator: Emulator) -> None:
    tag = unique("short-stall")
    body = body_for("lanrui", "create_chat_completion", stream=True)
    response = post(emulator, "lanrui", "create_chat_completion", body, f"stall;seconds=0.1;after=1;id={tag}")
    assert gathered(
        payloads_of(response.content, "lanrui", "create_chat_completion"), "lanrui", "create_chat_completion"
    )
    assert emulator.wait_for_stream(tag).completed


def test_client_closing_early_is_recorded_as_a_disconnect(emulator: Emulator) -> None:
    tag = unique("early")
    body = body_for("eronmind", "create_completion", stream=True)
    with HTTP.stream(
        "POST",
        url(emulator, "eronmind", "create_completion"),
        json=body,
        headers=headers(emulator, "eronmind", f"pace;delay=0.2;id={tag}"),
    ) as response:
        next(response.iter_raw())
    record = emulator.wait_for_stream(tag)
    assert record.disconnected and not record.terminated


def test_a_complete_stream_is_recorded_as_completed(emulator: Emulator) -> None:
    tag = unique("complete")
    body = body_for("lanrui", "create_chat_completion", stream=True)
    extra = {"X-Emulator-Tag": tag}
    HTTP.post(url(emulator, "lanrui", "create_chat_completion"), json=body, headers=headers(emulator, "lanrui") | extra)
    record = emulator.wait_for_stream(tag)
    assert record.completed and record.terminated and record.provider == "lanrui"


@pytest.mark.parametrize(("provider", "operation_id"), OPERATIONS, ids=OP_IDS)
def test_json_for_stream(emulator: Emulator, provider: str, operation_id: str) -> None:
    response = post(emulator, provider, operation_id, body_for(provider, operation_id, stream=True), "json-for-stream")
    assert response.headers["content-type"] == "application/json"
    specs.response_validator(specs.operation(provider, operation_id)).validate(response.json())


@pytest.mark.parametrize(("provider", "operation_id"), OPERATIONS, ids=OP_IDS)
def test_no_terminator(emulator: Emulator, provider: str, operation_id: str) -> None:
    op = find(provider, operation_id)
    raw = post(emulator, provider, operation_id, body_for(provider, operation_id, stream=True), "no-terminator").content
    events = raw_events(raw)
    assert all(data_of(e, op.data_prefix).startswith("{") for e in events)


def _replay_cases() -> list[Any]:
    return [
        pytest.param(p, o, path.name, id=f"{p}-{o}-{path.name}")
        for p, o in OPERATIONS
        for path in sorted((specs.FIXTURES / p / o).glob("stream*.sse"))
    ]


@pytest.mark.parametrize(("provider", "operation_id", "fixture"), _replay_cases())
def test_replay_serves_the_fixture_byte_for_byte(
    emulator: Emulator, provider: str, operation_id: str, fixture: str
) -> None:
    body = body_for(provider, operation_id, stream=True)
    response = post(emulator, provider, operation_id, body, f"replay;fixture={fixture}")
    assert response.headers["content-type"].startswith("text/event-stream")
    assert response.content == (specs.FIXTURES / provider / operation_id / fixture).read_bytes()


def test_replay_refuses_paths_outside_the_fixtures(emulator: Emulator) -> None:
    body = body_for("lanrui", "create_chat_completion", stream=True)
    response = post(emulator, "lanrui", "create_chat_completion", body, "replay;fixture=../../specs.py")
    assert response.status_code == 404


# --- records -----------------------------------------------------------------------------------


def test_requests_are_recorded_with_headers_and_parsed_body(emulator: Emulator) -> None:
    tag = unique("record")
    body = body_for("ppinfra", "create_completion", seed=3)
    HTTP.post(
        url(emulator, "ppinfra", "create_completion"),
        json=body,
        headers=headers(emulator, "ppinfra") | {"X-Emulator-Tag": tag},
    )
    [seen] = [r for r in emulator.requests if r.headers.get("x-emulator-tag") == tag]
    assert (seen.method, seen.path, seen.provider, seen.operation_id) == (
        "POST",
        "/ppinfra/v3/openai/completions",
        "ppinfra",
        "create_completion",
    )
    assert seen.body == body and seen.headers["authorization"] == "Bearer ppinfra-emulator-key"


def test_wait_for_stream_times_out_without_a_match(emulator: Emulator) -> None:
    with pytest.raises(TimeoutError):
        emulator.wait_for_stream(unique("never"), timeout=0.05)
