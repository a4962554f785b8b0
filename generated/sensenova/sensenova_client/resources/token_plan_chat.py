"""`client.chat`.

Generated from sensenova.yaml (`x-client-method`) by codegen/surface.py; do not edit.
"""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

from .._runtime.surface import resource as _resource

# What each streaming method's until_done() returns, importable next to the resource.

if TYPE_CHECKING:
    from .token_plan_chat_completions import AsyncTokenPlanChatCompletions, TokenPlanChatCompletions

__all__ = [
    "TokenPlanChat",
    "AsyncTokenPlanChat",
]


class TokenPlanChat(_resource.SyncResource):
    """`client.chat`."""

    @cached_property
    def completions(self) -> TokenPlanChatCompletions:
        from .token_plan_chat_completions import TokenPlanChatCompletions

        return TokenPlanChatCompletions(self._client)


class AsyncTokenPlanChat(_resource.AsyncResource):
    """`client.chat` (async)."""

    @cached_property
    def completions(self) -> AsyncTokenPlanChatCompletions:
        from .token_plan_chat_completions import AsyncTokenPlanChatCompletions

        return AsyncTokenPlanChatCompletions(self._client)
