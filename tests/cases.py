"""The per-provider cases of every suite, from data only: the providers of codegen/providers.toml,
the operations of their specs and the fixtures under tests/fixtures/<provider>/<operationId>/.

No suite keeps its own list of providers or operations: it takes them from here, so a provider
added to providers.toml (with its spec and fixtures) is in every suite's parameters, and a fact
a suite needs but that is missing (a fixture, a package not generated) fails at collection,
naming the file to add. docs/adding-a-provider.md lists what a provider needs.
"""

from __future__ import annotations

import importlib
import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

from codegen.providers import Provider, load_providers
from tests.specs import FIXTURES, Operation, load_spec, operations, stream_extension

PROVIDERS: dict[str, Provider] = load_providers()
KEYS = tuple(PROVIDERS)
# The smallest body each operation's spec accepts: the one call the suites make (model names the
# emulator knows). Required next to every operation's documented payloads (tests/test_specs.py).
MINIMAL = "request-minimal.json"


class _Packages(Mapping[str, ModuleType]):
    """Each provider's package by key, with its models and operation modules (so that
    `PACKAGES[key].api.<tag>.<operationId>` is there), imported when first asked for: bench/
    reads the cases before it puts the generated projects on sys.path."""

    def __getitem__(self, key: str) -> ModuleType:
        package = importlib.import_module(PROVIDERS[key].package)
        importlib.import_module(f"{package.__name__}.models")
        for case in OPERATIONS:
            if case.provider == key:
                importlib.import_module(case.module_name)
        return package

    def __iter__(self) -> Iterator[str]:
        return iter(KEYS)

    def __len__(self) -> int:
        return len(KEYS)


PACKAGES: Mapping[str, ModuleType] = _Packages()


def _ref_name(schema: dict[str, Any]) -> str:
    return str(schema["$ref"]).rsplit("/", 1)[1]


@dataclass(frozen=True)
class OperationCase:
    """One operation of one provider's spec, with what the suites need to call it."""

    provider: str  # the key in codegen/providers.toml
    operation_id: str
    client: str  # the client it is on: the provider key, or the emulator mount of a client on another host
    method: str  # its x-client-method, e.g. "chat.completions.create"
    spec: Operation

    def __str__(self) -> str:
        return f"{self.provider}-{self.operation_id}"

    @property
    def package(self) -> ModuleType:
        return PACKAGES[self.provider]

    @property
    def package_name(self) -> str:
        return PROVIDERS[self.provider].package

    @property
    def module_name(self) -> str:
        """The generated function module: <package>.api.<tag>.<operationId>."""
        (tag, *_) = self.spec.raw["tags"]
        return f"{self.package_name}.api.{tag}.{self.operation_id}"

    @property
    def module(self) -> ModuleType:
        return importlib.import_module(self.module_name)

    @property
    def openai_route(self) -> tuple[str, str] | None:
        """(base path, "chat" or "completions") where the openai SDK can call the operation: it is
        `x-openai-compatible` in its spec and its path ends as the SDK appends its method
        (`/chat/completions`), as codegen/readme.py has it; else None."""
        spec = load_spec(self.provider)
        if not self.spec.raw.get("x-openai-compatible", spec["info"].get("x-openai-compatible", False)):
            return None
        resource = self.method.split(".")[:-1]  # ["chat", "completions"]
        tail = "/" + "/".join(resource)
        if not self.spec.path.endswith(tail):
            return None
        return self.spec.path.removesuffix(tail), resource[0]

    @property
    def fixtures(self) -> Path:
        return FIXTURES / self.provider / self.operation_id

    @property
    def minimal(self) -> dict[str, Any]:
        """The operation's smallest request body (a fresh copy), from its request-minimal.json."""
        return _minimal(self.fixtures / MINIMAL)

    def _model(self, name: str) -> type:
        models = importlib.import_module(f"{PROVIDERS[self.provider].package}.models")
        return getattr(models, name)  # type: ignore[no-any-return]

    @property
    def request_model_name(self) -> str:
        return _ref_name(self.spec.raw["requestBody"]["content"]["application/json"]["schema"])

    @property
    def request_model(self) -> type:
        return self._model(self.request_model_name)

    @property
    def result_model(self) -> type:
        return self._model(_ref_name(self.spec.raw["responses"]["200"]["content"]["application/json"]["schema"]))

    @property
    def event_model(self) -> type:
        """The model of one stream event's payload (the `contentSchema` of the itemSchema's data)."""
        return self._model(stream_extension(self.spec)["event"].rsplit("/", 1)[1])


def _minimal(path: Path) -> dict[str, Any]:
    if not path.is_file():
        raise LookupError(f"{path} is missing: every operation needs the smallest body its spec accepts there")
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def _operations() -> tuple[OperationCase, ...]:
    found = []
    for key, provider in PROVIDERS.items():
        for op in operations(key):
            client = provider.client_of(op.path, op.method).mount
            found.append(OperationCase(key, op.operation_id, client, op.raw["x-client-method"], op))
    return tuple(found)


# Every operation of every spec, in providers.toml order, then spec order.
OPERATIONS = _operations()


def operation_case(name: str) -> OperationCase:
    """The case named "<provider>-<operationId>"."""
    (found,) = [case for case in OPERATIONS if str(case) == name]
    return found


def main_operation(key: str) -> OperationCase:
    """The provider's one representative call: the first chat operation of its main client,
    else the main client's first operation."""
    own = [case for case in OPERATIONS if case.provider == key and case.client == key]
    chat = [case for case in own if case.method.startswith("chat.")]
    return (chat or own)[0]
