"""Timeline filters on the fixture dataset, through the Python API."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import perurel
from perurel.dates import sort_key
from perurel.errors import UsageError
from perurel.model import Event


def ids(events: list[Event]) -> list[str]:
    return [e.id for e in events]


def test_all_events_in_date_order(mini: perurel.Dataset) -> None:
    assert ids(mini.timeline()) == [
        "1879-04-05-war",
        "1929-06-03-treaty",
        "1998-10-peace",
        "1999-agreements",
        "2001-07-28-inauguration",
    ]


@pytest.mark.parametrize(
    ("since", "until", "expected"),
    [
        ("1999", None, ["1999-agreements", "2001-07-28-inauguration"]),
        (
            "1999-06",
            None,
            ["1999-agreements", "2001-07-28-inauguration"],
        ),  # '1999' overlaps June 1999
        ("1999-12-31", None, ["1999-agreements", "2001-07-28-inauguration"]),
        ("2000", None, ["2001-07-28-inauguration"]),
        (None, "1929-06-03", ["1879-04-05-war", "1929-06-03-treaty"]),
        (None, "1929-06-02", ["1879-04-05-war"]),
        ("1998-10-15", "1998-10-15", ["1998-10-peace"]),  # a month-precise event covers its days
        ("1998", "1999-01", ["1998-10-peace", "1999-agreements"]),
        ("2030", None, []),
    ],
)
def test_since_until_are_inclusive_at_any_precision(
    mini: perurel.Dataset, since: str | None, until: str | None, expected: list[str]
) -> None:
    assert ids(mini.timeline(since=since, until=until)) == expected


def test_country_kind_limit_reverse(mini: perurel.Dataset) -> None:
    assert ids(mini.timeline(countries=["EC"])) == ["1998-10-peace"]
    assert ids(mini.timeline(kinds=["treaty"])) == ["1929-06-03-treaty", "1998-10-peace"]
    assert ids(mini.timeline(countries=["CL"], kinds=["treaty", "dispute"], reverse=True)) == [
        "1929-06-03-treaty",
        "1879-04-05-war",
    ]
    assert ids(mini.timeline(limit=2)) == ["1879-04-05-war", "1929-06-03-treaty"]
    assert ids(mini.timeline(reverse=True, limit=1)) == ["2001-07-28-inauguration"]
    assert mini.timeline(limit=0) == []


@pytest.mark.parametrize(
    ("kw", "message"),
    [
        ({"since": "1990-13"}, "^invalid value for since: "),
        ({"until": "abc"}, "^invalid value for until: "),
        ({"since": "2000", "until": "1990"}, "^since 2000 is after until 1990"),
        ({"kinds": ["party"]}, "unknown event kind"),
        ({"limit": -1}, "^limit must be zero or more"),
    ],
)
def test_bad_filters_are_usage_errors(mini: perurel.Dataset, kw, message: str) -> None:  # type: ignore[no-untyped-def]
    """The Python API words its errors with its own argument names, never the CLI's options."""
    with pytest.raises(UsageError, match=message) as caught:
        mini.timeline(**kw)
    assert "--" not in str(caught.value)


def test_timeline_takes_the_names_the_cli_takes(mini: perurel.Dataset) -> None:
    by_code = mini.timeline(countries=["CL"])
    assert [e.id for e in by_code] == ["1879-04-05-war", "1929-06-03-treaty", "1999-agreements"]
    for name in ("chile", "Chile", "Chilean", "chileno", "CHL", "Republic of Chile"):
        assert mini.timeline(countries=[name]) == by_code
    assert mini.timeline(countries="chile") == by_code
    with pytest.raises(perurel.NotFound):
        mini.timeline(countries=["atlantis"])


def test_country_api(mini: perurel.Dataset) -> None:
    chile = mini.lookup("chileno")
    assert chile.code == "CL"
    assert [e.id for e in mini.events_of("CL")] == [
        "1879-04-05-war",
        "1929-06-03-treaty",
        "1999-agreements",
    ]
    assert [s.id for s in mini.cited_sources(["seed", "ministry", "seed", "nope"])] == [
        "seed",
        "ministry",
    ]


def test_month_lengths_match_the_calendar() -> None:
    import calendar

    from perurel.dates import _month_days

    for year in (1900, 1999, 2000, 2023, 2024, 2100):
        for month in range(1, 13):
            assert _month_days(year, month) == calendar.monthrange(year, month)[1]


@settings(max_examples=500, deadline=None)
@given(
    st.lists(
        st.dates(min_value=date(1000, 1, 1)).flatmap(
            lambda d: st.sampled_from([d.isoformat()[:4], d.isoformat()[:7], d.isoformat()])
        ),
        min_size=2,
        max_size=30,
    )
)
def test_partial_dates_sort_as_text_in_calendar_order(values: list[str]) -> None:
    # store.build sorts events by their date text; that must equal the calendar order, where a
    # year comes before its months and a month before its days: compare the numbers themselves.
    def calendar(value: str) -> list[int]:
        return [int(part) for part in value.split("-")]

    assert sorted(values, key=calendar) == sorted(values)
    assert sorted(values, key=calendar) == sorted(values, key=sort_key)


@pytest.mark.parametrize(
    ("earlier", "later"),
    [("1999", "1999-01"), ("1999-01", "1999-01-01"), ("1999-12-31", "2000"), ("0999", "1000")],
)
def test_sort_key_orders_partial_dates(earlier: str, later: str) -> None:
    assert sort_key(earlier) < sort_key(later)


def test_an_organisations_spanish_acronym_is_written_once() -> None:
    """`i18n.ACRONYMS_ES` owns the Spanish acronyms; the names people type take them from it."""
    from perurel import org_names
    from perurel.i18n import ACRONYMS_ES

    for org_id, acronym in ACRONYMS_ES.items():
        assert acronym not in org_names._ALIASES.get(org_id, ()), org_id
        assert acronym in org_names.ORG_ALIASES[org_id], org_id
