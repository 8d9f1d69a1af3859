"""The bundled record's typed histories: what each date is, and the defects of the v1 record.

Data-quality tests on data/relations.json (the code is tested on the fixture elsewhere). Each
defect found by the fact-checks of 2026 has a test here that would have caught it.
"""

from __future__ import annotations

import json
import re
from typing import Any

import pytest

import perurel
from perurel.card import relations_lines
from perurel.model import BREAKS, MILESTONE_KINDS
from perurel.query import stats

from ..conftest import country_json, entry

# Grade-A rows of the encyclopedia's candidates for states v1 left undated: the cited document's
# own title or quote says relations were established on this date (treaty archive, UN records,
# partner ministries). The tool must give exactly these dates.
GRADE_A = {
    "AF": "2012-09-27", "AL": "1971-12-06", "AD": "1997-06-03", "AG": "1985-06-24",
    "BH": "2009-09-22", "BB": "1968-02-29", "BY": "1997-02-19", "BJ": "2017-11-22",
    "BA": "1998-01-23", "BF": "1966-03", "KH": "1976-05-31", "GQ": "1981-04-28",
    "HU": "1969-04-16", "IS": "1967-11-14", "KZ": "1997-02-06", "LV": "1996-07-23",
    "LY": "1974-04-28", "LI": "1996-07-05", "LT": "1997-06-09", "ML": "1998-07-16",
    "MT": "1977-04-27", "MC": "2010-10-13", "NP": "1976-01-28", "NE": "1965-11",
    "NG": "1971-07-05", "PW": "2019-02-14", "PG": "1983-09-14", "LC": "1985",
    "LK": "1975-03-17", "SR": "1978-06", "TL": "2002-09-30", "TG": "2017-12-18",
    "TM": "1997-05-07", "UZ": "1999-12-22",
}  # fmt: skip

# Dates v1 printed as "formal relations since" that are another kind of milestone.
NOT_ESTABLISHMENTS = [
    ("CL", "recognition", "1822-10-13"),
    ("VA", "first-envoy", "1852"),
    ("PY", "first-envoy", "1858-11-13"),
    ("CA", "credentials", "1944-10-21"),
    ("CZ", "first-envoy", "1922-07-11"),
    ("TR", "first-envoy", "1950-05-29"),
    ("MA", "first-envoy", "1964-06-27"),
    ("CH", "first-consul", "1884-09-16"),
    ("GB", "first-consul", "1823"),
    ("TW", "treaty", "1874"),
    ("US", "recognition", "1826"),
]


record = country_json


def card(code: str) -> str:
    result = entry(["country", code, "--full"])
    assert result.exit_code == 0, result.stderr
    return result.stdout


def test_coverage_of_typed_history(ds: perurel.Dataset) -> None:
    numbers = stats(ds)["coverage"]
    assert numbers["with_milestone"] >= 178
    assert numbers["with_start_date"] >= 163
    assert stats(ds)["by_status"]["unknown"] <= 15


def test_every_milestone_has_a_known_kind_a_date_and_a_source(ds: perurel.Dataset) -> None:
    for c in ds.countries.values():
        for m in c.relations.history:
            assert m.kind in MILESTONE_KINDS, (c.code, m)
            # The one undated kind: a restoration sources show but none dates, said in its note.
            assert m.date or (m.kind == "restored" and m.note and m.note_es), (c.code, m)
            assert m.sources, (c.code, m)
            assert all(s in ds.sources for s in m.sources), (c.code, m)


def test_established_is_only_ever_an_establishment(ds: perurel.Dataset) -> None:
    for c in ds.countries.values():
        rel = c.relations
        kinds = {m.date: m.kind for m in rel.history}
        if rel.established is not None:
            assert kinds[rel.established] == "established", c.code
            # one rule for every state with breaks: the first establishment, not a restoration
            restorations = [m.date for m in rel.history if m.kind == "restored" and m.date]
            assert all(rel.established <= r for r in restorations), c.code


@pytest.mark.parametrize(("code", "kind", "date"), NOT_ESTABLISHMENTS)
def test_v1_dates_keep_their_own_kind(code: str, kind: str, date: str) -> None:
    doc = record(code)
    rel = doc["relations"]
    assert {"kind": kind, "date": date} in [
        {"kind": m["kind"], "date": m["date"]} for m in rel["history"]
    ]
    assert rel["established"] != date
    assert not re.search(rf"^Established {date}\b(?!-)", card(code), re.M)


def test_panama_recognition_and_establishment_are_two_facts() -> None:
    rel = record("panama")["relations"]
    kinds = {(m["kind"], m["date"]): m["sources"] for m in rel["history"]}
    # Peru recognised Panama on the day Panama's foreign ministry counts relations from.
    assert ("recognition", "1903-12-18") in kinds and ("established", "1903-12-18") in kinds
    assert kinds[("recognition", "1903-12-18")] != kinds[("established", "1903-12-18")]


@pytest.mark.parametrize(("code", "date"), sorted(GRADE_A.items()))
def test_grade_a_candidates_give_their_date(code: str, date: str) -> None:
    assert record(code)["relations"]["established"] == date


def test_predecessor_states_are_named() -> None:
    ru = card("russia")
    assert (
        "Established 1863 with the Russian Empire; last re-established 1969-02-01 with the Soviet Union"
        in ru
    )
    tw = record("taiwan")["relations"]
    assert tw["established"] is None
    assert tw["first"] == {"kind": "treaty", "date": "1874", "date_precision": "year"}
    assert tw["history"][0]["counterpart"] == "Qing China"
    assert "earliest dated tie: treaty, 1874 (with Qing China)" in card("taiwan")


def test_mexico_reads_broken_since_the_break_not_since_1823() -> None:
    text = card("mexico")
    assert "Relations: broken since 2025-11-03" in text
    assert "formal relations since 1823" not in text
    assert "Established 1823-01-23" in text


def test_germany_follows_the_same_rule_as_everyone() -> None:
    de = record("germany")["relations"]
    assert de["established"] is None  # 1951 restored relations (West Germany)
    kinds = [(m["kind"], m["date"]) for m in de["history"]]
    assert ("restored", "1951-06-28") in kinds and ("broken", "1917-10") in kinds


def test_a_mended_break_without_a_date_says_so(ds: perurel.Dataset) -> None:
    # Since issue 20 the mending is a milestone of its own, `restored` with no date and a note
    # (before, the card inferred it from a status newer than the break).
    italy = ds.get("IT")
    assert italy is not None and italy.relations.status == "active"
    last = italy.relations.history[-1]
    assert (last.kind, last.date) == ("restored", None) and last.note
    assert "last re-established at a date no source gives" in relations_lines(ds, italy)[1]
    assert re.search(r"^\(undated\) +restored ", card("italy"), re.M)


def _missions(code: str) -> list[dict[str, Any]]:
    missions: list[dict[str, Any]] = record(code)["missions"]
    return missions


def test_old_accreditations_are_closed_with_their_date() -> None:
    az = [m for m in _missions("AZ") if m["kind"] == "accredited-from"]
    old = [m for m in az if m.get("closed")]
    assert old and old[0]["closed"] == "2015-06" and old[0]["state"] == "closed"
    current = [m for m in az if m["state"] == "open" and m["owner"] == "AZ"]
    assert current and current[0]["as_of"] >= "2025"  # the non-resident ambassador of 2025
    cz = [m for m in _missions("CZ") if m["kind"] == "accredited-from"]
    assert [m["state"] for m in cz] == ["closed"] and cz[0]["closed"] == "1937"
    india = [m for m in _missions("IN") if m["kind"] == "accredited-from"]
    assert [m["closed"] for m in india] == ["1969-09"]


def test_maghreb_cards_agree() -> None:
    rabat = next(m for m in _missions("MA") if m["owner"] == "PE" and m["kind"] == "embassy")
    assert "In 1970" in rabat["note"]
    tunisia = [m for m in _missions("TN") if m["owner"] == "PE"]
    assert all(m["state"] != "open" for m in tunisia)
    assert "(as of" not in next(
        line for line in card("tunisia").splitlines() if "Peru → Tunisia" in line
    )


def test_embassy_in_mexico_city_is_not_shown_open_after_the_break() -> None:
    pe = next(m for m in _missions("MX") if m["owner"] == "PE" and m["kind"] == "embassy")
    assert pe["state"] == "unknown"
    assert "Mexico City (state unknown)" in card("mexico")


def test_every_current_fact_has_a_date_of_evidence(ds: perurel.Dataset) -> None:
    open_missions = [m for c in ds.countries.values() for m in c.missions if m.open]
    assert all(m.as_of for m in open_missions)
    recent = sum(1 for m in open_missions if (m.as_of or "") >= "2020")
    assert recent / len(open_missions) >= 0.8
    for c in ds.countries.values():
        if c.relations.status != "unknown":
            assert c.relations.as_of, c.code


def test_league_of_nations_membership_ends() -> None:
    result = entry(["orgs", "--json"])
    league = next(o for o in json.loads(result.stdout) if o["id"] == "league-of-nations")
    assert league["left"] == "1939-04-10"


def test_one_event_per_fact(ds: perurel.Dataset) -> None:
    ilo = [e for e in ds.events if e.date.startswith("1992") and "Ilo" in e.title]
    assert len(ilo) == 1
    closures = [e for e in ds.events if e.date.startswith("1990") and "clos" in e.id]
    seen: set[str] = set()
    for e in closures:
        assert not seen & set(e.countries), e.id
        seen |= set(e.countries)


def test_indonesia_2025_was_the_first_state_visit(ds: perurel.Dataset) -> None:
    visit = next(e for e in ds.events if e.id == "2025-08-11-boluarte-state-visit-indonesia")
    assert "first state visit" in visit.summary
    assert any(e.id == "2013-10-humala-apec-bali" for e in ds.events)


def test_libya_status_rests_on_the_newest_evidence(ds: perurel.Dataset) -> None:
    ly = ds.get("LY")
    assert ly is not None
    # The 2011 suspension is followed by an undated restoration (issue 20: a break before an
    # active status needs a `restored`), which the 2022 diplomatic guide attests.
    kinds = [(m.kind, m.date) for m in ly.relations.history]
    assert kinds[-2:] == [("suspended", "2011-02-22"), ("restored", None)]
    assert ly.relations.history[-1].sources == ("rree-guia-diplomatica-2022-12",)
    assert (ly.relations.status, ly.relations.as_of) == ("active", "2022-12")


def test_breaks_end_in_a_break_status_unless_newer_evidence(ds: perurel.Dataset) -> None:
    for c in ds.countries.values():
        since = c.relations.since
        # Since issue 20 no active status follows a break without a `restored` after it.
        assert not (since is not None and since.kind in BREAKS and c.relations.status == "active")


def test_record_runs_to_2026(ds: perurel.Dataset) -> None:
    recent = {e.id for e in ds.events if e.date >= "2025-05"}
    for needle in (
        "japan",
        "uk-political",
        "san-marino",
        "azerbaijan",
        "thailand",
        "comunicado-001",
    ):
        assert any(needle in i for i in recent), needle


def test_encyclopedia_only_facts_are_marked() -> None:
    text = card("germany")
    assert "†" in text and "rests only on encyclopedia sources" in text


def test_every_source_has_a_tier(ds: perurel.Dataset) -> None:
    from perurel.model import TIERS

    assert all(s.tier in TIERS for s in ds.sources.values())
    footnotes = [s for s in ds.sources.values() if s.found_in]
    assert len(footnotes) >= 100
    assert all(s.found_in in ds.sources for s in footnotes)
