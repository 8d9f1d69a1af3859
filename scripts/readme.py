"""Regenerate the README's command blocks from the code, or check that they are current.

A block is a fenced code block preceded by a marker naming what produces it:

    <!-- run: perurel country chile -->
    ```
    ...output...
    ```

`python scripts/readme.py` rewrites every block; `--check` exits 1 if any is stale (CI runs it).
Commands run in-process with a 100-column terminal and no colour, against the bundled dataset.
"""

from __future__ import annotations

import argparse
import contextlib
import difflib
import io
import os
import re
import shlex
import sys
from pathlib import Path

README = Path(__file__).resolve().parent.parent / "README.md"
BLOCK = re.compile(r"(<!-- run: (?P<cmd>.+?) -->\n```[a-z]*\n)(?P<body>.*?)(```)", re.S)
MAX_LINES = 60


def run(command: str) -> str:
    from typer.testing import CliRunner

    from perurel.cli import app

    argv = shlex.split(command)
    assert argv[0] == "perurel", command
    pipe = None
    if "|" in argv:
        at = argv.index("|")
        argv, pipe = argv[:at], argv[at + 1 :]
    result = CliRunner().invoke(
        app, argv[1:], env={"COLUMNS": "100", "NO_COLOR": "1", "TERM": "dumb"}
    )
    out = result.stdout
    if pipe == ["head"] or (pipe and pipe[0] == "head"):
        n = int(pipe[1].lstrip("-n")) if len(pipe) > 1 else 10
        out = "".join(out.splitlines(keepends=True)[:n])
    lines = [line.rstrip() for line in out.splitlines()]
    if len(lines) > MAX_LINES:
        lines = [*lines[:MAX_LINES], "…"]
    text = "\n".join(lines).strip("\n")
    if result.exit_code:
        text += ("\n" if text else "") + result.stderr.rstrip() + f"\n# exit {result.exit_code}"
    return text + "\n"


def render(text: str) -> str:
    return BLOCK.sub(lambda m: m[1] + run(m["cmd"]) + m[4], text)


def main() -> int:
    ap = argparse.ArgumentParser(description="Regenerate README command blocks.")
    ap.add_argument("--check", action="store_true", help="fail if the README is stale")
    args = ap.parse_args()
    os.environ.pop("PERUREL_DATA", None)
    current = README.read_text(encoding="utf-8")
    with contextlib.redirect_stderr(io.StringIO()):
        fresh = render(current)
    if args.check:
        if fresh != current:
            sys.stdout.writelines(
                difflib.unified_diff(
                    current.splitlines(True), fresh.splitlines(True), "README.md", "generated"
                )
            )
            print("README.md is stale: run python scripts/readme.py", file=sys.stderr)
            return 1
        return 0
    README.write_text(fresh, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
