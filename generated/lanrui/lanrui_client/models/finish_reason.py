from typing import Literal

FinishReason = Literal["length", "stop"]

FINISH_REASON_VALUES: set[FinishReason] = {
    "length",
    "stop",
}


def check_finish_reason(value: str) -> FinishReason:
    if value in FINISH_REASON_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {FINISH_REASON_VALUES!r}")
