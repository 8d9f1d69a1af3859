"""The command line through the real entry point, in-process: output, stderr and exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from perurel import __version__
from perurel.spec import COMMANDS

from .conftest import Invoke, Run

CHILE_CARD = """\
Chile
CL / CHL · Americas › South America
Relations: active (as of 2024) [1]
Established 1822 [1]

Fixture note.

A fixture summary. [2]

Missions
Peru → Chile  embassy  Santiago (as of 2023)  [1]
Chile → Peru  embassy  Lima (as of 2023)      [2]

Memberships shared with Peru
United Nations [1]

Representation, 1960–1975
Correlates of War snapshots (about every five years, ending in 1975): the level at which Chile was
represented in Lima and Peru in Chile, each time it changed. [3]
Year  Chile in Peru  Peru in Chile
1960  other          other
1965  minister       minister
1970  ambassador     ambassador

Events (3)
1879-04-05  dispute    War begins        [1]
1929-06-03  treaty     Treaty signed     [2]
1999        agreement  Three agreements  [2]

Sources
[1] Bilateral relations — Ministry of Foreign Affairs · official
    https://example.org/relations (ministry)
[2] Seed article — Example Encyclopedia, 2010 · encyclopedia
    https://mirror.example.net/seed (seed)
[3] Bayer, Reşat: Diplomatic Exchange — Example project, 2006 · scholarly
    (cow)
[4] Country names — Example names project · other
    (names)
"""


def test_version(run: Run) -> None:
    result = run("--version")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith(f"perurel {__version__} (bundled dataset revised 20")
    assert result.stdout.endswith(", schema 2)\n")


@pytest.mark.parametrize("name", list(COMMANDS))
def test_help_command_explains_every_command(run: Run, name: str) -> None:
    result = run("help", name)
    assert result.exit_code == 0, result.output
    assert f"perurel {name}" in result.stdout
    summary = COMMANDS[name].doc.splitlines()[0]
    assert " ".join(summary.split()) in " ".join(result.stdout.split())


def test_help_knows_every_command_and_no_other(run: Run) -> None:
    import typer

    from perurel.cli import app

    group = typer.main.get_command(app)
    from perurel.spec import ALIASES

    # every command, and each alias (hidden from the list) as its own name for one of them
    assert set(group.commands) - {"help"} == set(COMMANDS) | set(ALIASES)  # type: ignore[attr-defined]
    assert all(group.commands[a].hidden for a in ALIASES)  # type: ignore[attr-defined]
    listing = run("help")
    assert listing.exit_code == 0, listing.output
    for name in COMMANDS:
        assert f" {name} " in listing.stdout, name
    wrong = run("help", "nope")
    assert wrong.exit_code == 2 and "no command 'nope'" in wrong.stderr


def test_bare_command_shows_help(run: Run) -> None:
    result = run()
    assert result.exit_code == 0, result.output
    assert "Usage: perurel" in result.stdout and "country" in result.stdout


def test_country_card(run_mini: Invoke) -> None:
    result = run_mini("country", "chile", "--full")
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    assert "Relations: active (as of 2024) [1]\nEstablished 1822 [1]\n" in result.stdout
    assert "Peru → Chile  embassy  Santiago (as of 2023)  [1]" in result.stdout
    assert "[1] Bilateral relations — Ministry of Foreign Affairs" in result.stdout
    assert "Memberships shared with Peru\nUnited Nations [1]" in result.stdout
    assert "1965  minister       minister" in result.stdout
    assert result.stdout == CHILE_CARD


def test_card_shows_accreditation_and_empty_events(run_mini: Invoke) -> None:
    result = run_mini("country", "BG")
    assert result.exit_code == 0, result.output
    assert "Bulgaria → Peru  accredited from  Brasília, Brazil" in result.stdout
    assert "Events" not in result.stdout  # no empty section, no "Events (0 of 0)"


def test_country_json(run_mini: Invoke) -> None:
    result = run_mini("country", "CHL", "--json")
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    assert doc["code"] == "CL" and doc["name_es"] == "Chile"
    assert doc["relations"] == {
        "status": "active",
        "as_of": "2024",
        "as_of_precision": "year",  # each partial date's precision beside it
        "established": "1822",
        "established_precision": "year",
        "first": {"kind": "established", "date": "1822", "date_precision": "year"},
        "history": [
            {
                "kind": "established",
                "date": "1822",
                "date_precision": "year",
                # every field of a milestone, empty where the record has none
                "by": None,
                "counterpart": None,
                "counterpart_es": None,
                "event": None,
                "note": None,
                "note_es": None,
                "alternatives": [],
                "sources": ["ministry"],
            }
        ],
        "note": "Fixture note.",
        "note_es": "Nota de prueba.",
        "sources": ["ministry"],
    }
    assert doc["missions"][0] == {
        "owner": "PE",
        "host": "CL",
        "kind": "embassy",
        "city": "Santiago",
        "accredited_from": None,
        "state": "open",
        "closed": None,
        "closed_precision": None,
        "as_of": "2023",
        "as_of_precision": "year",
        "events": [],
        "note": None,
        "sources": ["ministry"],
    }
    assert [e["id"] for e in doc["events"]] == [
        "1879-04-05-war",
        "1929-06-03-treaty",
        "1999-agreements",
    ]
    assert set(doc["events"][0]) == {
        "id",
        "date",
        "date_precision",
        "countries",
        "kind",
        "title",
        "title_es",
        "summary",
        "summary_es",
        "sources",
    }
    assert [s["id"] for s in doc["sources"]] == ["ministry", "seed", "cow", "names"]
    assert doc["memberships"] == [
        {
            "id": "un",
            "name": "United Nations",
            "joined": "1945-10-31",
            "joined_precision": "day",
            "left": None,
            "left_precision": None,
        }
    ]
    assert doc["representation"][1] == {"year": 1965, "in_peru": "minister", "by_peru": "minister"}
    assert doc["sources"][0]["url"] == "https://example.org/relations"


def test_json_is_not_rich_markup(run_mini: Invoke) -> None:
    result = run_mini("country", "chile", "--json", env={"FORCE_COLOR": "1"})
    assert "\x1b[" not in result.stdout
    json.loads(result.stdout)


def test_inexact_match_is_reported_on_stderr(run_mini: Invoke) -> None:
    result = run_mini("country", "chle", "--json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["code"] == "CL"
    assert result.stderr == "perurel: 'chle' → Chile (CL), closest match 'Chile'\n"
    alias = run_mini("country", "chileno", "--json")
    assert alias.stderr == "perurel: 'chileno' → Chile (CL), alias 'chileno'\n"


@pytest.mark.parametrize(
    ("args", "code", "stderr"),
    [
        (
            ["country", "korea"],
            1,
            "perurel: error: 'korea' fits several countries: North Korea (KP), South Korea (KR); be more specific\n",
        ),
        (["country", "qqqqqqq"], 1, "perurel: error: no country matches 'qqqqqqq'\n"),
        (
            ["country", "peru"],
            1,
            "perurel: error: 'peru' is Peru itself: perurel describes Peru's relations with other countries (try 'perurel country chile' or 'perurel timeline')\n",
        ),
        (
            ["timeline", "--since", "1990-13"],
            2,
            "perurel: error: invalid value for --since: '1990-13' is not a valid date: month 13 does not exist\n",
        ),
        (
            ["timeline", "--until", "1990-02-30"],
            2,
            "perurel: error: invalid value for --until: '1990-02-30' is not a valid date: 1990-02 has no day 30\n",
        ),
        (
            ["timeline", "--since", "2000", "--until", "1990"],
            2,
            "perurel: error: --since 2000 is after --until 1990\n",
        ),
        (
            ["timeline", "--country", "korea"],
            1,
            "perurel: error: 'korea' fits several countries: North Korea (KP), South Korea (KR); be more specific\n",
        ),
    ],
)
def test_errors_are_one_line_with_stable_codes(
    run_mini: Invoke, args: list[str], code: int, stderr: str
) -> None:
    result = run_mini(*args)
    assert result.exit_code == code, result.output
    assert result.stdout == ""
    assert result.stderr == stderr


@pytest.mark.parametrize(
    ("query", "stderr"),
    [
        ("Chilanda", "perurel: error: no country matches 'Chilanda'; did you mean Chile (CL)?\n"),
        (
            "Bulgistan",
            "perurel: error: no country matches 'Bulgistan'; did you mean Bulgaria (BG)?\n",
        ),
        ("Colombia", "perurel: error: no country matches 'Colombia'\n"),  # nothing close enough
    ],
)
def test_not_found_suggests(run_mini: Invoke, query: str, stderr: str) -> None:
    result = run_mini("country", query)
    assert (result.exit_code, result.stdout, result.stderr) == (1, "", stderr)


@pytest.mark.parametrize(
    "args",
    [
        ["timeline", "--kind", "party"],
        ["timeline", "--limit", "many"],
        ["timeline", "--bogus"],
        ["country"],
        ["nosuchcommand"],
    ],
)
def test_usage_errors_exit_2_in_one_line(run_mini: Invoke, args: list[str]) -> None:
    result = run_mini(*args)
    assert result.exit_code == 2, result.output
    assert result.stderr.startswith("perurel: error: ")
    assert result.stderr.count("\n") == 1
    assert "Traceback" not in result.output


def test_missing_dataset_exits_3(run: Run, tmp_path: Path) -> None:
    result = run("--data", str(tmp_path / "none.json"), "country", "chile")
    assert result.exit_code == 3
    assert result.stderr == f"perurel: error: dataset not found: {tmp_path / 'none.json'}\n"


def test_env_var_and_option_precedence(run: Run, tmp_path: Path) -> None:
    from .conftest import FIXTURE

    result = run("country", "bulgaria", "--json", env={"PERUREL_DATA": str(FIXTURE)})
    assert result.exit_code == 0 and json.loads(result.stdout)["relations"]["established"] == "1969"
    result = run(
        "--data", str(FIXTURE), "country", "bg", env={"PERUREL_DATA": str(tmp_path / "x.json")}
    )
    assert result.exit_code == 0, result.output


def test_timeline_json_and_filters(run_mini: Invoke) -> None:
    result = run_mini("timeline", "--since", "1999-06", "--json")
    assert result.exit_code == 0, result.output
    events = json.loads(result.stdout)
    assert [e["id"] for e in events] == ["1999-agreements", "2001-07-28-inauguration"]
    assert set(events[0]) == {
        "id", "date", "date_precision", "countries", "kind", "title", "title_es", "summary",
        "summary_es", "sources"
    }  # fmt: skip
    # the precision of each partial date, beside it (1999 is a year, not 1 January 1999)
    assert [(e["date"], e["date_precision"]) for e in events] == [
        ("1999", "year"), ("2001-07-28", "day")
    ]  # fmt: skip
    result = run_mini(
        "timeline", "-c", "chileno", "-k", "TREATY", "-k", "dispute", "--reverse", "--json"
    )
    assert [e["id"] for e in json.loads(result.stdout)] == ["1929-06-03-treaty", "1879-04-05-war"]
    assert result.stderr == "perurel: 'chileno' → Chile (CL), alias 'chileno'\n"
    result = run_mini("timeline", "--limit", "1", "--json")
    assert len(json.loads(result.stdout)) == 1


def test_empty_timeline_is_an_empty_array(run_mini: Invoke) -> None:
    result = run_mini("timeline", "--since", "2090", "--json")
    assert result.exit_code == 0, result.output
    assert result.stdout == "[]\n"
    people = run_mini("timeline", "--since", "2090")
    assert people.exit_code == 0 and "no events match" in people.stdout


def test_timeline_for_people_groups_by_year(run_mini: Invoke) -> None:
    result = run_mini("timeline", "--country", "CL")
    assert result.exit_code == 0, result.output
    lines = [line.rstrip() for line in result.stdout.splitlines()]
    assert lines[0].split() == ["Date", "With", "Kind", "Event"]
    assert lines[1] == "1879"
    assert lines[2].split()[:4] == ["1879-04-05", "CL", "dispute", "War"]
    assert "A war begins." in lines[3] and "ministry" in lines[4]
    assert "1998" not in result.stdout  # Ecuador's event is filtered out


def test_every_command_has_help_with_examples(run: Run) -> None:
    import typer

    from perurel.cli import app

    group = typer.main.get_command(app)
    for name in group.commands:  # type: ignore[attr-defined]
        result = run(name, "--help")
        assert result.exit_code == 0, result.output
        assert "Examples:" in result.stdout, name
        assert f"perurel {name}" in result.stdout, name


def test_internal_errors_are_one_line_unless_debugging(
    run_mini: Invoke, monkeypatch: pytest.MonkeyPatch
) -> None:
    import perurel.api

    def boom(*a, **k):  # type: ignore[no-untyped-def]
        raise RuntimeError("kaboom")

    monkeypatch.setattr(perurel.api.Dataset, "match", boom)
    result = run_mini("country", "chile")
    assert result.exit_code == 4
    assert result.stderr.startswith("perurel: error: internal error: RuntimeError: kaboom")
    assert "Traceback" not in result.output
    with pytest.raises(RuntimeError):
        run_mini("--debug", "country", "chile")


# --- options where people put them ---------------------------------------------------------------


@pytest.mark.parametrize(
    "tail",
    [
        ["--lang", "es"],
        ["--no-pager", "--lang=es"],
        ["--debug", "--lang", "ES"],
    ],
)
def test_global_options_after_the_command(run_mini: Invoke, tail: list[str]) -> None:
    before = run_mini("--lang", "es", "country", "chile")
    after = run_mini("country", "chile", *tail)
    assert after.exit_code == 0, after.output
    assert after.stdout == before.stdout
    assert "Relaciones: activas" in after.stdout  # Spanish, whichever place --lang took


def test_data_after_the_command(run: Run) -> None:
    from .conftest import FIXTURE

    result = run("country", "bulgaria", "--data", str(FIXTURE), "--json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["code"] == "BG"


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["timeline", "--exact"], "--exact is not an option of timeline; it belongs to country"),
        (
            ["--json", "country", "chile"],
            "--json goes after the command: perurel country chile --json",
        ),
        (
            ["--fields", "code", "stats"],
            "--fields goes after the command: perurel stats --fields code",
        ),
        (["--exact", "timeline"], "--exact is an option of country: put it after the command"),
    ],
)
def test_a_misplaced_option_says_where_it_belongs(run: Run, args: list[str], says: str) -> None:
    result = run(*args)
    assert result.exit_code == 2
    assert says in result.stderr
    assert result.stderr.count("\n") == 1


def test_orgs_takes_several_words_unquoted(run_mini: Invoke) -> None:
    quoted_ = run_mini("orgs", "United Nations", "--json")
    assert quoted_.exit_code == 0, quoted_.output
    unquoted = run_mini("orgs", "united", "nations", "--json")
    assert unquoted.exit_code == 0, unquoted.output
    assert json.loads(unquoted.stdout) == json.loads(quoted_.stdout)


@pytest.mark.parametrize(
    ("commas", "repeats"),
    [
        (
            ["timeline", "--country", "chile,bulgaria"],
            ["timeline", "-c", "chile", "-c", "bulgaria"],
        ),
        (
            ["timeline", "--kind", "dispute,treaty"],
            ["timeline", "-k", "dispute", "--kind", "treaty"],
        ),
        (
            ["countries", "--region", "Europe,South America"],
            ["countries", "--region", "Europe", "--region", "South America"],
        ),
        (
            ["missions", "--kind", "embassy,consulate"],
            ["missions", "-k", "embassy", "-k", "consulate"],
        ),
        (
            ["countries", "--fields", "code,name"],
            ["countries", "--fields", "code", "--fields", "name"],
        ),
    ],
)
def test_lists_take_commas_and_repeats_alike(
    run_mini: Invoke, commas: list[str], repeats: list[str]
) -> None:
    one, other = run_mini(*commas, "--json"), run_mini(*repeats, "--json")
    assert one.exit_code == other.exit_code == 0, one.output + other.output
    assert json.loads(one.stdout) == json.loads(other.stdout)
    assert json.loads(one.stdout), "the filter should keep something on the fixture"


def test_a_list_with_several_filters_is_their_union(run_mini: Invoke) -> None:
    both = json.loads(run_mini("countries", "--region", "Europe,South America", "--json").stdout)
    europe = json.loads(run_mini("countries", "--region", "Europe", "--json").stdout)
    south = json.loads(run_mini("countries", "--region", "South America", "--json").stdout)
    assert europe and south
    assert sorted(c["code"] for c in both) == sorted(c["code"] for c in europe + south)


def test_a_wrong_value_in_a_list_is_named(run_mini: Invoke) -> None:
    result = run_mini("missions", "--kind", "embassy,palace")
    assert result.exit_code == 2
    assert "'palace' is not a value of --kind" in result.stderr


# --- exit codes: decided once ------------------------------------------------------------------

VOTES_ENV = {"PERUREL_VOTES": str(Path(__file__).parent / "fixtures" / "mini-votes.json.gz")}

EMPTY_RESULTS = [
    ["search", "zzzzqqqq"],
    ["search", "zzzzqqqq", "--json"],
    ["timeline", "--since", "2090"],
    ["timeline", "--since", "2090", "--format", "csv"],
    ["countries", "--status", "broken", "--region", "Europe"],
    ["missions", "--kind", "office"],
    ["sources", "--tier", "press", "--json"],
    ["votes", "chile", "--since", "2019-12-31", "--until", "2019-12-31"],
]
NAMES_NOT_FOUND = [
    ["country", "qqqqqqq"],
    ["orgs", "qqqqqqq"],
    ["sources", "qqqqqqq"],
    ["votes", "--rcid", "999999999"],
    ["timeline", "--country", "qqqqqqq"],
]


@pytest.mark.parametrize("args", EMPTY_RESULTS, ids=" ".join)
def test_an_empty_result_exits_0(run_mini: Invoke, args: list[str]) -> None:
    result = run_mini(*args, env=VOTES_ENV)
    assert result.exit_code == 0, result.output
    assert "error" not in result.stderr


@pytest.mark.parametrize("args", NAMES_NOT_FOUND, ids=" ".join)
def test_a_name_that_matches_nothing_exits_1(run_mini: Invoke, args: list[str]) -> None:
    result = run_mini(*args, env=VOTES_ENV)
    assert result.exit_code == 1, result.output
    assert result.stderr.startswith("perurel: error: ")


def test_the_readme_and_the_help_give_the_same_exit_codes() -> None:
    import re

    from perurel.errors import ExitCode
    from perurel.spec import EPILOG

    readme = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
    table = dict(re.findall(r"^\| (\d) \| (.+) \|$", readme, re.MULTILINE))
    assert sorted(int(c) for c in table) == sorted(int(c) for c in ExitCode)
    assert table["0"].startswith("success, including an empty result")
    assert "0 ok (an empty result too)" in EPILOG
    assert table["1"].startswith("a name you gave matches nothing or several")
    assert "1 a name that matches nothing or several" in EPILOG


def test_search_does_what_its_help_says(run_mini: Invoke, run: Run) -> None:
    help_text = " ".join(run("search", "--help").stdout.split())
    assert "One or two words must both match" in help_text
    assert "at least half of the query's weight" in help_text

    def titles(*words: str) -> list[str]:
        result = run_mini("search", *words, "--json")
        assert result.exit_code == 0, result.output
        return [h["title"] for h in json.loads(result.stdout)]

    assert titles("war") == ["War begins"]
    assert titles("war", "zzzzqqq") == []  # two words: both required
    # three words: a word no record has weighs nothing, the two others carry the query
    assert titles("war", "begins", "zzzzqqq") == ["War begins"]


# --- help people read, the same on every Typer ---------------------------------------------------


@pytest.mark.parametrize("width", ["40", "60", "80", "120"])
def test_help_is_plain_words_with_whole_examples(run: Run, width: str) -> None:
    from perurel.spec import COMMANDS

    for name, cmd in COMMANDS.items():
        result = run(name, "--help", env={"COLUMNS": width})
        assert result.exit_code == 0, result.output
        for placeholder in ("<bool>", "<list", "<str>", "<int>", "list[str]", "Enum", "╭"):
            assert placeholder not in result.stdout, (name, placeholder)
        examples = cmd.doc.split("Examples:\n", 1)[1].strip("\n").splitlines()
        for example in examples:  # each example whole, on its own line, as it can be copied
            assert example in result.stdout.splitlines(), (name, width, example)


def test_help_is_the_same_through_typer_and_the_fast_path(run: Run) -> None:
    from typer.testing import CliRunner

    from perurel.cli import app

    for args in (["--help"], ["country", "--help"], ["help", "votes"], ["help"]):
        typer_help = CliRunner().invoke(app, args, env={"COLUMNS": "100"})
        assert typer_help.exit_code == 0
        assert run(*args).stdout == typer_help.stdout


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["timeline", "--limit", "abc"], "--limit takes a whole number, not 'abc'"),
        (["timeline", "--limit", "²"], "--limit takes a whole number, not '²'"),
        (
            ["countries", "--sort", "size"],
            "'size' is not a value of --sort; choose from name, date, events",
        ),
        (["--lang", "fr", "stats"], "'fr' is not a value of --lang; choose from en, es"),
        (["stats", "--format", "yaml"], "'yaml' is not a value of --format"),
    ],
)
def test_usage_errors_in_perurels_words(run_mini: Invoke, args: list[str], says: str) -> None:
    result = run_mini(*args)
    assert result.exit_code == 2
    assert result.stderr.startswith(f"perurel: error: {says}"), result.stderr
    assert "Input should be" not in result.stderr and "Invalid value" not in result.stderr
