"""The bytes the benchmark server sends, rendered once and shared by the server and the harness.

One route per operation of the specs (but NOT_BENCHED), in the two wire formats: SenseNova frames
(``data:{...}`` without a space, payload wrapped in ``{"data": ..., "status": ...}``) and
OpenAI-style frames (``data: {...}``). Events follow the shapes of tests/fixtures/*/stream.sse,
with varying token text (CJK, emoji, escapes) and counters so no two events are the same bytes.
"""

from __future__ import annotations

import functools
import itertools
import json
from dataclasses import dataclass
from typing import Any

from bench import ROOT
from tests.cases import KEYS, OPERATIONS, OperationCase, main_operation
from tests.specs import stream_extension

# Token texts the streams cycle through: multi-byte UTF-8 (split across writes in "split" mode),
# a 4-byte emoji, JSON escapes and plain ASCII.
TOKENS = ["你好", "，", "我是", "一个", " language", " model", "。", "\n", "😀", ' "quoted"', "Ω", " the"]
_TOKENS_JSON = [json.dumps(t, ensure_ascii=False) for t in TOKENS]

# Width of the "id" value: the first event of a "pause" stream carries the server's
# time.monotonic_ns() there instead (see stamped_id / stamp_of).
ID_WIDTH = 24
PLAIN_ID = "bench-" + "0" * (ID_WIDTH - 6)


def stamped_id(ns: int) -> str:
    return f"t{ns:0{ID_WIDTH - 1}d}"


def stamp_of(event_id: str) -> int:
    """Server monotonic_ns stamped into the first event of a "pause" stream."""
    if not event_id.startswith("t"):
        raise ValueError(f"event id {event_id!r} carries no stamp")
    return int(event_id[1:])


@dataclass(frozen=True)
class Route:
    key: str  # short name used in tables and JSON
    provider: str  # generated/<provider>
    package: str  # its import package
    path: str  # the provider's path (the server matches on it)
    wire: str  # "sensenova" (data: without space) or "openai" (data: with a space)
    module: str  # generated operation module
    request_model: str  # model class in <package>.models for the request body
    body: dict[str, Any]  # request body (without "stream")
    openai_prefix: str | None  # OpenAI SDK base_url path for this route; None: not OpenAI-compatible
    openai_kind: str | None  # "chat" or "completions"
    event_template: str  # %-template of one event's JSON: id, tok, fr, i, t
    first_template: str  # the first event (OpenAI chat: the delta carries the role)
    finish_empty: str  # the "fr" value of non-final events, already JSON-encoded where needed
    finish_last: str
    fixture: str  # tests/fixtures/<provider>/<operation>

    @property
    def prefix(self) -> bytes:
        return b"data:" if self.wire == "sensenova" else b"data: "

    def json_response(self) -> bytes:
        return _json_response(self.fixture)


_SN_CHAT = (
    '{"data":{"id":"%(id)s","choices":[{"delta":%(tok)s,"finish_reason":"%(fr)s","index":0,"role":"assistant"}],'
    '"knowledge_base_results":[],"plugins":{"web_search":{"online_search_count":0,"results":[]}},'
    '"usage":{"prompt_tokens":6,"knowledge_tokens":0,"completion_tokens":%(i)d,"total_tokens":%(t)d}},'
    '"status":{"code":0,"message":"ok"}}'
)
_SN_COMPLETION = (
    '{"data":{"id":"%(id)s","choices":[{"index":0,"delta":%(tok)s,"finish_reason":"%(fr)s"}],'
    '"usage":{"prompt_tokens":6,"completion_tokens":%(i)d,"total_tokens":%(t)d}},"status":{"code":0,"message":"ok"}}'
)
_LR_CHAT = (
    '{"id":"%(id)s","object":"chat.completion.chunk","created":1694268190,"model":"Qwen/Qwen2-7B-Instruct",'
    '"system_fingerprint":"fp_44709d6fcb","choices":[{"index":0,"delta":{"content":%(tok)s},"logprobs":null,'
    '"finish_reason":%(fr)s}]}'
)
_LR_CHAT_FIRST = _LR_CHAT.replace('{"content":', '{"role":"assistant","content":')
_ERON = (
    '{"id":"%(id)s","object":"text_completion","created":1589478378,"model":"gpt-3.5-turbo-instruct",'
    '"choices":[{"text":%(tok)s,"index":0,"logprobs":null,"finish_reason":%(fr)s}]}'
)
_PPI = (
    '{"id":"%(id)s","object":"text_completion","created":1718000000,"model":"meta-llama/llama-3.1-8b-instruct",'
    '"choices":[{"text":%(tok)s,"index":0,"logprobs":null,"finish_reason":%(fr)s}],"usage":null}'
)

_CHAT_BODY = {"messages": [{"role": "user", "content": "你好，请介绍一下你自己。"}], "temperature": 0.8, "top_p": 0.7}


@dataclass(frozen=True)
class Shape:
    """What the bench sends and answers on one operation: hand-made (the event templates), the
    rest of its Route comes from the spec (tests/cases.py)."""

    key: str
    body: dict[str, Any]
    event_template: str
    first_template: str
    finish_empty: str
    finish_last: str


# By operation ("<provider>-<operationId>"): every operation needs one, or a reason in NOT_BENCHED
# (tests/test_bench_smoke.py fails naming the missing).
SHAPES: dict[str, Shape] = {
    "sensenova-create_chat_completion": Shape(
        "sensenova-chat", {"model": "SenseChat-5", **_CHAT_BODY, "max_new_tokens": 1024}, _SN_CHAT, _SN_CHAT, "", "stop"
    ),
    "sensenova-create_completion": Shape(
        "sensenova-completion",
        {"model": "SenseChat", "prompt": "床前明月光，", "max_new_tokens": 1024, "temperature": 0.8},
        _SN_COMPLETION,
        _SN_COMPLETION,
        "",
        "stop",
    ),
    "lanrui-create_chat_completion": Shape(
        "lanrui-chat",
        {"model": "Qwen/Qwen2-7B-Instruct", **_CHAT_BODY, "max_tokens": 1024},
        _LR_CHAT,
        _LR_CHAT_FIRST,
        "null",
        '"stop"',
    ),
    "eronmind-create_completion": Shape(
        "eronmind-completion",
        {"model": "gpt-3.5-turbo-instruct", "prompt": "Say this is a test", "max_tokens": 1024},
        _ERON,
        _ERON,
        "null",
        '"length"',
    ),
    "ppinfra-create_completion": Shape(
        "ppinfra-completion",
        {"model": "meta-llama/llama-3.1-8b-instruct", "prompt": "Say this is a test", "max_tokens": 1024},
        _PPI,
        _PPI,
        "null",
        '"stop"',
    ),
}
# The server tells routes apart by path alone; these share theirs with a benched one.
NOT_BENCHED = {
    "sensenova-create_token_plan_chat_completion": "another host's /v1/chat/completions (lanrui-chat's path)"
}


def _route(case: OperationCase, shape: Shape) -> Route:
    openai = case.openai_route
    return Route(
        key=shape.key,
        provider=case.provider,
        package=case.package_name,
        path=case.spec.path,
        wire="openai" if stream_extension(case.spec)["data-prefix"] == "data: " else "sensenova",
        module=case.module_name,
        request_model=case.request_model_name,
        body=shape.body,
        openai_prefix=openai[0] if openai else None,
        openai_kind=openai[1] if openai else None,
        event_template=shape.event_template,
        first_template=shape.first_template,
        finish_empty=shape.finish_empty,
        finish_last=shape.finish_last,
        fixture=f"{case.provider}/{case.operation_id}",
    )


ROUTES: dict[str, Route] = {
    route.key: route for route in (_route(case, SHAPES[str(case)]) for case in OPERATIONS if str(case) in SHAPES)
}


def first_route_per_provider() -> list[Route]:
    """One route per provider, a chat one where it has one (tests/cases.py main_operation)."""
    by_operation = {f"{r.fixture.replace('/', '-')}": r for r in ROUTES.values()}
    return [by_operation[str(main_operation(key))] for key in KEYS]


ROUTE_BY_PATH = {r.path: r for r in ROUTES.values()}
# The two routes the headline numbers use, one per wire format.
MAIN_ROUTES = ("sensenova-chat", "lanrui-chat")


def event_bytes(route: Route, i: int, n: int, event_id: str = PLAIN_ID) -> bytes:
    """Event ``i`` (0-based) of an ``n``-event stream, framed: prefix, JSON, blank line."""
    template = route.first_template if i == 0 else route.event_template
    fields = {
        "id": event_id,
        "tok": _TOKENS_JSON[i % len(TOKENS)],
        "fr": route.finish_last if i == n - 1 else route.finish_empty,
        "i": i + 1,
        "t": i + 7,
    }
    return route.prefix + (template % fields).encode() + b"\n\n"


def terminator_bytes(route: Route) -> bytes:
    return route.prefix + b"[DONE]\n\n"


def expected_text(n: int) -> str:
    """The text a stream of ``n`` events carries (choice 0)."""
    return "".join(TOKENS[i % len(TOKENS)] for i in range(n))


@functools.lru_cache(maxsize=16)
def sse_body(route_key: str, n: int) -> bytes:
    """The whole event stream of ``n`` events plus the terminator, unframed (no HTTP chunking)."""
    route = ROUTES[route_key]
    return b"".join([*(event_bytes(route, i, n) for i in range(n)), terminator_bytes(route)])


def chunk(data: bytes) -> bytes:
    """One HTTP/1.1 chunk of a chunked body."""
    return b"%x\r\n%b\r\n" % (len(data), data)


LAST_CHUNK = b"0\r\n\r\n"


def split_points(frame: bytes) -> list[int]:
    """Awkward places to cut one event: inside "data:", right after the prefix, inside the first
    multi-byte UTF-8 character, mid-payload, and between the two LFs of the blank line."""
    cuts = {2, 5, 6, len(frame) // 2, len(frame) - 1}
    for pos, byte in enumerate(frame):
        if byte >= 0xC0:  # a UTF-8 lead byte: cut after it, inside the character
            cuts.add(pos + 1)
            break
    return sorted(c for c in cuts if 0 < c < len(frame))


def split_frame(frame: bytes) -> list[bytes]:
    points = [0, *split_points(frame), len(frame)]
    return [frame[a:b] for a, b in itertools.pairwise(points)]


@functools.lru_cache(maxsize=8)
def _json_response(fixture: str) -> bytes:
    path = ROOT / "tests" / "fixtures" / fixture / "response.json"
    return json.dumps(json.loads(path.read_text(encoding="utf-8")), ensure_ascii=False, separators=(",", ":")).encode()


def scenario_prefix(kind: str, n: int, mode: str) -> str:
    """URL path prefix that tells the server what to answer: /x/<kind>/<n>/<mode>.

    kind: "stream" or "json"; mode: "bulk" (large writes), "split" (every event cut into tiny
    HTTP chunks, one TCP write each), "pause" (first event split and stamped, then 300 ms pause).
    Clients put it into their base URL, so every client library reaches it unchanged.
    """
    return f"/x/{kind}/{n}/{mode}"
