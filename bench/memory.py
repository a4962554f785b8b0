"""Peak memory growth of one candidate over one long stream, in a fresh process.

    python -m bench.memory --candidate generated --route lanrui-chat --origin http://127.0.0.1:PORT

Prints one JSON object. The harness starts one such process per candidate and route, so nothing
another candidate allocated (pymalloc arenas, caches, imported modules) is counted.

Measure: resident set size, not tracemalloc. RSS is what the operating system charges the user's
process, it includes what C code holds (socket and h11 buffers, the JSON decoder, the UTF-8
decoder), and reading it costs nothing while the stream runs; tracemalloc sees Python allocations
only and slows every allocation several-fold, which would change what is measured. On Linux
the kernel's high-water mark (VmHWM) is reset just before the stream (``/proc/self/clear_refs``)
so the peak is exact, with no sampling thread; elsewhere ``ru_maxrss`` (the process's lifetime
peak) is used, which can only over-report.

Before the baseline: imports, a 2,000-event warm-up stream through a separate session of the same
candidate, the measured session's client built, ``gc.collect()``.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import json
import resource
import sys
import time
from pathlib import Path
from typing import Any

from bench import payloads
from bench.candidates import CANDIDATES, close_session

WARMUP_EVENTS = 2000
MIB = 1024 * 1024


def _status_kib(field: str) -> int | None:
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1])
    except OSError:
        return None
    return None


def _reset_peak() -> bool:
    """Reset VmHWM to the current RSS (Linux >= 4.0)."""
    try:
        Path("/proc/self/clear_refs").write_text("5")
    except OSError:
        return False
    return _status_kib("VmHWM") is not None


def _rss_bytes() -> int:
    rss = _status_kib("VmRSS")
    if rss is not None:
        return rss * 1024
    import psutil

    return int(psutil.Process().memory_info().rss)


def _maxrss_bytes() -> int:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak if sys.platform == "darwin" else peak * 1024


def measure(candidate_name: str, route_key: str, origin: str, events: int) -> dict[str, Any]:
    candidate = CANDIDATES[candidate_name]
    route = payloads.ROUTES[route_key]
    loop = asyncio.new_event_loop()

    def run(session: Any) -> int:
        return loop.run_until_complete(session.stream()) if candidate.is_async else session.stream()

    warm = candidate.session(origin + payloads.scenario_prefix("stream", WARMUP_EVENTS, "bulk"), route)
    run(warm)
    close_session(warm, loop)
    session = candidate.session(origin + payloads.scenario_prefix("stream", events, "bulk"), route)
    gc.collect()
    before = _rss_bytes()
    exact = _reset_peak()
    if not exact:
        before = max(before, _maxrss_bytes())  # lifetime peak so far: growth can only be over-reported
    started = time.perf_counter()
    count = run(session)
    seconds = time.perf_counter() - started
    peak = _status_kib("VmHWM") * 1024 if exact else _maxrss_bytes()  # type: ignore[operator]
    close_session(session, loop)
    return {
        "candidate": candidate_name,
        "route": route_key,
        "events": count,
        "expected": events,
        "baseline_mib": before / MIB,
        "growth_mib": max(0, peak - before) / MIB,
        "method": "VmHWM reset via /proc/self/clear_refs" if exact else "ru_maxrss",
        "seconds": seconds,
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    parser.add_argument("--candidate", required=True, choices=sorted(CANDIDATES))
    parser.add_argument("--route", required=True, choices=sorted(payloads.ROUTES))
    parser.add_argument("--origin", required=True, help="http://127.0.0.1:PORT of a running bench.server")
    parser.add_argument("--events", type=int, default=200_000)
    args = parser.parse_args(argv)
    print(json.dumps(measure(args.candidate, args.route, args.origin, args.events)))


if __name__ == "__main__":
    main()
