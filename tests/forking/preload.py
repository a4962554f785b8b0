"""The preload pattern, run as its own process (single-threaded, as a gunicorn or Celery master):
a module-level client makes a call, then the process forks ROUNDS times; parent and child each
call at once on the client built before the fork and check that the answer is to their own prompt.

    python tests/forking/preload.py <package> <client class> <base_url> <api_key> <sync|async> <rounds> \
        <method> <body>

<method> is the x-client-method to call ("chat.completions.create"), <body> its smallest request
as JSON (tests/cases.py); the marker goes into the last message's content, or the prompt.

Prints one JSON line: {"rounds": N, "crossed": [...], "failed": [...]}. A child reports through
its exit status: 0 its own answer, 3 another's, 4 an error.
"""

from __future__ import annotations

import asyncio
import functools
import importlib
import json
import os
import sys
from typing import Any


def request(body: dict[str, Any], marker: str) -> dict[str, Any]:
    body = json.loads(json.dumps(body))
    if "messages" in body:
        body["messages"][-1]["content"] = marker
    else:
        body["prompt"] = marker
    return body


def call(client: Any, method: str, body: dict[str, Any], marker: str) -> str:
    return json.dumps(functools.reduce(getattr, method.split("."), client)(**request(body, marker)).to_dict())


async def acall(client: Any, method: str, body: dict[str, Any], marker: str) -> str:
    create = functools.reduce(getattr, method.split("."), client)
    return json.dumps((await create(**request(body, marker))).to_dict())


def main() -> None:
    package, name, base_url, api_key, mode = sys.argv[1:6]
    rounds = int(sys.argv[6])
    method, body = sys.argv[7], json.loads(sys.argv[8])
    module = importlib.import_module(package)
    client_class = getattr(module, f"Async{name}" if mode == "async" else name)
    client = client_class(api_key=api_key, base_url=base_url, max_retries=0)

    def own(marker: str) -> str:
        if mode == "async":
            return asyncio.run(acall(client, method, body, marker))
        return call(client, method, body, marker)

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
