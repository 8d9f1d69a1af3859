"""Output for people: Rich cards, tables and timelines. The only module that imports rich."""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING

from rich.console import Console, Group
from rich.markup import escape
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from .model import LEVELS
from .query import country_sources

if TYPE_CHECKING:
    from collections.abc import Sequence

    from rich.console import RenderableType

    from .layout import Line
    from .model import Country, Mission
    from .store import Dataset

STATUS_STYLE = {
    "active": "green",
    "suspended": "yellow",
    "broken": "red",
    "none": "dim",
    "unknown": "dim",
}
KIND_LABEL = {
    "embassy": "embassy",
    "consulate-general": "consulate-general",
    "consulate": "consulate",
    "honorary-consulate": "honorary consulate",
    "consular-agency": "consular agency",
    "office": "office",
    "accredited-from": "accredited from",
}


def console() -> Console:
    """A console for stdout: colour only on a terminal, NO_COLOR/FORCE_COLOR honoured by Rich."""
    width = None
    if not sys.stdout.isatty() and "COLUMNS" not in os.environ:
        width = 100  # a pipe or a file has no width; keep lines readable in a pager
    return Console(highlight=False, width=width, soft_wrap=False)


class _Footnotes:
    """Numbers sources in order of first citation on a card: [1], [2] ..."""

    def __init__(self, ds: Dataset, ids: Sequence[str]) -> None:
        self.ds = ds
        self.numbers = {sid: n for n, sid in enumerate(dict.fromkeys(ids), start=1)}

    def cite(self, ids: Sequence[str]) -> str:
        return "".join(f"[{self.numbers[i]}]" for i in dict.fromkeys(ids) if i in self.numbers)

    def legend(self) -> Table:
        table = Table.grid(padding=(0, 1))
        table.add_column(justify="right", style="dim")
        table.add_column(overflow="fold")  # URLs are shown whole, folded, never cut
        for sid, n in self.numbers.items():
            src = self.ds.sources.get(sid)
            if src is None:
                continue
            line = Text()
            line.append(src.title, style="italic")
            line.append(f" — {src.publisher}")
            if src.date:
                line.append(f", {src.date}")
            if src.url:
                line.append(f" {src.url}", style="blue")
            line.append(f"  ({sid})", style="dim")
            table.add_row(f"[{n}]", line)
        return table


def _heading(text: str) -> Text:
    return Text(text, style="bold underline")


def _mission_line(ds: Dataset, m: Mission) -> tuple[str, str, str]:
    def name(code: str) -> str:
        c = ds.countries.get(code)
        return "Peru" if code == "PE" else (c.name if c else code)

    where = m.city or ""
    if m.kind == "accredited-from" and m.via:
        where = f"{m.city}, {name(m.via)}" if m.city else name(m.via)
    if m.closed:
        where = f"{where} (closed {m.closed})".strip()
    return f"{name(m.owner)} → {name(m.host)}", KIND_LABEL.get(m.kind, m.kind), where


def country_card(ds: Dataset, country: Country) -> RenderableType:
    """The full card for one country: names, relations, missions, events, sources."""
    notes = _Footnotes(ds, country_sources(ds, country.code))
    parts: list[RenderableType] = []

    names = Text()
    names.append(country.name, style="bold")
    if country.name_es != country.name:
        names.append(f" · {country.name_es}", style="italic")
    names.append(
        f"   {country.code} / {country.iso3}   {country.region} › {country.subregion}", style="dim"
    )
    parts.append(names)

    rel = country.relations
    status = Text("Relations: ", style="bold")
    status.append(rel.status, style=STATUS_STYLE.get(rel.status, ""))
    if rel.established:
        status.append(f", formal relations since {rel.established}")
    status.append(f" {notes.cite(rel.sources)}", style="dim")
    parts.append(status)
    if rel.note:
        parts.append(Text(rel.note, style="italic"))
    if country.summary:
        summary = Text(country.summary + " ")
        summary.append(notes.cite(country.summary_sources), style="dim")
        parts += [Text(""), summary]

    parts += [Text(""), _heading("Missions")]
    if country.missions:
        table = Table(box=None, show_header=False, padding=(0, 2, 0, 0))
        for col in ("who", "kind", "city", "src"):
            table.add_column(col, style="dim" if col == "src" else None, overflow="fold")
        for m in country.missions:
            who, kind, where = _mission_line(ds, m)
            table.add_row(who, kind, where, notes.cite(m.sources))
        parts.append(table)
    else:
        parts.append(Text("no missions recorded", style="dim"))

    from .query import shared_memberships

    shared = shared_memberships(ds, country.code)
    if shared:
        parts += [Text(""), _heading("Memberships shared with Peru")]
        line = Text()
        for i, o in enumerate(shared):
            line.append(
                ("; " if i else "") + o.name + (f" (Peru until {o.left})" if o.left else "")
            )
            line.append(" " + notes.cite(o.members.sources if o.members else ()), style="dim")
        parts.append(line)

    rep = country.representation
    if rep is not None and rep.snapshots:
        first, last = rep.snapshots[0][0], rep.snapshots[-1][0]
        parts += [Text(""), _heading(f"Representation, {first}–{last}")]
        intro = Text(
            f"Correlates of War snapshots (about every five years, ending in {last}): who "
            f"represented {country.name} in Lima and Peru in {country.name}, when it changed. ",
            style="dim",
        )
        intro.append(notes.cite(rep.sources))
        parts.append(intro)
        if rep.note:
            parts.append(Text(rep.note, style="dim italic"))
        table = Table(box=None, show_header=True, header_style="bold", padding=(0, 2, 0, 0))
        table.add_column("Year")
        table.add_column(f"{country.name} in Peru", overflow="fold")
        table.add_column(f"Peru in {country.name}", overflow="fold")
        previous = None
        for year, in_peru, by_peru in rep.snapshots:
            if (in_peru, by_peru) != previous:
                table.add_row(str(year), LEVELS.get(in_peru, "?"), LEVELS.get(by_peru, "?"))
                previous = (in_peru, by_peru)
        parts.append(table)

    events = ds.events_of(country.code)
    parts += [Text(""), _heading(f"Events ({len(events)})")]
    if events:
        table = Table(box=None, show_header=False, padding=(0, 2, 0, 0))
        table.add_column("date", no_wrap=True)
        table.add_column("kind", style="cyan", no_wrap=True)
        table.add_column("title", overflow="fold")
        table.add_column("src", style="dim")
        for e in events:
            table.add_row(e.date, e.kind, e.title, notes.cite(e.sources))
        parts.append(table)
    else:
        parts.append(Text("no events recorded", style="dim"))

    parts += [Text(""), _heading("Sources"), notes.legend()]
    return Panel(
        Group(*parts),
        title=f"[bold]Peru – {escape(country.name)}[/]",
        title_align="left",
        expand=True,
    )


def print_lines(lines: Sequence[Line]) -> None:
    """Styled lines from `layout`, in colour: already laid out, so Rich must not re-wrap them."""
    out = Console(highlight=False, soft_wrap=True)
    text = Text("\n").join(Text.assemble(*line) for line in lines)
    out.print(text, crop=False)
