"""Contains all the data models used in inputs/outputs"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .associated_knowledge import AssociatedKnowledge
    from .associated_knowledge_mode import AssociatedKnowledgeMode
    from .chat_completion import ChatCompletion
    from .chat_completion_choice import ChatCompletionChoice
    from .chat_completion_chunk import ChatCompletionChunk
    from .chat_completion_chunk_choice import ChatCompletionChunkChoice
    from .chat_completion_chunk_data import ChatCompletionChunkData
    from .chat_completion_data import ChatCompletionData
    from .chat_completion_request import ChatCompletionRequest
    from .chat_message import ChatMessage
    from .chat_role import ChatRole
    from .completion import Completion
    from .completion_choice import CompletionChoice
    from .completion_chunk import CompletionChunk
    from .completion_chunk_choice import CompletionChunkChoice
    from .completion_chunk_data import CompletionChunkData
    from .completion_data import CompletionData
    from .completion_request import CompletionRequest
    from .error_detail import ErrorDetail
    from .error_response import ErrorResponse
    from .finish_reason import FinishReason
    from .knowledge_base_config import KnowledgeBaseConfig
    from .knowledge_base_hit import KnowledgeBaseHit
    from .knowledge_base_result import KnowledgeBaseResult
    from .knowledge_config import KnowledgeConfig
    from .knowledge_config_control_level import KnowledgeConfigControlLevel
    from .knowledge_extra_info import KnowledgeExtraInfo
    from .plugins import Plugins
    from .plugins_usage import PluginsUsage
    from .status import Status
    from .token_plan_chat_completion import TokenPlanChatCompletion
    from .token_plan_chat_completion_chunk import TokenPlanChatCompletionChunk
    from .token_plan_chat_completion_chunk_object import TokenPlanChatCompletionChunkObject
    from .token_plan_chat_completion_object import TokenPlanChatCompletionObject
    from .token_plan_chat_completion_request import TokenPlanChatCompletionRequest
    from .token_plan_choice import TokenPlanChoice
    from .token_plan_chunk_choice import TokenPlanChunkChoice
    from .token_plan_delta import TokenPlanDelta
    from .token_plan_error_detail import TokenPlanErrorDetail
    from .token_plan_error_response import TokenPlanErrorResponse
    from .token_plan_error_type import TokenPlanErrorType
    from .token_plan_finish_reason import TokenPlanFinishReason
    from .token_plan_image_part import TokenPlanImagePart
    from .token_plan_image_url import TokenPlanImageUrl
    from .token_plan_message import TokenPlanMessage
    from .token_plan_prompt_tokens_details import TokenPlanPromptTokensDetails
    from .token_plan_reply_message import TokenPlanReplyMessage
    from .token_plan_text_part import TokenPlanTextPart
    from .token_plan_usage import TokenPlanUsage
    from .usage import Usage
    from .web_search_options import WebSearchOptions
    from .web_search_result import WebSearchResult
    from .web_search_usage import WebSearchUsage

# Each public name and the module that defines it.
_MODULES = {
    "AssociatedKnowledge": ".associated_knowledge",
    "AssociatedKnowledgeMode": ".associated_knowledge_mode",
    "ChatCompletion": ".chat_completion",
    "ChatCompletionChoice": ".chat_completion_choice",
    "ChatCompletionChunk": ".chat_completion_chunk",
    "ChatCompletionChunkChoice": ".chat_completion_chunk_choice",
    "ChatCompletionChunkData": ".chat_completion_chunk_data",
    "ChatCompletionData": ".chat_completion_data",
    "ChatCompletionRequest": ".chat_completion_request",
    "ChatMessage": ".chat_message",
    "ChatRole": ".chat_role",
    "Completion": ".completion",
    "CompletionChoice": ".completion_choice",
    "CompletionChunk": ".completion_chunk",
    "CompletionChunkChoice": ".completion_chunk_choice",
    "CompletionChunkData": ".completion_chunk_data",
    "CompletionData": ".completion_data",
    "CompletionRequest": ".completion_request",
    "ErrorDetail": ".error_detail",
    "ErrorResponse": ".error_response",
    "FinishReason": ".finish_reason",
    "KnowledgeBaseConfig": ".knowledge_base_config",
    "KnowledgeBaseHit": ".knowledge_base_hit",
    "KnowledgeBaseResult": ".knowledge_base_result",
    "KnowledgeConfig": ".knowledge_config",
    "KnowledgeConfigControlLevel": ".knowledge_config_control_level",
    "KnowledgeExtraInfo": ".knowledge_extra_info",
    "Plugins": ".plugins",
    "PluginsUsage": ".plugins_usage",
    "Status": ".status",
    "TokenPlanChatCompletion": ".token_plan_chat_completion",
    "TokenPlanChatCompletionChunk": ".token_plan_chat_completion_chunk",
    "TokenPlanChatCompletionChunkObject": ".token_plan_chat_completion_chunk_object",
    "TokenPlanChatCompletionObject": ".token_plan_chat_completion_object",
    "TokenPlanChatCompletionRequest": ".token_plan_chat_completion_request",
    "TokenPlanChoice": ".token_plan_choice",
    "TokenPlanChunkChoice": ".token_plan_chunk_choice",
    "TokenPlanDelta": ".token_plan_delta",
    "TokenPlanErrorDetail": ".token_plan_error_detail",
    "TokenPlanErrorResponse": ".token_plan_error_response",
    "TokenPlanErrorType": ".token_plan_error_type",
    "TokenPlanFinishReason": ".token_plan_finish_reason",
    "TokenPlanImagePart": ".token_plan_image_part",
    "TokenPlanImageUrl": ".token_plan_image_url",
    "TokenPlanMessage": ".token_plan_message",
    "TokenPlanPromptTokensDetails": ".token_plan_prompt_tokens_details",
    "TokenPlanReplyMessage": ".token_plan_reply_message",
    "TokenPlanTextPart": ".token_plan_text_part",
    "TokenPlanUsage": ".token_plan_usage",
    "Usage": ".usage",
    "WebSearchOptions": ".web_search_options",
    "WebSearchResult": ".web_search_result",
    "WebSearchUsage": ".web_search_usage",
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
    "AssociatedKnowledge",
    "AssociatedKnowledgeMode",
    "ChatCompletion",
    "ChatCompletionChoice",
    "ChatCompletionChunk",
    "ChatCompletionChunkChoice",
    "ChatCompletionChunkData",
    "ChatCompletionData",
    "ChatCompletionRequest",
    "ChatMessage",
    "ChatRole",
    "Completion",
    "CompletionChoice",
    "CompletionChunk",
    "CompletionChunkChoice",
    "CompletionChunkData",
    "CompletionData",
    "CompletionRequest",
    "ErrorDetail",
    "ErrorResponse",
    "FinishReason",
    "KnowledgeBaseConfig",
    "KnowledgeBaseHit",
    "KnowledgeBaseResult",
    "KnowledgeConfig",
    "KnowledgeConfigControlLevel",
    "KnowledgeExtraInfo",
    "Plugins",
    "PluginsUsage",
    "Status",
    "TokenPlanChatCompletion",
    "TokenPlanChatCompletionChunk",
    "TokenPlanChatCompletionChunkObject",
    "TokenPlanChatCompletionObject",
    "TokenPlanChatCompletionRequest",
    "TokenPlanChoice",
    "TokenPlanChunkChoice",
    "TokenPlanDelta",
    "TokenPlanErrorDetail",
    "TokenPlanErrorResponse",
    "TokenPlanErrorType",
    "TokenPlanFinishReason",
    "TokenPlanImagePart",
    "TokenPlanImageUrl",
    "TokenPlanMessage",
    "TokenPlanPromptTokensDetails",
    "TokenPlanReplyMessage",
    "TokenPlanTextPart",
    "TokenPlanUsage",
    "Usage",
    "WebSearchOptions",
    "WebSearchResult",
    "WebSearchUsage",
)
