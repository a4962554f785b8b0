"""Who pays for a call: a call's own `Authorization` (`extra_headers=`) is sent for that call
instead of the client's credential, as the openai SDK does; an `Authorization` in the client's
`headers=` is the client's credential (sent as given, beating the environment's key) and is
refused together with `api_key=` or an access key pair. Every package, sync and async, plain
calls and streams, against the emulator, which answers 401 to any other key than its own."""

from __future__ import annotations

import logging
from typing import Any

import pytest

from emulator import Emulator
from tests.client_cases import MODES, PACKAGES, clear_credentials_env, local_server, tagged, unique
from tests.test_surface import CASES, EACH, client_class, package_of, resolve, run

WRONG = "sk-wrong-account-0000"


@pytest.fixture(autouse=True)
def _clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    clear_credentials_env(monkeypatch)


def _client(emulator: Emulator, provider: str, asynchronous: bool, tag: str, **kwargs: Any) -> Any:
    kwargs.setdefault("base_url", emulator.base_url(provider))
    kwargs["headers"] = {"X-Emulator-Tag": tag, **kwargs.get("headers", {})}
    return client_class(provider, asynchronous)(**kwargs)


def _sent(emulator: Emulator, tag: str) -> list[str]:
    return [request.headers.get("authorization", "") for request in tagged(emulator, tag)]


def _calls(client: Any, asynchronous: bool, method: str, kwargs: dict[str, Any], *extras: dict[str, Any]) -> list[Any]:
    """One call per `extras` (each a dict of call options, `stream` included) on the one client,
    in its context; each call's result, or the error it raised."""

    def sync_body(c: Any) -> list[Any]:
        results: list[Any] = []
        for extra in extras:
            try:
                result = resolve(c, method)(**kwargs, **extra)
                results.append(result.until_done() if extra.get("stream") else result)
            except Exception as exc:
                results.append(exc)
        return results

    async def async_body(c: Any) -> list[Any]:
        results: list[Any] = []
        for extra in extras:
            try:
                result = await resolve(c, method)(**kwargs, **extra)
                results.append(await result.until_done() if extra.get("stream") else result)
            except Exception as exc:
                results.append(exc)
        return results

    return run(client, asynchronous, async_body if asynchronous else sync_body)  # type: ignore[no-any-return]


@MODES
@EACH
@pytest.mark.parametrize("stream", [False, True], ids=["plain", "stream"])
def test_a_calls_own_authorization_is_sent_for_that_call_only(
    emulator: Emulator, provider: str, method: str, asynchronous: bool, stream: bool
) -> None:
    tag = unique("per-call-auth")
    good = f"Bearer {emulator.api_key(provider)}"
    client = _client(emulator, provider, asynchronous, tag, api_key=WRONG)
    kwargs = CASES[(provider, method)]
    own, then = _calls(
        client,
        asynchronous,
        method,
        kwargs,
        {"stream": stream, "extra_headers": {"Authorization": good}},
        {"stream": stream},
    )
    assert not isinstance(own, Exception), own
    assert isinstance(then, package_of(provider).errors.AuthenticationError)  # the next call: the client's key again
    assert _sent(emulator, tag) == [good, f"Bearer {WRONG}"]


@MODES
def test_a_calls_own_authorization_beats_an_access_key_pair(emulator: Emulator, asynchronous: bool) -> None:
    tag = unique("per-call-auth-pair")
    key_id, secret = emulator.access_key_pair()
    client = _client(emulator, "sensenova", asynchronous, tag, access_key_id=key_id, secret_access_key=secret)
    good = f"Bearer {emulator.api_key('sensenova')}"
    kwargs = CASES[("sensenova", "chat.completions.create")]
    [result] = _calls(
        client, asynchronous, "chat.completions.create", kwargs, {"extra_headers": {"authorization": good}}
    )
    assert not isinstance(result, Exception), result
    assert _sent(emulator, tag) == [good]


@MODES
@EACH
def test_an_authorization_in_client_headers_is_the_credential_and_beats_the_environment(
    emulator: Emulator, provider: str, method: str, asynchronous: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(f"{package_of(provider)._provider.ENV_PREFIX}_API_KEY", WRONG)
    tag = unique("client-header-auth")
    good = f"Bearer {emulator.api_key(provider)}"
    client = _client(emulator, provider, asynchronous, tag, headers={"Authorization": good})
    assert client._api.auth_method == "header"
    assert emulator.api_key(provider) not in repr(client) + repr(client._api)
    results = _calls(client, asynchronous, method, CASES[(provider, method)], {}, {"stream": True})
    assert not [result for result in results if isinstance(result, Exception)], results
    assert _sent(emulator, tag) == [good, good]


@pytest.mark.parametrize("provider", PACKAGES)
def test_an_authorization_in_client_headers_with_a_key_argument_is_refused_as_ambiguous(provider: str) -> None:
    headers = {"authorization": "Bearer sk-header-key-1234"}
    for asynchronous in (False, True):
        with pytest.raises(ValueError, match="one way") as info:
            client_class(provider, asynchronous)(api_key="sk-argument-key", headers=headers)
        assert "sk-header-key" not in str(info.value) and "sk-argument-key" not in str(info.value)
    if package_of(provider)._provider.ACCESS_KEY_AUTH:
        with pytest.raises(ValueError, match="one way"):
            client_class(provider, False)(access_key_id="id-1234", secret_access_key="secret-1234", headers=headers)
    with pytest.raises(package_of(provider).errors.InvalidCredentialsError, match="control character") as bad:
        client_class(provider, False)(headers={"Authorization": "Bearer sk-a\r\nX-Evil: 1"})
    assert "sk-a" not in str(bad.value)


def test_a_calls_own_key_echoed_by_the_server_is_masked_in_logs_and_errors(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    per_call = "sk-per-call-echoed-77"

    def reply(headers: dict[str, str]) -> tuple[int, dict[str, str], bytes]:
        echoed = headers.get("Authorization", "")
        return 401, {"content-type": "application/json", "x-echo": echoed}, f'{{"error": "{echoed}"}}'.encode()

    errors = PACKAGES["lanrui"].errors
    with local_server(reply) as server:
        client = client_class("lanrui", False)(api_key=WRONG, base_url=server.url, max_retries=0)
        with client, pytest.raises(errors.AuthenticationError) as info:
            client.chat.completions.create(
                **CASES[("lanrui", "chat.completions.create")], extra_headers={"Authorization": f"Token {per_call}"}
            )
    assert server.seen[0]["Authorization"] == f"Token {per_call}"
    shown = [str(info.value), repr(info.value.body), repr(info.value.response.headers)]
    shown += [record.getMessage() for record in caplog.records]
    assert not [text for text in shown if per_call in text]
