"""``python -m bench``: run the benchmarks, print one table, write bench/results/latest.json."""

from __future__ import annotations

import argparse
import json
import sys

from bench import concurrency, harness, network, payloads, surface
from bench.candidates import CANDIDATES

# their own processes and tables (bench/network.py, bench/concurrency.py, bench/surface.py)
SECTIONS = ("network", "concurrency", "surface")


def main(argv: list[str] | None = None) -> int:
    defaults = harness.Config()
    parser = argparse.ArgumentParser(
        prog="python -m bench", description=harness.__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--rounds", type=int, default=defaults.rounds, help="interleaved rounds (default %(default)s)")
    parser.add_argument("--events", type=int, default=defaults.events, help="events per stream (default %(default)s)")
    parser.add_argument("--calls", type=int, default=defaults.calls, help="requests per sample (default %(default)s)")
    parser.add_argument("--memory-events", type=int, default=defaults.memory_events)
    parser.add_argument(
        "--full",
        action="store_true",
        help="memory for every candidate, not only the generated clients and the floor (adds minutes)",
    )
    parser.add_argument(
        "--only", nargs="+", choices=[*harness.METRICS, *SECTIONS], help="run only these metrics or sections"
    )
    parser.add_argument(
        "--routes",
        nargs="+",
        choices=list(payloads.ROUTES),
        default=list(defaults.routes),
        help="routes of the in-process rounds and memory (default: %(default)s)",
    )
    parser.add_argument(
        "--quick",
        action="store_true",
        help="one round, shorter streams, one network process per candidate, up to 100 concurrent streams",
    )
    args = parser.parse_args(argv)
    only = tuple(args.only) if args.only else (*defaults.metrics, *SECTIONS)
    config = harness.Config(
        rounds=1 if args.quick else args.rounds,
        events=min(args.events, 5_000) if args.quick else args.events,
        calls=min(args.calls, 100) if args.quick else args.calls,
        memory_events=args.memory_events,
        memory_candidates=tuple(CANDIDATES) if args.full else defaults.memory_candidates,
        metrics=tuple(m for m in only if m in harness.METRICS),
        routes=tuple(args.routes),
        import_runs=2 if args.quick else defaults.import_runs,
    )
    failed = _harness(config) if config.metrics else 0
    return failed | _sections(only, args.quick)


def _harness(config: harness.Config) -> int:
    result = harness.run(config)
    print("\n".join(harness.table_lines(result["_rows"])))
    machine = result["machine"]
    print(
        f"Python {machine['python']} on {machine['platform']}, {machine['cpus']} CPUs, "
        f"load average at start {machine['load_average_at_start']}; "
        "ratios: median of per-round ratios to the floor for throughput, median / floor median for first "
        "event, median of per-process ratios to `import httpx2` for imports; "
        f"total {result['timings_s']['total']:.0f} s"
    )
    bad_split = {k: v for k, v in result["split_check"].items() if v != "ok"}
    if result["split_check"]:
        print(
            f"split-write check ({config.split_events:,} events, tiny chunks): "
            + ("all candidates got every event" if not bad_split else f"FAILED {bad_split}")
        )
    path = harness.write_results(result)
    print(f"results: {path.relative_to(harness.ROOT)}")
    missed = [f"{r.metric} {r.subject} {r.candidate}" for r in result["_rows"] if r.met is False and not r.error]
    errors = [f"{r.metric} {r.subject} {r.candidate}: {r.error}" for r in result["_rows"] if r.error]
    if missed:
        print("targets missed: " + "; ".join(missed))
    # A missed target is a finding, reported above; a candidate that failed to run is a broken benchmark.
    return 1 if errors or bad_split else 0


def _sections(only: tuple[str, ...], quick: bool) -> int:
    """The network TTFT, concurrency and surface sections: tables printed, JSON + markdown in bench/results/."""
    failed = 0
    harness.RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    quick_concurrency = concurrency.Config(streams=(1, 10, 100), total=2_000)
    runs = {
        "network": (network, network.Config(processes=1) if quick else network.Config()),
        "concurrency": (concurrency, quick_concurrency if quick else concurrency.Config()),
        "surface": (surface, surface.Config(rounds=1, events=2_000, calls=50) if quick else surface.Config()),
    }
    for name, (module, config) in runs.items():
        if name not in only:
            continue
        result = module.run(config)
        print("\n".join(module.table_lines(result)))
        data = {k: v for k, v in result.items() if not k.startswith("_")}
        (harness.RESULTS_DIR / f"{name}.json").write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
        markdown = module.table_lines(result, markdown=True)
        (harness.RESULTS_DIR / f"{name}.md").write_text("\n".join(markdown) + "\n", encoding="utf-8")
        failed |= any(row.error for row in result["_rows"])
    return int(failed)


if __name__ == "__main__":
    sys.exit(main())
