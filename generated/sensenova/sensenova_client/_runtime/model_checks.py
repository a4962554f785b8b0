"""Checks of the models: the nested models a request model holds (when it is built and before it
is sent), and the JSON types a response model's from_dict accepts.

A field typed as a model (or a list of models) that holds something else would otherwise fail
only when sent, deep in serialization (`'str' object has no attribute 'to_dict'`). These helpers
raise a `TypeError` naming the model's field instead, at construction. A plain dict where a model is
expected is turned into the model with its `from_dict` (what the dict literals of the openai SDK
look like), so `messages=[{"role": "user", "content": "Hi"}]` works at run time too.

A response model's from_dict checks each value against its field's declared type with inline
class tests (it runs once per stream event); this module holds what those tests call only when
one fails, and `FieldTypeError`. The rule (docs/types.md): a required field with a value of the
wrong type (or none) raises FieldTypeError naming its JSON path; an optional one reads None and
keeps the value in the model's additional_properties.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, TypeVar

from ..types import Unset
from .redact import safe_repr

__all__ = [
    "FieldTypeError",
    "absent",
    "all_numbers",
    "all_of",
    "as_model",
    "as_models",
    "as_optional_model",
    "as_optional_models",
    "item_error",
    "mismatch",
    "not_an_object",
]

M = TypeVar("M")


def as_model(value: object, model: type[M], where: str) -> M:
    """`value` as a `model`: the instance itself, or one built from a dict; else a TypeError."""
    if isinstance(value, model):
        return value
    if isinstance(value, Mapping):
        built: M = model.from_dict(value)  # type: ignore[attr-defined]  # every generated model has it
        return built
    raise TypeError(f"{where} must be a {model.__name__} (or a dict of its fields), got {_kind(value)}")


def as_optional_model(value: object, model: type[M], where: str) -> M | Unset:
    return value if isinstance(value, Unset) else as_model(value, model, where)


def as_models(value: object, model: type[M], where: str) -> list[M]:
    """`value` as a list of `model`s (from a list or tuple of models or dicts); else a TypeError."""
    if not isinstance(value, list | tuple):
        raise TypeError(f"{where} must be a list of {model.__name__}, got {_kind(value)}")
    if isinstance(value, list) and all(isinstance(item, model) for item in value):
        return value  # the usual case: nothing to convert, the caller's list is kept
    return [as_model(item, model, f"{where}[{index}]") for index, item in enumerate(value)]


def as_optional_models(value: object, model: type[M], where: str) -> list[M] | Unset:
    return value if isinstance(value, Unset) else as_models(value, model, where)


def _kind(value: object) -> str:
    return type(value).__name__  # not the value: it may be long, or hold what the caller keeps private


class FieldTypeError(TypeError, ValueError):
    """A JSON value that does not match the declared type of a required field (or is missing).

    `path` is the JSON path from the model whose from_dict was called (`$.choices[0].index`),
    `expected` the field's declared type and `got` a short description of what arrived (a string
    cut to 80 characters; of an array or object only its kind and size).
    """

    def __init__(self, path: str, expected: str, got: str) -> None:
        super().__init__(f"{path}: expected {expected}, got {got}")
        self.path = path
        self.expected = expected
        self.got = got

    def under(self, key: str, index: int | None = None) -> FieldTypeError:
        """This error, its path now starting from the model that holds `key` (a nested model's
        failure, on its way up); returned so that the caller can `raise` it."""
        step = _step(key) + ("" if index is None else f"[{index}]")
        self.path = "$" + step + self.path[1:]
        self.args = (f"{self.path}: expected {self.expected}, got {self.got}",)
        return self

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.path, self.expected, self.got))


def mismatch(key: str, expected: str, value: object) -> FieldTypeError:
    """The error for a required field `key` holding `value`, of another type than `expected`."""
    return FieldTypeError("$" + _step(key), expected, _described(value))


def not_an_object(model: str, value: object) -> FieldTypeError:
    """The error for a model's from_dict given something else than a JSON object."""
    return FieldTypeError("$", f"{model} (an object)", _described(value))


def absent(error: KeyError, src: Mapping[str, Any], required: Mapping[str, str]) -> Exception:
    """The FieldTypeError for the first required key (key -> declared type) missing from `src`;
    `error` itself when none is (a KeyError from somewhere else)."""
    for key, expected in required.items():
        if key not in src:
            return FieldTypeError("$" + _step(key), expected, "nothing (the key is missing)")
    return error


def item_error(parse: Callable[[Any], object], items: list[Any], key: str) -> Exception:
    """The FieldTypeError of the first item of the list under `key` that `parse` refuses, its
    path under `key[index]`; called only once parsing the whole list has failed."""
    for index, item in enumerate(items):
        try:
            parse(item)
        except FieldTypeError as exc:
            return exc.under(key, index)
    return FieldTypeError("$" + _step(key), "a list of objects", "an item that failed once only")


def all_of(items: list[Any], cls: type) -> bool:
    """Whether every item's class is exactly `cls` (`bool` is no `int` here)."""
    for item in items:  # noqa: SIM110  # a loop: all() over a generator costs a frame per call
        if item.__class__ is not cls:
            return False
    return True


def all_numbers(items: list[Any]) -> bool:
    """Whether every item is a JSON number: an int or a float (not a bool)."""
    for item in items:
        cls = item.__class__
        if cls is not float and cls is not int:
            return False
    return True


def _step(key: str) -> str:
    return f".{key}" if key.isidentifier() else f"[{safe_repr(key, 80)}]"


def _described(value: object) -> str:
    """What arrived, in JSON words; a string's text cut short, of a container only its size."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return f"a string {safe_repr(value, 80)}"
    if isinstance(value, int):  # repr of a huge int is slow, and refused past 4300 digits
        return f"an integer of {value.bit_length()} bits" if value.bit_length() > 128 else f"the number {value}"
    if isinstance(value, float):
        return f"the number {value!r}"
    if isinstance(value, list):
        return f"an array of {len(value)} items"
    if isinstance(value, Mapping):
        return f"an object of {len(value)} keys"
    return f"a {type(value).__name__}"
