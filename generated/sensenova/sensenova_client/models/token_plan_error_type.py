from typing import Literal

TokenPlanErrorType = Literal["authentication_error", "invalid_request_error", "not_found_error"]

TOKEN_PLAN_ERROR_TYPE_VALUES: set[TokenPlanErrorType] = {
    "authentication_error",
    "invalid_request_error",
    "not_found_error",
}


def check_token_plan_error_type(value: str) -> TokenPlanErrorType:
    if value in TOKEN_PLAN_ERROR_TYPE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {TOKEN_PLAN_ERROR_TYPE_VALUES!r}")
