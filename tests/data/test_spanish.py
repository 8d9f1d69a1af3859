"""The dataset speaks both languages: every text people read has a Spanish text, and the English
and Spanish texts of each record carry the same numbers and dates."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator

import pytest

from ..conftest import ROOT

DATA = json.loads((ROOT / "data" / "relations.json").read_text(encoding="utf-8"))
ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50}


def _roman(numeral: str) -> int:
    total = 0
    for this, following in zip(numeral, [*numeral[1:], ""], strict=True):
        value = ROMAN[this]
        total += -value if following and ROMAN[following] > value else value
    return total


def numbers(text: str, *, spanish: bool = False) -> list[str]:
    """The digit runs of a text, sorted ('31 October 1945' -> ['1945', '31']); in Spanish a
    century in Roman numerals counts as its number ('siglo XIX' -> '19', as '19th century')."""
    if spanish:
        text = re.sub(
            r"\bsiglos? ([IVXL]+)(?: (?:y|al) ([IVXL]+))?",
            lambda m: " ".join(str(_roman(g)) for g in m.groups() if g),
            text,
        )
    return sorted(re.findall(r"\d+", text))


def pairs() -> Iterator[tuple[str, str, str]]:
    """(where, English, Spanish) for every text people read."""
    for e in DATA["events"]:
        for key in ("title", "summary"):
            yield f"events {e['id']} {key}", e[key], e.get(f"{key}_es", "")
    for c in DATA["countries"]:
        if c.get("summary"):
            yield f"countries {c['code']} summary", c["summary"], c.get("summary_es", "")
        if c["relations"].get("note"):
            yield (
                f"countries {c['code']} note",
                c["relations"]["note"],
                c["relations"].get("note_es", ""),
            )
        rep = c.get("representation") or {}
        if rep.get("note"):
            yield f"countries {c['code']} representation", rep["note"], rep.get("note_es", "")
    for o in DATA["organisations"]:
        for key in ("note", "role"):
            if o.get(key):
                yield f"organisations {o['id']} {key}", o[key], o.get(f"{key}_es", "")
    for s in DATA["sources"]:
        if s.get("note"):
            yield f"sources {s['id']} note", s["note"], s.get("note_es", "")


PAIRS = list(pairs())


def test_every_text_has_its_spanish() -> None:
    missing = [where for where, _, spanish in PAIRS if not spanish.strip()]
    assert missing == []
    assert len(PAIRS) >= 424 * 2 + 31  # every event's title and summary, every summary


@pytest.mark.parametrize(("where", "english", "spanish"), PAIRS, ids=[p[0] for p in PAIRS])
def test_same_numbers_and_dates(where: str, english: str, spanish: str) -> None:
    assert numbers(english) == numbers(spanish, spanish=True), where


def test_the_number_check_can_fail() -> None:
    assert numbers("on 31 October 1945") != numbers("el 30 de octubre de 1945", spanish=True)
    assert numbers("the 19th century") == numbers("el siglo XIX", spanish=True)
    assert numbers("in 1990") != numbers("en 1991", spanish=True)


def test_institutions_publishing_sources_have_their_spanish_names() -> None:
    """A ministry, an embassy, a government named in English has its Spanish name, and a
    Spanish name is never the English one again."""
    institution = re.compile(r"^(Ministry|Embassy|Government|Governments|Consulate) of ")
    missing = [
        s["id"]
        for s in DATA["sources"]
        if institution.match(s["publisher"]) and not s.get("publisher_es")
    ]
    assert missing == []
    assert all(s["publisher_es"] != s["publisher"] for s in DATA["sources"] if "publisher_es" in s)


def test_spanish_is_not_a_copy_of_the_english() -> None:
    same = [where for where, en, es in PAIRS if en == es and len(en) > 40]
    assert same == []
