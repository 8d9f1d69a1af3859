"""The matcher: a table of what people type, and properties that hold for every country."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import perurel
from perurel.errors import Ambiguous, NotFound
from perurel.match import IsPeru, candidates
from perurel.text import normalize

from .match_table import CASES, PERU


def outcome(ds: perurel.Dataset, query: str) -> str | tuple[str, ...] | None:
    try:
        return ds.match(query).country.code
    except IsPeru:
        return PERU
    except Ambiguous as exc:
        return tuple(sorted(exc.candidates))
    except NotFound:
        return None


# The table must keep covering exact answers, ambiguity (tuples) and no answer (None).
assert len(CASES) >= 100 and {type(w) for _, w in CASES} >= {str, tuple, type(None)}


@pytest.mark.parametrize(
    ("code", "name", "name_es", "iso3"),
    [
        ("CL", "Chile", "Chile", "CHL"),
        ("EC", "Ecuador", "Ecuador", "ECU"),
        ("KR", "South Korea", "Corea del Sur", "KOR"),
        ("KP", "North Korea", "Corea del Norte", "PRK"),
        ("BG", "Bulgaria", "Bulgaria", "BGR"),
        ("BR", "Brazil", "Brasil", "BRA"),
    ],
)
def test_every_name_and_code_is_an_exact_match(
    mini: perurel.Dataset, code: str, name: str, name_es: str, iso3: str
) -> None:
    for query, how in ((name, "name"), (name_es, "name"), (code, "code"), (iso3, "code")):
        found = mini.match(query.lower())
        assert (found.country.code, found.how, found.exact) == (code, how, True), query


@pytest.mark.parametrize(("query", "expected"), CASES, ids=[repr(q) for q, _ in CASES])
def test_match_table(ds: perurel.Dataset, query: str, expected: object) -> None:
    assert outcome(ds, query) == expected


def test_exact_names_and_codes_are_exact(mini: perurel.Dataset) -> None:
    assert mini.match("Chile").how == "name"
    assert mini.match("chl").how == "code"
    assert mini.match("chileno").how == "alias"
    m = mini.match("chle")
    assert (m.how, m.country.code, m.exact) == ("fuzzy", "CL", False)
    assert 75 <= m.score < 100


def test_not_found_offers_suggestions(mini: perurel.Dataset) -> None:
    with pytest.raises(NotFound) as info:
        mini.match("Bulgistan")  # close to Bulgaria, not close enough to be taken for it
    assert info.value.message == "no country matches 'Bulgistan'; did you mean Bulgaria (BG)?"
    assert info.value.suggestions == ("BG",)
    with pytest.raises(NotFound) as info:
        mini.match("Colombia")
    assert info.value.suggestions == ()


def test_ambiguous_lists_candidates(mini: perurel.Dataset) -> None:
    with pytest.raises(Ambiguous) as info:
        mini.match("korea")
    assert set(info.value.candidates) == {"KR", "KP"}
    assert "North Korea (KP)" in info.value.message and "South Korea (KR)" in info.value.message


def test_peru_itself_is_explained(mini: perurel.Dataset) -> None:
    with pytest.raises(IsPeru) as info:
        mini.match("Perú")
    assert "Peru itself" in info.value.message


def test_search_ranks_best_first(ds: perurel.Dataset) -> None:
    hits = candidates(ds, "austrlia", limit=3)
    assert hits[0].country.code == "AU"
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)


def test_get_by_code(ds: perurel.Dataset) -> None:
    chile = ds.get("cl")
    assert chile is not None and chile.name == "Chile"
    assert ds.get("PE") is None and ds.get("ZZ") is None


# --- properties -------------------------------------------------------------------------------

_names = st.sampled_from(sorted({(c.code, c.name) for c in perurel.load().countries.values()}))


@settings(max_examples=200, deadline=None)
@given(_names, st.sampled_from([str.upper, str.lower, str.title, lambda s: f"  {s}\t"]))
def test_every_name_matches_whatever_the_case_and_spacing(pair: tuple[str, str], change) -> None:  # type: ignore[no-untyped-def]
    code, name = pair
    assert perurel.load().match(change(name)).country.code == code


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(sorted(perurel.load().countries)))
def test_every_code_matches(code: str) -> None:
    ds = perurel.load()
    assert ds.match(code.lower()).country.code == code
    assert ds.match(ds.countries[code].iso3).country.code == code


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(sorted({(c.code, c.name_es) for c in perurel.load().countries.values()})))
def test_spanish_names_match_without_accents(pair: tuple[str, str]) -> None:
    code, name_es = pair
    import unicodedata

    plain = "".join(
        ch for ch in unicodedata.normalize("NFKD", name_es) if not unicodedata.combining(ch)
    )
    assert perurel.load().match(plain).country.code == code


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=40))
def test_normalize_is_idempotent_and_folded(text: str) -> None:
    once = normalize(text)
    assert normalize(once) == once
    assert once == once.strip() and "  " not in once
    assert once == once.casefold()


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=60))
def test_any_text_gives_a_country_or_a_clean_error(text: str) -> None:
    ds = perurel.load()
    try:
        m = ds.match(text)
    except (NotFound, Ambiguous) as exc:
        assert exc.exit_code == 1
        assert "\x1b" not in exc.message and "\n" not in exc.message
    else:
        assert m.country.code in ds.countries


def test_verbatim_table_agrees_with_the_normalized_index(ds: perurel.Dataset) -> None:
    # Lookups try codes and names exactly as stored first (cheap), then the normalized index:
    # for every stored name both must give the same answer, or the shortcut would change results.
    from perurel.match import _best, _exact, _index, _verbatim_official

    idx = _index(ds)
    for key, entries in _verbatim_official(ds).items():
        assert {h[0] for h in _best(entries)} == {h[0] for h in _exact(idx, normalize(key))}, key


FOLDED = [
    ("Côte d’Ivoire", "cote divoire"),
    ("St. Kitts and Nevis", "saint kitts and nevis"),
    ("Bosnia & Herzegovina", "bosnia and herzegovina"),
    ("  U.S.A. ", "usa"),
    ("Guinea-Bissau", "guinea bissau"),
    ("ÉTATS-UNIS", "etats unis"),
    ("Rep. Dominicana", "republic dominicana"),
    ("São_Tomé", "sao tome"),
    ("line\nbreak", "line break"),
    ("", ""),
]


@pytest.mark.parametrize(("text", "folded"), FOLDED)
def test_normalize_folds_case_accents_punctuation_and_abbreviations(text: str, folded: str) -> None:
    assert normalize(text) == folded


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([t for t, _ in FOLDED]) | st.text(max_size=30), max_size=8))
def test_normalizing_many_equals_normalizing_each(texts: list[str]) -> None:
    """normalize_all folds one joined text: a name must not leak into its neighbours."""
    from perurel.text import normalize_all

    expected = dict(FOLDED)
    folded = normalize_all(texts)
    assert len(folded) == len(texts)
    for text, out in zip(texts, folded, strict=True):
        if text in expected:
            assert out == expected[text]
        assert out == normalize(text)


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(["chle", "peruu", "argentinaa", "bolivai", "japn", "brasill", "zz", "xq"]))
def test_exact_never_forgives_a_typo(query: str) -> None:
    from perurel.errors import NotFound

    ds = perurel.load()
    with pytest.raises(NotFound):
        ds.match(query, exact=True)


@pytest.mark.parametrize("query", ["Chile", "CHL", "cl", "chileno", "Republic of Chile"])
def test_exact_accepts_codes_names_and_aliases(mini: perurel.Dataset, query: str) -> None:
    assert mini.match(query, exact=True).country.code == "CL"


from .sentence_table import SENTENCES  # noqa: E402


@pytest.mark.parametrize(("query", "expected"), SENTENCES)
def test_queries_as_people_type_them(
    ds: perurel.Dataset, query: str, expected: str | tuple[str, ...] | None
) -> None:
    if isinstance(expected, str):
        assert ds.match(query).country.code == expected
    elif expected is None:
        with pytest.raises(NotFound):
            ds.match(query)
    else:
        with pytest.raises(Ambiguous) as info:
            ds.match(query)
        assert info.value.candidates == expected


@pytest.mark.parametrize("query", ["Prussia", "Prusia", "Checoslovaquia", "Yugoslavia", "gringo"])
def test_former_states_never_land_on_a_lookalike(ds: perurel.Dataset, query: str) -> None:
    try:
        code = ds.match(query).country.code
    except (NotFound, Ambiguous):
        return
    assert code not in ("RU", "SK", "GR")
