"""The benchmark harness still runs: every candidate reads tiny streams from the bench server.

Speed is not asserted here (that is `make bench`'s job); this keeps bench/ from rotting.
"""

from __future__ import annotations

from bench import harness, payloads
from bench.candidates import CANDIDATES
from tests.cases import OPERATIONS

EVENTS = 200


def test_every_operation_is_benched_or_says_why() -> None:
    """A provider added to codegen/providers.toml needs a Shape per operation in bench/payloads.py
    (its event templates), or a reason in NOT_BENCHED; routes must differ in path."""
    wanted = {str(case) for case in OPERATIONS} - set(payloads.NOT_BENCHED)
    assert not wanted - set(payloads.SHAPES), f"bench/payloads.py SHAPES lacks {sorted(wanted - set(payloads.SHAPES))}"
    paths = [route.path for route in payloads.ROUTES.values()]
    assert len(set(paths)) == len(paths), f"two bench routes share a path: {sorted(paths)}"


def test_every_candidate_reads_every_event_of_every_route() -> None:
    config = harness.Config(
        rounds=1,
        events=EVENTS,
        calls=3,
        first_per_round=1,
        split_events=50,
        routes=tuple(payloads.ROUTES),
        metrics=("stream", "call", "first"),
        quiet=True,
    )
    result = harness.run(config)
    rows = result["_rows"]

    assert result["split_check"], "the split-write check did not run"
    assert all(outcome == "ok" for outcome in result["split_check"].values()), result["split_check"]
    assert not [(r.metric, r.subject, r.candidate, r.error) for r in rows if r.error]

    streams = {(r.subject, r.candidate): r for r in rows if r.metric == "stream"}
    expected = {
        (route.key, name)
        for route in payloads.ROUTES.values()
        for name, candidate in CANDIDATES.items()
        if candidate.supports(route)
    }
    assert set(streams) == expected
    for key, row in streams.items():
        assert row.counts == [EVENTS], key
        assert len(row.samples) == 1 and row.samples[0] > 0, key

    firsts = [r for r in rows if r.metric == "first"]
    assert len(firsts) == len(expected)
    # The server pauses 300 ms after the first event: a client that waited for more would show it.
    assert all(0 < r.samples[0] < 250 for r in firsts), [(r.subject, r.candidate, r.samples) for r in firsts]
    assert all(r.samples for r in rows if r.metric == "call")
    assert "stream throughput" in "\n".join(harness.table_lines(rows))


def test_network_section_runs_through_the_delaying_proxy_over_verified_tls() -> None:
    from bench import network

    delay_ms = 10.0
    config = network.Config(
        delay_ms=delay_ms,
        calls=2,
        processes=1,
        events=3,
        routes=("lanrui-chat",),
        candidates=("ours", "httpx2", network.REF),
        quiet=True,
    )
    result = network.run(config)
    rows = {row.candidate: row for row in result["_rows"]}
    assert {name: row.error for name, row in rows.items()} == {"ours": None, "httpx2": None, network.REF: None}
    # The proxy holds each byte delay_ms each way: a request round trip cannot beat 2 x delay,
    # a new TLS connection (emulated TCP handshake + TLS 1.3) not 4 x delay; direct is far faster.
    assert min(result["proxy_check"]["round_trip_ms"]) >= 2 * delay_ms
    assert min(result["proxy_check"]["handshake_ms"]) >= 4 * delay_ms
    assert min(result["direct_check"]["round_trip_ms"]) < 2 * delay_ms
    # Every call got its events through TLS and the proxy, at least one round trip after its start.
    for row in rows.values():
        assert len(row.first_ms) == 1 and len(row.warm_ms) == 1
        assert min(row.first_ms + row.warm_ms) >= 2 * delay_ms
    assert rows["httpx2"].connections == [1], "raw httpx2 reading to the end reuses its connection"
    assert "first call (ms)" in "\n".join(network.table_lines(result))


def test_network_clients_verify_the_trustme_ca_given_as_a_context_not_the_system_store() -> None:
    """httpx2 trusts the operating system's store by default, which lacks the run's trustme CA:
    a default client must refuse the bench server, and the bench's way of passing the CA (an
    ssl.SSLContext as ``verify``) must reach it."""
    import httpx2

    from bench import network

    with network.tls_files() as (ca, server_pem), harness.ServerProcess("--tls", server_pem) as server:
        url = server.origin + payloads.scenario_prefix("json", 0, "bulk") + payloads.ROUTES["lanrui-chat"].path
        body = payloads.ROUTES["lanrui-chat"].body
        with httpx2.Client() as default:
            try:
                default.post(url, json=body)
            except httpx2.ConnectError as exc:
                assert "CERTIFICATE_VERIFY_FAILED" in str(exc)
            else:
                raise AssertionError("httpx2's default trust store accepted the run's trustme CA")
        with httpx2.Client(verify=network._context(ca)) as verified:
            assert verified.post(url, json=body).status_code == 200


def test_concurrency_section_reads_every_stream() -> None:
    from bench import concurrency

    config = concurrency.Config(
        streams=(3,), total=30, pairs=(("ours", "lanrui-chat"), ("sensenova-sdk", "sensenova-chat")), quiet=True
    )
    result = concurrency.run(config)
    assert [(row.candidate, row.error) for row in result["_rows"]] == [("ours", None), ("sensenova-sdk", None)]
    for row in result["_rows"]:
        assert row.events == 20 and row.result["events_per_s"] > 0 and row.result["cpu_us_per_event"] > 0
    assert "events/s" in "\n".join(concurrency.table_lines(result))


def test_throughput_ratios_pair_each_round_with_the_floor() -> None:
    """Two rounds run on a machine twice as fast for the floor's sample but not for ours in one of
    them: paired by round the ratio reads 0.8, where the ratio of medians would read 0.4."""
    floor = harness.Row("stream", "r", "httpx2", samples=[100.0, 200.0, 200.0], cpu_samples=[10.0, 20.0, 20.0])
    ours = harness.Row("stream", "r", "generated", floor="httpx2", samples=[80.0, 80.0, 160.0])
    ours.cpu_samples = [8.0, 8.0, 16.0]
    harness._evaluate([floor, ours])
    assert ours.ratios == [0.8, 0.4, 0.8]
    assert ours.ratio == ours.cpu_ratio == 0.8
