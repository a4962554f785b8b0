"""Time to first event over a delayed network with TLS: the first call of a client and its warm calls.

    python -m bench.network [--delay-ms 20] [--calls 10] [--processes 3]

The path: client -> bench/proxy.py (holds every byte ``delay`` each way, charges the TCP
handshake's round trip) -> bench/server.py serving HTTPS with a certificate from a CA made for
this run by ``trustme``; every client verifies the server against that CA, handed to it as an
``ssl.SSLContext`` that trusts it (httpx2's default context is the operating system's store,
which does not hold it; ours and the openai SDK take the context as ``verify_ssl`` / ``verify``,
the SenseNova SDK, on requests, the CA file's path). Each candidate runs in
fresh processes (nothing cached from another candidate: TLS sessions, pools, imports), each making
``calls`` sequential streamed calls on one client. A call's time to first event runs from the
call's start to the first event in the user's hands; the stream is then read to its end, as a
user would, so a client that can reuse its connection does. "Cold start" adds what came before the
first call: importing the client and building it. Clients differ in where they pay for their
transport (ours builds its httpx2 client on first use, the others in their constructors), so only
the cold start compares them from the first line of code.

The floor is raw httpx2 (``iter_lines()`` + ``json.loads``); the same loop on httpx 0.28.1 is a
reference row; httpx-sse runs on an httpx2 client. Counted by the proxy: connections opened per
process. Checked first: a bare TLS socket's
handshake and request round trip through the proxy, against what the delay predicts (the floor).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import socket
import ssl
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from bench import ROOT, add_generated_to_path, payloads
from bench.candidates import read_answer
from bench.harness import ChildProcess, ServerProcess, _env

EVENTS = 20  # per stream: short, as a chat answer's first sentence; the server sends it at once
ROUTES = ("sensenova-chat", "lanrui-chat")
FLOOR = "httpx2"
REF = "httpx-0.28.1 (ref)"  # reference only: the floor's loop on httpx 0.28.1 + httpcore 1.0.9


@dataclass
class Config:
    delay_ms: float = 20.0
    calls: int = 10
    processes: int = 3  # fresh processes per candidate and route
    events: int = EVENTS
    routes: tuple[str, ...] = ROUTES
    candidates: tuple[str, ...] = ("ours", FLOOR, REF, "httpx-sse", "openai", "sensenova-sdk")
    quiet: bool = False


# --- the clients, each in its own worker process ------------------------------------------------


def _context(ca: str) -> ssl.SSLContext:
    return ssl.create_default_context(cafile=ca)


def _ms_since(started: float) -> float:
    return (time.perf_counter() - started) * 1000


class Ours:
    def __init__(self, base_url: str, route: payloads.Route, ca: str) -> None:
        import importlib

        package = importlib.import_module(route.package)
        self.op = importlib.import_module(route.module)
        model = getattr(importlib.import_module(f"{route.package}.models"), route.request_model)
        self.client = package.AuthenticatedClient(token="bench-key", base_url=base_url, verify_ssl=_context(ca))
        self.body = model.from_dict(route.body)

    def call(self) -> tuple[float, int]:
        started, first, n = time.perf_counter(), 0.0, 0
        with self.op.stream(client=self.client, body=self.body) as events:
            for _ in events:
                first = first or _ms_since(started)
                n += 1
        return first, n


class Httpx:
    library = "httpx2"

    def __init__(self, base_url: str, route: payloads.Route, ca: str) -> None:
        import importlib

        httpx = importlib.import_module(self.library)

        self.route = route
        self.client = httpx.Client(base_url=base_url, headers={"Authorization": "Bearer k"}, verify=_context(ca))
        self.body = {**route.body, "stream": True}

    def call(self) -> tuple[float, int]:
        started, first, n = time.perf_counter(), 0.0, 0
        with self.client.stream("POST", self.route.path, json=self.body) as response:
            response.raise_for_status()
            for line in response.iter_lines():
                if line.startswith("data:") and line[5:].strip() != "[DONE]":
                    json.loads(line[5:])
                    first = first or _ms_since(started)
                    n += 1
        return first, n


class HttpxRef(Httpx):
    library = "httpx"  # 0.28.1, on httpcore 1.0.9


class HttpxSse(Httpx):  # httpx-sse 0.4.3 on an httpx2 client
    def call(self) -> tuple[float, int]:
        import httpx_sse

        started, first, n = time.perf_counter(), 0.0, 0
        with httpx_sse.connect_sse(self.client, "POST", self.route.path, json=self.body) as source:
            source.response.raise_for_status()
            for sse in source.iter_sse():
                if sse.data != "[DONE]":
                    json.loads(sse.data)
                    first = first or _ms_since(started)
                    n += 1
        return first, n


class OpenAI:
    def __init__(self, base_url: str, route: payloads.Route, ca: str) -> None:
        import openai

        assert route.openai_prefix is not None
        http_client = openai.DefaultHttpxClient(verify=_context(ca))
        client = openai.OpenAI(base_url=base_url + route.openai_prefix, api_key="k", http_client=http_client)
        self.create = client.chat.completions.create if route.openai_kind == "chat" else client.completions.create
        self.body = route.body

    def call(self) -> tuple[float, int]:
        started, first, n = time.perf_counter(), 0.0, 0
        with self.create(**self.body, stream=True) as events:
            for _ in events:
                first = first or _ms_since(started)
                n += 1
        return first, n


class SenseNovaSdk:
    def __init__(self, base_url: str, route: payloads.Route, ca: str) -> None:
        from bench.candidates import SenseNovaSdk as Session

        self.session = Session(base_url, route, verify=ca)

    def call(self) -> tuple[float, int]:
        started, first, n = time.perf_counter(), 0.0, 0
        for _ in self.session.create(**self.session.kwargs, stream=True):
            first = first or _ms_since(started)
            n += 1
        return first, n


CLIENTS: dict[str, tuple[Callable[[str, payloads.Route, str], Any], str | None]] = {
    # name: (factory, the only wire format it speaks or None)
    "ours": (Ours, None),
    FLOOR: (Httpx, None),
    REF: (HttpxRef, None),
    "httpx-sse": (HttpxSse, None),
    "openai": (OpenAI, "openai"),
    "sensenova-sdk": (SenseNovaSdk, "sensenova"),
}


def supports(name: str, route: payloads.Route) -> bool:
    wire = CLIENTS[name][1]
    return wire is None or wire == route.wire


def worker(name: str, route_key: str, base_url: str, ca: str, calls: int) -> dict[str, Any]:
    add_generated_to_path()
    route = payloads.ROUTES[route_key]
    started = time.perf_counter()
    client = CLIENTS[name][0](base_url, route, ca)
    built_ms = _ms_since(started)
    firsts, counts = [], []
    for _ in range(calls):
        first, n = client.call()
        firsts.append(first)
        counts.append(n)
    return {"built_ms": built_ms, "first_ms": firsts, "events": counts}


# --- the processes: TLS material, server, proxy -------------------------------------------------


@contextlib.contextmanager
def tls_files() -> Iterator[tuple[str, str]]:
    """(CA certificate PEM, server key + chain PEM) in a temporary directory, made by trustme."""
    import trustme

    ca = trustme.CA()
    server_cert = ca.issue_cert("127.0.0.1", "localhost")
    with tempfile.TemporaryDirectory(prefix="bench-tls-") as directory:
        ca_path, server_path = Path(directory) / "ca.pem", Path(directory) / "server.pem"
        ca.cert_pem.write_to_path(str(ca_path))
        server_cert.private_key_and_cert_chain_pem.write_to_path(str(server_path))
        yield str(ca_path), str(server_path)


class ProxyProcess(ChildProcess):
    """bench.proxy in a child process; ``count()`` asks it how many connections it accepted."""

    module = "bench.proxy"

    def __init__(self, upstream_port: int, delay_ms: float) -> None:
        super().__init__("--upstream", f"127.0.0.1:{upstream_port}", "--delay-ms", str(delay_ms))

    def count(self) -> int:
        assert self.proc.stdin is not None and self.proc.stdout is not None
        self.proc.stdin.write("count\n")
        self.proc.stdin.flush()
        return int(self.proc.stdout.readline().split()[1])


# --- the proxy check: a bare TLS socket ---------------------------------------------------------


def _request(route: payloads.Route, port: int) -> bytes:
    path = payloads.scenario_prefix("json", 0, "bulk") + route.path
    body = json.dumps(route.body).encode()
    return (
        b"POST %b HTTP/1.1\r\nHost: 127.0.0.1:%d\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n%b"
        % (path.encode(), port, len(body), body)
    )


def _round_trip(sock: ssl.SSLSocket, request: bytes) -> float:
    """Send one request, read its whole Content-Length response; milliseconds."""
    started = time.perf_counter()
    sock.sendall(request)
    read_answer(sock)
    return _ms_since(started)


def bare_check(port: int, ca: str, repeats: int = 5) -> dict[str, Any]:
    """Handshake (TCP connect + TLS) and warm request round trips of a bare TLS socket, in ms."""
    context = _context(ca)
    request = _request(payloads.ROUTES["lanrui-chat"], port)
    handshakes, warm = [], []
    for _ in range(repeats):
        started = time.perf_counter()
        raw = socket.create_connection(("127.0.0.1", port))
        raw.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        with context.wrap_socket(raw, server_hostname="127.0.0.1") as sock:
            handshakes.append(_ms_since(started))
            _round_trip(sock, request)  # the first request also reads the TLS 1.3 session tickets
            warm.append(_round_trip(sock, request))
    return {"handshake_ms": handshakes, "round_trip_ms": warm, "tls": [context.protocol.name]}


# --- the run ------------------------------------------------------------------------------------


@dataclass
class Row:
    route: str
    candidate: str
    first_ms: list[float] = field(default_factory=list)  # the first call of each process
    cold_ms: list[float] = field(default_factory=list)  # import + build the client + first call
    warm_ms: list[float] = field(default_factory=list)  # every later call
    connections: list[int] = field(default_factory=list)  # per process
    error: str | None = None

    def summary(self) -> dict[str, Any]:
        def med(values: list[float]) -> float | None:
            return statistics.median(values) if values else None

        return {
            **asdict(self),
            "first_median_ms": med(self.first_ms),
            "cold_median_ms": med(self.cold_ms),
            "warm_median_ms": med(self.warm_ms),
            "warm_max_ms": max(self.warm_ms, default=None),
        }


def _worker_process(row: Row, base_url: str, ca: str, calls: int) -> subprocess.CompletedProcess[str]:
    args = ["--worker", row.candidate, "--route", row.route, "--base-url", base_url, "--ca", ca]
    command = [sys.executable, "-m", "bench.network", *args, "--calls", str(calls)]
    # _env() lets the workers write .pyc files, as an installed package has them.
    return subprocess.run(command, cwd=ROOT, env=_env(), capture_output=True, text=True)


def _run_worker(row: Row, base_url: str, ca: str, config: Config, proxy: ProxyProcess) -> None:
    before = proxy.count()
    done = _worker_process(row, base_url, ca, config.calls)
    if done.returncode != 0:
        row.error = (done.stderr.strip().splitlines() or ["failed"])[-1]
        return
    data = json.loads(done.stdout)
    if data["events"] != [config.events] * config.calls:
        row.error = f"events per call {data['events']}, expected {config.events}"
        return
    row.connections.append(proxy.count() - before)
    row.first_ms.append(data["first_ms"][0])
    row.cold_ms.append(data["built_ms"] + data["first_ms"][0])
    row.warm_ms.extend(data["first_ms"][1:])


def run(config: Config) -> dict[str, Any]:
    def log(message: str) -> None:
        if not config.quiet:
            print(message, file=sys.stderr, flush=True)

    started = time.perf_counter()
    rows = [
        Row(route, name)
        for route in config.routes
        for name in config.candidates
        if supports(name, payloads.ROUTES[route])
    ]
    with contextlib.ExitStack() as stack:
        ca, server_pem = stack.enter_context(tls_files())
        server = stack.enter_context(ServerProcess("--tls", server_pem))
        proxy = stack.enter_context(ProxyProcess(server.port, config.delay_ms))
        log(f"network: TLS server behind a {config.delay_ms:g} ms-each-way proxy on port {proxy.port} ...")
        check = bare_check(proxy.port, ca)
        direct = bare_check(server.port, ca)
        base = f"https://127.0.0.1:{proxy.port}" + payloads.scenario_prefix("stream", config.events, "bulk")
        for row in rows:  # unrecorded: writes the .pyc files a first import would otherwise compile
            _worker_process(row, base, ca, 1)
        for number in range(config.processes):
            for row in rows:  # the same order every time; each process starts cold anyway
                if row.error is None:
                    _run_worker(row, base, ca, config, proxy)
            log(f"  process round {number + 1}/{config.processes}")
    return {
        "config": asdict(config),
        "proxy_check": check,
        "direct_check": direct,
        "rows": [row.summary() for row in rows],
        "seconds": time.perf_counter() - started,
        "_rows": rows,
    }


def _fmt(value: float | None) -> str:
    return "-" if value is None else f"{value:.1f}"


def table_lines(result: dict[str, Any], markdown: bool = False) -> list[str]:
    config = result["config"]
    rtt = 2 * config["delay_ms"]
    check, direct = result["proxy_check"], result["direct_check"]

    def median(data: dict[str, list[float]], key: str) -> str:
        return _fmt(statistics.median(data[key]))

    lines = [
        f"network check (bare TLS socket, medians): connect + handshake {median(check, 'handshake_ms')} ms through"
        f" the proxy (2 round trips = {2 * rtt:g} ms expected; direct {median(direct, 'handshake_ms')} ms),"
        f" request round trip {median(check, 'round_trip_ms')} ms ({rtt:g} ms expected;"
        f" direct {median(direct, 'round_trip_ms')} ms)",
    ]
    header = [
        "route",
        "candidate",
        "cold start (ms)",
        "first call (ms)",
        "warm calls (ms)",
        "warm max",
        "connections / process",
    ]
    body = []
    for row in result["_rows"]:
        summary = row.summary()
        if row.error:
            body.append([row.route, row.candidate, "ERROR", row.error[:80], "", "", ""])
            continue
        connections = "/".join(str(c) for c in row.connections) + f" (for {config['calls']} calls)"
        body.append(
            [
                row.route,
                row.candidate,
                _fmt(summary["cold_median_ms"]),
                _fmt(summary["first_median_ms"]),
                _fmt(summary["warm_median_ms"]),
                _fmt(summary["warm_max_ms"]),
                connections,
            ]
        )
    if markdown:
        lines += ["", "| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
        lines += ["| " + " | ".join(cells) + " |" for cells in body]
        return lines
    widths = [max(len(r[i]) for r in [header, *body]) for i in range(len(header))]
    for cells in [header, *body]:
        pairs = enumerate(zip(cells, widths, strict=True))
        lines.append("  ".join(c.ljust(w) if i < 2 else c.rjust(w) for i, (c, w) in pairs))
    lines.append(
        f"{config['calls']} sequential streamed calls ({config['events']} events each) per fresh process, "
        f"{config['processes']} processes; medians; total {result['seconds']:.0f} s"
    )
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--delay-ms", type=float, default=Config.delay_ms)
    parser.add_argument("--calls", type=int, default=Config.calls)
    parser.add_argument("--processes", type=int, default=Config.processes)
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    parser.add_argument("--route", help=argparse.SUPPRESS)
    parser.add_argument("--base-url", help=argparse.SUPPRESS)
    parser.add_argument("--ca", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        print(json.dumps(worker(args.worker, args.route, args.base_url, args.ca, args.calls)))
        return 0
    result = run(Config(delay_ms=args.delay_ms, calls=args.calls, processes=args.processes))
    print("\n".join(table_lines(result)))
    return 1 if any(row.error for row in result["_rows"]) else 0


if __name__ == "__main__":
    sys.exit(main())
