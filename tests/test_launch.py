"""The fast path (`perurel.launch`) answers plain JSON queries without Typer: it must print exactly
what the Typer CLI prints, and hand everything else over."""

from __future__ import annotations

import subprocess
import sys

import pytest
from typer.testing import CliRunner

from perurel.cli import app
from perurel.launch import fast

from .conftest import FIXTURE

HANDLED = [
    ["--version"],
    ["country", "chile"],
    ["--data", str(FIXTURE), "country", "bulgaria"],
    ["country", "chile", "--json"],
    ["country", "--json", "chle"],
    ["country", "EE.UU.", "--json"],
    ["country", "korea", "--json"],
    ["country", "qqqqqqq", "--json"],
    ["country", "peru", "--json"],
    ["country", "", "--json"],
    ["--data", str(FIXTURE), "country", "bg", "--json"],
    [f"--data={FIXTURE}", "country", "chileno", "--json"],
    ["--data", "/nonexistent.json", "country", "chile", "--json"],
    ["country", "chile", "--json", "--format", "csv"],  # perurel's own usage error
    ["country", "a", "b", "--json"],
    ["country", "new", "zealand", "--json"],
    ["country", "relaciones", "con", "España"],
    ["country", "chile", "--fields", "code,relations.status", "--format", "csv"],
    ["country", "chile", "--fields", "nope"],
    ["timeline", "--json"],
    ["timeline", "--since", "1999-06", "--until", "2001", "--json"],
    ["timeline", "--since=1990", "--country", "chile", "-c", "bolivia", "--json"],
    ["timeline", "-k", "TREATY", "--kind", "ruling", "--reverse", "--json"],
    ["timeline", "--limit", "3", "-r", "--json"],
    ["timeline", "-n", "0", "--json"],
    ["timeline", "--since", "2090", "--json"],
    ["timeline", "--since", "1990-13", "--json"],
    ["timeline", "--since", "2000", "--until", "1990", "--json"],
    ["timeline", "--country", "korea", "--json"],
    ["timeline", "--kind", "party", "--json"],
    ["timeline", "--kind", "treaty,TRADE", "-k", "ruling", "--json"],
    ["timeline", "--kind", "agreements", "--since", "2000"],
    ["timeline"],
    ["timeline", "--since", "1999-06", "--until", "2001", "-c", "chile"],
    ["--data", str(FIXTURE), "timeline", "--reverse"],
    ["--data", str(FIXTURE), "countries", "--status", "ACTIVE", "--sort", "date", "--json"],
    ["--data", str(FIXTURE), "countries", "--region", "nowhere"],
    ["--data", str(FIXTURE), "countries", "--has-embassy", "--format", "csv"],
    ["--data", str(FIXTURE), "search", "war", "--json"],
    ["--data", str(FIXTURE), "search", "treaty", "-n", "1", "--format", "tsv"],
    ["--data", str(FIXTURE), "sources", "--json"],
    ["--data", str(FIXTURE), "sources", "ministry", "--format", "jsonl"],
    ["--data", str(FIXTURE), "sources", "--tier", "official", "--format", "csv"],
    ["--data", str(FIXTURE), "sources", "minstry"],
    ["--data", str(FIXTURE), "stats", "--json"],
    ["--data", str(FIXTURE), "stats"],
    ["--data", str(FIXTURE), "orgs", "--format", "markdown"],
    ["--data", str(FIXTURE), "validate"],
    ["validate", str(FIXTURE)],
    ["--debug", "country", "chile", "--json"],
    # global options after the command, lists with commas, several words for orgs
    ["country", "chile", "--lang", "es", "--no-pager"],
    ["country", "--data", str(FIXTURE), "bulgaria", "--debug"],
    ["--lang", "es", "country", "chile", "--no-pager", "--lang=en"],  # the later one counts
    ["timeline", "--country", "chile,bolivia", "--kind", "treaty", "--json"],
    ["--data", str(FIXTURE), "countries", "--region", "Europe,Americas", "--format", "csv"],
    ["--data", str(FIXTURE), "missions", "--kind", "embassy,CONSULATE", "-k", "office"],
    ["--data", str(FIXTURE), "missions", "--kind", "embassy,palace"],
    ["--data", str(FIXTURE), "countries", "--fields", "code", "--fields", "name,region"],
    ["orgs", "extra", "words"],
    ["orgs", "pacific", "alliance", "--json"],
    # values are checked in perurel's words on both paths
    ["timeline", "--limit", "many", "--json"],
    ["timeline", "--limit", "²", "--json"],  # a digit to str.isdigit, not to int()
    ["timeline", "--limit", "+5", "--json"],
    ["countries", "--status", "friendly"],
    ["stats", "--format", "yaml"],
    ["--lang", "fr", "stats"],
    # help, rendered from the spec on both paths
    ["--help"],
    ["-h"],
    ["country", "--help"],
    ["--data", str(FIXTURE), "timeline", "-k", "x", "--help"],
]

HANDED_OVER = [
    ["--version", "country"],
    ["country", "--json"],
    ["country", "chile", "--json=yes"],
    ["timeline", "--limit", "-1", "--json"],
    ["timeline", "-n5", "--json"],
    ["timeline", "-rn", "5"],
    ["timeline", "--since", "1990", "--since", "2000", "--json"],
    ["timeline", "--since", "--json"],
    ["timeline", "extra", "--json"],
    ["timeline", "--", "--json"],
    ["search"],
    ["--data"],
    ["country", "chile", "--version"],
    ["frobnicate"],
]


@pytest.mark.parametrize("args", HANDLED, ids=" ".join)
def test_fast_path_prints_what_the_cli_prints(
    args: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    code = fast(args)
    out, err = capsys.readouterr()
    assert code is not None
    result = CliRunner().invoke(app, args, env={"COLUMNS": "100", "NO_COLOR": "1"})
    assert (code, out, err) == (result.exit_code, result.stdout, result.stderr)


@pytest.mark.parametrize("args", HANDED_OVER, ids=" ".join)
def test_everything_else_goes_to_the_cli(
    args: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert fast(args) is None
    assert capsys.readouterr() == ("", "")


def _modules_after(*args: str) -> set[str]:
    code = (
        "import sys, runpy; sys.argv = ['perurel', *sys.argv[1:]]\n"
        "try:\n    runpy.run_module('perurel', run_name='__main__')\n"
        "except SystemExit:\n    pass\n"
        "sys.stderr.write(' '.join(sorted(sys.modules)))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, check=False
    )
    return set(out.stderr.split("\n")[-1].split())


def test_json_lookups_import_neither_typer_nor_rich_nor_rapidfuzz() -> None:
    loaded = _modules_after("country", "chile", "--json")
    assert "perurel.store" in loaded
    assert "perurel.helptext" not in loaded and "perurel.layout" not in loaded  # people's only
    assert not {m for m in loaded if m.split(".")[0] in ("typer", "click", "rich", "rapidfuzz")}


def test_alias_lookups_do_not_import_rapidfuzz() -> None:
    loaded = _modules_after("country", "EE.UU.", "--json")
    assert "rapidfuzz" not in loaded and "rich" not in loaded


def test_fuzzy_lookups_import_rapidfuzz_but_not_rich() -> None:
    loaded = _modules_after("country", "chle", "--json")
    assert "rapidfuzz" in loaded and "rich" not in loaded


def test_timeline_json_does_not_import_rich() -> None:
    loaded = _modules_after("timeline", "--since", "1990", "--json")
    assert not {m for m in loaded if m.split(".")[0] in ("typer", "rich", "rapidfuzz")}


def test_timeline_for_people_in_a_pipe_needs_no_rich() -> None:
    loaded = _modules_after("timeline", "--since", "1990")
    assert not {m for m in loaded if m.split(".")[0] in ("typer", "rich", "rapidfuzz")}


def test_forced_colour_goes_through_rich(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FORCE_COLOR", "1")
    monkeypatch.delenv("NO_COLOR", raising=False)
    assert fast(["--data", str(FIXTURE), "timeline"]) == 0
    out = capsys.readouterr().out
    assert "\x1b[1m" in out and "War begins" in out


@pytest.mark.parametrize("args", [["--help"], ["country", "--help"], ["help", "timeline"], []])
def test_help_into_a_closed_pipe_exits_0(args: list[str]) -> None:
    """`perurel --help | head -1` under `set -o pipefail`: a reader that went away is success, for
    help as for data. The reading end is closed before perurel writes anything."""
    process = subprocess.Popen(
        [sys.executable, "-m", "perurel", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()
    err = process.stderr.read()
    assert process.wait() == 0, err
    assert err == b""


def test_help_imports_neither_typer_nor_rich() -> None:
    for args in (["--help"], ["timeline", "--help"], ["help", "votes"], []):
        loaded = _modules_after(*args)
        assert "perurel.helptext" in loaded, args
        assert not {m for m in loaded if m.split(".")[0] in ("typer", "click", "rich")}, args
