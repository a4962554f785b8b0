# mypy: disallow-any-expr
"""User code written as for the openai SDK, against sensenova_client (see tests/test_user_code.py).

It runs against the emulator, and passes `mypy --strict` with no `Any` in any expression of this
file, and `pyright --strict`. `assert_type` pins the types a user relies on.
"""

from __future__ import annotations

import asyncio
from typing import assert_type

import httpx2
from sensenova_client import AsyncSenseNova, SenseNova, errors
from sensenova_client.api.chat.create_chat_completion import ChatCompletionStreamResult
from sensenova_client.api.completions.create_completion import CompletionStreamResult
from sensenova_client.models import ChatCompletion, ChatCompletionChunk, Completion, CompletionChunk
from sensenova_client.params import ChatMessageParam, KnowledgeConfigParam
from sensenova_client.streaming import AsyncFinalStream, AsyncStream, FinalStream, Stream

MODEL = "SenseChat-5"


def sync_calls() -> None:
    with SenseNova() as client:
        completion = client.chat.completions.create(model=MODEL, messages=[{"role": "user", "content": "Hello!"}])
        assert_type(completion, ChatCompletion)
        print(completion.data.choices[0].message)

        knowledge: KnowledgeConfigParam = {
            "control_level": "high",
            "knowledge_base_result": True,
            "knowledge_base_configs": [{"know_id": "kb-product-manuals", "faq_threshold": 0.85}],
        }
        grounded = client.chat.completions.create(
            model=MODEL,
            messages=[{"role": "user", "content": "How long is the warranty?"}],
            know_ids=["kb-product-manuals"],
            knowledge_config=knowledge,
            plugins={"web_search": {"search_enable": True, "result_enable": True}},
            max_new_tokens=256,
        )
        assert_type(grounded, ChatCompletion)

        stream = client.chat.completions.create(
            model=MODEL, messages=[{"role": "user", "content": "Weather in Shanghai?"}], stream=True
        )
        assert_type(stream, Stream[ChatCompletionChunk, ChatCompletionStreamResult])
        assert_type(stream.request_id, str | None)
        with stream:
            for chunk in stream:
                assert_type(chunk, ChatCompletionChunk)
                for choice in chunk.data.choices:  # the loop as written: every chunk has `data`
                    print(choice.delta or "", end="")
            result = stream.until_done()
        assert_type(result, ChatCompletionStreamResult)
        text: str = result.text
        print(text, result.finish_reason)

        prompt = client.completions.create(model=MODEL, prompt="Three facts about the Yangtze:", max_new_tokens=64)
        assert_type(prompt, Completion)
        print(prompt.data.choices[0].text)
        pieces = client.completions.create(model=MODEL, prompt="Once upon a time", stream=True)
        assert_type(pieces, Stream[CompletionChunk, CompletionStreamResult])
        for piece in pieces:
            print(piece.data.choices[0].delta if piece.data.choices else "", end="")

        raw = client.chat.completions.with_raw_response.create(
            model=MODEL, messages=[{"role": "user", "content": "Hello!"}]
        )
        request_id: str | None = raw.request_id
        assert_type(raw.parse(), ChatCompletion)
        print(raw.status_code, request_id)

        patient = client.with_options(timeout=120, max_retries=5)
        assert_type(patient, SenseNova)
        patient.chat.completions.create(
            model=MODEL,
            messages=[{"role": "user", "content": "Hello!"}],
            extra_headers={"X-Trace-Id": "order-1234"},
            extra_body={"user": "reader-7"},
            timeout=30,
        )

    try:
        SenseNova(api_key="not-a-valid-key").completions.create(model=MODEL, prompt="Hi")
    except errors.APIStatusError as exc:
        status: int = exc.status_code
        code: str | int | None = exc.code
        kind: str | None = exc.type
        body: object = exc.body
        print(status, exc.message, code, kind, body, exc.request_id)


async def async_calls() -> None:
    async with AsyncSenseNova() as client:
        messages: list[ChatMessageParam] = [{"role": "user", "content": "Hello!"}]
        completion = await client.chat.completions.create(model=MODEL, messages=messages)
        assert_type(completion, ChatCompletion)

        stream = await client.chat.completions.create(model=MODEL, messages=messages, stream=True)
        assert_type(stream, AsyncStream[ChatCompletionChunk, ChatCompletionStreamResult])
        assert_type(stream.request_id, str | None)
        async with stream:
            async for chunk in stream:
                assert_type(chunk, ChatCompletionChunk)
                print("".join(choice.delta or "" for choice in chunk.data.choices), end="")
            result = await stream.until_done()
        print(result.text)

        prompt = await client.completions.create(model=MODEL, prompt="Hi")
        assert_type(prompt, Completion)
        raw = await client.completions.with_raw_response.create(model=MODEL, prompt="Hi", stream=True)
        assert_type(raw.parse(), AsyncStream[CompletionChunk, CompletionStreamResult])
        await raw.parse().aclose()


def openai_hands() -> None:
    """What an openai SDK user writes: http_client=, default headers and query, with_options()
    with a base URL (openai-style, ending in the version folder) and a key, stream() and its
    final answer."""
    with SenseNova(http_client=httpx2.Client(headers={"X-Team": "a"}), default_query={"team": "a"}) as client:
        completion = client.chat.completions.create(model=MODEL, messages=[{"role": "user", "content": "Hello!"}])
        print(completion.request_id)
        other = client.with_options(
            base_url=client.base_url + "/v1", api_key="another-key", default_headers={"X-Team": "b"}
        )
        assert_type(other, SenseNova)
        with client.chat.completions.stream(model=MODEL, messages=[{"role": "user", "content": "Hello!"}]) as stream:
            assert_type(stream, FinalStream[ChatCompletionChunk, ChatCompletionStreamResult, ChatCompletion])
            for chunk in stream:
                assert_type(chunk, ChatCompletionChunk)
            final = stream.get_final_completion()
            assert_type(final, ChatCompletion)
        print(final.to_json(), other.base_url)


async def async_openai_hands() -> None:
    async with AsyncSenseNova(http_client=httpx2.AsyncClient(), default_headers={"X-Team": "a"}) as client:
        async with client.chat.completions.stream(
            model=MODEL, messages=[{"role": "user", "content": "Hello!"}]
        ) as stream:
            assert_type(stream, AsyncFinalStream[ChatCompletionChunk, ChatCompletionStreamResult, ChatCompletion])
            async for chunk in stream:
                assert_type(chunk, ChatCompletionChunk)
            final = await stream.get_final_completion()
            assert_type(final, ChatCompletion)
        print(final.request_id)


if __name__ == "__main__":
    sync_calls()
    asyncio.run(async_calls())
    openai_hands()
    asyncio.run(async_openai_hands())
