"""Run by tests/test_tls.py, in a private mount namespace where the system CA bundle holds the run's
trustme CA, and once outside it (the control):

    python system_store.py PLAN.json

PLAN.json gives the HTTPS emulator's origin, a second CA's file (one the system store never holds),
and per package one operation with a request body, base URL and key. With SSL_CERT_FILE and
SSL_CERT_DIR unset, the script calls the server with our clients (sync and async, verify_ssl left
at its default), with httpx2 and the openai SDK (their defaults), and with httpx 0.28.1 (the
reference, on certifi's bundle); then with our clients given a CA bundle path or SSL_CERT_FILE
naming the second CA. It prints one JSON object, {row: "ok" or what refused the certificate}; the
test decides what is right.
"""

from __future__ import annotations

import asyncio
import importlib
import json
import os
import ssl
import sys
from collections.abc import Callable
from typing import Any


def _outcome(call: Callable[[], Any]) -> str:
    """ "ok", or the reason of the certificate error somewhere in the exception's chain."""
    try:
        call()
    except Exception as exc:
        seen: BaseException | None = exc
        while seen is not None:
            if isinstance(seen, ssl.SSLCertVerificationError):
                return f"refused: {seen.verify_message}"
            seen = seen.__cause__ or seen.__context__
        return f"{type(exc).__name__}: {exc}"
    return "ok"


def _ours(case: dict[str, Any], asynchronous: bool, **options: Any) -> Callable[[], Any]:
    package = importlib.import_module(case["package"])
    operation = importlib.import_module(f"{case['package']}.api.{case['tag']}.{case['operation']}")
    body = getattr(importlib.import_module(f"{case['package']}.models"), case["request_model"]).from_dict(case["body"])

    def call() -> Any:
        client = package.AuthenticatedClient(base_url=case["base_url"], token=case["api_key"], max_retries=0, **options)
        if asynchronous:
            return asyncio.run(operation.asyncio(client=client, body=body))
        return operation.sync(client=client, body=body)

    return call


def main() -> None:
    with open(sys.argv[1], encoding="utf-8") as file:
        plan = json.load(file)
    assert "SSL_CERT_FILE" not in os.environ and "SSL_CERT_DIR" not in os.environ
    rows: dict[str, str] = {}
    for case in plan["cases"]:
        for mode, asynchronous in (("sync", False), ("async", True)):
            rows[f"{case['package']} {mode}"] = _outcome(_ours(case, asynchronous))

    import httpx2

    rows["httpx2"] = _outcome(lambda: httpx2.get(plan["origin"] + "/"))

    import openai

    route = plan["openai"]
    sdk = openai.OpenAI(base_url=route["base_url"], api_key=route["api_key"], max_retries=0)
    rows["openai"] = _outcome(lambda: sdk.chat.completions.create(model=route["model"], messages=route["messages"]))

    import httpx  # 0.28.1, the reference: certifi's bundle

    rows["httpx 0.28.1"] = _outcome(lambda: httpx.get(plan["origin"] + "/"))

    # An explicit bundle, or SSL_CERT_FILE, replaces the system store instead of adding to it.
    first = plan["cases"][0]
    rows["verify_ssl=<other CA>"] = _outcome(_ours(first, False, verify_ssl=plan["other_ca"]))
    os.environ["SSL_CERT_FILE"] = plan["other_ca"]
    rows["SSL_CERT_FILE=<other CA>"] = _outcome(_ours(first, False))
    rows["SSL_CERT_FILE=<other CA>, httpx2"] = _outcome(lambda: httpx2.get(plan["origin"] + "/"))
    print(json.dumps(rows))


if __name__ == "__main__":
    main()
