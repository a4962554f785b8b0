"""Run by tests/test_python_versions.py with each supported CPython, in a fresh venv holding only
the built wheels and their dependencies:

    <venv>/bin/python -I runtime.py PLAN.json      (cwd: a scratch directory outside the repository)

PLAN.json gives, per package, one operation, a request body and the emulator's URL and keys. The
script imports every module of each package (an import-time 3.11-ism fails here, whatever the
calls below touch), then exercises the runtime a user meets on every Python: plain and async calls,
sync and async streams, typed errors (status, in-stream, cut stream, retry after 429) and
authentication (key from the environment, wrong key, access-key JWT where the provider has one),
and which parser the streams used (msgspec, a dependency, seen by a profiler hook).
It prints one JSON report of what it observed; the test decides what is right.
"""

from __future__ import annotations

import asyncio
import importlib
import json
import pkgutil
import sys
from collections.abc import Callable
from typing import Any


def _outcome(call: Callable[[], Any]) -> dict[str, Any]:
    """What a call did: the name of its result's type, or the exception it raised."""
    try:
        result = call()
    except Exception as exc:
        return {"raised": type(exc).__name__, "status_code": getattr(exc, "status_code", None)}
    return {"returned": type(result).__name__}


def _import_everything(package: Any) -> list[str]:
    failures = []
    for module in pkgutil.walk_packages(package.__path__, f"{package.__name__}."):
        try:
            importlib.import_module(module.name)
        except Exception as exc:
            failures.append(f"{module.name}: {type(exc).__name__}: {exc}")
    return failures


def _stream_text(operation: Any, client: Any, body: Any) -> str:
    with operation.stream(client=client, body=body) as stream:
        return "".join(stream.iter_text())


async def _astream_text(operation: Any, client: Any, body: Any) -> str:
    async with operation.astream(client=client, body=body) as stream:
        return "".join([piece async for piece in stream.iter_text()])


def _parser(operation: Any, client: Any, body: Any) -> dict[str, Any]:
    """How many events a stream gave and how many calls into msgspec it made."""
    msgspec_calls = 0

    def hook(frame: Any, event: str, arg: Any) -> None:
        nonlocal msgspec_calls
        if event == "c_call" and type(getattr(arg, "__self__", None)).__module__ == "msgspec.json":
            msgspec_calls += 1

    sys.setprofile(hook)
    try:
        with operation.stream(client=client, body=body) as stream:
            events = sum(1 for _ in stream)
    finally:
        sys.setprofile(None)
    return {"events": events, "msgspec_calls": msgspec_calls, "msgspec_imported": "msgspec" in sys.modules}


def _faulty(package: Any, fault: str) -> Any:
    """A new client (an async one is bound to the event loop of its first call) whose requests
    carry an emulator fault; one retry allowed."""
    return package.AuthenticatedClient(max_retries=1, headers={"X-Emulator-Fault": fault})


def try_package(case: dict[str, Any], python: str) -> dict[str, Any]:
    package = importlib.import_module(case["package"])
    operation = importlib.import_module(f"{case['package']}.api.{case['tag']}.{case['operation']}")
    body = getattr(importlib.import_module(f"{case['package']}.models"), case["request_model"]).from_dict(case["body"])
    client = package.AuthenticatedClient()  # <PREFIX>_API_KEY and <PREFIX>_BASE_URL from the environment
    tag = f"id={python}-{case['package']}"
    report: dict[str, Any] = {
        "import_failures": _import_everything(package),
        "plain": _outcome(lambda: operation.sync(client=client, body=body)),
        "async": _outcome(lambda: asyncio.run(operation.asyncio(client=package.AuthenticatedClient(), body=body))),
        "stream_text": _stream_text(operation, client, body),
        "astream_text": asyncio.run(_astream_text(operation, package.AuthenticatedClient(), body)),
        "parser": _parser(operation, client, body),
        "wrong_key": _outcome(lambda: operation.sync(client=package.AuthenticatedClient("not-the-key"), body=body)),
        "server_error": _outcome(
            lambda: operation.sync(client=_faulty(package, f"status;code=500;{tag}-500"), body=body, max_retries=0)
        ),
        "retried_429": _outcome(
            lambda: operation.sync(
                client=_faulty(package, f"status;code=429;retry-after=0;times=1;{tag}-429"), body=body
            )
        ),
        "stream_cut": _outcome(lambda: _stream_text(operation, _faulty(package, f"drop;after=1;{tag}-drop"), body)),
        "astream_cut": _outcome(
            lambda: asyncio.run(_astream_text(operation, _faulty(package, f"drop;after=1;{tag}-adrop"), body))
        ),
        "stream_error": _outcome(
            lambda: _stream_text(operation, _faulty(package, f"stream-error;after=1;{tag}-err"), body)
        ),
    }
    if case.get("access_key"):
        key_id, secret = case["access_key"]
        jwt_client = package.AuthenticatedClient(access_key_id=key_id, secret_access_key=secret)
        report["access_key"] = _outcome(lambda: operation.sync(client=jwt_client, body=body))
    return report


def main() -> None:
    with open(sys.argv[1], encoding="utf-8") as file:
        plan = json.load(file)
    python = ".".join(map(str, sys.version_info[:2]))
    report = {
        "python": python,
        "prefix": sys.prefix,
        "packages": {case["package"]: try_package(case, python) for case in plan},
    }
    json.dump(report, sys.stdout)


if __name__ == "__main__":
    main()
