"""The import layers of the runtime and of each generated package, checked over the import graph.

    python -m codegen.layers [PACKAGE_DIR ...]      (default: runtime/ and every generated package)

Every import counts, type-only ones (under `if TYPE_CHECKING:`) included: a picture of the house
that lies about its floors is wrong even when nothing breaks at run time. The rules:

1. No import circle, in the runtime or in a package.
2. Inside the runtime, a module imports only from its own floor or those below (FLOORS, top
   first), and inside a floor only from the modules listed after it. A runtime module that no
   floor lists is an error too, so a new module is placed on purpose.
3. The runtime imports nothing of the package outside it but the two generated leaves
   `_provider` and `types`: it knows no provider, model or operation.

Exit status 0 when every rule holds, 1 with one line per broken import otherwise.
"""

from __future__ import annotations

import ast
import sys
from collections.abc import Iterator
from pathlib import Path

from codegen.providers import ROOT, load_providers

# The runtime's floors, top first; inside a floor, modules top first. A module may import from
# any module after it in this list (its own floor's later modules, then every lower floor).
FLOORS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("surface", ("surface.resource", "surface.base_client", "surface.response", "surface.images")),
    (
        "streams",
        (
            "streams.stream",
            "streams.lifecycle",
            "streams.idle",
            "streams.final",
            "streams.errors",
            "streams.fold",
            "streams.parse",
            "streams.format",
            "streams.sse",
        ),
    ),
    (
        "http",
        (
            "http.send",
            "http.client",
            "http.given",
            "http.auth",
            "http.retry",
            "http.deadline",
            "http.h2_cancel",
            "http.options",
        ),
    ),
    ("base", ("answers", "logs", "errors", "model_checks", "redact", "wire")),
)
ORDER: tuple[str, ...] = tuple(module for _, modules in FLOORS for module in modules)
PACKAGES = ("__init__", "surface", "streams", "http")  # the runtime's own package modules
LEAVES = ("_provider", "types")  # what the runtime may import from the package around it


def _modules(root: Path) -> dict[str, Path]:
    """Dotted module name (relative to root) -> file, `__init__` files named by their folder."""
    found = {}
    for path in sorted(root.rglob("*.py")):
        parts = path.relative_to(root).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        found[".".join(parts) or "__init__"] = path
    return found


def _imports(module: str, path: Path, known: set[str]) -> Iterator[tuple[str, int]]:
    """(imported module, line) for each import of a module in `known`, relative ones resolved."""
    package = module.split(".") if path.name == "__init__.py" and module != "__init__" else module.split(".")[:-1]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.ImportFrom) or not node.level:
            continue  # absolute imports are third-party or the standard library here
        base = package[: len(package) - node.level + 1] if node.level > 1 else package
        stem = [*base, *(node.module.split(".") if node.module else [])]
        for alias in node.names:
            for candidate in (".".join([*stem, alias.name]), ".".join(stem)):
                if candidate in known:
                    yield candidate, node.lineno
                    break


def check(root: Path, runtime: str = "") -> list[str]:
    """The broken rules in the package (or runtime folder) at root; `runtime` is the runtime's
    dotted prefix inside it ("" when root is the runtime itself, "_runtime" in a package)."""
    modules = _modules(root)
    known = set(modules) - {"__init__"}
    graph = {name: dict(_imports(name, path, known)) for name, path in modules.items()}
    problems = _circles(graph, root)
    prefix = f"{runtime}." if runtime else ""
    for name, path in modules.items():
        if runtime and name != runtime and not name.startswith(prefix):
            continue
        inner = name.removeprefix(prefix) if name != runtime else "__init__"
        where = f"{path.relative_to(root.parent)}"
        if inner not in ORDER and inner not in PACKAGES:
            problems.append(f"{where}: module {inner} is on no floor of codegen/layers.py FLOORS")
            continue
        for imported, line in graph[name].items():
            problems += _rule(inner, imported, prefix, runtime, f"{where}:{line}")
    return problems


def _rule(inner: str, imported: str, prefix: str, runtime: str, where: str) -> list[str]:
    if runtime and not (imported == runtime or imported.startswith(prefix)):
        return [] if imported in LEAVES else [f"{where}: the runtime imports {imported}, outside it"]
    if not runtime and imported in LEAVES:
        return []
    target = imported.removeprefix(prefix)
    if inner in PACKAGES or target in PACKAGES:
        return []
    if ORDER.index(target) <= ORDER.index(inner):
        return [f"{where}: {inner} imports {target}, which is not below it (codegen/layers.py FLOORS)"]
    return []


def _circles(graph: dict[str, dict[str, int]], root: Path) -> list[str]:
    """One line per import circle (depth-first search; each circle reported once)."""
    seen: set[str] = set()
    problems = []
    reported: set[frozenset[str]] = set()

    def visit(name: str, trail: list[str]) -> None:
        if name in trail:
            circle = trail[trail.index(name) :]
            if frozenset(circle) not in reported:
                reported.add(frozenset(circle))
                problems.append(f"{root.name}: import circle {' -> '.join([*circle, name])}")
            return
        if name in seen:
            return
        seen.add(name)
        for imported in graph.get(name, {}):
            visit(imported, [*trail, name])

    for name in sorted(graph):
        visit(name, [])
    return problems


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    targets = [Path(a) for a in args] or [ROOT / "runtime"] + [
        p.project_dir / p.package for p in load_providers().values()
    ]
    problems = []
    for target in targets:
        problems += check(target, runtime="" if target.name == "runtime" else "_runtime")
    for line in problems:
        print(line)
    if not problems:
        print(f"import layers hold in {len(targets)} package(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
