"""The HTTP library the package runs on: httpx2, the maintained continuation of httpx.

httpx2 has httpx's API under another import name, so an object made with the old `httpx` (or its
`httpcore`) looks right and fails late and obscurely: an `httpx.Client` given to
`set_httpx_client` has no retries or auth of ours and a pool of its own, an `httpx.Timeout` is
not an `httpx2.Timeout`, an `httpx` transport is handed `httpx2.Request`s. Every place that takes
an HTTP-library object from the user checks it here first and refuses an old one, before any
request, with a TypeError that says what to write instead.
"""

from __future__ import annotations

__all__ = ["refuse_old_httpx"]

_OLD_LIBRARIES = {"httpx": "httpx2", "httpcore": "httpcore2"}


def refuse_old_httpx(value: object, name: str) -> None:
    """A TypeError naming `name` if value is an object of the old httpx or httpcore, or a dict
    (httpx_args' `mounts`) or list holding one."""
    if isinstance(value, dict):
        for key, item in value.items():
            refuse_old_httpx(item, f"{name}[{key!r}]")
        return
    if isinstance(value, (list, tuple)):
        for index, item in enumerate(value):
            refuse_old_httpx(item, f"{name}[{index}]")
        return
    module = type(value).__module__.partition(".")[0]
    new = _OLD_LIBRARIES.get(module)
    if new is not None:
        kind = f"{module}.{type(value).__name__}"
        raise TypeError(
            f"{name} is an object of `{module}` ({kind}); this package runs on `{new}`, the maintained "
            f"continuation of httpx, with the same API: build it with `import {new}` instead "
            f"(e.g. {new}.{type(value).__name__}(...))"
        )
