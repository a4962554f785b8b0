from __future__ import annotations

import json as _json
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._runtime import model_checks
from ..models.knowledge_config_control_level import KnowledgeConfigControlLevel, check_knowledge_config_control_level
from ..types import UNSET, Unset

T = TypeVar("T", bound="KnowledgeConfig")

# The keys the spec names; any other key of a payload goes to additional_properties.
_KNOWN_KEYS: frozenset[str] = frozenset({"control_level", "knowledge_base_result", "knowledge_base_configs"})


@_attrs_define
class KnowledgeConfig:
    """How the knowledge bases named in `know_ids` are used.

    Attributes:
        control_level (KnowledgeConfigControlLevel | Unset): How closely the reply follows knowledge-base content:
            `normal` uses it as ordinary reference material, `high` keeps the reply as close to it as possible (choose this
            to discourage the model from going beyond the knowledge base).

            Default: `"normal"` (applied by the server).
        knowledge_base_result (bool | Unset): When true, the response includes the knowledge-base passages retrieved for
            this request.

            Default: `false` (applied by the server).
        knowledge_base_configs (list[KnowledgeBaseConfig] | Unset): Per-knowledge-base retrieval settings.
    """

    control_level: KnowledgeConfigControlLevel | Unset = UNSET
    knowledge_base_result: bool | Unset = UNSET
    knowledge_base_configs: list[KnowledgeBaseConfig] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __attrs_post_init__(self) -> None:
        self._check_nested()

    def _check_nested(self) -> None:
        """Dicts given for nested models become models; anything else there is a TypeError."""
        self.knowledge_base_configs = model_checks.as_optional_models(
            self.knowledge_base_configs, KnowledgeBaseConfig, "KnowledgeConfig.knowledge_base_configs"
        )

    def to_dict(self) -> dict[str, Any]:
        self._check_nested()  # a field may have been reassigned since construction
        control_level: str | Unset = UNSET
        if not isinstance(self.control_level, Unset):
            control_level = self.control_level

        knowledge_base_result = self.knowledge_base_result

        knowledge_base_configs: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.knowledge_base_configs, Unset):
            knowledge_base_configs = []
            for knowledge_base_configs_item_data in self.knowledge_base_configs:
                knowledge_base_configs_item = knowledge_base_configs_item_data.to_dict()
                knowledge_base_configs.append(knowledge_base_configs_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if control_level is not UNSET:
            field_dict["control_level"] = control_level
        if knowledge_base_result is not UNSET:
            field_dict["knowledge_base_result"] = knowledge_base_result
        if knowledge_base_configs is not UNSET:
            field_dict["knowledge_base_configs"] = knowledge_base_configs

        return field_dict

    def to_json(self, *, indent: int | None = 2) -> str:
        """to_dict() as JSON text (non-ASCII characters kept as they are)."""
        return _json.dumps(self.to_dict(), indent=indent, ensure_ascii=False)

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        _control_level = src_dict.get("control_level", UNSET)
        control_level: KnowledgeConfigControlLevel | Unset
        if isinstance(_control_level, Unset):
            control_level = UNSET
        else:
            control_level = check_knowledge_config_control_level(_control_level)

        knowledge_base_result = src_dict.get("knowledge_base_result", UNSET)

        _knowledge_base_configs = src_dict.get("knowledge_base_configs", UNSET)
        knowledge_base_configs: list[KnowledgeBaseConfig] | Unset = UNSET
        if _knowledge_base_configs is not UNSET:
            knowledge_base_configs = []
            for knowledge_base_configs_item_data in _knowledge_base_configs:
                knowledge_base_configs_item = KnowledgeBaseConfig.from_dict(knowledge_base_configs_item_data)

                knowledge_base_configs.append(knowledge_base_configs_item)

        knowledge_config = cls(
            control_level=control_level,
            knowledge_base_result=knowledge_base_result,
            knowledge_base_configs=knowledge_base_configs,
        )

        d = {} if src_dict.keys() <= _KNOWN_KEYS else {k: v for k, v in src_dict.items() if k not in _KNOWN_KEYS}

        knowledge_config.additional_properties = d
        return knowledge_config

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
from ..models.knowledge_base_config import KnowledgeBaseConfig
