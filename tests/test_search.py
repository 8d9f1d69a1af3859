"""The full-text search finds what people ask for, in English and Spanish."""

from __future__ import annotations

import json

import pytest

import perurel
from perurel.fulltext import search

from .conftest import FIXTURE, entry
from .search_table import QUESTIONS


@pytest.mark.parametrize(("question", "event_id"), QUESTIONS)
def test_questions_find_their_event_in_the_top_five(
    ds: perurel.Dataset, question: str, event_id: str
) -> None:
    assert event_id in [h.id for h in search(ds, question, limit=5)]


# The table must stay large and keep its questions in Spanish.
assert len(QUESTIONS) >= 40
assert (
    sum(any(w in q.lower() for w in ("de", "con", "la ", "ñ", "ó", "á")) for q, _ in QUESTIONS)
    >= 15
)


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("guerra", ["1879-04-05-war"]),  # only the Spanish title and summary say it
        ("acuerdo de paz", ["1998-10-peace"]),
        ("tratado", ["1929-06-03-treaty", "1998-10-peace"]),  # the word, then the kind
        ("nuevo presidente", ["2001-07-28-inauguration"]),
    ],
)
def test_spanish_words_find_the_fixtures_spanish_texts(
    mini: perurel.Dataset, words: str, expected: list[str]
) -> None:
    assert [hit.id for hit in search(mini, words, limit=5)] == expected


@pytest.mark.parametrize(
    ("english", "spanish"),
    [
        ("Hague Chile", "La Haya Chile"),
        ("UN", "ONU"),
        ("OAS charter", "Carta de la OEA"),
        ("embassy Kenya", "embajada Kenia"),
        ("break Mexico", "ruptura México"),
    ],
)
def test_english_and_spanish_find_the_same(ds: perurel.Dataset, english: str, spanish: str) -> None:
    en, es = search(ds, english, limit=3), search(ds, spanish, limit=3)
    assert en[0].id == es[0].id and {h.id for h in en} == {h.id for h in es}


def test_a_named_country_comes_first(ds: perurel.Dataset) -> None:
    hits = search(ds, "ambassador Chile", limit=3)
    assert all("CL" in h.countries for h in hits[:1])


def test_filters_and_the_count_of_hidden_hits() -> None:
    def ids(*args: str) -> list[str]:
        out = entry(["--data", str(FIXTURE), "search", *args, "--json"])
        assert out.exit_code == 0, out.output
        return [r["id"] for r in json.loads(out.stdout)]

    assert ids("treaty") == ["1929-06-03-treaty", "1998-10-peace"]
    assert ids("treaty", "--since", "1990") == ["1998-10-peace"]
    assert ids("treaty", "--country", "chile") == ["1929-06-03-treaty"]
    assert ids("treaty", "--kind", "dispute") == []
    hidden = entry(["--data", str(FIXTURE), "search", "treaty", "-n", "1"])
    assert hidden.stderr == "perurel: showing 1 of 2 hits; --limit shows more\n"
    bad = entry(["--data", str(FIXTURE), "search", "treaty", "--kind", "party"])
    assert bad.exit_code == 2 and "unknown event kind 'party'" in bad.stderr


def test_search_on_the_fixture_several_words_without_quotes() -> None:
    out = entry(["--data", str(FIXTURE), "search", "war", "begins", "--json"])
    assert [r["id"] for r in json.loads(out.stdout)] == ["1879-04-05-war"]


def test_the_queries_issue_12_found_wanting(ds: perurel.Dataset) -> None:
    def first(q: str, n: int = 1) -> list[str]:
        return [h.id for h in search(ds, q, limit=n)]

    assert first("tratado de paz", 3) and first("embajada Bolivia")
    assert "2014-01-27-icj-judgment-chile" in first("La Haya Chile", 2)
    assert "2014-01-27-icj-judgment-chile" in first("Hague Chile", 2)
    assert first("ONU", 5) == first("UN", 5)
    assert first("ruptura relaciones México") == ["2025-11-03-peru-breaks-relations-mexico"]
    assert first("Mexico broke relations") == ["2025-11-03-peru-breaks-relations-mexico"]
    assert "2025-11-03-peru-breaks-relations-mexico" in first("Peru Mexico 2025", 2)
    assert "asylum" in " ".join(h.title + h.text for h in search(ds, "asilo", limit=2)).lower()
    assert "CL" in search(ds, "ambassador Chile", limit=1)[0].countries
    noted = entry(["search", "UN"])
    assert "showing 10 of" in noted.stderr


@pytest.mark.parametrize("words", ["andean community", "Comunidad Andina", "pacto andino"])
def test_an_organisations_name_is_not_a_prefix_of_a_country(
    ds: perurel.Dataset, words: str
) -> None:
    # the Andean Community is CAN, Canada's ISO alpha-3 code is CAN: neither finds the other
    hits = search(ds, words, limit=50)
    assert any(h.kind == "organisation" and h.id == "can" for h in hits)
    assert hits and all("CA" not in h.countries for h in hits)


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("matasellos conmemorativo", "2025-11-peru-thailand-60-years"),
        ("investidura de Kast", "2026-03-11-de-zela-kast-inauguration"),
    ],
)
def test_spanish_words_find_the_spanish_texts(
    ds: perurel.Dataset, words: str, expected: str
) -> None:
    """Words that only the Spanish text of a record has ('matasellos', 'investidura') find it."""
    event = next(e for e in ds.events if e.id == expected)
    assert all(w.lower() not in f"{event.title} {event.summary}".lower() for w in words.split()[:1])
    assert expected in [hit.id for hit in ds.search(words, limit=5)]
