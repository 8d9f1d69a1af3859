"""The records `perurel votes` prints, built from the voting data (`votes`) and the dataset's
names: one state's agreement with Peru, the ranking, one roll call, Peru's own votes."""

from __future__ import annotations

from collections.abc import Callable

from .errors import NotFound, quoted
from .i18n import N_, date, in_language, t
from .model import PERU
from .tuples import TYPE_CHECKING
from .votes import DEFINITION, VOTE_WORDS, Voter, Votes, former

if TYPE_CHECKING:
    from typing import Any

    Record = dict[str, Any]

    from .model import Country, Records


def names(ds: Records, voter: Voter) -> dict[str, str]:
    """A voter's `name` and `name_es`: a predecessor's own, else the dataset's for the code."""
    if voter.name:
        return {"name": voter.name, "name_es": voter.name_es or voter.name}
    if voter.id == PERU:
        return {"name": "Peru", "name_es": "Perú"}
    country = ds.countries.get(voter.id)
    if country is None:
        return {"name": voter.id, "name_es": voter.id}
    return {"name": country.name, "name_es": country.name_es}


def voter(ds: Records, data: Votes, query: str, lookup: Callable[[Any, str], Country]) -> Voter:
    """The voter a query names: a predecessor by its own names first (USSR is the Soviet Union,
    never Russia), else the country `lookup` finds."""
    found = former(query, data)
    if found is None:
        code = lookup(ds, query).code
        if code == PERU:
            raise NotFound(t("Peru agrees with itself; name another state, or use --peru"))
        found = code
    if found not in data.states:
        named = names(ds, Voter(found, ""))
        raise NotFound(
            t(
                "no UN General Assembly votes are recorded for {name} (not a member, or an "
                "observer that does not vote)",
                name=quoted(in_language(named["name"], named["name_es"])),
            )
        )
    return data.states[found]


# A period with fewer roll calls than this is shown with its count and no bar, and flagged `thin`:
# a share of a handful of votes (one roll call in the 2020s) is no trend.
THIN = 20


def important_span(data: Votes) -> tuple[str, str] | None:
    """The first and last dates of the roll calls the source marks important."""
    dates = [data.date[i] for i, mark in enumerate(data.important) if mark == "1"]
    return (min(dates), max(dates)) if dates else None


def window_words(
    since: str | None, until: str | None, issue: str | None = None, important: bool = False
) -> str:
    words = ""
    if since or until:
        words += t(
            " between {since} and {until}",
            since=date(since or "1946"),
            until=date(until) if until else t("January 2020"),
        )
    if issue:
        words += t(" on issue {issue}", issue=issue)
    if important:
        words += t(" among the important votes")
    return words


def agreement(
    ds: Records,
    data: Votes,
    voter: Voter,
    calls: list[int],
    *,
    since: str | None,
    until: str | None,
    by: str,
    weighted: bool,
) -> Record:
    """`votes COUNTRY`: overall, on important votes, by period and by issue."""
    important = [i for i in calls if data.important[i] == "1"]
    cast = [data.date[i] for i in calls if voter.votes[i] != "."]
    first, last = (min(cast), max(cast)) if cast else (None, None)
    return {
        "country": voter.id,
        **names(ds, voter),
        "note": voter.note,
        "note_es": voter.note_es,
        "since": since,
        "until": until,
        "weighted": weighted,
        "definition": DEFINITION,
        "overall": data.agreement(voter.id, calls=calls, weighted=weighted).to_dict(),
        "on_important": data.agreement(voter.id, calls=important, weighted=weighted).to_dict(),
        "first_vote": first,
        "last_vote": last,
        "by_period": [
            {"period": label, **found.to_dict(), "thin": found.votes < THIN}
            for label, found in data.periods(voter.id, calls, by, weighted)
        ],
        "by_issue": [
            {"issue": code, "name": data.issue_names[code], **found.to_dict()}
            for code, found in data.by_issue(voter.id, calls, weighted)
        ],
        "sources": [data.source],
    }


def rank(
    ds: Records, data: Votes, calls: list[int], *, top: int, min_votes: int, weighted: bool
) -> list[Record]:
    """`votes --rank`: the `top` closest states, then the `top` farthest (closest first)."""
    ranked = data.rank(calls, min_votes=min_votes, weighted=weighted)
    rows = [
        {
            "rank": n,
            "id": v.id,
            "code": None if v.former else v.id,
            **names(ds, v),
            **found.to_dict(),
            "note": v.note,
            "note_es": v.note_es,
        }
        for n, (v, found) in enumerate(ranked, start=1)
    ]
    if len(rows) <= 2 * top:
        return rows
    return rows[:top] + rows[-top:] if top else []


def roll_call(
    ds: Records, data: Votes, *, resolution: str | None, rcid: int | None
) -> list[Record]:
    """`votes --resolution`: every state's vote on one roll call, Peru first, then by name."""
    i = data.find_call(resolution=resolution, rcid=rcid)
    call = data.call_record(i)
    rows = []
    for v in data.states.values():
        if v.votes[i] == ".":
            continue
        rows.append(
            {
                "rcid": call["rcid"],
                "date": call["date"],
                "resolution": call["resolution"],
                "title": call["title"],
                "description": call["description"],
                "id": v.id,
                "code": None if v.former else v.id,
                **names(ds, v),
                "vote": VOTE_WORDS[v.votes[i]],
            }
        )
    rows.sort(key=lambda r: (r["id"] != PERU, r["name"]))
    return rows


def peru(data: Votes, calls: list[int], by: str = "decade") -> list[Record]:
    """`votes --peru`: Peru's shares of yes, no and abstain by decade (or year), then by issue."""
    periods: dict[str, list[int]] = {}
    for i in calls:
        year = data.date[i][:4]
        periods.setdefault(year[:3] + "0s" if by == "decade" else year, []).append(i)
    rows = [
        {"by": by, "key": label, "name": label, **data.shares(group)}
        for label, group in periods.items()
    ]
    for code, marks in data.issues.items():
        group = [i for i in calls if marks[i] == "1"]
        rows.append(
            {"by": "issue", "key": code, "name": data.issue_names[code], **data.shares(group)}
        )
    rows.append({"by": "all", "key": "all", "name": N_("all roll calls"), **data.shares(calls)})
    return [r for r in rows if r["votes"]]
