"""Pure questions over the dataset: timeline filters and the records a country's card cites."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING

from . import dates
from .errors import UsageError, printable, quoted
from .model import EVENT_KINDS, Event

if TYPE_CHECKING:
    from .store import Dataset


def date_bound(text: str, option: str) -> tuple[date, date]:
    """Parse a --since/--until value, naming the option when it is not a valid date."""
    try:
        return dates.parse_span(text.strip())
    except ValueError as exc:
        raise UsageError(f"invalid value for {option}: {printable(str(exc))}") from None


def timeline(
    ds: Dataset,
    *,
    since: str | None = None,
    until: str | None = None,
    countries: Sequence[str] = (),
    kinds: Sequence[str] = (),
    limit: int | None = None,
    reverse: bool = False,
) -> list[Event]:
    """Events in date order. `since`/`until` are inclusive partial dates: an event dated '1999'
    is within `since='1999-06'`; `countries` are ISO codes, `kinds` event kinds."""
    lo = date_bound(since, "--since")[0] if since else None
    hi = date_bound(until, "--until")[1] if until else None
    if lo and hi and lo > hi:
        raise UsageError(
            f"--since {printable(since or '')} is after --until {printable(until or '')}"
        )
    unknown = [k for k in kinds if k not in EVENT_KINDS]
    if unknown:
        raise UsageError(
            f"unknown event kind {quoted(unknown[0])}; choose from {', '.join(EVENT_KINDS)}"
        )
    if limit is not None and limit < 0:
        raise UsageError("--limit must be zero or more")
    wanted = set(countries)
    out = []
    for e in ds.events:
        start, end = dates.parse_span(e.date)
        if lo and end < lo:
            continue
        if hi and start > hi:
            continue
        if wanted and not wanted.intersection(e.countries):
            continue
        if kinds and e.kind not in kinds:
            continue
        out.append(e)
    if reverse:
        out.reverse()
    return out[:limit] if limit is not None else out


def country_sources(ds: Dataset, code: str) -> list[str]:
    """Ids of every source a country's card cites: its facts, its events, then its name lists."""
    country = ds.countries[code]
    ids = [i for i in country.cited() if i not in country.sources]
    for e in ds.events_of(code):
        ids.extend(e.sources)
    return list(dict.fromkeys([*ids, *country.sources]))
