"""What the commands do once their arguments are parsed, shared by the Typer CLI and the fast
path in `launch`: resolve countries, check filters, build the output. No Typer, no Rich."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from .errors import quoted
from .output import note

if TYPE_CHECKING:
    from .model import Country, Event
    from .store import Dataset


def resolve(ds: Dataset, query: str) -> Country:
    """The country for a query, telling the person on stderr when it was not an exact name."""
    m = ds.match(query)
    if not m.exact:
        how = "closest match" if m.how == "fuzzy" else "alias"
        note(f"{quoted(query)} → {m.country.name} ({m.country.code}), {how} {quoted(m.matched)}")
    return m.country


def check_filters(since: str | None, until: str | None, limit: int | None) -> None:
    """Usage errors in timeline filters, found before any data is read."""
    from .query import check_limit, window

    window(since, until)
    check_limit(limit)


def country_json(ds: Dataset, query: str) -> str:
    """`country QUERY --json`."""
    from .formats import country_record, dumps

    return dumps(country_record(ds, resolve(ds, query)))


def timeline_events(
    ds: Dataset,
    *,
    since: str | None,
    until: str | None,
    countries: Sequence[str],
    kinds: Sequence[str],
    limit: int | None,
    reverse: bool,
) -> list[Event]:
    """`timeline` with its options: countries are queries, matched like `country`."""
    codes = [resolve(ds, q).code for q in countries]
    return ds.timeline(
        since=since,
        until=until,
        countries=codes,
        kinds=[k.lower() for k in kinds],
        limit=limit,
        reverse=reverse,
    )


def timeline_json(events: list[Event]) -> str:
    """`timeline --json`."""
    from .formats import dumps, event_records

    return dumps(event_records(events))
