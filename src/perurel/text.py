"""Text as perurel compares it: case, accents, punctuation and spacing folded, the same way for
country names, regions, source ids and full-text search."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

_ABBREVIATIONS = {"st": "saint", "ste": "sainte", "sta": "santa", "sto": "santo", "rep": "republic"}
# Combining marks, dropped after NFKD decomposition ('é' -> 'e'): the Unicode blocks of
# combining diacritics (Latin, Greek, Cyrillic and their extensions, half marks).
_MARKS = re.compile(
    "[\u0300-\u036f\u0483-\u0489\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]+"
)
_ABBREVIATED = re.compile(r"\b(?:" + "|".join(_ABBREVIATIONS) + r")\b")
_JOINERS = re.compile(r"[.'’`´]")
_SEPARATORS = re.compile(r"[^\w\n ]+")  # runs of anything but letters, digits and spaces
_SPACES = re.compile(r"  +")


def normalize(text: str) -> str:
    """Fold case, accents, punctuation and spacing: 'Côte d’Ivoire' -> 'cote divoire'."""
    return normalize_all([text])[0]


def normalize_all(texts: Sequence[str]) -> list[str]:
    """`normalize` of many names at once: each step runs over one joined text, in C, so that
    indexing 280,000 aliases takes a tenth of a second instead of two."""
    if not texts:
        return []
    blob = "\n".join(texts)
    if blob.count("\n") != len(texts) - 1:  # a name with a line break of its own
        blob = "\n".join(t.replace("\n", " ") for t in texts)
    if not blob.isascii():
        blob = _MARKS.sub("", unicodedata.normalize("NFKD", blob))
    blob = blob.casefold().replace("&", " and ")
    blob = _JOINERS.sub("", blob).replace("_", " ")
    blob = _SEPARATORS.sub(" ", blob)  # punctuation and other spacing become one space
    if "  " in blob:
        blob = _SPACES.sub(" ", blob)
    blob = _ABBREVIATED.sub(lambda m: _ABBREVIATIONS[m[0]], blob)
    blob = blob.replace(" \n", "\n").replace("\n ", "\n").strip(" ")
    return blob.split("\n")
