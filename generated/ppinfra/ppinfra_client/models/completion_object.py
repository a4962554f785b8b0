from typing import Literal

CompletionObject = Literal["text_completion"]

COMPLETION_OBJECT_VALUES: set[CompletionObject] = {
    "text_completion",
}


def check_completion_object(value: str) -> CompletionObject:
    if value in COMPLETION_OBJECT_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {COMPLETION_OBJECT_VALUES!r}")
