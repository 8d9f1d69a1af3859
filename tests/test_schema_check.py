"""The generic walk along the schema (`perurel.schema_check`): each field's shape, reported with
the path and message of the validator, beside the rules that cross records (`validate.py`)."""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Callable, Iterator
from datetime import date
from typing import Any

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

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


def _walk_one(defs: dict[str, Any], value: Any, name: str, path: str) -> list[str]:
    """The problems the walk finds in `value` as the record `name` of `defs`, as lines."""
    lines: list[str] = []
    walker = schema_check.Walker(
        defs, lambda where, message: lines.append(f"{where}: {message}"), date.today()
    )
    walker.record(value, name, path)
    return lines


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
        if node.get("type") == "integer":  # a year: not in the future
            assert node.get("format") == "year", node
        else:
            assert node.get("format") in known, node


def _specs(spec: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """Every spec in the schema: the top, its $defs, and the specs nested in them."""
    yield spec
    for key in ("$defs", "properties"):
        for sub in spec.get(key, {}).values():
            yield from _specs(sub)
    for key in ("prefixItems", "allOf", "oneOf"):
        for sub in spec.get(key, []):
            yield from _specs(sub)
    for key in ("items", "if", "then", "else", "not", "contains"):
        if key in spec:
            yield from _specs(spec[key])


def test_the_walk_reads_every_keyword_of_the_schema() -> None:
    """A keyword the walk does not read would be a rule no one checks: the schema uses only the
    keywords it reads and annotations."""
    allowed = schema_check.KEYWORDS | schema_check.ANNOTATIONS
    used = {key for spec in _specs(validate.schema()) for key in spec}
    assert used - allowed == set()
    # and what the rules the schema states are, read off the keywords it uses
    assert {"if", "then", "else", "allOf", "dependentRequired", "prefixItems", "contains"} <= used


# Rules within one record that the schema states (conditions, counts, ranges, pairs of
# languages), each as a change to the fixture, the one problem it makes, and whether other
# JSON-Schema tools see it too (perurel's own `format`s and `translates` are its own).
def _append(*keys: Any, value: Any) -> Callable[[dict[str, Any]], None]:
    def mutate(data: dict[str, Any]) -> None:
        node: Any = data
        for key in keys:
            node = node[key]
        node.append(value)

    return mutate


RULES = [
    (
        _set("events", 0, "sources", value=[]),
        "events[0].sources: a fact needs at least one source",
        True,
    ),
    (
        _set("events", 0, "countries", value=["CL", "CL"]),
        "events[0].countries[1]: 'CL' is given twice",
        True,
    ),
    (
        _set("countries", 0, "relations", "as_of", value=KeyError),
        "countries[0].relations: missing required field 'as_of'",
        True,
    ),
    (
        _set("countries", 0, "relations", "status", value="unknown"),
        "countries[0].relations.history: 'unknown' although the history has milestones",
        True,
    ),
    (
        _set("countries", 0, "missions", 0, "as_of", value=KeyError),
        "countries[0].missions[0]: missing required field 'as_of'",
        True,
    ),
    (
        _set("countries", 0, "missions", 0, "closed", value="2001"),
        "countries[0].missions[0].closed: only a closed mission has a closing date",
        True,
    ),
    (
        _set("countries", 0, "summary_sources", value=KeyError),
        "countries[0]: missing required field 'summary_sources'",
        True,
    ),
    (
        _set("countries", 0, "summary_es", value=KeyError),
        "countries[0].summary_es: missing the Spanish text of 'summary'",
        False,
    ),
    (
        _set("sources", 0, "note_es", value="Solo en castellano."),
        "sources[0].note_es: a Spanish text without an English 'note'",
        False,
    ),
    (
        _set("countries", 0, "relations", "history", 0, "counterpart", value="Gran Colombia"),
        "countries[0].relations.history[0].counterpart_es: missing the Spanish text of"
        " 'counterpart'",
        False,
    ),
    (
        _set("countries", 0, "relations", "history", 0, "date", value=None),
        "countries[0].relations.history[0]: only a 'restored' no source dates may have a null"
        " 'date'",
        True,
    ),
    (
        _append(
            "countries",
            0,
            "relations",
            "history",
            value={"kind": "broken", "date": "1900", "sources": ["seed"]},
        ),
        None,  # a break not mended: the status says so (a rule across milestones)
        False,
    ),
    (
        _set("countries", 0, "representation", "snapshots", 0, value=[1850, 4, 1]),
        "countries[0].representation.snapshots[0]: expected [year, level, level] with levels"
        " 0, 1, 2, 3 or 9, found [1850, 4, 1]",
        True,
    ),
    (
        _set("countries", 0, "representation", "snapshots", 0, value=[1850, 1]),
        "countries[0].representation.snapshots[0]: expected [year, level, level]",
        True,
    ),
    (
        _set("countries", 0, "representation", "snapshots", 0, value=[2999, 1, 1]),
        "countries[0].representation.snapshots[0]: expected [year, level, level]",
        False,  # a year in the future: perurel's own `format`
    ),
    (
        _set("organisations", 0, "since", value="1945"),
        "organisations[0].since: a member gives 'joined' and 'left', not 'since'",
        True,
    ),
    (
        _set("organisations", 0, "tie", value="observer"),
        "organisations[0].joined: only a member joins or leaves: the other ties give 'since'"
        " and 'until'",
        True,
    ),
]
UN_VOTES: dict[str, Any] = {
    "since": 2000,
    "until": 2019,
    "agreement": 80.5,
    "votes": 1400,
    "sources": ["seed"],
}
CHANGES: list[tuple[dict[str, Any], str, bool]] = [
    (
        {"agreement": 101},
        "countries[0].un_votes.agreement: expected a percentage, found 101",
        True,
    ),
    (
        {"agreement": "high"},
        "countries[0].un_votes.agreement: expected a percentage, found 'high'",
        True,
    ),
    (
        {"votes": 0},
        "countries[0].un_votes.votes: expected a count of roll calls, found 0",
        True,
    ),
    ({"since": 1900}, "countries[0].un_votes.since: 1900 is below the minimum, 1946", True),
    ({"until": 2999}, "countries[0].un_votes.until: 2999 is in the future", False),
    ({"since": "2000"}, "countries[0].un_votes.since: expected an integer, found '2000'", True),
]
RULES += [
    (_set("countries", 0, "un_votes", value={**UN_VOTES, **change}), expected, other_tools)
    for change, expected, other_tools in CHANGES
]


@pytest.mark.parametrize(("mutate", "expected", "other_tools"), RULES)
def test_the_rules_within_a_record_are_the_schemas(
    mutate: Callable[[dict[str, Any]], object], expected: str | None, other_tools: bool
) -> None:
    import jsonschema

    data = copy.deepcopy(FIXTURE_DATA)
    mutate(data)
    walked = [str(p) for p in _walk(data)]
    if expected is None:  # a rule across records or milestones: not the walk's
        assert walked == []
        return
    assert [line for line in walked if line.startswith(expected)] != [], walked
    assert len(walked) == 1, walked
    # reported once: the rules written by hand do not say it again
    assert [str(p) for p in validate.check(data) if str(p) in walked] == walked
    assert len([p for p in validate.check(data) if str(p).startswith(expected)]) == 1
    # a rule of the schema as JSON Schema states it, which any validator applies
    valid = jsonschema.Draft202012Validator(validate.schema()).is_valid(data)
    assert valid is not other_tools


# A schema of its own for the messages the walk gives where the bundled schema gives its own:
# what a new field, declared without an `errorMessage`, would be told.
OWN_SCHEMA: dict[str, Any] = {
    "thing": {
        "type": "object",
        "properties": {
            "share": {"type": "number", "maximum": 1},
            "gone": {"type": "null"},
            "pair": {"type": "array", "maxItems": 1},
            "tags": {"type": "array", "contains": {"const": "x"}},
            "word": {"not": {"const": "no"}},
        },
    }
}
OWN_CASES: list[tuple[dict[str, Any], str]] = [
    ({"share": "a"}, "t.share: expected a number, found 'a'"),
    ({"share": 2}, "t.share: 2 is above the maximum, 1"),
    ({"gone": 1}, "t.gone: expected null, found 1"),
    ({"pair": [1, 2]}, "t.pair: expected at most 1 item"),
    ({"tags": ["y"]}, "t.tags: no item is of the kind required here"),
    ({"word": "no"}, "t.word: 'no' is not allowed here"),
]


def test_the_walks_own_messages_in_both_languages() -> None:
    from perurel import i18n

    from .test_spanish import WALK_ONLY

    english = [_walk_one(OWN_SCHEMA, value, "thing", "t") for value, _ in OWN_CASES]
    assert english == [[expected] for _, expected in OWN_CASES]
    i18n.use("es")
    try:
        spanish = [_walk_one(OWN_SCHEMA, value, "thing", "t") for value, _ in OWN_CASES]
    finally:
        i18n.use("en")
    for en, es in zip(english, spanish, strict=True):
        assert es[0].split(": ")[0] == en[0].split(": ")[0] and es != en, (en, es)
    # every message the bundled schema never lets the walk give is met here
    for message in WALK_ONLY:
        texts = list(message) if isinstance(message, tuple) else [message]
        pattern = "|".join(
            ".*?".join(re.escape(part) for part in re.split(r"\{\w+\}", text)) for text in texts
        )
        assert any(re.search(pattern, line[0]) for line in english), message


def test_a_oneof_the_walk_cannot_read_is_refused_not_skipped() -> None:
    """The walk reads `oneOf` only as "a value or null": any other is an error in the schema,
    raised at once rather than checked wrongly."""
    defs = {"thing": {"oneOf": [{"type": "string"}, {"type": "integer"}]}}
    walker = schema_check.Walker(defs, lambda path, message: None, date.today())
    with pytest.raises(ValueError, match="oneOf"):
        walker.record("x", "thing", "t")


# One cause, one problem: a wrong value is reported once, where it is, by the rule that owns it
# (cases found by fuzzing the fixture against the previous validator and the jsonschema library).
ONE_PROBLEM = [
    (
        _set("countries", 0, "un_votes", value={**UN_VOTES, "agreement": float("nan")}),
        "countries[0].un_votes.agreement: expected a percentage, found nan",
    ),
    (
        _set("countries", 0, "representation", "snapshots", 0, value=[1960, 9.0, 2]),
        "countries[0].representation.snapshots[0]: expected [year, level, level]",
    ),
    (
        _set("sources", 0, "date", value="١٩٩٠"),  # digits, but not the ones dates are written in
        "sources[0].date: '١٩٩٠' is not a valid date",
    ),
    (
        _set("sources", 0, "url", value="HTTP://example.org/x"),
        "sources[0].url: 'HTTP://example.org/x' is not an http or https URL",
    ),
    (
        _set("countries", 0, "relations", "history", 0, "by", value=1),
        "countries[0].relations.history[0].by: expected a string, found 1",
    ),
    (
        _set("countries", 0, "relations", "history", 0, "event", value=1),
        "countries[0].relations.history[0].event: expected a string, found 1",
    ),
    (
        _set("countries", 0, "relations", "status", value=KeyError),
        "countries[0].relations: missing required field 'status'",
    ),
    (
        _set("countries", 0, "missions", 0, "state", value=KeyError),
        "countries[0].missions[0]: missing required field 'state'",
    ),
    (_set("organisations", 0, "tie", value="membre"), "organisations[0].tie: 'membre' is not one"),
    (
        lambda d: d["countries"][0]["relations"]["history"][0].update(
            counterpart="Gran Colombia", counterpart_es=""
        ),
        "countries[0].relations.history[0].counterpart_es: expected a non-empty string",
    ),
    (
        lambda d: d["events"].append(
            dict(d["events"][0], id=["x"], title="Embassy opened in Santiago")
        ),
        "events[5].id: a list is not a valid id",
    ),
]


@pytest.mark.parametrize(("mutate", "expected"), ONE_PROBLEM)
def test_one_cause_is_one_problem(
    mutate: Callable[[dict[str, Any]], object], expected: str
) -> None:
    data = copy.deepcopy(FIXTURE_DATA)
    mutate(data)
    problems = [str(p) for p in validate.check(data)]
    if expected.startswith("events[5].id"):  # and the event about a mission no mission names
        problems = [p for p in problems if "no mission's 'events' names" not in p]
    assert len(problems) == 1 and problems[0].startswith(expected), problems


def test_checking_again_compiles_nothing_new() -> None:
    """Each spec of the schema is compiled once: checking a dataset again adds no plan."""
    validate.check(copy.deepcopy(FIXTURE_DATA))
    before = len(schema_check._PLANS)
    for _ in range(3):
        validate.check({**copy.deepcopy(FIXTURE_DATA), "dataset_date": "2020"})
    assert len(schema_check._PLANS) == before


_JSON = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-3, 3)
    | st.sampled_from([0.0, 1.0, 2.5])
    | st.text("ab", max_size=2),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text("ab", max_size=1), inner, max_size=2)
    ),
    max_leaves=6,
)


@settings(max_examples=300, deadline=None)
@given(a=_JSON, b=_JSON)
@example(a=[1], b=[True])
@example(a={"a": 0}, b={"a": False})
@example(a=1, b=1.0)
def test_equality_is_json_schemas(a: Any, b: Any) -> None:
    """`const`, `enum` and `uniqueItems` compare values as JSON Schema does (true is not 1; 1 is
    1.0; at any depth), judged by the jsonschema library."""
    import jsonschema

    defs: dict[str, Any] = {
        "const": {"const": a},
        "enum": {"enum": [a, "zz"]},
        "unique": {"type": "array", "uniqueItems": True},
    }
    for name, value in (("const", b), ("enum", b), ("unique", [a, b])):
        found = _walk_one(defs, value, name, "v")
        assert (found == []) == jsonschema.Draft202012Validator(defs[name]).is_valid(value), (
            name,
            a,
            b,
            found,
        )
