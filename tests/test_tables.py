"""Tables that fit: every command's table for people, at 40, 60, 80 and 120 columns, never
splits or merges a word, code, date or header (it wraps at spaces, leaves columns out with a note
on stderr, and only then stacks records), and no line is wider than the terminal."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from .conftest import entry

VOTES_ENV = {"PERUREL_VOTES": str(Path(__file__).parent / "fixtures" / "mini-votes.json.gz")}
COMMAND_LINES = [
    ["country", "chile"],
    ["country", "chile", "--full"],
    ["country", "chile", "--lang", "es"],
    ["timeline", "--since", "2000"],
    ["countries"],
    ["countries", "--lang", "es"],
    ["countries", "--fields", "code,name,relations.status,relations.established,event_count"],
    ["missions", "--from", "peru"],
    ["search", "tratado de paz"],
    ["sources", "--tier", "official"],
    ["stats"],
    ["orgs"],
    ["orgs", "OEA"],
    ["votes", "chile"],
    ["votes", "--rank", "--min-votes", "1"],
    ["votes", "--peru"],
    ["votes", "--rcid", "9058"],
    ["compare", "chile", "bolivia"],
    ["compare", "chile", "bolivia", "--lang", "es"],
    ["anniversaries", "--month", "2022-10"],
    ["anniversaries", "--year", "2026", "--lang", "es"],
]
URL = re.compile(r"https?://")
BAR = re.compile(r"^[█▏▎▍▌▋▊▉·.\-—–]*$")


def _render(args: list[str], width: int) -> tuple[str, str]:
    env = {**VOTES_ENV, "COLUMNS": str(width), "PERUREL_LANG": "en"}
    result = entry([*args, "--no-pager"], env)
    assert result.exit_code == 0, (args, result.output)
    return result.stdout, result.stderr


def _words(text: str) -> set[str]:
    return {w for w in text.split() if not BAR.match(w)}


@pytest.mark.parametrize("args", COMMAND_LINES, ids=" ".join)
@pytest.mark.parametrize("width", [40, 60, 80, 120])
def test_every_table_fits_without_splitting_words(args: list[str], width: int) -> None:
    wide, _ = _render(args, 2000)  # nothing wraps, nothing is left out
    narrow, err = _render(args, width)
    whole = _words(wide)
    for line in narrow.splitlines():
        # only a word that cannot fit after the line's indent (a long id, a URL) overflows
        indent = len(line) - len(line.lstrip(" "))
        alone = len(line.split()) == 1 and indent + len(line.split()[0]) > width
        assert len(line) <= width or alone or URL.search(line), (width, line)
        for word in _words(line):
            # a word of the narrow table is a word of the wide one: nothing cut or run together
            # (a stacked record prefixes its label as 'Header:')
            label = word.endswith(":") and word[:-1].isalpha()
            assert word in whole or label, (width, word, line)
    if "left out to fit" in err:
        assert f"left out to fit {width} columns: " in err


def test_the_columns_left_out_are_named_and_fields_brings_them_back() -> None:
    _, err = _render(["countries"], 60)
    left_out = err.split("left out to fit 60 columns: ", 1)[1].split(" (", 1)[0].split(", ")
    assert "Events" in left_out
    out, err = _render(["countries", "--fields", "code,event_count"], 60)
    assert "left out" not in err
    assert out.splitlines()[0].split() == ["code", "event_count"]


def test_the_orgs_dates_are_never_broken() -> None:
    for width in (40, 60, 80, 120):
        out, _ = _render(["orgs"], width)
        assert not re.search(r"\d{4}-\d{2}-$|^\s*\d{2}(\s|$)", out, re.MULTILINE), out
