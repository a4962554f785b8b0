"""What `with_raw_response` methods return, and how a result model learns its request id
(the one rule for reading it is errors.request_id_of)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar, cast

import httpx2

from ..errors import request_id_of

__all__ = ["RawResponse", "attach_request_id"]

T = TypeVar("T")
_NOT_PARSED: object = object()


def attach_request_id(result: T, request_id: str | None) -> T:
    """Give a parsed result model its read-only `request_id` (the model template gives result
    models, the 200 JSON answers, a `_set_request_id` for this)."""
    setter = getattr(result, "_set_request_id", None)
    if setter is not None:
        setter(request_id)
    return result


class RawResponse(Generic[T]):
    """The HTTP answer of a call, before (or besides) its typed result.

    `status_code`, `headers`, `request_id` and `http_response` (the httpx2.Response) describe the
    answer; `parse()` gives what the plain method would have returned: the result model, or, for
    `stream=True`, the open Stream / AsyncStream (its body not read yet). Error statuses raise
    the typed `errors.APIStatusError` subclass before a RawResponse is made, as plain calls do.
    """

    __slots__ = ("_parse", "_parsed", "http_response")

    def __init__(self, response: httpx2.Response, parse: Callable[[], T]) -> None:
        self.http_response = response
        self._parse = parse
        self._parsed: object = _NOT_PARSED

    @property
    def status_code(self) -> int:
        return self.http_response.status_code

    @property
    def headers(self) -> httpx2.Headers:
        return self.http_response.headers

    @property
    def request_id(self) -> str | None:
        """The provider's request id header of this answer (None if it sent none)."""
        return request_id_of(self.http_response.headers)

    def parse(self) -> T:
        """The typed result (parsed once; later calls return the same object)."""
        if self._parsed is _NOT_PARSED:
            self._parsed = self._parse()
        return cast(T, self._parsed)

    def __repr__(self) -> str:
        request = self.http_response.request
        return f"<RawResponse [{self.status_code}] {request.method} {request.url.path}>"
