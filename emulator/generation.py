"""Deterministic "model output" derived from a request, as pure functions tests can call.

The reply to a prompt echoes it and adds a few filler words chosen by a PRNG seeded with the
prompt, the choice's position and the request's `seed`, so the same request always gets the same
text and a different `seed` gets a different one. A token is a run of whitespace plus the
following non-space characters (`" is"`), so the tokens of a text join back to it exactly.

    from emulator.generation import predict
    choices = predict("ppinfra", "create_completion", body)   # -> [Choice(index, tokens, finish_reason, ...)]
    "".join(choices[0].tokens)

Request fields honoured: the prompt or the messages (content parts too: texts, and images as
`[image: <URL>]`, a data URL as its type and decoded size), `n`, `best_of`, `seed`, `stop` (string
or list), the max-tokens field of the spec (counting a reasoning model's reasoning first),
`logprobs`, and trigger markers: a prompt containing
`[[<reason>]]`, where `<reason>` is a finish reason the spec lists besides `stop` and `length`
(SenseNova: `[[sensitive]]`, `[[context]]`), ends after at most three tokens with that reason.
"""

from __future__ import annotations

import base64
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
    reasoning_tokens: list[str] = field(default_factory=list)  # before the text, where the spec has reasoning

    @property
    def text(self) -> str:
        return "".join(self.tokens)

    @property
    def reasoning(self) -> str:
        return "".join(self.reasoning_tokens)

    @property
    def completion_tokens(self) -> int:
        """Tokens generated for this choice, reasoning included."""
        return len(self.reasoning_tokens) + len(self.tokens)


@dataclass(frozen=True)
class Options:
    """What generation needs to know about the operation (taken from its spec)."""

    max_tokens_field: str | None = "max_tokens"
    finish_reasons: Sequence[str] = ("stop", "length")
    stop_included: bool = False
    reasoning: bool = False  # the spec gathers a reasoning text: think aloud before answering


def options_for(op: Operation) -> Options:
    return Options(op.max_tokens_field, tuple(op.finish_reasons), op.stop_included, bool(op.reasoning_path))


def tokenize(text: str) -> list[str]:
    return _TOKEN.findall(text)


IMAGE_TOKENS = 64  # what one image part of a message counts as input


def count_prompt_tokens(prompt: Any) -> int:
    """Tokens of a prompt: words for text, one per id for token ids; lists are summed; a content
    part counts its text, an image part IMAGE_TOKENS."""
    if isinstance(prompt, str):
        return len(tokenize(prompt))
    if isinstance(prompt, list):
        return sum(1 if isinstance(item, int) else count_prompt_tokens(item) for item in prompt)
    if isinstance(prompt, dict):
        return IMAGE_TOKENS if prompt.get("type") == "image_url" else count_prompt_tokens(prompt.get("text", ""))
    return 0


def content_text(content: Any) -> str:
    """A message's content as the text the emulator echoes: a string as it is; content parts as
    their texts, each image as `[image: <its URL>]`, a data URL as its type and decoded size."""
    if not isinstance(content, list):
        return str(content)
    words = []
    for part in content:
        if not isinstance(part, dict):
            continue
        if part.get("type") == "image_url":
            words.append(f"[image: {_image(str((part.get('image_url') or {}).get('url', '')))}]")
        else:
            words.append(str(part.get("text", "")))
    return " ".join(words)


def _image(url: str) -> str:
    head, comma, data = url.partition(",")
    if not url.startswith("data:"):
        return url
    mime, _, encoding = head[len("data:") :].partition(";")
    try:
        size = len(base64.b64decode(data, validate=True)) if comma and encoding == "base64" else None
    except ValueError:  # binascii.Error is one
        size = None
    return f"{mime or 'data'}, {size} bytes" if size is not None else "undecodable data URL"


def prompts_of(request: dict[str, Any]) -> list[str]:
    """The texts answered: each prompt of a completion, or the last message of a chat."""
    if "messages" in request:
        messages = request.get("messages") or []
        return [content_text(messages[-1].get("content", ""))] if messages else [""]
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


def reasoning_text(prompt: str) -> str:
    """What a reasoning model thinks before it answers `prompt`."""
    words = len(prompt.split())
    return f"The user wrote {words} word{'s' if words != 1 else ''}; I will echo them and add a few words."


def candidate(request: dict[str, Any], prompt: str, number: int, options: Options) -> tuple[list[str], str]:
    tokens, reason, _ = thought_candidate(request, prompt, number, options)
    return tokens, reason


def thought_candidate(
    request: dict[str, Any], prompt: str, number: int, options: Options
) -> tuple[list[str], str, list[str]]:
    """(text tokens, finish reason, reasoning tokens) of one candidate. The token limit counts the
    reasoning first: a limit it uses up leaves no text and ends with `length`."""
    tokens = tokenize(natural_text(prompt, number, request.get("seed")))
    natural = "stop"
    reason = _trigger(prompt, options.finish_reasons)
    if reason:
        tokens, natural = tokens[:TRIGGER_TOKENS], reason
    limit = request.get(options.max_tokens_field) if options.max_tokens_field else None
    thought = tokenize(reasoning_text(prompt)) if options.reasoning else []
    if isinstance(limit, int) and thought:
        if limit <= len(thought):
            return [], "length", thought[: max(limit, 0)]
        limit -= len(thought)
    tokens, reason = finish(tokens, natural, _stops(request), limit, options.stop_included)
    return tokens, reason, thought


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
            tokens, reason, thought = thought_candidate(request, prompt, number, options)
            made.append((tokens, reason, token_logprobs(tokens, width, f"{p}|{number}|{prompt}"), thought))
        if pool > n:
            made.sort(key=lambda item: _score(item[2]), reverse=True)
        for tokens, reason, lps, thought in made[:n]:
            keep = lps if want_logprobs is not None and not isinstance(want_logprobs, bool) else None
            choices.append(Choice(len(choices), tokens, reason, keep, thought))
    return choices


def predict(provider: str, operation_id: str, request: dict[str, Any]) -> list[Choice]:
    """What the emulator answers to `request` on that operation (the tests' oracle)."""
    return generate(request, options_for(find(provider, operation_id)))
