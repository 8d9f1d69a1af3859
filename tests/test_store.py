"""Loading and validation on the fixture: the schema, the validator's rules, and how loading fails.
(The bundled record against them: tests/data/test_record.py.)"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jsonschema
import pytest

import perurel
from perurel.errors import DataError
from perurel.validate import check

from .conftest import FIXTURE, ROOT

SCHEMA = json.loads((ROOT / "data" / "relations.schema.json").read_text(encoding="utf-8"))


def test_fixture_matches_schema() -> None:
    jsonschema.validate(json.loads(FIXTURE.read_text(encoding="utf-8")), SCHEMA)


# --- loading: every way a dataset can be wrong is one DataError ------------------------------


def _write(tmp_path: Path, content: bytes | str) -> Path:
    p = tmp_path / "data.json"
    p.write_bytes(content if isinstance(content, bytes) else content.encode())
    return p


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("", "dataset is empty"),
        ("   \n", "dataset is empty"),
        ('{"schema_version": 1, "sources": [', "not valid JSON"),
        (b"\xff\xfe\x00garbage", "not UTF-8"),
        ("[]", "top level must be an object"),
        ('"text"', "top level must be an object"),
        (
            '{"schema_version": 99, "sources": [], "countries": [], "events": [], "organisations": []}',
            "newer",
        ),
        ('{"schema_version": "1"}', "schema_version: expected an integer"),
        (
            '{"schema_version": 2, "sources": {}, "countries": [], "events": [], "organisations": []}',
            "'sources' must be a list",
        ),
        (
            '{"schema_version": 2, "countries": [], "events": [], "organisations": []}',
            "missing required field 'sources'",
        ),
    ],
)
def test_bad_files_raise_one_data_error(tmp_path: Path, content: str | bytes, message: str) -> None:
    path = _write(tmp_path, content)
    with pytest.raises(DataError) as info:
        perurel.load(path)
    assert message in info.value.message
    assert str(path) in info.value.message
    assert "\n" not in info.value.message


def test_missing_file_and_directory(tmp_path: Path) -> None:
    with pytest.raises(DataError, match="dataset not found"):
        perurel.load(tmp_path / "none.json")
    with pytest.raises(DataError, match="is a directory"):
        perurel.load(tmp_path)


def test_crlf_and_bom_are_fine(tmp_path: Path) -> None:
    text = FIXTURE.read_text(encoding="utf-8").replace("\n", "\r\n")
    path = _write(tmp_path, b"\xef\xbb\xbf" + text.encode())
    assert perurel.load(path).lookup("chile").code == "CL"


def test_env_var_selects_dataset(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PERUREL_DATA", str(FIXTURE))
    assert len(perurel.load().countries) == 6


def _broken(mutate: Callable[[dict[str, Any]], object]) -> list[str]:
    data = json.loads(FIXTURE.read_text(encoding="utf-8"))
    mutate(data)
    return [str(p) for p in check(data)]


@pytest.mark.parametrize(
    ("mutate", "expected"),
    [
        (
            lambda d: d["events"][0].update(date="1999-13"),
            "events[0].date: '1999-13' is not a valid date",
        ),
        (
            lambda d: d["events"][0].update(date="1990-02-30"),
            "events[0].date: '1990-02-30' is not a valid date",
        ),
        (lambda d: d["events"][0].update(date="2999"), "events[0].date: '2999' is in the future"),
        (lambda d: d["events"][1].update(id="1879-04-05-war"), "events[1].id: duplicate event id"),
        (
            lambda d: d["events"][0].update(sources=["nope"]),
            "events[0].sources[0]: unknown source id 'nope'",
        ),
        (
            lambda d: d["events"][0].update(sources=[]),
            "events[0].sources: a fact needs at least one source",
        ),
        (
            lambda d: d["events"][0].update(countries=["ZZ"]),
            "events[0].countries[0]: 'ZZ' is not a country code",
        ),
        (lambda d: d["events"][0].update(kind="party"), "events[0].kind: 'party' is not one of"),
        (
            lambda d: d["countries"][0]["relations"].update(status="friendly"),
            "countries[0].relations.status",
        ),
        (
            lambda d: d["countries"][1]["relations"].update(sources=[], history=[]),
            "countries[1].relations.sources: a fact needs",
        ),
        (
            lambda d: d["countries"][0]["relations"]["history"][0].update(sources=[]),
            "countries[0].relations.history[0].sources: a fact needs",
        ),
        (
            lambda d: d["countries"][0]["relations"]["history"][0].update(kind="friendship"),
            "countries[0].relations.history[0].kind: 'friendship' is not one of",
        ),
        (
            lambda d: d["countries"][0]["relations"]["history"].append(
                {"kind": "broken", "date": "1800", "sources": ["seed"]}
            ),
            "countries[0].relations.history[1].date: 1800 comes before",
        ),
        (
            lambda d: d["countries"][0]["relations"]["history"].append(
                {"kind": "restored", "date": "1900", "sources": ["seed"]}
            ),
            "countries[0].relations.history[1].kind: 'restored' with no break",
        ),
        (
            # An active status after a break needs a `restored` (issue 20), even with newer
            # evidence: before, a later `as_of` was enough.
            lambda d: (
                d["countries"][0]["relations"]["history"].append(
                    {"kind": "broken", "date": "1900", "sources": ["seed"]}
                ),
                d["countries"][0]["relations"].update(as_of="2024"),
            ),
            "countries[0].relations.status: 'active' after the 'broken' of 1900 needs a later"
            " 'restored'",
        ),
        (
            lambda d: d["countries"][0]["relations"].update(status="broken", as_of="1822"),
            "countries[0].relations.status: 'broken' disagrees with the history",
        ),
        (
            lambda d: d["countries"][0]["relations"]["history"].append(
                {"kind": "established", "date": "1823", "sources": ["seed"]}
            ),
            "countries[0].relations.history[1].kind: a second 'established' milestone",
        ),
        (
            lambda d: d["countries"][0]["relations"].update(
                history=[
                    {"kind": "first-envoy", "date": "1821", "sources": ["seed"]},
                    {"kind": "first-envoy", "date": "1821-12", "sources": ["seed"]},
                ]
            ),
            "countries[0].relations.history[1].kind: a second 'first-envoy' milestone",
        ),
        (
            lambda d: d["countries"][0]["relations"]["history"][0].update(
                alternatives=[{"date": "1822", "sources": ["seed"]}]
            ),
            "countries[0].relations.history[0].alternatives[0].date: an alternative date must",
        ),
        (
            lambda d: d["countries"][0]["relations"]["history"][0].update(by="AR"),
            "countries[0].relations.history[0].by: 'AR' is neither Peru",
        ),
        (
            lambda d: d["countries"][0]["relations"]["history"].extend(
                [
                    {"kind": "broken", "date": "1900", "sources": ["seed"]},
                    {"kind": "restored", "date": None, "sources": ["seed"]},
                ]
            ),
            "countries[0].relations.history[2]: an undated 'restored' needs a note",
        ),
        (
            lambda d: d["countries"][0]["relations"]["history"].append(
                {"kind": "broken", "date": None, "note": "n", "note_es": "n", "sources": ["seed"]}
            ),
            "countries[0].relations.history[1]: only a 'restored' no source dates may have a null"
            " 'date'",
        ),
        (
            lambda d: d["countries"][0]["relations"].update(
                note="No establishment date found.", note_es="Nota."
            ),
            "countries[0].relations.note: says no establishment date was found",
        ),
        (
            lambda d: d["countries"][0]["relations"].update(
                note_es="No se encontró la fecha de establecimiento."
            ),
            "countries[0].relations.note_es: says no establishment date was found",
        ),
        (
            lambda d: d["countries"][0]["missions"][0].update(events=["nope"]),
            "countries[0].missions[0].events[0]: 'nope' is not an event id",
        ),
        (
            lambda d: d["countries"][0]["missions"][0].update(events=["1998-10-peace"]),
            "countries[0].missions[0].events[0]: event '1998-10-peace' is not about CL",
        ),
        (
            lambda d: (
                d["events"][3].update(title="Peru's embassy in Santiago reopens", date="2024-05"),
                d["countries"][0]["missions"][0].update(events=["1999-agreements"]),
            ),
            "countries[0].missions[0].as_of: '2023' is older than its newest event",
        ),
        (
            lambda d: d["events"][3].update(title="New ambassador presents credentials"),
            "events[3]: an event about a mission",
        ),
        (
            lambda d: d["organisations"][0].update(tie="candidate"),
            "organisations[0].joined: only a member joins or leaves",
        ),
        (
            lambda d: d["organisations"][0].update(tie="ally"),
            "organisations[0].tie: 'ally' is not one of",
        ),
        (
            lambda d: d["organisations"][0].update(since="1945"),
            "organisations[0].since: a member gives 'joined' and 'left'",
        ),
        (
            lambda d: d["organisations"][0].update(tie="elected-seat", joined=None),
            "organisations[0]: missing required field 'periods'",
        ),
        (
            lambda d: d["organisations"][0].update(
                tie="elected-seat",
                joined=None,
                periods=[{"kind": "suspension", "start": "1990", "end": None, "sources": ["seed"]}],
            ),
            "organisations[0].periods: an elected seat is its terms",
        ),
        (
            lambda d: d.update(facts_to="2001-07-27"),
            "facts_to: '2001-07-27' is not the date of the newest event or milestone (2001-07-28)",
        ),
        (
            lambda d: d["countries"][0]["relations"].pop("as_of"),
            "countries[0].relations: missing required field 'as_of'",
        ),
        (
            lambda d: d["countries"][0]["missions"][0].update(state="shut"),
            "countries[0].missions[0].state: 'shut' is not one of",
        ),
        (
            lambda d: d["countries"][0]["missions"][0].pop("as_of"),
            "countries[0].missions[0]: missing required field 'as_of'",
        ),
        (
            lambda d: d["countries"][0]["missions"][0].update(closed="1990"),
            "countries[0].missions[0].closed: only a closed mission",
        ),
        (
            lambda d: d["sources"][0].update(tier="blog"),
            "sources[0].tier: 'blog' is not one of",
        ),
        (
            lambda d: d["sources"][0].update(found_in="nope"),
            "sources[0].found_in: 'nope' is not another source",
        ),
        (
            lambda d: d["sources"][0].update(author="Ministry of Foreign Affairs"),
            "sources[0].author: expected a non-empty list of names",
        ),
        (
            lambda d: d["sources"][0].update(author=["Novak, Fabián, Namihas, Sandra"]),
            "sources[0].author[0]: 'Novak, Fabián, Namihas, Sandra' is neither",
        ),
        (
            lambda d: d["sources"][0].update(via="www.example.org/copy"),
            "sources[0].via: 'www.example.org/copy' is not an http or https URL",
        ),
        (
            lambda d: d["sources"][0].update(publisher_es=5),
            "sources[0].publisher_es: expected a non-empty string, found 5",
        ),
        (
            lambda d: d["sources"][0].update(note="Spanish"),
            "sources[0].note_es: missing the Spanish text of 'note'",
        ),
        (
            lambda d: d["sources"][0].update(note_es="En español"),
            "sources[0].note_es: a Spanish text without an English 'note'",
        ),
        (
            lambda d: d["countries"][0]["missions"][0].update(kind="palace"),
            "countries[0].missions[0].kind",
        ),
        (
            lambda d: d["countries"][1].update(code="CL"),
            "countries[1].code: duplicate country code 'CL'",
        ),
        (lambda d: d["countries"][0].update(code="PE"), "countries[0].code: Peru itself"),
        (
            lambda d: d["sources"].append(dict(d["sources"][0])),
            "sources[4].id: duplicate source id 'seed'",
        ),
        (lambda d: d["organisations"][0].update(joined="1945-1"), "organisations[0].joined"),
        # a field the schema does not declare, at any depth
        (lambda d: d.update(extra=1), "extra: not a field of dataset"),
        (
            lambda d: d["countries"][0].update(motto="x"),
            "countries[0].motto: not a field of country",
        ),
        (
            lambda d: d["countries"][0]["relations"].update(since="1900"),
            "countries[0].relations.since: not a field of relations",
        ),
        (
            lambda d: d["countries"][0]["missions"][0].update(via="AR"),
            "countries[0].missions[0].via: not a field of mission",
        ),
        (
            lambda d: d["countries"][0]["relations"]["history"][0].update(
                alternatives=[{"date": "1900", "sources": ["seed"], "why": "x"}]
            ),
            "countries[0].relations.history[0].alternatives[0].why: not a field of alternative",
        ),
    ],
)
def test_validator_names_the_path(
    mutate: Callable[[dict[str, Any]], object], expected: str
) -> None:
    problems = _broken(mutate)
    assert any(p.startswith(expected) for p in problems), problems


def test_invalid_custom_dataset_is_refused(tmp_path: Path) -> None:
    data = json.loads(FIXTURE.read_text(encoding="utf-8"))
    data["events"][2]["date"] = "1999-13"
    path = _write(tmp_path, json.dumps(data))
    with pytest.raises(DataError, match=r"events\[2\]\.date: '1999-13' is not a valid date"):
        perurel.load(path)


def test_a_custom_dataset_is_validated_once_per_version(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import perurel.validate
    from perurel import store

    path = _write(tmp_path, FIXTURE.read_text(encoding="utf-8"))
    calls: list[int] = []
    real = perurel.validate.check

    def counting(raw: object) -> list[perurel.validate.Problem]:
        calls.append(1)
        return real(raw)

    monkeypatch.setattr(perurel.validate, "check", counting)
    store._load.cache_clear()
    perurel.load(path)
    store._load.cache_clear()
    perurel.load(path)
    assert calls == [1]  # the second run trusts the first one's verdict
    data = json.loads(path.read_text(encoding="utf-8"))
    data["events"][0]["date"] = "1999-13"
    path.write_text(json.dumps(data), encoding="utf-8")  # a new version: checked again
    store._load.cache_clear()
    with pytest.raises(DataError, match="1999-13"):
        perurel.load(path)
    assert calls == [1, 1]


def test_the_api_adopts_the_loaders_records(tmp_path: Path) -> None:
    """`perurel.load` is the loader's records with the questions: the same object for the same
    path (nothing copied, nothing built twice), its parts built only when first read."""
    from perurel import store

    path = tmp_path / "mini.json"
    path.write_bytes(FIXTURE.read_bytes())
    records = store.load(path)
    assert type(records) is store.Records
    assert not hasattr(store.Records, "lookup")  # the loader asks no question
    pending = set(records.__dict__.get("_pending", ()))
    ds = perurel.load(path)
    assert ds is records and ds is perurel.load(str(path))
    assert isinstance(ds, perurel.Dataset)
    assert set(ds.__dict__.get("_pending", ())) == pending  # adopting built nothing
    assert ds.lookup("chile").code == "CL"
    assert store.load(path) is ds
