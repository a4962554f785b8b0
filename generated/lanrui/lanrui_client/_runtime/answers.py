"""An answer -> the typed error it means: the status, and the provider's code, type and message
found in whichever error body shape it sent (see errors.py for the classes)."""

from __future__ import annotations

import json
from typing import Any

import httpx2

from .errors import (
    APIStatusError,
    AuthenticationError,
    BadRequestError,
    ConflictError,
    InternalServerError,
    NotFoundError,
    PermissionDeniedError,
    ProviderError,
    RateLimitError,
    UnprocessableEntityError,
)
from .redact import too_deep

__all__ = ["aerror_for_response", "error_for_response", "provider_error_in"]

_BY_STATUS: dict[int, type[APIStatusError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
    409: ConflictError,
    422: UnprocessableEntityError,
    429: RateLimitError,
}


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


def _parse_body(response: httpx2.Response) -> object:
    """The body as JSON, else as text: also when it nests deeper than redact.MAX_DEPTH (json
    raises RecursionError past ~1,000 levels, and what walks it later would)."""
    try:
        body = json.loads(response.content)
    except (ValueError, RecursionError):
        return response.text
    return response.text if too_deep(body) else body


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
