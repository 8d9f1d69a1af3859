"""Citations out: BibTeX and CSL JSON, read back by real clients (bibtexparser, citeproc-py)."""

from __future__ import annotations

import json
import re

import bibtexparser
import pytest
from bibtexparser.bparser import BibTexParser
from citeproc import (
    Citation,
    CitationItem,
    CitationStylesBibliography,
    CitationStylesStyle,
    formatter,
)
from citeproc.source.json import CiteProcJSON

import perurel

from .conftest import Invoke, Run


def _parse_bibtex(text: str) -> dict[str, dict[str, str]]:
    parser = BibTexParser(common_strings=True)
    return {e["ID"]: e for e in bibtexparser.loads(text, parser).entries}


def test_every_source_round_trips_through_bibtex(run: Run, ds: perurel.Dataset) -> None:
    result = run("sources", "--format", "bibtex")
    assert result.exit_code == 0, result.stderr
    entries = _parse_bibtex(result.stdout)
    assert set(entries) == set(ds.sources)
    for sid, src in ds.sources.items():
        entry = entries[sid]
        assert entry["ENTRYTYPE"] == "misc"
        if src.url:
            assert entry["url"].replace(r"\%", "%") == src.url
        if src.date:
            assert entry["year"] == src.date[:4]
        plain = not any(c in src.title for c in "&%$#_{}~^\\")
        if plain:
            assert " ".join(src.title.split()) in entry["title"]


def test_one_source_as_bibtex(run_mini: Invoke) -> None:
    result = run_mini("sources", "ministry", "--format", "bibtex")
    assert result.exit_code == 0, result.stderr
    entries = _parse_bibtex(result.stdout)
    assert list(entries) == ["ministry"]
    assert entries["ministry"]["author"] == "{Ministry of Foreign Affairs}"


def _bibliography(items: list[dict[str, object]]) -> list[str]:
    style = CitationStylesStyle("harvard-cite-them-right", validate=False)
    bibliography = CitationStylesBibliography(style, CiteProcJSON(items), formatter.plain)
    for item in items:
        bibliography.register(Citation([CitationItem(str(item["id"]))]))
    return [str(entry) for entry in bibliography.bibliography()]


def test_every_source_formats_through_a_csl_processor(run: Run, ds: perurel.Dataset) -> None:
    result = run("sources", "--tier", "press", "--format", "csl-json")
    assert result.exit_code == 0, result.stderr
    items = json.loads(result.stdout)
    press = [s for s in ds.sources.values() if s.tier == "press"]
    assert [i["id"] for i in items] == [s.id for s in press]
    rendered = _bibliography(items)
    assert len(rendered) == len(items)
    by_title = {s.title: s for s in press}
    for text in rendered[:50]:
        assert any(title in text for title in by_title), text


def _card_sources(card: str) -> list[str]:
    """The source ids the full card lists, in order: each entry ends with its id in brackets."""
    lines = card.splitlines()
    tail = lines[lines.index("Sources") + 1 :]
    return [m[1] for line in tail if (m := re.search(r"\(([a-z0-9][a-z0-9._-]*)\)$", line))]


def test_country_cite_on_the_fixture(run_mini: Invoke) -> None:
    bib = run_mini("country", "chile", "--cite", "bibtex")
    assert list(_parse_bibtex(bib.stdout)) == ["ministry", "seed", "cow", "names"]


def test_country_cite_covers_every_source_on_the_card(run: Run) -> None:
    bib = run("country", "chile", "--cite", "bibtex")
    assert bib.exit_code == 0, bib.stderr
    expected = _card_sources(run("country", "chile", "--full").stdout)
    assert len(expected) > 50
    assert list(_parse_bibtex(bib.stdout)) == expected
    csl = run("country", "chile", "--cite", "csl-json")
    items = json.loads(csl.stdout)
    assert [i["id"] for i in items] == expected
    assert len(_bibliography(items)) == len(expected)


@pytest.mark.parametrize(
    "args",
    [
        ["country", "chile", "--cite", "bibtex", "--json"],
        ["country", "chile", "--cite", "ris"],
        ["sources", "--format", "bibtex", "--fields", "id"],
    ],
)
def test_citation_usage_errors(run_mini: Invoke, args: list[str]) -> None:
    result = run_mini(*args)
    assert result.exit_code == 2, result.output
