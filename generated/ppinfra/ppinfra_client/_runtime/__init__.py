"""The package's hand-written runtime: private, copied in whole from the repository's runtime/.

Floors, each importing only from those below it (tests/test_import_layers.py checks it, type-only
imports included):

    surface/   what the openai-style clients share: base client, resource, raw response
    streams/   one stream: SSE decoder, format and results, fold, errors, lifecycle, Stream
    http/      one call on the wire: options, client and transport chain, auth, retry, deadline, send
    base       errors (and the request-id rule), answers, redact, logs, model_checks

The package root holds the public face (errors, client, streaming, speedups: thin re-exports).
"""
