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


class Source(NamedTuple):
    # --- fields of "source": written by scripts/records.py from the schema ---
    id: str  # the record's stable id
    title: str  # the original's title
    publisher: str  # who published the source (the original, where it was read in a copy)
    tier: str  # what kind of publisher it is
    # who wrote the source, where it says: people and institutions (a list)
    author: tuple[str, ...] = ()
    # the publisher's name in Spanish, where Spanish names it otherwise
    publisher_es: str | None = None
    url: str | None = None  # where the original can be read
    via: str | None = None  # the copy (a mirror, an archive) the source was read in
    date: str | None = None  # publication date
    found_in: str | None = None  # id of the source where this one was found cited
    note: str | None = None  # what the source says or where in it the fact is
    note_es: str | None = None  # the note in Spanish
    # --- end of fields ---

    def to_dict(self) -> dict[str, Any]:
        """The record as the dataset stores it (`model.to_dict`)."""
        return to_dict(self)


class Alternative(NamedTuple):
    """Another date that other sources give for the same milestone."""

    # --- fields of "alternative": written by scripts/records.py from the schema ---
    date: str  # another date a source gives
    sources: tuple[str, ...]  # ids of the sources that give it
    # --- end of fields ---

    def to_dict(self) -> dict[str, Any]:
        """The record as the dataset stores it (`model.to_dict`)."""
        return to_dict(self)


class Milestone(NamedTuple):
    """One dated step of a relationship: a recognition, the establishment, a break...

    `date` is None only for a restoration that sources show happened but none dates (its note
    says what is known)."""

    # --- fields of "milestone": written by scripts/records.py from the schema ---
    kind: str  # what happened
    date: str | None  # when it happened (null only for a 'restored' no source dates)
    sources: tuple[str, ...]  # ids of the sources the record cites
    # who sent the first envoy or consul, where each side's first is recorded (PE or the
    # partner)
    by: str | None = None
    # the predecessor state it was with (Russian Empire, Soviet Union, Qing China ...)
    counterpart: str | None = None
    counterpart_es: str | None = None  # the counterpart's name in Spanish
    event: str | None = None  # id of the timeline event that tells it
    note: str | None = None  # what the sources say of it, and what they leave open
    note_es: str | None = None  # the note in Spanish
    # other dates other sources give for it, each with its sources
    alternatives: tuple[Alternative, ...] = ()
    # --- end of fields ---

    def to_dict(self) -> dict[str, Any]:
        """The record as the dataset stores it (`model.to_dict`)."""
        return to_dict(self)


class Relations(NamedTuple):
    # --- fields of "relations": written by scripts/records.py from the schema ---
    status: str  # the state of relations with Peru
    # every dated milestone: recognition, establishment, breaks, restorations
    history: tuple[Milestone, ...]
    note: str  # how the dates and status were chosen from the sources
    sources: tuple[str, ...]  # ids of the sources of the status
    as_of: str | None = None  # the date the status was last seen in a source
    note_es: str | None = None  # the note in Spanish
    # --- end of fields ---

    def to_dict(self) -> dict[str, Any]:
        """The record as the dataset stores it (`model.to_dict`), with the date relations were
        established and the first milestone (derived, for scripts)."""
        first = self.first
        return {
            **to_dict(self),
            "established": self.established,
            "first": {"kind": first.kind if first else None, "date": first.date if first else None},
        }

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


class Mission(NamedTuple):
    # --- fields of "mission": written by scripts/records.py from the schema ---
    owner: str  # ISO alpha-2 code of the state that runs the mission (PE for Peru)
    host: str  # ISO alpha-2 code of the state where the mission is, or that it covers
    kind: str  # what sort of mission it is
    city: str | None  # the city the mission is in
    state: str  # whether a dated source shows the mission at work
    sources: tuple[str, ...]  # ids of the sources the record cites
    # stored as `from`: for an accreditation, the state whose capital the mission covers the
    # host from
    via: str | None = None
    closed: str | None = None  # when a closed mission closed
    as_of: str | None = None  # the date the state of the record was last seen in a source
    # ids of the timeline events about the mission (credentials, opening, closing ...)
    events: tuple[str, ...] = ()
    note: str | None = None  # how the facts were read from the sources, and what they leave open
    # --- end of fields ---

    def to_dict(self) -> dict[str, Any]:
        """The record as the dataset stores it (`model.to_dict`)."""
        return to_dict(self)

    @property
    def open(self) -> bool:
        """True only for a mission a dated source shows at work."""
        return self.state == "open"


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

    # --- fields of "representation": written by scripts/records.py from the schema ---
    # stored as `snapshots`: [year, level of the partner's representative in Lima, level of
    # Peru's in the partner]
    codes: tuple[tuple[int, int, int], ...]
    sources: tuple[str, ...]  # ids of the sources the record cites
    note: str | None = None  # how the snapshots were read (a predecessor state's rows folded in)
    note_es: str | None = None  # the note in Spanish
    # --- end of fields ---

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

    # --- fields of "un_votes": written by scripts/records.py from the schema ---
    since: int  # the first year of the window
    until: int  # the last year of the window
    agreement: float  # percent of the roll calls both states voted on where they voted alike
    votes: int  # roll calls both states voted on
    sources: tuple[str, ...]  # ids of the sources the record cites
    # --- end of fields ---

    def to_dict(self) -> dict[str, Any]:
        """The record as the dataset stores it (`model.to_dict`)."""
        return to_dict(self)


class Country(NamedTuple):
    # --- fields of "country": written by scripts/records.py from the schema ---
    code: str  # ISO 3166-1 alpha-2 code of the state (CL)
    iso3: str  # ISO 3166-1 alpha-3 code of the state (CHL)
    name: str  # English name
    name_es: str  # Spanish name
    aliases: tuple[str, ...]  # other names, codes and demonyms a query can use
    region: str  # UN geoscheme region (Americas, Europe ...)
    subregion: str  # UN geoscheme subregion (South America ...)
    relations: Relations  # the relationship with Peru: its status and dated history
    missions: tuple[Mission, ...]  # embassies, consulates and accreditations both ways (a list)
    sources: tuple[str, ...]  # ids of the sources the record cites
    summary: str | None = None  # a short text on the relationship, in English
    summary_es: str | None = None  # the summary in Spanish
    summary_sources: tuple[str, ...] = ()  # ids of the sources of the summary
    # Correlates of War snapshots of the level of representation both ways
    representation: Representation | None = None
    # agreement with Peru in UN General Assembly roll calls 2000-2019: {since, until,
    # agreement (percent), votes (roll calls both voted on), sources}; `perurel votes` has
    # more
    un_votes: VotesSummary | None = None
    # --- end of fields ---

    def to_dict(self) -> dict[str, Any]:
        """The record as the dataset stores it (`model.to_dict`)."""
        return to_dict(self)

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
    # --- fields of "event": written by scripts/records.py from the schema ---
    id: str  # the record's stable id
    date: str  # when it happened: YYYY, YYYY-MM or YYYY-MM-DD
    countries: tuple[str, ...]  # ISO alpha-2 codes of the states the record names
    kind: str  # event kind
    title: str  # a one-line title
    title_es: str  # the title in Spanish
    summary: str  # what happened, in English
    summary_es: str  # the summary in Spanish
    sources: tuple[str, ...]  # ids of the sources the record cites
    # --- end of fields ---

    def to_dict(self) -> dict[str, Any]:
        """The record as the dataset stores it (`model.to_dict`)."""
        return to_dict(self)


class Period(NamedTuple):
    """A stretch of an organisation membership: a Security Council term, a suspension."""

    # --- fields of "period": written by scripts/records.py from the schema ---
    kind: str  # what the stretch is
    start: str  # when it began
    end: str | None  # when it ended (null: it has not)
    sources: tuple[str, ...]  # ids of the sources the record cites
    note: str | None = None  # what the sources leave open
    # --- end of fields ---

    def to_dict(self) -> dict[str, Any]:
        """The record as the dataset stores it (`model.to_dict`)."""
        return to_dict(self)


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

    # --- fields of "members": written by scripts/records.py from the schema ---
    codes: tuple[str, ...]  # ISO alpha-2 codes of the other member states
    as_of: str | None  # the date of the list (null: the source does not date it)
    sources: tuple[str, ...]  # ids of the sources the record cites
    note: str | None = None  # how the list was read from the sources
    # --- end of fields ---

    def to_dict(self) -> dict[str, Any]:
        """The record as the dataset stores it (`model.to_dict`)."""
        return to_dict(self)


class Organisation(NamedTuple):
    # --- fields of "organisation": written by scripts/records.py from the schema ---
    id: str  # the record's stable id
    name: str  # English name
    name_es: str  # Spanish name
    note: str  # how the dates were read from the sources
    sources: tuple[str, ...]  # ids of the sources the record cites
    tie: str = "member"  # what Peru is to it
    joined: str | None = None  # when Peru joined (members only)
    left: str | None = None  # when Peru left, if it did (members only)
    since: str | None = None  # when a tie other than membership began (candidate, associate ...)
    until: str | None = None  # when a tie other than membership ended
    role: str | None = None  # Peru's standing in the organisation (original member, observer ...)
    role_es: str | None = None  # Peru's standing in Spanish
    note_es: str | None = None  # the note in Spanish
    periods: tuple[Period, ...] = ()  # Peru's terms, for bodies with terms (a list)
    members: Members | None = None  # the member states in the data, with their sources
    # --- end of fields ---

    def to_dict(self) -> dict[str, Any]:
        """The record as the dataset stores it (`model.to_dict`)."""
        return to_dict(self)

    @property
    def member(self) -> bool:
        """True for a member (founding or not): only members join."""
        return self.tie in MEMBER_TIES

    def cited(self) -> list[str]:
        """Every source id the membership and its periods cite."""
        ids = list(self.sources)
        for p in self.periods:
            ids.extend(p.sources)
        if self.members is not None:
            ids.extend(self.members.sources)
        return list(dict.fromkeys(ids))


# --- conversion to and from the dataset's JSON -------------------------------------------------
# The schema, data/relations.schema.json, is the one declaration of the records
# (docs/architecture.md says why): scripts/records.py writes each class's fields and the shapes
# below from it, so that a property added there reaches the class, both conversions, `perurel
# validate`, docs/data.md and `--fields help` (tests/test_schema.py holds them to it).


def to_dict(record: Any) -> dict[str, Any]:
    """A record as its output gives it: every property in the schema's order (`SHAPES`), under
    the output's names, as the dataset stores it; null or [] where the record has none (the
    dataset's file leaves such properties out)."""
    out: dict[str, Any] = {}
    for key, i, give in _outputs(type(record)):
        value = record[i]
        out[key] = give(value) if give and value is not None else value
    return out


def from_dict(cls: type[R], stored: dict[str, Any]) -> R:
    """A record of class `cls` from the dataset's JSON (valid: `perurel validate`): an absent or
    null property takes the class's default."""
    template, steps = _inputs(cls)
    values = template.copy()
    for key, i, convert in steps:
        value = stored.get(key)
        if value is not None:
            values[i] = convert(value) if convert else value
    return cls._make(values)  # type: ignore[attr-defined, no-any-return]


def _outputs(cls: type) -> list[tuple[str, int, Callable[[Any], Any] | None]]:
    found = _OUTPUTS.get(cls)
    if found is None:
        shape = SHAPES[_NAMES[cls]]
        found = _OUTPUTS[cls] = [(out, i, _giver(holds)) for _, out, i, holds, _ in shape if out]
    return found


def _inputs(cls: type) -> tuple[list[Any], list[tuple[str, int, Callable[[Any], Any] | None]]]:
    found = _INPUTS.get(cls)
    if found is None:
        fields: tuple[str, ...] = cls._fields  # type: ignore[attr-defined]
        defaults: dict[str, Any] = cls._field_defaults  # type: ignore[attr-defined]
        template = [defaults.get(f) for f in fields]
        steps = [(key, i, _converter(holds)) for key, _, i, holds, _ in SHAPES[_NAMES[cls]]]
        found = _INPUTS[cls] = (template, steps)
    return found


def _converter(holds: str) -> Callable[[Any], Any] | None:
    """How a stored value becomes what the record holds."""
    if holds == "":
        return None
    if holds == "[]":
        return tuple
    if holds == "[[]]":
        return lambda rows: tuple(map(tuple, rows))
    if holds.endswith("[]"):
        sub = RECORDS[holds[:-2]]
        return lambda items: tuple(from_dict(sub, item) for item in items)
    one = RECORDS[holds]
    return lambda item: from_dict(one, item)


def _giver(holds: str) -> Callable[[Any], Any] | None:
    """How a held value is given back as the dataset stores it."""
    if holds == "":
        return None
    if holds == "[]":
        return list
    if holds == "[[]]":
        return _rows
    return _records if holds.endswith("[]") else _record


def _rows(value: Any) -> list[Any]:
    return [list(row) for row in value]


def _record(value: Any) -> Any:
    return value.to_dict()


def _records(value: Any) -> list[Any]:
    return [item.to_dict() for item in value]


_OUTPUTS: dict[type, list[tuple[str, int, Callable[[Any], Any] | None]]] = {}
_INPUTS: dict[type, tuple[list[Any], list[tuple[str, int, Callable[[Any], Any] | None]]]] = {}


# --- the records' shapes: written by scripts/records.py from the schema ---
# Each record's properties in the schema's order (the output's order too): (stored key,
# output key or "" where the output leaves it out, index of the class field, what it
# holds: "" a value, "[]" a list of values, "[[]]" a list of lists, "<record>" a record,
# "<record>[]" a list of records; whether the schema requires it).
SHAPES: dict[str, tuple[tuple[str, str, int, str, bool], ...]] = {
    "source": (
        ("id", "id", 0, "", True),
        ("title", "title", 1, "", True),
        ("author", "author", 4, "[]", False),
        ("publisher", "publisher", 2, "", True),
        ("publisher_es", "publisher_es", 5, "", False),
        ("url", "url", 6, "", False),
        ("via", "via", 7, "", False),
        ("date", "date", 8, "", False),
        ("tier", "tier", 3, "", True),
        ("found_in", "found_in", 9, "", False),
        ("note", "note", 10, "", False),
        ("note_es", "note_es", 11, "", False),
    ),
    "alternative": (
        ("date", "date", 0, "", True),
        ("sources", "sources", 1, "[]", True),
    ),
    "milestone": (
        ("kind", "kind", 0, "", True),
        ("date", "date", 1, "", True),
        ("by", "by", 3, "", False),
        ("counterpart", "counterpart", 4, "", False),
        ("counterpart_es", "counterpart_es", 5, "", False),
        ("event", "event", 6, "", False),
        ("note", "note", 7, "", False),
        ("note_es", "note_es", 8, "", False),
        ("alternatives", "alternatives", 9, "alternative[]", False),
        ("sources", "sources", 2, "[]", True),
    ),
    "relations": (
        ("status", "status", 0, "", True),
        ("as_of", "as_of", 4, "", False),
        ("history", "history", 1, "milestone[]", True),
        ("note", "note", 2, "", True),
        ("note_es", "note_es", 5, "", False),
        ("sources", "sources", 3, "[]", True),
    ),
    "mission": (
        ("owner", "owner", 0, "", True),
        ("host", "host", 1, "", True),
        ("kind", "kind", 2, "", True),
        ("city", "city", 3, "", True),
        ("from", "accredited_from", 6, "", False),
        ("state", "state", 4, "", True),
        ("closed", "closed", 7, "", False),
        ("as_of", "as_of", 8, "", False),
        ("events", "events", 9, "[]", False),
        ("note", "note", 10, "", False),
        ("sources", "sources", 5, "[]", True),
    ),
    "representation": (
        ("snapshots", "snapshots", 0, "[[]]", True),
        ("note", "note", 2, "", False),
        ("note_es", "note_es", 3, "", False),
        ("sources", "sources", 1, "[]", True),
    ),
    "un_votes": (
        ("since", "since", 0, "", True),
        ("until", "until", 1, "", True),
        ("agreement", "agreement", 2, "", True),
        ("votes", "votes", 3, "", True),
        ("sources", "sources", 4, "[]", True),
    ),
    "country": (
        ("code", "code", 0, "", True),
        ("iso3", "iso3", 1, "", True),
        ("name", "name", 2, "", True),
        ("name_es", "name_es", 3, "", True),
        ("aliases", "aliases", 4, "[]", True),
        ("region", "region", 5, "", True),
        ("subregion", "subregion", 6, "", True),
        ("relations", "relations", 7, "relations", True),
        ("missions", "missions", 8, "mission[]", True),
        ("summary", "summary", 10, "", False),
        ("summary_es", "summary_es", 11, "", False),
        ("summary_sources", "summary_sources", 12, "[]", False),
        ("representation", "representation", 13, "representation", False),
        ("un_votes", "un_votes", 14, "un_votes", False),
        ("sources", "", 9, "[]", True),
    ),
    "event": (
        ("id", "id", 0, "", True),
        ("date", "date", 1, "", True),
        ("countries", "countries", 2, "[]", True),
        ("kind", "kind", 3, "", True),
        ("title", "title", 4, "", True),
        ("title_es", "title_es", 5, "", True),
        ("summary", "summary", 6, "", True),
        ("summary_es", "summary_es", 7, "", True),
        ("sources", "sources", 8, "[]", True),
    ),
    "period": (
        ("kind", "kind", 0, "", True),
        ("start", "start", 1, "", True),
        ("end", "end", 2, "", True),
        ("note", "note", 4, "", False),
        ("sources", "sources", 3, "[]", True),
    ),
    "members": (
        ("codes", "codes", 0, "[]", True),
        ("as_of", "as_of", 1, "", True),
        ("note", "note", 3, "", False),
        ("sources", "sources", 2, "[]", True),
    ),
    "organisation": (
        ("id", "id", 0, "", True),
        ("name", "name", 1, "", True),
        ("name_es", "name_es", 2, "", True),
        ("tie", "tie", 5, "", False),
        ("joined", "joined", 6, "", False),
        ("left", "left", 7, "", False),
        ("since", "since", 8, "", False),
        ("until", "until", 9, "", False),
        ("role", "role", 10, "", False),
        ("role_es", "role_es", 11, "", False),
        ("note", "note", 3, "", True),
        ("note_es", "note_es", 12, "", False),
        ("sources", "sources", 4, "[]", True),
        ("periods", "periods", 13, "period[]", False),
        ("members", "members", 14, "members", False),
    ),
}
# The properties of each record that are partial dates (YYYY, YYYY-MM, YYYY-MM-DD).
DATES: dict[str, tuple[str, ...]] = {
    "source": ("date",),
    "alternative": ("date",),
    "milestone": ("date",),
    "relations": ("as_of",),
    "mission": ("closed", "as_of"),
    "representation": (),
    "un_votes": (),
    "country": (),
    "event": ("date",),
    "period": ("start", "end"),
    "members": ("as_of",),
    "organisation": ("joined", "left", "since", "until"),
}
# The class of each record.
RECORDS: dict[str, Any] = {
    "source": Source,
    "alternative": Alternative,
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
# --- end of shapes ---
_NAMES = {cls: name for name, cls in RECORDS.items()}

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable
    from typing import Any, Protocol, TypeVar

    R = TypeVar("R")

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
