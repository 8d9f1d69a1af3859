"""The coverage of the bundled dataset may only grow: these are the figures it has reached."""

from __future__ import annotations

import perurel
from perurel.query import stats

BASELINE = {
    "states": 196,
    "with_status": 184,
    "with_start_date": 163,
    "with_milestone": 178,
    "with_missions": 127,
    # Counts only embassies a dated source shows at work (schema 2); embassies whose opening was
    # only ordered (Copenhagen, Georgetown) are 'unknown' and do not count.
    "with_resident_embassy": 66,
    "open_missions_seen_since_2020": 177,
    "with_events": 107,
    "missions": 297,
    "events": 424,
    "organisations": 24,
    "sources": 983,
}


def test_coverage_does_not_go_down(ds: perurel.Dataset) -> None:
    coverage = stats(ds)["coverage"]
    shrunk = {k: (coverage[k], v) for k, v in BASELINE.items() if coverage[k] < v}
    assert not shrunk, f"coverage went down (now, before): {shrunk}"


def test_timeline_runs_to_2026(ds: perurel.Dataset) -> None:
    assert ds.events[-1].date >= "2026-03"
    assert sum(1 for e in ds.events if e.date.startswith("2025")) >= 5


def test_every_state_answers_with_a_status(ds: perurel.Dataset) -> None:
    from perurel.model import STATUSES

    for c in ds.countries.values():
        assert c.relations.status in STATUSES
        if c.relations.status != "unknown":
            assert c.relations.cited(), c.code
            assert c.relations.as_of, c.code
