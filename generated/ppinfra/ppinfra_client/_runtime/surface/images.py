"""`image_data_url()`: a `data:` URL from an image file or its bytes.

For a request member that may carry an image inline (a spec string marked `x-data-url: true`,
e.g. an image content part's `image_url.url`); the package root exports it where its spec has
one (codegen/surface.py). Nothing here names a provider.
"""

from __future__ import annotations

import base64
import mimetypes
import os
from pathlib import Path

__all__ = ["image_data_url"]

# The first bytes of the common image formats (a container format also names its brand).
_SIGNATURES: tuple[tuple[bytes, int, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", 0, "image/png"),
    (b"\xff\xd8\xff", 0, "image/jpeg"),
    (b"GIF87a", 0, "image/gif"),
    (b"GIF89a", 0, "image/gif"),
    (b"WEBP", 8, "image/webp"),  # after b"RIFF" and the size
    (b"BM", 0, "image/bmp"),
    (b"II*\x00", 0, "image/tiff"),
    (b"MM\x00*", 0, "image/tiff"),
    (b"ftypavif", 4, "image/avif"),
    (b"ftypheic", 4, "image/heic"),
    (b"ftypheix", 4, "image/heic"),
    (b"ftypmif1", 4, "image/heif"),
)


def image_data_url(image: str | os.PathLike[str] | bytes | bytearray | memoryview, mime_type: str | None = None) -> str:
    """`data:<type>;base64,<data>` for an image given as a file path or as its bytes.

    The type is `mime_type` if given, else the one the bytes' signature shows (PNG, JPEG, GIF,
    WebP, BMP, TIFF, AVIF, HEIC), else the one the file name suggests; a file is read once, and
    only once. Put the result where an image URL goes:
    `{"type": "image_url", "image_url": {"url": image_data_url("photo.png")}}`.

    Raises TypeError for anything but a path or bytes, ValueError when the type cannot be told
    (pass `mime_type=`), for an empty image, and for an `http(s)://` or `data:` URL (those go into
    the URL member as they are), and OSError when the file cannot be read.
    """
    if mime_type is not None and (not isinstance(mime_type, str) or "/" not in mime_type):
        raise ValueError(f"mime_type must be a media type such as 'image/png', got {mime_type!r}")
    if isinstance(image, bytes | bytearray | memoryview):
        data, name = bytes(image), None
    elif isinstance(image, str | os.PathLike):
        name = os.fspath(image)
        if not isinstance(name, str):
            raise TypeError("image_data_url() takes a file path as str or os.PathLike[str], or bytes")
        if name.lower().startswith(("http://", "https://", "data:")):
            raise ValueError(
                "image_data_url() makes a data URL from a file or bytes; an http(s) or data URL already "
                "goes into the image URL as it is"
            )
        data = Path(name).read_bytes()  # the one read
    else:
        raise TypeError(f"image_data_url() takes a file path or bytes, got {type(image).__name__}")
    if not data:
        raise ValueError(f"the image {'file ' + repr(name) if name else 'bytes'} is empty")
    kind = mime_type or _sniff(data) or (_by_name(name) if name else None)
    if kind is None:
        where = f"of the file {name!r}" if name else "of these bytes"
        raise ValueError(f"cannot tell the image type {where}; pass mime_type='image/...'")
    return f"data:{kind};base64,{base64.b64encode(data).decode('ascii')}"


def _sniff(data: bytes) -> str | None:
    for signature, offset, kind in _SIGNATURES:
        if data[offset : offset + len(signature)] == signature:
            if kind == "image/webp" and data[:4] != b"RIFF":
                continue
            return kind
    return None


def _by_name(name: str) -> str | None:
    kind, _ = mimetypes.guess_type(name, strict=False)
    return kind if kind and kind.startswith("image/") else None
