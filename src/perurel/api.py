"""The Python API: `perurel.load()` and `Dataset`, the records the loader built with the
questions people ask of them (`lookup`, `match`, `search`, `timeline`), composing `match`,
`fulltext` and `query`."""

from __future__ import annotations

import os
from collections.abc import Sequence

from .store import Records
from .store import load as _records
from .tuples import TYPE_CHECKING

if TYPE_CHECKING:
    from .fulltext import Hit
    from .match import Match
    from .model import Country, Event


class Dataset(Records):
    """The whole dataset, indexed for lookups. Build it with `perurel.load()`."""

    def lookup(self, query: str) -> Country:
        """The country a person means by `query`; raises NotFound or Ambiguous."""
        return self.match(query).country

    def match(self, query: str, *, exact: bool = False) -> Match:
        """Like `lookup`, but says how the query matched (code, name, alias, fuzzy) and how well;
        with `exact`, no typo is forgiven."""
        from .match import match

        return match(self, query, exact=exact)

    def search(self, text: str, limit: int = 10) -> list[Hit]:
        """Full-text search over events, country notes and summaries, and organisations."""
        from .fulltext import search

        return search(self, text, limit=limit)

    def timeline(
        self,
        *,
        since: str | None = None,
        until: str | None = None,
        countries: Sequence[str] = (),
        kinds: Sequence[str] = (),
        limit: int | None = None,
        reverse: bool = False,
    ) -> list[Event]:
        """Events in date order, filtered: `since`/`until` dates (YYYY, YYYY-MM or YYYY-MM-DD),
        `countries` as codes or any name `lookup` accepts, event `kinds`, at most `limit`."""
        from .query import timeline

        if isinstance(countries, str):
            countries = [countries]
        return timeline(
            self,
            since=since,
            until=until,
            countries=[c if c in self.countries else self.lookup(c).code for c in countries],
            kinds=kinds,
            limit=limit,
            reverse=reverse,
        )


def load(path: str | os.PathLike[str] | None = None) -> Dataset:
    """Read the dataset (bundled unless a path or $PERUREL_DATA names another), once per path."""
    records = _records(path)
    if type(records) is Records:
        # adopted in place, not copied: the loader's cache keeps this one object per path, its
        # parts still built only when first read (`Dataset` adds methods, no state)
        records.__class__ = Dataset
    assert isinstance(records, Dataset)
    return records
