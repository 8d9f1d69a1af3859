"""Plain-text layout for output people read: styled lines built without Rich.

A line is a list of spans `(text, style)`, style being a Rich style name or "". `render` turns
lines into Rich text when colour is on; otherwise they are written as they are, which keeps long
listings fast (a Rich table of a few hundred rows takes longer than the whole rest of a run).
"""

from __future__ import annotations

import os
import sys
import textwrap
from collections.abc import Sequence
from itertools import groupby, zip_longest
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .model import Event

Span = tuple[str, str]
Line = list[Span]
NARROW = 60  # below this many columns, rows are stacked instead of laid out in columns
PIPE_WIDTH = 100  # a pipe or a file has no width; keep lines readable in a pager


def width() -> int:
    """The width to lay out for: $COLUMNS, else the terminal's, else PIPE_WIDTH."""
    try:
        columns = int(os.environ.get("COLUMNS", ""))
    except ValueError:
        columns = 0
    if columns > 0:
        return columns
    try:
        if sys.stdout.isatty():
            return os.get_terminal_size(sys.stdout.fileno()).columns
    except (OSError, ValueError):
        pass
    return PIPE_WIDTH


def colour() -> bool:
    """Colour only on a terminal; NO_COLOR turns it off, FORCE_COLOR on (as Rich does)."""
    if os.environ.get("FORCE_COLOR"):
        return True
    if os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb":
        return False
    try:
        return sys.stdout.isatty()
    except ValueError:
        return False


def wrap(text: str, size: int) -> list[str]:
    """Words wrapped to `size` columns (long words broken), at least one line."""
    return textwrap.wrap(text, max(size, 1), break_on_hyphens=False) or [""]


Cell = list[Span]  # one span per wrapped line


def cell(lines: list[str], style: str = "") -> Cell:
    """Wrapped lines that share a style."""
    return [(text, style) for text in lines]


def row(cells: Sequence[Cell], widths: Sequence[int], gap: int = 2) -> list[Line]:
    """Cells side by side, each padded to its column's width; the last column is not padded."""
    out: list[Line] = []
    last = len(cells) - 1
    for parts in zip_longest(*cells, fillvalue=("", "")):
        line: Line = []
        for i, (text, style) in enumerate(parts):
            line.append((text, style))
            if i != last:
                line.append((" " * (widths[i] - len(text) + gap), ""))
        out.append(_trim(line))
    return out


def _trim(line: Line) -> Line:
    while line and not line[-1][0].strip():
        line.pop()
    if line:
        text, style = line[-1]
        line[-1] = (text.rstrip(), style)
    return line


def timeline(events: Sequence[Event], size: int) -> list[Line]:
    """Events grouped by year: date, partners, kind, then title, summary and source ids."""
    if not events:
        return [[("no events match", "dim")]]
    if size < NARROW:
        return _timeline_stacked(events, size)
    w_date = max(len("Date"), *(len(e.date) for e in events))
    w_with = min(14, max(len("With"), *(len(", ".join(e.countries)) for e in events)))
    w_kind = max(len("Kind"), *(len(e.kind) for e in events))
    w_event = max(20, size - (w_date + w_with + w_kind + 6))
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


def _timeline_stacked(events: Sequence[Event], size: int) -> list[Line]:
    lines: list[Line] = []
    for year, group in groupby(events, key=lambda e: e.date[:4]):
        lines.append([(year, "bold magenta")])
        for e in group:
            head = " · ".join(filter(None, (e.date, ", ".join(e.countries), e.kind)))
            lines += [[(t, "")] for t in wrap(head, size)]
            lines += [[(t, "bold")] for t in wrap(e.title, size)]
            lines += [[(t, "")] for t in wrap(e.summary, size)]
            lines += [[(t, "dim")] for t in wrap(", ".join(e.sources), size)]
            lines.append([])
    return lines


def plain(lines: Sequence[Line]) -> str:
    """The lines as text, without styles."""
    return "".join("".join(text for text, _ in line) + "\n" for line in lines)
