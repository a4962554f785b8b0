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
    "Usage",
    "WebSearchOptions",
    "WebSearchResult",
    "WebSearchUsage",
)
