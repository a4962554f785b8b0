"""A request model with the wrong container in a nested-model field says which field, when built.

Before, `ChatCompletionRequest(messages="hi")` was accepted and failed only when sent, with
`AttributeError: 'str' object has no attribute 'to_dict'`. A dict where a model goes (the openai
SDK's message literals) is turned into that model.
"""

from __future__ import annotations

import re

import pytest
from lanrui_client.models import ChatCompletionRequest, ChatMessage
from sensenova_client.models import ChatCompletionRequest as SenseNovaChatRequest
from sensenova_client.models import KnowledgeConfig

MESSAGE = {"role": "user", "content": "Hi"}


@pytest.mark.parametrize(
    ("fields", "named"),
    [
        ({"messages": "hi"}, "ChatCompletionRequest.messages must be a list of ChatMessage, got str"),
        ({"messages": {"role": "user"}}, "ChatCompletionRequest.messages must be a list of ChatMessage, got dict"),
        ({"messages": [ChatMessage(role="user", content="a"), 5]}, "ChatCompletionRequest.messages[1] must be a"),
        ({"messages": ["hi"]}, "ChatCompletionRequest.messages[0] must be a ChatMessage (or a dict of its fields)"),
    ],
)
def test_a_wrong_container_is_a_type_error_naming_the_field(fields: dict[str, object], named: str) -> None:
    with pytest.raises(TypeError, match=re.escape(named)):
        ChatCompletionRequest(model="m", **fields)  # type: ignore[arg-type]


def test_an_optional_nested_model_is_checked_too() -> None:
    with pytest.raises(TypeError, match=re.escape("ChatCompletionRequest.knowledge_config must be a KnowledgeConfig")):
        SenseNovaChatRequest(model="m", messages=[], knowledge_config="kb-1")  # type: ignore[arg-type]


def test_dicts_where_models_go_become_models() -> None:
    request = SenseNovaChatRequest(
        model="SenseChat",
        messages=[MESSAGE],  # type: ignore[list-item]
        knowledge_config={"control_level": "normal"},  # type: ignore[arg-type]
    )
    assert type(request.messages[0]).__name__ == "ChatMessage"
    assert isinstance(request.knowledge_config, KnowledgeConfig)
    assert request.to_dict() == {
        "model": "SenseChat",
        "messages": [MESSAGE],
        "knowledge_config": {"control_level": "normal"},
    }


def test_a_field_reassigned_after_construction_is_checked_when_sent() -> None:
    request = ChatCompletionRequest(model="m", messages=[ChatMessage(role="user", content="a")])
    request.messages = "hi"  # type: ignore[assignment]
    with pytest.raises(TypeError, match=re.escape("ChatCompletionRequest.messages must be a list")):
        request.to_dict()


def test_models_given_as_models_are_kept_as_they_are() -> None:
    messages = [ChatMessage(role="user", content="a")]
    request = ChatCompletionRequest(model="m", messages=messages)
    assert request.messages is messages
