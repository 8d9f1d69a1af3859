"""One field vocabulary: every field of every record command is documented, selectable, and
never an empty column; lists and objects are selected whole or refused with a reason."""

from __future__ import annotations

import csv
import io
import json
import re

import pytest

from perurel.fields import MEANINGS, meaning
from perurel.spec import COMMANDS, VOTES_FIELDS

from .conftest import ROOT, Invoke, Run

# A command line of each record command that finds records in the fixture dataset.
ARGS = {
    "country": ["country", "chile"],
    "timeline": ["timeline"],
    "countries": ["countries"],
    "missions": ["missions"],
    "search": ["search", "war"],
    "sources": ["sources"],
    "stats": ["stats"],
    "orgs": ["orgs"],
    "anniversaries": ["anniversaries", "--month", "2026-04"],
}
# `votes` answers four questions, each with its own fields (spec.VOTES_FIELDS).
VOTES_ARGS = {
    "country": ["votes", "chile"],
    "rank": ["votes", "--rank", "--min-votes", "1"],
    "resolution": ["votes", "--rcid", "9058"],
    "peru": ["votes", "--peru"],
}
RECORD_COMMANDS = [name for name, cmd in COMMANDS.items() if cmd.fields]
# the bibliography counts citations; one source lists them too (cited_by)
WALKS = [
    (name, ARGS[name], COMMANDS[name].fields[: -1 if name == "sources" else None]) for name in ARGS
] + [(f"votes {mode}", VOTES_ARGS[mode], VOTES_FIELDS[mode]) for mode in VOTES_ARGS]
WALKS.append(("sources one", ["sources", "ministry"], COMMANDS["sources"].fields))
ENV = {"PERUREL_VOTES": str(ROOT / "tests" / "fixtures" / "mini-votes.json.gz")}


def test_every_record_command_is_walked() -> None:
    # compare prints one row per compared field (its walk is in tests/test_compare.py)
    assert sorted([*ARGS, "votes", "compare"]) == sorted(RECORD_COMMANDS)
    assert sorted(VOTES_ARGS) == sorted(VOTES_FIELDS)


@pytest.mark.parametrize("name", RECORD_COMMANDS)
def test_every_field_has_a_meaning_and_is_listed(name: str, run_mini: Invoke) -> None:
    for field in COMMANDS[name].fields:
        assert meaning(name, field)
    args = {"votes": VOTES_ARGS["country"], "compare": ["compare", "chile", "ecuador"]}.get(
        name
    ) or ARGS[name]
    result = run_mini(*args, "--fields", "help", env=ENV)
    assert result.exit_code == 0
    head, *rows = result.stdout.splitlines()
    assert head == f"Fields of `perurel {name}` (for --fields; a dotted name reaches inside):"
    listed = [row.split()[0] for row in rows]
    # the fields of the question asked: a country's votes; the bibliography (no cited_by)
    declared = {"votes": VOTES_FIELDS["country"], "sources": COMMANDS["sources"].fields[:-1]}.get(
        name, COMMANDS[name].fields
    )
    # the declared fields, in their order; besides them only dotted names inside one of them
    assert [f for f in listed if f in declared] == list(declared)
    assert all(f.split(".")[0] in declared for f in listed), listed
    for row in rows:
        assert row.startswith("  ") and len(row.split(maxsplit=1)) == 2, row  # a name, a meaning


@pytest.mark.parametrize("mode", sorted(VOTES_ARGS))
def test_fields_help_lists_only_the_fields_of_the_votes_question_asked(
    mode: str, run_mini: Invoke
) -> None:
    rows = run_mini(*VOTES_ARGS[mode], "--fields", "help", env=ENV).stdout.splitlines()[1:]
    assert [row.split()[0] for row in rows] == list(VOTES_FIELDS[mode])


def test_fields_help_gives_every_value_of_a_closed_field(run_mini: Invoke) -> None:
    def meanings(*args: str) -> dict[str, str]:
        rows = run_mini(*args, "--fields", "help").stdout.splitlines()[1:]
        return {row.split()[0]: row.split(maxsplit=1)[1] for row in rows}

    status = meanings("countries")["relations.status"]
    for value in ("active", "suspended", "broken", "none", "unknown"):
        assert value in status
    kinds = meanings("missions")["kind"]
    assert all(k in kinds for k in ("embassy", "consular-agency", "office", "accredited-from"))
    events = meanings("timeline")["kind"]
    assert all(k in events for k in ("treaty", "recognition", "membership", "politics"))
    assert "..." not in events
    # a search finds events, countries and organisations (sources are not searched)
    found = {
        hit["kind"]
        for words in ("chile", "united nations", "ministry", "relations")
        for hit in json.loads(run_mini("search", words, "--json").stdout)
    }
    listed = re.findall(r"\b(event|country|organisation|source)\b", meanings("search", "x")["kind"])
    assert sorted(listed) == sorted(found) == ["country", "event", "organisation"]


def test_fields_help_gives_a_commands_narrower_meaning(run_mini: Invoke) -> None:
    rows = run_mini("orgs", "--fields", "help").stdout.splitlines()
    meanings = {row.split()[0]: row.split(maxsplit=1)[1] for row in rows[1:]}
    assert meanings["note"] == "how the dates were read from the sources"
    assert meanings["id"] == "the record's stable id"


@pytest.mark.parametrize(("name", "args", "fields"), WALKS)
def test_json_records_have_exactly_the_declared_fields(
    name: str, args: list[str], fields: tuple[str, ...], run_mini: Invoke
) -> None:
    doc = json.loads(run_mini(*args, "--json", env=ENV).stdout)
    records = doc if isinstance(doc, list) else [doc]
    assert records
    for record in records:
        assert set(record) <= set(fields), name


@pytest.mark.parametrize(("name", "args", "fields"), WALKS)
def test_every_field_is_a_full_column(
    name: str, args: list[str], fields: tuple[str, ...], run_mini: Invoke
) -> None:
    """Selecting any field gives a column with that header, filled wherever the JSON has a value."""
    doc = json.loads(run_mini(*args, "--json", env=ENV).stdout)
    records = doc if isinstance(doc, list) else [doc]
    for field in fields:
        for fmt in ("csv", "table"):
            result = run_mini(*args, "--fields", field, "--format", fmt, env=ENV)
            assert result.exit_code == 0, (field, result.stderr)
        out = run_mini(*args, "--fields", field, "--format", "csv", env=ENV).stdout
        rows = list(csv.DictReader(io.StringIO(out)))
        assert list(rows[0]) == [field]
        for record, row in zip(records, rows, strict=True):
            value = record.get(field)
            if value not in (None, "", [], {}):
                assert row[field], (name, field)


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["country", "chile", "--fields", "missions.city"], "missions is a list"),
        (["country", "chile", "--fields", "relations.nope"], "relations has no field 'nope'"),
        (["countries", "--fields", "code,status"], "unknown field 'status'"),
        (["countries", "--fields", "missions"], "unknown field 'missions'"),
    ],
)
def test_fields_that_cannot_be_a_column_are_usage_errors(
    run_mini: Invoke, args: list[str], words: str
) -> None:
    result = run_mini(*args)
    assert result.exit_code == 2
    assert words in result.stderr


def test_a_country_row_is_the_country_record_without_long_lists(run_mini: Invoke) -> None:
    rows = json.loads(run_mini("countries", "--json").stdout)
    for row in rows:
        card = json.loads(run_mini("country", row["code"], "--exact", "--json").stdout)
        for key, value in row.items():
            if key in ("mission_count", "event_count"):
                continue
            if key == "relations":
                assert value == {k: card["relations"][k] for k in value}
            else:
                assert value == card[key], key
        assert row["mission_count"] == len(card["missions"])
        assert row["event_count"] == len(card["events"])


def test_shared_names_mean_the_same_in_every_command() -> None:
    """A name two commands share has one meaning, unless a command narrows it on purpose."""
    used = {f for cmd in COMMANDS.values() for f in cmd.fields}
    assert used <= set(MEANINGS)


@pytest.mark.parametrize("fmt", ["csv", "tsv", "markdown"])
def test_an_empty_table_still_has_its_header(run_mini: Invoke, fmt: str) -> None:
    out = run_mini("timeline", "--since", "2030", "--format", fmt).stdout
    assert "date" in out.splitlines()[0] and "title" in out.splitlines()[0]
    picked = run_mini("timeline", "--since", "2030", "--format", fmt, "--fields", "date,title")
    assert picked.stdout.splitlines()[0].replace("|", "").split() in (
        ["date,title"],
        ["date", "title"],
    )


def test_the_docs_warn_about_namibias_code_in_pandas(run: Run) -> None:
    rows = run("countries", "--format", "csv", "--fields", "code,name").stdout.splitlines()
    assert "NA,Namibia" in rows  # a real code that pandas reads as missing by default
    data_md = (ROOT / "docs" / "data.md").read_text(encoding="utf-8")
    assert "keep_default_na=False" in data_md and "Namibia's code is `NA`" in data_md
