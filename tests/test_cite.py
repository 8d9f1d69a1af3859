"""Citations out: BibTeX and CSL JSON, read back by real clients (bibtexparser, citeproc-py)."""

from __future__ import annotations

import json
import re
from urllib.parse import urlparse

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

from .conftest import FIXTURE, Invoke, Run


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
    # no stated author: the publisher is the publisher, never promoted to author
    assert "author" not in entries["ministry"]
    assert entries["ministry"]["publisher"] == "Ministry of Foreign Affairs"
    assert entries["ministry"]["howpublished"] == r"\url{https://example.org/relations}"


def test_bibtex_names_the_stated_author_and_the_copy(run_mini: Invoke) -> None:
    result = run_mini("sources", "--format", "bibtex")
    assert result.exit_code == 0, result.stderr
    entries = _parse_bibtex(result.stdout)
    assert entries["cow"]["author"] == "Bayer, Reşat"
    assert "author" not in entries["seed"]
    # read in a mirror: the copy is where it can be read, and the note says it is a copy
    assert entries["seed"]["url"] == "https://mirror.example.net/seed"
    assert entries["seed"]["note"].startswith(
        r"Read in a copy: \url{https://mirror.example.net/seed}"
    )
    assert entries["seed"]["publisher"] == "Example Encyclopedia"


def test_institutional_authors_stay_whole(run: Run, ds: perurel.Dataset) -> None:
    from bibtexparser.customization import splitname

    entries = _parse_bibtex(run("sources", "--format", "bibtex").stdout)
    checked = 0
    for sid, src in ds.sources.items():
        raw = entries[sid].get("author")
        names = re.split(r"\s+and\s+", raw) if raw else []
        assert len(names) == len(src.author), sid
        for stated, name in zip(src.author, names, strict=True):
            parts = splitname(name)
            if ", " in stated:  # a person: family name first, as stated
                family = " ".join(parts["von"] + parts["last"])
                assert family == stated.split(", ")[0], (sid, parts)
            else:  # an institution: one braced name, never split into given and family
                assert parts["first"] == [] and len(parts["last"]) == 1, (sid, parts)
            checked += 1
    assert checked >= 50


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


# Websites, mirrors and archives a source may have been read in: never an author.
WEBSITE = re.compile(
    r"\b[\w-]+\.(com|org|net|io|pub|tips|es|info|wiki|de|uk|jp|th|vn)\b|wiki|ipfs|mirror|copy"
)


def test_no_citation_names_a_website_as_author(run: Run, ds: perurel.Dataset) -> None:
    entries = _parse_bibtex(run("sources", "--format", "bibtex").stdout)
    items = {i["id"]: i for i in json.loads(run("sources", "--format", "csl-json").stdout)}
    for sid, src in ds.sources.items():
        bib_author = entries[sid].get("author", "")
        assert not WEBSITE.search(bib_author), (sid, bib_author)
        csl_names = items[sid].get("author", [])
        for name in csl_names:
            text = name.get("literal") or f"{name['family']}, {name['given']}"
            assert not WEBSITE.search(text), (sid, text)
        assert [n.get("literal") or f"{n['family']}, {n['given']}" for n in csl_names] == list(
            src.author
        )
        if src.via:
            host = urlparse(src.via).netloc
            assert host not in bib_author and host not in src.publisher, sid
            assert src.via in items[sid]["note"]


def test_chile_citations_name_the_original(run: Run) -> None:
    entries = _parse_bibtex(run("country", "chile", "--full", "--cite", "bibtex").stdout)
    bulletin = entries["docslib-stjohn-1929-final-settlement"]
    assert bulletin["author"] == "St John, Ronald Bruce"
    assert "Durham University" in bulletin["publisher"]
    assert "docslib.org" in bulletin["note"]
    mirror = entries["ipfs-chile-peru-controversies"]
    assert "author" not in mirror and mirror["publisher"] == "Wikipedia"


def test_csl_people_and_institutions(run_mini: Invoke) -> None:
    items = json.loads(run_mini("sources", "--format", "csl-json").stdout)
    by_id = {i["id"]: i for i in items}
    assert by_id["cow"]["author"] == [{"family": "Bayer", "given": "Reşat"}]
    assert "author" not in by_id["ministry"]
    rendered = _bibliography([by_id["cow"]])
    assert rendered[0].startswith("Bayer, R."), rendered


def _card_sources(card: str) -> list[str]:
    """The source ids the full card lists, in order: each entry ends with its id in brackets."""
    lines = card.splitlines()
    tail = lines[lines.index("Sources") + 1 :]
    return [m[1] for line in tail if (m := re.search(r"\(([a-z0-9][a-z0-9._-]*)\)$", line))]


def test_country_cite_on_the_fixture(run_mini: Invoke) -> None:
    bib = run_mini("country", "chile", "--full", "--cite", "bibtex")
    assert list(_parse_bibtex(bib.stdout)) == sorted(["ministry", "seed", "cow", "names"])


def test_country_full_cite_covers_every_source_on_the_full_card(run: Run) -> None:
    bib = run("country", "chile", "--full", "--cite", "bibtex")
    assert bib.exit_code == 0, bib.stderr
    expected = sorted(set(_card_sources(run("country", "chile", "--full").stdout)))
    assert len(expected) > 50
    assert list(_parse_bibtex(bib.stdout)) == expected


def _ids(items: list[dict[str, object]] | dict[str, object]) -> list[str]:
    return [str(i["id"]) for i in (items if isinstance(items, list) else [items])]


def test_country_full_cite_is_every_source_of_the_record(run: Run) -> None:
    record = json.loads(run("country", "chile", "--json").stdout)
    expected = sorted({s["id"] for s in record["sources"]})
    bib = run("country", "chile", "--full", "--cite", "bibtex")
    assert bib.exit_code == 0, bib.stderr
    assert list(_parse_bibtex(bib.stdout)) == expected
    items = json.loads(run("country", "chile", "--full", "--cite", "csl-json").stdout)
    assert _ids(items) == expected
    assert len(_bibliography(items)) == len(expected)


def test_country_cite_is_what_the_brief_card_shows(run_mini: Invoke) -> None:
    """On the fixture every mission and event fits the brief card: what it shows rests on the
    relations, their milestones, the UN votes line, missions, events and shared member lists."""
    record = json.loads(run_mini("country", "chile", "--json").stdout)
    rel = record["relations"]
    shown = [*rel["sources"], *(i for m in rel["history"] for i in m["sources"])]
    shown += record["un_votes"]["sources"] if record["un_votes"] else []
    shown += [i for m in record["missions"] for i in m["sources"]]
    shown += [i for e in record["events"] for i in e["sources"]]
    for org in json.loads(run_mini("orgs", "--json").stdout):
        if org["members"] and "CL" in org["members"]["codes"]:
            shown += org["members"]["sources"]
    known = {s["id"] for s in record["sources"]}
    expected = sorted(set(shown) & known)
    items = json.loads(run_mini("country", "chile", "--cite", "csl-json").stdout)
    assert _ids(items) == expected
    assert set(_ids(items)) < known  # the summary's source is on the full card only


def test_timeline_and_search_cite_what_they_list(run: Run) -> None:
    events = json.loads(run("timeline", "--since", "2020", "--limit", "5", "--json").stdout)
    expected = sorted({i for e in events for i in e["sources"]})
    bib = run("timeline", "--since", "2020", "--limit", "5", "--cite", "bibtex")
    assert bib.exit_code == 0, bib.stderr
    assert list(_parse_bibtex(bib.stdout)) == expected
    hits = json.loads(run("search", "la haya", "--limit", "3", "--kind", "ruling", "--json").stdout)
    assert hits and all(h["kind"] == "event" for h in hits)
    by_id = {e["id"]: e for e in json.loads(run("timeline", "--kind", "ruling", "--json").stdout)}
    expected = sorted({i for h in hits for i in by_id[h["id"]]["sources"]})
    items = json.loads(
        run("search", "la haya", "-n", "3", "-k", "ruling", "--cite", "csl-json").stdout
    )
    assert _ids(items) == expected


@pytest.mark.parametrize(
    "args",
    [
        ["country", "chile", "--cite", "bibtex", "--json"],
        ["country", "chile", "--cite", "ris"],
        ["timeline", "--cite", "bibtex", "--format", "csv"],
        ["search", "war", "--cite", "bibtex", "--fields", "id"],
        ["sources", "--format", "bibtex", "--fields", "id"],
    ],
)
def test_citation_usage_errors(run_mini: Invoke, args: list[str]) -> None:
    result = run_mini(*args)
    assert result.exit_code == 2, result.output


def _entries(bibtex: str) -> list[str]:
    """The keys of a BibTeX text's entries in the order written, repeats kept."""
    return re.findall(r"^@\w+\{([^,]+),", bibtex, flags=re.MULTILINE)


def _section(card: str, heading: str) -> list[list[str]]:
    """The rows of a section of the brief card, each split into its columns."""
    lines = card.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(heading)) + 1
    end = next((i for i in range(start, len(lines)) if not lines[i].strip()), len(lines))
    return [re.split(r"\s{2,}", line.strip()) for line in lines[start:end]]


@pytest.mark.parametrize("code", ["CL", "AR"])
def test_brief_cite_is_what_the_brief_card_shows_on_the_bundled_record(run: Run, code: str) -> None:
    """The brief card shows some missions and the latest events: --cite cites the facts on the
    card (read from its text), and the full card's --cite every source of the record."""
    card = run("country", code, "--exact", env={"COLUMNS": "200"}).stdout
    record = json.loads(run("country", code, "--exact", "--json").stdout)
    rel = record["relations"]
    shown = [*rel["sources"], *(i for m in rel["history"] for i in m["sources"])]
    shown += record["un_votes"]["sources"]
    listed = [row for row in _section(card, "Missions") if len(row) == 3]  # not "and 3 more"
    assert 0 < len(listed) <= len(record["missions"])
    for who, kind, where in listed:
        owner = "PE" if who.startswith("Peru →") else code
        city = where.split(" (")[0]
        (mission,) = [
            m
            for m in record["missions"]
            if (m["owner"], m["kind"].replace("-", " "), m["city"])
            == (owner, kind.replace("-", " "), city)
        ]
        shown += mission["sources"]
    events = _section(card, "Latest events")
    assert 0 < len(events) < len(record["events"])
    for when, _, title in events:
        (event,) = [e for e in record["events"] if (e["date"], e["title"]) == (when, title)]
        shown += event["sources"]
    for org in json.loads(run("orgs", "--json").stdout):
        if org.get("members") and code in org["members"]["codes"]:
            shown += org["members"]["sources"]
    brief = _entries(run("country", code, "--exact", "--cite", "bibtex").stdout)
    assert brief == sorted(set(shown))
    full = _entries(run("country", code, "--exact", "--full", "--cite", "bibtex").stdout)
    assert set(brief) < set(full)
    assert full == sorted({s["id"] for s in record["sources"]})


@pytest.mark.parametrize(
    "args",
    [
        ["country", "chile", "--cite"],
        ["country", "chile", "--full", "--cite"],
        ["timeline", "--country", "chile", "--cite"],
        ["search", "tratado", "--limit", "30", "--cite"],
    ],
)
def test_citations_are_unique_and_sorted(run: Run, args: list[str]) -> None:
    keys = _entries(run(*args, "bibtex").stdout)
    assert len(keys) > 3 and keys == sorted(set(keys))
    items = json.loads(run(*args, "csl-json").stdout)
    assert _ids(items) == keys


def test_search_cites_what_each_kind_of_hit_shows(run_mini: Invoke) -> None:
    """A country hit shows its summary, relations note and date of establishment; an
    organisation hit its role and joining date; an event hit the event."""
    hits = json.loads(run_mini("search", "chile", "--json").stdout)
    hits += json.loads(run_mini("search", "united nations", "--json").stdout)
    assert {h["kind"] for h in hits} == {"country", "event", "organisation"}
    raw = json.loads(FIXTURE.read_text(encoding="utf-8"))
    expected: set[str] = set()
    for hit in hits:
        if hit["kind"] == "event":
            expected.update(next(e for e in raw["events"] if e["id"] == hit["id"])["sources"])
        elif hit["kind"] == "organisation":
            expected.update(
                next(o for o in raw["organisations"] if o["id"] == hit["id"])["sources"]
            )
        else:
            c = next(c for c in raw["countries"] if c["code"] == hit["id"])
            rel = c["relations"]
            established = [m for m in rel["history"] if m["kind"] == "established"]
            assert established and established[0]["date"] == hit["date"]
            expected.update([*c.get("summary_sources", []), *rel["sources"]])
            expected.update(established[0]["sources"])
    cited = set(_entries(run_mini("search", "chile", "--cite", "bibtex").stdout))
    cited |= set(_entries(run_mini("search", "united nations", "--cite", "bibtex").stdout))
    assert cited == expected


def test_a_country_hit_cites_its_date_of_establishment(run: Run) -> None:
    """Albania's hit is dated by its establishment, whose source is neither the summary's nor
    the relations note's."""
    (hit,) = json.loads(run("search", "albania", "--json").stdout)
    record = json.loads(run("country", "AL", "--exact", "--json").stdout)
    (established,) = [m for m in record["relations"]["history"] if m["kind"] == "established"]
    assert hit["kind"] == "country" and hit["date"] == established["date"]
    own = {*record["relations"]["sources"], *record.get("summary_sources", [])}
    assert set(established["sources"]) - own  # what this test is about
    cited = _entries(run("search", "albania", "--cite", "bibtex").stdout)
    assert cited == sorted(own | set(established["sources"]))
