"""bench/surface.py still runs: the surface and the function modules read every event and answer.

Speed is not asserted (that is `make bench`'s job); this keeps the measure from rotting.
"""

from __future__ import annotations

from bench import surface


def test_surface_measure_runs_and_compares_each_surface_row_with_its_function_module() -> None:
    result = surface.run(surface.Config(rounds=1, events=100, calls=3), log=lambda _: None)
    rows = result["_rows"]
    measured = {(r.metric, r.subject, r.candidate) for r in rows}
    for route in surface.Config().routes:
        for candidate in ("surface", "surface-async", "generated", "generated-async"):
            assert {("stream", route, candidate), ("call", route, candidate)} <= measured
    for row in rows:
        assert row.samples and all(s > 0 for s in row.samples), row
        if row.metric == "stream":
            assert row.counts == [100], row
        if row.candidate.startswith("surface"):
            assert row.ratio is not None and row.cpu_ratio is not None and row.met is not None, row
    assert sum("surface" in line for line in surface.table_lines(result)[2:]) == 2 * 2 * len(surface.Config().routes)
    assert len(result["rows"]) == len(rows)
