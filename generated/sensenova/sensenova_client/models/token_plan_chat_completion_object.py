from typing import Literal

TokenPlanChatCompletionObject = Literal["chat.completion"]

TOKEN_PLAN_CHAT_COMPLETION_OBJECT_VALUES: set[TokenPlanChatCompletionObject] = {
    "chat.completion",
}


def check_token_plan_chat_completion_object(value: str) -> TokenPlanChatCompletionObject:
    if value in TOKEN_PLAN_CHAT_COMPLETION_OBJECT_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {TOKEN_PLAN_CHAT_COMPLETION_OBJECT_VALUES!r}")
