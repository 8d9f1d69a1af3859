"""The bundled record as a whole: its schema and integrity rules, every sovereign state, codes,
sources, dates and ids. (How loading and validation behave is tested on the fixture, in
tests/test_store.py.)"""

from __future__ import annotations

import json
from datetime import date
from typing import Any

import jsonschema
import pytest

import perurel
from perurel import dates
from perurel.store import bundled_path
from perurel.validate import check

from ..conftest import ROOT, entry
from ..iso3166 import ALPHA2, UN_MEMBERS

SCHEMA = json.loads((ROOT / "data" / "relations.schema.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def raw() -> dict[str, Any]:
    with open(bundled_path(), encoding="utf-8") as f:
        loaded: dict[str, Any] = json.load(f)
    return loaded


def test_bundled_dataset_matches_schema(raw: dict[str, Any]) -> None:
    jsonschema.Draft202012Validator.check_schema(SCHEMA)
    errors = sorted(jsonschema.Draft202012Validator(SCHEMA).iter_errors(raw), key=str)
    assert not errors, "\n".join(f"{list(e.absolute_path)}: {e.message}" for e in errors[:20])


def test_bundled_dataset_passes_integrity_checks(raw: dict[str, Any]) -> None:
    problems = check(raw)
    assert not problems, "\n".join(map(str, problems[:20]))


def test_every_sovereign_state_is_there(ds: perurel.Dataset) -> None:
    expected = (UN_MEMBERS - {"PE"}) | {"VA", "PS", "XK", "TW"}
    assert set(ds.countries) == expected
    assert len(ds.countries) == 196


def test_country_codes_are_iso(ds: perurel.Dataset) -> None:
    assert set(ds.countries) <= ALPHA2
    for e in ds.events:
        assert set(e.countries) <= set(ds.countries), e.id
    for c in ds.countries.values():
        for m in c.missions:
            assert {m.owner, m.host} <= set(ds.countries) | {"PE"}
            assert "PE" in (m.owner, m.host)


def test_every_fact_cites_a_known_source(ds: perurel.Dataset) -> None:
    known = set(ds.sources)
    for c in ds.countries.values():
        if c.relations.status != "unknown" or c.relations.established:
            assert c.relations.sources, c.code
        assert set(c.cited()) <= known, c.code
        for m in c.missions:
            assert m.sources, (c.code, m)
        if c.summary:
            assert c.summary_sources, c.code
    for e in ds.events:
        assert e.sources and set(e.sources) <= known, e.id
    for o in ds.organisations:
        assert o.sources and set(o.cited()) <= known, o.id


def test_dates_are_valid_and_not_in_the_future(ds: perurel.Dataset) -> None:
    today = date.today()
    found = [e.date for e in ds.events]
    found += [c.relations.established for c in ds.countries.values() if c.relations.established]
    found += [d for o in ds.organisations for d in (o.joined, o.left) if d]
    found += [s.date for s in ds.sources.values() if s.date]
    for d in found:
        assert dates.is_valid(d), d
        assert dates.parse_span(d)[0] <= today, d


def test_ids_are_unique_and_events_sorted(raw: dict[str, Any]) -> None:
    for key in ("sources", "events", "organisations"):
        ids = [r["id"] for r in raw[key]]
        assert len(ids) == len(set(ids)), key
    keys = [(dates.sort_key(e["date"]), e["id"]) for e in raw["events"]]
    assert keys == sorted(keys), "events in data/relations.json must be in date order"
    pairs = [(e["date"], e["title"].casefold()) for e in raw["events"]]
    assert len(pairs) == len(set(pairs)), "duplicate events"


def test_every_source_is_cited(ds: perurel.Dataset) -> None:
    cited: set[str] = set()
    for c in ds.countries.values():
        cited.update(c.cited())
    for e in ds.events:
        cited.update(e.sources)
    for o in ds.organisations:
        cited.update(o.cited())
    # an article whose footnote is cited counts as used: it is where the source was found
    cited.update(ds.sources[i].found_in or i for i in list(cited) if i in ds.sources)
    assert set(ds.sources) - cited == set()


def test_membership_periods_are_loaded(ds: perurel.Dataset) -> None:
    orgs = {o.id: o for o in ds.organisations}
    terms = [p for p in orgs["unsc"].periods if p.kind == "term"]
    assert [p.start[:4] for p in terms] == ["1955", "1973", "1984", "2006", "2018"]
    assert all(p.sources for p in terms)
    assert any(p.kind == "suspension" for p in orgs["can"].periods)


def test_real_orgs_have_dates_and_sources() -> None:
    orgs = {o["id"]: o for o in json.loads(entry(["orgs", "--json"]).stdout)}
    for oid in (
        "un",
        "oas",
        "gatt",
        "wto",
        "can",
        "aladi",
        "apec",
        "mercosur",
        "pacific-alliance",
        "cptpp",
        "unsc",
        "oecd",
        "lima-group",
        "league-of-nations",
    ):
        assert oid in orgs, oid
        assert orgs[oid]["sources"]
    assert orgs["un"]["joined"] == "1945-10-31"
    assert orgs["lima-group"]["left"] and orgs["lima-group"]["joined"] == "2017-08-08"
    assert any(p["kind"] == "suspension" for p in orgs["can"]["periods"])


def test_missions_on_the_real_data_every_state_answers() -> None:
    out = entry(["missions", "--from", "peru", "--state", "open", "--kind", "embassy", "--json"])
    rows = json.loads(out.stdout)
    assert len(rows) >= 50
    assert all(r["owner"] == "PE" and r["state"] == "open" and r["as_of"] for r in rows)
