"""Contains all the data models used in inputs/outputs"""

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
