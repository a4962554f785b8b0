"""Shared fixtures. `emulator`: one provider emulator per test session (per xdist worker)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.emulator import Emulator


@pytest.fixture(scope="session")
def emulator() -> Iterator[Emulator]:
    """A running emulator on a free loopback port; see tests/emulator/README.md.

    Its `requests` and `streams` records accumulate over the session: match a stream by the
    unique `id=...` you put in the fault header (or an `X-Emulator-Tag` header), e.g.
    `emulator.wait_for_stream("id=my-test")`.
    """
    with Emulator() as running:
        yield running
