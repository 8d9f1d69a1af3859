"""Sources as citations people take into their own work: BibTeX (one `@misc` entry per source,
keyed by its id) and CSL JSON (the format of Zotero, Pandoc and citeproc). No Typer, no Rich."""

from __future__ import annotations

import json
import re
from collections.abc import Sequence

from . import dates
from .tuples import TYPE_CHECKING

if TYPE_CHECKING:
    from typing import Any

    from .model import Source

# A tier as a CSL item type: what kind of document a source of that tier is.
CSL_TYPE = {
    "official": "document",
    "press": "article-newspaper",
    "scholarly": "article-journal",
    "encyclopedia": "entry-encyclopedia",
    "other": "webpage",
}
_TEX_SPECIAL = re.compile(r"([&%$#_{}~^\\])")
_TEX_ESCAPE = {"~": r"\textasciitilde{}", "^": r"\textasciicircum{}", "\\": r"\textbackslash{}"}


def _tex(text: str) -> str:
    """Text for a BibTeX field: LaTeX's special characters escaped, one line."""
    text = " ".join(text.split())
    return _TEX_SPECIAL.sub(lambda m: _TEX_ESCAPE.get(m.group(1), "\\" + m.group(1)), text)


def _person(name: str) -> bool:
    """A person is written "Family, Given"; an institution has no comma."""
    return ", " in name


def _tex_names(names: Sequence[str]) -> str:
    """BibTeX authors: people as "Family, Given", institutions braced so no style splits them."""
    return " and ".join(_tex(n) if _person(n) else "{" + _tex(n) + "}" for n in names)


def _tex_url(url: str) -> str:
    return url.replace("%", r"\%")


def _note(s: Source) -> str:
    """What a reader needs besides the fields: the copy the source was read in, and our id."""
    copy = f"Read in a copy: {s.via}. " if s.via else ""
    return f"{copy}perurel source {s.id} ({s.tier})"


def bibtex(sources: Sequence[Source]) -> str:
    """BibTeX entries, one per source, in the order given.

    The author is only ever the source's stated author (a person or an institution), never its
    publisher or the website it was read on; the publisher is `publisher`, the address
    `howpublished` and `url` (the copy's, where the original has none online)."""
    months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
    entries = []
    for s in sources:
        fields: list[tuple[str, str]] = [("title", "{" + _tex(s.title) + "}")]
        if s.author:
            fields.append(("author", _tex_names(s.author)))
        fields.append(("publisher", _tex(s.publisher)))
        parts = dates.parts(s.date)
        if parts:
            fields.append(("year", str(parts[0])))
        if len(parts) > 1:
            fields.append(("month", months[parts[1] - 1]))
        if len(parts) == 3:
            fields.append(("date", s.date or ""))
        url = s.url or s.via
        if url:
            fields.append(("url", _tex_url(url)))
            fields.append(("howpublished", r"\url{" + _tex_url(url) + "}"))
        copy = rf"Read in a copy: \url{{{_tex_url(s.via)}}}. " if s.via else ""
        fields.append(("note", copy + _tex(f"perurel source {s.id} ({s.tier})")))
        body = ",\n".join(
            f"  {k} = {v}" if k in ("month",) else f"  {k} = {{{v}}}" for k, v in fields
        )
        entries.append(f"@misc{{{s.id},\n{body}\n}}\n")
    return "\n".join(entries)


def _csl_name(name: str) -> dict[str, str]:
    if _person(name):
        family, given = name.split(", ", 1)
        return {"family": family, "given": given}
    return {"literal": name}


def csl_item(s: Source) -> dict[str, Any]:
    """One source as a CSL JSON item: authors only as the source states them."""
    item: dict[str, Any] = {
        "id": s.id,
        "type": CSL_TYPE.get(s.tier, "webpage"),
        "title": s.title,
        "publisher": s.publisher,
    }
    if s.author:
        item["author"] = [_csl_name(n) for n in s.author]
    if s.tier in ("press", "encyclopedia"):
        item["container-title"] = s.publisher
    parts = dates.parts(s.date)
    if parts:
        item["issued"] = {"date-parts": [parts]}
    if s.url or s.via:
        item["URL"] = s.url or s.via
    item["note"] = _note(s)
    return item


def csl_json(sources: Sequence[Source]) -> str:
    """A CSL JSON array of the sources."""
    return json.dumps([csl_item(s) for s in sources], ensure_ascii=False, indent=2) + "\n"


CITATIONS = {"bibtex": bibtex, "csl-json": csl_json}
