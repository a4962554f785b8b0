"""The non-streamed answer a whole stream amounts to: what `get_final_completion()` returns.

`Snapshot.add` merges each event's JSON as it passes (the last non-null value of a member wins,
objects are merged member by member, a choice with the earlier ones of its index), leaving out
what the gatherer keeps better: the text and reasoning (pieces), finish reasons (an empty one
is none) and log-probabilities (concatenated). `answer()` puts those back where the operation's
answer has them (`StreamFormat.final_*`, from the spec's `x-stream.final`): the member that holds
the text in an event choice (`delta`) becomes the answer's (`message`), and members whose value
differs from the events' are set (`object: chat.completion`). The JSON is then built into the
operation's result model, as a non-streamed call's answer is.

Only streams opened by `client.<resource>.stream(...)` snapshot: the merge costs about 5 us per
Lanrui chunk (timeit, one run, a 2-CPU x86_64 machine shared with a test run), which a
`create(stream=True)` loop does not pay.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .fold import Gatherer
    from .format import StreamFormat

__all__ = ["Snapshot"]


def _merge(target: dict[str, Any], source: dict[str, Any], skip: tuple[str, ...] = ()) -> None:
    """source merged into target in place; target never shares an object with source."""
    for key, value in source.items():
        if key in skip:
            continue
        if value is None:
            target.setdefault(key, None)  # a null that arrived stays, unless a value came before
        elif value.__class__ is dict:
            held = target.get(key)
            if held.__class__ is not dict:
                held = target[key] = {}
            _merge(held, value)
        elif value.__class__ is list:
            target[key] = list(value)
        else:
            target[key] = value


def _get(obj: Any, path: tuple[str, ...]) -> Any:
    for key in path:
        if obj.__class__ is not dict:
            return None
        obj = obj.get(key)
    return obj


def _set(obj: dict[str, Any], path: tuple[str, ...], value: Any) -> None:
    for key in path[:-1]:
        inner = obj.get(key)
        if inner.__class__ is not dict:
            inner = obj[key] = {}
        obj = inner
    obj[path[-1]] = value


def _drop(obj: dict[str, Any], path: tuple[str, ...]) -> None:
    inner = _get(obj, path[:-1])
    if inner.__class__ is dict:
        inner.pop(path[-1], None)


class Snapshot:
    """Merges a stream's events into the JSON of the answer they amount to (see the module)."""

    def __init__(self, fmt: StreamFormat[Any, Any]) -> None:
        self.fmt = fmt
        self.root: dict[str, Any] = {}
        self.choices: dict[int, dict[str, Any]] = {}
        # Inside a choice, what the gatherer keeps: left out of the merge.
        self._kept = tuple(path for path in (fmt.text_path, fmt.reasoning_path, fmt.logprobs_path) if path)

    def add(self, obj: dict[str, Any]) -> None:
        fmt = self.fmt
        choices_path = fmt.choices_path
        outer = _get(obj, choices_path[:-1]) if len(choices_path) > 1 else obj
        if outer.__class__ is dict and len(choices_path) > 1:
            _merge(self.root, {k: v for k, v in obj.items() if k != choices_path[0]})
            _merge(self.root.setdefault(choices_path[0], {}), outer, skip=(choices_path[-1],))
        else:
            _merge(self.root, obj, skip=(choices_path[0],))
        choices = _get(obj, choices_path)
        if choices.__class__ is not list:
            return
        for choice in choices:
            if choice.__class__ is not dict:
                continue
            index = _get(choice, fmt.index_path)
            merged = self.choices.setdefault(index if index.__class__ is int else 0, {})
            _merge(merged, choice)
            for path in self._kept:
                _drop(merged, path)

    def answer(self, gathered: Gatherer) -> dict[str, Any]:
        """The answer's JSON: the merged events with the gathered text, reasoning, finish
        reasons and log-probabilities in the answer's places."""
        fmt = self.fmt
        answer = dict(self.root)
        texts = gathered.text()
        choices = []
        for index in sorted(set(texts) | set(self.choices)):
            choices.append(self._choice(index, texts.get(index, ""), gathered))
        if len(fmt.choices_path) > 1:
            answer[fmt.choices_path[0]] = dict(answer.get(fmt.choices_path[0]) or {})
        _set(answer, fmt.choices_path, choices)
        for key, value in fmt.final_members:
            answer[key] = value
        return answer

    def _choice(self, index: int, text: str, gathered: Gatherer) -> dict[str, Any]:
        fmt = self.fmt
        choice = dict(self.choices.get(index, {}))
        event_text, final_text = fmt.text_path, fmt.final_text_path
        if len(event_text) > 1 and event_text[0] != final_text[0] and event_text[0] in choice:
            choice[final_text[0]] = choice.pop(event_text[0])  # `delta` -> `message`
        elif len(event_text) == 1 and event_text[0] != final_text[0]:
            choice.pop(event_text[0], None)
        _set(choice, final_text, text)
        reasoning = gathered.reasonings.get(index)
        if fmt.final_reasoning_path and reasoning is not None:
            _set(choice, fmt.final_reasoning_path, reasoning.getvalue())
        _set(choice, fmt.index_path, index)
        if index in gathered.finish:
            _set(choice, fmt.finish_reason_path, gathered.finish[index])
        elif _get(choice, fmt.finish_reason_path) == "":
            _drop(choice, fmt.finish_reason_path)  # the pending value: the stream never said why it ended
        if fmt.logprobs_path and index in gathered.logprobs:
            _set(choice, fmt.logprobs_path, gathered.logprobs[index])
        return choice
