"""What the openai-style clients share: the base client, the resource call path, raw responses."""
