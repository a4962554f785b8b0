"""Request parameter types: one TypedDict per request object schema of the spec.

`create()` and the other resource methods take these (plain dicts that type-check) or the attrs
models of `sensenova_client.models` wherever a nested object is expected. Request enums are
`Literal` types, so a wrong value fails the type checker. Generated from sensenova.yaml; do not edit.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Literal, Required, TypeAlias, TypedDict

if TYPE_CHECKING:  # the annotations are strings at run time
    from .models import (
        AssociatedKnowledge,
        ChatMessage,
        KnowledgeBaseConfig,
        KnowledgeConfig,
        Plugins,
        TokenPlanImagePart,
        TokenPlanImageUrl,
        TokenPlanMessage,
        TokenPlanTextPart,
        WebSearchOptions,
    )

__all__ = [
    "AssociatedKnowledgeParam",
    "ChatCompletionRequestParam",
    "ChatMessageParam",
    "ChatRoleParam",
    "CompletionRequestParam",
    "KnowledgeBaseConfigParam",
    "KnowledgeConfigParam",
    "PluginsParam",
    "TokenPlanChatCompletionRequestParam",
    "TokenPlanContentPartParam",
    "TokenPlanImagePartParam",
    "TokenPlanImageUrlParam",
    "TokenPlanMessageParam",
    "TokenPlanTextPartParam",
    "WebSearchOptionsParam",
]

ChatRoleParam: TypeAlias = "Literal['user', 'assistant', 'system']"
"""Author of a chat message."""

TokenPlanContentPartParam: TypeAlias = (
    "TokenPlanTextPartParam | TokenPlanTextPart | TokenPlanImagePartParam | TokenPlanImagePart"
)
"""One part of a message's content, told apart by `type`."""


class AssociatedKnowledgeParam(TypedDict, total=False):
    """Text supplied by the caller and injected as knowledge."""

    content: Required[str]
    """The knowledge text. Its tokens count as input (they are billed in `prompt_tokens` and must
    fit in the context window)."""
    mode: Required[Literal["concatenate", "override"]]
    """`concatenate` adds this text to whatever the internal knowledge retrieval found; `override`
    uses this text in place of it."""


class ChatCompletionRequestParam(TypedDict, total=False):
    """Parameters of a chat generation."""

    model: Required[str]
    """ID of the model to use (see the provider's model list)."""
    n: int
    """How many alternative replies to generate, from 1 to 4; each reply's `index` tells them
    apart. Some models reject this parameter altogether (the provider's model list says which),
    so leave it unset unless the model supports it.

    Default: `1` (applied by the server)."""
    know_ids: Sequence[str]
    """IDs of the knowledge bases to search while answering."""
    max_new_tokens: int
    """Upper bound on the number of tokens to generate, from 1 to 2048. Models with a smaller
    context window accept less: the tokens of all message contents plus this value must fit in
    the window.

    Default: `1024` (applied by the server)."""
    messages: Required[Sequence[ChatMessageParam | ChatMessage]]
    """The conversation so far, oldest turn first. The service keeps no history, so every call
    carries the full context. The last item must have the role `user` (JSON Schema cannot
    express a constraint on the last item; `x-last-role` records it and the emulator enforces
    it)."""
    repetition_penalty: float
    """Penalty on repeated tokens, greater than 0 and at most 2. 1 leaves the output unchanged,
    values above 1 discourage repetition and values below 1 encourage it; 1 to 1.2 is the
    recommended band.

    Default: `1.0` (applied by the server)."""
    stream: bool
    """When true, the response is a server-sent event stream of `ChatCompletionChunk` frames closed
    by `[DONE]`, instead of one JSON document.

    Default: `false` (applied by the server)."""
    temperature: float
    """Sampling temperature, greater than 0 and at most 2, with at most six digits after the
    decimal point. Values above 1 make the output more varied, values below 1 make it more
    deterministic.

    Default: `0.8` (applied by the server)."""
    top_p: float
    """Nucleus sampling: tokens are drawn from the smallest set whose cumulative probability
    reaches this value. Strictly between 0 and 1.

    Default: `0.7` (applied by the server)."""
    user: str
    """Your own identifier for the end user on whose behalf the request is made, useful for
    tracing."""
    knowledge_config: KnowledgeConfigParam | KnowledgeConfig
    plugins: PluginsParam | Plugins


class ChatMessageParam(TypedDict, total=False):
    """One turn of the conversation."""

    role: Required[ChatRoleParam]
    content: Required[str]
    """Text of the turn."""


class CompletionRequestParam(TypedDict, total=False):
    """Parameters of a text completion."""

    prompt: Required[str]
    """The text the model continues."""
    model: Required[str]
    """ID of the model to use (see the provider's model list)."""
    n: int
    """How many alternative completions to generate, from 1 to 4.

    Default: `1` (applied by the server)."""
    max_new_tokens: int
    """Upper bound on the number of tokens to generate, from 1 to 2048. Models with a smaller
    context window accept less: prompt tokens plus this value must fit in the window.

    Default: `1024` (applied by the server)."""
    repetition_penalty: float
    """Penalty on repeated tokens, greater than 0 and at most 2. 1 leaves the output unchanged,
    values above 1 discourage repetition and values below 1 encourage it; 1 to 1.2 is the
    recommended band.

    Default: `1.05` (applied by the server)."""
    stop: str
    """A string that ends generation when the model produces it."""
    stream: bool
    """When true, the response is a server-sent event stream of `CompletionChunk` frames closed by
    `[DONE]`, instead of one JSON document.

    Default: `false` (applied by the server)."""
    temperature: float
    """Sampling temperature, greater than 0 and at most 2. Values above 1 make the output more
    varied, values below 1 make it more deterministic.

    Default: `0.8` (applied by the server)."""
    top_p: float
    """Nucleus sampling: tokens are drawn from the smallest set whose cumulative probability
    reaches this value. Strictly between 0 and 1.

    Default: `0.7` (applied by the server)."""


class KnowledgeBaseConfigParam(TypedDict, total=False):
    """Retrieval settings for one knowledge base."""

    know_id: Required[str]
    """ID of the knowledge base these settings apply to; it should be one of `know_ids`."""
    faq_threshold: Required[float]
    """Similarity a question-answer pair (`qa_lst`) of this knowledge base must reach to count as a
    match, strictly between 0 and 1; higher is stricter."""


class KnowledgeConfigParam(TypedDict, total=False):
    """How the knowledge bases named in `know_ids` are used."""

    control_level: Literal["normal", "high"]
    """How closely the reply follows knowledge-base content: `normal` uses it as ordinary reference
    material, `high` keeps the reply as close to it as possible (choose this to discourage the
    model from going beyond the knowledge base).

    Default: `"normal"` (applied by the server)."""
    knowledge_base_result: bool
    """When true, the response includes the knowledge-base passages retrieved for this request.

    Default: `false` (applied by the server)."""
    knowledge_base_configs: Sequence[KnowledgeBaseConfigParam | KnowledgeBaseConfig]
    """Per-knowledge-base retrieval settings."""


class PluginsParam(TypedDict, total=False):
    """Optional tools the model may use for this request. Some models do not accept them (see the
    provider's model list)."""

    web_search: WebSearchOptionsParam | WebSearchOptions
    associated_knowledge: AssociatedKnowledgeParam | AssociatedKnowledge


class TokenPlanChatCompletionRequestParam(TypedDict, total=False):
    """Parameters of a Token Plan chat generation. The gateway refuses members it does not know
    (see NORMALIZATION.md), so only these are accepted."""

    model: Required[str]
    """ID of the model to use, e.g. `sensenova-6.7-flash-lite`."""
    messages: Required[Sequence[TokenPlanMessageParam | TokenPlanMessage]]
    """The conversation so far, oldest turn first. The service keeps no history, so every call
    carries the full context; long histories raise `prompt_tokens`, so summarise or cut them.
    Put a previous reply back as its `content` only."""
    max_tokens: int
    """Upper bound on the tokens generated, reasoning included. Nothing caps the prompt plus the
    reply except the model's context window."""
    stream: bool
    """When true, the response is a server-sent event stream of `TokenPlanChatCompletionChunk`
    events closed by `[DONE]`, instead of one JSON document."""
    temperature: float
    """Sampling temperature: higher values make the output more varied. The provider recommends 1.0
    in thinking mode (0.6 for precise coding) and 0.7 for general instruct tasks."""
    top_p: float
    """Nucleus sampling: tokens are drawn from the smallest set whose cumulative probability
    reaches this value. Recommended: 0.95 in thinking mode, 0.8 or 1.0 in instruct mode."""
    top_k: int
    """Tokens are drawn from the k most likely ones only. Recommended: 20 (40 for reasoning tasks
    in instruct mode)."""
    min_p: float
    """Drops tokens whose probability is below this fraction of the most likely token's.
    Recommended: 0.0 in every mode."""
    presence_penalty: float
    """Penalty on tokens that already appeared, pushing the model toward new content. Recommended:
    1.5 for general tasks, 0.0 for precise coding, 2.0 for reasoning in instruct mode."""
    repetition_penalty: float
    """Multiplicative penalty on repeated tokens; 1.0 leaves the output unchanged, which is the
    recommended value in every mode."""


class TokenPlanImagePartParam(TypedDict, total=False):
    """An image in a message's content; several may follow one another in one message."""

    type: Required[Literal["image_url"]]
    """Always `image_url`."""
    image_url: Required[TokenPlanImageUrlParam | TokenPlanImageUrl]


class TokenPlanImageUrlParam(TypedDict, total=False):
    """Where the image comes from."""

    url: Required[str]
    """An `http(s)` URL that the service downloads without credentials (if it cannot, the request
    fails with an `image down failed` error), or a data URL with the image inline:
    `data:image/png;base64,<base64>`. Common formats (PNG, JPEG, ...) are accepted; a long edge
    of at most 2048 px saves tokens and time, and a URL keeps a large image out of the request
    body."""


class TokenPlanMessageParam(TypedDict, total=False):
    """One turn of the conversation. There is no `reasoning` member: a previous reply goes back
    into the history as its `content` only."""

    role: Required[ChatRoleParam]
    content: Required[str | Sequence[TokenPlanContentPartParam]]
    """Text of the turn, or a list of content parts: text and images (images in user turns)."""


class TokenPlanTextPartParam(TypedDict, total=False):
    """A piece of text in a message's content."""

    type: Required[Literal["text"]]
    """Always `text`."""
    text: Required[str]
    """The text."""


class WebSearchOptionsParam(TypedDict, total=False):
    """Settings of the web-search plugin."""

    search_enable: bool
    """When true, the model may decide on its own to search the web for this request.

    Default: `false` (applied by the server)."""
    result_enable: bool
    """When true, the response lists the web pages the search returned.

    Default: `false` (applied by the server)."""
