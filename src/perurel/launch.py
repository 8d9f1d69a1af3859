"""The `perurel` entry point. A well-formed command line is parsed by `argv` (against the one
declaration of the command line in `spec`) and answered by `commands` without importing Typer,
which alone costs several times the interpreter's start-up. Help, shell completion and every
usage error go to the Typer app in `cli`, built from the same declaration.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence


def fast(args: Sequence[str]) -> int | None:
    """Answer a well-formed command line and return its exit code, or None to hand over."""
    if any(k.startswith("_PERUREL_COMPLETE") for k in os.environ):
        return None  # shell completion is Typer's
    from .argv import parse

    call = parse(args)
    if call is None:
        return None
    if call.command == "":
        from .store import version_line

        sys.stdout.write(version_line() + "\n")
        return 0
    from .commands import State, run
    from .terminal import guard

    return guard(lambda: run(call.command, State(**call.options), call.values))


def main() -> None:
    """Entry point of the `perurel` command."""
    code = fast(sys.argv[1:])
    if code is not None:
        sys.exit(code)
    from .cli import app

    app()
