"""The fast JSON step (runtime/wire.py) is exact or declines.

For every documented stream frame and answer, and every mutation of one (each field replaced by
null, a string, a number, a list, an object, or removed: tests/test_payload_mutations.py's
variants), msgspec's twins either decline (None: the slow path decides) or build a model equal to
what `from_dict` builds from json's dict, with the same `to_dict()` and repr. Where they decline,
the reason is one the slow path must see: an unknown key, a value of another type, an in-stream
error.
"""

from __future__ import annotations

import copy
import importlib
import json
import pickle
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.client_cases import MODES, PACKAGES, invoke, make_client
from tests.test_payload_mutations import _frame_json, _frames, _operation, _variants

FIXTURES = Path(__file__).parent / "fixtures"
STREAMS = sorted((p.parent.parent.name, p.parent.name) for p in FIXTURES.glob("*/*/stream.sse"))
ANSWERS = sorted((p.parent.parent.name, p.parent.name) for p in FIXTURES.glob("*/*/response.json"))


@pytest.fixture(autouse=True)
def _speedups_on() -> Iterator[None]:
    """The fast path is what these tests are about: on for every package (another test may have
    switched one off), then back to what each had."""
    modules = [importlib.import_module(f"{package.__name__}.speedups") for package in PACKAGES.values()]
    before = [module.enabled() for module in modules]
    for module in modules:
        module.set_enabled(True)
    yield
    for module, was in zip(modules, before, strict=True):
        module.set_enabled(was)


def _parse(provider: str) -> Any:
    return importlib.import_module(f"{PACKAGES[provider].__name__}._runtime.streams.parse")


def _stream_decoder(provider: str, operation_id: str) -> tuple[Any, Any]:
    fmt = _operation(provider, operation_id)._STREAM_FORMAT
    decode = _parse(provider).prepare(fmt)
    assert decode is not None, "every event model of the specs has a twin"
    return fmt, decode


def _slow(model: Any, text: str) -> Any:
    """from_dict on json's dict; the exception where it refuses."""
    try:
        return model.from_dict(json.loads(text))
    except Exception as exc:  # the slow path's refusals are compared as "declined"
        return exc


def _same(fast: Any, slow: Any) -> list[str]:
    problems = []
    if isinstance(slow, Exception):
        return [f"slow path raised {slow!r} where the fast one built {fast!r}"]
    if fast != slow:
        problems.append(f"models differ: {fast!r} != {slow!r}")
    if fast.to_dict() != slow.to_dict():
        problems.append(f"to_dict() differs: {fast.to_dict()!r} != {slow.to_dict()!r}")
    if repr(fast) != repr(slow):
        problems.append(f"repr differs: {fast!r} != {slow!r}")
    return problems


def _documents(provider: str, operation_id: str) -> list[Any]:
    return [doc for doc in map(_frame_json, _frames(provider, operation_id)) if isinstance(doc, dict)]


@pytest.mark.parametrize(("provider", "operation_id"), STREAMS, ids=[f"{p}-{o}" for p, o in STREAMS])
def test_every_documented_frame_takes_the_fast_path_and_equals_the_slow_one(provider: str, operation_id: str) -> None:
    fmt, decode = _stream_decoder(provider, operation_id)
    documents = _documents(provider, operation_id)
    assert documents
    for document in documents:
        text = json.dumps(document, ensure_ascii=False)
        fast = decode(text)
        assert fast is not None, f"declined a documented frame: {text}"
        assert not _same(fast, _slow(fmt.event_model, text))
        assert fast.to_dict() == document


@pytest.mark.parametrize(("provider", "operation_id"), STREAMS, ids=[f"{p}-{o}" for p, o in STREAMS])
def test_every_mutated_frame_is_declined_or_equals_the_slow_path(provider: str, operation_id: str) -> None:
    fmt, decode = _stream_decoder(provider, operation_id)
    problems, accepted, declined = [], 0, 0
    for document in _documents(provider, operation_id):
        for label, _, _, mutated in _variants(document):
            text = json.dumps(mutated)
            fast = decode(text)
            if fast is None:
                declined += 1
                continue
            accepted += 1
            problems += [f"{label}: {p}" for p in _same(fast, _slow(fmt.event_model, text))]
    assert accepted and declined  # both branches are exercised
    assert not problems, "\n".join(problems[:20])


@pytest.mark.parametrize(("provider", "operation_id"), ANSWERS, ids=[f"{p}-{o}" for p, o in ANSWERS])
def test_answers_decode_straight_into_the_models_too(provider: str, operation_id: str) -> None:
    """A twin of each answer model: the documented answer and every mutation (plain answers)."""
    _parse(provider).prepare()
    wire = importlib.import_module(f"{PACKAGES[provider].__name__}._runtime.wire")
    document = json.loads((FIXTURES / provider / operation_id / "response.json").read_text())
    module = _operation(provider, operation_id)
    model = _answer_model(module, document)
    decode = wire.decoder(model)
    fast = decode(json.dumps(document))
    assert fast is not None and not _same(fast, _slow(model, json.dumps(document)))
    problems = []
    for label, _, _, mutated in _variants(document):
        text = json.dumps(mutated)
        built = decode(text)
        if built is not None:
            problems += [f"{label}: {p}" for p in _same(built, _slow(model, text))]
    assert not problems, "\n".join(problems[:20])


def _answer_model(module: Any, document: Any) -> Any:
    """The model class an operation's 200 answer is parsed into (its sync_detailed's return)."""
    import typing

    module._load()  # the first call's import of the models, which the annotations name (docs/import-time.md)
    hint = typing.get_type_hints(module.sync)["return"]
    for arg in typing.get_args(hint) or (hint,):
        if hasattr(arg, "from_dict"):
            try:
                arg.from_dict(document)
            except Exception:  # another member of the union
                continue
            return arg
    raise AssertionError(f"no answer model in {hint!r}")


def test_an_unknown_key_an_error_member_or_a_mistyped_value_is_declined() -> None:
    _, decode = _stream_decoder("lanrui", "create_chat_completion")
    [document, *_] = _documents("lanrui", "create_chat_completion")
    assert decode(json.dumps(document)) is not None
    for change in ({"service_tier": "x"}, {"error": {"message": "boom"}}, {"created": "yesterday"}, {"id": 5}):
        assert decode(json.dumps({**document, **change})) is None, change
    _, decode = _stream_decoder("sensenova", "create_chat_completion")
    [document, *_] = _documents("sensenova", "create_chat_completion")
    failing = copy.deepcopy(document)
    failing["status"]["code"] = 18
    assert decode(json.dumps(failing)) is None  # the slow path raises the in-stream error


def test_what_the_fast_path_keeps_exact() -> None:
    """Integers of any size, an int in a float field, null against absent, pickles."""
    _, decode = _stream_decoder("lanrui", "create_chat_completion")
    [document, *_] = _documents("lanrui", "create_chat_completion")
    big = {**document, "created": 2**80 + 1, "system_fingerprint": None}
    event = decode(json.dumps(big))
    assert event.created == 2**80 + 1 and event.to_dict() == big
    absent = {k: v for k, v in document.items() if k != "system_fingerprint"}
    assert "system_fingerprint" not in decode(json.dumps(absent)).to_dict()
    copied = pickle.loads(pickle.dumps(event))
    assert copied == event and copied.to_dict() == big
    _, decode = _stream_decoder("sensenova", "create_chat_completion")
    [document, *_] = _documents("sensenova", "create_chat_completion")
    scored = copy.deepcopy(document)
    scored["data"]["knowledge_base_results"] = [{"know_id": "k", "results": [{"score": 2, "result": "r"}]}]
    event = decode(json.dumps(scored))
    score = event.data.knowledge_base_results[0].results[0].score
    assert score == 2 and type(score) is int  # as json gives it: to_dict() returns the 2 that arrived
    assert event.to_dict() == scored


@MODES
@pytest.mark.parametrize("provider", sorted(PACKAGES))
@pytest.mark.parametrize("speedups", [True, False], ids=["msgspec", "json"])
def test_a_plain_answer_is_built_by_the_fast_path_unless_speedups_are_off(
    emulator: Any, provider: str, asynchronous: bool, speedups: bool
) -> None:
    """Over loopback against the emulator: with speedups on, the answer's model was built from
    msgspec's twin (its `_arrived` is the twin); off, from json's dict; equal either way."""
    speedups_module = importlib.import_module(f"{PACKAGES[provider].__name__}.speedups")
    speedups_module.set_enabled(speedups)
    answer = invoke(provider, make_client(emulator, provider), asynchronous=asynchronous)
    assert type(answer._arrived).__name__.endswith("Twin") is speedups
    assert type(answer).from_dict(answer.to_dict()) == answer


# The field table a synthetic model below is read with (wire reads its module's _FIELDS).
_FIELDS = (("values", "values"),)


def test_a_model_msgspec_cannot_express_has_no_twin_and_takes_the_slow_path() -> None:
    """msgspec refuses a union of two array types; the decoder says Unsupported (a stream or
    answer of that model then always takes from_dict) instead of failing the call."""
    import attrs

    @attrs.define
    class Mixed:
        values: list[str] | list[int]

        @classmethod
        def from_dict(cls, src: dict[str, Any]) -> Mixed:
            return cls(src["values"])

    wire = importlib.import_module("lanrui_client._runtime.wire")
    with pytest.raises(wire.Unsupported, match="Mixed"):
        wire.decoder(Mixed)
    wire_enabled = wire.enabled
    wire.enabled = True
    try:
        assert wire.answer(Mixed, b'{"values": ["a"]}') is None  # declined: send.parsed takes from_dict
    finally:
        wire.enabled = wire_enabled


@pytest.mark.parametrize(
    ("extra", "count", "gives_up"),
    [(False, 20, False), (True, 8, False), (True, 9, True), (True, 20, True)],
    ids=["plain", "a-key-on-8-events", "a-key-on-9-events", "a-key-on-20-events"],
)
def test_a_stream_the_fast_path_always_declines_stops_trying_it(extra: bool, count: int, gives_up: bool) -> None:
    """A provider adding a key the spec does not name to every event: the fast path declines the
    first 9, then the stream leaves it (each decline costs a twin decode for nothing); the events
    and the gathered text are the same either way, the key kept in additional_properties."""
    from tests.client_cases import CANARY, local_server

    module = _operation("lanrui", "create_chat_completion")
    module._load()
    [document, *_] = _documents("lanrui", "create_chat_completion")
    events = [
        {**document, "choices": [{"index": 0, "delta": {"content": f"t{i} "}, "finish_reason": None}]}
        for i in range(count)
    ]
    if extra:
        events = [{**event, "service_tier": "default"} for event in events]
    payload = "".join(f"data: {json.dumps(event)}\n\n" for event in events) + "data: [DONE]\n\n"

    def reply(headers: dict[str, str]) -> tuple[int, dict[str, str], bytes]:
        return 200, {"content-type": "text/event-stream"}, payload.encode()

    package = PACKAGES["lanrui"]
    body = module.ChatCompletionRequest.from_dict(
        json.loads((FIXTURES / "lanrui" / "create_chat_completion" / "request-minimal.json").read_text())
    )
    with local_server(reply) as server:
        client = package.AuthenticatedClient(CANARY, base_url=server.url, max_retries=0)
        stream = module.stream(client=client, body=body)
        received = list(stream)
    call = stream._call
    assert "".join(e.choices[0].delta.content for e in received) == "".join(f"t{i} " for i in range(count))
    assert (call.typed is None) is gives_up
    assert call.declined == (count if extra else 0)
    assert all(("service_tier" in e.additional_properties) is extra for e in received)
