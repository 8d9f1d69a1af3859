"""The `perurel` command: parse arguments, ask the query layer, hand the result to a renderer."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Annotated, Any, NamedTuple

import click
import typer
from typer.core import TyperGroup

from . import __version__, actions
from .errors import DataError, ExitCode, NotFound, PerurelError, UsageError, printable
from .formats import FORMATS, check_fields, flatten, parse_fields, select, write
from .model import EVENT_KINDS, STATUSES, TIERS
from .output import error, guard, show

if TYPE_CHECKING:
    from .layout import Line
    from .store import Dataset


def _run(invoke: Callable[[], Any]) -> int:
    """The guard of `output`, plus click's own usage errors, each as one line on stderr."""

    def clicked() -> Any:
        try:
            return invoke()
        except click.exceptions.NoArgsIsHelpError as exc:
            # Bare `perurel`: the help (Typer's rich help has already printed itself), success.
            text = exc.format_message()
            if text.strip():
                sys.stdout.write(text + "\n")
            return ExitCode.OK
        except click.UsageError as exc:
            where = exc.ctx.command_path if exc.ctx else "perurel"
            raise UsageError(
                f"{printable(exc.format_message(), 300)} (see '{where} --help')"
            ) from None
        except click.ClickException as exc:
            error(printable(exc.format_message(), 300))
            return exc.exit_code
        except click.Abort:
            raise KeyboardInterrupt from None

    return guard(clicked)


class PerurelGroup(TyperGroup):
    """Typer's group, with perurel's one-line errors and stable exit codes instead of click's."""

    def main(  # type: ignore[override]
        self,
        args: list[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        def invoke() -> Any:
            return super(PerurelGroup, self).main(
                args, prog_name or "perurel", complete_var, standalone_mode=False, **extra
            )

        code = _run(invoke)
        if standalone_mode:
            sys.exit(code)
        return code


app = typer.Typer(
    cls=PerurelGroup,
    name="perurel",
    epilog="Exit codes: 0 ok, 1 not found or ambiguous, 2 usage error, 3 dataset missing or invalid.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
    rich_markup_mode="rich",
)


class State:
    """What the global options chose, handed to each command through the click context."""

    def __init__(self, data: str | None) -> None:
        self.data = data

    def dataset(self) -> Dataset:
        from .store import load

        return load(self.data)


def _version(value: bool) -> None:
    if value:
        sys.stdout.write(f"perurel {__version__}\n")
        raise typer.Exit()


# The output options, defined once and shared by every command that prints records.
FormatOption = Annotated[
    str | None,
    typer.Option(
        "--format",
        "-f",
        click_type=click.Choice(FORMATS, case_sensitive=False),
        help="Output format: table (for people; the default), json, jsonl, csv, tsv or markdown.",
        show_default=False,
    ),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Short for --format json.")]
FieldsOption = Annotated[
    str | None,
    typer.Option(
        "--fields",
        metavar="A,B,...",
        help="Only these fields, in this order (a dotted name reaches inside: relations.status).",
    ),
]


class Output(NamedTuple):
    """The format and fields a command was asked for."""

    fmt: str
    fields: list[str] | None


def _output(fmt: str | None, as_json: bool, fields: str | None, available: list[str]) -> Output:
    """Check the output options before any data is read: usage errors come first."""
    if as_json and fmt not in (None, "json"):
        raise UsageError(f"--json and --format {fmt} ask for different formats; use one")
    chosen = "json" if as_json else (fmt or "table").lower()
    picked = parse_fields(fields) if fields is not None else None
    if picked is not None:
        check_fields(picked, available)
    return Output(chosen, picked)


def _emit(out: Output, records: Any, view: Callable[[int], list[Line]]) -> None:
    """Records in the chosen machine format, or for people `view(width)`; with --fields, people
    get a table of just those fields."""
    if out.fmt != "table":
        chosen = (
            select(records, out.fields)
            if isinstance(records, list)
            else select([records], out.fields)[0]
        )
        sys.stdout.write(write(chosen, out.fmt))
        return
    from . import layout

    if out.fields is None:
        show(view(layout.width()))
        return
    rows = [
        flatten(r) for r in select(records if isinstance(records, list) else [records], out.fields)
    ]
    show(
        layout.table(
            out.fields, [[row.get(f, "") for f in out.fields] for row in rows], layout.width()
        )
    )


def _complete_country(incomplete: str) -> list[tuple[str, str]]:
    """Shell completion for country arguments: codes and names that begin with what was typed
    (case and accents ignored), completed after the letters as typed."""
    from .match import normalize
    from .store import load

    try:
        ds = load()
    except PerurelError:
        return []
    typed = normalize(incomplete)
    out = set()
    for c in ds.countries.values():
        for name in (c.name, c.name_es, c.code):
            head = name[: len(incomplete)]
            if len(name) >= len(incomplete) and normalize(head) == typed:
                out.add((incomplete + name[len(incomplete) :], f"{c.name} ({c.code})"))
    return sorted(out)


@app.callback()
def _root(
    ctx: typer.Context,
    data: Annotated[
        str | None,
        typer.Option(
            "--data",
            metavar="PATH",
            help="Read another dataset instead of the bundled one (also: PERUREL_DATA).",
        ),
    ] = None,
    debug: Annotated[
        bool, typer.Option("--debug", help="Show the traceback of internal errors.")
    ] = False,
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Show the version and exit."
        ),
    ] = False,
) -> None:
    """Sourced facts on the foreign relations of Peru.

    Examples:
      perurel country chile
      perurel timeline --since 1990 --country chile
      perurel --data my.json country ecuador --json
    """
    if debug:
        os.environ["PERUREL_DEBUG"] = "1"
    ctx.obj = State(data)


def _state(ctx: typer.Context) -> State:
    obj = ctx.find_object(State)
    return obj if obj is not None else State(None)


COUNTRY_FIELDS = [
    "code", "iso3", "name", "name_es", "aliases", "region", "subregion", "relations", "missions",
    "summary", "summary_sources", "memberships", "representation", "events", "sources",
]  # fmt: skip


@app.command()
def country(
    ctx: typer.Context,
    query: Annotated[
        str,
        typer.Argument(
            help="A name (English or Spanish), ISO code, demonym or abbreviation; typos are forgiven.",
            autocompletion=_complete_country,
        ),
    ],
    fmt: FormatOption = None,
    json_: JsonOption = False,
    fields: FieldsOption = None,
) -> None:
    """Peru's relations with one country: status, missions, events, sources.

    QUERY is a name in English or Spanish, an ISO code, a demonym or an abbreviation;
    typos are forgiven. When the match is not exact, stderr says which country was chosen.

    Examples:
      perurel country chile
      perurel country "EE.UU." --json | jq .relations
      perurel country KOR --fields code,name,relations.status,relations.established --format csv
    """
    out = _output(fmt, json_, fields, COUNTRY_FIELDS)
    ds = _state(ctx).dataset()
    found = actions.resolve(ds, query)
    from .card import card
    from .formats import country_record

    _emit(out, country_record(ds, found), lambda size: card(ds, found, size))


@app.command()
def timeline(
    ctx: typer.Context,
    since: Annotated[
        str | None,
        typer.Option(
            "--since",
            metavar="DATE",
            help="From this date on, inclusive: YYYY, YYYY-MM or YYYY-MM-DD.",
        ),
    ] = None,
    until: Annotated[
        str | None,
        typer.Option(
            "--until",
            metavar="DATE",
            help="Up to this date, inclusive: YYYY, YYYY-MM or YYYY-MM-DD.",
        ),
    ] = None,
    countries: Annotated[
        list[str] | None,
        typer.Option(
            "--country",
            "-c",
            metavar="COUNTRY",
            help="Only events with this country (repeatable; matched like `country`).",
            autocompletion=_complete_country,
        ),
    ] = None,
    kinds: Annotated[
        list[str] | None,
        typer.Option(
            "--kind",
            "-k",
            click_type=click.Choice(EVENT_KINDS, case_sensitive=False),
            help="Only events of this kind (repeatable).",
        ),
    ] = None,
    limit: Annotated[
        int | None, typer.Option("--limit", "-n", metavar="N", help="Show at most N events.")
    ] = None,
    reverse: Annotated[bool, typer.Option("--reverse", "-r", help="Newest first.")] = False,
    fmt: FormatOption = None,
    json_: JsonOption = False,
    fields: FieldsOption = None,
) -> None:
    """Events in Peru's foreign relations, in date order, grouped by year.

    Examples:
      perurel timeline --since 1990
      perurel timeline --since 1999-06 --until 2001 --country chile
      perurel timeline --kind treaty --kind ruling --reverse --limit 5
      perurel timeline --since 2020 --json | jq '.[].title'
      perurel timeline --country ecuador --format csv --fields date,title
    """
    out = _output(fmt, json_, fields, EVENT_FIELDS)
    actions.check_filters(since, until, limit)
    ds = _state(ctx).dataset()
    events = actions.timeline_events(
        ds,
        since=since,
        until=until,
        countries=countries or (),
        kinds=kinds or (),
        limit=limit,
        reverse=reverse,
    )
    from . import views
    from .formats import event_records

    _emit(out, event_records(events), lambda size: views.timeline(events, size))


@app.command()
def validate(
    ctx: typer.Context,
    path: Annotated[
        str | None,
        typer.Argument(
            help="The dataset to check (default: --data, $PERUREL_DATA, or the bundled one).",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Check a dataset against the schema and the integrity rules, listing every problem.

    Each problem is printed on its own line with its JSON path, e.g.
    `events[12].date: '1999-13' is not a valid date`; the exit code is 3 if there is any.
    Warnings (an open mission last seen before 2015) go to stderr and do not fail the check.

    Examples:
      perurel validate
      perurel validate my-relations.json
      PERUREL_DATA=my.json perurel validate
    """
    from .store import read_json, resolve_path
    from .validate import review

    target, _ = resolve_path(path if path is not None else _state(ctx).data)
    raw = read_json(target)
    problems, warnings = review(raw)
    where = printable(target, 200)
    sys.stderr.write("".join(f"warning: {w}\n" for w in warnings))
    if problems:
        sys.stdout.write("".join(f"{p}\n" for p in problems))
        noun = "problem" if len(problems) == 1 else "problems"
        raise DataError(f"{len(problems)} {noun} in {where}")
    counts = ", ".join(
        f"{len(raw[k])} {k}" for k in ("countries", "events", "organisations", "sources")
    )
    sys.stdout.write(f"ok: {where}: schema version {raw['schema_version']}, {counts}\n")


EVENT_FIELDS = ["id", "date", "countries", "kind", "title", "summary", "sources"]
COUNTRY_ROW_FIELDS = [
    "code", "name", "name_es", "region", "subregion", "status", "established", "relations",
    "missions", "events",
]  # fmt: skip


@app.command()
def countries(
    ctx: typer.Context,
    region: Annotated[
        str | None,
        typer.Option(
            "--region",
            metavar="REGION",
            help="A region or subregion, e.g. Americas, 'South America'.",
        ),
    ] = None,
    status: Annotated[
        str | None,
        typer.Option(
            "--status",
            click_type=click.Choice(STATUSES, case_sensitive=False),
            help="Only this relations status.",
        ),
    ] = None,
    since: Annotated[
        str | None,
        typer.Option("--since", metavar="DATE", help="Relations established on or after DATE."),
    ] = None,
    until: Annotated[
        str | None,
        typer.Option("--until", metavar="DATE", help="Relations established on or before DATE."),
    ] = None,
    has_embassy: Annotated[
        bool,
        typer.Option(
            "--has-embassy", help="Only states with a working resident embassy either way."
        ),
    ] = False,
    sort: Annotated[
        str,
        typer.Option(
            "--sort",
            click_type=click.Choice(("name", "date", "events"), case_sensitive=False),
            help="Order by name, start date or number of events.",
        ),
    ] = "name",
    fmt: FormatOption = None,
    json_: JsonOption = False,
    fields: FieldsOption = None,
) -> None:
    """Every state, one row each: codes, names, region, relations status and start, counts.

    Examples:
      perurel countries --region "South America"
      perurel countries --status broken
      perurel countries --since 1990 --sort date
      perurel countries --has-embassy --format csv --fields code,name,established
    """
    out = _output(fmt, json_, fields, COUNTRY_ROW_FIELDS)
    actions.check_filters(since, until, None)
    ds = _state(ctx).dataset()
    from . import query

    found = query.countries(
        ds, region=region, status=status and status.lower(), since=since, until=until,
        embassy=has_embassy, sort=sort.lower(),
    )  # fmt: skip
    from . import views
    from .formats import country_row

    rows = [country_row(ds, c) for c in found]
    _emit(out, rows, lambda size: views.countries(rows, size))


SEARCH_FIELDS = ["kind", "id", "date", "countries", "title", "text", "score"]


@app.command()
def search(
    ctx: typer.Context,
    text: Annotated[str, typer.Argument(help="Words to look for; typos and accents are forgiven.")],
    limit: Annotated[
        int, typer.Option("--limit", "-n", metavar="N", help="Show at most N hits.")
    ] = 10,
    fmt: FormatOption = None,
    json_: JsonOption = False,
    fields: FieldsOption = None,
) -> None:
    """Full-text search over events, country notes and summaries, and organisations.

    Every word must match (a word also matches longer words it begins, and near misses);
    hits are ranked by how well they fit, then newest first.

    Examples:
      perurel search "maritime dispute"
      perurel search embasy --limit 5
      perurel search "Fujimori Chile" --json
    """
    out = _output(fmt, json_, fields, SEARCH_FIELDS)
    if limit < 0:
        raise UsageError(f"--limit must be zero or more, not {limit}")
    ds = _state(ctx).dataset()
    from . import views
    from .search import search as find

    rows = [h.to_dict() for h in find(ds, text, limit=limit)]
    _emit(out, rows, lambda size: views.hits(rows, size))


SOURCE_FIELDS = [
    "id", "title", "publisher", "date", "url", "tier", "found_in", "note", "cited", "cited_by",
]  # fmt: skip


@app.command()
def sources(
    ctx: typer.Context,
    source_id: Annotated[
        str | None,
        typer.Argument(
            metavar="[ID]",
            help="One source: show it and every fact that cites it.",
            show_default=False,
        ),
    ] = None,
    tier: Annotated[
        str | None,
        typer.Option(
            "--tier",
            click_type=click.Choice(TIERS, case_sensitive=False),
            help="Only sources of this tier: official (a government, the UN, an international "
            "organisation), scholarly, press, encyclopedia (mirrors included) or other.",
        ),
    ] = None,
    fmt: FormatOption = None,
    json_: JsonOption = False,
    fields: FieldsOption = None,
) -> None:
    """The bibliography: every source, its tier and how many facts cite it; or one source and
    its facts.

    Examples:
      perurel sources
      perurel sources --tier official --format csv --fields id,url,cited
      perurel sources seed-wikipedia-2010
    """
    out = _output(fmt, json_, fields, SOURCE_FIELDS)
    ds = _state(ctx).dataset()
    from . import query, views

    cites = query.citations(ds)
    if source_id is not None:
        src = ds.sources.get(source_id)
        if src is None:
            from .match import normalize

            near = [s for s in ds.sources if normalize(source_id) in normalize(s)][:5]
            hint = f"; did you mean {', '.join(near)}?" if near else ""
            raise NotFound(f"no source with id {printable(source_id)!r}{hint}")
        record = {
            **src.to_dict(),
            "cited": len(cites[src.id]),
            "cited_by": [c._asdict() for c in cites[src.id]],
        }

        _emit(out, record, lambda size: views.source(record, size))
        return
    rows = [
        {**s.to_dict(), "cited": len(cites.get(s.id, []))}
        for s in ds.sources.values()
        if tier is None or s.tier == tier.lower()
    ]

    _emit(out, rows, lambda size: views.sources(rows, size))


@app.command()
def stats(
    ctx: typer.Context,
    fmt: FormatOption = None,
    json_: JsonOption = False,
    fields: FieldsOption = None,
) -> None:
    """Coverage and shape of the data: states by status and region, events per decade.

    Examples:
      perurel stats
      perurel stats --json | jq .coverage
    """
    out = _output(fmt, json_, fields, STATS_FIELDS)
    ds = _state(ctx).dataset()
    from . import query, views

    numbers = query.stats(ds)
    _emit(out, numbers, lambda size: views.stats(numbers, size))


STATS_FIELDS = [
    "schema_version",
    "dataset_date",
    "coverage",
    "by_status",
    "by_region",
    "events_by_decade",
    "events_by_kind",
    "states_by_milestone_kind",
    "facts_by_tier",
]
ORG_FIELDS = [
    "id",
    "name",
    "name_es",
    "joined",
    "left",
    "role",
    "note",
    "periods",
    "members",
    "sources",
]


@app.command()
def orgs(
    ctx: typer.Context,
    fmt: FormatOption = None,
    json_: JsonOption = False,
    fields: FieldsOption = None,
) -> None:
    """International organisations Peru belongs or belonged to, with join and leave dates.

    Examples:
      perurel orgs
      perurel orgs --json | jq '.[] | select(.left == null) | .name'
    """
    out = _output(fmt, json_, fields, ORG_FIELDS)
    ds = _state(ctx).dataset()
    rows = [
        o.to_dict() for o in sorted(ds.organisations, key=lambda o: (o.joined or "9999", o.name))
    ]

    from . import views

    _emit(out, rows, lambda size: views.orgs(rows, size))


def main() -> None:
    """Run the Typer CLI (the `perurel` command enters through `perurel.launch.main`)."""
    app()
