"""A record that never contradicts itself (issue 20): what the cards and lists say about the
cases a fact-check found false or self-contradictory, through the real entry point, and the
words from the making of the data that no reader may see."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import perurel
from perurel.query import stats

from ..conftest import entry
from .making_of import MAKING_OF, NOT_PROSE

ROOT = Path(__file__).resolve().parents[2]
RAW = json.loads((ROOT / "data" / "relations.json").read_text(encoding="utf-8"))


def out(*args: str) -> str:
    result = entry(list(args))
    assert result.exit_code == 0, result.stderr
    return " ".join(result.stdout.split())


def org(oid: str) -> dict[str, Any]:
    found: dict[str, Any] = json.loads(entry(["orgs", oid, "--json"]).stdout)
    return found


def _prose(value: Any, path: str) -> Iterator[tuple[str, str]]:
    if isinstance(value, dict):
        for key, item in value.items():
            if key not in NOT_PROSE | {"events", "by", "tie"}:
                yield from _prose(item, f"{path}.{key}")
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _prose(item, f"{path}[{i}]")
    elif isinstance(value, str):
        yield path, value


def test_no_reader_text_tells_how_the_data_was_made() -> None:
    found = [
        (path, hit.group(0))
        for key in ("countries", "events", "organisations")
        for i, record in enumerate(RAW[key])
        for path, text in _prose(record, f"{key}[{i}]")
        if (hit := MAKING_OF.search(text))
    ]
    assert not found, found[:10]


@pytest.mark.parametrize(
    "text",
    [
        "The seed gives only the year 1879.",
        "the shared reference notes Peru submitted",
        "via reference CSV",
        "1826, given before as the start of relations, is recorded as the recognition it is",
        "la referencia compartida señala",
    ],
)
def test_the_making_of_pattern_can_fail(text: str) -> None:
    assert MAKING_OF.search(text)


def test_people_s_migration_is_not_the_data_s() -> None:
    assert not MAKING_OF.search("a binational committee on migration")


# --- organisations: only members join ------------------------------------------------------


def test_oecd_peru_is_a_candidate_not_a_member() -> None:
    card = out("orgs", "oecd")
    assert "Candidate for membership, not a member, since 2022-01-25" in card
    assert "joined" not in card
    record = org("oecd")
    assert (record["tie"], record["joined"], record["since"]) == ("candidate", None, "2022-01-25")
    assert "aún no miembro" in out("--lang", "es", "orgs", "oecd")


def test_ftaa_was_negotiated_never_joined() -> None:
    card = out("orgs", "ftaa")
    assert "Took part in the negotiations" in card and "joined" not in card
    assert "never created" in card
    assert org("ftaa")["tie"] == "negotiating-party"
    assert "Participó en las negociaciones" in out("--lang", "es", "orgs", "alca")


def test_unasur_founding_member_with_its_suspension() -> None:
    card = out("orgs", "unasur")
    assert "Founding member, Peru joined 2008-05-23 · participation suspended since April 2018" in (
        card
    )
    assert "((" not in card and "no source gives" not in card
    assert "suspension 2018-04-20" in card


def test_unsc_seats_are_elected_terms_not_a_membership() -> None:
    card = out("orgs", "unsc")
    assert "Elected non-permanent member: 5 terms" in card
    assert "joined" not in card and "left" not in card
    record = org("unsc")
    assert record["tie"] == "elected-seat" and record["joined"] is None
    starts = [p["start"][:4] for p in record["periods"] if p["kind"] == "term"]
    assert starts == ["1955", "1973", "1984", "2006", "2018"]
    assert "Miembro no permanente electo: 5 mandatos" in out("--lang", "es", "orgs", "unsc")


def test_the_orgs_table_shows_no_join_date_for_non_members() -> None:
    rows = {o["id"]: o for o in json.loads(entry(["orgs", "--json"]).stdout)}
    for oid, record in rows.items():
        if record["tie"] not in ("member", "founding-member"):
            assert record["joined"] is None and record.get("left") is None, oid


# --- countries -------------------------------------------------------------------------------


def test_japan_relations_resumed_after_the_peace_treaty() -> None:
    card = out("country", "japan")
    assert "broken 1942-01 · restored 1952" in card
    assert "last re-established 1952" in card
    assert "foreign minister in 2023" not in out("country", "japan", "--full")


def test_venezuela_breaks_and_restorations_agree_with_the_header() -> None:
    card = out("country", "venezuela")
    assert "Established 1833-12-23" in card
    assert "broken 1992-04 · restored (undated) · suspended 2017-08 · restored 2021-10-15" in card
    assert "Relations: broken since 2024-07-30" in card
    full = out("country", "venezuela", "--full")
    assert "established relations in 1853" not in full
    assert "since the 1830s (a Venezuelan foreign ministry report gives 23 December 1833)" in full


def test_chile_rupture_of_1910_to_1928() -> None:
    card = out("country", "chile")
    assert "broken 1910-03-22 · restored 1928" in card
    note = json.loads(entry(["country", "chile", "--json"]).stdout)["relations"]["note"]
    assert note.startswith("Chile recognised Peru's independence on 13 October 1822.")
    assert "Peru broke them off again on 22 March 1910" in note


def test_france_1826_was_no_establishment() -> None:
    assert "first consul 1827 · recognition 1831 · established 1852" in out("country", "france")
    full = out("country", "france", "--full")
    assert "Established 1852 (sources differ: 1861-03-09)" in full
    assert "Established 1826" not in full
    assert "inspector-general of commerce" in full
    spanish = out("--lang", "es", "country", "francia")
    assert "(las fuentes difieren: 9 mar 1861)" in spanish


def test_slovenia_accreditation_follows_the_2025_credentials() -> None:
    card = out("country", "slovenia", "--full")
    assert "Vienna, Austria (as of 2025)" in card
    record = json.loads(entry(["country", "slovenia", "--json"]).stdout)
    pe = next(m for m in record["missions"] if m["owner"] == "PE")
    assert pe["as_of"] >= "2025-07-22"  # the credentials, or the newest source telling them
    assert pe["events"] == ["2025-07-22-peru-ambassador-credentials-slovenia"]


def test_angola_accreditation_rests_on_the_luanda_credentials() -> None:
    card = out("country", "angola", "--full")
    assert "Pretoria, South Africa (as of 2025)" in card
    assert "Peruvian ambassador presents credentials in Luanda" in card
    assert "state unknown" not in card.split("Peru → Angola", 1)[1][:60]


def test_every_status_date_is_honest_about_the_encyclopedia() -> None:
    assert "(as of 2025-11, per the encyclopedia)" in out("country", "austria")
    assert "(al nov 2025, según la enciclopedia)" in out("--lang", "es", "country", "austria")
    # a witness other than the encyclopedia dates the status where there is one
    assert "(as of 2024-02-02)" in out("country", "russia")
    assert "(as of 2022-12)" in out("country", "libya")


def test_missions_follow_their_newest_event(ds: perurel.Dataset) -> None:
    events = {e.id: e for e in ds.events}
    linked = 0
    for c in ds.countries.values():
        for m in c.missions:
            for eid in m.events:
                linked += 1
                newest = events[eid].date
                evidence = max(filter(None, (m.as_of, m.closed)), default=None)
                assert evidence is None or evidence >= newest[: len(evidence)], (c.code, m)
    assert linked >= 50
    manila = next(m for m in ds.countries["PH"].missions if m.city == "Manila")
    assert (manila.state, manila.as_of) == ("unknown", "2025-09-16")
    beijing = next(m for m in ds.countries["CN"].missions if m.city == "Beijing")
    assert beijing.state == "open"


# --- freshness -------------------------------------------------------------------------------


def test_freshness_is_the_newest_fact_not_the_revision(ds: perurel.Dataset) -> None:
    newest = max(
        [e.date for e in ds.events]
        + [m.date for c in ds.countries.values() for m in c.relations.history if m.date]
    )
    assert ds.facts_to == newest
    assert f"facts recorded to {newest}" in out("--version")
    assert f"facts recorded to {newest}" in out("stats")
    assert json.loads(entry(["stats", "--json"]).stdout)["facts_to"] == newest
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f'"facts recorded to {newest}"' in readme


def test_stats_count_recent_evidence(ds: perurel.Dataset) -> None:
    coverage = stats(ds)["coverage"]
    assert coverage["statuses_evidenced_since_2020"] >= 64  # 45 before issue 20
    assert coverage["open_missions_evidenced_since_2020"] >= 136  # 124 before issue 20
    assert re.search(r"statuses evidenced since 2020 +\d+", out("stats"))


# --- the history standard accounts tell ------------------------------------------------------


def test_every_decade_before_1940_has_its_history(ds: perurel.Dataset) -> None:
    per_decade: dict[str, int] = {}
    for e in ds.events:
        if e.date < "1950":
            per_decade[e.date[:3]] = per_decade.get(e.date[:3], 0) + 1
    assert sum(per_decade.values()) >= 150
    thin = {f"{d}0s": per_decade.get(d, 0) for d in map(str, range(182, 194))}
    assert all(n >= 8 for n in thin.values()), thin


def test_events_that_change_relations_are_their_milestones(ds: perurel.Dataset) -> None:
    chile = {(m.kind, m.date): m.event for m in ds.countries["CL"].relations.history}
    assert chile[("broken", "1901")] == "1901-peru-chile-relations-broken"
    assert chile[("restored", "1905-06")] == "1905-06-peru-chile-relations-resumed"
    assert chile[("restored", "1928-07-13")] == "1928-07-13-peru-chile-relations-restored"
    colombia = {(m.kind, m.date): m.event for m in ds.countries["CO"].relations.history}
    assert colombia[("severed-by-war", "1828-07-03")] == "1828-07-03-gran-colombia-declares-war"
    assert colombia[("restored", "1829-09-22")] == "1829-09-22-treaty-of-guayaquil"
    japan = {(m.kind, m.date): m.event for m in ds.countries["JP"].relations.history}
    assert japan[("restored", "1952")] == "1952-06-08-japan-legation-lima-reopens"
    haya = [e for e in ds.events if e.date.startswith("1949") and "Haya de la Torre" in e.title]
    assert haya and "CO" in haya[0].countries
