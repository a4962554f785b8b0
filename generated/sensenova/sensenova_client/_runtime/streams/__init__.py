"""One stream: the SSE decoder, the stream format and results (a leaf), the fold, stream errors,
the lifecycle, the public Stream classes and the JSON parser switch."""
