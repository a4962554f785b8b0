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


def _getter(attrs: tuple[str, ...]) -> Any:
    """A function reading the attributes along `attrs` from a typed event (or choice), None where
    one on the way is None: the same reading `_read` compiles into add(), as a function.

    Every member on the way is a model or null: prepare.py refuses a gather path through anything
    else (`_member` follows only a nullable anyOf/oneOf), so each hop is a plain attribute read,
    and a name a model does not have raises (a generator bug, never hidden behind a None).
    """
    env: dict[str, Any] = {}
    source = "\n".join(["def get(obj):", *_read("value", "obj", attrs, 4), "    return value"])
    exec(compile(source, f"<gather path {'.'.join(attrs)}>", "exec"), env)  # our code, rendered names
    return env["get"]


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
    """Folds typed events into text per choice, finish reasons, usage and extras, in flat memory.

    `add(event)` runs once per event on the hot path, so it is a function compiled for the format
    (`_adder`: its state bound as globals, its attribute paths read inline) rather than a method
    reading attributes and calling a getter per path. It reads the typed event along the paths
    the generator rendered from the spec's gather paths (`StreamFormat.*_attrs`), so both JSON
    steps (msgspec's twins, json + from_dict) feed it alike.
    """

    def __init__(self, fmt: StreamFormat[Any]) -> None:
        self.count = 0  # events added
        self.texts: dict[int, _Text] = {}
        self.reasonings: dict[int, _Text] = {}  # choice index -> its reasoning (fmt.reasoning_path)
        self._gathers_reasoning = bool(fmt.reasoning_path)
        self.finish: dict[int, str] = {}
        self.logprobs: dict[int, Any] = {}  # choice index -> its log-probabilities' JSON, merged
        self._logprobs_model = fmt.logprobs_model
        # JSON path -> the typed value of the last event where it was not None.
        self.kept: dict[tuple[str, ...], Any] = {}
        # The last typed event and its choices (for iter_text). Only the last: holding more
        # would keep each event alive across garbage collections, which costs more than the
        # rest of gathering (and memory would grow with them).
        self.last: list[Any] = [None, None]
        self._usage_path = fmt.usage_path
        self._extras_paths = tuple(path for path in fmt.extras_paths if path)
        self._index = _getter(fmt.index_attrs)
        self._text = _getter(fmt.text_attrs)
        self.add = self._adder(fmt)

    def _adder(self, fmt: StreamFormat[Any]) -> Any:
        """add(), compiled for this format: its attribute paths are read inline (a getter call
        per path cost about a third of gathering)."""
        env: dict[str, Any] = {
            "texts": self.texts,
            "reasonings": self.reasonings,
            "finish": self.finish,
            "kept": self.kept,
            "last": self.last,
            "logprobs": self.logprobs,
            "new_buffer": _Text,
            "merge": _merge,
            "json_of": _json_of,
        }
        lines = ["def add(event):", "    last[0] = event"]
        lines += _read("choices", "event", fmt.choices_attrs, 4)
        lines += [
            "    last[1] = choices",
            "    if choices.__class__ is list:",
            "        for choice in choices:",
            *_read("index", "choice", fmt.index_attrs, 12),
            "            if index.__class__ is not int:",
            "                index = 0",
            "            buffer = texts.get(index)",
            "            if buffer is None:",
            "                buffer = texts[index] = new_buffer()",
            *_read("text", "choice", fmt.text_attrs, 12),
            "            if text and text.__class__ is str:",
            "                pieces = buffer.pieces",
            "                pieces.append(text)",
            "                if len(pieces) >= 256:",
            "                    buffer.collapse()",
        ]
        if fmt.reasoning_path:
            lines += [
                *_read("thought", "choice", fmt.reasoning_attrs, 12),
                "            if thought and thought.__class__ is str:",
                "                held = reasonings.get(index)",
                "                if held is None:",
                "                    held = reasonings[index] = new_buffer()",
                "                held.pieces.append(thought)",
                "                if len(held.pieces) >= 256:",
                "                    held.collapse()",
            ]
        lines += [
            *_read("reason", "choice", fmt.finish_reason_attrs, 12),
            '            if reason and reason.__class__ is str:  # "" (pending, as some write) is none',
            "                finish[index] = reason",
        ]
        if fmt.logprobs_path:
            lines += [
                *_read("entries", "choice", fmt.logprobs_attrs, 12),
                "            if entries is not None:",
                "                logprobs[index] = merge(logprobs.get(index), json_of(entries))",
            ]
        named = ((fmt.usage_path, fmt.usage_attrs), *zip(fmt.extras_paths, fmt.extras_attrs, strict=True))
        for number, (path, attrs) in enumerate((path, attrs) for path, attrs in named if path):
            env[f"path{number}"] = path
            lines += _read("value", "event", attrs, 4)
            lines += ["    if value is not None:", f"        kept[path{number}] = value"]
        source = "\n".join(lines)
        exec(compile(source, f"<gatherer of {fmt.event_model!r}>", "exec"), env)  # our code, rendered names
        return env["add"]

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
        kept = self.kept
        extras = {path[-1]: kept[path] for path in self._extras_paths if path in kept}
        usage = kept.get(self._usage_path) if self._usage_path else None
        additional = getattr(self.last[0], "additional_properties", None)
        return StreamResult(
            choices=choices,
            usage=usage,
            extras=cast(Any, extras),
            events=self.count,
            additional_properties=dict(additional) if isinstance(additional, dict) else {},
        )


def _read(name: str, root: str, attrs: tuple[str, ...], indent: int) -> list[str]:
    """Lines setting `name` to the value along `attrs` from `root`, None where a hop is None."""
    pad = " " * indent
    if not attrs:
        return [f"{pad}{name} = None"]
    lines = [f"{pad}{name} = {root}.{attrs[0]}"]
    lines += [f"{pad}if {name} is not None:\n{pad}    {name} = {name}.{attr}" for attr in attrs[1:]]
    return lines


def _json_of(value: Any) -> Any:
    """A typed value as JSON (a model's to_dict(), a list of them), for merging."""
    if hasattr(value, "to_dict"):
        return value.to_dict()
    if value.__class__ is list:
        return [_json_of(item) for item in value]
    return value


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
