"""The schema, data/relations.schema.json, is the one declaration of the dataset's records: every
property has a meaning, its closed sets are the model's vocabularies, and each record class holds
exactly its properties, with `to_dict()` giving back every stored value (the deliberate
differences are the one table in model.py: STORED_AS, OUTPUT_AS, DERIVED, NOT_IN_DICT)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from perurel import model
from perurel.model import DERIVED, NOT_IN_DICT, OUTPUT_AS, RECORDS, STORED_AS
from perurel.store import Records, build

from .conftest import FIXTURE, ROOT

SCHEMA = json.loads((ROOT / "data" / "relations.schema.json").read_text(encoding="utf-8"))
DATASETS = {
    "bundled": ROOT / "data" / "relations.json",
    "fixture": FIXTURE,
}
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


def properties(record: str) -> dict[str, Any]:
    """The properties the schema declares for a record (`alternative`: a milestone's item)."""
    if record == "alternative":
        return dict(
            SCHEMA["$defs"]["milestone"]["properties"]["alternatives"]["items"]["properties"]
        )
    return dict(SCHEMA["$defs"][record]["properties"])


def nested(record: str, prop: str) -> str | None:
    """The record a property holds (itself or as the items of a list), if it holds one."""
    if (record, prop) == ("milestone", "alternatives"):
        return "alternative"
    spec = properties(record)[prop]
    ref = spec.get("$ref") or spec.get("items", {}).get("$ref") or ""
    name = ref.rpartition("/")[2]
    return name if name in RECORDS else None


def field_of(record: str, prop: str) -> str:
    """The class field a stored property is held in."""
    back = {p: f for (r, f), p in STORED_AS.items() if r == record}
    return back.get(prop, prop)


def output_key(record: str, prop: str) -> str:
    """The key `to_dict` gives a stored property under."""
    return OUTPUT_AS.get((record, field_of(record, prop)), prop)


def plain(value: Any) -> Any:
    return [plain(v) for v in value] if isinstance(value, tuple) else value


def test_every_property_of_every_record_has_a_meaning() -> None:
    missing = [
        f"{record}.{prop}"
        for record in ["(top)", *RECORDS]
        for prop, spec in (
            SCHEMA["properties"] if record == "(top)" else properties(record)
        ).items()
        if not str(spec.get("description", "")).strip()
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
        spec = properties(record)[prop]
        if record == "representation":
            levels = spec["items"]["prefixItems"][1:]
            assert [level["enum"] for level in levels] == [list(words)] * 2
        else:
            assert spec["enum"] == list(words), (record, prop)
    # and no closed set of the schema escapes the table
    found = [path for path, _ in _enums(SCHEMA["$defs"], "")]
    assert len(found) == len(VOCABULARIES) + 1, found  # a representation has two levels


@pytest.mark.parametrize("record", list(RECORDS))
def test_each_class_holds_exactly_the_schemas_properties(record: str) -> None:
    cls: Any = RECORDS[record]
    held = {STORED_AS.get((record, f), f) for f in cls._fields}
    assert held == set(properties(record))


def instances(ds: Records) -> Iterator[tuple[str, Any, dict[str, Any]]]:
    """Every record of a dataset as (its schema name, the instance, the stored dict)."""
    raw = json.loads(Path(ds.path).read_text(encoding="utf-8"))
    events = {e.id: e for e in ds.events}
    orgs = {o.id: o for o in ds.organisations}
    tops = [
        *(("source", ds.sources[s["id"]], s) for s in raw["sources"]),
        *(("country", ds.countries[c["code"]], c) for c in raw["countries"]),
        *(("event", events[e["id"]], e) for e in raw["events"]),
        *(("organisation", orgs[o["id"]], o) for o in raw["organisations"]),
    ]

    def walk(record: str, obj: Any, stored: dict[str, Any]) -> Iterator[tuple[str, Any, Any]]:
        yield record, obj, stored
        for prop, value in stored.items():
            sub = nested(record, prop)
            if sub is None or value is None:
                continue
            held = getattr(obj, field_of(record, prop))
            if isinstance(value, list):
                for o, s in zip(held, value, strict=True):
                    yield from walk(sub, o, s)
            else:
                yield from walk(sub, held, value)

    for record, obj, stored in tops:
        yield from walk(record, obj, stored)


@pytest.fixture(scope="module", params=list(DATASETS))
def dataset(request: pytest.FixtureRequest) -> Records:
    path = DATASETS[request.param]
    return build(json.loads(path.read_text(encoding="utf-8")), str(path))


def test_to_dict_gives_back_every_stored_value(dataset: Records) -> None:
    for record, obj, stored in instances(dataset):
        out = obj.to_dict()
        for prop, value in stored.items():
            held = getattr(obj, field_of(record, prop))
            sub = nested(record, prop)
            if prop in NOT_IN_DICT.get(record, ()):
                if sub is None:  # held by the record, printed another way
                    assert plain(held) == value, (record, prop)
                continue
            assert isinstance(out, dict), record
            key = output_key(record, prop)
            assert key in out, (record, prop)
            if sub is None:
                assert out[key] == value, (record, prop, out[key], value)
            # a nested record: checked as a record of its own by instances(); here its presence
            elif isinstance(value, list):
                assert len(out[key]) == len(value), (record, prop)


def test_to_dict_keys_are_the_properties_and_the_derived_fields(dataset: Records) -> None:
    keys: dict[str, set[str]] = {record: set() for record in RECORDS}
    for record, obj, _ in instances(dataset):
        out = obj.to_dict()
        if isinstance(out, dict):
            keys[record] |= set(out)
    for record in RECORDS:
        if record == "representation":
            continue  # its to_dict is its snapshots in words (NOT_IN_DICT)
        declared = {
            output_key(record, p)
            for p in properties(record)
            if p not in NOT_IN_DICT.get(record, ())
        }
        expected = declared | set(DERIVED.get(record, ()))
        # (and every stored property is given back: the test above)
        assert keys[record] <= expected, (record, keys[record] - expected)


def _docs_script() -> Any:
    import importlib.util

    spec = importlib.util.spec_from_file_location("docs_script", ROOT / "scripts" / "docs.py")
    assert spec is not None and spec.loader is not None
    docs = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(docs)
    return docs


def test_how_to_add_a_field(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """docs/architecture.md's "How to add a field", followed on copies of the schema and the
    fixture: the schema's new property reaches validation, the docs and `--fields help`, and the
    class test asks for the field until the record class has it."""
    from perurel import validate

    schema = json.loads(json.dumps(SCHEMA))
    data = json.loads(FIXTURE.read_text(encoding="utf-8"))
    data["countries"][0]["motto"] = "Firm and happy for the union"
    # before: the field is refused, naming it
    assert [str(p) for p in validate.check(data)] == ["countries[0].motto: not a field of country"]

    # 1. the property, with its meaning
    schema["$defs"]["country"]["properties"]["motto"] = {
        "type": "string",
        "minLength": 1,
        "description": "the state's motto, in English",
    }
    (tmp_path / "relations.schema.json").write_text(json.dumps(schema), encoding="utf-8")
    monkeypatch.setattr(validate, "schema", lambda: schema)
    # 2. the class must hold it: the check above fails until it does
    held = {STORED_AS.get(("country", f), f) for f in model.Country._fields}
    assert set(schema["$defs"]["country"]["properties"]) - held == {"motto"}
    with_motto = (*model.Country._fields, "motto")  # the class's fields once it has it
    assert {STORED_AS.get(("country", f), f) for f in with_motto} == set(
        schema["$defs"]["country"]["properties"]
    )
    # 3. the data: validation accepts it, and still refuses a field nobody declared
    assert validate.check(data) == []
    data["countries"][0]["mottos"] = "x"
    assert [str(p) for p in validate.check(data)] == ["countries[0].mottos: not a field of country"]
    # 4. the docs and the meanings --fields help prints follow
    docs = _docs_script()
    assert "| `motto` | text |  | the state's motto, in English |" in docs.field_tables(schema)
    module = docs.meanings_module(docs.read_schema(tmp_path / "relations.schema.json"))
    namespace: dict[str, Any] = {}
    exec(module, namespace)
    assert namespace["MEANINGS"]["country"]["motto"] == "the state's motto, in English"
