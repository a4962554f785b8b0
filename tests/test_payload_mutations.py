"""Whatever a server sends, a call raises nothing outside errors.APIError.

Every field (the root included) of every documented answer (`tests/fixtures/*/*/response*.json`)
and of every differently shaped frame of every documented stream (`stream.sse`) is replaced in
turn by null, a string, a number, a list and an object, or removed; each variant is served over
loopback to the operation (sync and async for answers; the typed stream for frames). A call may
succeed or raise a typed error; any other exception is collected and fails the test with the
list of field paths, replacements and exception types.
"""

from __future__ import annotations

import asyncio
import copy
import importlib
import json
import typing
from collections.abc import Iterator
from pathlib import Path
from typing import Any

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


def _variants(document: Any) -> Iterator[tuple[str, Any]]:
    for path in _paths(document):
        for name, replacement in REPLACEMENTS.items():
            if replacement is _REMOVED and not path:
                continue
            yield f"{'/'.join(map(str, path)) or '<root>'} -> {name}", _mutated(document, path, replacement)


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


def _sync_escapes(module: Any, client: Any, body: Any, serving: _Serving, variants: list[tuple[str, Any]]) -> list[str]:
    escaped = []
    for label, document in variants:
        serving.payload = json.dumps(document).encode()
        try:
            module.sync(client=client, body=body)
        except Exception as exc:  # the point is to catch whatever escapes
            if _escaped(exc, client):
                escaped.append(f"sync {label}: {exc!r}")
    return escaped


async def _async_escapes(
    module: Any, client: Any, body: Any, serving: _Serving, variants: list[tuple[str, Any]]
) -> list[str]:
    escaped = []
    async with client:
        for label, document in variants:
            serving.payload = json.dumps(document).encode()
            try:
                await module.asyncio(client=client, body=body)
            except Exception as exc:
                if _escaped(exc, client):
                    escaped.append(f"async {label}: {exc!r}")
    return escaped


@pytest.mark.parametrize(("provider", "operation_id"), OPERATIONS, ids=[f"{p}-{o}" for p, o in OPERATIONS])
def test_no_mutation_of_a_documented_answer_escapes_the_error_hierarchy(provider: str, operation_id: str) -> None:
    package = PACKAGES[provider]
    module = _operation(provider, operation_id)
    body = _request_body(provider, operation_id, module)
    serving = _Serving()
    escaped: list[str] = []
    tried = 0
    with local_server(serving.reply) as server:
        for fixture in sorted((FIXTURES / provider / operation_id).glob("response*.json")):
            variants = list(_variants(json.loads(fixture.read_text())))
            with package.AuthenticatedClient(CANARY, base_url=server.url, max_retries=0) as client:
                escaped += [f"{fixture.name} {e}" for e in _sync_escapes(module, client, body, serving, variants)]
            client = package.AuthenticatedClient(CANARY, base_url=server.url, max_retries=0)
            found = asyncio.run(_async_escapes(module, client, body, serving, variants))
            escaped += [f"{fixture.name} {e}" for e in found]
            tried += len(variants)
    assert tried > 50
    assert not escaped, f"{len(escaped)} of {tried} mutations escaped errors.APIError:\n" + "\n".join(escaped)


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


@pytest.mark.usefixtures("json_parser")  # with msgspec (the default) and with json (the pure path)
@pytest.mark.parametrize(("provider", "operation_id"), OPERATIONS, ids=[f"{p}-{o}" for p, o in OPERATIONS])
def test_no_mutation_of_a_documented_stream_frame_escapes_the_error_hierarchy(provider: str, operation_id: str) -> None:
    package = PACKAGES[provider]
    module = _operation(provider, operation_id)
    body = _request_body(provider, operation_id, module)
    frames = _frames(provider, operation_id)
    serving = _Serving()
    serving.content_type = "text/event-stream"
    escaped: list[str] = []
    tried = 0
    shapes: set[frozenset[tuple[Any, ...]]] = set()
    with local_server(serving.reply) as server:
        client = package.AuthenticatedClient(CANARY, base_url=server.url, max_retries=0)
        for index, block in enumerate(frames):
            document = _frame_json(block)
            if document is None or _shape(document) in shapes:
                continue
            shapes.add(_shape(document))
            for label, mutated in _variants(document):
                stream = [*frames[:index], f"data: {json.dumps(mutated)}", *frames[index + 1 :]]
                serving.payload = ("\n\n".join(stream) + "\n\n").encode()
                tried += 1
                try:
                    module.stream(client=client, body=body).until_done()
                except Exception as exc:
                    if _escaped(exc, client):
                        escaped.append(f"frame {index} {label}: {exc!r}")
    assert tried > 20
    assert not escaped, f"{len(escaped)} of {tried} mutations escaped errors.APIError:\n" + "\n".join(escaped)
