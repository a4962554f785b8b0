"""The openai-style surface of a package: clients, resources and request TypedDicts.

openapi-python-client writes one module per operation and per model; the surface needs a view of
every operation at once (which resources exist, which client attributes lead to them), so it is
rendered here, after the generator, from the same prepared spec and the templates in
codegen/surface_templates/. Where things come from:

- the client classes' names: `client_class` in codegen/providers.toml;
- where an operation sits on the client: its `x-client-method` (e.g. `chat.completions.create`,
  specs/CONVENTIONS.md): resource names do not follow paths (`/v1/llm/chat-completions`);
- `create()`'s keyword arguments: the request body schema's properties, typed for input
  (`params_type`): nested objects as `<Schema>Param | <Schema>` (a TypedDict or the attrs model),
  request enums as Literal, arrays as Sequence;
- the result and event types: the 200 response's application/json schema and the
  stream's payload schema (the `contentSchema` of the 3.2 `itemSchema`, `event_schema_ref`).

The rendered modules call the generated operation modules (`_get_kwargs`, `_parse_response`,
`_STREAM_FORMAT`) through the runtime's surface/resource.py: the surface is not a second transport.
"""

from __future__ import annotations

import ast
import keyword
import re
import textwrap
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2

from codegen.prepare import STREAM_MEDIA_TYPE, SpecError, event_schema_ref
from codegen.providers import ROOT, ClientFacts, Provider

TEMPLATES = ROOT / "codegen" / "surface_templates"
RUNTIME = ROOT / "runtime"
EXTENSION = "x-client-method"
# Keyword arguments every method has: a body field of that name gets a trailing underscore in
# Python (`timeout_=...`) and keeps its name on the wire. `stream` is not here: a body `stream`
# field is the streaming flag itself.
CALL_OPTIONS = frozenset(
    {"extra_headers", "extra_query", "extra_body", "timeout", "max_retries", "deadline", "stream_idle_timeout", "self"}
)

JSON = dict[str, Any]


@dataclass(frozen=True)
class Field:
    wire: str  # the JSON member
    name: str  # the Python keyword argument
    annotation: str  # its input type
    required: bool
    description: str


@dataclass(frozen=True)
class Method:
    name: str  # e.g. create
    operation_id: str
    module: str  # the operation module, relative to the package: api.chat.create_chat_completion
    fields: list[Field]
    result: str  # model class of the JSON answer
    chunk: str | None  # model class of a stream event; None if the operation does not stream
    stream_flag: str | None  # the body member that asks for the stream (x-stream's request-flag)
    summary: str
    description: str

    @property
    def alias(self) -> str:
        return f"_{self.operation_id}"


@dataclass
class Node:
    """A resource: `client.<path>`; holds methods, further resources, or both. `client` is the
    x-client name of the client it is on ("" for the main one), which prefixes its class and
    module names so that two clients can both have `chat.completions`."""

    path: tuple[str, ...]
    methods: list[Method] = field(default_factory=list)
    children: dict[str, Node] = field(default_factory=dict)
    client: str = ""

    @property
    def class_name(self) -> str:
        return self.client + "".join(word[:1].upper() + word[1:] for part in self.path for word in part.split("_"))

    @property
    def module(self) -> str:
        return "_".join((*_snake(self.client), *self.path))

    @property
    def dotted(self) -> str:
        return ".".join(self.path)


@dataclass(frozen=True)
class ParamType:
    """One entry of the params module: a TypedDict (`fields`) or a type alias (`alias`)."""

    name: str
    schema: str  # the component schema, also the name of its attrs model
    description: str
    fields: list[Field] | None = None
    alias: str | None = None


class _Types:
    """Renders JSON Schemas as input annotations, noting which names they use."""

    def __init__(self, spec: JSON) -> None:
        self.components: JSON = spec.get("components", {}).get("schemas", {})
        self.params: set[str] = set()  # names from <package>.params
        self.models: set[str] = set()  # names from <package>.models
        self.schemas: set[str] = set()  # component schemas that need a params entry

    def annotation(self, schema: Any) -> str:
        parts: list[str] = []
        for part in self._union(schema):
            if part not in parts:
                parts.append(part)
        if "None" in parts:  # None last, as people write it
            parts.remove("None")
            parts.append("None")
        return " | ".join(parts)

    def _union(self, schema: Any) -> list[str]:
        if not isinstance(schema, dict):
            return ["object"]
        if "$ref" in schema:
            return self._ref(schema["$ref"].rsplit("/", 1)[1])
        options = schema.get("anyOf") or schema.get("oneOf")
        if options:
            return [part for option in options for part in self._union(option)]
        if "const" in schema:
            return [f"Literal[{schema['const']!r}]"]
        if "enum" in schema:
            values = [v for v in schema["enum"] if v is not None]
            nullable = None in schema["enum"]
            return [f"Literal[{', '.join(repr(v) for v in values)}]"] + (["None"] if nullable else [])
        kinds = schema.get("type")
        if kinds is None:
            return ["object"]
        return [self._kind(kind, schema) for kind in (kinds if isinstance(kinds, list) else [kinds])]

    def _kind(self, kind: str, schema: JSON) -> str:
        simple = {"string": "str", "integer": "int", "number": "float", "boolean": "bool", "null": "None"}
        if kind in simple:
            return simple[kind]
        if kind == "array":
            return f"Sequence[{self.annotation(schema.get('items', {}))}]"
        if kind == "object":
            extra = schema.get("additionalProperties")
            value = self.annotation(extra) if isinstance(extra, dict) else "object"
            return f"Mapping[str, {value}]"
        raise SpecError(f"no Python input type for JSON Schema type {kind!r}")

    def _ref(self, name: str) -> list[str]:
        schema = self.components.get(name)
        if schema is None:
            raise SpecError(f"$ref to unknown schema {name!r}")
        if _is_object(schema) or "enum" in schema or _is_named_union(schema):
            self.schemas.add(name)
            self.params.add(f"{name}Param")
            if _is_object(schema):  # the attrs model is accepted as well as the dict
                self.models.add(name)
                return [f"{name}Param", name]
            return [f"{name}Param"]
        return self._union(schema)


def _is_named_union(schema: JSON) -> bool:
    """A component that is a oneOf/anyOf of object schemas (content parts): a type alias of its
    own in the params module, so user code can name it (`list[TokenPlanContentPartParam]`)."""
    options = schema.get("oneOf") or schema.get("anyOf") or []
    return bool(options) and all(isinstance(o, dict) and "$ref" in o for o in options)


def _is_object(schema: JSON) -> bool:
    return schema.get("type") == "object" or "properties" in schema


def _fields(schema: JSON, types: _Types, where: str, *, rename: bool) -> list[Field]:
    required = set(schema.get("required", []))
    fields = []
    for wire, sub in schema.get("properties", {}).items():
        if not wire.isidentifier() or keyword.iskeyword(wire):
            raise SpecError(f"{where}: request member {wire!r} is not a Python identifier; the surface cannot name it")
        name = f"{wire}_" if rename and wire in CALL_OPTIONS else wire
        description = sub.get("description", "") if isinstance(sub, dict) else ""
        fields.append(Field(wire, name, types.annotation(sub), wire in required, description.strip()))
    names = [f.name for f in fields]
    clash = {n for n in names if names.count(n) > 1}
    if clash:
        raise SpecError(f"{where}: members {sorted(clash)} clash once renamed; rename them in the spec")
    return fields


def _ref_name(node: Any, where: str) -> str:
    ref = node.get("$ref", "") if isinstance(node, dict) else ""
    if not ref.startswith("#/components/schemas/"):
        raise SpecError(f"{where}: the surface needs a $ref to a component schema here")
    return str(ref.rsplit("/", 1)[1])


def _method(path: str, verb: str, op: JSON, types: _Types) -> tuple[tuple[str, ...], Method]:
    where = f"{verb.upper()} {path}"
    dotted = op.get(EXTENSION)
    parts = dotted.split(".") if isinstance(dotted, str) else []
    if len(parts) < 2 or not all(p.isidentifier() and not keyword.iskeyword(p) for p in parts):
        raise SpecError(f"{where}: {EXTENSION} must name a resource and a method, e.g. chat.completions.create")
    body = op.get("requestBody", {}).get("content", {}).get("application/json")
    if body is None:
        raise SpecError(f"{where}: the surface needs an application/json request body")
    request = _ref_name(body.get("schema"), f"{where} request body")
    types.schemas.add(request)
    fields = _fields(types.components[request], types, where, rename=True)
    answer = op["responses"]["200"]["content"]
    stream = answer.get(STREAM_MEDIA_TYPE)
    method = Method(
        name=parts[-1],
        operation_id=op["operationId"],
        module=f"api.{op['tags'][0]}.{op['operationId']}",
        fields=sorted(fields, key=lambda f: not f.required),  # required first, in spec order
        result=_ref_name(answer["application/json"].get("schema"), f"{where} 200 application/json"),
        chunk=_ref_name({"$ref": event_schema_ref(stream, where)}, f"{where} 200 stream") if stream else None,
        stream_flag=_stream_flag(stream, fields, where) if stream else None,
        summary=op.get("summary", "").strip(),
        description=op.get("description", "").strip(),
    )
    return tuple(parts[:-1]), method


def _stream_flag(stream: JSON, fields: list[Field], where: str) -> str:
    """x-stream's request-flag, which must name a body field (the `stream=` argument)."""
    flag = str(stream.get("x-stream", {}).get("request-flag", ""))
    if flag not in {f.wire for f in fields}:
        raise SpecError(f"{where}: x-stream.request-flag {flag!r} names no request body field")
    return flag


def _snake(name: str) -> tuple[str, ...]:
    return (re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower(),) if name else ()


def client_name(op: JSON) -> str:
    """The x-client an operation is on: its own server's `x-client`, "" for the main client."""
    servers = op.get("servers") or []
    return str(servers[0].get("x-client", "")) if servers else ""


def resource_trees(spec: JSON, types: _Types) -> dict[str, Node]:
    """One resource tree per client (by x-client name, "" for the main client, first)."""
    roots: dict[str, Node] = {"": Node(())}
    for path, item in spec["paths"].items():
        for verb, op in item.items():
            if not isinstance(op, dict):
                continue
            where, method = _method(path, verb, op, types)
            name = client_name(op)
            node = roots.setdefault(name, Node((), client=name))
            for depth in range(len(where)):
                node = node.children.setdefault(where[depth], Node(where[: depth + 1], client=name))
            if any(m.name == method.name for m in node.methods):
                raise SpecError(f"{EXTENSION} {node.dotted}.{method.name} is given to two operations")
            node.methods.append(method)
    for root in roots.values():
        for node in _walk(root):
            for method in node.methods:
                if method.name in node.children or method.name in ("with_raw_response", "with_options"):
                    raise SpecError(f"{node.dotted}.{method.name} is both a method and a resource (or a reserved name)")
    return roots


def resource_tree(spec: JSON, types: _Types) -> Node:
    """The main client's resource tree."""
    return resource_trees(spec, types)[""]


def param_types(types: _Types) -> list[ParamType]:
    """A params entry for every request schema reached so far, and for the schemas they reach."""
    done: dict[str, ParamType] = {}
    while pending := sorted(types.schemas - set(done)):
        for name in pending:
            schema = types.components[name]
            description = schema.get("description", "").strip()
            if "enum" in schema or not schema.get("properties"):
                alias = types._union(schema) if _is_named_union(schema) else None
                annotation = " | ".join(dict.fromkeys(alias)) if alias else types.annotation(schema)
                done[name] = ParamType(f"{name}Param", name, description, alias=annotation)
            else:
                fields = _fields(schema, types, name, rename=False)
                done[name] = ParamType(f"{name}Param", name, description, fields=fields)
    return [done[name] for name in sorted(done)]


def _docstring(text: str, indent: int, width: int = 96) -> str:
    """Text for a docstring: wrapped, backslashes and quotes made harmless."""
    text = text.replace("\\", "\\\\").replace('"""', '\\"\\"\\"')
    paragraphs = [" ".join(p.split()) for p in text.split("\n\n") if p.strip()]
    pad = " " * indent
    wrapped = [textwrap.fill(p, width=width, initial_indent=pad, subsequent_indent=pad) for p in paragraphs]
    return "\n\n".join(wrapped).strip()


def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["pyrepr"] = repr
    env.filters["doc"] = _docstring
    return env


def _walk(node: Node) -> list[Node]:
    found = [node] if node.path else []
    for child in node.children.values():
        found += _walk(child)
    return found


@dataclass(frozen=True)
class Client:
    """One client pair of the surface: its facts (codegen/providers.py) and its resource tree."""

    facts: ClientFacts
    root: Node


def render(provider: Provider, prepared: JSON, package: Path) -> None:
    """Write params.py, _clients.py, the public face modules and resources/ into the package."""
    types = _Types(prepared)
    roots = resource_trees(prepared, types)
    params = param_types(types)
    clients = [Client(provider.clients[name], root) for name, root in roots.items()]
    nodes = [node for client in clients for node in _walk(client.root)]
    _check_generated(package, nodes, params)
    env = _environment()
    context = {
        "p": provider,
        "root": roots[""],
        "clients": clients,
        "params": params,
        "param_models": sorted(types.models),
        "error_classes": _error_classes(),
        "data_url_fields": data_url_fields(prepared),
    }
    (package / "__init__.py").write_text(env.get_template("package_init.py.jinja").render(context), encoding="utf-8")
    (package / "params.py").write_text(env.get_template("params.py.jinja").render(context), encoding="utf-8")
    (package / "_clients.py").write_text(env.get_template("clients.py.jinja").render(context), encoding="utf-8")
    for face in faces():
        text = env.get_template("face.py.jinja").render({**context, "face": face})
        (package / f"{face.module}.py").write_text(text, encoding="utf-8")
    resources = package / "resources"
    resources.mkdir()
    init = env.get_template("resources_init.py.jinja").render(context)
    (resources / "__init__.py").write_text(init, encoding="utf-8")
    for node in nodes:
        text = env.get_template("resource.py.jinja").render({**context, "node": node, "types": _imports(node)})
        (resources / f"{node.module}.py").write_text(text, encoding="utf-8")


def data_url_fields(spec: JSON) -> list[str]:
    """`Schema.member` of every request string marked `x-data-url: true` (a URL member that may
    carry its data inline): the package root then exports `image_data_url()` (runtime/surface/images.py)."""
    found = []
    for name, schema in spec.get("components", {}).get("schemas", {}).items():
        for member, sub in (schema.get("properties") or {}).items() if isinstance(schema, dict) else []:
            if isinstance(sub, dict) and sub.get("x-data-url"):
                if sub.get("type") != "string":
                    raise SpecError(f"{name}.{member}: x-data-url marks a string member")
                found.append(f"`{name}.{member}`")
    return sorted(found)


_QUOTED = re.compile(r"'[^']*'|\"[^\"]*\"")
_NAME = re.compile(r"\b[A-Z]\w*")


def _imports(node: Node) -> dict[str, list[str]]:
    """The params and models names the annotations of a resource module use."""
    params: set[str] = set()
    models: set[str] = set()
    for method in node.methods:
        models.add(method.result)
        if method.chunk:
            models.add(method.chunk)
        for f in method.fields:
            for word in _NAME.findall(_QUOTED.sub("", f.annotation)):
                if word.endswith("Param"):
                    params.add(word)
                elif word not in ("Literal", "Sequence", "Mapping", "None"):
                    models.add(word)
    return {"params": sorted(params), "models": sorted(models)}


def _module_tree(module: str) -> ast.Module:
    path = RUNTIME.joinpath(*module.split(".")).with_suffix(".py")
    return ast.parse(path.read_text(encoding="utf-8"))


def _exported(tree: ast.Module) -> list[str]:
    """A runtime module's __all__ (a literal list in every runtime module)."""
    return list(
        next(
            ast.literal_eval(node.value)
            for node in tree.body
            if isinstance(node, ast.Assign) and any(getattr(t, "id", None) == "__all__" for t in node.targets)
        )
    )


def _error_classes() -> list[str]:
    """The exception classes runtime/errors.py exports (its __all__ also lists request_id_of)."""
    tree = _module_tree("errors")
    classes = {node.name for node in tree.body if isinstance(node, ast.ClassDef)}
    return sorted(name for name in _exported(tree) if name in classes)


@dataclass(frozen=True)
class Face:
    """One public module of the package root and the runtime names it re-exports."""

    module: str
    doc: str
    sources: list[dict[str, Any]]

    @property
    def names(self) -> list[str]:
        return sorted(name for source in self.sources for name in source["names"])


def faces() -> list[Face]:
    """codegen/faces.toml, with each `names = "__all__"` read from its runtime module."""
    table = tomllib.loads((ROOT / "codegen" / "faces.toml").read_text(encoding="utf-8"))
    found = []
    for module, entry in table.items():
        sources = []
        for source in entry["sources"]:
            names = source["names"]
            if names == "__all__":
                names = _exported(_module_tree(source["module"]))
            sources.append({"module": source["module"], "names": sorted(names)})
        found.append(Face(module, entry["doc"], sources))
    return found


def _check_generated(package: Path, nodes: list[Node], params: list[ParamType]) -> None:
    """Fail loudly if the generator named an operation module or model otherwise than assumed."""
    models_init = (package / "models" / "__init__.py").read_text(encoding="utf-8")
    for node in nodes:
        for method in node.methods:
            module = package.joinpath(*method.module.split(".")).with_suffix(".py")
            if not module.is_file():
                raise SpecError(f"{method.operation_id}: expected the generated module {module.name} at {module}")
            for model in (method.result, method.chunk):
                if model and f'"{model}":' not in models_init:
                    raise SpecError(f"{method.operation_id}: no generated model {model}")
    for param in params:
        if param.fields is not None and f'"{param.schema}":' not in models_init:
            raise SpecError(f"no generated model {param.schema} for {param.name}")
