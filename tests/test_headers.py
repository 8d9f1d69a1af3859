"""One header per command: CSV, TSV and Markdown print the same columns in the same order for an
empty and a full result (and for any two records of a command), with or without --fields."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from .conftest import FIXTURE, entry

VOTES_ENV = {"PERUREL_VOTES": str(Path(__file__).parent / "fixtures" / "mini-votes.json.gz")}

# For each command, command lines whose results differ: one empty (or a record without the
# optional keys) and one full.
PAIRS = {
    "timeline": (["timeline", "--since", "2090"], ["timeline"]),
    "countries": (["countries", "--status", "broken", "--region", "Europe"], ["countries"]),
    "missions": (["missions", "--kind", "office"], ["missions"]),
    "search": (["search", "zzzzqqqq"], ["search", "treaty"]),
    "sources": (["sources", "--tier", "press"], ["sources"]),
    "country": (["country", "north korea"], ["country", "chile"]),
    "orgs": (["orgs", "united", "nations"], ["orgs"]),
    "votes rank": (
        ["votes", "--rank", "--min-votes", "100000"],
        ["votes", "--rank", "--min-votes", "1"],
    ),
    "anniversaries": (["anniversaries", "--on", "01-02"], ["anniversaries", "--on", "04-05"]),
    "votes country": (
        ["votes", "chile", "--since", "2019-12-31", "--until", "2019-12-31"],
        ["votes", "chile"],
    ),
}
FIELDS = {
    "timeline": "date,title_es,countries,date_precision",
    "countries": "name,relations.status,relations,relations.established_precision,event_count",
    "missions": "host,accredited_from,closed_precision,kind",
    "search": "score,title",
    "sources": "cited,id,date_precision",
    "country": "code,relations.first,un_votes",
    "orgs": "name,left,left_precision,members.codes,members.as_of_precision",
    "votes rank": "rank,code",
    "anniversaries": "years,date_precision,title",
    "votes country": "overall,since",
}


def _header(args: list[str], fmt: str) -> list[str]:
    result = entry(["--data", str(FIXTURE), *args, "--format", fmt], VOTES_ENV)
    assert result.exit_code == 0, (args, result.output)
    first = result.stdout.split("\n", 1)[0]
    if fmt == "csv":
        return next(csv.reader(io.StringIO(first)))
    if fmt == "tsv":
        return first.split("\t")
    return [c.strip() for c in first.strip("|").split("|")]


@pytest.mark.parametrize("fmt", ["csv", "tsv", "markdown"])
@pytest.mark.parametrize("name", sorted(PAIRS))
@pytest.mark.parametrize("fields", [False, True])
def test_one_header_whatever_the_result(name: str, fmt: str, fields: bool) -> None:
    extra = ["--fields", FIELDS[name]] if fields else []
    one, other = (_header([*args, *extra], fmt) for args in PAIRS[name])
    assert one == other
    if fields:
        assert one == FIELDS[name].split(",")
    assert len(one) == len(set(one))


def test_a_field_holding_an_object_is_its_dotted_columns_even_when_empty() -> None:
    empty = _header(PAIRS["countries"][0], "csv")
    assert "relations" not in empty
    assert [c for c in empty if c.startswith("relations.")] == [
        "relations.status",
        "relations.as_of",
        "relations.as_of_precision",
        "relations.established",
        "relations.established_precision",
        "relations.first.kind",
        "relations.first.date",
        "relations.first.date_precision",
    ]


def test_the_header_follows_the_declared_fields() -> None:
    from perurel.spec import COMMANDS

    full = _header(PAIRS["timeline"][1], "csv")
    assert full == list(COMMANDS["timeline"].fields)
