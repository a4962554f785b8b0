"""What the openai-style surface costs over the function modules it wraps (part of `make bench`).

For each main route, in the same server process and shuffled rounds as the main table:

- ``surface``: ``client.<resource>.create(**body)`` as users write it, with plain dicts (so every
  call builds its request model from them), ``stream=True`` for the stream metric;
- ``generated``: the function module's ``sync()`` / ``stream()`` with a request model built once
  (bench/candidates.py), the layer the surface calls.

Sync against sync, async against async. Each round measures a surface row and its function-module
row back to back (which goes first is drawn per round), the pairs in shuffled order; the ratio is
the median over rounds of surface / function module, from wall-clock rates and (steadier on a
shared machine) from rates per CPU second of this process. Pairing adjacent samples keeps the
machine's drift, up to 2x between rounds here, out of the ratio. Target: the
surface keeps at least 95 % of the function modules' events/s and requests/s.
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import importlib
import json
import random
import statistics
from collections.abc import Callable
from dataclasses import asdict, dataclass
from typing import Any

from bench import ROOT, payloads
from bench.candidates import CANDIDATES, Candidate, tls_context
from bench.harness import Item, Row, ServerProcess
from bench.payloads import Route
from codegen.providers import load_providers

TARGET = 0.95
RESULTS = ROOT / "bench" / "results" / "surface.json"


def _method(route: Route) -> str:
    """The route's openai-style method path (`chat.completions.create`), from its spec."""
    provider = load_providers()[route.provider]
    operation = route.module.rsplit(".", 1)[1]
    for item in provider.spec["paths"].values():
        for op in item.values():
            if op["operationId"] == operation:
                return str(op["x-client-method"])
    raise LookupError(f"{route.module}: no operation {operation} in {provider.spec_path.name}")


class SurfaceSync:
    def __init__(self, base_url: str, route: Route) -> None:
        provider = load_providers()[route.provider]
        package = importlib.import_module(provider.package)
        self.client = getattr(package, provider.client_class)(
            api_key="bench-key", base_url=base_url, verify_ssl=tls_context()
        )
        self.create: Callable[..., Any] = self.client
        for name in _method(route).split("."):
            self.create = getattr(self.create, name)
        self.body = route.body

    def stream(self) -> int:
        n = 0
        with self.create(**self.body, stream=True) as events:
            for _ in events:
                n += 1
        return n

    def call(self) -> None:
        self.create(**self.body)

    def close(self) -> None:
        self.client.close()


class SurfaceAsync(SurfaceSync):
    def __init__(self, base_url: str, route: Route) -> None:
        provider = load_providers()[route.provider]
        package = importlib.import_module(provider.package)
        self.client = getattr(package, "Async" + provider.client_class)(
            api_key="bench-key", base_url=base_url, verify_ssl=tls_context()
        )
        self.create = self.client
        for name in _method(route).split("."):
            self.create = getattr(self.create, name)
        self.body = route.body

    async def stream(self) -> int:  # type: ignore[override]
        n = 0
        events = await self.create(**self.body, stream=True)
        async with events:
            async for _ in events:
                n += 1
        return n

    async def call(self) -> None:  # type: ignore[override]
        await self.create(**self.body)

    async def aclose(self) -> None:
        await self.client.close()


SURFACE = {
    "surface": Candidate("surface", False, SurfaceSync, "generated", note="client.<resource>.create(), dicts"),
    "surface-async": Candidate("surface-async", True, SurfaceAsync, "generated-async", note="async surface"),
}


@dataclass
class Config:
    rounds: int = 7
    events: int = 10_000
    calls: int = 300
    routes: tuple[str, ...] = payloads.MAIN_ROUTES
    seed: int = 11


def _items(config: Config, origin: str) -> list[Item]:
    plans = {
        "stream": (payloads.scenario_prefix("stream", config.events, "bulk"), config.events),
        "call": (payloads.scenario_prefix("json", 0, "bulk"), 0),
    }
    items = []
    for route_key in config.routes:
        route = payloads.ROUTES[route_key]
        for candidate in (*SURFACE.values(), CANDIDATES["generated"], CANDIDATES["generated-async"]):
            for metric, (prefix, expected) in plans.items():
                floor = candidate.floor if candidate.name in SURFACE else None
                row = Row(metric, route_key, candidate.name, floor=floor)
                items.append(Item(row, candidate, route, origin + prefix, expected))
    return items


def run(config: Config | None = None, log: Callable[[str], None] = print) -> dict[str, Any]:
    """Measure. `_rows` are the rows (surface rows carry `ratio` and `cpu_ratio` to their
    baseline); the other keys are the JSON that `make bench` writes."""
    config = config or Config()
    loop = asyncio.new_event_loop()
    with ServerProcess() as server:
        items = _items(config, server.origin)
        try:
            harness_config = _harness_config(config)
            for item in items:  # warm-up, not recorded: sessions, imports, the server's renders
                item.sample(loop, _harness_config(Config(events=config.events, calls=10)))
            for item in items:
                item.row.samples.clear()
                item.row.cpu_samples.clear()
                item.row.counts.clear()
            rng = random.Random(config.seed)
            pairs = _pairs(items)
            for number in range(config.rounds):
                rng.shuffle(pairs)
                for pair in pairs:
                    for item in rng.sample(pair, len(pair)):
                        gc.collect()
                        item.row.samples.extend(item.sample(loop, harness_config))
                log(f"  surface round {number + 1}/{config.rounds}")
        finally:
            for item in items:
                with contextlib.suppress(Exception):
                    item.close(loop)
            loop.close()
    rows = [item.row for item in items]
    _ratios(rows)
    return {"config": asdict(config), "rows": [row.as_json() for row in rows], "_rows": rows}


def _pairs(items: list[Item]) -> list[tuple[Item, Item]]:
    """Each surface item with the function-module item it is compared with."""
    by_key = {(i.row.metric, i.row.subject, i.row.candidate): i for i in items}
    return [(i, by_key[(i.row.metric, i.row.subject, i.row.floor)]) for i in items if i.row.floor is not None]


def _harness_config(config: Config) -> Any:
    from bench import harness

    return harness.Config(rounds=config.rounds, events=config.events, calls=config.calls)


def _ratios(rows: list[Row]) -> None:
    by_key = {(r.metric, r.subject, r.candidate): r for r in rows}
    for row in rows:
        base = by_key.get((row.metric, row.subject, row.floor or ""))
        if base is None or not base.samples or not row.samples:
            continue
        row.ratio = statistics.median(a / b for a, b in zip(row.samples, base.samples, strict=True))
        row.cpu_ratio = statistics.median(a / b for a, b in zip(row.cpu_samples, base.cpu_samples, strict=True))
        row.met = row.cpu_ratio >= TARGET  # CPU time: what the surface adds, less swayed by neighbours
        row.target = f">= {TARGET:.2f}x"


def table_lines(result: dict[str, Any], markdown: bool = False) -> list[str]:
    rows: list[Row] = result["_rows"]
    title = "surface overhead: client.<resource>.create() with dicts vs the function module"
    header = ["route", "metric", "surface", "median", "function module", "median", "ratio wall", "ratio CPU", "target"]
    body = []
    for row in sorted(rows, key=lambda r: (r.metric, r.subject, r.candidate)):
        if row.floor is None or row.ratio is None or row.cpu_ratio is None:
            continue
        base = next(r for r in rows if (r.metric, r.subject, r.candidate) == (row.metric, row.subject, row.floor))
        unit = "events/s" if row.metric == "stream" else "requests/s"
        verdict = "met" if row.met else "**missed**"
        body.append(
            [row.subject, unit, row.candidate, f"{row.median:,.0f}", row.floor, f"{base.median:,.0f}",
             f"{row.ratio:.3f}x", f"{row.cpu_ratio:.3f}x", f"{row.target}: {verdict}"]
        )  # fmt: skip
    if markdown:
        return [f"**{title}**", "", "| " + " | ".join(header) + " |", "|" + "---|" * len(header)] + [
            "| " + " | ".join(cells) + " |" for cells in body
        ]
    widths = [max(len(cells[i]) for cells in [header, *body]) for i in range(len(header))]
    return [title] + [
        "  " + "  ".join(c.ljust(w) for c, w in zip(cells, widths, strict=True)) for cells in [header, *body]
    ]


def main() -> None:
    """`python -m bench.surface`: measure, print the table, write bench/results/surface.json.
    A missed target is a finding to read in the table, not a failure; a candidate that cannot run
    raises."""
    result = run()
    print("\n".join(table_lines(result)))
    RESULTS.parent.mkdir(exist_ok=True)
    data = {k: v for k, v in result.items() if not k.startswith("_")}
    RESULTS.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
