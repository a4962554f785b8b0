"""The type rule's edges (docs/types.md "When the server sends the wrong type"), on real models.

The mutation tests (test_payload_mutations.py) replace every field of every fixture; these pin
what they do not reach: exact classes (bool is no int, an int stays an int in a float field, a
big integer stays exact), lists checked item by item, the path through nested lists and models,
what the error shows of what arrived, and that it pickles.
"""

from __future__ import annotations

import copy
import pickle

import pytest
from eronmind_client.models import CompletionLogprobs
from lanrui_client.errors import FieldTypeError
from lanrui_client.models import ChatCompletion, ChatCompletionChunk
from sensenova_client.models import KnowledgeBaseHit

CHUNK = {
    "id": "c1",
    "object": "chat.completion.chunk",
    "created": 1,
    "model": "m",
    "choices": [{"index": 0, "delta": {"content": "Hi"}}],
}


def _with(path: tuple[object, ...], value: object) -> dict[str, object]:
    document = copy.deepcopy(CHUNK)
    target: object = document
    for step in path[:-1]:
        target = target[step]  # type: ignore[index]
    target[path[-1]] = value  # type: ignore[index]
    return document


@pytest.mark.parametrize("value", [True, 1.0, "1", None])
def test_an_int_field_takes_an_integer_only(value: object) -> None:
    with pytest.raises(FieldTypeError, match=r"^\$\.created: expected int, got "):
        ChatCompletionChunk.from_dict(_with(("created",), value))


def test_a_big_integer_stays_exact_and_a_huge_one_is_described_by_size() -> None:
    big = 2**200 + 1
    assert ChatCompletionChunk.from_dict(_with(("created",), big)).created == big
    huge = 10**5000  # its repr is refused past 4300 digits
    with pytest.raises(FieldTypeError, match=r"\$\.id: expected str, got an integer of 16610 bits"):
        ChatCompletionChunk.from_dict(_with(("id",), huge))


def test_a_float_field_takes_an_int_as_it_is_and_no_bool() -> None:
    assert KnowledgeBaseHit.from_dict({"score": 1}).score.__class__ is int
    assert KnowledgeBaseHit.from_dict({"score": 0.5}).score == 0.5
    hit = KnowledgeBaseHit.from_dict({"score": True})
    assert hit.score is None and hit.additional_properties == {"score": True}
    assert hit.to_dict() == {"score": True}


def test_a_list_field_is_checked_item_by_item() -> None:
    good = CompletionLogprobs.from_dict({"tokens": ["a", "b"], "token_logprobs": [-1, -0.5], "text_offset": [0, 1]})
    assert good.tokens == ["a", "b"] and good.token_logprobs == [-1, -0.5]
    bad = {"tokens": ["a", 5], "token_logprobs": [-1, None], "text_offset": [0, False]}
    parsed = CompletionLogprobs.from_dict(bad)
    assert (parsed.tokens, parsed.token_logprobs, parsed.text_offset) == (None, None, None)
    assert parsed.additional_properties == bad
    assert parsed.to_dict() == bad


def test_the_path_runs_through_lists_and_models() -> None:
    document = _with(("choices",), [{"index": 0, "delta": {}}, {"index": 1, "delta": "x"}])
    with pytest.raises(FieldTypeError) as caught:
        ChatCompletionChunk.from_dict(document)
    assert str(caught.value) == "$.choices[1].delta: expected ChatCompletionDelta (an object), got a string 'x'"
    assert caught.value.path == "$.choices[1].delta"
    answer = {**CHUNK, "object": "chat.completion", "choices": [{"index": 0, "finish_reason": "stop"}]}
    with pytest.raises(FieldTypeError, match=r"^\$\.choices\[0\]\.message: expected .*, got nothing"):
        ChatCompletion.from_dict(answer)


def test_what_arrived_is_cut_short_and_containers_show_only_their_size() -> None:
    with pytest.raises(FieldTypeError) as caught:
        ChatCompletionChunk.from_dict(_with(("created",), "y" * 10_000))
    assert len(str(caught.value)) < 200
    with pytest.raises(FieldTypeError, match=r"got an object of 1 keys$"):
        ChatCompletionChunk.from_dict(_with(("model",), {"secret": "s3cr3t"}))


def test_a_not_an_object_root_and_a_mapping_root() -> None:
    with pytest.raises(FieldTypeError, match=r"^\$: expected ChatCompletionChunk \(an object\), got an array"):
        ChatCompletionChunk.from_dict([])  # type: ignore[arg-type]
    from types import MappingProxyType

    assert ChatCompletionChunk.from_dict(MappingProxyType(CHUNK)).id == "c1"  # any Mapping, as before


def test_the_error_pickles_with_its_path() -> None:
    with pytest.raises(FieldTypeError) as caught:
        ChatCompletionChunk.from_dict(_with(("choices", 0, "index"), "0"))
    again = pickle.loads(pickle.dumps(caught.value))
    assert (type(again), str(again), again.path) == (FieldTypeError, str(caught.value), "$.choices[0].index")
    assert isinstance(again, TypeError) and isinstance(again, ValueError)
