"""Check a spec from specs/ and lower it to the input openapi-python-client 0.29.1 gets.

The specs are OpenAPI 3.2 documentation first (specs/CONVENTIONS.md); the generator reads 3.1 and
our templates generate a subset of what it can. So `prepare`:

- lowers 3.2 to 3.1: each stream's `itemSchema` (the SSE event object, whose `data` is either the
  JSON payload, `contentMediaType` + `contentSchema`, or the `const` terminator) becomes facts in
  `x-stream`: `event` (the payload's schema $ref) and `terminator`. The result is checked against
  the 3.1 rules, so a 3.2 construct this does not lower fails here, not in the generator;
- moves `default:` values into the description. The generator makes every default the
  attribute's initial value, so `to_dict()` would send it on every request (SenseNova's `n`, which
  some models reject, would go out always); in the description it still documents the field;
- renders `x-stream` for the endpoint template: dotted paths (`data.choices`) become key lists
  and every value the template writes into Python is `repr()`ed here (`x-stream.python`);
- refuses what the forked templates cannot generate (request bodies other than one
  application/json, `default` responses, successes without a JSON body, streams outside `200`)
  and closed enums reachable from a response (a provider adding a value would break parsing).

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

STREAM_MEDIA_TYPE = "text/event-stream"
JSON_MEDIA_TYPE = "application/json"
GENERATOR_OPENAPI = "3.1.0"  # what openapi-python-client 0.29.1 reads
_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace", "query")
_GATHER_REQUIRED = ("choices", "index", "text", "finish-reason")
_GATHER_OPTIONAL = ("usage", "logprobs", "reasoning")


class SpecError(ValueError):
    """The spec breaks a rule of specs/CONVENTIONS.md; the message says where."""


def validate_spec(spec: dict[str, Any]) -> None:
    """openapi-spec-validator's OpenAPI 3.2 rules on the spec as written (nothing exempt), then
    the stream rules and the refusals of `prepare`, so `make lint` reports them too."""
    if not str(spec.get("openapi", "")).startswith("3.2."):
        raise SpecError(f"openapi: the specs are OpenAPI 3.2.x, got {spec.get('openapi')!r}")
    # imported here: it takes seconds, and readers of stream_facts alone (the release plan) skip it
    from openapi_spec_validator import OpenAPIV32SpecValidator

    OpenAPIV32SpecValidator(spec).validate()
    for where, media in _stream_media_types(spec):
        facts = normalize_stream_extension(stream_facts(media, where, spec), where)
        _check_gather_paths(spec, facts, where)
    _refuse_unsupported_shapes(spec)
    _refuse_closed_response_enums(spec)


def prepare(spec: dict[str, Any]) -> dict[str, Any]:
    """The generator's input: valid OpenAPI 3.1 that the templates can generate in full."""
    _refuse_unsupported_shapes(spec)
    _refuse_closed_response_enums(spec)
    prepared = copy.deepcopy(spec)
    prepared["openapi"] = GENERATOR_OPENAPI
    for schema in _schemas(prepared):
        _move_default_to_description(schema)
    _mark_response_models(prepared)  # before lowering: it follows itemSchema's contentSchema
    for where, media in _stream_media_types(prepared):
        facts = normalize_stream_extension(stream_facts(media, where, spec), where)
        _check_gather_paths(spec, facts, where)
        del media["itemSchema"]
        media["x-stream"] = {**facts, "python": _python_literals(facts)}
    from openapi_spec_validator import OpenAPIV31SpecValidator  # see validate_spec

    OpenAPIV31SpecValidator(prepared).validate()
    return prepared


# --- streams --------------------------------------------------------------------------------------


def stream_facts(media: dict[str, Any], where: str, spec: dict[str, Any] | None = None) -> dict[str, Any]:
    """A text/event-stream media type's `x-stream` as written, plus what its 3.2 `itemSchema`
    says: `event`, the $ref of one event's JSON payload, and `terminator`, the `data` that ends
    the stream. Every reader of a stream (templates, emulator, tests) goes through this."""
    item = media.get("itemSchema")
    data = item.get("properties", {}).get("data") if isinstance(item, dict) else None
    if not isinstance(item, dict) or "data" not in item.get("required", []) or not isinstance(data, dict):
        raise SpecError(f"{where}: itemSchema must be the SSE event object, an object with required `data`")
    alternatives = [a for a in data.get("anyOf", []) if isinstance(a, dict)]
    payloads = [a for a in alternatives if a.get("contentMediaType") == JSON_MEDIA_TYPE]
    terminators = [a for a in alternatives if isinstance(a.get("const"), str)]
    if len(payloads) != 1 or len(terminators) != 1 or len(alternatives) != 2:
        raise SpecError(
            f"{where}: itemSchema.properties.data must be anyOf: one JSON payload (type: string, "
            "contentMediaType: application/json, contentSchema: $ref) and one `const` terminator"
        )
    ref = payloads[0].get("contentSchema", {}).get("$ref", "")
    known = (spec or {}).get("components", {}).get("schemas", {}) if spec is not None else None
    if not ref.startswith("#/components/schemas/") or (known is not None and ref.rsplit("/", 1)[1] not in known):
        raise SpecError(f"{where}: the payload's contentSchema must $ref a schema in components/schemas, got {ref!r}")
    ext = media.get("x-stream")
    if not isinstance(ext, dict):
        raise SpecError(f"{where}: text/event-stream needs an x-stream extension")
    if "terminator" in ext:
        raise SpecError(f"{where}: x-stream.terminator is said by itemSchema (the `const` alternative of data)")
    return {**ext, "event": ref, "terminator": terminators[0]["const"]}


def event_schema_ref(media: dict[str, Any], where: str) -> str:
    """The $ref of a stream's event payload, in a spec as written or as prepared (lowered)."""
    if "itemSchema" in media:
        return str(stream_facts(media, where)["event"])
    return str(media.get("x-stream", {}).get("event", ""))


def normalize_stream_extension(facts: Any, where: str) -> dict[str, Any]:
    """Check stream facts (see stream_facts) and turn their dotted paths into lists of keys."""
    if not isinstance(facts, dict):
        raise SpecError(f"{where}: text/event-stream needs an x-stream extension")
    for key in ("request-flag", "data-prefix", "terminator"):
        if not isinstance(facts.get(key), str) or not facts[key]:
            raise SpecError(f"{where}: x-stream.{key} must be a non-empty string")
    error = facts.get("error")
    if not isinstance(error, dict) or not all(isinstance(error.get(k), str) for k in ("field", "code", "message")):
        raise SpecError(f"{where}: x-stream.error needs string members field, code and message")
    gather = facts.get("gather")
    if not isinstance(gather, dict):
        raise SpecError(f"{where}: x-stream.gather is missing")
    unknown = set(gather) - {*_GATHER_REQUIRED, *_GATHER_OPTIONAL, "extras"}
    missing = [k for k in _GATHER_REQUIRED if k not in gather]
    if unknown or missing:
        raise SpecError(f"{where}: x-stream.gather unknown {sorted(unknown)} missing {missing}")
    paths = {key: _path(gather[key], f"{where}: x-stream.gather.{key}") for key in gather if key != "extras"}
    extras = [_path(p, f"{where}: x-stream.gather.extras") for p in gather.get("extras", [])]
    return {**facts, "error": dict(error), "gather": {**paths, "extras": extras}, "final": _final(facts, where)}


def _final(facts: dict[str, Any], where: str) -> dict[str, Any]:
    """x-stream.final: where a gathered stream's text (and reasoning) go in the non-streamed
    answer (inside one of its choices), and answer members whose value differs from the
    events' (`object: chat.completion`); what get_final_completion() builds."""
    final = facts.get("final")
    if not isinstance(final, dict) or "text" not in final:
        raise SpecError(f"{where}: x-stream.final.text is missing (where the text goes in an answer choice)")
    unknown = set(final) - {"text", "reasoning", "set", "request"}
    if unknown:
        raise SpecError(f"{where}: x-stream.final unknown {sorted(unknown)}")
    if "reasoning" in final and "reasoning" not in facts["gather"]:
        raise SpecError(f"{where}: x-stream.final.reasoning needs x-stream.gather.reasoning")
    members = final.get("set", {})
    if not isinstance(members, dict) or not all(isinstance(v, str | int | bool) for v in members.values()):
        raise SpecError(f"{where}: x-stream.final.set must map answer members to scalars")
    checked: dict[str, Any] = {"text": _path(final["text"], f"{where}: x-stream.final.text"), "set": dict(members)}
    if "reasoning" in final:
        checked["reasoning"] = _path(final["reasoning"], f"{where}: x-stream.final.reasoning")
    request = final.get("request", {})
    if not isinstance(request, dict):
        raise SpecError(f"{where}: x-stream.final.request must be an object (request members stream() adds)")
    checked["request"] = dict(request)
    return checked


def _python_literals(facts: dict[str, Any]) -> dict[str, str]:
    """The StreamFormat keyword arguments as Python source, from repr(); the template pastes them."""
    error, gather = facts["error"], facts["gather"]
    values: dict[str, Any] = {
        "request_flag": facts["request-flag"],
        "terminator": facts["terminator"],
        "error_field": error["field"],
        "error_ok_code": error.get("ok-code"),
        "error_code_key": error["code"],
        "error_message_key": error["message"],
        "choices_path": tuple(gather["choices"]),
        "index_path": tuple(gather["index"]),
        "text_path": tuple(gather["text"]),
        "finish_reason_path": tuple(gather["finish-reason"]),
        "usage_path": tuple(gather.get("usage", ())),
        "extras_paths": tuple(tuple(path) for path in gather["extras"]),
    }
    if "logprobs" in gather:
        values["logprobs_path"] = tuple(gather["logprobs"])
    if "reasoning" in gather:
        values["reasoning_path"] = tuple(gather["reasoning"])
    final = facts["final"]
    values["final_text_path"] = tuple(final["text"])
    if "reasoning" in final:
        values["final_reasoning_path"] = tuple(final["reasoning"])
    if final["set"]:
        values["final_members"] = tuple(sorted(final["set"].items()))
    if final["request"]:
        values["final_request"] = tuple(sorted(final["request"].items()))
    return {name: repr(value) for name, value in values.items()}


def _check_gather_paths(spec: dict[str, Any], facts: dict[str, Any], where: str) -> None:
    """Refuse a gather path the event schema does not name member by member.

    The templates render the paths the fold reads on typed events (usage, extras) as the
    models' attribute names; a path the models cannot follow would have no attribute to read.
    """
    components = spec.get("components", {}).get("schemas", {})
    event = components.get(str(facts["event"]).rsplit("/", 1)[-1], {})
    gather = facts["gather"]
    choice = _follow(components, event, gather["choices"], f"{where}: x-stream.gather.choices")
    choice = _member(components, choice, "items")
    for key in ("index", "text", "finish-reason", "logprobs", "reasoning"):
        if key in gather:
            _follow(components, choice, gather[key], f"{where}: x-stream.gather.{key}")
    for key, path in [("usage", gather.get("usage")), *(("extras", p) for p in gather["extras"])]:
        if path:
            _follow(components, event, path, f"{where}: x-stream.gather.{key}")


def _follow(components: dict[str, Any], schema: Any, path: list[str], where: str) -> Any:
    for key in path:
        found = _member(components, schema, "properties").get(key)
        if not isinstance(found, dict):
            raise SpecError(f"{where}: {'.'.join(path)} is not in the event schema ({key!r} not found)")
        schema = found
    return schema


def _member(components: dict[str, Any], schema: Any, part: str) -> dict[str, Any]:
    """The schema behind $ref and a nullable anyOf/oneOf; then its `part` (properties, items)."""
    while isinstance(schema, dict):
        if "$ref" in schema:
            schema = components.get(str(schema["$ref"]).rsplit("/", 1)[-1])
            continue
        options: list[Any] = schema.get("anyOf") or schema.get("oneOf") or []
        alternatives = [s for s in options if not isinstance(s, dict) or s.get("type") != "null"]
        if len(alternatives) == 1:
            schema = alternatives[0]
            continue
        break
    found = schema.get(part) if isinstance(schema, dict) else None
    return found if isinstance(found, dict) else {}


def _path(dotted: Any, where: str) -> list[str]:
    if not isinstance(dotted, str) or not all(dotted.split(".")):
        raise SpecError(f"{where} must be a dotted path such as data.choices, got {dotted!r}")
    return dotted.split(".")


def _stream_media_types(spec: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    for where, _, status, response in _responses(spec):
        media = response.get("content", {}).get(STREAM_MEDIA_TYPE)
        if media is not None:
            yield f"{where} {status}", media


# --- shapes the forked templates cannot generate ---------------------------------------------------


def _refuse_unsupported_shapes(spec: dict[str, Any]) -> None:
    """codegen/templates/endpoint_module.py.jinja dropped upstream's branches for these shapes;
    generating them anyway would give code that silently sends no body or parses nothing."""
    for where, op in _operations(spec):
        body = op.get("requestBody")
        if body is not None:
            media_types = list(body.get("content", {})) if isinstance(body, dict) else []
            if media_types != [JSON_MEDIA_TYPE] or "schema" not in body["content"][JSON_MEDIA_TYPE]:
                raise SpecError(
                    f"{where} requestBody: the templates send exactly one application/json body with a "
                    f"schema, got {media_types or body!r}"
                )
        responses = op.get("responses", {})
        if "default" in responses:
            raise SpecError(f"{where} responses.default: not generated; list 4XX/5XX (errors) or status codes")
        for status, response in responses.items():
            content = response.get("content", {})
            if _is_success(status) and JSON_MEDIA_TYPE not in content:
                raise SpecError(f"{where} responses.{status}: a success needs an application/json body to return")
            if STREAM_MEDIA_TYPE in content and (str(status) != "200" or next(iter(content)) != JSON_MEDIA_TYPE):
                raise SpecError(
                    f"{where} responses.{status}: text/event-stream is generated only in the 200 response, "
                    "after application/json"
                )


def _is_success(status: Any) -> bool:
    return str(status)[0] in "123"


def _operations(spec: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    for path, item in spec.get("paths", {}).items():
        for method, op in item.items():
            if method in _METHODS and isinstance(op, dict):
                yield f"{method.upper()} {path}", op


def _responses(spec: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any], str, dict[str, Any]]]:
    for where, op in _operations(spec):
        for status, response in op.get("responses", {}).items():
            if isinstance(response, dict):
                yield where, op, str(status), response


# --- defaults and open enums -------------------------------------------------------------------------


def _move_default_to_description(schema: dict[str, Any]) -> None:
    if "default" not in schema:
        return
    note = f"Default: `{json.dumps(schema.pop('default'), ensure_ascii=False)}` (applied by the server)."
    description = schema.get("description", "").rstrip()
    schema["description"] = f"{description}\n\n{note}" if description else note


def _schemas(spec: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """Every schema object in the spec, nested ones included."""
    roots: list[Any] = list(spec.get("components", {}).get("schemas", {}).values())
    for _, op in _operations(spec):
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
    for key in ("items", "additionalProperties", "not", "contains", "contentSchema"):
        yield from _walk(schema.get(key))
    for key in ("anyOf", "oneOf", "allOf", "prefixItems"):
        for sub in schema.get(key, []):
            yield from _walk(sub)


def _refuse_closed_response_enums(spec: dict[str, Any]) -> None:
    components = spec.get("components", {}).get("schemas", {})
    for where, _, status, response in _responses(spec):
        for media in response.get("content", {}).values():
            for key in ("schema", "itemSchema"):
                _check_open_enums(
                    media.get(key), f"{where} {status}", components, open_context=False, stack=frozenset()
                )


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
    for key in ("items", "additionalProperties", "contentSchema"):
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
