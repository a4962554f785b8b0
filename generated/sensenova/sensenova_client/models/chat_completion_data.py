from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ChatCompletionData")

# The keys the spec names; any other key of a payload goes to additional_properties.
_KNOWN_KEYS: frozenset[str] = frozenset({"choices", "id", "knowledge_base_results", "usage", "plugins"})


@_attrs_define
class ChatCompletionData:
    """Result of a non-streaming chat generation.

    Attributes:
        choices (list[ChatCompletionChoice]):
        id (str | Unset): Identifier of the generation.
        knowledge_base_results (list[KnowledgeBaseResult] | Unset): Knowledge-base passages retrieved for this request,
            one entry per knowledge base.
        usage (Usage | Unset): Token accounting of the request. In stream frames the counts are running totals (or zero
            until the last frame).
        plugins (PluginsUsage | Unset): What the plugins did for this request.
    """

    choices: list[ChatCompletionChoice]
    id: str | Unset = UNSET
    knowledge_base_results: list[KnowledgeBaseResult] | Unset = UNSET
    usage: Usage | Unset = UNSET
    plugins: PluginsUsage | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        choices = []
        for choices_item_data in self.choices:
            choices_item = choices_item_data.to_dict()
            choices.append(choices_item)

        id = self.id

        knowledge_base_results: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.knowledge_base_results, Unset):
            knowledge_base_results = []
            for knowledge_base_results_item_data in self.knowledge_base_results:
                knowledge_base_results_item = knowledge_base_results_item_data.to_dict()
                knowledge_base_results.append(knowledge_base_results_item)

        usage: dict[str, Any] | Unset = UNSET
        if not isinstance(self.usage, Unset):
            usage = self.usage.to_dict()

        plugins: dict[str, Any] | Unset = UNSET
        if not isinstance(self.plugins, Unset):
            plugins = self.plugins.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "choices": choices,
            }
        )
        if id is not UNSET:
            field_dict["id"] = id
        if knowledge_base_results is not UNSET:
            field_dict["knowledge_base_results"] = knowledge_base_results
        if usage is not UNSET:
            field_dict["usage"] = usage
        if plugins is not UNSET:
            field_dict["plugins"] = plugins

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        choices = []
        _choices = src_dict["choices"]
        for choices_item_data in _choices:
            choices_item = ChatCompletionChoice.from_dict(choices_item_data)

            choices.append(choices_item)

        id = src_dict.get("id", UNSET)

        _knowledge_base_results = src_dict.get("knowledge_base_results", UNSET)
        knowledge_base_results: list[KnowledgeBaseResult] | Unset = UNSET
        if _knowledge_base_results is not UNSET:
            knowledge_base_results = []
            for knowledge_base_results_item_data in _knowledge_base_results:
                knowledge_base_results_item = KnowledgeBaseResult.from_dict(knowledge_base_results_item_data)

                knowledge_base_results.append(knowledge_base_results_item)

        _usage = src_dict.get("usage", UNSET)
        usage: Usage | Unset
        if isinstance(_usage, Unset):
            usage = UNSET
        else:
            usage = Usage.from_dict(_usage)

        _plugins = src_dict.get("plugins", UNSET)
        plugins: PluginsUsage | Unset
        if isinstance(_plugins, Unset):
            plugins = UNSET
        else:
            plugins = PluginsUsage.from_dict(_plugins)

        chat_completion_data = cls(
            choices=choices,
            id=id,
            knowledge_base_results=knowledge_base_results,
            usage=usage,
            plugins=plugins,
        )

        d = {} if src_dict.keys() <= _KNOWN_KEYS else {k: v for k, v in src_dict.items() if k not in _KNOWN_KEYS}

        chat_completion_data.additional_properties = d
        return chat_completion_data

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties


# Imported after the class so that models referring to each other load in any order.
from ..models.chat_completion_choice import ChatCompletionChoice
from ..models.knowledge_base_result import KnowledgeBaseResult
from ..models.plugins_usage import PluginsUsage
from ..models.usage import Usage
