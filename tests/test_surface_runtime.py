"""The surface's runtime promises that need a fresh interpreter: the <PROVIDER>_LOG switch (and
what it never prints), and a package root that loads the surface only when it is used."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

import pytest

from codegen.providers import ROOT, load_providers
from tests.client_cases import CANARY, canary_emulator, unique
from tests.specs import PROVIDERS

PYTHONPATH = os.pathsep.join([str(ROOT), *(str(p.project_dir) for p in load_providers().values())])


def _python(code: str, **env: str) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if not k.endswith(("_LOG", "_API_KEY", "_BASE_URL"))}
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        env={**clean, "PYTHONPATH": PYTHONPATH, **env},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


_CALLS = """
    import asyncio
    from lanrui_client import AsyncLanrui, Lanrui

    kwargs = dict(model="m/1", messages=[{"role": "user", "content": "Hi"}], extra_query={"token": "QUERY-SECRET"})
    with Lanrui() as client:
        client.chat.completions.create(**kwargs, extra_headers={"X-Emulator-Fault": "status;code=503;times=1;id=%s"})
        client.chat.completions.create(**kwargs, stream=True).until_done()

    async def main():
        async with AsyncLanrui() as client:
            await client.chat.completions.create(**kwargs)

    asyncio.run(main())
    print("done")
"""


# The same calls through AuthenticatedClient and the function modules.
_FUNCTION_CALLS = """
    import asyncio, os
    from lanrui_client import AuthenticatedClient
    from lanrui_client.api.chat import create_chat_completion as op
    from lanrui_client.models import ChatCompletionRequest

    body = ChatCompletionRequest.from_dict({"model": "m/1", "messages": [{"role": "user", "content": "Hi"}]})
    fault = {"X-Emulator-Fault": "status;code=503;times=1;id=%s"}  # the first call is retried once
    base_url = os.environ["LANRUI_BASE_URL"] + "?token=QUERY-SECRET"
    client = AuthenticatedClient(token=os.environ["LANRUI_API_KEY"], base_url=base_url, headers=fault)
    with client:
        op.sync_detailed(client=client, body=body)
        op.stream(client=client, body=body).until_done()

    async def main():
        async with client:
            await op.asyncio(client=client, body=body)

    asyncio.run(main())
    print("done")
"""


@pytest.mark.parametrize("code", [_CALLS, _FUNCTION_CALLS], ids=["openai-style", "function-modules"])
@pytest.mark.parametrize("level", ["info", "debug", "INFO"])
def test_provider_log_prints_each_call_and_retry_but_no_secret(level: str, code: str) -> None:
    with canary_emulator() as emulator:
        base_url = emulator.base_url("lanrui")
        done = _python(code % unique("log"), LANRUI_LOG=level, LANRUI_API_KEY=CANARY, LANRUI_BASE_URL=base_url)
    assert done.returncode == 0, done.stderr
    lines = done.stderr.splitlines()
    calls = [line for line in lines if f"POST {base_url}/v1/chat/completions -> 200 OK in " in line]
    assert len(calls) == 3, done.stderr  # plain (after its retry), streamed, async
    assert all(" lanrui_client INFO " in line for line in calls)
    assert any("retry" in line.lower() and "503" in line for line in lines), done.stderr
    for secret in (CANARY, "QUERY-SECRET", "Bearer", "Hi"):
        assert secret not in done.stderr


def test_without_the_switch_nothing_is_printed() -> None:
    with canary_emulator() as emulator:
        done = _python(_CALLS % unique("quiet"), LANRUI_API_KEY=CANARY, LANRUI_BASE_URL=emulator.base_url("lanrui"))
    assert (done.returncode, done.stderr, done.stdout) == (0, "", "done\n")


def test_an_unknown_log_level_is_named_in_a_warning() -> None:
    done = _python("from lanrui_client import Lanrui; Lanrui(api_key='k')", LANRUI_LOG="verbose")
    assert done.returncode == 0 and "LANRUI_LOG='verbose' is ignored" in done.stderr


@pytest.mark.parametrize("provider", PROVIDERS)
def test_the_package_root_loads_the_surface_only_when_used(provider: str) -> None:
    entry = load_providers()[provider]
    pkg, cls = entry.package, entry.client_class
    done = _python(
        f"""
        import json, sys
        def loaded():
            return sorted(m.removeprefix("{pkg}.") for m in sys.modules if m.startswith("{pkg}."))
        import {pkg}
        steps = [loaded()]
        client = {pkg}.{cls}(api_key="k")
        steps.append(loaded())
        client.{next(iter(_resources(provider)))}
        steps.append(loaded())
        print(json.dumps(steps))
        """
    )
    assert done.returncode == 0, done.stderr
    bare, with_client, with_resource = json.loads(done.stdout)
    surface = ("_clients", "_base_client", "_resource", "resources", "params", "api", "models", "streaming")
    assert not [m for m in bare if m.startswith(surface)], bare
    assert "_clients" in with_client and not [m for m in with_client if m.startswith(("resources", "api", "models"))]
    assert [m for m in with_resource if m.startswith("resources.")]
    assert "params" not in with_resource  # TypedDicts are for type checkers; nothing loads them


def _resources(provider: str) -> list[str]:
    from tests.specs import operations

    return [op.raw["x-client-method"].split(".")[0] for op in operations(provider)]
