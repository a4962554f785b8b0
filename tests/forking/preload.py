"""The preload pattern, run as its own process (single-threaded, as a gunicorn or Celery master):
a module-level client makes a call, then the process forks ROUNDS times; parent and child each
call at once on the client built before the fork and check that the answer is to their own prompt.

    python tests/forking/preload.py <package> <client class> <base_url> <api_key> <sync|async> <rounds>

Prints one JSON line: {"rounds": N, "crossed": [...], "failed": [...]}. A child reports through
its exit status: 0 its own answer, 3 another's, 4 an error.
"""

from __future__ import annotations

import asyncio
import importlib
import json
import os
import sys
from typing import Any

CHAT = {"sensenova_client": "SenseChat", "lanrui_client": "qwen/7b"}
COMPLETION = {"eronmind_client": "gpt-3.5-turbo-instruct", "ppinfra_client": "meta-llama/llama-3.1-8b-instruct"}


def request(package: str, marker: str) -> dict[str, Any]:
    body: dict[str, Any]
    if package in CHAT:
        body = {"model": CHAT[package], "messages": [{"role": "user", "content": marker}]}
        path = "chat"
    else:
        body = {"model": COMPLETION[package], "prompt": marker}
        path = "completions"
    return {"path": path, **body}


def call(client: Any, package: str, marker: str) -> str:
    spec = request(package, marker)
    resource = client.chat.completions if spec.pop("path") == "chat" else client.completions
    return json.dumps(resource.create(**spec).to_dict())


async def acall(client: Any, package: str, marker: str) -> str:
    spec = request(package, marker)
    resource = client.chat.completions if spec.pop("path") == "chat" else client.completions
    return json.dumps((await resource.create(**spec)).to_dict())


def main() -> None:
    package, name, base_url, api_key, mode = sys.argv[1:6]
    rounds = int(sys.argv[6])
    module = importlib.import_module(package)
    client_class = getattr(module, f"Async{name}" if mode == "async" else name)
    client = client_class(api_key=api_key, base_url=base_url, max_retries=0)

    def own(marker: str) -> str:
        return asyncio.run(acall(client, package, marker)) if mode == "async" else call(client, package, marker)

    own("warm-up")  # the pool now holds a keep-alive connection
    crossed, failed = [], []
    for n in range(rounds):
        pid = os.fork()
        if pid == 0:
            try:
                code = 0 if f"child-{n}-" in own(f"child-{n}-{os.getpid()}") else 3
            except Exception:
                code = 4
            os._exit(code)
        if mode == "sync":  # the async client's pool belongs to the loop of the warm-up
            answer = own(f"parent-{n}-")
            if f"parent-{n}-" not in answer:
                crossed.append(f"parent round {n}")
        _, status = os.waitpid(pid, 0)
        code = os.waitstatus_to_exitcode(status)
        if code == 3:
            crossed.append(f"child round {n}")
        elif code != 0:
            failed.append(f"child round {n}: exit {code}")
    print(json.dumps({"rounds": rounds, "crossed": crossed, "failed": failed}))


if __name__ == "__main__":
    main()
