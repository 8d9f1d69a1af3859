"""What a person typed -> the country they mean: codes, names, aliases, then forgiving typos."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import cache
from typing import TYPE_CHECKING, NamedTuple

from .errors import Ambiguous, NotFound, printable
from .model import PERU, Country

if TYPE_CHECKING:
    from .store import Dataset

# Fuzzy score: the mean of WRatio (forgiving of extra words) and OSA similarity (forgiving of
# swapped letters, strict on subsets: 'estados unidos' vs 'estados unidos mexicanos'), 0-100.
# On tests/match_table.py typos score >= 80 and nonsense <= 67: a hit must score ACCEPT and lead
# the next country by MARGIN. Suggestions for a failed query come from hits scoring >= SUGGEST.
ACCEPT = 75.0
MARGIN = 8.0
SUGGEST = 50.0
MIN_FUZZY_LENGTH = 4  # shorter queries and names match only exactly: 'ab' fits too much
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
_ABBREVIATIONS = {"st": "saint", "ste": "sainte", "sta": "santa", "sto": "santo", "rep": "republic"}
_ARTICLES = ("the ", "el ", "la ", "los ", "las ", "le ", "les ")
_JOINERS = re.compile(r"[.'’`´]")
_SEPARATORS = re.compile(r"[\W_]+")


def normalize(text: str) -> str:
    """Fold case, accents, punctuation and spacing: 'Côte d’Ivoire' -> 'cote divoire'."""
    if text.isascii():  # most names: nothing to decompose (and casefold is lower)
        folded = text.lower()
    else:
        decomposed = unicodedata.normalize("NFKD", text)
        folded = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    folded = _JOINERS.sub("", folded.replace("&", " and "))
    words = _SEPARATORS.sub(" ", folded).split()
    return " ".join(_ABBREVIATIONS.get(w, w) for w in words)


def _variants(key: str) -> list[str]:
    """The key, and the key without a leading article ('the bahamas' -> 'bahamas')."""
    out = [key]
    for article in _ARTICLES:
        if key.startswith(article) and len(key) > len(article) + 2:
            out.append(key[len(article) :])
    return out


class Match(NamedTuple):
    """A country found for a query, how it was found, and how well it fits (0-100)."""

    country: Country
    how: str  # "code", "name", "alias" or "fuzzy"
    score: float
    matched: str  # the name, alias or code that fitted

    @property
    def exact(self) -> bool:
        """True when the query was the country's code or its English or Spanish name."""
        return self.how in ("code", "name")


class _Index(NamedTuple):
    exact: dict[str, tuple[tuple[str, str, str], ...]]  # key -> ((code, how, display), ...)
    compact: dict[str, tuple[tuple[str, str, str], ...]]
    choices: tuple[str, ...]  # fuzzy candidates (normalized), parallel to owners
    owners: tuple[str, ...]
    displays: tuple[str, ...]


def _entries(
    country_code: str, names: Iterable[str], how: str
) -> Iterable[tuple[str, str, str, str]]:
    for name in names:
        key = normalize(name)
        if key:
            yield key, country_code, how, name


_Hits = tuple[tuple[str, str, str], ...]


@cache
def _verbatim(ds: Dataset) -> dict[str, _Hits]:
    """Names exactly as stored, case-folded: most queries are one of them, and this table costs
    a fraction of the normalized index (see benchmarks/startup.py)."""
    table: dict[str, dict[str, tuple[str, str, str]]] = {}
    rank = {"code": 0, "name": 1, "alias": 2}

    def add(code: str, names: Iterable[str], how: str) -> None:
        for name in names:
            best = table.setdefault(name.casefold(), {})
            if code not in best or rank[how] < rank[best[code][1]]:
                best[code] = (code, how, name)

    add(PERU, PERU_NAMES, "name")
    for c in ds.countries.values():
        add(c.code, (c.code, c.iso3), "code")
        add(c.code, (c.name, c.name_es), "name")
        add(c.code, c.aliases, "alias")
    return {k: tuple(v.values()) for k, v in table.items()}


@cache
def _index(ds: Dataset) -> _Index:
    rows: list[tuple[str, str, str, str]] = []
    rows += _entries(PERU, PERU_NAMES, "name")
    for c in ds.countries.values():
        rows += _entries(c.code, (c.code, c.iso3), "code")
        rows += _entries(c.code, (c.name, c.name_es), "name")
        rows += _entries(c.code, c.aliases, "alias")
    rank = {"code": 0, "name": 1, "alias": 2}
    exact: dict[str, dict[str, tuple[str, str, str]]] = {}
    compact: dict[str, dict[str, tuple[str, str, str]]] = {}
    choices: dict[tuple[str, str], str] = {}
    for key, code, how, display in rows:
        for variant in _variants(key):
            for table, k in ((exact, variant), (compact, variant.replace(" ", ""))):
                best = table.setdefault(k, {})
                if code not in best or rank[how] < rank[best[code][1]]:
                    best[code] = (code, how, display)
        if how != "code" and len(key.replace(" ", "")) >= MIN_FUZZY_LENGTH:
            choices.setdefault((key, code), display)
    return _Index(
        exact={k: tuple(v.values()) for k, v in exact.items()},
        compact={k: tuple(v.values()) for k, v in compact.items()},
        choices=tuple(k for k, _ in choices),
        owners=tuple(code for _, code in choices),
        displays=tuple(choices.values()),
    )


class IsPeru(NotFound):
    """The query names Peru itself, whose relations with others are the whole dataset."""


def _peru(query: str) -> IsPeru:
    return IsPeru(
        f"{printable(query)!r} is Peru itself: perurel describes Peru's relations with other "
        "countries (try 'perurel country chile' or 'perurel timeline')"
    )


def _label(ds: Dataset, code: str) -> str:
    c = ds.countries.get(code)
    return f"{c.name} ({code})" if c else "Peru (PE)"


def lookup(ds: Dataset, query: str) -> Match:
    """The one country `query` means; raises NotFound (with suggestions) or Ambiguous."""
    hits = _verbatim(ds).get(query.strip().casefold(), ())
    key = normalize(query)
    if not key:
        raise NotFound(f"no country matches {printable(query)!r}: type a name, a code or a demonym")
    if not hits:
        idx = _index(ds)
        for variant in _variants(key):
            hits = idx.exact.get(variant) or idx.compact.get(variant.replace(" ", "")) or ()
            if hits:
                break
    if hits:
        # A code names one state; a name or alias shared by several ('korea') is ambiguous.
        hits = tuple(h for h in hits if h[1] == "code") or hits
        if len(hits) > 1:
            codes = tuple(sorted(h[0] for h in hits))
            raise Ambiguous(
                f"{printable(query)!r} fits several countries: "
                + ", ".join(_label(ds, c) for c in codes)
                + "; be more specific",
                codes,
            )
        code, how, display = hits[0]
        if code == PERU:
            raise _peru(query)
        return Match(ds.countries[code], how, 100.0, display)
    return _fuzzy(ds, query, key)


def search(ds: Dataset, query: str, limit: int = 5) -> list[Match]:
    """Countries ranked by how well `query` fits their names and aliases (typos forgiven)."""
    ranked = _ranked(ds, normalize(query), SUGGEST)
    return [Match(ds.countries[c], "fuzzy", s, d) for c, s, d in ranked if c != PERU][:limit]


def _ranked(ds: Dataset, key: str, cutoff: float) -> list[tuple[str, float, str]]:
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
    ranked = sorted(best.items(), key=lambda kv: (-kv[1][0], _label(ds, kv[0])))
    return [(code, score, display) for code, (score, display) in ranked]


def _fuzzy(ds: Dataset, query: str, key: str) -> Match:
    ranked = _ranked(ds, key, SUGGEST) if len(key.replace(" ", "")) >= MIN_FUZZY_LENGTH else []
    if ranked and ranked[0][1] >= ACCEPT:
        code, score, display = ranked[0]
        rivals = [c for c, s, _ in ranked[1:] if score - s < MARGIN]
        if len(rivals) >= TOO_MANY:
            raise NotFound(
                f"{printable(query)!r} is too general: it fits {len(rivals) + 1} countries"
            )
        if rivals:
            codes = (code, *rivals)
            raise Ambiguous(
                f"{printable(query)!r} fits several countries: "
                + ", ".join(_label(ds, c) for c in codes)
                + "; be more specific",
                codes,
            )
        if code == PERU:
            raise _peru(query)
        return Match(ds.countries[code], "fuzzy", score, display)
    suggestions = tuple(c for c, _, _ in ranked if c != PERU)[:3]
    hint = f"; did you mean {', '.join(_label(ds, c) for c in suggestions)}?" if suggestions else ""
    raise NotFound(f"no country matches {printable(query)!r}{hint}", suggestions)
