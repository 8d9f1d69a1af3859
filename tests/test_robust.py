"""Bad input and bad data: every input gets a correct answer or one clear line on stderr with a
documented exit code (0 ok, 1 not found or ambiguous, 2 usage, 3 dataset), never a traceback."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from .conftest import FIXTURE, Outcome, entry


def mini(args: list[str], env: dict[str, str] | None = None) -> Outcome:
    """The entry point on the fixture dataset: what is tested here is behaviour, not the data."""
    return entry(["--data", str(FIXTURE), *args], env)


RAW_CONTROL = ["\x1b", "\x07", "\x00", "\u202e", "\u2066", "\u200f", "\r"]


def clean(outcome) -> None:  # type: ignore[no-untyped-def]
    """One line on stderr at most per message, nothing raw echoed back, no traceback."""
    assert "Traceback" not in outcome.output
    for ch in RAW_CONTROL:
        assert ch not in outcome.stderr, repr(outcome.stderr)
    if outcome.exit_code != 0:
        assert outcome.stderr.startswith("perurel: error: ")
        assert outcome.stderr.count("\n") == 1, outcome.stderr


HOSTILE = [
    "",
    "   ",
    "\t\n",
    "a" * 5000,
    "🇵🇪",
    "🇨🇱",
    "😀😀😀",
    "\x1b[31mred\x1b[0m",
    "\x1b]0;title\x07",
    "\u202eelihc",
    "chile\u200f",
    "\x00chile",
    "$(rm -rf /)",
    "`whoami`",
    "chile; ls",
    "a | b && c",
    "../../etc/passwd",
    "C:\\Windows\\System32",
    "%s%s%s%n",
    "{0}{1}{__class__}",
    '{"code": "CL"}',
    "[]",
    "null",
    "'; DROP TABLE countries; --",
    "-",
    "--",
    "chile\nperu",
    "ＣＨＩＬＥ",  # full-width letters fold to chile
    "ChIlE",
]


@pytest.mark.parametrize("query", HOSTILE, ids=[repr(q)[:30] for q in HOSTILE])
@pytest.mark.parametrize("as_json", [True, False])
def test_hostile_country_queries(query: str, as_json: bool) -> None:
    args = ["country", "--", query] if query.startswith("-") else ["country", query]
    outcome = mini([*args, "--json"] if as_json else args)
    assert outcome.exit_code in (0, 1, 2), outcome.output
    clean(outcome)
    if as_json and outcome.exit_code == 0:
        assert json.loads(outcome.stdout)["code"] == "CL"


def test_full_width_and_mixed_case_still_match() -> None:
    assert json.loads(mini(["country", "ＣＨＩＬＥ", "--json"]).stdout)["code"] == "CL"
    assert json.loads(mini(["country", "cHiLe", "--json"]).stdout)["code"] == "CL"


BAD_DATES = [
    "abc",
    "1990-13",
    "1990-02-30",
    "",
    " ",
    "-1990",
    "19900",
    "1990-1",
    "1990-01-1",
    "1990/01",
    "MCMXC",
    "1990-00",
    "0000",
]


@pytest.mark.parametrize("option", ["--since", "--until"])
@pytest.mark.parametrize("value", BAD_DATES)
def test_malformed_dates_are_usage_errors_naming_the_option(option: str, value: str) -> None:
    outcome = mini(["timeline", option, value, "--json"])
    assert outcome.exit_code == 2, outcome.output
    assert option in outcome.stderr
    clean(outcome)


def test_since_after_until_is_a_usage_error() -> None:
    outcome = mini(["timeline", "--since", "2001", "--until", "2000-12-31"])
    assert outcome.exit_code == 2 and "--since 2001 is after --until 2000-12-31" in outcome.stderr


def test_a_future_year_is_fine_and_empty() -> None:
    outcome = mini(["timeline", "--since", "2999", "--json"])
    assert (outcome.exit_code, outcome.stdout) == (0, "[]\n")


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (["timeline", "--kind", "party"], 2),
        (["timeline", "--kind", ""], 2),
        (["timeline", "--limit", "-1"], 2),
        (["timeline", "--limit", "abc"], 2),
        (["timeline", "--limit", "1e3"], 2),
        (["timeline", "--country", ""], 1),
        (["timeline", "--country", "atlantis"], 1),
        (["timeline", "--country", "korea"], 1),
        (["country"], 2),
        (["country", "chile", "extra"], 0),
        (["--data"], 2),
        (["nosuch"], 2),
        (["timeline", "--json", "--json"], 0),
    ],
)
def test_every_option_value_is_validated(args: list[str], code: int) -> None:
    outcome = mini(args)
    assert outcome.exit_code == code, outcome.output
    clean(outcome)


# --- bad datasets, through the command line ----------------------------------------------------


def _dataset(tmp_path: Path, content: bytes) -> str:
    path = tmp_path / "bad.json"
    path.write_bytes(content)
    return str(path)


BAD_DATA = {
    "empty": b"",
    "truncated": FIXTURE.read_bytes()[:500],
    "non-utf8": b'{"schema_version": 1, "sources": ["\xff\xfe"]}',
    "top-level list": b"[1, 2, 3]",
    "newer schema": b'{"schema_version": 3, "sources": [], "countries": [], "events": [], "organisations": []}',
    "schema violation": FIXTURE.read_bytes().replace(b'"1879-04-05"', b'"1879-13-05"'),
    "nested deep": b"[" * 100000 + b"]" * 100000,
}


@pytest.mark.parametrize("name", list(BAD_DATA))
@pytest.mark.parametrize(
    "command", [["country", "chile", "--json"], ["timeline"], ["country", "chile"], ["validate"]]
)
def test_bad_datasets_exit_3_naming_the_file(tmp_path: Path, name: str, command: list[str]) -> None:
    path = _dataset(tmp_path, BAD_DATA[name])
    outcome = entry(["--data", path, *command])
    assert outcome.exit_code == 3, outcome.output
    assert path in outcome.stderr
    assert "Traceback" not in outcome.output
    assert outcome.stderr.count("\n") <= 3


def test_missing_file_and_directory_through_the_cli(tmp_path: Path) -> None:
    for target in (tmp_path / "none.json", tmp_path):
        outcome = entry(["--data", str(target), "timeline", "--json"])
        assert outcome.exit_code == 3 and str(target) in outcome.stderr


def test_validate_lists_every_problem_with_its_path(tmp_path: Path) -> None:
    data = json.loads(FIXTURE.read_text(encoding="utf-8"))
    data["events"][0]["date"] = "1999-13"
    data["events"][1]["sources"] = ["nope"]
    path = tmp_path / "two.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    outcome = entry(["validate", str(path)])
    assert outcome.exit_code == 3
    assert outcome.stdout.splitlines() == [
        "events[0].date: '1999-13' is not a valid date (YYYY, YYYY-MM or YYYY-MM-DD)",
        "events[1].sources[0]: unknown source id 'nope'",
    ]
    assert outcome.stderr == f"perurel: error: 2 problems in {path}\n"


def test_validate_accepts_the_bundled_and_fixture_datasets() -> None:
    assert entry(["validate"]).stdout.startswith("ok: ")
    ok = entry(["validate", str(FIXTURE)])
    assert (
        ok.exit_code == 0
        and ok.stdout
        == f"ok: {FIXTURE}: schema version 2, 6 countries, 5 events, 1 organisations, 4 sources\n"
    )


def test_windows_line_endings_in_a_custom_dataset(tmp_path: Path) -> None:
    path = _dataset(tmp_path, FIXTURE.read_bytes().replace(b"\n", b"\r\n"))
    outcome = entry(["--data", path, "country", "chile", "--json"])
    assert outcome.exit_code == 0 and json.loads(outcome.stdout)["code"] == "CL"


# --- environment ---------------------------------------------------------------------------------


def _perurel(
    *args: str, env: dict[str, str] | None = None, shell_tail: str = ""
) -> subprocess.CompletedProcess[str]:
    import os
    import shlex

    cmd = " ".join(shlex.quote(a) for a in [sys.executable, "-m", "perurel", *args]) + shell_tail
    full_env = {**os.environ, **(env or {})}
    return subprocess.run(
        ["sh", "-c", cmd], capture_output=True, text=True, env=full_env, check=False
    )


@pytest.mark.parametrize(
    "args", [["timeline"], ["country", "chile"], ["timeline", "--json"], ["--help"]]
)
def test_closed_pipe_is_quiet(args: list[str]) -> None:
    out = _perurel(*args, shell_tail=" | head -1")
    assert out.returncode == 0 and out.stderr == "", out.stderr


@pytest.mark.parametrize(
    "args", [["country", "méxico"], ["country", "chle", "--json"], ["timeline", "--since", "2020"]]
)
def test_c_locale(args: list[str]) -> None:
    out = _perurel(*args, env={"LC_ALL": "C", "LANG": "C", "PYTHONIOENCODING": ""})
    assert out.returncode == 0, out.stderr
    assert "Traceback" not in out.stderr


@pytest.mark.parametrize(
    "args",
    [
        ["country", "chile"],
        ["timeline", "--since", "1999", "--until", "2000"],
        ["--help"],
        ["country", "--help"],
    ],
)
def test_a_20_column_terminal(args: list[str]) -> None:
    outcome = mini(args, env={"COLUMNS": "20"})
    assert outcome.exit_code == 0, outcome.output
    assert outcome.stdout.strip()


def test_timeline_stacks_rows_on_a_narrow_terminal() -> None:
    outcome = entry(["--data", str(FIXTURE), "timeline"], env={"COLUMNS": "20"})
    assert all(len(line) <= 20 for line in outcome.stdout.splitlines())
    assert "1879-04-05 · CL ·" in outcome.stdout


# --- property-based: random text in every argument ----------------------------------------------

TEXT = st.text(
    alphabet=st.characters(exclude_categories=["Cs"]),  # surrogates cannot reach argv
    max_size=40,
)
DATE_LIKE = st.one_of(TEXT, st.from_regex(r"-?[0-9]{1,5}(-[0-9]{1,2}){0,2}", fullmatch=True))
FUZZ = settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def check_outcome(args: list[str]) -> None:
    outcome = entry(args)
    assert outcome.exit_code in (0, 1, 2, 3), (args, outcome.output)
    assert "Traceback" not in outcome.output
    for ch in RAW_CONTROL:
        assert ch not in outcome.stderr, (args, outcome.stderr)
    if outcome.exit_code == 0 and "--json" in args:
        json.loads(outcome.stdout)


@FUZZ
@given(query=TEXT, as_json=st.booleans())
def test_fuzz_country(query: str, as_json: bool) -> None:
    # options before `--`: after it every word is part of the (several-word) query
    check_outcome(
        ["--data", str(FIXTURE), "country", *(["--json"] if as_json else []), "--", query]
    )


@FUZZ
@given(
    since=st.none() | DATE_LIKE,
    until=st.none() | DATE_LIKE,
    country=st.none() | TEXT,
    kind=st.none() | TEXT,
    limit=st.none() | TEXT,
    as_json=st.booleans(),
)
def test_fuzz_timeline(since, until, country, kind, limit, as_json) -> None:  # type: ignore[no-untyped-def]
    args = ["--data", str(FIXTURE), "timeline"]
    for option, value in (
        ("--since", since),
        ("--until", until),
        ("--country", country),
        ("--kind", kind),
        ("--limit", limit),
    ):
        if value is not None:
            args.append(f"{option}={value}")
    if as_json:
        args.append("--json")
    check_outcome(args)


@FUZZ
@given(words=st.lists(TEXT, max_size=4))
def test_fuzz_any_arguments(words: list[str]) -> None:
    check_outcome(["--data", str(FIXTURE), *words])


@FUZZ
@given(path=TEXT)
def test_fuzz_data_path(path: str) -> None:
    outcome = entry(["--data", path or " ", "country", "chile", "--json"])
    assert outcome.exit_code in (0, 3), outcome.output
    assert "Traceback" not in outcome.output
