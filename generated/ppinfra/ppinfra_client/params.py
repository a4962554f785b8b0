"""Request parameter types: one TypedDict per request object schema of the spec.

`create()` and the other resource methods take these (plain dicts that type-check) or the attrs
models of `ppinfra_client.models` wherever a nested object is expected. Request enums are
`Literal` types, so a wrong value fails the type checker. Generated from ppinfra.yaml; do not edit.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Required, TypeAlias, TypedDict

if TYPE_CHECKING:  # the annotations are strings at run time
    from .models import LogitBias, StreamOptions

__all__ = [
    "CompletionRequestParam",
    "LogitBiasParam",
    "StreamOptionsParam",
]

LogitBiasParam: TypeAlias = "Mapping[str, int]"
"""Maps token ids (as strings) to a bias from -100 to 100 added to that token's logit; large
negative values ban a token, large positive values force it."""


class CompletionRequestParam(TypedDict, total=False):
    """Parameters of one text completion call."""

    model: Required[str]
    """Name of the model to run, as listed in the provider's model catalogue."""
    prompt: Required[str | Sequence[str] | Sequence[int] | Sequence[Sequence[int]]]
    """Text to continue. Accepted forms: a single string, a list of strings, a list of token ids,
    or a list of token-id lists."""
    max_tokens: int
    """Largest number of tokens to generate. Prompt tokens plus this value must fit in the model's
    context window."""
    stream: bool | None
    """When true, tokens are sent as data-only server-sent events and the stream ends with a `data:
    [DONE]` event.

    Default: `false` (applied by the server)."""
    stream_options: StreamOptionsParam | StreamOptions
    n: int | None
    """Number of completions to produce for each prompt, from 1 up to (not including) 128. Every
    completion is billed, so keep `max_tokens` and `stop` reasonable.

    Default: `1` (applied by the server)."""
    seed: int | None
    """Makes sampling as deterministic as the backend allows: repeating a request with the same
    seed and parameters should give the same result."""
    frequency_penalty: float | None
    """Strictly between -2 and 2. Positive values penalise a token in proportion to how often it
    has already appeared, reducing verbatim repetition; negative values encourage it. Around 0.1
    to 1 reduces repetition mildly.

    Default: `0` (applied by the server)."""
    presence_penalty: float | None
    """Strictly between -2 and 2. Positive values penalise any token that has already appeared at
    least once, nudging the model toward new topics; negative values encourage repetition.

    Default: `0` (applied by the server)."""
    repetition_penalty: float | None
    """Multiplicative repetition control, strictly between 0 and 2: 1.0 leaves tokens alone, values
    above 1.0 discourage repeats, values below 1.0 favour them (1.2 is a common choice). For
    decoder-only models it applies to prompt and output tokens alike."""
    stop: str | Sequence[str] | None
    """Up to four sequences that end generation when produced: a single string or a list of
    strings. The provider states that the returned text includes the matched sequence."""
    temperature: float | None
    """Randomness of sampling, strictly between 0 and 2. Higher values give more varied text, lower
    values more focused text. Adjust this or `top_p`, not both.

    Default: `1` (applied by the server)."""
    top_p: float | None
    """Nucleus sampling: only tokens inside the top `top_p` share of probability mass are
    candidates. Greater than 0, at most 1. Adjust this or `temperature`, not both."""
    top_k: int | None
    """Keep only the k most likely next tokens and renormalise over them; from 1 up to (not
    including) 128."""
    min_p: float | None
    """Smallest probability, relative to the most likely token, that a token needs to stay a
    candidate; from 0 to 1."""
    logit_bias: LogitBiasParam | LogitBias
    logprobs: int | None
    """Return log-probabilities of the sampled tokens together with this many most likely
    alternatives per position; at most 5."""
    best_of: int
    """Generate this many candidates on the server and return the best ones (highest log-
    probability per token). Must exceed `n` when both are set; cannot be streamed. Every
    candidate is billed.

    Default: `1` (applied by the server)."""


class StreamOptionsParam(TypedDict, total=False):
    """Options of a streamed answer; only meaningful when `stream` is true."""

    include_usage: bool
    """When true, one more event is sent before `data: [DONE]`: its `choices` list is empty and its
    `usage` holds the token counts of the whole request."""
