"""runtime/streams/sse.py follows the WHATWG "event stream interpretation" rules for any chunking.

Examples pin each rule; two property tests check that chunk boundaries never matter and that
the decoder agrees with a small line-by-line reference written straight from the spec.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import AsyncIterator, Iterator

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lanrui_client._runtime.streams import sse
from lanrui_client._runtime.streams.sse import ServerSentEvent as Ev


def decode(*chunks: bytes) -> list[Ev]:
    return list(sse.iter_sse(chunks))


def bytewise(raw: bytes) -> list[bytes]:
    return [raw[i : i + 1] for i in range(len(raw))]


# --- fields and values ---------------------------------------------------------------------


def test_data_line_with_and_without_space_after_colon() -> None:
    assert decode(b"data: a\n\ndata:b\n\n") == [Ev(data="a"), Ev(data="b")]


def test_data_lines_with_and_without_space_mixed_in_one_chunk() -> None:
    assert decode(b"data:a\n\ndata: b\n\ndata:c\n\n") == [Ev(data="a"), Ev(data="b"), Ev(data="c")]


def test_only_one_leading_space_is_stripped_from_value() -> None:
    assert decode(b"data:  two\n\n") == [Ev(data=" two")]


def test_colon_in_value_is_kept() -> None:
    assert decode(b'data: {"a": "b:c"}\n\n') == [Ev(data='{"a": "b:c"}')]


def test_line_without_colon_is_field_with_empty_value() -> None:
    assert decode(b"data\ndata\n\n") == [Ev(data="\n")]


def test_multiline_data_joined_with_lf_and_final_lf_removed() -> None:
    assert decode(b"data: a\ndata:\ndata: b\n\n") == [Ev(data="a\n\nb")]


def test_empty_data_field_still_dispatches_an_event() -> None:
    assert decode(b"data:\n\n") == [Ev(data="")]


def test_comment_lines_are_ignored() -> None:
    raw = b": keep-alive\ndata: a\n:data: no\n\n: only a comment\n\n"
    assert decode(raw) == [Ev(data="a")]


def test_unknown_fields_and_other_case_are_ignored() -> None:
    assert decode(b"foo: x\nData: y\n data: z\ndata: a\n\n") == [Ev(data="a")]


def test_block_without_data_dispatches_nothing() -> None:
    assert decode(b"event: x\nid: 1\nretry: 5\n\n") == []


# --- event type -----------------------------------------------------------------------------


def test_event_type_defaults_to_message() -> None:
    assert decode(b"event:\ndata: a\n\n") == [Ev(event="message", data="a")]


def test_event_type_is_reset_after_each_dispatch() -> None:
    raw = b"event: add\ndata: 1\n\ndata: 2\n\nevent: x\n\ndata: 3\n\n"
    assert [(e.event, e.data) for e in decode(raw)] == [("add", "1"), ("message", "2"), ("message", "3")]


def test_last_event_field_wins() -> None:
    assert decode(b"event: a\nevent: b\ndata: x\n\n") == [Ev(event="b", data="x")]


# --- id -------------------------------------------------------------------------------------


def test_id_persists_across_later_events() -> None:
    raw = b"id: 7\ndata: a\n\ndata: b\n\nid: 8\ndata: c\n\n"
    assert [e.id for e in decode(raw)] == ["7", "7", "8"]


def test_id_containing_nul_is_ignored() -> None:
    raw = b"id: 1\ndata: a\n\nid: 2\x003\ndata: b\n\n"
    assert [e.id for e in decode(raw)] == ["1", "1"]


def test_empty_id_resets_last_event_id() -> None:
    assert [e.id for e in decode(b"id: 1\ndata: a\n\nid\ndata: b\n\n")] == ["1", ""]


def test_id_from_block_without_data_still_takes_effect() -> None:
    decoder = sse.SSEDecoder()
    assert decoder.feed(b"id: 5\n\ndata: a\n\n") == [Ev(data="a", id="5")]
    assert decoder.last_event_id == "5"


# --- retry ----------------------------------------------------------------------------------


def test_retry_is_reported_only_on_the_event_of_its_block() -> None:
    raw = b"retry: 3000\ndata: a\n\ndata: b\n\n"
    assert [e.retry for e in decode(raw)] == [3000, None]


@pytest.mark.parametrize("value", [b"", b"12a", b"-1", b"1.5", b" 5", b"\xd9\xa3", b"\xef\xbc\x95"])
def test_retry_that_is_not_all_ascii_digits_is_ignored(value: bytes) -> None:
    decoder = sse.SSEDecoder()
    events = decoder.feed(b"retry: " + value + b"\ndata: a\n\n")
    assert events == [Ev(data="a")]
    assert decoder.retry is None


def test_retry_from_block_without_data_updates_decoder_retry() -> None:
    decoder = sse.SSEDecoder()
    assert decoder.feed(b"retry: 10\n\ndata: a\n\n") == [Ev(data="a")]
    assert decoder.retry == 10


def test_retry_beyond_int_digit_limit_is_ignored_not_raised() -> None:
    assert decode(b"retry: " + b"9" * 5000 + b"\ndata: a\n\n") == [Ev(data="a")]


# --- line ends ------------------------------------------------------------------------------


def test_lone_cr_ends_lines() -> None:
    assert decode(b"data: a\rdata: b\r\rdata: c\r\r") == [Ev(data="a\nb"), Ev(data="c")]


def test_crlf_ends_lines() -> None:
    assert decode(b"data: a\r\ndata: b\r\n\r\n") == [Ev(data="a\nb")]


def test_mixed_line_ends() -> None:
    assert decode(b"data: a\rdata: b\r\ndata: c\n\r\n") == [Ev(data="a\nb\nc")]


def test_crlf_split_across_chunks_is_one_line_end() -> None:
    # A spurious empty line after "a" would dispatch it alone.
    assert decode(b"data: a\r", b"\ndata: b\r", b"\n\r", b"\n") == [Ev(data="a\nb")]


def test_cr_at_chunk_end_followed_by_cr_is_blank_line() -> None:
    assert decode(b"data: a\r", b"\r", b"\n") == [Ev(data="a")]


# --- encoding -------------------------------------------------------------------------------


def test_bom_at_start_is_removed() -> None:
    assert decode(b"\xef\xbb\xbfdata: a\n\n") == [Ev(data="a")]


def test_bom_split_across_chunks_is_removed() -> None:
    assert decode(b"\xef", b"\xbb", b"\xbfdata: a\n\n") == [Ev(data="a")]


def test_bom_is_removed_only_once() -> None:
    # The second BOM becomes part of the field name, an unknown field.
    assert decode(b"\xef\xbb\xbf\xef\xbb\xbfdata: a\n\ndata: b\n\n") == [Ev(data="b")]


@pytest.mark.parametrize("chunks", [[b"\xef\xbb\xbf", b"\xef\xbb\xbf"], [b"\xef\xbb", b"\xbf\xef", b"\xbb\xbf"]])
def test_bom_is_removed_only_once_when_split_across_chunks(chunks: list[bytes]) -> None:
    assert decode(*chunks, b"data: a\n\ndata: b\n\n") == [Ev(data="b")]


def test_bom_after_start_is_not_removed() -> None:
    raw = "data: a\n\n\ufeffdata: b\n\ndata: \ufeffc\n\n".encode()
    assert decode(raw) == [Ev(data="a"), Ev(data="\ufeffc")]


def test_invalid_utf8_becomes_replacement_character() -> None:
    assert decode(b"data: a\xffb\xc3\n\n") == [Ev(data="a\ufffdb\ufffd")]


def test_multibyte_character_split_across_chunks_decodes_intact() -> None:
    raw = "data: 你好 😀\n\n".encode()
    assert decode(*bytewise(raw)) == [Ev(data="你好 😀")]


# --- end of input ---------------------------------------------------------------------------


def test_final_block_without_blank_line_is_not_an_event_and_is_pending() -> None:
    decoder = sse.SSEDecoder()
    assert list(sse.iter_sse([b"data: a\n\ndata: b\n"], decoder=decoder)) == [Ev(data="a")]
    assert decoder.pending


@pytest.mark.parametrize("tail", [b"data: b", b"data: b\n", b"id: 3\n", b": ping", b"\xe4\xbd"])
def test_close_reports_truncated_stream(tail: bytes) -> None:
    decoder = sse.SSEDecoder()
    assert decoder.feed(b"data: a\n\n" + tail) == [Ev(data="a")]
    assert decoder.pending
    assert decoder.close() is True


@pytest.mark.parametrize("end", [b"data: a\n\n", b"data: a\r\r", b"data: a\n\n: ping\n", b"data: a\n\n\n"])
def test_close_after_complete_block_is_not_pending(end: bytes) -> None:
    decoder = sse.SSEDecoder()
    assert decoder.feed(end) == [Ev(data="a")]
    assert not decoder.pending
    assert decoder.close() is False


def test_retry_line_of_unfinished_final_block_takes_effect_at_close() -> None:
    decoder = sse.SSEDecoder()
    decoder.feed(b"retry: 250\ndata: x")
    assert decoder.close() is True
    assert decoder.retry == 250


def test_feed_after_close_raises() -> None:
    decoder = sse.SSEDecoder()
    decoder.close()
    with pytest.raises(ValueError):
        decoder.feed(b"data: a\n\n")


# --- no read-ahead --------------------------------------------------------------------------


@pytest.mark.parametrize("raw", [b"data: a\n\nid: 1\ndata: b\r\n\r\ndata: c\r\r", b"data: a\r\rdata: b\n\n"])
def test_event_is_emitted_exactly_when_its_blank_line_arrives(raw: bytes) -> None:
    decoder = sse.SSEDecoder()
    emitted_at = [i for i, byte in enumerate(bytewise(raw)) for _ in decoder.feed(byte)]
    blank_line_ends = [i for i in range(1, len(raw)) if raw[i - 1 : i + 1] in (b"\n\n", b"\r\r", b"\n\r")]
    assert emitted_at == blank_line_ends


def test_iter_sse_yields_before_reading_the_next_chunk() -> None:
    read: list[int] = []

    def chunks() -> Iterator[bytes]:
        for i, chunk in enumerate([b"data: a\n", b"\n", b"data: b\n\n", b"data: c"]):
            read.append(i)
            yield chunk

    seen = []
    for event in sse.iter_sse(chunks()):
        seen.append((event.data, list(read)))
    assert seen == [("a", [0, 1]), ("b", [0, 1, 2])]


@pytest.mark.anyio
async def test_aiter_sse_matches_iter_sse_and_does_not_read_ahead() -> None:
    raw = b"\xef\xbb\xbfid: 1\nevent: e\ndata: a\r\n\r\ndata: \xe4\xbd\xa0\n\ndata: tail"
    read: list[int] = []

    async def chunks() -> AsyncIterator[bytes]:
        for i, chunk in enumerate(bytewise(raw)):
            read.append(i)
            yield chunk

    decoder = sse.SSEDecoder()
    seen = [(event, len(read)) async for event in sse.aiter_sse(chunks(), decoder=decoder)]
    assert [event for event, _ in seen] == decode(raw) == [Ev("e", "a", "1"), Ev(data="你", id="1")]
    assert [n for _, n in seen] == [raw.index(b"\r\n\r\n") + 3, raw.index(b"\n\ndata: t") + 2]
    assert decoder.pending


# --- the event type -------------------------------------------------------------------------


def test_event_defaults_json_helper_and_immutability() -> None:
    event = decode(b'data: {"x": [1, 2]}\n\n')[0]
    assert event == Ev(data='{"x": [1, 2]}') and hash(event) == hash(Ev(data='{"x": [1, 2]}'))
    assert (event.event, event.id, event.retry) == ("message", "", None)
    assert event.json() == {"x": [1, 2]}
    with pytest.raises(dataclasses.FrozenInstanceError):
        event.data = "y"  # type: ignore[misc]


def test_large_data_line_over_many_chunks() -> None:
    raw = b"data: " + b"x" * 1_000_000 + b"\n\n"
    chunks = [raw[i : i + 4096] for i in range(0, len(raw), 4096)]
    assert decode(*chunks) == [Ev(data="x" * 1_000_000)]


# --- properties -----------------------------------------------------------------------------

_value_chars = st.characters(codec="utf-8", exclude_characters="\r\n")
_words = st.text(_value_chars, max_size=8) | st.sampled_from(["", "x", "5", "12", "007", "1a", "a\0b", "\ufeff"])
_values = st.builds(str.__add__, st.sampled_from(["", " ", "  "]), _words)
_names = st.sampled_from(["data", "data", "data", "event", "id", "retry", "retry", "foo", "Data", ""])
_field_lines = st.builds(lambda n, sep, v: n + sep + v, _names, st.sampled_from([":", ""]), _values)
_lines = st.one_of(_field_lines, _field_lines, _field_lines, _values.map(":".__add__), st.just(""))
_ends = st.sampled_from(["\n", "\r", "\r\n"])


@st.composite
def streams(draw: st.DrawFn) -> bytes:
    """Blocks of random fields with unicode values and mixed line ends, BOMs, a cut-off end."""
    head = draw(st.sampled_from(["", "\ufeff", "\ufeff\ufeff"])) + draw(st.sampled_from(["", "data: 1\n"]))
    blocks = draw(st.lists(st.lists(_lines, max_size=4), max_size=8))
    body = "".join(line + draw(_ends) for block in blocks for line in [*block, ""])
    unfinished = "".join(line + draw(_ends) for line in draw(st.lists(_lines, max_size=3)))
    unfinished += draw(st.sampled_from(["", "", "data: x", "data"]))
    return (head + body + unfinished).encode()


@st.composite
def data_runs(draw: st.DrawFn) -> bytes:
    """Mostly one-line "data" blocks (the decoder's fast path), with an odd line thrown in."""
    odd = st.sampled_from(["", "data", "data:", ": c", "id: 1", "event: e", "\ufeff"])
    blocks = draw(st.lists(st.builds(str.__add__, st.sampled_from(["data: ", "data:"]), _values), max_size=12))
    text = ""
    for block in blocks:
        twist = draw(st.sampled_from(["", "", "", "", "\n" + draw(odd)]))
        text += block + twist + draw(_ends) + draw(_ends)
    return text.encode()


# Byte soup: SSE syntax plus broken and split UTF-8, to reach odd corners.
_tokens = [b"data", b"data:", b": ", b"event:", b"id:", b"retry:", b"1", b"x", b" ", b":", b"\0"]
_tokens += [b"\n", b"\r", b"\r\n", b"\n\n", b"\xef\xbb\xbf", b"\xef\xbb", b"\xbf", b"\xff", b"\xe4\xbd", b"\xa0"]
byte_soup = st.lists(st.sampled_from(_tokens), max_size=40).map(b"".join)


def reference(raw: bytes) -> tuple[list[Ev], bool, str, int | None]:
    """Line by line, as the spec words it: (events, ended mid-block, last event id, retry)."""
    text = raw.decode("utf-8", errors="replace")
    text = text.removeprefix("\ufeff")
    lines, line, i = [], "", 0
    while i < len(text):
        char = text[i]
        if char in "\r\n":
            lines.append(line)
            line = ""
            i += 2 if text[i : i + 2] == "\r\n" else 1
        else:
            line += char
            i += 1
    events: list[Ev] = []
    data, event_type, id_buffer, last_id, retry, block_retry, in_block = "", "", "", "", None, None, False
    for line_ in lines:
        if line_ == "":
            last_id = id_buffer
            if data:
                events.append(Ev(event_type or "message", data[:-1], last_id, block_retry))
            data, event_type, block_retry, in_block = "", "", None, False
            continue
        if line_.startswith(":"):
            continue
        in_block = True
        name, _, value = line_.partition(":")
        if ":" in line_ and value.startswith(" "):
            value = value[1:]
        if name == "data":
            data += value + "\n"
        elif name == "event":
            event_type = value
        elif name == "id" and "\0" not in value:
            id_buffer = value
        elif name == "retry" and value != "" and all(c in "0123456789" for c in value):
            retry = block_retry = int(value)
    return events, in_block or line != "", last_id, retry


def run(chunks: list[bytes]) -> tuple[list[Ev], bool, str, int | None]:
    decoder = sse.SSEDecoder()
    events = [event for chunk in chunks for event in decoder.feed(chunk)]
    pending = decoder.close()
    return events, pending, decoder.last_event_id, decoder.retry


@st.composite
def cut(draw: st.DrawFn, raw: bytes) -> list[bytes]:
    how = draw(st.sampled_from(["bytes", "blocks", "random"]))
    if how == "bytes":
        return bytewise(raw)
    if how == "blocks":  # one chunk per block, as a provider flushing each event sends it
        return [piece for piece in re.split(b"(?<=\n\n)", raw) if piece]
    points = sorted(draw(st.sets(st.integers(0, len(raw)), max_size=12)))
    return [raw[a:b] for a, b in zip([0, *points], [*points, len(raw)], strict=True)]


_fast = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@_fast
@given(st.data(), streams() | data_runs() | byte_soup)
def test_any_chunking_gives_the_same_result_as_one_chunk(data: st.DataObject, raw: bytes) -> None:
    assert run(data.draw(cut(raw))) == run([raw])


@_fast
@given(streams() | data_runs() | byte_soup)
def test_decoder_agrees_with_line_by_line_reference(raw: bytes) -> None:
    assert run([raw]) == reference(raw)


def run_plain(chunks: list[bytes]) -> tuple[list[Ev], bool, str, int | None]:
    """run() through feed_plain(): a plain event's data string stands for a message event with
    that data, the id so far and no retry (what it must be equal to)."""
    decoder = sse.SSEDecoder()
    events: list[Ev] = []
    for chunk in chunks:
        for item in decoder.feed_plain(chunk):
            if isinstance(item, str):
                assert "\n" not in item  # one data line
                item = Ev("message", item, decoder.last_event_id, None)
            events.append(item)
    pending = decoder.close()
    return events, pending, decoder.last_event_id, decoder.retry


@_fast
@given(st.data(), streams() | data_runs() | byte_soup)
def test_feed_plain_gives_what_feed_gives(data: st.DataObject, raw: bytes) -> None:
    chunks = data.draw(cut(raw))
    assert run_plain(chunks) == run(chunks)


def test_feed_plain_gives_strings_for_plain_events_only() -> None:
    decoder = sse.SSEDecoder()
    assert decoder.feed_plain(b"data: a\n\n") == ["a"]
    assert decoder.feed_plain(b"data: b\n\ndata: c\n\n") == ["b", "c"]
    [named] = decoder.feed_plain(b"event: ping\ndata: d\n\n")
    assert isinstance(named, Ev) and named.event == "ping"


@pytest.mark.parametrize(
    "chunks",
    [
        [b"data: Hi\n", b"\ndata: " + b"y" * 200],  # the blank line straddles the chunks
        [b"data: Hi\n\ndata: " + b"y" * 200],  # one chunk completes Hi and starts the large one
    ],
)
def test_the_events_a_chunk_completes_before_a_too_large_one_are_kept(chunks: list[bytes]) -> None:
    decoder = sse.SSEDecoder(max_event_size=100)
    with pytest.raises(sse.EventTooLarge) as caught:
        for chunk in chunks:
            decoder.feed(chunk)
    assert caught.value.before == [Ev(data="Hi")]


def test_one_event_per_chunk_decodes_like_the_whole_stream() -> None:
    blocks = [b"id: 7\ndata: a\n\n", b"data:b\n\n", b"data: c\nid: 9\n\n", b"event: e\ndata: d\n\n", b"data: e\n\n"]
    assert decode(*blocks) == decode(b"".join(blocks))
    assert [(e.data, e.id, e.event) for e in decode(*blocks)] == [
        ("a", "7", "message"),
        ("b", "7", "message"),
        ("c", "9", "message"),
        ("d", "9", "e"),
        ("e", "9", "message"),
    ]


def test_one_event_chunk_after_a_pending_block_joins_that_block() -> None:
    assert decode(b"data: a\n", b"data: b\n\n") == [Ev(data="a\nb")]
    assert decode(b"data: a\r", b"data: b\n\n") == [Ev(data="a\nb")]


def test_an_unfinished_event_past_max_event_size_raises_and_a_finished_one_resets_the_count() -> None:
    decoder = sse.SSEDecoder(max_event_size=100)
    assert decoder.feed(b"data: " + b"a" * 60 + b"\n\n") == [Ev(data="a" * 60)]  # under the limit
    decoder.feed(b"data: " + b"b" * 60)
    assert decoder.feed(b"b" * 30 + b"\n\n") == [Ev(data="b" * 90)]  # 96 characters across chunks: fine
    decoder.feed(b"data: " + b"c" * 60)
    with pytest.raises(sse.EventTooLarge) as info:
        decoder.feed(b"c" * 60)
    assert info.value.limit == 100 and info.value.start.startswith("data: ccc")
    assert sse.SSEDecoder().max_event_size == sse.DEFAULT_MAX_EVENT_SIZE == 16 * 1024 * 1024
