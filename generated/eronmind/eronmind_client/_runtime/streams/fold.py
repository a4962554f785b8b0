"""The gathering fold: what a whole stream amounts to, built event by event in flat memory.

`Gatherer.add` runs once per event and keeps text per choice, its reasoning apart (where the spec
names one), finish reasons (an empty one is none), log-probabilities (when the answer has them),
and the last value of each path the spec names (usage, extras);
`Gatherer.result()` turns that into the public `StreamResult`. No I/O and no error handling
here: the lifecycle (`lifecycle.py`) feeds it only events that passed the error rule and
the schema.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, cast

from .format import StreamChoice, StreamResult

if TYPE_CHECKING:
    from .format import StreamFormat

__all__ = ["Gatherer"]


def _getter(path: tuple[str, ...]) -> Any:
    """A function reading `path` from parsed JSON; None where a member is missing or not an object."""
    if not path:
        return lambda obj: None
    if len(path) == 1:
        (key,) = path

        def get1(obj: Any) -> Any:
            return obj.get(key) if obj.__class__ is dict else None

        return get1
    if len(path) == 2:
        first, second = path

        def get2(obj: Any) -> Any:
            if obj.__class__ is dict:
                obj = obj.get(first)
                if obj.__class__ is dict:
                    return obj.get(second)
            return None

        return get2

    def get(obj: Any) -> Any:
        for key in path:
            if obj.__class__ is not dict:
                return None
            obj = obj.get(key)
        return obj

    return get


def _typed_at(event: Any, attrs: tuple[str, ...]) -> Any:
    """The typed value along `attrs` (attribute names the generator rendered from the gather path).

    Only called for a path whose JSON value was not null, so every model on the way is there: a
    missing attribute is a generator bug and raises, it never falls back to the raw JSON.
    """
    for name in attrs:
        event = getattr(event, name)
    return event


class _Text:
    """One choice's text, kept compact: every 256 pieces are joined into one UTF-8 block.

    A list of the pieces themselves would cost ~55 bytes per event (io.StringIO too, before
    Python 3.12), and one joined str takes 4 bytes per character as soon as it holds an emoji;
    UTF-8 keeps the text near its own size whatever characters it has. `surrogatepass` lets a
    lone surrogate (valid in JSON) round-trip unchanged.
    """

    __slots__ = ("blocks", "pieces")

    def __init__(self) -> None:
        self.blocks: list[bytes] = []
        self.pieces: list[str] = []

    def collapse(self) -> None:
        self.blocks.append("".join(self.pieces).encode("utf-8", "surrogatepass"))
        self.pieces.clear()

    def getvalue(self) -> str:
        return b"".join(self.blocks).decode("utf-8", "surrogatepass") + "".join(self.pieces)


class Gatherer:
    """Folds events into text per choice, finish reasons, usage and extras, in flat memory.

    `add(json, event)` runs once per event on the hot path, so it is a closure over local
    variables rather than a method reading attributes (about a quarter cheaper per event).
    """

    def __init__(self, fmt: StreamFormat[Any]) -> None:
        self.count = 0  # events added
        self.texts: dict[int, _Text] = {}
        self.reasonings: dict[int, _Text] = {}  # choice index -> its reasoning (fmt.reasoning_path)
        self._gathers_reasoning = bool(fmt.reasoning_path)
        self.finish: dict[int, str] = {}
        self.logprobs: dict[int, Any] = {}  # choice index -> its log-probabilities' JSON, merged
        self._logprobs_model = fmt.logprobs_model
        # JSON path -> (typed event, JSON value) of the last event where it was not null.
        self.kept: dict[tuple[str, ...], tuple[Any, Any]] = {}
        # The last typed event and its JSON choices (for iter_text). Only the last: holding more
        # would keep each event alive across garbage collections, which costs more than the
        # rest of gathering (and memory would grow with them).
        self.last: list[Any] = [None, None]
        self._usage_path = fmt.usage_path
        self._extras_paths = tuple(path for path in fmt.extras_paths if path)
        # JSON path -> the attribute names the typed value is read along.
        self._attrs = dict(zip(fmt.extras_paths, fmt.extras_attrs, strict=True))
        if fmt.usage_path:
            self._attrs[fmt.usage_path] = fmt.usage_attrs
        self._index = _getter(fmt.index_path)
        self._text = _getter(fmt.text_path)
        self.add = self._adder(fmt)

    def _adder(self, fmt: StreamFormat[Any]) -> Any:
        get_choices, get_index, get_text = _getter(fmt.choices_path), self._index, self._text
        get_finish = _getter(fmt.finish_reason_path)
        get_logprobs = _getter(fmt.logprobs_path) if fmt.logprobs_path else None
        get_reasoning = _getter(fmt.reasoning_path) if fmt.reasoning_path else None
        reasonings = self.reasonings
        kept_paths = [(path, _getter(path)) for path in (fmt.usage_path, *self._extras_paths) if path]
        texts, finish, kept, last, logprobs = self.texts, self.finish, self.kept, self.last, self.logprobs
        new_buffer = _Text

        def add(obj: dict[str, Any], event: Any) -> None:
            last[0] = event
            choices = last[1] = get_choices(obj)
            if choices.__class__ is list:
                for choice in choices:
                    index = get_index(choice)
                    if index.__class__ is not int:
                        index = 0
                    buffer = texts.get(index)
                    if buffer is None:
                        buffer = texts[index] = new_buffer()
                    text = get_text(choice)
                    if text and text.__class__ is str:
                        pieces = buffer.pieces
                        pieces.append(text)
                        if len(pieces) >= 256:
                            buffer.collapse()
                    if get_reasoning is not None:
                        thought = get_reasoning(choice)
                        if thought and thought.__class__ is str:
                            held = reasonings.get(index)
                            if held is None:
                                held = reasonings[index] = new_buffer()
                            held.pieces.append(thought)
                            if len(held.pieces) >= 256:
                                held.collapse()
                    reason = get_finish(choice)
                    if reason and reason.__class__ is str:  # "" (pending, as some providers write) is none
                        finish[index] = reason
                    if get_logprobs is not None:
                        entries = get_logprobs(choice)
                        if entries is not None:
                            logprobs[index] = _merge(logprobs.get(index), entries)
            for path, get in kept_paths:
                value = get(obj)
                if value is not None:
                    kept[path] = (event, value)

        return add

    def pieces(self) -> Iterator[tuple[int, str]]:
        """(choice index, text) of the last event, as add() read them."""
        choices = self.last[1]
        if choices.__class__ is list:
            for choice in choices:
                index, text = self._index(choice), self._text(choice)
                if text and text.__class__ is str:
                    yield (index if index.__class__ is int else 0), text

    def text(self) -> dict[int, str]:
        return {index: buffer.getvalue() for index, buffer in sorted(self.texts.items())}

    def _reasoning(self, index: int) -> str | None:
        if not self._gathers_reasoning:
            return None
        held = self.reasonings.get(index)
        return held.getvalue() if held is not None else ""

    def _typed(self, path: tuple[str, ...]) -> Any:
        if path not in self.kept:
            return None
        event, _ = self.kept[path]
        return _typed_at(event, self._attrs[path])

    def _typed_logprobs(self, index: int) -> Any:
        entries = self.logprobs.get(index)
        model = self._logprobs_model
        if entries is None or model is None or entries.__class__ is not dict:
            return entries
        return model.from_dict(entries)

    def result(self) -> StreamResult[Any, Any, Any]:
        choices: list[StreamChoice[Any]] = [
            StreamChoice(
                index=index,
                text=text,
                finish_reason=self.finish.get(index),
                logprobs=self._typed_logprobs(index),
                reasoning=self._reasoning(index),
            )
            for index, text in self.text().items()
        ]
        extras = {path[-1]: self._typed(path) for path in self._extras_paths if path in self.kept}
        usage = self._typed(self._usage_path) if self._usage_path else None
        additional = getattr(self.last[0], "additional_properties", None)
        return StreamResult(
            choices=choices,
            usage=usage,
            extras=cast(Any, extras),
            events=self.count,
            additional_properties=dict(additional) if isinstance(additional, dict) else {},
        )


def _merge(merged: Any, entries: Any) -> Any:
    """Log-probabilities of one more event added to those so far: list members concatenated.

    Both shapes in use merge this way: completions' parallel lists (`tokens`, `token_logprobs`,
    ...) and chat's `content` list. Other members keep their latest value. The event's own lists
    are never modified.
    """
    if entries.__class__ is list:
        if merged.__class__ is list:
            merged.extend(entries)
            return merged
        return list(entries)
    if entries.__class__ is not dict:
        return entries
    if merged.__class__ is not dict:
        merged = {}
    for key, value in entries.items():
        before = merged.get(key)
        if value.__class__ is list and before.__class__ is list:
            before.extend(value)
        else:
            merged[key] = list(value) if value.__class__ is list else value
    return merged
