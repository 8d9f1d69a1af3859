"""`perurel anniversaries` (`today`): the establishments, restorations, treaties and events whose
anniversary falls on a day, in a month, or (round ones) in a year.

A day's anniversary needs a full date; a month's may also come from a date known to the month.
Round anniversaries (ROUND years) come first, each with its sources.
"""

from __future__ import annotations

from .errors import UsageError, quoted
from .i18n import t
from .tuples import TYPE_CHECKING

if TYPE_CHECKING:
    from typing import Any

    from .layout import Line
    from .model import Records

ROUND = (25, 50, 75, 100, 150, 200)
# the milestones people mark: the ties themselves, not every step of a relationship
MILESTONES = ("established", "restored", "treaty")
ENV_VAR = "PERUREL_TODAY"  # YYYY-MM-DD: the day taken as today (for tests and scripts)


def today() -> tuple[int, int, int]:
    """Today's year, month and day: $PERUREL_TODAY if set, else the system's date."""
    import datetime as dt

    given = _env()
    if given is not None:
        return given
    d = dt.date.today()
    return d.year, d.month, d.day


def _env() -> tuple[int, int, int] | None:
    import os

    text = os.environ.get(ENV_VAR, "")
    if not text:
        return None
    parts = _numbers(text, 3)
    if parts is None or not _valid(parts[1], parts[2]):
        raise UsageError(
            t("{name} takes a date YYYY-MM-DD, not {value}", name=ENV_VAR, value=quoted(text))
        )
    return parts[0], parts[1], parts[2]


def _numbers(text: str, count: int) -> tuple[int, ...] | None:
    pieces = text.strip().split("-")
    if len(pieces) != count or not all(p.isascii() and p.isdigit() for p in pieces):
        return None
    widths = {2: (4, 2), 3: (4, 2, 2)}.get(count, ())
    if count == 2 and len(pieces[0]) == 2:  # MM-DD
        widths = (2, 2)
    if tuple(len(p) for p in pieces) != widths:
        return None
    return tuple(int(p) for p in pieces)


def _valid(month: int, day: int) -> bool:
    days = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
    return 1 <= month <= 12 and 1 <= day <= days[month - 1]


def window(on: str | None, month: str | None, year: str | None) -> tuple[str, int, int, int]:
    """What was asked: ("day", year, month, day), ("month", year, month, 0) or ("year", year,
    0, 0); usage errors for a malformed or doubled choice."""
    given = [flag for flag, v in (("--on", on), ("--month", month), ("--year", year)) if v]
    if len(given) > 1:
        raise UsageError(
            t("{options} each choose the dates; use one", options=t(" and ").join(given))
        )
    if month:
        parts = _numbers(month, 2)
        if parts is None or len(str(month).split("-")[0]) != 4 or not 1 <= parts[1] <= 12:
            raise UsageError(t("--month takes YYYY-MM, not {value}", value=quoted(month)))
        return "month", parts[0], parts[1], 0
    if year:
        if not (year.isascii() and year.isdigit() and len(year) == 4):
            raise UsageError(t("--year takes YYYY, not {value}", value=quoted(year)))
        return "year", int(year), 0, 0
    now = today()
    if on:
        parts = _numbers(on, 2)
        if parts is None or len(on.split("-")[0]) != 2 or not _valid(parts[0], parts[1]):
            raise UsageError(t("--on takes a day MM-DD (10-08), not {value}", value=quoted(on)))
        return "day", now[0], parts[0], parts[1]
    return "day", now[0], now[1], now[2]


# A milestone's title, English and Spanish, with the state's name.
TITLES = {
    "established": ("Relations established with {}", "Se establecen relaciones con {}"),
    "restored": ("Relations restored with {}", "Se restablecen relaciones con {}"),
    "treaty": ("Treaty with {}", "Tratado con {}"),
}


def _candidates(ds: Records) -> list[dict[str, Any]]:
    """Every dated milestone people mark and every event, as records without the count."""
    items: list[dict[str, Any]] = []
    told = set()  # events a milestone already tells
    for c in ds.countries.values():
        for m in c.relations.history:
            if m.kind in MILESTONES and m.date:
                if m.event:
                    told.add(m.event)
                items.append(
                    {
                        "date": m.date,
                        "what": "milestone",
                        "kind": m.kind,
                        "countries": [c.code],
                        "id": m.event,
                        "title": TITLES[m.kind][0].format(c.name),
                        "title_es": TITLES[m.kind][1].format(c.name_es),
                        "sources": list(m.sources),
                    }
                )
    for e in ds.events:
        if e.id in told:
            continue
        items.append(
            {
                "date": e.date,
                "what": "event",
                "kind": e.kind,
                "countries": list(e.countries),
                "id": e.id,
                "title": e.title,
                "title_es": e.title_es or None,
                "sources": list(e.sources),
            }
        )
    return items


def find(ds: Records, asked: tuple[str, int, int, int]) -> list[dict[str, Any]]:
    """The anniversaries asked for: round ones first, then by day and by years."""
    mode, year, month, day = asked
    out = []
    for item in _candidates(ds):
        pieces = [int(p) for p in item["date"].split("-")]
        if len(pieces) == 1:
            continue  # a year alone has no day or month to fall on
        if mode == "day" and (len(pieces) != 3 or (pieces[1], pieces[2]) != (month, day)):
            continue
        if mode == "month" and pieces[1] != month:
            continue
        years = year - pieces[0]
        if years <= 0 or (mode == "year" and years not in ROUND):
            continue
        precision = "day" if len(pieces) == 3 else "month"
        record = {
            "date": item["date"],
            "date_precision": precision,
            "years": years,
            "round": years in ROUND,
        }
        record.update(item)
        out.append(record)
    out.sort(key=lambda r: (not r["round"], r["date"][5:], -r["years"], r["title"]))
    return out


def heading(asked: tuple[str, int, int, int], count: int) -> str:
    from . import i18n

    mode, year, month, day = asked
    if mode == "day":
        when = i18n.date(f"{year:04d}-{month:02d}-{day:02d}")
    elif mode == "month":
        when = i18n.date(f"{year:04d}-{month:02d}")
    else:
        when = str(year)
    key = (
        i18n.N_("Round anniversaries in {when}: {n}")
        if mode == "year"
        else i18n.N_("Anniversaries, {when}: {n}")
    )
    return i18n.t(key, when=when, n=i18n.number(count))


def view(records: list[dict[str, Any]], asked: tuple[str, int, int, int], width: int) -> list[Line]:
    from . import i18n, layout

    lines: list[Line] = [[(heading(asked, len(records)), "bold")]]
    if not records:
        return lines
    numbers: dict[str, int] = {}  # each source once, numbered in order of first use
    rows = []
    for r in records:
        years = i18n.number(r["years"]) + (" *" if r["round"] else "")
        kind = i18n.word("milestone" if r["what"] == "milestone" else "event", r["kind"])
        title = i18n.in_language(r["title"], r["title_es"])
        marks = [numbers.setdefault(s, len(numbers) + 1) for s in r["sources"]]
        if marks:
            title += " [" + ",".join(str(n) for n in marks) + "]"
        rows.append([i18n.date(r["date"]), years, kind, title])
    headers = [
        i18n.t(h) for h in (i18n.N_("Date"), i18n.N_("Years"), i18n.N_("Kind"), i18n.N_("What"))
    ]
    lines += layout.table(headers, rows, width, flex=(3,))
    if any(r["round"] for r in records):
        lines.append([(i18n.t("* a round anniversary"), "dim")])
    if numbers:
        lines.append([(i18n.t("Sources") + ":", "bold")])
        for source, n in numbers.items():
            lines += [[(w, "")] for w in layout.wrap(f"[{n}] {source}", width)]
    return lines
