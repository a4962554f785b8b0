# mypy: disallow-any-expr
"""User code written as for the openai SDK, against sensenova_client's Token Plan clients
(SenseNovaTokenPlan, see tests/test_user_code.py): reasoning, images, the next turn, errors.

It runs against the emulator, and passes `mypy --strict` with no `Any` in any expression of this
file, and `pyright --strict`. `assert_type` pins the types a user relies on.
"""

from __future__ import annotations

import asyncio
from typing import assert_type

import httpx2
from sensenova_client import AsyncSenseNovaTokenPlan, SenseNovaTokenPlan, errors, image_data_url
from sensenova_client.api.token_plan.create_token_plan_chat_completion import TokenPlanChatCompletionStreamResult
from sensenova_client.models import TokenPlanChatCompletion, TokenPlanChatCompletionChunk, TokenPlanUsage
from sensenova_client.params import TokenPlanContentPartParam, TokenPlanMessageParam
from sensenova_client.streaming import AsyncFinalStream, AsyncStream, FinalStream, Stream

MODEL = "sensenova-6.7-flash-lite"
PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"
    b"\x00\x00\x00\rIDATx\xdac\xfc\xcf\xc0P\x0f\x00\x04\x85\x01\x80\x84\xa9\x8c!\x00\x00\x00\x00IEND\xaeB`\x82"
)


def sync_calls() -> None:
    with SenseNovaTokenPlan() as client:
        history: list[TokenPlanMessageParam] = [
            {"role": "system", "content": "You are a concise assistant."},
            {"role": "user", "content": "What is the capital of France?"},
        ]
        completion = client.chat.completions.create(model=MODEL, messages=history, max_tokens=2000)
        assert_type(completion, TokenPlanChatCompletion)
        message = completion.choices[0].message
        answer: str | None = message.content
        thinking: str | None = message.reasoning
        print(answer, thinking, completion.request_id)
        # The next turn: the reply's content only, never its reasoning.
        history.append({"role": "assistant", "content": message.content or ""})
        history.append({"role": "user", "content": "And Germany?"})

        stream = client.chat.completions.create(
            model=MODEL, messages=history, stream=True, temperature=1.0, top_p=0.95, top_k=20, min_p=0.0
        )
        assert_type(stream, Stream[TokenPlanChatCompletionChunk, TokenPlanChatCompletionStreamResult])
        with stream:
            for chunk in stream:
                assert_type(chunk, TokenPlanChatCompletionChunk)
                for choice in chunk.choices:
                    piece: str | None = choice.delta.reasoning or choice.delta.content
                    print(piece or "", end="")
            result = stream.until_done()
        assert_type(result, TokenPlanChatCompletionStreamResult)
        text: str = result.text
        reasoning: str | None = result.reasoning
        per_choice: str | None = result.choices[0].reasoning
        usage: TokenPlanUsage | None = result.usage
        print(text, reasoning, per_choice, usage.total_tokens if usage is not None else None)

        parts: list[TokenPlanContentPartParam] = [
            {"type": "text", "text": "What is in the image?"},
            {"type": "image_url", "image_url": {"url": image_data_url(PNG)}},
        ]
        seen = client.chat.completions.create(model=MODEL, messages=[{"role": "user", "content": parts}])
        print(seen.choices[0].message.content)

        raw = client.chat.completions.with_raw_response.create(model=MODEL, messages=history)
        request_id: str | None = raw.request_id
        assert_type(raw.parse(), TokenPlanChatCompletion)
        print(raw.status_code, request_id)

        try:
            client.chat.completions.create(model=MODEL, messages=history, extra_body={"seed": 42})
        except errors.BadRequestError as exc:
            code: str | int | None = exc.code
            print(exc.status_code, code, exc.message)


async def async_calls() -> None:
    async with AsyncSenseNovaTokenPlan() as client:
        completion = await client.chat.completions.create(model=MODEL, messages=[{"role": "user", "content": "Hi"}])
        assert_type(completion, TokenPlanChatCompletion)
        stream = await client.chat.completions.create(
            model=MODEL, messages=[{"role": "user", "content": "Hi"}], stream=True
        )
        assert_type(stream, AsyncStream[TokenPlanChatCompletionChunk, TokenPlanChatCompletionStreamResult])
        async with stream:
            result = await stream.until_done()
        print(result.reasoning, result.text)


def openai_hands() -> None:
    """What an openai SDK user writes: http_client=, default headers and query, with_options()
    with a base URL (openai-style, ending in the version folder) and a key, stream() and its
    final answer."""
    with SenseNovaTokenPlan(http_client=httpx2.Client(headers={"X-Team": "a"}), default_query={"team": "a"}) as client:
        completion = client.chat.completions.create(model=MODEL, messages=[{"role": "user", "content": "Hello!"}])
        kind: str | None = completion.object  # the JSON name, as in the openai SDK (object_ works too)
        print(kind, completion.object_)
        other = client.with_options(
            base_url=client.base_url + "/v1", api_key="another-key", default_headers={"X-Team": "b"}
        )
        assert_type(other, SenseNovaTokenPlan)
        with client.chat.completions.stream(model=MODEL, messages=[{"role": "user", "content": "Hello!"}]) as stream:
            assert_type(
                stream,
                FinalStream[TokenPlanChatCompletionChunk, TokenPlanChatCompletionStreamResult, TokenPlanChatCompletion],
            )
            for chunk in stream:
                assert_type(chunk, TokenPlanChatCompletionChunk)
            final = stream.get_final_completion()
            assert_type(final, TokenPlanChatCompletion)
        print(final.to_json(), other.base_url)


async def async_openai_hands() -> None:
    async with AsyncSenseNovaTokenPlan(http_client=httpx2.AsyncClient(), default_headers={"X-Team": "a"}) as client:
        async with client.chat.completions.stream(
            model=MODEL, messages=[{"role": "user", "content": "Hello!"}]
        ) as stream:
            assert_type(
                stream,
                AsyncFinalStream[
                    TokenPlanChatCompletionChunk, TokenPlanChatCompletionStreamResult, TokenPlanChatCompletion
                ],
            )
            async for chunk in stream:
                assert_type(chunk, TokenPlanChatCompletionChunk)
            final = await stream.get_final_completion()
            assert_type(final, TokenPlanChatCompletion)
        print(final.request_id)


if __name__ == "__main__":
    sync_calls()
    asyncio.run(async_calls())
    openai_hands()
    asyncio.run(async_openai_hands())
