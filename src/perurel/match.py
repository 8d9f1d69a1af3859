"""What a person typed -> the country they mean: codes, names, aliases, then forgiving typos."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from functools import cache

from .errors import Ambiguous, NotFound, quoted
from .i18n import country_name, number, t
from .model import PERU, Country
from .text import normalize, normalize_all
from .tuples import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from .model import Records

# Fuzzy score: the mean of WRatio (forgiving of extra words) and OSA similarity (forgiving of
# swapped letters, strict on subsets: 'estados unidos' vs 'estados unidos mexicanos'), 0-100.
# On tests/match_table.py typos score >= 80 and nonsense <= 67: a hit must score ACCEPT and lead
# the next country by MARGIN. Suggestions for a failed query come from hits scoring >= SUGGEST.
ACCEPT = 75.0
MARGIN = 8.0
SUGGEST = 50.0
MIN_FUZZY_LENGTH = 4  # shorter queries and names match only exactly: 'ab' fits too much
MAX_QUERY = 1000  # characters: no name or question is longer (and the work stays bounded)
TOO_MANY = 5  # a query fitting more countries than this is too general to list them all

PERU_NAMES = (
    "Peru",
    "Perú",
    "Republic of Peru",
    "República del Perú",
    "PE",
    "PER",
    "Peruvian",
    "peruano",
    "peruana",
)
_ARTICLES = frozenset(("the", "el", "la", "los", "las", "le", "les"))
_ARTICLE_PREFIXES = tuple(f"{a} " for a in _ARTICLES)


def _variants(key: str) -> list[str]:
    """The key, and the key without a leading article ('the bahamas' -> 'bahamas')."""
    first, _, rest = key.partition(" ")
    if first in _ARTICLES and len(rest) > 2:
        return [key, rest]
    return [key]


class Match(NamedTuple):
    """A country found for a query, how it was found, and how well it fits (0-100)."""

    country: Country
    how: str  # "code", "name", "alias", "former" (a former state's successor), "sentence", "fuzzy"
    score: float
    matched: str  # the name, alias or code that fitted

    @property
    def exact(self) -> bool:
        """True when the query was the country's code or its English or Spanish name."""
        return self.how in ("code", "name")


_Entry = tuple[str, str, str]  # (code, how: "code" | "name" | "alias", the name as stored)
_Hits = tuple[_Entry, ...]
_RANK = {"code": 0, "name": 1, "alias": 2}


class _Index(NamedTuple):
    single: dict[str, _Entry]  # normalized key without spaces -> the one name it stands for
    shared: dict[str, list[_Entry]]  # keys that stand for several names ('korea')
    choices: list[str]  # fuzzy candidates (normalized), parallel to owners and displays
    owners: list[str]
    displays: list[str]


def _official(ds: Records) -> Iterator[_Entry]:
    """Codes and the English and Spanish names: a few per country."""
    for name in PERU_NAMES:
        yield PERU, "name", name
    for c in ds.countries.values():
        yield c.code, "code", c.code
        yield c.code, "code", c.iso3
        yield c.code, "name", c.name
        yield c.code, "name", c.name_es


def _aliases(ds: Records) -> Iterator[_Entry]:
    for c in ds.countries.values():
        for alias in c.aliases:
            yield c.code, "alias", alias


def _names(ds: Records) -> Iterator[_Entry]:
    yield from _official(ds)
    yield from _aliases(ds)


def _best(entries: Iterable[_Entry]) -> _Hits:
    """The hits of the strongest kind: a code beats a name, a name beats another state's alias;
    several countries left means the query is ambiguous."""
    best: dict[str, _Entry] = {}
    for entry in entries:
        held = best.get(entry[0])
        if held is None or _RANK[entry[1]] < _RANK[held[1]]:
            best[entry[0]] = entry
    if not best:
        return ()
    top = min(_RANK[e[1]] for e in best.values())
    return tuple(e for e in best.values() if _RANK[e[1]] == top)


@cache
def _verbatim_official(ds: Records) -> dict[str, list[_Entry]]:
    """Codes and names exactly as stored, case-folded: most queries are one of them, and this
    table costs a fraction of the normalized index (see benchmarks/startup.py)."""
    table: dict[str, list[_Entry]] = {}
    for entry in _official(ds):
        table.setdefault(entry[2].casefold(), []).append(entry)
    return table


@cache
def _index(ds: Records) -> _Index:
    """The normalized names of a dataset: built once per version of its file and kept in the
    user's cache (normalizing ~1,400 names and aliases costs more than reading them back)."""
    from .diskcache import derived

    tables = (PERU_NAMES, sorted(_ARTICLES), MIN_FUZZY_LENGTH, _INDEX_VERSION)
    kept = derived("names", ds, lambda: tuple(_build_index(ds)), tables, _is_index)
    return _Index(*kept)


_INDEX_VERSION = 1  # bump when `_build_index` (or `text.normalize`) changes what it builds


def _is_index(value: object) -> bool:
    """The shape `_build_index` returns, as a plain tuple."""
    return (
        isinstance(value, tuple)
        and len(value) == len(_Index._fields)
        and all(isinstance(v, dict) for v in value[:2])
        and all(isinstance(v, list) for v in value[2:])
    )


def _build_index(ds: Records) -> _Index:
    names = list(_names(ds))
    norms = normalize_all([entry[2] for entry in names])
    compacts = [norm.replace(" ", "") for norm in norms]
    entries = list(names)
    # Keys without a leading article ('the bahamas' -> 'bahamas') stand for the same names.
    for norm, entry in zip(norms, names, strict=True):
        if norm.startswith(_ARTICLE_PREFIXES):
            compacts.append(_variants(norm)[1].replace(" ", ""))
            entries.append(entry)
    single = dict(zip(compacts, entries, strict=True))  # in C; shared keys are found next
    shared: dict[str, list[_Entry]] = {}
    if len(single) < len(compacts):
        repeated = {k for k, n in Counter(compacts).items() if n > 1}
        for key, entry in zip(compacts, entries, strict=True):
            if key in repeated:
                shared.setdefault(key, []).append(entry)
    single.pop("", None)
    fuzzy = [
        (norm, entry)
        for norm, entry in zip(norms, names, strict=True)
        if entry[1] != "code" and len(norm) >= MIN_FUZZY_LENGTH
    ]
    return _Index(
        single,
        shared,
        [norm for norm, _ in fuzzy],
        [entry[0] for _, entry in fuzzy],
        [entry[2] for _, entry in fuzzy],
    )


def _exact(idx: _Index, key: str) -> _Hits:
    """The names a normalized key stands for (leading articles ignored), strongest kind first."""
    for variant in _variants(key):
        compact = variant.replace(" ", "")
        found = idx.shared.get(compact) or ([idx.single[compact]] if compact in idx.single else [])
        hits = _best(found)
        if hits:
            return hits
    return ()


class IsPeru(NotFound):
    """The query names Peru itself, whose relations with others are the whole dataset."""


def _peru(query: str) -> IsPeru:
    return IsPeru(
        t(
            "{query} is Peru itself: perurel describes Peru's relations with other countries "
            "(try 'perurel country chile' or 'perurel timeline')",
            query=quoted(query),
        )
    )


def _several(ds: Records, query: str, codes: tuple[str, ...]) -> str:
    return t(
        "{query} fits several countries: {names}; be more specific",
        query=quoted(query),
        names=", ".join(_label(ds, c) for c in codes),
    )


def _english(ds: Records, code: str) -> str:
    """The label ties are broken by, the same in every language."""
    c = ds.countries.get(code)
    return f"{c.name} ({code})" if c else "Peru (PE)"


def _label(ds: Records, code: str) -> str:
    return f"{country_name(ds, code)} ({code})"


def match(ds: Records, query: str, *, exact: bool = False) -> Match:
    """The one country `query` means; raises NotFound (with suggestions) or Ambiguous. With
    `exact`, only a code, name or alias counts: no typo is forgiven."""
    if len(query) > MAX_QUERY:
        from .errors import UsageError

        raise UsageError(
            t("a query of {n} characters; at most {most} are read", n=number(len(query)),
              most=number(MAX_QUERY))
        )  # fmt: skip
    hits = _best(_verbatim_official(ds).get(query.strip().casefold(), ()))
    key = normalize(query)
    if not key:
        raise NotFound(
            t("no country matches {query}: type a name, a code or a demonym", query=quoted(query))
        )
    if not hits:
        hits = _exact(_index(ds), key)
    if hits:
        if len(hits) > 1:  # a name or alias shared by several states ('korea')
            codes = tuple(sorted(h[0] for h in hits))
            raise Ambiguous(_several(ds, query, codes), codes)
        code, how, display = hits[0]
        if code == PERU:
            raise _peru(query)
        return Match(ds.countries[code], how, 100.0, display)
    if exact:
        raise NotFound(t("no country has the name, code or alias {query}", query=quoted(query)))
    from .history_names import FORMERS, NOT_COUNTRIES

    if key in NOT_COUNTRIES:
        raise NotFound(t("{query} is not the name of a country", query=quoted(query)))
    former = FORMERS.get(key) or FORMERS.get(_without_article(key))
    if former is not None:
        return _former(ds, query, former)
    reduced = _reduce(key)
    if reduced and reduced != key:
        try:
            found = match(ds, reduced)
        except NotFound:
            pass
        else:
            return Match(found.country, "sentence", found.score, found.matched)
    named = _named_in(ds, key)
    if named is not None:
        return named
    return _fuzzy(ds, query, key)


def _named_in(ds: Records, key: str) -> Match | None:
    """The one country a sentence names somewhere in it: the longest run of words that is a
    country's name or alias ('did peru ever have an embassy in south korea' -> South Korea).
    Short words alone (codes such as 'in', 'de', 'es') do not count; Peru itself does not.

    Only runs no longer (spaces aside) than the longest name, plus a leading article, can be
    one: the work grows with the number of words, never with its square or cube."""
    words = key.split()
    if len(words) < 2:
        return None
    idx = _index(ds)
    longest = _longest(ds) + len("the")
    ends = [0]  # ends[i]: the letters of the first i words
    for word in words:
        ends.append(ends[-1] + len(word))
    for n in range(min(len(words) - 1, longest), 0, -1):
        found: dict[str, _Entry] = {}
        for start in range(len(words) - n + 1):
            if ends[start + n] - ends[start] > longest:
                continue
            part = " ".join(words[start : start + n])
            if n == 1 and len(part) <= 3:
                continue
            for hit in _exact(idx, part):
                if hit[0] != PERU:
                    found.setdefault(hit[0], hit)
        if len(found) == 1:
            code, _, display = next(iter(found.values()))
            return Match(ds.countries[code], "sentence", 100.0, display)
        if len(found) > 1:
            return None  # names several countries: not guessed
    return None


@cache
def _longest(ds: Records) -> int:
    """The length of the longest key of the index (a name without its spaces)."""
    idx = _index(ds)
    return max(map(len, [*idx.single, *idx.shared]), default=0)


# Words around a country's name in a sentence or question, in English and Spanish: dropped from
# the start and the end of a query that names no country as it stands.
_LEAD = frozenset(
    [
        "peru",
        "perus",
        "peruvian",
        "peruano",
        "peruana",
        "relations",
        "relation",
        "relaciones",
        "relacion",
        "diplomatic",
        "diplomaticas",
        "diplomaticos",
        "with",
        "con",
        "between",
        "entre",
        "and",
        "y",
        "embassy",
        "embassies",
        "embajada",
        "embajadas",
        "consulate",
        "consulado",
        "of",
        "de",
        "del",
        "in",
        "en",
        "to",
        "a",
        "when",
        "did",
        "does",
        "do",
        "establish",
        "established",
        "cuando",
        "se",
        "establecieron",
        "establecio",
        "establecio",
        "since",
        "desde",
        "hay",
        "have",
        "has",
        "tell",
        "me",
        "about",
        "what",
        "whats",
        "is",
        "are",
        "sobre",
        "que",
        "how",
        "como",
        "status",
        "estado",
        "history",
        "historia",
        "ties",
        "lazos",
    ]
)
_TRAIL = frozenset(
    [
        "relations",
        "relation",
        "relaciones",
        "relacion",
        "embassy",
        "embajada",
        "ties",
        "lazos",
        "history",
        "historia",
    ]
)


def _reduce(key: str) -> str:
    """A normalized query without the words around a country's name: 'when did peru establish
    relations with japan' -> 'japan', 'embajada del peru en bolivia' -> 'bolivia'."""
    words = key.split()
    while words and (
        words[0] in _LEAD or (words[0] in _ARTICLES and len(words) > 1 and words[1] in _LEAD)
    ):
        words.pop(0)
    while words and words[-1] in _TRAIL:
        words.pop()
    return " ".join(words)


def _without_article(key: str) -> str:
    first, _, rest = key.partition(" ")
    return rest if first in _ARTICLES else key


def _former(ds: Records, query: str, former: object) -> Match:
    """A former state: its continuing successor, or Ambiguous listing the successors."""
    from .history_names import Former

    assert isinstance(former, Former)
    codes = tuple(c for c in former.successors if c in ds.countries)
    if former.continued and codes:
        return Match(ds.countries[codes[0]], "former", 100.0, former.what)
    raise Ambiguous(
        t(
            "{query} no longer exists: {what}; its successors are {names}; ask for one of them",
            query=quoted(query),
            what=t(former.what),
            names=", ".join(_label(ds, c) for c in codes),
        ),
        codes,
    )


def candidates(ds: Records, query: str, limit: int = 5) -> list[Match]:
    """Countries ranked by how well `query` fits their names and aliases (typos forgiven)."""
    ranked = _ranked(ds, normalize(query), SUGGEST)
    return [Match(ds.countries[c], "fuzzy", s, d) for c, s, d in ranked if c != PERU][:limit]


def _ranked(ds: Records, key: str, cutoff: float) -> list[tuple[str, float, str]]:
    """(code, score, name that fitted) per country, best first, ties by name."""
    if not key:
        return []
    from rapidfuzz import fuzz, process  # only a query that missed every exact name pays for this
    from rapidfuzz.distance import OSA

    idx = _index(ds)
    best: dict[str, tuple[float, str]] = {}
    for choice, wratio, i in process.extract(
        key, idx.choices, scorer=fuzz.WRatio, processor=None, limit=60, score_cutoff=cutoff
    ):
        score = round((wratio + 100 * OSA.normalized_similarity(key, choice)) / 2, 1)
        code = idx.owners[i]
        if score >= cutoff and (code not in best or score > best[code][0]):
            best[code] = (score, idx.displays[i])
    ranked = sorted(best.items(), key=lambda kv: (-kv[1][0], _english(ds, kv[0])))
    return [(code, score, display) for code, (score, display) in ranked]


def _fuzzy(ds: Records, query: str, key: str) -> Match:
    ranked = _ranked(ds, key, SUGGEST) if len(key.replace(" ", "")) >= MIN_FUZZY_LENGTH else []
    if ranked and ranked[0][1] >= ACCEPT:
        code, score, display = ranked[0]
        rivals = [c for c, s, _ in ranked[1:] if score - s < MARGIN]
        if len(rivals) >= TOO_MANY:
            raise NotFound(
                t(
                    "{query} is too general: it fits {n} countries",
                    query=quoted(query),
                    n=len(rivals) + 1,
                )
            )
        if rivals:
            codes = (code, *rivals)
            raise Ambiguous(_several(ds, query, codes), codes)
        if code == PERU:
            raise _peru(query)
        return Match(ds.countries[code], "fuzzy", score, display)
    suggestions = tuple(c for c, _, _ in ranked if c != PERU)[:3]
    if not suggestions:
        raise NotFound(t("no country matches {query}", query=quoted(query)))
    raise NotFound(
        t(
            "no country matches {query}; did you mean {names}?",
            query=quoted(query),
            names=", ".join(_label(ds, c) for c in suggestions),
        ),
        suggestions,
    )
