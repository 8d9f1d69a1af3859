"""The country card for people, as styled lines (see `layout`): names, relations, missions,
memberships, representation, events and numbered sources."""

from __future__ import annotations

from collections.abc import Sequence

from .i18n import (
    ACRONYMS_ES,
    both,
    capital,
    city,
    country_name,
    date,
    in_language,
    number,
    on,
    percent,
    publisher,
    since,
    spanish,
    t,
    the,
    word,
)
from .layout import Line, cell, row, table, wrap
from .model import BREAKS, PERU
from .org_names import ORG_ALIASES
from .query import country_sources, shared_memberships
from .tuples import TYPE_CHECKING

if TYPE_CHECKING:
    from .model import Country, Milestone, Mission, Records

STATUS_STYLE = {"active": "green", "suspended": "yellow", "broken": "red"}
KIND_LABEL = {
    "honorary-consulate": "honorary consulate",
    "consular-agency": "consular agency",
    "accredited-from": "accredited from",
}
# How a milestone kind reads in a sentence ("earliest dated tie: first envoy, 1852").
MILESTONE_LABEL = {
    "first-consul": "first consul",
    "first-envoy": "first envoy",
    "raised-to-embassy": "raised to embassy level",
    "severed-by-war": "severed by war",
}
ENCYCLOPEDIA_ONLY = "†"


def milestone_label(kind: str) -> str:
    """A milestone kind in words."""
    return word("milestone", kind) if spanish() else MILESTONE_LABEL.get(kind, kind)


def mission_label(kind: str) -> str:
    """A mission kind in words."""
    return word("mission", kind) if spanish() else KIND_LABEL.get(kind, kind)


def per_encyclopedia(ds: Records, ids: Sequence[str], as_of: str | None) -> bool:
    """True when the only sources dated `as_of` (the date of evidence) are encyclopedias: the
    card then says the date is the encyclopedia's, not a witness's of the fact at work."""
    dated = [ds.sources[i] for i in ids if i in ds.sources and ds.sources[i].date == as_of]
    return bool(dated) and all(src.tier == "encyclopedia" for src in dated)


def milestone_date(m: Milestone) -> str:
    """A milestone's date for people, with the dates other sources give: '1902 (sources differ:
    1905-01-11)'; an undated restoration says so."""
    if m.date is None:
        return t("(undated)")
    shown = date(m.date)
    if m.alternatives:
        others = ", ".join(date(a.date) for a in m.alternatives)
        shown += t(" (sources differ: {dates})", dates=others)
    return shown


def encyclopedia_only(ds: Records, ids: Sequence[str]) -> bool:
    """True when every source of a fact is an encyclopedia (or a mirror of one)."""
    tiers = [ds.sources[i].tier for i in ids if i in ds.sources]
    return bool(tiers) and all(t == "encyclopedia" for t in tiers)


class _Footnotes:
    """Numbers sources in order of first citation on a card: [1], [2] ..."""

    def __init__(self, ids: Sequence[str]) -> None:
        self.numbers = {sid: n for n, sid in enumerate(dict.fromkeys(ids), start=1)}

    def cite(self, ids: Sequence[str]) -> str:
        return "".join(f"[{self.numbers[i]}]" for i in dict.fromkeys(ids) if i in self.numbers)


def _mission(ds: Records, m: Mission) -> tuple[str, str, str]:
    where = city(m.city)
    if m.kind == "accredited-from" and m.via:
        where = f"{where}, {country_name(ds, m.via)}" if m.city else country_name(ds, m.via)
    if m.state == "closed":
        where = (
            t("{where} (closed {date})", where=where, date=on(m.closed))
            if m.closed
            else t("{where} (closed)", where=where)
        )
    elif m.state == "unknown":
        where = t("{where} (state unknown)", where=where)
    elif m.as_of and per_encyclopedia(ds, m.sources, m.as_of):
        where = t("{where} (as of {date}, per the encyclopedia)", where=where, date=m.as_of[:4])
    elif m.as_of:
        where = t("{where} (as of {date})", where=where, date=m.as_of[:4])
    return (
        f"{country_name(ds, m.owner)} → {country_name(ds, m.host)}",
        mission_label(m.kind),
        where.strip(),
    )


def _milestone(m: Milestone) -> str:
    """'established 1863 with the Russian Empire'."""
    text = f"{milestone_label(m.kind)} {milestone_date(m)}"
    return text + t(" with {partner}", partner=_article(m)) if m.counterpart else text


def _article(m: Milestone) -> str:
    """The milestone's counterpart as a sentence names it: 'the Russian Empire', 'el Imperio
    ruso'."""
    name = m.counterpart or ""
    if spanish():
        return the(m.counterpart_es or name)
    starts = ("Russian", "Austrian", "German", "North German", "Soviet", "United", "Federal",
              "Republic", "Empire", "Kingdom", "Free City", "Qing")  # fmt: skip
    return f"the {name}" if name.startswith(starts) and not name.startswith("Qing") else name


def relations_lines(ds: Records, country: Country) -> list[str]:
    """What the relationship is and since when, in plain sentences (without citation marks)."""
    rel = country.relations
    est, last = rel.establishment, rel.since
    status = rel.status
    if status == "unknown":
        head = t("Relations: unknown (no source in this dataset says)")
    elif status in ("broken", "suspended") and last is not None:
        head = t(
            "Relations: {status} since {date}", status=word("status", status), date=since(last.date)
        )
    else:
        head = t("Relations: {status}", status=word("status", status))
    if rel.as_of and status != "unknown":
        head += (
            t(" (as of {date}, per the encyclopedia)", date=date(rel.as_of))
            if per_encyclopedia(ds, rel.sources, rel.as_of)
            else t(" (as of {date})", date=date(rel.as_of))
        )
    if last is not None and last.kind in BREAKS and status == "active":
        head += t(
            "; {kind} {date}, restored at a date no source gives",
            kind=milestone_label(last.kind),
            date=on(last.date),
        )
    lines = [head]
    if est is not None:
        text = t("Established {date}", date=on(est.date))
        if est.alternatives:
            others = ", ".join(date(a.date) for a in est.alternatives)
            text += t(" (sources differ: {dates})", dates=others)
        if est.counterpart:
            text += t(" with {partner}", partner=_article(est))
        later = rel.history[rel.history.index(est) + 1 :]
        restored = [m for m in later if m.kind == "restored"]
        if restored:
            m = restored[-1]
            text += (
                t("; last re-established {date}", date=on(m.date))
                if m.date
                else t("; last re-established at a date no source gives")
            )
            if m.counterpart:
                text += t(" with {partner}", partner=_article(m))
        lines.append(text)
    elif rel.first is not None:
        first = rel.first
        lines.append(
            t(
                "Established: no source gives the date; earliest dated tie: {kind}, {date}",
                kind=milestone_label(first.kind),
                date=date(first.date),
            )
            + (t(" (with {partner})", partner=_article(first)) if first.counterpart else "")
        )
    return lines


def _prose(text: str, width: int, style: str = "", cite: str = "") -> list[Line]:
    """A paragraph wrapped to `width`, its citation marks dim at the end."""
    words = wrap(f"{text} {cite}".strip() if cite else text, width)
    lines: list[Line] = [[(w, style)] for w in words]
    if cite and lines and lines[-1][0][0].endswith(cite):
        last = lines[-1][0][0]
        lines[-1] = [(last[: -len(cite)], style), (cite, "dim")]
    return lines


BRIEF_EVENTS = 5  # the latest events a brief card lists
BRIEF_MISSIONS = 4  # mission rows a brief card lists (the others are counted)
MISSION_RANK = {"embassy": 0, "accredited-from": 1, "consulate-general": 2, "consulate": 3}


def _brief_missions(country: Country) -> list[Mission]:
    """The missions in the order the brief card lists them (it shows the first few)."""
    return sorted(
        country.missions,
        key=lambda m: (m.state != "open", MISSION_RANK.get(m.kind, 9), m.owner != PERU),
    )


def brief_sources(ds: Records, country: Country) -> list[str]:
    """Ids of the sources behind what the brief card shows (`country --cite`): the relationship
    and its milestones, the UN votes line, the missions and latest events it lists, the member
    lists of the memberships it names (not the alternatives, notes and summary of the full card)."""
    rel = country.relations
    ids = [*rel.sources, *(i for m in rel.history for i in m.sources)]
    if country.un_votes is not None:
        ids.extend(country.un_votes.sources)
    for m in _brief_missions(country)[:BRIEF_MISSIONS]:
        ids.extend(m.sources)
    for o in shared_memberships(ds, country.code):
        ids.extend(o.members.sources if o.members is not None else ())
    for e in ds.events_of(country.code)[-BRIEF_EVENTS:]:
        ids.extend(e.sources)
    return list(dict.fromkeys(ids))


def brief(ds: Records, country: Country, width: int) -> list[Line]:
    """The card for a person: one screen with the status, the history in a line, the main
    missions, shared memberships and the latest events, then what the full card adds."""
    out = _head(country, width)
    rel = country.relations
    first_line, *rest = relations_lines(ds, country)
    status = _status_line(first_line, rel.status)
    out += [status] if len(first_line) <= width else _prose(first_line, width)
    for text in rest:
        out += _prose(text, width)
    if len(rel.history) > 1:
        steps = " · ".join(f"{milestone_label(m.kind)} {milestone_date(m)}" for m in rel.history)
        out += _prose(t("History: {steps}", steps=steps), width, "dim")
    votes = votes_line(country)
    if votes:
        out += _prose(f"{votes} (perurel votes {country.code})", width)

    missions = _brief_missions(country)
    out += [[], [(t("Missions"), "bold underline")]]
    if missions:
        shown = missions[:BRIEF_MISSIONS]
        rows = [list(_mission(ds, m)) for m in shown]
        out += table([t("Who"), t("Kind"), t("Where")], rows, width, flex=(2,), header=False)
        if len(missions) > len(shown):
            out.append([(t("and {n} more", n=len(missions) - len(shown)), "dim")])
    else:
        out.append([(t("no missions recorded"), "dim")])

    shared = shared_memberships(ds, country.code)
    if shared:
        names = ", ".join(_short(o.id, o.name, o.name_es) for o in shared)
        out += [[], *_prose(t("Memberships shared with Peru: {names}", names=names), width)]

    events = ds.events_of(country.code)
    latest = events[-BRIEF_EVENTS:][::-1]
    heading = t("Latest events") if len(events) > len(latest) else t("Events")
    if latest:  # a card without events has no events section (not "Events (0 of 0)")
        title = t(
            "{heading} ({shown} of {total})", heading=heading, shown=len(latest), total=len(events)
        )
        out += [[], [(title, "bold underline")]]
        rows = [
            [date(e.date), word("event", e.kind), in_language(e.title, e.title_es)] for e in latest
        ]
        listed = table([t("Date"), t("Kind"), t("Event")], rows, width, flex=(2,), header=False)
        out += [_style_kind(line) for line in listed]

    cited = len(country_sources(ds, country.code))
    rest_of = [
        t("{n} more events", n=len(events) - len(latest)) if len(events) > len(latest) else "",
        t("{n} more missions", n=len(missions) - BRIEF_MISSIONS)
        if len(missions) > BRIEF_MISSIONS
        else "",
        t("notes and {n} sources", n=cited),
    ]
    more = ", ".join(filter(None, rest_of))
    text = t("The full card adds {more}: perurel country {code} --full", more=more,
             code=country.code)  # fmt: skip
    return [*out, [], *_ending_in_command(text, f"perurel country {country.code} --full", width)]


def _ending_in_command(text: str, command: str, width: int) -> list[Line]:
    """A dim paragraph whose last words are a command to copy: the command is never split
    across lines (it goes to a line of its own when the last line has no room for it)."""
    if not text.endswith(command):
        return _prose(text, width, "dim")
    lines = wrap(text[: -len(command)].rstrip(), width)
    if len(lines[-1]) + 1 + len(command) <= width:
        lines[-1] = f"{lines[-1]} {command}"
    else:
        lines.append(command)
    return [[(line, "dim")] for line in lines]


# Acronyms that differ in Spanish (the others, APEC or CELAC, are the same in both).
def _short(org_id: str, name: str, name_es: str) -> str:
    """An organisation's acronym (UN, APEC; ONU in Spanish) where it has one, else its name."""
    if spanish() and org_id in ACRONYMS_ES:
        return ACRONYMS_ES[org_id]
    acronym = ORG_ALIASES.get(org_id, (name,))[0]
    if acronym.isupper() and acronym != "ATS":
        return acronym
    return name_es if spanish() else name


def votes_line(country: Country) -> str | None:
    """The card's line on UN General Assembly votes, or None."""
    un = country.un_votes
    if un is None:
        return None
    return t(
        "UN votes: agreed with Peru on {share} of the {votes} General Assembly roll calls both "
        "voted on, {since}–{until}",
        share=percent(un.agreement),
        votes=number(un.votes),
        since=un.since,
        until=un.until,
    )


def _head(country: Country, width: int) -> list[Line]:
    first, second = both(country.name, country.name_es)
    head: Line = [(first, "bold")]
    if second != first:
        head.append((f" · {second}", "italic"))
    where = f"{word('region', country.region)} › {word('region', country.subregion)}"
    return [head, *_prose(f"{country.code} / {country.iso3} · {where}", width, "dim")]


def _status_line(first_line: str, status: str) -> Line:
    """'Relations: active …' with the status word in its colour."""
    label = t("Relations: {status}", status="")
    said = word("status", status)
    if not first_line.startswith(label + said):
        return [(first_line, "")]
    return [
        (label, "bold"),
        (said, STATUS_STYLE.get(status, "dim")),
        (first_line[len(label) + len(said) :], ""),
    ]


def card(ds: Records, country: Country, width: int) -> list[Line]:
    """The full card for one country."""
    notes = _Footnotes(country_sources(ds, country.code))
    out = _head(country, width)
    rel = country.relations
    first_line, *rest = relations_lines(ds, country)
    status = _status_line(first_line, rel.status)
    if rel.sources:
        status.append((f" {notes.cite(rel.sources)}", "dim"))
    out += (
        [status]
        if len("".join(text for text, _ in status)) <= width
        else _prose("".join(text for text, _ in status), width)
    )
    for text in rest:
        key = rel.establishment or rel.first
        cited = key.sources if key else ()
        mark = f" {ENCYCLOPEDIA_ONLY}" if encyclopedia_only(ds, cited) else ""
        out += _prose(text + mark, width, "", notes.cite(cited))
    if len(rel.history) > 1 or (rel.history and rel.establishment is None):
        out += [[], [(t("History"), "bold underline")]]
        rows = [
            [
                milestone_date(m),
                milestone_label(m.kind),
                (t("with {partner}", partner=_article(m)) if m.counterpart else "")
                + (f" {ENCYCLOPEDIA_ONLY}" if encyclopedia_only(ds, m.sources) else "")
                + (f" {in_language(m.note, m.note_es)}" if m.date is None and m.note else ""),
                notes.cite([*m.sources, *(i for a in m.alternatives for i in a.sources)]),
            ]
            for m in rel.history
        ]
        out += table(
            [t("Date"), t("Milestone"), t("Note"), t("Sources")],
            rows,
            width,
            flex=(2, 3),
            header=False,
        )
    votes = votes_line(country)
    if votes and country.un_votes:
        out += [[], *_prose(votes, width, "", notes.cite(country.un_votes.sources))]
    if rel.note:
        out += [[], *_prose(in_language(rel.note, rel.note_es), width, "italic")]
    if country.summary:
        summary = in_language(country.summary, country.summary_es)
        out += [[], *_prose(summary, width, "", notes.cite(country.summary_sources))]

    out += [[], [(t("Missions"), "bold underline")]]
    if country.missions:
        rows = [[*_mission(ds, m), notes.cite(m.sources)] for m in country.missions]
        headers = [t("Who"), t("Kind"), t("Where"), t("Sources")]
        out += table(headers, rows, width, flex=(2, 3), header=False)
    else:
        out.append([(t("no missions recorded"), "dim")])

    shared = shared_memberships(ds, country.code)
    if shared:
        out += [[], [(t("Memberships shared with Peru"), "bold underline")]]
        names = "; ".join(
            (t("{name} (Peru until {date})", name=in_language(o.name, o.name_es), date=date(o.left))
             if o.left else in_language(o.name, o.name_es))
            + " " + notes.cite(o.members.sources if o.members else ())
            for o in shared
        )  # fmt: skip
        out += _prose(names, width)

    rep = country.representation
    if rep is not None and rep.snapshots:
        first, last = rep.snapshots[0][0], rep.snapshots[-1][0]
        name = in_language(country.name, country.name_es)
        out += [
            [],
            [(t("Representation, {first}–{last}", first=first, last=last), "bold underline")],
        ]
        intro = t(
            "Correlates of War snapshots (about every five years, ending in {last}): the level at "
            "which {name} was represented in Lima and Peru in {name}, each time it changed.",
            last=last,
            name=the(name),
        )
        out += _prose(intro, width, "dim", notes.cite(rep.sources))
        if rep.note:
            out += _prose(in_language(rep.note, rep.note_es), width, "dim italic")
        changes, previous = [], None
        for year, in_peru, by_peru in rep.snapshots:
            if (in_peru, by_peru) != previous:
                changes.append([str(year), word("level", in_peru), word("level", by_peru)])
                previous = (in_peru, by_peru)
        out += table(
            [
                t("Year"),
                capital(t("{name} in Peru", name=the(name))),
                capital(t("Peru in {name}", name=the(name))),
            ],
            changes,
            width,
            flex=(1, 2),
        )

    events = ds.events_of(country.code)
    out += [[], [(f"{t('Events')} ({len(events)})", "bold underline")]]
    if events:
        rows = [
            [
                date(e.date),
                word("event", e.kind),
                in_language(e.title, e.title_es),
                notes.cite(e.sources),
            ]
            for e in events
        ]
        headers = [t("Date"), t("Kind"), t("Event"), t("Sources")]
        listed = table(headers, rows, width, flex=(2, 3), header=False)
        out += [_style_kind(line) for line in listed]
    else:
        out.append([(t("no events recorded"), "dim")])

    if any(encyclopedia_only(ds, ids) for ids in _facts(country)):
        mark = t("{mark} rests only on encyclopedia sources (or mirrors of them)",
                 mark=ENCYCLOPEDIA_ONLY)  # fmt: skip
        out += [[], *([(part, "dim")] for part in wrap(mark, width))]
    out += [[], [(t("Sources"), "bold underline")]]
    number_width = len(str(len(notes.numbers)))
    for sid, n in notes.numbers.items():
        src = ds.sources.get(sid)
        if src is None:
            continue
        label = f"[{n}]".rjust(number_width + 2) + " "
        by = "; ".join(src.author) + ": " if src.author else ""
        text = f"{by}{src.title} — {publisher(src.publisher, src.publisher_es)}"
        text += f", {date(src.date)}" if src.date else ""
        text += f" · {word('tier', src.tier)}"
        if src.found_in and src.found_in in ds.sources:
            text += t(" · found in: {title}", title=ds.sources[src.found_in].title)
        body = wrap(text, max(width - len(label), 10))
        address = src.url or src.via
        extra = wrap(" ".join(filter(None, (address, f"({sid})"))), max(width - len(label), 10))
        lines = [cell([b], "") for b in body] + [cell([x], "dim") for x in extra]
        for i, span in enumerate(lines):
            out += row([cell([label if i == 0 else ""], "dim"), span], [len(label), width], gap=0)
    return out


def _facts(country: Country) -> list[Sequence[str]]:
    """The source lists of the facts the card marks (history and start)."""
    return [m.sources for m in country.relations.history]


def _style_kind(line: Line) -> Line:
    """Events tables: the kind column in colour."""
    if len(line) >= 3 and line[2][0].strip():
        line = [*line[:2], (line[2][0], "cyan"), *line[3:]]
    return line
