"""Run by tests/test_release.py with a fresh virtual environment's Python; uses only what is installed.

    <venv>/bin/python -I smoke.py PLAN.json      (cwd: a scratch directory outside the repository)

PLAN.json lists the packages to try: import name, distribution name, the operation module and
request model of one operation, and a request body. Credentials and base URLs come from the
environment (<PREFIX>_API_KEY, <PREFIX>_BASE_URL) as they do for users. Per package the script makes
a plain call, a streamed call, their async twins and a call with a wrong key, and prints one JSON
report on stdout; the test decides what is right. Any unexpected exception ends the script with a
traceback on stderr and a non-zero status.
"""

from __future__ import annotations

import asyncio
import importlib
import importlib.metadata
import json
import sys
from typing import Any


def _text_of(stream: Any) -> str:
    return "".join(stream.iter_text())


async def _async_calls(operation: Any, client: Any, body: Any) -> dict[str, Any]:
    answer = await operation.asyncio(client=client, body=body)
    async with operation.astream(client=client, body=body) as stream:
        text = "".join([piece async for piece in stream.iter_text()])
    return {"answer_type": type(answer).__name__, "stream_text": text}


def try_package(case: dict[str, Any]) -> dict[str, Any]:
    package = importlib.import_module(case["package"])
    operation = importlib.import_module(f"{case['package']}.api.{case['tag']}.{case['operation']}")
    models = importlib.import_module(f"{case['package']}.models")
    body = getattr(models, case["request_model"]).from_dict(case["body"])

    client = package.AuthenticatedClient()  # <PREFIX>_API_KEY and <PREFIX>_BASE_URL
    answer = operation.sync(client=client, body=body)
    with operation.stream(client=client, body=body) as stream:
        events = [type(event).__name__ for event in stream]
    with operation.stream(client=client, body=body) as stream:
        text = _text_of(stream)

    try:
        operation.sync(client=package.AuthenticatedClient(token="not-the-key"), body=body)
        wrong_key: dict[str, Any] = {"raised": None}
    except package.errors.APIStatusError as exc:
        wrong_key = {"raised": type(exc).__name__, "status_code": exc.status_code}

    return {
        "file": package.__file__,
        "version": importlib.metadata.version(case["distribution"]),
        "answer_type": type(answer).__name__,
        "stream_event_types": sorted(set(events)),
        "stream_events": len(events),
        "stream_text": text,
        "async": asyncio.run(_async_calls(operation, client, body)),
        "wrong_key": wrong_key,
    }


def main() -> None:
    with open(sys.argv[1], encoding="utf-8") as file:
        plan = json.load(file)
    report = {
        "prefix": sys.prefix,
        "path": sys.path,
        "installed": {dist.metadata["Name"]: dist.version for dist in importlib.metadata.distributions()},
        "packages": {case["package"]: try_package(case) for case in plan},
    }
    json.dump(report, sys.stdout)


if __name__ == "__main__":
    main()
