"""sync()/asyncio() and their _detailed twins return one JSON answer. A body that asks for a
stream (`stream=True`, e.g. one built for stream() and reused) is sent with `"stream": false`
instead of failing on a streamed reply; the caller's body object is left as it was."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

from tests.client_cases import PACKAGES, body, make_client, operation, tagged, unique
from tests.specs import operation as spec_operation

VARIANTS = ("sync", "sync_detailed", "asyncio", "asyncio_detailed")


def _answer_model(provider: str) -> str:
    op = spec_operation(provider, operation(provider).__name__.rsplit(".", 1)[1])
    return str(op.raw["responses"]["200"]["content"]["application/json"]["schema"]["$ref"]).rsplit("/", 1)[1]


@pytest.mark.parametrize("variant", VARIANTS)
@pytest.mark.parametrize("provider", PACKAGES)
def test_a_body_asking_for_a_stream_gets_one_answer(emulator: Any, provider: str, variant: str) -> None:
    tag = unique(f"one-answer-{variant}")
    client = make_client(emulator, provider, tag=tag)
    request = body(provider)
    request.stream = True
    function = getattr(operation(provider), variant)
    result = function(client=client, body=request)
    if variant.startswith("asyncio"):
        result = asyncio.run(result)
    answer = result.parsed if variant.endswith("_detailed") else result
    assert type(answer).__name__ == _answer_model(provider)
    (sent,) = tagged(emulator, tag)
    assert sent.body["stream"] is False
    assert request.stream is True, "the caller's body must not change"


@pytest.mark.parametrize("provider", PACKAGES)
def test_a_body_without_stream_is_sent_as_the_caller_wrote_it(emulator: Any, provider: str) -> None:
    tag = unique("one-answer-unset")
    operation(provider).sync(client=make_client(emulator, provider, tag=tag), body=body(provider))
    (sent,) = tagged(emulator, tag)
    assert "stream" not in sent.body  # only the fields the caller set go out


@pytest.mark.parametrize("provider", PACKAGES)
def test_docstrings_say_which_call_streams(provider: str) -> None:
    module = operation(provider)
    for variant in VARIANTS:
        doc = getattr(module, variant).__doc__
        assert "`stream` set to true is sent as false" in doc and "stream()" in doc, variant
    assert "`stream` is sent as true" in module.stream.__doc__
