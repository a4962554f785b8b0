"""Typed SSE streams for the generated operations (placeholder: the contract only)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from .sse import ServerSentEvent, aiter_sse, iter_sse

T = TypeVar("T")


@dataclass(frozen=True)
class StreamFormat(Generic[T]):
    """One operation's stream facts, rendered from its spec's x-stream extension."""

    event_model: Any
    result_model: Any
    terminator: str
    error_field: str
    error_ok_code: Any
    error_code_key: str
    error_message_key: str
    choices_path: tuple[str, ...]
    index_path: tuple[str, ...]
    text_path: tuple[str, ...]
    finish_reason_path: tuple[str, ...]
    usage_path: tuple[str, ...]
    extras_paths: tuple[tuple[str, ...], ...]


class Stream(Generic[T]):
    def __init__(self, client: Any, kwargs: dict[str, Any], fmt: StreamFormat[T], **options: Any) -> None:
        raise NotImplementedError


class AsyncStream(Generic[T]):
    def __init__(self, client: Any, kwargs: dict[str, Any], fmt: StreamFormat[T], **options: Any) -> None:
        raise NotImplementedError


__all__ = ["AsyncStream", "ServerSentEvent", "Stream", "StreamFormat", "aiter_sse", "iter_sse"]
