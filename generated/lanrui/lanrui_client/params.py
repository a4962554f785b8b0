"""Request parameter types: one TypedDict per request object schema of the spec.

`create()` and the other resource methods take these (plain dicts that type-check) or the attrs
models of `lanrui_client.models` wherever a nested object is expected. Request enums are
`Literal` types, so a wrong value fails the type checker. Generated from lanrui.yaml; do not edit.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Literal, Required, TypeAlias, TypedDict

if TYPE_CHECKING:  # the annotations are strings at run time
    from .models import ChatMessage

__all__ = [
    "ChatCompletionRequestParam",
    "ChatMessageParam",
    "ChatRoleParam",
]

ChatRoleParam: TypeAlias = "Literal['system', 'user', 'assistant']"
"""Who wrote a message."""


class ChatCompletionRequestParam(TypedDict, total=False):
    """Parameters of one chat completion call."""

    model: Required[str]
    """Name of the deployed inference service to call, written as `model_name/model_version`."""
    messages: Required[Sequence[ChatMessageParam | ChatMessage]]
    """The conversation so far, oldest message first; the model answers the last one."""
    temperature: float
    """Sampling temperature between 0 and 2 inclusive. Larger values give more varied output,
    smaller values more focused output. Tune this or `top_p`, not both.

    Default: `1` (applied by the server)."""
    top_p: float
    """Nucleus sampling: only the smallest set of tokens whose cumulative probability reaches this
    value is considered. Greater than 0, at most 1.

    Default: `1` (applied by the server)."""
    stream: bool
    """When true the answer is delivered as server-sent events, one chunk at a time.

    Default: `false` (applied by the server)."""
    max_tokens: int
    """Upper bound on the number of tokens generated for the reply. When omitted the provider sets
    no limit of its own (its document gives the default as "inf")."""
    presence_penalty: float
    """Between -2 and 2 inclusive. Positive values penalise tokens that already appeared, pushing
    the model toward new topics.

    Default: `0` (applied by the server)."""
    frequency_penalty: float
    """Between -2 and 2 inclusive. Positive values penalise tokens in proportion to how often they
    already appeared, making verbatim repetition less likely.

    Default: `0` (applied by the server)."""


class ChatMessageParam(TypedDict, total=False):
    """One turn of the conversation sent to the model."""

    role: Required[ChatRoleParam]
    content: Required[str]
    """Text of the turn."""
