"""Three PPInfra completions at once with the async client, then a streamed one with its usage.

    PPINFRA_BASE_URL=http://127.0.0.1:8000/ppinfra PPINFRA_API_KEY=ppinfra-emulator-key \
        .venv/bin/python examples/ppinfra_async.py

PPINFRA_API_KEY is required; PPINFRA_BASE_URL defaults to https://api.ppinfra.com.
"""

import asyncio
import sys

from ppinfra_client import AsyncPPInfra

MODEL = "meta-llama/llama-3.1-8b-instruct"


async def main() -> None:
    async with AsyncPPInfra() as client:
        print(f"# {client.base_url}", file=sys.stderr)
        prompts = ["A haiku about autumn rain:", "A haiku about spring wind:", "A haiku about winter snow:"]
        answers = await asyncio.gather(
            *(client.completions.create(model=MODEL, prompt=prompt, max_tokens=32) for prompt in prompts)
        )
        for prompt, answer in zip(prompts, answers, strict=True):
            print(f"{prompt} {answer.choices[0].text}")

        stream = await client.completions.create(
            model=MODEL, prompt="Say this is a test", max_tokens=32, stream=True, stream_options={"include_usage": True}
        )
        async with stream:
            async for text in stream.iter_text():
                print(text, end="", flush=True)
            result = await stream.until_done()
        print(f"\n# usage: {result.usage}", file=sys.stderr)


if __name__ == "__main__":
    asyncio.run(main())
