"""The country card for people, as styled lines (see `layout`): names, relations, missions,
memberships, representation, events and numbered sources."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from .layout import Line, cell, row, table, wrap
from .model import LEVELS, PERU
from .query import country_sources, shared_memberships

if TYPE_CHECKING:
    from .model import Country, Mission
    from .store import Dataset

STATUS_STYLE = {"active": "green", "suspended": "yellow", "broken": "red"}
KIND_LABEL = {
    "honorary-consulate": "honorary consulate",
    "consular-agency": "consular agency",
    "accredited-from": "accredited from",
}


class _Footnotes:
    """Numbers sources in order of first citation on a card: [1], [2] ..."""

    def __init__(self, ids: Sequence[str]) -> None:
        self.numbers = {sid: n for n, sid in enumerate(dict.fromkeys(ids), start=1)}

    def cite(self, ids: Sequence[str]) -> str:
        return "".join(f"[{self.numbers[i]}]" for i in dict.fromkeys(ids) if i in self.numbers)


def _name(ds: Dataset, code: str) -> str:
    c = ds.countries.get(code)
    return "Peru" if code == PERU else (c.name if c else code)


def _mission(ds: Dataset, m: Mission) -> tuple[str, str, str]:
    where = m.city or ""
    if m.kind == "accredited-from" and m.via:
        where = f"{m.city}, {_name(ds, m.via)}" if m.city else _name(ds, m.via)
    if m.closed:
        where = f"{where} (closed {m.closed})".strip()
    return f"{_name(ds, m.owner)} → {_name(ds, m.host)}", KIND_LABEL.get(m.kind, m.kind), where


def _prose(text: str, size: int, style: str = "", cite: str = "") -> list[Line]:
    """A paragraph wrapped to `size`, its citation marks dim at the end."""
    words = wrap(f"{text} {cite}".strip() if cite else text, size)
    lines: list[Line] = [[(w, style)] for w in words]
    if cite and lines and lines[-1][0][0].endswith(cite):
        last = lines[-1][0][0]
        lines[-1] = [(last[: -len(cite)], style), (cite, "dim")]
    return lines


def card(ds: Dataset, country: Country, size: int) -> list[Line]:
    """The full card for one country."""
    notes = _Footnotes(country_sources(ds, country.code))
    out: list[Line] = []
    head: Line = [(country.name, "bold")]
    if country.name_es != country.name:
        head.append((f" · {country.name_es}", "italic"))
    out.append(head)
    out += _prose(
        f"{country.code} / {country.iso3} · {country.region} › {country.subregion}", size, "dim"
    )

    rel = country.relations
    status: Line = [("Relations: ", "bold"), (rel.status, STATUS_STYLE.get(rel.status, "dim"))]
    if rel.established:
        status.append((f", formal relations since {rel.established}", ""))
    elif rel.status == "unknown":
        status.append((" (no source in this dataset says)", "dim"))
    if rel.sources:
        status.append((f" {notes.cite(rel.sources)}", "dim"))
    out += (
        [status]
        if len("".join(t for t, _ in status)) <= size
        else _prose("".join(t for t, _ in status), size)
    )
    if rel.note:
        out += _prose(rel.note, size, "italic")
    if country.summary:
        out += [[], *_prose(country.summary, size, "", notes.cite(country.summary_sources))]

    out += [[], [("Missions", "bold underline")]]
    if country.missions:
        rows = [[*_mission(ds, m), notes.cite(m.sources)] for m in country.missions]
        out += table(["Who", "Kind", "Where", "Sources"], rows, size, flex=(2, 3), header=False)
    else:
        out.append([("no missions recorded", "dim")])

    shared = shared_memberships(ds, country.code)
    if shared:
        out += [[], [("Memberships shared with Peru", "bold underline")]]
        names = "; ".join(
            o.name + (f" (Peru until {o.left})" if o.left else "")
            + " " + notes.cite(o.members.sources if o.members else ())
            for o in shared
        )  # fmt: skip
        out += _prose(names, size)

    rep = country.representation
    if rep is not None and rep.snapshots:
        first, last = rep.snapshots[0][0], rep.snapshots[-1][0]
        out += [[], [(f"Representation, {first}–{last}", "bold underline")]]
        intro = (
            f"Correlates of War snapshots (about every five years, ending in {last}): the level "
            f"at which {country.name} was represented in Lima and Peru in {country.name}, "
            "each time it changed."
        )
        out += _prose(intro, size, "dim", notes.cite(rep.sources))
        if rep.note:
            out += _prose(rep.note, size, "dim italic")
        changes, previous = [], None
        for year, in_peru, by_peru in rep.snapshots:
            if (in_peru, by_peru) != previous:
                changes.append([str(year), LEVELS.get(in_peru, "?"), LEVELS.get(by_peru, "?")])
                previous = (in_peru, by_peru)
        out += table(
            ["Year", f"{country.name} in Peru", f"Peru in {country.name}"],
            changes,
            size,
            flex=(1, 2),
        )

    events = ds.events_of(country.code)
    out += [[], [(f"Events ({len(events)})", "bold underline")]]
    if events:
        rows = [[e.date, e.kind, e.title, notes.cite(e.sources)] for e in events]
        listed = table(["Date", "Kind", "Event", "Sources"], rows, size, flex=(2, 3), header=False)
        out += [_style_kind(line) for line in listed]
    else:
        out.append([("no events recorded", "dim")])

    out += [[], [("Sources", "bold underline")]]
    number_width = len(str(len(notes.numbers)))
    for sid, n in notes.numbers.items():
        src = ds.sources.get(sid)
        if src is None:
            continue
        label = f"[{n}]".rjust(number_width + 2) + " "
        text = f"{src.title} — {src.publisher}" + (f", {src.date}" if src.date else "")
        body = wrap(text, max(size - len(label), 10))
        extra = wrap(" ".join(filter(None, (src.url, f"({sid})"))), max(size - len(label), 10))
        lines = [cell([b], "") for b in body] + [cell([x], "dim") for x in extra]
        for i, span in enumerate(lines):
            out += row([cell([label if i == 0 else ""], "dim"), span], [len(label), size], gap=0)
    return out


def _style_kind(line: Line) -> Line:
    """Events tables: the kind column in colour."""
    if len(line) >= 3 and line[2][0].strip():
        line = [*line[:2], (line[2][0], "cyan"), *line[3:]]
    return line
