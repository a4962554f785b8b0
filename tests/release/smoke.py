"""Run by tests/test_release.py with a fresh virtual environment's Python; uses only what is installed.

    <venv>/bin/python -I smoke.py PLAN.json      (cwd: a scratch directory outside the repository)

PLAN.json lists the packages to try: import name, distribution name, the operation module and
request model of one operation, and a request body. Credentials and base URLs come from the
environment (<PREFIX>_API_KEY, <PREFIX>_BASE_URL) as they do for users. Per package the script makes
a plain call, a streamed call, their async twins and a call with a wrong key, and looks at the
stream parser: whether msgspec is on, how often a stream calls it (a profiler hook sees C
calls), whether <PREFIX>_SPEEDUPS=0 turns it off, and whether it agrees with json on edge cases
(with the msgspec installed here, e.g. the floor). It also lists the top-level modules that
`import <package>` loads in a fresh interpreter, and those loaded once all calls are made (the test
wants httpx2 there and neither httpx nor httpcore). It prints one JSON report on stdout; the test
decides what is right. Any unexpected exception ends the script with a
traceback on stderr and a non-zero status.
"""

from __future__ import annotations

import asyncio
import importlib
import importlib.metadata
import json
import os
import subprocess
import sys
from typing import Any

# Texts on which msgspec and json differ or could (runtime/streams/parse.py): the package's parser
# must give json's object or leave the text to json.
EDGE_TEXTS = [
    "NaN",
    "1e400",
    "18446744073709551616",
    "-9223372036854775809",
    '{"a": 1, "b": 2, "a": 3}',
    '"\\ud800"',
    '"\\ud83d\\ude00"',
    '"\U0001f600 \u4f60\u597d"',
    "-0",
    "[-0.0, 1e-400, 2.4703282292062328e-324]",
    "1.00000000000000011102230246251565404236316680908203125",
    "[" * 300 + "]" * 300,
    '{"n": [1, 2.5, true, null, "x"]}',
]


def _text_of(stream: Any) -> str:
    return "".join(stream.iter_text())


async def _async_calls(operation: Any, client: Any, body: Any) -> dict[str, Any]:
    answer = await operation.asyncio(client=client, body=body)
    async with operation.astream(client=client, body=body) as stream:
        text = "".join([piece async for piece in stream.iter_text()])
    return {"answer_type": type(answer).__name__, "stream_text": text}


def _mismatches(speedups: Any) -> list[str]:
    if speedups.loads is None:
        return []
    wrong = []
    for text in EDGE_TEXTS:
        try:
            got = speedups.loads(text)
        except (ValueError, RecursionError):
            continue  # left to json
        if repr(got) != repr(json.loads(text)):
            wrong.append(text[:40])
    return wrong


def _speedups(case: dict[str, Any], operation: Any, client: Any, body: Any) -> dict[str, Any]:
    speedups = importlib.import_module(f"{case['package']}._runtime.streams.parse")  # behind <package>.speedups
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
    probe = f"import sys, {case['package']}.speedups as s; print(s.enabled() or 'msgspec' in sys.modules)"
    env_off = {**os.environ, speedups.SPEEDUPS_ENV: "0"}
    off = subprocess.run([sys.executable, "-I", "-c", probe], env=env_off, capture_output=True, text=True, check=True)
    return {
        "enabled": speedups.enabled(),
        "msgspec_imported": "msgspec" in sys.modules,
        "events": events,
        "msgspec_calls": msgspec_calls,
        "on_or_imported_with_env_off": {"True": True, "False": False}.get(off.stdout.strip(), off.stdout),
        "mismatches": _mismatches(speedups),
    }


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
        "speedups": _speedups(case, operation, client, body),
    }


def _imported_by(package: str) -> list[str]:
    """The top-level modules that `import <package>` loads, in a fresh interpreter."""
    probe = f"import json, sys, {package}; print(json.dumps(sorted({{m.split('.')[0] for m in sys.modules}})))"
    done = subprocess.run([sys.executable, "-I", "-c", probe], capture_output=True, text=True, check=True)
    return list(json.loads(done.stdout))


def main() -> None:
    with open(sys.argv[1], encoding="utf-8") as file:
        plan = json.load(file)
    packages = {case["package"]: try_package(case) for case in plan}
    report = {
        "prefix": sys.prefix,
        "path": sys.path,
        "installed": {dist.metadata["Name"]: dist.version for dist in importlib.metadata.distributions()},
        "packages": packages,
        "imported_by": {case["package"]: _imported_by(case["package"]) for case in plan},
        "modules_after_calls": sorted({name.split(".")[0] for name in sys.modules}),
    }
    json.dump(report, sys.stdout)


if __name__ == "__main__":
    main()
