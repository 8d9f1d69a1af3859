"""The records of the dataset: immutable named tuples that serialise back to the dataset's shape.

(Named tuples, not dataclasses: importing `dataclasses` pulls in `inspect` and building the classes
costs more than the rest of a JSON lookup; see benchmarks/startup.py.)
"""

from __future__ import annotations

from .tuples import TYPE_CHECKING, NamedTuple

STATUSES = ("active", "suspended", "broken", "none", "unknown")
MISSION_KINDS = (
    "embassy",
    "consulate-general",
    "consulate",
    "honorary-consulate",
    "consular-agency",
    "office",
    "accredited-from",
)
EVENT_KINDS = (
    "treaty",
    "agreement",
    "dispute",
    "ruling",
    "visit",
    "recognition",
    "relations",
    "aid",
    "trade",
    "security",
    "membership",
    "politics",
)
PERU = "PE"

# The kinds of milestone in a relationship's history, in the order they usually come.
# docs/data.md defines each; `STATUS_AFTER` says what a milestone leaves the relationship as.
MILESTONE_KINDS = (
    "recognition",
    "first-consul",
    "first-envoy",
    "credentials",
    "treaty",
    "established",
    "raised-to-embassy",
    "broken",
    "severed-by-war",
    "lapsed",
    "suspended",
    "restored",
)
STATUS_AFTER = {
    "established": "active",
    "restored": "active",
    "raised-to-embassy": "active",
    "broken": "broken",
    "severed-by-war": "broken",
    "lapsed": "broken",
    "suspended": "suspended",
}
BREAKS = ("broken", "severed-by-war", "lapsed", "suspended")
MISSION_STATES = ("open", "closed", "unknown")
# Source tiers, best first: a fact's best tier is the best of its sources'.
TIERS = ("official", "scholarly", "press", "encyclopedia", "other")
# What `perurel map` draws (--by) and writes (--format): here, not in `map`, so that declaring
# the command line does not import the map.
MAP_VIEWS = ("status", "established", "missions", "votes")
MAP_FORMATS = ("svg", "html")


def _drop_none(d: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in d.items() if v is not None}


class Source(NamedTuple):
    id: str
    title: str
    publisher: str
    url: str | None = None  # where the original can be read
    date: str | None = None
    note: str | None = None
    tier: str = "other"
    found_in: str | None = None  # the source where this one was found cited (an article)
    # Who wrote it, as the source states: a person "Family, Given" or an institution (no comma).
    author: tuple[str, ...] = ()
    via: str | None = None  # the copy (a mirror, an archive) the source was read in
    note_es: str | None = None  # the note in Spanish
    publisher_es: str | None = (
        None  # the publisher's Spanish name, where Spanish names it otherwise
    )

    def to_dict(self) -> dict[str, Any]:
        return _drop_none(
            {
                "id": self.id,
                "title": self.title,
                "author": list(self.author) or None,
                "publisher": self.publisher,
                "publisher_es": self.publisher_es,
                "url": self.url,
                "via": self.via,
                "date": self.date,
                "tier": self.tier,
                "found_in": self.found_in,
                "note": self.note,
                "note_es": self.note_es,
            }
        )


class Alternative(NamedTuple):
    """Another date that other sources give for the same milestone."""

    date: str
    sources: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        return {"date": self.date, "sources": list(self.sources)}


class Milestone(NamedTuple):
    """One dated step of a relationship: a recognition, the establishment, a break...

    `date` is None only for a restoration that sources show happened but none dates (its note
    says what is known)."""

    kind: str
    date: str | None
    sources: tuple[str, ...]
    counterpart: str | None = None  # a predecessor state: "Russian Empire", "Qing China"
    event: str | None = None  # the timeline event that tells it
    note: str | None = None
    alternatives: tuple[Alternative, ...] = ()  # other dates other sources give for it
    by: str | None = None  # who sent the first envoy or consul, where both sides did ("PE", "VA")
    note_es: str | None = None

    def to_dict(self) -> dict[str, Any]:
        d = _drop_none(
            {
                "kind": self.kind,
                "date": self.date,
                "by": self.by,
                "counterpart": self.counterpart,
                "event": self.event,
                "note": self.note,
                "note_es": self.note_es,
            }
        )
        if self.date is None:
            d["date"] = None
        if self.alternatives:
            d["alternatives"] = [a.to_dict() for a in self.alternatives]
        d["sources"] = list(self.sources)
        return d


class Relations(NamedTuple):
    status: str
    as_of: str | None  # the date of the newest source showing the status
    history: tuple[Milestone, ...]
    note: str
    sources: tuple[str, ...]
    note_es: str = ""

    @property
    def established(self) -> str | None:
        """The date of the formal establishment of relations (the first one), if a source gives it."""
        m = self.establishment
        return m.date if m else None

    @property
    def establishment(self) -> Milestone | None:
        """The first milestone of kind `established`."""
        return next((m for m in self.history if m.kind == "established"), None)

    @property
    def first(self) -> Milestone | None:
        """The earliest dated milestone of any kind."""
        return self.history[0] if self.history else None

    @property
    def since(self) -> Milestone | None:
        """The milestone that left the relationship in its current status (a break, a restoration)."""
        for m in reversed(self.history):
            if m.kind in STATUS_AFTER:
                return m
        return None

    def cited(self) -> list[str]:
        """Every source id of the status, note and history."""
        ids = list(self.sources)
        for m in self.history:
            ids.extend(m.sources)
            for a in m.alternatives:
                ids.extend(a.sources)
        return list(dict.fromkeys(ids))

    def to_dict(self) -> dict[str, Any]:
        first = self.first
        return {
            "status": self.status,
            "as_of": self.as_of,
            "established": self.established,
            "first": {"kind": first.kind if first else None, "date": first.date if first else None},
            "history": [m.to_dict() for m in self.history],
            "note": self.note,
            "note_es": self.note_es,
            "sources": list(self.sources),
        }


class Mission(NamedTuple):
    owner: str
    host: str
    kind: str
    city: str | None
    sources: tuple[str, ...]
    via: str | None = None  # for accredited-from: the country whose capital the mission sits in
    note: str | None = None
    state: str = "open"  # open, closed or unknown
    closed: str | None = None  # when it closed (or stopped covering Peru), if known
    as_of: str | None = None  # the date of the newest source showing it in this state
    events: tuple[str, ...] = ()  # ids of the timeline events about it (credentials, opening...)

    @property
    def open(self) -> bool:
        """True only for a mission a dated source shows at work."""
        return self.state == "open"

    def to_dict(self) -> dict[str, Any]:
        d = _drop_none(
            {
                "owner": self.owner,
                "host": self.host,
                "kind": self.kind,
                "accredited_from": self.via,  # stored as `from`; `--from` is the owner
                "state": self.state,
                "closed": self.closed,
                "as_of": self.as_of,
                "events": list(self.events) or None,
                "note": self.note,
                "sources": list(self.sources),
            }
        )
        # `city` is required, null where a mission covers Peru from no city of its own
        return {"owner": d.pop("owner"), "host": d.pop("host"), "kind": d.pop("kind"),
                "city": self.city, **d}  # fmt: skip


LEVELS = {0: "none", 1: "chargé d'affaires", 2: "minister", 3: "ambassador", 9: "other"}


class Snapshot(NamedTuple):
    """One Correlates of War reading: the partner's representative in Lima and Peru's in the
    partner, as words (`LEVELS`): none, chargé d'affaires, minister, ambassador, other."""

    year: int
    in_peru: str
    by_peru: str


class Representation(NamedTuple):
    """Correlates of War snapshots of the level of representation both ways: `codes` as the
    dataset stores them ([year, level, level]), `snapshots` with the levels in words."""

    codes: tuple[tuple[int, int, int], ...]
    note: str | None
    sources: tuple[str, ...]
    note_es: str | None = None

    @property
    def snapshots(self) -> tuple[Snapshot, ...]:
        """The snapshots with levels in words (built when asked: most runs never look)."""
        return tuple(
            Snapshot(y, LEVELS.get(a, str(a)), LEVELS.get(b, str(b))) for y, a, b in self.codes
        )

    def to_dict(self) -> list[dict[str, Any]]:
        """The snapshots as `country --json` prints them: `{year, in_peru, by_peru}`."""
        return [s._asdict() for s in self.snapshots]


class VotesSummary(NamedTuple):
    """Peru's agreement with a state in UN General Assembly roll calls, `since`-`until` (years):
    the percentage of the `votes` both cast on which they voted alike (`perurel votes`)."""

    since: int
    until: int
    agreement: float
    votes: int
    sources: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        return {**self._asdict(), "sources": list(self.sources)}


class Country(NamedTuple):
    code: str
    iso3: str
    name: str
    name_es: str
    aliases: tuple[str, ...]
    region: str
    subregion: str
    relations: Relations
    missions: tuple[Mission, ...]
    sources: tuple[str, ...]
    summary: str | None = None
    summary_sources: tuple[str, ...] = ()
    representation: Representation | None = None
    un_votes: VotesSummary | None = None
    summary_es: str | None = None

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            "code": self.code,
            "iso3": self.iso3,
            "name": self.name,
            "name_es": self.name_es,
            "aliases": list(self.aliases),
            "region": self.region,
            "subregion": self.subregion,
            "relations": self.relations.to_dict(),
            "missions": [m.to_dict() for m in self.missions],
        }
        if self.summary is not None:
            d["summary"] = self.summary
            d["summary_es"] = self.summary_es
            d["summary_sources"] = list(self.summary_sources)
        d["representation"] = self.representation.to_dict() if self.representation else []
        d["un_votes"] = self.un_votes.to_dict() if self.un_votes else None
        return d

    def cited(self) -> list[str]:
        """Every source id this country's facts cite, in card order; name lists last."""
        ids = [*self.relations.cited(), *self.summary_sources]
        for m in self.missions:
            ids.extend(m.sources)
        if self.representation is not None:
            ids.extend(self.representation.sources)
        if self.un_votes is not None:
            ids.extend(self.un_votes.sources)
        return list(dict.fromkeys([*ids, *self.sources]))


class Event(NamedTuple):
    id: str
    date: str
    countries: tuple[str, ...]
    kind: str
    title: str
    summary: str
    sources: tuple[str, ...]
    title_es: str = ""
    summary_es: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "date": self.date,
            "countries": list(self.countries),
            "kind": self.kind,
            "title": self.title,
            "title_es": self.title_es,
            "summary": self.summary,
            "summary_es": self.summary_es,
            "sources": list(self.sources),
        }


class Period(NamedTuple):
    """A stretch of an organisation membership: a Security Council term, a suspension."""

    kind: str  # "term" or "suspension"
    start: str
    end: str | None
    note: str | None
    sources: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {"kind": self.kind, "start": self.start, "end": self.end}
        if self.note:
            d["note"] = self.note
        d["sources"] = list(self.sources)
        return d


PERIOD_KINDS = ("term", "suspension")
# What Peru is to an organisation. Only a member joins (`joined`, `left`); the other ties date
# their start with `since` (and `until`); an elected seat is its terms (periods of kind "term").
TIES = (
    "member",
    "founding-member",
    "associate",
    "observer",
    "candidate",
    "negotiating-party",
    "elected-seat",
)
MEMBER_TIES = ("member", "founding-member")


class Members(NamedTuple):
    """Who else belongs to an organisation, as a source lists them (and as of when)."""

    codes: tuple[str, ...]
    as_of: str | None
    note: str | None
    sources: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {"codes": list(self.codes), "as_of": self.as_of}
        if self.note:
            d["note"] = self.note
        d["sources"] = list(self.sources)
        return d


class Organisation(NamedTuple):
    id: str
    name: str
    name_es: str
    joined: str | None
    note: str
    sources: tuple[str, ...]
    left: str | None = None
    role: str | None = None
    periods: tuple[Period, ...] = ()
    members: Members | None = None
    note_es: str = ""
    role_es: str | None = None
    tie: str = "member"  # one of TIES
    since: str | None = None  # when a tie other than membership began
    until: str | None = None  # when it ended

    @property
    def member(self) -> bool:
        """True for a member (founding or not): only members join."""
        return self.tie in MEMBER_TIES

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            "id": self.id,
            "name": self.name,
            "name_es": self.name_es,
            "tie": self.tie,
            "joined": self.joined,
        }
        d.update(
            _drop_none(
                {
                    "left": self.left,
                    "since": self.since,
                    "until": self.until,
                    "role": self.role,
                    "role_es": self.role_es,
                }
            )
        )
        d.update({"note": self.note, "note_es": self.note_es, "sources": list(self.sources)})
        if self.periods:
            d["periods"] = [p.to_dict() for p in self.periods]
        if self.members is not None:
            d["members"] = self.members.to_dict()
        return d

    def cited(self) -> list[str]:
        """Every source id the membership and its periods cite."""
        ids = list(self.sources)
        for p in self.periods:
            ids.extend(p.sources)
        if self.members is not None:
            ids.extend(self.members.sources)
        return list(dict.fromkeys(ids))


# --- the records as data/relations.schema.json declares them --------------------------------------
# The schema is the one declaration of the dataset's records (docs/architecture.md says why): each
# `$defs` entry below is held by its class here. The one table of the deliberate differences
# between a stored record, its class and its `to_dict()`; `store.build` reads it and
# tests/test_schema.py holds the schema, the classes and `to_dict` to it.
RECORDS = {
    "source": Source,
    "alternative": Alternative,  # an item of a milestone's `alternatives`
    "milestone": Milestone,
    "relations": Relations,
    "mission": Mission,
    "representation": Representation,
    "un_votes": VotesSummary,
    "country": Country,
    "event": Event,
    "period": Period,
    "members": Members,
    "organisation": Organisation,
}
# A class field held under another name than the property it is stored as (record, field): property.
# (A mission's `from` is a Python keyword; a representation keeps its snapshots as codes.)
STORED_AS = {("mission", "via"): "from", ("representation", "codes"): "snapshots"}
# A class field `to_dict` gives under another name than the stored one (record, field): key.
# (`--from` names a mission's owner in `perurel missions`, so the output says `accredited_from`.)
OUTPUT_AS = {("mission", "via"): "accredited_from"}
# Keys `to_dict` adds that are never stored: derived from the stored ones (docs/data.md).
DERIVED = {"relations": ("established", "first")}
# Stored properties `to_dict` leaves out: a country's source ids (`country --json` gives the full
# sources instead); a representation's `to_dict` is its snapshots in words (a list).
NOT_IN_DICT = {
    "country": ("sources",),
    "representation": ("snapshots", "note", "note_es", "sources"),
}

if TYPE_CHECKING:
    from collections.abc import Iterable
    from typing import Any, Protocol

    class Records(Protocol):
        """What the query layer reads of a dataset (`store.Records` is one). Declared here, for
        type checking only, so that the modules below the loader never import `store`."""

        path: str
        schema_version: int
        dataset_date: str | None
        facts_to: str | None
        sources: dict[str, Source]
        countries: dict[str, Country]
        events: tuple[Event, ...]
        organisations: tuple[Organisation, ...]

        def __hash__(self) -> int: ...  # indexes are cached per dataset
        def get(self, code: str) -> Country | None: ...
        def events_of(self, code: str) -> tuple[Event, ...]: ...
        def cited_sources(self, ids: Iterable[str]) -> list[Source]: ...
