"""codegen/prepare.py: the 3.2 specs are validated as written, lowered to valid 3.1 for the
generator, and shapes the forked templates cannot generate are refused with their location."""

from __future__ import annotations

import ast
import copy
from collections.abc import Callable
from typing import Any

import pytest
from openapi_spec_validator import OpenAPIV31SpecValidator
from openapi_spec_validator.validation.exceptions import OpenAPIValidationError

from codegen.prepare import SpecError, prepare, stream_facts, validate_spec
from tests.specs import PROVIDERS, load_spec

LANRUI_OP = "POST /v1/chat/completions"


def _lanrui() -> dict[str, Any]:
    return copy.deepcopy(load_spec("lanrui"))


def _op(spec: dict[str, Any]) -> dict[str, Any]:
    return spec["paths"]["/v1/chat/completions"]["post"]


def _stream(spec: dict[str, Any]) -> dict[str, Any]:
    return _op(spec)["responses"]["200"]["content"]["text/event-stream"]


@pytest.mark.parametrize("provider", PROVIDERS)
def test_prepared_spec_is_valid_openapi_3_1_without_3_2_members(provider: str) -> None:
    spec = load_spec(provider)
    prepared = prepare(spec)
    assert prepared["openapi"] == "3.1.0" and spec["openapi"] == "3.2.0"
    OpenAPIV31SpecValidator(prepared).validate()
    for item in prepared["paths"].values():
        for op in item.values():
            media = op["responses"]["200"]["content"]["text/event-stream"]
            assert "itemSchema" not in media
            facts = media["x-stream"]
            assert facts["event"].startswith("#/components/schemas/") and facts["terminator"] == "[DONE]"


def test_validation_uses_the_3_2_rules_with_nothing_exempt() -> None:
    spec = _lanrui()
    _stream(spec)["itemSchemas"] = {}  # a misspelt member: 3.2 allows no unknown media-type field
    with pytest.raises(OpenAPIValidationError, match="itemSchemas"):
        validate_spec(spec)
    older = _lanrui()
    older["openapi"] = "3.1.0"
    with pytest.raises(SpecError, match=r"OpenAPI 3\.2"):
        validate_spec(older)


def _form_alternative(spec: dict[str, Any]) -> None:
    content = _op(spec)["requestBody"]["content"]
    content["application/x-www-form-urlencoded"] = copy.deepcopy(content["application/json"])


def _multipart_only(spec: dict[str, Any]) -> None:
    content = _op(spec)["requestBody"]["content"]
    content["multipart/form-data"] = {"schema": content.pop("application/json")["schema"]}


def _default_response(spec: dict[str, Any]) -> None:
    _op(spec)["responses"]["default"] = copy.deepcopy(_op(spec)["responses"]["4XX"])


def _success_without_body(spec: dict[str, Any]) -> None:
    _op(spec)["responses"]["202"] = {"description": "accepted"}


def _stream_outside_200(spec: dict[str, Any]) -> None:
    _op(spec)["responses"]["4XX"]["content"]["text/event-stream"] = copy.deepcopy(_stream(spec))


def _stream_before_json(spec: dict[str, Any]) -> None:
    content = _op(spec)["responses"]["200"]["content"]
    content["application/json"] = content.pop("application/json")


REFUSED: dict[str, tuple[Callable[[dict[str, Any]], None], str]] = {
    "form-urlencoded alternative": (_form_alternative, f"{LANRUI_OP} requestBody: .*exactly one application/json"),
    "multipart body": (_multipart_only, f"{LANRUI_OP} requestBody: .*multipart/form-data"),
    "default response": (_default_response, f"{LANRUI_OP} responses.default"),
    "success without a body": (_success_without_body, f"{LANRUI_OP} responses.202: .*application/json"),
    "stream in an error response": (_stream_outside_200, f"{LANRUI_OP} responses.4XX: text/event-stream"),
    "stream listed first": (_stream_before_json, f"{LANRUI_OP} responses.200: text/event-stream"),
}


@pytest.mark.parametrize("name", REFUSED)
def test_shapes_the_templates_cannot_generate_are_refused_with_their_location(name: str) -> None:
    change, message = REFUSED[name]
    spec = _lanrui()
    change(spec)
    with pytest.raises(SpecError, match=message):
        prepare(spec)
    with pytest.raises((SpecError, OpenAPIValidationError)):
        validate_spec(spec)  # make lint reports it too


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda m: m.update(itemSchema={"$ref": "#/components/schemas/ChatCompletionChunk"}), "SSE event object"),
        (lambda m: m["itemSchema"]["properties"]["data"]["anyOf"].pop(), "one `const` terminator"),
        (lambda m: m["x-stream"].update(terminator="[DONE]"), "x-stream.terminator is said by itemSchema"),
        (lambda m: m["x-stream"].pop("request-flag"), "x-stream.request-flag must be a non-empty string"),
        (
            lambda m: m["itemSchema"]["properties"]["data"]["anyOf"][0]["contentSchema"].update({"$ref": "#/x"}),
            "contentSchema must \\$ref a schema in components/schemas",
        ),
    ],
)
def test_streams_must_be_written_the_3_2_way(change: Callable[[dict[str, Any]], None], message: str) -> None:
    spec = _lanrui()
    change(_stream(spec))
    with pytest.raises(SpecError, match=f"POST /v1/chat/completions 200: .*{message}"):
        prepare(spec)


def test_stream_facts_come_from_the_item_schema() -> None:
    spec = _lanrui()
    facts = stream_facts(_stream(spec), "here", spec)
    assert facts["event"] == "#/components/schemas/ChatCompletionChunk"
    assert facts["terminator"] == "[DONE]" and facts["data-prefix"] == "data: "
    _stream(spec)["itemSchema"]["properties"]["data"]["anyOf"][1]["const"] = "[END]"
    assert stream_facts(_stream(spec), "here", spec)["terminator"] == "[END]"


def test_x_stream_values_are_rendered_with_python_repr() -> None:
    """Values that a text substitution would break (`null` inside a name, quotes, backslashes)."""
    spec = _lanrui()
    tricky = {"field": "nullable_error", "code": 'co"de', "message": "mess\\age'", "ok-code": None}
    _stream(spec)["x-stream"]["error"] = dict(tricky)
    _stream(spec)["itemSchema"]["properties"]["data"]["anyOf"][1]["const"] = "[DONE null]"
    rendered = _stream(prepare(spec))["x-stream"]["python"]
    assert ast.literal_eval(rendered["error_field"]) == "nullable_error"
    assert ast.literal_eval(rendered["error_code_key"]) == 'co"de'
    assert ast.literal_eval(rendered["error_message_key"]) == "mess\\age'"
    assert rendered["error_ok_code"] == "None"
    assert ast.literal_eval(rendered["terminator"]) == "[DONE null]"
    assert ast.literal_eval(rendered["text_path"]) == ("delta", "content")
    _stream(spec)["x-stream"]["error"]["ok-code"] = 0
    assert _stream(prepare(spec))["x-stream"]["python"]["error_ok_code"] == "0"


@pytest.mark.parametrize(
    ("key", "path"),
    [("usage", "usage.nope"), ("usage", "nope"), ("text", "delta.nope"), ("extras", ["choices.nope"])],
)
def test_a_gather_path_the_event_schema_does_not_name_is_refused(key: str, path: Any) -> None:
    """The fold reads usage and extras on the typed event by the attribute names rendered from these
    paths: a path the models cannot follow is refused here instead of falling back to raw JSON."""
    spec = _lanrui()
    _stream(spec)["x-stream"]["gather"][key] = path
    with pytest.raises(SpecError, match=f"x-stream.gather.{key}: .* is not in the event schema"):
        prepare(spec)
    with pytest.raises(SpecError, match="is not in the event schema"):
        validate_spec(spec)
