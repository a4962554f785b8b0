"""Contains all the data models used in inputs/outputs"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .chat_completion import ChatCompletion
    from .chat_completion_choice import ChatCompletionChoice
    from .chat_completion_chunk import ChatCompletionChunk
    from .chat_completion_chunk_choice import ChatCompletionChunkChoice
    from .chat_completion_chunk_object import ChatCompletionChunkObject
    from .chat_completion_delta import ChatCompletionDelta
    from .chat_completion_logprobs import ChatCompletionLogprobs
    from .chat_completion_message import ChatCompletionMessage
    from .chat_completion_object import ChatCompletionObject
    from .chat_completion_request import ChatCompletionRequest
    from .chat_message import ChatMessage
    from .chat_role import ChatRole
    from .error_detail import ErrorDetail
    from .error_response import ErrorResponse
    from .finish_reason import FinishReason
    from .usage import Usage

# Each public name and the module that defines it.
_MODULES = {
    "ChatCompletion": ".chat_completion",
    "ChatCompletionChoice": ".chat_completion_choice",
    "ChatCompletionChunk": ".chat_completion_chunk",
    "ChatCompletionChunkChoice": ".chat_completion_chunk_choice",
    "ChatCompletionChunkObject": ".chat_completion_chunk_object",
    "ChatCompletionDelta": ".chat_completion_delta",
    "ChatCompletionLogprobs": ".chat_completion_logprobs",
    "ChatCompletionMessage": ".chat_completion_message",
    "ChatCompletionObject": ".chat_completion_object",
    "ChatCompletionRequest": ".chat_completion_request",
    "ChatMessage": ".chat_message",
    "ChatRole": ".chat_role",
    "ErrorDetail": ".error_detail",
    "ErrorResponse": ".error_response",
    "FinishReason": ".finish_reason",
    "Usage": ".usage",
}


def __getattr__(name: str) -> Any:
    module = _MODULES.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(module, __name__), name)
    globals()[name] = value  # later lookups skip __getattr__
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_MODULES})


__all__ = (
    "ChatCompletion",
    "ChatCompletionChoice",
    "ChatCompletionChunk",
    "ChatCompletionChunkChoice",
    "ChatCompletionChunkObject",
    "ChatCompletionDelta",
    "ChatCompletionLogprobs",
    "ChatCompletionMessage",
    "ChatCompletionObject",
    "ChatCompletionRequest",
    "ChatMessage",
    "ChatRole",
    "ErrorDetail",
    "ErrorResponse",
    "FinishReason",
    "Usage",
)
