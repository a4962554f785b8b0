"""TLS on the system trust store: what `verify_ssl=`, SSL_CERT_FILE / SSL_CERT_DIR and an
ssl.SSLContext do, against the emulator served over HTTPS on loopback (uvicorn, a certificate for
127.0.0.1 from a trustme CA made for the run), sync and async, with a package of each provider.

`verify_ssl=True` (the default) verifies with httpx2's default context: SSL_CERT_FILE or
SSL_CERT_DIR when set, else the operating system's store (on Linux OpenSSL's compiled-in CA file
and folder, `ssl.get_default_verify_paths()`). A CA bundle path or a folder (capath) trusts exactly
those CAs, as does SSL_CERT_FILE / SSL_CERT_DIR; an ssl.SSLContext is used as it is;
`verify_ssl=False` checks nothing. `httpx_args={"trust_env": False}` ignores the variables.

The system store itself: tests/tls/system_store.py runs in a private mount namespace (`unshare
--mount`, as root) where the system CA file is a bind mount of a copy that also holds the trustme
CA, so the process trusts that CA only through the system store and nothing on the machine changes.
There our clients, httpx2 and the openai SDK trust it and httpx 0.28.1 (certifi) does not; outside
the namespace nobody does.

The machine's environment may set SSL_CERT_FILE / SSL_CERT_DIR (this one does): every test here
clears them first, and sets them only where they are the subject.
"""

from __future__ import annotations

import asyncio
import json
import os
import shutil
import ssl
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx2
import pytest
import trustme

from codegen.providers import ROOT, load_providers
from emulator import Emulator
from tests.test_release import _case
from tests.test_streaming import CASES, Case

PROVIDERS = load_providers()
ONE_PER_PROVIDER = [next(c for c in CASES if c.provider == key) for key in PROVIDERS]
MODES = ["sync", "async"]


class TlsEmulator(Emulator):
    """The emulator over HTTPS: uvicorn with the server's key and certificate chain (one PEM)."""

    def __init__(self, server_pem: Path) -> None:
        super().__init__()
        config = self._server.config  # read by uvicorn when the server starts
        config.ssl_certfile = config.ssl_keyfile = str(server_pem)

    @property
    def url(self) -> str:
        return f"https://{self.host}:{self.port}"


class Pki:
    """The run's CAs and the files a client may be given: `ca` (the server's issuer) as a PEM file
    and as a hashed folder (capath), and `other` (a CA that issued nothing here)."""

    def __init__(self, folder: Path) -> None:
        self.ca, self.other = trustme.CA(), trustme.CA()
        self.server_pem = folder / "server.pem"
        self.ca.issue_cert("127.0.0.1").private_key_and_cert_chain_pem.write_to_path(str(self.server_pem))
        self.ca_file, self.other_file = folder / "ca.pem", folder / "other.pem"
        self.ca.cert_pem.write_to_path(str(self.ca_file))
        self.other.cert_pem.write_to_path(str(self.other_file))
        self.ca_dir: Path | None = folder / "capath"
        self.ca_dir.mkdir()
        shutil.copyfile(self.ca_file, self.ca_dir / "ca.pem")
        openssl = shutil.which("openssl")  # `openssl rehash`: the <subject hash>.0 names OpenSSL looks up
        done = openssl and subprocess.run([openssl, "rehash", str(self.ca_dir)], capture_output=True).returncode == 0
        if not done:
            self.ca_dir = None


@pytest.fixture(scope="module")
def pki(tmp_path_factory: pytest.TempPathFactory) -> Pki:
    return Pki(tmp_path_factory.mktemp("tls"))


@pytest.fixture(scope="module")
def tls_emulator(pki: Pki) -> Iterator[TlsEmulator]:
    with TlsEmulator(pki.server_pem) as server:
        yield server


@pytest.fixture(autouse=True)
def no_ssl_variables(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SSL_CERT_FILE", raising=False)
    monkeypatch.delenv("SSL_CERT_DIR", raising=False)


def _verify_error(exc: BaseException) -> ssl.SSLCertVerificationError | None:
    seen: BaseException | None = exc
    while seen is not None:
        if isinstance(seen, ssl.SSLCertVerificationError):
            return seen
        seen = seen.__cause__ or seen.__context__
    return None


def call(server: TlsEmulator, case: Case, mode: str, *, host: str = "127.0.0.1", **options: Any) -> str:
    """ "ok" (a typed answer), or why the certificate was refused: "untrusted" (no trusted issuer)
    or "hostname" (not valid for the host); the error must be the package's APIConnectionError."""
    base_url = server.base_url(case.provider).replace("127.0.0.1", host)
    client = case.package.AuthenticatedClient(
        base_url=base_url, token=server.api_key(case.provider), max_retries=0, **options
    )

    async def in_a_loop() -> Any:
        async with client:
            return await case.module.asyncio(client=client, body=case.body())

    try:
        if mode == "sync":
            with client:
                answer = case.module.sync(client=client, body=case.body())
        else:
            answer = asyncio.run(in_a_loop())
    except case.package.errors.APIConnectionError as exc:
        refused = _verify_error(exc)
        assert refused is not None, f"not a certificate error: {exc!r}"
        if refused.verify_code in (19, 20):  # self-signed in chain, unable to get local issuer
            return "untrusted"
        if refused.verify_code == 62:
            return "hostname"
        raise
    assert isinstance(answer, case.result_model)
    return "ok"


by_provider = pytest.mark.parametrize("case", ONE_PER_PROVIDER, ids=lambda c: c.provider)
by_mode = pytest.mark.parametrize("mode", MODES)


# --- verify_ssl= ---------------------------------------------------------------------------------


@by_provider
@by_mode
def test_default_verification_refuses_a_ca_the_system_store_does_not_hold(
    tls_emulator: TlsEmulator, case: Case, mode: str
) -> None:
    assert call(tls_emulator, case, mode) == "untrusted"
    assert call(tls_emulator, case, mode, verify_ssl=True) == "untrusted"


@by_provider
@by_mode
def test_a_ca_bundle_path_trusts_that_ca_and_checks_the_host(
    tls_emulator: TlsEmulator, pki: Pki, case: Case, mode: str
) -> None:
    assert call(tls_emulator, case, mode, verify_ssl=str(pki.ca_file)) == "ok"
    assert call(tls_emulator, case, mode, verify_ssl=str(pki.other_file)) == "untrusted"
    # the certificate names 127.0.0.1 only
    assert call(tls_emulator, case, mode, host="localhost", verify_ssl=str(pki.ca_file)) == "hostname"


@by_provider
@by_mode
def test_a_folder_of_hashed_certificates_is_a_capath(
    tls_emulator: TlsEmulator, pki: Pki, case: Case, mode: str
) -> None:
    if pki.ca_dir is None:
        pytest.skip("`openssl rehash` is not available to name the certificate folder's files")
    assert call(tls_emulator, case, mode, verify_ssl=str(pki.ca_dir)) == "ok"
    assert call(tls_emulator, case, mode, verify_ssl=str(pki.ca_dir.parent)) == "untrusted"  # no hashed names


@by_provider
@by_mode
def test_verify_ssl_false_checks_neither_issuer_nor_host(tls_emulator: TlsEmulator, case: Case, mode: str) -> None:
    assert call(tls_emulator, case, mode, verify_ssl=False) == "ok"
    assert call(tls_emulator, case, mode, host="localhost", verify_ssl=False) == "ok"


@by_provider
@by_mode
def test_an_ssl_context_is_used_as_it_is(tls_emulator: TlsEmulator, pki: Pki, case: Case, mode: str) -> None:
    context = ssl.create_default_context(cafile=pki.ca_file)
    assert call(tls_emulator, case, mode, verify_ssl=context) == "ok"
    assert call(tls_emulator, case, mode, host="localhost", verify_ssl=context) == "hostname"
    context.check_hostname = False  # the client's own settings, not a copy made at construction
    assert call(tls_emulator, case, mode, host="localhost", verify_ssl=context) == "ok"
    assert call(tls_emulator, case, mode, verify_ssl=ssl.create_default_context()) == "untrusted"


# --- SSL_CERT_FILE / SSL_CERT_DIR ----------------------------------------------------------------


@by_provider
@by_mode
def test_ssl_cert_file_and_dir_replace_the_default_store(
    tls_emulator: TlsEmulator, pki: Pki, case: Case, mode: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SSL_CERT_FILE", str(pki.ca_file))
    assert call(tls_emulator, case, mode) == "ok"
    monkeypatch.setenv("SSL_CERT_FILE", str(pki.other_file))  # read when a client is built
    assert call(tls_emulator, case, mode) == "untrusted"
    monkeypatch.delenv("SSL_CERT_FILE")
    if pki.ca_dir is not None:
        monkeypatch.setenv("SSL_CERT_DIR", str(pki.ca_dir))
        assert call(tls_emulator, case, mode) == "ok"


@by_provider
@by_mode
def test_the_variables_yield_to_an_explicit_setting_and_to_trust_env_false(
    tls_emulator: TlsEmulator, pki: Pki, case: Case, mode: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    made_before = ssl.create_default_context()
    monkeypatch.setenv("SSL_CERT_FILE", str(pki.ca_file))
    assert call(tls_emulator, case, mode, verify_ssl=str(pki.other_file)) == "untrusted"
    assert call(tls_emulator, case, mode, verify_ssl=made_before) == "untrusted"
    assert call(tls_emulator, case, mode, httpx_args={"trust_env": False}) == "untrusted"
    # A context made by ssl.create_default_context() while the variable is set did read it
    # (OpenSSL's default paths do), before the client saw the context.
    assert call(tls_emulator, case, mode, verify_ssl=ssl.create_default_context()) == "ok"


# --- the default context over many connections ---------------------------------------------------


def _cpu_per_call(make: Callable[[], Any], case: Case, calls: int) -> list[float]:
    """CPU seconds of this thread per sync call, each on a new connection (so a new handshake)."""
    client = make()
    costs = []
    for _ in range(calls):
        started = time.thread_time()
        with pytest.raises(case.package.errors.APIConnectionError):
            case.module.sync(client=client, body=case.body())
        costs.append(time.thread_time() - started)
    return costs


def test_handshakes_with_the_default_context_cost_what_a_context_loaded_once_costs(tls_emulator: TlsEmulator) -> None:
    """The default context (shared by every client of the process) loads the system store once.
    httpx2 before 2.15.1 verified through truststore.SSLContext on Linux, which re-reads the system
    store on every handshake and, on OpenSSL 3.0-3.3, adds a lookup that each later handshake walks
    (sethmlarson/truststore#212): here about 40 ms of CPU a handshake instead of 0.5, and growing.
    The handshakes fail (the system store does not hold the run's CA) but verify all the same."""
    case = ONE_PER_PROVIDER[0]
    options = {"base_url": tls_emulator.base_url(case.provider), "token": "k", "max_retries": 0}
    options["httpx_args"] = {"limits": httpx2.Limits(max_keepalive_connections=0)}
    loaded_once = ssl.create_default_context()  # OpenSSL's default paths, loaded here, once
    calls = 30
    default = _cpu_per_call(lambda: case.package.AuthenticatedClient(**options), case, calls)
    baseline = _cpu_per_call(lambda: case.package.AuthenticatedClient(verify_ssl=loaded_once, **options), case, calls)
    mean = {name: sum(costs[5:]) / (calls - 5) for name, costs in (("default", default), ("baseline", baseline))}
    assert mean["default"] < 2 * mean["baseline"] + 0.002, {k: f"{v * 1000:.2f} ms" for k, v in mean.items()}
    first, last = sum(default[5:15]) / 10, sum(default[-10:]) / 10
    print(f"CPU per call: default {mean['default'] * 1000:.2f} ms, loaded once {mean['baseline'] * 1000:.2f} ms")
    assert last < 2 * first + 0.002, f"handshakes grew from {first * 1000:.2f} to {last * 1000:.2f} ms of CPU"


# --- the system store ----------------------------------------------------------------------------


def _namespace_unavailable() -> str | None:
    if not sys.platform.startswith("linux"):
        return "the system-store test bind-mounts a CA file in a Linux mount namespace"
    if shutil.which("unshare") is None:
        return "unshare (util-linux) is not installed"
    probe = subprocess.run(["unshare", "--mount", "--propagation", "private", "true"], capture_output=True, text=True)
    if probe.returncode != 0:
        return f"`unshare --mount` is not permitted here (needs root or CAP_SYS_ADMIN): {probe.stderr.strip()}"
    return None


def _plan(server: TlsEmulator, pki: Pki) -> dict[str, Any]:
    cases = []
    for key, provider in PROVIDERS.items():
        cases.append({**_case(provider), "base_url": server.base_url(key), "api_key": server.api_key(key)})
    return {
        "origin": server.url,
        "other_ca": str(pki.other_file),
        "cases": cases,
        "openai": {  # lanrui's route is OpenAI's chat completions
            "base_url": server.base_url("lanrui") + "/v1",
            "api_key": server.api_key("lanrui"),
            "model": "qwen/7b",
            "messages": [{"role": "user", "content": "Hello there"}],
        },
    }


def _run_child(command: list[str], plan: Path, home: Path) -> dict[str, str]:
    pythonpath = os.pathsep.join(str(ROOT / "generated" / key) for key in PROVIDERS)
    env = {"PATH": "/usr/bin:/bin", "HOME": str(home), "LANG": "C.UTF-8", "PYTHONPATH": pythonpath}
    child = [*command, sys.executable, str(ROOT / "tests" / "tls" / "system_store.py"), str(plan)]
    result = subprocess.run(child, cwd=home, env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, f"{' '.join(child)} failed:\n{result.stdout}\n{result.stderr}"
    rows: dict[str, str] = json.loads(result.stdout)
    return rows


@pytest.mark.slow  # two Pythons that import four packages, openai and httpx: about 9 s
def test_a_ca_only_the_system_store_holds_is_trusted_by_our_clients_httpx2_and_openai(
    tls_emulator: TlsEmulator, pki: Pki, tmp_path: Path
) -> None:
    reason = _namespace_unavailable()
    if reason:
        pytest.skip(reason)
    system_file = ssl.get_default_verify_paths().openssl_cafile
    if not os.path.isfile(system_file):
        pytest.skip(f"OpenSSL's compiled-in CA file {system_file} does not exist on this system")
    # The system bundle plus the run's CA, as an IT department's CA would be added.
    system_bundle = Path(system_file).read_bytes()
    bundle = tmp_path / "system-bundle.pem"
    bundle.write_bytes(system_bundle.rstrip(b"\n") + b"\n" + pki.ca.cert_pem.bytes())
    plan = tmp_path / "plan.json"
    plan.write_text(json.dumps(_plan(tls_emulator, pki)), encoding="utf-8")
    # In the namespace the bind mount covers the file the compiled-in path leads to; the machine
    # itself never sees it (private propagation), and it ends with the process.
    target = os.path.realpath(system_file)
    mount = 'mount --bind "$1" "$2" && shift 2 && exec "$@"'
    namespace = ["unshare", "--mount", "--propagation", "private", "sh", "-c", mount, "sh", str(bundle), target]
    inside = _run_child(namespace, plan, tmp_path)
    outside = _run_child([], plan, tmp_path)
    assert Path(system_file).read_bytes() == system_bundle, "the machine's CA file changed"

    packages = [f"{p.package} {mode}" for p in PROVIDERS.values() for mode in MODES]
    assert {row: inside[row] for row in packages} == dict.fromkeys(packages, "ok"), inside
    assert inside["httpx2"] == "ok" and inside["openai"] == "ok", inside
    assert inside["httpx 0.28.1"].startswith("refused: unable to get local issuer certificate"), inside
    # An explicit bundle and SSL_CERT_FILE replace the system store rather than add to it.
    for row in ("verify_ssl=<other CA>", "SSL_CERT_FILE=<other CA>", "SSL_CERT_FILE=<other CA>, httpx2"):
        assert inside[row].startswith("refused: unable to get local issuer certificate"), (row, inside)
    # The control: outside the namespace the system store does not hold the CA.
    for row in [*packages, "httpx2", "openai", "httpx 0.28.1"]:
        assert outside[row].startswith("refused: unable to get local issuer certificate"), (row, outside)
