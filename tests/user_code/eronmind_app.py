# mypy: disallow-any-expr
"""User code written as for the openai SDK, against eronmind_client (see tests/test_user_code.py).

It runs against the emulator, and passes `mypy --strict` with no `Any` in any expression of this
file, and `pyright --strict`. `assert_type` pins the types a user relies on.
"""

from __future__ import annotations

import asyncio
from typing import assert_type

import httpx2
from eronmind_client import AsyncEronmind, Eronmind, errors
from eronmind_client.api.completions.create_completion import CompletionStreamResult
from eronmind_client.models import Completion, CompletionChunk
from eronmind_client.streaming import AsyncFinalStream, AsyncStream, FinalStream, Stream

MODEL = "gpt-3.5-turbo-instruct"


def sync_calls() -> None:
    with Eronmind() as client:
        completion = client.completions.create(model=MODEL, prompt="Say this is a test", max_tokens=7)
        assert_type(completion, Completion)
        print(completion.choices[0].text)

        stream = client.completions.create(model=MODEL, prompt="Say this is a test", stream=True, stop=["\n"])
        assert_type(stream, Stream[CompletionChunk, CompletionStreamResult])
        assert_type(stream.request_id, str | None)
        for chunk in stream:
            assert_type(chunk, CompletionChunk)
        result = stream.until_done()
        assert_type(result, CompletionStreamResult)
        print(result.text, result.finish_reason)

        raw = client.completions.with_raw_response.create(model=MODEL, prompt="Hi", temperature=0)
        assert_type(raw.parse(), Completion)
        print(raw.status_code, raw.request_id)

        quick = client.with_options(timeout=10)
        assert_type(quick, Eronmind)
        quick.completions.create(model=MODEL, prompt="Hi", extra_body={"seed": 42}, max_retries=0)

    try:
        Eronmind(api_key="not-a-valid-key").completions.create(model=MODEL, prompt="Hi")
    except errors.AuthenticationError as exc:
        print(exc.status_code, exc.message)


async def async_calls() -> None:
    async with AsyncEronmind() as client:
        completion = await client.completions.create(model=MODEL, prompt="Say this is a test")
        assert_type(completion, Completion)
        stream = await client.completions.create(model=MODEL, prompt="Say this is a test", stream=True)
        assert_type(stream, AsyncStream[CompletionChunk, CompletionStreamResult])
        assert_type(stream.request_id, str | None)
        async with stream:
            print("".join([text async for text in stream.iter_text()]))


def openai_hands() -> None:
    """What an openai SDK user writes: http_client=, default headers and query, with_options()
    with a base URL (openai-style, ending in the version folder) and a key, stream() and its
    final answer."""
    with Eronmind(http_client=httpx2.Client(headers={"X-Team": "a"}), default_query={"team": "a"}) as client:
        completion = client.completions.create(model=MODEL, prompt="Say this is a test")
        kind: str = completion.object  # the JSON name, as in the openai SDK (object_ works too)
        print(kind, completion.object_)
        other = client.with_options(
            base_url=client.base_url + "/v1", api_key="another-key", default_headers={"X-Team": "b"}
        )
        assert_type(other, Eronmind)
        with client.completions.stream(model=MODEL, prompt="Say this is a test") as stream:
            assert_type(stream, FinalStream[CompletionChunk, CompletionStreamResult, Completion])
            for chunk in stream:
                assert_type(chunk, CompletionChunk)
            final = stream.get_final_completion()
            assert_type(final, Completion)
        print(final.to_json(), other.base_url)


async def async_openai_hands() -> None:
    async with AsyncEronmind(http_client=httpx2.AsyncClient(), default_headers={"X-Team": "a"}) as client:
        async with client.completions.stream(model=MODEL, prompt="Say this is a test") as stream:
            assert_type(stream, AsyncFinalStream[CompletionChunk, CompletionStreamResult, Completion])
            async for chunk in stream:
                assert_type(chunk, CompletionChunk)
            final = await stream.get_final_completion()
            assert_type(final, Completion)
        print(final.request_id)


if __name__ == "__main__":
    sync_calls()
    asyncio.run(async_calls())
    openai_hands()
    asyncio.run(async_openai_hands())
