"""What people read for each command, as styled lines (see `layout`): built from the same records
the machine formats print, so the two cannot disagree. The country card lives in `card`."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import groupby
from typing import TYPE_CHECKING, Any

from .formats import pick
from .layout import NARROW, Line, bars, cell, row, table, wrap

if TYPE_CHECKING:
    from .model import Event, Organisation, Records

Record = dict[str, Any]


def timeline(events: Sequence[Event], width: int) -> list[Line]:
    """Events grouped by year: date, partners, kind, then title, summary and source ids."""
    if not events:
        return [[("no events match", "dim")]]
    if width < NARROW:
        return _timeline_stacked(events, width)
    w_date = max(len("Date"), *(len(e.date) for e in events))
    w_with = min(14, max(len("With"), *(len(", ".join(e.countries)) for e in events)))
    w_kind = max(len("Kind"), *(len(e.kind) for e in events))
    w_event = max(20, width - (w_date + w_with + w_kind + 6))
    widths = (w_date, w_with, w_kind, w_event)
    head = [cell([name], "bold") for name in ("Date", "With", "Kind", "Event")]
    lines = row(head, widths)
    for year, group in groupby(events, key=lambda e: e.date[:4]):
        lines.append([(year, "bold magenta")])
        for e in group:
            body = cell(wrap(e.title, w_event), "bold") + cell(wrap(e.summary, w_event))
            body += cell(wrap(", ".join(e.sources), w_event), "dim")
            partners = cell(wrap(", ".join(e.countries) or "—", w_with))
            lines += row([cell([e.date]), partners, cell([e.kind], "cyan"), body], widths)
        lines.append([])
    return lines


def _timeline_stacked(events: Sequence[Event], width: int) -> list[Line]:
    lines: list[Line] = []
    for year, group in groupby(events, key=lambda e: e.date[:4]):
        lines.append([(year, "bold magenta")])
        for e in group:
            head = " · ".join(filter(None, (e.date, ", ".join(e.countries), e.kind)))
            lines += [[(t, "")] for t in wrap(head, width)]
            lines += [[(t, "bold")] for t in wrap(e.title, width)]
            lines += [[(t, "")] for t in wrap(e.summary, width)]
            lines += [[(t, "dim")] for t in wrap(", ".join(e.sources), width)]
            lines.append([])
    return lines


def countries(rows: Sequence[Record], width: int) -> list[Line]:
    """`perurel countries`."""
    headers = ["Code", "Name", "Nombre", "Subregion", "Status", "Since", "Missions", "Events"]
    keys = ["code", "name", "name_es", "subregion", "relations.status", "relations.established",
            "mission_count", "event_count"]  # fmt: skip
    return table(headers, [[_text(pick(r, k)) for k in keys] for r in rows], width, flex=(1, 2, 3))


def missions(rows: Sequence[Record], width: int) -> list[Line]:
    """`perurel missions`: who has what where, and in what state as of when."""
    body = []
    for r in rows:
        where = r["city"] or "—"
        if r["from"]:
            where = f"{where} ({r['from']})"
        state = r["state"]
        if state == "open" and r["as_of"]:
            state = f"open, as of {r['as_of']}"
        elif state == "closed" and r["closed"]:
            state = f"closed {r['closed']}"
        body.append([f"{r['owner_name']} → {r['host_name']}", r["kind"], where, state])
    return table(["Mission", "Kind", "Where", "State"], body, width, flex=(2, 0))


def hits(rows: Sequence[Record], width: int) -> list[Line]:
    """`perurel search`: each hit with its kind, date and countries, the match cut short."""
    body = [
        [
            r["kind"],
            _text(r["date"]),
            _text(r["countries"]),
            _snippet(f"{r['title']}: {r['text']}"),
            f"{r['score']:g}",
        ]
        for r in rows
    ]
    return table(["Kind", "Date", "With", "Match", "Score"], body, width, flex=(2, 3))


def sources(rows: Sequence[Record], width: int) -> list[Line]:
    """`perurel sources`."""
    keys = ["id", "title", "publisher", "date", "tier", "cited"]
    body = [[_text(r.get(k)) for k in keys] for r in rows]
    headers = ["Id", "Title", "Publisher", "Date", "Tier", "Cited"]
    return table(headers, body, width, flex=(1, 2))


def source(record: Record, width: int) -> list[Line]:
    """`perurel sources ID`: the source, then every fact that cites it."""
    about = [[k, _text(v)] for k, v in record.items() if k not in ("cited", "cited_by")]
    lines = table(["Field", "Value"], about, width, flex=(1,))
    facts = [[c["kind"], c["ref"], c["label"]] for c in record["cited_by"]]
    return [*lines, [], *table(["Kind", "Ref", "Fact"], facts, width, flex=(2,))]


def stats(numbers: Record, width: int) -> list[Line]:
    """`perurel stats`: coverage, states by status and region, events per decade."""
    title = f"perurel dataset, schema version {numbers['schema_version']}, revised {numbers['dataset_date'] or 'unknown'}"
    lines: list[Line] = [[(title, "bold")], []]
    coverage = [[k.replace("_", " "), str(v)] for k, v in numbers["coverage"].items()]
    lines += table(["Coverage", "Count"], coverage, width)
    lines += [
        [],
        [("States by relations status", "bold")],
        *bars(list(numbers["by_status"].items()), width),
    ]
    regions = [[r, *(str(v) for v in row.values())] for r, row in numbers["by_region"].items()]
    lines += [[], [("States by region", "bold")]]
    lines += table(["Region", "States", "Dated", "With missions", "Events"], regions, width)
    lines += [
        [],
        [("States by milestone kind (at least one dated milestone of the kind)", "bold")],
        *bars(list(numbers["states_by_milestone_kind"].items()), width),
        [],
        [("Facts by their best source tier", "bold")],
        *bars(list(numbers["facts_by_tier"].items()), width),
        [],
        [("Events per decade", "bold")],
        *bars(list(numbers["events_by_decade"].items()), width),
    ]
    return lines


def orgs(rows: Sequence[Record], width: int) -> list[Line]:
    """`perurel orgs`."""
    body = [
        [
            r["name"],
            _text(r["joined"]),
            _text(r.get("left")),
            r.get("role") or "",
            ", ".join(f"{p['kind']} {p['start']}–{p['end'] or ''}" for p in r.get("periods", ())),
        ]
        for r in rows
    ]
    headers = ["Organisation", "Joined", "Left", "Role", "Terms and suspensions"]
    return table(headers, body, width, flex=(0, 3, 4))


def org(ds: Records, o: Organisation, width: int) -> list[Line]:
    """`perurel orgs NAME`: one organisation, Peru's dates in it, and its members in the data."""
    lines: list[Line] = [[(o.name, "bold"), (f" · {o.name_es}", "italic")]]
    dates = f"Peru joined {o.joined or 'at a date no source gives'}"
    if o.left:
        dates += f", left {o.left}"
    if o.role:
        dates += f" ({o.role})"
    lines += [[(t, "")] for t in wrap(dates, width)]
    for p in o.periods:
        span = f"{p.kind} {p.start}–{p.end or ''}" + (f": {p.note}" if p.note else "")
        lines += [[(t, "")] for t in wrap(span, width)]
    if o.note:
        lines += [[]] + [[(t, "italic")] for t in wrap(o.note, width)]
    if o.members is not None:
        names = sorted(ds.countries[c].name for c in o.members.codes if c in ds.countries)
        head = f"Members besides Peru ({len(names)}" + (
            f", as of {o.members.as_of})" if o.members.as_of else ")"
        )
        lines += [[], [(head, "bold underline")]] + [
            [(t, "")] for t in wrap(", ".join(names), width)
        ]
    cited = o.cited()
    lines += [[], [("Sources", "bold underline")]]
    for sid in cited:
        src = ds.sources.get(sid)
        if src is not None:
            text = f"{src.title} — {src.publisher} · {src.tier} ({sid})"
            lines += [[(t, "dim")] for t in wrap(text, width)]
    return lines


def _text(value: Any) -> str:
    """A cell: lists joined, nothing as a dash."""
    if value is None or value == []:
        return "—"
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return str(value)


def _snippet(text: str, width: int = 200) -> str:
    return text if len(text) <= width else text[: width - 1].rsplit(" ", 1)[0] + " …"
