"""Turn generated choices into an operation's JSON answer, stream frames and error bodies.

The shapes follow the operation's schemas and `x-stream` (see dialect.py): where the choices
live, which member carries the text, whether frames carry a status object, how a pending
finish reason is written, where usage goes.
"""

from __future__ import annotations

import json
import time
import uuid
from collections.abc import Iterator
from typing import Any

from emulator.dialect import JSON, Operation, deref, variants
from emulator.generation import Choice, TokenLogprob, count_prompt_tokens, generate, options_for

ASSISTANT = "assistant"
FINGERPRINT = "fp_emulator"

# HTTP status -> OpenAI-style error type, string code, and the numeric (gRPC-style) code used by
# providers whose error code is an integer.
_ERROR_KINDS = {
    400: ("invalid_request_error", "invalid_request", 3),
    401: ("authentication_error", "invalid_api_key", 16),
    403: ("permission_error", "permission_denied", 7),
    404: ("not_found_error", "not_found", 5),
    408: ("timeout_error", "timeout", 4),
    409: ("conflict_error", "conflict", 10),
    413: ("invalid_request_error", "request_too_large", 3),
    415: ("invalid_request_error", "unsupported_media_type", 3),
    429: ("rate_limit_error", "rate_limit_exceeded", 8),
    500: ("server_error", "internal_error", 13),
    502: ("server_error", "bad_gateway", 14),
    503: ("server_error", "service_unavailable", 14),
    504: ("server_error", "gateway_timeout", 4),
}


def dumps(payload: Any) -> bytes:
    """Compact JSON, non-ASCII text as UTF-8 like the documents show (escaped if it has lone surrogates)."""
    text = json.dumps(payload, ensure_ascii=False, separators=(",", ":"))
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError:
        return json.dumps(payload, separators=(",", ":")).encode("ascii")


def set_path(target: JSON, path: tuple[str, ...], value: Any) -> None:
    for member in path[:-1]:
        target = target.setdefault(member, {})
    target[path[-1]] = value


# --- errors ------------------------------------------------------------------------------------


def error_detail(op: Operation, status: int, message: str, param: str | None = None) -> JSON:
    kind, word, number = _ERROR_KINDS.get(status, ("server_error" if status >= 500 else "api_error", None, None))
    props = op.error_detail_schema.get("properties", {})
    detail: JSON = {"message": message}
    if "code" in props:
        if op.numeric_error_codes:
            detail["code"] = number or status
        elif op.digit_string_error_codes:
            detail["code"] = str(number or status)
        else:
            detail["code"] = word or f"http_{status}"
    if "type" in props:
        detail["type"] = kind
    if "param" in props:
        detail["param"] = param
    if "details" in props:
        detail["details"] = [{"field": param}] if param else []
    return detail


def error_body(op: Operation, status: int, message: str, param: str | None = None) -> JSON:
    return {"error": error_detail(op, status, message, param)}


def stream_error_payload(op: Operation, message: str, status: int = 500) -> JSON:
    """An error reported inside a stream, where `x-stream.error` says it lives."""
    spec = op.error_spec
    if "ok-code" in spec:
        code = error_detail(op, status, message).get("code", status)
        code = code if code != spec["ok-code"] else status
        return {spec["field"]: {spec["code"]: code, spec["message"]: message}}
    return {spec["field"]: error_detail(op, status, message)}


# --- shared pieces -----------------------------------------------------------------------------


class Reply:
    """Everything needed to answer one request: the choices and the request's bookkeeping."""

    def __init__(self, op: Operation, request: JSON, request_id: str | None = None) -> None:
        self.op = op
        self.request = request
        self.choices: list[Choice] = generate(request, options_for(op))
        self.id = f"emu-{uuid.uuid4().hex[:16]}"
        self.request_id = request_id or f"req-{uuid.uuid4().hex}"  # the id of the request id header
        self.created = int(time.time())

    # usage -----------------------------------------------------------------------------------

    @property
    def prompt_tokens(self) -> int:
        if self.op.is_chat:
            total = sum(count_prompt_tokens(m.get("content", "")) for m in self.request.get("messages", []))
        else:
            total = count_prompt_tokens(self.request.get("prompt", ""))
        knowledge = (self.request.get("plugins") or {}).get("associated_knowledge") or {}
        return total + count_prompt_tokens(knowledge.get("content", ""))

    @property
    def knowledge_tokens(self) -> int:
        return 2 * len(self.request.get("know_ids") or [])

    def usage(self, completion_tokens: int | None = None) -> JSON:
        done = sum(c.completion_tokens for c in self.choices) if completion_tokens is None else completion_tokens
        usage_props = self._usage_schema_props()
        usage: JSON = {"prompt_tokens": self.prompt_tokens}
        # knowledge tokens only where the request can name knowledge bases
        counts_knowledge = "knowledge_tokens" in usage_props and "know_ids" in self.op.request_properties
        extra = self.knowledge_tokens if counts_knowledge else 0
        if counts_knowledge:
            usage["knowledge_tokens"] = extra
        usage["completion_tokens"] = done
        usage["total_tokens"] = self.prompt_tokens + extra + done
        for name, prop in usage_props.items():  # breakdowns (`prompt_tokens_details`): all zero here
            details = deref(self.op.spec, prop)
            if details.get("type") == "object" and details.get("properties"):
                usage[name] = {member: 0 for member in details["properties"]}
        return usage

    def _usage_schema_props(self) -> JSON:
        prop = self.op.answer_data_schema["properties"].get("usage", {})
        for schema in variants(self.op.spec, prop):
            if "properties" in schema:
                return deref(self.op.spec, schema)["properties"]
        return {}

    # extras (knowledge bases, plugins) ---------------------------------------------------------

    def extras(self, final: bool) -> JSON:
        """The gathered extras of the operation, filled in (final) or empty (earlier frames)."""
        out: JSON = {}
        for path in self.op.extras or self._answer_extras():
            name = path[-1]
            if name == "knowledge_base_results":
                out[name] = self._knowledge_results() if final else []
            elif name == "plugins":
                out[name] = self._plugins(final)
        return out

    def _answer_extras(self) -> list[tuple[str, ...]]:
        props = self.op.answer_data_schema["properties"]
        return [(n,) for n in ("knowledge_base_results", "plugins") if n in props]

    def _knowledge_results(self) -> list[JSON]:
        config = self.request.get("knowledge_config") or {}
        if not config.get("knowledge_base_result"):
            return []
        return [
            {
                "know_id": know_id,
                "results": [{"score": round(0.9 - 0.1 * i, 2), "result": f"Passage {i + 1} of {know_id}"}],
            }
            for i, know_id in enumerate(self.request.get("know_ids") or [])
        ]

    def _plugins(self, final: bool) -> JSON:
        search = (self.request.get("plugins") or {}).get("web_search") or {}
        if not search.get("search_enable"):
            return {}
        usage: JSON = {"online_search_count": 1 if final else 0}
        if search.get("result_enable"):
            usage["results"] = [_web_result(self.choices, self.request)] if final else []
        return {"web_search": usage}

    # envelope ----------------------------------------------------------------------------------

    def wrap(self, inner: JSON, schema: JSON, extras: JSON) -> JSON:
        """Add the response's identifying members and put it in the operation's envelope."""
        top = self.op.response_schema if schema is self.op.answer_data_schema else self.op.chunk_schema
        data: JSON = {"id": self.id} if "id" in schema.get("properties", {}) else {}
        data |= self._openai_meta(top)
        data |= inner | extras
        for member in reversed(self.op.envelope):
            data = {member: data}
        if self.op.status_field:
            spec = self.op.error_spec
            data[self.op.status_field] = {spec["code"]: spec["ok-code"], spec["message"]: "ok"}
        return data

    def _openai_meta(self, top: JSON) -> JSON:
        if self.op.envelope:
            return {}
        props = top.get("properties", {})
        meta: JSON = {}
        if "object" in props:
            meta["object"] = self.op.object_value(top)
        if "created" in props:
            meta["created"] = self.created
        if "request_id" in props:
            meta["request_id"] = self.request_id
        if "model" in props:
            meta["model"] = self.request.get("model", "")
        if "system_fingerprint" in props:
            meta["system_fingerprint"] = FINGERPRINT
        return meta


def _web_result(choices: list[Choice], request: JSON) -> JSON:
    return {
        "index": 1,
        "url": "https://emulator.invalid/search/1",
        "url_source": "emulator",
        "title": f"Search result for {request.get('model', '')}",
        "icon": "https://emulator.invalid/icon.png",
    }


def logprobs_object(items: list[TokenLogprob]) -> JSON:
    return {
        "tokens": [i.token for i in items],
        "token_logprobs": [i.logprob for i in items],
        "top_logprobs": [i.top for i in items],
        "text_offset": [i.offset for i in items],
    }


# --- the JSON answer ---------------------------------------------------------------------------


def answer(reply: Reply) -> JSON:
    op = reply.op
    choice_props = op.answer_choice_schema["properties"]
    choices = []
    for c in reply.choices:
        item: JSON = {"index": c.index}
        if op.answer_text_member == "message" and op.message_is_object:
            item["message"] = {"role": ASSISTANT, "content": c.text}
            if "reasoning" in op.reply_message_members and c.reasoning_tokens:
                item["message"]["reasoning"] = c.reasoning
        elif op.answer_text_member == "message":
            item["message"] = c.text
        else:
            item["text"] = c.text
        if "role" in choice_props:
            item["role"] = ASSISTANT
        if "logprobs" in choice_props:
            item["logprobs"] = logprobs_object(c.logprobs) if c.logprobs is not None else None
        item["finish_reason"] = c.finish_reason
        choices.append(item)
    inner = {"choices": choices, "usage": reply.usage()}
    return reply.wrap(inner, op.answer_data_schema, reply.extras(final=True))


# --- the stream --------------------------------------------------------------------------------


def _chunk_choice(
    reply: Reply, choice: Choice, piece: str | None, finish: bool, position: int, reasoning: bool = False
) -> JSON:
    op = reply.op
    props = op.chunk_choice_schema["properties"]
    item: JSON = {}
    set_path(item, op.gather("index"), choice.index)
    text_path = op.gather("text")
    if piece is None:  # the opening event of a chat delta: the role, no text yet
        set_path(item, text_path[:-1], {"role": ASSISTANT, text_path[-1]: ""})
    elif finish and len(text_path) > 1:
        set_path(item, text_path[:-1], {})  # the closing delta is empty
    elif reasoning:
        set_path(item, op.reasoning_path, piece)
    else:
        set_path(item, text_path, piece)
    if "role" in props:
        item["role"] = ASSISTANT
    if "logprobs" in props:
        lps = choice.logprobs
        shown = lps and not finish and not reasoning
        item["logprobs"] = logprobs_object(lps[position : position + 1]) if shown else None
    set_path(item, op.gather("finish-reason"), choice.finish_reason if finish else op.pending_finish_reason)
    return item


def _opens_with_role(op: Operation) -> bool:
    text_path = op.gather("text")
    if len(text_path) < 2:
        return False
    delta = op.chunk_choice_schema["properties"].get(text_path[0], {})
    return "role" in deref(op.spec, delta).get("properties", {})


def choice_events(reply: Reply) -> Iterator[JSON]:
    """Per-choice stream parts in wire order: choices interleaved round by round, a reasoning
    model's reasoning first (in the spec's `gather.reasoning` member), then the text."""
    if _opens_with_role(reply.op):
        for c in reply.choices:
            yield _chunk_choice(reply, c, None, False, 0)
    thinking = max((len(c.reasoning_tokens) for c in reply.choices), default=0)
    for position in range(thinking):
        for c in reply.choices:
            if position < len(c.reasoning_tokens):
                yield _chunk_choice(reply, c, c.reasoning_tokens[position], False, position, reasoning=True)
    longest = max((len(c.tokens) for c in reply.choices), default=0)
    for position in range(longest + 1):
        for c in reply.choices:
            if position < len(c.tokens):
                yield _chunk_choice(reply, c, c.tokens[position], False, position)
            elif position == len(c.tokens):
                yield _chunk_choice(reply, c, "", True, position)


def frames(reply: Reply) -> Iterator[JSON]:
    """Every stream payload of a successful answer (without the terminator)."""
    op = reply.op
    asked = bool((reply.request.get("stream_options") or {}).get("include_usage")) and op.has_stream_options
    parts = list(choice_events(reply))
    emitted = 0
    for number, part in enumerate(parts):
        final = number == len(parts) - 1
        if _is_text(op, part):
            emitted += 1
        inner: JSON = {"choices": [part]}
        if op.usage_in_every_frame:
            inner["usage"] = reply.usage(emitted)
        elif asked:
            inner["usage"] = None
        yield reply.wrap(inner, op.chunk_data_schema, reply.extras(final) if op.extras else {})
    if asked or op.usage_in_final_event:  # the usage-only event before the terminator
        yield reply.wrap({"choices": [], "usage": reply.usage()}, op.chunk_data_schema, {})


def get_path(value: Any, path: tuple[str, ...]) -> Any:
    for member in path:
        value = value.get(member) if isinstance(value, dict) else None
    return value


def _is_text(op: Operation, part: JSON) -> bool:
    """Whether a choice part carries a generated token, reasoning included (not an opener or a
    closing part)."""
    text = get_path(part, op.gather("text")) or (get_path(part, op.reasoning_path) if op.reasoning_path else None)
    return bool(text) and get_path(part, op.gather("finish-reason")) == op.pending_finish_reason


def encode_event(op: Operation, payload: JSON | str) -> bytes:
    data = payload.encode() if isinstance(payload, str) else dumps(payload)
    return op.data_prefix.encode() + data + b"\n\n"


def terminator(op: Operation) -> bytes:
    return encode_event(op, op.terminator)
