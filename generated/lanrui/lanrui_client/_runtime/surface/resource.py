"""The one call path of the openai-style resources (`resources/*.py`, rendered from the spec).

A resource method gathers the keyword arguments it was given into a body, then calls here with
the generated operation module's own pieces: `_get_kwargs` builds the request, `send.send` or
`streaming.Stream` sends it (retries, timeouts, typed errors), `_parse_response` turns the
answer into the result model. Nothing here names an operation or a provider.

What a body holds: exactly the arguments the caller passed (UNSET ones are left out, so the
provider applies its own defaults); attrs models anywhere inside are written as their to_dict(),
dicts and sequences are copied as they are. Then the call options:

- `extra_body`: merged into the JSON body last, exactly as given (it wins over a typed field
  of the same name);
- `extra_headers`: added to the request's headers (over the client's);
- `extra_query`: added to the URL's query;
- `timeout`, `max_retries`, `deadline`, `stream_idle_timeout`: this call's, else the client's
  with_options() value, else the AuthenticatedClient's own (`stream_idle_timeout` bounds a
  stream's wait for each event; a call that is not streamed has no events and ignores it).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

import httpx2

from ...types import Unset
from .. import answers
from ..errors import request_id_of
from ..http import send
from ..http.options import Body, CallOptions, checked_headers
from ..streams import stream as streaming
from ..streams.format import StreamFormat, StreamResult
from .response import RawResponse, attach_request_id

if TYPE_CHECKING:
    from .base_client import AsyncClientBase, SyncClientBase

__all__ = ["AsyncResource", "CallOptions", "SyncResource"]

R = TypeVar("R")
E = TypeVar("E")
SR = TypeVar("SR", bound="StreamResult[Any, Any, Any]")  # what a stream's until_done() returns
GetKwargs = Callable[..., dict[str, Any]]


class _WireBody:
    """Stands in for the request model in `_get_kwargs(body=...)`: its to_dict() is the body."""

    __slots__ = ("_data",)

    def __init__(self, data: dict[str, Any]) -> None:
        self._data = data

    def to_dict(self) -> dict[str, Any]:
        return self._data


def _wire(value: Any) -> Any:
    """A value as JSON data: attrs models by their to_dict(), containers copied."""
    if isinstance(value, str | int | float | bool) or value is None:
        return value
    to_dict = getattr(value, "to_dict", None)
    if callable(to_dict):
        return to_dict()
    if isinstance(value, Mapping):
        return {key: _wire(item) for key, item in value.items()}
    if isinstance(value, Sequence) and not isinstance(value, bytes | bytearray):
        return [_wire(item) for item in value]
    return value  # anything else is for the JSON encoder to accept or refuse


def _request(get_kwargs: GetKwargs, body: Body, options: CallOptions) -> dict[str, Any]:
    data = {name: _wire(value) for name, value in body.items() if not isinstance(value, Unset)}
    kwargs = get_kwargs(body=_WireBody(data))
    if options.extra_body:
        kwargs["json"] = {**kwargs["json"], **options.extra_body}
    if options.extra_headers:
        extra = checked_headers(options.extra_headers, "extra_headers")  # before any request is built
        kwargs["headers"] = {**kwargs.get("headers", {}), **extra}
    if options.extra_query:
        kwargs["params"] = {**kwargs.get("params", {}), **options.extra_query}
    return kwargs


def _parsed_later(parse: Callable[..., R], api: Any, response: httpx2.Response) -> RawResponse[R]:
    """A RawResponse whose parse() builds the result model and gives it the request id."""
    return RawResponse(
        response, lambda: attach_request_id(parse(client=api, response=response), request_id_of(response.headers))
    )


def _opened(response: httpx2.Response | None) -> httpx2.Response:
    if response is None:  # entering a stream sends its request, so this cannot happen
        raise RuntimeError("the stream was entered but has no response")
    return response


def _raise_for_status(response: httpx2.Response) -> None:
    if response.status_code >= 400:
        raise answers.error_for_response(response)


def _final_body(body: Body, fmt: StreamFormat[Any, Any]) -> Body:
    """A stream() call's body: the stream flag, and what the answer needs unless given (x-stream.final.request)."""
    wanted = {name: value for name, value in fmt.final_request if isinstance(body.get(name), Unset | None)}
    return {**body, **wanted, fmt.request_flag: True}


class SyncResource:
    """Base of the sync resources: holds the client and sends their calls."""

    def __init__(self, client: SyncClientBase) -> None:
        self._client = client

    def _call(self, get_kwargs: GetKwargs, parse: Callable[..., R], body: Body, options: CallOptions) -> RawResponse[R]:
        client = self._client
        api = client._api
        kwargs = _request(get_kwargs, body, client._merged(options))
        response = send.send(api, kwargs, **client._call_options(options))
        _raise_for_status(response)
        return _parsed_later(parse, api, response)

    def _stream(
        self, get_kwargs: GetKwargs, fmt: StreamFormat[E, SR], body: Body, options: CallOptions
    ) -> RawResponse[streaming.Stream[E, SR]]:
        client = self._client
        kwargs = _request(get_kwargs, body, client._merged(options))
        stream = streaming.Stream(
            client._api, kwargs, fmt, **client._call_options(options), stream_idle_timeout=client._idle_option(options)
        )
        stream.__enter__()  # sends the request; an error status raises here, as for a plain call
        return RawResponse(_opened(stream.response), lambda: stream)

    def _final_stream(
        self, get_kwargs: GetKwargs, fmt: StreamFormat[E, SR], body: Body, options: CallOptions
    ) -> streaming.FinalStream[E, SR, Any]:
        """`stream(...)`'s FinalStream: the arguments checked now, the request sent by `with`."""
        client = self._client
        kwargs = _request(get_kwargs, _final_body(body, fmt), client._merged(options))
        return streaming.FinalStream(
            client._api, kwargs, fmt, **client._call_options(options), stream_idle_timeout=client._idle_option(options)
        )


class AsyncResource:
    """Base of the async resources: holds the client and sends their calls."""

    def __init__(self, client: AsyncClientBase) -> None:
        self._client = client

    async def _call(
        self, get_kwargs: GetKwargs, parse: Callable[..., R], body: Body, options: CallOptions
    ) -> RawResponse[R]:
        client = self._client
        api = client._api
        kwargs = _request(get_kwargs, body, client._merged(options))
        response = await send.asend(api, kwargs, **client._call_options(options))
        _raise_for_status(response)
        return _parsed_later(parse, api, response)

    async def _stream(
        self, get_kwargs: GetKwargs, fmt: StreamFormat[E, SR], body: Body, options: CallOptions
    ) -> RawResponse[streaming.AsyncStream[E, SR]]:
        client = self._client
        kwargs = _request(get_kwargs, body, client._merged(options))
        stream = streaming.AsyncStream(
            client._api, kwargs, fmt, **client._call_options(options), stream_idle_timeout=client._idle_option(options)
        )
        await stream.__aenter__()  # sends the request; an error status raises here
        return RawResponse(_opened(stream.response), lambda: stream)

    def _final_stream(
        self, get_kwargs: GetKwargs, fmt: StreamFormat[E, SR], body: Body, options: CallOptions
    ) -> streaming.AsyncFinalStream[E, SR, Any]:
        """`stream(...)`'s AsyncFinalStream: the arguments checked now, the request sent by `async with`."""
        client = self._client
        kwargs = _request(get_kwargs, _final_body(body, fmt), client._merged(options))
        return streaming.AsyncFinalStream(
            client._api, kwargs, fmt, **client._call_options(options), stream_idle_timeout=client._idle_option(options)
        )
