"""Every error this package raises, under one base class.

    APIError
    ├── MissingCredentialsError       no key at construction
    ├── InvalidCredentialsError       a key with inner whitespace or control characters (also a ValueError)
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
    ├── IncompleteStreamError         a stream cut before its terminator
    ├── MalformedStreamEventError     a stream event that is not JSON or not the event schema
    │   └── StreamEventTooLargeError  one event grew past the client's max_event_size
    └── NotAStreamError               a JSON (.result) or other (.content_type) answer to a stream request

Names follow the openai SDK where the meaning is the same, so code that handles one handles the
other. Messages carry the provider's own message and code, never a credential: an error keeps a
scrubbed copy of the request and response (the Authorization header replaced by `***`, and the
credential masked wherever the server echoed it: message, body, response content and headers),
httpx2 errors are chained by type and message only (neither holds headers), and every error
pickles to the same scrubbed state (so it can cross a process or task-queue boundary).
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import json
from typing import TYPE_CHECKING, Any

import httpx2

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
    "InvalidCredentialsError",
    "MalformedStreamEventError",
    "MissingCredentialsError",
    "NotAStreamError",
    "NotFoundError",
    "PermissionDeniedError",
    "ProviderError",
    "RateLimitError",
    "StreamError",
    "StreamEventTooLargeError",
    "UnexpectedStatus",
    "UnprocessableEntityError",
    "aerror_for_response",
    "error_for_response",
    "provider_error_in",
    "scrub",
    "scrub_cause",
]

_REQUEST_ID_HEADERS = ("x-request-id", "request-id", "x-trace-id", "trace-id")


class APIError(Exception):
    """Base class of every error this package raises."""

    message: str

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


class MissingCredentialsError(APIError):
    """No API key (or access key pair) was given and the environment has none."""


class InvalidCredentialsError(APIError, ValueError):
    """A key or secret that cannot be sent: it holds whitespace, a control character or a
    non-ASCII character (surrounding whitespace is stripped, not refused). The message says
    which argument or variable and where, never the value."""


class APIConnectionError(APIError):
    """The request could not be sent, or the connection broke before an answer arrived.

    `request` is a copy of the request with its credentials replaced by `***`.
    """

    def __init__(self, message: str = "Connection error.", *, request: httpx2.Request | None = None) -> None:
        super().__init__(_mask(message, _secrets_of(request)))
        self.request = None if request is None else _scrubbed_request(request)


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
        return _request_or_none(self.response)


class APIResponseValidationError(_AnswerError):
    """A success answer whose body does not match the spec's schema."""

    def __init__(self, response: httpx2.Response, cause: BaseException) -> None:
        secrets = _secrets_of(response)
        super().__init__(_mask(f"{response.status_code} answer does not match the spec: {cause!r}", secrets))
        self.response = _scrubbed_response(response, secrets)
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
        secrets = _secrets_of(response)
        super().__init__(_mask(message, secrets))
        self.response = _scrubbed_response(response, secrets)
        self.status_code = response.status_code
        # annotated: _mask returns Any, which would leak into users' types
        self.body: object = _mask(body, secrets)
        self.code: str | int | None = _mask(code, secrets)
        self.type: str | None = _mask(type, secrets)
        self.request_id = _request_id(self.response.headers)

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

    def __init__(self, message: str, *, events: Sequence[object], text: dict[int, str]) -> None:
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


class StreamEventTooLargeError(MalformedStreamEventError):
    """One stream event grew past the client's `max_event_size` (default 16 MiB) before it
    ended; `data` holds its first 200 characters and `limit` the limit in bytes. Raised as soon
    as the limit is passed, so memory stays bounded; the event is never cut silently."""

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
        secrets = _secrets_of(response)
        super().__init__(_mask(message, secrets))
        self.response = _scrubbed_response(response, secrets)
        self.status_code = response.status_code
        self.content_type = content_type or response.headers.get("content-type", "")
        self.body = _mask(body, secrets)
        self.result = result


# --- end of stream errors ---------------------------------------------------------------------


def error_for_response(response: httpx2.Response) -> APIStatusError:
    """The typed error for an answer whose status the operation does not document as a success.

    A server that echoes the credential it received (some say "invalid key sk-...") does not
    get it into the error: the request's Bearer value is masked everywhere (see APIStatusError).
    """
    response.read()
    body = _parse_body(response)
    code, kind, message = _provider_code_and_message(body)
    if not message:
        message = response.reason_phrase or f"HTTP {response.status_code}"  # masked by the constructor
    status = response.status_code
    cls = _BY_STATUS.get(status, InternalServerError if status >= 500 else APIStatusError)
    return cls(message, response=response, body=body, code=code, type=kind)


async def aerror_for_response(response: httpx2.Response) -> APIStatusError:
    """error_for_response for a streamed async answer whose body is not read yet."""
    await response.aread()
    return error_for_response(response)


def provider_error_in(response: httpx2.Response) -> ProviderError | None:
    """The ProviderError a success answer's (read) body reports, if it is an error body.

    An error body: a JSON object with a non-null `error` member, or whose `status` object has a
    `code` other than 0 (and no `error`); a success payload has neither.
    """
    body = _parse_body(response)
    if not isinstance(body, dict):
        return None
    error, status = body.get("error"), body.get("status")
    is_error = error not in (None, "", {}) or (isinstance(status, dict) and status.get("code", 0) not in (0, "0", None))
    if not is_error:
        return None
    code, kind, message = _provider_code_and_message(body)
    message = message or "the provider answered with an error body"
    return ProviderError(message, response=response, body=body, code=code, type=kind)


# --- credentials: found on the request that was sent, masked wherever they could be echoed ------

_CREDENTIAL_HEADERS = ("authorization", "proxy-authorization")
_DROPPED_RESPONSE_HEADERS = ("content-encoding", "content-length", "transfer-encoding")


def _request_or_none(response: httpx2.Response) -> httpx2.Request | None:
    try:
        return response.request
    except RuntimeError:  # a response built by hand, with no request
        return None


def _secrets_of(source: httpx2.Response | httpx2.Request | None) -> tuple[str, ...]:
    """The credentials a request carried: each credential header's token (after its scheme) and
    the issuer (access key id) inside a JWT, longest first so that masking leaves no fragment."""
    request = _request_or_none(source) if isinstance(source, httpx2.Response) else source
    if request is None:
        return ()
    found: set[str] = set()
    for name in _CREDENTIAL_HEADERS:
        for value in request.headers.get_list(name):
            credential = value.strip().partition(" ")[2].strip() or value.strip()  # after "Bearer "
            found.add(credential)
            found.add(_jwt_issuer(credential))
    return tuple(sorted((s for s in found if len(s) >= 4), key=len, reverse=True))


def _jwt_issuer(token: str) -> str:
    parts = token.split(".")
    if len(parts) != 3:
        return ""
    try:
        claims = json.loads(base64.urlsafe_b64decode(parts[1] + "=" * (-len(parts[1]) % 4)))
    except (ValueError, binascii.Error):
        return ""
    issuer = claims.get("iss") if isinstance(claims, dict) else None
    return issuer if isinstance(issuer, str) else ""


def _mask(value: Any, secrets: tuple[str, ...]) -> Any:
    """value with every occurrence of each secret in its strings (keys included) replaced by ***."""
    if not secrets:
        return value
    if isinstance(value, str):
        for secret in secrets:
            value = value.replace(secret, "***")
        return value
    if isinstance(value, bytes):
        for secret in secrets:
            value = value.replace(secret.encode("utf-8", "replace"), b"***")
        return value
    if isinstance(value, dict):
        return {_mask(k, secrets): _mask(v, secrets) for k, v in value.items()}
    if isinstance(value, list):
        return [_mask(item, secrets) for item in value]
    if isinstance(value, tuple):
        return tuple(_mask(item, secrets) for item in value)
    return value


def scrub(error: APIError, source: httpx2.Request | httpx2.Response | None) -> APIError:
    """error with source's credentials masked in its message and the attributes that carry what
    the server sent (`body`, `data`, `code`, `type`, `text`), and in its chained cause; for
    errors built from stream events, which have no response of their own to scrub them by."""
    secrets = _secrets_of(source)
    if secrets:
        error.args = tuple(_mask(arg, secrets) for arg in error.args)
        for name in ("message", "body", "data", "code", "type", "text"):
            if name in error.__dict__:
                setattr(error, name, _mask(error.__dict__[name], secrets))
        if error.__cause__ is not None:
            scrub_cause(error.__cause__, source)
    return error


def scrub_cause(exc: BaseException, source: httpx2.Request | httpx2.Response | None) -> None:
    """Mask source's credentials in an exception about to be chained under one of ours (it shows
    in tracebacks): its message arguments, an AttributeError's object, an httpx2 error's request."""
    secrets = _secrets_of(source)
    if secrets:
        exc.args = tuple(_mask(arg, secrets) for arg in exc.args)
        if isinstance(exc, AttributeError):
            exc.obj = None  # the object that lacked the attribute: may be an echoed string
        if isinstance(exc, json.JSONDecodeError):
            exc.doc = _mask(exc.doc, secrets)  # the whole text that failed to parse
    if isinstance(exc, httpx2.RequestError):
        with contextlib.suppress(RuntimeError):  # RuntimeError: made without a request
            exc.request = _scrubbed_request(exc.request)


def _scrubbed_request(request: httpx2.Request) -> httpx2.Request:
    """A copy of request without credentials (headers masked, no URL password, no extensions)."""
    secrets = _secrets_of(request)
    headers = [
        (name, "***" if name.lower() in _CREDENTIAL_HEADERS else _mask(value, secrets))
        for name, value in request.headers.multi_items()
    ]
    url = request.url.copy_with(password="***") if request.url.password else request.url
    try:
        content: bytes | None = request.content
    except httpx2.RequestNotRead:  # a streamed upload: not kept
        content = None
    return httpx2.Request(request.method, url, headers=headers, content=_mask(content, secrets))


def _scrubbed_response(response: httpx2.Response, secrets: tuple[str, ...]) -> httpx2.Response:
    """A detached copy of a response: decoded body and headers with the secrets masked, and the
    request scrubbed. It holds no connection, so it pickles, and its body is always readable."""
    try:
        content = response.content
    except httpx2.ResponseNotRead:
        content = b""
    headers = [
        (name, _mask(value, secrets))
        for name, value in response.headers.multi_items()
        if name.lower() not in _DROPPED_RESPONSE_HEADERS
    ]
    request = _request_or_none(response)
    kept = ("http_version", "reason_phrase")  # not the network stream: it holds the socket
    extensions = {name: _mask(value, secrets) for name, value in response.extensions.items() if name in kept}
    return httpx2.Response(
        response.status_code,
        headers=headers,
        content=_mask(content, secrets),
        request=None if request is None else _scrubbed_request(request),
        extensions=extensions,
    )


def _parse_body(response: httpx2.Response) -> object:
    try:
        return json.loads(response.content)
    except ValueError:
        return response.text


def _provider_code_and_message(body: object) -> tuple[str | int | None, str | None, str]:
    """Find the provider's code, error type and message in an error body, whichever known shape it has.

    OpenAI style: {"error": {"message", "type", "code"}}; SenseNova: {"error": {"code",
    "message", "details"}} or a {"status": {"code", "message"}} frame; some gateways put
    `code`/`message` (or `msg`) at the top level. Anything else leaves them empty.
    """
    if not isinstance(body, dict):
        return None, None, body.strip()[:500] if isinstance(body, str) else ""
    for key in ("error", "status"):
        inner = body.get(key)
        if isinstance(inner, dict):
            return _code_and_message(inner)
        if isinstance(inner, str) and inner and key == "error":
            code = body.get("code")
            return (code if isinstance(code, (str, int)) else None), _type_of(body), inner
    return _code_and_message(body)


def _code_and_message(obj: dict[str, Any]) -> tuple[str | int | None, str | None, str]:
    kind = _type_of(obj)
    code = obj.get("code")
    if code in (None, ""):  # OpenAI-style bodies often say "code": null and put the kind in "type"
        code = kind
    message = obj.get("message", obj.get("msg", ""))
    return (code if isinstance(code, (str, int)) and not isinstance(code, bool) else None), kind, str(message or "")


def _type_of(obj: dict[str, Any]) -> str | None:
    kind = obj.get("type")
    return kind if isinstance(kind, str) and kind else None


def _request_id(headers: httpx2.Headers) -> str | None:
    for name in _REQUEST_ID_HEADERS:
        if name in headers:
            return headers[name]
    return None
