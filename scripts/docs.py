"""Generate the command-line reference, docs/cli.md, from the declaration in perurel.spec — or
check that it is current (CI runs `python scripts/docs.py --check`).

Every command's usage, description, arguments and options come from `spec` (not from Typer's
help screen, which changes with Typer's version), and each example runs in-process through the
same path as the `perurel` command, on the small test dataset `tests/fixtures/mini.json`: a
change to the bundled data never makes these docs stale.
"""

from __future__ import annotations

import argparse
import contextlib
import difflib
import io
import os
import shlex
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "cli.md"
FIXTURE = "tests/fixtures/mini.json"

# One or two examples per command, run on the fixture dataset.
EXAMPLES = {
    "country": ["country chile", "country chileno --json --fields code,name,relations.status"],
    "timeline": [
        "timeline --since 1920",
        "timeline --kind treaty --format csv --fields date,title",
    ],
    "countries": ["countries", "countries --status active --sort date --format markdown"],
    "missions": [
        "missions",
        "missions --from peru --state open --format csv --fields host,kind,city,as_of",
    ],
    "search": ["search war --format tsv"],
    "sources": ["sources", "sources ministry --json"],
    "stats": ["stats --json --fields coverage"],
    "orgs": ["orgs --fields id,name,joined --format csv", 'orgs "naciones unidas"'],
    "votes": ["votes chile --by decade", "votes --rank --min-votes 10 --top 3 --format csv"],
    "compare": [
        "compare chile ecuador",
        "compare chile ecuador --format csv --fields status,established",
    ],
    "anniversaries": [
        "anniversaries --month 2029-04",
        "anniversaries --month 2029-06 --format csv --fields date,years,title",
    ],
    "validate": ["validate"],
    "map": ["map --by status | head -3", "map --by missions --since 2000"],
    "export": ["export --sqlite perurel.db"],
}
# `votes` reads the tests' small extract of the voting data.
VOTES_FIXTURE = "tests/fixtures/mini-votes.json.gz"


def run(line: str) -> str:
    """`perurel --data FIXTURE <line>` as a person sees it (100 columns, no colour). A trailing
    `| head -N` keeps N lines; a command that writes files runs in a scratch folder."""
    from perurel.launch import fast

    line, _, keep = line.partition(" | head -")
    writes = "--sqlite" in line or " -o " in line
    args = ["--data", str(ROOT / FIXTURE) if writes else FIXTURE, *shlex.split(line)]
    out, err = io.StringIO(), io.StringIO()
    with contextlib.ExitStack() as stack:
        if writes:
            stack.enter_context(
                contextlib.chdir(stack.enter_context(tempfile.TemporaryDirectory()))
            )
        stack.enter_context(contextlib.redirect_stdout(out))
        stack.enter_context(contextlib.redirect_stderr(err))
        code = fast(args)
    if code is None:
        raise SystemExit(f"docs.py: the example {line!r} is not a well-formed command line")
    text = out.getvalue().rstrip()
    if keep:
        text = "\n".join(text.splitlines()[: int(keep)])
    if err.getvalue():
        text += ("\n" if text else "") + "\n".join(
            f"(stderr) {e}" for e in err.getvalue().splitlines()
        )
    if code:
        text += f"\n(exit {code})"
    return text


def synopsis(cmd: object) -> str:
    from perurel.spec import Command

    assert isinstance(cmd, Command)
    words = ["perurel", cmd.name]
    for p in cmd.params:
        if p.kind == "argument":
            name = (p.metavar or p.name.upper()).strip("[]")
            words.append(name if p.required else f"[{name}]")
    if any(p.kind != "argument" for p in cmd.params):
        words.append("[OPTIONS]")
    return " ".join(words)


def option_rows(params: tuple[object, ...]) -> list[str]:
    from perurel.spec import Param

    rows = ["| argument or option | value | what it does |", "|---|---|---|"]
    for p in params:
        assert isinstance(p, Param)
        if p.kind == "argument":
            name = f"`{(p.metavar or p.name.upper()).strip('[]')}`" + (
                "" if p.required else " (optional)"
            )
            value = "text"
        else:
            name = ", ".join(f"`{f}`" for f in p.flags)
            if p.kind == "flag":
                value = "—"
            elif p.choices:
                value = " \\| ".join(p.choices)
            else:
                value = p.metavar or ("N" if p.type == "int" else "TEXT")
            if p.kind == "multi":
                value += " (repeatable)"
            if p.default not in (None, False):
                value += f" (default {p.default})"
        text = p.help.replace("|", "\\|")
        rows.append(f"| {name} | {value} | {text} |")
    return rows


def render() -> str:
    from perurel.fields import describe
    from perurel.spec import APP_HELP, COMMANDS, EPILOG, GLOBAL

    os.environ.update(
        {"COLUMNS": "100", "NO_COLOR": "1", "TERM": "dumb", "PERUREL_VOTES": VOTES_FIXTURE}
    )
    for key in ("PERUREL_DATA", "FORCE_COLOR"):
        os.environ.pop(key, None)
    lines = [
        "# Command-line reference",
        "",
        "<!-- Generated by scripts/docs.py from perurel/spec.py; do not edit by hand. -->",
        "",
        APP_HELP.split("\n", 1)[0],
        "",
        "Global options go before or after the command (`perurel country chile --lang es`); "
        "`--version` stands alone:",
        "",
        *option_rows(GLOBAL),
        "",
        EPILOG,
        "",
        f"The examples below run on the small test dataset (`perurel --data {FIXTURE} …`), so",
        "their output shows the shape of what each command prints, not the bundled data; `votes`",
        f"reads a 60-roll-call extract of the voting data (`PERUREL_VOTES={VOTES_FIXTURE}`).",
        "",
    ]
    for cmd in COMMANDS.values():
        summary, _, rest = cmd.doc.partition("\n")
        lines += [f"## `{synopsis(cmd)}`", "", summary, ""]
        body = rest.strip().split("Examples:")[0].strip()
        if body:
            lines += [body, ""]
        lines += [*option_rows(cmd.params), ""]
        if cmd.fields:
            lines += ["Fields for `--fields` (also `--fields help`):", "", "```"]
            lines += describe(cmd.name).splitlines()[1:]
            lines += ["```", ""]
        for example in EXAMPLES[cmd.name]:
            lines += [f"```console\n$ perurel {example}\n{run(example)}\n```", ""]
    return "\n".join(lines).rstrip() + "\n"


def main() -> int:
    ap = argparse.ArgumentParser(description="Generate docs/cli.md from perurel.spec.")
    ap.add_argument("--check", action="store_true", help="fail if docs/cli.md is stale")
    args = ap.parse_args()
    os.chdir(ROOT)
    fresh = render()
    current = OUT.read_text(encoding="utf-8") if OUT.exists() else ""
    if args.check:
        if fresh != current:
            sys.stdout.writelines(
                difflib.unified_diff(
                    current.splitlines(True), fresh.splitlines(True), str(OUT), "generated"
                )
            )
            print("docs/cli.md is stale: run python scripts/docs.py", file=sys.stderr)
            return 1
        return 0
    OUT.write_text(fresh, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
