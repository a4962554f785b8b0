"""Each package's root is its public face: what users import today keeps importing from where the
documents say, and everything hand-written behind it lives in the private `_runtime/`."""

from __future__ import annotations

import importlib
import importlib.util
import re
from pathlib import Path

import pytest

from codegen.providers import load_providers
from codegen.surface import faces

PROVIDERS = load_providers()
# The package root: the generated modules, the surface, the public face, and the private parts.
PUBLIC = {"__init__.py", "api", "models", "types.py", "params.py", "resources", "py.typed"}
PRIVATE = {"_runtime", "_clients.py", "_provider.py"}
FACE = {f"{face.module}.py" for face in faces()}

# Names the READMEs and docstrings documented before the runtime moved to _runtime/ (2.0.0).
DOCUMENTED = {
    "": [
        "AuthenticatedClient",
        "Client",
        "errors",
        "__version__",
        "APIError",
        "APIStatusError",
        "IncompleteStreamError",
        "RateLimitError",
        "Stream",
        "AsyncStream",
        "StreamResult",
    ],
    "errors": [
        "APIError",
        "APIConnectionError",
        "APITimeoutError",
        "APIStatusError",
        "BadRequestError",
        "AuthenticationError",
        "RateLimitError",
        "StreamError",
        "IncompleteStreamError",
        "MalformedStreamEventError",
        "StreamEventTooLargeError",
        "NotAStreamError",
        "UnexpectedStatus",
    ],
    "client": [
        "AuthenticatedClient",
        "Client",
        "DEFAULT_TIMEOUT",
        "DEFAULT_MAX_RETRIES",
        "RetryTransport",
        "AsyncRetryTransport",
    ],
    "streaming": ["Stream", "AsyncStream", "StreamResult", "StreamChoice", "ServerSentEvent", "iter_sse", "aiter_sse"],
    "speedups": ["enabled", "set_enabled"],
    "types": ["UNSET", "Unset", "Response"],
}
_PACKAGES = "|".join(p.package for p in PROVIDERS.values())
_IMPORT = re.compile(rf"^from ((?:{_PACKAGES})[\w.]*) import ([\w, ]+)$", re.M)


@pytest.mark.parametrize("key", PROVIDERS)
def test_the_package_root_holds_its_public_modules_and_the_private_runtime(key: str) -> None:
    provider = PROVIDERS[key]
    root = provider.project_dir / provider.package
    found = {p.name for p in root.iterdir() if p.name != "__pycache__"}
    assert found == PUBLIC | PRIVATE | FACE, found ^ (PUBLIC | PRIVATE | FACE)


@pytest.mark.parametrize("key", PROVIDERS)
def test_the_names_users_import_today_still_import_from_their_documented_module(key: str) -> None:
    package = PROVIDERS[key].package
    for module, names in DOCUMENTED.items():
        imported = importlib.import_module(f"{package}.{module}" if module else package)
        missing = [name for name in names if not hasattr(imported, name)]
        assert not missing, f"{imported.__name__} lacks {missing}"
    client_class = PROVIDERS[key].client_class
    assert hasattr(importlib.import_module(package), client_class)
    assert hasattr(importlib.import_module(package), f"Async{client_class}")


@pytest.mark.parametrize("key", PROVIDERS)
def test_every_import_line_of_the_package_readmes_runs(key: str) -> None:
    readmes = [*sorted(PROVIDERS[key].project_dir.glob("README*.md")), Path("README.md"), Path("README.zh-CN.md")]
    lines = {m.groups() for path in readmes if path.is_file() for m in _IMPORT.finditer(path.read_text("utf-8"))}
    lines = {(module, names) for module, names in lines if module.startswith(PROVIDERS[key].package)}
    assert lines, "the READMEs show no import of this package"
    for module, names in lines:
        imported = importlib.import_module(module)
        for name in (n.strip() for n in names.split(",")):
            assert hasattr(imported, name) or importlib.util.find_spec(f"{module}.{name}"), (
                f"from {module} import {name}"
            )


@pytest.mark.parametrize("key", PROVIDERS)
def test_each_streaming_operation_s_result_type_is_importable_next_to_its_resource(key: str) -> None:
    package = PROVIDERS[key].package
    resources = PROVIDERS[key].project_dir / package / "resources"
    found = 0
    for path in sorted(resources.glob("*.py")):
        module = importlib.import_module(f"{package}.resources.{path.stem}")
        for name in getattr(module, "__all__", []):
            if name.endswith("StreamResult"):
                found += 1
                assert (
                    getattr(getattr(module, name), "__origin__", None) is importlib.import_module(package).StreamResult
                )
    assert found, f"no resource of {package} exports a stream result type"
