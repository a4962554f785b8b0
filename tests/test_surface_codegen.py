"""codegen/surface.py: where methods come from, how body fields become keyword arguments, what
it refuses; and a provider that is only a spec and a providers.toml entry gets the whole surface."""

from __future__ import annotations

import copy
import importlib
import json
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
import yaml

from codegen import surface
from codegen.generate import generate
from codegen.prepare import SpecError
from codegen.providers import load_providers
from tests.client_cases import local_server
from tests.specs import load_spec


def _tree(spec: dict[str, Any]) -> tuple[surface.Node, surface._Types]:
    types = surface._Types(spec)
    return surface.resource_tree(spec, types), types


def _lanrui_with(extra_fields: dict[str, Any], method: str = "chat.completions.create") -> dict[str, Any]:
    spec = copy.deepcopy(load_spec("lanrui"))
    spec["paths"]["/v1/chat/completions"]["post"]["x-client-method"] = method
    spec["components"]["schemas"]["ChatCompletionRequest"]["properties"].update(extra_fields)
    return spec


def test_methods_sit_where_x_client_method_says_not_where_the_path_points() -> None:
    root, _ = _tree(load_spec("sensenova"))
    assert set(root.children) == {"completions", "chat"}
    chat_completions = root.children["chat"].children["completions"]
    assert [m.name for m in chat_completions.methods] == ["create"]
    assert chat_completions.methods[0].module == "api.chat.create_chat_completion"
    assert (chat_completions.class_name, chat_completions.module) == ("ChatCompletions", "chat_completions")
    assert surface.Node(("fine_tuning", "jobs")).class_name == "FineTuningJobs"


def test_fields_named_like_call_options_get_an_underscore_and_keep_their_wire_name() -> None:
    spec = _lanrui_with({"timeout": {"type": "number"}, "extra_body": {"type": "string"}})
    root, _ = _tree(spec)
    [create] = root.children["chat"].children["completions"].methods
    names = {f.wire: f.name for f in create.fields}
    assert names["timeout"] == "timeout_" and names["extra_body"] == "extra_body_"
    assert names["stream"] == "stream" and names["model"] == "model"
    assert [f.wire for f in create.fields if f.required] == ["model", "messages"]  # required first


def test_input_types_follow_the_schema() -> None:
    root, types = _tree(load_spec("ppinfra"))
    [create] = root.children["completions"].methods
    annotation = {f.wire: f.annotation for f in create.fields}
    assert annotation["prompt"] == "str | Sequence[str] | Sequence[int] | Sequence[Sequence[int]]"
    assert annotation["stop"] == "str | Sequence[str] | None"
    assert annotation["stream_options"] == "StreamOptionsParam | StreamOptions"
    assert annotation["logit_bias"] == "LogitBiasParam | LogitBias"
    params = {p.name: p for p in surface.param_types(types)}
    assert params["LogitBiasParam"].alias == "Mapping[str, int]"
    root, types = _tree(load_spec("sensenova"))
    params = {p.name: p for p in surface.param_types(types)}
    assert params["ChatRoleParam"].alias == "Literal['user', 'assistant', 'system']"
    mode = {f.wire: f for f in params["AssociatedKnowledgeParam"].fields or []}["mode"]
    assert (mode.annotation, mode.required) == ("Literal['concatenate', 'override']", True)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda op, spec: op.pop("x-client-method"), "x-client-method must name a resource and a method"),
        (lambda op, spec: op.update({"x-client-method": "create"}), "must name a resource and a method"),
        (lambda op, spec: op.update({"x-client-method": "chat.class.create"}), "must name a resource"),
        (
            lambda op, spec: spec["components"]["schemas"]["ChatCompletionRequest"]["properties"].update(
                {"timeout": {"type": "number"}, "timeout_": {"type": "number"}}
            ),
            "clash",
        ),
        (
            lambda op, spec: spec["components"]["schemas"]["ChatCompletionRequest"]["properties"].update(
                {"class": {"type": "number"}}
            ),
            "not a Python identifier",
        ),
    ],
    ids=["missing", "no-resource", "keyword", "clash", "keyword-member"],
)
def test_refuses_what_it_cannot_render(change: Any, message: str) -> None:
    spec = copy.deepcopy(load_spec("lanrui"))
    change(spec["paths"]["/v1/chat/completions"]["post"], spec)
    with pytest.raises(SpecError, match=message):
        _tree(spec)


def test_refuses_two_operations_on_one_method() -> None:
    spec = copy.deepcopy(load_spec("sensenova"))
    spec["paths"]["/v1/llm/completions"]["post"]["x-client-method"] = "chat.completions.create"
    with pytest.raises(SpecError, match="given to two operations"):
        _tree(spec)
    spec["paths"]["/v1/llm/completions"]["post"]["x-client-method"] = "chat.completions"
    with pytest.raises(SpecError, match="both a method and a resource"):
        _tree(spec)


def test_a_new_provider_gets_the_surface_from_its_spec_alone(tmp_path: Path) -> None:
    """A spec and a providers.toml entry, nothing else: the client class, its resource, and a body
    member named `timeout` that becomes `timeout_=` and is sent as `timeout`."""
    spec = _lanrui_with(
        {"timeout": {"type": "integer", "description": "Server-side budget in seconds."}}, "chat.create"
    )
    spec_path = tmp_path / "acme.yaml"
    spec_path.write_text(yaml.safe_dump(spec), encoding="utf-8")
    provider = replace(
        load_providers()["lanrui"],
        key="acme",
        name="Acme",
        client_class="AcmeAI",
        spec_path=spec_path,
        distribution="acme-client",
        package="acme_client",
        env_prefix="ACME",
        request_id_header="x-acme-trace",
    )
    generate(provider, tmp_path / "out")
    sys.path.insert(0, str(tmp_path / "out" / "acme"))
    try:
        acme = importlib.import_module("acme_client")
        ok = spec["paths"]["/v1/chat/completions"]["post"]["responses"]["200"]["content"]["application/json"]
        answer = ok["examples"]["documented"]["value"]
        reply = (200, {"content-type": "application/json", "x-acme-trace": "t-1"}, json.dumps(answer).encode())
        with local_server(lambda headers: reply) as server, acme.AcmeAI(api_key="k", base_url=server.url) as client:
            raw = client.chat.with_raw_response.create(
                model="m", messages=[{"role": "user", "content": "hi"}], timeout_=30, timeout=5
            )
        assert raw.request_id == "t-1"
        assert raw.parse().choices[0].message.content == answer["choices"][0]["message"]["content"]
        assert server.bodies == [{"model": "m", "messages": [{"role": "user", "content": "hi"}], "timeout": 30}]
    finally:
        sys.path.remove(str(tmp_path / "out" / "acme"))
        for name in [m for m in sys.modules if m == "acme_client" or m.startswith("acme_client.")]:
            del sys.modules[name]


def test_the_stream_flag_is_the_spec_s_request_flag_and_must_name_a_body_field() -> None:
    """The body member that asks for a stream has one home, x-stream's request-flag: the
    surface's `stream=` argument is sent under that name, and a name no field has is refused."""
    spec = _lanrui_with({"streaming": {"type": "boolean"}})
    stream = spec["paths"]["/v1/chat/completions"]["post"]["responses"]["200"]["content"]["text/event-stream"]
    stream["x-stream"]["request-flag"] = "streaming"
    root, _ = _tree(spec)
    [create] = root.children["chat"].children["completions"].methods
    assert create.stream_flag == "streaming"
    stream["x-stream"]["request-flag"] = "sream"
    with pytest.raises(SpecError, match=r"x-stream\.request-flag 'sream' names no request body field"):
        _tree(spec)
