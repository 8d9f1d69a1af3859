"""ISO 8601 dates at the precision a source gives: YYYY, YYYY-MM or YYYY-MM-DD."""

from __future__ import annotations

import re
from datetime import date
from functools import cache

from .tuples import TYPE_CHECKING

if TYPE_CHECKING:
    from typing import Any

_DAYS = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _month_days(year: int, month: int) -> int:
    # calendar.monthrange, without importing calendar on every lookup's path
    leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
    return 29 if month == 2 and leap else _DAYS[month - 1]


class BadDate(ValueError):
    """Text that is not a date: the message's template (in the catalogue; translated where it is
    shown, `dates` being below the language layer) and its values."""

    def __init__(self, template: str, **values: Any) -> None:
        super().__init__(template.format(**values))
        self.template, self.values = template, values


_DATE = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?")  # ASCII digits only


@cache  # the same few thousand dates are parsed again and again (validation, filters)
def parse_span(text: str) -> tuple[date, date]:
    """The first and last day a partial date covers; ValueError if it is not a valid date."""
    m = _DATE.fullmatch(text)
    if not m:
        raise BadDate("{text} is not a date (use YYYY, YYYY-MM or YYYY-MM-DD)", text=repr(text))
    year = int(m[1])
    if year < 1:
        raise BadDate("{text} is not a valid date", text=repr(text))
    if m[2] is None:
        return date(year, 1, 1), date(year, 12, 31)
    month = int(m[2])
    if not 1 <= month <= 12:
        raise BadDate(
            "{text} is not a valid date: month {month} does not exist", text=repr(text), month=month
        )
    last = _month_days(year, month)
    if m[3] is None:
        return date(year, month, 1), date(year, month, last)
    day = int(m[3])
    if not 1 <= day <= last:
        shown = f"{year}-{month:02d}"
        raise BadDate(
            "{text} is not a valid date: {month} has no day {day}",
            text=repr(text),
            month=shown,
            day=day,
        )
    d = date(year, month, day)
    return d, d


def parts(text: str | None) -> list[int]:
    """The numbers a date gives, at its precision: '2016-02-16' -> [2016, 2, 16], '2018' ->
    [2018]; reading stops at the first piece that is not a number; None -> []."""
    numbers: list[int] = []
    for piece in (text or "").split("-")[:3]:
        if not piece.isdigit():
            break
        numbers.append(int(piece))
    return numbers


def is_valid(text: object) -> bool:
    """True for a well-formed partial date string."""
    if not isinstance(text, str):
        return False
    try:
        parse_span(text)
    except ValueError:
        return False
    return True


def sort_key(text: str) -> tuple[date, int]:
    """Order partial dates by their first day, a year before its months and days."""
    start, _ = parse_span(text)
    return start, len(text)


PRECISIONS = ("year", "month", "day")


def precision(text: str | None) -> str | None:
    """How precise a partial date is: 'year' (1823), 'month' (1823-05) or 'day' (1823-05-12);
    None for no date. Scripts read it beside the date (`date_precision`)."""
    if not text:
        return None
    return PRECISIONS[min(text.count("-"), 2)]
