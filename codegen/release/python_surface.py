"""The Python level of a release: what a type-checked user of a generated package can import and
call, read statically from its source with `ast`.

Nothing is imported, so the reading is deterministic and works the same on a package built for
another httpx. The public names follow the rules that mypy --strict and pyright apply to a py.typed
package: a module or name whose own name starts with `_` is private (a dunder member of a class is
not: `__iter__`, `__enter__` are how users use it); an imported name is public only if `__all__`
lists it, it is imported as itself (`from x import A as A`), or star-imported. Each public
definition is described once, under its canonical path (the shortest public path that reaches it),
and every other public path that reaches it is a reference; so moving a definition into a private
module (`_runtime/`) and re-exporting it changes nothing. Annotations are rendered with every name
resolved to that canonical path (`httpx.Timeout`, `lanrui_client.models.ChatCompletion`), unions
sorted and Literals merged, TypeVars as their bare name. A class defined in a private module that a
public signature mentions (the `RawResponse` that `with_raw_response.create()` returns) is
described too, as `<package>._private.<Name>`, because users hold and use it.

Entries (JSON, kept in releases/<key>.json):
    {"kind": "module"}
    {"kind": "ref", "to": <canonical path>}         another public path of a definition
    {"kind": "external", "to": "httpx.Timeout"}     a public name for something outside the package
    {"kind": "class", "bases", "decorators", "keywords", "members": {name: member}}
    {"kind": "function", "signatures": [...], "decorators"}   (overloads as several signatures)
    {"kind": "alias", "type"}  a type alias;  {"kind": "variable", "type": <annotation or None>}
Members: {"kind": "field", "type", "required"}, {"kind": "property", "type", "settable"?},
{"kind": "method", "signatures", "binding"?, "decorators"?}, {"kind": "attribute", "type"}.
A signature: {"params": ["/", "*", "name: type = ...", "*args: type", ...], "returns", "async"?}.
Keys marked ? (and empty bases, decorators, keywords) are left out when they hold the default.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

Entry = dict[str, Any]
PRIVATE = "_private"
TYPEVAR_FACTORIES = frozenset({"typing.TypeVar", "typing.ParamSpec", "typing.TypeVarTuple"})
UNION_FORMS = frozenset({"typing.Union", "typing.Optional"})
LITERAL = "typing.Literal"
TYPEDDICT = "typing.TypedDict"
REQUIRED_WRAPPERS = {"typing.Required": True, "typing.NotRequired": False}
# member decorators turned into structure (kind, binding) rather than listed
STRUCTURAL_DECORATORS = frozenset(
    {
        "typing.overload",
        "builtins.property",
        "functools.cached_property",
        "builtins.classmethod",
        "builtins.staticmethod",
    }
)
# dunder members that are machinery, not something users call
MACHINERY = frozenset({"__attrs_post_init__", "__post_init__", "__init_subclass__", "__class_getitem__", "__slots__"})


@dataclass(frozen=True)
class Imported:
    """A name bound by an import: `module` itself (name None) or `name` of `module`."""

    module: str
    name: str | None
    reexport: bool  # `import a as a`, `from m import a as a`: public even without __all__


@dataclass
class Module:
    name: str
    tree: ast.Module
    bindings: dict[str, ast.AST | Imported] = field(default_factory=dict)
    overloads: dict[str, list[ast.FunctionDef | ast.AsyncFunctionDef]] = field(default_factory=dict)
    stars: list[str] = field(default_factory=list)
    all: list[str] | None = None


@dataclass(frozen=True)
class Definition:
    module: str
    name: str

    @property
    def key(self) -> str:
        return f"{self.module}.{self.name}"


@dataclass(frozen=True)
class ModuleRef:
    module: str


@dataclass(frozen=True)
class External:
    dotted: str


Target = Definition | ModuleRef | External


def python_surface(package_dir: Path) -> dict[str, Entry]:
    """The public surface of the package in `package_dir` (a folder with an __init__.py)."""
    return Surface(package_dir).entries()


def is_private(dotted: str) -> bool:
    return any(part.startswith("_") and part != "__init__" for part in dotted.split("."))


# --- reading the modules -------------------------------------------------------------------------


def _module_name(package_dir: Path, path: Path) -> str:
    parts = [package_dir.name, *path.relative_to(package_dir).with_suffix("").parts]
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _top_level(body: list[ast.stmt]) -> Iterator[ast.stmt]:
    """Statements at module level, including those under `if` (TYPE_CHECKING, version checks) and
    `try` (optional imports): a type checker sees them all."""
    for statement in body:
        if isinstance(statement, ast.If):
            yield from _top_level(statement.body)
            yield from _top_level(statement.orelse)
        elif isinstance(statement, ast.Try):
            yield from _top_level(statement.body)
            for handler in statement.handlers:
                yield from _top_level(handler.body)
        else:
            yield statement


def _absolute(module: Module, is_package: bool, level: int, target: str | None) -> str:
    if level == 0:
        return target or ""
    parts = module.name.split(".")
    base = parts if is_package else parts[:-1]
    base = base[: len(base) - (level - 1)] if level > 1 else base
    return ".".join([*base, *([target] if target else [])])


def _read(package_dir: Path, path: Path) -> Module:
    module = Module(_module_name(package_dir, path), ast.parse(path.read_bytes(), filename=str(path)))
    is_package = path.name == "__init__.py"
    for statement in _top_level(module.tree.body):
        _bind(module, is_package, statement)
    return module


def _bind(module: Module, is_package: bool, statement: ast.stmt) -> None:
    if isinstance(statement, ast.Import):
        for alias in statement.names:
            if alias.asname:
                module.bindings[alias.asname] = Imported(alias.name, None, alias.asname == alias.name)
            else:
                head = alias.name.split(".")[0]
                module.bindings[head] = Imported(head, None, False)
    elif isinstance(statement, ast.ImportFrom):
        source = _absolute(module, is_package, statement.level, statement.module)
        for alias in statement.names:
            if alias.name == "*":
                module.stars.append(source)
                continue
            # `from . import x` in a package's __init__ exposes its submodule x (pyright's rule,
            # taken for __init__ only: elsewhere it is how a module reaches a sibling)
            sibling = is_package and statement.level == 1 and statement.module is None
            reexport = alias.asname == alias.name or sibling
            module.bindings[alias.asname or alias.name] = Imported(source, alias.name, reexport)
    elif isinstance(statement, ast.ClassDef):
        module.bindings[statement.name] = statement
    elif isinstance(statement, ast.FunctionDef | ast.AsyncFunctionDef):
        if any(_decorator_name(d) in ("overload", "typing.overload") for d in statement.decorator_list):
            module.overloads.setdefault(statement.name, []).append(statement)
        else:
            module.bindings[statement.name] = statement
    elif isinstance(statement, ast.Assign | ast.AnnAssign):
        targets = statement.targets if isinstance(statement, ast.Assign) else [statement.target]
        for target in targets:
            if isinstance(target, ast.Name):
                module.bindings[target.id] = statement
                if target.id == "__all__" and statement.value is not None:
                    module.all = _string_list(statement.value)


def _decorator_name(node: ast.expr) -> str:
    node = node.func if isinstance(node, ast.Call) else node
    return ast.unparse(node)


def _string_list(node: ast.expr) -> list[str] | None:
    if isinstance(node, ast.List | ast.Tuple):
        values = [e.value for e in node.elts if isinstance(e, ast.Constant) and isinstance(e.value, str)]
        return values if len(values) == len(node.elts) else None
    return None


# --- the surface ---------------------------------------------------------------------------------


class Surface:
    """Resolution of names across one package's modules, and the description of its surface."""

    def __init__(self, package_dir: Path) -> None:
        self.package = package_dir.name
        paths = sorted(p for p in package_dir.rglob("*.py") if "__pycache__" not in p.parts)
        self.modules = {module.name: module for module in (_read(package_dir, path) for path in paths)}
        self.canonical: dict[str, str] = {}  # definition key -> its canonical public path
        self.private_wanted: dict[str, Definition] = {}  # private path -> definition users meet

    # resolution

    def resolve(self, module: str, name: str, depth: int = 0) -> Target:
        """What `name` in `module` is, following imports (a name not bound is a builtin)."""
        if depth > 40:
            return External(f"{module}.{name}")
        if module not in self.modules:
            return External(_normalized(f"{module}.{name}"))
        binding = self.modules[module].bindings.get(name)
        if binding is None:
            if f"{module}.{name}" in self.modules:
                return ModuleRef(f"{module}.{name}")
            for star in self.modules[module].stars:
                if star in self.modules and name in self.public_names(star):
                    return self.resolve(star, name, depth + 1)
            if name in self.modules[module].overloads:
                return Definition(module, name)
            return External(f"builtins.{name}")
        if isinstance(binding, Imported):
            if binding.name is None:
                return ModuleRef(binding.module) if binding.module in self.modules else External(binding.module)
            if f"{binding.module}.{binding.name}" in self.modules:  # `from . import errors`: the submodule
                return ModuleRef(f"{binding.module}.{binding.name}")
            return self.resolve(binding.module, binding.name, depth + 1)
        return Definition(module, name)

    def resolve_expression(self, module: str, node: ast.expr) -> Target | None:
        """A Name or a dotted Attribute chain, resolved; None for anything else."""
        if isinstance(node, ast.Name):
            return self.resolve(module, node.id)
        if isinstance(node, ast.Attribute):
            head = self.resolve_expression(module, node.value)
            if isinstance(head, ModuleRef):
                return self.resolve(head.module, node.attr)
            if isinstance(head, External):
                return External(_normalized(f"{head.dotted}.{node.attr}"))
            if isinstance(head, Definition):
                return External(f"{self.name_of(head)}.{node.attr}")
        return None

    def public_names(self, module: str) -> list[str]:
        """Names of `module` a strict type checker lets users import (see the module docstring)."""
        mod = self.modules[module]
        names = set(mod.all or [])
        for name, binding in mod.bindings.items():
            if name.startswith("_"):
                continue
            if isinstance(binding, Imported):
                if binding.reexport:
                    names.add(name)
            elif not self._is_typevar(module, binding):
                names.add(name)
        names.update(name for name in mod.overloads if not name.startswith("_"))
        for star in mod.stars:
            if star in self.modules:
                names.update(self.public_names(star))
        return sorted(names)

    def _is_typevar(self, module: str, node: ast.AST) -> bool:
        value = node.value if isinstance(node, ast.Assign | ast.AnnAssign) else None
        if isinstance(value, ast.Call):
            target = self.resolve_expression(module, value.func)
            return isinstance(target, External) and target.dotted in TYPEVAR_FACTORIES
        return False

    def node_of(self, definition: Definition) -> ast.AST | None:
        binding = self.modules[definition.module].bindings.get(definition.name)
        return binding if isinstance(binding, ast.AST) else None

    def name_of(self, definition: Definition) -> str:
        """How a definition is written in types: its canonical public path, or the private
        placeholder (then it is described as well), or its bare name for a TypeVar."""
        node = self.node_of(definition)
        if node is not None and self._is_typevar(definition.module, node):
            return definition.name
        if definition.key in self.canonical:
            return self.canonical[definition.key]
        path = f"{self.package}.{PRIVATE}.{definition.name}"
        self.private_wanted.setdefault(path, definition)
        return path

    # the entries

    def entries(self) -> dict[str, Entry]:
        found: dict[str, Entry] = {}
        exported: dict[Definition, list[str]] = {}
        for module in sorted(self.modules):
            if is_private(module):
                continue
            found[module] = {"kind": "module"}
            for name in self.public_names(module):
                path = f"{module}.{name}"
                target = self.resolve(module, name)
                if isinstance(target, Definition):
                    exported.setdefault(target, []).append(path)
                elif isinstance(target, External):
                    found[path] = {"kind": "external", "to": target.dotted}
                elif target.module != path:
                    found[path] = {"kind": "ref", "to": target.module}
        for definition, paths in exported.items():
            self.canonical[definition.key] = min(paths, key=lambda p: (p.count("."), len(p), p))
        for definition, paths in sorted(exported.items(), key=lambda item: item[0].key):
            canonical = self.canonical[definition.key]
            found[canonical] = self.describe(definition)
            found.update({path: {"kind": "ref", "to": canonical} for path in paths if path != canonical})
        described: set[str] = set()
        while pending := sorted(set(self.private_wanted) - described):
            for path in pending:
                described.add(path)
                found[path] = self.describe(self.private_wanted[path])
        return dict(sorted(found.items()))

    def describe(self, definition: Definition) -> Entry:
        node = self.node_of(definition)
        overloads = self.modules[definition.module].overloads.get(definition.name, [])
        if isinstance(node, ast.ClassDef):
            return self._class(definition.module, node)
        if overloads or isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            defs = overloads or [node] if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) else overloads
            signatures = [self._signature(definition.module, d, drop_first=False) for d in defs]
            entry: Entry = {"kind": "function", "signatures": signatures}
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and (
                decorators := self._decorators(definition.module, node)
            ):
                entry["decorators"] = decorators
            return entry
        if isinstance(node, ast.Assign | ast.AnnAssign):
            return self._assignment(definition.module, node)
        return {"kind": "variable", "type": None}

    def _assignment(self, module: str, node: ast.Assign | ast.AnnAssign) -> Entry:
        annotation = node.annotation if isinstance(node, ast.AnnAssign) else None
        if annotation is not None and self.render(module, annotation) in ("typing.TypeAlias",):
            assert node.value is not None
            return {"kind": "alias", "type": self.render(module, node.value)}
        if annotation is not None:
            return {"kind": "variable", "type": self.render(module, annotation)}
        if node.value is not None and self._type_like(module, node.value):
            return {"kind": "alias", "type": self.render(module, node.value)}
        return {"kind": "variable", "type": None}

    def _type_like(self, module: str, value: ast.expr) -> bool:
        """`X = Literal[...]`, `X = A | B`, `X = SomeClass`: an alias; a call or a constant is not."""
        if isinstance(value, ast.Subscript):
            return True
        if isinstance(value, ast.BinOp) and isinstance(value.op, ast.BitOr):  # `None` counts inside a union
            sides = (value.left, value.right)
            return all(_is_none(side) or self._type_like(module, side) for side in sides)
        if isinstance(value, ast.Constant):
            return False  # `DEFAULT_DEADLINE = None` is a value
        target = self.resolve_expression(module, value)
        if isinstance(target, Definition):
            return isinstance(self.node_of(target), ast.ClassDef) or self._is_alias(target)
        return isinstance(target, External)

    def _is_alias(self, definition: Definition) -> bool:
        node = self.node_of(definition)
        if not isinstance(node, ast.Assign | ast.AnnAssign):
            return False
        return bool(self._assignment(definition.module, node)["kind"] == "alias")

    # classes

    def _class(self, module: str, node: ast.ClassDef, depth: int = 0) -> Entry:
        bases: list[str] = []
        members: dict[str, Entry] = {}
        for base in node.bases:
            target = self.resolve_expression(module, base.value if isinstance(base, ast.Subscript) else base)
            inherited = self.node_of(target) if isinstance(target, Definition) else None
            # a base with no public path (defined privately and never re-exported) is not described
            # on its own; one re-exported from a private module (`_runtime/`) is a public base
            hidden = isinstance(target, Definition) and target.key not in self.canonical
            if isinstance(target, Definition) and hidden and isinstance(inherited, ast.ClassDef):
                if depth < 20:  # its bases and members are the class's
                    base_entry = self._class(target.module, inherited, depth + 1)
                    bases.extend(base_entry.get("bases", []))
                    members.update(base_entry["members"])
                continue
            bases.append(self.render(module, base))
        keywords = {k.arg: self.render(module, k.value) for k in node.keywords if k.arg}
        typed_dict = any(base.startswith(TYPEDDICT) for base in bases)
        total = keywords.get("total") != "False"
        members.update(self._members(module, node, typed_dict, total))
        entry: Entry = {"kind": "class", "members": dict(sorted(members.items()))}
        decorators = self._decorators(module, node)
        entry.update({k: v for k, v in (("bases", bases), ("decorators", decorators), ("keywords", keywords)) if v})
        return entry

    def _members(self, module: str, node: ast.ClassDef, typed_dict: bool, total: bool) -> dict[str, Entry]:
        members: dict[str, Entry] = {}
        overloads: dict[str, list[ast.FunctionDef | ast.AsyncFunctionDef]] = {}
        for statement in node.body:
            if isinstance(statement, ast.FunctionDef | ast.AsyncFunctionDef) and _is_public_member(statement.name):
                self._method(module, statement, members, overloads)
            elif isinstance(statement, ast.AnnAssign) and isinstance(statement.target, ast.Name):
                if _is_public_member(statement.target.id):
                    members[statement.target.id] = self._field(module, statement, typed_dict, total)
            elif isinstance(statement, ast.Assign):
                for target in statement.targets:
                    if isinstance(target, ast.Name) and _is_public_member(target.id):
                        members[target.id] = {"kind": "attribute", "type": None}
        for statement in node.body:
            if isinstance(statement, ast.FunctionDef) and statement.name == "__init__":
                for name, kind in self._instance_attributes(module, statement).items():
                    members.setdefault(name, {"kind": "attribute", "type": kind})
        return members

    def _instance_attributes(self, module: str, init: ast.FunctionDef) -> dict[str, str | None]:
        """`self.x = ...` in __init__: users read these (`raw.http_response`, `error.status_code`).
        The type is the annotation, else a parameter's or a called function's annotation, else
        unknown (None): the attribute's presence is still part of the surface."""
        params = {arg.arg: arg.annotation for arg in [*init.args.args, *init.args.kwonlyargs] if arg.annotation}
        found: dict[str, str | None] = {}
        for statement in ast.walk(init):
            if isinstance(statement, ast.Assign | ast.AnnAssign):
                targets = statement.targets if isinstance(statement, ast.Assign) else [statement.target]
                for target in targets:
                    if (
                        isinstance(target, ast.Attribute)
                        and isinstance(target.value, ast.Name)
                        and target.value.id == "self"
                        and not target.attr.startswith("_")
                    ):
                        found.setdefault(target.attr, self._inferred(module, statement, params))
        return found

    def _inferred(self, module: str, statement: ast.Assign | ast.AnnAssign, params: dict[str, ast.expr]) -> str | None:
        if isinstance(statement, ast.AnnAssign):
            return self.render(module, statement.annotation)
        value = statement.value
        if isinstance(value, ast.Name) and value.id in params:
            return self.render(module, params[value.id])
        if isinstance(value, ast.Call):
            target = self.resolve_expression(module, value.func)
            node = self.node_of(target) if isinstance(target, Definition) else None
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and node.returns is not None:
                return self.render(target.module if isinstance(target, Definition) else module, node.returns)
        return None

    def _field(self, module: str, statement: ast.AnnAssign, typed_dict: bool, total: bool) -> Entry:
        annotation = statement.annotation
        required = statement.value is None
        if typed_dict:
            required = total
            if isinstance(annotation, ast.Subscript):
                wrapper = self.resolve_expression(module, annotation.value)
                if isinstance(wrapper, External) and wrapper.dotted in REQUIRED_WRAPPERS:
                    required, annotation = REQUIRED_WRAPPERS[wrapper.dotted], annotation.slice
        rendered = self.render(module, annotation)
        if rendered.startswith("typing.ClassVar"):
            return {"kind": "attribute", "type": rendered}
        return {"kind": "field", "type": rendered, "required": required}

    def _method(
        self,
        module: str,
        statement: ast.FunctionDef | ast.AsyncFunctionDef,
        members: dict[str, Entry],
        overloads: dict[str, list[ast.FunctionDef | ast.AsyncFunctionDef]],
    ) -> None:
        decorators = {_resolved_name(self, module, d) for d in statement.decorator_list}
        name = statement.name
        if decorators & {"builtins.property", "functools.cached_property"}:
            returns = self.render(module, statement.returns) if statement.returns else None
            members[name] = {"kind": "property", "type": returns}
            return
        if any(d.endswith(f"{name}.setter") for d in decorators) and name in members:
            members[name]["settable"] = True
            return
        binding = "instance"
        if "builtins.staticmethod" in decorators or "builtins.classmethod" in decorators:
            binding = "static" if "builtins.staticmethod" in decorators else "class"
        if "typing.overload" in decorators:
            overloads.setdefault(name, []).append(statement)
        defs = overloads.get(name) or [statement]
        member: Entry = {
            "kind": "method",
            "signatures": [self._signature(module, d, drop_first=binding != "static") for d in defs],
        }
        if binding != "instance":
            member["binding"] = binding
        if listed := self._decorators(module, statement):
            member["decorators"] = listed
        members[name] = member

    def _decorators(self, module: str, node: ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef) -> list[str]:
        rendered = []
        for decorator in node.decorator_list:
            name = _resolved_name(self, module, decorator)
            if name in STRUCTURAL_DECORATORS or name.endswith(".setter"):
                continue
            if isinstance(decorator, ast.Call):
                arguments = [ast.unparse(a) for a in decorator.args]
                arguments += [f"{k.arg}={ast.unparse(k.value)}" for k in decorator.keywords]
                name = f"{name}({', '.join(arguments)})"
            rendered.append(name)
        return rendered

    # signatures and types

    def _signature(self, module: str, node: ast.FunctionDef | ast.AsyncFunctionDef, drop_first: bool) -> Entry:
        """Parameters as Python writes them (`"temperature: float | Unset = ..."`, with `/` and `*`
        markers), one string each: short records whose diff reads like the code."""
        args = node.args
        positional = [*args.posonlyargs, *args.args]
        defaults = [False] * (len(positional) - len(args.defaults)) + [True] * len(args.defaults)
        params: list[str] = []
        for index, (arg, has_default) in enumerate(zip(positional, defaults, strict=True)):
            if index == len(args.posonlyargs) and args.posonlyargs and params:
                params.append("/")
            if not (index == 0 and drop_first):
                params.append(self._param(module, arg, has_default))
        if args.posonlyargs and len(positional) == len(args.posonlyargs) and params:
            params.append("/")
        if args.vararg:
            params.append("*" + self._param(module, args.vararg, False))
        elif args.kwonlyargs:
            params.append("*")
        for arg, default in zip(args.kwonlyargs, args.kw_defaults, strict=True):
            params.append(self._param(module, arg, default is not None))
        if args.kwarg:
            params.append("**" + self._param(module, args.kwarg, False))
        signature: Entry = {"params": params, "returns": self.render(module, node.returns) if node.returns else None}
        if isinstance(node, ast.AsyncFunctionDef):
            signature["async"] = True
        return signature

    def _param(self, module: str, arg: ast.arg, default: bool) -> str:
        text = f"{arg.arg}: {self.render(module, arg.annotation)}" if arg.annotation else arg.arg
        return f"{text} = ..." if default else text

    def render(self, module: str, node: ast.expr) -> str:
        """An annotation as canonical text: resolved names, sorted unions, merged Literals."""
        members = self._union_members(module, node)
        if len(members) == 1:
            return members[0]
        literals = sorted({value for m in members if m.startswith(f"{LITERAL}[") for value in _literal_values(m)})
        others = sorted({m for m in members if not m.startswith(f"{LITERAL}[")})
        if literals:
            others = sorted([*others, f"{LITERAL}[{', '.join(literals)}]"])
        return " | ".join(others)

    def _union_members(self, module: str, node: ast.expr) -> list[str]:
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.BitOr):
            return [*self._union_members(module, node.left), *self._union_members(module, node.right)]
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            try:
                parsed = ast.parse(node.value, mode="eval").body
            except SyntaxError:
                return [repr(node.value)]
            return self._union_members(module, parsed)
        if isinstance(node, ast.Subscript):
            head = self._name(module, node.value)
            elements = list(node.slice.elts) if isinstance(node.slice, ast.Tuple) else [node.slice]
            if head in UNION_FORMS:
                found = [m for element in elements for m in self._union_members(module, element)]
                return [*found, "None"] if head == "typing.Optional" else found
            if head == LITERAL:
                return [f"{LITERAL}[{', '.join(sorted({_literal(element) for element in elements}))}]"]
            return [f"{head}[{', '.join(self.render(module, element) for element in elements)}]"]
        return [self._atom(module, node)]

    def _atom(self, module: str, node: ast.expr) -> str:
        if isinstance(node, ast.Constant):
            return "None" if node.value is None else "..." if node.value is Ellipsis else repr(node.value)
        if isinstance(node, ast.List):
            return f"[{', '.join(self.render(module, element) for element in node.elts)}]"
        if isinstance(node, ast.Name | ast.Attribute):
            return self._name(module, node)
        return ast.unparse(node)

    def _name(self, module: str, node: ast.expr) -> str:
        target = self.resolve_expression(module, node)
        if isinstance(target, Definition):
            return self.name_of(target)
        if isinstance(target, ModuleRef):
            return target.module
        if isinstance(target, External):
            return target.dotted.removeprefix("builtins.")
        return ast.unparse(node)


def _resolved_name(surface: Surface, module: str, decorator: ast.expr) -> str:
    node = decorator.func if isinstance(decorator, ast.Call) else decorator
    target = surface.resolve_expression(module, node)
    if isinstance(target, External):
        return target.dotted
    if isinstance(target, Definition):
        return surface.name_of(target)
    return ast.unparse(node)


def _is_none(node: ast.expr) -> bool:
    return isinstance(node, ast.Constant) and node.value is None


def _is_public_member(name: str) -> bool:
    if name.startswith("__") and name.endswith("__"):
        return name not in MACHINERY
    return not name.startswith("_")


def _literal_values(member: str) -> list[str]:
    inner = ast.parse(member, mode="eval").body
    assert isinstance(inner, ast.Subscript)
    elements = inner.slice.elts if isinstance(inner.slice, ast.Tuple) else [inner.slice]
    return [_literal(element) for element in elements]


def _literal(node: ast.expr) -> str:
    """One Literal value, written the same whatever quotes the source used."""
    try:
        return repr(ast.literal_eval(node))
    except ValueError:  # an enum member, say
        return ast.unparse(node)


def _normalized(dotted: str) -> str:
    """typing_extensions.X is typing.X to users (the backport of the same thing)."""
    return "typing." + dotted.removeprefix("typing_extensions.") if dotted.startswith("typing_extensions.") else dotted
