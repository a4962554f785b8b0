"""Whatever a server sends, a call raises nothing outside errors.APIError, and types hold.

Every field (the root included) of every documented answer (`tests/fixtures/*/*/response*.json`)
and of every differently shaped frame of every documented stream (`stream.sse`) is replaced in
turn by null, a string, a number, a list and an object, or removed; each variant is served over
loopback to the operation (sync and async for answers; the typed stream for frames). The
outcome of each is checked against the type rule (docs/types.md), worked out here from the
models' annotations (typing.get_type_hints) and attrs defaults, not from the generated code:

- the value matches the field's declared type: the attribute at that path holds it;
- it does not, and some field on the way from the root to it is optional: the deepest such
  field reads None and its model's additional_properties keeps what arrived;
- it does not, and every field on the way is required: the call raises a typed error whose
  message names the JSON path of the mutated field (`$.choices[0].index`);

and in the first two cases to_dict() of the result is the mutated JSON. Anything else
(including an exception outside errors.APIError) is collected and fails the test with the
list of field paths and replacements.
"""

from __future__ import annotations

import asyncio
import copy
import importlib
import json
import sys
import types
import typing
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs
import pytest

from tests.client_cases import CANARY, PACKAGES, local_server

FIXTURES = Path(__file__).parent / "fixtures"
_REMOVED = object()
REPLACEMENTS: dict[str, Any] = {
    "null": None,
    "string": "x",
    "number": 7,
    "list": [],
    "object": {},
    "removed": _REMOVED,
}
OPERATIONS = sorted(
    (path.parent.name, path.name) for path in FIXTURES.glob("*/*") if path.is_dir() and path.parent.name in PACKAGES
)


def _operation(provider: str, operation_id: str) -> Any:
    package = PACKAGES[provider]
    [module_path] = Path(package.__file__).parent.glob(f"api/*/{operation_id}.py")
    return importlib.import_module(f"{package.__name__}.api.{module_path.parent.name}.{operation_id}")


def _request_body(provider: str, operation_id: str, module: Any) -> Any:
    module._load()  # the first call's import of the models, whose names the annotations are (docs/import-time.md)
    model = typing.get_type_hints(module.sync)["body"]
    return model.from_dict(json.loads((FIXTURES / provider / operation_id / "request.json").read_text()))


def _paths(value: Any, prefix: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    yield prefix
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _paths(item, (*prefix, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _paths(item, (*prefix, index))


def _mutated(document: Any, path: tuple[Any, ...], replacement: Any) -> Any:
    if not path:
        return {} if replacement is _REMOVED else replacement
    result = copy.deepcopy(document)
    parent = result
    for key in path[:-1]:
        parent = parent[key]
    if replacement is _REMOVED:
        del parent[path[-1]]
    else:
        parent[path[-1]] = copy.deepcopy(replacement)
    return result


class Variant(typing.NamedTuple):
    label: str
    path: tuple[Any, ...]
    replacement: Any
    document: Any  # the mutated JSON


def _variants(document: Any) -> Iterator[Variant]:
    for path in _paths(document):
        for name, replacement in REPLACEMENTS.items():
            if replacement is _REMOVED and not path:
                continue
            label = f"{'/'.join(map(str, path)) or '<root>'} -> {name}"
            yield Variant(label, path, replacement, _mutated(document, path, replacement))


# --- the type rule, from the annotations


def _fields(model: type) -> dict[str, tuple[str, Any, bool]]:
    """JSON key -> (attribute, declared type, optional) of a response model's fields."""
    module = sys.modules[model.__module__]
    hints = typing.get_type_hints(model, vars(module))
    optional = {field.name: field.default is not attrs.NOTHING for field in attrs.fields(model)}
    return {key: (attr, hints[attr], optional[attr]) for attr, key in module._FIELDS}


def _is_model(tp: Any) -> bool:
    return isinstance(tp, type) and hasattr(tp, "from_dict")


def _matches(tp: Any, value: Any) -> bool:
    """Whether a JSON value matches a declared type (the rule of docs/types.md)."""
    if tp is Any:
        return True
    if tp is type(None):
        return value is None
    origin, args = typing.get_origin(tp), typing.get_args(tp)
    if origin in (typing.Union, types.UnionType):
        return any(_matches(arg, value) for arg in args)
    if origin is typing.Literal:
        return any(type(value) is type(arg) and value == arg for arg in args)
    if origin is list:
        return type(value) is list and all(_matches(args[0], item) for item in value)
    if tp is float:
        return type(value) in (int, float)
    if tp in (str, int, bool):
        return type(value) is tp
    if _is_model(tp):
        return type(value) is dict and all(
            key in value and _matches(declared, value[key])
            for key, (_, declared, optional) in _fields(tp).items()
            if not optional
        )
    raise AssertionError(f"the test has no rule for {tp!r}")


def _inside(tp: Any, step: Any) -> tuple[Any, bool] | None:
    """(declared type, optional) of `step` (a key or an index) inside a value of type tp; None
    where the step leaves the declared fields (a key the spec does not name, a free-form value)."""
    union = typing.get_origin(tp) in (typing.Union, types.UnionType)
    options = [arg for arg in typing.get_args(tp) if arg is not type(None)] if union else [tp]
    for option in options:
        if isinstance(step, int) and typing.get_origin(option) is list:
            return typing.get_args(option)[0], False
        if isinstance(step, str) and _is_model(option):
            field = _fields(option).get(step)
            return None if field is None else (field[1], field[2])
    return None


def _expected(root: type, variant: Variant) -> tuple[str, tuple[Any, ...]]:
    """What the rule says the variant becomes: ("holds", path), ("demoted", path of the deepest
    optional field above), ("error", path) or ("kept", ()) where only to_dict() can be checked
    (a free-form value, a key the spec does not name, a list item removed)."""
    path, replacement = variant.path, variant.replacement
    if not path:
        return ("holds", ()) if _matches(root, replacement) else ("error", ())
    if replacement is _REMOVED and isinstance(path[-1], int):
        return "kept", ()  # a shorter list is still a list
    tp: Any = root
    optional_at: list[tuple[Any, ...]] = []
    for depth, step in enumerate(path):
        inside = _inside(tp, step)
        if inside is None:
            return "kept", ()
        tp, optional = inside
        if optional:
            optional_at.append(path[: depth + 1])
    last_optional = bool(optional_at) and optional_at[-1] == path
    fits = last_optional if replacement is _REMOVED else _matches(tp, replacement)
    if fits:
        return "holds", path
    return ("demoted", optional_at[-1]) if optional_at else ("error", path)


def _json_path(path: tuple[Any, ...]) -> str:
    return "$" + "".join(f"[{step}]" if isinstance(step, int) else f".{step}" for step in path)


def _attribute(model: Any, key: str) -> str:
    return dict((key, attr) for attr, key in sys.modules[type(model).__module__]._FIELDS)[key]


def _at(value: Any, path: tuple[Any, ...]) -> Any:
    """The typed value at a JSON path of a parsed model."""
    for step in path:
        value = value[step] if isinstance(step, int) else getattr(value, _attribute(value, step))
    return value


def _json_at(document: Any, path: tuple[Any, ...]) -> Any:
    for step in path:
        document = document[step]
    return document


def _as_json(value: Any) -> Any:
    if isinstance(value, list):
        return [_as_json(item) for item in value]
    return value.to_dict() if hasattr(value, "to_dict") else value


def _broken_rule(root: type, variant: Variant, result: Any, exc: BaseException | None) -> str | None:
    """Why the outcome (a parsed result, or the error raised) breaks the type rule; None if it holds."""
    outcome, path = _expected(root, variant)
    if exc is not None:
        if outcome == "error" and (not path or _json_path(path) in str(exc)):
            return None
        return f"expected {outcome} {_json_path(path)}, raised {exc!r}"[:600]
    if outcome == "error":
        return f"expected a typed error naming {_json_path(path)}, got {result!r}"[:600]
    if result.to_dict() != variant.document:
        return f"to_dict() is not the JSON that arrived: {result.to_dict()!r}"[:600]
    if outcome == "holds" and path:
        held = _as_json(_at(result, path))
        wanted = None if variant.replacement is _REMOVED else variant.replacement
        if held != wanted or type(held) is not type(wanted):
            return f"expected {_json_path(path)} to hold {wanted!r}, it holds {held!r}"
    if outcome == "demoted":
        owner, key = _at(result, path[:-1]), path[-1]
        kept = owner.additional_properties.get(key, _REMOVED)
        if _at(result, path) is not None or kept != _json_at(variant.document, path):
            return f"expected {_json_path(path)} None and kept in additional_properties, got {owner!r}"[:600]
    return None


def _answer_root(module: Any) -> type:
    returned = typing.get_type_hints(module.sync)["return"]
    [model] = [arg for arg in typing.get_args(returned) or (returned,) if _is_model(arg)]
    return model


class _Serving:
    """The one answer the loopback server gives next (calls are made one at a time)."""

    def __init__(self) -> None:
        self.content_type = "application/json"
        self.payload = b""

    def reply(self, headers: dict[str, str]) -> tuple[int, dict[str, str], bytes]:
        return 200, {"content-type": self.content_type}, self.payload


def _escaped(exc: BaseException, client: Any) -> bool:
    errors = importlib.import_module(f"{type(client).__module__.partition('.')[0]}.errors")
    return not isinstance(exc, errors.APIError)


def _problem(root: type, variant: Variant, result: Any, error: Exception | None, client: Any) -> str | None:
    """What is wrong with one variant's outcome: an escaped exception, or a broken type rule."""
    if error is not None and _escaped(error, client):
        return f"escaped errors.APIError: {error!r}"
    return _broken_rule(root, variant, result, error)


def _sync_problems(module: Any, client: Any, body: Any, serving: _Serving, variants: list[Variant]) -> list[str]:
    problems = []
    root = _answer_root(module)
    for variant in variants:
        serving.payload = json.dumps(variant.document).encode()
        try:
            result, error = module.sync(client=client, body=body), None
        except Exception as exc:  # the point is to catch whatever escapes
            result, error = None, exc
        problem = _problem(root, variant, result, error, client)
        if problem:
            problems.append(f"sync {variant.label}: {problem}")
    return problems


async def _async_problems(module: Any, client: Any, body: Any, serving: _Serving, variants: list[Variant]) -> list[str]:
    problems = []
    root = _answer_root(module)
    async with client:
        for variant in variants:
            serving.payload = json.dumps(variant.document).encode()
            try:
                result, error = await module.asyncio(client=client, body=body), None
            except Exception as exc:
                result, error = None, exc
            problem = _problem(root, variant, result, error, client)
            if problem:
                problems.append(f"async {variant.label}: {problem}")
    return problems


@pytest.mark.parametrize(("provider", "operation_id"), OPERATIONS, ids=[f"{p}-{o}" for p, o in OPERATIONS])
def test_every_mutation_of_a_documented_answer_follows_the_type_rule(provider: str, operation_id: str) -> None:
    package = PACKAGES[provider]
    module = _operation(provider, operation_id)
    body = _request_body(provider, operation_id, module)
    serving = _Serving()
    problems: list[str] = []
    tried = 0
    with local_server(serving.reply) as server:
        for fixture in sorted((FIXTURES / provider / operation_id).glob("response*.json")):
            variants = list(_variants(json.loads(fixture.read_text())))
            with package.AuthenticatedClient(CANARY, base_url=server.url, max_retries=0) as client:
                problems += [f"{fixture.name} {p}" for p in _sync_problems(module, client, body, serving, variants)]
            client = package.AuthenticatedClient(CANARY, base_url=server.url, max_retries=0)
            found = asyncio.run(_async_problems(module, client, body, serving, variants))
            problems += [f"{fixture.name} {p}" for p in found]
            tried += len(variants)
    assert tried > 50
    assert not problems, f"{len(problems)} of {2 * tried} outcomes break the rule:\n" + "\n".join(problems)


def _frames(provider: str, operation_id: str) -> list[str]:
    text = (FIXTURES / provider / operation_id / "stream.sse").read_text()
    return [block for block in text.replace("\r\n", "\n").split("\n\n") if block.strip()]


def _frame_json(block: str) -> Any:
    data = "\n".join(line[5:].lstrip(" ") for line in block.split("\n") if line.startswith("data:"))
    try:
        return json.loads(data)
    except ValueError:
        return None  # the terminator


def _shape(document: Any) -> frozenset[tuple[Any, ...]]:
    return frozenset(tuple("#" if isinstance(k, int) else k for k in path) for path in _paths(document))


def _stream_root(module: Any) -> type:
    stream = typing.get_type_hints(module.stream)["return"]
    return typing.cast(type, typing.get_args(stream)[0])


@pytest.mark.usefixtures("json_parser")  # with msgspec (the default) and with json (the pure path)
@pytest.mark.parametrize(("provider", "operation_id"), OPERATIONS, ids=[f"{p}-{o}" for p, o in OPERATIONS])
def test_every_mutation_of_a_documented_stream_frame_follows_the_type_rule(provider: str, operation_id: str) -> None:
    package = PACKAGES[provider]
    module = _operation(provider, operation_id)
    body = _request_body(provider, operation_id, module)
    root = _stream_root(module)
    error_field = module._STREAM_FORMAT.error_field
    frames = _frames(provider, operation_id)
    serving = _Serving()
    serving.content_type = "text/event-stream"
    problems: list[str] = []
    tried = 0
    shapes: set[frozenset[tuple[Any, ...]]] = set()
    with local_server(serving.reply) as server:
        client = package.AuthenticatedClient(CANARY, base_url=server.url, max_retries=0)
        for index, block in enumerate(frames):
            document = _frame_json(block)
            if document is None or _shape(document) in shapes:
                continue
            shapes.add(_shape(document))
            position = sum(isinstance(_frame_json(before), dict) for before in frames[:index])  # its event's
            for variant in _variants(document):
                stream = [*frames[:index], f"data: {json.dumps(variant.document)}", *frames[index + 1 :]]
                serving.payload = ("\n\n".join(stream) + "\n\n").encode()
                tried += 1
                events: list[Any] = []
                try:
                    with module.stream(client=client, body=body) as events_stream:
                        events = [*events_stream]
                        events_stream.until_done()
                except Exception as exc:
                    # the in-stream error member is read before the event's types (x-stream.error)
                    reported = type(exc).__name__ == "StreamError" and variant.path[:1] == (error_field,)
                    problem = None if reported else _problem(root, variant, None, exc, client)
                else:
                    if variant.document is None:  # `data: null`: skipped, as llama.cpp's server starts streams
                        continue
                    problem = _broken_rule(root, variant, events[position], None)
                if problem:
                    problems.append(f"frame {index} {variant.label}: {problem}")
    assert tried > 20
    assert not problems, f"{len(problems)} of {tried} mutations break the rule:\n" + "\n".join(problems)


# --- an answer the user can still use is not lost for a field they did not need


def _wrong_value(tp: Any) -> Any:
    return next(value for value in (5, "x", [5]) if not _matches(tp, value))


def _spoiled(document: dict[str, Any], root: type, error_field: str) -> tuple[dict[str, Any], list[str]]:
    """The frame with every optional field of the event model, and of the models its required
    fields hold (SenseNova's `data`), given a value of the wrong type; and those fields' paths."""
    document = copy.deepcopy(document)
    spoiled = []
    levels: list[tuple[tuple[str, ...], type]] = [((), root)]
    levels += [((key,), tp) for key, (_, tp, optional) in _fields(root).items() if not optional and _is_model(tp)]
    for path, model in levels:
        target = _json_at(document, path)
        for key, (_, tp, optional) in _fields(model).items():
            if optional and key != error_field:
                target[key] = _wrong_value(tp)
                spoiled.append(_json_path((*path, key)))
    return document, spoiled


@pytest.mark.parametrize(("provider", "operation_id"), OPERATIONS, ids=[f"{p}-{o}" for p, o in OPERATIONS])
def test_a_wrong_type_in_a_field_the_text_does_not_need_keeps_the_whole_text(provider: str, operation_id: str) -> None:
    package = PACKAGES[provider]
    module = _operation(provider, operation_id)
    body = _request_body(provider, operation_id, module)
    root = _stream_root(module)
    frames = _frames(provider, operation_id)
    spoiled_frames, spoiled_paths = [], set()
    for block in frames:
        document = _frame_json(block)
        if isinstance(document, dict):
            document, paths = _spoiled(document, root, module._STREAM_FORMAT.error_field)
            spoiled_paths.update(paths)
            block = f"data: {json.dumps(document)}"
        spoiled_frames.append(block)
    assert spoiled_paths  # e.g. $.system_fingerprint and $.usage on Lanrui, $.data.usage on SenseNova
    serving = _Serving()
    serving.content_type = "text/event-stream"
    results = []
    with local_server(serving.reply) as server:
        client = package.AuthenticatedClient(CANARY, base_url=server.url, max_retries=0)
        for stream in (frames, spoiled_frames):
            serving.payload = ("\n\n".join(stream) + "\n\n").encode()
            results.append(module.stream(client=client, body=body).until_done())
    clean, spoiled = results
    assert clean.text
    assert [(c.index, c.text, c.finish_reason) for c in spoiled.choices] == [
        (c.index, c.text, c.finish_reason) for c in clean.choices
    ], sorted(spoiled_paths)
    assert spoiled.events == clean.events


@pytest.mark.usefixtures("json_parser")  # with msgspec (the default) and with json (the pure path)
@pytest.mark.parametrize(("provider", "operation_id"), OPERATIONS, ids=[f"{p}-{o}" for p, o in OPERATIONS])
def test_a_wrong_type_in_a_required_field_ends_the_stream_keeping_the_text(provider: str, operation_id: str) -> None:
    """The last frame's first required field gets a value of the wrong type: the stream raises
    MalformedStreamEventError naming its JSON path, keeping the text of the frames before it."""
    package = PACKAGES[provider]
    module = _operation(provider, operation_id)
    body = _request_body(provider, operation_id, module)
    root = _stream_root(module)
    frames = _frames(provider, operation_id)
    documents = [(i, d) for i, d in enumerate(map(_frame_json, frames)) if isinstance(d, dict)]
    index, document = documents[-1]
    key, tp = next((k, tp) for k, (_, tp, optional) in _fields(root).items() if not optional)
    broken = [*frames[:index], f"data: {json.dumps({**document, key: _wrong_value(tp)})}", *frames[index + 1 :]]
    serving = _Serving()
    serving.content_type = "text/event-stream"
    with local_server(serving.reply) as server:
        client = package.AuthenticatedClient(CANARY, base_url=server.url, max_retries=0)
        serving.payload = ("\n\n".join(frames[:index] + frames[index + 1 :]) + "\n\n").encode()
        before = module.stream(client=client, body=body).until_done()  # the frames before it, whole
        serving.payload = ("\n\n".join(broken) + "\n\n").encode()
        with pytest.raises(package.errors.MalformedStreamEventError) as caught:
            module.stream(client=client, body=body).until_done()
    assert _json_path((key,)) in str(caught.value)
    assert caught.value.text == {c.index: c.text for c in before.choices} and caught.value.text
    assert len(caught.value.events) == 1
