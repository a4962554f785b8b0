"""Mistakes that mypy --strict and pyright --strict must both report, each on its marked line."""

from sensenova_client import SenseNova

MODEL = "SenseChat-5"
client = SenseNova()
client.chat.completions.create(model=MODEL, messages=[{"role": "bot", "content": "Hi"}])  # expect-error
client.chat.completions.create(model=MODEL, messages=[], knowlege_config={})  # expect-error
client.chat.completions.create(model=MODEL, messages=[], knowledge_config={"control_levle": "high"})  # expect-error
client.completions.create(model=MODEL, prompt="Hi", max_new_token=5)  # expect-error
for chunk in client.chat.completions.create(model=MODEL, messages=[], stream=True):
    print(chunk.data.choices[0].delta.upper())  # expect-error
    print(chunk.data.choice)  # expect-error
