"""Turn a spec from specs/ into the input openapi-python-client gets.

The specs are documentation first; three things in them must not reach the generator as written:

- `default:` values. The generator makes every default the attribute's initial value, so
  `to_dict()` would send it on every request (SenseNova's `n`, which some models reject, would
  go out always). Defaults move into the description, where they still document the field.
- `x-stream` paths are written dotted for people (`data.choices`); the templates want tuples.
  The extension is checked here so a typo fails the pipeline instead of a user's stream.
- Closed enums reachable from a response would make parsing fail the day a provider adds a
  value; the specs must write them open (see specs/CONVENTIONS.md), and this refuses them.

It also tells the model template each model's role: `x-response` on every object schema a
response reaches (a field that did not arrive reads None), `x-result` on each operation's 200
JSON schema (it carries the request id). An object schema reached by a request and a response
is refused: the two roles need two classes (e.g. ChatMessage and ChatCompletionMessage).
"""

from __future__ import annotations

import copy
import json
from collections.abc import Iterator
from typing import Any

import openapi_spec_validator

STREAM_MEDIA_TYPE = "text/event-stream"
_GATHER_REQUIRED = ("choices", "index", "text", "finish-reason")
_GATHER_OPTIONAL = ("usage", "logprobs")


class SpecError(ValueError):
    """The spec breaks a rule of specs/CONVENTIONS.md; the message says where."""


def validate_spec(spec: dict[str, Any]) -> None:
    """Validate with openapi-spec-validator's OpenAPI 3.1 rules, plus our stream rules.

    `itemSchema` is OpenAPI 3.2 (the generator needs 3.1, which accepts it unchanged), but the
    3.1 meta-schema forbids unknown media-type members. So each itemSchema is checked here (it
    must $ref a component schema, which the 3.1 validation then covers) and hidden from the 3.1
    rules as `x-itemSchema`; everything else is validated as written.
    """
    view = copy.deepcopy(spec)
    components = view.get("components", {}).get("schemas", {})
    for where, media in _stream_media_types(view):
        ref = media.get("itemSchema", {}).get("$ref", "")
        if not ref.startswith("#/components/schemas/") or ref.rsplit("/", 1)[1] not in components:
            raise SpecError(f"{where}: itemSchema must $ref a schema in components/schemas, got {ref!r}")
        media["x-itemSchema"] = media.pop("itemSchema")
        normalize_stream_extension(media.get("x-stream"), where)
    openapi_spec_validator.validate(view)


def prepare(spec: dict[str, Any]) -> dict[str, Any]:
    prepared = copy.deepcopy(spec)
    for schema in _schemas(prepared):
        _move_default_to_description(schema)
    for where, media in _stream_media_types(prepared):
        media["x-stream"] = normalize_stream_extension(media.get("x-stream"), where)
    _refuse_closed_response_enums(prepared)
    _mark_response_models(prepared)
    return prepared


def normalize_stream_extension(ext: Any, where: str) -> dict[str, Any]:
    """Check an `x-stream` extension and turn its dotted paths into lists of keys."""
    if not isinstance(ext, dict):
        raise SpecError(f"{where}: text/event-stream needs an x-stream extension")
    for key in ("data-prefix", "terminator"):
        if not isinstance(ext.get(key), str) or not ext[key]:
            raise SpecError(f"{where}: x-stream.{key} must be a non-empty string")
    error = ext.get("error")
    if not isinstance(error, dict) or not all(isinstance(error.get(k), str) for k in ("field", "code", "message")):
        raise SpecError(f"{where}: x-stream.error needs string members field, code and message")
    gather = ext.get("gather")
    if not isinstance(gather, dict):
        raise SpecError(f"{where}: x-stream.gather is missing")
    unknown = set(gather) - {*_GATHER_REQUIRED, *_GATHER_OPTIONAL, "extras"}
    missing = [k for k in _GATHER_REQUIRED if k not in gather]
    if unknown or missing:
        raise SpecError(f"{where}: x-stream.gather unknown {sorted(unknown)} missing {missing}")
    paths = {key: _path(gather[key], f"{where}: x-stream.gather.{key}") for key in gather if key != "extras"}
    extras = [_path(p, f"{where}: x-stream.gather.extras") for p in gather.get("extras", [])]
    return {**ext, "error": dict(error), "gather": {**paths, "extras": extras}}


def _path(dotted: Any, where: str) -> list[str]:
    if not isinstance(dotted, str) or not all(dotted.split(".")):
        raise SpecError(f"{where} must be a dotted path such as data.choices, got {dotted!r}")
    return dotted.split(".")


def _move_default_to_description(schema: dict[str, Any]) -> None:
    if "default" not in schema:
        return
    note = f"Default: `{json.dumps(schema.pop('default'), ensure_ascii=False)}` (applied by the server)."
    description = schema.get("description", "").rstrip()
    schema["description"] = f"{description}\n\n{note}" if description else note


def _schemas(spec: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """Every schema object in the spec, nested ones included."""
    roots: list[Any] = list(spec.get("components", {}).get("schemas", {}).values())
    for item in spec.get("paths", {}).values():
        for op in item.values():
            if not isinstance(op, dict):
                continue
            roots += [m.get("schema") for m in op.get("requestBody", {}).get("content", {}).values()]
            for response in op.get("responses", {}).values():
                for media in response.get("content", {}).values():
                    roots += [media.get("schema"), media.get("itemSchema")]
    for root in roots:
        yield from _walk(root)


def _walk(schema: Any) -> Iterator[dict[str, Any]]:
    if not isinstance(schema, dict):
        return
    yield schema
    for key in ("properties", "patternProperties", "$defs"):
        for sub in schema.get(key, {}).values():
            yield from _walk(sub)
    for key in ("items", "additionalProperties", "not", "contains"):
        yield from _walk(schema.get(key))
    for key in ("anyOf", "oneOf", "allOf", "prefixItems"):
        for sub in schema.get(key, []):
            yield from _walk(sub)


def _stream_media_types(spec: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    for path, item in spec.get("paths", {}).items():
        for method, op in item.items():
            if not isinstance(op, dict):
                continue
            for status, response in op.get("responses", {}).items():
                media = response.get("content", {}).get(STREAM_MEDIA_TYPE)
                if media is not None:
                    yield f"{method.upper()} {path} {status}", media


def _refuse_closed_response_enums(spec: dict[str, Any]) -> None:
    components = spec.get("components", {}).get("schemas", {})
    for where, schema in _response_schemas(spec):
        _check_open_enums(schema, where, components, open_context=False, stack=frozenset())


def _response_schemas(spec: dict[str, Any]) -> Iterator[tuple[str, Any]]:
    for path, item in spec.get("paths", {}).items():
        for method, op in item.items():
            if not isinstance(op, dict):
                continue
            for status, response in op.get("responses", {}).items():
                for media in response.get("content", {}).values():
                    for key in ("schema", "itemSchema"):
                        yield f"{method.upper()} {path} {status}", media.get(key)


def _check_open_enums(
    schema: Any, where: str, components: dict[str, Any], *, open_context: bool, stack: frozenset[str]
) -> None:
    """Raise if a closed enum is reachable; an enum is open beside an anyOf/oneOf plain string."""
    if not isinstance(schema, dict):
        return
    if "enum" in schema and not open_context:
        raise SpecError(f"{where}: a response enum must be open: anyOf [<enum>, {{type: string}}]")
    ref = schema.get("$ref", "")
    name = ref.rsplit("/", 1)[-1]
    if ref.startswith("#/components/schemas/") and name not in stack:
        _check_open_enums(
            components.get(name),
            f"{where} -> {name}",
            components,
            open_context=open_context,
            stack=stack | {name},
        )
    for key, sub in schema.get("properties", {}).items():
        _check_open_enums(sub, f"{where}.{key}", components, open_context=False, stack=stack)
    for key in ("items", "additionalProperties"):
        _check_open_enums(schema.get(key), f"{where}[]", components, open_context=False, stack=stack)
    alternatives = [*schema.get("anyOf", []), *schema.get("oneOf", [])]
    takes_any_string = any(isinstance(a, dict) and a.get("type") == "string" and "enum" not in a for a in alternatives)
    for sub in alternatives:
        _check_open_enums(sub, where, components, open_context=takes_any_string, stack=stack)
    for sub in schema.get("allOf", []):
        _check_open_enums(sub, where, components, open_context=open_context, stack=stack)


def _mark_response_models(spec: dict[str, Any]) -> None:
    components = spec.get("components", {}).get("schemas", {})
    requests: list[Any] = []
    responses: list[Any] = []
    results: list[Any] = []
    for item in spec.get("paths", {}).values():
        for op in item.values():
            if not isinstance(op, dict):
                continue
            requests += [m.get("schema") for m in op.get("requestBody", {}).get("content", {}).values()]
            for status, response in op.get("responses", {}).items():
                for media_type, media in response.get("content", {}).items():
                    responses += [media.get("schema"), media.get("itemSchema")]
                    if str(status) == "200" and media_type == "application/json":
                        results.append(media.get("schema"))
    answered = _reached(responses, components)
    shared = sorted(n for n in _reached(requests, components) & answered if _is_object(components[n]))
    if shared:
        raise SpecError(
            f"schemas {shared} are used by a request and a response: write one schema for each role "
            "(a response model reads absent fields as None, a request model leaves them unsent)"
        )
    for root in [*responses, *(components[n] for n in answered)]:
        for schema in _walk(root):
            if _is_object(schema):
                schema["x-response"] = True
    for root in results:
        name = root.get("$ref", "").rsplit("/", 1)[-1] if isinstance(root, dict) else ""
        target = components.get(name, root)
        if isinstance(target, dict):
            target["x-result"] = True


def _reached(roots: list[Any], components: dict[str, Any]) -> set[str]:
    """Names of the component schemas the roots reach through $refs, transitively."""
    found: set[str] = set()
    todo = list(roots)
    while todo:
        for schema in _walk(todo.pop()):
            ref = schema.get("$ref", "")
            name = ref.rsplit("/", 1)[-1]
            if ref.startswith("#/components/schemas/") and name not in found and name in components:
                found.add(name)
                todo.append(components[name])
    return found


def _is_object(schema: Any) -> bool:
    return isinstance(schema, dict) and (schema.get("type") == "object" or "properties" in schema)
