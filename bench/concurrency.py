"""Many concurrent async streams in one process: throughput, CPU per event, memory per open stream.

    python -m bench.concurrency [--streams 1 10 100 1000] [--total 20000]

For each candidate, route and N, a fresh process against the bench server (plain HTTP on
loopback, bench/server.py) opens N streams at once on one client whose pool allows N
connections (httpx2's default of 100 would queue the rest) and keeps every one alive
(``httpx2.Limits(max_connections=N, max_keepalive_connections=N)``); at every N above 20 the
httpx-based clients run again with the keep-alive pool capped at 20, httpx2's default and the
generated clients' (httpcore 1.0.9's pool scanned every pooled connection for each idle one on
every request and release, encode/httpcore#1035; httpcore2's pass is linear). The floor is raw
httpx2 (``aiter_lines()`` + ``json.loads``); the same loop on httpx 0.28.1 (httpcore 1.0.9) is a
reference row. Each stream is ``max(20, total / N)`` events long (total: 10,000). Every stream
waits after its first event until all N are open; then all are read to
their end together. Reported:

- events/s: the events after the gate / wall time from the gate to the last stream's end;
- CPU per event: the process's CPU time (user + system) over the same span / those events;
- peak RSS per open stream: (peak RSS of the whole run - RSS before opening) / N, the kernel's
  high-water mark (bench/memory.py's method);
- open: time until all N streams had delivered their first event.

Before the baseline: imports, the client built, one unrecorded stream, ``gc.collect()``.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import json
import subprocess
import sys
import time
from collections.abc import Awaitable, Callable
from dataclasses import asdict, dataclass, field
from typing import Any

from bench import ROOT, add_generated_to_path, payloads
from bench.harness import ServerProcess, _env
from bench.memory import _reset_peak, _rss_bytes, _status_kib

STREAMS = (1, 10, 100, 1000)
TOTAL_EVENTS = 10_000
FLOOR = "httpx2"
REF = "httpx-0.28.1 (ref)"  # reference only: the floor's loop on httpx 0.28.1 + httpcore 1.0.9
# (candidate, route): ours, the floor and the reference on both wire formats, each SDK on its own.
PAIRS = (
    ("ours", "lanrui-chat"),
    (FLOOR, "lanrui-chat"),
    (REF, "lanrui-chat"),
    ("openai", "lanrui-chat"),
    ("ours", "sensenova-chat"),
    (FLOOR, "sensenova-chat"),
    (REF, "sensenova-chat"),
    ("sensenova-sdk", "sensenova-chat"),
)

Gate = Callable[[], Awaitable[None]]


@dataclass
class Config:
    streams: tuple[int, ...] = STREAMS
    total: int = TOTAL_EVENTS
    min_events: int = 20
    capped_keepalive: int = 20  # the extra runs at every N above it; 0: none
    pairs: tuple[tuple[str, str], ...] = PAIRS
    quiet: bool = False

    def events(self, n: int) -> int:
        return max(self.min_events, self.total // n)


# --- the clients (async), each in its own worker process ----------------------------------------


class Ours:
    def __init__(self, base_url: str, route: payloads.Route, n: int, keepalive: int) -> None:
        import importlib

        import httpx2

        package = importlib.import_module(route.package)
        self.op = importlib.import_module(route.module)
        model = getattr(importlib.import_module(f"{route.package}.models"), route.request_model)
        limits = httpx2.Limits(max_connections=n, max_keepalive_connections=keepalive)
        self.client = package.AuthenticatedClient(token="k", base_url=base_url, httpx_args={"limits": limits})
        self.body = model.from_dict(route.body)

    async def stream(self, gate: Gate) -> int:
        n = 0
        async with self.op.astream(client=self.client, body=self.body) as events:
            async for _ in events:
                n += 1
                if n == 1:
                    await gate()
        return n

    async def aclose(self) -> None:
        await self.client.aclose()


class Httpx:
    library = "httpx2"

    def __init__(self, base_url: str, route: payloads.Route, n: int, keepalive: int) -> None:
        import importlib

        httpx = importlib.import_module(self.library)
        limits = httpx.Limits(max_connections=n, max_keepalive_connections=keepalive)
        self.client = httpx.AsyncClient(base_url=base_url, headers={"Authorization": "Bearer k"}, limits=limits)
        self.route = route
        self.body = {**route.body, "stream": True}

    async def stream(self, gate: Gate) -> int:
        n = 0
        async with self.client.stream("POST", self.route.path, json=self.body) as response:
            response.raise_for_status()
            async for line in response.aiter_lines():
                if line.startswith("data:") and line[5:].strip() != "[DONE]":
                    json.loads(line[5:])
                    n += 1
                    if n == 1:
                        await gate()
        return n

    async def aclose(self) -> None:
        await self.client.aclose()


class HttpxRef(Httpx):
    library = "httpx"  # 0.28.1, on httpcore 1.0.9


class OpenAI:
    def __init__(self, base_url: str, route: payloads.Route, n: int, keepalive: int) -> None:
        import httpx2  # what this openai release is built on (httpx's fork, with its own pool)
        import openai

        assert route.openai_prefix is not None
        limits = httpx2.Limits(max_connections=n, max_keepalive_connections=keepalive)
        http_client = openai.DefaultAsyncHttpxClient(limits=limits)
        self.client = openai.AsyncOpenAI(base_url=base_url + route.openai_prefix, api_key="k", http_client=http_client)
        resource = self.client.chat.completions if route.openai_kind == "chat" else self.client.completions
        self.create = resource.create
        self.body = route.body

    async def stream(self, gate: Gate) -> int:
        n = 0
        async with await self.create(**self.body, stream=True) as events:
            async for _ in events:
                n += 1
                if n == 1:
                    await gate()
        return n

    async def aclose(self) -> None:
        await self.client.close()


class SenseNovaSdk:
    """The SDK's async path (aiohttp), given one session for all streams (else one per call)."""

    def __init__(self, base_url: str, route: payloads.Route, n: int, keepalive: int) -> None:
        from bench.candidates import SenseNovaSdk as Sync

        sync = Sync(base_url, route)
        self.kwargs = sync.kwargs
        self.resource = sync.resource
        self.n = n
        self.session: Any = None

    async def stream(self, gate: Gate) -> int:
        import aiohttp
        import sensenova

        if self.session is None:
            self.session = aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=self.n))
            sensenova.aiosession.set(self.session)
        n = 0
        async for _ in await self.resource.acreate(**self.kwargs, stream=True):
            n += 1
            if n == 1:
                await gate()
        return n

    async def aclose(self) -> None:
        if self.session is not None:
            await self.session.close()


CLIENTS: dict[str, Callable[[str, payloads.Route, int, int], Any]] = {
    "ours": Ours,
    FLOOR: Httpx,
    REF: HttpxRef,
    "openai": OpenAI,
    "sensenova-sdk": SenseNovaSdk,
}


async def _measure(
    name: str, route: payloads.Route, origin: str, n: int, events: int, keepalive: int
) -> dict[str, Any]:
    base_url = origin + payloads.scenario_prefix("stream", events, "bulk")
    client = CLIENTS[name](base_url, route, n, keepalive)
    opened = 0
    all_open, go = asyncio.Event(), asyncio.Event()

    async def open_gate() -> None:  # after a stream's first event
        nonlocal opened
        opened += 1
        if opened == n:
            all_open.set()
        await go.wait()

    async def no_gate() -> None:
        pass

    if await client.stream(no_gate) != events:  # unrecorded: lazy imports, pool, first models
        raise AssertionError("warm-up stream short")
    gc.collect()
    exact_peak = _reset_peak()
    rss_before = _rss_bytes()
    started = time.perf_counter()
    tasks = [asyncio.ensure_future(client.stream(open_gate)) for _ in range(n)]
    waiter = asyncio.ensure_future(all_open.wait())
    await asyncio.wait([waiter, *tasks], return_when=asyncio.FIRST_COMPLETED)
    if not all_open.is_set():  # a stream ended or failed before all were open
        go.set()
        await asyncio.gather(*tasks)
        raise AssertionError("a stream ended before all were open")
    open_s = time.perf_counter() - started
    rss_open = _rss_bytes()
    gate_time, gate_cpu = time.perf_counter(), time.process_time()
    go.set()
    counts = await asyncio.gather(*tasks)
    drain_s, cpu_s = time.perf_counter() - gate_time, time.process_time() - gate_cpu
    peak = (_status_kib("VmHWM") or 0) * 1024 if exact_peak else max(rss_open, _rss_bytes())
    await client.aclose()
    if counts != [events] * n:
        raise AssertionError(f"events per stream {sorted(set(counts))}, expected {events}")
    drained = n * (events - 1)  # the events after the gate
    return {
        "events_per_s": drained / drain_s,
        "cpu_us_per_event": cpu_s / drained * 1e6,
        "peak_rss_per_stream_kib": (peak - rss_before) / n / 1024,
        "rss_open_per_stream_kib": (rss_open - rss_before) / n / 1024,
        "open_ms": open_s * 1000,
        "exact_peak": exact_peak,
    }


def worker(name: str, route_key: str, origin: str, n: int, events: int, keepalive: int) -> dict[str, Any]:
    add_generated_to_path()
    return asyncio.run(_measure(name, payloads.ROUTES[route_key], origin, n, events, keepalive))


# --- the run ------------------------------------------------------------------------------------


@dataclass
class Row:
    candidate: str
    route: str
    streams: int
    events: int
    keepalive: int
    result: dict[str, Any] = field(default_factory=dict)
    error: str | None = None


def run(config: Config) -> dict[str, Any]:
    def log(message: str) -> None:
        if not config.quiet:
            print(message, file=sys.stderr, flush=True)

    started = time.perf_counter()
    rows = [Row(name, route, n, config.events(n), n) for name, route in config.pairs for n in config.streams]
    cap = config.capped_keepalive
    if cap:
        capped = [name_route for name_route in config.pairs if name_route[0] != "sensenova-sdk"]  # aiohttp: no knob
        rows += [
            Row(name, route, n, config.events(n), cap) for n in config.streams if n > cap for name, route in capped
        ]
    with ServerProcess() as server:
        log(f"concurrency: {len(rows)} fresh processes against {server.origin} ...")
        for row in rows:
            args = ["--worker", row.candidate, "--route", row.route, "--origin", server.origin]
            args += ["--n", str(row.streams), "--events", str(row.events), "--keepalive", str(row.keepalive)]
            done = subprocess.run(
                [sys.executable, "-m", "bench.concurrency", *args], cwd=ROOT, env=_env(), capture_output=True, text=True
            )
            if done.returncode != 0:
                row.error = (done.stderr.strip().splitlines() or ["failed"])[-1]
            else:
                row.result = json.loads(done.stdout)
    return {
        "config": asdict(config),
        "rows": [asdict(row) for row in rows],
        "seconds": time.perf_counter() - started,
        "_rows": rows,
    }


def table_lines(result: dict[str, Any], markdown: bool = False) -> list[str]:
    header = ["route", "candidate", "streams", "keep-alive", "events/stream", "events/s", "CPU µs/event"]
    header += ["peak RSS/stream KiB", "open all (ms)"]
    body = []
    for row in result["_rows"]:
        keepalive = "all" if row.keepalive >= row.streams else str(row.keepalive)
        cells = [row.route, row.candidate, f"{row.streams:,}", keepalive, f"{row.events:,}"]
        if row.error:
            body.append([*cells, "ERROR", row.error[:80], "", ""])
            continue
        r = row.result
        body.append(
            [
                *cells,
                f"{r['events_per_s']:,.0f}",
                f"{r['cpu_us_per_event']:.1f}",
                f"{r['peak_rss_per_stream_kib']:,.1f}",
                f"{r['open_ms']:,.0f}",
            ]
        )
    if markdown:
        lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
        return lines + ["| " + " | ".join(cells) + " |" for cells in body]
    widths = [max(len(r[i]) for r in [header, *body]) for i in range(len(header))]
    lines = []
    for cells in [header, *body]:
        pairs = enumerate(zip(cells, widths, strict=True))
        lines.append("  ".join(c.ljust(w) if i < 2 else c.rjust(w) for i, (c, w) in pairs))
    lines.append(f"one fresh process per line; total {result['seconds']:.0f} s")
    return lines


def ratios(result: dict[str, Any]) -> dict[tuple[str, int, str], float]:
    """events/s of each candidate over the floor's (httpx2) on the same route, N and keep-alive."""
    rows = {}
    for r in result["_rows"]:
        if not r.error:
            rows[(r.route, r.candidate, r.streams, "all" if r.keepalive >= r.streams else str(r.keepalive))] = r
    out = {}
    for (route, name, n, keepalive), row in rows.items():
        floor = rows.get((route, FLOOR, n, keepalive))
        if floor is not None and name != FLOOR:
            out[(f"{route} {name}", n, keepalive)] = row.result["events_per_s"] / floor.result["events_per_s"]
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--streams", type=int, nargs="+", default=list(STREAMS))
    parser.add_argument("--total", type=int, default=TOTAL_EVENTS, help="events per point (default %(default)s)")
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    parser.add_argument("--route", help=argparse.SUPPRESS)
    parser.add_argument("--origin", help=argparse.SUPPRESS)
    parser.add_argument("--n", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--events", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--keepalive", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        print(json.dumps(worker(args.worker, args.route, args.origin, args.n, args.events, args.keepalive)))
        return 0
    result = run(Config(streams=tuple(args.streams), total=args.total))
    print("\n".join(table_lines(result)))
    for (label, n, keepalive), ratio in sorted(ratios(result).items()):
        print(f"  {label} at {n:,} streams, keep-alive {keepalive}: {ratio:.2f}x {FLOOR}")
    return 1 if any(row.error for row in result["_rows"]) else 0


if __name__ == "__main__":
    sys.exit(main())
