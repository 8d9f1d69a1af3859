"""The `perurel` entry point. The commands run most often — `country QUERY`, `timeline …`
and `--version` — are answered here without importing Typer (which alone costs several times the
interpreter's start-up); everything else, and anything this parser does not fully understand,
goes to the Typer CLI in `cli`, which also produces every usage error.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

_TIMELINE_VALUES = {
    "--since": "since",
    "--until": "until",
    "--country": "countries",
    "-c": "countries",
    "--kind": "kinds",
    "-k": "kinds",
    "--limit": "limit",
    "-n": "limit",
}


class _Unsure(Exception):
    """The arguments are not a plain JSON query: let the full CLI handle them."""


def _split(args: Sequence[str]) -> tuple[str | None, str, list[str]]:
    """(--data value, command, the command's arguments)."""
    data = None
    rest = list(args)
    while rest and rest[0].startswith("--data"):
        head = rest.pop(0)
        if head == "--data" and rest:
            data = rest.pop(0)
        elif head.startswith("--data="):
            data = head[len("--data=") :]
        else:
            raise _Unsure
    if not rest:
        raise _Unsure
    return data, rest[0], rest[1:]


def _options(args: list[str]) -> tuple[list[str], dict[str, list[str]], set[str]]:
    """Positional words, option values and flags; `--opt=value` is accepted as click does."""
    positional: list[str] = []
    values: dict[str, list[str]] = {}
    flags: set[str] = set()
    i = 0
    while i < len(args):
        arg = args[i]
        name, eq, inline = arg.partition("=")
        if arg in ("--json", "--reverse", "-r"):
            flags.add("reverse" if arg in ("--reverse", "-r") else "json")
        elif name in _TIMELINE_VALUES and arg.startswith("--") and eq:
            values.setdefault(_TIMELINE_VALUES[name], []).append(inline)
        elif arg in _TIMELINE_VALUES:
            if i + 1 >= len(args):
                raise _Unsure
            values.setdefault(_TIMELINE_VALUES[arg], []).append(args[i + 1])
            i += 1
        elif arg.startswith("-"):
            raise _Unsure  # --help, --format, -x…: the full CLI knows
        else:
            positional.append(arg)
        i += 1
    return positional, values, flags


def fast(args: Sequence[str]) -> int | None:
    """Answer a plain query and return its exit code, or None to hand over to the CLI."""
    if list(args) == ["--version"]:
        from . import __version__

        sys.stdout.write(f"perurel {__version__}\n")
        return 0
    try:
        data, command, rest = _split(args)
        positional, values, flags = _options(rest)
    except _Unsure:
        return None
    if command == "country":
        if values or "reverse" in flags or len(positional) != 1:
            return None
        return _country(data, positional[0], as_json="json" in flags)
    if command == "timeline":
        if positional or any(
            len(v) > 1 for k, v in values.items() if k in ("since", "until", "limit")
        ):
            return None
        limit = values.get("limit", [None])[0]
        if limit is not None and not (limit.isascii() and limit.isdigit()):
            return None  # the CLI words the usage error
        from .model import EVENT_KINDS

        kinds = values.get("kinds", [])
        if any(k.lower() not in EVENT_KINDS for k in kinds):
            return None
        return _timeline(
            data,
            since=values.get("since", [None])[0],
            until=values.get("until", [None])[0],
            countries=values.get("countries", []),
            kinds=kinds,
            limit=int(limit) if limit is not None else None,
            reverse="reverse" in flags,
            as_json="json" in flags,
        )
    return None


def _country(data: str | None, query: str, *, as_json: bool) -> int:
    from . import actions
    from .output import guard
    from .store import load

    def run() -> None:
        ds = load(data)
        if as_json:
            sys.stdout.write(actions.country_json(ds, query))
            return
        from . import layout
        from .card import card
        from .output import show

        show(card(ds, actions.resolve(ds, query), layout.width()))

    return guard(run)


def _timeline(
    data: str | None,
    *,
    since: str | None,
    until: str | None,
    countries: list[str],
    kinds: list[str],
    limit: int | None,
    reverse: bool,
    as_json: bool,
) -> int | None:
    from . import actions
    from .errors import UsageError
    from .output import guard
    from .store import load

    try:
        actions.check_filters(since, until, limit)
    except UsageError:
        return None  # the CLI reports it, exactly as for any other usage error

    def run() -> None:
        events = actions.timeline_events(
            load(data),
            since=since,
            until=until,
            countries=countries,
            kinds=kinds,
            limit=limit,
            reverse=reverse,
        )
        if as_json:
            sys.stdout.write(actions.timeline_json(events))
        else:
            from . import layout, views
            from .output import show

            show(views.timeline(events, layout.width()))

    return guard(run)


def main() -> None:
    """Entry point of the `perurel` command."""
    code = fast(sys.argv[1:])
    if code is not None:
        sys.exit(code)
    from .cli import app

    app()
