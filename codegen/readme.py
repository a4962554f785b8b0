"""What a package README shows, derived from the provider's spec (codegen/project_templates/README.md.jinja).

The examples are data, not template code: each request body may carry named OpenAPI examples with
`x-readme: true` (specs/CONVENTIONS.md). An operation's first one is its hello world; the others
become the README's provider-parameter sections (`summary` as title, `description` as text). So a
provider's parameters are shown with values the spec checks (tests/test_readme_examples.py
validates them against the request schema), and no template names a provider or a field.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from openapi_python_client.strings import fix_reserved_words, snake_case

from codegen.prepare import event_schema_ref
from codegen.providers import ClientFacts, Provider

# Sampling parameters that OpenAI-style servers (llama.cpp, vLLM, ...) commonly accept beyond
# a provider's document; the README shows `extra_body` with the first two its schema lacks.
COMMON_EXTRA_PARAMETERS: tuple[tuple[str, object], ...] = (
    ("seed", 42),
    ("top_k", 40),
    ("stop", ["\n\n"]),
    ("n", 2),
    ("ignore_eos", False),
    ("min_tokens", 1),
)
WIDTH = 100  # longest source line of a rendered call


@dataclass(frozen=True)
class Example:
    title: str
    description: str
    arguments: dict[str, Any]

    @property
    def stream(self) -> bool:
        return self.arguments.get("stream") is True

    def with_names(self, *names: str) -> Example:
        """This example with the arguments `names` passed as variables of the same name (`messages=messages`)."""
        arguments = {k: Name(k) if k in names else v for k, v in self.arguments.items()}
        return Example(self.title, self.description, arguments)

    def call(self, method: str, indent: int = 0, prefix: str = "", suffix: str = "", **extra: Any) -> str:
        """Python source of `method(...)` with this example's arguments (plus `extra`) as keywords,
        between `prefix` and `suffix`, on a line indented by `indent`."""
        arguments = {**self.arguments, **extra}
        return prefix + render_call(method, arguments, indent, len(prefix) + len(suffix)) + suffix


@dataclass(frozen=True)
class Operation:
    id: str
    tag: str
    summary: str
    request: str  # request model class
    var: str  # the README's variable for a request model of this operation
    result: str  # the result model class
    method: str  # the openai-style path, e.g. "chat.completions.create"
    answer: str  # attribute path from a result to its first choice's text, e.g. "choices[0].text"
    event: str  # the stream's event model class
    extras: list[str]  # JSON names of the extra results a stream gathers
    examples: list[Example]  # the first is the hello world
    # (argument, TypedDict of its items) for each list-of-objects argument of the hello world, e.g.
    # ("messages", "ChatMessageParam"): what a list kept in a variable is annotated with.
    list_params: list[tuple[str, str]]
    # (argument, params it takes) for each list-of-objects argument of the request: its item's
    # TypedDict, then those nested in it (content parts), as in <package>.params.
    item_types: list[tuple[str, list[str]]]
    # (JSON name, attribute) for each field of the result whose attribute differs: the generator
    # adds `_` to names of Python builtins and keywords, e.g. ("object", "object_").
    renamed: list[tuple[str, str]]
    client: ClientFacts  # the client pair the operation is on
    client_var: str  # the README's variable for that client when it is not the quick start's
    reasoning: str  # attribute path to the first choice's reasoning ("" where the answer has none)
    openai_compatible: bool  # the operation speaks the OpenAI wire protocol (x-openai-compatible)
    strict: bool  # its request schema refuses members it does not name (additionalProperties: false)

    @property
    def result_var(self) -> str:
        """The README's variable for a result: `chat_completion`, `completion`."""
        return snake_case(self.result)

    @property
    def module(self) -> str:
        """The operation's function module under the package: `api.chat.create_chat_completion`."""
        return f"api.{snake_case(self.tag)}.{self.id}"

    @property
    def hello(self) -> Example:
        return self.examples[0]

    @property
    def sections(self) -> list[Example]:
        return self.examples[1:]


# The package READMEs: template in codegen/project_templates -> file in the project (and the sdist).
TEMPLATES = {"README.md.jinja": "README.md", "README.zh-CN.md.jinja": "README.zh-CN.md"}


def context(provider: Provider) -> dict[str, Any]:
    """What the README templates see besides `p` (the provider)."""
    return {
        "operations": operations(provider),
        "openai_compatible": openai_compatible(provider),
        "openai_base_url": openai_base_url(provider),
        "extra_parameters": extra_parameters(provider),
    }


def operations(provider: Provider) -> list[Operation]:
    """The provider's operations: the spec's `info.x-quick-start` first (the operation a new user
    has), then chat (the call most users come for), then spec order."""
    found = [
        _operation(provider, path, op)
        for path, item in provider.spec["paths"].items()
        for verb, op in item.items()
        if isinstance(op, dict) and verb == "post"
    ]
    first = provider.spec["info"].get("x-quick-start")
    if first is not None and first not in {op.id for op in found}:
        raise SystemExit(f"info.x-quick-start: no operation {first!r}")
    return sorted(found, key=lambda op: (op.id != first, not op.method.startswith("chat.")))


def openai_compatible(provider: Provider) -> bool:
    """Whether the quick start's operation speaks the OpenAI wire protocol (the README then has
    a "coming from the openai SDK" section for its client)."""
    return operations(provider)[0].openai_compatible


def openai_base_url(provider: Provider) -> str | None:
    """The base URL the openai SDK is given for this provider: the default base URL plus the part
    of the operations' path before what the openai SDK appends (`/chat/completions` for
    `chat.completions.create`), e.g. `https://api.lanrui.co/v1`. None if the provider is not
    OpenAI-compatible, or its paths do not end the openai way or do not agree on that part."""
    if not openai_compatible(provider):
        return None
    paths = {op["operationId"]: path for path, item in provider.spec["paths"].items() for op in item.values()}
    prefixes = set()
    first = operations(provider)[0]
    for op in (op for op in operations(provider) if op.client == first.client):
        tail = "/" + "/".join(op.method.split(".")[:-1])
        if not paths[op.id].endswith(tail):
            return None
        prefixes.add(paths[op.id].removesuffix(tail))
    return first.client.default_base_url + prefixes.pop() if len(prefixes) == 1 else None


def extra_parameters(provider: Provider, count: int = 2) -> dict[str, object]:
    """Common OpenAI-style parameters that no request schema of this provider declares."""
    declared = {
        name for schema in provider.spec["components"]["schemas"].values() for name in schema.get("properties", {})
    }
    missing = [(name, value) for name, value in COMMON_EXTRA_PARAMETERS if name not in declared]
    return dict(missing[:count])


def _operation(provider: Provider, path: str, op: dict[str, Any]) -> Operation:
    spec = provider.spec
    media = op["requestBody"]["content"]["application/json"]
    request = media["schema"]["$ref"].rsplit("/", 1)[1]
    examples = [
        Example(str(ex.get("summary", "")), " ".join(str(ex.get("description", "")).split()), ex["value"])
        for ex in media.get("examples", {}).values()
        if ex.get("x-readme")
    ]
    if not examples:
        raise SystemExit(f"{op['operationId']}: no request example marked `x-readme: true` for the README")
    content = op["responses"]["200"]["content"]
    stream = content["text/event-stream"]
    gather = stream["x-stream"]["gather"]
    result = content["application/json"]["schema"]
    client = provider.client_of(path)
    answer = _answer_path(spec, result, gather["choices"])
    compatible = op.get("x-openai-compatible", spec["info"].get("x-openai-compatible", False))
    return Operation(
        id=op["operationId"],
        tag=op["tags"][0],
        summary=op.get("summary", ""),
        request=request,
        var=snake_case(request),
        result=result["$ref"].rsplit("/", 1)[1],
        method=op["x-client-method"],
        answer=answer,
        event=event_schema_ref(stream, op["operationId"]).rsplit("/", 1)[1],
        extras=[extra.rsplit(".", 1)[-1] for extra in gather.get("extras", [])],
        examples=examples,
        list_params=_list_params(spec, media["schema"], examples[0].arguments),
        item_types=_item_types(spec, media["schema"]),
        renamed=[
            (name, fix_reserved_words(snake_case(name)))
            for name in _resolve(spec, result).get("properties", {})
            if fix_reserved_words(snake_case(name)) != name
        ],
        client=client,
        client_var=snake_case(client.name) if client.name else provider.key,
        reasoning=_reasoning_path(spec, result, answer),
        openai_compatible=bool(compatible),
        strict=_resolve(spec, media["schema"]).get("additionalProperties") is False,
    )


def _list_params(spec: dict[str, Any], request: dict[str, Any], arguments: dict[str, Any]) -> list[tuple[str, str]]:
    found = []
    properties = _resolve(spec, request).get("properties", {})
    for name in arguments:
        schema = _resolve(spec, properties[name])
        items = schema.get("items", {})
        if schema.get("type") == "array" and "$ref" in items and _resolve(spec, items).get("type") == "object":
            found.append((name, items["$ref"].rsplit("/", 1)[1] + "Param"))
    return found


def _item_types(spec: dict[str, Any], request: dict[str, Any]) -> list[tuple[str, list[str]]]:
    properties = _resolve(spec, request).get("properties", {})
    names = [(name, _list_params(spec, request, {name: None})) for name in properties]
    return [(name, _nested_params(spec, found[0][1].removesuffix("Param"), [])) for name, found in names if found]


def _nested_params(spec: dict[str, Any], name: str, found: list[str]) -> list[str]:
    """`<name>Param` and every object or union of objects params it names inside (codegen/surface.py
    gives exactly these a TypedDict or alias), depth first, each once."""
    found.append(f"{name}Param")
    pending: list[Any] = [spec["components"]["schemas"][name]]
    while pending:
        node = pending.pop(0)
        if isinstance(node, list):
            pending[:0] = node
        elif isinstance(node, dict):
            ref = node.get("$ref")
            if ref is None:
                pending[:0] = [*node.get("properties", {}).values(), node.get("items")]
                pending[:0] = node.get("anyOf", []) + node.get("oneOf", [])
                continue
            target = ref.rsplit("/", 1)[1]
            schema = spec["components"]["schemas"][target]
            options = schema.get("oneOf") or schema.get("anyOf") or []
            is_union = bool(options) and all(isinstance(o, dict) and "$ref" in o for o in options)
            if f"{target}Param" not in found and (schema.get("type") == "object" or "properties" in schema or is_union):
                _nested_params(spec, target, found)
    return found


def _reasoning_path(spec: dict[str, Any], result: dict[str, Any], answer: str) -> str:
    """`choices[0].message.reasoning` where the answer's message object has `reasoning`, else ""."""
    if not answer.endswith(".message.content"):
        return ""
    schema = _resolve(spec, result)
    for part in answer.removesuffix("[0].message.content").split("."):
        schema = _resolve(spec, schema["properties"][part])
    message = _resolve(spec, _resolve(spec, schema["items"])["properties"]["message"])
    return answer.removesuffix(".content") + ".reasoning" if "reasoning" in message.get("properties", {}) else ""


def _answer_path(spec: dict[str, Any], result: dict[str, Any], choices: str) -> str:
    """`choices[0].message.content`-like path to the text of a result's first choice.

    The stream's gather facts say where the choices are; the choice schema says whether the text
    is `text`, a string `message`, or a `message` object's `content`.
    """
    schema = _resolve(spec, result)
    for part in choices.split("."):
        schema = _resolve(spec, schema["properties"][part])
    choice = _resolve(spec, schema["items"])["properties"]
    if "text" in choice:
        text = "text"
    elif _resolve(spec, choice["message"]).get("type") == "string":
        text = "message"
    else:
        text = "message.content"
    return f"{choices}[0].{text}"


def _resolve(spec: dict[str, Any], schema: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in schema:
        schema = spec["components"]["schemas"][schema["$ref"].rsplit("/", 1)[1]]
    return schema


# --- Python source of literal values -----------------------------------------------------------


class Name(str):
    """A value rendered as the Python name it holds, not as a string literal."""


def render_call(function: str, arguments: dict[str, Any], indent: int = 0, prefix: int = 0) -> str:
    """`function(a=1, b=[...])` on one line if it fits after `indent` + `prefix` characters, else
    one keyword per line."""
    pad = " " * indent
    flat = f"{function}({', '.join(f'{k}={literal(v)}' for k, v in arguments.items())})"
    if indent + prefix + len(flat) <= WIDTH:
        return flat
    lines = [f"{function}("]
    for key, value in arguments.items():
        lines.append(f"{pad}    {key}={literal(value, indent + 4, len(key) + 1)},")
    lines.append(f"{pad})")
    return "\n".join(lines)


def literal(value: Any, indent: int = 0, prefix: int = 0) -> str:
    """Python source for a JSON value, in ruff's style (double quotes), wrapped past WIDTH."""
    flat = _flat(value)
    if indent + prefix + len(flat) <= WIDTH or not isinstance(value, dict | list) or not value:
        return flat
    pad = " " * (indent + 4)
    if isinstance(value, dict):
        items = [f"{pad}{_flat(k)}: {literal(v, indent + 4, len(_flat(k)) + 2)}," for k, v in value.items()]
        return "{\n" + "\n".join(items) + "\n" + " " * indent + "}"
    items = [f"{pad}{literal(v, indent + 4)}," for v in value]
    return "[\n" + "\n".join(items) + "\n" + " " * indent + "]"


def _flat(value: Any) -> str:
    if isinstance(value, Name):
        return str(value)
    if isinstance(value, bool) or value is None:
        return repr(value)
    if isinstance(value, str | int | float):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, dict):
        return "{" + ", ".join(f"{_flat(k)}: {_flat(v)}" for k, v in value.items()) + "}"
    return "[" + ", ".join(_flat(v) for v in value) + "]"
