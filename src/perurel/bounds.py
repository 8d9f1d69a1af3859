"""The bounds the questions share, checked: a date window (`since`, `until`) and a limit.
Errors name the Python API's arguments unless the caller passes its own spellings."""

from __future__ import annotations

from datetime import date

from . import dates
from .errors import UsageError, printable
from .i18n import t

# How errors name the bounds: as the Python API's arguments. The command line passes its own
# spellings (`spec.OPTION_NAMES`).
API_NAMES = {"since": "since", "until": "until", "limit": "limit"}


def date_bound(text: str, name: str) -> tuple[date, date]:
    """Parse a since/until value, naming the argument when it is not a valid date."""
    try:
        return dates.parse_span(text.strip())
    except ValueError as exc:
        problem = t(exc.template, **exc.values) if isinstance(exc, dates.BadDate) else str(exc)
        raise UsageError(
            t("invalid value for {option}: {problem}", option=name, problem=printable(problem))
        ) from None


def window(
    since: str | None, until: str | None, names: dict[str, str] = API_NAMES
) -> tuple[date | None, date | None]:
    """The first and last day `since` and `until` allow (None: open), or a UsageError naming the
    one that is malformed, or saying that they are the wrong way round."""
    lo = date_bound(since, names["since"])[0] if since is not None else None
    hi = date_bound(until, names["until"])[1] if until is not None else None
    if lo and hi and lo > hi:
        raise UsageError(
            t(
                "{since} {first} is after {until} {last}",
                since=names["since"],
                first=printable(since or ""),
                until=names["until"],
                last=printable(until or ""),
            )
        )
    return lo, hi


def check_limit(limit: int | None, names: dict[str, str] = API_NAMES) -> None:
    """A UsageError for a negative limit."""
    if limit is not None and limit < 0:
        raise UsageError(
            t("{option} must be zero or more, not {n}", option=names["limit"], n=limit)
        )
