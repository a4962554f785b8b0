from typing import Literal

KnowledgeConfigControlLevel = Literal["high", "normal"]

KNOWLEDGE_CONFIG_CONTROL_LEVEL_VALUES: set[KnowledgeConfigControlLevel] = {
    "high",
    "normal",
}


def check_knowledge_config_control_level(value: str) -> KnowledgeConfigControlLevel:
    if value in KNOWLEDGE_CONFIG_CONTROL_LEVEL_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {KNOWLEDGE_CONFIG_CONTROL_LEVEL_VALUES!r}")
