"""Pages -> facts -> comparison with the spec -> drift, known departures and stale log keys."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from codegen.drift import forms, known
from codegen.drift.compare import Difference, compare, match
from codegen.drift.facts import Operation, Unreadable
from codegen.drift.known import Key
from codegen.drift.spec_facts import Spec
from codegen.providers import ROOT, Provider


@dataclass
class Report:
    provider: str
    log: str = "specs/NORMALIZATION.md"
    documents: int = 0
    drift: list[Difference] = field(default_factory=list)
    known: list[tuple[Difference, Key]] = field(default_factory=list)
    stale: list[Key] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    @property
    def status(self) -> int:
        return 2 if self.errors else 1 if self.drift else 0

    def summary(self) -> str:
        unreadable = f", {len(self.errors)} unreadable" if self.errors else ""
        return (
            f"{self.provider}: {self.documents} document(s){unreadable}, {len(self.drift)} unexplained "
            f"difference(s), {len(self.known)} known ({self.log})"
        )


def check(provider: Provider, documents: list[Path], log: Path) -> Report:
    spec = Spec(provider.spec)
    operations = spec.operations()
    hint: dict[str, set[str]] = {}
    for op in operations:
        for scope, fields in op.scopes.items():
            hint.setdefault(scope, set()).update(fields)
    keys = [key for key in known.load(log) if key.provider == provider.name]
    report = Report(provider.key, log=str(log.relative_to(ROOT)) if log.is_relative_to(ROOT) else str(log))
    compared: set[str] = set()
    used: set[Key] = set()
    for document in documents:
        try:
            page = _read(document, hint)
        except Unreadable as error:
            report.errors.append(f"{document}: {error}")
            continue
        report.documents += 1
        matched, differences = match(operations, page)
        if matched is not None:
            compared.add(matched.operation_id)
            differences += compare(matched, page)
        for difference in differences:
            key = _explain(difference, keys)
            if key is None:
                report.drift.append(difference)
            else:
                report.known.append((difference, key))
                used.add(key)
    every = {op.operation_id for op in operations} <= compared
    report.stale = [k for k in keys if k not in used and (k.operation in compared or (not k.operation and every))]
    return report


def _read(document: Path, hint: dict[str, set[str]]) -> Operation:
    try:
        text = document.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise Unreadable(f"cannot read it ({error})") from error
    return forms.extract(text, hint)


def _explain(difference: Difference, keys: list[Key]) -> Key | None:
    for key in keys:
        if key.operation in ("", difference.operation) and key.text == difference.key:
            return key
    return None
