"""Shared fixtures. `emulator`: one provider emulator per test session (per xdist worker).
`json_parser`: runs a test once with each stream event parser (msgspec, the default, and the
pure json path). `anyio_backend`: the event loops that `@pytest.mark.anyio` tests run on."""

from __future__ import annotations

import importlib
import importlib.util
import sys
from collections.abc import Iterator

import pytest

from codegen.providers import load_providers
from emulator import Emulator

# Each generated project is importable from where it is generated (ahead of an installed copy),
# so a provider added to codegen/providers.toml needs no list of paths kept by hand.
PACKAGE_NAMES: list[str] = []
for _provider in load_providers().values():
    if str(_provider.project_dir) not in sys.path:
        sys.path.insert(0, str(_provider.project_dir))
    PACKAGE_NAMES.append(_provider.package)


@pytest.fixture(scope="session")
def emulator() -> Iterator[Emulator]:
    """A running emulator on a free loopback port; see emulator/README.md.

    Its `requests` and `streams` records accumulate over the session: match a stream by the
    unique `id=...` you put in the fault header (or an `X-Emulator-Tag` header), e.g.
    `emulator.wait_for_stream("id=my-test")`.
    """
    with Emulator() as running:
        yield running


@pytest.fixture(params=["msgspec", "json"])
def json_parser(request: pytest.FixtureRequest) -> Iterator[str]:
    """Every package parses stream events with msgspec (speedups on, the default) or json (the pure
    path) for the test, then goes back to what it had."""
    modules = [importlib.import_module(f"{name}.speedups") for name in PACKAGE_NAMES]
    before = [module.enabled() for module in modules]
    try:
        for module in modules:
            module.set_enabled(request.param == "msgspec")
        yield request.param
    finally:
        for module, was in zip(modules, before, strict=True):
            module.set_enabled(was)


@pytest.fixture(scope="module", params=["asyncio", *(["trio"] if importlib.util.find_spec("trio") else [])])
def anyio_backend(request: pytest.FixtureRequest) -> str:
    """asyncio, and trio where it is installed (it is not in requirements.lock). The fixture of
    anyio 4.10.0, the clients' floor, lists trio even when it is missing (newer ones list only what
    is installed), and those runs fail with ModuleNotFoundError: the suite must pass at the floor
    (see codegen/project_templates/pyproject.toml.jinja)."""
    return str(request.param)
