"""What every field of every record command means: the one vocabulary of `--fields`, printed by
`--fields help` and in docs/cli.md. A name means the same thing wherever it appears; where a
command's record gives it a narrower sense, the command's own entry says so."""

from __future__ import annotations

from collections.abc import Sequence

from . import dataset_fields
from .model import STATUSES


def _one_of(values: Sequence[str]) -> str:
    """A closed field's every value, in words: 'a, b or c'."""
    return f"{', '.join(values[:-1])} or {values[-1]}"


# What each field of the dataset's records means: the schema's descriptions (its one declaration,
# data/relations.schema.json), which scripts/docs.py writes into dataset_fields.py.
DATASET = dataset_fields.MEANINGS
# The record each command prints, as the schema names it: a field of it means what the schema
# says, unless the command narrows it (NARROWER).
RECORD = {
    "country": "country",
    "countries": "country",
    "timeline": "event",
    "missions": "mission",
    "sources": "source",
    "orgs": "organisation",
    "stats": "dataset",
}
# Inside `relations`: the stored fields in the schema's order, the derived ones after the status
# and its date.
_STORED = [(f"relations.{name}", text) for name, text in DATASET["relations"].items()]
_DERIVED = [
    (
        "relations.established",
        "the date relations were established (no date if no source gives it)",
    ),
    ("relations.first", "the earliest dated milestone of any kind: {kind, date, date_precision}"),
]

# The meaning of each other field name (derived, or in no stored record), the same in every
# command that has it; a name the schema declares means, elsewhere, what its first record says.
MEANINGS = {
    **dict([*_STORED[:2], *_DERIVED, *_STORED[2:]]),
    "mission_count": "how many missions are recorded (the list is in `country`)",
    "event_count": "how many events name the state (the list is in `country`)",
    "memberships": "organisations Peru belongs to whose recorded members include the state",
    "events": "the events that name the state (a list)",
    "sources": "ids of the sources the record cites",
    "id": "the record's stable id",
    "date": "YYYY, YYYY-MM or YYYY-MM-DD",
    "date_precision": "how precise the date is: year, month or day (1823 is a year, not 1 "
    "January 1823)",
    "countries": "ISO alpha-2 codes of the states the record names",
    "kind": "what sort of record it is",
    "title": "a one-line title",
    "title_es": "the title in Spanish",
    "text": "the text that matched",
    "text_es": "the text in Spanish",
    "score": "how well the record matches the words (higher is better)",
    "country": "ISO alpha-2 code of the partner state",
    "owner_name": "English name of the state that runs the mission",
    "host_name": "English name of the host state",
    "accredited_from": "for a mission of kind accredited-from, the state whose capital it covers "
    "the host from (the state that runs it is `owner`)",
    "note": "how the facts were read from the sources, and what they leave open",
    "note_es": "the note in Spanish",
    "cited": "how many facts cite the source",
    "cited_by": "the facts that cite the source (a list)",
    "coverage": "counts of states with a status, a date, missions ... (an object)",
    "by_status": "states by relations status (an object)",
    "by_region": "states, dated states, states with missions and events by region (an object)",
    "events_by_decade": "events per decade (an object)",
    "events_by_kind": "events per kind (an object)",
    "states_by_milestone_kind": "states with at least one dated milestone of each kind",
    "facts_by_tier": "facts by the best tier among their sources (an object)",
    # perurel votes
    "since": "the first date of the window asked for (none: from 1946)",
    "until": "the last date of the window asked for (none: to January 2020)",
    "weighted": "true when a yes or no against an abstention counts as half an agreement",
    "definition": "how agreement is computed, in words",
    "overall": "agreement over the whole window: {agreement, votes, agreed}",
    "on_important": "agreement on the roll calls marked important: {agreement, votes, agreed}",
    "by_period": "agreement per decade (or year with --by year): [{period, agreement, votes, "
    "agreed, thin}]; thin: fewer than 20 roll calls, too few to read as a trend",
    "first_vote": "the date of the state's first roll call in the window (its own span)",
    "last_vote": "the date of the state's last roll call in the window",
    "by_issue": "agreement per issue: [{issue, name, agreement, votes, agreed}]",
    "rank": "1 for the state closest to Peru",
    "agreement": "percent of the roll calls both states voted on where they voted alike",
    "votes": "roll calls counted (both states voted, or Peru voted)",
    "agreed": "roll calls voted alike (halves with --weighted)",
    "rcid": "the roll call's id in the voting data",
    "resolution": "the resolution's symbol (A/RES/74/7, or R/... in older sessions)",
    "description": "what the roll call was on, as the voting data describes it",
    "vote": "yes, no or abstain",
    "by": "what the row groups by: decade (or year, with --by year), issue, or all",
    "key": "the decade (1990s) or year, the issue code (hr), or 'all'",
    "yes": "percent of Peru's votes that were yes",
    "no": "percent of Peru's votes that were no",
    "abstain": "percent of Peru's votes that were abstentions",
}
for _record in ("country", "mission", "event", "organisation", "source", "dataset"):
    for _name, _text in DATASET[_record].items():
        MEANINGS.setdefault(_name, _text)

# A command whose record gives a name a narrower sense (or prints it otherwise than it is stored).
_RELATIONS = (
    "the relationship with Peru: status, as_of, established, first (and, in `country`, history, "
    "note, sources), each date with its precision beside it; dotted names reach inside: "
    "relations.status"
)
NARROWER = {
    ("country", "relations"): _RELATIONS,
    ("countries", "relations"): _RELATIONS,
    ("country", "sources"): "the full records of every source the card cites (a list)",
    ("search", "kind"): "what was found: event, country or organisation",
    ("votes", "country"): "the state compared with Peru: its ISO alpha-2 code, or a "
    "predecessor's own id (SUN Soviet Union, YUG, SCG, CSK, DDR, FRG, YAR, YMD, ZAN)",
    ("votes", "id"): "the voter: an ISO alpha-2 code, or a predecessor's id (SUN, YUG ...)",
    ("votes", "code"): "ISO alpha-2 code of the voter; none for a predecessor state",
    ("votes", "note"): "how the voter's votes were told apart from a predecessor's or successor's",
    ("votes", "name"): "English name of the voter, the issue or the group",
    ("votes", "title"): "the roll call's short title",
    ("votes", "date"): "the date of the roll call",
    ("votes", "sources"): "id of the voting data in `perurel sources`",
}


# `compare`'s fields: a new name joins the vocabulary, a shared one is narrowed for compare.
COMPARE = {
    "countries": "the two states: [{code, name, name_es}, {...}]",
    "status": "each state's relationship with Peru: " + _one_of(STATUSES),
    "as_of": "the date each status was last seen in a source",
    "since": "the milestone that left each status as it is: {kind, date, date_precision}",
    "established": "the date each established relations with Peru (none if no source gives it)",
    "first": "each state's earliest dated milestone: {kind, date, date_precision}",
    "history": "each state's milestones: [{kind, date, date_precision, sources}]",
    "missions_peru_there": "Peru's missions in each state: [{kind, city, state, sources}]",
    "missions_in_peru": "each state's missions in Peru: [{kind, city, state, sources}]",
    "memberships": "ids of the organisations each shares with Peru",
    "events": "the events that involve both states (one list for the pair)",
    "un_agreement_with_peru": "how often each votes as Peru does at the UN General "
    "Assembly, all roll calls: {voter, agreement (percent), votes, agreed}; voter: whose votes, "
    "a former state's own when named by its name (ussr: SUN, not Russia)",
    "un_agreement_with_each_other": "how often the two vote alike at the UN General "
    "Assembly: {voters, agreement, votes, agreed} (one for the pair)",
}
# `anniversaries`' fields, joined the same way.
ANNIVERSARIES = {
    "date": "the date whose anniversary it is: YYYY-MM-DD, or YYYY-MM (--month, --year)",
    "date_precision": "day or month: how much of the date is known",
    "years": "how many years ago, counted from the year asked",
    "round": "true for 25, 50, 75, 100, 150 or 200 years",
    "what": "milestone (a state's establishment, restoration or treaty) or event",
    "kind": "the milestone's or the event's kind",
    "countries": "ISO alpha-2 codes of the states involved",
    "id": "the timeline event's id (a milestone's, if an event tells it)",
    "title": "what happened, in English",
    "title_es": "what happened, in Spanish",
    "sources": "ids of the sources (see `perurel sources ID`)",
}
for _command, _meanings in (("compare", COMPARE), ("anniversaries", ANNIVERSARIES)):
    for _name, _text in _meanings.items():
        if _name in MEANINGS:
            NARROWER[(_command, _name)] = _text
        else:
            MEANINGS[_name] = _text


# Every partial date printed for machines has its precision beside it: `<field>_precision`
# (`date_precision` for a `date`), derived for scripts (`formats.with_precision`).
DATED = (
    "as_of", "established", "closed", "joined", "left", "since", "until", "dataset_date", "facts_to",
    "relations.as_of", "relations.established",
)  # fmt: skip


def _with_precisions(meanings: dict[str, str]) -> dict[str, str]:
    """The meanings with each dated field's `<field>_precision` right after it."""
    out: dict[str, str] = {}
    for field, text in meanings.items():
        out[field] = text
        if field in DATED:
            out[f"{field}_precision"] = (
                f"how precise `{field}` is: year, month or day (null: no date)"
            )
    return out


MEANINGS = _with_precisions(MEANINGS)


def meaning(command: str, field: str) -> str:
    """What `field` means in `command`'s records, in the reader's language (the meanings are in
    the catalogue: scripts/messages.py reads them from here)."""
    from .i18n import t

    text = NARROWER.get((command, field)) or DATASET.get(RECORD.get(command, ""), {}).get(field)
    return t(text or MEANINGS[field])


def describe(command: str, available: Sequence[str]) -> str:
    """`--fields help`: every field the command declares (or the question asked has), given by
    the caller as `available`, with its meaning and, for a closed field, every value it takes."""
    fields = list(available)
    if "relations" in fields:
        at = fields.index("relations") + 1
        inside = [f for f in MEANINGS if f.startswith("relations.")]
        if command == "countries":
            summary = ("status", "as_of", "established", "first")
            inside = [f for f in inside if f.split(".")[1].removesuffix("_precision") in summary]
        fields[at:at] = inside
    width = max(len(f) for f in fields)
    from .i18n import t

    heading = t(
        "Fields of `perurel {command}` (for --fields; a dotted name reaches inside):",
        command=command,
    )
    lines = [heading]
    lines += [f"  {f.ljust(width)}  {meaning(command, f)}" for f in fields]
    return "\n".join(lines) + "\n"
