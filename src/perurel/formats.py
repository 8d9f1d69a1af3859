"""Machine output: JSON documents built from records. Never imports rich."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from .query import country_sources

if TYPE_CHECKING:
    from .model import Country, Event
    from .store import Dataset


def dumps(value: Any) -> str:
    """JSON as perurel prints it: UTF-8 text, a final newline. An object is indented; an array
    of records has one compact record per line, which reads well, diffs well, and uses the C
    encoder (an indented dump of 20,000 events takes half a second)."""
    if isinstance(value, list):
        if not value:
            return "[]\n"
        body = ",\n".join(json.dumps(item, ensure_ascii=False) for item in value)
        return f"[\n{body}\n]\n"
    return json.dumps(value, ensure_ascii=False, indent=2) + "\n"


def country_record(ds: Dataset, country: Country) -> dict[str, Any]:
    """A country with its events and the full records of every source its facts cite."""
    record = country.to_dict()
    record["events"] = [e.to_dict() for e in ds.events_of(country.code)]
    record["sources"] = [s.to_dict() for s in ds.cited_sources(country_sources(ds, country.code))]
    return record


def event_records(events: list[Event]) -> list[dict[str, Any]]:
    """Events as the JSON array `timeline --json` prints."""
    return [e.to_dict() for e in events]
