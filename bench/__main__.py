"""``python -m bench``: run the benchmarks, print one table, write bench/results/latest.json."""

from __future__ import annotations

import argparse
import sys

from bench import harness
from bench.candidates import CANDIDATES


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
    parser.add_argument("--only", nargs="+", choices=list(harness.METRICS), help="run only these metrics")
    args = parser.parse_args(argv)
    config = harness.Config(
        rounds=args.rounds,
        events=args.events,
        calls=args.calls,
        memory_events=args.memory_events,
        memory_candidates=tuple(CANDIDATES) if args.full else defaults.memory_candidates,
        metrics=tuple(args.only) if args.only else defaults.metrics,
    )
    result = harness.run(config)
    print("\n".join(harness.table_lines(result["_rows"])))
    machine = result["machine"]
    print(
        f"Python {machine['python']} on {machine['platform']}, {machine['cpus']} CPUs, "
        f"load average at start {machine['load_average_at_start']}; "
        "ratios: median / floor median (import: median of per-process ratios to `import httpx`); "
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


if __name__ == "__main__":
    sys.exit(main())
