"""Styled output for a terminal: the only module that imports Rich. Everything people read is laid
out as plain lines first (`layout`, `card`); Rich only paints them when colour is on."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from rich.console import Console
from rich.text import Text

if TYPE_CHECKING:
    from .layout import Line


def print_lines(lines: Sequence[Line]) -> None:
    """Styled lines, already laid out to the terminal's width: Rich must not re-wrap them."""
    out = Console(highlight=False, soft_wrap=True)
    text = Text("\n").join(Text.assemble(*line) for line in lines)
    out.print(text, crop=False)
