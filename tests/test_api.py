"""The Python API: the documented examples run, and records' to_dict() is their JSON."""

from __future__ import annotations

import doctest
import json
from typing import Any

import perurel

from .conftest import FIXTURE, ROOT, entry
from .test_schema import DERIVED
from .test_schema import expected as _expected


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
    """Against the file itself and the schema: what is stored comes back unchanged, every other
    property comes back empty (or as the schema's default); only derived fields are added."""
    raw = json.loads(FIXTURE.read_text(encoding="utf-8"))
    assert [e.to_dict() for e in mini.events] == [
        _expected("event", e) for e in sorted(raw["events"], key=lambda e: (e["date"], e["id"]))
    ]
    assert [s.to_dict() for s in mini.sources.values()] == [
        _expected("source", s) for s in raw["sources"]
    ]
    assert [o.to_dict() for o in mini.organisations] == [
        _expected("organisation", o) for o in raw["organisations"]
    ]
    for country in raw["countries"]:
        mine = mini.countries[country["code"]].to_dict()
        expected = _expected("country", country)
        # the representation is given in words; the relations add the derived dates
        mine.pop("representation"), expected.pop("representation")
        for key in DERIVED["relations"]:
            mine["relations"].pop(key)
        assert mine == expected
