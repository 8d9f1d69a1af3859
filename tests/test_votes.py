"""`perurel votes`: figures checked against an independent computation from the raw CSV files
(a small extract of the Voeten-Strezhnev-Bailey data in tests/fixtures/unvotes/), the bundled
file end to end, predecessor states, and usage errors."""

from __future__ import annotations

import csv
import gzip
import importlib.util
import io
import json
from collections import defaultdict
from typing import Any

import pytest

import perurel

from .conftest import ROOT, Outcome, Run, entry

EXTRACT = ROOT / "tests" / "fixtures" / "unvotes"
MINI_VOTES = ROOT / "tests" / "fixtures" / "mini-votes.json.gz"


def mini(*args: str) -> Outcome:
    """`perurel votes` on the extract's voting file (names from the bundled dataset)."""
    return entry(["votes", *args], {"PERUREL_VOTES": str(MINI_VOTES)})


def _build_script() -> Any:
    spec = importlib.util.spec_from_file_location(
        "build_votes", ROOT / "scripts" / "build_votes.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_fixture_is_built_from_the_extract() -> None:
    # The content, not the bytes: the gzip header differs between Pythons (3.13 writes
    # another OS byte), and the file is read through gzip anyway.
    build = _build_script()
    built = gzip.decompress(build.write(build.read(EXTRACT)))
    assert built == gzip.decompress(MINI_VOTES.read_bytes())
    assert build.same(MINI_VOTES, build.write(build.read(EXTRACT)))


# --- an independent computation, straight from the CSV rows -------------------------------------


def _raw() -> tuple[dict[str, dict[str, str]], dict[str, set[str]], dict[str, dict[str, str]]]:
    calls = {r["rcid"]: r for r in csv.DictReader(open(EXTRACT / "un_roll_calls.csv"))}  # noqa: SIM115
    issues: dict[str, set[str]] = defaultdict(set)
    for r in csv.DictReader(open(EXTRACT / "un_roll_call_issues.csv")):  # noqa: SIM115
        issues[r["rcid"]].add(r["short_name"])
    votes: dict[str, dict[str, str]] = defaultdict(dict)  # voter -> rcid -> vote
    text = gzip.decompress((EXTRACT / "un_votes.csv.gz").read_bytes()).decode()
    for v in csv.DictReader(io.StringIO(text)):
        date = calls[v["rcid"]]["date"]
        key = v["country_code"] or v["country"]
        if key == "RU" and date < "1992":
            key = "Soviet Union"
        votes[key][v["rcid"]] = v["vote"]
    return calls, issues, votes


def _expected(
    other: str, keep: Any = lambda rcid: True, weighted: bool = False
) -> tuple[int, float]:
    _, _, votes = _raw()
    both = [r for r in votes["PE"] if r in votes[other] and keep(r)]
    agreed = 0.0
    for r in both:
        a, b = votes["PE"][r], votes[other][r]
        if a == b:
            agreed += 1
        elif weighted and "abstain" in (a, b):
            agreed += 0.5
    return len(both), agreed


@pytest.mark.parametrize("other", ["CL", "US", "BR", "CN"])
def test_agreement_matches_an_independent_computation(other: str) -> None:
    calls, issues, _ = _raw()
    name = {"CL": "chile", "US": "united states", "BR": "brasil", "CN": "china"}[other]
    doc = json.loads(mini(name, "--json").stdout)
    n, agreed = _expected(other)
    assert doc["overall"]["votes"] == n and doc["overall"]["agreed"] == agreed
    assert doc["overall"]["agreement"] == pytest.approx(100 * agreed / n, abs=0.05)
    n, agreed = _expected(other, lambda r: calls[r]["importantvote"] in ("1", "1.0"))
    assert doc["on_important"]["votes"] == n and doc["on_important"]["agreed"] == agreed
    for row in doc["by_issue"]:
        n, agreed = _expected(other, lambda r, code=row["issue"]: code in issues[r])
        assert (row["votes"], row["agreed"]) == (n, agreed)
    for row in doc["by_period"]:
        n, agreed = _expected(other, lambda r, p=row["period"]: calls[r]["date"][:3] == p[:3])
        assert (row["votes"], row["agreed"]) == (n, agreed)
    weighted = json.loads(mini(name, "--weighted", "--json").stdout)["overall"]
    n, agreed = _expected(other, weighted=True)
    assert (weighted["votes"], weighted["agreed"]) == (n, agreed)


def test_a_window_of_dates() -> None:
    calls, _, _ = _raw()
    doc = json.loads(mini("chile", "--since", "1980", "--until", "1999-12", "--json").stdout)
    n, agreed = _expected("CL", lambda r: "1980" <= calls[r]["date"] <= "1999-12-31")
    assert (doc["overall"]["votes"], doc["overall"]["agreed"]) == (n, agreed)
    assert doc["since"] == "1980" and doc["until"] == "1999-12"


def test_rank_matches_the_independent_computation() -> None:
    rows = json.loads(mini("--rank", "--min-votes", "1", "--top", "50", "--json").stdout)
    assert [r["rank"] for r in rows] == list(range(1, len(rows) + 1))
    shares = [r["agreement"] for r in rows]
    assert shares == sorted(shares, reverse=True)
    by_id = {r["id"]: r for r in rows}
    n, agreed = _expected("US")
    assert (by_id["US"]["votes"], by_id["US"]["agreed"]) == (n, agreed)
    n, agreed = _expected("Soviet Union")
    assert (by_id["SUN"]["votes"], by_id["SUN"]["agreed"]) == (n, agreed)
    assert by_id["SUN"]["code"] is None and by_id["SUN"]["name"] == "Soviet Union"
    top = json.loads(mini("--rank", "--min-votes", "1", "--top", "2", "--json").stdout)
    assert [r["rank"] for r in top] == [1, 2, len(rows) - 1, len(rows)]


def test_one_roll_call() -> None:
    _, _, votes = _raw()
    rows = json.loads(mini("--resolution", "A/RES/74/7", "--json").stdout)
    assert rows[0]["name"] == "Peru" and rows[0]["vote"] == votes["PE"]["9058"]
    assert {r["rcid"] for r in rows} == {9058}
    assert all(r["date"] == "2019-11-07" for r in rows)
    raw = {k: v["9058"] for k, v in votes.items() if "9058" in v}
    assert len(rows) == len(raw)
    assert json.loads(mini("--rcid", "9058", "--json").stdout) == rows
    assert mini("--resolution", "74/7").stdout == mini("--resolution", "r/74/7").stdout


def test_peru_own_votes() -> None:
    _, _, votes = _raw()
    rows = json.loads(mini("--peru", "--json").stdout)
    total = next(r for r in rows if r["by"] == "all")
    cast = list(votes["PE"].values())
    assert total["votes"] == len(cast)
    assert total["yes"] == pytest.approx(100 * cast.count("yes") / len(cast), abs=0.05)
    assert total["abstain"] == pytest.approx(100 * cast.count("abstain") / len(cast), abs=0.05)


@pytest.mark.parametrize(
    ("query", "voter", "name"),
    [
        ("ussr", "SUN", "Soviet Union"),
        ("Unión Soviética", "SUN", "Soviet Union"),
        ("russia", "RU", "Russia"),
        ("czechoslovakia", "CSK", "Czechoslovakia"),
        ("east germany", "DDR", "East Germany (German Democratic Republic)"),
        ("west germany", "FRG", "West Germany (Federal Republic of Germany)"),
        ("north yemen", "YAR", "North Yemen (Yemen Arab Republic)"),
    ],
)
def test_predecessors_answer_under_their_own_names(
    run: Run, query: str, voter: str, name: str
) -> None:
    result = run("votes", query, "--json")
    assert result.exit_code == 0, result.stderr
    doc = json.loads(result.stdout)
    assert (doc["country"], doc["name"]) == (voter, name)
    assert doc["note"]


def test_russia_is_never_merged_with_the_soviet_union(run: Run) -> None:
    russia = json.loads(run("votes", "russia", "--json").stdout)
    assert all(p["period"] >= "1990s" for p in russia["by_period"])
    soviet = json.loads(run("votes", "ussr", "--json").stdout)
    assert all(p["period"] <= "1990s" for p in soviet["by_period"])


def test_no_common_votes_is_said_not_zero(run: Run) -> None:
    result = run("votes", "czechia", "--until", "1990")
    assert result.exit_code == 0
    assert "No roll call on which both Peru and Czechia voted" in result.stdout
    assert "0.0%" not in result.stdout
    doc = json.loads(run("votes", "czechia", "--until", "1990", "--json").stdout)
    assert doc["overall"] == {"agreement": None, "votes": 0, "agreed": 0.0}


def test_bundled_figures_end_to_end(run: Run, ds: perurel.Dataset) -> None:
    chile = run("votes", "chile")
    assert chile.exit_code == 0 and "Overall agreement: " in chile.stdout
    us = json.loads(run("votes", "Estados", "Unidos", "--since", "2000", "--json").stdout)
    assert us["country"] == "US" and 1500 < us["overall"]["votes"] < 2000
    # The card's one-line summary is the same figure as `votes X --since 2000 --until 2019`.
    for code in ("CL", "US", "BR", "JP"):
        summary = ds.countries[code].un_votes
        assert summary is not None
        doc = json.loads(run("votes", code, "--since", "2000", "--until", "2019", "--json").stdout)
        assert doc["overall"]["votes"] == summary.votes
        assert doc["overall"]["agreement"] == summary.agreement
    ranked = json.loads(run("votes", "--rank", "--since", "2000", "--top", "10", "--json").stdout)
    assert len(ranked) == 20
    assert {"US", "IL"} <= {r["id"] for r in ranked[10:]}


def test_the_source_is_listed(run: Run) -> None:
    result = run("sources", "unvotes-voeten-strezhnev-bailey", "--json")
    doc = json.loads(result.stdout)
    assert doc["url"] == "https://hdl.handle.net/1902.1/12379" and doc["cited"] >= 190


@pytest.mark.parametrize(
    ("args", "words"),
    [
        ([], "votes answers one question"),
        (["chile", "--rank"], "got a country and --rank"),
        (["--resolution", "74/7", "--rcid", "9058"], "use one"),
        (["chile", "--issue", "xx"], ""),
        (["--rank", "--top", "-1"], ""),
        (["chile", "--since", "1999-13"], "--since"),
        (["--rank", "--fields", "period"], "unknown field 'period'"),
    ],
)
def test_usage_errors(args: list[str], words: str) -> None:
    result = mini(*args)
    assert result.exit_code == 2, result.output
    assert words in result.stderr


def test_not_found() -> None:
    assert mini("--resolution", "A/RES/99/999").exit_code == 1
    assert mini("peru").exit_code == 1
    assert mini("atlantis").exit_code == 1


def test_listings_in_every_format() -> None:
    for fmt in ("csv", "tsv", "markdown", "jsonl"):
        ranked = mini("--rank", "--min-votes", "1", "--format", fmt, "--fields", "name,agreement")
        assert ranked.exit_code == 0 and "Chile" in ranked.stdout
    one = mini("--resolution", "74/7", "--format", "csv", "--fields", "name,vote").stdout
    assert one.splitlines()[:2] == ["name,vote", "Peru,yes"]
    peru = mini("--peru", "--format", "csv", "--fields", "by,key,yes").stdout
    assert peru.splitlines()[0] == "by,key,yes"


@pytest.mark.parametrize(
    ("query", "voter"),
    [
        ("West Germany (Federal Republic of Germany)", "FRG"),
        ("Alemania Occidental (República Federal de Alemania)", "FRG"),
        ("North Yemen (Yemen Arab Republic)", "YAR"),
    ],
)
def test_the_names_rank_prints_find_the_same_state(query: str, voter: str) -> None:
    ranked = json.loads(mini("--rank", "--top", "100", "--min-votes", "1", "--json").stdout)
    shown = {r["name"]: r["id"] for r in ranked} | {r["name_es"]: r["id"] for r in ranked}
    doc = json.loads(mini(query, "--json").stdout)
    assert doc["country"] == shown[query] == voter


def test_top_must_be_positive_and_the_data_end_is_said(run: Run) -> None:
    assert run("votes", "--rank", "--top", "0").exit_code == 2
    late = run("votes", "chile", "--since", "2021")
    assert "The voting data ends in January 2020." in late.stdout


# --- votes that do not mislead (issue 22) -------------------------------------------------------


def test_a_thin_period_is_flagged_and_drawn_without_a_bar(run: Run) -> None:
    record = json.loads(run("votes", "chile", "--json").stdout)
    periods = record["by_period"]
    assert all(p["thin"] == (p["votes"] < 20) for p in periods)
    thin = [p for p in periods if p["thin"]]
    assert [p["period"] for p in thin] == ["2020s"]  # one roll call in January 2020
    screen = run("votes", "chile").stdout.splitlines()
    row = next(line for line in screen if line.startswith("2020s"))
    assert "too few to chart" in row and "█" not in row and "1 vote" in row
    full = next(line for line in screen if line.startswith("2010s"))
    assert "█" in full


def test_important_votes_outside_the_marked_years_say_so(run: Run) -> None:
    result = run("votes", "chile", "--important", "--since", "2018")
    assert result.exit_code == 0
    assert "marks important votes only from 1983 to 2017" in result.stderr
    assert "voted on no roll call in common" not in result.stderr


def test_the_heading_gives_the_states_own_span(run: Run) -> None:
    # Switzerland joined the UN in September 2002; the data runs to January 2020
    record = json.loads(run("votes", "switzerland", "--json").stdout)
    assert record["first_vote"].startswith("2002-") and record["last_vote"].startswith("2020-01")
    heading = run("votes", "switzerland").stdout.splitlines()[0]
    assert "2002-" in heading and "1946" not in heading


def test_the_ranking_says_what_it_rests_on(run: Run) -> None:
    out = run("votes", "--rank", "--since", "2000", "--top", "3").stdout
    first = " ".join(out.split("Closest to Peru")[0].split())
    assert "roll calls between 2000 and January 2020" in first
    assert "at least 100 in common with Peru" in first
    assert "Votes" in out.split("Closest to Peru")[1].splitlines()[1]


def test_former_voters_are_declared_once_in_history_names() -> None:
    # The voting data marks its predecessor states (they have successors); each is a former
    # state of history_names with that voter id and those successors, and votes knows no other.
    from perurel.history_names import FORMERS, VOTERS
    from perurel.store import load_votes
    from perurel.votes import FORMER_NAMES

    data = {s.id: s.successors for s in load_votes().states.values() if s.former}
    assert set(data) == set(VOTERS) == set(FORMER_NAMES)
    for voter, successors in data.items():
        for name in VOTERS[voter]:
            assert FORMERS[name].voter == voter
            assert set(successors) <= set(FORMERS[name].successors), (voter, name)
        assert set(FORMER_NAMES[voter]) == {*VOTERS[voter], voter.lower()}


def test_no_module_but_history_names_writes_a_former_state_name() -> None:
    from perurel.history_names import FORMERS

    package = ROOT / "src" / "perurel"
    for path in package.glob("*.py"):
        if path.stem == "history_names":
            continue
        text = path.read_text(encoding="utf-8")
        written = sorted(n for n in FORMERS if f'"{n}"' in text)
        assert not written, f"{path.name} writes former-state names: {written}"


@pytest.mark.parametrize(
    ("query", "voter"),
    [
        ("union de republicas socialistas sovieticas", "SUN"),
        ("czecho slovakia", "CSK"),
        ("jugoslavia", "YUG"),
        ("fr yugoslavia", "SCG"),
        ("zanzibar", "ZAN"),
        ("yemen del sur", "YMD"),
        ("sun", "SUN"),
    ],
)
def test_any_name_of_a_former_voter_finds_its_votes(run: Run, query: str, voter: str) -> None:
    result = run("votes", query, "--json")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["country"] == voter


def test_a_former_state_that_never_voted_has_no_votes(run: Run) -> None:
    result = run("votes", "kingdom of yugoslavia")
    assert result.exit_code == 1
    assert "no longer exists" in result.stderr and "Serbia (RS)" in result.stderr
