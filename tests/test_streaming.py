"""Streaming against the provider emulator over real loopback HTTP, sync and async, all five operations.

Each test runs once per operation and mode. The expected text comes from the emulator's own
oracle (emulator/generation.py), the expected event types from the spec's `itemSchema`,
and the fixtures' documented text is written out here by hand.
"""

from __future__ import annotations

import asyncio
import uuid
from dataclasses import dataclass, field
from typing import Any

import attrs
import httpx2
import pytest

from emulator import Emulator
from emulator.generation import predict
from tests.cases import OPERATIONS, OperationCase

# Every test here runs with each stream event parser (msgspec, the default; json, the pure path).
pytestmark = pytest.mark.usefixtures("json_parser")


@dataclass(frozen=True)
class Case(OperationCase):
    """An operation (tests/cases.py) called with its smallest request body."""

    @property
    def request(self) -> dict[str, Any]:
        return self.minimal

    def body(self, **extra: Any) -> Any:
        return self.request_model.from_dict({**self.request, **extra})

    def predicted(self, **extra: Any) -> list[Any]:
        return predict(self.provider, self.operation_id, {**self.request, **extra, "stream": True})


CASES = [Case(c.provider, c.operation_id, c.client, c.method, c.spec) for c in OPERATIONS]


def case_named(name: str) -> Case:
    """The case named "<provider>-<operationId>"."""
    (found,) = [c for c in CASES if str(c) == name]
    return found


MODES = ["sync", "async"]


def by_case(cases: list[Case] = CASES) -> pytest.MarkDecorator:
    return pytest.mark.parametrize("case", cases, ids=str)


by_mode = pytest.mark.parametrize("mode", MODES)


def new_tag() -> str:
    return f"streaming-{uuid.uuid4().hex}"


def make_client(emulator: Emulator, case: Case, tag: str, fault: str | None = None, **options: Any) -> Any:
    headers = {"X-Emulator-Tag": tag}
    if fault:
        headers["X-Emulator-Fault"] = fault
    options.setdefault("token", emulator.api_key(case.provider))
    options.setdefault("max_retries", 0)
    return case.package.AuthenticatedClient(base_url=emulator.base_url(case.provider), headers=headers, **options)


@dataclass
class Outcome:
    events: list[Any] = field(default_factory=list)
    result: Any = None
    error: Exception | None = None


def consume(mode: str, case: Case, client: Any, body: Any, **options: Any) -> Outcome:
    """Iterate a stream by hand in a context manager, then ask for its result; keep any error."""
    out = Outcome()
    if mode == "sync":
        try:
            with case.module.stream(client=client, body=body, **options) as stream:
                for event in stream:
                    out.events.append(event)
                out.result = stream.until_done()
        except Exception as exc:
            out.error = exc
        finally:
            client.close()
        return out

    async def run() -> Outcome:
        try:
            async with case.module.astream(client=client, body=body, **options) as stream:
                async for event in stream:
                    out.events.append(event)
                out.result = await stream.until_done()
        except Exception as exc:
            out.error = exc
        finally:
            await client.aclose()
        return out

    return asyncio.run(run())


def requests_tagged(emulator: Emulator, tag: str) -> list[Any]:
    return [r for r in emulator.requests if r.headers.get("x-emulator-tag") == tag]


# --- normal streams ----------------------------------------------------------------------------


@by_case()
@by_mode
def test_stream_yields_typed_events_and_gathers_the_predicted_text(emulator: Emulator, case: Case, mode: str) -> None:
    tag = new_tag()
    out = consume(mode, case, make_client(emulator, case, tag), case.body())

    assert out.error is None, f"stream failed: {out.error!r}"
    assert out.events, "no events"
    wrong = [type(e).__name__ for e in out.events if not isinstance(e, case.event_model)]
    assert not wrong, f"events of the wrong type {wrong}, expected {case.event_model.__name__}"
    (predicted,) = case.predicted()
    assert out.result.text == predicted.text
    assert out.result.finish_reason == predicted.finish_reason
    assert [c.index for c in out.result.choices] == [0]
    record = emulator.wait_for_stream(tag)
    assert record.completed and record.terminated
    assert out.result.events == len(out.events) == record.events_sent - 1  # all but the terminator


@by_case()
@by_mode
def test_stream_request_says_stream_true_and_accepts_event_stream(emulator: Emulator, case: Case, mode: str) -> None:
    tag = new_tag()
    body = case.body(stream=False) if "stream" in attrs.fields_dict(case.request_model) else case.body()
    out = consume(mode, case, make_client(emulator, case, tag), body)

    assert out.error is None, repr(out.error)
    (request,) = requests_tagged(emulator, tag)
    assert request.body["stream"] is True
    assert request.headers["accept"] == "text/event-stream"
    assert request.headers["authorization"] == f"Bearer {emulator.api_key(case.provider)}"


@by_case([c for c in CASES if "n" in attrs.fields_dict(c.request_model)])
@by_mode
def test_n_above_one_gathers_each_interleaved_choice(emulator: Emulator, case: Case, mode: str) -> None:
    out = consume(mode, case, make_client(emulator, case, new_tag()), case.body(n=3))

    assert out.error is None, repr(out.error)
    predicted = case.predicted(n=3)
    assert [(c.index, c.text, c.finish_reason) for c in out.result.choices] == [
        (p.index, p.text, p.finish_reason) for p in predicted
    ]
    assert len({p.text for p in predicted}) == 3, "the oracle should give three different texts"


@by_mode
def test_include_usage_adds_a_final_usage_event_that_until_done_returns_typed(emulator: Emulator, mode: str) -> None:
    case = next(c for c in CASES if c.provider == "ppinfra")
    extra = {"stream_options": {"include_usage": True}}
    out = consume(mode, case, make_client(emulator, case, new_tag()), case.body(**extra))

    assert out.error is None, repr(out.error)
    last = out.events[-1]
    assert last.choices == [] and last.usage is not None, "the last event should carry only usage"
    usage = out.result.usage
    assert isinstance(usage, case.package.models.Usage), f"usage is {type(usage).__name__}, not the typed model"
    (predicted,) = case.predicted(**extra)
    assert usage.completion_tokens == len(predicted.tokens)
    assert usage.total_tokens == usage.prompt_tokens + usage.completion_tokens
    assert out.result.text == predicted.text


@by_case()
@by_mode
def test_iter_text_yields_each_new_piece_of_choice_zero(emulator: Emulator, case: Case, mode: str) -> None:
    client = make_client(emulator, case, new_tag())
    if mode == "sync":
        with client:
            pieces = list(case.module.stream(client=client, body=case.body()).iter_text())
    else:

        async def run() -> list[str]:
            async with client:
                return [p async for p in case.module.astream(client=client, body=case.body()).iter_text()]

        pieces = asyncio.run(run())
    (predicted,) = case.predicted()
    assert pieces == [t for t in predicted.tokens if t]


@by_case()
@by_mode
def test_until_done_after_partial_iteration_covers_every_event(emulator: Emulator, case: Case, mode: str) -> None:
    client = make_client(emulator, case, new_tag())
    if mode == "sync":
        with client, case.module.stream(client=client, body=case.body()) as stream:
            first = next(stream)
            result = stream.until_done()
    else:

        async def run() -> tuple[Any, Any]:
            async with client, case.module.astream(client=client, body=case.body()) as stream:
                first = await stream.__anext__()
                return first, await stream.until_done()

        first, result = asyncio.run(run())
    assert isinstance(first, case.event_model)
    assert result.text == case.predicted()[0].text


@by_case()
@by_mode
def test_nothing_is_sent_before_the_stream_is_iterated(emulator: Emulator, case: Case, mode: str) -> None:
    tag = new_tag()
    client = make_client(emulator, case, tag)
    if mode == "sync":
        with client:
            stream = case.module.stream(client=client, body=case.body())
            assert requests_tagged(emulator, tag) == []
            assert stream.response is None
            stream.until_done()
    else:

        async def run() -> None:
            async with client:
                stream = case.module.astream(client=client, body=case.body())
                assert requests_tagged(emulator, tag) == []
                await stream.until_done()

        asyncio.run(run())
    assert len(requests_tagged(emulator, tag)) == 1


# --- the documents' examples, replayed byte for byte ---------------------------------------------

# The text pieces, finish reason and (where documented) usage total of each fixture stream.sse.
DOCUMENTED = {
    "sensenova-create_completion": (["This", "is", "a", "test", "!"], "stop", 12),
    "sensenova-create_chat_completion": (["This", "is", "a", "test", "!"], "stop", 13),
    "lanrui-create_chat_completion": (["Hello"], "stop", None),
    "eronmind-create_completion": (["\n\n", "This is", " indeed a test"], "length", None),
    "ppinfra-create_completion": ([" This", " is", " a test"], "stop", 9),
    # reasoning ("Thinking") is not text; the usage comes from the usage-only last event
    "sensenova-create_token_plan_chat_completion": (["Spring", " wind"], "stop", 479),
}


@by_case()
@by_mode
def test_documented_stream_example_decodes_to_the_documented_text(emulator: Emulator, case: Case, mode: str) -> None:
    pieces, finish_reason, total_tokens = DOCUMENTED[str(case)]
    client = make_client(emulator, case, new_tag(), fault="replay")
    if mode == "sync":
        with client, case.module.stream(client=client, body=case.body()) as stream:
            got = list(stream.iter_text())
            result = stream.until_done()
    else:

        async def run() -> tuple[list[str], Any]:
            async with client, case.module.astream(client=client, body=case.body()) as stream:
                return [p async for p in stream.iter_text()], await stream.until_done()

        got, result = asyncio.run(run())
    assert got == pieces
    assert result.text == "".join(pieces)
    assert result.finish_reason == finish_reason
    if total_tokens is not None:
        assert result.usage.total_tokens == total_tokens


@by_mode
def test_documented_knowledge_and_search_results_are_gathered_typed(emulator: Emulator, mode: str) -> None:
    case = case_named("sensenova-create_chat_completion")
    out = consume(mode, case, make_client(emulator, case, new_tag(), fault="replay"), case.body())

    assert out.error is None, repr(out.error)
    extras = out.result.extras
    assert set(extras) == {"knowledge_base_results", "plugins"}
    (knowledge,) = extras["knowledge_base_results"]
    assert isinstance(knowledge, case.package.models.KnowledgeBaseResult)
    assert knowledge.know_id == "123456" and knowledge.results[0].result == "Test"
    search = extras["plugins"].web_search
    assert search.online_search_count == 1 and search.results[0].url == "https://xxxx"


# --- faults ------------------------------------------------------------------------------------


@by_case()
@by_mode
@pytest.mark.parametrize("fault", ["drop;after=2", "no-terminator"])
def test_stream_cut_before_the_terminator_raises_incomplete_with_what_arrived(
    emulator: Emulator, case: Case, mode: str, fault: str
) -> None:
    tag = new_tag()
    out = consume(mode, case, make_client(emulator, case, tag, fault=fault), case.body())

    errors = case.package.errors
    assert isinstance(out.error, errors.IncompleteStreamError), f"got {out.error!r}"
    sent = emulator.wait_for_stream(tag).events_sent
    assert not emulator.wait_for_stream(tag).terminated
    assert len(out.events) == sent
    assert f"{sent} events arrived" in str(out.error)
    assert len(out.error.events) == 1 and out.error.events[0] is out.events[-1]  # the last one only
    (predicted,) = case.predicted()
    arrived = out.error.text.get(0, "")
    if fault == "no-terminator":
        assert arrived == predicted.text
    else:
        assert predicted.text.startswith(arrived) and len(arrived) < len(predicted.text)
    if fault.startswith("drop"):  # an abrupt close is a connection error underneath
        assert isinstance(out.error.__cause__, errors.APIConnectionError)


@by_case()
@by_mode
def test_malformed_event_raises_a_typed_error_carrying_the_raw_data(emulator: Emulator, case: Case, mode: str) -> None:
    out = consume(mode, case, make_client(emulator, case, new_tag(), fault="malformed;after=1"), case.body())

    assert isinstance(out.error, case.package.errors.MalformedStreamEventError), f"got {out.error!r}"
    assert isinstance(out.error, case.package.errors.APIError)
    assert out.error.data.startswith('{"broken": "frame"')
    assert "not valid JSON" in str(out.error)
    assert len(out.events) == 1


@by_case()
@by_mode
@pytest.mark.parametrize("fault", ["stream-error;after=2", "error-event;after=2"])
def test_error_inside_the_stream_raises_stream_error_with_provider_code_and_message(
    emulator: Emulator, case: Case, mode: str, fault: str
) -> None:
    out = consume(mode, case, make_client(emulator, case, new_tag(), fault=fault), case.body())

    assert isinstance(out.error, case.package.errors.StreamError), f"got {out.error!r}"
    assert out.error.message.startswith("injected"), out.error.message
    assert out.error.code not in (None, "", 0)
    assert len(out.events) == 2


@by_case()
@by_mode
@pytest.mark.parametrize(("code", "error_name"), [(429, "RateLimitError"), (500, "InternalServerError")])
def test_error_status_raises_the_same_typed_error_as_a_plain_call(
    emulator: Emulator, case: Case, mode: str, code: int, error_name: str
) -> None:
    out = consume(mode, case, make_client(emulator, case, new_tag(), fault=f"status;code={code}"), case.body())

    assert type(out.error) is getattr(case.package.errors, error_name), f"got {out.error!r}"
    assert out.error.status_code == code
    assert out.error.message == f"injected error {code} (status fault)"
    assert out.events == []


@by_case()
@by_mode
def test_wrong_key_raises_authentication_error_with_the_provider_message(
    emulator: Emulator, case: Case, mode: str
) -> None:
    out = consume(mode, case, make_client(emulator, case, new_tag(), token="sk-wrong"), case.body())

    assert isinstance(out.error, case.package.errors.AuthenticationError), f"got {out.error!r}"
    assert out.error.message and "content-type" not in out.error.message.lower()


@by_case()
@by_mode
def test_retried_status_then_a_normal_stream(emulator: Emulator, case: Case, mode: str) -> None:
    fault = f"status;code=503;retry-after=0;times=1;id={uuid.uuid4().hex}"
    out = consume(mode, case, make_client(emulator, case, new_tag(), fault=fault, max_retries=1), case.body())

    assert out.error is None, repr(out.error)
    assert out.result.text == case.predicted()[0].text


@by_case()
@by_mode
def test_json_answer_to_a_stream_request_raises_not_a_stream_with_the_parsed_result(
    emulator: Emulator, case: Case, mode: str
) -> None:
    out = consume(mode, case, make_client(emulator, case, new_tag(), fault="json-for-stream"), case.body())

    assert isinstance(out.error, case.package.errors.NotAStreamError), f"got {out.error!r}"
    assert isinstance(out.error.result, case.result_model)
    assert out.error.body == out.error.result.to_dict()
    assert out.events == []


@by_case()
@by_mode
def test_slow_first_event_still_streams_everything(emulator: Emulator, case: Case, mode: str) -> None:
    out = consume(mode, case, make_client(emulator, case, new_tag(), fault="slow-first;delay=0.05"), case.body())

    assert out.error is None, repr(out.error)
    assert out.result.text == case.predicted()[0].text


@by_case()
@by_mode
def test_stall_mid_stream_past_the_read_timeout_raises_incomplete(emulator: Emulator, case: Case, mode: str) -> None:
    tag = new_tag()
    client = make_client(emulator, case, tag, fault="stall;seconds=10;after=2")
    # 0.5 s: ample for the two events before the stall on a loaded CI machine, far below the stall.
    out = consume(mode, case, client, case.body(), timeout=httpx2.Timeout(5.0, read=0.5))

    errors = case.package.errors
    assert isinstance(out.error, errors.IncompleteStreamError), f"got {out.error!r}"
    assert "timed out" in str(out.error)
    assert isinstance(out.error.__cause__, errors.APITimeoutError)
    assert len(out.events) == 2
    assert emulator.wait_for_stream(tag).disconnected


@by_case()
@by_mode
def test_stall_before_the_answer_raises_timeout(emulator: Emulator, case: Case, mode: str) -> None:
    client = make_client(emulator, case, new_tag(), fault="stall;seconds=10")
    out = consume(mode, case, client, case.body(), timeout=httpx2.Timeout(5.0, read=0.1))

    assert isinstance(out.error, case.package.errors.APITimeoutError), f"got {out.error!r}"


# --- early exit closes the connection -------------------------------------------------------------

HOLD = "stall;seconds=30;after=1"  # the server waits after the first event: only the client can end it


def _assert_disconnected(emulator: Emulator, tag: str) -> None:
    record = emulator.wait_for_stream(tag, timeout=10)
    assert record.disconnected, f"the server saw {record.outcome!r}, not a disconnect"
    assert record.events_sent == 1


@by_case()
def test_break_inside_with_closes_the_connection(emulator: Emulator, case: Case) -> None:
    tag = new_tag()
    with make_client(emulator, case, tag, fault=HOLD) as client:
        with case.module.stream(client=client, body=case.body()) as stream:
            for _ in stream:
                break
        _assert_disconnected(emulator, tag)


@by_case()
def test_break_out_of_a_bare_for_closes_the_connection(emulator: Emulator, case: Case) -> None:
    tag = new_tag()
    with make_client(emulator, case, tag, fault=HOLD) as client:
        for _ in case.module.stream(client=client, body=case.body()):
            break
        _assert_disconnected(emulator, tag)


@by_case()
def test_exception_in_the_loop_closes_the_connection(emulator: Emulator, case: Case) -> None:
    tag = new_tag()
    with make_client(emulator, case, tag, fault=HOLD) as client:
        with pytest.raises(KeyError), case.module.stream(client=client, body=case.body()) as stream:
            for _ in stream:
                raise KeyError("caller's own error")
        _assert_disconnected(emulator, tag)


@by_case()
def test_close_closes_the_connection_and_until_done_then_says_incomplete(emulator: Emulator, case: Case) -> None:
    tag = new_tag()
    with make_client(emulator, case, tag, fault=HOLD) as client:
        stream = case.module.stream(client=client, body=case.body())
        next(stream)
        stream.close()
        _assert_disconnected(emulator, tag)
        with pytest.raises(case.package.errors.IncompleteStreamError) as caught:
            stream.until_done()
        assert len(caught.value.events) == 1
        assert case.predicted()[0].text.startswith(caught.value.text.get(0, ""))


@by_case()
def test_async_break_inside_async_with_closes_the_connection(emulator: Emulator, case: Case) -> None:
    tag = new_tag()

    async def run() -> None:
        async with make_client(emulator, case, tag, fault=HOLD) as client:
            async with case.module.astream(client=client, body=case.body()) as stream:
                async for _ in stream:
                    break
            await asyncio.to_thread(_assert_disconnected, emulator, tag)

    asyncio.run(run())


@by_case()
def test_async_cancellation_closes_the_connection(emulator: Emulator, case: Case) -> None:
    tag = new_tag()

    async def run() -> None:
        first = asyncio.Event()

        async def reader(client: Any) -> None:
            async with case.module.astream(client=client, body=case.body()) as stream:
                async for _ in stream:
                    first.set()

        async with make_client(emulator, case, tag, fault=HOLD) as client:
            task = asyncio.create_task(reader(client))
            await first.wait()
            task.cancel()
            with pytest.raises(asyncio.CancelledError):
                await task
            await asyncio.to_thread(_assert_disconnected, emulator, tag)

    asyncio.run(run())


@by_case()
def test_error_is_raised_again_by_until_done(emulator: Emulator, case: Case) -> None:
    with make_client(emulator, case, new_tag(), fault="stream-error;after=1") as client:
        stream = case.module.stream(client=client, body=case.body())
        with pytest.raises(case.package.errors.StreamError) as first:
            for _ in stream:
                pass
        with pytest.raises(case.package.errors.StreamError) as again:
            stream.until_done()
        assert again.value is first.value


def test_cases_cover_every_streaming_operation_of_every_spec() -> None:
    from tests.specs import PROVIDERS, operations

    streaming = {
        f"{op.provider}-{op.operation_id}"
        for provider in PROVIDERS
        for op in operations(provider)
        if "text/event-stream" in op.raw["responses"]["200"]["content"]
    }
    assert streaming == {str(c) for c in CASES}
