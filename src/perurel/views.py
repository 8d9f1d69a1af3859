"""What people read for each command, as styled lines (see `layout`): built from the same records
the machine formats print, so the two cannot disagree. The country card lives in `card`."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import groupby
from types import SimpleNamespace

from .formats import pick
from .i18n import (
    N_,
    both,
    city,
    collation_key,
    country_name,
    date,
    in_language,
    number,
    on,
    percent,
    period,
    publisher,
    spanish,
    t,
    the,
    word,
)
from .layout import NARROW, Line, bars, cell, row, table, wrap
from .text import normalize
from .tuples import TYPE_CHECKING

if TYPE_CHECKING:
    from typing import Any

    Record = dict[str, Any]

    from .model import Event, Organisation, Records


def timeline(events: Sequence[Event], width: int) -> list[Line]:
    """Events grouped by year: date, partners, kind, then title, summary and source ids."""
    if not events:
        return [[(t("no events match"), "dim")]]
    dates = {e.date: date(e.date) for e in events}
    kinds = {e.kind: word("event", e.kind) for e in events}
    w_date = max(len(t("Date")), *(len(d) for d in dates.values()))
    w_with = min(14, max(len(t("With")), *(len(", ".join(e.countries)) for e in events)))
    w_kind = max(len(t("Kind")), *(len(k) for k in kinds.values()))
    w_event = width - (w_date + w_with + w_kind + 6)
    if width < NARROW or w_event < 30:  # too narrow for the prose beside the columns
        return _timeline_stacked(events, width)
    widths = (w_date, w_with, w_kind, w_event)
    indent = " " * (w_date + w_with + w_kind + 6)
    head = [cell([name], "bold") for name in (t("Date"), t("With"), t("Kind"), t("Event"))]
    lines = row(head, widths)
    for year, group in groupby(events, key=lambda e: e.date[:4]):
        lines.append([(year, "bold magenta")])
        for e in group:
            title, summary = in_language(e.title, e.title_es), in_language(e.summary, e.summary_es)
            body = cell(wrap(title, w_event), "bold") + cell(wrap(summary, w_event))
            body += cell(wrap(", ".join(e.sources), w_event), "dim")
            partners = cell(wrap(", ".join(e.countries) or "—", w_with))
            kind = cell([kinds[e.kind]], "cyan")
            top = len(partners)  # below the partners, only the event's text: one indent
            lines += row([cell([dates[e.date]]), partners, kind, body[:top]], widths)
            lines += [[(indent, ""), span] if span[0] else [] for span in body[top:]]
        lines.append([])
    return lines


def _timeline_stacked(events: Sequence[Event], width: int) -> list[Line]:
    lines: list[Line] = []
    for year, group in groupby(events, key=lambda e: e.date[:4]):
        lines.append([(year, "bold magenta")])
        for e in group:
            head = " · ".join(
                filter(None, (date(e.date), ", ".join(e.countries), word("event", e.kind)))
            )
            lines += [[(text, "")] for text in wrap(head, width)]
            lines += [[(text, "bold")] for text in wrap(in_language(e.title, e.title_es), width)]
            summary = in_language(e.summary, e.summary_es)
            lines += [[(text, "")] for text in wrap(summary, width)]
            lines += [[(text, "dim")] for text in wrap(", ".join(e.sources), width)]
            lines.append([])
    return lines


def countries(rows: Sequence[Record], width: int, *, by_name: bool = False) -> list[Line]:
    """`perurel countries`; in Spanish, a list in name order is in the order of the Spanish
    names (the machine formats keep one order in both languages)."""
    if by_name and spanish():
        rows = sorted(rows, key=lambda r: collation_key(r["name_es"]))
    headers = [t("Code"), t("Name"), t("Subregion"), t("Status"), t("Since"), t("Missions"),
               t("Events")]  # fmt: skip
    body = [
        [
            r["code"],
            in_language(r["name"], r["name_es"]),
            word("region", r["subregion"]),
            word("status", pick(r, "relations.status")),
            _text(date(pick(r, "relations.established")) or None),
            _text(r["mission_count"]),
            _text(r["event_count"]),
        ]
        for r in rows
    ]
    return table(headers, body, width, flex=(1, 2, 3))


def missions(rows: Sequence[Record], width: int, ds: Records) -> list[Line]:
    """`perurel missions`: who has what where, and in what state as of when; in Spanish, in the
    order of the Spanish names (the machine formats keep one order in both languages)."""
    if spanish():
        order = {code: collation_key(country_name(ds, code)) for code in ds.countries}
        rows = sorted(rows, key=lambda r: (r["owner"] != "PE", order.get(r["country"], ("", ""))))
    body = []
    for r in rows:
        where = city(r["city"]) or "—"
        if r["accredited_from"]:
            where = f"{where} ({r['accredited_from']})"
        state = word("state", r["state"])
        if r["state"] == "open" and r["as_of"]:
            state = t("open, as of {date}", date=date(r["as_of"]))
        elif r["state"] == "closed" and r["closed"]:
            state = t("closed {date}", date=on(r["closed"]))
        who = f"{country_name(ds, r['owner'])} → {country_name(ds, r['host'])}"
        body.append([who, word("mission", r["kind"]), where, state])
    headers = [t("Mission"), t("Kind"), t("Where"), t("State")]
    return table(headers, body, width, flex=(2, 0))


def hits(rows: Sequence[Record], width: int, ds: Records) -> list[Line]:
    """`perurel search`: each hit with its kind, date and countries, the match cut short."""

    def match(r: Record) -> str:
        return f"{in_language(r['title'], r['title_es'])}: {in_language(r['text'], r['text_es'])}"

    body = [
        [
            word("hit", r["kind"]),
            _text(date(r["date"]) or None),
            _text(r["countries"]),
            _snippet(match(r)),
            f"{r['score']:g}",
        ]
        for r in rows
    ]
    headers = [t("Kind"), t("Date"), t("With"), t("Match"), t("Score")]
    return table(headers, body, width, flex=(2, 3))


def sources(rows: Sequence[Record], width: int) -> list[Line]:
    """`perurel sources`."""
    keys = ["id", "title", "author", "publisher", "date", "tier", "cited"]
    body = [[_text(r.get(k)) for k in keys] for r in rows]
    for r, cells in zip(rows, body, strict=True):
        cells[2] = _names(r.get("author"))
        cells[3] = publisher(cells[3], r.get("publisher_es"))
        cells[4] = _text(date(r.get("date")) or None)
        cells[5] = word("tier", cells[5])
    headers = [t("Id"), t("Title"), t("Author"), t("Publisher"), t("Date"), t("Tier"), t("Cited")]
    return table(headers, body, width, flex=(1, 2, 3))


# The fields of a source, as `perurel sources ID` names them for people.
SOURCE_FIELDS = {"id": N_("id"), "title": N_("title"), "author": N_("author"),
                 "publisher": N_("publisher"), "url": N_("url"), "date": N_("date"),
                 "note": N_("note"), "tier": N_("tier"), "found_in": N_("found in"),
                 "via": N_("via")}  # fmt: skip


def source(record: Record, width: int, labels: Sequence[Any] | None = None) -> list[Line]:
    """`perurel sources ID`: the source, then every fact that cites it (`labels`: the facts in
    the reader's words, when they are not the record's English)."""

    def shown(key: str, value: Any) -> str:
        if key == "author":
            return _names(value)
        if key == "note":  # in the reader's language (note_es is not a row of its own)
            return _text(in_language(value, record.get("note_es")))
        if key == "publisher":
            return publisher(value, record.get("publisher_es"))
        if key == "date":
            return _text(date(value) or None)
        return _text(word("tier", value) if key == "tier" else value)

    about = [
        [t(SOURCE_FIELDS.get(k, k)), shown(k, v)]
        for k, v in record.items()
        # the date shows its own precision; the Spanish texts take their English ones' rows;
        # a field the source does not have is not a row
        if k not in ("cited", "cited_by", "note_es", "publisher_es", "date_precision")
        and v not in (None, [])
    ]
    lines = table([t("Field"), t("Value")], about, width, flex=(1,))
    cited = labels if labels is not None else [
        SimpleNamespace(**c) for c in record["cited_by"]
    ]  # fmt: skip
    facts = [[word("hit", c.kind), c.ref, c.label] for c in cited]
    headers = [t("Kind"), t("Ref"), t("Fact")]
    return [*lines, [], *table(headers, facts, width, flex=(2,))]


def stats(numbers: Record, width: int) -> list[Line]:
    """`perurel stats`: coverage, states by status and region, events per decade."""
    title = t(
        "perurel dataset, schema version {version}, revised {date}",
        version=numbers["schema_version"],
        date=on(numbers["dataset_date"]) or "?",
    )
    if numbers.get("facts_to"):
        title += t(", facts recorded to {date}", date=date(numbers["facts_to"]))
    lines: list[Line] = [[(title, "bold")], []]
    coverage = [[word("coverage", k), str(v)] for k, v in numbers["coverage"].items()]
    lines += table([t("Coverage"), t("Count")], coverage, width)
    statuses = [(word("status", k), v) for k, v in numbers["by_status"].items()]
    lines += [[], [(t("States by relations status"), "bold")], *bars(statuses, width)]
    regions = [
        [word("region", r), *(str(v) for v in row.values())]
        for r, row in numbers["by_region"].items()
    ]
    lines += [[], [(t("States by region"), "bold")]]
    headers = [t("Region"), t("States"), t("Dated"), t("With missions"), t("Events")]
    lines += table(headers, regions, width)
    milestones = [(word("milestone", k), v) for k, v in numbers["states_by_milestone_kind"].items()]
    tiers = [(word("tier", k), v) for k, v in numbers["facts_by_tier"].items()]
    lines += [
        [],
        [(t("States by milestone kind (at least one dated milestone of the kind)"), "bold")],
        *bars(milestones, width),
        [],
        [(t("Facts by their best source tier"), "bold")],
        *bars(tiers, width),
        [],
        [(t("Events per decade"), "bold")],
        *bars([(period(k), v) for k, v in numbers["events_by_decade"].items()], width),
    ]
    return lines


def orgs(rows: Sequence[Record], width: int) -> list[Line]:
    """`perurel orgs`."""
    body = [
        [
            in_language(r["name"], r["name_es"]),
            _text(date(r["joined"] or r.get("since")) or None),
            _text(date(r.get("left") or r.get("until")) or None),
            in_language(r.get("role"), r.get("role_es")) or word("tie", r.get("tie", "member")),
            ", ".join(
                f"{word('period', p['kind'])} {date(p['start'])}–{date(p['end'])}"
                for p in r.get("periods", ())
            ),
        ]
        for r in rows
    ]
    # A member's dates are when Peru joined and left; other ties' when the tie began and ended.
    headers = [t("Organisation"), t("Since"), t("Until"), t("Role"), t("Terms and suspensions")]
    return table(headers, body, width, flex=(0, 3, 4))


def org(ds: Records, o: Organisation, width: int) -> list[Line]:
    """`perurel orgs NAME`: one organisation, Peru's dates in it, and its members in the data."""
    first, second = both(o.name, o.name_es)
    lines: list[Line] = [[(first, "bold"), (f" · {second}", "italic")]]
    dates = tie_line(o)
    if o.role and o.role.casefold() != o.tie.replace("-", " "):
        dates += f" · {in_language(o.role, o.role_es)}"
    lines += [[(text, "")] for text in wrap(dates, width)]
    for p in o.periods:
        span = f"{word('period', p.kind)} {date(p.start)}–{date(p.end)}"
        if p.note and not spanish():  # period notes have no Spanish text yet
            span += f": {p.note}"
        lines += [[(text, "")] for text in wrap(span, width)]
    if o.note:
        note = in_language(o.note, o.note_es)
        lines += [[]] + [[(text, "italic")] for text in wrap(note, width)]
    if o.members is not None:
        names = sorted(country_name(ds, c) for c in o.members.codes if c in ds.countries)
        head = (
            t("Members besides Peru ({n}, as of {date})", n=len(names), date=date(o.members.as_of))
            if o.members.as_of
            else t("Members besides Peru ({n})", n=len(names))
        )
        lines += [[], [(head, "bold underline")]] + [
            [(text, "")] for text in wrap(", ".join(names), width)
        ]
    cited = o.cited()
    lines += [[], [(t("Sources"), "bold underline")]]
    for sid in cited:
        src = ds.sources.get(sid)
        if src is not None:
            by = "; ".join(src.author) + ": " if src.author else ""
            text = f"{by}{src.title} — {publisher(src.publisher, src.publisher_es)} · {word('tier', src.tier)} ({sid})"
            lines += [[(piece, "dim")] for piece in wrap(text, width)]
    return lines


def tie_line(o: Organisation) -> str:
    """What Peru is to the organisation, in words that fit the tie: only a member joins."""
    if o.tie == "elected-seat":
        terms = sum(1 for p in o.periods if p.kind == "term")
        return t("Elected non-permanent member: {n} terms", n=terms)
    if o.member:
        founding = o.tie == "founding-member"
        if o.joined:
            text = (
                t("Founding member, Peru joined {date}", date=on(o.joined))
                if founding
                else t("Peru joined {date}", date=on(o.joined))
            )
        else:
            text = t("Founding member") if founding else t("Member (no source gives the date)")
        return text + (t(", left {date}", date=on(o.left)) if o.left else "")
    text = {
        "associate": t("Associate, not a member"),
        "observer": t("Observer, not a member"),
        "candidate": t("Candidate for membership, not a member"),
        "negotiating-party": t("Took part in the negotiations"),
    }[o.tie]
    if o.since:
        text += t(", since {date}", date=on(o.since))
    if o.until:
        text += t(", until {date}", date=on(o.until))
    return text


def _names(names: Any) -> str:
    """Authors: "Family, Given" names hold a comma, so names are set apart by semicolons."""
    return "; ".join(names) if names else "—"


def _text(value: Any) -> str:
    """A cell: lists joined, nothing as a dash."""
    if value is None or value == []:
        return "—"
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return str(value)


def _snippet(text: str, width: int = 200) -> str:
    return text if len(text) <= width else text[: width - 1].rsplit(" ", 1)[0] + " …"


# --- perurel votes -------------------------------------------------------------------------------


def percent_bars(
    items: Sequence[tuple[str, float | None, int]], width: int, thin: int = 0
) -> list[Line]:
    """A bar per row on a 0-100% scale: label, percentage, bar, count of roll calls; a row on
    fewer than `thin` roll calls gets no bar (a share of a handful of votes is no trend)."""
    if not items:
        return []
    label_w = max(len(label) for label, _, _ in items)
    count_w = max(len(number(n)) for _, _, n in items)
    room = max(1, width - label_w - count_w - 19)
    out: list[Line] = []
    for label, pct, n in items:
        few = 0 < n < thin
        bar = t("too few to chart") if few else "█" * round((pct or 0) * room / 100)
        out.append(
            [
                (f"{label.ljust(label_w)}  {percent(pct).rjust(7)}  ", ""),
                (bar.ljust(room), "dim" if few else "cyan"),
                (
                    f"  {number(n)}".rjust(count_w + 2) + (t(" vote") if n == 1 else t(" votes")),
                    "dim",
                ),
            ]
        )
    return out


def vote_agreement(record: Record, width: int) -> list[Line]:
    """`perurel votes COUNTRY`."""
    name, overall = in_language(record["name"], record["name_es"]), record["overall"]
    if record.get("first_vote"):  # the state's own span of roll calls within the window
        span = f"{date(record['first_vote'])}–{date(record['last_vote'])}"
    else:
        span = f"{record['since'] or '1946'}–{record['until'] or t('January 2020')}"
    heading = t("Peru and {name} at the UN General Assembly, {span}", name=the(name), span=span)
    lines: list[Line] = [[(text, "bold")] for text in wrap(heading, width)]
    if record["note"]:
        note = in_language(record["note"], record.get("note_es"))
        lines += [[(text, "dim italic")] for text in wrap(note, width)]
    if not overall["votes"]:
        lines.append(
            [(t("No roll call on which both Peru and {name} voted, {span}.", name=the(name), span=span),
              "yellow")]
        )  # fmt: skip
        from .votes import ENDS

        if (record["since"] or "") > ENDS:
            lines.append([(t("The voting data ends in January 2020."), "yellow")])
        return lines
    lines += [
        [],
        [
            (
                t("Overall weighted agreement: ")
                if record["weighted"]
                else t("Overall agreement: "),
                "bold",
            ),
            (percent(overall["agreement"]), "green"),
            (t(" of {n} roll calls both voted on", n=number(overall["votes"])), ""),
        ],
    ]
    imp = record["on_important"]
    if imp["votes"]:
        lines.append(
            [
                (
                    t(
                        "On important votes: {share} of {n}",
                        share=percent(imp["agreement"]),
                        n=number(imp["votes"]),
                    ),
                    "",
                )
            ]
        )
    periods = record["by_period"]
    if periods:
        lines += [[], [(t("Over time"), "bold underline")]]
        from .votes_report import THIN

        lines += percent_bars(
            [(period(p["period"]), p["agreement"], p["votes"]) for p in periods], width, THIN
        )
    issues = [i for i in record["by_issue"] if i["votes"]]
    if issues:
        lines += [[], [(t("By issue"), "bold underline")]]
        lines += percent_bars(
            [(word("issue", i["name"]), i["agreement"], i["votes"]) for i in issues], width
        )
    definition = t(
        "Agreement = the share of roll calls on which both states cast a vote (yes, no or "
        "abstain) and cast the same one; weighted, a yes or no against an abstention counts as "
        "half."
    )
    lines += [[]] + [[(text, "dim")] for text in wrap(definition, width)]
    source = t(
        "Source: UN General Assembly Voting Data (Voeten, Strezhnev, Bailey), to January 2020"
    )
    lines += [[(text, "dim")] for text in wrap(source, width)]
    return lines


def vote_rank(rows: Sequence[Record], width: int, top: int, window: str = "") -> list[Line]:
    """`perurel votes --rank`: what it rests on (`window`), the closest and the farthest; each
    row with the roll calls it rests on."""
    if not rows:
        return [[(t("no state has enough roll calls in common with Peru"), "dim")]]
    headers = [t("Rank"), t("State"), t("Agreement"), t("Votes")]

    def body(part: Sequence[Record]) -> list[list[str]]:
        return [
            [str(r["rank"]), in_language(r["name"], r["name_es"]) + (" *" if r["note"] else ""),
             percent(r["agreement"]),
             number(r["votes"])]
            for r in part
        ]  # fmt: skip

    closest, farthest = rows[:top], rows[top:][::-1]
    lines: list[Line] = [*([(text, "")] for text in wrap(window, width)), []] if window else []
    lines += [[(t("Closest to Peru"), "bold underline")]]
    lines += table(headers, body(closest), width, flex=(1,))
    if farthest:
        lines += [[], [(t("Farthest from Peru"), "bold underline")]]
        lines += table(headers, body(farthest), width, flex=(1,))
    if any(r["note"] for r in rows):
        footnote = t(
            "* a predecessor or a state whose votes are split by date: perurel votes NAME says how"
        )
        lines += [[], *[[(text, "dim")] for text in wrap(footnote, width)]]
    return lines


def roll_call(rows: Sequence[Record], width: int) -> list[Line]:
    """`perurel votes --resolution`: the roll call, Peru's vote, then the states by vote."""
    if not rows:
        return [[(t("no votes recorded on this roll call"), "dim")]]
    first = rows[0]
    lines: list[Line] = [
        [(f"{first['resolution']} · {first['date']} · rcid {first['rcid']}", "bold")],
        *[[(text, "bold")] for text in wrap(first["title"], width)],
    ]
    if first["description"].casefold() != first["title"].casefold():
        lines += [[(text, "")] for text in wrap(first["description"], width)]
    lines.append([])
    peru = next((r["vote"] for r in rows if r["id"] == "PE"), "no vote recorded")
    lines.append([(t("Peru: "), "bold"), (word("vote", peru), "green")])
    for vote in ("yes", "no", "abstain"):
        # Peru first, then the others in the order of the names people read
        names = sorted(
            (in_language(r["name"], r["name_es"]) for r in rows if r["vote"] == vote),
            key=lambda name: (name != t("Peru"), normalize(name)),
        )
        if names:
            lines += [[], [(f"{word('vote', vote).capitalize()} ({len(names)})", "bold underline")]]
            lines += [[(text, "")] for text in wrap(", ".join(names), width)]
    return lines


def peru_votes(rows: Sequence[Record], width: int) -> list[Line]:
    """`perurel votes --peru`: Peru's yes / no / abstain shares."""
    if not rows:
        return [[(t("Peru cast no vote in this window"), "dim")]]
    headers = ["", t("Yes"), t("No"), t("Abstain"), t("Votes")]
    lines: list[Line] = [[(t("Peru's votes at the UN General Assembly"), "bold")]]
    groups = (("decade", t("By decade")), ("year", t("By year")), ("issue", t("By issue")),
              ("all", t("In all")))  # fmt: skip
    for by, title in groups:
        part = [r for r in rows if r["by"] == by]
        if part:
            lines += [[], [(title, "bold underline")]]
            lines += table(
                headers,
                [
                    [
                        word("issue", r["name"]) if by == "issue" else period(r["name"]),
                        percent(r["yes"]),
                        percent(r["no"]),
                        percent(r["abstain"]),
                        number(r["votes"]),
                    ]
                    for r in part
                ],
                width,
                flex=(0,),
            )
    return lines
