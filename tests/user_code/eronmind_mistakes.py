"""Mistakes that mypy --strict and pyright --strict must both report, each on its marked line."""

from eronmind_client import Eronmind

MODEL = "gpt-3.5-turbo-instruct"
client = Eronmind()
client.completions.create(model=MODEL, prompt="Hi", max_token=7)  # expect-error
client.completions.create(model=MODEL, prompt="Hi", temperature="hot")  # expect-error
