"""Mistakes that mypy --strict and pyright --strict must both report, each on its marked line."""

from sensenova_client import SenseNovaTokenPlan

MODEL = "sensenova-6.7-flash-lite"
client = SenseNovaTokenPlan()
reply = client.chat.completions.create(model=MODEL, messages=[{"role": "user", "content": "Hi"}])
client.chat.completions.create(model=MODEL, messages=[{"role": "tool", "content": "Hi"}])  # expect-error
client.chat.completions.create(model=MODEL, messages=[], top_kk=20)  # expect-error
client.chat.completions.create(model=MODEL, messages=[], n=2)  # expect-error
client.chat.completions.create(  # reasoning never goes back into the history
    model=MODEL,
    messages=[{"role": "assistant", "content": "Paris.", "reasoning": "..."}],  # expect-error
)
client.chat.completions.create(
    model=MODEL,
    messages=[{"role": "user", "content": [{"type": "image", "url": "https://example.com/a.png"}]}],  # expect-error
)
SenseNovaTokenPlan(access_key_id="id", secret_access_key="secret")  # expect-error
text: str = reply.choices[0].message.content  # expect-error
