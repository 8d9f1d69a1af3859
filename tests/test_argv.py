"""One command-line contract: the fast parser (`argv`) and the Typer app (`cli`) are both built
from `spec`, and for every command line the fast path answers, it must print exactly what the
Typer app prints. Command lines are generated from the spec's own vocabulary."""

from __future__ import annotations

import contextlib
import inspect
import tempfile

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from perurel import commands
from perurel.argv import parse
from perurel.cli import app
from perurel.launch import fast
from perurel.spec import COMMANDS, GLOBAL, Param

from .conftest import FIXTURE

WORDS = ["chile", "chle", "EE.UU.", "korea", "bulgaria", "", "war", "treaty", "ministry", "seed"]
DATES = ["1990", "1999-06", "2001", "2090", "1990-13", "", "abc", "1879-04-05"]


def _value(p: Param) -> st.SearchStrategy[str]:
    if p.type == "int":
        return st.sampled_from(["0", "3", "10", "007", "-1", "many", "²", " 5", "+5"])
    if p.choices is not None and p.kind == "multi":  # commas and repeats alike
        one = st.sampled_from([*p.choices, *(c.upper() for c in p.choices), "nope"])
        return st.lists(one, min_size=1, max_size=3).map(",".join)
    if p.choices is not None:
        return st.sampled_from([*p.choices, *(c.upper() for c in p.choices), "nope"])
    if p.name == "fields":
        return st.sampled_from(["code", "code,name", "date,title", "nope", "relations.status"])
    if p.name in ("since", "until"):
        return st.sampled_from(DATES)
    if p.name == "region":
        return st.sampled_from(["Americas", "south america", "nowhere", "Europe,Americas"])
    if p.name == "countries":
        return st.sampled_from(["chile", "chle", "bulgaria", "chile,bulgaria", "nope"])
    if p.name == "kinds":
        return st.sampled_from(["treaty", "war,ruling", "TREATY", "agreements", "nope"])
    return st.sampled_from(WORDS)


@st.composite
def command_lines(draw: st.DrawFn) -> list[str]:
    cmd = COMMANDS[draw(st.sampled_from(sorted(COMMANDS)))]
    words: list[str] = []
    for p in cmd.params:
        if p.kind == "argument":
            if p.required or draw(st.booleans()):
                words.append(draw(_value(p)))
            continue
        for _ in range(draw(st.integers(0, 2 if p.kind == "multi" else 1))):
            flag = draw(st.sampled_from(p.flags))
            if p.kind == "flag":
                words.append(flag)
            elif draw(st.booleans()) and flag.startswith("--"):
                words.append(f"{flag}={draw(_value(p))}")
            else:
                words += [flag, draw(_value(p))]
    # global options may also follow the command; --data goes before or after it
    before, after = (
        (["--data", str(FIXTURE)], []) if draw(st.booleans()) else ([], ["--data", str(FIXTURE)])
    )
    for extra in (
        ["--lang", draw(st.sampled_from(["es", "EN", "fr"]))],
        ["--no-pager"],
        ["--debug"],
    ):
        if draw(st.integers(0, 3)) == 0:
            (before if draw(st.booleans()) else after).extend(extra)
    words = [*words, *after]
    words = draw(st.permutations(words)) if draw(st.booleans()) else words
    noise = draw(st.sampled_from([[], [], [], ["--help"], ["extra"], ["--bogus"], ["-x"]]))
    return [*before, cmd.name, *words, *noise]


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(args=command_lines())
def test_both_paths_answer_alike(args: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    # Each path runs in a folder of its own: `map -o` and `export` write files there.
    with tempfile.TemporaryDirectory() as here, contextlib.chdir(here):
        code = fast(args)
    out, err = capsys.readouterr()
    if code is None:
        return  # help, completion and usage errors are the Typer app's alone
    with tempfile.TemporaryDirectory() as here, contextlib.chdir(here):
        result = CliRunner().invoke(app, args, env={"COLUMNS": "100", "NO_COLOR": "1"})
    assert (code, out, err) == (result.exit_code, result.stdout, result.stderr), args


def test_the_fast_path_answers_every_command() -> None:
    for name, cmd in COMMANDS.items():
        words = [name] + [
            "chile" if p.name in ("query", "text") else str(FIXTURE)
            for p in cmd.params
            if p.kind == "argument" and (p.required or p.name == "path")
        ]
        assert parse(words) is not None, words


def test_spec_and_bodies_agree() -> None:
    """Every declared parameter is a keyword of its command's body, and nothing else is."""
    for name, cmd in COMMANDS.items():
        body = inspect.signature(commands._BODIES[name])
        keywords = [p for p in body.parameters if p != "state"]
        assert keywords == [p.name for p in cmd.params], name


def test_global_options_are_declared_once() -> None:
    flags = [f for p in GLOBAL for f in p.flags]
    assert flags == ["--data", "--debug", "--lang", "--no-pager", "--version"]
    for cmd in COMMANDS.values():
        assert not set(flags) & {f for p in cmd.params for f in p.flags}


@pytest.mark.parametrize(
    "args",
    [
        # help with a usage error on the same line: Click parses the whole line first
        ["votes", "chile", "--top", "--data", "-1", "--help"],
        ["votes", "chile", "--help", "--bogus"],
        ["timeline", "--help", "--since"],
        ["country", "chile", "--json=yes", "--help"],
        ["--bogus", "--help"],
        # help that wins: over extra words, a bad value, or a command named after it
        ["country", "chile", "extra", "words", "--help"],
        ["votes", "chile", "--top", "many", "--help"],
        ["--help", "country", "--bogus"],
        ["--lang", "es", "--help", "timeline"],
        ["--data", "--help"],
    ],
)
def test_help_and_usage_errors_as_typer_words_them(
    args: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    """Where a line asks for help, the fast path gives the same answer as Typer: the help, or
    the usage error Click finds first."""
    with tempfile.TemporaryDirectory() as here, contextlib.chdir(here):
        code = fast(args)
    out, err = capsys.readouterr()
    result = CliRunner().invoke(app, args, env={"COLUMNS": "100", "NO_COLOR": "1"})
    if code is None:  # left to Typer, which words the usage error (exit 2), not help
        assert result.exit_code == 2 and result.stdout == "", (args, result.output)
        return
    assert (code, out, err) == (result.exit_code, result.stdout, result.stderr), args
