"""Run by tests/test_release.py in a fresh venv holding the four wheels and the newest openai SDK:

    <venv>/bin/python -I with_openai.py PLAN.json      (cwd: a scratch directory outside the repository)

In one process: the openai SDK calls the emulator's OpenAI-style routes (a plain call and a stream
each), and every package makes a plain call and a stream on its own route. It reports what is
installed, which file each side's httpx2 is, the modules loaded at the end, and what each call
gave. It prints one JSON report on stdout; the test decides what is right.
"""

from __future__ import annotations

import importlib
import importlib.metadata
import json
import sys
from typing import Any


def _ours(case: dict[str, Any]) -> dict[str, Any]:
    package = importlib.import_module(case["package"])
    operation = importlib.import_module(f"{case['package']}.api.{case['tag']}.{case['operation']}")
    body = getattr(importlib.import_module(f"{case['package']}.models"), case["request_model"]).from_dict(case["body"])
    with package.AuthenticatedClient(base_url=case["base_url"], token=case["api_key"]) as client:
        answer = operation.sync(client=client, body=body)
        with operation.stream(client=client, body=body) as stream:
            text = "".join(stream.iter_text())
        return {
            "answer_type": type(answer).__name__,
            "stream_text": text,
            "httpx2_client": type(client.get_httpx_client()).__module__.split(".")[0],
        }


def _openai(route: dict[str, Any]) -> dict[str, Any]:
    import openai

    with openai.OpenAI(base_url=route["base_url"], api_key=route["api_key"], max_retries=0) as sdk:
        create = sdk.chat.completions.create if route["kind"] == "chat" else sdk.completions.create
        answer = create(**route["body"])
        with create(**route["body"], stream=True) as events:
            chunks = list(events)
        return {"answer_type": type(answer).__name__, "chunks": len(chunks), "id": answer.id}


def main() -> None:
    with open(sys.argv[1], encoding="utf-8") as file:
        plan = json.load(file)
    import httpx2
    import openai

    # The library under the SDK's own client class: the first base class from outside openai.
    base = next(c for c in type(openai.DefaultHttpxClient()).__mro__ if not c.__module__.startswith("openai"))
    openai_http = sys.modules[base.__module__.split(".")[0]]
    report = {
        "prefix": sys.prefix,
        "installed": {dist.metadata["Name"]: dist.version for dist in importlib.metadata.distributions()},
        "openai_version": openai.__version__,
        "openai": {key: _openai(route) for key, route in plan["openai"].items()},
        "packages": {case["package"]: _ours(case) for case in plan["cases"]},
        "httpx2_file": httpx2.__file__,
        "openai_httpx2_file": openai_http.__file__,
        "modules": sorted({name.split(".")[0] for name in sys.modules}),
    }
    json.dump(report, sys.stdout)


if __name__ == "__main__":
    main()
