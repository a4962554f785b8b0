"""Regenerate one client package per provider.

    python -m codegen.generate [--out DIR] [PROVIDER ...]

Per provider: validate the spec, prepare it (codegen/prepare.py), run openapi-python-client with
the pinned config and our templates, copy in the hand-written runtime as _runtime/, render the
openai-style surface and the public face (codegen/surface.py), write the provider facts module
and the project files, then ruff with the package's own settings. Everything is built in a
scratch folder and swapped in whole, so a failed run never leaves a half-written package, and the
same inputs always give the same bytes (no timestamps, caches or absolute paths in the output).
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import jinja2
import openapi_python_client
import yaml
from openapi_python_client.config import Config, ConfigFile, MetaType

from codegen import readme, surface
from codegen.prepare import prepare, stream_facts, validate_spec
from codegen.providers import ROOT, Provider, load_providers

CODEGEN = ROOT / "codegen"
RUNTIME = ROOT / "runtime"
BIN = Path(sys.executable).parent
# Generated modules the public face replaces whole (codegen/faces.toml): the generator's client
# has no auth from the environment, no retries and no timeout, and its errors module has one
# exception only.
REPLACED = {"client.py", "errors.py"}


def generate(provider: Provider, out_root: Path) -> Path:
    """Build `provider`'s project into out_root/<key>, replacing what was there."""
    spec = provider.spec
    validate_spec(spec)
    with tempfile.TemporaryDirectory(prefix=f"gen-{provider.key}-") as scratch:
        work = Path(scratch)
        prepared = work / "prepared.json"
        prepared_spec = prepare(spec)
        prepared.write_text(json.dumps(prepared_spec, indent=1, ensure_ascii=False), encoding="utf-8")
        project = work / provider.key
        package = project / provider.package
        _run_generator(provider, prepared, package)
        _install_runtime(package)
        surface.render(provider, prepared_spec, package)
        _render_project_files(provider, project)
        _ruff(project)
        destination = out_root / provider.key
        if destination.exists():
            shutil.rmtree(destination)
        out_root.mkdir(parents=True, exist_ok=True)
        shutil.copytree(project, destination)
    return destination


def _generator_config(provider: Provider) -> ConfigFile:
    base = yaml.safe_load((CODEGEN / "openapi-python-client.yaml").read_text(encoding="utf-8"))
    return ConfigFile(**base, package_name_override=provider.package, project_name_override=provider.distribution)


def _run_generator(provider: Provider, prepared: Path, package: Path) -> None:
    """openapi-python-client in this process: its CLI spends ~2 s importing per provider."""
    config = Config.from_sources(
        _generator_config(provider),
        MetaType.NONE,
        document_source=prepared,
        file_encoding="utf-8",
        overwrite=True,
        output_path=package,
    )
    with contextlib.redirect_stdout(io.StringIO()) as chatter:
        problems = openapi_python_client.generate(config=config, custom_template_path=CODEGEN / "templates")
    # A warning means a schema or operation was skipped: a model missing for users, so it fails.
    if problems:
        details = "\n".join(f"{p.level}: {p.header}\n{p.detail or ''}" for p in problems)
        raise SystemExit(
            f"openapi-python-client reported problems for {provider.key}:\n{details}\n{chatter.getvalue()}"
        )


def _install_runtime(package: Path) -> None:
    """Copy runtime/ into the package as its private _runtime/ (Python files only), and drop the
    generated modules the public face replaces; any other clash is refused."""
    target = package / "_runtime"
    if target.exists():
        raise SystemExit(f"the generator wrote {target}, where the runtime goes")
    for source in sorted(RUNTIME.rglob("*.py")):
        destination = target / source.relative_to(RUNTIME)
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, destination)
    for face in surface.faces():
        generated = package / f"{face.module}.py"
        if generated.exists() and generated.name not in REPLACED:
            raise SystemExit(f"the public module {generated.name} would silently replace a generated module")
        generated.unlink(missing_ok=True)


def _render_project_files(provider: Provider, project: Path) -> None:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(CODEGEN / "project_templates"),
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
    )
    env.filters["pyrepr"] = repr
    env.globals["stream_facts"] = stream_facts
    env.filters["pyliteral"] = readme.literal
    context = {"p": provider, **readme.context(provider)}
    for name, target in (
        ("pyproject.toml.jinja", project / "pyproject.toml"),
        *((template, project / readme_name) for template, readme_name in readme.TEMPLATES.items()),
        ("_provider.py.jinja", project / provider.package / "_provider.py"),
    ):
        target.write_text(env.get_template(name).render(context), encoding="utf-8")
    (project / provider.package / "py.typed").write_text("", encoding="utf-8")
    shutil.copyfile(ROOT / "LICENSE", project / "LICENSE")
    shutil.copyfile(provider.changelog_path, project / "CHANGELOG.md")


def _ruff(project: Path) -> None:
    config = str(project / "pyproject.toml")
    for args in (["check", "--fix", "--quiet"], ["format", "--quiet"]):
        command = [str(BIN / "ruff"), *args, "--no-cache", "--config", config, str(project)]
        subprocess.run(command, check=True)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    parser.add_argument("providers", nargs="*", help="provider keys from codegen/providers.toml (default: all)")
    parser.add_argument("--out", type=Path, default=ROOT / "generated", help="output root (default: generated/)")
    args = parser.parse_args(argv)
    providers = load_providers()
    unknown = set(args.providers) - set(providers)
    if unknown:
        parser.error(f"unknown provider(s) {sorted(unknown)}; known: {sorted(providers)}")
    for key in args.providers or providers:
        print(f"generated {generate(providers[key], args.out).relative_to(args.out.parent)}")


if __name__ == "__main__":
    main()
