"""Contains some shared types for properties"""

from collections.abc import Mapping, MutableMapping
from http import HTTPStatus
from typing import IO, BinaryIO, Generic, Literal, TypeVar


class Unset:
    def __bool__(self) -> Literal[False]:
        return False


UNSET: Unset = Unset()

# The types that `httpx.Client(files=)` can accept, copied from that library.
FileContent = IO[bytes] | bytes | str
FileTypes = (
    # (filename, file (or bytes), content_type)
    tuple[str | None, FileContent, str | None]
    # (filename, file (or bytes), content_type, headers)
    | tuple[str | None, FileContent, str | None, Mapping[str, str]]
)
RequestFiles = list[tuple[str, FileTypes]]


def _repr(value: object) -> str:
    fields = ", ".join(f"{name}={getattr(value, name)!r}" for name in type(value).__match_args__)  # type: ignore[attr-defined]
    return f"{type(value).__name__}({fields})"


def _eq(value: object, other: object) -> bool:
    names = type(value).__match_args__  # type: ignore[attr-defined]
    return all(getattr(value, name) == getattr(other, name) for name in names)


class File:
    """Contains information for file uploads"""

    __match_args__ = ("payload", "file_name", "mime_type")
    __slots__ = (*__match_args__, "__weakref__")

    def __init__(self, payload: BinaryIO, file_name: str | None = None, mime_type: str | None = None) -> None:
        self.payload = payload
        self.file_name = file_name
        self.mime_type = mime_type

    def to_tuple(self) -> FileTypes:
        """Return a tuple representation that httpx will accept for multipart/form-data"""
        return self.file_name, self.payload, self.mime_type

    def __repr__(self) -> str:
        return _repr(self)

    def __eq__(self, other: object) -> bool:
        return _eq(self, other) if type(other) is type(self) else NotImplemented

    __hash__ = None  # type: ignore[assignment]  # mutable and compared by value, as attrs made it


T = TypeVar("T")


class Response(Generic[T]):
    """A response from an endpoint"""

    __match_args__ = ("status_code", "content", "headers", "parsed")
    __slots__ = (*__match_args__, "__weakref__")

    def __init__(
        self, status_code: HTTPStatus, content: bytes, headers: MutableMapping[str, str], parsed: T | None
    ) -> None:
        self.status_code = status_code
        self.content = content
        self.headers = headers
        self.parsed = parsed

    def __repr__(self) -> str:
        return _repr(self)

    def __eq__(self, other: object) -> bool:
        return _eq(self, other) if type(other) is type(self) else NotImplemented

    __hash__ = None  # type: ignore[assignment]


__all__ = ["UNSET", "File", "FileTypes", "RequestFiles", "Response", "Unset"]
