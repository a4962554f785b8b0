"""The benchmark harness still runs: every candidate reads tiny streams from the bench server.

Speed is not asserted here (that is `make bench`'s job); this keeps bench/ from rotting.
"""

from __future__ import annotations

from bench import harness, payloads
from bench.candidates import CANDIDATES

EVENTS = 200


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
