"""The bibliography as readers and citations meet it: each source's tier follows its publisher (a
table written by hand), a copy read on a mirror keeps its original's details, and no source text
tells how the data was made."""

from __future__ import annotations

import re
from urllib.parse import urlparse

import pytest

import perurel

from .making_of import MAKING_OF
from .publisher_tiers import TIERS, UNKNOWN_PUBLISHER

TIER_OF = {publisher: tier for tier, publishers in TIERS.items() for publisher in publishers}
# Mirrors, archives and document-sharing sites, which copy others' work: never a publisher or an
# author (sites that publish their own text, such as Peru.com or News.az, may be named by domain).
COPIES = re.compile(
    r"\b(mirror|copy|proxy|archive\.org|scribd|docslib|issuu|ipfs|zenodo|kiwix|studylib|pdfslide"
    r"|fdocuments|ebin|vdocumento|doczz|wikimili|wikiwand|kampuspedia|wikizero|pubt\.io)\b",
    re.IGNORECASE,
)


def test_the_table_names_each_publisher_once() -> None:
    names = [p for publishers in TIERS.values() for p in publishers]
    assert len(names) == len(set(names))


def test_every_source_has_its_publishers_tier(ds: perurel.Dataset) -> None:
    wrong = []
    for src in ds.sources.values():
        expected = UNKNOWN_PUBLISHER.get(src.id) or TIER_OF.get(src.publisher)
        if expected != src.tier:
            wrong.append((src.id, src.publisher, src.tier, expected))
    assert not wrong, wrong


def test_every_publisher_in_the_table_publishes_something(ds: perurel.Dataset) -> None:
    # a stale row would let a renamed publisher slip through unchecked
    assert set(TIER_OF) == {s.publisher for s in ds.sources.values()} - {"unknown publisher"}
    assert {i for i, s in ds.sources.items() if s.publisher == "unknown publisher"} == set(
        UNKNOWN_PUBLISHER
    )


@pytest.mark.parametrize(
    ("source_id", "tier"),
    [
        ("worldometers-un", "other"),  # a statistics website, not a government
        ("i18n-nationality", "other"),  # an npm package, not the press
        ("wikileaks-1976lima03449", "official"),  # a US embassy cable, read on WikiLeaks
        ("caretas-politica-fortalece-presencia", "press"),
        ("exitosanoticias-politica-reapertura-embajada", "press"),
        ("archivo-politica-crean-consulado", "press"),  # Gestión
        ("fn-bd-peru-inaugura-un-consulado-bangladesh", "press"),  # RPP
        ("elcomercio-se-2025", "press"),
    ],
)
def test_known_mistiers_are_fixed(ds: perurel.Dataset, source_id: str, tier: str) -> None:
    assert ds.sources[source_id].tier == tier


def test_no_private_newspaper_is_official(ds: perurel.Dataset) -> None:
    papers = {"Caretas", "Exitosa Noticias", "La República", "Infobae", "Gestión", "El Comercio"}
    papers |= {"RPP Noticias", "La Razón", "Peru.com", "Pledge Times", "ABC News", "El Deber"}
    assert papers <= TIERS["press"]
    assert not [s.id for s in ds.sources.values() if s.publisher in papers and s.tier != "press"]


def test_mirrors_keep_the_original_and_the_copy_apart(ds: perurel.Dataset) -> None:
    for src in ds.sources.values():
        for name in (src.publisher, *src.author):
            assert not COPIES.search(name), (src.id, name)
        if src.via:
            host = urlparse(src.via).netloc.removeprefix("www.")
            assert host not in src.publisher.lower(), src.id
            assert src.url != src.via, src.id
        if src.url:  # the original's own address, not a copy's
            assert not COPIES.search(urlparse(src.url).netloc), src.id


def test_authors_are_people_or_institutions(ds: perurel.Dataset) -> None:
    with_author = [s for s in ds.sources.values() if s.author]
    assert len(with_author) >= 50
    for src in with_author:
        for name in src.author:
            assert name.count(", ") <= 1 and name.strip() == name, (src.id, name)
            assert name not in ("Wikipedia", src.via), src.id


def test_no_source_text_tells_how_the_data_was_made(ds: perurel.Dataset) -> None:
    found = [
        (src.id, text)
        for src in ds.sources.values()
        for text in (src.title, src.publisher, src.note or "", *src.author)
        if MAKING_OF.search(text)
    ]
    assert not found, found


def test_the_making_of_pattern_catches_what_it_should() -> None:
    assert MAKING_OF.search("via reference CSV peru_foreign_relations_facts.csv")
    assert MAKING_OF.search("footnote of the 2010 seed copy")
    assert not MAKING_OF.search("Spanish; treaty text")
