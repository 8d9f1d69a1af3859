"""Plain-text layout for output people read: styled lines built without Rich.

A line is a list of spans `(text, style)`, style being a Rich style name or "". `colour` turns
lines into Rich text when colour is on; otherwise they are written as they are, which keeps long
listings fast (a Rich table of a few hundred rows takes longer than the whole rest of a run).
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Sequence

ID = re.compile(r"[a-z0-9]+(?:[._-][a-z0-9]+)+")  # a source or event id: lower case, dashes
Span = tuple[str, str]
Line = list[Span]
NARROW = 60  # below this many columns, rows are stacked instead of laid out in columns
DEFAULT_WIDTH = 80  # a pipe, a file, or a terminal that reports no size (0x0)
DEFAULT_HEIGHT = 24


def width() -> int:
    """The width to lay out for: $COLUMNS, else the terminal's, else DEFAULT_WIDTH."""
    return _size("COLUMNS", 0, DEFAULT_WIDTH)


def height() -> int:
    """The terminal's height in lines: $LINES, else the terminal's, else DEFAULT_HEIGHT."""
    return _size("LINES", 1, DEFAULT_HEIGHT)


MAX_SIZE = 10_000  # columns or lines: beyond this a layout would only fill the memory


def _size(variable: str, index: int, default: int) -> int:
    text = os.environ.get(variable, "").strip()
    try:
        value = int(text) if len(text) <= 12 else (MAX_SIZE + 1 if text.isdigit() else 0)
    except ValueError:
        value = 0
    if value > MAX_SIZE:
        from .errors import UsageError, printable
        from .i18n import t

        raise UsageError(
            t(
                "{variable}={value} is out of range: use 1 to {most}, or unset it",
                variable=variable,
                value=printable(text, 20),
                most=MAX_SIZE,
            )
        )
    if value > 0:
        return value
    try:
        if sys.stdout.isatty():
            value = os.get_terminal_size(sys.stdout.fileno())[index]
    except (OSError, ValueError):
        pass
    return value if value > 0 else default


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


def wrap(text: str, width: int) -> list[str]:
    """Words wrapped to `width` columns, at least one line. A word is never broken: one longer
    than the width (a URL, an id, a long name) gets a line of its own and overflows, so it can be
    read and copied; only a run of citation marks (`[1][2][3]`) is cut, after a `]`."""
    if len(text) <= width and text.isprintable():  # most cells fit: skip textwrap (10x faster)
        return [text.rstrip(" ")] if text.strip(" ") else [""]
    if width > 0 and text.isprintable() and "  " not in text and text[:1] != " " != text[-1:]:
        # prose with single spaces (a summary, a title): the greedy fill without the tokenizer
        words = text.split(" ")
        if max(map(len, words)) <= width:
            lines, line = [], words[0]
            for word in words[1:]:
                if len(line) + 1 + len(word) > width:
                    lines.append(line)
                    line = word
                else:
                    line += " " + word
            lines.append(line)
            return lines
    return slow_wrap(text, width)


def slow_wrap(text: str, width: int) -> list[str]:
    """`wrap` without the shortcut: greedy, as textwrap fills (spaces inside a line kept, none at
    the end of a line, none at the start of a line after the first), in a tenth of its time."""
    width = max(width, 1)
    text = text.translate(_WHITESPACE)
    lines: list[str] = []
    line = ""
    for token in _TOKENS.findall(text):
        if token.isspace():
            line += token if line or not lines else ""
            continue
        whole = len(token) <= width or _whole(token) or "]" not in token[: width - 1]
        pieces = [token] if whole else _cut(token, width).split(" ")
        for piece in pieces:
            if len(line) + len(piece) > width:
                if line.strip():
                    lines.append(line.rstrip(" "))
                line = ""  # leading spaces before a word that does not fit go, as textwrap does
            line += piece
    if line.strip() or not lines:
        lines.append(line.rstrip(" ") if line.strip() else "")
    return lines


_WHITESPACE = str.maketrans("\t\n\x0b\x0c\r", "     ")
_TOKENS = re.compile(r" +|[^ ]+")


def _whole(word: str) -> bool:
    """A word never cut: a URL, or an id (`biobio-2024-01-10-peru-border`, `(un-charter)`)."""
    return "://" in word or ID.fullmatch(word.strip("(),;")) is not None


def _cut(word: str, width: int) -> str:
    """A long word as pieces of at most `width`, separated by spaces."""
    pieces = []
    while len(word) > width:
        at = word.rfind("]", 0, width) + 1 or width
        pieces.append(word[:at])
        word = word[at:]
    return " ".join([*pieces, word])


Cell = list[Span]  # one span per wrapped line


def cell(lines: list[str], style: str = "") -> Cell:
    """Wrapped lines that share a style."""
    return [(text, style) for text in lines]


def row(cells: Sequence[Cell], widths: Sequence[int], gap: int = 2) -> list[Line]:
    """Cells side by side, each padded to its column's width; the last column is not padded.
    (The padding before a text is one span, however many empty cells it crosses.)"""
    out: list[Line] = []
    last = len(cells) - 1
    for n in range(max(map(len, cells))):
        line: Line = []
        pad = 0
        for i, c in enumerate(cells):
            text, style = c[n] if n < len(c) else ("", "")
            if text:
                if pad:
                    line.append((" " * pad, ""))
                line.append((text, style))
                pad = max(0, widths[i] - len(text)) + gap if i != last else 0
            elif i != last:
                pad += widths[i] + gap
        out.append(_trim(line))
    return out


def _trim(line: Line) -> Line:
    while line and not line[-1][0].strip():
        line.pop()
    if line:
        text, style = line[-1]
        line[-1] = (text.rstrip(), style)
    return line


DROPPED: list[str] = []  # columns `table` left out to fit the width; `terminal.show` says which


def table(
    headers: Sequence[str],
    rows: Sequence[Sequence[str]],
    width: int,
    flex: Sequence[int] | None = None,
    *,
    header: bool = True,
) -> list[Line]:
    """A plain table at natural column widths. When it is too wide, the `flex` columns (prose;
    by default every column) wrap at spaces, each giving up width in proportion to its length,
    never below its header or its longest word (so no word, code, date or header is split). If
    even that is too wide, a table with a header leaves out its least important columns (from
    the right, fixed ones before prose; never the first two), named in `DROPPED`; if it still
    cannot fit (or has no header: a card's lines), each row becomes a stack of 'header: value'
    lines."""
    if not rows:
        from .i18n import t

        return [[(t("nothing matches"), "dim")]]
    gap = 2
    flexible = set(range(len(headers)) if flex is None else flex)
    widths = [max(len(h), *(len(r[i]) for r in rows)) for i, h in enumerate(headers)]
    floors = [
        max(len(h) if header else 0, *(_longest_word(r[i]) for r in rows)) if i in flexible else w
        for i, (h, w) in enumerate(zip(headers, widths, strict=True))
    ]
    keep = list(range(len(headers)))
    order = [i for i in reversed(keep[1:]) if i not in flexible]
    order += [i for i in reversed(keep[1:]) if i in flexible]
    while header and len(keep) > 2 and sum(floors[i] for i in keep) + gap * (len(keep) - 1) > width:
        keep.remove(order.pop(0))
    if sum(floors[i] for i in keep) + gap * (len(keep) - 1) > width:
        return _stacked(headers, rows, width)
    if len(keep) < len(headers):
        DROPPED.extend(h for i, h in enumerate(headers) if i not in keep and h not in DROPPED)
        headers = [headers[i] for i in keep]
        rows = [[r[i] for i in keep] for r in rows]
        widths = [widths[i] for i in keep]
        floors = [floors[i] for i in keep]
        flexible = {n for n, i in enumerate(keep) if i in flexible}
    room = width - gap * (len(headers) - 1)
    excess = sum(widths) - room
    if excess > 0:
        _give_back(widths, {i: floors[i] for i in flexible}, excess)
    lines = row([cell([h], "bold") for h in headers], widths, gap) if header else []
    for r in rows:
        cells = [cell(wrap(text, w) if text else [""]) for text, w in zip(r, widths, strict=True)]
        lines += row(cells, widths, gap)
    return lines


def fit(lines: Sequence[Line], width: int) -> list[Line]:
    """Lines no wider than `width`: a wider line (a heading, a row with a long id) wraps at spaces,
    keeping its styles, each continuation at the line's indent. A word is never split: one that
    cannot fit after the indent stays whole and overflows."""
    out: list[Line] = []
    for line in lines:
        text = "".join(part for part, _ in line)
        if len(text) <= width:
            out.append(line)
            continue
        indent = len(text) - len(text.lstrip(" "))
        start: Line = [(" " * indent, "")] if indent else []
        current, used, words = list(start), indent, 0
        for part, style in line:
            for token in _TOKENS.findall(part):
                if token.isspace():
                    if words:
                        current.append((token, style))
                        used += len(token)
                    continue
                if words and used + len(token) > width:
                    out.append(_trim(current))
                    current, used, words = list(start), indent, 0
                current.append((token, style))
                used += len(token)
                words += 1
        out.append(_trim(current))
    return out


def _longest_word(text: str) -> int:
    """The widest word of a cell, which wrapping must not split (a URL overflows instead)."""
    return max((len(w) for w in text.split() if "://" not in w), default=0)


def _give_back(widths: list[int], floors: dict[int, int], excess: int) -> None:
    """Narrow the columns in `floors` by `excess` in all, each in proportion to what it can
    spare above its floor."""
    spare = {i: widths[i] - f for i, f in floors.items() if widths[i] > f}
    total = sum(spare.values())
    if total <= 0:
        return
    take = min(excess, total)
    cut = {i: take * sp // total for i, sp in spare.items()}
    left = take - sum(cut.values())
    for i in sorted(spare, key=lambda i: -spare[i]):
        if left <= 0:
            break
        if cut[i] < spare[i]:
            cut[i] += 1
            left -= 1
    for i, c in cut.items():
        widths[i] -= c


def _stacked(headers: Sequence[str], rows: Sequence[Sequence[str]], width: int) -> list[Line]:
    lines: list[Line] = []
    for r in rows:
        for h, text in zip(headers, r, strict=True):
            for i, part in enumerate(wrap(f"{h}: {text}", width)):
                lines.append([(part, "bold" if i == 0 and h == headers[0] else "")])
        lines.append([])
    return lines


def bars(items: Sequence[tuple[str, int]], width: int, style: str = "cyan") -> list[Line]:
    """A horizontal bar chart: label, bar scaled to the largest value, count."""
    if not items:
        return []
    label_w = max(len(label) for label, _ in items)
    count_w = max(len(str(n)) for _, n in items)
    room = max(1, width - label_w - count_w - 4)
    top = max(n for _, n in items) or 1
    out: list[Line] = []
    for label, n in items:
        bar = "█" * max(1 if n else 0, round(n * room / top))
        out.append(
            _trim([(f"{label.ljust(label_w)}  {str(n).rjust(count_w)}  ", ""), (bar, style)])
        )
    return out


def plain(lines: Sequence[Line]) -> str:
    """The lines as text, without styles."""
    return "".join("".join(text for text, _ in line) + "\n" for line in lines)
