# mypy: disallow-any-expr
"""User code written as for the openai SDK, against eronmind_client (see tests/test_user_code.py).

It runs against the emulator, and passes `mypy --strict` with no `Any` in any expression of this
file, and `pyright --strict`. `assert_type` pins the types a user relies on.
"""

from __future__ import annotations

import asyncio
from typing import assert_type

from eronmind_client import AsyncEronmind, Eronmind, errors
from eronmind_client.api.completions.create_completion import CompletionStreamResult
from eronmind_client.models import Completion, CompletionChunk
from eronmind_client.streaming import AsyncStream, Stream

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


if __name__ == "__main__":
    sync_calls()
    asyncio.run(async_calls())
