"""Stream a SenseNova chat answer, signing in with an access key pair (or an API key).

    SENSENOVA_BASE_URL=http://127.0.0.1:8000/sensenova \
    SENSENOVA_ACCESS_KEY_ID=emulator-access-key-id SENSENOVA_SECRET_ACCESS_KEY=emulator-secret-access-key \
        .venv/bin/python examples/sensenova_stream.py "Three facts about the Yangtze river"

The client mints the JWT from the pair itself; SENSENOVA_API_KEY works instead of the pair.
SENSENOVA_BASE_URL defaults to https://api.sensenova.cn.
"""

import sys

from sensenova_client import SenseNova, errors
from sensenova_client.params import ChatMessageParam


def main() -> int:
    question = " ".join(sys.argv[1:]) or "Say hello in Chinese and in English."
    messages: list[ChatMessageParam] = [{"role": "user", "content": question}]
    with SenseNova() as client:
        print(f"# {client.base_url}", file=sys.stderr)
        try:
            with client.chat.completions.create(model="SenseChat-5", messages=messages, stream=True) as stream:
                for chunk in stream:  # a SenseNova frame carries its answer under `data`
                    for choice in chunk.data.choices:
                        print(choice.delta or "", end="", flush=True)
                result = stream.until_done()
        except errors.APIError as exc:
            print(f"\nfailed: {exc}", file=sys.stderr)
            return 1
    print(f"\n# finish reason: {result.finish_reason}, usage: {result.usage}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
