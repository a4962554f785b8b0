"""The release: `make wheels` artifacts, `make publish` to a real index, installs in fresh environments.

The wheels are built once per run by `make wheels DIST=<tmp>` (the repository's dist/ is left
alone; generated/ is never regenerated from here, other tests read it). The fast tests read the
built files: metadata, file lists, imports against declared dependencies. The slow test is the
release as a user meets it: a pypiserver on loopback that wants credentials for uploads and never
falls back to PyPI, `make publish` with TWINE_* variables, then fresh virtual environments outside
the repository that pip-install from that index only: each package alone with the newest
dependency versions allowed (the first with its `speedups` extra), then all four together, with
the extra, with the dependencies at exactly their floors. In each, a script run by the
environment's own Python (isolated mode, scratch cwd, clean environment) makes plain, streamed,
async and wrong-key calls against the emulator and reports whether streams parse with orjson.
"""

from __future__ import annotations

import ast
import contextlib
import fcntl
import hashlib
import importlib.metadata
import json
import os
import select
import shutil
import subprocess
import sys
import tarfile
import time
import urllib.request
import zipfile
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from email.message import Message
from email.parser import Parser
from pathlib import Path
from typing import Any

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name, parse_wheel_filename

from codegen.prepare import stream_facts
from codegen.providers import ROOT, Provider, load_providers
from tests.cases import OPERATIONS
from tests.specs import operations

# The first test to ask for the wheels waits for `make wheels` (and a fresh machine's first uv downloads).
pytestmark = pytest.mark.timeout(600)

PROVIDERS = load_providers()
RELEASE = ROOT / "tests" / "release"
# What the clients ran on before httpx2 (and the CA bundle it verified with): a wheel pulls none of them.
OLD_STACK = {"httpx", "httpcore", "certifi"}
INDEX_USER = "release-check"


# --- building ------------------------------------------------------------------------------------


def _make_command(*args: str, env: dict[str, str] | None = None) -> tuple[list[str], dict[str, str]]:
    """make in the repository, never regenerating generated/ (`--old-file` on its stamps): other
    tests import from it meanwhile, and `make check` has already compared it with its sources."""
    clean = {k: v for k, v in (env or os.environ).items() if k not in {"MAKEFLAGS", "MFLAGS", "MAKELEVEL"}}
    keep = [f"--old-file=generated/{key}/pyproject.toml" for key in PROVIDERS]
    return ["make", "--no-print-directory", *keep, *args], clean


def _make(*args: str, env: dict[str, str] | None = None, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    command, clean = _make_command(*args, env=env)
    return subprocess.run(command, cwd=ROOT, env=clean, capture_output=True, text=True, timeout=timeout)


REBUILT = next(iter(PROVIDERS))  # the package built a second time, to compare the bytes


def _build(dist: Path, again: Path) -> None:
    """`make wheels` into dist and, at the same time, the first package alone into `again`."""
    command, env = _make_command("wheels", f"DIST={again}", f"PROVIDERS={REBUILT}")
    second = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        result = _make("wheels", f"DIST={dist}")
        assert result.returncode == 0, f"make wheels failed:\n{result.stdout}\n{result.stderr}"
        output, _ = second.communicate(timeout=300)
        assert second.returncode == 0, f"make wheels PROVIDERS={REBUILT} failed:\n{output.decode()}"
    finally:
        if second.poll() is None:
            second.kill()
            second.wait()


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """`make wheels` output (and a second build of one package), made once per run and shared by
    the xdist workers (file lock)."""
    base = tmp_path_factory.getbasetemp()
    shared = base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base
    dist, again = shared / "release-dist", shared / "release-dist-again"
    with open(shared / "release-dist.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not list(dist.glob(".built-*")) or not list(again.glob(".built-*")):
            _build(dist, again)
    return dist, again


@pytest.fixture(scope="session")
def dist(built: tuple[Path, Path]) -> Path:
    return built[0]


def _stamp(dist: Path) -> Path:
    (stamp,) = dist.glob(".built-*")  # the Makefile's "built" stamp; publishing it does not rebuild
    return stamp


def _wheel(dist: Path, provider: Provider) -> Path:
    return dist / f"{provider.package}-{provider.version}-py3-none-any.whl"


def _sdist(dist: Path, provider: Provider) -> Path:
    return dist / f"{provider.package}-{provider.version}.tar.gz"


def _metadata(wheel: Path) -> Message:
    name, version, _, _ = parse_wheel_filename(wheel.name)
    with zipfile.ZipFile(wheel) as archive:
        text = archive.read(f"{str(name).replace('-', '_')}-{version}.dist-info/METADATA").decode("utf-8")
    return Parser().parsestr(text)


def _requirements(wheel: Path) -> list[Requirement]:
    """Requires-Dist: the dependencies, and those of the extras (marked `extra == "<name>"`)."""
    return [Requirement(line) for line in _metadata(wheel).get_all("Requires-Dist") or []]


def _extras(wheel: Path) -> dict[str, set[str]]:
    """{extra: the distributions it adds}; every marker in Requires-Dist must name an extra."""
    extras: dict[str, set[str]] = {name: set() for name in _metadata(wheel).get_all("Provides-Extra") or []}
    for requirement in _requirements(wheel):
        if requirement.marker is not None:
            name = str(requirement.marker).removeprefix('extra == "').removesuffix('"')
            assert name in extras, f"{requirement}: only `extra == ...` markers are expected"
            extras[name].add(canonicalize_name(requirement.name))
    return extras


def _floors(requirements: list[Requirement]) -> dict[str, str]:
    floors = {}
    for requirement in requirements:
        lows = [spec.version for spec in requirement.specifier if spec.operator == ">="]
        assert len(lows) == 1, f"{requirement} needs exactly one '>=' floor (the release check installs it)"
        floors[canonicalize_name(requirement.name)] = lows[0]
    return floors


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# --- the built files -----------------------------------------------------------------------------


def _artifacts(folder: Path) -> dict[str, str]:
    return {f.name: _sha256(f) for f in folder.iterdir() if not f.name.startswith(".")}


def test_make_wheels_gives_one_wheel_and_one_sdist_per_provider(dist: Path) -> None:
    expected = {f.name for p in PROVIDERS.values() for f in (_wheel(dist, p), _sdist(dist, p))}
    assert set(_artifacts(dist)) == expected


def test_two_builds_of_the_same_sources_give_the_same_bytes(built: tuple[Path, Path]) -> None:
    dist, again = built
    provider = PROVIDERS[REBUILT]
    first = {f.name: _sha256(f) for f in (_wheel(dist, provider), _sdist(dist, provider))}
    assert _artifacts(again) == first


@pytest.mark.parametrize("key", PROVIDERS)
def test_wheel_metadata_is_complete(dist: Path, key: str) -> None:
    provider = PROVIDERS[key]
    meta = _metadata(_wheel(dist, provider))
    readme = (ROOT / "generated" / key / "README.md").read_text(encoding="utf-8")
    assert meta["Name"] == provider.distribution
    assert meta["Version"] == provider.version
    assert meta["Metadata-Version"] == "2.4", "2.4 is what every index and twine accept today"
    assert provider.name in meta["Summary"]
    assert meta["Description-Content-Type"] == "text/markdown"
    assert meta.get_payload().strip() == readme.strip()
    assert meta["License-Expression"] == "MIT"
    assert meta.get_all("License-File") == ["LICENSE"]
    assert meta["Requires-Python"] == ">=3.11"
    classifiers = meta.get_all("Classifier") or []
    versions = {c.rsplit(" :: ", 1)[1] for c in classifiers if c.startswith("Programming Language :: Python :: 3.")}
    assert versions == {"3.11", "3.12", "3.13", "3.14", "3.15"} and "Typing :: Typed" in classifiers
    assert not [c for c in classifiers if c.startswith("License ::")], "PEP 639: the SPDX expression replaces them"
    urls = dict(url.split(", ", 1) for url in meta.get_all("Project-URL") or [])
    assert urls["API base URL"] == provider.default_base_url
    with zipfile.ZipFile(_wheel(dist, provider)) as archive:
        license_text = archive.read(f"{provider.package}-{provider.version}.dist-info/licenses/LICENSE")
        assert archive.read(f"{provider.package}/py.typed") == b""
    assert license_text == (ROOT / "LICENSE").read_bytes()


@pytest.mark.parametrize("key", PROVIDERS)
def test_sdist_holds_the_project_and_the_same_metadata(dist: Path, key: str) -> None:
    provider = PROVIDERS[key]
    top = f"{provider.package}-{provider.version}"
    with tarfile.open(_sdist(dist, provider)) as archive:
        names = set(archive.getnames())
        pkg_info = archive.extractfile(f"{top}/PKG-INFO").read().decode("utf-8")  # type: ignore[union-attr]
    project_files = ("pyproject.toml", "README.md", "README.zh-CN.md", "CHANGELOG.md", "LICENSE")
    for required in (*project_files, f"{provider.package}/__init__.py"):
        assert f"{top}/{required}" in names
    assert not [n for n in names if "__pycache__" in n or n.endswith(".pyc")]
    sdist_meta, wheel_meta = Parser().parsestr(pkg_info), _metadata(_wheel(dist, provider))
    for field in ("Name", "Version", "Summary", "License-Expression", "Requires-Python"):
        assert sdist_meta[field] == wheel_meta[field], field
    assert sdist_meta.get_all("Requires-Dist") == wheel_meta.get_all("Requires-Dist")


def test_wheels_share_no_file_and_no_top_level_module(dist: Path) -> None:
    owners: dict[str, str] = {}
    for provider in PROVIDERS.values():
        with zipfile.ZipFile(_wheel(dist, provider)) as archive:
            names = archive.namelist()
        tops = {name.split("/", 1)[0] for name in names}
        assert tops == {provider.package, f"{provider.package}-{provider.version}.dist-info"}, (
            f"{provider.distribution} installs {sorted(tops)}"
        )
        for name in names:
            assert name not in owners, f"{name} is in both {owners.get(name)} and {provider.distribution}"
            owners[name] = provider.distribution
    assert len({p.package for p in PROVIDERS.values()}) == len(PROVIDERS)


def _type_checking_only(tree: ast.Module) -> set[ast.AST]:
    """Nodes under `if TYPE_CHECKING:`: never run, so not runtime imports (e.g. typing_extensions)."""
    guarded = (n for n in ast.walk(tree) if isinstance(n, ast.If) and ast.unparse(n.test).endswith("TYPE_CHECKING"))
    return {node for block in guarded for stmt in block.body for node in ast.walk(stmt)}


def _catches_import_error(handler: ast.ExceptHandler) -> bool:
    caught = handler.type.elts if isinstance(handler.type, ast.Tuple) else [handler.type]
    return any(isinstance(name, ast.Name) and name.id in ("ImportError", "ModuleNotFoundError") for name in caught)


def _optional(tree: ast.Module) -> set[ast.AST]:
    """Nodes in the body of a `try:` that catches ImportError: the package runs without them."""
    tries = (n for n in ast.walk(tree) if isinstance(n, ast.Try) and any(map(_catches_import_error, n.handlers)))
    return {node for block in tries for stmt in block.body for node in ast.walk(stmt)}


def _imports(node: ast.AST) -> set[str]:
    if isinstance(node, ast.Import):
        return {alias.name.split(".")[0] for alias in node.names}
    if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
        return {node.module.split(".")[0]}
    return set()


@pytest.mark.parametrize("key", PROVIDERS)
def test_declared_dependencies_are_exactly_the_runtime_imports(dist: Path, key: str) -> None:
    """Requires-Dist without a marker is exactly what the package imports; an import it can do
    without (in a `try` that catches ImportError) is exactly what its extras add."""
    provider = PROVIDERS[key]
    imported: set[str] = set()
    optional: set[str] = set()
    with zipfile.ZipFile(_wheel(dist, provider)) as archive:
        for name in archive.namelist():
            if name.endswith(".py"):
                tree = ast.parse(archive.read(name), filename=name)
                skipped, may_fail = _type_checking_only(tree), _optional(tree)
                for node in ast.walk(tree):
                    if node not in skipped:
                        (optional if node in may_fail else imported).update(_imports(node))
    owners = importlib.metadata.packages_distributions()

    def distributions(names: set[str]) -> set[str]:
        third_party = names - set(sys.stdlib_module_names) - {provider.package, "__future__"}
        unknown = {name for name in third_party if name not in owners}
        assert not unknown, f"imports with no known distribution: {sorted(unknown)}"
        return {canonicalize_name(dist_name) for name in third_party for dist_name in owners[name]}

    requirements = _requirements(_wheel(dist, provider))
    declared = {canonicalize_name(r.name) for r in requirements if r.marker is None}
    needed = distributions(imported)
    assert declared == needed, f"Requires-Dist {sorted(declared)} but the code imports {sorted(needed)}"
    extras = _extras(_wheel(dist, provider))
    in_extras = set().union(*extras.values())
    assert in_extras == distributions(optional) - needed, f"extras {extras} but optional imports {sorted(optional)}"
    assert extras == {"speedups": set()}  # retired: kept empty so that `pip install x[speedups]` works


# --- publishing and installing -------------------------------------------------------------------


@contextlib.contextmanager
def _index_server(root: Path, password: str, log: Path) -> Iterator[str]:
    """tests/release/index_server.py on a free port; yields its URL once /health answers."""
    env = {**os.environ, "RELEASE_INDEX_USERNAME": INDEX_USER, "RELEASE_INDEX_PASSWORD": password}
    with open(log, "wb") as errors:
        process = subprocess.Popen(
            [sys.executable, str(RELEASE / "index_server.py"), str(root)],
            stdout=subprocess.PIPE,
            stderr=errors,
            env=env,
        )
    try:
        assert process.stdout is not None
        deadline = time.monotonic() + 30
        ready, _, _ = select.select([process.stdout], [], [], 30)
        line = process.stdout.readline().decode().strip() if ready else ""
        assert line.startswith("http://127.0.0.1:"), f"index did not start: {line!r}\n{log.read_text()}"
        while True:
            try:
                with urllib.request.urlopen(f"{line}health", timeout=2) as answer:
                    if answer.status == 200:
                        break
            except OSError:
                pass
            assert process.poll() is None, f"index exited:\n{log.read_text()}"
            assert time.monotonic() < deadline, f"index at {line} never answered /health"
            time.sleep(0.05)
        yield line
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _download_dependencies(root: Path, requirements: list[str]) -> None:
    """Put wheels of the runtime dependencies (from PyPI) into the index's package folder."""
    command = [sys.executable, "-m", "pip", "download", "--quiet", "--disable-pip-version-check"]
    command += ["--only-binary=:all:", "--dest", str(root), *requirements]
    result = subprocess.run(command, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, f"pip download {requirements} failed:\n{result.stderr}"


def _fresh_env(home: Path, extra: dict[str, str] | None = None) -> dict[str, str]:
    """An environment with nothing from this one: no PYTHONPATH, no pip config, no proxies, no keys."""
    return {
        "PATH": "/usr/bin:/bin",
        "HOME": str(home),
        "LANG": "C.UTF-8",
        "PIP_CONFIG_FILE": os.devnull,
        "PIP_DISABLE_PIP_VERSION_CHECK": "1",
        "PYTHONNOUSERSITE": "1",
        **(extra or {}),
    }


def _run(command: list[str], *, cwd: Path, env: dict[str, str], timeout: float = 300) -> str:
    result = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)
    assert result.returncode == 0, (
        f"{' '.join(command)} failed ({result.returncode}):\n{result.stdout}\n{result.stderr}"
    )
    return result.stdout


def _case(provider: Provider) -> dict[str, Any]:
    """What the smoke script needs for the provider's first operation, and what the test expects."""
    op = next(iter(operations(provider.key))).raw
    media = op["requestBody"]["content"]["application/json"]
    request = media["schema"]["$ref"].rsplit("/", 1)[1]
    example = next(iter(media["examples"].values()))["value"]
    required = provider.spec["components"]["schemas"][request].get("required", [])
    answers = op["responses"]["200"]["content"]
    return {
        "distribution": provider.distribution,
        "package": provider.package,
        "tag": op["tags"][0],
        "operation": op["operationId"],
        "request_model": request,
        "body": {key: example[key] for key in required},
        "answer_model": answers["application/json"]["schema"]["$ref"].rsplit("/", 1)[1],
        "event_model": stream_facts(answers["text/event-stream"], op["operationId"])["event"].rsplit("/", 1)[1],
    }


def _install_and_try(
    venv: Path, index: str, requirements: list[str], providers: list[Provider], emulator: Any
) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    """Create `venv`, pip-install `requirements` from the index only, run the smoke script there."""
    scratch = venv.with_name(f"{venv.name}-scratch")
    scratch.mkdir()
    env = _fresh_env(scratch)
    # A bare venv, filled by pip (the tool venv's, run in the new interpreter by `pip --python`):
    # the same install as with the venv's own pip, without seconds of ensurepip per environment.
    _run([sys.executable, "-m", "venv", "--without-pip", str(venv)], cwd=scratch, env=env)
    python = str(venv / "bin" / "python")
    pip = [sys.executable, "-m", "pip", "--python", python]
    report = scratch / "pip-report.json"
    install = [*pip, "install", "--quiet", "--no-cache-dir", "--only-binary=:all:", "--index-url", f"{index}simple/"]
    _run([*install, "--report", str(report), *requirements], cwd=scratch, env=env)
    if len(providers) > 1:
        _run([*pip, "check"], cwd=scratch, env=env)  # all four together: no conflicting requirements
    shutil.copyfile(RELEASE / "smoke.py", scratch / "smoke.py")
    (scratch / "plan.json").write_text(json.dumps([_case(p) for p in providers]), encoding="utf-8")
    credentials = {}
    for p in providers:
        credentials[f"{p.env_prefix}_API_KEY"] = emulator.api_key(p.key)
        credentials[f"{p.env_prefix}_BASE_URL"] = emulator.base_url(p.key)
    out = _run([python, "-I", "smoke.py", "plan.json"], cwd=scratch, env=_fresh_env(scratch, credentials))
    return json.loads(report.read_text(encoding="utf-8"))["install"], json.loads(out)


def _check_environment(
    venv: Path,
    index: str,
    dist: Path,
    installed: list[dict[str, Any]],
    smoke: dict[str, Any],
    providers: list[Provider],
    dependency_versions: dict[str, str],
    speedups: bool,
) -> None:
    label = venv.name
    # Everything pip installed came from the local index; the clients are the very files we built.
    for item in installed:
        assert item["download_info"]["url"].startswith(index), f"{label}: {item['download_info']['url']}"
    by_name = {canonicalize_name(i["metadata"]["name"]): i for i in installed}
    for p in providers:
        sha = by_name[canonicalize_name(p.distribution)]["download_info"]["archive_info"]["hashes"]["sha256"]
        assert sha == _sha256(_wheel(dist, p)), f"{label}: {p.distribution} is not the wheel we built"
    # Only the requested providers, and the dependencies at the versions this environment is for.
    clients = {canonicalize_name(p.distribution) for p in PROVIDERS.values()}
    present = {canonicalize_name(name): version for name, version in smoke["installed"].items()}
    assert clients & set(present) == {canonicalize_name(p.distribution) for p in providers}, label
    for name, version in dependency_versions.items():
        assert present[name] == version, f"{label}: {name} {present[name]}, expected {version}"
    assert "msgspec" in present and "orjson" not in present, f"{label}: {sorted(present)}"
    # One HTTP stack: httpx2 and httpcore2; neither httpx nor httpcore installed, nor imported.
    assert not OLD_STACK & set(present), f"{label}: {sorted(OLD_STACK & set(present))} installed"
    assert {"httpx2", "httpcore2", "truststore"} <= set(present), f"{label}: {sorted(present)}"
    for package, modules in smoke["imported_by"].items():
        assert "httpx2" in modules and not OLD_STACK & set(modules), f"{label}: import {package} loads {modules}"
    assert not OLD_STACK & set(smoke["modules_after_calls"]), f"{label}: {smoke['modules_after_calls']}"
    # The script saw the environment, not the repository.
    assert Path(smoke["prefix"]).resolve() == venv.resolve()
    assert not [entry for entry in smoke["path"] if entry and Path(entry).resolve().is_relative_to(ROOT)]
    for p in providers:
        case, got = _case(p), smoke["packages"][p.package]
        assert Path(got["file"]).resolve().is_relative_to(venv.resolve() / "lib"), f"{label}: {got['file']}"
        assert got["version"] == p.version
        assert got["answer_type"] == case["answer_model"], f"{label} {p.key}: {got}"
        assert got["stream_event_types"] == [case["event_model"]], f"{label} {p.key}: {got}"
        assert got["stream_events"] > 0 and got["stream_text"].strip(), f"{label} {p.key}: {got}"
        assert got["async"] == {"answer_type": case["answer_model"], "stream_text": got["async"]["stream_text"]}
        assert got["async"]["stream_text"].strip(), f"{label} {p.key}: {got}"
        assert got["wrong_key"] == {"raised": "AuthenticationError", "status_code": 401}, f"{label} {p.key}"
        # With or without the (empty) extra, a stream calls msgspec once per event and agrees with
        # json on the edge cases; <PREFIX>_SPEEDUPS=0 turns it off (not even imported).
        fast = got["speedups"]
        assert fast["enabled"] is True and fast["msgspec_imported"] is True, f"{label} {p.key}: {fast}"
        assert fast["msgspec_calls"] == fast["events"] > 0, f"{label}: {fast}"
        assert fast["on_or_imported_with_env_off"] is False and fast["mismatches"] == [], f"{label} {p.key}: {fast}"


def _newest(root: Path, name: str) -> str:
    versions = [parse_wheel_filename(f.name)[1] for f in root.glob("*.whl") if parse_wheel_filename(f.name)[0] == name]
    return str(max(versions))


@pytest.mark.slow
@pytest.mark.timeout(900)
def test_published_packages_install_from_the_index_alone_and_together_and_call_the_emulator(
    dist: Path, tmp_path: Path, emulator: Any
) -> None:
    started, timings = time.monotonic(), {}
    try:
        # The index holds the dependencies (newest allowed, and the floors) before anything is published.
        root = tmp_path / "index"
        root.mkdir()
        # the extras' dependencies (none since speedups was retired) included, without their markers
        every = [r for p in PROVIDERS.values() for r in _requirements(_wheel(dist, p))]
        requirements = sorted({f"{r.name}{r.specifier}" for r in every})
        floors = _floors([Requirement(r) for r in requirements])
        with ThreadPoolExecutor(max_workers=2) as pool:
            pins = [f"{name}=={version}" for name, version in floors.items()]
            for download in [pool.submit(_download_dependencies, root, reqs) for reqs in (requirements, pins)]:
                download.result()
        dependencies = {f.name for f in root.iterdir()}
        newest = {name: _newest(root, name) for name in floors}
        timings["dependencies downloaded"] = time.monotonic() - started

        password = hashlib.sha256(os.urandom(16)).hexdigest()
        with _index_server(root, password, tmp_path / "index.log") as index:
            # upload what was built; the release records go to a scratch folder, not releases/
            records = tmp_path / "releases"
            publish = ("publish", f"DIST={dist}", f"--old-file={_stamp(dist)}", f"RELEASES={records}")
            publish_env = {**os.environ, "TWINE_REPOSITORY_URL": index, "TWINE_USERNAME": INDEX_USER}
            refused = _make(*publish, env={**publish_env, "TWINE_PASSWORD": "wrong"})
            assert refused.returncode != 0, "the index took an upload with a wrong password"
            assert {f.name for f in root.iterdir()} == dependencies
            assert not records.exists(), "a failed upload was recorded as a release"

            published = _make(*publish, env={**publish_env, "TWINE_PASSWORD": password})
            output = published.stdout + published.stderr
            assert published.returncode == 0, f"make publish failed:\n{output}"
            assert password not in output, "make publish printed the password"
            uploaded = {f.name: _sha256(f) for f in root.iterdir() if f.name not in dependencies}
            assert uploaded == _artifacts(dist)
            # each uploaded version is now the provider's last release (docs/releasing.md)
            for key, provider in PROVIDERS.items():
                record = json.loads((records / f"{key}.json").read_text(encoding="utf-8"))
                assert record["version"] == provider.version and record["distribution"] == provider.distribution
                user_code = ROOT / "tests" / "user_code" / f"{key}_app.py"
                assert (records / f"{key}_app.py").read_bytes() == user_code.read_bytes()
            timings["published"] = time.monotonic() - started

            # Each package alone with the newest dependencies allowed (the first with its speedups
            # extra, the others without); all four, with the extra, with the floors.
            venvs = tmp_path / "venvs"
            venvs.mkdir()
            plain = dict(newest)
            jobs = {venvs / f"alone-{key}": ([p.distribution], [p], plain, False) for key, p in PROVIDERS.items()}
            jobs[venvs / f"alone-{REBUILT}"] = (
                [f"{PROVIDERS[REBUILT].distribution}[speedups]"],
                [PROVIDERS[REBUILT]],
                newest,
                True,
            )
            jobs[venvs / "together-at-floors"] = (
                [*(f"{p.distribution}[speedups]" for p in PROVIDERS.values()), *pins],
                list(PROVIDERS.values()),
                floors,
                True,
            )
            with ThreadPoolExecutor(max_workers=3) as pool:
                futures = {
                    venv: pool.submit(_install_and_try, venv, index, reqs, providers, emulator)
                    for venv, (reqs, providers, _, _) in jobs.items()
                }
                results = {venv: future.result() for venv, future in futures.items()}
            timings["installed and called"] = time.monotonic() - started

        for venv, (installed, smoke) in results.items():
            _, providers, versions, speedups = jobs[venv]
            _check_environment(venv, index, dist, installed, smoke, providers, versions, speedups)

    finally:
        print("release check, seconds since start:", {k: round(v, 1) for k, v in timings.items()})


def test_publish_wants_the_index_and_credentials_from_the_environment(dist: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("TWINE_")}
    result = _make("publish", f"DIST={dist}", f"--old-file={_stamp(dist)}", env=env)
    assert result.returncode == 2 and "set TWINE_REPOSITORY_URL" in result.stderr
    env |= {"TWINE_REPOSITORY_URL": "http://127.0.0.1:9/", "TWINE_USERNAME": INDEX_USER}
    result = _make("publish", f"DIST={dist}", f"--old-file={_stamp(dist)}", env=env)
    assert result.returncode == 2 and "TWINE_PASSWORD" in result.stderr and "twine upload" not in result.stdout


# --- one HTTP stack with the openai SDK ----------------------------------------------------------

# The emulator's OpenAI-style routes by client (tests/cases.py): the SDK's base URL path, which
# of its resources, and a request.
OPENAI_ROUTES = {
    case.client: (*case.openai_route, case.minimal) for case in OPERATIONS if case.openai_route is not None
}


@pytest.mark.slow
def test_the_wheels_and_the_newest_openai_sdk_share_one_http_stack(dist: Path, tmp_path: Path, emulator: Any) -> None:
    """The four wheels and the newest openai 3.x (from the registry, with the newest dependencies
    the two allow) in one fresh venv made by uv: `pip check` passes, httpx2 is the only HTTP stack
    (no httpx, httpcore or certifi installed or imported), and in one process the openai SDK and
    every package call the emulator through that same httpx2."""
    venv, scratch = tmp_path / "venv", tmp_path / "scratch"
    scratch.mkdir()
    uv = str(Path(sys.executable).parent / "uv")
    tool_env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV", "UV_"))}
    _run([uv, "venv", "--quiet", "--python", sys.executable, str(venv)], cwd=scratch, env=tool_env)
    python = str(venv / "bin" / "python")
    wheels = [f"{p.distribution} @ {_wheel(dist, p).as_uri()}" for p in PROVIDERS.values()]
    _run([uv, "pip", "install", "--quiet", "--python", python, *wheels, "openai>=3,<4"], cwd=scratch, env=tool_env)
    _run([sys.executable, "-m", "pip", "--python", python, "check"], cwd=scratch, env=_fresh_env(scratch))

    plan = {
        "cases": [
            {**_case(p), "base_url": emulator.base_url(key), "api_key": emulator.api_key(key)}
            for key, p in PROVIDERS.items()
        ],
        "openai": {
            key: {
                "base_url": emulator.base_url(key) + prefix,
                "api_key": emulator.api_key(key),
                "kind": kind,
                "body": body,
            }
            for key, (prefix, kind, body) in OPENAI_ROUTES.items()
        },
    }
    shutil.copyfile(RELEASE / "with_openai.py", scratch / "with_openai.py")
    (scratch / "plan.json").write_text(json.dumps(plan), encoding="utf-8")
    report = json.loads(_run([python, "-I", "with_openai.py", "plan.json"], cwd=scratch, env=_fresh_env(scratch)))

    present = {canonicalize_name(name): version for name, version in report["installed"].items()}
    assert Path(report["prefix"]).resolve() == venv.resolve()
    assert report["openai_version"].startswith("3.") and present["openai"] == report["openai_version"]
    assert not OLD_STACK & set(present), f"installed beside openai: {sorted(OLD_STACK & set(present))}"
    assert not OLD_STACK & set(report["modules"]), f"imported: {sorted(OLD_STACK & set(report['modules']))}"
    assert report["openai_httpx2_file"] == report["httpx2_file"], "the SDK and the clients run on one httpx2"
    assert Path(report["httpx2_file"]).resolve().is_relative_to(venv.resolve())
    for key, (_, kind, _) in OPENAI_ROUTES.items():
        got = report["openai"][key]
        assert got["answer_type"] == ("ChatCompletion" if kind == "chat" else "Completion"), (key, got)
        assert got["chunks"] > 0 and got["id"].startswith("emu-"), (key, got)  # the emulator's answer
    for p in PROVIDERS.values():
        got, case = report["packages"][p.package], _case(p)
        assert got["answer_type"] == case["answer_model"] and got["stream_text"].strip(), (p.key, got)
        assert got["httpx2_client"] == "httpx2", (p.key, got)
    print("one stack:", {name: present[name] for name in ("openai", "httpx2", "httpcore2", "truststore", "anyio")})
