"""The generic walk along the schema (`perurel.schema_check`): each field's shape, reported with
the path and message of the validator, beside the rules that cross records (`validate.py`)."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable, Iterator
from datetime import date
from typing import Any

import pytest

from perurel import schema_check, validate

from .conftest import FIXTURE, ROOT

FIXTURE_DATA = json.loads(FIXTURE.read_text(encoding="utf-8"))


def _walk(data: dict[str, Any]) -> list[validate.Problem]:
    """The problems the walk alone finds in every record of `data`."""
    problems: list[validate.Problem] = []
    walker = schema_check.Walker(
        validate.schema()["$defs"],
        lambda path, message: problems.append(validate.Problem(path, message)),
        date.today(),
    )
    for key, record in RECORDS:
        for i, rec in enumerate(data[key]):
            walker.record(rec, record, f"{key}[{i}]")
    return problems


RECORDS = [
    ("sources", "source"),
    ("countries", "country"),
    ("events", "event"),
    ("organisations", "organisation"),
]


def _lines(problems: list[validate.Problem]) -> set[str]:
    return {str(p) for p in problems}


@pytest.mark.parametrize("name", ["fixture", "bundled"])
def test_the_valid_datasets_have_no_shape_problem(name: str) -> None:
    path = FIXTURE if name == "fixture" else ROOT / "data" / "relations.json"
    assert _walk(json.loads(path.read_text(encoding="utf-8"))) == []


def _set(*keys: Any, value: Any) -> Callable[[dict[str, Any]], None]:
    def mutate(data: dict[str, Any]) -> None:
        node = data
        for key in keys[:-1]:
            node = node[key]
        if value is KeyError:
            del node[keys[-1]]
        else:
            node[keys[-1]] = value

    return mutate


TIERS = "'official', 'scholarly', 'press', 'encyclopedia', 'other'"


@pytest.mark.parametrize(
    ("mutate", "expected"),
    [
        (
            _set("events", 0, "title", value=5),
            "events[0].title: expected a non-empty string, found 5",
        ),
        (_set("events", 0, "summary", value=" "), "events[0].summary: expected a non-empty string"),
        (_set("events", 0, "kind", value=KeyError), "events[0]: missing required field 'kind'"),
        (_set("events", 0, value="x"), "events[0]: expected an object, found a string"),
        (
            _set("sources", 0, "tier", value="blog"),
            f"sources[0].tier: 'blog' is not one of {TIERS}",
        ),
        (
            _set("sources", 0, "author", value=["Smith,John"]),
            "sources[0].author[0]: 'Smith,John' is neither 'Family, Given' nor an institution",
        ),
        (
            _set("sources", 0, "url", value="ftp://example.org"),
            "sources[0].url: 'ftp://example.org' is not an http or https URL",
        ),
        (
            _set("countries", 0, "iso3", value="chl"),
            "countries[0].iso3: 'chl' is not an ISO 3166-1 alpha-3 code",
        ),
        (
            _set("countries", 0, "code", value="Chile"),
            "countries[0].code: 'Chile' is not an ISO 3166-1 alpha-2 code",
        ),
        (
            _set("organisations", 0, "id", value="Pacific Alliance"),
            "organisations[0].id: 'Pacific Alliance' is not a valid id (lower-case letters,"
            " digits, '.', '_', '-')",
        ),
        (
            _set("organisations", 0, "until", value="2020-02-30"),
            "organisations[0].until: '2020-02-30' is not a valid date (YYYY, YYYY-MM or"
            " YYYY-MM-DD)",
        ),
        (
            _set("countries", 0, "missions", 0, "city", value=""),
            "countries[0].missions[0].city: expected a non-empty string, found ''",
        ),
        (
            _set(
                "organisations", 0, "periods", value=[{"kind": "nap", "start": "1990", "end": None}]
            ),
            "organisations[0].periods[0].kind: 'nap' is not one of 'term', 'suspension'",
        ),
        (
            _set("countries", 0, "missions", value="x"),
            "countries[0].missions: expected a list, found 'x'",
        ),
        (
            _set("countries", 0, "relations", "history", value={}),
            "countries[0].relations.history: expected a list, found an object",
        ),
        (
            _set("countries", 0, "relations", "history", 0, "note", value=3),
            "countries[0].relations.history[0].note: expected a non-empty string, found 3",
        ),
    ],
)
def test_the_walk_finds_each_shape_problem_and_the_validator_reports_it(
    mutate: Callable[[dict[str, Any]], object], expected: str
) -> None:
    data = copy.deepcopy(FIXTURE_DATA)
    mutate(data)
    assert any(line.startswith(expected) for line in _lines(_walk(data)))
    # once: the rules written by hand do not report it again
    found = [str(p) for p in validate.check(data) if str(p).startswith(expected)]
    assert found == [str(p) for p in _walk(data) if str(p).startswith(expected)]
    assert len(found) == 1


@pytest.mark.parametrize(
    "mutate",
    [
        _set("organisations", 0, "left", value=None),  # nullable: oneOf [date, null]
        _set("countries", 0, "missions", 0, "city", value=None),
        _set("sources", 0, "found_in", value="no-such-source"),  # a reference: crosses records
    ],
)
def test_what_the_schema_allows_or_leaves_to_the_rules_that_cross_records(
    mutate: Callable[[dict[str, Any]], object],
) -> None:
    data = copy.deepcopy(FIXTURE_DATA)
    mutate(data)
    assert _walk(data) == []


def _strings(node: Any) -> Iterator[dict[str, Any]]:
    if isinstance(node, dict):
        if "pattern" in node or "format" in node:
            yield node
        for value in node.values():
            yield from _strings(value)
    elif isinstance(node, list):
        for value in node:
            yield from _strings(value)


def test_every_pattern_has_a_format_the_walk_knows() -> None:
    """A string's `pattern` is for other JSON-Schema tools; the walk checks its `format`, and
    reads no pattern, so none may come without one."""
    walker = schema_check.Walker({}, lambda path, message: None, date.today())
    known = set(walker._formats)
    for node in _strings(validate.schema()):
        assert node.get("format") in known, node
