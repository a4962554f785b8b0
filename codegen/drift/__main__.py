"""python -m codegen.drift PROVIDER DOCUMENT... : what changed provider pages say differently from the spec.

Prints one `drift:` line per difference that specs/NORMALIZATION.md does not explain, then a
summary line. Exit status: 0 nothing unexplained, 1 drift, 2 a page (or the log) could not be read
or matched to an operation.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from codegen.drift.check import Report, check
from codegen.drift.facts import Unreadable
from codegen.providers import ROOT, load_providers


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m codegen.drift", description=__doc__.split("\n\n")[0])
    parser.add_argument("provider", help="provider key of codegen/providers.toml")
    parser.add_argument("documents", nargs="+", type=Path, help="provider pages saved as text")
    parser.add_argument("--known", action="store_true", help="also list the differences the log explains")
    parser.add_argument("--log", type=Path, default=ROOT / "specs" / "NORMALIZATION.md", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    providers = load_providers()
    if args.provider not in providers:
        print(f"error: unknown provider {args.provider!r} (known: {', '.join(providers)})", file=sys.stderr)
        return 2
    try:
        report = check(providers[args.provider], args.documents, args.log)
    except Unreadable as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    _print(report, args.known)
    return report.status


def _print(report: Report, show_known: bool) -> None:
    for error in report.errors:
        print(f"error: {error}", file=sys.stderr)
    for difference in report.drift:
        print(difference.line(report.provider))
    if show_known:
        for difference, key in report.known:
            print(f"known: {difference.line(report.provider)[len('drift: ') :]} ({report.log}:{key.line})")
    for key in report.stale:
        print(f"note: {report.provider} {key} is logged as known but no longer differs ({report.log}:{key.line})")
    print(report.summary())


if __name__ == "__main__":
    sys.exit(main())
