# mypy: disallow-any-expr
"""User code written as for the openai SDK, against lanrui_client (see tests/test_user_code.py).

It runs against the emulator, and passes `mypy --strict` with no `Any` in any expression of this
file, and `pyright --strict`. `assert_type` pins the types a user relies on.
"""

from __future__ import annotations

import asyncio
from typing import assert_type

import httpx2
from lanrui_client import AsyncLanrui, Lanrui, errors
from lanrui_client.api.chat.create_chat_completion import ChatCompletionStreamResult
from lanrui_client.models import ChatCompletion, ChatCompletionChunk
from lanrui_client.params import ChatMessageParam
from lanrui_client.streaming import AsyncFinalStream, AsyncStream, FinalStream, Stream

MODEL = "meta-llama/Llama-2-7b-chat-hf"


def sync_calls() -> None:
    with Lanrui() as client:
        completion = client.chat.completions.create(model=MODEL, messages=[{"role": "user", "content": "Hello!"}])
        assert_type(completion, ChatCompletion)
        print(completion.choices[0].message.content)

        history: list[ChatMessageParam] = [
            {"role": "system", "content": "You are a concise assistant."},
            {"role": "user", "content": "Name a prime number."},
        ]
        stream = client.chat.completions.create(model=MODEL, messages=history, stream=True, temperature=0.2)
        assert_type(stream, Stream[ChatCompletionChunk, ChatCompletionStreamResult])
        assert_type(stream.request_id, str | None)
        for chunk in stream:
            assert_type(chunk, ChatCompletionChunk)
            print(chunk.id, end=" ")
        result = stream.until_done()
        assert_type(result, ChatCompletionStreamResult)
        text: str = result.text
        finish: str | None = result.finish_reason
        print(text, finish)

        with client.chat.completions.create(model=MODEL, messages=history, stream=True) as again:
            pieces: list[str] = list(again.iter_text())
        print("".join(pieces))

        raw = client.chat.completions.with_raw_response.create(model=MODEL, messages=history, max_tokens=16)
        status: int = raw.status_code
        request_id: str | None = raw.request_id
        response: httpx2.Response = raw.http_response
        assert_type(raw.parse(), ChatCompletion)
        print(status, request_id, raw.headers["content-type"], response.http_version)

        quick = client.with_options(timeout=20, max_retries=0)
        assert_type(quick, Lanrui)
        quick.chat.completions.create(
            model=MODEL,
            messages=history,
            extra_headers={"X-Trace-Id": "order-1234"},
            extra_query={"debug": "1"},
            extra_body={"seed": 42, "top_k": 40},
            timeout=httpx2.Timeout(10, connect=2),
            max_retries=1,
        )

    wrong_key = Lanrui(api_key="not-a-valid-key")
    try:
        wrong_key.chat.completions.create(model=MODEL, messages=[{"role": "user", "content": "Hi"}])
    except errors.AuthenticationError as exc:
        code: int = exc.status_code
        message: str = exc.message
        print(code, message, exc.request_id)
    except errors.APIConnectionError as exc:
        print("no answer:", exc)


async def async_calls() -> None:
    async with AsyncLanrui() as client:
        messages: list[ChatMessageParam] = [{"role": "user", "content": "Hello!"}]
        completion = await client.chat.completions.create(model=MODEL, messages=messages)
        assert_type(completion, ChatCompletion)

        stream = await client.chat.completions.create(model=MODEL, messages=messages, stream=True)
        assert_type(stream, AsyncStream[ChatCompletionChunk, ChatCompletionStreamResult])
        assert_type(stream.request_id, str | None)
        async with stream:
            async for chunk in stream:
                assert_type(chunk, ChatCompletionChunk)
            result = await stream.until_done()
        print(result.text)

        raw = await client.chat.completions.with_raw_response.create(model=MODEL, messages=messages)
        assert_type(raw.parse(), ChatCompletion)
        quick = client.with_options(max_retries=0)
        assert_type(quick, AsyncLanrui)


def openai_hands() -> None:
    """What an openai SDK user writes: http_client=, default headers and query, with_options()
    with a base URL (openai-style, ending in the version folder) and a key, stream() and its
    final answer."""
    with Lanrui(http_client=httpx2.Client(headers={"X-Team": "a"}), default_query={"team": "a"}) as client:
        completion = client.chat.completions.create(model=MODEL, messages=[{"role": "user", "content": "Hello!"}])
        kind: str = completion.object  # the JSON name, as in the openai SDK (object_ works too)
        print(kind, completion.object_)
        other = client.with_options(
            base_url=client.base_url + "/v1", api_key="another-key", default_headers={"X-Team": "b"}
        )
        assert_type(other, Lanrui)
        with client.chat.completions.stream(model=MODEL, messages=[{"role": "user", "content": "Hello!"}]) as stream:
            assert_type(stream, FinalStream[ChatCompletionChunk, ChatCompletionStreamResult, ChatCompletion])
            for chunk in stream:
                assert_type(chunk, ChatCompletionChunk)
            final = stream.get_final_completion()
            assert_type(final, ChatCompletion)
        print(final.to_json(), other.base_url)


async def async_openai_hands() -> None:
    async with AsyncLanrui(http_client=httpx2.AsyncClient(), default_headers={"X-Team": "a"}) as client:
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
