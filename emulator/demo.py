"""`python -m emulator.demo` (`make demo`): stream one answer through every generated client.

Starts the emulator on a free loopback port, then for each provider picks its chat operation (or
its completion operation when it has no chat), builds the request with the generated model,
streams it with the generated `stream()` and prints the text as it arrives. Stops the emulator.
"""

from __future__ import annotations

import importlib
import sys
from typing import Any

from codegen.providers import Provider, load_providers
from emulator import Emulator, Settings, dialect
from emulator.dialect import Operation

PACE = 0.03  # seconds between events, so the text visibly streams
QUESTION = "Which rivers cross the old town?"


def _importable(provider: Provider) -> None:
    """Make generated/<provider> importable when the package is not installed."""
    path = str(provider.project_dir)
    if path not in sys.path:
        sys.path.insert(0, path)


def pick(provider: Provider) -> Operation:
    ops = list(dialect.operations()[provider.key].values())
    return next((op for op in ops if op.is_chat), ops[0])


def request_body(op: Operation) -> dict[str, Any]:
    if op.is_chat:
        return {"model": "demo-model", "messages": [{"role": "user", "content": QUESTION}]}
    return {"model": "demo-model", "prompt": QUESTION}


def stream_one(emulator: Emulator, provider: Provider) -> None:
    _importable(provider)
    op = pick(provider)
    tag = op.raw["tags"][0]
    module = importlib.import_module(f"{provider.package}.api.{tag}.{op.operation_id}")
    models = importlib.import_module(f"{provider.package}.models")
    package = importlib.import_module(provider.package)
    body = getattr(models, op.request_schema_name).from_dict(request_body(op))
    client = package.AuthenticatedClient(
        api_key=emulator.api_key(provider.key), base_url=emulator.base_url(provider.key)
    )
    print(f"{provider.name} ({op.operation_id}, {emulator.base_url(provider.key)}{op.path})")
    print("  ", end="", flush=True)
    with client, module.stream(client=client, body=body) as events:
        for piece in events.iter_text():
            print(piece, end="", flush=True)
    print("\n")


def main() -> int:
    with Emulator(settings=Settings(pace=PACE)) as emulator:
        print(f"emulator listening on {emulator.url}\n")
        for provider in load_providers().values():
            stream_one(emulator, provider)
    print("emulator stopped")
    return 0


if __name__ == "__main__":
    sys.exit(main())
