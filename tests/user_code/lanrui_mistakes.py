"""Mistakes that mypy --strict and pyright --strict must both report, each on its marked line."""

from lanrui_client import Lanrui

MODEL = "meta-llama/Llama-2-7b-chat-hf"
client = Lanrui()
client.chat.completions.create(model=MODEL, messages=[{"role": "robot", "content": "Hi"}])  # expect-error
client.chat.completions.create(model=MODEL, messages=[], temprature=0.5)  # expect-error
client.chat.completions.create(model=MODEL, messages=[{"role": "user", "contents": "Hi"}])  # expect-error
