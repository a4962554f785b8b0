"""No live credential in the locals of any frame of a traceback the package raises, chained
causes included: what Sentry-style error reporters record (`capture_locals`). Every error path
of tests/test_secrets.py and tests/test_hostile_streams.py (a server echoing the key in bodies,
headers and stream events), plus header values that cannot be sent (checked before a request is
built, so no HTTP library frame ever holds the real Authorization), a refused connection, a
server that closes before the request is written; sync and async, both stream parsers."""

from __future__ import annotations

import asyncio
import socket
import traceback

import pytest

from tests.client_cases import CANARIES, CANARY, CANARY_KEY_ID, CANARY_SECRET, MODES, PACKAGES, invoke
from tests.hostile import Request, raw_server
from tests.test_hostile_streams import _ECHOES, _SENSENOVA_ECHOES, _drip_events, _echoing, consume
from tests.test_secrets import _PATHS
from tests.test_surface import CASES, client_class, resolve

PROVIDER = "lanrui"
package = PACKAGES[PROVIDER]
errors = package.errors


def with_locals(exc: BaseException) -> str:
    return "".join(traceback.TracebackException.from_exception(exc, capture_locals=True).format())


def assert_no_live_credential(exc: BaseException, extra: tuple[str, ...] = ()) -> None:
    text = with_locals(exc)
    for secret in (*CANARIES, *extra):
        assert secret not in text, f"{secret!r} in the traceback locals:\n{_around(text, secret)}"


def _around(text: str, secret: str) -> str:
    at = text.index(secret)
    start = text.rfind("\nFile", 0, at)
    start = text.rfind("  File", 0, at) if start < 0 else start
    return text[max(start, at - 3000) : at + 300]


@pytest.mark.parametrize("path", list(_PATHS))
@MODES
def test_plain_call_error_paths(path: str, asynchronous: bool) -> None:
    script, expected, options = _PATHS[path]
    with raw_server(script) as server:
        client = package.AuthenticatedClient(CANARY, base_url=server.url)
        with pytest.raises(errors.APIError) as info:
            invoke(PROVIDER, client, asynchronous=asynchronous, **options)
    assert type(info.value).__name__ == expected
    assert_no_live_credential(info.value)


@pytest.mark.parametrize("path", list(_PATHS))
@MODES
def test_plain_call_error_paths_through_the_openai_style_client(path: str, asynchronous: bool) -> None:
    script, expected, options = _PATHS[path]
    kwargs = {**CASES[(PROVIDER, "chat.completions.create")], **options}
    with raw_server(script) as server:
        client = client_class(PROVIDER, asynchronous)(api_key=CANARY, base_url=server.url)
        create = resolve(client, "chat.completions.create")
        with pytest.raises(errors.APIError) as info:
            asyncio.run(create(**kwargs)) if asynchronous else create(**kwargs)
    assert type(info.value).__name__ == expected
    assert_no_live_credential(info.value)


@MODES
def test_a_refused_connection(asynchronous: bool) -> None:
    probe = socket.create_server(("127.0.0.1", 0))
    port = probe.getsockname()[1]
    probe.close()
    client = package.AuthenticatedClient(CANARY, base_url=f"http://127.0.0.1:{port}", max_retries=0)
    with pytest.raises(errors.APIConnectionError) as info:
        invoke(PROVIDER, client, asynchronous=asynchronous)
    assert_no_live_credential(info.value)


def _close_at_once(conn: socket.socket, request: Request) -> None:
    conn.close()


@MODES
def test_a_server_that_closes_while_the_request_is_sent(asynchronous: bool) -> None:
    with raw_server(_close_at_once) as server:
        client = package.AuthenticatedClient(CANARY, base_url=server.url, max_retries=1)
        with pytest.raises(errors.APIConnectionError) as info:
            invoke(PROVIDER, client, asynchronous=asynchronous)
    assert_no_live_credential(info.value)


BAD_VALUES = {
    "crlf": "abc\r\nX-Injected: 1",
    "lf": "abc\ndef",
    "nul": "abc\x00",
    "del": "abc\x7f",
    "non-ascii": "caf\u00e9",
}


@MODES
@pytest.mark.parametrize("bad", list(BAD_VALUES))
def test_an_extra_header_that_cannot_be_sent_is_refused_before_the_request_is_built(
    bad: str, asynchronous: bool
) -> None:
    """1.x: h11 refused the CR/LF while writing, in a frame whose locals held every header, the
    real Authorization included. Now a ValueError names the header, never its value."""
    sent: list[Request] = []
    with raw_server(lambda conn, request: sent.append(request)) as server:
        client = client_class(PROVIDER, asynchronous)(api_key=CANARY, base_url=server.url)
        create = resolve(client, "chat.completions.create")
        kwargs = {**CASES[(PROVIDER, "chat.completions.create")], "extra_headers": {"X-Trace": BAD_VALUES[bad]}}
        with pytest.raises(ValueError, match=r"extra_headers\['X-Trace'\]") as info:
            if asynchronous:
                asyncio.run(create(**kwargs))
            else:
                create(**kwargs)
    assert not sent
    assert BAD_VALUES[bad] not in str(info.value)
    assert_no_live_credential(info.value)


@pytest.mark.parametrize("name", ["Content-Length", "host", "Transfer-Encoding", "Bad Name", "", "X:Y"])
def test_extra_headers_the_http_library_sets_or_cannot_send_are_refused(name: str) -> None:
    client = client_class(PROVIDER, False)(api_key=CANARY, base_url="http://127.0.0.1:9")
    with pytest.raises(ValueError, match="extra_headers"):
        client.chat.completions.create(**CASES[(PROVIDER, "chat.completions.create")], extra_headers={name: "1"})


@pytest.mark.parametrize("bad", list(BAD_VALUES))
def test_a_client_header_that_cannot_be_sent_is_refused_at_construction(bad: str) -> None:
    for cls in (package.AuthenticatedClient, client_class(PROVIDER, False)):
        with pytest.raises(ValueError, match=r"headers\['X-Trace'\]") as info:
            cls(CANARY, base_url="http://127.0.0.1:9", headers={"X-Trace": BAD_VALUES[bad]})
        assert BAD_VALUES[bad] not in str(info.value)


@pytest.mark.usefixtures("json_parser")
@pytest.mark.parametrize("case", list(_ECHOES))
@MODES
def test_stream_error_paths_with_the_key_echoed_inside(case: str, asynchronous: bool) -> None:
    """1.x: the raised error was masked, but the stream code's `chunk`, `decoded`, `sse`, `data`
    locals (and the JSON decoder's, in the chained cause) held the echoed key."""
    make, expected = _ECHOES[case]
    with raw_server(_echoing(make)) as server:
        client = package.AuthenticatedClient(CANARY, base_url=server.url, max_retries=0, max_event_size=100_000)
        exc = consume(client, asynchronous)
    assert type(exc).__name__ == expected, repr(exc)
    assert_no_live_credential(exc)


@pytest.mark.usefixtures("json_parser")
@pytest.mark.parametrize("case", list(_SENSENOVA_ECHOES))
@MODES
def test_sensenova_stream_error_paths_hide_the_minted_token(case: str, asynchronous: bool) -> None:
    make, expected = _SENSENOVA_ECHOES[case]
    sensenova = PACKAGES["sensenova"]
    with raw_server(_echoing(make)) as server:
        client = sensenova.AuthenticatedClient(
            access_key_id=CANARY_KEY_ID, secret_access_key=CANARY_SECRET, base_url=server.url, max_retries=0
        )
        exc = consume(client, asynchronous, provider="sensenova")
        [request] = server.requests
    token = request.headers["authorization"].removeprefix("Bearer ")
    assert type(exc).__name__ == expected, repr(exc)
    assert_no_live_credential(exc, extra=(token, CANARY_KEY_ID))


@MODES
def test_a_deadline_in_the_middle_of_a_stream(asynchronous: bool) -> None:
    with raw_server(_drip_events) as server:
        client = package.AuthenticatedClient(CANARY, base_url=server.url, deadline=0.3)
        exc = consume(client, asynchronous)
    assert isinstance(exc, errors.IncompleteStreamError), repr(exc)
    assert_no_live_credential(exc)
