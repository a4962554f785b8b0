"""Request parameter types: one TypedDict per request object schema of the spec.

`create()` and the other resource methods take these (plain dicts that type-check) or the attrs
models of `eronmind_client.models` wherever a nested object is expected. Request enums are
`Literal` types, so a wrong value fails the type checker. Generated from eronmind.yaml; do not edit.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Required, TypedDict

__all__ = [
    "CompletionRequestParam",
]


class CompletionRequestParam(TypedDict, total=False):
    """Parameters of one text completion call."""

    model: Required[str]
    """Identifier of the model to run; the gateway's model list names the available ones."""
    prompt: Required[str | Sequence[str] | Sequence[int] | Sequence[Sequence[int]]]
    """Text to continue. Accepted forms: a single string, a list of strings, a list of token ids,
    or a list of token-id lists."""
    max_tokens: int
    """Largest number of tokens to generate. Prompt tokens plus this value must fit in the model's
    context window."""
    temperature: float
    """Sampling temperature from 0 to 2. Higher values make the text more random, lower values more
    focused and repeatable. Adjust this or `top_p`, not both."""
    top_p: float
    """Nucleus sampling: only tokens inside the top `top_p` share of probability mass are
    candidates (0.1 keeps the top 10%). Adjust this or `temperature`, not both."""
    n: int
    """Number of completions to produce for each prompt. Each one is billed, so keep `max_tokens`
    and `stop` reasonable."""
    stream: bool
    """When true, tokens are sent as data-only server-sent events as soon as they are ready, and
    the stream ends with a `data: [DONE]` event."""
    logprobs: int | None
    """Return log-probabilities of the sampled token and of this many most likely alternatives at
    each position (at most 5). The answer may then hold up to `logprobs + 1` entries per
    position."""
    stop: str | Sequence[str]
    """Up to four sequences that end generation when produced; the returned text does not include
    them. A single string or a list of strings."""
