"""Where a typed event's time goes: per-event cost of each stage, in microseconds.

    python -m bench.profile [--route sensenova-chat] [--events 20000] [--cprofile]

Over loopback (bench.server in its own process): the transport alone (httpx ``iter_raw``, no
decoding), the floor (httpx ``iter_lines`` + ``json.loads``) and the generated client, whole.
Offline, on the same frames one by one (as h11 hands them over, one HTTP chunk per event): the
floor's line decoding + ``json.loads``, then the generated client's stages: SSE decoding, JSON,
the typed model (``from_dict``), gathering (text, finish reason, usage), and all of them together
as the stream runs them. Best of five runs each, in CPU time of the client process (waiting for
the server is not counted). ``--cprofile`` adds the generated stream's top functions.

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

import httpx

from bench import add_generated_to_path, payloads
from bench.candidates import GeneratedSync, HttpxSync
from bench.harness import ServerProcess

add_generated_to_path()


def _best_us(fn: Callable[[], Any], events: int, runs: int = 5) -> float:
    """CPU time of this process (waiting for the server is not counted; steadier on a busy machine)."""
    best = float("inf")
    for _ in range(runs):
        started = time.process_time()
        fn()
        best = min(best, time.process_time() - started)
    return best / events * 1e6


def offline_stages(route: payloads.Route, events: int) -> dict[str, float]:
    frames = [payloads.event_bytes(route, i, events) for i in range(events)]
    frames.append(payloads.terminator_bytes(route))
    payload_texts = [f[len(route.prefix) : -2].decode() for f in frames[:-1]]
    objects = [json.loads(t) for t in payload_texts]
    op = importlib.import_module(route.module)
    fold = importlib.import_module(f"{route.provider}_client.stream_fold")
    lifecycle = importlib.import_module(f"{route.provider}_client.stream_lifecycle")
    sse = importlib.import_module(f"{route.provider}_client.sse")
    fmt = op._STREAM_FORMAT
    stages: dict[str, Callable[[], Any]] = {}

    def floor_decode() -> None:
        from httpx._decoders import LineDecoder, TextDecoder

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

    def json_only() -> None:
        loads = json.loads
        for text in payload_texts:
            loads(text)

    stages["generated: JSON (json.loads)"] = json_only

    def typed_only() -> None:
        from_dict = fmt.event_model.from_dict
        for obj in objects:
            from_dict(obj)

    stages["generated: typed model from_dict"] = typed_only
    gatherer = getattr(fold, "Gatherer", None)
    if gatherer is not None:

        def gather_only() -> None:
            gather = gatherer(fmt)
            for obj in objects:
                gather.add(obj, None)

        stages["generated: gathering"] = gather_only
    core = getattr(lifecycle, "StreamCall", None)
    if core is not None:

        def all_stages() -> None:
            state = core(fmt, {}, {})
            for frame in frames:
                for _ in state.events(frame):
                    pass

        stages["generated: all stages together"] = all_stages
    return {name: _best_us(fn, events) for name, fn in stages.items()}


def loopback_stages(route: payloads.Route, events: int, origin: str) -> dict[str, float]:
    base = origin + payloads.scenario_prefix("stream", events, "bulk")
    raw_client = httpx.Client(base_url=base)
    floor = HttpxSync(base, route)
    generated = GeneratedSync(base, route)

    def transport() -> None:
        with raw_client.stream("POST", route.path, json=route.body) as response:
            for _ in response.iter_raw():
                pass

    stages = {
        "loopback: transport only (httpx iter_raw)": transport,
        "loopback: floor, whole": floor.stream,
        "loopback: generated, whole": generated.stream,
    }
    for fn in stages.values():
        fn()  # warm-up: connections, server render
    result = {name: _best_us(fn, events, runs=3) for name, fn in stages.items()}
    raw_client.close()
    floor.close()
    generated.close()
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
