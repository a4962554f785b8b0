"""JSON text straight into the generated response models, every type checked on the way (msgspec).

For a response model, `decoder(model)` builds, once, a msgspec Struct twin of it and of every model
it holds, from the model's own annotations and field table (`_FIELDS` of its module: attribute,
JSON key): the same attribute names, the JSON keys as renames, unknown keys forbidden, an absent
optional field left UNSET. msgspec decodes the text into the twin tree in C, checking every value
against its type (an `int` is a JSON integer of any size, never a bool or a float; a JSON integer
in a `float` field stays an int, as json gives it), and a builder compiled for the model copies
the tree into the attrs models: the same objects `from_dict` builds from json's dict, at a
fraction of the cost (`python -m bench.profile`).

The fast path is exact or declines. Whatever it does not accept whole, it declines (the decoder
returns None) and the caller takes the slow path, `from_dict` on json's dict, which decides: a key
the spec does not name (the slow path keeps it in `additional_properties`), a value of another type
(the slow path applies the model's type rule, docs/types.md), a text msgspec refuses (NaN, a lone
surrogate, a number beyond a double...), a model shape the twin cannot express (then that model
always takes the slow path). `tests/test_wire.py` checks both paths give equal models, `to_dict()`
and repr for every fixture and every mutation of one.

`_arrived` of a model built here is its twin, which answers `key in twin` (did the key arrive, a
null included) as json's dict does; pickled or copied, it becomes the frozenset of those keys.
"""

from __future__ import annotations

import functools
import sys
import types
import typing
from collections.abc import Callable
from typing import Any, Literal, TypeVar, Union

__all__ = ["Unsupported", "answer", "aprepare", "decoder"]

M = TypeVar("M")
_NONE = type(None)


# The speedups switch as answers see it; streams/parse.py keeps it in step with its own (the
# environment's <PREFIX>_SPEEDUPS and set_enabled()): False means json alone.
enabled = False
_answers: dict[type, Any] = {}  # answer model -> its decoder (None: no twin, the slow path)
_UNBUILT: Any = object()


def answer(model: type[M], content: bytes) -> M | None:
    """An answer's body decoded straight into `model`, or None where the fast path declines or
    is off (the caller then takes `from_dict`). The model's twins are built on its first answer."""
    if not enabled:
        return None
    decode = _answers.get(model, _UNBUILT)
    if decode is _UNBUILT:
        try:
            decode = decoder(model)
        except Unsupported:
            decode = None
        _answers[model] = decode
    built: M | None = None if decode is None else decode(content)
    return built


async def aprepare() -> None:
    """Import msgspec in a worker thread before an async call whose answer will need it: its
    first import takes milliseconds that must not block the event loop (trio: imported later)."""
    if enabled and "msgspec" not in sys.modules:
        import asyncio
        import importlib

        try:
            asyncio.get_running_loop()
        except RuntimeError:  # not asyncio
            return
        await asyncio.to_thread(importlib.import_module, "msgspec")


class Unsupported(TypeError):
    """A model shape the twin cannot express (e.g. a union of two models): the slow path only."""


def decoder(model: type[M], overrides: dict[str, Any] | None = None) -> Callable[[str | bytes], M | None]:
    """A function from JSON text to a `model` built from it, or None where the fast path declines.

    `overrides` narrow the twin's types at the root, by JSON key: a type replaces the field's
    (e.g. `NoneType` for an error member that must not be there), a dict narrows the nested
    model's fields the same way (e.g. `{"status": {"code": Literal[0]}}`): a text outside them
    is declined, for the slow path to decide (a stream's in-stream error rule). Raises
    `Unsupported` when the twin cannot be built.
    """
    import msgspec

    builder = _Builder(msgspec)
    try:
        twin, build = builder.model(model, overrides or {})
        decode = msgspec.json.Decoder(twin).decode
    except (TypeError, ValueError, NameError) as exc:  # what msgspec or the annotations refuse
        if isinstance(exc, Unsupported):
            raise
        raise Unsupported(f"no twin for {model.__qualname__}: {exc}") from exc
    refused = (msgspec.DecodeError, RecursionError)  # ValidationError is a DecodeError

    def fast(data: str | bytes) -> M | None:
        try:
            value = decode(data)
        except refused:
            return None
        built: M = build(value)
        return built

    return fast


class _Builder:
    """Twins and their builders for one decoder's tree (overrides make a tree's twins its own)."""

    def __init__(self, msgspec: Any) -> None:
        self.msgspec = msgspec
        self.done: dict[tuple[type, str], tuple[Any, Callable[[Any], Any]]] = {}
        self.base = _twin_base(msgspec)
        # The compiled builders' globals, shared so that they call each other by name.
        self.env: dict[str, Any] = {"new": object.__new__, "UNSET": msgspec.UNSET}
        self.sources: dict[str, str] = {}  # model -> its builder's code, for whoever debugs one
        self.fields: dict[tuple[type, str], list[_Field]] = {}
        self.names = 0

    def model(self, cls: type, overrides: dict[str, Any]) -> tuple[Any, Callable[[Any], Any]]:
        key = (cls, repr(sorted(overrides.items(), key=repr)))
        if key not in self.done:
            self.done[key] = self._model(cls, overrides, key)
        return self.done[key]

    def _model(self, cls: type, overrides: dict[str, Any], key: tuple[type, str]) -> tuple[Any, Callable[[Any], Any]]:
        msgspec = self.msgspec
        fields = _fields(cls)
        hints = typing.get_type_hints(cls)
        if not fields:
            return self._map(cls, hints["additional_properties"])
        required = {a.name for a in cls.__attrs_attrs__ if a.default is _attrs_nothing() and a.init}  # type: ignore[attr-defined]
        described = self.fields[key] = []
        specs: list[tuple[Any, ...]] = []
        for attr, json_key in fields:
            twin_type, convert = self.type(hints[attr], overrides.get(json_key))
            described.append(_Field(attr, convert, attr in required))
            if attr in required:
                specs.append((attr, twin_type))
            else:
                specs.append((attr, twin_type | msgspec.UnsetType, msgspec.UNSET))
        specs.sort(key=len)  # fields without a default first, as Structs require
        twin = msgspec.defstruct(
            f"{cls.__name__}Twin",
            specs,
            bases=(self.base,),
            namespace={"__attr_of__": {json_key: attr for attr, json_key in fields}},
            rename={attr: json_key for attr, json_key in fields},
            forbid_unknown_fields=True,
            gc=False,  # no cycles: a twin holds JSON values and twins
            module=__name__,
        )
        source = "\n".join(["def build(t):", *self._emit(key, "t", "o", 4, (cls,)), "    return o"])
        self.sources[cls.__qualname__] = source
        env = self.env
        exec(compile(source, f"<wire builder of {cls.__qualname__}>", "exec"), env)
        return twin, env.pop("build")

    def _emit(self, key: tuple[type, str], t: str, o: str, indent: int, stack: tuple[type, ...]) -> list[str]:
        """Lines building the model of `key` from twin `t` into variable `o`; nested models that
        are no list items are built inline (a call per object costs as much as its fields)."""
        pad = " " * indent
        cls = key[0]
        lines = [f"{pad}{o} = new({self.name(cls)})"]
        for field in self.fields[key]:
            attr, convert = field.attr, field.convert
            src = f"{t}.{attr}"
            inline = isinstance(convert, _Call) and convert.key in self.fields and convert.key[0] not in stack
            if inline:
                inner_t, inner_o = self.local(), self.local()
                assert isinstance(convert, _Call)
                deeper = (*stack, convert.key[0])
                if field.required:
                    lines.append(f"{pad}{inner_t} = {src}")
                    lines += self._emit(convert.key, inner_t, inner_o, indent, deeper)
                    lines.append(f"{pad}{o}.{attr} = {inner_o}")
                else:
                    lines.append(f"{pad}{inner_t} = {src}")
                    lines.append(f"{pad}if {inner_t} is UNSET or {inner_t} is None:")
                    lines.append(f"{pad}    {o}.{attr} = None")
                    lines.append(f"{pad}else:")
                    lines += self._emit(convert.key, inner_t, inner_o, indent + 4, deeper)
                    lines.append(f"{pad}    {o}.{attr} = {inner_o}")
            elif field.required:
                lines.append(f"{pad}{o}.{attr} = {convert(src)}")
            elif convert is _same:
                lines.append(f"{pad}v = {src}")
                lines.append(f"{pad}{o}.{attr} = None if v is UNSET else v")
            else:
                lines.append(f"{pad}v = {src}")
                lines.append(f"{pad}{o}.{attr} = None if v is UNSET or v is None else {convert('v')}")
        lines.append(f"{pad}{o}.additional_properties = {{}}")
        lines.append(f"{pad}{o}._arrived = {t}")
        return lines

    def name(self, value: Any) -> str:
        """A fresh name in the builders' globals, bound to `value`."""
        self.names += 1
        self.env[f"g{self.names}"] = value
        return f"g{self.names}"

    def local(self) -> str:
        """A fresh local variable's name."""
        self.names += 1
        return f"v{self.names}"

    def _map(self, cls: type, hint: Any) -> tuple[Any, Callable[[Any], Any]]:
        """A model without fields (a map, e.g. token -> log-probability): a twin dict of its values."""
        value, convert = self.type(typing.get_args(hint)[1], None)
        if convert is not _same:
            raise Unsupported(f"{cls.__qualname__}: a map of models")
        new = object.__new__

        def build(d: dict[str, Any]) -> Any:
            o: Any = new(cls)
            o.additional_properties = d
            o._arrived = d
            return o

        return dict[str, value], build  # type: ignore[valid-type]

    def type(self, hint: Any, override: Any) -> tuple[Any, Callable[[str], str]]:
        """The twin type of an annotation, and how a twin value of it becomes the model's value."""
        if override is not None and not isinstance(override, dict):
            return override, _same
        origin, args = typing.get_origin(hint), typing.get_args(hint)
        if origin in (Union, types.UnionType):
            return self._union(args, override)
        if _is_model(hint):
            overrides = override or {}
            twin, build = self.model(hint, overrides)
            return twin, _Call(self.name(build), (hint, repr(sorted(overrides.items(), key=repr))))
        if override:
            raise Unsupported(f"override {override!r} on {hint!r}, which is no model")
        if hint in (str, int, bool, _NONE) or origin is Literal:
            return hint, _same
        if hint is float:
            return int | float, _same  # a JSON integer stays an int, as json gives it
        if hint is Any or hint is object:
            return Any, _same
        if origin is list and len(args) == 1:
            item, convert = self.type(args[0], None)
            if convert is _same:
                return list[item], _same  # type: ignore[valid-type]
            if isinstance(convert, _Call):
                # map() skips a comprehension's frame; an empty list (msgspec's own) is kept as is
                name = convert.name
                return list[item], lambda expr: f"(list(map({name}, {expr})) if {expr} else {expr})"  # type: ignore[valid-type]
            return list[item], lambda expr: f"[{convert('x')} for x in {expr}]"  # type: ignore[valid-type]
        if origin is dict and len(args) == 2 and args[0] is str:
            value, convert = self.type(args[1], None)
            if convert is _same:
                return dict[str, value], _same  # type: ignore[valid-type]
            return dict[str, value], lambda expr: f"{{k: {convert('x')} for k, x in {expr}.items()}}"  # type: ignore[valid-type]
        raise Unsupported(f"no twin for {hint!r}")

    def _union(self, args: tuple[Any, ...], override: Any) -> tuple[Any, Callable[[str], str]]:
        if str in args:  # an open enum: Literal[...] | str is any string
            args = tuple(a for a in args if typing.get_origin(a) is not Literal)
        members = [a for a in args if a is not _NONE]
        converted = [self.type(a, override) for a in members]
        if sum(convert is not _same for _, convert in converted) > 1 or (len(members) > 1 and override):
            raise Unsupported(f"a union of models: {args!r}")
        twin: Any = converted[0][0]
        for other, _ in converted[1:]:
            twin = twin | other
        if _NONE in args:
            twin = twin | None
        convert = next((c for _, c in converted if c is not _same), _same)
        if convert is not _same and len(members) > 1:
            raise Unsupported(f"a model in a union with other types: {args!r}")
        return twin, convert


def _same(expr: str) -> str:
    return expr


class _Call:
    """How a twin of a model becomes the model: a call of its builder (`name` in the builders'
    globals); `key` names the model's fields for building it inline instead."""

    def __init__(self, name: str, key: tuple[type, str]) -> None:
        self.name = name
        self.key = key

    def __call__(self, expr: str) -> str:
        return f"{self.name}({expr})"


def _is_model(hint: Any) -> bool:
    return isinstance(hint, type) and hasattr(hint, "__attrs_attrs__") and hasattr(hint, "from_dict")


def _fields(cls: type) -> tuple[tuple[str, str], ...]:
    """(attribute, JSON key) of every field, as the model's module lists them for its repr."""
    fields = getattr(sys.modules[cls.__module__], "_FIELDS", None)
    if fields is None:
        raise Unsupported(f"{cls.__qualname__} has no field table")
    return tuple(fields)


def _attrs_nothing() -> Any:
    import attrs

    return attrs.NOTHING


class _Field(typing.NamedTuple):
    attr: str
    convert: Callable[[str], str]
    required: bool


@functools.cache
def _twin_base(msgspec: Any) -> Any:
    """The class every twin derives from: `in` as on json's dict, pickled as its keys."""

    class Twin(msgspec.Struct):  # type: ignore[misc]  # msgspec is imported here, untyped
        __attr_of__: typing.ClassVar[dict[str, str]]

        def __contains__(self, key: object) -> bool:
            attr = self.__attr_of__.get(key)  # type: ignore[call-overload]
            return attr is not None and getattr(self, attr) is not msgspec.UNSET

        def __reduce__(self) -> Any:
            return frozenset, (tuple(key for key in self.__attr_of__ if key in self),)

    return Twin
