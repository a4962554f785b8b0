"""python -m codegen.release plan|record [PROVIDER ...]: the release plan and the release records.

    plan      compare each provider (default: all) with its last release, releases/<key>.json: print
              every change with its impact, the bump the changes need, and whether the version in
              codegen/providers.toml covers it. Exit 0 if every version covers its changes, 1 if
              one does not (naming the change), 2 on errors. --draft-changelog also drafts an entry
              into changelogs/<key>.md; --publishing (make publish) also refuses a version that is
              the last release already.
    record    write releases/<key>.json and releases/<key>_app.py from the current tree: the new
              last release (make publish runs it after a successful upload).

`make release-plan`, `make release-plan DRAFT=1`, `make release-record` and `make publish` run
these; docs/releasing.md has the steps.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from codegen.providers import ROOT, Provider, load_providers
from codegen.release.changelog import insert_draft
from codegen.release.changes import grouped, owners_text
from codegen.release.plan import RELEASES, ProviderPlan, RecordError, plan, write_record
from codegen.release.typecheck import CheckerFailed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m codegen.release", description=__doc__.split("\n\n")[0])
    parser.add_argument("command", choices=("plan", "record"))
    parser.add_argument("providers", nargs="*", help="provider keys of codegen/providers.toml (default: all)")
    parser.add_argument("--releases", type=Path, default=RELEASES, help="folder of the records (default: releases/)")
    parser.add_argument("--draft-changelog", action="store_true", help="draft an entry into changelogs/<key>.md")
    parser.add_argument("--changelogs", type=Path, default=ROOT / "changelogs", help=argparse.SUPPRESS)
    parser.add_argument("--publishing", action="store_true", help="also refuse the last release's version")
    args = parser.parse_intermixed_args(argv)  # options before the provider keys too
    known = load_providers()
    unknown = sorted(set(args.providers) - set(known))
    if unknown:
        parser.error(f"unknown provider(s) {unknown}; known: {sorted(known)}")
    providers = [known[key] for key in args.providers or known]
    if args.command == "record":
        return _record(providers, args.releases)
    try:
        plans = plan(providers, args.releases)
    except (CheckerFailed, RecordError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    status = _report(plans, args.publishing)
    if args.draft_changelog:
        _draft(plans, args.changelogs)
    return status


def _record(providers: list[Provider], releases: Path) -> int:
    for provider in providers:
        written = write_record(provider, releases)
        shown = ", ".join(str(p.relative_to(ROOT)) if p.is_relative_to(ROOT) else str(p) for p in written)
        print(f"{provider.distribution} {provider.version} recorded as the last release: {shown}")
    return 0


def _report(plans: list[ProviderPlan], publishing: bool) -> int:
    problems = 0
    for result in plans:
        head = f"{result.provider.distribution} {result.version}"
        if result.last is None:
            print(f"{head}: first release (no releases/{result.provider.key}.json), nothing to compare with")
            continue
        problem = result.problem(publishing)
        if not result.changes:
            status = "no change since the last release"
        else:
            status = f"{result.bump} release needed, " + ("not covered" if problem else "covered")
        print(f"{head} (last release {result.last}): {status}")
        _print_changes(result)
        if problem:
            problems += 1
            print(f"  error: {result.provider.key}: {problem}")
    if problems:
        print(f"release plan: {problems} provider(s) cannot be released as they are")
        return 1
    print("release plan: every version covers its changes")
    return 0


USER_CODE_LINES_SHOWN = 8


def _print_changes(result: ProviderPlan) -> None:
    """Every change, grouped; of the lines of user code that fail, the first few (one broken
    call makes the lines after it fail too)."""
    code_lines = 0
    for change, owners in grouped(result.changes):
        if change.level == "user code":
            code_lines += 1
            if code_lines > USER_CODE_LINES_SHOWN:
                continue
        print(f"  {change.impact.label:<9} {change.level:<9} {change.describe()}{owners_text(owners)}")
    if code_lines > USER_CODE_LINES_SHOWN:
        print(f"  ... and {code_lines - USER_CODE_LINES_SHOWN} more lines of the last release's user code fail")


def _draft(plans: list[ProviderPlan], changelogs: Path) -> None:
    for result in plans:
        if result.last is None or not result.changes:
            continue
        path = changelogs / f"{result.provider.key}.md"
        version = insert_draft(path, result)
        if version is None:
            print(f"{path}: has a section for this version already, left as it is")
        else:
            print(f"{path}: drafted `## {version}`; edit it, then `make` copies it into the package")


if __name__ == "__main__":
    sys.exit(main())
