"""The `perurel` command: parse arguments, ask the query layer, hand the result to a renderer."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from typing import Annotated, Any

import click
import typer
from typer.core import TyperGroup

from . import __version__, actions
from .errors import DataError, ExitCode, UsageError, printable
from .model import EVENT_KINDS
from .output import error, guard, show


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

    def dataset(self) -> Any:
        from .store import load

        return load(self.data)


def _version(value: bool) -> None:
    if value:
        sys.stdout.write(f"perurel {__version__}\n")
        raise typer.Exit()


JsonOption = Annotated[
    bool, typer.Option("--json", help="Print JSON (for scripts) instead of a table.")
]


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


@app.command()
def country(
    ctx: typer.Context,
    query: Annotated[
        str,
        typer.Argument(
            help="A name (English or Spanish), ISO code, demonym or abbreviation; typos are forgiven."
        ),
    ],
    json_: JsonOption = False,
) -> None:
    """Peru's relations with one country: status, missions, events, sources.

    QUERY is a name in English or Spanish, an ISO code, a demonym or an abbreviation;
    typos are forgiven. When the match is not exact, stderr says which country was chosen.

    Examples:
      perurel country chile
      perurel country "EE.UU." --json | jq .relations
      perurel country KOR
    """
    ds = _state(ctx).dataset()
    if json_:
        sys.stdout.write(actions.country_json(ds, query))
        return
    from . import render

    render.console().print(render.country_card(ds, actions.resolve(ds, query)))


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
    json_: JsonOption = False,
) -> None:
    """Events in Peru's foreign relations, in date order, grouped by year.

    Examples:
      perurel timeline --since 1990
      perurel timeline --since 1999-06 --until 2001 --country chile
      perurel timeline --kind treaty --kind ruling --reverse --limit 5
      perurel timeline --since 2020 --json | jq '.[].title'
    """
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
    if json_:
        sys.stdout.write(actions.timeline_json(events))
        return
    from . import layout

    show(layout.timeline(events, layout.width()))


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

    Examples:
      perurel validate
      perurel validate my-relations.json
      PERUREL_DATA=my.json perurel validate
    """
    from .store import read_json, resolve_path
    from .validate import check

    target, _ = resolve_path(path if path is not None else _state(ctx).data)
    raw = read_json(target)
    problems = check(raw)
    where = printable(target, 200)
    if problems:
        sys.stdout.write("".join(f"{p}\n" for p in problems))
        noun = "problem" if len(problems) == 1 else "problems"
        raise DataError(f"{len(problems)} {noun} in {where}")
    counts = ", ".join(
        f"{len(raw[k])} {k}" for k in ("countries", "events", "organisations", "sources")
    )
    sys.stdout.write(f"ok: {where}: schema version {raw['schema_version']}, {counts}\n")


def main() -> None:
    """Run the Typer CLI (the `perurel` command enters through `perurel.launch.main`)."""
    app()
