"""Sources as citations people take into their own work: BibTeX (one `@misc` entry per source,
keyed by its id) and CSL JSON (the format of Zotero, Pandoc and citeproc). No Typer, no Rich."""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from . import dates

if TYPE_CHECKING:
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


def bibtex(sources: Sequence[Source]) -> str:
    """BibTeX entries, one per source, in the order given."""
    months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
    entries = []
    for s in sources:
        fields: list[tuple[str, str]] = [
            ("title", "{" + _tex(s.title) + "}"),
            ("author", "{" + _tex(s.publisher) + "}"),
            ("publisher", _tex(s.publisher)),
        ]
        parts = dates.parts(s.date)
        if parts:
            fields.append(("year", str(parts[0])))
        if len(parts) > 1:
            fields.append(("month", months[parts[1] - 1]))
        if len(parts) == 3:
            fields.append(("date", s.date or ""))
        if s.url:
            fields.append(("url", s.url.replace("%", r"\%")))
            fields.append(("howpublished", r"\url{" + s.url.replace("%", r"\%") + "}"))
        fields.append(("note", _tex(f"perurel source {s.id} ({s.tier})")))
        body = ",\n".join(
            f"  {k} = {v}" if k in ("month",) else f"  {k} = {{{v}}}" for k, v in fields
        )
        entries.append(f"@misc{{{s.id},\n{body}\n}}\n")
    return "\n".join(entries)


def csl_item(s: Source) -> dict[str, Any]:
    """One source as a CSL JSON item."""
    item: dict[str, Any] = {
        "id": s.id,
        "type": CSL_TYPE.get(s.tier, "webpage"),
        "title": s.title,
        "publisher": s.publisher,
        "author": [{"literal": s.publisher}],
    }
    if s.tier == "press":
        item["container-title"] = s.publisher
    parts = dates.parts(s.date)
    if parts:
        item["issued"] = {"date-parts": [parts]}
    if s.url:
        item["URL"] = s.url
    item["note"] = f"perurel source {s.id} ({s.tier})"
    return item


def csl_json(sources: Sequence[Source]) -> str:
    """A CSL JSON array of the sources."""
    return json.dumps([csl_item(s) for s in sources], ensure_ascii=False, indent=2) + "\n"


CITATIONS = {"bibtex": bibtex, "csl-json": csl_json}
