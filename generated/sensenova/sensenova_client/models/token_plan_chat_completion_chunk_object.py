from typing import Literal

TokenPlanChatCompletionChunkObject = Literal["chat.completion.chunk"]

TOKEN_PLAN_CHAT_COMPLETION_CHUNK_OBJECT_VALUES: set[TokenPlanChatCompletionChunkObject] = {
    "chat.completion.chunk",
}


def check_token_plan_chat_completion_chunk_object(value: str) -> TokenPlanChatCompletionChunkObject:
    if value in TOKEN_PLAN_CHAT_COMPLETION_CHUNK_OBJECT_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {TOKEN_PLAN_CHAT_COMPLETION_CHUNK_OBJECT_VALUES!r}")
