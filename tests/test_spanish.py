"""En español: --lang, PERUREL_LANG and the locale choose Spanish for people; every label of the
card, the timeline and the lists has its Spanish; machine output does not change."""

from __future__ import annotations

import ast
import json
import re

import pytest

import perurel
from perurel import i18n
from perurel.model import EVENT_KINDS, LEVELS, MILESTONE_KINDS, MISSION_KINDS, STATUSES, TIERS

from .conftest import ROOT, Invoke, Run

VOTES = {"PERUREL_VOTES": str(ROOT / "tests" / "fixtures" / "mini-votes.json.gz")}

SPANISH_DATE = re.compile(
    r"^(\d{1,2} )?(ene|feb|mar|abr|may|jun|jul|ago|sep|oct|nov|dic) \d{4}$|^\d{4}$"
)


def test_language_is_chosen_by_option_variable_then_locale(monkeypatch: pytest.MonkeyPatch) -> None:
    for variable in ("PERUREL_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(variable, raising=False)
    assert i18n.choose() == "en"
    monkeypatch.setenv("LANG", "es_PE.UTF-8")
    assert i18n.choose() == "es"
    monkeypatch.setenv("LC_ALL", "C.UTF-8")  # LC_ALL wins over LANG
    assert i18n.choose() == "en"
    monkeypatch.setenv("PERUREL_LANG", "es")
    assert i18n.choose() == "es"
    assert i18n.choose("en") == "en"


def test_every_label_in_the_code_has_its_spanish() -> None:
    """Walk the code: every literal given to `t(...)` is a label with a Spanish text."""
    used: set[str] = set()
    for path in (ROOT / "src" / "perurel").glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id == "t"
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)
            ):
                used.add(node.args[0].value)
    assert used, "no labels found"
    missing = sorted(label for label in used if label not in i18n.LABELS)
    assert missing == []
    for label, spanish in i18n.LABELS.items():
        assert re.findall(r"\{\w+\}", label) == re.findall(r"\{\w+\}", spanish), label


def test_every_word_of_the_vocabularies_has_its_spanish(ds: perurel.Dataset) -> None:
    vocabularies = {
        "status": STATUSES,
        "event": EVENT_KINDS,
        "milestone": MILESTONE_KINDS,
        "mission": MISSION_KINDS,
        "level": tuple(LEVELS.values()),
        "tier": TIERS,
        "region": {c.region for c in ds.countries.values()}
        | {c.subregion for c in ds.countries.values()},
    }
    for kind, values in vocabularies.items():
        assert set(values) <= set(i18n.WORDS[kind]), kind


ENGLISH_LABELS = ("Relations:", "Established", "History", "Missions", "Memberships shared with Peru",
                  "Latest events", "Events (", "Sources", "Representation,", "The full card adds",
                  "no missions recorded", "no events recorded", "as of", "UN votes")  # fmt: skip


def _before_sources(text: str) -> list[str]:
    lines = text.splitlines()
    return lines[: lines.index("Fuentes")] if "Fuentes" in lines else lines


@pytest.mark.parametrize("full", [False, True])
def test_cards_in_spanish_have_no_english_label(run: Run, ds: perurel.Dataset, full: bool) -> None:
    spanish_kinds = {*i18n.WORDS["mission"].values()}
    for code, country in ds.countries.items():
        args = ["--lang", "es", "country", code, "--exact", *(["--full"] if full else [])]
        result = run(*args)
        assert result.exit_code == 0, result.stderr
        lines = _before_sources(result.stdout)
        assert lines[0].startswith(country.name_es)
        assert lines[2].startswith("Relaciones: "), code
        for line in lines:
            for label in ENGLISH_LABELS:
                assert not line.startswith(label), (code, line)
            if " → " in line and not line.startswith(" "):  # a mission row: kind in Spanish
                kind = re.split(r"\s{2,}", line)[1]
                assert kind in spanish_kinds, (code, line)


def test_timeline_in_spanish(run: Run, ds: perurel.Dataset) -> None:
    result = run("timeline", env={"PERUREL_LANG": "es", "COLUMNS": "200"})
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["Fecha", "Con", "Tipo", "Evento"]
    kinds = set(i18n.WORDS["event"].values())
    cells = [re.split(r"\s{2,}", line) for line in lines[1:]]
    rows = [c for c in cells if len(c) >= 4 and SPANISH_DATE.match(c[0])]
    assert len(rows) == len(ds.events)
    for row in rows:
        assert SPANISH_DATE.match(row[0]), row
        assert row[2] in kinds, row
        assert any(row[3] == e.title_es for e in ds.events), row
    english = {e.title for e in ds.events} - {e.title_es for e in ds.events}
    assert not english & {row[3] for row in rows}


def test_countries_in_spanish(run_mini: Invoke) -> None:
    result = run_mini(
        "countries", "--region", "south america", env={"PERUREL_LANG": "es", "COLUMNS": "200"}
    )
    head = result.stdout.splitlines()[0].split()
    assert head[:3] == ["Código", "Nombre", "Name"] and "Subregión" in head
    assert "América del Sur" in result.stdout and "activas" in result.stdout
    assert "South America" not in result.stdout


@pytest.mark.parametrize(
    "args",
    [
        ["country", "chile", "--json"],
        ["timeline", "--since", "1990", "--json"],
        ["countries", "--format", "csv"],
        ["missions", "--format", "tsv"],
        ["orgs", "--json"],
        ["stats", "--json"],
        ["votes", "chile", "--json"],
    ],
)
def test_machine_output_is_the_same_in_both_languages(run_mini: Invoke, args: list[str]) -> None:
    english = run_mini(*args, env={"PERUREL_LANG": "en", **VOTES})
    spanish = run_mini("--lang", "es", *args, env=VOTES)
    assert english.exit_code == spanish.exit_code == 0
    assert english.stdout.strip() not in ("", "[]")  # something to compare
    assert english.stdout == spanish.stdout


def test_json_keys_are_identical(run_mini: Invoke) -> None:
    def keys(value: object) -> object:
        if isinstance(value, dict):
            return {k: keys(v) for k, v in value.items()}
        if isinstance(value, list):
            return [keys(v) for v in value[:1]]
        return None

    english = json.loads(run_mini("country", "peru", "and", "chile", "--json").stdout)
    spanish = json.loads(
        run_mini("--lang", "es", "country", "peru", "and", "chile", "--json").stdout
    )
    assert keys(english) == keys(spanish)


def test_notes_and_errors_in_spanish(run_mini: Invoke) -> None:
    fuzzy = run_mini("--lang", "es", "country", "chle")
    assert "la coincidencia más cercana" in fuzzy.stderr
    missing = run_mini("--lang", "es", "country", "atlantis")
    assert missing.exit_code == 1 and "ningún país coincide con 'atlantis'" in missing.stderr
    bad = run_mini("--lang", "es", "timeline", "--since", "1999-13")
    assert bad.exit_code == 2 and "no es una fecha válida" in bad.stderr


def test_spanish_dates() -> None:
    i18n.use("es")
    try:
        assert i18n.date("2014-01-27") == "27 ene 2014"
        assert i18n.date("2014-12") == "dic 2014"
        assert i18n.date("2014") == "2014"
    finally:
        i18n.use("en")
    assert i18n.date("2014-01-27") == "2014-01-27"


def test_spanish_dates_read_as_spanish(run: Run, ds: perurel.Dataset) -> None:
    """'Establecidas en 1902', 'el 8 oct 1822': the article or preposition a date needs."""
    for code in ds.countries:
        out = run("--lang", "es", "country", code, "--exact").stdout
        assert not re.search(
            r"\bel (\d{4}|(ene|feb|mar|abr|may|jun|jul|ago|sep|oct|nov|dic) )", out
        ), code
    chile = run("--lang", "es", "country", "chile").stdout
    assert "Establecidas el 8 oct 1822" in chile


def test_narrow_spanish_cards_stack_with_spanish_labels(run: Run) -> None:
    out = run("--lang", "es", "country", "chile", "--full", env={"COLUMNS": "40"}).stdout
    lines = _before_sources(out)
    assert any(line.startswith("Quién: ") for line in lines)
    assert not any(line.startswith(("Who: ", "Kind: ", "Date: ", "Event: ")) for line in lines)


def test_regions_in_spanish(run_mini: Invoke) -> None:
    english = run_mini("countries", "--region", "south america", "--json").stdout
    assert run_mini("countries", "--region", "América del Sur", "--json").stdout == english


def test_spanish_lists_in_spanish_order(run: Run) -> None:
    out = run("--lang", "es", "countries", "--region", "europe", env={"COLUMNS": "200"}).stdout
    names = [re.split(r"\s{2,}", line)[1] for line in out.splitlines()[1:] if line]
    assert names.index("Alemania") < names.index("Austria") < names.index("Bélgica")
