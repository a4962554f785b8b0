"""Contains all the data models used in inputs/outputs"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .completion import Completion
    from .completion_choice import CompletionChoice
    from .completion_chunk import CompletionChunk
    from .completion_logprobs import CompletionLogprobs
    from .completion_object import CompletionObject
    from .completion_request import CompletionRequest
    from .error_detail import ErrorDetail
    from .error_response import ErrorResponse
    from .finish_reason import FinishReason
    from .top_logprobs import TopLogprobs
    from .usage import Usage

# Each public name and the module that defines it.
_MODULES = {
    "Completion": ".completion",
    "CompletionChoice": ".completion_choice",
    "CompletionChunk": ".completion_chunk",
    "CompletionLogprobs": ".completion_logprobs",
    "CompletionObject": ".completion_object",
    "CompletionRequest": ".completion_request",
    "ErrorDetail": ".error_detail",
    "ErrorResponse": ".error_response",
    "FinishReason": ".finish_reason",
    "TopLogprobs": ".top_logprobs",
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
    "Completion",
    "CompletionChoice",
    "CompletionChunk",
    "CompletionLogprobs",
    "CompletionObject",
    "CompletionRequest",
    "ErrorDetail",
    "ErrorResponse",
    "FinishReason",
    "TopLogprobs",
    "Usage",
)
