"""`client.chat`.

Generated from sensenova.yaml (`x-client-method`) by codegen/surface.py; do not edit.
"""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

from .._runtime.surface import resource as _resource

# What each streaming method's until_done() returns, importable next to the resource.

if TYPE_CHECKING:
    from .chat_completions import AsyncChatCompletions, ChatCompletions

__all__ = [
    "Chat",
    "AsyncChat",
]


class Chat(_resource.SyncResource):
    """`client.chat`."""

    @cached_property
    def completions(self) -> ChatCompletions:
        from .chat_completions import ChatCompletions

        return ChatCompletions(self._client)


class AsyncChat(_resource.AsyncResource):
    """`client.chat` (async)."""

    @cached_property
    def completions(self) -> AsyncChatCompletions:
        from .chat_completions import AsyncChatCompletions

        return AsyncChatCompletions(self._client)
