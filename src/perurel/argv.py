"""The command line parsed against `spec`, without Typer: the path every answering command takes.

`help_topic` says whether a command line asks for help (which `helptext` renders from the same
spec). `parse` understands a plain, well-formed command line and returns what to run. Anything
else — completion, an unknown or repeated option, a missing value — returns None, and the Typer
app (built from the same `spec`) takes over: it completes and words those usage errors. Values
reach `commands.run` as typed, which converts numbers and choices (and splits lists) for both
paths, in perurel's words. So this parser never has to agree with Typer on an error, only on
what a valid command line means; `tests/test_argv.py` checks that it does.
"""

from __future__ import annotations

from collections.abc import Sequence

from .spec import AFTER, ALIASES, COMMANDS, GLOBAL, Param
from .tuples import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from typing import Any


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
    if rest and rest[0] in ALIASES:
        rest = [ALIASES[rest[0]], *rest[1:]]
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
        # numbers, choices and commas: commands.run, in perurel's words, for both paths alike
        if param.kind == "multi":
            values.setdefault(param.name, []).append(value)
        elif param.name in values:
            raise _Unsure  # a repeated single-value option
        else:
            values[param.name] = value
    return values, positional


HELP_FLAGS = ("-h", "--help")


def help_topic(args: Sequence[str]) -> str | None:
    """What a command line asks help on: '' for perurel, a command's name, or None when it does
    not ask for help, or asks in a way only the Typer app words (an unknown command; an unknown
    option, a flag given a value or an option left without one, which it reports as a usage
    error before any help, as Click parses the whole line first). A word that is an option's
    value (`--data --help`) asks for nothing. Before the command, help is perurel's, and the
    words after the command are not read (Click stops there)."""
    if not args:
        return ""
    if args[0] == "help":
        if len(args) == 1:
            return ""
        topic = ALIASES.get(args[1], args[1]) if len(args) == 2 else None
        return topic if topic in COMMANDS else None
    command: str | None = None
    known = {flag: p for p in GLOBAL for flag in p.flags}
    asked = False
    i = 0
    while i < len(args):
        word = args[i]
        i += 1
        if word == "--":
            return None
        if word in HELP_FLAGS:
            asked = True
        elif word.startswith("-") and word != "-":
            name, eq, _ = word.partition("=")
            param = known.get(name if name.startswith("--") else word)
            if param is None or (param.kind == "flag" and eq):
                return None  # Typer's usage error
            if param.kind != "flag" and not eq:
                if i >= len(args):
                    return None  # an option without its value
                i += 1
        elif command is None:
            if asked:
                return ""  # perurel's help: the command's words are not read
            word = ALIASES.get(word, word)
            if word not in COMMANDS:
                return None  # an unknown command: Typer says so
            command = word
            known = {flag: p for p in (*COMMANDS[word].params, *AFTER) for flag in p.flags}
    if not asked:
        return None
    return command or ""
