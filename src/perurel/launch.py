"""The `perurel` entry point. A well-formed command line is parsed by `argv` (against the one
declaration of the command line in `spec`) and answered by `commands` without importing Typer,
which alone costs several times the interpreter's start-up; help is rendered from the same
declaration (`helptext`). Shell completion and the usage errors only a parser can word go to
the Typer app in `cli`, built from the same declaration.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence


def fast(args: Sequence[str]) -> int | None:
    """Answer a well-formed command line and return its exit code, or None to hand over. All of
    it runs inside `terminal.guard`: nothing, not even parsing, ends in a traceback."""
    if any(k.startswith("_PERUREL_COMPLETE") for k in os.environ):
        return None  # shell completion is Typer's
    from .argv import help_topic
    from .i18n import use_args

    use_args(args)  # the language, before anything is said: errors and help are in it too
    asked = help_topic(args)
    if asked is not None:  # help is rendered from the spec, without Typer
        return show_help(asked or None)
    from .terminal import guard

    handed_over = False

    def answer() -> int:
        nonlocal handed_over
        from .argv import parse

        call = parse(args)
        if call is None:
            handed_over = True
            return 0
        if call.command == "":
            from .store import version_line

            sys.stdout.write(version_line() + "\n")
            return 0
        from .commands import State, run

        run(call.command, State(**call.options), call.values)
        return 0

    code = guard(answer)
    return None if handed_over else code


def show_help(command: str | None) -> int:
    """Print the help of a command (None: of perurel); a closed pipe is success."""
    from .helptext import render
    from .layout import width
    from .terminal import guard

    def write() -> None:
        sys.stdout.write(render(command, width()) + "\n")

    return guard(write)


def main() -> None:
    """Entry point of the `perurel` command."""
    if sys.stderr is None:  # stderr closed (2>&-): errors are lost, exit codes are not
        sys.stderr = open(os.devnull, "w")  # noqa: SIM115 - for the life of the process
    if sys.stdout is None:  # stdout closed (>&-): nothing can be answered
        from .errors import ExitCode
        from .i18n import t, use_args
        from .terminal import error

        use_args(sys.argv[1:])  # the language asked for (--lang or the environment), even here
        error(t("cannot write the output: standard output is closed"))
        sys.exit(ExitCode.OUTPUT)
    code = fast(sys.argv[1:])
    if code is not None:
        sys.exit(code)
    from .cli import app

    app()
