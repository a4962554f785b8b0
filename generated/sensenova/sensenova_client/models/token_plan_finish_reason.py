from typing import Literal

TokenPlanFinishReason = Literal["length", "stop"]

TOKEN_PLAN_FINISH_REASON_VALUES: set[TokenPlanFinishReason] = {
    "length",
    "stop",
}


def check_token_plan_finish_reason(value: str) -> TokenPlanFinishReason:
    if value in TOKEN_PLAN_FINISH_REASON_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {TOKEN_PLAN_FINISH_REASON_VALUES!r}")
