"""What an openai SDK user's hands write works here too (issue 21 items 3, 6, 7), every client of
the four packages, sync and async, against the emulator or a loopback socket: an openai-style
base URL, httpx_args keys refused by name, the User-Agent on the wire."""

from __future__ import annotations

import keyword
import platform
import re
import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import httpx2
import pytest

from emulator import Emulator
from tests.client_cases import MODES, PACKAGES, local_server, unique
from tests.test_surface import CASES, CLIENTS, EACH, client_class, package_of, resolve, run, surface_client, the_request

CLIENT_KEYS = sorted({client for client, _ in CASES})
EACH_CLIENT = pytest.mark.parametrize("client_key", CLIENT_KEYS)


def first_case(client_key: str) -> tuple[str, dict[str, Any]]:
    return next((method, kwargs) for (key, method), kwargs in CASES.items() if key == client_key)


# --- a base URL written the openai way --------------------------------------------------------------


def openai_endings(client_key: str) -> list[str]:
    """What an openai-style base URL may end in: the start and the whole of the folder every
    operation path of the client shares (Lanrui's `/v1`, PPInfra's `/v3` and `/v3/openai`)."""
    prefix = CLIENTS[client_key][1].path_prefix
    return sorted({"/" + prefix.strip("/").split("/")[0], prefix}) if prefix else []


@MODES
@EACH_CLIENT
def test_an_openai_style_base_url_reaches_the_same_paths(
    emulator: Emulator, client_key: str, asynchronous: bool
) -> None:
    method, kwargs = first_case(client_key)
    plain = unique("plain-base")
    tags = {ending: unique("openai-base") for ending in openai_endings(client_key)}
    assert tags, "every client's operations share a version folder"
    for tag, base_url in (
        (plain, emulator.base_url(client_key)),
        *((tag, emulator.base_url(client_key) + ending + "/") for ending, tag in tags.items()),
    ):
        client = surface_client(emulator, client_key, asynchronous=asynchronous, tag=tag, base_url=base_url)
        assert client.base_url == emulator.base_url(client_key)
        run(client, asynchronous, lambda c: resolve(c, method)(**kwargs))
    for tag in tags.values():
        assert the_request(emulator, tag).path == the_request(emulator, plain).path


def test_a_base_url_under_another_folder_is_kept() -> None:
    """Only an ending the operation paths start with is dropped: a gateway's own folder stays."""
    cls = client_class("lanrui", False)
    assert cls(api_key="k", base_url="https://gw.example/lanrui").base_url == "https://gw.example/lanrui"
    assert cls(api_key="k", base_url="https://gw.example/v2").base_url == "https://gw.example/v2"
    assert cls(api_key="k", base_url="https://gw.example/xv1").base_url == "https://gw.example/xv1"
    ppinfra = client_class("ppinfra", False)
    assert ppinfra(api_key="k", base_url="https://api.ppinfra.com/v3").base_url == "https://api.ppinfra.com"
    assert ppinfra(api_key="k", base_url="https://api.ppinfra.com/openai").base_url == "https://api.ppinfra.com/openai"


def test_the_openai_style_base_url_from_the_environment_works_too(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LANRUI_BASE_URL", "https://api.lanrui.co/v1")
    assert client_class("lanrui", False)(api_key="k").base_url == "https://api.lanrui.co"


# --- httpx_args: nothing silently dropped ------------------------------------------------------------

REFUSED = {
    "verify": (False, "verify_ssl="),
    "base_url": ("http://127.0.0.1:9", "base_url="),
    "headers": ({"X-A": "1"}, "headers="),
    "params": ({"a": "1"}, "default_query="),
    "cookies": ({"a": "1"}, "cookies="),
    "timeout": (5.0, "timeout="),
    "follow_redirects": (True, "follow_redirects="),
    "retries": (3, "max_retries="),
}


@pytest.mark.parametrize("provider", PACKAGES)
@pytest.mark.parametrize("key", REFUSED)
def test_an_httpx_arg_the_client_sets_itself_is_refused_naming_the_argument(provider: str, key: str) -> None:
    value, instead = REFUSED[key]
    for cls in (PACKAGES[provider].AuthenticatedClient, client_class(provider, False), client_class(provider, True)):
        with pytest.raises(ValueError, match=rf"httpx_args\['{key}'\].*{re.escape(instead)}"):
            cls(api_key="k", base_url="http://127.0.0.1:9", httpx_args={key: value})


@pytest.mark.parametrize("provider", PACKAGES)
def test_transport_settings_next_to_a_transport_and_unknown_keys_are_refused(provider: str) -> None:
    cls = PACKAGES[provider].AuthenticatedClient
    with pytest.raises(ValueError, match=r"httpx_args\['limits'\] would be ignored next to httpx_args\['transport'\]"):
        cls("k", httpx_args={"transport": httpx2.HTTPTransport(), "limits": httpx2.Limits(max_connections=1)})
    with pytest.raises(TypeError, match=r"httpx_args\['verfiy'\] is not an httpx2"):
        cls("k", httpx_args={"verfiy": False})


@MODES
def test_a_mounted_transport_gets_the_clients_retries(emulator: Emulator, asynchronous: bool) -> None:
    tag = unique("mounted")
    transport: Any = httpx2.AsyncHTTPTransport() if asynchronous else httpx2.HTTPTransport()
    mounts = {emulator.url: transport}
    client = surface_client(
        emulator, "lanrui", asynchronous=asynchronous, tag=tag, max_retries=1, httpx_args={"mounts": mounts}
    )
    method, kwargs = first_case("lanrui")
    with pytest.raises(PACKAGES["lanrui"].InternalServerError):
        run(
            client,
            asynchronous,
            lambda c: resolve(c, method)(**kwargs, extra_headers={"X-Emulator-Fault": "status;code=500"}),
        )
    assert len([r for r in emulator.requests if tag in r.headers.get("x-emulator-tag", "")]) == 2


# --- User-Agent ----------------------------------------------------------------------------------------


def expected_user_agent(package: Any) -> str:
    provider = package._provider
    return (
        f"{provider.DISTRIBUTION}/{provider.__version__} "
        f"{platform.python_implementation()}/{platform.python_version()} httpx2/{httpx2.__version__}"
    )


@MODES
@EACH
def test_the_user_agent_names_the_distribution_python_and_httpx2(
    emulator: Emulator, provider: str, method: str, asynchronous: bool
) -> None:
    tag = unique("user-agent")
    client = surface_client(emulator, provider, asynchronous=asynchronous, tag=tag)
    run(client, asynchronous, lambda c: resolve(c, method)(**CASES[(provider, method)]))
    agent = the_request(emulator, tag).headers["user-agent"]
    assert agent == expected_user_agent(package_of(provider))
    assert agent.startswith(package_of(provider)._provider.DISTRIBUTION + "/")


@contextmanager
def head_catcher() -> Iterator[tuple[str, list[bytes]]]:
    """A loopback socket that keeps each request head as sent (repeated headers included) and
    answers 400."""
    heads: list[bytes] = []
    listener = socket.create_server(("127.0.0.1", 0))

    def serve() -> None:
        while True:
            try:
                conn, _ = listener.accept()
            except OSError:
                return
            with conn:
                data = b""
                while b"\r\n\r\n" not in data:
                    chunk = conn.recv(65536)
                    if not chunk:
                        break
                    data += chunk
                heads.append(data.partition(b"\r\n\r\n")[0])
                conn.sendall(
                    b"HTTP/1.1 400 Bad Request\r\ncontent-length: 2\r\ncontent-type: application/json\r\n\r\n{}"
                )

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{listener.getsockname()[1]}", heads
    finally:
        listener.close()
        thread.join(timeout=5)


def user_agents(head: bytes) -> list[str]:
    lines = head.decode("latin-1").split("\r\n")[1:]
    return [line.split(":", 1)[1].strip() for line in lines if line.lower().startswith("user-agent:")]


@MODES
@pytest.mark.parametrize("provider", PACKAGES)
def test_a_user_agent_the_user_gives_wins_and_is_sent_once(provider: str, asynchronous: bool) -> None:
    method, kwargs = first_case(provider)
    package = PACKAGES[provider]
    with head_catcher() as (url, heads):
        for options in ({"headers": {"user-agent": "mine/1"}}, {"default_headers": {"User-Agent": "mine/1"}}, {}):
            client = client_class(provider, asynchronous)(api_key="k", base_url=url, max_retries=0, **options)
            with pytest.raises(package.errors.BadRequestError):
                run(client, asynchronous, lambda c: resolve(c, method)(**kwargs))
        client = client_class(provider, asynchronous)(api_key="k", base_url=url, max_retries=0)
        with pytest.raises(package.errors.BadRequestError):
            run(client, asynchronous, lambda c: resolve(c, method)(**kwargs, extra_headers={"User-Agent": "call/2"}))
    assert [user_agents(head) for head in heads] == [
        ["mine/1"],
        ["mine/1"],
        [expected_user_agent(package)],
        ["call/2"],
    ]


# --- default_headers= and default_query= -----------------------------------------------------------------


@MODES
@EACH
def test_default_headers_and_default_query_reach_every_request(
    emulator: Emulator, provider: str, method: str, asynchronous: bool
) -> None:
    tag = unique("defaults")
    client = client_class(provider, asynchronous)(
        api_key=emulator.api_key(provider),
        base_url=emulator.base_url(provider) + "?from_url=1",
        default_headers={"X-Emulator-Tag": tag, "X-Team": "a"},
        default_query={"team": "a", "n": 2},
    )
    run(client, asynchronous, lambda c: resolve(c, method)(**CASES[(provider, method)], extra_query={"call": "1"}))
    request = the_request(emulator, tag)
    assert request.headers["x-team"] == "a"
    assert sorted(request.query.split("&")) == ["call=1", "from_url=1", "n=2", "team=a"]


def test_headers_and_default_headers_together_and_a_bad_query_are_refused() -> None:
    cls = client_class("lanrui", False)
    with pytest.raises(TypeError, match="headers= or default_headers="):
        cls(api_key="k", headers={"a": "1"}, default_headers={"b": "2"})
    with pytest.raises(TypeError, match=r"default_query\['a'\]"):
        cls(api_key="k", default_query={"a": object()})


# --- fields under their JSON names ------------------------------------------------------------------------


def renamed_fields(package: Any) -> list[tuple[type, str, str]]:
    """(model class, attribute, JSON name) of every model field the generator renamed, where
    the JSON name could be an attribute (an identifier, not a keyword)."""
    found = []
    for name in package.models.__all__:
        cls = getattr(package.models, name)
        for field in getattr(cls, "__attrs_attrs__", ()):
            json_name = field.name.removesuffix("_")
            if field.name.endswith("_") and json_name.isidentifier() and not keyword.iskeyword(json_name):
                found.append((cls, field.name, json_name))
    return found


@pytest.mark.parametrize("provider", PACKAGES)
def test_every_renamed_field_reads_and_sets_under_its_json_name(provider: str) -> None:
    fields = renamed_fields(PACKAGES[provider])
    assert fields  # object_ or type_ in every package
    for cls, attribute, json_name in fields:
        assert isinstance(getattr(cls, json_name), property), f"{cls.__name__}.{json_name}"
        instance = object.__new__(cls)
        setattr(instance, json_name, "x")
        assert getattr(instance, attribute) == getattr(instance, json_name) == "x"


@MODES
@EACH
def test_completion_object_reads_as_in_the_openai_sdk(
    emulator: Emulator, provider: str, method: str, asynchronous: bool
) -> None:
    client = surface_client(emulator, provider, asynchronous=asynchronous, tag=unique("object"))
    result = run(client, asynchronous, lambda c: resolve(c, method)(**CASES[(provider, method)]))
    if "object" not in result.to_dict():
        pytest.skip("this answer has no `object` member (SenseNova's legacy API)")
    assert result.object == result.object_ == result.to_dict()["object"]
    assert str(result.object).startswith(("chat.completion", "text_completion"))


# --- client.<resource>.stream(...) and get_final_completion() -------------------------------------------


def stream_method(method: str) -> str:
    return method.rsplit(".", 1)[0] + ".stream"


def assert_within(final: Any, plain: Any, where: str = "answer") -> None:
    """Every member of the gathered answer is in the plain answer with the same value (ids and
    times aside: each call has its own)."""
    if isinstance(final, dict):
        assert isinstance(plain, dict), where
        for key, value in final.items():
            if key not in ("id", "created", "request_id"):
                assert key in plain, f"{where}.{key}"
                assert_within(value, plain[key], f"{where}.{key}")
    elif isinstance(final, list):
        assert isinstance(plain, list) and len(final) == len(plain), where
        for index, (a, b) in enumerate(zip(final, plain, strict=True)):
            assert_within(a, b, f"{where}[{index}]")
    else:
        assert final == plain, where


@MODES
@EACH
def test_stream_context_manager_gives_the_full_typed_answer(
    emulator: Emulator, provider: str, method: str, asynchronous: bool
) -> None:
    kwargs = CASES[(provider, method)]
    tag = unique("final")
    package = package_of(provider)

    def sync_body(c: Any) -> Any:
        plain = resolve(c, method)(**kwargs)
        with resolve(c, stream_method(method))(**kwargs, extra_headers={"X-Emulator-Tag": tag}) as stream:
            assert isinstance(stream, package.FinalStream)
            events = list(stream)
            final = stream.get_final_completion()
            assert stream.get_final_completion() is final
            return plain, final, stream.until_done(), stream.request_id, events

    async def async_body(c: Any) -> Any:
        plain = await resolve(c, method)(**kwargs)
        async with resolve(c, stream_method(method))(**kwargs, extra_headers={"X-Emulator-Tag": tag}) as stream:
            assert isinstance(stream, package.AsyncFinalStream)
            events = [event async for event in stream]
            final = await stream.get_final_completion()
            return plain, final, await stream.until_done(), stream.request_id, events

    client = surface_client(emulator, provider, asynchronous=asynchronous, tag=unique("plain"))
    plain, final, gathered, request_id, events = run(client, asynchronous, async_body if asynchronous else sync_body)
    assert isinstance(final, type(plain))
    assert events and gathered.text and gathered.events == len(events)
    assert final.request_id == request_id == the_request(emulator, tag).request_id
    assert_within(final.to_dict(), plain.to_dict())
    if hasattr(plain, "usage") and plain.usage is not None and gathered.usage is not None:
        assert final.usage == plain.usage
    assert the_request(emulator, tag).body["stream"] is True


@MODES
def test_stream_asks_for_what_the_answer_requires_unless_the_call_says(emulator: Emulator, asynchronous: bool) -> None:
    """PPInfra's answer requires usage, which its stream carries only with stream_options.include_usage."""
    kwargs = CASES[("ppinfra", "completions.create")]
    asked, given = unique("asked"), unique("given")

    def body(c: Any, tag: str, **extra: Any) -> Any:
        manager = c.completions.stream(**kwargs, **extra, extra_headers={"X-Emulator-Tag": tag})
        if not asynchronous:
            with manager as stream:
                return stream.get_final_completion()

        async def inner() -> Any:
            async with manager as stream:
                return await stream.get_final_completion()

        return inner()

    client = surface_client(emulator, "ppinfra", asynchronous=asynchronous, tag=unique("x"))
    final = run(client, asynchronous, lambda c: body(c, asked))
    assert final.usage.total_tokens > 0
    assert the_request(emulator, asked).body["stream_options"] == {"include_usage": True}
    client = surface_client(emulator, "ppinfra", asynchronous=asynchronous, tag=unique("x"))
    with pytest.raises(PACKAGES["ppinfra"].errors.APIResponseValidationError, match="usage"):
        run(client, asynchronous, lambda c: body(c, given, stream_options={"include_usage": False}))
    assert the_request(emulator, given).body["stream_options"] == {"include_usage": False}


@MODES
def test_a_cut_stream_raises_from_get_final_completion(emulator: Emulator, asynchronous: bool) -> None:
    kwargs = CASES[("lanrui", "chat.completions.create")]
    package = PACKAGES["lanrui"]
    cut = {"X-Emulator-Fault": "no-terminator"}

    def sync_body(c: Any) -> Any:
        with c.chat.completions.stream(**kwargs, extra_headers=cut) as stream:
            return stream.get_final_completion()

    async def async_body(c: Any) -> Any:
        async with c.chat.completions.stream(**kwargs, extra_headers=cut) as stream:
            return await stream.get_final_completion()

    client = surface_client(emulator, "lanrui", asynchronous=asynchronous, tag=unique("cut"))
    with pytest.raises(package.IncompleteStreamError) as caught:
        run(client, asynchronous, async_body if asynchronous else sync_body)
    assert caught.value.text


@MODES
def test_stream_checks_its_arguments_before_any_request(asynchronous: bool) -> None:
    with local_server(lambda headers: (200, {}, b"")) as server:
        client = client_class("lanrui", asynchronous)(api_key="k", base_url=server.url)
        with pytest.raises(TypeError):
            client.chat.completions.stream(model="m", messages=[], knowlege_config={})
        with pytest.raises(TypeError):
            client.chat.completions.stream(model="m", messages=[], stream=True)
        assert server.seen == []


# --- http_client= ------------------------------------------------------------------------------------------


class CountingTransport:
    """Counts what goes through the http_client's own transport."""

    def __init__(self, asynchronous: bool) -> None:
        self.sent: list[httpx2.Request] = []
        self.inner: Any = httpx2.AsyncHTTPTransport() if asynchronous else httpx2.HTTPTransport()

    def handle_request(self, request: httpx2.Request) -> httpx2.Response:
        self.sent.append(request)
        return self.inner.handle_request(request)  # type: ignore[no-any-return]

    async def handle_async_request(self, request: httpx2.Request) -> httpx2.Response:
        self.sent.append(request)
        return await self.inner.handle_async_request(request)  # type: ignore[no-any-return]

    def close(self) -> None:
        self.inner.close()

    async def aclose(self) -> None:
        await self.inner.aclose()


def given_client(asynchronous: bool, transport: CountingTransport, **kwargs: Any) -> Any:
    cls: Any = httpx2.AsyncClient if asynchronous else httpx2.Client
    base: Any = httpx2.AsyncBaseTransport if asynchronous else httpx2.BaseTransport
    wrapped = type("Counting", (CountingTransport, base), {})
    instance = object.__new__(wrapped)
    instance.__dict__.update(transport.__dict__)
    transport.__dict__ = instance.__dict__  # one record for both names
    return cls(transport=instance, **kwargs)


@MODES
@EACH
def test_http_client_carries_the_calls_with_the_clients_retries_and_its_own_headers(
    emulator: Emulator, provider: str, method: str, asynchronous: bool
) -> None:
    tag = unique("http-client")
    transport = CountingTransport(asynchronous)
    given = given_client(
        asynchronous,
        transport,
        headers={"X-From-Given": "1", "X-Emulator-Tag": tag},
        params={"given": "1"},
        base_url="http://unused.invalid",
        timeout=0.001,  # not used: the client's own timeout applies
    )
    client = client_class(provider, asynchronous)(
        api_key=emulator.api_key(provider), base_url=emulator.base_url(provider), http_client=given, max_retries=1
    )
    kwargs = CASES[(provider, method)]
    package = package_of(provider)

    def calls(c: Any) -> Any:
        resolve(c, method)(**kwargs)
        with pytest.raises(package.errors.InternalServerError):
            resolve(c, method)(**kwargs, extra_headers={"X-Emulator-Fault": "status;code=500"})

    async def acalls(c: Any) -> Any:
        await resolve(c, method)(**kwargs)
        with pytest.raises(package.errors.InternalServerError):
            await resolve(c, method)(**kwargs, extra_headers={"X-Emulator-Fault": "status;code=500"})

    run(client, asynchronous, acalls if asynchronous else calls)
    requests = [r for r in emulator.requests if tag in r.headers.get("x-emulator-tag", "")]
    assert len(requests) == len(transport.sent) == 3  # one call, then one retried once
    assert requests[0].headers["x-from-given"] == "1" and "given=1" in requests[0].query
    assert requests[0].headers["user-agent"] == expected_user_agent(package)
    assert given.is_closed  # closing the client closed it, as the openai SDK does


@MODES
def test_http_client_of_the_wrong_kind_or_with_pool_settings_twice_is_refused(asynchronous: bool) -> None:
    cls = client_class("lanrui", asynchronous)
    wrong: Any = httpx2.Client() if asynchronous else httpx2.AsyncClient()
    right: Any = httpx2.AsyncClient() if asynchronous else httpx2.Client()
    with pytest.raises(TypeError, match="http_client must be an httpx2"):
        cls(api_key="k", http_client=wrong)
    with pytest.raises(ValueError, match=r"httpx_args\['limits'\] next to http_client="):
        cls(api_key="k", http_client=right, httpx_args={"limits": httpx2.Limits(max_connections=1)})
    with pytest.raises(ValueError, match="verify_ssl= next to http_client="):
        cls(api_key="k", http_client=right, verify_ssl=False)


# --- with_options(base_url=, api_key=, default_headers=, default_query=) -----------------------------------


@MODES
@EACH_CLIENT
def test_with_options_takes_base_url_api_key_and_defaults(
    emulator: Emulator, client_key: str, asynchronous: bool
) -> None:
    method, kwargs = first_case(client_key)
    tag = unique("with-options-openai")
    with local_server(lambda headers: (401, {"content-type": "application/json"}, b"{}")) as elsewhere:
        client = client_class(client_key, asynchronous)(api_key="wrong-key", base_url=elsewhere.url, max_retries=0)
        copy = client.with_options(
            base_url=emulator.base_url(client_key) + "/",
            api_key=emulator.api_key(client_key),
            default_headers={"X-Emulator-Tag": tag, "X-Team": "a"},
            default_query={"team": "a"},
        )
        layered = copy.with_options(default_headers={"X-Team": "b"}, default_query={"n": 1})

        def calls(c: Any) -> None:
            resolve(c, method)(**kwargs)
            resolve(layered, method)(**kwargs, extra_headers={"X-Call": "1"})

        async def acalls(c: Any) -> None:
            await resolve(c, method)(**kwargs)
            await resolve(layered, method)(**kwargs, extra_headers={"X-Call": "1"})

        run(copy, asynchronous, acalls if asynchronous else calls)  # the copies share one pool
        assert elsewhere.seen == []
    first, second = [r for r in emulator.requests if tag in r.headers.get("x-emulator-tag", "")]
    assert first.headers["authorization"] == f"Bearer {emulator.api_key(client_key)}"
    assert (first.headers["x-team"], first.query) == ("a", "team=a")
    assert (second.headers["x-team"], second.headers["x-call"]) == ("b", "1")
    assert sorted(second.query.split("&")) == ["n=1", "team=a"]
    assert copy.base_url.rstrip("/") == emulator.base_url(client_key) and client.base_url == elsewhere.url
    assert "wrong-key" not in repr(client) and emulator.api_key(client_key) not in repr(copy)


def test_with_options_refuses_bad_defaults_and_base_urls() -> None:
    client = client_class("lanrui", False)(api_key="k")
    with pytest.raises(ValueError, match="default_headers"):
        client.with_options(default_headers={"bad name": "x"})
    with pytest.raises(ValueError, match="base_url"):
        client.with_options(base_url="ftp://x")
    with pytest.raises(ValueError, match="api_key"):
        client.with_options(api_key="  ")
