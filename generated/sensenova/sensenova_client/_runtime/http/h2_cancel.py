"""Cancel an HTTP/2 stream that is closed before its end, so that the server stops generating.

Over HTTP/1.1 a stream left early closes its connection, and the server notices at once. Over
HTTP/2 the connection is shared, and httpcore2 (as httpcore before it, encode/httpcore#943,
closed as wontfix) only forgets the stream: it sends no RST_STREAM, so the server goes on writing, and a
provider goes on generating and billing, the abandoned answer to its end. `cancel`/`acancel`
send that RST_STREAM(CANCEL) themselves, through httpcore2's HTTP/2 connection behind the
response, the way httpcore2 sends its own frames (change the h2 state, then write what it has to
send, which takes the connection's write lock).

This reaches into httpx2 and httpcore2 internals (the chain of byte streams down to
`HTTP2ConnectionByteStream`), so it is best effort: if the chain is not there (another version,
another transport) or the write fails (the connection is gone), nothing is sent and httpcore2's
own behaviour stands. tests/test_http2.py checks that the server sees the stream cancelled.
"""

from __future__ import annotations

import contextlib
from typing import Any

import httpx2

__all__ = ["acancel", "cancel"]

_CANCEL = 0x8  # the HTTP/2 error code CANCEL (RFC 9113, section 7)


def _h2_stream(response: httpx2.Response) -> Any:
    """httpcore2's HTTP/2 byte stream behind the response (it knows its connection and stream
    id), or None for any other response."""
    if response.http_version != "HTTP/2":
        return None
    stream: Any = response.stream
    # httpx2's BoundSyncStream/BoundAsyncStream -> ResponseStream -> httpcore2's PoolByteStream -> ...
    for name in ("_stream", "_httpcore_stream", "_stream"):
        stream = getattr(stream, name, None)
    if stream is None or not all(hasattr(stream, name) for name in ("_connection", "_stream_id", "_request")):
        return None
    return stream


def cancel(response: httpx2.Response) -> None:
    """Send RST_STREAM(CANCEL) for the response's HTTP/2 stream (sync connections)."""
    stream = _h2_stream(response)
    if stream is None:
        return
    connection = stream._connection
    with contextlib.suppress(Exception):  # best effort, see the module docstring
        connection._h2_state.reset_stream(stream._stream_id, error_code=_CANCEL)
        connection._write_outgoing_data(stream._request)


async def acancel(response: httpx2.Response) -> None:
    """The async twin of `cancel`."""
    stream = _h2_stream(response)
    if stream is None:
        return
    connection = stream._connection
    with contextlib.suppress(Exception):
        connection._h2_state.reset_stream(stream._stream_id, error_code=_CANCEL)
        await connection._write_outgoing_data(stream._request)
