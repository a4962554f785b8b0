"""Every error this package raises, under one base class.

    APIError
    ├── MissingCredentialsError       no key at construction
    ├── APIConnectionError            could not send / no answer (after retries)
    │   └── APITimeoutError
    ├── APIResponseValidationError    a success answer that does not match the spec
    ├── APIStatusError                an error status (after retries); .status_code .code
    │   ├── BadRequestError           400       .message .request_id .body .response
    │   ├── AuthenticationError       401
    │   ├── PermissionDeniedError     403
    │   ├── NotFoundError             404
    │   ├── ConflictError             409
    │   ├── UnprocessableEntityError  422
    │   ├── RateLimitError            429
    │   └── InternalServerError       5xx
    ├── StreamError                   an error reported inside a stream
    ├── IncompleteStreamError         a stream cut before its terminator
    ├── MalformedStreamEventError     a stream event that is not JSON or not the event schema
    └── NotAStreamError               a JSON answer to a stream request (.result holds it)

Names follow the openai SDK where the meaning is the same, so code that handles one handles the
other. Messages carry the provider's own message and code, never a credential: the request's
headers are not part of any message or attribute rendered by repr/str, httpx errors are chained
by type and message only (neither holds headers), and a credential the server echoes back is masked.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

import httpx

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
    "ConflictError",
    "IncompleteStreamError",
    "InternalServerError",
    "MalformedStreamEventError",
    "MissingCredentialsError",
    "NotAStreamError",
    "NotFoundError",
    "PermissionDeniedError",
    "RateLimitError",
    "StreamError",
    "UnexpectedStatus",
    "UnprocessableEntityError",
    "aerror_for_response",
    "error_for_response",
]

_REQUEST_ID_HEADERS = ("x-request-id", "request-id", "x-trace-id", "trace-id")


class APIError(Exception):
    """Base class of every error this package raises."""

    message: str

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class MissingCredentialsError(APIError):
    """No API key (or access key pair) was given and the environment has none."""


class APIConnectionError(APIError):
    """The request could not be sent, or the connection broke before an answer arrived."""

    def __init__(self, message: str = "Connection error.", *, request: httpx.Request | None = None) -> None:
        super().__init__(message)
        self.request = request


class APITimeoutError(APIConnectionError):
    """The request (connect, write, read or pool wait) took longer than its timeout."""

    def __init__(self, message: str = "Request timed out.", *, request: httpx.Request | None = None) -> None:
        super().__init__(message, request=request)


class APIResponseValidationError(APIError):
    """A success answer whose body does not match the spec's schema."""

    def __init__(self, response: httpx.Response, cause: BaseException) -> None:
        super().__init__(f"{response.status_code} answer does not match the spec: {cause!r}")
        self.response = response
        self.status_code = response.status_code


class APIStatusError(APIError):
    """The server answered with a status the operation does not document as a success.

    `code` and `message` are the provider's own (from its error body when it has one),
    `body` is the parsed body (JSON when possible, else text) and `request_id` the server's
    request id header, if it sent one.
    """

    status_code: int

    def __init__(
        self,
        message: str,
        *,
        response: httpx.Response,
        body: object,
        code: str | int | None = None,
    ) -> None:
        super().__init__(message)
        self.response = response
        self.status_code = response.status_code
        self.body = body
        self.code = code
        self.request_id = _request_id(response.headers)

    def __str__(self) -> str:
        code = f" ({self.code})" if self.code not in (None, "") else ""
        request_id = f" [request id {self.request_id}]" if self.request_id else ""
        return f"Error code: {self.status_code}{code} - {self.message}{request_id}"

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}(status_code={self.status_code}, code={self.code!r}, "
            f"message={self.message!r}, request_id={self.request_id!r})"
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


# The generator's name for an undocumented status; kept so generated-client habits still work.
UnexpectedStatus = APIStatusError

_BY_STATUS: dict[int, type[APIStatusError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
    409: ConflictError,
    422: UnprocessableEntityError,
    429: RateLimitError,
}


class StreamError(APIError):
    """The provider reported an error inside a stream (an error frame or an `error` event)."""

    def __init__(self, message: str, *, code: str | int | None = None, body: object = None) -> None:
        super().__init__(message)
        self.code = code
        self.body = body

    def __str__(self) -> str:
        code = f" ({self.code})" if self.code not in (None, "") else ""
        return f"Stream error{code} - {self.message}"


class IncompleteStreamError(APIError):
    """The connection ended before the stream's terminator: the answer is cut short.

    `text` holds all the text gathered per choice index, so a caller can still use (or show)
    what arrived; `events` holds the last event received (streams keep no more, to run in flat
    memory) and the message says how many arrived.
    """

    def __init__(self, message: str, *, events: Sequence[Any], text: dict[int, str]) -> None:
        super().__init__(message)
        self.events = list(events)
        self.text = dict(text)


# --- Stream errors used by streaming.py (added with the streaming runtime) ---------------------


class MalformedStreamEventError(APIError):
    """A stream event whose data is not valid JSON or does not match the spec's event schema.

    `data` is the event's raw data text and `event` its SSE event name; the message names the
    problem. The stream ends here: nothing after a broken event can be trusted.
    """

    def __init__(self, message: str, *, data: str, event: str = "message") -> None:
        super().__init__(message)
        self.data = data
        self.event = event


class NotAStreamError(APIError):
    """A streaming request was answered with a complete JSON body instead of an event stream.

    Some gateways ignore `stream: true`. Rather than yield nothing (or something of another
    type), the stream raises this error carrying the answer: `result` is the body parsed into
    the operation's non-streaming result model (None if it does not match), `body` the JSON.
    """

    def __init__(self, message: str, *, response: httpx.Response, body: object, result: Any) -> None:
        super().__init__(message)
        self.response = response
        self.status_code = response.status_code
        self.body = body
        self.result = result


# --- end of stream errors ---------------------------------------------------------------------


def error_for_response(response: httpx.Response) -> APIStatusError:
    """The typed error for an answer whose status the operation does not document as a success.

    A server that echoes the credential it received (some say "invalid key sk-...") does not
    get it into the error: the request's Bearer value is masked in the message and the body.
    """
    response.read()
    secret = _sent_credential(response)
    body = _mask(_parse_body(response), secret)
    code, message = _provider_code_and_message(body)
    if not message:
        message = response.reason_phrase or f"HTTP {response.status_code}"
    status = response.status_code
    cls = _BY_STATUS.get(status, InternalServerError if status >= 500 else APIStatusError)
    return cls(message, response=response, body=body, code=code)


async def aerror_for_response(response: httpx.Response) -> APIStatusError:
    """error_for_response for a streamed async answer whose body is not read yet."""
    await response.aread()
    return error_for_response(response)


def _sent_credential(response: httpx.Response) -> str | None:
    try:
        authorization = response.request.headers.get("authorization", "")
    except RuntimeError:  # a response built by hand, with no request
        return None
    scheme, _, credential = authorization.partition(" ")
    credential = credential.strip() if scheme.lower() == "bearer" else authorization.strip()
    return credential or None


def _mask(value: Any, secret: str | None) -> Any:
    """value with every occurrence of secret in its strings (keys included) replaced by ***."""
    if not secret:
        return value
    if isinstance(value, str):
        return value.replace(secret, "***")
    if isinstance(value, dict):
        return {_mask(k, secret): _mask(v, secret) for k, v in value.items()}
    if isinstance(value, list):
        return [_mask(item, secret) for item in value]
    return value


def _parse_body(response: httpx.Response) -> object:
    try:
        return json.loads(response.content)
    except ValueError:
        return response.text


def _provider_code_and_message(body: object) -> tuple[str | int | None, str]:
    """Find the provider's code and message in an error body, whichever known shape it has.

    OpenAI style: {"error": {"message", "type", "code"}}; SenseNova: {"error": {"code",
    "message", "details"}} or a {"status": {"code", "message"}} frame; some gateways put
    `code`/`message` (or `msg`) at the top level. Anything else leaves them empty.
    """
    if not isinstance(body, dict):
        return None, body.strip()[:500] if isinstance(body, str) else ""
    for key in ("error", "status"):
        inner = body.get(key)
        if isinstance(inner, dict):
            return _code_and_message(inner)
        if isinstance(inner, str) and key == "error":
            return body.get("code"), inner
    return _code_and_message(body)


def _code_and_message(obj: dict[str, Any]) -> tuple[str | int | None, str]:
    code = obj.get("code")
    if code in (None, ""):  # OpenAI-style bodies often say "code": null and put the kind in "type"
        code = obj.get("type")
    message = obj.get("message", obj.get("msg", ""))
    return (code if isinstance(code, str | int) else None), str(message or "")


def _request_id(headers: httpx.Headers) -> str | None:
    for name in _REQUEST_ID_HEADERS:
        if name in headers:
            return headers[name]
    return None
