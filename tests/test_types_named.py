"""The types user code names are named in each package README, where users look, and import from
where the README says (issue 21 item 4).

Which types a list argument takes is read from the generated code itself, not from the README's
facts: the `create()` annotations of each resource module (`Sequence[ChatMessageParam | ...]`),
then, inside `<package>.params`, every `...Param` a TypedDict field or alias names, followed to
the bottom (a message's content parts, an image part's URL object).
"""

from __future__ import annotations

import ast
import importlib
import re
from pathlib import Path

import pytest

from codegen.providers import load_providers

PROVIDERS = load_providers()
PARAM = re.compile(r"\b\w+Param\b")
ROW = re.compile(r"^\| .* \| (?P<types>.+) \| (?P<modules>`[\w.]+`(?:; `[\w.]+`)?) \|$")


def _section(readme: str, title: str) -> str:
    start = readme.index(f"\n## {title}\n")
    end = readme.find("\n## ", start + 1)
    return readme[start : end if end != -1 else None]


def _params_named(package_dir: Path) -> dict[str, set[str]]:
    """Param name -> the Param names its own definition mentions (fields, alias), from params.py."""
    tree = ast.parse((package_dir / "params.py").read_text(encoding="utf-8"))
    found: dict[str, set[str]] = {}
    for node in tree.body:
        if isinstance(node, ast.ClassDef):
            found[node.name] = {n for stmt in node.body for n in PARAM.findall(ast.unparse(stmt))} - {node.name}
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            found[node.target.id] = set(PARAM.findall(ast.unparse(node.value)))
    return found


def _list_item_params(package_dir: Path) -> set[str]:
    """The Params that a list argument of some create() takes, and all they name inside."""
    roots: set[str] = set()
    for module in sorted((package_dir / "resources").glob("*.py")):
        tree = ast.parse(module.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and node.name == "create":
                for arg in node.args.kwonlyargs + node.args.args:
                    shown = ast.unparse(arg.annotation) if arg.annotation is not None else ""
                    if shown.startswith("Sequence["):
                        roots |= set(PARAM.findall(shown))
    named = _params_named(package_dir)
    found: set[str] = set()
    pending = sorted(roots)
    while pending:
        name = pending.pop()
        if name not in found:
            found.add(name)
            pending.extend(named.get(name, ()))
    return {name for name in found if name in named and not name.startswith(("ChatRole",))}


@pytest.mark.parametrize("key", sorted(PROVIDERS))
def test_every_list_item_type_is_named_in_the_readme_types_section(key: str) -> None:
    provider = PROVIDERS[key]
    package_dir = provider.project_dir / provider.package
    section = _section((provider.project_dir / "README.md").read_text(encoding="utf-8"), "Types")
    wanted = _list_item_params(package_dir)
    missing = sorted(name for name in wanted if f"`{name}`" not in section)
    assert not missing, f"{key}: the README's Types section does not name {missing}"


@pytest.mark.parametrize("key", sorted(PROVIDERS))
def test_each_type_in_the_readme_imports_from_where_it_says(key: str) -> None:
    provider = PROVIDERS[key]
    section = _section((provider.project_dir / "README.md").read_text(encoding="utf-8"), "Types")
    rows = [match for line in section.splitlines() if (match := ROW.match(line))]
    assert rows, f"{key}: no type rows in the README's Types section"
    for row in rows:
        modules = re.findall(r"`([\w.]+)`", row["modules"])
        groups = row["types"].split("; ")
        assert len(modules) in (1, len(groups)), row.group(0)
        for index, group in enumerate(groups):
            module = importlib.import_module(modules[min(index, len(modules) - 1)])
            for name in re.findall(r"`(\w+)", group):
                assert hasattr(module, name), f"{key}: {module.__name__} has no {name} ({row.group(0)})"
