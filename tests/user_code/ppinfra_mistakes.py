"""Mistakes that mypy --strict and pyright --strict must both report, each on its marked line."""

from ppinfra_client import PPInfra

MODEL = "meta-llama/llama-3.1-8b-instruct"
client = PPInfra()
client.completions.create(model=MODEL, prompt="Hi", top_kk=40)  # expect-error
client.completions.create(model=MODEL, prompt="Hi", stream=True, stream_options={"include_usge": True})  # expect-error
