"""The Python API: the documented examples run, and records' to_dict() is their JSON."""

from __future__ import annotations

import doctest
import json

import perurel

from .conftest import ROOT, entry


def test_the_api_document_runs() -> None:
    result = doctest.testfile(
        str(ROOT / "docs" / "api.md"),
        module_relative=False,
        optionflags=doctest.ELLIPSIS,
        raise_on_error=False,
    )
    assert result.attempted >= 10
    assert result.failed == 0


def test_to_dict_is_the_json(ds: perurel.Dataset) -> None:
    timeline = json.loads(entry(["timeline", "--country", "chile", "--json"]).stdout)
    assert [e.to_dict() for e in ds.timeline(countries=["chile"])] == timeline
    for code in ("CL", "DE", "US", "KP"):
        record = json.loads(entry(["country", code, "--exact", "--json"]).stdout)
        mine = ds.countries[code].to_dict()
        added = {"memberships", "events", "sources"}
        assert {k: v for k, v in record.items() if k not in added} == mine
    orgs = json.loads(entry(["orgs", "--json"]).stdout)
    by_id = {o.id: o for o in ds.organisations}
    assert all(by_id[o["id"]].to_dict() == o for o in orgs)
    source = json.loads(entry(["sources", "asil-icj-2014", "--json"]).stdout)
    assert ds.sources["asil-icj-2014"].to_dict() == {
        k: v for k, v in source.items() if k not in ("cited", "cited_by")
    }
