"""`perurel compare A B`: two states side by side, as a record and as a two-column card.

The record answers the same questions for each state (a pair `[A, B]` per field), then what the
two share: events that involve both, and their agreement at the UN General Assembly. The voting
file is read only when a field that needs it is asked for.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from .i18n import N_
from .tuples import TYPE_CHECKING

if TYPE_CHECKING:
    from typing import Any

    from .layout import Line
    from .model import Country, Records
    from .votes import Votes

# The compared fields, in the order the card and the rows show them (`spec.COMPARE_FIELDS`).
FIELDS = (
    "countries",
    "status",
    "as_of",
    "as_of_precision",
    "since",
    "established",
    "established_precision",
    "first",
    "history",
    "missions_peru_there",
    "missions_in_peru",
    "memberships",
    "events",
    "un_agreement_with_peru",
    "un_agreement_with_each_other",
)
VOTE_FIELDS = ("un_agreement_with_peru", "un_agreement_with_each_other")
# Scripts read a partial date's precision beside it; people read it in the date's words.
PRECISIONS = ("as_of_precision", "established_precision")


def _mission(m: Any) -> dict[str, Any]:
    return {"kind": m.kind, "city": m.city, "state": m.state, "sources": list(m.sources)}


def _side(ds: Records, c: Country, field: str) -> Any:
    from .dates import precision
    from .formats import with_precision
    from .query import shared_memberships

    rel = c.relations
    if field in PRECISIONS:
        return precision(_side(ds, c, field.removesuffix("_precision")))
    if field == "countries":
        return {"code": c.code, "name": c.name, "name_es": c.name_es}
    if field == "status":
        return rel.status
    if field == "as_of":
        return rel.as_of
    if field == "established":
        return rel.established
    if field in ("since", "first"):
        m = rel.since if field == "since" else rel.first
        return with_precision({"kind": m.kind, "date": m.date}) if m else None
    if field == "history":
        return [
            with_precision({"kind": m.kind, "date": m.date, "sources": list(m.sources)})
            for m in rel.history
        ]
    if field == "missions_peru_there":
        return [_mission(m) for m in c.missions if m.owner == "PE"]
    if field == "missions_in_peru":
        return [_mission(m) for m in c.missions if m.host == "PE"]
    if field == "memberships":
        return [o.id for o in shared_memberships(ds, c.code)]
    raise AssertionError(field)


def names(ds: Records) -> dict[str, str]:
    """Each organisation's name in the reader's language, by id (the card's memberships)."""
    from .i18n import in_language

    return {o.id: in_language(o.name, o.name_es) for o in ds.organisations}


def together(ds: Records, a: str, b: str) -> list[dict[str, Any]]:
    """The events that involve both states, in date order."""
    from .formats import event_records

    both = [e for e in ds.events_of(a) if b in e.countries]
    return event_records(sorted(both, key=lambda e: e.date))


def _agreement(data: Votes, a: str, b: str) -> dict[str, Any] | None:
    from .votes import _agree

    if a not in data.states or b not in data.states:
        return None
    found = _agree(data.states[a].votes, data.states[b].votes, range(len(data.rcid)), False)
    return found.to_dict()


def voters(data: Votes, queries: Sequence[str], countries: Sequence[Country]) -> list[str]:
    """Whose UN votes stand for each state: a former state named by its own name votes as
    itself (`ussr` is the Soviet Union, SUN, not Russia), as in `perurel votes`; else the
    state's code."""
    from .votes import former

    return [former(q, data) or c.code for q, c in zip(queries, countries, strict=True)]


def record(
    ds: Records,
    a: Country,
    b: Country,
    fields: Sequence[str],
    data: Votes | None,
    voting: Sequence[str] | None = None,
) -> dict[str, Any]:
    """The comparison: each field asked, in FIELDS order unless `fields` orders them; `voting`,
    the ids whose UN votes stand for A and B (`voters`; default their codes)."""
    from .model import PERU

    va, vb = voting or (a.code, b.code)
    out: dict[str, Any] = {}
    for field in fields:
        if field == "events":
            out[field] = together(ds, a.code, b.code)
        elif field == "un_agreement_with_peru":
            assert data is not None
            pair = [(v, _agreement(data, PERU, v)) for v in (va, vb)]
            out[field] = [found and {"voter": v, **found} for v, found in pair]
        elif field == "un_agreement_with_each_other":
            assert data is not None
            found = _agreement(data, va, vb)
            out[field] = found and {"voters": [va, vb], **found}
        else:
            out[field] = [_side(ds, a, field), _side(ds, b, field)]
    return out


def _text(field: str, value: Any) -> str:
    """One side of a field as people read it (and as a CSV cell)."""
    from . import i18n

    if value is None or value == []:
        return "—"
    if field == "countries":
        return f"{i18n.in_language(value['name'], value['name_es'])} ({value['code']})"
    if field == "status":
        return i18n.word("status", value)
    if field in ("as_of", "established"):
        return i18n.date(value)
    if field in ("since", "first"):
        return f"{i18n.word('milestone', value['kind'])} {i18n.date(value['date'])}".strip()
    if field == "history":
        return "; ".join(
            f"{i18n.word('milestone', m['kind'])} {i18n.date(m['date'])}".strip() for m in value
        )
    if field.startswith("missions_"):
        return "; ".join(
            " ".join(
                p
                for p in (i18n.word("mission", m["kind"]), m["city"] or "", _state(m["state"]))
                if p
            )
            for m in value
        )
    if field == "memberships":
        return ", ".join(value)
    if field == "events":
        return "; ".join(
            f"{i18n.date(e['date'])} {i18n.in_language(e['title'], e.get('title_es'))}"
            for e in value
        )
    if field.startswith("un_agreement"):
        if value["agreement"] is None:
            return "—"
        share = i18n.percent(value["agreement"])
        text = i18n.t("{share} of {n} votes", share=share, n=i18n.number(value["votes"]))
        from .history_names import VOTERS

        former = [v for v in (value.get("voter"), *value.get("voters", ())) if v in VOTERS]
        return f"{text} ({', '.join(former)})" if former else text  # a former state's own votes
    return str(value)


def _state(state: str) -> str:
    from . import i18n

    return "" if state == "open" else f"({i18n.word('state', state)})"


LABELS = {
    "countries": N_("State"),
    "status": N_("Status"),
    "as_of": N_("Status as of"),
    "since": N_("Since"),
    "established": N_("Established"),
    "first": N_("First tie"),
    "history": N_("History"),
    "missions_peru_there": N_("Peru's missions there"),
    "missions_in_peru": N_("Its missions in Peru"),
    "memberships": N_("Memberships shared with Peru"),
    "events": N_("Events involving both"),
    "un_agreement_with_peru": N_("UN agreement with Peru"),
    "un_agreement_with_each_other": N_("UN agreement with each other"),
}


def rows(rec: dict[str, Any]) -> list[dict[str, Any]]:
    """One row per compared field (CSV, TSV, Markdown): a field both share fills both sides."""
    out = []
    for field, value in rec.items():
        a, b = value if isinstance(value, list) and field not in ("events",) else (value, value)
        out.append({"field": field, "a": _plain(field, a), "b": _plain(field, b)})
    return out


def _plain(field: str, value: Any) -> str:
    from . import i18n

    old = i18n.CURRENT["lang"]
    i18n.use("en")  # machine output is the same in both languages
    try:
        text = _text(field, value)
    finally:
        i18n.use(old)
    return "" if text == "—" else text


SHARED = ("events", "un_agreement_with_each_other")  # one value for the pair, not one per state


def card(
    rec: dict[str, Any], width: int, organisations: Mapping[str, str] | None = None
) -> list[Line]:
    """The two states in two columns under their names, one line per field asked; what the pair
    shares (agreement with each other, events of both) follows at full width. Too narrow for
    three columns, each field is a heading with a line per state. `organisations`: the names
    people read for the organisations' ids (`names`)."""
    from . import layout
    from .i18n import t

    heads = rec["countries"]
    names = [_text("countries", heads[0]), _text("countries", heads[1])]

    def shown(field: str, value: Any) -> str:
        if field == "memberships" and value:
            return ", ".join((organisations or {}).get(i, i) for i in value)
        return _text(field, value)

    table = [
        [t(LABELS[field]), shown(field, value[0]), shown(field, value[1])]
        for field, value in rec.items()
        if field != "countries" and field not in SHARED and field not in PRECISIONS
    ]
    lines: list[Line] = []
    # Three columns only when both states' columns fit whole (the table would rather leave one
    # out than break a word, and a comparison without one side is no comparison).
    floors = [max((len(w) for r in table for w in r[i].split()), default=0) for i in range(3)]
    floors[0] = max((len(r[0]) for r in table), default=0)  # the labels are not wrapped
    if table and width >= floors[0] + max(16, floors[1]) + max(16, floors[2]) + 4:
        lines += layout.table(["", *names], table, width, flex=(1, 2))
    elif table:
        lines.append([(" · ".join(names), "bold")])
        for label, a, b in table:
            lines.append([(label, "bold")])
            for name, text in ((heads[0]["code"], a), (heads[1]["code"], b)):
                wrapped = layout.wrap(f"{name}: {text}", width - 2)
                lines += [[("  " + w, "")] for w in wrapped]
    else:
        lines.append([(" · ".join(names), "bold")])
    if "un_agreement_with_each_other" in rec:
        text = f"{t(LABELS['un_agreement_with_each_other'])}: "
        text += _text("un_agreement_with_each_other", rec["un_agreement_with_each_other"])
        lines += [[(w, "")] for w in layout.wrap(text, width)]
    if "events" in rec:
        lines.append([(f"{t(LABELS['events'])}: {len(rec['events'])}", "bold")])
        for e in rec["events"]:
            lines += [[(w, "")] for w in layout.wrap(_text("events", [e]), width)]
    return lines
