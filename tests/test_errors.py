"""The error hierarchy, against real answers over loopback, with a canary secret on every path.

Most tests run against an emulator that accepts only the canary key (so the canary is in the
Authorization header of every request that fails), then search str(), repr(), the chained
traceback, the error's attributes and every log record for it.
"""

from __future__ import annotations

import asyncio
import json
import logging
import socket
import time
from collections.abc import Iterator
from typing import Any

import httpx2
import jwt
import pytest

from tests.cases import KEYS
from tests.client_cases import (
    CANARY,
    CANARY_KEY_ID,
    CANARY_SECRET,
    MODES,
    PACKAGES,
    assert_error_hides_secrets,
    assert_logs_hide_secrets,
    assert_no_secret,
    body,
    canary_emulator,
    invoke,
    local_server,
    make_client,
    operation,
    tagged,
    unique,
)

STATUS_CLASSES = {
    400: "BadRequestError",
    401: "AuthenticationError",
    403: "PermissionDeniedError",
    404: "NotFoundError",
    409: "ConflictError",
    422: "UnprocessableEntityError",
    429: "RateLimitError",
    500: "InternalServerError",
    502: "InternalServerError",
    503: "InternalServerError",
}


@pytest.fixture(scope="module")
def canary() -> Iterator[Any]:
    with canary_emulator() as running:
        yield running


@pytest.fixture(autouse=True)
def _capture_every_log(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)  # httpx2, httpcore2 and the packages' own loggers


# Every status in both modes would be 40 calls; async takes the path shared by all statuses, so it
# runs for one status per kind of handling (no class of its own is tested below).
_STATUS_CASES = [(status, False) for status in STATUS_CLASSES] + [(s, True) for s in (400, 401, 429, 503)]


@pytest.mark.parametrize(
    ("status", "asynchronous"), _STATUS_CASES, ids=[f"{'async' if a else 'sync'}-{s}" for s, a in _STATUS_CASES]
)
@pytest.mark.parametrize("provider", KEYS)
def test_error_status_raises_its_class_with_the_providers_code_and_message(
    canary: Any, provider: str, status: int, asynchronous: bool, caplog: pytest.LogCaptureFixture
) -> None:
    errors = PACKAGES[provider].errors
    client = make_client(canary, provider, fault=f"status;code={status};id={unique('status')}")
    with pytest.raises(errors.APIStatusError) as info:
        invoke(provider, client, asynchronous=asynchronous, max_retries=0)
    exc = info.value
    assert type(exc).__name__ == STATUS_CLASSES[status], f"{status} gave {type(exc).__name__}"
    assert isinstance(exc, errors.APIError)
    assert exc.status_code == status == exc.response.status_code
    assert exc.message == f"injected error {status} (status fault)"
    assert isinstance(exc.body, dict)
    assert exc.code == exc.body["error"]["code"]  # SenseNova: a number; OpenAI style: a string
    assert exc.code is not None
    assert f"Error code: {status}" in str(exc)
    assert exc.message in str(exc)
    assert_error_hides_secrets(exc, caplog)


@MODES
def test_access_key_jwt_never_leaks_from_a_status_error(
    canary: Any, asynchronous: bool, caplog: pytest.LogCaptureFixture
) -> None:
    tag = unique("jwt-error")
    client = make_client(
        canary,
        "sensenova",
        fault=f"status;code=400;id={tag}",
        access_key_id=CANARY_KEY_ID,
        secret_access_key=CANARY_SECRET,
    )
    with pytest.raises(PACKAGES["sensenova"].errors.BadRequestError) as info:
        invoke("sensenova", client, asynchronous=asynchronous, max_retries=0)
    [request] = tagged(canary, tag)
    token = request.headers["authorization"].removeprefix("Bearer ")
    assert jwt.decode(token, CANARY_SECRET, algorithms=["HS256"], issuer=CANARY_KEY_ID)  # it was a real JWT
    assert_error_hides_secrets(info.value, caplog, extra=(token, CANARY_KEY_ID))
    assert_no_secret(repr(client), str(client), extra=(token, CANARY_KEY_ID))


def test_status_without_a_class_of_its_own_raises_the_base_status_error(canary: Any) -> None:
    errors = PACKAGES["lanrui"].errors
    client = make_client(canary, "lanrui", fault=f"status;code=418;id={unique('teapot')}")
    with pytest.raises(errors.APIStatusError) as info:
        invoke("lanrui", client, asynchronous=False)
    assert type(info.value) is errors.APIStatusError
    assert info.value.status_code == 418


def test_unexpected_status_keeps_the_generators_name() -> None:
    errors = PACKAGES["lanrui"].errors
    assert errors.UnexpectedStatus is errors.APIStatusError


# --- answers the emulator does not give: a local loopback server --------------------------------


def _echoing_server(status: int, extra_headers: dict[str, str]) -> Any:
    """Answers with an OpenAI-style error whose message and body echo the Authorization header."""

    def reply(headers: dict[str, str]) -> tuple[int, dict[str, str], bytes]:
        authorization = headers.get("Authorization", "")
        body = {
            "error": {
                "message": f"Incorrect API key provided: {authorization}",
                "type": "invalid_request_error",
                "code": None,
                "param": None,
                "echo": {"header": authorization, "list": [authorization]},
            }
        }
        return status, {"content-type": "application/json", **extra_headers}, json.dumps(body).encode()

    return local_server(reply)


@MODES
def test_a_key_echoed_by_the_server_is_masked_and_the_request_id_kept(
    asynchronous: bool, caplog: pytest.LogCaptureFixture
) -> None:
    package = PACKAGES["lanrui"]
    with _echoing_server(401, {"x-request-id": "req-42"}) as server:
        client = package.AuthenticatedClient(CANARY, base_url=server.url)
        with pytest.raises(package.errors.AuthenticationError) as info:
            invoke("lanrui", client, asynchronous=asynchronous)
    exc = info.value
    assert exc.request_id == "req-42"
    assert "req-42" in str(exc)
    assert exc.code == "invalid_request_error"  # "code": null falls back to the error's type
    assert exc.message == "Incorrect API key provided: Bearer ***"
    assert exc.body["error"]["echo"] == {"header": "Bearer ***", "list": ["Bearer ***"]}
    assert_error_hides_secrets(exc, caplog)


def test_a_non_json_error_body_gives_its_text_as_the_message() -> None:
    package = PACKAGES["ppinfra"]
    page = b"<html><body>502 Bad Gateway (upstream)</body></html>"
    with local_server(lambda headers: (502, {"content-type": "text/html"}, page)) as server:
        client = package.AuthenticatedClient(CANARY, base_url=server.url)
        with pytest.raises(package.errors.InternalServerError) as info:
            invoke("ppinfra", client, asynchronous=False, max_retries=0)
    assert info.value.body == page.decode()
    assert "502 Bad Gateway (upstream)" in info.value.message
    assert info.value.code is None


@MODES
def test_a_success_status_with_an_unreadable_body_raises_response_validation_error(asynchronous: bool) -> None:
    package = PACKAGES["lanrui"]
    with local_server(
        lambda headers: (200, {"content-type": "application/json"}, b'["not", "an", "object"]')
    ) as server:
        client = package.AuthenticatedClient(CANARY, base_url=server.url)
        with pytest.raises(package.errors.APIResponseValidationError) as info:
            invoke("lanrui", client, asynchronous=asynchronous)
    assert info.value.status_code == 200
    assert isinstance(info.value, package.errors.APIError)
    assert_error_hides_secrets(info.value)


# --- no answer at all -----------------------------------------------------------------------------


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@MODES
def test_connection_refused_raises_api_connection_error_after_retrying(
    asynchronous: bool, caplog: pytest.LogCaptureFixture
) -> None:
    package = PACKAGES["sensenova"]
    client = package.AuthenticatedClient(CANARY, base_url=f"http://127.0.0.1:{_closed_port()}", max_retries=5)
    with pytest.raises(package.errors.APIConnectionError) as info:
        invoke("sensenova", client, asynchronous=asynchronous, max_retries=1)  # the call's count wins
    assert not isinstance(info.value, package.errors.APITimeoutError)
    assert "ConnectError" in str(info.value)
    assert isinstance(info.value.__cause__, httpx2.ConnectError)
    retries = [r for r in caplog.records if r.name == "sensenova_client" and "Retrying" in r.getMessage()]
    assert len(retries) == 1, [r.getMessage() for r in retries]
    assert "after ConnectError" in retries[0].getMessage()
    assert_error_hides_secrets(info.value, caplog)


@MODES
def test_a_stall_before_the_answer_raises_api_timeout_error(
    canary: Any, asynchronous: bool, caplog: pytest.LogCaptureFixture
) -> None:
    package = PACKAGES["lanrui"]
    client = make_client(canary, "lanrui", fault=f"stall;seconds=3;id={unique('stall')}", timeout=0.3)
    started = time.monotonic()
    with pytest.raises(package.errors.APITimeoutError) as info:
        invoke("lanrui", client, asynchronous=asynchronous, max_retries=0)
    assert time.monotonic() - started < 2.0
    assert isinstance(info.value, package.errors.APIConnectionError)  # as in the openai SDK
    assert isinstance(info.value.__cause__, httpx2.ReadTimeout)
    assert_error_hides_secrets(info.value, caplog)


def test_retries_exhausted_on_5xx_raise_the_last_status_error_without_leaking(
    canary: Any, caplog: pytest.LogCaptureFixture
) -> None:
    tag = unique("exhausted")
    client = make_client(canary, "lanrui", fault=f"status;code=503;retry-after=0;id={tag}", max_retries=2)
    with pytest.raises(PACKAGES["lanrui"].errors.InternalServerError) as info:
        invoke("lanrui", client, asynchronous=False)
    assert len(tagged(canary, tag)) == 3
    assert_error_hides_secrets(info.value, caplog)


def test_successful_calls_log_nothing_secret(canary: Any, caplog: pytest.LogCaptureFixture) -> None:
    for provider in PACKAGES:
        invoke(provider, make_client(canary, provider), asynchronous=False)
        invoke(provider, make_client(canary, provider), asynchronous=True)
    invoke(
        "sensenova",
        make_client(canary, "sensenova", access_key_id=CANARY_KEY_ID, secret_access_key=CANARY_SECRET),
        asynchronous=False,
    )
    assert any(r.name == "httpx2" for r in caplog.records), "httpx2's request log was not captured"
    assert_logs_hide_secrets(caplog)


def test_the_package_logger_masks_a_bearer_credential_in_any_message(caplog: pytest.LogCaptureFixture) -> None:
    logging.getLogger("lanrui_client").warning("sent Authorization: Bearer %s", CANARY)
    [record] = [r for r in caplog.records if r.name == "lanrui_client"]
    assert record.getMessage() == "sent Authorization: Bearer ***"


def test_clients_never_show_their_credentials() -> None:
    package = PACKAGES["sensenova"]
    for client in (
        package.AuthenticatedClient(CANARY),
        package.AuthenticatedClient(access_key_id=CANARY_KEY_ID, secret_access_key=CANARY_SECRET),
    ):
        httpx_client = client.get_httpx_client()
        assert_no_secret(
            repr(client),
            str(client),
            repr(httpx_client),
            repr(httpx_client.headers),
            repr(httpx_client.auth),
            repr(vars(client)),
            extra=(CANARY_KEY_ID,),
        )
        client.close()


# --- streams --------------------------------------------------------------------------------------

STREAM_FAULTS = {
    "stream-error": "StreamError",
    "error-event": "StreamError",
    "drop;after=2": "IncompleteStreamError",
    "malformed": "MalformedStreamEventError",
    "json-for-stream": "NotAStreamError",
    "status;code=401": "AuthenticationError",
    "status;code=429": "RateLimitError",
    "stall;seconds=3": "APITimeoutError",
}


async def _drain_async(stream: Any) -> None:
    async with stream:
        async for _ in stream:
            pass


@pytest.mark.parametrize("fault", list(STREAM_FAULTS))
@MODES
def test_stream_errors_carry_no_secret(
    canary: Any, fault: str, asynchronous: bool, caplog: pytest.LogCaptureFixture
) -> None:
    provider = "lanrui"
    errors = PACKAGES[provider].errors
    timeout = 0.5 if fault.startswith("stall") else 5.0
    client = make_client(canary, provider, fault=f"{fault};id={unique('stream')}", timeout=timeout, max_retries=0)
    with pytest.raises(errors.APIError) as info:
        if asynchronous:
            asyncio.run(_drain_async(operation(provider).astream(client=client, body=body(provider))))
        else:
            with operation(provider).stream(client=client, body=body(provider)) as stream:
                for _ in stream:
                    pass
    assert type(info.value).__name__ == STREAM_FAULTS[fault]
    assert_error_hides_secrets(info.value, caplog)
