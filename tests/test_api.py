"""The Python API: the documented examples run, and records' to_dict() is their JSON."""

from __future__ import annotations

import doctest
import json
from typing import Any

import perurel

from .conftest import FIXTURE, ROOT, entry


def test_the_api_document_runs() -> None:
    result = doctest.testfile(
        str(ROOT / "docs" / "api.md"),
        module_relative=False,
        optionflags=doctest.ELLIPSIS,
        raise_on_error=False,
    )
    assert result.attempted >= 10
    assert result.failed == 0


def _stored(value: Any) -> Any:
    """JSON without the precisions the command line derives for scripts beside each date."""
    if isinstance(value, dict):
        return {k: _stored(v) for k, v in value.items() if not k.endswith("_precision")}
    if isinstance(value, list):
        return [_stored(v) for v in value]
    return value


def test_to_dict_is_the_json(ds: perurel.Dataset) -> None:
    timeline = _stored(json.loads(entry(["timeline", "--country", "chile", "--json"]).stdout))
    assert [e.to_dict() for e in ds.timeline(countries=["chile"])] == timeline
    for code in ("CL", "DE", "US", "KP"):
        record = _stored(json.loads(entry(["country", code, "--exact", "--json"]).stdout))
        mine = ds.countries[code].to_dict()
        added = {"memberships", "events", "sources"}
        assert {k: v for k, v in record.items() if k not in added} == mine
    orgs = _stored(json.loads(entry(["orgs", "--json"]).stdout))
    by_id = {o.id: o for o in ds.organisations}
    assert all(by_id[o["id"]].to_dict() == o for o in orgs)
    source = _stored(json.loads(entry(["sources", "asil-icj-2014", "--json"]).stdout))
    assert ds.sources["asil-icj-2014"].to_dict() == {
        k: v for k, v in source.items() if k not in ("cited", "cited_by")
    }


def test_to_dict_gives_back_the_record_as_stored(mini: perurel.Dataset) -> None:
    """Against the file itself: what is stored comes back unchanged; only derived fields differ."""
    raw = json.loads(FIXTURE.read_text(encoding="utf-8"))
    events = {e["id"]: e for e in raw["events"]}
    assert {e.id: e.to_dict() for e in mini.events} == events
    assert {s.id: s.to_dict() for s in mini.sources.values()} == {
        s["id"]: s for s in raw["sources"]
    }
    for org in raw["organisations"]:
        mine = next(o for o in mini.organisations if o.id == org["id"]).to_dict()
        assert {k: v for k, v in mine.items() if k in org} == org
        # a tie not stored is a member's (the schema's default); every other absent field is empty
        defaults = {"tie": "member"}
        assert all(
            v in ("", None, [], {}) or defaults.get(k) == v for k, v in mine.items() if k not in org
        )
    for country in raw["countries"]:
        mine = mini.countries[country["code"]].to_dict()
        # relations and representation are computed from what is stored; the stored source ids
        # are not in to_dict, as `sources` in a country's JSON is the full records they name
        derived = {"relations", "representation", "sources", "missions"}
        assert {k: v for k, v in mine.items() if k in country and k not in derived} == {
            k: v for k, v in country.items() if k not in derived
        }
        # an accreditation's stored `from` is printed as `accredited_from` (`--from` is the owner)
        assert mine["missions"] == [
            {("accredited_from" if k == "from" else k): v for k, v in m.items()}
            for m in country.get("missions", [])
        ]
        stored = country["relations"]
        assert mine["relations"]["status"] == stored["status"]
        assert mine["relations"]["history"] == stored["history"]
