"""What the emulator needs to know about an operation, read from its spec.

Nothing here names a provider: every fact comes from the operation's schemas and its `x-stream`
extension (see specs/CONVENTIONS.md), so a fifth provider with a spec needs no code.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

from codegen.prepare import stream_facts
from codegen.providers import ClientFacts, Provider, load_providers

JSON = dict[str, Any]


def deref(spec: JSON, node: Any) -> Any:
    """Follow local `$ref`s until a schema that is not a bare reference."""
    while isinstance(node, dict) and "$ref" in node:
        target: Any = spec
        for part in node["$ref"].removeprefix("#/").split("/"):
            target = target[part.replace("~1", "/").replace("~0", "~")]
        node = target
    return node


def ref_name(node: Any) -> str | None:
    if isinstance(node, dict) and "$ref" in node:
        return str(node["$ref"]).rsplit("/", 1)[-1]
    return None


def variants(spec: JSON, node: Any) -> list[JSON]:
    """The schemas an `anyOf`/`oneOf` allows (or the schema itself), dereferenced."""
    node = deref(spec, node)
    options = node.get("anyOf") or node.get("oneOf")
    if options:
        return [v for option in options for v in variants(spec, option)]
    return [node]


def enum_values(spec: JSON, node: Any) -> list[Any]:
    return [value for v in variants(spec, node) for value in v.get("enum", [])]


def allows_null(spec: JSON, node: Any) -> bool:
    for v in variants(spec, node):
        kind = v.get("type")
        if kind == "null" or (isinstance(kind, list) and "null" in kind):
            return True
    return False


def path(dotted: str) -> tuple[str, ...]:
    return tuple(dotted.split(".")) if dotted else ()


@dataclass(frozen=True)
class Operation:
    """One operation of one provider, with the wire facts derived from its spec."""

    provider: Provider
    path: str
    operation_id: str
    raw: JSON

    @property
    def spec(self) -> JSON:
        return self.provider.spec

    @property
    def key(self) -> str:
        return self.provider.key

    @functools.cached_property
    def client(self) -> ClientFacts:
        """The client pair the operation is on (its path's `x-client` server, or the main one)."""
        return self.provider.client_of(self.path)

    @property
    def mount(self) -> str:
        """The emulator's path prefix of the operation's own client: `/<key>` or `/<key>-<x-client>`."""
        return self.client.mount

    @property
    def accepts_access_key(self) -> bool:
        return self.client.access_key

    # --- schemas -------------------------------------------------------------------------------

    @functools.cached_property
    def request_schema_name(self) -> str:
        name = ref_name(self.raw["requestBody"]["content"]["application/json"]["schema"])
        assert name, "request bodies are component references by convention"
        return name

    @functools.cached_property
    def request_schema(self) -> JSON:
        return deref(self.spec, self.raw["requestBody"]["content"]["application/json"]["schema"])

    @functools.cached_property
    def request_properties(self) -> JSON:
        return self.request_schema.get("properties", {})

    @functools.cached_property
    def response_schema(self) -> JSON:
        return deref(self.spec, self.raw["responses"]["200"]["content"]["application/json"]["schema"])

    @functools.cached_property
    def streams(self) -> bool:
        """Whether the operation can answer with an event stream."""
        return "text/event-stream" in self.raw["responses"]["200"]["content"]

    @functools.cached_property
    def stream_content(self) -> JSON:
        return self.raw["responses"]["200"]["content"]["text/event-stream"]

    @functools.cached_property
    def chunk_schema(self) -> JSON:
        return deref(self.spec, {"$ref": self.x_stream["event"]})

    @functools.cached_property
    def x_stream(self) -> JSON:
        """`x-stream` plus the payload schema (`event`) and `terminator` of the 3.2 itemSchema."""
        return stream_facts(self.stream_content, self.operation_id, self.spec)

    # --- wire framing (x-stream) ---------------------------------------------------------------

    @property
    def data_prefix(self) -> str:
        return str(self.x_stream["data-prefix"])

    @property
    def terminator(self) -> str:
        return str(self.x_stream["terminator"])

    @property
    def error_spec(self) -> JSON:
        return self.x_stream["error"]

    @property
    def status_field(self) -> str | None:
        """The member that reports success in every frame (when the error spec has an ok-code)."""
        return self.error_spec["field"] if "ok-code" in self.error_spec else None

    def gather(self, name: str) -> tuple[str, ...]:
        return path(str(self.x_stream["gather"].get(name, "")))

    @property
    def envelope(self) -> tuple[str, ...]:
        """Members around `choices` in a frame (e.g. ('data',)); also used for the JSON answer."""
        return self.gather("choices")[:-1]

    @property
    def extras(self) -> list[tuple[str, ...]]:
        return [path(p) for p in self.x_stream["gather"].get("extras", [])]

    # --- request facts -------------------------------------------------------------------------

    @property
    def is_chat(self) -> bool:
        return "messages" in self.request_properties

    @functools.cached_property
    def max_tokens_field(self) -> str | None:
        for name in ("max_tokens", "max_new_tokens"):
            if name in self.request_properties:
                return name
        return None

    @property
    def last_role(self) -> str | None:
        messages = self.request_properties.get("messages", {})
        return messages.get("x-last-role")

    @property
    def stop_included(self) -> bool:
        """Whether the returned text keeps the matched stop sequence (`x-stop-included` on `stop`)."""
        return bool(self.request_properties.get("stop", {}).get("x-stop-included", False))

    @property
    def has_stream_options(self) -> bool:
        return "stream_options" in self.request_properties

    # --- response facts ------------------------------------------------------------------------

    def _inner(self, schema: JSON) -> JSON:
        for member in self.envelope:
            schema = deref(self.spec, schema["properties"][member])
        return schema

    @functools.cached_property
    def answer_data_schema(self) -> JSON:
        return self._inner(self.response_schema)

    @functools.cached_property
    def chunk_data_schema(self) -> JSON:
        return self._inner(self.chunk_schema)

    @functools.cached_property
    def answer_choice_schema(self) -> JSON:
        return deref(self.spec, self.answer_data_schema["properties"]["choices"]["items"])

    @functools.cached_property
    def chunk_choice_schema(self) -> JSON:
        return deref(self.spec, self.chunk_data_schema["properties"]["choices"]["items"])

    @functools.cached_property
    def finish_reasons(self) -> list[str]:
        return enum_values(self.spec, self.chunk_choice_schema["properties"]["finish_reason"])

    @functools.cached_property
    def pending_finish_reason(self) -> str | None:
        """What a frame carries before the choice ends: the spec's `x-pending`, else null where
        allowed, else ''."""
        prop = self.chunk_choice_schema["properties"]["finish_reason"]
        if "x-pending" in prop:
            return prop["x-pending"]  # type: ignore[no-any-return]
        return None if allows_null(self.spec, prop) else ""

    @property
    def reasoning_path(self) -> tuple[str, ...]:
        """Inside a stream choice, where a reasoning model's chain of thought goes (`gather.reasoning`)."""
        return self.gather("reasoning")

    @functools.cached_property
    def usage_in_final_event(self) -> bool:
        """Whether every stream ends with a usage-only event (`x-final-event` on the chunk's usage)."""
        usage = self.gather("usage")
        prop = self.chunk_schema.get("properties", {}).get(usage[0], {}) if len(usage) == 1 else {}
        return bool(prop.get("x-final-event"))

    @functools.cached_property
    def request_id_member(self) -> bool:
        """Whether the answer carries the request id in its body (a top-level `request_id`)."""
        return "request_id" in self.response_schema.get("properties", {})

    @functools.cached_property
    def reply_message_members(self) -> set[str]:
        """Members of the answer's message object (`content`, and `reasoning` where it has one)."""
        props = self.answer_choice_schema["properties"]
        message = deref(self.spec, props["message"]) if "message" in props else {}
        return set(message.get("properties", {}))

    @functools.cached_property
    def answer_text_member(self) -> str:
        """`text`, or `message` (a string or an object with `content`) in the JSON answer."""
        props = self.answer_choice_schema["properties"]
        return "message" if "message" in props else "text"

    @functools.cached_property
    def message_is_object(self) -> bool:
        props = self.answer_choice_schema["properties"]
        return "message" in props and deref(self.spec, props["message"]).get("type") == "object"

    def object_value(self, schema: JSON) -> str | None:
        prop = schema.get("properties", {}).get("object")
        values = enum_values(self.spec, prop) if prop else []
        return values[0] if values else None

    @property
    def usage_in_every_frame(self) -> bool:
        """Usage nested in the frame envelope is reported in every frame (running totals)."""
        usage = self.gather("usage")
        return bool(self.envelope) and usage[: len(self.envelope)] == self.envelope

    # --- errors --------------------------------------------------------------------------------

    @functools.cached_property
    def error_detail_schema(self) -> JSON:
        body = deref(self.spec, self.raw["responses"]["4XX"]["content"]["application/json"]["schema"])
        return deref(self.spec, body["properties"]["error"])

    @functools.cached_property
    def numeric_error_codes(self) -> bool:
        """Whether the error `code` is primarily an integer (its first allowed type)."""
        code = self.error_detail_schema["properties"].get("code", {})
        first = variants(self.spec, code)[0].get("type")
        first = first[0] if isinstance(first, list) else first
        return first == "integer"

    @functools.cached_property
    def digit_string_error_codes(self) -> bool:
        """Whether the error `code` is a number written as a string: a string whose `examples` are digits."""
        code = deref(self.spec, self.error_detail_schema["properties"].get("code", {}))
        examples = code.get("examples") or []
        return code.get("type") == "string" and bool(examples) and all(str(e).isdigit() for e in examples)


@functools.cache
def operations() -> dict[str, dict[str, Operation]]:
    """provider key -> spec path -> Operation, for every provider in codegen/providers.toml."""
    table: dict[str, dict[str, Operation]] = {}
    for key, provider in load_providers().items():
        ops = table.setdefault(key, {})
        for spec_path, item in provider.spec["paths"].items():
            for method, raw in item.items():
                if method == "post":
                    ops[spec_path] = Operation(provider, spec_path, raw["operationId"], raw)
    return table


@functools.cache
def mounts() -> dict[str, dict[str, Operation]]:
    """Emulator path prefix -> spec path -> Operation. `/<key>` answers every operation of the
    provider's spec (its paths are unique, so one prefix can; the tests that go through every
    operation use it); the client of an operation on another host (`x-client`) also has `/<key>-<name>`,
    which answers only its own operations, as that host does."""
    table: dict[str, dict[str, Operation]] = {}
    for key, provider in load_providers().items():
        table[key] = dict(operations()[key])
        for client in provider.clients.values():
            if client.name:
                table[client.mount] = {path: op for path, op in operations()[key].items() if op.mount == client.mount}
    return table


def provider_of(mount: str) -> str | None:
    """The provider key of an emulator path prefix (None if it is none)."""
    ops = mounts().get(mount)
    if ops is None:
        return None
    return next(iter(ops.values())).key if ops else mount


def find(provider: str, operation_id: str) -> Operation:
    for op in operations()[provider].values():
        if op.operation_id == operation_id:
            return op
    raise LookupError(f"{provider} has no operation {operation_id!r}")
