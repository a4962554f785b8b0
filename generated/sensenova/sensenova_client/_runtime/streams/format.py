"""The stream's facts and results: a leaf every other stream module may import.

`StreamFormat` is one operation's stream facts, rendered from its spec's `x-stream` extension
into the operation module; `StreamResult`/`StreamChoice` are what a whole stream amounts to
(`until_done()`, and the text an `IncompleteStreamError` keeps).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Generic, Protocol

if TYPE_CHECKING:
    from typing_extensions import TypeVar  # TypeVar(default=...) is 3.13+

    # Defaults (PEP 696) keep `StreamResult` usable unparameterised, typed `object`, never Any.
    U = TypeVar("U", default=object)
    L = TypeVar("L", default=object)
    X = TypeVar("X", bound=Mapping[str, object], default=Mapping[str, object])
else:
    from typing import TypeVar

    U, L, X = TypeVar("U"), TypeVar("L"), TypeVar("X")

__all__ = ["R", "StreamChoice", "StreamFormat", "StreamResult"]

T = TypeVar("T")
T_co = TypeVar("T_co", covariant=True)


@dataclass(frozen=True)
class StreamChoice(Generic[L]):
    """One choice of a gathered stream: all its text, why it ended (None if it did not say), its
    log-probabilities (the operation's logprobs model holding every event's entries, in order;
    None unless the answer carried them, i.e. the request asked for them), and its reasoning (a
    reasoning model's chain of thought, gathered apart from the text where the spec names it,
    `x-stream.gather.reasoning`; None for an operation that has none)."""

    index: int
    text: str
    finish_reason: str | None
    logprobs: L | None = None
    reasoning: str | None = None


@dataclass(frozen=True)
class StreamResult(Generic[U, L, X]):
    """What a whole stream amounts to, typed by the operation (its module names the exact type).

    `choices` are ordered by index. `usage` is the typed usage model of the last event that
    carried usage (found at the same place on the typed event; the JSON object only where the
    event model has no attribute there), None if no event carried it. `extras` holds the
    further results the spec names (e.g. knowledge-base or web-search results), keyed by their
    JSON member name, typed the same way, from the last event that had each.
    `additional_properties` are the members of the last event that the spec does not name (a
    provider's own additions, e.g. timings). `events` counts the events received.
    """

    choices: list[StreamChoice[L]]
    usage: U | None
    extras: X
    events: int
    additional_properties: dict[str, object] = field(default_factory=dict)

    @property
    def text(self) -> str:
        """The text of choice 0 (the only one unless the request asked for several)."""
        for choice in self.choices:
            if choice.index == 0:
                return choice.text
        return ""

    @property
    def finish_reason(self) -> str | None:
        """The finish reason of choice 0."""
        for choice in self.choices:
            if choice.index == 0:
                return choice.finish_reason
        return None

    @property
    def reasoning(self) -> str | None:
        """The reasoning of choice 0 (None where the operation gathers none)."""
        for choice in self.choices:
            if choice.index == 0:
                return choice.reasoning
        return None


if TYPE_CHECKING:
    # What until_done() returns; `Stream[Event]` alone means a StreamResult typed `object` (never
    # Any). Each operation module names its exact type (e.g. `ChatCompletionStreamResult`).
    R = TypeVar("R", bound=StreamResult[Any, Any, Any], default=StreamResult)
else:
    R = TypeVar("R")


class _ResultDefault:
    """Lets `Stream[Event]` stand for `Stream[Event, StreamResult]` at run time too (PEP 696
    defaults exist for type checkers only before Python 3.13)."""

    if not TYPE_CHECKING:

        def __class_getitem__(cls, params):
            if not isinstance(params, tuple):
                params = (params, StreamResult)
            return super().__class_getitem__(params)


class _FromDict(Protocol[T_co]):
    """A generated model class: builds itself from a JSON object."""

    def from_dict(self, src_dict: Mapping[str, Any], /) -> T_co: ...


@dataclass(frozen=True)
class StreamFormat(_ResultDefault, Generic[T, R]):
    """One operation's stream facts, rendered from its spec's `x-stream` extension.

    Paths are JSON keys: `choices_path` and `usage_path`/`extras_paths` from the event's root,
    `index_path`, `text_path`, `finish_reason_path` and `reasoning_path` (a second text, gathered
    apart; empty where the operation has none) from inside one choice. An error member
    (`error_field`) marks an in-stream error by its presence, or, when `error_ok_code` is not
    None, by a `error_code_key` different from `error_ok_code`.
    """

    event_model: _FromDict[T]
    result_model: _FromDict[Any]
    request_flag: str  # the body member that asks for a stream (x-stream's request-flag)
    terminator: str
    error_field: str
    error_ok_code: Any
    error_code_key: str
    error_message_key: str
    choices_path: tuple[str, ...]
    index_path: tuple[str, ...]
    text_path: tuple[str, ...]
    finish_reason_path: tuple[str, ...]
    usage_path: tuple[str, ...] = ()
    extras_paths: tuple[tuple[str, ...], ...] = ()
    # The same paths as the models' attribute names (a JSON key that is a Python keyword or
    # builtin gets a trailing `_`), rendered at generation time: the fold reads the typed event
    # there (choices_attrs from the event, the next four from inside one choice).
    choices_attrs: tuple[str, ...] = ()
    index_attrs: tuple[str, ...] = ()
    text_attrs: tuple[str, ...] = ()
    finish_reason_attrs: tuple[str, ...] = ()
    reasoning_attrs: tuple[str, ...] = ()
    logprobs_attrs: tuple[str, ...] = ()
    usage_attrs: tuple[str, ...] = ()
    extras_attrs: tuple[tuple[str, ...], ...] = ()
    logprobs_path: tuple[str, ...] = ()  # inside one choice
    logprobs_model: _FromDict[Any] | None = None  # builds a choice's gathered log-probabilities
    reasoning_path: tuple[str, ...] = ()  # inside one choice
    # The non-streamed answer a whole stream amounts to (x-stream.final; final.py): where the
    # text and reasoning go inside one of its choices, and members whose value differs from the
    # events' (`object`).
    final_text_path: tuple[str, ...] = ()
    final_reasoning_path: tuple[str, ...] = ()
    final_members: tuple[tuple[str, object], ...] = ()
    # Request members stream() adds where the call does not give them, so that the events carry
    # all the answer requires (PPInfra's usage comes only with stream_options.include_usage).
    final_request: tuple[tuple[str, object], ...] = ()
