"""The official openai SDK against the emulator's SenseNova Token Plan route, as SenseNova's page
says to use it (`base_url=<host>/v1`): the emulator speaks the wire format a third-party client
expects, and the differences the issue names are real (openai's objects hide `reasoning` in
`model_extra`, and a stream cut before `[DONE]` ends its loop quietly, where ours raise).
"""

from __future__ import annotations

from collections.abc import Iterator

import openai
import pytest

from emulator import Emulator, generation

MOUNT = "sensenova-token-plan"
MODEL = "sensenova-6.7-flash-lite"
MESSAGES = [{"role": "user", "content": "Write a poem about spring."}]


@pytest.fixture
def client(emulator: Emulator) -> Iterator[openai.OpenAI]:
    base_url = emulator.base_url(MOUNT) + "/v1"  # as the page writes it: the SDK adds /chat/completions
    with openai.OpenAI(base_url=base_url, api_key=emulator.api_key(MOUNT), max_retries=0) as sdk:
        yield sdk


def predicted() -> generation.Choice:
    (choice,) = generation.predict("sensenova", "create_token_plan_chat_completion", {"messages": MESSAGES})
    return choice


def test_openai_sdk_reads_the_answer_with_reasoning_only_as_an_extra(client: openai.OpenAI) -> None:
    completion = client.chat.completions.create(model=MODEL, messages=MESSAGES, max_tokens=2000)  # type: ignore[arg-type]
    message = completion.choices[0].message
    assert message.content == predicted().text
    assert (message.model_extra or {})["reasoning"] == predicted().reasoning  # untyped, outside the model
    assert completion.choices[0].finish_reason == "stop"
    assert completion.usage is not None
    assert completion.usage.completion_tokens == predicted().completion_tokens
    assert completion.usage.prompt_tokens_details is not None


def test_openai_sdk_streams_reasoning_then_content_and_the_usage_event(client: openai.OpenAI) -> None:
    chunks = list(client.chat.completions.create(model=MODEL, messages=MESSAGES, stream=True))  # type: ignore[call-overload]
    *parts, last = chunks
    reasoning = "".join((c.choices[0].delta.model_extra or {}).get("reasoning", "") for c in parts)
    content = "".join(c.choices[0].delta.content or "" for c in parts)
    assert (reasoning, content) == (predicted().reasoning, predicted().text)
    assert [c.choices[0].finish_reason for c in parts][-2:] == ["", "stop"]  # "" on the wire until the end
    assert last.choices == [] and last.usage is not None
    assert last.usage.total_tokens == last.usage.prompt_tokens + predicted().completion_tokens


def test_openai_sdk_sends_extra_body_as_given_and_sees_the_string_code(
    client: openai.OpenAI, emulator: Emulator
) -> None:
    answer = client.chat.completions.create(
        model=MODEL,
        messages=MESSAGES,  # type: ignore[arg-type]
        extra_body={"top_k": 20, "min_p": 0.0, "repetition_penalty": 1.0},
    )
    assert answer.choices[0].message.content == predicted().text
    assert {"top_k": 20, "min_p": 0.0, "repetition_penalty": 1.0}.items() <= emulator.requests[-1].body.items()
    with pytest.raises(openai.BadRequestError) as refused:
        client.chat.completions.create(model=MODEL, messages=MESSAGES, seed=7)  # type: ignore[arg-type]
    assert refused.value.code == "3"
    assert "seed: unknown member" in refused.value.message
    with pytest.raises(openai.NotFoundError) as missing:
        client.chat.completions.create(
            model=MODEL,
            messages=MESSAGES,  # type: ignore[arg-type]
            extra_headers={"X-Emulator-Fault": "status;code=404"},
        )
    assert missing.value.code == "5"


def test_openai_sdk_ends_a_cut_stream_quietly(client: openai.OpenAI) -> None:
    """What the issue says the openai SDK misses, on the emulator's `no-terminator` fault; the
    package's own clients raise IncompleteStreamError there (tests/test_token_plan.py)."""
    chunks = list(
        client.chat.completions.create(
            model=MODEL,
            messages=MESSAGES,  # type: ignore[arg-type]
            stream=True,
            extra_headers={"X-Emulator-Fault": "no-terminator"},
        )
    )
    assert chunks and chunks[-1].choices == []  # every event arrived, but no [DONE]: no error either
