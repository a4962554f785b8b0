"""Runs the benchmark: server process, interleaved rounds, subprocess measures, table, JSON.

In-process metrics (one process, one run, candidates shuffled anew every round so machine drift
hits them alike, the candidates of one metric and route one after another so that a ratio pairs
samples seconds apart; ``gc.collect()`` before every sample, never inside one):

The floor is raw httpx2 (``iter_lines()`` + ``json.loads``, sync and async); the same loop on
httpx 0.28.1 runs beside it as a reference row, with its ratio to the floor and no target.

- ``stream``: events/s reading a whole 20,000-event stream (``bulk`` writes), per wire format;
- ``call``: requests/s over 500 non-streaming keep-alive requests;
- ``first``: time from the server writing the first event (its ``time.monotonic_ns()``, stamped
  into the event's id just before the write; a system-wide clock, so comparable across the two
  processes) to the client yielding it, while the server then pauses 300 ms. A client that reads
  ahead or waits for a following event shows ~300 ms here.

Before the rounds, unrecorded: every streaming candidate reads a ``split`` stream (each event
cut into tiny HTTP chunks and TCP writes) and must get every event, a correctness gate rather
than a speed metric (the server's per-write cost would dominate it); every session is built
(clients are never built inside a timed sample), the server renders every stream once, and the
non-streaming and first-event sessions run a few requests. Then ``gc.freeze()``, so that the
``gc.collect()`` before each sample only walks the previous sample's garbage.

Subprocess metrics: memory (bench/memory.py, one fresh process per candidate), import time
(fresh interpreter per sample), full regeneration (``python -m codegen.generate --out <tmp>``),
and a ``make generate`` with nothing to do.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
import gc
import json
import os
import platform
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any, Self

from bench import PACKAGE_DIRS, ROOT, payloads
from bench.candidates import CANDIDATES, REF, REF_ASYNC, Candidate, close_session

RESULTS_DIR = ROOT / "bench" / "results"
FLOORS = ("httpx2", "httpx2-async")
HTTP_LIBRARY = "httpx2"  # "importing the HTTP library alone", the import measure's reference
MIB = 1024 * 1024


@dataclass
class Config:
    rounds: int = 5  # the throughput ratios are medians of per-round ratios: five damp one odd round
    events: int = 20_000
    calls: int = 500
    first_per_round: int = 3
    memory_events: int = 200_000
    # Generated clients (the target) and the floor (the reference); `--full` adds the others.
    memory_candidates: tuple[str, ...] = ("httpx2", "generated", "generated-async")
    import_runs: int = 5
    regen_runs: int = 1
    make_runs: int = 5
    split_events: int = 1_000
    routes: tuple[str, ...] = payloads.MAIN_ROUTES
    candidates: tuple[str, ...] = tuple(CANDIDATES)
    metrics: tuple[str, ...] = ("stream", "call", "first", "memory", "import", "regen", "make")
    jobs: int = max(1, min(2, os.cpu_count() or 1))  # memory subprocesses run side by side
    seed: int = 8
    quiet: bool = False


@dataclass(frozen=True)
class Metric:
    title: str
    unit: str
    higher_is_better: bool
    fmt: str  # format of one value


METRICS: dict[str, Metric] = {
    "stream": Metric("stream throughput (events/s)", "ev/s", True, "{:,.0f}"),
    "call": Metric("non-streaming (requests/s)", "req/s", True, "{:,.0f}"),
    "first": Metric("time to first event (ms)", "ms", False, "{:.2f}"),
    "memory": Metric("peak RSS growth (MiB)", "MiB", False, "{:.2f}"),
    "import": Metric("import time, fresh process (ms)", "ms", False, "{:.1f}"),
    "regen": Metric("full regeneration, 4 packages (s)", "s", False, "{:.2f}"),
    "make": Metric("no-op `make generate` (s)", "s", False, "{:.3f}"),
}


@dataclass
class Row:
    metric: str
    subject: str  # route key, module name or "-"
    candidate: str
    samples: list[float] = field(default_factory=list)
    error: str | None = None
    floor: str | None = None  # candidate (or module) the ratio is taken against
    target: str | None = None  # human-readable target
    check: Callable[[Row, Row | None], bool] | None = field(default=None, repr=False)
    counts: list[int] = field(default_factory=list)  # events per stream read (checked against expected)
    # import: per-process ratio to `import httpx2`; stream/call: per-round ratio to the floor
    ratios: list[float] = field(default_factory=list)
    # stream/call: the same rate per CPU second of the client process (steadier on a busy machine)
    cpu_samples: list[float] = field(default_factory=list)
    cpu_ratio: float | None = None
    ratio: float | None = None
    met: bool | None = None
    note: str = ""

    @property
    def median(self) -> float | None:
        return statistics.median(self.samples) if self.samples else None

    def as_json(self) -> dict[str, Any]:
        data = asdict(self)
        data.pop("check")
        data.update(median=self.median, min=min(self.samples, default=None), max=max(self.samples, default=None))
        data["unit"] = METRICS[self.metric].unit
        return data


# --- targets (issue 8) -------------------------------------------------------------------------


def _ratio_at_least(limit: float) -> Callable[[Row, Row | None], bool]:
    return lambda row, floor: row.ratio is not None and row.ratio >= limit


def _median_at_most(limit: float) -> Callable[[Row, Row | None], bool]:
    return lambda row, floor: row.median is not None and row.median <= limit


def _ratio_at_most(limit: float) -> Callable[[Row, Row | None], bool]:
    return lambda row, floor: row.ratio is not None and row.ratio <= limit


def _targets(row: Row) -> None:
    generated = row.candidate.removesuffix("+pure-json") in ("generated", "generated-async")
    if row.metric == "stream" and generated:
        row.target, row.check = ">= 1.0x floor", _ratio_at_least(1.0)
    elif row.metric == "call" and generated:
        row.target, row.check = ">= 0.9x floor", _ratio_at_least(0.9)
    elif row.metric == "first" and generated:
        row.target, row.check = "<= 2 ms (median)", _median_at_most(2.0)
    elif row.metric == "memory" and generated:
        row.target, row.check = "<= 2 MiB", _median_at_most(2.0)
    elif row.metric == "import" and row.candidate == "generated":
        row.target, row.check = "<= 1.3x httpx2", _ratio_at_most(1.3)
    elif row.metric == "regen":
        row.target, row.check = "<= 10 s", _median_at_most(10.0)
    elif row.metric == "make":
        row.target, row.check = "<= 1 s", _median_at_most(1.0)


# --- the server process ------------------------------------------------------------------------


class ChildProcess:
    """A bench module (`module`) in a child process: it prints `PORT <n>` once it listens and
    exits when we close its stdin."""

    module = ""

    def __init__(self, *args: str) -> None:
        self.args = args

    def __enter__(self) -> Self:
        self.proc = subprocess.Popen(
            [sys.executable, "-m", self.module, *self.args],
            cwd=ROOT,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert self.proc.stdout is not None
        line = self.proc.stdout.readline()
        if not line.startswith("PORT "):
            self.proc.kill()
            raise RuntimeError(f"{self.module} did not start: {line!r}")
        self.port = int(line.split()[1])
        return self

    def __exit__(self, *exc: object) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.close()
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()


class ServerProcess(ChildProcess):
    """bench.server in a child process; extra arguments go to it (`--tls PEM`)."""

    module = "bench.server"

    def __init__(self, *args: str) -> None:
        super().__init__("--port", "0", *args)

    def __enter__(self) -> Self:
        super().__enter__()
        self.origin = f"{'https' if '--tls' in self.args else 'http'}://127.0.0.1:{self.port}"
        return self


# --- in-process rounds -------------------------------------------------------------------------


async def _timed_async(fn: Callable[[], Any]) -> tuple[float, float, Any]:
    started, cpu = time.perf_counter(), time.process_time()
    result = await fn()
    return time.perf_counter() - started, time.process_time() - cpu, result


def _timed(fn: Callable[[], Any]) -> tuple[float, float, Any]:
    started, cpu = time.perf_counter(), time.process_time()
    result = fn()
    return time.perf_counter() - started, time.process_time() - cpu, result


async def _many_async(fn: Callable[[], Any], count: int) -> None:
    for _ in range(count):
        await fn()


class Item:
    """One (metric, route, candidate) measured in the rounds, with its own session."""

    def __init__(self, row: Row, candidate: Candidate, route: payloads.Route, base_url: str, expected: int) -> None:
        self.row = row
        self.candidate = candidate
        self.route = route
        self.base_url = base_url
        self.expected = expected
        self.session: Any = None

    def open(self) -> None:
        if self.session is None:
            self.session = self.candidate.session(self.base_url, self.route)

    def _run(self, loop: asyncio.AbstractEventLoop, fn: Callable[[], Any]) -> tuple[float, float, Any]:
        """(wall seconds, this process's CPU seconds, result)."""
        if self.candidate.is_async:
            return loop.run_until_complete(_timed_async(fn))
        return _timed(fn)

    def sample(self, loop: asyncio.AbstractEventLoop, config: Config) -> list[float]:
        self.open()
        metric = self.row.metric
        if metric == "stream":
            seconds, cpu, count = self._run(loop, self.session.stream)
            self.row.counts.append(count)
            if count != self.expected:
                raise AssertionError(f"got {count} events, expected {self.expected}")
            self.row.cpu_samples.append(count / cpu if cpu > 0 else 0.0)
            return [count / seconds]
        if metric == "call":
            call = self.session.call
            if self.candidate.is_async:
                seconds, cpu, _ = self._run(loop, lambda: _many_async(call, config.calls))
            else:
                seconds, cpu, _ = self._run(loop, lambda: [call() for _ in range(config.calls)])
            self.row.cpu_samples.append(config.calls / cpu if cpu > 0 else 0.0)
            return [config.calls / seconds]
        if metric == "first":
            values = []
            for _ in range(config.first_per_round):
                _, _, (yielded_ns, event_id) = self._run(loop, self.session.first)
                values.append((yielded_ns - payloads.stamp_of(event_id)) / 1e6)
            return values
        raise ValueError(metric)

    def close(self, loop: asyncio.AbstractEventLoop) -> None:
        if self.session is not None:
            try:
                close_session(self.session, loop)
            finally:
                self.session = None


def _items(config: Config, origin: str) -> list[Item]:
    items = []
    for route_key in config.routes:
        route = payloads.ROUTES[route_key]
        for name in config.candidates:
            candidate = CANDIDATES[name]
            if not candidate.supports(route):
                continue
            plans = {
                "stream": (payloads.scenario_prefix("stream", config.events, "bulk"), config.events),
                "call": (payloads.scenario_prefix("json", 0, "bulk"), 0),
                "first": (payloads.scenario_prefix("stream", 5, "pause"), 5),
            }
            for metric, (prefix, expected) in plans.items():
                if metric not in config.metrics or (metric == "call" and not candidate.calls):
                    continue
                if metric == "stream" and not candidate.streams:
                    continue
                floor = None if name in FLOORS else ("httpx2-async" if candidate.is_async else "httpx2")
                row = Row(metric, route_key, name, floor=floor)
                items.append(Item(row, candidate, route, origin + prefix, expected))
    return items


def _split_check(config: Config, origin: str, loop: asyncio.AbstractEventLoop, log: Callable[[str], None]) -> dict:
    """Every streaming candidate must read every event of a stream cut into tiny writes."""
    results: dict[str, Any] = {}
    for route_key in config.routes:
        route = payloads.ROUTES[route_key]
        base = origin + payloads.scenario_prefix("stream", config.split_events, "split")
        for name in config.candidates:
            candidate = CANDIDATES[name]
            if not candidate.supports(route) or not candidate.streams:
                continue
            key = f"{route_key}/{name}"
            item = Item(Row("stream", route_key, name), candidate, route, base, config.split_events)
            try:
                item.open()
                _, _, count = item._run(loop, item.session.stream)
                results[key] = "ok" if count == config.split_events else f"got {count}/{config.split_events} events"
            except Exception as exc:
                results[key] = f"{type(exc).__name__}: {exc}"
            finally:
                item.close(loop)
            if results[key] != "ok":
                log(f"  split check {key}: {results[key]}")
    return results


def _round_order(items: list[Item], rng: random.Random) -> list[Item]:
    """One round's order: the items of a (metric, route) run one after another, so a candidate's
    sample and its floor's are seconds apart; groups and the items within each are shuffled."""
    groups: dict[tuple[str, str], list[Item]] = {}
    for item in items:
        if item.row.error is None:
            groups.setdefault((item.row.metric, item.row.subject), []).append(item)
    keys = list(groups)
    rng.shuffle(keys)
    order = []
    for key in keys:
        group = groups[key]
        rng.shuffle(group)
        order.extend(group)
    return order


def _run_rounds(config: Config, origin: str, log: Callable[[str], None]) -> tuple[list[Row], dict]:
    loop = asyncio.new_event_loop()
    items = _items(config, origin)
    split = _split_check(config, origin, loop, log) if "stream" in config.metrics else {}
    try:
        # Warm-up, not recorded: every session built (clients, TLS contexts), the server's
        # renders cached, modules imported (the split check above read a stream with every
        # streaming candidate), connections open for the non-streaming calls.
        rendered = set()
        for item in items:
            try:
                item.open()
                if item.row.metric == "stream" and item.base_url not in rendered:
                    rendered.add(item.base_url)
                    bare = CANDIDATES["bare-socket"].session(item.base_url, item.route)
                    bare.stream()
                    bare.close()
                elif item.row.metric != "stream":
                    item.sample(loop, replace(config, calls=10, first_per_round=1))
            except Exception as exc:
                item.row.error = f"{type(exc).__name__}: {exc}"
                log(f"  {item.row.metric} {item.row.subject} {item.row.candidate}: {item.row.error}")
        # Everything alive now (modules, sessions) moves to the permanent generation: the
        # gc.collect() before each sample then only walks the previous sample's garbage.
        gc.collect()
        gc.freeze()
        rng = random.Random(config.seed)
        for number in range(config.rounds):
            started = time.perf_counter()
            for item in _round_order(items, rng):
                gc.collect()
                try:
                    item.row.samples.extend(item.sample(loop, config))
                except Exception as exc:
                    item.row.error = f"{type(exc).__name__}: {exc}"
                    log(f"  {item.row.metric} {item.row.subject} {item.row.candidate}: {item.row.error}")
            log(f"  round {number + 1}/{config.rounds}: {time.perf_counter() - started:.1f} s")
    finally:
        gc.unfreeze()
        for item in items:
            with contextlib.suppress(Exception):  # closing after a failure
                item.close(loop)
        loop.close()
    return [item.row for item in items], split


# --- subprocess metrics ------------------------------------------------------------------------


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT), *map(str, PACKAGE_DIRS)])
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def _memory(config: Config, origin: str, log: Callable[[str], None]) -> list[Row]:
    rows: dict[tuple[str, str], Row] = {}
    jobs = []
    for route_key in config.routes:
        route = payloads.ROUTES[route_key]
        for name in config.candidates:
            candidate = CANDIDATES[name]
            if name not in config.memory_candidates or not candidate.supports(route) or not candidate.streams:
                continue
            rows[route_key, name] = Row("memory", route_key, name)
            jobs.append((route_key, name))
        # Render the long stream in the server before any client waits on it.
        bare = CANDIDATES["bare-socket"].session(
            origin + payloads.scenario_prefix("stream", config.memory_events, "bulk"), route
        )
        bare.stream()
        bare.close()

    def one(job: tuple[str, str]) -> None:
        route_key, name = job
        row = rows[job]
        command = [sys.executable, "-m", "bench.memory", "--candidate", name, "--route", route_key]
        command += ["--origin", origin, "--events", str(config.memory_events)]
        done = subprocess.run(command, cwd=ROOT, env=_env(), capture_output=True, text=True, timeout=600)
        if done.returncode != 0:
            row.error = (done.stderr.strip().splitlines() or ["failed"])[-1]
            return
        result = json.loads(done.stdout)
        if result["events"] != result["expected"]:
            row.error = f"got {result['events']} events, expected {result['expected']}"
            return
        row.samples.append(result["growth_mib"])
        row.note = f"{result['events'] / result['seconds']:,.0f} ev/s; {result['method']}"

    with concurrent.futures.ThreadPoolExecutor(config.jobs) as pool:
        list(pool.map(one, jobs))
    for row in rows.values():
        if row.error:
            log(f"  memory {row.subject} {row.candidate}: {row.error}")
    return list(rows.values())


def _import_modules() -> list[tuple[str, str]]:
    """(label, module): each generated package, package + operation module, httpx-sse, openai,
    and httpx 0.28.1 (the reference row, timed alone)."""
    modules = []
    for route in payloads.first_route_per_provider():
        modules.append((route.package, route.package))
        modules.append((f"{route.package} + op", route.module))
    modules += [("httpx-sse", "httpx_sse"), ("openai", "openai"), (REF, "httpx")]
    return modules


# In each fresh interpreter: `import httpx2` timed, then the module timed on top of it. The
# module's import time is their sum (every candidate imports httpx2 first anyway) and its ratio
# to httpx2 is taken within the one process, so a busy machine slows both sides alike.
# Interpreter startup is not counted. A module found as an empty namespace package (a package
# directory being rewritten at that moment) is an error, not a fast import. The reference row
# times `import httpx` (0.28.1) alone in its own interpreters: its ratio is of medians.
_IMPORT_CODE = """\
import sys, time
t0 = time.perf_counter()
import {base}
t1 = time.perf_counter()
import {module}
t2 = time.perf_counter()
assert getattr(sys.modules["{module}"], "__file__", None), "imported a namespace package"
print(t1 - t0, t2 - t1)
"""
_THIRD_PARTY = ("httpx-sse", "openai", REF)  # installed with their .pyc files


def _import_times(config: Config, log: Callable[[str], None]) -> list[Row]:
    """Import time in fresh interpreters, and its ratio to ``import httpx2`` in the same process."""
    modules = _import_modules()
    base_row = Row("import", "-", HTTP_LIBRARY)
    rows = {label: Row("import", label, "generated", floor=HTTP_LIBRARY, note=module) for label, module in modules}
    for name in _THIRD_PARTY:
        rows[name].subject, rows[name].candidate = "-", name
    rows[REF].note = "httpx 0.28.1 alone, in its own interpreters"
    env = _env()
    rng = random.Random(config.seed)
    for number in range(config.import_runs + 1):
        # Run 0 (unrecorded) writes the generated packages' .pyc files; installed packages have theirs.
        order = modules[:] if number else [m for m in modules if m[0] not in _THIRD_PARTY]
        rng.shuffle(order)
        for label, module in order:
            reference = label == REF
            code = _IMPORT_CODE.format(base=module if reference else HTTP_LIBRARY, module=module)
            done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True)
            if done.returncode != 0:
                rows[label].error = (done.stderr.strip().splitlines() or ["failed"])[-1]
            elif number:
                base, own = (float(x) * 1000 for x in done.stdout.split())
                if reference:  # its own import only (the second import of it is a no-op)
                    rows[label].samples.append(base)
                    continue
                base_row.samples.append(base)
                rows[label].samples.append(base + own)
                rows[label].ratios.append((base + own) / base)
    return [base_row, *rows.values()]


def _regeneration(config: Config, log: Callable[[str], None]) -> list[Row]:
    row = Row("regen", "4 packages", "codegen.generate")
    for _ in range(config.regen_runs):
        with tempfile.TemporaryDirectory(prefix="bench-regen-") as out:
            started = time.perf_counter()
            done = subprocess.run(
                [sys.executable, "-m", "codegen.generate", "--out", out], cwd=ROOT, capture_output=True, text=True
            )
            seconds = time.perf_counter() - started
            produced = sorted(p.name for p in Path(out).iterdir())
        if done.returncode != 0:
            row.error = (done.stderr.strip().splitlines() or ["failed"])[-1]
            break
        if produced != sorted(p.name for p in PACKAGE_DIRS):
            row.error = f"generated {produced}"
            break
        row.samples.append(seconds)
    return [row]


# What `make generate` reads and writes; copied (mtimes kept) when the working tree is stale.
_MAKE_TREE = (
    "Makefile",
    "LICENSE",
    "pyproject.toml",
    "requirements.lock",
    "codegen",
    "runtime",
    "specs",
    "generated",
    "emulator/models",
)


def _time_noop_make(make: str, root: Path, config: Config, row: Row) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("MAKEFLAGS", "MFLAGS", "MAKELEVEL")}
    stamps = {p: (root / "generated" / p.name / "pyproject.toml").stat().st_mtime_ns for p in PACKAGE_DIRS}
    for _ in range(config.make_runs):
        started = time.perf_counter()
        done = subprocess.run([make, "generate"], cwd=root, env=env, capture_output=True, text=True)
        seconds = time.perf_counter() - started
        if done.returncode != 0 or "Nothing to be done" not in done.stdout:
            row.error = f"make generate did work: {done.stdout.strip()[:200]}"
            return
        row.samples.append(seconds)
    if any((root / "generated" / p.name / "pyproject.toml").stat().st_mtime_ns != m for p, m in stamps.items()):
        row.error = "make generate rebuilt a package"


def _noop_make(config: Config, log: Callable[[str], None]) -> list[Row]:
    """``make generate`` with nothing to do: ``make -q`` must say so first; it never builds here.

    If the working tree is stale (an input newer than generated/), a real run would regenerate
    generated/, which a benchmark must not do behind the user's back: then the tree is copied
    (mtimes kept, the same .venv linked in), brought up to date there, and measured there.
    """
    row = Row("make", "generate", "make (no-op)")
    make = shutil.which("make")
    if make is None:
        row.error = "make not found"
        return [row]
    env = {k: v for k, v in os.environ.items() if k not in ("MAKEFLAGS", "MFLAGS", "MAKELEVEL")}
    if subprocess.run([make, "-q", "generate"], cwd=ROOT, env=env, capture_output=True).returncode == 0:
        _time_noop_make(make, ROOT, config, row)
        return [row]
    if subprocess.run([make, "-q", ".venv/.installed"], cwd=ROOT, env=env, capture_output=True).returncode != 0:
        row.error = ".venv is out of date: run `make venv` (or `make bench`) first"
        return [row]
    with tempfile.TemporaryDirectory(prefix="bench-make-") as scratch:
        copy = Path(scratch)
        for name in _MAKE_TREE:
            source, target = ROOT / name, copy / name
            target.parent.mkdir(parents=True, exist_ok=True)
            if source.is_dir():
                ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
                shutil.copytree(source, target, copy_function=shutil.copy2, ignore=ignore)
            elif source.exists():
                shutil.copy2(source, target)
        (copy / ".venv").symlink_to(ROOT / ".venv", target_is_directory=True)
        update = subprocess.run([make, "generate"], cwd=copy, env=env, capture_output=True, text=True)
        if update.returncode != 0:
            row.error = f"make generate failed in a copy of the tree: {update.stderr.strip()[-200:]}"
            return [row]
        _time_noop_make(make, copy, config, row)
        row.note = "measured in a copy of the tree (the working tree was stale)"
    return [row]


# --- ratios, targets, table --------------------------------------------------------------------


# Metrics sampled once per round by every candidate: their ratios to the floor are paired by round.
PAIRED = ("stream", "call")


def _evaluate(rows: list[Row]) -> None:
    index = {(r.metric, r.subject, r.candidate): r for r in rows}
    for row in rows:
        _targets(row)
        floor = None
        if row.floor is not None:
            if row.metric == "import":
                floor = next((r for r in rows if r.metric == "import" and r.candidate == HTTP_LIBRARY), None)
            else:
                floor = index.get((row.metric, row.subject, row.floor))
        if row.metric in PAIRED and floor is not None and floor.samples and row.samples:
            # One sample per round each, taken minutes apart at most: a ratio per round, then
            # their median, so the machine's drift between rounds cancels out of the ratio.
            row.ratios = [mine / theirs for mine, theirs in zip(row.samples, floor.samples, strict=False)]
        if row.ratios:
            row.ratio = statistics.median(row.ratios)
        elif floor is not None and floor.samples and row.samples:
            row.ratio = row.median / floor.median  # type: ignore[operator]
        if floor is not None and floor.cpu_samples and row.cpu_samples:
            if row.metric in PAIRED:
                pairs = zip(row.cpu_samples, floor.cpu_samples, strict=False)
                row.cpu_ratio = statistics.median(mine / theirs for mine, theirs in pairs)
            else:
                row.cpu_ratio = statistics.median(row.cpu_samples) / statistics.median(floor.cpu_samples)
        if row.check is not None:
            row.met = False if row.error or not row.samples else row.check(row, floor)


def _fmt(metric: str, value: float | None) -> str:
    return "-" if value is None else METRICS[metric].fmt.format(value)


def table_lines(rows: list[Row], markdown: bool = False) -> list[str]:
    header = ["metric", "route / module", "candidate", "median", "min–max", "vs floor", "cpu vs floor", "target", ""]
    body = []
    for row in rows:
        if row.error:
            cells = [_fmt(row.metric, None)] * 2
        else:
            low, high = min(row.samples, default=None), max(row.samples, default=None)
            cells = [_fmt(row.metric, row.median), f"{_fmt(row.metric, low)}–{_fmt(row.metric, high)}"]
        ratio = "" if row.ratio is None else f"{row.ratio:.2f}x"
        if row.candidate in FLOORS and row.metric in ("stream", "call", "first"):
            ratio = "floor"
        if row.metric == "import" and row.candidate == HTTP_LIBRARY:
            ratio = "ref"
        cpu_ratio = "" if row.cpu_ratio is None else f"{row.cpu_ratio:.2f}x"
        status = {True: "met", False: "MISSED", None: ""}[row.met]
        if row.error:
            status = f"ERROR: {row.error[:90]}"
        body.append(
            [METRICS[row.metric].title, row.subject, row.candidate, *cells, ratio, cpu_ratio, row.target or "", status]
        )
    if markdown:
        lines = ["| " + " | ".join([*header[:-1], "status"]) + " |", "|" + "---|" * len(header)]
        lines += ["| " + " | ".join(cell.replace("|", "\\|") for cell in cells) + " |" for cells in body]
        return lines
    widths = [max(len(r[i]) for r in [header, *body]) for i in range(len(header))]
    rule = "-" * (sum(widths) + 2 * (len(widths) - 1))
    lines = []
    previous = None
    for cells in [header, *body]:
        if cells is not header:
            if cells[0] == previous:
                cells = ["", *cells[1:]]
            else:
                lines.append(rule)
                previous = cells[0]
        lines.append(
            "  ".join(
                c.rjust(w) if i in (3, 4, 5, 6) else c.ljust(w)
                for i, (c, w) in enumerate(zip(cells, widths, strict=True))
            ).rstrip()
        )
    lines.append(rule)
    return lines


# --- entry point -------------------------------------------------------------------------------


def _machine() -> dict[str, Any]:
    try:
        load = os.getloadavg()
    except OSError:
        load = None
    return {
        "python": sys.version.split()[0],
        "implementation": platform.python_implementation(),
        "platform": platform.platform(),
        "machine": platform.machine(),
        "cpus": os.cpu_count(),
        "load_average_at_start": load,
    }


def run(config: Config) -> dict[str, Any]:
    def log(message: str) -> None:
        if not config.quiet:
            print(message, file=sys.stderr, flush=True)

    started = time.perf_counter()
    machine = _machine()
    rows: list[Row] = []
    split: dict[str, Any] = {}
    timings: dict[str, float] = {}
    with ServerProcess() as server:
        if any(m in config.metrics for m in ("stream", "call", "first")):
            log(f"in-process rounds against {server.origin} ...")
            t = time.perf_counter()
            in_process, split = _run_rounds(config, server.origin, log)
            rows += in_process
            timings["rounds"] = time.perf_counter() - t
        if "memory" in config.metrics:
            log(f"memory: {config.memory_events:,}-event streams, one fresh process per candidate ...")
            t = time.perf_counter()
            rows += _memory(config, server.origin, log)
            timings["memory"] = time.perf_counter() - t
    for metric, measure in (("import", _import_times), ("regen", _regeneration), ("make", _noop_make)):
        if metric in config.metrics:
            log(f"{metric} ...")
            t = time.perf_counter()
            rows += measure(config, log)
            timings[metric] = time.perf_counter() - t
    order = list(METRICS)
    rows.sort(key=lambda r: (order.index(r.metric), r.subject if r.metric != "import" else ""))
    _evaluate(rows)
    timings["total"] = time.perf_counter() - started
    return {
        "machine": machine,
        "config": {k: v for k, v in asdict(config).items() if k != "quiet"},
        "rows": [row.as_json() for row in rows],
        "split_check": split,
        "timings_s": timings,
        "_rows": rows,
    }


SUMMARY_COLUMNS = (
    "generated",
    "generated-async",
    "generated+pure-json",
    "generated-async+pure-json",
    "httpx2",
    "httpx2-async",
    REF,
    REF_ASYNC,
    "httpx-sse",
    "openai",
    "sensenova-sdk",
    "bare-socket",
)


def summary_markdown(rows: list[Row]) -> list[str]:
    """A compact pivot for the README: one line per metric and route, one column per candidate."""
    lines = [
        "| metric | route | " + " | ".join(SUMMARY_COLUMNS) + " | target | status |",
        "|---|---|" + "---|" * (len(SUMMARY_COLUMNS) + 2),
    ]
    groups: dict[tuple[str, str], dict[str, Row]] = {}
    for row in rows:
        if row.metric in ("stream", "call", "first", "memory"):
            groups.setdefault((row.metric, row.subject), {})[row.candidate] = row
    for (metric, subject), by_name in groups.items():
        cells = []
        for name in SUMMARY_COLUMNS:
            row = by_name.get(name)
            if row is None:
                cells.append("")
            elif row.error or not row.samples:
                cells.append("error")
            else:
                ratio = f" ({row.ratio:.2f}x)" if row.ratio is not None and metric != "memory" else ""
                cells.append(_fmt(metric, row.median) + ratio)
        targets = [r for r in by_name.values() if r.target]
        target = targets[0].target if targets else ""
        status = ", ".join(f"{r.candidate}: {'met' if r.met else 'missed'}" for r in targets)
        lines.append(f"| {METRICS[metric].title} | {subject} | " + " | ".join(cells) + f" | {target} | {status} |")
    lines.append("")
    lines.append(f"| measure | subject | median | min–max | vs {HTTP_LIBRARY} | target | status |")
    lines.append("|---|---|---|---|---|---|---|")
    for row in rows:
        if row.metric not in ("import", "regen", "make"):
            continue
        label = row.subject if row.subject not in ("-", "generate", "4 packages") else row.candidate
        if row.error or not row.samples:
            lines.append(f"| {METRICS[row.metric].title} | {label} | error: {row.error} | | | {row.target or ''} | |")
            continue
        ratio = "" if row.ratio is None else f"{row.ratio:.2f}x"
        span = f"{_fmt(row.metric, min(row.samples))}–{_fmt(row.metric, max(row.samples))}"
        status = {True: "met", False: "missed", None: ""}[row.met]
        lines.append(
            f"| {METRICS[row.metric].title} | {label} | {_fmt(row.metric, row.median)} | {span} | {ratio}"
            f" | {row.target or ''} | {status} |"
        )
    return lines


def write_results(result: dict[str, Any], directory: Path = RESULTS_DIR) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    data = {k: v for k, v in result.items() if not k.startswith("_")}
    path = directory / "latest.json"
    path.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    markdown = [*summary_markdown(result["_rows"]), "", *table_lines(result["_rows"], markdown=True)]
    (directory / "latest.md").write_text("\n".join(markdown) + "\n", encoding="utf-8")
    return path
