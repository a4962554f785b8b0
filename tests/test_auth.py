"""Credentials: API keys from arguments or the environment, SenseNova access-key JWTs, base URLs.

The JWT is checked twice, independently of our stdlib implementation: decoded here with PyJWT,
and verified by the emulator (PyJWT as well: signature, exp, nbf, iss) on every request.
"""

from __future__ import annotations

import asyncio
import itertools
import threading
import time
from typing import Any

import jwt
import pytest
import sensenova_client
from sensenova_client._runtime.http.auth import REFRESH_MARGIN, TOKEN_LIFETIME, AccessKeyAuth, mint_jwt
from sensenova_client.errors import AuthenticationError, MissingCredentialsError

from tests.cases import KEYS
from tests.client_cases import (
    CANARY,
    CANARY_SECRET,
    MODES,
    PACKAGES,
    assert_error_hides_secrets,
    assert_no_secret,
    call,
    clear_credentials_env,
    invoke,
    make_client,
    tagged,
    unique,
)

KEY_ID = "test-key-id"
SECRET = "test-secret-access-key-of-32-bytes+"

# The emulator's documented local secret is shorter than PyJWT's recommended 32 bytes.
pytestmark = pytest.mark.filterwarnings("ignore:The HMAC key is")


@pytest.fixture(autouse=True)
def _clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    clear_credentials_env(monkeypatch)


# --- the token itself -------------------------------------------------------------------------


def test_minted_jwt_has_documented_header_and_claims_and_verifies_with_pyjwt() -> None:
    now = time.time()
    token, expires = mint_jwt(KEY_ID, SECRET, now=now)
    assert jwt.get_unverified_header(token) == {"alg": "HS256", "typ": "JWT"}
    claims = jwt.decode(token, SECRET, algorithms=["HS256"], issuer=KEY_ID, options={"require": ["exp", "nbf"]})
    assert claims == {"iss": KEY_ID, "exp": int(now) + 1800, "nbf": int(now) - 5}
    assert expires == claims["exp"]


def test_minted_jwt_is_rejected_with_another_secret() -> None:
    token, _ = mint_jwt(KEY_ID, SECRET, now=time.time())
    with pytest.raises(jwt.InvalidSignatureError):
        jwt.decode(token, "another-secret", algorithms=["HS256"])


def test_token_is_reused_until_the_refresh_margin_then_minted_anew() -> None:
    now = [1_000_000.0]
    auth = AccessKeyAuth(KEY_ID, SECRET, clock=lambda: now[0])
    first = auth.token()
    now[0] += TOKEN_LIFETIME - REFRESH_MARGIN - 1  # just over the margin left: still reused
    assert auth.token() == first
    now[0] += 2  # now less than the margin is left
    second = auth.token()
    assert second != first
    claims = jwt.decode(second, SECRET, algorithms=["HS256"], options={"verify_exp": False, "verify_nbf": False})
    assert claims["exp"] == int(now[0]) + TOKEN_LIFETIME


def test_token_check_and_mint_are_serialized_across_threads() -> None:
    """32 threads ask for a token at once. The clock (read inside the freshness check) takes 1 ms
    and counts how many readers it has at a time: more than one means two threads could both
    find the cache empty and mint. Every clock read is a new second, so a second mint would also
    show up as a second, different token."""
    threads_count = 32
    ticks = itertools.count(1_000_000)
    start = threading.Barrier(threads_count)
    guard = threading.Lock()
    inside = [0, 0]  # readers now, most readers at once

    def clock() -> float:
        with guard:
            inside[0] += 1
            inside[1] = max(inside)
        time.sleep(0.001)
        with guard:
            inside[0] -= 1
            return float(next(ticks))

    auth = AccessKeyAuth(KEY_ID, SECRET, clock=clock)
    tokens: list[str] = []

    def worker() -> None:
        start.wait()
        tokens.append(auth.token())

    threads = [threading.Thread(target=worker) for _ in range(threads_count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert inside[1] == 1, f"{inside[1]} threads were checking the token at the same time"
    assert len(tokens) == threads_count
    assert len(set(tokens)) == 1, f"{len(set(tokens))} different tokens minted concurrently"


def test_auth_objects_never_show_their_secrets() -> None:
    from sensenova_client._runtime.http.auth import BearerAuth

    for obj in (BearerAuth(CANARY), AccessKeyAuth(CANARY, CANARY_SECRET)):
        assert_no_secret(repr(obj), str(obj))


# --- where credentials come from ---------------------------------------------------------------


@pytest.mark.parametrize("provider", list(PACKAGES))
def test_client_without_key_or_variable_fails_at_construction_naming_the_variable(provider: str) -> None:
    package = PACKAGES[provider]
    prefix = package._provider.ENV_PREFIX
    with pytest.raises(package.errors.MissingCredentialsError) as info:
        package.AuthenticatedClient()
    message = str(info.value)
    assert f"{prefix}_API_KEY" in message
    if package._provider.ACCESS_KEY_AUTH:
        assert f"{prefix}_ACCESS_KEY_ID" in message
        assert f"{prefix}_SECRET_ACCESS_KEY" in message
    else:
        assert "ACCESS_KEY" not in message
    assert isinstance(info.value, package.errors.APIError)


@pytest.mark.parametrize("provider", list(PACKAGES))
def test_client_reads_key_and_base_url_from_environment(
    provider: str, monkeypatch: pytest.MonkeyPatch, emulator: Any
) -> None:
    package = PACKAGES[provider]
    prefix = package._provider.ENV_PREFIX
    monkeypatch.setenv(f"{prefix}_API_KEY", emulator.api_key(provider))
    monkeypatch.setenv(f"{prefix}_BASE_URL", emulator.base_url(provider))
    tag = unique("env-key")
    with package.AuthenticatedClient(headers={"X-Emulator-Tag": tag}) as client:
        assert client.base_url == emulator.base_url(provider)
        call(provider, client)
    [request] = tagged(emulator, tag)
    assert request.headers["authorization"] == f"Bearer {emulator.api_key(provider)}"


@pytest.mark.parametrize("provider", list(PACKAGES))
def test_base_url_argument_beats_environment_which_beats_the_spec_server(
    provider: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    package = PACKAGES[provider]
    prefix = package._provider.ENV_PREFIX
    assert package.AuthenticatedClient("k").base_url == package._provider.DEFAULT_BASE_URL
    assert package._provider.DEFAULT_BASE_URL.startswith("https://")
    monkeypatch.setenv(f"{prefix}_BASE_URL", "http://from-env.invalid")
    assert package.AuthenticatedClient("k").base_url == "http://from-env.invalid"
    assert package.AuthenticatedClient("k", base_url="http://arg.invalid").base_url == "http://arg.invalid"


def test_providers_without_access_keys_refuse_them() -> None:
    package = PACKAGES["lanrui"]
    with pytest.raises(TypeError, match="does not accept access keys"):
        package.AuthenticatedClient(access_key_id="a", secret_access_key="b")


@pytest.mark.parametrize("provider", KEYS)
@MODES
def test_wrong_key_raises_authentication_error_with_the_providers_message(
    emulator: Any, provider: str, asynchronous: bool
) -> None:
    errors = PACKAGES[provider].errors
    client = make_client(emulator, provider, api_key=CANARY)
    with pytest.raises(errors.AuthenticationError) as info:
        invoke(provider, client, asynchronous=asynchronous)
    assert info.value.status_code == 401
    assert info.value.message == "invalid API key"  # the emulator's words, from the error body
    assert_error_hides_secrets(info.value)


# --- SenseNova access keys against the emulator ----------------------------------------------


def _bearer_tokens(emulator: Any, tag: str) -> list[str]:
    return [r.headers["authorization"].removeprefix("Bearer ") for r in tagged(emulator, tag)]


@MODES
def test_access_key_pair_arguments_mint_a_jwt_the_emulator_accepts(emulator: Any, asynchronous: bool) -> None:
    key_id, secret = emulator.access_key_pair()
    tag = unique("jwt-args")
    client = make_client(emulator, "sensenova", tag=tag, access_key_id=key_id, secret_access_key=secret)
    assert client.auth_method == "access_key"
    invoke("sensenova", client, asynchronous=asynchronous)
    [token] = _bearer_tokens(emulator, tag)
    claims = jwt.decode(token, secret, algorithms=["HS256"], issuer=key_id)
    assert claims["exp"] - claims["nbf"] == 1805
    assert abs(claims["exp"] - (time.time() + 1800)) < 5


def test_access_key_pair_from_environment(emulator: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    key_id, secret = emulator.access_key_pair()
    monkeypatch.setenv("SENSENOVA_ACCESS_KEY_ID", key_id)
    monkeypatch.setenv("SENSENOVA_SECRET_ACCESS_KEY", secret)
    monkeypatch.setenv("SENSENOVA_BASE_URL", emulator.base_url("sensenova"))
    tag = unique("jwt-env")
    with sensenova_client.AuthenticatedClient(headers={"X-Emulator-Tag": tag}) as client:
        assert client.auth_method == "access_key"
        call("sensenova", client)
    [token] = _bearer_tokens(emulator, tag)
    assert jwt.decode(token, secret, algorithms=["HS256"], issuer=key_id)


def test_half_an_access_key_pair_names_the_missing_half(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SENSENOVA_ACCESS_KEY_ID", KEY_ID)
    with pytest.raises(MissingCredentialsError, match="SENSENOVA_SECRET_ACCESS_KEY"):
        sensenova_client.AuthenticatedClient()
    monkeypatch.delenv("SENSENOVA_ACCESS_KEY_ID")
    with pytest.raises(MissingCredentialsError, match="SENSENOVA_ACCESS_KEY_ID") as info:
        sensenova_client.AuthenticatedClient(secret_access_key=CANARY_SECRET)
    assert_error_hides_secrets(info.value)


def test_precedence_arguments_beat_environment_and_api_key_beats_pair(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SENSENOVA_API_KEY", "env-key")
    monkeypatch.setenv("SENSENOVA_ACCESS_KEY_ID", KEY_ID)
    monkeypatch.setenv("SENSENOVA_SECRET_ACCESS_KEY", SECRET)
    assert sensenova_client.AuthenticatedClient().auth_method == "api_key"  # env: key beats pair
    assert sensenova_client.AuthenticatedClient(access_key_id="a", secret_access_key="b").auth_method == "access_key"
    monkeypatch.delenv("SENSENOVA_API_KEY")
    assert sensenova_client.AuthenticatedClient().auth_method == "access_key"
    assert sensenova_client.AuthenticatedClient("arg-key").auth_method == "api_key"  # argument beats env pair
    assert sensenova_client.AuthenticatedClient(token="arg-key").auth_method == "api_key"  # the generator's name
    with pytest.raises(ValueError, match="not both"):
        sensenova_client.AuthenticatedClient("k", access_key_id="a", secret_access_key="b")


def test_near_expiry_token_is_refreshed_and_an_expired_one_is_refused(emulator: Any) -> None:
    """Minted with a clock 1,700 s behind: valid (100 s left) but inside the refresh margin, so the
    next request carries a fresh token; both are accepted by the emulator's verification."""
    key_id, secret = emulator.access_key_pair()
    offset = [-1700.0]
    auth = AccessKeyAuth(key_id, secret, clock=lambda: time.time() + offset[0])
    tag = unique("refresh")
    # the same kind of auth the client builds from the pair, with a clock the test controls
    client = make_client(emulator, "sensenova", tag=tag, api_key="unused", httpx_args={"auth": auth})
    with client:
        call("sensenova", client)  # mints the old-clock token, then sends it
        offset[0] = 0.0
        call("sensenova", client)
        call("sensenova", client)
    old, fresh, again = _bearer_tokens(emulator, tag)
    assert old != fresh == again
    assert jwt.decode(old, secret, algorithms=["HS256"])["exp"] < time.time() + REFRESH_MARGIN
    assert jwt.decode(fresh, secret, algorithms=["HS256"])["exp"] >= int(time.time()) + TOKEN_LIFETIME - 5

    stale = AccessKeyAuth(key_id, secret, clock=lambda: time.time() - 1900)  # exp already past
    expired = make_client(emulator, "sensenova", api_key=stale.token())
    with pytest.raises(AuthenticationError) as info:
        invoke("sensenova", expired, asynchronous=False)
    assert "expired" in info.value.message.lower()


@pytest.mark.anyio
async def test_concurrent_async_calls_share_one_minted_token(emulator: Any) -> None:
    key_id, secret = emulator.access_key_pair()
    tag = unique("jwt-gather")
    async with make_client(emulator, "sensenova", tag=tag, access_key_id=key_id, secret_access_key=secret) as client:
        await asyncio.gather(*(call("sensenova", client, asynchronous=True) for _ in range(10)))
    tokens = _bearer_tokens(emulator, tag)
    assert len(tokens) == 10
    assert len(set(tokens)) == 1
