"""`sensenova_client.image_data_url()`: a data URL from a file path or bytes, the type from the
bytes' signature or the file name, the file read once (a FIFO, which can be read only once,
proves it); bad input is a clear TypeError/ValueError."""

from __future__ import annotations

import base64
import os
import threading
from pathlib import Path

import pytest
from sensenova_client import image_data_url

PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="
)
SIGNED = {
    "image/png": PNG,
    "image/jpeg": b"\xff\xd8\xff\xe0\x00\x10JFIF\x00",
    "image/gif": b"GIF89a\x01\x00\x01\x00",
    "image/webp": b"RIFF\x24\x00\x00\x00WEBPVP8 ",
    "image/bmp": b"BM6\x00\x00\x00",
    "image/heic": b"\x00\x00\x00\x18ftypheic\x00\x00",
}


def decoded(url: str) -> tuple[str, bytes]:
    head, _, data = url.partition(",")
    assert head.startswith("data:") and head.endswith(";base64")
    return head[len("data:") : -len(";base64")], base64.b64decode(data, validate=True)


@pytest.mark.parametrize("kind", SIGNED)
def test_bytes_give_the_type_their_signature_shows(kind: str) -> None:
    assert decoded(image_data_url(SIGNED[kind])) == (kind, SIGNED[kind])
    assert decoded(image_data_url(bytearray(SIGNED[kind])))[0] == kind
    assert decoded(image_data_url(memoryview(SIGNED[kind])))[0] == kind


def test_a_file_is_read_and_its_bytes_beat_its_name(tmp_path: Path) -> None:
    misnamed = tmp_path / "photo.jpg"
    misnamed.write_bytes(PNG)
    assert decoded(image_data_url(misnamed)) == ("image/png", PNG)
    assert decoded(image_data_url(str(misnamed))) == ("image/png", PNG)
    unsigned = tmp_path / "scan.svg"
    unsigned.write_bytes(b"<svg xmlns='http://www.w3.org/2000/svg'/>")
    assert decoded(image_data_url(unsigned))[0] == "image/svg+xml"  # no signature: the name says it
    assert decoded(image_data_url(PNG, mime_type="image/x-custom"))[0] == "image/x-custom"


def test_a_file_is_read_only_once(tmp_path: Path) -> None:
    fifo = tmp_path / "camera-feed"  # no suffix: the type must come from the bytes read
    os.mkfifo(fifo)

    def write_once() -> None:
        with open(fifo, "wb") as pipe:  # blocks until the helper opens it; a second open would hang
            pipe.write(PNG)

    writer = threading.Thread(target=write_once, daemon=True)
    writer.start()
    result: list[str] = []
    reader = threading.Thread(target=lambda: result.append(image_data_url(fifo)), daemon=True)
    reader.start()
    reader.join(timeout=5)
    assert not reader.is_alive(), "image_data_url opened the file more than once (or never returned)"
    assert decoded(result[0]) == ("image/png", PNG)


@pytest.mark.parametrize(
    ("image", "kwargs", "error", "message"),
    [
        (b"not an image", {}, ValueError, "cannot tell the image type of these bytes; pass mime_type="),
        (b"", {}, ValueError, "the image bytes is empty"),
        ("https://example.com/a.jpg", {}, ValueError, "an http(s) or data URL already goes into the image URL"),
        ("data:image/png;base64,AAAA", {}, ValueError, "an http(s) or data URL"),
        (12345, {}, TypeError, "takes a file path or bytes, got int"),
        (PNG, {"mime_type": "png"}, ValueError, "mime_type must be a media type such as 'image/png'"),
    ],
)
def test_bad_input_is_a_clear_error(image: object, kwargs: dict[str, str], error: type, message: str) -> None:
    with pytest.raises(error, match=message.replace("(", r"\(").replace(")", r"\)")):
        image_data_url(image, **kwargs)  # type: ignore[arg-type]


def test_a_file_of_unknown_type_is_named(tmp_path: Path) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("hello")
    with pytest.raises(ValueError, match=r"cannot tell the image type of the file '.*notes\.txt'"):
        image_data_url(notes)
    with pytest.raises(FileNotFoundError):
        image_data_url(tmp_path / "missing.png")
