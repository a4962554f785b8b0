from typing import Literal

AssociatedKnowledgeMode = Literal["concatenate", "override"]

ASSOCIATED_KNOWLEDGE_MODE_VALUES: set[AssociatedKnowledgeMode] = {
    "concatenate",
    "override",
}


def check_associated_knowledge_mode(value: str) -> AssociatedKnowledgeMode:
    if value in ASSOCIATED_KNOWLEDGE_MODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {ASSOCIATED_KNOWLEDGE_MODE_VALUES!r}")
