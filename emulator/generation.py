"""Deterministic "model output" derived from a request, as pure functions tests can call.

The reply to a prompt echoes it and adds a few filler words chosen by a PRNG seeded with the
prompt, the choice's position and the request's `seed`, so the same request always gets the same
text and a different `seed` gets a different one. A token is a run of whitespace plus the
following non-space characters (`" is"`), so the tokens of a text join back to it exactly.

    from emulator.generation import predict
    choices = predict("ppinfra", "create_completion", body)   # -> [Choice(index, tokens, finish_reason, ...)]
    "".join(choices[0].tokens)

Request fields honoured: the prompt or the messages, `n`, `best_of`, `seed`, `stop` (string or
list), the max-tokens field of the spec, `logprobs`, and trigger markers: a prompt containing
`[[<reason>]]`, where `<reason>` is a finish reason the spec lists besides `stop` and `length`
(SenseNova: `[[sensitive]]`, `[[context]]`), ends after at most three tokens with that reason.
"""

from __future__ import annotations

import hashlib
import random
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from emulator.dialect import Operation, find

VOCABULARY = (
    "bright",
    "river",
    "calm",
    "stone",
    "quick",
    "leaf",
    "quiet",
    "hill",
    "warm",
    "light",
    "open",
    "road",
    "clear",
    "sky",
    "small",
    "boat",
    "green",
    "field",
    "soft",
    "rain",
    "tall",
    "tree",
    "deep",
    "lake",
)
MAX_ECHO_WORDS = 12
TRIGGER_TOKENS = 3
MAX_CHOICES = 512  # n times the number of prompts; more is refused as too large
MAX_BEST_OF = 16  # best_of above this is treated as this
_TOKEN = re.compile(r"\s*\S+")
_TRIGGER = re.compile(r"\[\[([a-z_]+)\]\]")


@dataclass(frozen=True)
class TokenLogprob:
    token: str
    logprob: float
    top: dict[str, float]
    offset: int  # character offset of the token in the generated text


@dataclass(frozen=True)
class Choice:
    index: int
    tokens: list[str]
    finish_reason: str
    logprobs: list[TokenLogprob] | None = field(default=None)

    @property
    def text(self) -> str:
        return "".join(self.tokens)


@dataclass(frozen=True)
class Options:
    """What generation needs to know about the operation (taken from its spec)."""

    max_tokens_field: str | None = "max_tokens"
    finish_reasons: Sequence[str] = ("stop", "length")
    stop_included: bool = False


def options_for(op: Operation) -> Options:
    return Options(op.max_tokens_field, tuple(op.finish_reasons), op.stop_included)


def tokenize(text: str) -> list[str]:
    return _TOKEN.findall(text)


def count_prompt_tokens(prompt: Any) -> int:
    """Tokens of a prompt: words for text, one per id for token ids; lists are summed."""
    if isinstance(prompt, str):
        return len(tokenize(prompt))
    if isinstance(prompt, list):
        return sum(1 if isinstance(item, int) else count_prompt_tokens(item) for item in prompt)
    return 0


def prompts_of(request: dict[str, Any]) -> list[str]:
    """The texts answered: each prompt of a completion, or the last message of a chat."""
    if "messages" in request:
        messages = request.get("messages") or []
        return [str(messages[-1].get("content", ""))] if messages else [""]
    prompt = request.get("prompt", "")
    if isinstance(prompt, str):
        return [prompt]
    if prompt and all(isinstance(item, int) for item in prompt):
        return [" ".join(map(str, prompt))]  # one prompt given as token ids
    return [item if isinstance(item, str) else " ".join(map(str, item)) for item in prompt] or [""]


def _rng(*parts: Any) -> random.Random:
    digest = hashlib.sha256("|".join(map(str, parts)).encode()).digest()
    return random.Random(int.from_bytes(digest[:8], "big"))


def natural_text(prompt: str, candidate: int, seed: int | None) -> str:
    """What the model says to `prompt` before stop sequences and limits apply."""
    echo = " ".join(prompt.split()[:MAX_ECHO_WORDS]) or "nothing"
    rng = _rng("text", prompt, candidate, seed)
    filler = " ".join(rng.choice(VOCABULARY) for _ in range(rng.randint(3, 6)))
    opener = "You said" if candidate == 0 else f"Take {candidate + 1}: you said"
    return f'{opener}: "{echo}" {filler.capitalize()}.'


def _stops(request: dict[str, Any]) -> list[str]:
    stop = request.get("stop")
    stops = [stop] if isinstance(stop, str) else list(stop or [])
    return [s for s in stops if isinstance(s, str) and s]


def _cut(tokens: list[str], end: int) -> list[str]:
    """The tokens covering the first `end` characters (the last one shortened)."""
    out: list[str] = []
    used = 0
    for token in tokens:
        if used >= end:
            break
        piece = token[: end - used]
        out.append(piece)
        used += len(piece)
    return [t for t in out if t]


def _first_stop(text: str, stops: list[str]) -> tuple[int, str] | None:
    found = [(text.find(s), -len(s), s) for s in stops if s in text]
    if not found:
        return None
    pos, _, stop = min(found)
    return pos, stop


def finish(
    tokens: list[str], natural: str, stops: list[str], limit: int | None, keep_stop: bool
) -> tuple[list[str], str]:
    """Apply stop sequences and the token limit to a natural token list."""
    hit = _first_stop("".join(tokens), stops)
    if hit is not None:
        pos, stop = hit
        needed = len(_cut(tokens, pos + len(stop)))  # tokens generated when the stop shows up
        if limit is None or needed <= limit:
            return _cut(tokens, pos + len(stop) if keep_stop else pos), "stop"
    if limit is not None and limit < len(tokens):
        return tokens[: max(limit, 0)], "length"
    return tokens, natural


def _trigger(prompt: str, reasons: Sequence[str]) -> str | None:
    for match in _TRIGGER.finditer(prompt):
        if match.group(1) in reasons and match.group(1) not in ("stop", "length"):
            return match.group(1)
    return None


def candidate(request: dict[str, Any], prompt: str, number: int, options: Options) -> tuple[list[str], str]:
    tokens = tokenize(natural_text(prompt, number, request.get("seed")))
    natural = "stop"
    reason = _trigger(prompt, options.finish_reasons)
    if reason:
        tokens, natural = tokens[:TRIGGER_TOKENS], reason
    limit = request.get(options.max_tokens_field) if options.max_tokens_field else None
    return finish(tokens, natural, _stops(request), limit, options.stop_included)


def token_logprobs(tokens: list[str], width: int, salt: str) -> list[TokenLogprob]:
    """A log-probability per token plus `width` top candidates (the sampled token first)."""
    out: list[TokenLogprob] = []
    offset = 0
    for position, token in enumerate(tokens):
        rng = _rng("logprob", salt, position, token)
        logprob = -round(rng.uniform(0.01, 2.0), 4)
        top = {token: logprob}
        for word in rng.sample(VOCABULARY, len(VOCABULARY)):
            if len(top) >= width:
                break
            top.setdefault(" " + word, round(logprob - rng.uniform(0.1, 3.0), 4))
        out.append(TokenLogprob(token, logprob, top, offset))
        offset += len(token)
    return out


def _score(logprobs: list[TokenLogprob]) -> float:
    return sum(lp.logprob for lp in logprobs) / len(logprobs) if logprobs else 0.0


def _count(value: Any, default: int = 1) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) else default


def generate(request: dict[str, Any], options: Options = Options()) -> list[Choice]:
    """The choices of a (valid) request: `n` per prompt, indexed prompt by prompt.

    With `best_of` above `n` (non-streaming), `best_of` candidates (at most MAX_BEST_OF) are
    produced per prompt and the `n` with the highest mean token log-probability are returned,
    best first. A streamed request ignores `best_of`.
    """
    n = _count(request.get("n"))
    pool = n if request.get("stream") else max(n, min(_count(request.get("best_of")), MAX_BEST_OF))
    want_logprobs = request.get("logprobs")
    width = max(_count(want_logprobs, 0), 1)
    choices: list[Choice] = []
    for p, prompt in enumerate(prompts_of(request)):
        made = []
        for number in range(pool):
            tokens, reason = candidate(request, prompt, number, options)
            made.append((tokens, reason, token_logprobs(tokens, width, f"{p}|{number}|{prompt}")))
        if pool > n:
            made.sort(key=lambda item: _score(item[2]), reverse=True)
        for tokens, reason, lps in made[:n]:
            keep = lps if want_logprobs is not None and not isinstance(want_logprobs, bool) else None
            choices.append(Choice(len(choices), tokens, reason, keep))
    return choices


def predict(provider: str, operation_id: str, request: dict[str, Any]) -> list[Choice]:
    """What the emulator answers to `request` on that operation (the tests' oracle)."""
    return generate(request, options_for(find(provider, operation_id)))
