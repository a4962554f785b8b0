"""The resources of the openai-style clients, one module per resource (`chat.completions` is in
`chat_completions.py`). They load when a client attribute first reaches them."""
