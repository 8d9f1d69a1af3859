"""The command line parsed against `spec`, without Typer: the path every answering command takes.

`parse` understands a plain, well-formed command line and returns what to run. Anything else —
`--help`, completion, an unknown or repeated option, a missing or ill-typed value, a choice that
is not one — returns None, and the Typer app (built from the same `spec`) takes over: it prints
help, completes, and words every usage error. So this parser never has to agree with Typer on an
error, only on what a valid command line means; `tests/test_argv.py` checks that it does.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, NamedTuple

from .spec import AFTER, COMMANDS, GLOBAL, Param, canonical


class Call(NamedTuple):
    """A parsed command line: the command, its values, and the global options."""

    command: str  # "" for `perurel --version`
    values: dict[str, Any]
    options: dict[str, Any]  # the global options given (spec.GLOBAL)


class _Unsure(Exception):
    """Not a plain command line: the Typer app should handle it."""


def parse(args: Sequence[str]) -> Call | None:
    """What a plain command line asks for, or None to hand it to the Typer app."""
    try:
        return _parse(list(args))
    except _Unsure:
        return None


def _parse(args: list[str]) -> Call:
    if not args:
        raise _Unsure  # bare `perurel` prints the help
    globals_, rest = _options(args, GLOBAL, stop_at_positional=True)
    if globals_.get("version"):
        if len(args) != 1:
            raise _Unsure
        return Call("", {}, {})
    if not rest or rest[0] not in COMMANDS:
        raise _Unsure
    command = COMMANDS[rest[0]]
    values, positional = _options(rest[1:], (*command.params, *AFTER), stop_at_positional=False)
    for p in AFTER:  # a global option after the command is the same option (the later counts)
        if p.name in values:
            globals_[p.name] = values.pop(p.name)
    arguments = [p for p in command.params if p.kind == "argument"]
    if arguments and arguments[-1].many and len(positional) >= len(arguments):
        cut = len(arguments) - 1
        positional = [*positional[:cut], " ".join(positional[cut:])]
    if len(positional) > len(arguments):
        raise _Unsure
    for param, word in zip(arguments, positional, strict=False):
        values[param.name] = word
    if any(p.required and p.name not in values for p in arguments):
        raise _Unsure
    return Call(command.name, values, globals_)


def _options(
    args: list[str], params: Sequence[Param], *, stop_at_positional: bool
) -> tuple[dict[str, Any], list[str]]:
    """Option values by parameter name, and the positional words (or, at the top level, the
    words from the command on)."""
    by_flag = {flag: p for p in params for flag in p.flags}
    values: dict[str, Any] = {}
    positional: list[str] = []
    i = 0
    while i < len(args):
        arg = args[i]
        if not arg.startswith("-") or arg == "-":
            if stop_at_positional:
                return values, args[i:]
            positional.append(arg)
            i += 1
            continue
        name, eq, inline = arg.partition("=")
        param = by_flag.get(name if name.startswith("--") else arg)
        if param is None:
            raise _Unsure  # --help, --, -rn, -n5, an unknown option
        if param.kind == "flag":
            if eq:
                raise _Unsure
            values[param.name] = True
            i += 1
            continue
        if eq:
            value = inline
            i += 1
        else:
            if i + 1 >= len(args) or args[i + 1].startswith("-"):
                raise _Unsure
            value = args[i + 1]
            i += 2
        if param.kind == "multi":  # commas and choices: commands.run, for both paths alike
            values.setdefault(param.name, []).append(value)
        elif param.name in values:
            raise _Unsure  # a repeated single-value option
        else:
            values[param.name] = _convert(param, value)
    return values, positional


def _convert(param: Param, value: str) -> Any:
    if param.type == "int":
        if not (value.isascii() and value.isdigit()) or len(value) > 18:
            raise _Unsure  # Typer words the error (and accepts '+5', ' 5', '٥' its own way)
        return int(value)
    if param.choices is not None:
        found = canonical(param, value)  # also a Spanish word: 'embajada' is embassy
        if found is None:
            raise _Unsure
        return found
    return value
