"""`perurel map`: the SVG is well-formed, has one shape or marker per state of the record, and
every fill follows the record's data, each view checked against classes computed here from the
raw JSON (not through perurel's records)."""

from __future__ import annotations

import json
import os
import pty
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest

from .conftest import ROOT, entry

SVG = "{http://www.w3.org/2000/svg}"
RECORD = json.loads((ROOT / "data" / "relations.json").read_text(encoding="utf-8"))
STATES = {c["code"]: c for c in RECORD["countries"]}


def draw(*args: str) -> ET.Element:
    result = entry(["map", *args])
    assert result.exit_code == 0, result.stderr
    return ET.fromstring(result.stdout.encode())


def states(root: ET.Element) -> dict[str, ET.Element]:
    found = [g for g in root.iter(f"{SVG}g") if g.get("class") == "st"]
    by_code: dict[str, ET.Element] = {}
    for g in found:
        code = g.get("data-code")
        assert code is not None
        by_code.setdefault(code, g)
    return by_code


def legend(root: ET.Element) -> dict[str, str]:
    """Each class of the legend → its swatch's fill."""
    out = {}
    for key in root.iter(f"{SVG}g"):
        if key.get("class") == "key":
            rect = key.find(f"{SVG}rect")
            assert rect is not None
            out[str(key.get("data-class"))] = str(rect.get("fill"))
    return out


# --- the expectations, from the raw record -------------------------------------------------------


def expect_status(c: dict[str, Any]) -> str:
    return str(c["relations"]["status"])


def expect_established(c: dict[str, Any]) -> str:
    dates = [m["date"] for m in c["relations"]["history"] if m["kind"] == "established"]
    if not dates:
        return "undated"
    year = int(dates[0][:4])
    return (
        "to-1899"
        if year <= 1899
        else "1900-1944"
        if year <= 1944
        else "1945-1989"
        if year <= 1989
        else "1990-"
    )


def expect_missions(c: dict[str, Any]) -> str:
    open_ = [m for m in c["missions"] if m["state"] == "open"]
    ours = any(m["kind"] == "embassy" and m["owner"] == "PE" for m in open_)
    theirs = any(m["kind"] == "embassy" and m["host"] == "PE" for m in open_)
    if ours or theirs:
        return {(True, True): "both", (True, False): "peru", (False, True): "partner"}[
            (ours, theirs)
        ]
    return "concurrent" if any(m["kind"] == "accredited-from" for m in open_) else "none"


def expect_votes(c: dict[str, Any]) -> str:
    votes = c.get("un_votes")
    if not votes or not votes["votes"]:
        return "no-vote"
    share = votes["agreement"]
    bands = [(90, "90-"), (80, "80-90"), (70, "70-80"), (60, "60-70"), (0, "to-60")]
    return next(key for floor, key in bands if share >= floor)


EXPECT = {
    "status": expect_status,
    "established": expect_established,
    "missions": expect_missions,
    "votes": expect_votes,
}


# --- the tests -----------------------------------------------------------------------------------


def test_one_shape_or_marker_per_state_of_the_record() -> None:
    root = draw()
    groups = [g for g in root.iter(f"{SVG}g") if g.get("class") == "st"]
    codes = [g.get("data-code") for g in groups if g.find(f"{SVG}path") is not None]
    dots = [g.get("data-code") for g in groups if g.find(f"{SVG}circle") is not None]
    # A state too small to see has its shape and, drawn on top, a marker of the same class.
    assert set(codes) | set(dots) == set(STATES)
    ids = [g.get("id") for g in root.iter() if g.get("id")]
    assert len(ids) == len(set(ids))  # ids are unique (a tiny state's dot has its own)
    assert len(codes) == len(set(codes)) and len(dots) == len(set(dots))
    for code in ("VA", "MC", "TV", "NR", "SM", "LI"):  # no 1:110m shape: a marker only
        assert code in dots and code not in codes, code
    assert {"CL", "MX", "BR", "RU"} <= set(codes)
    peru = [g for g in root.iter(f"{SVG}g") if g.get("id") == "peru"]
    assert len(peru) == 1 and "PE" not in STATES  # Peru is marked, not a state of its own record


@pytest.mark.parametrize("by", sorted(EXPECT))
def test_each_fill_follows_the_record(by: str) -> None:
    root = draw("--by", by)
    colours = legend(root)
    assert len(set(colours.values())) == len(colours), colours  # every class tells apart
    for group in (g for g in root.iter(f"{SVG}g") if g.get("class") == "st"):
        code = str(group.get("data-code"))
        want = EXPECT[by](STATES[code])
        assert group.get("data-class") == want, (by, code)
        assert group.get("fill") == colours[want], (by, code)


def test_the_special_cases_are_drawn_as_the_record_has_them() -> None:
    root = draw()
    found = states(root)
    for code in ("XK", "PS", "TW", "VA"):
        assert found[code].get("data-class") == STATES[code]["relations"]["status"]
    others = {g.get("data-name") for g in root.iter(f"{SVG}g") if g.get("class") == "other"}
    assert "Western Sahara" in others and "EH" not in STATES  # not a state in the record
    assert not any("Cyprus" in str(n) or "Somaliland" in str(n) for n in others)
    # Northern Cyprus is drawn with Cyprus: two outlines in one path.
    path = found["CY"].find(f"{SVG}path")
    assert path is not None and str(path.get("d")).count("M") >= 2


def test_title_legend_newest_date_and_sources() -> None:
    result = entry(["map", "--by", "status"])
    text = result.stdout
    assert "Peru&#39;s diplomatic relations with each state" in text
    newest = max(
        c["relations"]["as_of"] for c in RECORD["countries"] if c["relations"].get("as_of")
    )
    assert f"newest fact shown: {newest}" in text
    assert "Natural Earth" in text and "perurel sources" in text
    votes = entry(["map", "--by", "votes"]).stdout
    assert "2000–2019" in votes and "Voeten" in votes


def test_established_window_matches_countries_since() -> None:
    root = draw("--by", "established", "--since", "1990", "--until", "1999")
    listed = entry(["countries", "--since", "1990", "--until", "1999", "--json"])
    inside = {row["code"] for row in json.loads(listed.stdout)}
    assert inside
    found = states(root)
    assert "outside" in legend(root) and "outside" not in legend(draw("--by", "established"))
    assert {c for c, g in found.items() if g.get("data-class") == "1990-"} == inside
    for code, g in found.items():
        if code not in inside:
            assert g.get("data-class") in ("outside", "undated"), code


def test_votes_over_a_window_agree_with_the_record_summary() -> None:
    # The record's summaries are 2000-2019; recomputed from the roll calls, the classes agree.
    root = draw("--by", "votes", "--since", "2000", "--until", "2019")
    for code, g in states(root).items():
        assert g.get("data-class") == expect_votes(STATES[code]), code


def test_in_spanish() -> None:
    result = entry(["--lang", "es", "map", "--by", "established"])
    root = ET.fromstring(result.stdout.encode())
    assert root.get("data-lang") == "es"
    assert "Cuándo estableció el Perú relaciones" in result.stdout
    assert "desde 1990" in result.stdout and "PERÚ" in result.stdout
    assert states(root)["DE"].get("data-name") == "Alemania"
    others = {g.get("data-name") for g in root.iter(f"{SVG}g") if g.get("class") == "other"}
    assert "Sahara Occidental" in others


@pytest.mark.parametrize(
    "args",
    [
        ["--by", "status", "--since", "2000"],
        ["--by", "missions", "--until", "2000"],
        ["--by", "established", "--since", "1990-13"],
        ["--by", "established", "--since", "2000", "--until", "1990"],
        ["--by", "nope"],
        ["--format", "png"],
    ],
)
def test_usage_errors(args: list[str]) -> None:
    result = entry(["map", *args])
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output and result.stdout == ""


def test_output_file_html_by_suffix_and_atomic(tmp_path: Path) -> None:
    target = tmp_path / "votes.html"
    target.write_text("old")
    result = entry(["map", "--by", "votes", "-o", str(target)])
    assert result.exit_code == 0 and result.stdout == "" and result.stderr == ""
    page = target.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "<svg" in page
    assert sorted(p.name for p in tmp_path.iterdir()) == ["votes.html"]  # no temporary left
    # Nothing is fetched at view time: no external reference, and a policy that forbids it.
    assert "default-src 'none'" in page
    for attr in (' src="', " href=", "url(http", "@import"):
        assert attr not in page
    svg = tmp_path / "m.svg"
    assert entry(["map", "--format", "svg", "-o", str(svg)]).exit_code == 0
    ET.parse(svg)


def test_dash_is_stdout() -> None:
    result = entry(["map", "--format", "html", "-o", "-"])
    assert result.exit_code == 0 and result.stdout.startswith("<!DOCTYPE html>")


def test_a_device_is_written_to_not_replaced() -> None:
    result = entry(["map", "-o", os.devnull])
    assert result.exit_code == 0, result.stderr
    assert not Path(os.devnull).is_file()  # still the device


def test_unwritable_output_is_one_line(tmp_path: Path) -> None:
    result = entry(["map", "-o", str(tmp_path / "missing" / "m.svg")])
    assert result.exit_code == 2 and result.stderr.startswith("perurel: error: cannot write")


def test_on_a_terminal_it_writes_a_file_and_says_where(tmp_path: Path) -> None:
    (tmp_path / "perurel-map-status.svg").write_text("keep")
    main, secondary = pty.openpty()
    try:
        done = subprocess.run(
            [sys.executable, "-m", "perurel", "map"],
            stdin=secondary,
            stdout=secondary,
            stderr=subprocess.PIPE,
            cwd=tmp_path,
            env={**os.environ, "NO_COLOR": "1"},
            timeout=60,
            check=True,
        )
    finally:
        os.close(secondary)
        os.close(main)
    assert done.stderr.decode() == "perurel: wrote the map to ./perurel-map-status-2.svg\n"
    assert (tmp_path / "perurel-map-status.svg").read_text() == "keep"
    ET.parse(tmp_path / "perurel-map-status-2.svg")


def test_a_custom_dataset_notes_states_without_a_place(tmp_path: Path) -> None:
    doc = json.loads((ROOT / "tests" / "fixtures" / "mini.json").read_text(encoding="utf-8"))
    extra = json.loads(json.dumps(doc["countries"][0]))
    extra.update(code="QZ", iso3="QZZ", name="Qzland", name_es="Qzlandia", aliases=[])
    doc["countries"][0]["name"] = "Evil <b>& name"  # markup stays text
    extra["missions"] = []
    doc["countries"].append(extra)
    path = tmp_path / "data.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    result = entry(["--data", str(path), "map"])
    assert result.exit_code == 0, result.stderr
    assert "1 states have no place on the map: QZ" in result.stderr
    root = ET.fromstring(result.stdout.encode())  # still well-formed
    codes = set(states(root))
    assert codes == {c["code"] for c in doc["countries"]} - {"QZ"}
    assert states(root)[doc["countries"][0]["code"]].get("data-name") == "Evil <b>& name"


def test_the_bundled_map_is_small_and_says_where_it_comes_from() -> None:
    path = ROOT / "data" / "world.json"
    assert path.stat().st_size <= 300_000
    world = json.loads(path.read_text(encoding="utf-8"))
    assert "Natural Earth" in world["source"]["title"]
    assert "public domain" in world["source"]["licence"]
    assert world["projection"]["name"] == "Equal Earth"
