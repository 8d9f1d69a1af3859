"""Full-text search over events, country notes and summaries, and organisations, in English and
Spanish: 'La Haya Chile', 'ruptura relaciones México' and 'Hague Chile' find the same events.

Each record is indexed by the words of its title and text, plus words that are not shown: the
English and Spanish names and codes of the countries it concerns, its year, an organisation's
acronyms. Phrases and words are folded to one canonical word per meaning (`_PHRASES`,
`_SYNONYMS`), the same way for records and queries. A query word that names a country, or a year,
lifts the records tagged with it.
"""

from __future__ import annotations

import re
from functools import cache

from . import i18n
from .errors import UsageError, quoted
from .tuples import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from typing import Any

    from .model import Records


class Hit(NamedTuple):
    """A search result: what kind of record, which one, when, with whom, and how well it fits."""

    kind: str  # "event", "country" or "organisation"
    id: str
    date: str | None
    countries: tuple[str, ...]
    title: str
    text: str
    title_es: str  # the title and text in Spanish (the English where the data has no Spanish)
    text_es: str
    score: float

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "id": self.id,
            "date": self.date,
            "countries": list(self.countries),
            "title": self.title,
            "text": self.text,
            "title_es": self.title_es,
            "text_es": self.text_es,
            "score": self.score,
        }


# Phrases folded to one word before anything else (normalized text: lower case, no accents).
_PHRASES = (
    ("international court of justice", "icj"),
    ("corte internacional de justicia", "icj"),
    ("la haya", "icj"),
    ("the hague", "icj"),
    ("united nations", "unitednations"),
    ("naciones unidas", "unitednations"),
    ("organization of american states", "oas"),
    ("organizacion de los estados americanos", "oas"),
    ("free trade agreement", "fta"),
    ("free trade area", "fta"),
    ("acuerdo de libre comercio", "fta"),
    ("tratado de libre comercio", "fta"),
    ("libre comercio", "fta"),
    ("free trade", "fta"),
    ("trade promotion agreement", "fta"),
    ("acuerdo de promocion comercial", "fta"),
    ("non nato", "nato"),
    ("extra otan", "nato"),
    ("pacific alliance", "pacificalliance"),
    ("alianza del pacifico", "pacificalliance"),
    ("andean community", "andeancommunity"),  # not 'can': Canada's ISO alpha-3 code
    ("comunidad andina", "andeancommunity"),
    ("andean pact", "andeancommunity"),
    ("pacto andino", "andeancommunity"),
    ("security council", "securitycouncil"),
    ("consejo de seguridad", "securitycouncil"),
    ("persona non grata", "nongrata"),
    ("war of the pacific", "pacificwar"),
    ("second world war", "wwii"),
    ("world war ii", "wwii"),
    ("segunda guerra mundial", "wwii"),
    ("guerra del pacifico", "pacificwar"),
    ("foreign minister", "minister"),
    ("state visit", "visit"),
    ("visita de estado", "visit"),
)
# What the phrases fold to: each means just that ('fta' is no prefix of another word's).
_PHRASE_WORDS = frozenset(word for _, word in _PHRASES)
# Words of one meaning in English and Spanish: every member is indexed and searched as the first.
_SYNONYMS = (
    ("icj", "cij", "hague", "haya"),
    ("unitednations", "onu"),
    ("oas", "oea"),
    ("fta", "tlc", "alc", "tpa", "ptpa", "apc"),
    ("embassy", "embassies", "embajada", "embajadas"),
    ("ambassador", "ambassadors", "embajador", "embajadora", "embajadores"),
    ("consulate", "consulates", "consulado", "consulados", "consular"),
    ("treaty", "treaties", "tratado", "tratados", "convention", "convencion", "convenio"),
    ("agreement", "agreements", "acuerdo", "acuerdos"),
    (
        "break",
        "breaks",
        "broke",
        "broken",
        "breaking",
        "sever",
        "severs",
        "severed",
        "severance",
        "ruptura",
        "rompe",
        "rompio",
        "rompen",
        "romper",
        "rupture",
        "cut",
        "cuts",
        "corta",
        "corto",
        "cortar",
        "suspends",
        "suspended",
        "suspende",
    ),
    (
        "restore",
        "restores",
        "restored",
        "restoration",
        "restablece",
        "restablecen",
        "restablecimiento",
        "restablecidas",
        "resumed",
        "renewed",
        "reanudan",
    ),
    ("asylum", "asilo", "asylee", "asilada", "asilado", "asilados"),
    ("peace", "paz"),
    ("border", "borders", "frontera", "fronteras", "boundary", "limites", "limite"),
    ("maritime", "maritimo", "maritima", "sea", "mar"),
    ("dispute", "disputes", "controversia", "disputa", "diferendo"),
    ("war", "wars", "guerra"),
    ("visit", "visits", "visited", "visita", "visito", "viaje"),
    ("president", "presidente", "presidenta"),
    ("minister", "ministro", "ministra", "canciller", "foreign", "cancilleria"),
    (
        "recognition",
        "recognises",
        "recognizes",
        "recognised",
        "recognized",
        "recognise",
        "recognize",
        "reconoce",
        "reconocimiento",
        "reconocio",
    ),
    ("relations", "relation", "relaciones", "relacion", "ties"),
    ("trade", "comercio", "commercial", "comercial"),
    ("election", "elections", "eleccion", "elecciones", "elected", "electo"),
    ("independence", "independencia"),
    ("nuclear", "nucleares"),
    ("drug", "drugs", "drogas", "narcotrafico", "trafficking"),
    ("migration", "migrants", "migrantes", "migracion", "migratoria"),
    ("expel", "expels", "expelled", "expulsa", "expulsion", "expulso"),
    ("credentials", "credenciales"),
    ("ruling", "rulings", "judgment", "judgement", "verdict", "fallo", "sentencia"),
    (
        "join",
        "joins",
        "joined",
        "joining",
        "ingreso",
        "ingresa",
        "ingresar",
        "adhesion",
        "adhiere",
        "accession",
        "accede",
        "accedes",
        "member",
        "members",
        "miembro",
        "miembros",
        "membership",
    ),
    ("charter", "charters", "carta"),
    (
        "founded",
        "launch",
        "launched",
        "launches",
        "lanza",
        "lanzamiento",
        "founds",
        "founding",
        "foundation",
        "created",
        "creates",
        "creation",
        "fundada",
        "fundado",
        "funda",
        "fundacion",
        "fundador",
        "crea",
        "creada",
        "creacion",
    ),
    ("port", "ports", "puerto", "puertos", "harbour", "harbor"),
    ("test", "tests", "testing", "ensayo", "ensayos", "pruebas"),
    ("nato", "otan"),
    (
        "sign",
        "signs",
        "signed",
        "signing",
        "firma",
        "firmo",
        "firman",
        "firmaron",
        "suscribe",
        "suscribio",
        "suscriben",
    ),
    (
        "open",
        "opens",
        "opened",
        "opening",
        "abre",
        "abrio",
        "abren",
        "apertura",
        "inaugura",
        "inauguro",
        "inaugurates",
        "inaugurated",
    ),
    ("hostage", "hostages", "rehenes", "rehen"),
    ("rebels", "rebel", "guerrilla", "guerrilleros", "insurgents", "terrorists", "terroristas"),
    ("end", "ends", "ended", "fin", "final", "termina", "termino"),
    ("wwii", "ww2", "axis", "eje"),
    ("concordat", "concordato"),
    ("ally", "allies", "allied", "alliance", "aliado", "aliados", "alianza"),
    ("years", "year", "anos", "ano"),
    ("conflict", "conflicts", "conflicto", "conflictos"),
    ("group", "groups", "grupo", "grupos"),
    ("summit", "summits", "cumbre", "cumbres"),
    ("10", "ten", "diez"),
    ("20", "twenty", "veinte"),
    ("30", "thirty", "treinta"),
    ("40", "forty", "cuarenta"),
    ("50", "fifty", "cincuenta"),
    ("60", "sixty", "sesenta"),
    ("70", "seventy", "setenta"),
    ("75", "seventy-five", "setenta y cinco"),
    ("80", "eighty", "ochenta"),
    ("90", "ninety", "noventa"),
    ("100", "hundred", "cien"),
    ("200", "bicentenary", "bicentennial", "bicentenario"),
)
# A record with one of these words is also found by the other: a war is a conflict too.
_ALSO = {"war": ("conflict",), "dispute": ("conflict",)}
_FOLD = {member: group[0] for group in _SYNONYMS for member in group}
_YEAR = re.compile(r"^(1[89]|20)\d\d$")
# Little words, and Peru itself (nearly every record concerns it), are left out of a query
# unless they are all there is.
_STOPWORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "the",
        "of",
        "in",
        "on",
        "at",
        "to",
        "for",
        "by",
        "with",
        "from",
        "as",
        "is",
        "was",
        "were",
        "its",
        "it",
        "about",
        "what",
        "when",
        "did",
        "does",
        "do",
        "how",
        "which",
        "who",
        "why",
        "ever",
        "have",
        "has",
        "had",
        "de",
        "del",
        "la",
        "las",
        "el",
        "los",
        "y",
        "e",
        "en",
        "con",
        "por",
        "para",
        "al",
        "un",
        "una",
        "unos",
        "unas",
        "que",
        "se",
        "sobre",
        "cuando",
        "como",
        "cual",
        "tiene",
        "tuvo",
        "hubo",
        "fue",
        "su",
        "sus",
        "lo",
        "le",
        "les",
        "esta",
        "este",
        "peru",
        "peruvian",
        "perus",
        "peruano",
        "peruana",
        "peruanos",
    ]
)


_UN = re.compile(r"\bUN\b")


def _acronyms(text: str) -> str:
    """'UN' in capitals is the United Nations; 'un' is a Spanish article (a stopword)."""
    return _UN.sub("unitednations", text)


def _fold(text: str) -> list[str]:
    """A normalized text as indexed words: phrases joined, synonyms folded to one word."""
    return _fold_all([text])[0]


def _fold_all(texts: list[str]) -> list[list[str]]:
    """`_fold` of many texts: each phrase replaced over the joined text at once (str.replace on
    space-padded words is many times faster than one regex of alternatives)."""
    blob = " " + " \n ".join(texts) + " "
    for phrase, word in _PHRASES:
        if phrase in blob:
            for _ in range(2):  # twice: back-to-back repeats share the space between them
                blob = blob.replace(f" {phrase} ", f" {word} ")
    fold = _FOLD.get
    return [[fold(w, w) for w in line.split()] for line in blob.split("\n")]


# The words of a query that are weighed: each unknown word costs a pass of rapidfuzz over the
# vocabulary (~0.7 ms), and no question needs more than this many to say what it asks for.
MAX_TERMS = 32


class _Corpus(NamedTuple):
    docs: list[Hit]  # score 0: filled in per query
    vocabulary: list[str]
    postings: dict[str, list[int]]  # word -> documents containing it
    texts: list[str]  # folded full text of each document, for phrase matches
    country_words: dict[str, str]  # a country's name, Spanish name or code (folded) -> its code
    event_kinds: dict[str, str]  # event id -> kind
    titles: list[set[str]]  # the folded words of each title


@cache
def _corpus(ds: Records) -> _Corpus:
    """The search index of a dataset: built once per version of its file and kept in the user's
    cache (building it folds ~300 KB of text: 40 ms; loading it: a few)."""
    from .diskcache import derived
    from .org_names import ORG_ALIASES

    tables = (_PHRASES, _SYNONYMS, _ALSO, sorted(_STOPWORDS), ORG_ALIASES, _INDEX_VERSION)
    docs, postings, texts, country_words, kinds, titles = derived(
        "search", ds, lambda: _index(ds), tables, _is_index
    )
    try:
        hits = [Hit(*d) for d in docs]
    except TypeError:  # a stored copy of another shape: not served, rebuilt
        docs, postings, texts, country_words, kinds, titles = _index(ds)
        hits = [Hit(*d) for d in docs]
    return _Corpus(hits, sorted(postings), postings, texts, country_words, kinds, titles)


_INDEX_VERSION = 5  # bump when `_index` changes what it builds


def _is_index(value: Any) -> bool:
    """The shape `_index` returns (a stored copy that proved its digest is checked, too)."""
    return (
        isinstance(value, tuple)
        and len(value) == 6
        and all(
            isinstance(v, t)
            for v, t in zip(value, (list, dict, list, dict, dict, list), strict=True)
        )
    )


def _index(ds: Records) -> tuple[Any, ...]:
    """The search index as plain data (for the cache)."""
    from .org_names import ORG_ALIASES
    from .text import normalize_all

    names = {
        c.code: " ".join([c.name, c.name_es, c.code, c.iso3, *c.aliases])
        for c in ds.countries.values()
    }
    docs: list[Hit] = []
    hidden: list[str] = []  # indexed but not shown
    for e in ds.events:
        docs.append(
            Hit(
                "event",
                e.id,
                e.date,
                e.countries,
                e.title,
                e.summary,
                e.title_es or e.title,
                e.summary_es or e.summary,
                0.0,
            )
        )
        hidden.append(
            " ".join(
                [
                    e.date[:4],
                    e.kind,
                    e.title_es,
                    e.summary_es,
                    *(names.get(c, c) for c in e.countries),
                ]
            )
        )
    for c in ds.countries.values():
        text = " ".join(filter(None, (c.summary, c.relations.note)))
        if text:
            text_es = " ".join(filter(None, (c.summary_es, c.relations.note_es))) or text
            docs.append(
                Hit("country", c.code, c.relations.established, (c.code,), c.name, text,
                    c.name_es or c.name, text_es, 0.0)
            )  # fmt: skip
            spanish = filter(None, (c.summary_es, c.relations.note_es))
            hidden.append(" ".join([names[c.code], *spanish]))
    for o in ds.organisations:
        docs.append(
            Hit(
                "organisation",
                o.id,
                o.joined,
                (),
                o.name,
                " ".join(filter(None, (o.role, o.note))),
                o.name_es or o.name,
                " ".join(filter(None, (o.role_es, o.note_es)))
                or " ".join(filter(None, (o.role, o.note))),
                0.0,
            )
        )
        spanish = filter(None, (o.role_es, o.note_es))
        hidden.append(" ".join([o.name_es, *spanish, *ORG_ALIASES.get(o.id, ())]))
    shown = _fold_all(
        normalize_all(_acronyms("\n".join(f"{d.title} {d.text}" for d in docs)).split("\n"))
    )
    extra = _fold_all(normalize_all(hidden))
    texts = [" ".join(t) for t in shown]
    words = [set(t) | set(x) for t, x in zip(shown, extra, strict=True)]
    for ws in words:
        ws.update(also for w in list(ws) for also in _ALSO.get(w, ()))
    country_words: dict[str, str] = {}
    states = list(ds.countries.values())
    folded = _fold_all(normalize_all([n for c in states for n in (c.name, c.name_es, c.code)]))
    for k, name in enumerate(folded):
        country_words.setdefault(" ".join(name), states[k // 3].code)
    kinds = {e.id: e.kind for e in ds.events}
    spanish_titles = {e.id: e.title_es for e in ds.events}
    titles = [
        set(t)
        for t in _fold_all(
            normalize_all(
                _acronyms(
                    "\n".join(f"{d.title} {spanish_titles.get(d.id, '')}" for d in docs)
                ).split("\n")
            )
        )
    ]
    postings: dict[str, list[int]] = {}
    for i, ws in enumerate(words):
        for w in ws:
            postings.setdefault(w, []).append(i)
    return ([tuple(d) for d in docs], postings, texts, country_words, kinds, titles)


def search(
    ds: Records,
    text: str,
    *,
    limit: int | None = 10,
    since: str | None = None,
    until: str | None = None,
    countries: tuple[str, ...] = (),
    kinds: tuple[str, ...] = (),
) -> list[Hit]:
    """Records whose title or text (or the countries, year or acronyms they are tagged with)
    contain every word of `text` in English or Spanish, typos and accents forgiven, best first;
    filtered by date window, countries (codes) and event kinds."""
    hits = search_all(ds, text, since=since, until=until, countries=countries, kinds=kinds)
    return hits if limit is None else hits[:limit]


def search_all(
    ds: Records,
    text: str,
    *,
    since: str | None = None,
    until: str | None = None,
    countries: tuple[str, ...] = (),
    kinds: tuple[str, ...] = (),
) -> list[Hit]:
    """Every hit of `search`, ranked (so that a caller can say how many it did not show)."""
    from .bounds import window
    from .text import normalize

    lo, hi = window(since, until)
    folded = _fold(normalize(_acronyms(text)))
    terms = list(dict.fromkeys(folded))
    terms = ([t for t in terms if t not in _STOPWORDS] or terms)[:MAX_TERMS]
    if not terms:
        raise UsageError(i18n.t("nothing to search for in {text}", text=quoted(text)))
    corpus = _corpus(ds)
    named = {corpus.country_words[t] for t in terms if t in corpus.country_words}
    years = {t for t in terms if _YEAR.match(t)}
    scores: list[dict[int, float]] = []
    matched: list[set[str]] = []  # the indexed words each term matched
    for term in terms:
        best: dict[int, float] = {}
        similar = _similar_words(corpus, term)
        matched.append({word for word, _ in similar})
        for word, score in similar:
            for i in corpus.postings[word]:
                if score > best.get(i, 0.0):
                    best[i] = score
        scores.append(best)
    # A rare word says more than a common one: each term weighs log(1 + N / documents it
    # matches). A record must carry at least half the weight of the query's words (all of them
    # for one or two words), so that a question's extra words do not hide what it asks for.
    import math

    size = len(corpus.docs)
    weights = [math.log(1 + size / len(s)) if s else 0.0 for s in scores]
    total = sum(weights) or 1.0
    coverage: dict[int, float] = {}
    for s_, w in zip(scores, weights, strict=True):
        for i, fit in s_.items():
            coverage[i] = coverage.get(i, 0.0) + w * fit / 100
    if len(terms) <= 2:
        found = {i for i in coverage if all(i in s_ for s_ in scores)}
    else:
        carried = {
            i: sum(w for s_, w in zip(scores, weights, strict=True) if i in s_) for i in coverage
        }
        found = {i for i, c in carried.items() if c >= 0.5 * total}
    phrase = " ".join(folded)
    hits = []
    for i in found:
        doc = corpus.docs[i]
        if not _wanted(doc, lo, hi, countries, kinds, corpus.event_kinds):
            continue
        # How well the words fit (up to 60), then what makes a record the one meant: the words
        # together as typed, in its title, about the country or the year the query names.
        score = 60 * coverage[i] / total
        if len(terms) > 1 and phrase in corpus.texts[i]:
            score += 10
        score += 10 * sum(1 for words in matched if words & corpus.titles[i]) / len(terms)
        if named & set(doc.countries):
            score += 10
        if years and doc.date and doc.date[:4] in years:
            score += 10
        hits.append(doc._replace(score=round(score, 1)))
    hits.sort(key=lambda h: (-h.score, h.date is None, _newest_first(h.date), h.kind, h.id))
    return hits


def _wanted(
    doc: Hit,
    lo: Any,
    hi: Any,
    countries: tuple[str, ...],
    kinds: tuple[str, ...],
    event_kinds: dict[str, str],
) -> bool:
    if countries and not set(countries) & set(doc.countries):
        return False
    if kinds and (doc.kind != "event" or event_kinds.get(doc.id) not in kinds):
        return False
    if lo or hi:
        if not doc.date:
            return False
        from . import dates

        start, end = dates.parse_span(doc.date)
        if (lo and end < lo) or (hi and start > hi):
            return False
    return True


def _newest_first(date_text: str | None) -> tuple[int, ...]:
    return tuple(-ord(ch) for ch in (date_text or ""))


def _similar_words(corpus: _Corpus, term: str) -> list[tuple[str, float]]:
    out: list[tuple[str, float]] = []
    if term in corpus.postings:
        out.append((term, 100.0))
    if term in _FOLD.values() or term in _PHRASE_WORDS or _YEAR.match(term):
        return out  # a word of the synonym or phrase tables, or a year, means just that
    if len(term) >= 3:  # 'embass' finds 'embassy' and 'embassies'
        out += [(w, 95.0) for w in corpus.vocabulary if w != term and w.startswith(term)]
    if len(term) >= 4 and not out:  # a typo: only then pay for rapidfuzz
        from rapidfuzz import fuzz, process

        cutoff = 80.0 if len(term) >= 6 else 75.0
        for word, score, _ in process.extract(
            term,
            corpus.vocabulary,
            scorer=fuzz.ratio,
            processor=None,
            limit=None,
            score_cutoff=cutoff,
        ):
            if word != term and not word.startswith(term):
                out.append((word, float(score) * 0.9))
    return out
