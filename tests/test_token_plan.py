"""SenseNova's Token Plan endpoint through `SenseNovaTokenPlan` / `AsyncSenseNovaTokenPlan`, against
the emulator (real loopback HTTP): typed reasoning and content, the endpoint's stream rules
(reasoning gathered apart, `""` no finish reason, the usage-only last event gathered, no
`[DONE]` an error), only the fields set on the wire, `extra_body` as given, string error codes,
images, the history rule, its own base URL variable and API keys only.
"""

from __future__ import annotations

import asyncio
import base64
import json
import pickle
from typing import Any

import pytest
import sensenova_client
from sensenova_client import (
    AsyncSenseNovaTokenPlan,
    SenseNova,
    SenseNovaTokenPlan,
    TokenPlanAuthenticatedClient,
    errors,
    image_data_url,
)
from sensenova_client.api.token_plan import create_token_plan_chat_completion
from sensenova_client.models import (
    TokenPlanChatCompletion,
    TokenPlanChatCompletionChunk,
    TokenPlanChatCompletionRequest,
    TokenPlanUsage,
)

from emulator import Emulator, generation
from tests.client_cases import (
    CANARY,
    assert_error_hides_secrets,
    assert_no_secret,
    canary_emulator,
    clear_credentials_env,
    unique,
)

MOUNT = "sensenova-token-plan"
MODEL = "sensenova-6.7-flash-lite"
MESSAGES: list[Any] = [{"role": "user", "content": "Write a poem about spring."}]
FIXTURES = "tests/fixtures/sensenova/create_token_plan_chat_completion"
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="
)


def client(emulator: Emulator, fault: str | None = None, **kwargs: Any) -> SenseNovaTokenPlan:
    headers = {"X-Emulator-Fault": fault} if fault else {}
    return SenseNovaTokenPlan(
        api_key=emulator.api_key(MOUNT), base_url=emulator.base_url(MOUNT), headers=headers, **kwargs
    )


def predict(messages: list[Any] = MESSAGES, **body: Any) -> generation.Choice:
    (choice,) = generation.predict("sensenova", "create_token_plan_chat_completion", {"messages": messages, **body})
    return choice


def test_create_returns_typed_reasoning_and_content(emulator: Emulator) -> None:
    completion = client(emulator).chat.completions.create(model=MODEL, messages=MESSAGES, max_tokens=2000)
    assert isinstance(completion, TokenPlanChatCompletion)
    choice = completion.choices[0]
    assert (choice.message.content, choice.message.reasoning) == (predict().text, predict().reasoning)
    assert choice.finish_reason == "stop"
    assert isinstance(completion.usage, TokenPlanUsage)
    assert completion.usage.completion_tokens == predict().completion_tokens
    assert completion.usage.prompt_tokens_details is not None
    assert completion.usage.prompt_tokens_details.cached_tokens == 0
    assert completion.request_id == emulator.requests[-1].request_id  # the answer's own member


def test_stream_gathers_reasoning_and_content_apart_and_the_usage_only_event(emulator: Emulator) -> None:
    with client(emulator).chat.completions.create(model=MODEL, messages=MESSAGES, stream=True) as events:
        seen = list(events)
        result = events.until_done()
    assert all(isinstance(e, TokenPlanChatCompletionChunk) for e in seen)
    deltas = [e.choices[0].delta for e in seen if e.choices]
    assert "".join(d.reasoning or "" for d in deltas) == predict().reasoning
    assert "".join(d.content or "" for d in deltas) == predict().text
    assert next(e.choices[0].finish_reason for e in seen if e.choices) == ""  # on the wire ...
    (only,) = result.choices
    assert (only.text, only.reasoning, only.finish_reason) == (predict().text, predict().reasoning, "stop")
    assert (result.text, result.reasoning, result.finish_reason) == (predict().text, predict().reasoning, "stop")
    assert seen[-1].choices == [] and isinstance(result.usage, TokenPlanUsage)  # ... and the last event
    assert result.usage.completion_tokens == predict().completion_tokens
    assert result.events == len(seen)


def test_iter_text_gives_the_answer_only(emulator: Emulator) -> None:
    stream = client(emulator).chat.completions.create(model=MODEL, messages=MESSAGES, stream=True)
    assert "".join(stream.iter_text()) == predict().text


def test_the_pages_stream_gathers_as_documented(emulator: Emulator) -> None:
    """The page's event-stream excerpt (tests/fixtures/.../stream.sse), replayed byte for byte:
    `""` until the last choice event is no finish reason, the usage-only event gives the usage."""
    stream = client(emulator, fault="replay;fixture=stream.sse").chat.completions.create(
        model=MODEL, messages=MESSAGES, stream=True
    )
    result = stream.until_done()
    assert (result.reasoning, result.text, result.finish_reason) == ("Thinking", "Spring wind", "stop")
    assert result.usage is not None
    assert (result.usage.prompt_tokens, result.usage.completion_tokens, result.usage.total_tokens) == (38, 441, 479)


@pytest.mark.parametrize("fault", ["no-terminator", "drop;after=5"])
def test_a_stream_without_done_is_incomplete(emulator: Emulator, fault: str) -> None:
    stream = client(emulator, fault=f"{fault};id={unique('tp')}").chat.completions.create(
        model=MODEL, messages=MESSAGES, stream=True
    )
    with pytest.raises(errors.IncompleteStreamError):
        stream.until_done()


def test_a_stream_cut_inside_the_reasoning_keeps_it_apart_from_the_text(emulator: Emulator) -> None:
    stream = client(emulator, fault=f"drop;after=3;id={unique('tp')}").chat.completions.create(
        model=MODEL, messages=MESSAGES, stream=True
    )
    with pytest.raises(errors.IncompleteStreamError) as cut:
        stream.until_done()
    assert cut.value.text == {0: ""}  # three reasoning events arrived; no text yet


def test_only_the_fields_set_are_sent_and_extra_body_as_given(emulator: Emulator) -> None:
    api = client(emulator)
    api.chat.completions.create(model=MODEL, messages=MESSAGES, top_k=20)
    assert emulator.requests[-1].body == {"model": MODEL, "messages": MESSAGES, "top_k": 20}
    api.chat.completions.create(model=MODEL, messages=MESSAGES, top_k=20, extra_body={"top_k": 40, "min_p": 0.05})
    assert emulator.requests[-1].body == {"model": MODEL, "messages": MESSAGES, "top_k": 40, "min_p": 0.05}


def test_a_member_the_gateway_does_not_know_is_a_typed_error_with_its_string_code(emulator: Emulator) -> None:
    with pytest.raises(errors.BadRequestError) as refused:
        client(emulator).chat.completions.create(model=MODEL, messages=MESSAGES, extra_body={"seed": 7})
    assert emulator.requests[-1].body["seed"] == 7  # sent as given
    assert refused.value.code == "3"
    assert refused.value.message.startswith("seed: unknown member")
    assert refused.value.type == "invalid_request_error"


@pytest.mark.parametrize(
    ("status", "kind", "code"), [(404, errors.NotFoundError, "5"), (401, errors.AuthenticationError, "16")]
)
def test_error_statuses_carry_the_providers_string_code_and_message(
    emulator: Emulator, status: int, kind: type[errors.APIStatusError], code: str
) -> None:
    with pytest.raises(kind) as failed:
        client(emulator, fault=f"status;code={status}", max_retries=0).chat.completions.create(
            model=MODEL, messages=MESSAGES
        )
    assert failed.value.code == code
    assert failed.value.message == f"injected error {status} (status fault)"
    assert f"code {code}" in str(failed.value) or f"'{code}'" in str(failed.value) or code in str(failed.value)


def test_an_error_inside_the_stream_is_a_stream_error_with_its_string_code(emulator: Emulator) -> None:
    stream = client(emulator, fault=f"stream-error;after=2;id={unique('tp')}").chat.completions.create(
        model=MODEL, messages=MESSAGES, stream=True
    )
    with pytest.raises(errors.StreamError) as failed:
        stream.until_done()
    assert failed.value.code == "13"
    assert "injected in-stream error" in failed.value.message


def test_raw_response_and_request_ids(emulator: Emulator) -> None:
    raw = client(emulator).chat.completions.with_raw_response.create(model=MODEL, messages=MESSAGES)
    assert raw.status_code == 200
    completion = raw.parse()
    assert completion.request_id == raw.request_id == emulator.requests[-1].request_id
    stream = client(emulator).chat.completions.create(model=MODEL, messages=MESSAGES, stream=True)
    assert stream.request_id == emulator.requests[-1].request_id
    first = next(iter(stream))
    assert first.request_id == stream.request_id  # every event carries it in its body too
    stream.close()


def test_images_as_content_parts_with_a_data_url(emulator: Emulator, tmp_path: Any) -> None:
    photo = tmp_path / "photo.png"
    photo.write_bytes(PNG)
    completion = client(emulator).chat.completions.create(
        model=MODEL,
        messages=[
            {
                "role": "user",
                "content": [
                    {"type": "text", "text": "What is in the image?"},
                    {"type": "image_url", "image_url": {"url": image_data_url(photo)}},
                ],
            }
        ],
    )
    assert f"[image: image/png, {len(PNG)} bytes]" in (completion.choices[0].message.content or "")
    sent = emulator.requests[-1].body["messages"][0]["content"][1]["image_url"]["url"]
    assert base64.b64decode(sent.split(",", 1)[1]) == PNG


def test_the_next_turn_carries_the_content_only(emulator: Emulator) -> None:
    api = client(emulator)
    history: list[Any] = [{"role": "user", "content": "What is the capital of France?"}]
    reply = api.chat.completions.create(model=MODEL, messages=history)
    assert reply.choices[0].message.reasoning  # a reasoning model: there is reasoning to leave out
    history.append({"role": "assistant", "content": reply.choices[0].message.content or ""})
    history.append({"role": "user", "content": "And Germany?"})
    api.chat.completions.create(model=MODEL, messages=history)
    sent = emulator.requests[-1].body["messages"]
    assert sent[1] == {"role": "assistant", "content": reply.choices[0].message.content}
    assert "reasoning" not in json.dumps(sent)


def test_async_create_and_stream(emulator: Emulator) -> None:
    async def main() -> tuple[Any, Any]:
        async with AsyncSenseNovaTokenPlan(api_key=emulator.api_key(MOUNT), base_url=emulator.base_url(MOUNT)) as api:
            completion = await api.chat.completions.create(model=MODEL, messages=MESSAGES)
            stream = await api.chat.completions.create(model=MODEL, messages=MESSAGES, stream=True)
            async with stream:
                result = await stream.until_done()
            return completion, result

    completion, result = asyncio.run(main())
    assert completion.choices[0].message.reasoning == predict().reasoning
    assert (result.text, result.reasoning) == (predict().text, predict().reasoning)
    assert isinstance(result.usage, TokenPlanUsage)


def test_base_url_and_key_from_the_environment(emulator: Emulator, monkeypatch: pytest.MonkeyPatch) -> None:
    clear_credentials_env(monkeypatch)
    monkeypatch.setenv("SENSENOVA_API_KEY", emulator.api_key(MOUNT))
    monkeypatch.setenv("SENSENOVA_BASE_URL", emulator.base_url("sensenova"))  # the legacy API's, not used here
    assert SenseNovaTokenPlan().base_url == "https://token.sensenova.cn"
    monkeypatch.setenv("SENSENOVA_TOKEN_PLAN_BASE_URL", emulator.base_url(MOUNT))
    with SenseNovaTokenPlan() as api:
        assert api.chat.completions.create(model=MODEL, messages=MESSAGES).choices[0].message.content
    assert emulator.requests[-1].path == f"/{MOUNT}/v1/chat/completions"
    assert SenseNova().base_url == emulator.base_url("sensenova")  # the legacy client is untouched
    monkeypatch.setenv("SENSENOVA_TOKEN_PLAN_BASE_URL", "not a url")
    with pytest.raises(ValueError, match="SENSENOVA_TOKEN_PLAN_BASE_URL"):
        SenseNovaTokenPlan()


def test_api_keys_only(emulator: Emulator, monkeypatch: pytest.MonkeyPatch) -> None:
    clear_credentials_env(monkeypatch)
    monkeypatch.setenv("SENSENOVA_ACCESS_KEY_ID", "emulator-access-key-id")
    monkeypatch.setenv("SENSENOVA_SECRET_ACCESS_KEY", "emulator-secret-access-key")
    with pytest.raises(errors.MissingCredentialsError, match="SENSENOVA_ACCESS_KEY_ID is not used") as missing:
        SenseNovaTokenPlan()
    assert "set SENSENOVA_API_KEY" in str(missing.value)
    with pytest.raises(TypeError, match=r"https://token\.sensenova\.cn takes API keys only"):
        TokenPlanAuthenticatedClient(access_key_id="id", secret_access_key="secret")
    assert sensenova_client.AuthenticatedClient().auth_method == "access_key"  # the legacy client still takes them


def test_the_function_module_with_its_authenticated_client(emulator: Emulator) -> None:
    api = TokenPlanAuthenticatedClient(api_key=emulator.api_key(MOUNT), base_url=emulator.base_url(MOUNT))
    body = TokenPlanChatCompletionRequest.from_dict({"model": MODEL, "messages": MESSAGES})
    with api:
        completion = create_token_plan_chat_completion.sync(client=api, body=body)
        with create_token_plan_chat_completion.stream(client=api, body=body) as events:
            result = events.until_done()
    assert completion.choices[0].message.content == result.text == predict().text
    assert result.reasoning == predict().reasoning


def test_the_key_never_shows_in_errors_or_the_client() -> None:
    with canary_emulator() as canary:
        api = SenseNovaTokenPlan(api_key=CANARY, base_url=canary.base_url(MOUNT), max_retries=0)
        assert_no_secret(repr(api), str(api))
        failures: list[BaseException] = []
        for fault in ("status;code=500", f"stream-error;after=1;id={unique('tp')}"):
            faulty = api.with_options()
            try:
                stream = faulty.chat.completions.create(
                    model=MODEL, messages=MESSAGES, stream=True, extra_headers={"X-Emulator-Fault": fault}
                )
                stream.until_done()
            except errors.APIError as exc:
                failures.append(exc)
        with pytest.raises(errors.AuthenticationError) as refused:
            SenseNovaTokenPlan(api_key=CANARY + "-wrong", base_url=canary.base_url(MOUNT)).chat.completions.create(
                model=MODEL, messages=MESSAGES
            )
        failures.append(refused.value)
    assert [type(f).__name__ for f in failures] == ["InternalServerError", "StreamError", "AuthenticationError"]
    for failure in failures:
        assert_error_hides_secrets(failure)
        assert_no_secret(repr(pickle.loads(pickle.dumps(failure))))
