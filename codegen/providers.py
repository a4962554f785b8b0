"""The providers of codegen/providers.toml, with the facts the pipeline derives from their specs."""

from __future__ import annotations

import functools
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Provider:
    key: str
    name: str
    spec_path: Path
    changelog_path: Path  # changelogs/<key>.md, hand-written, shipped as the package's CHANGELOG.md
    distribution: str
    package: str
    env_prefix: str
    access_key: bool
    version: str
    client_class: str
    request_id_header: str

    @functools.cached_property
    def spec(self) -> dict[str, Any]:
        spec: dict[str, Any] = yaml.safe_load(self.spec_path.read_text(encoding="utf-8"))
        return spec

    @property
    def default_base_url(self) -> str:
        (server,) = self.spec["servers"]  # the conventions allow exactly one
        return str(server["url"]).rstrip("/")

    @property
    def project_dir(self) -> Path:
        return ROOT / "generated" / self.key


def _identifier(value: str, where: str) -> str:
    if not value.isidentifier() or not value[0].isupper():
        raise ValueError(f"codegen/providers.toml {where}: {value!r} must be a Python class name")
    return value


def load_providers() -> dict[str, Provider]:
    table = tomllib.loads((ROOT / "codegen" / "providers.toml").read_text(encoding="utf-8"))
    return {
        key: Provider(
            key=key,
            name=entry["name"],
            spec_path=ROOT / entry["spec"],
            changelog_path=ROOT / "changelogs" / f"{key}.md",
            distribution=entry["distribution"],
            package=entry["package"],
            env_prefix=entry["env_prefix"],
            access_key=bool(entry["access_key"]),
            version=str(entry["version"]),
            client_class=_identifier(entry["client_class"], f"{key}.client_class"),
            request_id_header=str(entry["request_id_header"]).lower(),
        )
        for key, entry in table.items()
    }
