"""Contains all the data models used in inputs/outputs"""

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
