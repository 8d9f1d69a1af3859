"""`perurel anniversaries` (`today`), through the real entry point with a fixed today
(PERUREL_TODAY): expectations are computed from the raw JSON, never from the code under test."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

import pytest

from .conftest import FIXTURE, ROOT, entry

RAW = json.loads(FIXTURE.read_text(encoding="utf-8"))
BUNDLED = json.loads((ROOT / "data" / "relations.json").read_text("utf-8"))
ROUND = {25, 50, 75, 100, 150, 200}


def mini(*args: str, today: str = "2029-06-03") -> Any:
    return entry(["--data", str(FIXTURE), "anniversaries", *args], {"PERUREL_TODAY": today})


def dated(doc: dict[str, Any]) -> list[tuple[str, str]]:
    """(date, what) of everything an anniversary can come from: the marked milestones and the
    events no such milestone tells."""
    told = set()
    out = []
    for c in doc["countries"]:
        for m in c["relations"]["history"]:
            if m["kind"] in ("established", "restored", "treaty") and m.get("date"):
                told.add(m.get("event"))
                out.append((m["date"], c["code"]))
    out += [(e["date"], e["id"]) for e in doc["events"] if e["id"] not in told]
    return out


def test_today_is_the_env_day_and_needs_a_full_date() -> None:
    result = mini("--json")
    assert result.exit_code == 0, result.output
    got = json.loads(result.stdout)
    expected = [d for d, _ in dated(RAW) if len(d) == 10 and d[5:] == "06-03" and d < "2029"]
    assert sorted(r["date"] for r in got) == sorted(expected)
    assert got and all(r["years"] == 2029 - int(r["date"][:4]) for r in got)
    assert [r["round"] for r in got] == [r["years"] in ROUND for r in got]


def test_on_a_day_and_the_alias() -> None:
    a = mini("--on", "04-05", "--json", today="2026-01-01")
    b = entry(
        ["--data", str(FIXTURE), "today", "--on", "04-05", "--json"],
        {"PERUREL_TODAY": "2026-01-01"},
    )
    assert a.exit_code == 0 and a.stdout == b.stdout
    got = json.loads(a.stdout)
    assert [(r["date"], r["years"]) for r in got] == [("1879-04-05", 147)]


def test_month_counts_month_dates_and_round_ones_come_first() -> None:
    got = json.loads(mini("--month", "2029-06", "--json").stdout)
    expected = [d for d, _ in dated(RAW) if len(d) >= 7 and d[5:7] == "06" and d < "2029"]
    assert sorted(r["date"] for r in got) == sorted(expected)
    flags = [r["round"] for r in got]
    assert flags == sorted(flags, reverse=True)  # every round one before any other


def test_year_gives_only_round_anniversaries() -> None:
    got = json.loads(mini("--year", "2029", "--json").stdout)
    expected = [d for d, _ in dated(RAW) if len(d) >= 7 and 2029 - int(d[:4]) in ROUND]
    assert sorted(r["date"] for r in got) == sorted(expected)
    assert all(r["round"] for r in got)


def test_sources_are_given() -> None:
    got = json.loads(mini("--month", "2029-06", "--json").stdout)
    by_id = {e["id"]: e for e in RAW["events"]}
    for r in got:
        if r["what"] == "event":
            assert r["sources"] == by_id[r["id"]]["sources"]
    table = mini("--month", "2029-06")
    assert all(s in table.stdout for r in got for s in r["sources"])


def test_csv_header_is_stable_when_nothing_falls() -> None:
    result = mini("--on", "02-29", "--format", "csv")
    assert result.exit_code == 0
    assert next(csv.reader(io.StringIO(result.stdout)))[:3] == ["date", "date_precision", "years"]


@pytest.mark.parametrize(
    "args",
    [
        ["--on", "13-01"],
        ["--on", "2026-10-08"],
        ["--on", "02-30"],
        ["--month", "2026-13"],
        ["--year", "26"],
        ["--on", "10-08", "--year", "2026"],
    ],
)
def test_usage_errors(args: list[str]) -> None:
    result = mini(*args)
    assert result.exit_code == 2 and "Traceback" not in result.output


def test_bad_today_is_a_usage_error() -> None:
    assert mini(today="2026-02-30").exit_code == 2


@pytest.mark.parametrize("width", [40, 60, 80, 120])
@pytest.mark.parametrize("lang", ["en", "es"])
def test_people_fit(width: int, lang: str) -> None:
    result = entry(
        ["anniversaries", "--on", "10-08", "--lang", lang],
        {"PERUREL_TODAY": "2026-12-07", "COLUMNS": str(width)},
    )
    assert result.exit_code == 0, result.output
    # no line wider, but a source id alone on its line (no word is split)
    assert all(len(line) <= width or len(line.split()) == 1 for line in result.stdout.splitlines())
    assert ("Aniversarios" if lang == "es" else "Anniversaries") in result.stdout


def test_bundled_chile_established_on_10_08() -> None:
    result = entry(["anniversaries", "--on", "10-08", "--json"], {"PERUREL_TODAY": "2026-12-07"})
    got = json.loads(result.stdout)
    chile = next(c for c in BUNDLED["countries"] if c["code"] == "CL")
    established = next(m for m in chile["relations"]["history"] if m["kind"] == "established")
    assert established["date"] == "1822-10-08"
    found = [r for r in got if r["countries"] == ["CL"] and r["kind"] == "established"]
    assert found and found[0]["years"] == 204 and found[0]["sources"] == established["sources"]
