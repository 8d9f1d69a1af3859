"""The data pipeline's rules (scripts/build.py), on the fixture: a builder replaces the fields it
owns and keeps every other one, cites its sources without rewriting them, validates before it
writes, and names what differs. None of this needs the reference files the builders read."""

from __future__ import annotations

import copy
import json
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from .conftest import FIXTURE, ROOT

sys.path.insert(0, str(ROOT / "scripts"))
import build  # the scripts folder is not a package
import build_countries
import build_representation
import build_votes
import datafile

EXTRACT = ROOT / "tests" / "fixtures" / "unvotes"


def fixture() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(FIXTURE.read_text(encoding="utf-8"))
    return data


def country(data: dict[str, Any], code: str) -> dict[str, Any]:
    found: dict[str, Any] = next(c for c in data["countries"] if c["code"] == code)
    return found


def with_extras(data: dict[str, Any]) -> dict[str, Any]:
    """The fixture with fields no builder owns: on a country, in a representation, in a source."""
    out = copy.deepcopy(data)
    chile = country(out, "CL")
    chile["un_votes_note"] = "kept"
    chile["representation"]["note"] = "A note written by hand."
    chile["representation"]["note_es"] = "Una nota escrita a mano."
    chile["representation"]["remark"] = "kept too"
    return out


# --- build_countries ----------------------------------------------------------------------------


def identity(data: dict[str, Any]) -> dict[str, dict[str, object]]:
    return {
        c["code"]: {k: copy.deepcopy(c.get(k)) for k in build_countries.OWNS}
        for c in data["countries"]
    }


def test_countries_replaces_identity_and_keeps_the_rest() -> None:
    data = with_extras(fixture())
    ident = identity(data)
    ident["CL"]["name"] = "Chile (renamed)"
    ident["CL"]["aliases"] = ["Chili"]
    out = build_countries.merge(data, ident)
    chile = country(out, "CL")
    assert chile["name"] == "Chile (renamed)"
    assert chile["aliases"] == ["Chili"]
    before = country(data, "CL")
    for key in ("relations", "missions", "summary", "summary_es", "summary_sources"):
        assert chile[key] == before[key], key
    assert chile["un_votes_note"] == "kept"
    assert chile["representation"]["remark"] == "kept too"
    assert list(chile) == list(before)  # same fields, same order
    assert country(data, "CL")["name"] == "Chile"  # the input is not modified


def test_countries_adds_a_new_state_with_no_relations_and_sorts_by_code() -> None:
    data = fixture()
    ident = identity(data)
    ident["AR"] = {
        "code": "AR",
        "iso3": "ARG",
        "name": "Argentina",
        "name_es": "Argentina",
        "aliases": ["argentino"],
        "region": "Americas",
        "subregion": "South America",
        "sources": ["names"],
    }
    out = build_countries.merge(data, ident)
    assert [c["code"] for c in out["countries"]] == ["AR", "BG", "BR", "CL", "EC", "KP", "KR"]
    argentina = country(out, "AR")
    assert argentina["relations"] == {"status": "unknown", "history": [], "note": "", "sources": []}
    assert argentina["missions"] == []
    datafile.validate(out, "test")  # a valid dataset


def test_countries_never_removes_a_country() -> None:
    data = fixture()
    ident = identity(data)
    del ident["BG"]
    with pytest.raises(datafile.BuildError, match="BG in the dataset but not in the reference"):
        build_countries.merge(data, ident)


def test_countries_adds_missing_name_sources_and_leaves_present_ones_alone() -> None:
    data = fixture()
    data["sources"].append({"id": "world-countries", "title": "Edited", "publisher": "Me"})
    out = build_countries.merge(data, identity(data))
    by_id = {s["id"]: s for s in out["sources"]}
    assert by_id["world-countries"] == {
        "id": "world-countries",
        "title": "Edited",
        "publisher": "Me",
    }
    assert by_id["i18n-nationality"]["tier"] == "press"  # added, whole
    assert [s["id"] for s in out["sources"]][:4] == ["seed", "ministry", "names", "cow"]


# --- build_representation -----------------------------------------------------------------------


def test_representation_replaces_snapshots_and_keeps_other_fields() -> None:
    data = with_extras(fixture())
    built = {"CL": {"snapshots": [[1990, 3, 3]], "sources": ["cow"]}}
    out = build_representation.merge(data, built)
    rep = country(out, "CL")["representation"]
    assert rep == {"snapshots": [[1990, 3, 3]], "sources": ["cow"], "remark": "kept too"}
    assert country(out, "CL")["un_votes_note"] == "kept"


def test_representation_of_a_country_the_input_no_longer_names() -> None:
    data = with_extras(fixture())
    out = build_representation.merge(data, {})
    assert country(out, "CL")["representation"] == {"remark": "kept too"}
    plain = build_representation.merge(fixture(), {})
    assert "representation" not in country(plain, "CL")  # nothing left: the field goes


def test_representation_source_is_added_once_with_its_tier() -> None:
    out = build_representation.merge(fixture(), {})
    added = [s for s in out["sources"] if s["id"] == "cow-diplomatic-exchange-2006"]
    assert len(added) == 1 and added[0]["tier"] == "scholarly"
    again = build_representation.merge(out, {})
    assert again["sources"] == out["sources"]


def test_representation_reads_the_predecessor_rows_into_the_successor(tmp_path: Path) -> None:
    rows = [
        "stateabb2,iso3_2,year,DR_at_1_partner_in_peru,DR_at_2_peru_in_partner",
        "CHL,CHL,1970,3,3",
        "CHL,CHL,1965,2,1",
        "GFR,,1970,2,2",
        "BUL,BGR,1990,0,0",
        "HAN,,1850,1,0",  # Hanover: no successor in the dataset
    ]
    (tmp_path / build_representation.INPUTS[0]).write_text("\n".join(rows) + "\n")
    data = fixture()
    data["countries"].append({**country(data, "BG"), "code": "DE", "iso3": "DEU"})
    found = build_representation.snapshots(data, tmp_path)
    assert found["CL"]["snapshots"] == [[1965, 2, 1], [1970, 3, 3]]
    assert found["BG"] == {"snapshots": [[1990, 0, 0]], "sources": ["cow-diplomatic-exchange-2006"]}
    assert found["DE"]["snapshots"] == [[1970, 2, 2]]
    assert found["DE"]["note"] == "1955-1990 snapshots are for the German Federal Republic."
    assert found["DE"]["note_es"].startswith("Las instantáneas de 1955-1990")
    assert set(found) == {"CL", "BG", "DE"}


# --- build_votes --------------------------------------------------------------------------------


def test_votes_summaries_from_the_extract_keep_other_fields() -> None:
    data = with_extras(fixture())
    country(data, "EC")["un_votes"] = {"stale": True}  # EC casts no vote in the extract
    out = build_votes.merge(data, build_votes.summaries(build_votes.read(EXTRACT)))
    chile, brazil = country(out, "CL"), country(out, "BR")
    assert chile["un_votes"]["since"] == 2000 and chile["un_votes"]["until"] == 2019
    assert chile["un_votes"]["sources"] == ["unvotes-voeten-strezhnev-bailey"]
    assert brazil["un_votes"]["votes"] > 0 and 0 <= brazil["un_votes"]["agreement"] <= 100
    assert "un_votes" not in country(out, "EC")
    assert chile["un_votes_note"] == "kept" and chile["representation"]["remark"] == "kept too"
    for code in ("CL", "BR"):
        before = {k: v for k, v in country(data, code).items() if k != "un_votes"}
        assert {k: v for k, v in country(out, code).items() if k != "un_votes"} == before


def test_every_builder_declares_its_inputs_and_fields() -> None:
    recorded = json.loads(build.MANIFEST.read_text(encoding="utf-8"))["files"]
    for mod in build.builders():
        assert mod.OWNS, mod.__name__
        for name in mod.INPUTS:
            assert recorded[name]["read_by"] == mod.__name__
            assert len(recorded[name]["sha256"]) == 64
    assert set(recorded) == set(build.inputs(build.builders()))


# --- writing and checking -----------------------------------------------------------------------


def test_an_invalid_dataset_is_not_written(tmp_path: Path) -> None:
    target = tmp_path / "relations.json"
    target.write_text("old", encoding="utf-8")
    data = fixture()
    country(data, "CL")["relations"]["status"] = "friendly"
    with pytest.raises(datafile.BuildError, match=r"countries\[0\]\.relations\.status"):
        datafile.write(target, data, "test")
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["relations.json"]  # no temporary file left


def test_a_valid_dataset_is_written_in_the_house_layout(tmp_path: Path) -> None:
    target = tmp_path / "relations.json"
    datafile.write(target, fixture(), "test")
    text = target.read_text(encoding="utf-8")
    assert json.loads(text) == fixture()
    assert "\n     [1960, 9, 9],\n" in text  # a snapshot on one line
    assert text.endswith("}\n")


def test_a_changed_input_is_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "a.csv").write_text("x\n")
    manifest = tmp_path / "inputs.json"
    manifest.write_text(json.dumps({"files": {"a.csv": {"sha256": "0" * 64}}}))
    monkeypatch.setattr(build, "MANIFEST", manifest)

    builder = ModuleType("build_example")
    builder.INPUTS = ("a.csv",)  # type: ignore[attr-defined]

    with pytest.raises(datafile.BuildError, match=r"input changed: .*a\.csv has SHA-256 "):
        build.check_inputs(tmp_path, [builder])
    # The checksum of "x\n", computed by hand: sha256sum of a file holding x and a newline.
    digest = "73cb3858a687a8494ca3323053016282f3dad39d42cf62ca4e79dda2aac7d9ac"
    manifest.write_text(json.dumps({"files": {"a.csv": {"sha256": digest}}}))
    build.check_inputs(tmp_path, [builder])
    (tmp_path / "a.csv").unlink()
    with pytest.raises(datafile.BuildError, match=r"input missing: .*a\.csv$"):
        build.check_inputs(tmp_path, [builder])
    with pytest.raises(datafile.BuildError, match=r"inputs are not here: no folder .*nowhere"):
        build.check_inputs(tmp_path / "nowhere", [builder])


def test_differences_are_named_by_path() -> None:
    old = {
        "countries": [
            {"code": "CL", "name": "Chile", "representation": {"note_es": "a"}},
            {"code": "EC", "name": "Ecuador"},
        ],
        "sources": [{"id": "s1"}, {"id": "s2"}],
    }
    new = {
        "countries": [
            {"code": "CL", "name": "Chile", "representation": {}},
            {"code": "EC", "name": "Ecuador", "un_votes": 1},
        ],
        "sources": [{"id": "s2"}, {"id": "s1"}],
    }
    assert list(build.differences(old, new)) == [
        "countries[CL].representation.note_es: dropped by the rebuild",
        "countries[EC].un_votes: added by the rebuild (1)",
        "sources: the same items in another order",
    ]
    assert build.compare("relations.json", b'{"a": 1}', b'{"a":1}') == [
        "the same content, laid out differently (key order or formatting)"
    ]
    assert build.compare("relations.json", b"{}", b"{}") == []


def test_a_gzip_output_is_compared_by_its_content() -> None:
    import gzip

    one = gzip.compress(b'{"a": 1}', mtime=0)
    other = bytearray(gzip.compress(b'{"a": 1}', mtime=0))
    other[9] = 3 if other[9] != 3 else 255  # the header's OS byte, which Pythons set differently
    assert build.compare("unvotes.json.gz", one, bytes(other)) == []
    changed = gzip.compress(b'{"a": 2}', mtime=0)
    assert build.compare("unvotes.json.gz", one, changed) == ["a: committed 1, rebuilt 2"]


def _builder(name: str, step: Any) -> ModuleType:
    mod = ModuleType(name)
    mod.OWNS = ("x",)  # type: ignore[attr-defined]
    mod.build = step  # type: ignore[attr-defined]
    return mod


def test_the_builders_run_in_order_each_on_the_last_ones_result(tmp_path: Path) -> None:
    (tmp_path / "relations.json").write_text(FIXTURE.read_text(encoding="utf-8"))
    seen: list[str] = []

    def rename(data: dict[str, Any], reference: Path) -> tuple[dict[str, Any], dict[str, bytes]]:
        country(data, "CL")["name"] = "Chile (1)"
        return data, {}

    def check(data: dict[str, Any], reference: Path) -> tuple[dict[str, Any], dict[str, bytes]]:
        seen.append(country(data, "CL")["name"])
        return data, {"unvotes.json.gz": b"votes"}

    build.run(tmp_path, tmp_path, [_builder("one", rename), _builder("two", check)])
    assert seen == ["Chile (1)"]
    written = json.loads((tmp_path / "relations.json").read_text(encoding="utf-8"))
    assert country(written, "CL")["name"] == "Chile (1)"
    assert (tmp_path / "unvotes.json.gz").read_bytes() == b"votes"


def test_a_builder_whose_result_is_invalid_stops_the_build(tmp_path: Path) -> None:
    original = FIXTURE.read_text(encoding="utf-8")
    (tmp_path / "relations.json").write_text(original)

    def breaks(data: dict[str, Any], reference: Path) -> tuple[dict[str, Any], dict[str, bytes]]:
        country(data, "CL")["iso3"] = "chl"
        return data, {}

    def unknown(data: dict[str, Any], reference: Path) -> tuple[dict[str, Any], dict[str, bytes]]:
        return data, {"other.json": b"{}"}

    with pytest.raises(datafile.BuildError, match=r"^breaks: .*countries\[0\]\.iso3"):
        build.run(tmp_path, tmp_path, [_builder("breaks", breaks)])
    assert (tmp_path / "relations.json").read_text() == original
    with pytest.raises(datafile.BuildError, match=r"unknown writes other\.json"):
        build.run(tmp_path, tmp_path, [_builder("unknown", unknown)])
