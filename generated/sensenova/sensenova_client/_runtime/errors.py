"""Every error this package raises, under one base class.

    APIError
    ├── ClientStateError              the client cannot send as it is (also a RuntimeError)
    │   └── ClientClosedError         a call after close() or the end of its `with` block
    ├── MissingCredentialsError       no key at construction
    ├── InvalidCredentialsError       a key with inner whitespace or control characters (also a ValueError)
    ├── RequestBodyError              a body value JSON cannot carry, before sending (also a TypeError and ValueError)
    ├── APIConnectionError            could not send / no answer (after retries)
    │   └── APITimeoutError
    ├── APIResponseValidationError    a success answer that does not match the spec
    ├── APIStatusError                an error status (after retries); .status_code .code .type
    │   ├── BadRequestError           400       .message .request_id .body .response
    │   ├── AuthenticationError       401
    │   ├── PermissionDeniedError     403
    │   ├── NotFoundError             404
    │   ├── ConflictError             409
    │   ├── UnprocessableEntityError  422
    │   ├── RateLimitError            429
    │   ├── InternalServerError       5xx
    │   └── ProviderError             a 2xx answer whose body is the provider's error
    ├── StreamError                   an error reported inside a stream
    ├── IncompleteStreamError         a stream cut before its terminator; .text .events .request_id
    │   └── StreamIdleTimeoutError    no event for the call's stream_idle_timeout (keep-alives count as silence)
    ├── MalformedStreamEventError     a stream event that is not JSON or not the event schema
    │   └── StreamEventTooLargeError  one event grew past the client's max_event_size
    └── NotAStreamError               a JSON (.result) or other (.content_type) answer to a stream request

    FieldTypeError                    a model's from_dict given a required field of the wrong JSON
                                      type, or none (.path); a TypeError and ValueError, no APIError:
                                      a call raises it inside APIResponseValidationError or
                                      MalformedStreamEventError, from_dict called by hand raises it

Names follow the openai SDK where the meaning is the same, so code that handles one handles the
other. Messages carry the provider's own message and code, never a credential: an error keeps a
scrubbed copy of the request and response (redact.py), httpx2 errors are chained by type and
message only (neither holds headers), and every error pickles to the same scrubbed state (so it
can cross a process or task-queue boundary). Which error an answer becomes: answers.py.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import httpx2

from .. import _provider
from .model_checks import FieldTypeError
from .redact import bounded, mask, request_or_none, safe_repr, scrubbed_request, scrubbed_response, secrets_of

if TYPE_CHECKING:
    from collections.abc import Sequence

__all__ = [
    "APIConnectionError",
    "APIError",
    "APIResponseValidationError",
    "APIStatusError",
    "APITimeoutError",
    "AuthenticationError",
    "BadRequestError",
    "ClientClosedError",
    "ClientStateError",
    "ConflictError",
    "FieldTypeError",
    "IncompleteStreamError",
    "InternalServerError",
    "InvalidCredentialsError",
    "MalformedStreamEventError",
    "MissingCredentialsError",
    "NotAStreamError",
    "NotFoundError",
    "PermissionDeniedError",
    "ProviderError",
    "RateLimitError",
    "RequestBodyError",
    "StreamError",
    "StreamEventTooLargeError",
    "StreamIdleTimeoutError",
    "UnexpectedStatus",
    "UnprocessableEntityError",
    "request_id_of",
]

# The one rule for a request id: the provider's own header (codegen/providers.toml), else the
# names gateways commonly use. Errors, raw responses, results and streams all read it here.
_REQUEST_ID_HEADERS = tuple(
    dict.fromkeys((_provider.REQUEST_ID_HEADER, "x-request-id", "request-id", "x-trace-id", "trace-id"))
)


def request_id_of(headers: httpx2.Headers) -> str | None:
    """The provider's id of the request these (response) headers answer, or None."""
    for name in _REQUEST_ID_HEADERS:
        if name in headers:
            return headers[name]
    return None


class APIError(Exception):
    """Base class of every error this package raises.

    `request_id` is the provider's id of the request (request_id_of) when an answer brought one:
    a status error's, and that of every error a stream raises once its answer's head arrived
    (cut, malformed, in-stream, not a stream); None before any answer (a connection error).
    """

    message: str
    request_id: str | None = None

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __reduce__(self) -> tuple[Any, ...]:
        # Exception's default pickling calls cls(*args), which keyword-only arguments break;
        # this rebuilds the object bare and restores its (already scrubbed) attributes.
        return (_rebuild, (type(self), self.args), dict(self.__dict__))


def _rebuild(cls: type[APIError], args: tuple[Any, ...]) -> APIError:
    error = cls.__new__(cls)
    error.args = args
    return error


class ClientStateError(APIError, RuntimeError):
    """The client cannot send in its current state: it was closed (ClientClosedError), or an
    httpx2.AsyncClient given with set_async_httpx_client() is used from another event loop than
    the one it was first used in (its connections belong to that loop). Nothing was sent. Also a
    RuntimeError, which is what httpx2 raised for these before."""


class ClientClosedError(ClientStateError):
    """A call on a client after close() / aclose() (or after its `with` / `async with` block
    ended): build a new client. The sync and async sides close separately."""


class MissingCredentialsError(APIError):
    """No API key (or access key pair) was given and the environment has none."""


class InvalidCredentialsError(APIError, ValueError):
    """A key or secret that cannot be sent: it holds whitespace, a control character or a
    non-ASCII character (surrounding whitespace is stripped, not refused). The message says
    which argument or variable and where, never the value."""


class RequestBodyError(APIError, TypeError, ValueError):
    """A request body value JSON cannot carry: a generator or other iterator (pass a list), NaN
    or infinity, a set, bytes or another object. Raised before anything is sent; the message
    names where it is in the body (`messages`, `temperature`, `messages[0]['content']`; a member
    of `extra_body` by its name in the body), never a value other than a float's. Also a
    TypeError and a ValueError: json raised one of those for these before."""


class APIConnectionError(APIError):
    """The request could not be sent, or the connection broke before an answer arrived.

    `request` is a copy of the request with its credentials replaced by `***`.
    """

    def __init__(self, message: str = "Connection error.", *, request: httpx2.Request | None = None) -> None:
        super().__init__(mask(message, secrets_of(request)))
        self.request = None if request is None else scrubbed_request(request)


class APITimeoutError(APIConnectionError):
    """The request (connect, write, read or pool wait) took longer than its timeout, or the
    call's overall deadline passed."""

    def __init__(self, message: str = "Request timed out.", *, request: httpx2.Request | None = None) -> None:
        super().__init__(message, request=request)


class _AnswerError(APIError):
    """An error about an answer: `.response` is its scrubbed copy, `.request` the request it
    answered (scrubbed too; None when the answer came without one)."""

    response: httpx2.Response

    @property
    def request(self) -> httpx2.Request | None:
        return request_or_none(self.response)


class APIResponseValidationError(_AnswerError):
    """A success answer whose body does not match the spec's schema."""

    def __init__(self, response: httpx2.Response, cause: BaseException) -> None:
        secrets = secrets_of(response)
        shown = safe_repr(cause, 2000)
        super().__init__(mask(f"{response.status_code} answer does not match the spec: {shown}", secrets))
        self.response = scrubbed_response(response, secrets)
        self.status_code = response.status_code


class APIStatusError(_AnswerError):
    """The server answered with a status the operation does not document as a success.

    `code`, `type` and `message` are the provider's own (from its error body when it has one),
    `body` is the parsed body (JSON when possible, else text) and `request_id` the server's
    request id header, if it sent one.
    """

    status_code: int

    def __init__(
        self,
        message: str,
        *,
        response: httpx2.Response,
        body: object,
        code: str | int | None = None,
        type: str | None = None,
    ) -> None:
        secrets = secrets_of(response)
        super().__init__(mask(message, secrets))
        self.response = scrubbed_response(response, secrets)
        self.status_code = response.status_code
        # annotated: _mask returns Any, which would leak into users' types
        self.body: object = mask(body, secrets)
        self.code: str | int | None = mask(code, secrets)
        self.type: str | None = mask(type, secrets)
        self.request_id = request_id_of(self.response.headers)

    def __str__(self) -> str:
        shown = self.code not in (None, "") and str(self.code) != str(self.status_code)
        code = f" ({self.code})" if shown else ""
        request_id = f" [request id {self.request_id}]" if self.request_id else ""
        return f"Error code: {self.status_code}{code} - {self.message}{request_id}"

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}(status_code={self.status_code}, code={self.code!r}, "
            f"type={self.type!r}, message={self.message!r}, request_id={self.request_id!r})"
        )


class BadRequestError(APIStatusError):
    """400: the request was malformed or broke a documented constraint."""


class AuthenticationError(APIStatusError):
    """401: the API key or token is missing, wrong or expired."""


class PermissionDeniedError(APIStatusError):
    """403: the credentials are valid but not allowed to do this."""


class NotFoundError(APIStatusError):
    """404: unknown path or model."""


class ConflictError(APIStatusError):
    """409: the request conflicts with the current state of a resource."""


class UnprocessableEntityError(APIStatusError):
    """422: the body is well formed but its values are refused."""


class RateLimitError(APIStatusError):
    """429: too many requests or tokens; retried automatically up to max_retries."""


class InternalServerError(APIStatusError):
    """5xx: the provider failed; retried automatically up to max_retries."""


class ProviderError(APIStatusError):
    """A success status (usually 200) whose body is the provider's error, not the answer:
    `{"error": {...}}`, or a `status` object with a non-zero code. `code`, `type` and
    `message` are the provider's."""


# The generator's name for an undocumented status; kept so generated-client habits still work.
UnexpectedStatus = APIStatusError


class StreamError(APIError):
    """The provider reported an error inside a stream (an error frame or an `error` event).

    As with IncompleteStreamError, `text` holds the text gathered per choice index before the
    error and `events` the last event received (empty if none arrived), so a caller can keep
    what was generated; `code` and `body` are the provider's.
    """

    def __init__(
        self,
        message: str,
        *,
        code: str | int | None = None,
        body: object = None,
        events: Sequence[object] = (),
        text: dict[int, str] | None = None,
    ) -> None:
        super().__init__(message)
        self.code = code
        self.body = bounded(body)
        self.events = list(events)
        self.text = dict(text or {})

    def __str__(self) -> str:
        code = f" ({self.code})" if self.code not in (None, "") else ""
        return f"Stream error{code} - {self.message}"


class IncompleteStreamError(APIError):
    """The connection ended before the stream's terminator: the answer is cut short.

    `text` holds all the text gathered per choice index, so a caller can still use (or show)
    what arrived; `events` holds the last event received (streams keep no more, to run in flat
    memory) and the message says how many arrived. `request_id` is the provider's id from the
    response head (None if it sent none).
    """

    request_id: str | None = None  # set by the stream from the answer's head

    def __init__(self, message: str, *, events: Sequence[object], text: dict[int, str]) -> None:
        super().__init__(message)
        self.events = list(events)
        self.text = dict(text)


class StreamIdleTimeoutError(IncompleteStreamError):
    """No event arrived for `idle_timeout` seconds (the call's or client's `stream_idle_timeout`)
    while the stream waited for its next one: the server stalled, even if it kept the connection
    busy with keep-alive comments or empty events, which count as silence. The stream is closed;
    `text` and `events` hold what arrived before, as for any cut stream."""

    def __init__(self, message: str, *, events: Sequence[object], text: dict[int, str], idle_timeout: float) -> None:
        super().__init__(message, events=events, text=text)
        self.idle_timeout = idle_timeout


class MalformedStreamEventError(APIError):
    """A stream event whose data is not valid JSON or does not match the spec's event schema.

    `data` is the event's raw data text and `event` its SSE event name; the message names the
    problem (for a value of the wrong type in a required field, its JSON path). As with
    IncompleteStreamError, `text` holds the text gathered per choice index before it and
    `events` the last good event (empty if none arrived), so a caller keeps what was generated.
    The stream ends here: nothing after a broken event can be trusted.
    """

    def __init__(
        self,
        message: str,
        *,
        data: str,
        event: str = "message",
        events: Sequence[object] = (),
        text: dict[int, str] | None = None,
    ) -> None:
        super().__init__(message)
        self.data = data
        self.event = event
        self.events = list(events)
        self.text = dict(text or {})


class StreamEventTooLargeError(MalformedStreamEventError):
    """One stream event grew past the client's `max_event_size` (default 16 MiB characters of
    the decoded text, so decompressed: gzip, deflate, br and zstd bodies count at their full
    size), whether it ended or not; `data` holds its first 200 characters and `limit` the limit.
    Raised as soon as the limit is passed, so memory stays bounded; never cut silently."""

    def __init__(self, message: str, *, data: str, limit: int) -> None:
        super().__init__(message, data=data)
        self.limit = limit


class NotAStreamError(_AnswerError):
    """A streaming request was answered with something else than an event stream.

    Some gateways ignore `stream: true` and send the complete JSON answer; others answer with
    an HTML or text page. Rather than yield nothing (or something of another type), the stream
    raises this error: `content_type` says what arrived, `body` holds the JSON (or the start
    of the text), and `result` the body parsed into the operation's non-streaming result model
    (None when it is not JSON or does not match; the message then says why).
    """

    def __init__(
        self, message: str, *, response: httpx2.Response, body: object, result: object, content_type: str = ""
    ) -> None:
        secrets = secrets_of(response)
        super().__init__(mask(message, secrets))
        self.response = scrubbed_response(response, secrets)
        self.status_code = response.status_code
        self.content_type = content_type or response.headers.get("content-type", "")
        self.request_id = request_id_of(response.headers)
        self.body = mask(body, secrets)
        self.result = result
