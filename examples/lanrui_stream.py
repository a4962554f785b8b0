"""Stream a Lanrui chat answer to the terminal.

    LANRUI_BASE_URL=http://127.0.0.1:8000/lanrui LANRUI_API_KEY=lanrui-emulator-key \
        .venv/bin/python examples/lanrui_stream.py "Which rivers cross the old town?"

LANRUI_API_KEY is required; LANRUI_BASE_URL defaults to https://api.lanrui.co (the emulator of
`make serve PORT=8000` is at http://127.0.0.1:8000/lanrui).
"""

import sys

from lanrui_client import Lanrui, errors
from lanrui_client.params import ChatMessageParam


def main() -> int:
    question = " ".join(sys.argv[1:]) or "Say hello in Chinese and in English."
    messages: list[ChatMessageParam] = [{"role": "user", "content": question}]
    with Lanrui() as client:
        print(f"# {client.base_url}", file=sys.stderr)
        try:
            with client.chat.completions.create(
                model="meta-llama/Llama-2-7b-chat-hf", messages=messages, stream=True
            ) as stream:
                for text in stream.iter_text():
                    print(text, end="", flush=True)
                result = stream.until_done()
        except errors.APIError as exc:
            print(f"\nfailed: {exc}", file=sys.stderr)
            return 1
    print(f"\n# finish reason: {result.finish_reason}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
