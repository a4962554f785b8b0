"""The providers of codegen/providers.toml, with the facts the pipeline derives from their specs."""

from __future__ import annotations

import functools
import re
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

    @functools.cached_property
    def clients(self) -> dict[str, ClientFacts]:
        """The openai-style client pairs of the package, by `x-client` name ("" for the main one):
        the main client has the spec's top-level server, each operation-level server with
        `x-client` a client of its own (specs/CONVENTIONS.md, "A second client")."""
        urls: dict[str, str] = {"": self.default_base_url}
        own_security: dict[str, list[bool]] = {"": []}
        paths: dict[str, list[str]] = {"": []}
        for where, op in self._operations():
            name, url = self._server_of(op, where)
            if urls.setdefault(name, url) != url:
                raise ValueError(f"{self.spec_path.name}: x-client {name} is given two servers")
            own_security.setdefault(name, []).append("security" in op)
            paths.setdefault(name, []).append(where.split(" ", 1)[1])
        return {
            name: self._client(name, url, own_security[name], _shared_folder(paths[name])) for name, url in urls.items()
        }

    def client_of(self, path: str, method: str = "post") -> ClientFacts:
        """The client an operation is on (the one whose base URL serves it)."""
        op = self.spec["paths"][path][method]
        return self.clients[self._server_of(op, f"{method.upper()} {path}")[0]]

    def _operations(self) -> list[tuple[str, dict[str, Any]]]:
        return [
            (f"{method.upper()} {path}", op)
            for path, item in self.spec.get("paths", {}).items()
            for method, op in item.items()
            if isinstance(op, dict) and "responses" in op
        ]

    def _server_of(self, op: dict[str, Any], where: str) -> tuple[str, str]:
        """(x-client name, base URL) of an operation: its own server, else the spec's ("")."""
        servers = op.get("servers")
        if not servers:
            return "", self.default_base_url
        (server,) = servers  # the conventions allow one per operation
        name = server.get("x-client")
        if not isinstance(name, str) or not name.isidentifier() or not name[0].isupper():
            raise ValueError(f"{self.spec_path.name} {where}: an operation's own server needs x-client: <Name>")
        return name, str(server["url"]).rstrip("/")

    def _client(self, name: str, url: str, own_security: list[bool], path_prefix: str) -> ClientFacts:
        snake = re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()
        return ClientFacts(
            name=name,
            class_name=f"{self.client_class}{name}",
            default_base_url=url,
            base_url_env=f"{self.env_prefix}_{snake.upper()}_BASE_URL" if name else f"{self.env_prefix}_BASE_URL",
            # An operation with a security of its own (API keys only) leaves the access key pair out.
            access_key=self.access_key and not any(own_security),
            mount=f"{self.key}-{snake.replace('_', '-')}" if name else self.key,
            path_prefix=path_prefix,
        )


def _shared_folder(paths: list[str]) -> str:
    """The leading path segments every one of paths has before its last ("/v1" for "/v1/a" and
    "/v1/b"): the part an openai-style base URL repeats (`https://api.lanrui.co/v1`)."""
    folders = [path.strip("/").split("/")[:-1] for path in paths]
    shared: list[str] = []
    for segments in zip(*folders, strict=False):
        if len(set(segments)) != 1:
            break
        shared.append(segments[0])
    return "/" + "/".join(shared) if shared else ""


@dataclass(frozen=True)
class ClientFacts:
    """One openai-style client pair of a package (see Provider.clients)."""

    name: str  # the x-client name, "" for the main client
    class_name: str  # <client_class><name>; Async<class_name> is its twin
    default_base_url: str
    base_url_env: str  # <ENV_PREFIX>_BASE_URL, or <ENV_PREFIX>_<NAME>_BASE_URL
    access_key: bool  # whether it also takes the access key pair
    mount: str  # its path prefix on the emulator: /<key>, or /<key>-<name in kebab case>
    path_prefix: str = ""  # the folder all its operation paths share ("/v1/chat"): see _shared_folder


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
