"""Every partial date printed for scripts has its precision beside it: `<field>_precision` (year,
month or day; null with no date), `date_precision` for a `date`, in every command's JSON, JSONL
and CSV. Checked against the date's own shape (YYYY, YYYY-MM, YYYY-MM-DD), on a copy of the
fixture with dates of every precision in every dated field."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path
from typing import Any

import pytest

from .conftest import FIXTURE, ROOT, entry

VOTES_ENV = {"PERUREL_VOTES": str(ROOT / "tests" / "fixtures" / "mini-votes.json.gz")}
DATE = re.compile(r"[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?")
SHAPES = {4: "year", 7: "month", 10: "day"}


def shape(text: str | None) -> str | None:
    """The precision a date's text shows (the expectation, written apart from perurel's)."""
    if text is None or text == "":
        return None
    assert DATE.fullmatch(text), text
    return SHAPES[len(text)]


@pytest.fixture(scope="module")
def dated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture with a date of each precision in every kind of dated field."""
    raw = json.loads(FIXTURE.read_text(encoding="utf-8"))
    by_code = {c["code"]: c for c in raw["countries"]}
    chile = by_code["CL"]
    chile["relations"]["as_of"] = "2024-03"
    chile["relations"]["history"][0]["alternatives"] = [{"date": "1822-10", "sources": ["seed"]}]
    lima = chile["missions"][1]
    lima.update({"state": "closed", "closed": "2015-06", "as_of": "2015-06-30"})
    bulgaria = by_code["BG"]
    bulgaria["relations"]["history"] += [
        {"kind": "broken", "date": "1989-11", "sources": ["ministry"]},
        {"kind": "restored", "date": "1990-02-14", "sources": ["ministry"]},
    ]
    raw["sources"][1]["date"] = "2019-04"
    raw["organisations"].append(
        {
            "id": "lafta",
            "name": "Latin American Free Trade Association",
            "name_es": "Asociación Latinoamericana de Libre Comercio",
            "joined": "1961-05",
            "left": "1980-08-12",
            "note": "",
            "sources": ["ministry"],
            "members": {"codes": ["CL", "EC"], "as_of": "1980-08", "sources": ["ministry"]},
        }
    )
    raw["organisations"].append(
        {
            "id": "unsc",
            "name": "United Nations Security Council",
            "name_es": "Consejo de Seguridad de las Naciones Unidas",
            "tie": "elected-seat",
            "joined": None,
            "note": "",
            "sources": ["ministry"],
            "periods": [
                {"kind": "term", "start": "1955", "end": "1956-12", "sources": ["ministry"]},
                {"kind": "term", "start": "1973-01-01", "end": "1974", "sources": ["ministry"]},
            ],
        }
    )
    path = tmp_path_factory.mktemp("dated") / "dated.json"
    path.write_text(json.dumps(raw), encoding="utf-8")
    checked = entry(["validate", str(path)])
    assert checked.exit_code == 0, checked.output
    return path


# The record commands, on records with dated fields (votes' dates are whole days of roll calls).
COMMANDS = {
    "country": ["country", "chile"],
    "country bg": ["country", "bulgaria"],
    "countries": ["countries"],
    "missions": ["missions"],
    "timeline": ["timeline"],
    "search": ["search", "treaty"],
    "sources": ["sources"],
    "source": ["sources", "seed"],
    "stats": ["stats"],
    "orgs": ["orgs"],
    "org": ["orgs", "lafta"],
    "anniversaries": ["anniversaries", "--year", "2029"],
    "compare": ["compare", "chile", "bulgaria"],
}


def _run(dated: Path, args: list[str], *fmt: str) -> str:
    result = entry(["--data", str(dated), *args, *fmt], VOTES_ENV)
    assert result.exit_code == 0, result.output
    return result.stdout


def _walk(node: Any, where: str, seen: set[str]) -> None:
    """Every date-shaped value has its precision beside it, and every precision its date."""
    if isinstance(node, list):
        for i, item in enumerate(node):
            _walk(item, f"{where}[{i}]", seen)
        return
    if not isinstance(node, dict):
        return
    for key, value in node.items():
        here = f"{where}.{key}"
        if key.endswith("_precision"):
            base = key.removesuffix("_precision")
            assert base in node, here
            dates = node[base] if isinstance(node[base], list) else [node[base]]
            given = value if isinstance(value, list) else [value]
            assert given == [shape(d) for d in dates], here
            seen.update(p for p in given if p)
        elif key not in ("title", "id", "name") and any(
            isinstance(v, str) and DATE.fullmatch(v)
            for v in (value if isinstance(value, list) else [value])
        ):
            assert f"{key}_precision" in node, f"{here} has no precision beside it"
        _walk(value, here, seen)


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_json_gives_every_dates_precision(dated: Path, name: str) -> None:
    seen: set[str] = set()
    _walk(json.loads(_run(dated, COMMANDS[name], "--json")), name, seen)
    assert seen  # every command here prints dates


def test_the_fixture_gives_every_precision(dated: Path) -> None:
    seen: set[str] = set()
    for name, args in COMMANDS.items():
        _walk(json.loads(_run(dated, args, "--json")), name, seen)
    assert seen == {"year", "month", "day"}


def test_jsonl_gives_every_dates_precision(dated: Path) -> None:
    for args in (COMMANDS["missions"], COMMANDS["orgs"], COMMANDS["countries"]):
        lines = _run(dated, args, "--format", "jsonl").splitlines()
        for line in lines:
            _walk(json.loads(line), " ".join(args), set())


@pytest.mark.parametrize("name", sorted(set(COMMANDS) - {"compare"}))
def test_csv_gives_every_dates_precision(dated: Path, name: str) -> None:
    rows = list(csv.DictReader(io.StringIO(_run(dated, COMMANDS[name], "--format", "csv"))))
    assert rows
    columns = list(rows[0])
    for column in columns:
        cells = [row[column] for row in rows if row[column]]
        if column.endswith("_precision"):
            base = column.removesuffix("_precision")
            assert columns.index(base) == columns.index(column) - 1, column  # right beside it
            assert [row[column] or None for row in rows] == [shape(row[base]) for row in rows]
        elif cells and all(DATE.fullmatch(c) for c in cells) and column not in ("title", "id"):
            assert f"{column}_precision" in columns, f"{name}: {column} has no precision"


def test_compare_rows_give_the_precision_of_each_side(dated: Path) -> None:
    doc = json.loads(_run(dated, COMMANDS["compare"], "--json"))
    rows = list(csv.DictReader(io.StringIO(_run(dated, COMMANDS["compare"], "--format", "csv"))))
    by_field = {row["field"]: row for row in rows}
    for field in ("as_of", "established"):
        row = by_field[f"{field}_precision"]
        assert [row["a"] or None, row["b"] or None] == [shape(d) for d in doc[field]]
    assert [by_field["as_of_precision"]["a"], by_field["as_of_precision"]["b"]] == ["month", "year"]


@pytest.mark.parametrize("window", [[], ["--since", "1980", "--until", "1999-12"]])
def test_votes_give_the_precision_of_the_window_asked(dated: Path, window: list[str]) -> None:
    """`votes COUNTRY`: the window is the dates asked for, at their precision; the roll calls'
    own dates (first_vote, last_vote) are whole days in the voting data."""
    doc = json.loads(_run(dated, ["votes", "chile", *window], "--json"))
    seen: set[str] = set()
    _walk({k: v for k, v in doc.items() if k not in ("first_vote", "last_vote")}, "votes", seen)
    assert [doc["since_precision"], doc["until_precision"]] == [
        shape(doc["since"]),
        shape(doc["until"]),
    ]
    assert all(shape(doc[k]) == "day" for k in ("first_vote", "last_vote"))
    rows = list(
        csv.DictReader(io.StringIO(_run(dated, ["votes", "chile", *window], "--format", "csv")))
    )
    assert [rows[0]["since_precision"], rows[0]["until_precision"]] == [
        shape(doc["since"]) or "",
        shape(doc["until"]) or "",
    ]
