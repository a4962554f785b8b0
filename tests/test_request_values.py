"""Body values JSON cannot carry (issue 24 weak points): a generator as `messages` (or `prompt`),
NaN and infinity as `temperature`, a set in `extra_body`. Each is an errors.RequestBodyError
naming the member, before anything is sent (1.x: json's raw TypeError or ValueError; it is
still both). Every operation of every package through the openai-style clients, the function
modules, sync and async, plain and streamed, against a loopback server that counts requests."""

from __future__ import annotations

import asyncio
import math
from typing import Any

import pytest

from tests.client_cases import MODES, PACKAGES, body, local_server, operation
from tests.test_surface import CASES, EACH, client_class, package_of, resolve


def _counting_server() -> Any:
    return local_server(lambda headers: (200, {"content-type": "application/json"}, b"{}"))


def _as_generator(kwargs: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    """kwargs with its messages (or prompt) given as a generator, and that member's name."""
    name = "messages" if "messages" in kwargs else "prompt"
    value = kwargs[name]
    items = value if isinstance(value, list) else [value]
    return name, {**kwargs, name: (item for item in items)}


BAD = {
    "generator": lambda kwargs: _as_generator(kwargs),
    "nan": lambda kwargs: ("temperature is nan", {**kwargs, "temperature": math.nan}),
    "inf": lambda kwargs: ("temperature is inf", {**kwargs, "temperature": math.inf}),
    "-inf": lambda kwargs: ("temperature is -inf", {**kwargs, "temperature": -math.inf}),
    "set in extra_body": lambda kwargs: ("tags is a set", {**kwargs, "extra_body": {"tags": {"a", "b"}}}),
    "nan deep in extra_body": lambda kwargs: (
        "['x'][1] is nan",
        {**kwargs, "extra_body": {"meta": {"x": [1.0, math.nan]}}},
    ),
}


def _call(client: Any, method: str, kwargs: dict[str, Any], stream: bool, asynchronous: bool) -> None:
    create = resolve(client, method)
    if not asynchronous:
        with client:
            result = create(**kwargs, stream=stream)
            if stream:
                result.until_done()
        return

    async def main() -> None:
        async with client:
            result = await create(**kwargs, stream=stream)
            if stream:
                await result.until_done()

    asyncio.run(main())


@MODES
@EACH
@pytest.mark.parametrize("stream", [False, True], ids=["plain", "stream"])
@pytest.mark.parametrize("bad", list(BAD))
def test_a_value_json_cannot_carry_is_a_typed_error_naming_it_before_sending(
    provider: str, method: str, asynchronous: bool, stream: bool, bad: str
) -> None:
    errors = package_of(provider).errors
    named, kwargs = BAD[bad](CASES[(provider, method)])
    with _counting_server() as server:
        client = client_class(provider, asynchronous)(api_key="k", base_url=server.url, max_retries=0)
        with pytest.raises(errors.RequestBodyError) as caught:
            _call(client, method, kwargs, stream, asynchronous)
        assert server.seen == []
    exc = caught.value
    assert isinstance(exc, TypeError) and isinstance(exc, ValueError)  # what 1.x raised stays caught
    assert str(exc).startswith("Nothing was sent: ") and named in str(exc), str(exc)
    assert "pass a list" in str(exc) if bad == "generator" else True


@MODES
@pytest.mark.parametrize("provider", list(PACKAGES))
@pytest.mark.parametrize("streamed", [False, True], ids=["plain", "stream"])
def test_the_function_modules_name_it_too(provider: str, asynchronous: bool, streamed: bool) -> None:
    errors = PACKAGES[provider].errors
    request = body(provider)
    request.temperature = math.nan
    module = operation(provider)
    with _counting_server() as server:
        client = PACKAGES[provider].AuthenticatedClient("k", base_url=server.url, max_retries=0)
        with pytest.raises(errors.RequestBodyError, match="temperature is nan"):
            if not asynchronous:
                with client:
                    if streamed:
                        with module.stream(client=client, body=request) as opened:
                            opened.until_done()
                    else:
                        module.sync(client=client, body=request)
            else:

                async def main() -> None:
                    async with client:
                        if streamed:
                            async with module.astream(client=client, body=request) as opened:
                                await opened.until_done()
                        else:
                            await module.asyncio(client=client, body=request)

                asyncio.run(main())
        assert server.seen == []


def test_only_a_float_value_is_ever_shown() -> None:
    """The message names where, and shows a value only for NaN and infinity (any other may be a key)."""
    from lanrui_client._runtime.http.options import json_problem

    assert json_problem({"a": [{"b": b"sk-secret"}]}) == (
        "a[0]['b'] is a bytes, which JSON cannot hold (lists, dicts, str, numbers, bool and None can)"
    )
    assert json_problem({"a": {("sk", "secret"): 1}}) == "a has a key of type tuple: JSON object keys are str"
    assert json_problem({"a": [1, "x", None, True, 2.5, {"b": []}]}) is None
