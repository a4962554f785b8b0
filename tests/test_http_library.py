"""The packages run on httpx2: an object of the old httpx (or httpcore) is refused before any
request, with a TypeError that names httpx2, wherever the user can hand one in. The old httpx is
installed in the test environment only as the benchmarks' reference row."""

from __future__ import annotations

from typing import Any

import httpx
import httpx2
import pytest

from tests.client_cases import MODES, PACKAGES, invoke, make_client, tagged, unique

OLD_OBJECTS: dict[str, Any] = {
    "transport": httpx.HTTPTransport(),
    "limits": httpx.Limits(max_connections=1),
    "timeout": httpx.Timeout(5.0),
    "mounts": {"http://": httpx.HTTPTransport()},
}


@pytest.mark.parametrize("provider", PACKAGES)
@pytest.mark.parametrize("key", OLD_OBJECTS)
def test_an_old_httpx_object_in_httpx_args_is_refused_naming_httpx2(provider: str, key: str) -> None:
    with pytest.raises(TypeError, match=rf"httpx_args\['{key}'\].*`httpx`.*`httpx2`"):
        PACKAGES[provider].AuthenticatedClient("k", base_url="http://127.0.0.1:9", httpx_args={key: OLD_OBJECTS[key]})


@pytest.mark.parametrize("provider", PACKAGES)
def test_an_old_httpx_timeout_is_refused_at_the_client_and_per_call(provider: str, emulator: Any) -> None:
    package = PACKAGES[provider]
    with pytest.raises(TypeError, match=r"timeout is an object of `httpx` \(httpx\.Timeout\).*httpx2\.Timeout"):
        package.AuthenticatedClient("k", base_url="http://127.0.0.1:9", timeout=httpx.Timeout(5.0))
    tag = unique("old-timeout")
    client = make_client(emulator, provider, tag=tag)
    with pytest.raises(TypeError, match="httpx2"):
        invoke(provider, client, asynchronous=False, timeout=httpx.Timeout(5.0))
    assert tagged(emulator, tag) == [], "a request was sent before the old object was refused"


@pytest.mark.parametrize("provider", PACKAGES)
def test_an_old_httpx_client_is_refused_by_set_httpx_client(provider: str) -> None:
    client = PACKAGES[provider].AuthenticatedClient("k", base_url="http://127.0.0.1:9")
    with httpx.Client() as old, pytest.raises(TypeError, match=r"set_httpx_client\(client\).*httpx2\.Client"):
        client.set_httpx_client(old)
    old_async = httpx.AsyncClient()
    with pytest.raises(TypeError, match=r"set_async_httpx_client\(async_client\).*httpx2\.AsyncClient"):
        client.set_async_httpx_client(old_async)


@MODES
@pytest.mark.parametrize("provider", PACKAGES)
def test_httpx2_objects_are_taken_and_the_errors_carry_httpx2_objects(
    provider: str, emulator: Any, asynchronous: bool
) -> None:
    """The same arguments built with httpx2 work, and a status error's .response and .request are
    httpx2 objects (the types users see changed in 2.0.0)."""
    client = make_client(
        emulator,
        provider,
        fault="status;code=400",
        httpx_args={"limits": httpx2.Limits(max_connections=2)},
        timeout=httpx2.Timeout(10.0),
    )
    with pytest.raises(PACKAGES[provider].errors.APIStatusError) as info:
        invoke(provider, client, asynchronous=asynchronous)
    assert isinstance(info.value.response, httpx2.Response)
    assert isinstance(info.value.request, httpx2.Request)
