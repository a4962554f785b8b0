"""Install CPython versions newer than this Debian release ships, from Debian's own packages,
into .pythons/ (for tests/test_python_versions.py), without changing anything on the machine.

    python tests/pyversions/debian_python.py 3.14 3.15       (`make pythons` runs this)

Debian 12 has only 3.11; Debian's testing and unstable suites have python3.14 and python3.15,
built against a newer glibc (>= 2.42) and OpenSSL (>= 3.4) than the machine's. So, per version:
the interpreter's packages and the libraries they load are fetched with `apt-get download` from
the machine's configured Debian mirror, with a private apt configuration and package lists under
.pythons/apt (the machine's sources, lists and installed packages are left alone); unpacked with
`dpkg-deb -x` into .pythons/<version>/; and the interpreter's ELF header is pointed at that tree's
own dynamic loader and libraries (`patchelf`, itself fetched from the machine's own suite the
same way when it is not installed). The result is .pythons/<version>/usr/bin/python<version>, a
CPython that runs here, makes venvs (uv) and loads its extension modules (ssl, sqlite3, ctypes, ...) from that tree.
It verifies with the machine's CA store: Debian's OpenSSL looks in /usr/lib/ssl like the host's.

Needs: Linux on Debian or a derivative (apt-get, dpkg-deb), the Debian archive keyring, and the
package registry. Prints what it installed; exits non-zero naming what is missing.
"""

from __future__ import annotations

import glob
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HOME = ROOT / ".pythons"
SUITES = ("testing", "unstable")  # the first that has the version is used
# What the interpreter loads beyond the machine's own data packages (tzdata, netbase, media-types):
# the Depends of python3.X-minimal, libpython3.X-minimal and libpython3.X-stdlib.
LIBRARIES = [
    "libc6",
    "libgcc-s1",
    "libssl3t64",
    "libexpat1",
    "zlib1g",
    "libffi8",
    "libbz2-1.0",
    "liblzma5",
    "libzstd1",
    "libncursesw6",
    "libtinfo6",
    "libreadline8t64",
    "libsqlite3-0",
    "libuuid1",
]
EXTENSIONS = "ssl, sqlite3, ctypes, lzma, bz2, zlib, readline, uuid, decimal, asyncio, venv, json, hashlib"


def _run(command: list[str], **options: object) -> str:
    result = subprocess.run(command, capture_output=True, text=True, **options)  # type: ignore[call-overload]
    if result.returncode != 0:
        sys.exit(f"{' '.join(command)} failed ({result.returncode}):\n{result.stdout}\n{result.stderr}")
    return str(result.stdout)


def _mirror() -> tuple[str, str]:
    """The machine's Debian archive (not its security archive) and the keyring it is signed with."""
    text = ""
    for path in [*glob.glob("/etc/apt/sources.list.d/*.sources")]:
        text += "\n\n" + Path(path).read_text(encoding="utf-8")
    for stanza in re.split(r"\n\s*\n", text):
        fields = dict(re.findall(r"^([A-Za-z-]+):\s*(.+)$", stanza, re.MULTILINE))
        uri, suites = fields.get("URIs", "").split(), fields.get("Suites", "")
        if uri and "main" in fields.get("Components", "") and "security" not in suites:
            return uri[0], fields.get("Signed-By", "/usr/share/keyrings/debian-archive-keyring.gpg")
    for line in Path("/etc/apt/sources.list").read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if parts[:1] == ["deb"] and "security" not in line:
            uri = next(p for p in parts[1:] if "://" in p)
            return uri, "/usr/share/keyrings/debian-archive-keyring.gpg"
    sys.exit("no Debian archive among the machine's apt sources")


def _apt(suite: str) -> list[str]:
    """apt-get with a private configuration that reaches `suite` of the machine's mirror."""
    uri, keyring = _mirror()
    state = HOME / "apt"
    for folder in ("lists/partial", "cache/archives/partial", "parts"):
        (state / folder).mkdir(parents=True, exist_ok=True)
    sources = state / "sources.list"
    sources.write_text(f"deb [signed-by={keyring}] {uri} {suite} main\n", encoding="utf-8")
    return [
        "apt-get",
        "-q",
        "-o", f"Dir::Etc::SourceList={sources}",
        "-o", f"Dir::Etc::SourceParts={state / 'parts'}",
        "-o", f"Dir::State::Lists={state / 'lists'}",
        "-o", f"Dir::Cache={state / 'cache'}",
        "-o", "Debug::NoLocking=1",
        *(["-o", "APT::Sandbox::User=root"] if os.geteuid() == 0 else []),  # files of ours, not _apt's
    ]  # fmt: skip


def _candidate(apt: list[str], package: str) -> str | None:
    policy = _run(["apt-cache", *apt[2:], "policy", package])
    found = re.search(r"Candidate:\s*(\S+)", policy)
    return found.group(1) if found and found.group(1) != "(none)" else None


def _unpack(apt: list[str], packages: list[str], into: Path, downloads: Path) -> None:
    shutil.rmtree(downloads, ignore_errors=True)
    downloads.mkdir(parents=True)
    _run([*apt, "download", *packages], cwd=downloads)
    for deb in sorted(downloads.glob("*.deb")):
        _run(["dpkg-deb", "-x", str(deb), str(into)])


def _patchelf() -> str:
    on_path = shutil.which("patchelf")
    if on_path:
        return on_path
    tool = HOME / "patchelf" / "usr" / "bin" / "patchelf"
    if not tool.exists():  # the machine's own suite: a patchelf built for this glibc
        downloads = HOME / "patchelf-deb"
        downloads.mkdir(parents=True, exist_ok=True)
        _run(["apt-get", "-q", "download", "patchelf"], cwd=downloads)
        _run(["dpkg-deb", "-x", str(next(downloads.glob("patchelf_*.deb"))), str(HOME / "patchelf")])
    return str(tool)


def _runs(python: Path, version: str) -> bool:
    if not python.exists():
        return False
    probe = f"import sys, {EXTENSIONS}; assert '%d.%d' % sys.version_info[:2] == {version!r}"
    return subprocess.run([str(python), "-c", probe], capture_output=True).returncode == 0


def interpreter_path(version: str) -> Path:
    """Where the interpreter of `version` is (the tree's own usr/bin: a venv made from it, or from a
    symlink elsewhere, would look for the standard library beside that other path)."""
    return HOME / version / "usr" / "bin" / f"python{version}"


def install(version: str) -> Path:
    binary = interpreter_path(version)
    if _runs(binary, version):
        return binary
    if not shutil.which("apt-get") or not shutil.which("dpkg-deb"):
        sys.exit("apt-get and dpkg-deb are needed (Debian or a derivative)")
    interpreter = [f"python{version}-minimal", f"libpython{version}-minimal", f"libpython{version}-stdlib"]
    for suite in SUITES:  # one suite at a time, so that the interpreter and its libraries match
        apt = _apt(suite)
        _run([*apt, "update"])
        if all(_candidate(apt, name) for name in interpreter):
            break
    else:
        sys.exit(f"no python{version} in Debian's {' or '.join(SUITES)} suite")
    tree = HOME / version
    shutil.rmtree(tree, ignore_errors=True)
    _unpack(apt, [*interpreter, *LIBRARIES], tree, HOME / "debs" / version)
    loaders = sorted(tree.glob("usr/lib/*/ld-linux*.so.*"))
    if not binary.exists() or not loaders:
        sys.exit(f"python{version}'s packages gave no {binary} or no dynamic loader")
    loader, libraries = str(loaders[0]), str(loaders[0].parent)
    _run([_patchelf(), "--set-interpreter", loader, "--force-rpath", "--set-rpath", libraries, str(binary)])
    if not _runs(binary, version):
        sys.exit(f"{binary} does not run, or cannot import {EXTENSIONS}")
    return binary


def main() -> None:
    for version in sys.argv[1:]:
        python = install(version)
        print(
            python,
            _run([str(python), "-c", "import sys, ssl; print(sys.version.split()[0], ssl.OPENSSL_VERSION)"]).strip(),
        )


if __name__ == "__main__":
    main()
