"""Where a typed event's time goes: per-event cost of each stage, in microseconds.

    python -m bench.profile [--route sensenova-chat] [--events 20000] [--cprofile]

Over loopback (bench.server in its own process): the transport alone (httpx2 ``iter_raw``, no
decoding), the floor (httpx2 ``iter_lines`` + ``json.loads``) and the generated client, whole.
Offline, on the same frames one by one (as h11 hands them over, one HTTP chunk per event): the
floor's line decoding + ``json.loads``, then the generated client's stages: SSE decoding, JSON,
the typed model (``from_dict``), gathering (text, finish reason, usage), and all of them together
as the stream runs them. Best of five runs each (three over loopback; the stages take turns in
every run), in CPU time of the client process (waiting for the server is not counted).
``--cprofile`` adds the generated stream's top functions.

The generated client runs twice where the JSON parser matters: on the pure path (json's C
scanner) and with speedups (msgspec, the default, see runtime/streams/parse.py), switched
in-process by ``<package>.speedups.set_enabled``; without msgspec those rows are skipped.

The stages touch internal names of the streaming runtime (``stream_fold.Gatherer``,
``stream_lifecycle.StreamCall``); a stage whose name is gone is skipped.
"""

from __future__ import annotations

import argparse
import cProfile
import importlib
import io
import json
import pstats
import time
from collections.abc import Callable
from typing import Any

import httpx2

from bench import add_generated_to_path, payloads
from bench.candidates import GeneratedSync, GeneratedSyncPure, HttpxSync
from bench.harness import ServerProcess

add_generated_to_path()


def _best_us(stages: dict[str, Callable[[], Any]], events: int, runs: int = 5) -> dict[str, float]:
    """Best CPU time per event of each stage, in this process (waiting for the server is not
    counted; steadier on a busy machine). The stages take turns in every run, so a slow spell of
    the machine hits them alike (the pure and speedups rows are compared with each other)."""
    best = dict.fromkeys(stages, float("inf"))
    for _ in range(runs):
        for name, fn in stages.items():
            started = time.process_time()
            fn()
            best[name] = min(best[name], time.process_time() - started)
    return {name: seconds / events * 1e6 for name, seconds in best.items()}


def _parsers() -> dict[str, bool]:
    """The parser settings to measure: the pure path, and speedups where msgspec is installed."""
    try:
        import msgspec  # noqa: F401
    except ImportError:
        return {"pure json": False}
    return {"pure json": False, "speedups": True}


def _parser(route: payloads.Route, on: bool) -> Callable[[], None]:
    """A function that switches the route's package to speedups (on) or the pure path."""
    speedups = importlib.import_module(f"{route.package}.speedups")
    return lambda: speedups.set_enabled(on)


def offline_stages(route: payloads.Route, events: int) -> dict[str, float]:
    frames = [payloads.event_bytes(route, i, events) for i in range(events)]
    frames.append(payloads.terminator_bytes(route))
    payload_texts = [f[len(route.prefix) : -2].decode() for f in frames[:-1]]
    objects = [json.loads(t) for t in payload_texts]
    op = importlib.import_module(route.module)
    fold = importlib.import_module(f"{route.package}._runtime.streams.fold")
    lifecycle = importlib.import_module(f"{route.package}._runtime.streams.lifecycle")
    sse = importlib.import_module(f"{route.package}._runtime.streams.sse")
    fmt = op._STREAM_FORMAT
    stages: dict[str, Callable[[], Any]] = {}

    def floor_decode() -> None:
        from httpx2._decoders import LineDecoder, TextDecoder

        text, lines = TextDecoder(), LineDecoder()
        for frame in frames:
            for line in lines.decode(text.decode(frame)):
                if line.startswith("data:"):
                    data = line[6:] if line[5:6] == " " else line[5:]
                    if data != "[DONE]":
                        json.loads(data)

    stages["floor: lines + json.loads"] = floor_decode

    def sse_decode() -> None:
        decoder = sse.SSEDecoder()
        for frame in frames:
            decoder.feed(frame)

    stages["generated: SSE decoder"] = sse_decode

    def sse_plain() -> None:
        decoder = sse.SSEDecoder()
        for frame in frames:
            decoder.feed_plain(frame)

    if hasattr(sse.SSEDecoder, "feed_plain"):
        stages["generated: SSE decoder, plain events as strings (the stream's)"] = sse_plain

    def json_only() -> None:
        loads = json.loads
        for text in payload_texts:
            loads(text)

    stages["generated: JSON (json.loads)"] = json_only
    scan = getattr(lifecycle, "_scan_once", None)
    if scan is not None:

        def scan_only() -> None:
            for text in payload_texts:
                scan(text, 0)

        stages["generated: JSON (pure path: json's scanner)"] = scan_only
    if "speedups" in _parsers():
        _parser(route, True)()
        # The live value: `<package>.speedups.loads` is a re-export bound at import (None then).
        parse = importlib.import_module(f"{route.package}._runtime.streams.parse")
        guarded = parse.loads
        assert guarded is not None, "speedups switched on but no msgspec parser"

        def msgspec_only() -> None:
            for text in payload_texts:
                guarded(text)

        stages["generated: JSON (speedups: msgspec)"] = msgspec_only

    def typed_only() -> None:
        from_dict = fmt.event_model.from_dict
        for obj in objects:
            from_dict(obj)

    stages["generated: typed model from_dict"] = typed_only
    parse = importlib.import_module(f"{route.package}._runtime.streams.parse")
    typed = parse.prepare(fmt) if "speedups" in _parsers() else None
    if typed is not None:

        def straight_into_models() -> None:
            for text in payload_texts:
                typed(text)

        stages["generated: JSON straight into the typed models (msgspec twins)"] = straight_into_models
    events_typed = [fmt.event_model.from_dict(obj) for obj in objects]

    def gather_only() -> None:
        gather = fold.Gatherer(fmt)
        for event in events_typed:
            gather.add(event)

    stages["generated: gathering"] = gather_only
    core = getattr(lifecycle, "StreamCall", None)
    if core is not None:
        for label, on in _parsers().items():
            switch = _parser(route, on)

            def all_stages(switch: Callable[[], None] = switch) -> None:
                switch()
                state = core(fmt, {}, {})
                state.typed = parse.prepare(fmt)  # as run() does when the stream starts
                for frame in frames:
                    for _ in state.events(frame):
                        pass

            stages[f"generated: all stages together ({label})"] = all_stages
    return _best_us(stages, events)


def loopback_stages(route: payloads.Route, events: int, origin: str) -> dict[str, float]:
    base = origin + payloads.scenario_prefix("stream", events, "bulk")
    raw_client = httpx2.Client(base_url=base)
    floor = HttpxSync(base, route)
    sessions = {"pure json": GeneratedSyncPure, "speedups": GeneratedSync}
    generated = {label: sessions[label](base, route) for label in _parsers()}

    def transport() -> None:
        with raw_client.stream("POST", route.path, json=route.body) as response:
            for _ in response.iter_raw():
                pass

    stages: dict[str, Callable[[], Any]] = {
        "loopback: transport only (httpx2 iter_raw)": transport,
        "loopback: floor, whole": floor.stream,
    }
    for label, session in generated.items():  # each session sets its parser per stream
        stages[f"loopback: generated, whole ({label})"] = session.stream
    for fn in stages.values():
        fn()  # warm-up: connections, server render
    result = _best_us(stages, events, runs=3)
    raw_client.close()
    floor.close()
    for session in generated.values():
        session.close()
    return result


def cprofile_generated(route: payloads.Route, events: int, origin: str, top: int = 25) -> str:
    generated = GeneratedSync(origin + payloads.scenario_prefix("stream", events, "bulk"), route)
    generated.stream()
    profiler = cProfile.Profile()
    profiler.runcall(generated.stream)
    out = io.StringIO()
    pstats.Stats(profiler, stream=out).sort_stats("tottime").print_stats(top)
    generated.close()
    return out.getvalue()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--route", action="append", choices=sorted(payloads.ROUTES))
    parser.add_argument("--events", type=int, default=20_000)
    parser.add_argument("--cprofile", action="store_true")
    args = parser.parse_args(argv)
    with ServerProcess() as server:
        for key in args.route or payloads.MAIN_ROUTES:
            route = payloads.ROUTES[key]
            print(f"{key} ({args.events:,} events): microseconds per event, best of runs")
            stages = loopback_stages(route, args.events, server.origin)
            stages.update(offline_stages(route, args.events))
            for name, micros in stages.items():
                print(f"  {name:<45} {micros:8.2f}")
            if args.cprofile:
                print(cprofile_generated(route, args.events, server.origin))


if __name__ == "__main__":
    main()
