"""A client's life: a call after close() (or after its `with` block) raises errors.ClientClosedError
(also a RuntimeError) before anything is sent, instead of httpx2's raw RuntimeError; an async
client keeps one connection pool per event loop, so `asyncio.run()` twice, or two threads with
a loop each, just work (1.x: the second loop failed with a RuntimeError from the first loop's
connections); an httpx2.AsyncClient the user gave is theirs, and using it from a second loop is
a ClientStateError. Against the emulator, all four packages, plain calls and streams."""

from __future__ import annotations

import asyncio
import threading
from typing import Any

import httpx2
import pytest

from emulator import Emulator
from tests.client_cases import MODES, PACKAGES
from tests.test_surface import CASES, EACH, client_class, package_of, resolve


def _surface(emulator: Emulator, provider: str, asynchronous: bool) -> Any:
    return client_class(provider, asynchronous)(
        api_key=emulator.api_key(provider), base_url=emulator.base_url(provider)
    )


async def _one(client: Any, method: str, kwargs: dict[str, Any], stream: bool = False) -> Any:
    create = resolve(client, method)
    if not stream:
        return await create(**kwargs)
    opened = await create(**kwargs, stream=True)
    return await opened.until_done()


@MODES
@EACH
def test_a_call_after_close_is_a_typed_error_before_anything_is_sent(
    emulator: Emulator, provider: str, method: str, asynchronous: bool
) -> None:
    errors = package_of(provider).errors
    kwargs = CASES[(provider, method)]
    before = len(emulator.requests)
    client = _surface(emulator, provider, asynchronous)
    if not asynchronous:
        with client:
            resolve(client, method)(**kwargs)
        for stream in (False, True):
            with pytest.raises(errors.ClientClosedError, match="was closed"):
                resolve(client, method)(**kwargs, stream=stream)
        client.close()  # closing again is fine
    else:

        async def main() -> None:
            async with client:
                await _one(client, method, kwargs)
            for stream in (False, True):
                with pytest.raises(errors.ClientClosedError, match="was closed"):
                    await _one(client, method, kwargs, stream)
            await client.close()

        asyncio.run(main())
    assert len(emulator.requests) == before + 1
    assert issubclass(errors.ClientClosedError, errors.ClientStateError)
    assert issubclass(errors.ClientClosedError, RuntimeError) and issubclass(errors.ClientClosedError, errors.APIError)


@EACH
def test_one_async_client_serves_asyncio_run_twice_and_a_loop_per_thread(
    emulator: Emulator, provider: str, method: str
) -> None:
    kwargs = CASES[(provider, method)]
    client = _surface(emulator, provider, asynchronous=True)
    first = asyncio.run(_one(client, method, kwargs))
    second = asyncio.run(_one(client, method, kwargs, stream=True))
    assert first is not None and second is not None
    results: list[Any] = []

    def in_a_thread() -> None:
        try:
            results.append(asyncio.run(_one(client, method, kwargs)))
        except Exception as exc:
            results.append(exc)

    threads = [threading.Thread(target=in_a_thread) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not [result for result in results if isinstance(result, Exception)], results
    assert 1 <= len(client._api._async_pools) <= 3  # one per loop alive at once (the threads may overlap)
    asyncio.run(_one(client, method, kwargs))
    assert len(client._api._async_pools) == 1  # the next loop's pool replaced those of the ended loops

    async def close() -> None:
        await client.close()

    asyncio.run(close())
    with pytest.raises(package_of(provider).errors.ClientClosedError):
        asyncio.run(_one(client, method, kwargs))


@pytest.mark.parametrize("provider", PACKAGES)
def test_a_given_async_client_used_from_a_second_loop_is_a_typed_error(emulator: Emulator, provider: str) -> None:
    package = package_of(provider)
    api = package.AuthenticatedClient(emulator.api_key(provider), base_url=emulator.base_url(provider))
    api.set_async_httpx_client(httpx2.AsyncClient(base_url=emulator.base_url(provider)))
    api.get_async_httpx_client()  # outside any loop: not yet tied to one

    async def use() -> Any:
        return api.get_async_httpx_client()

    asyncio.run(use())
    with pytest.raises(package.errors.ClientStateError, match="another event loop"):
        asyncio.run(use())


@MODES
def test_the_function_modules_raise_it_too(emulator: Emulator, asynchronous: bool) -> None:
    from tests.client_cases import call, make_client

    client = make_client(emulator, "lanrui")
    errors = PACKAGES["lanrui"].errors
    if not asynchronous:
        client.close()
        client.get_httpx_client().close()
        with pytest.raises(errors.ClientClosedError):
            call("lanrui", client)
        return

    async def main() -> None:
        async with client:
            await call("lanrui", client, asynchronous=True)
        with pytest.raises(errors.ClientClosedError):
            await call("lanrui", client, asynchronous=True)

    asyncio.run(main())
