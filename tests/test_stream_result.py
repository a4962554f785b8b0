"""What until_done() gathers beyond text: per-choice logprobs, the last event's own members, types.

Logprobs are checked against the emulator's oracle (the same tokens and log-probabilities a
non-streamed answer carries); a raw server adds a member no spec names to the last event; and
mypy --strict reads user code to prove the gathered values are typed by the operation's models.
"""

from __future__ import annotations

import importlib
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from emulator import Emulator
from tests.specs import stream_extension
from tests.test_streaming import CASES, Case, by_case, by_mode, consume, make_client, new_tag

ROOT = Path(__file__).resolve().parent.parent
# The legacy completions whose events carry logprobs (the spec's x-stream gathers them).
WITH_LOGPROBS = [
    c for c in CASES if c.method == "completions.create" and "logprobs" in stream_extension(c.spec)["gather"]
]
HEAD = b"HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n\r\n"


def chunked(data: bytes) -> bytes:
    return b"%x\r\n%s\r\n" % (len(data), data)


@by_case(WITH_LOGPROBS)
@by_mode
def test_until_done_gathers_each_choices_logprobs(emulator: Emulator, case: Case, mode: str) -> None:
    out = consume(mode, case, make_client(emulator, case, new_tag()), case.body(logprobs=2, n=2))
    assert out.error is None, repr(out.error)
    predicted = case.predicted(logprobs=2, n=2)
    assert [c.index for c in out.result.choices] == [p.index for p in predicted] == [0, 1]
    for choice, expected in zip(out.result.choices, predicted, strict=True):
        logprobs = choice.logprobs
        assert isinstance(logprobs, case.package.models.CompletionLogprobs)
        assert logprobs.tokens == [lp.token for lp in expected.logprobs]
        assert logprobs.token_logprobs == [lp.logprob for lp in expected.logprobs]
        assert len(logprobs.to_dict()["top_logprobs"]) == len(expected.logprobs)


@by_case(WITH_LOGPROBS)
def test_no_logprobs_unless_asked(emulator: Emulator, case: Case) -> None:
    out = consume("sync", case, make_client(emulator, case, new_tag()), case.body())
    assert out.error is None and all(c.logprobs is None for c in out.result.choices)


def chunk(payload: dict[str, Any]) -> bytes:
    return chunked(b"data: " + json.dumps(payload).encode() + b"\n\n")


@by_mode
def test_until_done_keeps_the_provider_members_of_the_last_event(mode: str) -> None:
    """llama.cpp's server, for one, adds `timings` to its last chunk; no spec names it."""
    import socket
    import threading

    import lanrui_client
    from lanrui_client.api.chat import create_chat_completion as chat
    from lanrui_client.models import ChatCompletionRequest

    base = {"id": "c", "object": "chat.completion.chunk", "created": 1, "model": "m"}
    body = (
        chunk({**base, "choices": [{"index": 0, "delta": {"content": "Hi"}, "finish_reason": None}]})
        + chunk({**base, "choices": [{"index": 0, "delta": {}, "finish_reason": "stop"}], "timings": {"n": 2}})
        + chunked(b"data: [DONE]\n\n")
        + b"0\r\n\r\n"
    )
    listener = socket.create_server(("127.0.0.1", 0))

    def serve() -> None:
        conn, _ = listener.accept()
        with conn:
            conn.recv(65536)
            conn.sendall(HEAD + body)
            conn.recv(1)  # until the client closes

    threading.Thread(target=serve, daemon=True).start()
    client = lanrui_client.AuthenticatedClient(
        token="sk-test", base_url=f"http://127.0.0.1:{listener.getsockname()[1]}", max_retries=0, timeout=5
    )
    request = ChatCompletionRequest.from_dict({"model": "m", "messages": [{"role": "user", "content": "hi"}]})
    try:
        if mode == "sync":
            with client:
                result = chat.stream(client=client, body=request).until_done()
        else:
            import asyncio

            async def main() -> Any:
                async with client:
                    return await chat.astream(client=client, body=request).until_done()

            result = asyncio.run(main())
    finally:
        listener.close()
    assert result.text == "Hi" and result.finish_reason == "stop"
    assert result.additional_properties == {"timings": {"n": 2}}


USER_CODE = """
from sensenova_client.api.chat import create_chat_completion
from sensenova_client.client import AuthenticatedClient
from sensenova_client.errors import IncompleteStreamError, NotAStreamError
from sensenova_client.models import ChatCompletionRequest
from eronmind_client.api.completions import create_completion
from eronmind_client.client import AuthenticatedClient as EronmindClient
from eronmind_client.models import CompletionRequest


def sensenova(client: AuthenticatedClient, body: ChatCompletionRequest) -> int:
    try:
        result = create_chat_completion.stream(client=client, body=body).until_done()
    except NotAStreamError as exc:
        reveal_type(exc.result)
        return 0
    except IncompleteStreamError as exc:
        reveal_type(exc.events)
        return 0
    reveal_type(result.usage)
    plugins = result.extras.get("plugins")
    reveal_type(plugins)
    return 0 if result.usage is None else result.usage.total_tokens or 0


async def eronmind(client: EronmindClient, body: CompletionRequest) -> list[str]:
    result = await create_completion.astream(client=client, body=body).until_done()
    logprobs = result.choices[0].logprobs
    reveal_type(logprobs)
    return [] if logprobs is None or logprobs.tokens is None else logprobs.tokens
"""


def test_gathered_values_are_typed_by_the_operations_models(tmp_path: Path) -> None:
    (tmp_path / "user.py").write_text(USER_CODE, encoding="utf-8")
    path = ":".join(str(ROOT / "generated" / p) for p in ("sensenova", "eronmind"))
    run = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", "user.py"],
        cwd=tmp_path,
        env={"MYPYPATH": path, "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        check=False,
    )
    revealed = [line.split("Revealed type is ", 1)[1] for line in run.stdout.splitlines() if "Revealed type" in line]
    assert revealed == [
        '"object"',
        '"list[object]"',
        '"sensenova_client.models.usage.Usage | None"',
        '"sensenova_client.models.plugins_usage.PluginsUsage | None"',
        '"eronmind_client.models.completion_logprobs.CompletionLogprobs | None"',
    ], run.stdout
    assert "error" not in run.stdout, run.stdout
    assert "Any" not in run.stdout


@pytest.mark.parametrize("case", CASES, ids=str)
def test_every_stream_operation_names_its_result_type(case: Case) -> None:
    result_name = case.result_model.__name__ + "StreamResult"
    assert getattr(case.module, result_name).__origin__ is case.package.StreamResult


def test_usage_and_extras_are_read_along_the_rendered_attribute_names() -> None:
    """The typed value is read along the names the generator rendered (SenseNova's data.usage and
    extras); a name that is not there raises instead of handing back the raw JSON."""
    import dataclasses

    from sensenova_client.api.chat import create_chat_completion as op
    from sensenova_client.models.chat_completion_chunk import ChatCompletionChunk

    fmt = op._STREAM_FORMAT
    assert fmt.usage_attrs == ("data", "usage")
    assert fmt.extras_attrs == (("data", "knowledge_base_results"), ("data", "plugins"))
    frame = {
        "data": {
            "id": "x",
            "choices": [{"index": 0, "role": "assistant", "delta": "hi", "finish_reason": "stop"}],
            "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2},
        },
        "status": {"code": 0, "message": "ok"},
    }
    fold = importlib.import_module("sensenova_client._runtime.streams.fold")
    gatherer = fold.Gatherer(fmt)
    gatherer.add(ChatCompletionChunk.from_dict(frame))
    usage = gatherer.result().usage
    assert type(usage).__name__ == "Usage" and usage.total_tokens == 2
    broken = fold.Gatherer(dataclasses.replace(fmt, usage_attrs=("data", "usage_")))
    with pytest.raises(AttributeError, match="usage_"):
        broken.add(ChatCompletionChunk.from_dict(frame))
