"""Full-text search over events, country notes and summaries, and organisations."""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING, Any, NamedTuple

from .errors import UsageError, quoted

if TYPE_CHECKING:
    from .model import Records


class Hit(NamedTuple):
    """A search result: what kind of record, which one, when, with whom, and how well it fits."""

    kind: str  # "event", "country" or "organisation"
    id: str
    date: str | None
    countries: tuple[str, ...]
    title: str
    text: str
    score: float

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "id": self.id,
            "date": self.date,
            "countries": list(self.countries),
            "title": self.title,
            "text": self.text,
            "score": self.score,
        }


class _Corpus(NamedTuple):
    docs: list[Hit]  # score 0: filled in per query
    words: list[set[str]]  # normalized words of each document
    vocabulary: list[str]
    postings: dict[str, list[int]]  # word -> documents containing it
    texts: list[str]  # normalized full text of each document, for phrase matches


@cache
def _corpus(ds: Records) -> _Corpus:
    from .text import normalize_all

    docs: list[Hit] = []
    for e in ds.events:
        docs.append(Hit("event", e.id, e.date, e.countries, e.title, e.summary, 0.0))
    for c in ds.countries.values():
        text = " ".join(filter(None, (c.summary, c.relations.note)))
        if text:
            docs.append(
                Hit("country", c.code, c.relations.established, (c.code,), c.name, text, 0.0)
            )
    for o in ds.organisations:
        docs.append(
            Hit(
                "organisation",
                o.id,
                o.joined,
                (),
                o.name,
                " ".join(filter(None, (o.role, o.note))),
                0.0,
            )
        )
    texts = normalize_all([f"{d.title} {d.text}" for d in docs])
    words = [set(t.split()) for t in texts]
    postings: dict[str, list[int]] = {}
    for i, ws in enumerate(words):
        for w in ws:
            postings.setdefault(w, []).append(i)
    return _Corpus(docs, words, sorted(postings), postings, texts)


def search(ds: Records, text: str, *, limit: int | None = 10) -> list[Hit]:
    """Records whose title or text contain every word of `text`, typos and accents forgiven
    (a word also matches words it begins, and words within a small edit distance), best first."""
    from .text import normalize

    query = normalize(text)
    terms = list(dict.fromkeys(query.split()))
    # Little words ('of', 'de') are left out unless they are all there is.
    terms = [t for t in terms if t not in _STOPWORDS] or terms
    if not terms:
        raise UsageError(f"nothing to search for in {quoted(text)}")
    from .query import check_limit

    check_limit(limit)
    corpus = _corpus(ds)
    scores: list[dict[int, float]] = []
    for term in terms:
        best: dict[int, float] = {}
        for word, score in _similar_words(corpus, term):
            for i in corpus.postings[word]:
                if score > best.get(i, 0.0):
                    best[i] = score
        scores.append(best)
    found = set(scores[0]).intersection(*scores[1:]) if scores else set()
    hits = []
    for i in found:
        score = sum(s[i] for s in scores) / len(scores)
        if len(terms) > 1 and query in corpus.texts[i]:
            score = min(100.0, score + 10)  # the words together, as typed
        hits.append(corpus.docs[i]._replace(score=round(score, 1)))
    hits.sort(key=lambda h: (-h.score, h.date is None, _newest_first(h.date), h.kind, h.id))
    return hits[:limit] if limit is not None else hits


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
    ]
)


def _newest_first(date_text: str | None) -> tuple[int, ...]:
    return tuple(-ord(ch) for ch in (date_text or ""))


def _similar_words(corpus: _Corpus, term: str) -> list[tuple[str, float]]:
    out: list[tuple[str, float]] = []
    if term in corpus.postings:
        out.append((term, 100.0))
    if len(term) >= 3:  # 'embass' finds 'embassy' and 'embassies'
        out += [(w, 95.0) for w in corpus.vocabulary if w != term and w.startswith(term)]
    if len(term) >= 4:
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
