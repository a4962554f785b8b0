"""Chat completions over a Ray Data dataset of prompts, one client per worker (the recipe of
docs/distributed.md, run by tests/test_ray_recipe.py against the emulator).

    LANRUI_API_KEY=... [LANRUI_BASE_URL=...] [RAY_ADDRESS=...] python docs/ray_batch.py

Reads LANRUI_API_KEY (and LANRUI_BASE_URL, e.g. the emulator's http://127.0.0.1:8000/lanrui) in
each Ray worker. `map_batches` runs the callable class `Complete` in a pool of `workers` actors:
each builds its client once, in `__init__`, inside its worker, so no connection pool or key is
ever shipped; the client's own retries absorb rate limits, and a row that still fails is
recorded in its `error` column instead of failing the batch (Ray would run a failed batch again
and send its finished calls twice). docs/distributed.md says why these settings.
"""

from __future__ import annotations

import os
from typing import Any

import ray
import ray.data
from lanrui_client import Lanrui, errors

MODEL = "meta-llama/Llama-2-7b-chat-hf"


class Complete:
    """One worker's client and the calls of each batch it is given (one at a time)."""

    def __init__(self, model: str = MODEL, client_args: dict[str, Any] | None = None) -> None:
        self.model = model
        # 4 retries with backoff and the server's Retry-After carry a batch through 429 bursts; the
        # deadline bounds one row (retries included), so a stalled call cannot hold the batch.
        settings: dict[str, Any] = {"max_retries": 4, "timeout": 60, "deadline": 300, **(client_args or {})}
        self.client = Lanrui(**settings)  # the key from this worker's LANRUI_API_KEY

    def __call__(self, batch: dict[str, Any]) -> dict[str, list[str]]:
        answers, request_ids, failures = [], [], []
        for prompt in batch["prompt"]:
            try:
                completion = self.client.chat.completions.create(
                    model=self.model, messages=[{"role": "user", "content": str(prompt)}]
                )
            except errors.APIError as exc:  # after the client's retries: this row only
                answers.append("")
                request_ids.append(getattr(exc, "request_id", None) or "")
                failures.append(f"{type(exc).__name__}: {exc}")
                continue
            answers.append(completion.choices[0].message.content or "")
            request_ids.append(completion.request_id or "")
            failures.append("")
        return {
            "prompt": [str(p) for p in batch["prompt"]],
            "answer": answers,
            "request_id": request_ids,
            "error": failures,
        }


def complete_all(
    prompts: list[str], *, workers: int = 2, batch_size: int = 8, client_args: dict[str, Any] | None = None
) -> list[dict[str, Any]]:
    """One row per prompt: prompt, answer, request_id and error ("" when it worked), in no set order.

    `workers` actors run at once, so at most that many calls are in flight: set it to what the
    provider's rate limit allows. An actor waits on the network, hence a quarter CPU each.
    """
    dataset = ray.data.from_items([{"prompt": prompt} for prompt in prompts])
    answered = dataset.map_batches(
        Complete,
        fn_constructor_kwargs={"client_args": client_args},
        batch_size=batch_size,
        concurrency=workers,
        num_cpus=0.25,
    )
    return answered.take_all()


if __name__ == "__main__":
    ray.init(address=os.environ.get("RAY_ADDRESS", "local"))  # a cluster's, else a Ray of its own here
    for row in complete_all(["Hello!", "Name a colour.", "Say something nice."]):
        print(row["error"] or row["answer"])
