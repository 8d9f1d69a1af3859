"""The schema, data/relations.schema.json, is the one declaration of the dataset's records: every
property has a meaning, its closed sets are the model's vocabularies, the record classes hold
exactly its properties (scripts/records.py writes them), and the conversion to and from JSON
gives back what the file stores, read off the schema here. `test_how_to_add_a_field` follows
docs/architecture.md's steps end to end on a copy of the package."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from perurel import model
from perurel.store import Records, build

from .conftest import FIXTURE, ROOT

SCHEMA = json.loads((ROOT / "data" / "relations.schema.json").read_text(encoding="utf-8"))
DEFS = SCHEMA["$defs"]
DATASETS = {"bundled": ROOT / "data" / "relations.json", "fixture": FIXTURE}
# The records, with the class that holds each (as docs/architecture.md names them).
CLASSES = {
    "source": model.Source,
    "alternative": model.Alternative,
    "milestone": model.Milestone,
    "relations": model.Relations,
    "mission": model.Mission,
    "representation": model.Representation,
    "un_votes": model.VotesSummary,
    "country": model.Country,
    "event": model.Event,
    "period": model.Period,
    "members": model.Members,
    "organisation": model.Organisation,
}
# The deliberate differences, as docs/data.md states them: a property held under another name
# (a Python keyword; codes kept as stored beside their words), a property the output renames
# or leaves out, and the fields the output derives.
HELD_AS = {("mission", "from"): "via", ("representation", "snapshots"): "codes"}
OUTPUT_AS = {("mission", "from"): "accredited_from"}
LEFT_OUT = {("country", "sources")}
DERIVED = {"relations": {"established", "first"}}
# Where each closed set of the schema is, and the model's vocabulary it must equal.
VOCABULARIES: dict[tuple[str, str], tuple[Any, ...]] = {
    ("relations", "status"): model.STATUSES,
    ("mission", "kind"): model.MISSION_KINDS,
    ("mission", "state"): model.MISSION_STATES,
    ("event", "kind"): model.EVENT_KINDS,
    ("milestone", "kind"): model.MILESTONE_KINDS,
    ("source", "tier"): model.TIERS,
    ("organisation", "tie"): model.TIES,
    ("period", "kind"): model.PERIOD_KINDS,
    ("representation", "snapshots"): tuple(model.LEVELS),  # the levels, twice in each snapshot
}


def test_every_record_of_the_schema_has_its_class() -> None:
    objects = {name for name, spec in DEFS.items() if spec.get("type") == "object"}
    assert objects == set(CLASSES)
    assert model.RECORDS == CLASSES


def test_every_property_of_every_record_has_a_meaning() -> None:
    missing = [
        f"{record}.{prop}"
        for record, spec in [("(top)", SCHEMA), *((r, DEFS[r]) for r in CLASSES)]
        for prop, pspec in spec["properties"].items()
        if not str(pspec.get("description", "")).strip()
    ]
    assert missing == []


def _enums(node: Any, path: str) -> Iterator[tuple[str, list[Any]]]:
    if isinstance(node, dict):
        if "enum" in node:
            yield path, node["enum"]
        for key, value in node.items():
            yield from _enums(value, f"{path}/{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _enums(value, f"{path}/{i}")


def test_every_closed_set_is_a_vocabulary_of_the_model() -> None:
    for (record, prop), words in VOCABULARIES.items():
        spec = DEFS[record]["properties"][prop]
        if record == "representation":
            levels = spec["items"]["prefixItems"][1:]
            assert [level["enum"] for level in levels] == [list(words)] * 2
        else:
            assert spec["enum"] == list(words), (record, prop)
    # the ties of a member, which join and leave, and the others, which give 'since' and 'until'
    ties = [c["if"]["properties"]["tie"]["enum"] for c in DEFS["organisation"]["allOf"][:2]]
    assert ties == [
        list(model.MEMBER_TIES),
        [tie for tie in model.TIES if tie not in model.MEMBER_TIES],
    ]
    # and no closed set of the schema escapes the table
    found = [path for path, _ in _enums(DEFS, "")]
    assert len(found) == len(VOCABULARIES) + 3, found  # a representation has two levels


@pytest.mark.parametrize("record", list(CLASSES))
def test_each_class_holds_exactly_the_schemas_properties(record: str) -> None:
    cls: Any = CLASSES[record]
    spec = DEFS[record]
    held = {HELD_AS.get((record, p), p): p for p in spec["properties"]}
    assert set(cls._fields) == set(held)
    # a field without a default is one every record has: required by the schema
    required = set(spec.get("required", ()))
    assert {held[f] for f in cls._fields if f not in cls._field_defaults} == required
    for field, default in cls._field_defaults.items():
        assert default == spec["properties"][held[field]].get("default", default)


def expected(record: str, stored: dict[str, Any]) -> dict[str, Any]:
    """What a record's output is, read off the schema and the stored record: every property in
    the schema's order, as stored, or its default, or null or [] where the file leaves it out."""
    out: dict[str, Any] = {}
    for prop, spec in DEFS[record]["properties"].items():
        if (record, prop) in LEFT_OUT:
            continue
        inner = next((s for s in spec.get("oneOf", [spec]) if s.get("type") != "null"), spec)
        ref = (inner.get("$ref") or inner.get("items", {}).get("$ref") or "").rpartition("/")[2]
        listed = inner.get("type") == "array" or ref in ("ids", "cites")
        value = stored.get(prop, spec.get("default", [] if listed else None))
        if ref in CLASSES and value:
            value = [expected(ref, v) for v in value] if listed else expected(ref, value)
        out[OUTPUT_AS.get((record, prop), prop)] = value
    return out


def without_derived(record: str, out: Any) -> Any:
    """An output with the fields the output derives taken away, nested records too; a
    representation's output (its snapshots in words) compared as its codes."""
    if isinstance(out, list):
        return [without_derived(record, o) for o in out]
    if record == "representation":
        return out
    kept = {k: v for k, v in out.items() if k not in DERIVED.get(record, ())}
    for prop, spec in DEFS[record]["properties"].items():
        key = OUTPUT_AS.get((record, prop), prop)
        inner = next((s for s in spec.get("oneOf", [spec]) if s.get("type") != "null"), spec)
        ref = (inner.get("$ref") or inner.get("items", {}).get("$ref") or "").rpartition("/")[2]
        if ref in CLASSES and kept.get(key):
            kept[key] = without_derived(ref, kept[key])
    return kept


LEVELS = {0: "none", 1: "chargé d'affaires", 2: "minister", 3: "ambassador", 9: "other"}


def in_words(stored: dict[str, Any] | None) -> Any:
    """A stored representation as the output words it: each snapshot's year and two levels."""
    if stored is None:
        return None
    return [
        {"year": y, "in_peru": LEVELS[a], "by_peru": LEVELS[b]} for y, a, b in stored["snapshots"]
    ]


@pytest.fixture(scope="module", params=list(DATASETS))
def stored(request: pytest.FixtureRequest) -> tuple[dict[str, Any], Records]:
    path = DATASETS[request.param]
    raw = json.loads(path.read_text(encoding="utf-8"))
    return raw, build(json.loads(path.read_text(encoding="utf-8")), str(path))


def test_the_output_is_the_stored_record_with_every_field(
    stored: tuple[dict[str, Any], Records],
) -> None:
    raw, ds = stored
    assert [s.to_dict() for s in ds.sources.values()] == [
        expected("source", s) for s in raw["sources"]
    ]
    by_date = sorted(raw["events"], key=lambda e: (e["date"], e["id"]))
    assert [e.to_dict() for e in ds.events] == [expected("event", e) for e in by_date]
    assert [without_derived("organisation", o.to_dict()) for o in ds.organisations] == [
        expected("organisation", o) for o in raw["organisations"]
    ]
    for country in raw["countries"]:
        mine = ds.countries[country["code"]].to_dict()
        assert mine["representation"] == in_words(country.get("representation"))
        want = expected("country", country)
        want["representation"] = mine["representation"]
        assert without_derived("country", mine) == want, country["code"]


def test_the_output_derives_the_relationships_first_and_established_dates(
    stored: tuple[dict[str, Any], Records],
) -> None:
    raw, ds = stored
    for country in raw["countries"]:
        history = country["relations"]["history"]
        out = ds.countries[country["code"]].relations.to_dict()
        first = history[0] if history else {}
        assert out["first"] == {"kind": first.get("kind"), "date": first.get("date")}
        dates = [m["date"] for m in history if m["kind"] == "established"]
        assert out["established"] == (dates[0] if dates else None)


def test_the_generated_parts_of_the_model_are_current() -> None:
    result = _records_script().with_fields(
        (ROOT / "src" / "perurel" / "model.py").read_text(encoding="utf-8"), SCHEMA
    )
    assert result == (ROOT / "src" / "perurel" / "model.py").read_text(encoding="utf-8")


def _script(name: str) -> Any:
    import importlib.util

    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        spec = importlib.util.spec_from_file_location(
            f"{name}_script", ROOT / "scripts" / f"{name}.py"
        )
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
    finally:
        sys.path.remove(str(ROOT / "scripts"))
    return module


def _records_script() -> Any:
    return _script("records")


# What the copy of the package runs once the field is added: the new field read, given back,
# validated, refused in a wrong shape, and offered by --fields help.
AFTER = """
import json, sys
from perurel import model, validate
from perurel.store import build
from perurel.dataset_fields import MEANINGS
data = json.load(open(sys.argv[1], encoding="utf-8"))
ds = build(data, sys.argv[1])
print(json.dumps({
    "held": ds.countries["CL"].motto,
    "absent": ds.countries["EC"].motto,
    "output": ds.countries["CL"].to_dict()["motto"],
    "valid": [str(p) for p in validate.check(data)],
    "meaning": MEANINGS["country"]["motto"],
}))
data["countries"][int(sys.argv[2])]["motto"] = 7
print(json.dumps([str(p) for p in validate.check(data)]))
"""


def test_how_to_add_a_field(tmp_path: Path) -> None:
    """docs/architecture.md's "How to add a field", followed on a copy of the package: the
    property added to the schema, `python scripts/docs.py` run, and the data added are all it
    takes for the class, both conversions, validation, docs/data.md and `--fields help`."""
    docs = _script("docs")
    records = _records_script()
    package = tmp_path / "perurel"
    shutil.copytree(ROOT / "src" / "perurel", package, ignore=shutil.ignore_patterns("__pycache__"))
    data = json.loads(FIXTURE.read_text(encoding="utf-8"))
    chile = next(i for i, c in enumerate(data["countries"]) if c["code"] == "CL")
    data["countries"][chile]["motto"] = "Por la razón o la fuerza"
    # before: the field is refused, naming it
    from perurel import validate

    assert [str(p) for p in validate.check(data)] == [
        f"countries[{chile}].motto: not a field of country"
    ]

    # 1. the property, with its meaning, in the one declaration
    schema = json.loads(json.dumps(SCHEMA))
    schema["$defs"]["country"]["properties"]["motto"] = {
        "type": "string",
        "minLength": 1,
        "description": "the state's motto, as it is written",
    }
    (package / "data").mkdir()
    (package / "data" / "relations.schema.json").write_text(json.dumps(schema), encoding="utf-8")
    # 2. what `python scripts/docs.py` writes from it
    model_py = package / "model.py"
    model_py.write_text(records.with_fields(model_py.read_text(encoding="utf-8"), schema))
    (package / "dataset_fields.py").write_text(docs.meanings_module(schema), encoding="utf-8")
    assert "| `motto` | text |  | the state's motto, as it is written |" in docs.field_tables(
        schema
    )
    # 3. the data
    dataset = tmp_path / "with-motto.json"
    dataset.write_text(json.dumps(data), encoding="utf-8")

    env = {**os.environ, "PYTHONPATH": str(tmp_path)}
    run = subprocess.run(
        [sys.executable, "-c", AFTER, str(dataset), str(chile)],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    after, wrong = map(json.loads, run.stdout.splitlines())
    assert after == {
        "held": "Por la razón o la fuerza",
        "absent": None,
        "output": "Por la razón o la fuerza",
        "valid": [],
        "meaning": "the state's motto, as it is written",
    }
    assert wrong == [f"countries[{chile}].motto: expected a non-empty string, found 7"]
