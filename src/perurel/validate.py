"""Check a dataset's shape and integrity, reporting every problem with its JSON path.

Each record is checked by one walk along the schema (`schema_check`), which states every rule
within a record; written here by hand are only the rules that cross records or compare values
(milestones in order, a status against its history, ids that exist).

Used for datasets given with --data / PERUREL_DATA and by `perurel validate`; the bundled
dataset is checked by the tests instead, to keep start-up fast.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from functools import cache

from .i18n import N_, t
from .model import (
    BREAKS,
    PERU,
    STATUS_AFTER,
    STATUSES,
)
from .schema_check import Walker
from .schema_check import kind_of as _kind
from .schema_check import show as _show
from .tuples import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from typing import Any

SCHEMA_VERSION = 2
# An open mission whose newest evidence is older than this is worth a second look.
STALE_BEFORE = "2015"
# Milestones a relationship has at most one of (per predecessor state and, for envoys and
# consuls, per sending side): two sources disagreeing on the date make one milestone with
# `alternatives`, not two.
ONCE = ("established", "first-consul", "first-envoy")
# A note saying no date was found, beside a milestone that gives the date (English, Spanish).
_NO_ESTABLISHMENT = re.compile(
    r"no (?:establishment|start) date|establishment date (?:was )?not found"
    r"|date of (?:the )?establishment (?:was )?not found"
    r"|no se (?:hall|encontr)\w+ (?:la )?fecha de(?:l)? establecimiento",
    re.IGNORECASE,
)
_NO_RESTORATION = re.compile(
    r"restoration date (?:was )?not found|no (?:later )?restoration (?:was )?found"
    r"|no se (?:hall|encontr)\w+ (?:la fecha de(?:l)? |ning\w+ |un )?restablecimiento",
    re.IGNORECASE,
)
# An event about a mission (credentials, an opening, closing, reopening or downgrade), which a
# mission's `events` must name.
MISSION_EVENT = re.compile(
    r"credentials|accredited to"
    r"|\b(?:opens?|opened|opening|reopen\w*|closes?|closed|closing|closure|downgrad\w*)\b"
    r"[^.]*\b(?:embassy|embassies|consulate|legation|mission)\b"
    r"|\b(?:embassy|embassies|consulate|legation)\b[^.]*"
    r"\b(?:opens?|opened|reopen\w*|clos\w*|downgrad\w*)\b",
    re.IGNORECASE,
)


class Problem(NamedTuple):
    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}" if self.path else self.message


class _Checker:
    def __init__(self, today: date) -> None:
        self.problems: list[Problem] = []
        self.warnings: list[Problem] = []
        self.event_refs: list[tuple[str, Any]] = []  # (path, id) of milestones naming an event
        self.event_ids: set[str] = set()
        self.event_dates: dict[str, str] = {}
        self.event_countries: dict[str, tuple[str, ...]] = {}
        # (path, mission, its partner) of missions naming events
        self.mission_refs: list[tuple[str, dict[str, Any], str]] = []
        self.newest_fact = ""  # the newest date of an event or milestone
        self.today = today
        self.source_ids: set[str] = set()
        self.codes: set[str] = set()
        # the shape of each field: one walk along the schema
        self.walker = Walker(schema()["$defs"], self.add, today)

    def add(self, path: str, message: str) -> None:
        self.problems.append(Problem(path, message))

    def cites(self, rec: dict[str, Any], key: str, path: str) -> None:
        """Every source id names a source of the dataset (the list's shape is the walk's)."""
        ids = rec.get(key)
        if type(ids) is not list:
            return
        try:
            if self.source_ids.issuperset(ids):
                return  # the common case, in C: every id known
        except TypeError:  # an unhashable item: the walk reports it
            pass
        for i, sid in enumerate(ids):
            if type(sid) is str and sid not in self.source_ids:
                self.add(f"{path}.{key}[{i}]", t("unknown source id {id}", id=_show(sid)))

    def objects(
        self, rec: dict[str, Any], key: str, path: str
    ) -> Iterator[tuple[dict[str, Any], str]]:
        """The objects of a list of records, each with its path (anything else: the walk
        reports it)."""
        items = rec.get(key, [])
        if not isinstance(items, list):
            return
        for j, item in enumerate(items):
            if isinstance(item, dict):  # anything else: the walk reports it
                yield item, f"{path}.{key}[{j}]"

    def code_list(self, rec: dict[str, Any], key: str, path: str) -> None:
        """A list of country codes of this dataset, never Peru (its shape is the walk's)."""
        values = rec.get(key)
        if not isinstance(values, list):
            return
        for j, code in enumerate(values):
            self.code(code, f"{path}.{key}[{j}]", allow_peru=False)

    def unique_id(self, rec: dict[str, Any], path: str, seen: set[str], duplicate: str) -> None:
        """An id not used before by another record of the same list (`duplicate`: the message
        saying it was, with the `{id}`); its form is the walk's to check."""
        rid = rec.get("id")
        if not isinstance(rid, str):
            return
        if rid in seen:
            self.add(f"{path}.id", t(duplicate, id=rid))
        else:
            seen.add(rid)

    def code(self, value: Any, path: str, *, allow_peru: bool) -> None:
        """A code of a country of this dataset (or Peru, where allowed); any other type of value
        the walk reports."""
        if value == PERU and allow_peru:
            return
        if isinstance(value, str) and value not in self.codes:
            self.add(path, t("{value} is not a country code of this dataset", value=_show(value)))


def check(data: Any, *, today: date | None = None) -> list[Problem]:
    """Every problem in a parsed dataset; an empty list means it is valid."""
    return _check(data, today)[0]


def review(data: Any, *, today: date | None = None) -> tuple[list[Problem], list[Problem]]:
    """Problems (the dataset is invalid) and warnings (valid, but worth a look)."""
    return _check(data, today)


def _check(data: Any, today: date | None) -> tuple[list[Problem], list[Problem]]:
    c = _Checker(today or date.today())
    c.problems = _problems(c, data)
    return c.problems, c.warnings


def _problems(c: _Checker, data: Any) -> list[Problem]:
    if not isinstance(data, dict):
        c.add("", t("the top level must be an object, found {found}", found=_kind(data)))
        return c.problems
    version = data.get("schema_version")
    if not isinstance(version, int) or isinstance(version, bool):
        c.add("schema_version", t("expected an integer, found {found}", found=_show(version)))
        return c.problems
    if version > SCHEMA_VERSION:
        c.add(
            "schema_version",
            t(
                "version {version} is newer than this perurel reads ({supported}); upgrade perurel",
                version=version,
                supported=SCHEMA_VERSION,
            ),
        )
        return c.problems
    if version < SCHEMA_VERSION:
        c.add(
            "schema_version",
            t(
                "version {version} is older than this perurel reads ({supported});"
                " see docs/data.md for the migration",
                version=version,
                supported=SCHEMA_VERSION,
            ),
        )
        return c.problems
    for key in ("sources", "countries", "events", "organisations"):
        if not isinstance(data.get(key), list):
            c.add(
                key if key in data else "",
                t("'{key}' must be a list, found {found}", key=key, found=_show(data.get(key)))
                if key in data
                else t("missing required field '{key}'", key=key),
            )
    if c.problems:
        return c.problems
    if "dataset_date" in data:
        c.walker.record(data["dataset_date"], "date", "dataset_date")

    _sources(c, data["sources"])
    raw_countries = data["countries"]
    for i, rec in enumerate(raw_countries):
        if isinstance(rec, dict) and isinstance(rec.get("code"), str):
            code = rec["code"]
            if code in c.codes:
                c.add(f"countries[{i}].code", t("duplicate country code {code}", code=_show(code)))
            c.codes.add(code)
    for i, rec in enumerate(raw_countries):
        _country(c, rec, f"countries[{i}]")
    _events(c, data["events"])
    for path, ref in c.event_refs:  # ids (strings): any other value the walk reports
        if ref not in c.event_ids:
            c.add(path, t("{value} is not an event id of this dataset", value=_show(ref)))
    _mission_events(c, data["events"])
    _organisations(c, data["organisations"])
    for key in data.keys() - schema()["properties"]:  # the records' fields: the walk's
        c.add(str(key), t("not a field of {record}", record="dataset"))
    _texts(c, data)
    if "facts_to" in data:
        c.walker.record(data["facts_to"], "date", "facts_to")
        if data["facts_to"] != (c.newest_fact or None):
            c.add(
                "facts_to",
                t(
                    "{value} is not the date of the newest event or milestone ({newest})",
                    value=_show(data["facts_to"]),
                    newest=c.newest_fact,
                )
                if c.newest_fact
                else t(
                    "{value} is given, but no event or milestone is dated",
                    value=_show(data["facts_to"]),
                ),
            )
    return c.problems


@cache
def schema() -> dict[str, Any]:
    """The dataset's JSON Schema, the one declaration of its records (data/relations.schema.json,
    shipped in the package's `data` folder), read when a dataset is checked."""
    import json
    import os

    here = os.path.dirname(os.path.abspath(__file__))
    path = os.path.join(here, "data", "relations.schema.json")
    if not os.path.isfile(path):  # a source checkout or an editable install
        path = os.path.join(os.path.dirname(os.path.dirname(here)), "data", "relations.schema.json")
    with open(path, encoding="utf-8") as f:
        loaded: dict[str, Any] = json.load(f)
    return loaded


# Characters no text of a dataset may hold: controls (C0 with tab and line feed, DEL, C1), the
# bidirectional overrides and isolates, and lone surrogates (which no output can encode).
_BAD_CHAR = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
# ... those json.dumps leaves raw (C0 it writes as \u00XX, \b, \f, \n, \r, \t: looked for as
# substrings, which is faster than any regex over a whole dataset).
_BAD_RAW = re.compile("[\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
_C0_DUMPED = ("\\u00", "\\b", "\\f", "\\n", "\\r", "\\t")


def _texts(c: _Checker, data: Any) -> None:
    """Every text (and key) free of characters that would drive a terminal or cannot be
    written, each offender named by its JSON path."""
    import json

    dumped = json.dumps(data, ensure_ascii=False)
    if _BAD_RAW.search(dumped) is None and not any(e in dumped for e in _C0_DUMPED):
        return  # the common case: a few passes in C over the whole dataset (~10 ms for 1 MB)

    def walk(value: Any, path: str) -> None:
        if isinstance(value, str):
            found = _BAD_CHAR.search(value)
            if found is not None:
                code = ord(found[0])
                message = (
                    N_("holds a lone surrogate (U+{code}); texts may not")
                    if 0xD800 <= code <= 0xDFFF
                    else N_("holds a control character (U+{code}); texts may not")
                )
                c.add(path, t(message, code=format(code, "04X")))
        elif isinstance(value, dict):
            for key, item in value.items():
                where = f"{path}.{key}" if path else str(key)
                walk(key, t("{path} (the key)", path=where))
                walk(item, where)
        elif isinstance(value, list):
            for i, item in enumerate(value):
                walk(item, f"{path}[{i}]")

    walk(data, "")


def _sources(c: _Checker, records: list[Any]) -> None:
    for i, rec in enumerate(records):
        path = f"sources[{i}]"
        c.walker.record(rec, "source", path)  # each field's shape, URLs and authors too
        if not isinstance(rec, dict):
            continue
        c.unique_id(rec, path, c.source_ids, N_("duplicate source id '{id}'"))
    for i, rec in enumerate(records):
        found_in = rec.get("found_in") if isinstance(rec, dict) else None
        if isinstance(found_in, str) and (
            found_in not in c.source_ids or found_in == rec.get("id")
        ):
            c.add(
                f"sources[{i}].found_in",
                t("{value} is not another source's id", value=_show(found_in)),
            )


def _country(c: _Checker, rec: Any, path: str) -> None:
    c.walker.record(rec, "country", path)  # each field's shape, in every nested record too
    if not isinstance(rec, dict):
        return
    code = rec.get("code")
    if code == PERU:
        c.add(f"{path}.code", t("Peru itself is not one of its partners"))
    c.cites(rec, "sources", path)
    rel = rec.get("relations")
    if isinstance(rel, dict):
        _relations(c, rel, f"{path}.relations", code if isinstance(code, str) else "")
    for m, mpath in c.objects(rec, "missions", path):
        c.code(m.get("owner"), f"{mpath}.owner", allow_peru=True)
        c.code(m.get("host"), f"{mpath}.host", allow_peru=True)
        if PERU not in (m.get("owner"), m.get("host")):
            c.add(mpath, t("a mission must be Peru's or hosted by Peru"))
        if m.get("state") == "open" and str(m.get("as_of") or "9999") < STALE_BEFORE:
            c.warnings.append(
                Problem(
                    f"{mpath}.as_of",
                    t("open mission last seen in {date}: still open?", date=m["as_of"]),
                )
            )
        c.code(m.get("from"), f"{mpath}.from", allow_peru=False)
        c.cites(m, "sources", mpath)
        if m.get("events") is not None:
            c.mission_refs.append((mpath, m, code if isinstance(code, str) else ""))
    c.cites(rec, "summary_sources", path)
    rep = rec.get("representation")
    if isinstance(rep, dict):
        c.cites(rep, "sources", f"{path}.representation")
    un = rec.get("un_votes")
    if isinstance(un, dict):
        upath = f"{path}.un_votes"
        c.cites(un, "sources", upath)
        since, until = un.get("since"), un.get("until")
        if type(since) is int and type(until) is int and since > until:
            c.add(
                f"{upath}.since",
                t("{since} comes after 'until' ({until})", since=since, until=until),
            )


def _relations(c: _Checker, rel: dict[str, Any], path: str, code: str) -> None:
    """Status, its date of evidence, and a history in order whose status agrees with it."""
    status = rel.get("status")
    history = list(c.objects(rel, "history", path))
    c.cites(rel, "sources", path)
    if rel.get("sources") == [] and status != "unknown" and not history:
        # a status its milestones do not stand behind needs its own sources
        c.add(f"{path}.sources", t("a fact needs at least one source"))
    last_date = ""
    open_break: tuple[str, str] | None = None  # (kind, date) of a break not yet mended
    derived: str | None = None
    last_status_date = ""
    once: dict[tuple[Any, ...], str] = {}
    for m, mpath in history:
        when, kind = m.get("date"), m.get("kind")
        kind = kind if isinstance(kind, str) else None  # any other type: the walk reports it
        if isinstance(m.get("event"), str):  # any other value: the walk reports it
            c.event_refs.append((f"{mpath}.event", m["event"]))
        c.cites(m, "sources", mpath)
        by = m.get("by")
        if isinstance(by, str) and by not in (PERU, code):  # any other type: the walk's
            c.add(
                f"{mpath}.by",
                t(
                    "{value} is neither Peru ({peru}) nor {code}",
                    value=_show(by),
                    peru=PERU,
                    code=code,
                ),
            )
        for alt, apath in c.objects(m, "alternatives", mpath):
            c.cites(alt, "sources", apath)
            if alt.get("date") == when:
                c.add(f"{apath}.date", t("an alternative date must differ from the milestone's"))
        if kind in ONCE:
            # str(): any type may come in (a list is reported elsewhere), and keys must hash
            once_key = (kind, str(m.get("counterpart")), str(by))
            if once_key in once:
                c.add(
                    f"{mpath}.kind",
                    t(
                        "a second '{kind}' milestone (the first is {first}): where sources"
                        " disagree on the date, keep one milestone and give the others as"
                        " 'alternatives'",
                        kind=kind,
                        first=once[once_key],
                    ),
                )
            else:
                once[once_key] = mpath
        if isinstance(when, str):
            if when < last_date and not last_date.startswith(when):
                c.add(
                    f"{mpath}.date",
                    t(
                        "{date} comes before the milestone above it ({previous})",
                        date=when,
                        previous=last_date,
                    ),
                )
            last_date = max(last_date, when)
            c.newest_fact = max(c.newest_fact, when)
        if kind == "restored" and open_break is None:
            c.add(f"{mpath}.kind", t("'restored' with no break, suspension or lapse before it"))
        if kind in BREAKS:
            open_break = (str(kind), str(when))
        elif kind in ("restored", "established"):
            open_break = None
        if kind in STATUS_AFTER:
            derived, last_status_date = STATUS_AFTER[str(kind)], str(when or last_date)
    newer = str(rel.get("as_of") or "") > last_status_date
    if open_break is not None and status == "active":
        kind, when = open_break
        c.add(
            f"{path}.status",
            t(
                "'active' after the '{kind}' of {date} needs a later 'restored' milestone"
                ' (dated, or with "date": null and a note when no source dates it)',
                kind=kind,
                date=when,
            ),
        )
    elif derived is not None and status in STATUSES and status != derived and not newer:
        # A status may differ from the last milestone only on newer evidence (a newer source
        # shows relations no longer at work); a mended break needs its `restored` (above).
        c.add(
            f"{path}.status",
            t(
                "'{status}' disagrees with the history, which ends '{derived}'",
                status=status,
                derived=derived,
            ),
        )
    kinds = {m.get("kind") for m, _ in history if m.get("date") and isinstance(m.get("kind"), str)}
    for key in ("note", "note_es"):
        note = rel.get(key)
        if not isinstance(note, str):
            continue
        if "established" in kinds and _NO_ESTABLISHMENT.search(note):
            c.add(
                f"{path}.{key}",
                t("says no establishment date was found, beside an 'established' milestone"),
            )
        if "restored" in kinds and _NO_RESTORATION.search(note):
            c.add(f"{path}.{key}", t("says no restoration was found, beside a dated 'restored'"))


def _events(c: _Checker, records: list[Any]) -> None:
    ids = c.event_ids
    seen: dict[tuple[str, str], int] = {}
    for i, rec in enumerate(records):
        path = f"events[{i}]"
        c.walker.record(rec, "event", path)  # each field's shape (both texts required in Spanish)
        if not isinstance(rec, dict):
            continue
        c.unique_id(rec, path, ids, N_("duplicate event id '{id}'"))
        c.code_list(rec, "countries", path)
        c.cites(rec, "sources", path)
        if isinstance(rec.get("id"), str) and isinstance(rec.get("date"), str):
            c.event_dates[rec["id"]] = rec["date"]
            countries = rec.get("countries")
            c.event_countries[rec["id"]] = tuple(countries) if isinstance(countries, list) else ()
            c.newest_fact = max(c.newest_fact, rec["date"])
        key = (str(rec.get("date")), str(rec.get("title")).casefold())
        if key in seen:
            first = f"events[{seen[key]}]"
            c.add(path, t("duplicates {other} (same date and title)", other=first))
        else:
            seen[key] = i


def _mission_events(c: _Checker, records: list[Any]) -> None:
    """Missions name the events about them, and their state and date follow the newest one;
    every event about a mission is named by one."""
    linked: set[str] = set()
    for mpath, m, code in c.mission_refs:
        ids = m.get("events")
        if not isinstance(ids, list) or not all(isinstance(i, str) for i in ids):
            continue  # the walk reports it
        partner = m.get("host") if m.get("owner") == PERU else m.get("owner")
        newest = ("", "")
        for j, eid in enumerate(ids):
            if eid not in c.event_dates:
                c.add(
                    f"{mpath}.events[{j}]",
                    t("{value} is not an event id of this dataset", value=_show(eid)),
                )
                continue
            linked.add(eid)
            if code not in c.event_countries[eid] and partner not in c.event_countries[eid]:
                c.add(
                    f"{mpath}.events[{j}]",
                    t("event '{id}' is not about {code}", id=eid, code=code),
                )
            newest = max(newest, (c.event_dates[eid], eid))
        # A closed mission's evidence is its closing date or a later source showing it closed;
        # one closed at a date no source gives has nothing to compare.
        dated = [v for v in (m.get("closed"), m.get("as_of")) if isinstance(v, str)]
        if m.get("state") == "closed" and not dated:
            continue
        evidence = max(dated) if dated else None
        when, eid = newest
        if when and (evidence is None or evidence < when[: len(evidence)]):
            field = "closed" if m.get("state") == "closed" and not m.get("as_of") else "as_of"
            c.add(
                f"{mpath}.{field}",
                t(
                    "{value} is older than its newest event, '{id}' ({date}):"
                    " the mission's state and date follow it",
                    value=_show(evidence),
                    id=eid,
                    date=when,
                ),
            )
    for i, rec in enumerate(records):
        if not isinstance(rec, dict) or not isinstance(rec.get("title"), str):
            continue
        rid = rec.get("id")
        if MISSION_EVENT.search(rec["title"]) and not (isinstance(rid, str) and rid in linked):
            c.add(
                f"events[{i}]",
                t(
                    "an event about a mission ({title}) that no mission's 'events' names",
                    title=_show(rec["title"]),
                ),
            )


def _organisations(c: _Checker, records: list[Any]) -> None:
    ids: set[str] = set()
    for i, rec in enumerate(records):
        path = f"organisations[{i}]"
        c.walker.record(rec, "organisation", path)  # each field's shape, ties and terms too
        if not isinstance(rec, dict):
            continue
        c.unique_id(rec, path, ids, N_("duplicate organisation id '{id}'"))
        c.cites(rec, "sources", path)
        members = rec.get("members")
        if isinstance(members, dict):
            mpath = f"{path}.members"
            c.code_list(members, "codes", mpath)
            c.cites(members, "sources", mpath)
        for per, ppath in c.objects(rec, "periods", path):
            c.cites(per, "sources", ppath)
