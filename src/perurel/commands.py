"""What each command does once its arguments are parsed: ask the query layer, then print records
for scripts or a view for people. Both entry paths (the fast `argv` parser and the Typer app in
`cli`) call `run`, so every command has one body and its JSON is built in one place. No Typer,
no Rich.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence

from . import terminal
from .errors import DataError, NotFound, UsageError, printable, quoted
from .i18n import N_, in_language, number, t, the, tn, word
from .spec import CITATION_FORMATS, COMMANDS, OPTION_NAMES, Param
from .terminal import note, show
from .tuples import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from typing import Any

    from .api import Dataset
    from .layout import Line
    from .model import Country, Event, Organisation, Source


class State:
    """What the global options chose (`spec.GLOBAL`): the dataset to read, tracebacks, the
    language people read, paging."""

    def __init__(
        self,
        data: str | None = None,
        debug: bool = False,
        lang: str | None = None,
        no_pager: bool = False,
    ) -> None:
        from . import i18n
        from .spec import GLOBAL

        if lang is not None:
            lang = convert(next(p for p in GLOBAL if p.name == "lang"), lang)
        i18n.use(i18n.choose(lang))
        self.data = data
        if debug:
            os.environ["PERUREL_DEBUG"] = "1"
        terminal.PAGING["allowed"] = not no_pager

    def dataset(self) -> Dataset:
        from .api import load

        return load(self.data)


def run(name: str, state: State, values: dict[str, Any]) -> None:
    """Run command `name` with parsed values (canonical choices, ints, lists; missing -> default)."""
    check_lengths(name, values)
    params = {p.name: p.default for p in COMMANDS[name].params}
    params.update({k: v for k, v in values.items() if v is not None})
    for p in COMMANDS[name].params:
        if p.kind == "multi" and params.get(p.name) is not None:
            params[p.name] = _listed(p, params[p.name])
        elif p.kind == "value" and isinstance(params.get(p.name), str):
            params[p.name] = convert(p, params[p.name])
    if str(params.get("fields", "")).strip().lower() == "help":
        from .fields import describe

        terminal.write(describe(name, fields_asked(name, params)))
        return
    _BODIES[name](state, **params)


def fields_asked(name: str, params: dict[str, Any]) -> tuple[str, ...]:
    """The fields of the question asked: `votes` answers four, each with its own record, and one
    source lists what cites it where the bibliography only counts it."""
    from .spec import SOURCE_FIELDS, VOTES_FIELDS

    if name == "votes":
        asked = [
            mode
            for mode, given in (
                ("country", params.get("query") is not None),
                ("rank", params.get("rank")),
                ("resolution", params.get("resolution") is not None or params.get("rcid")),
                ("peru", params.get("peru")),
            )
            if given
        ]
        if len(asked) == 1:
            return VOTES_FIELDS[asked[0]]
    if name == "sources":
        return SOURCE_FIELDS if params.get("source_id") is not None else SOURCE_FIELDS[:-1]
    return COMMANDS[name].fields


def convert(param: Param, value: str) -> Any:
    """An option's text as its body takes it: a number as an int, a choice in its canonical form
    (case ignored); a usage error in perurel's words for anything else."""
    flag = param.flags[0] if param.flags else param.name.upper()
    if param.type == "int":
        digits = value[1:] if value[:1] in "+-" else value
        if not (digits.isascii() and digits.isdigit()):
            raise UsageError(
                t("{option} takes a whole number, not {value}", option=flag, value=quoted(value))
            )
        if len(digits) > 18:  # a number no count reaches (and int() refuses past 4300 digits)
            raise UsageError(
                t("{option} is too large: {value}", option=flag, value=quoted(value, 24))
            )
        return int(value)
    if param.choices is not None:
        from .spec import canonical, choice_error

        found = canonical(param, value)  # in English or Spanish: 'embajada'
        if found is None:
            raise UsageError(choice_error(param, value))
        return found
    return value


def _listed(param: Param, given: str | Sequence[str]) -> Any:
    """A list option's values, repeated or comma-separated alike (`--kind a,b --kind c`), each
    choice in its canonical form; --fields becomes its comma-separated text."""
    words = [
        w.strip()
        for value in ([given] if isinstance(given, str) else given)
        for w in value.split(",")
    ]
    if param.name == "fields":
        return ",".join(words)
    if param.choices is None:
        return words
    from .spec import canonical, choice_error

    found = [canonical(param, w) for w in words]  # in English or Spanish: 'embajada'
    for typed, value in zip(words, found, strict=True):
        if value is None:
            raise UsageError(choice_error(param, typed))
    return found


# --- the shared pieces ---------------------------------------------------------------------------

# The longest query or option value, and the most values of a repeated option: beyond these no
# question is meant, and the work a question costs stays bounded (a megabyte of words would
# keep the matcher busy for minutes).
MAX_VALUE = 1000
MAX_VALUES = 100


def check_lengths(command: str, values: dict[str, Any]) -> None:
    """A usage error for a value longer than MAX_VALUE characters (or too many of them)."""
    named = {p.name: p.flags[0] if p.flags else p.name.upper() for p in COMMANDS[command].params}
    for name, value in values.items():
        items = value if isinstance(value, list | tuple) else [value]
        what = named.get(name, name)
        if len(items) > MAX_VALUES:
            raise UsageError(
                t("{option} is given {n} times; at most {most} are read", option=what,
                  n=len(items), most=MAX_VALUES)
            )  # fmt: skip
        for item in items:
            if isinstance(item, str) and len(item) > MAX_VALUE:
                raise UsageError(
                    t("{option} is {n} characters long; at most {most} are read", option=what,
                      n=number(len(item)), most=number(MAX_VALUE))
                )  # fmt: skip


class Output(NamedTuple):
    """The format and fields a command was asked for."""

    fmt: str
    fields: list[str] | None
    available: tuple[str, ...]  # the command's fields: the header of an empty table


def _output(
    name: str,
    fmt: str | None,
    as_json: bool,
    fields: str | None,
    available: tuple[str, ...] | None = None,
) -> Output:
    """Check the output options before any data is read: usage errors come first."""
    from .formats import check_fields, parse_fields

    if as_json and fmt not in (None, "json"):
        raise UsageError(t("--json and --format {fmt} ask for different formats; use one", fmt=fmt))
    chosen = "json" if as_json else (fmt or "table").lower()
    picked = parse_fields(fields) if fields is not None else None
    available = COMMANDS[name].fields if available is None else available
    if picked is not None:
        check_fields(picked, list(available))
    return Output(chosen, picked, available)


def _emit(out: Output, records: Any, view: Callable[[int], list[Line]]) -> None:
    """Records in the chosen machine format, or for people `view(width)`; with --fields, people
    get a table of just those fields. `records` may be a function that builds them: people's
    view does without."""
    if out.fmt == "table" and out.fields is None:
        from . import layout

        show(view(layout.width()))
        return
    if callable(records):
        records = records()
    from .formats import flatten, select, write

    if out.fmt != "table":
        chosen = (
            select(records, out.fields)
            if isinstance(records, list)
            else select([records], out.fields)[0]
        )
        from .spec import INSIDE

        header = out.fields or out.available
        terminal.write(write(chosen, out.fmt, header, whole=out.fields is not None, inside=INSIDE))
        return
    from . import layout

    fields = out.fields or []  # people with --fields: a table of just those fields
    rows = [
        flatten(r, whole=True)
        for r in select(records if isinstance(records, list) else [records], fields)
    ]
    show(layout.table(fields, [[row.get(f, "") for f in fields] for row in rows], layout.width()))


def lookup(ds: Dataset, query: str, *, exact: bool = False) -> Country:
    """The country for a query, telling the person on stderr when it was not an exact name."""
    m = ds.match(query, exact=exact)
    from .i18n import country_name

    found = {"query": quoted(query), "name": country_name(ds, m.country.code)}
    found["code"] = m.country.code
    if m.how == "former":
        note(t("{query} → {name} ({code}): {what}", **found, what=t(m.matched)))
    elif m.how == "sentence":
        note(t("{query} → {name} ({code}), the country the words name ({words})", **found,
               words=quoted(m.matched)))  # fmt: skip
    elif m.how == "fuzzy":
        note(t("{query} → {name} ({code}), closest match {matched}", **found,
               matched=quoted(m.matched)))  # fmt: skip
    elif not m.exact:
        note(t("{query} → {name} ({code}), alias {matched}", **found, matched=quoted(m.matched)))
    return m.country


def _cite(sources: Sequence[Source], style: str) -> None:
    """Sources as citations on stdout (`--format bibtex`, `--cite csl-json`)."""
    from .cite import CITATIONS
    from .errors import visible
    from .formats import json_safe

    text = CITATIONS[style](sources)
    terminal.write(json_safe(text) if style == "csl-json" else visible(text))


def _cite_ids(ds: Dataset, ids: Sequence[str], style: str) -> None:
    """The sources with these ids as citations, each once, in order of id."""
    _cite([ds.sources[i] for i in sorted(set(ids)) if i in ds.sources], style)


def _check_cite(cite: str | None, fmt: str | None, json_: bool, fields: str | None) -> None:
    if cite is not None and (fmt is not None or json_ or fields is not None):
        raise UsageError(t("--cite prints citations; leave out --format, --json and --fields"))


def check_filters(since: str | None, until: str | None, limit: int | None) -> None:
    """Usage errors in date and limit filters, found before any data is read."""
    from .bounds import check_limit, window

    window(since, until, OPTION_NAMES)
    check_limit(limit, OPTION_NAMES)


def expand_kinds(values: Sequence[str]) -> list[str]:
    """`--kind treaty,trade --kind ruling` and the group names of `spec.KIND_GROUPS`, as kinds
    (in English or Spanish)."""
    from .i18n import value
    from .model import EVENT_KINDS
    from .spec import KIND_GROUPS

    out: list[str] = []
    for typed in values:
        for part in typed.split(","):
            # a kind in English or Spanish ('tratado', 'acuerdos'); an unknown one is reported
            kind = value("event", part, (*EVENT_KINDS, *KIND_GROUPS)) or part.strip().lower()
            out.extend(KIND_GROUPS.get(kind, (kind,)))
    return list(dict.fromkeys(out))


def timeline_events(
    ds: Dataset,
    *,
    since: str | None,
    until: str | None,
    countries: Sequence[str],
    kinds: Sequence[str],
    limit: int | None,
    reverse: bool,
) -> list[Event]:
    """`timeline` with its options: countries are queries, matched like `country`."""
    codes = [lookup(ds, q).code for q in countries]
    return ds.timeline(
        since=since,
        until=until,
        countries=codes,
        kinds=[k.lower() for k in kinds],
        limit=limit,
        reverse=reverse,
    )


# --- the commands --------------------------------------------------------------------------------


def country(
    state: State,
    *,
    query: str,
    exact: bool,
    full: bool,
    brief: bool,
    cite: str | None,
    fmt: str | None,
    json_: bool,
    fields: str | None,
) -> None:
    if full and brief:
        raise UsageError(t("--full and --brief ask for different cards; use one"))
    _check_cite(cite, fmt, json_, fields)
    out = _output("country", fmt, json_, fields)
    ds = state.dataset()
    found = lookup(ds, query, exact=exact)
    if cite is not None:  # the sources of what the card shows: the brief one, or --full
        from .query import country_sources

        if full:
            ids = country_sources(ds, found.code)
        else:
            from .card import brief_sources

            ids = brief_sources(ds, found)
        _cite_ids(ds, ids, cite)
        return

    def view(width: int) -> list[Line]:
        from . import card  # only people need the card (and its imports)

        return (card.card if full else card.brief)(ds, found, width)

    _emit(out, country_record(ds, found), view)


def country_record(ds: Dataset, country: Country) -> dict[str, Any]:
    """`country --json`: the country with the organisations it shares with Peru, its events, and
    the full records of every source its facts cite (the query layer's answers, put together)."""
    from .formats import (
        event_records,
        mission_record,
        relations_record,
        source_record,
        with_precision,
    )
    from .query import country_sources, shared_memberships

    record = country.to_dict()
    record["relations"] = relations_record(record["relations"])
    record["missions"] = [mission_record(m) for m in record["missions"]]
    record["memberships"] = [
        with_precision(
            {"id": o.id, "name": o.name, "joined": o.joined, "left": o.left}, "joined", "left"
        )
        for o in shared_memberships(ds, country.code)
    ]
    record["events"] = event_records(ds.events_of(country.code))
    record["sources"] = [
        source_record(s.to_dict()) for s in ds.cited_sources(country_sources(ds, country.code))
    ]
    return record


def timeline(
    state: State,
    *,
    since: str | None,
    until: str | None,
    countries: Sequence[str] | None,
    kinds: Sequence[str] | None,
    limit: int | None,
    reverse: bool,
    cite: str | None,
    fmt: str | None,
    json_: bool,
    fields: str | None,
) -> None:
    _check_cite(cite, fmt, json_, fields)
    out = _output("timeline", fmt, json_, fields)
    check_filters(since, until, limit)
    ds = state.dataset()
    events = timeline_events(
        ds,
        since=since,
        until=until,
        countries=countries or (),
        kinds=expand_kinds(kinds or ()),
        limit=limit,
        reverse=reverse,
    )
    if cite is not None:  # the sources of the events listed
        _cite_ids(ds, [i for e in events for i in e.sources], cite)
        return
    from . import views
    from .formats import event_records

    _emit(out, lambda: event_records(events), lambda width: views.timeline(events, width))


def countries(
    state: State,
    *,
    region: Sequence[str] | None,
    status: str | None,
    since: str | None,
    until: str | None,
    has_embassy: bool,
    sort: str,
    fmt: str | None,
    json_: bool,
    fields: str | None,
) -> None:
    out = _output("countries", fmt, json_, fields)
    check_filters(since, until, None)
    ds = state.dataset()
    from . import query, views
    from .formats import country_row

    found = query.countries(
        ds, region=region, status=status and status.lower(), since=since, until=until,
        embassy=has_embassy, sort=sort.lower(),
    )  # fmt: skip
    rows = [country_row(ds, c) for c in found]
    _emit(out, rows, lambda width: views.countries(rows, width, by_name=sort.lower() == "name"))


def _side(ds: Dataset, query: str | None) -> str | None:
    """`--from` / `--to`: 'peru' (or its code) is Peru; anything else is looked up."""
    if query is None:
        return None
    from .match import PERU_NAMES
    from .text import normalize, normalize_all

    if normalize(query) in normalize_all(PERU_NAMES):
        return "PE"
    return lookup(ds, query).code


def missions(
    state: State,
    *,
    owner: str | None,
    host: str | None,
    kinds: Sequence[str] | None,
    mission_state: str | None,
    region: Sequence[str] | None,
    fmt: str | None,
    json_: bool,
    fields: str | None,
) -> None:
    out = _output("missions", fmt, json_, fields)
    ds = state.dataset()
    from . import query, views
    from .formats import mission_row

    found = query.missions(
        ds,
        owner=_side(ds, owner),
        host=_side(ds, host),
        kinds=kinds or (),
        state=mission_state,
        region=region,
    )
    rows = [mission_row(ds, c, m) for c, m in found]
    _emit(out, rows, lambda width: views.missions(rows, width, ds))


def search(
    state: State,
    *,
    text: str,
    since: str | None,
    until: str | None,
    countries: Sequence[str] | None,
    kinds: Sequence[str] | None,
    limit: int,
    cite: str | None,
    fmt: str | None,
    json_: bool,
    fields: str | None,
) -> None:
    _check_cite(cite, fmt, json_, fields)
    out = _output("search", fmt, json_, fields)
    if limit < 0:
        raise UsageError(t("{option} must be zero or more, not {n}", option="--limit", n=limit))
    check_filters(since, until, None)
    ds = state.dataset()
    from . import views
    from .fulltext import search_all
    from .query import check_kinds

    wanted = expand_kinds(kinds or ())
    check_kinds(wanted)
    codes = tuple(lookup(ds, q).code for q in countries or ())
    hits = search_all(ds, text, since=since, until=until, countries=codes, kinds=tuple(wanted))
    if len(hits) > limit:
        note(t("showing {shown} of {total} hits; --limit shows more", shown=limit, total=len(hits)))
    if cite is not None:  # the sources of the hits shown
        _cite_ids(ds, [i for h in hits[:limit] for i in _hit_sources(ds, h.kind, h.id)], cite)
        return
    from .formats import with_precision

    rows = [with_precision(h.to_dict()) for h in hits[:limit]]
    _emit(out, rows, lambda width: views.hits(rows, width, ds))


def _hit_sources(ds: Dataset, kind: str, record_id: str) -> list[str]:
    """The sources of what a search hit shows: an event's; a country's summary, relations note
    and date of establishment; an organisation's; or the source itself."""
    if kind == "event":
        return [i for e in ds.events if e.id == record_id for i in e.sources]
    if kind == "country" and record_id in ds.countries:
        c = ds.countries[record_id]
        established = c.relations.establishment  # the hit's date
        return [
            *c.summary_sources,
            *c.relations.sources,
            *(established.sources if established is not None else ()),
        ]
    if kind == "organisation":
        return [i for o in ds.organisations if o.id == record_id for i in o.sources]
    return [record_id] if kind == "source" else []


def sources(
    state: State,
    *,
    source_id: str | None,
    tier: str | None,
    fmt: str | None,
    json_: bool,
    fields: str | None,
) -> None:
    citation = fmt.lower() if fmt and fmt.lower() in CITATION_FORMATS else None
    if citation and fields is not None:
        raise UsageError(
            t("--format {fmt} prints whole citations; leave out --fields", fmt=citation)
        )
    from .spec import SOURCE_FIELDS

    # one source lists what cites it (cited_by); the bibliography only counts it
    available = SOURCE_FIELDS if source_id is not None else SOURCE_FIELDS[:-1]
    out = _output("sources", None if citation else fmt, json_, fields, available)
    ds = state.dataset()
    from . import query, views

    cites = query.citations(ds)
    if source_id is not None:
        src = ds.sources.get(source_id)
        if src is None:
            from .text import normalize

            near = [s for s in ds.sources if normalize(source_id) in normalize(s)][:5]
            if near:
                raise NotFound(
                    t(
                        "no source with id {id}; did you mean {ids}?",
                        id=quoted(source_id),
                        ids=", ".join(near),
                    )
                )
            raise NotFound(t("no source with id {id}", id=quoted(source_id)))
        if citation:
            _cite([src], citation)
            return
        from .formats import source_record

        record = {
            **source_record(src.to_dict()),
            "cited": len(cites[src.id]),
            "cited_by": [c._asdict() for c in cites[src.id]],
        }

        def view(width: int) -> list[Line]:
            from .i18n import spanish

            labels = query.citations(ds, readable=True)[src.id] if spanish() else None
            return views.source(record, width, labels)

        _emit(out, record, view)
        return
    chosen = [s for s in ds.sources.values() if tier is None or s.tier == tier.lower()]
    if citation:
        _cite(chosen, citation)
        return
    from .formats import source_record

    rows = [{**source_record(s.to_dict()), "cited": len(cites.get(s.id, []))} for s in chosen]
    _emit(out, rows, lambda width: views.sources(rows, width))


def stats(state: State, *, fmt: str | None, json_: bool, fields: str | None) -> None:
    out = _output("stats", fmt, json_, fields)
    ds = state.dataset()
    from . import query, views
    from .formats import with_precision

    numbers = with_precision(query.stats(ds), "dataset_date", "facts_to")
    _emit(out, numbers, lambda width: views.stats(numbers, width))


def _first_term(o: Organisation) -> str | None:
    """When an elected seat was first held (it has terms, not a joining date)."""
    return min((p.start for p in o.periods if p.kind == "term"), default=None)


def orgs(
    state: State, *, name: str | None, fmt: str | None, json_: bool, fields: str | None
) -> None:
    out = _output("orgs", fmt, json_, fields)
    ds = state.dataset()
    from . import views
    from .formats import org_record

    if name is not None:
        from .org_names import organisation

        org = organisation(ds, name)
        record = org_record(org.to_dict())
        _emit(out, record, lambda width: views.org(ds, org, width))
        return

    rows = [
        org_record(o.to_dict())
        for o in sorted(
            ds.organisations,
            key=lambda o: (o.joined or o.since or _first_term(o) or "9999", o.name),
        )
    ]
    _emit(out, rows, lambda width: views.orgs(rows, width))


# The questions `votes` answers, as a usage error names them.
_ASKED = {
    "country": N_("a country"),
    "rank": "--rank",
    "resolution": "--resolution",
    "peru": "--peru",
}


def votes(
    state: State,
    *,
    query: str | None,
    since: str | None,
    until: str | None,
    by: str,
    issue: str | None,
    important: bool,
    weighted: bool,
    rank: bool,
    top: int,
    min_votes: int,
    resolution: str | None,
    rcid: int | None,
    peru: bool,
    fmt: str | None,
    json_: bool,
    fields: str | None,
) -> None:
    from .spec import VOTES_FIELDS

    asked = [
        mode
        for mode, given in (
            ("country", query is not None),
            ("rank", rank),
            ("resolution", resolution is not None or rcid is not None),
            ("peru", peru),
        )
        if given
    ]
    if len(asked) != 1:
        raise UsageError(
            t(
                "votes answers one question: name a COUNTRY, or give --rank, --resolution "
                "(or --rcid) or --peru"
            )
            + (
                t("; got {asked}", asked=t(" and ").join(t(_ASKED[a]) for a in asked))
                if asked
                else ""
            )
        )
    mode = asked[0]
    if resolution is not None and rcid is not None:
        raise UsageError(t("--resolution and --rcid each choose a roll call; use one"))
    out = _output("votes", fmt, json_, fields, VOTES_FIELDS[mode])
    check_filters(since, until, None)
    from .bounds import check_limit

    if top < 1:
        raise UsageError(t("--top must be at least 1, not {n}", n=top))
    check_limit(min_votes, {**OPTION_NAMES, "limit": "--min-votes"})
    from . import views, votes_report
    from .store import load_votes

    data = load_votes()
    if mode == "resolution":
        rows = votes_report.roll_call(state.dataset(), data, resolution=resolution, rcid=rcid)
        _emit(out, rows, lambda width: views.roll_call(rows, width))
        return
    calls = data.calls(since, until, issue, important)
    if mode == "peru":
        rows = votes_report.peru(data, calls, by)
        _emit(out, rows, lambda width: views.peru_votes(rows, width))
        return
    ds = state.dataset()
    if mode == "rank":
        rows = votes_report.rank(ds, data, calls, top=top, min_votes=min_votes, weighted=weighted)
        window = (
            tn("{count} roll call", "{count} roll calls", len(calls), count=number(len(calls)))
            + (
                votes_report.window_words(since, until, issue, important)
                or t(" from 1946 to January 2020")
            )
            + t(
                "; states with at least {count} in common with Peru (Votes: how many each row "
                "rests on)",
                count=number(min_votes),
            )
        )
        _emit(out, rows, lambda width: views.vote_rank(rows, width, top, window))
        return
    assert query is not None
    voter = votes_report.voter(ds, data, query, lookup)
    from .formats import with_precision

    record = votes_report.agreement(
        ds, data, voter, calls, since=since, until=until, by=by, weighted=weighted
    )
    record = with_precision(record, "since", "until")  # the window, at the precision asked
    span = votes_report.important_span(data)
    if important and not calls and span is not None:
        note(
            t(
                "the voting data marks important votes only from {first} to {last};",
                first=span[0][:4],
                last=span[1][:4],
            )
            + votes_report.window_words(since, until)
            + t(" it marks none")
        )
    elif not record["overall"]["votes"]:
        note(
            t(
                "Peru and {name} voted on no roll call in common",
                name=the(in_language(record["name"], record["name_es"])),
            )
            + votes_report.window_words(since, until, issue, important)
        )
    _emit(out, record, lambda width: views.vote_agreement(record, width))


def compare(
    state: State,
    *,
    first: str,
    second: str,
    fmt: str | None,
    json_: bool,
    fields: str | None,
) -> None:
    from .spec import COMPARE_FIELDS

    out = _output("compare", fmt, json_, fields)
    ds = state.dataset()
    a, b = lookup(ds, first), lookup(ds, second)
    if a.code == b.code:
        raise UsageError(
            t("{first} and {second} name the same state; name two", first=quoted(first),
              second=quoted(second))
        )  # fmt: skip
    from . import compare as comparing

    asked = out.fields or list(COMPARE_FIELDS)
    data, voting = None, None
    if any(f in comparing.VOTE_FIELDS for f in asked):  # only then is the voting file read
        from .store import load_votes

        data = load_votes()
        voting = comparing.voters(data, (first, second), (a, b))
        for query, code, voter in zip((first, second), (a.code, b.code), voting, strict=True):
            if voter != code:  # a former state: its own votes, as `perurel votes` counts them
                from .i18n import country_name, in_language, the

                own = data.states[voter]
                note(t("{query}: UN agreement from {name}'s own votes ({id}), not {successor}'s",
                       query=quoted(query), id=voter, successor=country_name(ds, code),
                       name=the(in_language(own.name or voter, own.name_es))))  # fmt: skip
    if out.fmt == "table":
        shown = asked if "countries" in asked else ["countries", *asked]
        rec = comparing.record(ds, a, b, shown, data, voting)
        from . import layout

        show(comparing.card(rec, layout.width(), comparing.names(ds)))
        return
    rec = comparing.record(ds, a, b, asked, data, voting)
    from .formats import write

    if out.fmt in ("json", "jsonl"):
        terminal.write(write(rec, out.fmt, asked, whole=True))
        return
    terminal.write(write(comparing.rows(rec), out.fmt, ("field", "a", "b"), whole=True))


def anniversaries(
    state: State,
    *,
    on: str | None,
    month: str | None,
    year: str | None,
    fmt: str | None,
    json_: bool,
    fields: str | None,
) -> None:
    from . import anniversaries as days

    asked = days.window(on, month, year)
    out = _output("anniversaries", fmt, json_, fields)
    rows = days.find(state.dataset(), asked)
    _emit(out, rows, lambda width: days.view(rows, asked, width))


def validate(state: State, *, path: str | None) -> None:
    from .store import read_json, resolve_path
    from .validate import review

    target, _ = resolve_path(path if path is not None else state.data)
    raw = read_json(target)
    problems, warnings = review(raw)
    where = printable(target, 200)
    from .errors import visible

    for w in warnings:
        terminal.warn(t("warning: {warning}", warning=w))
    if problems:
        terminal.write(visible("".join(f"{p}\n" for p in problems)))
        raise DataError(tn("{n} problem in {path}", "{n} problems in {path}", len(problems),
                           path=where))  # fmt: skip
    counts = ", ".join(
        f"{len(raw[k])} {word('coverage', k)}"
        for k in ("countries", "events", "organisations", "sources")
    )
    terminal.write(
        t("ok: {path}: schema version {version}, {counts}", path=where,
          version=raw["schema_version"], counts=counts) + "\n"
    )  # fmt: skip


def map_(
    state: State,
    *,
    by: str,
    since: str | None,
    until: str | None,
    fmt: str | None,
    output: str | None,
) -> None:
    from . import map as world
    from .bounds import window
    from .store import load_votes, load_world

    world.check(by, since, until)
    window(since, until, OPTION_NAMES)
    chosen = fmt or ("html" if output and output.lower().endswith((".html", ".htm")) else "svg")
    ds, geo = state.dataset(), load_world()
    votes = load_votes() if world.needs_votes(by, since, until) else None
    text = world.render(ds, by, chosen, since, until, geo=geo, votes=votes)
    world.deliver(text, output, f"perurel-map-{by}.{chosen}")


def export(state: State, *, sqlite: str | None, force: bool) -> None:
    if not sqlite:
        raise UsageError(t("export needs --sqlite FILE: where to write the database"))
    from .export import check_target, write_sqlite

    check_target(sqlite, force=force)
    write_sqlite(state.dataset(), sqlite, force=force)


_BODIES: dict[str, Callable[..., None]] = {
    "country": country,
    "timeline": timeline,
    "countries": countries,
    "missions": missions,
    "search": search,
    "sources": sources,
    "stats": stats,
    "orgs": orgs,
    "votes": votes,
    "compare": compare,
    "anniversaries": anniversaries,
    "validate": validate,
    "map": map_,
    "export": export,
}
