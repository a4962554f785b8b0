"""Checks of the nested models a request model holds, run when it is built and before it is sent.

A field typed as a model (or a list of models) that holds something else would otherwise fail
only when sent, deep in serialization (`'str' object has no attribute 'to_dict'`). These helpers
raise a `TypeError` naming the model's field instead, at construction. A plain dict where a model is
expected is turned into the model with its `from_dict` (what the dict literals of the openai SDK
look like), so `messages=[{"role": "user", "content": "Hi"}]` works at run time too.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TypeVar

from ..types import Unset

__all__ = ["as_model", "as_models", "as_optional_model", "as_optional_models"]

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
