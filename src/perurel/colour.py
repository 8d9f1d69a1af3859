"""Styled output for a terminal: the only module that imports Rich. Everything people read is laid
out as plain lines first (`layout`, `card`); Rich only paints them when colour is on, and makes
every URL a link (OSC 8) that terminals which support it let people click."""

from __future__ import annotations

import re
from collections.abc import Sequence

from rich.console import Console
from rich.style import Style
from rich.text import Text

from .tuples import TYPE_CHECKING

if TYPE_CHECKING:
    from typing import TextIO

    from .layout import Line

URL = re.compile(r"https?://[^\s<>\"'\]]+")


def _balanced(url: str) -> str:
    """A URL without the punctuation that ends the sentence around it: a closing parenthesis
    stays when the URL opened one (`..._(Grecia)`)."""
    while url and url[-1] in ".,;:)":
        if url[-1] == ")" and url.count("(") >= url.count(")"):
            break
        url = url[:-1]
    return url


_HOST = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?(?::[0-9]{1,5})?")


def linkable(url: str) -> bool:
    """An http or https URL whose host is a plain host name (no user name that hides the real
    host, no odd characters) and that carries no control or space: only these become links."""
    from urllib.parse import urlsplit

    if not url.isprintable() or " " in url:
        return False
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    return parts.scheme in ("http", "https") and _HOST.fullmatch(parts.netloc) is not None


def styled(line: Line) -> Text:
    """One laid-out line as Rich text, its URLs as hyperlinks."""
    text = Text.assemble(*line)
    for found in URL.finditer(text.plain):
        url = _balanced(found.group())
        if linkable(url):
            text.stylize(Style(link=url), found.start(), found.start() + len(url))
    return text


def print_lines(lines: Sequence[Line], file: TextIO, *, force: bool = False) -> None:
    """Styled lines, already laid out to the terminal's width, onto the stream `terminal` hands
    over (`force`: styled even when it is not a terminal, for the pager): Rich must not re-wrap
    them."""
    closed_pipe_is_success()  # `timeline | head -1` on a colour terminal: exit 0, as plain
    out = Console(
        file=file,
        highlight=False,
        soft_wrap=True,
        force_terminal=True if force else None,
    )
    out.print(Text("\n").join(styled(line) for line in lines), crop=False)


def closed_pipe_is_success() -> None:
    """Rich ends the process with exit 1 when the reader of its output goes away (`perurel --help
    | head -1`); Typer prints help through Rich. perurel treats a closed pipe as success for help as
    for data: the error goes up to `terminal.guard`, which ends quietly with 0."""

    def on_broken_pipe(console: Console) -> None:
        console.quiet = True
        raise BrokenPipeError

    setattr(Console, "on_broken_pipe", on_broken_pipe)  # noqa: B010 (mypy: no method assignment)
