"""The openai-style surface (`<Provider>` / `Async<Provider>`, `client.<resource>.create(...)`)
against the emulator, every operation of every package, sync and async: dict parameters, exactly
the passed fields on the wire, extras, streaming by flag, raw responses, request ids, with_options."""

from __future__ import annotations

import asyncio
import copy
import functools
from collections.abc import Awaitable, Callable
from types import ModuleType
from typing import Any

import httpx2
import pytest

from codegen.providers import load_providers
from emulator import Emulator
from tests.cases import OPERATIONS
from tests.client_cases import MODES, PACKAGES, local_server, tagged, unique
from tests.specs import PROVIDERS, operations, stream_extension

# One call per operation (tests/cases.py: its fixture request-minimal.json, messages as plain
# dicts), keyed by the client the operation is on (a provider key, or the emulator mount of a
# client for another host, e.g. "sensenova-token-plan") and its method.
CASES: dict[tuple[str, str], dict[str, Any]] = {(case.client, case.method): case.minimal for case in OPERATIONS}
IDS = [f"{provider}:{method}" for provider, method in CASES]
EACH = pytest.mark.parametrize(("provider", "method"), list(CASES), ids=IDS)


LOADED = load_providers()  # once: each load parses the specs again
# client key -> (provider key, the client's facts)
CLIENTS = {c.mount: (key, c) for key, p in LOADED.items() for c in p.clients.values()}


def package_of(client: str) -> ModuleType:
    return PACKAGES[CLIENTS[client][0]]


def _spec_operation(client: str, method: str) -> Any:
    key, facts = CLIENTS[client]
    provider = LOADED[key]
    [op] = [
        op
        for op in operations(key)
        if op.raw["x-client-method"] == method and provider.client_of(op.path, op.method) == facts
    ]
    return op


def _model(provider: str, media: str, key: str, method: str) -> type:
    schema = _spec_operation(provider, method).raw["responses"]["200"]["content"][media][key]
    return getattr(package_of(provider).models, schema["$ref"].rsplit("/", 1)[1])  # type: ignore[no-any-return]


def result_model(provider: str, method: str) -> type:
    return _model(provider, "application/json", "schema", method)


def chunk_model(provider: str, method: str) -> type:
    name = stream_extension(_spec_operation(provider, method))["event"].rsplit("/", 1)[1]
    return getattr(package_of(provider).models, name)  # type: ignore[no-any-return]


def client_class(provider: str, asynchronous: bool) -> Any:
    name = CLIENTS[provider][1].class_name
    return getattr(package_of(provider), f"Async{name}" if asynchronous else name)


def surface_client(emulator: Emulator, provider: str, *, asynchronous: bool, tag: str, **kwargs: Any) -> Any:
    kwargs.setdefault("api_key", emulator.api_key(provider))
    kwargs.setdefault("base_url", emulator.base_url(provider))
    kwargs["headers"] = {"X-Emulator-Tag": tag, **kwargs.get("headers", {})}
    return client_class(provider, asynchronous)(**kwargs)


def resolve(client: Any, method: str) -> Callable[..., Any]:
    """`client.chat.completions.create` from "chat.completions.create"."""
    return functools.reduce(getattr, method.split("."), client)  # type: ignore[no-any-return]


def run(client: Any, asynchronous: bool, body: Callable[[Any], Any]) -> Any:
    """body(client) in the client's context; for an async client, awaited in a fresh loop."""
    if not asynchronous:
        with client:
            return body(client)

    async def main() -> Any:
        async with client:
            result = body(client)
            return await result if isinstance(result, Awaitable) else result

    return asyncio.run(main())


def the_request(emulator: Emulator, tag: str) -> Any:
    [request] = tagged(emulator, tag)
    return request


# --- create(): result model, exactly the passed fields -------------------------------------------


@MODES
@EACH
def test_create_with_dicts_returns_the_result_model_and_sends_only_what_was_passed(
    emulator: Emulator, provider: str, method: str, asynchronous: bool
) -> None:
    tag = unique("create")
    kwargs = CASES[(provider, method)]
    client = surface_client(emulator, provider, asynchronous=asynchronous, tag=tag)
    result = run(client, asynchronous, lambda c: resolve(c, method)(**copy.deepcopy(kwargs)))
    assert isinstance(result, result_model(provider, method))
    request = the_request(emulator, tag)
    assert request.body == kwargs  # no defaults, no nulls for the arguments not passed
    assert request.headers["authorization"] == f"Bearer {emulator.api_key(provider)}"


@MODES
def test_nested_attrs_models_and_dicts_give_the_same_wire_body(emulator: Emulator, asynchronous: bool) -> None:
    models = PACKAGES["sensenova"].models
    as_dicts = {
        "model": "SenseChat-5",
        "messages": [{"role": "user", "content": "Hello"}],
        "temperature": 0.5,
        "knowledge_config": {
            "control_level": "high",
            "knowledge_base_configs": [{"know_id": "k1", "faq_threshold": 0.9}],
        },
        "plugins": {"web_search": {"search_enable": True}},
    }
    as_models = {
        **as_dicts,
        "messages": [models.ChatMessage(role="user", content="Hello")],
        "knowledge_config": models.KnowledgeConfig(
            control_level="high", knowledge_base_configs=[models.KnowledgeBaseConfig(know_id="k1", faq_threshold=0.9)]
        ),
        "plugins": models.Plugins(web_search=models.WebSearchOptions(search_enable=True)),
    }
    tags = [unique("dicts"), unique("models")]
    for tag, kwargs in zip(tags, (as_dicts, as_models), strict=True):
        client = surface_client(emulator, "sensenova", asynchronous=asynchronous, tag=tag)
        run(client, asynchronous, lambda c, kw=kwargs: c.chat.completions.create(**kw))
    assert the_request(emulator, tags[0]).body == the_request(emulator, tags[1]).body == as_dicts


# --- stream=True ----------------------------------------------------------------------------------


@EACH
def test_stream_true_returns_a_stream_that_works_as_a_plain_for_loop(
    emulator: Emulator, provider: str, method: str
) -> None:
    tag = unique("stream")
    package = package_of(provider)
    with surface_client(emulator, provider, asynchronous=False, tag=tag) as client:
        stream = resolve(client, method)(**CASES[(provider, method)], stream=True)
        assert isinstance(stream, package.Stream)
        request = the_request(emulator, tag)  # sent by create(), before any iteration
        assert stream.request_id == request.request_id and request.request_id.startswith("req-")
        events = list(stream)
    assert events and all(isinstance(event, chunk_model(provider, method)) for event in events)
    assert request.body == {**CASES[(provider, method)], "stream": True}
    assert emulator.wait_for_stream(tag).completed


@EACH
def test_async_stream_is_awaited_then_iterated(emulator: Emulator, provider: str, method: str) -> None:
    tag = unique("astream")
    package = package_of(provider)

    async def main() -> Any:
        async with surface_client(emulator, provider, asynchronous=True, tag=tag) as client:
            stream = await resolve(client, method)(**CASES[(provider, method)], stream=True)
            assert isinstance(stream, package.AsyncStream)
            assert stream.request_id == the_request(emulator, tag).request_id
            async with stream:
                count = 0
                async for event in stream:
                    assert isinstance(event, chunk_model(provider, method))
                    count += 1
            return count, await stream.until_done()

    count, result = asyncio.run(main())
    assert count == result.events > 0
    assert result.text


@MODES
def test_stream_false_is_sent_and_gives_the_result_model(emulator: Emulator, asynchronous: bool) -> None:
    tag = unique("stream-false")
    kwargs = CASES[("lanrui", "chat.completions.create")]
    client = surface_client(emulator, "lanrui", asynchronous=asynchronous, tag=tag)
    result = run(client, asynchronous, lambda c: c.chat.completions.create(**kwargs, stream=False))
    assert isinstance(result, result_model("lanrui", "chat.completions.create"))
    assert the_request(emulator, tag).body == {**kwargs, "stream": False}


@MODES
def test_an_error_status_raises_at_create_for_streams_too(emulator: Emulator, asynchronous: bool) -> None:
    package = PACKAGES["lanrui"]
    kwargs = CASES[("lanrui", "chat.completions.create")]
    for stream in (False, True):
        client = surface_client(emulator, "lanrui", asynchronous=asynchronous, tag=unique("401"), api_key="wrong")
        with pytest.raises(package.AuthenticationError) as caught:
            run(client, asynchronous, lambda c, s=stream: c.chat.completions.create(**kwargs, stream=s))
        assert caught.value.status_code == 401
        assert caught.value.request_id and caught.value.request_id.startswith("req-")


# --- per-call options ------------------------------------------------------------------------------


@MODES
@EACH
def test_extra_headers_query_and_body_reach_the_wire_exactly(
    emulator: Emulator, provider: str, method: str, asynchronous: bool
) -> None:
    tag = unique("extras")
    kwargs = CASES[(provider, method)]
    extra_body = {"seed": 7, "nested": {"a": [1, 2.5, None, "x"]}, "model": kwargs["model"]}
    client = surface_client(emulator, provider, asynchronous=asynchronous, tag=tag)
    # A gateway that refuses members it does not know (additionalProperties: false, SenseNova's
    # Token Plan) answers 400 to `seed`: what reached the wire is the same.
    ref = _spec_operation(provider, method).raw["requestBody"]["content"]["application/json"]["schema"]["$ref"]
    schemas = LOADED[CLIENTS[provider][0]].spec["components"]["schemas"]
    strict = schemas[ref.rsplit("/", 1)[1]].get("additionalProperties") is False
    try:
        run(
            client,
            asynchronous,
            lambda c: resolve(c, method)(
                **kwargs,
                extra_headers={"X-Trace": "abc", "X-Emulator-Tag": tag},
                extra_query={"debug": "1", "n": 2},
                extra_body=extra_body,
            ),
        )
    except package_of(provider).errors.BadRequestError:
        if not strict:
            raise
    request = the_request(emulator, tag)
    assert request.body == {**kwargs, **extra_body}
    assert request.headers["x-trace"] == "abc"
    assert request.query == "debug=1&n=2"


@MODES
def test_extra_body_wins_over_a_typed_field(emulator: Emulator, asynchronous: bool) -> None:
    tag = unique("extra-wins")
    kwargs = CASES[("ppinfra", "completions.create")]
    client = surface_client(emulator, "ppinfra", asynchronous=asynchronous, tag=tag)
    run(client, asynchronous, lambda c: c.completions.create(**kwargs, max_tokens=5, extra_body={"max_tokens": 3}))
    assert the_request(emulator, tag).body == {**kwargs, "max_tokens": 3}


def _counting_server() -> Any:
    return local_server(lambda headers: (200, {"content-type": "application/json"}, b"{}"))


@MODES
@EACH
def test_unknown_or_missing_keyword_raises_type_error_before_any_request(
    provider: str, method: str, asynchronous: bool
) -> None:
    kwargs = CASES[(provider, method)]
    required = next(iter(kwargs))
    with _counting_server() as server:
        cls = client_class(provider, asynchronous)
        for bad in ({**kwargs, "knowlege_config": {}}, {k: v for k, v in kwargs.items() if k != required}):
            client = cls(api_key="k", base_url=server.url)
            with pytest.raises(TypeError) as caught:
                run(client, asynchronous, lambda c, b=bad: resolve(c, method)(**b))
            assert "knowlege_config" in str(caught.value) or required in str(caught.value)
        assert server.seen == []


@MODES
def test_a_value_json_cannot_hold_is_a_type_error_before_any_request(asynchronous: bool) -> None:
    kwargs = CASES[("ppinfra", "completions.create")]
    with _counting_server() as server:
        for bad in ({"prompt": b"bytes"}, {"extra_body": {"tags": {"a", "b"}}}):
            client = client_class("ppinfra", asynchronous)(api_key="k", base_url=server.url)
            with pytest.raises(TypeError):
                run(client, asynchronous, lambda c, b=bad: c.completions.create(**{**kwargs, **b}))
        assert server.seen == []


@MODES
def test_per_call_timeout_and_max_retries(emulator: Emulator, asynchronous: bool) -> None:
    package = PACKAGES["eronmind"]
    kwargs = CASES[("eronmind", "completions.create")]
    tag = unique("retries")
    client = surface_client(emulator, "eronmind", asynchronous=asynchronous, tag=tag, max_retries=3)
    with pytest.raises(package.InternalServerError):
        run(
            client,
            asynchronous,
            lambda c: c.completions.create(
                **kwargs, max_retries=0, extra_headers={"X-Emulator-Fault": "status;code=500"}
            ),
        )
    assert len(tagged(emulator, tag)) == 1  # the client's 3 retries were overridden by the call's 0
    client = surface_client(emulator, "eronmind", asynchronous=asynchronous, tag=unique("timeout"))
    with pytest.raises(package.APITimeoutError):
        run(
            client,
            asynchronous,
            lambda c: c.completions.create(
                **kwargs, timeout=0.3, max_retries=0, extra_headers={"X-Emulator-Fault": "slow-first;delay=2"}
            ),
        )


@MODES
def test_with_options_copy_shares_the_connection_and_applies_its_options(
    emulator: Emulator, asynchronous: bool
) -> None:
    package = PACKAGES["lanrui"]
    kwargs = CASES[("lanrui", "chat.completions.create")]
    tag = unique("with-options")
    client = surface_client(emulator, "lanrui", asynchronous=asynchronous, tag=tag, max_retries=3)

    # The copy's plain call keeps the default timeout (a loaded CI machine may take a while);
    # only the call to a server that stalls for 2 s uses the copy's short one.
    async def both_async(c: Any) -> Any:
        copy = c.with_options(max_retries=0)
        await c.chat.completions.create(**kwargs)
        await copy.chat.completions.create(**kwargs)
        quick = copy.with_options(timeout=0.3)
        with pytest.raises(package.APITimeoutError):
            await quick.chat.completions.create(**kwargs, extra_headers={"X-Emulator-Fault": "slow-first;delay=2"})
        return quick

    def both(c: Any) -> Any:
        copy = c.with_options(max_retries=0)
        c.chat.completions.create(**kwargs)
        copy.chat.completions.create(**kwargs)
        quick = copy.with_options(timeout=0.3)
        with pytest.raises(package.APITimeoutError):
            quick.chat.completions.create(**kwargs, extra_headers={"X-Emulator-Fault": "slow-first;delay=2"})
        return quick

    quick = run(client, asynchronous, both_async if asynchronous else both)
    first, second, timed_out = tagged(emulator, tag)
    assert first.client_port == second.client_port  # one pool: the copy reused the connection
    assert timed_out.headers.get("x-emulator-fault")  # sent once: max_retries=0 carried over to `quick`
    assert (quick.timeout, quick.max_retries) == (0.3, 0)
    assert (client.timeout.read, client.max_retries) == (600.0, 3)  # the original is unchanged
    assert type(quick) is type(client)


def test_with_options_refuses_a_bad_max_retries() -> None:
    client = client_class("lanrui", False)(api_key="k")
    with pytest.raises((TypeError, ValueError)):
        client.with_options(max_retries=-1)


# --- raw responses and request ids -----------------------------------------------------------------


@MODES
@EACH
def test_with_raw_response_gives_status_headers_request_id_and_parse(
    emulator: Emulator, provider: str, method: str, asynchronous: bool
) -> None:
    tag = unique("raw")
    kwargs = CASES[(provider, method)]
    raw_method = method.rsplit(".", 1)[0] + ".with_raw_response." + method.rsplit(".", 1)[1]
    client = surface_client(emulator, provider, asynchronous=asynchronous, tag=tag)
    raw = run(client, asynchronous, lambda c: resolve(c, raw_method)(**kwargs))
    request = the_request(emulator, tag)
    assert raw.status_code == 200
    assert isinstance(raw.http_response, httpx2.Response)
    assert raw.headers["content-type"].startswith("application/json")
    assert raw.request_id == request.request_id and raw.request_id.startswith("req-")
    assert isinstance(raw.parse(), result_model(provider, method))
    assert raw.parse() is raw.parse()


@MODES
@EACH
def test_result_models_carry_the_request_id_of_their_answer(
    emulator: Emulator, provider: str, method: str, asynchronous: bool
) -> None:
    if not hasattr(result_model(provider, method), "request_id"):
        pytest.skip("the model template gives result models no request_id yet")
    tag = unique("request-id")
    client = surface_client(emulator, provider, asynchronous=asynchronous, tag=tag)
    result = run(client, asynchronous, lambda c: resolve(c, method)(**CASES[(provider, method)]))
    request_id = the_request(emulator, tag).request_id
    assert result.request_id == request_id and request_id.startswith("req-")


def test_raw_response_of_a_stream_parses_to_the_open_stream(emulator: Emulator) -> None:
    tag = unique("raw-stream")
    kwargs = CASES[("sensenova", "chat.completions.create")]
    with surface_client(emulator, "sensenova", asynchronous=False, tag=tag) as client:
        raw = client.chat.completions.with_raw_response.create(**kwargs, stream=True)
        assert raw.headers["content-type"].startswith("text/event-stream")
        assert raw.request_id == the_request(emulator, tag).request_id
        with raw.parse() as stream:
            assert stream.until_done().text


# --- clients ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("provider", PROVIDERS)
def test_clients_take_the_environment_and_never_show_the_key(provider: str, monkeypatch: pytest.MonkeyPatch) -> None:
    package: ModuleType = PACKAGES[provider]
    prefix = package._provider.ENV_PREFIX
    monkeypatch.setenv(f"{prefix}_API_KEY", "sk-secret-from-env")
    monkeypatch.setenv(f"{prefix}_BASE_URL", "http://127.0.0.1:9/x")
    for asynchronous in (False, True):
        client = client_class(provider, asynchronous)()
        assert client.base_url == "http://127.0.0.1:9/x"
        assert "sk-secret" not in repr(client) + str(client) + repr(client.with_options(timeout=1))
    monkeypatch.delenv(f"{prefix}_API_KEY")
    if not package._provider.ACCESS_KEY_AUTH:
        with pytest.raises(package.MissingCredentialsError, match=f"{prefix}_API_KEY"):
            client_class(provider, False)()


@MODES
def test_deadline_per_client_per_call_and_per_copy_bounds_plain_calls_and_streams(
    emulator: Emulator, asynchronous: bool
) -> None:
    """The read timeout (600 s) never fires here: only the overall deadline can end these calls."""
    package = PACKAGES["lanrui"]
    kwargs = CASES[("lanrui", "chat.completions.create")]
    stall_headers = {"X-Emulator-Fault": "stall;seconds=3"}
    stall_mid_stream = {"X-Emulator-Fault": "stall;seconds=3;after=1"}

    async def calls_async(c: Any) -> None:
        with pytest.raises(package.APITimeoutError):
            await c.chat.completions.create(**kwargs, extra_headers=stall_headers)
        with pytest.raises(package.APITimeoutError):
            await c.with_options(deadline=None).chat.completions.create(
                **kwargs, deadline=0.5, extra_headers=stall_headers
            )
        stream = await c.chat.completions.create(**kwargs, stream=True, extra_headers=stall_mid_stream)
        with pytest.raises(package.IncompleteStreamError):
            async with stream:
                async for _ in stream:
                    pass

    def calls_sync(c: Any) -> None:
        with pytest.raises(package.APITimeoutError):
            c.chat.completions.create(**kwargs, extra_headers=stall_headers)
        with pytest.raises(package.APITimeoutError):
            c.with_options(deadline=None).chat.completions.create(**kwargs, deadline=0.5, extra_headers=stall_headers)
        stream = c.chat.completions.create(**kwargs, stream=True, extra_headers=stall_mid_stream)
        with pytest.raises(package.IncompleteStreamError), stream:
            for _ in stream:
                pass

    client = surface_client(
        emulator, "lanrui", asynchronous=asynchronous, tag=unique("deadline"), deadline=1.0, max_retries=0
    )
    assert client.deadline == 1.0
    assert client.with_options(deadline=None).deadline is None
    run(client, asynchronous, calls_async if asynchronous else calls_sync)


def test_clients_pass_max_event_size_and_refuse_a_bad_deadline() -> None:
    for provider in PROVIDERS:
        cls = client_class(provider, asynchronous=False)
        client = cls(api_key="k", base_url="http://127.0.0.1:9", max_event_size=1024)
        assert client._api.max_event_size == 1024
        with pytest.raises(ValueError, match="deadline"):
            client.with_options(deadline=-1)
        with pytest.raises(ValueError, match="deadline"):
            cls(api_key="k", base_url="http://127.0.0.1:9", deadline=0)
