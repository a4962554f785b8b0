"""Credentials in URLs: a `user:password@` in the base URL is refused (1.x showed the password in
`repr(client)`, `client.base_url` and httpx2's INFO line), and a key the server puts in a
redirect's `Location` (followed with `follow_redirects=True`) is masked in every URL an error
keeps (`exc.request.url`, `exc.response.request.url`), same-origin and cross-origin (where
httpx2 drops the Authorization, so the key is known only as this process's live credential)."""

from __future__ import annotations

import json
import logging
import socket
import urllib.parse
from typing import Any

import pytest

from tests.client_cases import CANARY, MODES, PACKAGES, assert_error_hides_secrets, clear_credentials_env, invoke
from tests.hostile import Request, answer, head, raw_server
from tests.test_surface import client_class


@pytest.fixture(autouse=True)
def _clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    clear_credentials_env(monkeypatch)


@pytest.mark.parametrize("provider", PACKAGES)
def test_a_base_url_with_a_user_or_password_is_refused_without_showing_it(
    provider: str, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    package = PACKAGES[provider]
    for url in ("https://user:pa55word-x@gateway.example/v1", "https://pa55word-x@gateway.example/v1"):
        for cls in (
            package.AuthenticatedClient,
            package.Client,
            client_class(provider, False),
            client_class(provider, True),
        ):
            kwargs: dict[str, Any] = {} if cls is package.Client else {"api_key": "k-1234"}
            with pytest.raises(ValueError, match="user name or password") as info:
                cls(base_url=url, **kwargs)
            assert "pa55word" not in str(info.value) and "gateway.example" in str(info.value)
        monkeypatch.setenv(f"{package._provider.ENV_PREFIX}_BASE_URL", url)
        with pytest.raises(ValueError, match=f"{package._provider.ENV_PREFIX}_BASE_URL") as info:
            package.AuthenticatedClient("k-1234")
        assert "pa55word" not in str(info.value)
        monkeypatch.delenv(f"{package._provider.ENV_PREFIX}_BASE_URL")
    assert not [r for r in caplog.records if "pa55word" in r.getMessage()]


def _redirecting(target: str | None) -> Any:
    """A server that answers the first request with a 307 to a URL holding the key it received
    (to itself, or to `target`), and the second with a 500 that echoes it again."""

    def script(conn: socket.socket, request: Request) -> None:
        key = request.headers.get("authorization", "").removeprefix("Bearer ")
        if "key=" not in request.target:
            base = target or ""
            location = f"{base}/v1/redirected/{urllib.parse.quote(key)}?key={urllib.parse.quote(key)}"
            conn.sendall(head(307, {"location": location, "content-length": "0", "connection": "close"}))
            return
        echoed = urllib.parse.unquote(request.target)
        body = json.dumps({"error": {"message": f"no such place: {echoed}"}}).encode()
        conn.sendall(answer(500, body))

    return script


@MODES
@pytest.mark.parametrize("origin", ["same-origin", "cross-origin"])
def test_a_key_in_a_followed_redirect_is_masked_in_every_url_of_the_error(
    origin: str, asynchronous: bool, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    package = PACKAGES["lanrui"]
    other = raw_server(_redirecting(None))
    with other as elsewhere, raw_server(_redirecting(elsewhere.url if origin == "cross-origin" else None)) as server:
        client = package.AuthenticatedClient(CANARY, base_url=server.url, follow_redirects=True, max_retries=0)
        with pytest.raises(package.errors.InternalServerError) as info:
            invoke("lanrui", client, asynchronous=asynchronous)
        targets = [r.target for r in server.requests + elsewhere.requests]
    assert any(urllib.parse.quote(CANARY) in target for target in targets), targets  # it was really there
    exc = info.value
    assert exc.request is not None and exc.response.request is not None
    urls = [str(exc.request.url), str(exc.response.request.url)]
    assert all("***" in url and CANARY not in url for url in urls), urls
    assert_error_hides_secrets(exc, caplog)
