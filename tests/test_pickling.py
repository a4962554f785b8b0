"""Clients cross process boundaries as their configuration, never with a key (issue 24 item 4).

The rule (docs/distributed.md): a pickled client holds its settings (base URL, timeouts,
retries, limits, headers without Authorization, with_options() defaults) and no pool and no
credential; the process that unpickles it reads the credential from its own environment
(`<PREFIX>_API_KEY`, or an access key pair), as a client built there without api_key= would.
`copy.deepcopy` gives the same configuration with pools of its own and keeps the credential
(nothing leaves the process). What cannot be pickled (an ssl.SSLContext, a transport, an
http_client=, a credential copied into another header) is a TypeError naming it.

Every client (openai-style, sync and async, and AuthenticatedClient) of every package, with
the key given explicitly and from the environment: the key is never in the pickle's bytes, and
the unpickled client calls the emulator from a real subprocess. 1.x: `cannot pickle '_thread.lock'`.
"""

from __future__ import annotations

import asyncio
import copy
import json
import os
import pickle
import ssl
import subprocess
import sys
from typing import Any

import httpx2
import pytest

from emulator import Emulator
from tests.cases import KEYS, OPERATIONS, PROVIDERS
from tests.client_cases import PACKAGES, clear_credentials_env
from tests.test_surface import CASES, CLIENTS, client_class, package_of

KEY = "sk-pickle-explicit-7f3a9c"  # never accepted by the emulator: the worker must use its own
# One method per client (a provider's main client, or a client for another host).
CLIENT_METHODS = {client: (method, kwargs) for (client, method), kwargs in reversed(CASES.items())}
KINDS = ("sync", "async", "authenticated")


def _env_var(client: str) -> str:
    return f"{PROVIDERS[CLIENTS[client][0]].env_prefix}_API_KEY"


def _build(client: str, kind: str, emulator: Emulator, **kwargs: Any) -> Any:
    base_url = emulator.base_url(client)
    if kind == "authenticated":
        facts = CLIENTS[client][1]
        cls = getattr(package_of(client), f"{facts.name}AuthenticatedClient" if facts.name else "AuthenticatedClient")
        return cls(base_url=base_url, max_retries=1, **kwargs)
    return client_class(client, kind == "async")(base_url=base_url, max_retries=1, **kwargs)


# What the subprocess does with each pickle: load it, make one call, report the outcome.
WORKER = r"""
import asyncio, base64, functools, json, pickle, sys
import importlib

def run(job):
    try:
        client = pickle.loads(base64.b64decode(job["pickle"]))
    except Exception as exc:
        return {"error": type(exc).__name__, "message": str(exc)}
    package = importlib.import_module(job["package"])
    if job["kind"] == "authenticated":
        module = importlib.import_module(job["module"])
        model = functools.reduce(getattr, job["model"].split("."), package)
        with client:
            result = module.sync(client=client, body=model.from_dict(job["kwargs"]))
    else:
        create = functools.reduce(getattr, job["method"].split("."), client)
        if job["kind"] == "sync":
            with client:
                result = create(**job["kwargs"])
        else:
            async def main():
                async with client:
                    return await create(**job["kwargs"])
            result = asyncio.run(main())
    return {"ok": type(result).__name__, "retries": client.max_retries}

print(json.dumps([run(job) for job in json.load(sys.stdin)]))
"""


def _job(client: str, kind: str, pickled: bytes) -> dict[str, Any]:
    import base64

    method, kwargs = CLIENT_METHODS[client]
    [case] = [case for case in OPERATIONS if (case.client, case.method) == (client, method)]
    return {
        "package": case.package_name,
        "kind": kind,
        "method": method,
        "kwargs": kwargs,
        "module": case.module_name,
        "model": f"models.{case.request_model_name}",
        "pickle": base64.b64encode(pickled).decode(),
    }


def _in_a_worker(jobs: list[dict[str, Any]], env: dict[str, str]) -> list[dict[str, Any]]:
    clean = {
        name: value
        for name, value in os.environ.items()
        if not name.endswith(("_API_KEY", "_ACCESS_KEY_ID", "_SECRET_ACCESS_KEY"))
    }
    done = subprocess.run(
        [sys.executable, "-c", WORKER],
        input=json.dumps(jobs),
        capture_output=True,
        text=True,
        timeout=120,
        env={**clean, "PYTHONPATH": os.pathsep.join(sys.path), **env},
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout)  # type: ignore[no-any-return]


@pytest.mark.parametrize("source", ["explicit", "environment"])
def test_every_client_pickles_without_its_key_and_works_in_another_process(
    emulator: Emulator, source: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    clear_credentials_env(monkeypatch)
    jobs, env = [], {}
    for client in CLIENT_METHODS:
        if client != CLIENTS[client][0] and source == "environment":
            continue  # the other host's client reads the same variable as its provider's
        env[_env_var(client)] = emulator.api_key(client)
        for kind in KINDS:
            if source == "explicit":
                built = _build(client, kind, emulator, api_key=KEY)
            else:
                monkeypatch.setenv(_env_var(client), KEY)
                built = _build(client, kind, emulator)
            if kind != "authenticated":
                built = built.with_options(max_retries=3)  # call defaults travel too
            for protocol in range(pickle.HIGHEST_PROTOCOL + 1):
                data = pickle.dumps(built, protocol=protocol)
                assert KEY.encode() not in data, (client, kind, protocol)
            jobs.append(_job(client, kind, pickle.dumps(built)))
    outcomes = _in_a_worker(jobs, env)
    assert all("ok" in outcome for outcome in outcomes), outcomes
    assert [o["retries"] for o, job in zip(outcomes, jobs, strict=True) if job["kind"] != "authenticated"] == [3] * (
        len(jobs) * 2 // 3
    )


def test_an_access_key_pair_is_read_again_in_the_worker(emulator: Emulator, monkeypatch: pytest.MonkeyPatch) -> None:
    clear_credentials_env(monkeypatch)
    key_id, secret = emulator.access_key_pair()
    package = PACKAGES["sensenova"]
    built = package.SenseNova(access_key_id=key_id, secret_access_key=secret, base_url=emulator.base_url("sensenova"))
    data = pickle.dumps(built)
    assert secret.encode() not in data and key_id.encode() not in data
    env = {"SENSENOVA_ACCESS_KEY_ID": key_id, "SENSENOVA_SECRET_ACCESS_KEY": secret}
    [outcome] = _in_a_worker([_job("sensenova", "sync", data)], env)
    assert "ok" in outcome, outcome


def test_a_worker_without_the_variable_gets_a_typed_error_saying_why(
    emulator: Emulator, monkeypatch: pytest.MonkeyPatch
) -> None:
    clear_credentials_env(monkeypatch)
    jobs = [_job(key, "sync", pickle.dumps(_build(key, "sync", emulator, api_key=KEY))) for key in KEYS]
    for key, outcome in zip(KEYS, _in_a_worker(jobs, {}), strict=True):
        assert outcome["error"] == "MissingCredentialsError", outcome
        assert f"{PROVIDERS[key].env_prefix}_API_KEY" in outcome["message"] and "unpickled" in outcome["message"]
        assert KEY not in outcome["message"]


@pytest.mark.parametrize("client", list(CLIENT_METHODS))
def test_deepcopy_keeps_the_configuration_and_credential_with_pools_of_its_own(emulator: Emulator, client: str) -> None:
    original = _build(client, "sync", emulator, api_key=emulator.api_key(client)).with_options(max_retries=0)
    method, kwargs = CLIENT_METHODS[client]
    copied = copy.deepcopy(original)
    assert copied._api is not original._api and copied.max_retries == 0
    assert copied.base_url == original.base_url
    create = copied
    for part in method.split("."):
        create = getattr(create, part)
    original.close()  # the copy's pool is its own
    assert create(**kwargs) is not None
    copied.close()


@pytest.mark.parametrize("key", KEYS)
def test_what_cannot_be_pickled_is_a_type_error_naming_it(key: str) -> None:
    package = PACKAGES[key]
    name = PROVIDERS[key].client_class
    refused = {
        "verify_ssl": package.AuthenticatedClient(KEY, verify_ssl=ssl.create_default_context()),
        "httpx_args['transport']": getattr(package, name)(api_key=KEY, http_client=httpx2.Client()),
        "headers holds its credential": package.AuthenticatedClient(KEY, headers={"X-Copy": KEY}),
        "default_headers": getattr(package, name)(api_key=KEY).with_options(default_headers={"Authorization": KEY}),
    }
    for named, built in refused.items():
        with pytest.raises(TypeError, match="cannot be pickled") as caught:
            pickle.dumps(built)
        assert named in str(caught.value) and KEY not in str(caught.value), str(caught.value)


def test_an_unpickled_async_client_works_in_this_process_too(
    emulator: Emulator, monkeypatch: pytest.MonkeyPatch
) -> None:
    clear_credentials_env(monkeypatch)
    monkeypatch.setenv("LANRUI_API_KEY", emulator.api_key("lanrui"))
    kwargs = CLIENT_METHODS["lanrui"][1]
    back = pickle.loads(pickle.dumps(_build("lanrui", "async", emulator, api_key=KEY)))

    async def main() -> Any:
        async with back:
            return await back.chat.completions.create(**kwargs)

    assert asyncio.run(main()).choices
