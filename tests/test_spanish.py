"""En español: --lang, PERUREL_LANG and the locale choose Spanish for people; every label of the
card, the timeline and the lists has its Spanish; machine output does not change."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

import perurel
import perurel.spec
from perurel import i18n
from perurel.cli import app
from perurel.model import EVENT_KINDS, LEVELS, MILESTONE_KINDS, MISSION_KINDS, STATUSES, TIERS
from perurel.spec import COMMANDS

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


def _messages_script() -> Any:
    import importlib.util

    spec = importlib.util.spec_from_file_location("messages", ROOT / "scripts" / "messages.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_message_in_the_code_has_its_spanish_in_the_catalogue() -> None:
    """Extract the messages from the code as Babel does and compare them with the Spanish `.po`:
    none missing, untranslated, fuzzy or stale, the same {fields}, and the `.mo` the package reads
    is the compiled `.po`."""
    messages = _messages_script()
    template = messages.extract()
    assert len(template) > 200  # the extraction found the messages
    (po,) = [p for p in messages.po_paths() if p.parent.parent.name == "es"]
    assert messages.problems(template, po) == []


def test_the_catalogue_check_fails_on_a_missing_or_fuzzy_entry(tmp_path: Path) -> None:
    """The check can fail: a message without its entry, a fuzzy one, a stale .mo."""
    messages = _messages_script()
    template = messages.extract()
    (po,) = [p for p in messages.po_paths() if p.parent.parent.name == "es"]
    catalog = messages.read(po)
    first = next(m for m in catalog if m.id and isinstance(m.id, str))
    catalog.delete(first.id)
    second = next(m for m in catalog if m.id and isinstance(m.id, str))
    second.flags.add("fuzzy")
    broken = tmp_path / "es" / "LC_MESSAGES" / "perurel.po"
    broken.parent.mkdir(parents=True)
    broken.write_bytes(messages.written_po(catalog))
    broken.with_suffix(".mo").write_bytes((po.with_suffix(".mo")).read_bytes())
    found = messages.problems(template, broken)
    assert f"es: no entry for {first.id!r}" in found
    assert f"es: fuzzy translation of {second.id!r}" in found
    assert any(".mo is not the compiled" in p for p in found)


def test_messages_are_translated_where_they_are_raised() -> None:
    i18n.use("es")
    try:
        assert i18n.t("no country matches {query}", query="'x'") == "ningún país coincide con 'x'"
        assert i18n.tn("{n} problem in {path}", "{n} problems in {path}", 2, path="p") == (
            "2 problemas en p"
        )
    finally:
        i18n.use("en")
    assert i18n.t("no country matches {query}", query="'x'") == "no country matches 'x'"


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
    assert head[:3] == ["Código", "Nombre", "Subregión"]  # the name in the reader's language only
    assert "Brazil" not in result.stdout and "Brasil" in result.stdout
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


SPANISH_VALUES = [
    (["missions", "--kind", "embajada", "--state", "abierta"], ["missions", "--kind", "embassy", "--state", "open"]),
    (["missions", "--kind", "consulado"], ["missions", "--kind", "consulate"]),
    (["missions", "--state", "cerrada"], ["missions", "--state", "closed"]),
    (["timeline", "--kind", "tratado"], ["timeline", "--kind", "treaty"]),
    (["timeline", "--kind", "acuerdos", "--since", "2000"], ["timeline", "--kind", "agreements", "--since", "2000"]),
    (["countries", "--region", "Sudamérica"], ["countries", "--region", "South America"]),
    (["countries", "--region", "América del Sur"], ["countries", "--region", "South America"]),
    (["countries", "--status", "rotas"], ["countries", "--status", "broken"]),
    (["countries", "--sort", "fecha"], ["countries", "--sort", "date"]),
    (["sources", "--tier", "oficial"], ["sources", "--tier", "official"]),
    (["votes", "venezuela", "--issue", "derechos"], ["votes", "venezuela", "--issue", "hr"]),
    (["votes", "chile", "--issue", "derechos humanos", "--by", "año"], ["votes", "chile", "--issue", "hr", "--by", "year"]),
]  # fmt: skip


@pytest.mark.parametrize(("spanish", "english"), SPANISH_VALUES)
@pytest.mark.parametrize("lang", ["es", "en"])
def test_spanish_values_are_accepted_in_either_language(
    run: Run, spanish: list[str], english: list[str], lang: str
) -> None:
    """The same records as the English value, in either language mode and on both paths (the
    fast parser, and the Typer app that takes what the fast path hands over)."""
    expected = run(*english, "--json")
    assert expected.exit_code == 0, expected.stderr
    assert expected.stdout.strip() not in ("", "[]")
    got = run("--lang", lang, *spanish, "--json")
    assert got.exit_code == 0, got.stderr
    assert got.stdout == expected.stdout
    typer_path = CliRunner().invoke(app, ["--lang", lang, *spanish, "--json"])
    assert typer_path.exit_code == 0, typer_path.output
    assert typer_path.stdout == expected.stdout


def test_errors_list_values_in_the_readers_words(run: Run) -> None:
    spanish = run("--lang", "es", "countries", "--status", "nada")
    assert spanish.exit_code == 2
    assert "rotas" in spanish.stderr and "broken" not in spanish.stderr
    english = run("--lang", "en", "countries", "--status", "nada")
    assert "broken" in english.stderr and "rotas" not in english.stderr
    kinds = run("--lang", "es", "missions", "--kind", "palacio")
    assert "embajada" in kinds.stderr and "embassy" not in kinds.stderr


def test_completion_offers_the_readers_words(monkeypatch: pytest.MonkeyPatch) -> None:
    from perurel.cli import _complete_choice
    from perurel.spec import COMMANDS

    (state,) = [p for p in COMMANDS["missions"].params if p.name == "mission_state"]
    monkeypatch.setenv("PERUREL_LANG", "es")
    assert _complete_choice(state)("ab") == ["abierta"]
    monkeypatch.setenv("PERUREL_LANG", "en")
    assert _complete_choice(state)("o") == ["open"]


EXONYMS = {"London": "Londres", "Geneva": "Ginebra", "Tokyo": "Tokio", "Mexico City": "Ciudad de México",
           "The Hague": "La Haya", "Seoul": "Seúl", "Moscow": "Moscú", "Riyadh": "Riad",
           "Vienna": "Viena", "Munich": "Múnich", "Algiers": "Argel", "Cairo": "El Cairo",
           "Beijing": "Pekín"}  # fmt: skip


def test_cities_have_their_spanish_names(run: Run) -> None:
    english = run("missions", env={"COLUMNS": "200"}).stdout
    spanish = run("--lang", "es", "missions", env={"COLUMNS": "200"}).stdout
    for city, exonym in EXONYMS.items():
        assert city in english, city
        assert exonym in spanish, exonym
        assert not re.search(rf"(?<!El )\b{city}\b", spanish), city
    assert "Londres" in run("--lang", "es", "country", "reino unido").stdout
    assert "Ginebra" in run("--lang", "es", "country", "suiza", "--full").stdout
    from perurel.places import CITIES_ES

    assert all(source for _, source in CITIES_ES.values())  # every exonym says where it is from


def test_names_of_states_carry_their_article_in_sentences(run: Run) -> None:
    assert "con el Imperio ruso" in run("--lang", "es", "country", "rusia").stdout
    soviet = run("--lang", "es", "votes", "unión soviética").stdout
    assert soviet.startswith("El Perú y la Unión Soviética en la Asamblea General")
    dutch = " ".join(run("--lang", "es", "country", "países bajos", "--full").stdout.split())
    assert "de los Países Bajos en Lima y del Perú en los Países Bajos" in dutch


def test_decades_read_as_spanish(run: Run) -> None:
    stats = run("--lang", "es", "stats").stdout
    assert "década de 1940" in stats and "1940s" not in stats
    votes = run("--lang", "es", "votes", "chile").stdout
    assert "década de 1990" in votes and "1990s" not in votes
    assert "1990s" in run("votes", "chile").stdout  # English keeps its own


def test_spanish_lists_follow_spanish_names(run: Run) -> None:
    out = run("--lang", "es", "missions", "--from", "peru", "--region", "europa").stdout
    hosts = [line.split("→")[1].split("  ")[0].strip() for line in out.splitlines() if "→" in line]
    assert hosts.index("Alemania") < hosts.index(
        "Austria"
    )  # Germany comes after Austria in English


# Every command and error path the reader meets, in Spanish (the cases of issue 21 among them).
SPANISH_RUNS = [
    "country chile", "country chile --full", "country 'reino unido'", "country suiza --full",
    "country rusia --full", "country 'países bajos' --full", "country corea", "country xyzland",
    "country czechoslovakia", "country prusia", "country perú", "country eeuu", "country chle",
    "country 'santa sede'", "contry chile", "country", "countries", "countries --sort nada",
    "countries --status nada", "countries --status rotas", "countries --region Sudamérica",
    "countries --region 'América del Sur'", "countries --region nada", "countries --format nada",
    "countries --by decade", "timeline --since 1990-13", "timeline --since ayer",
    "timeline --since 2020 --until 2019", "timeline --kind tratado --since 2010",
    "timeline --kind nada", "timeline --limit abc", "timeline --limit -1", "timeline --bogus",
    "timeline --since", "missions --kind embajada --state abierta",
    "missions --from peru --region Europa", "missions --state nada", "orgs", "orgs OEA",
    "orgs xyz", "validate /nonexistent.json", "votes 'santa sede'", "votes venezuela --issue derechos",
    "votes chile", "votes chile --by año", "votes --rank --since 2000", "votes --peru", "votes",
    "votes chile --rank", "votes peru", "votes --rcid 1", "votes chile --issue nada",
    "search asilo", "search 'La Haya'", "search México 2025", "search", "search ruptura --limit 1",
    "sources caretas-nl-200", "sources seed-fn-09-rree-kosovo-2008",
    "sources enwiki-foreign-relations-of-peru-2025", "sources nada", "sources --tier nada", "stats",
    "country chile --full --brief", "country chile --json --format csv", "help nada",
    "map --by nada", "map --by estado --since 2000",
    "--debug", "sources a b", "country chile --fields nada",
]  # fmt: skip
# Words only English uses, whole words; checked outside proper names, codes, URLs, the command
# line's own words (commands, options, what was typed) and source titles.
ENGLISH_WORDS = (
    "the", "and", "of", "with", "from", "since", "until", "broken", "established", "joined",
    "left", "city", "embassy", "consulate", "closed", "unknown", "active", "relations", "summary",
    "Missing", "Invalid", "such", "mean", "found", "choose", "must", "events", "missions",
    "press", "official", "treaty", "agreement", "value", "option", "argument", "Usage",
    "Options", "Commands", "Arguments", "Peru", "states", "Name", "first", "names", "codes",
    "Error", "not", "is", "no longer", "decade", "year", "roll", "calls", "hits", "showing",
    "more", "unexpected", "words",
)  # fmt: skip
_ENGLISH = re.compile(r"\b(" + "|".join(ENGLISH_WORDS) + r")\b")
_COMMAND_LINE = re.compile(
    r"https?://\S+|perurel \w+|--[\w-]+|'[^']*'|\b(" + "|".join(COMMANDS) + r")\b"
    r"|\b\w+(-\w+)+\b"  # ids: 1825-07-18-first-dutch-consul-peru, seed-fn-15-canada-embassy-lima
)
_FIELD_NAMES = re.compile(
    r"\b(" + "|".join({f for c in COMMANDS.values() for f in c.fields}) + r")\b"
)
_JSON_PATH = re.compile(r"\b[a-z_]+(?:\[\d+\]|\.[\w^]+)+")
# Proper names and titles kept as they are: a project, a dataset, an organisation's English name
# shown beside its Spanish one, a source's title quoted in a note.
_KEPT = ("Correlates of War", "UN General Assembly Voting Data", "Organization of American States",
         "Embassy of Peru in the Netherlands")  # fmt: skip


@pytest.mark.parametrize("line", SPANISH_RUNS)
def test_spanish_output_has_no_english_words(run: Run, line: str) -> None:
    import shlex

    result = run("--lang", "es", *shlex.split(line), env={"COLUMNS": "1000"})  # quotes unbroken
    assert "Traceback" not in result.stderr
    lines = (result.stdout + result.stderr).splitlines()
    if "Fuentes" in lines:  # a card's numbered sources: their titles are the sources' own
        lines = lines[: lines.index("Fuentes")]
    if line.startswith("votes --resolution"):
        lines = lines[1:]  # the resolution's title, as the UN gives it
    assert english_words(lines) == [], line


def english_words(lines: list[str], *, paths: bool = False) -> list[str]:
    """The English words in lines for people, outside what is kept as it is (and, with `paths`,
    JSON paths such as countries[0].relations.history[1], which name the dataset's keys)."""
    english = []
    for text in lines:
        for kept in _KEPT:
            text = text.replace(kept, "")
        if "--fields" in text:  # field names (like JSON keys) are English in both languages
            text = _FIELD_NAMES.sub("", text)
        if paths:
            text = _JSON_PATH.sub("", text)
        text = _COMMAND_LINE.sub("", text)
        if text.lstrip().startswith(("título", "editor")):  # a source's own title, publisher
            continue
        english += [f"{word} in {text.strip()!r}" for word in _ENGLISH.findall(text)]
    return english


def test_the_english_word_check_finds_english(run: Run) -> None:
    """The check above can fail: the same runs in English are full of the words it looks for."""
    for line in ("countries --status nada", "country chile", "contry chile"):
        import shlex

        result = run("--lang", "en", *shlex.split(line))
        text = _COMMAND_LINE.sub("", result.stdout + result.stderr)
        assert _ENGLISH.findall(text), line


@pytest.mark.parametrize("name", [*COMMANDS, None])
def test_help_in_spanish_for_every_command(run: Run, name: str | None) -> None:
    """--help, `help COMMAND` and bare `perurel --help` in Spanish, from the same declaration."""
    args = [name, "--help"] if name else ["--help"]
    spanish = run("--lang", "es", *args, env={"COLUMNS": "120"})
    assert spanish.exit_code == 0, spanish.output
    assert "Uso: perurel" in spanish.stdout and "Opciones" in spanish.stdout
    assert "Usage:" not in spanish.stdout and "Options" not in spanish.stdout
    declared = COMMANDS[name].doc if name else perurel.spec.APP_HELP
    summary = i18n.catalogue("es").gettext(declared).split("\n", 1)[0]
    assert summary != declared.split("\n", 1)[0]  # the summary has its Spanish
    assert " ".join(summary.split()[:4]) in " ".join(spanish.stdout.split())
    if name:
        helped = run("--lang", "es", "help", name, env={"COLUMNS": "120"}).stdout
        assert f"Uso: perurel {name}" in helped
        assert " ".join(summary.split()[:4]) in " ".join(helped.split())
    english = run("--lang", "en", *args, env={"COLUMNS": "120"})
    assert "Usage: perurel" in english.stdout and "Uso:" not in english.stdout


def test_the_spanish_docs_page_is_generated() -> None:
    page = (ROOT / "docs" / "cli.es.md").read_text(encoding="utf-8")
    assert page.startswith("# Referencia de la línea de comandos")
    for name in COMMANDS:
        assert f"## `perurel {name}" in page


def test_dates_inside_spanish_prose_read_as_spanish(run: Run, ds: perurel.Dataset) -> None:
    iso = re.compile(r"\b\d{4}-(0[1-9]|1[0-2])(-\d{2})?\b")
    texts = [
        c.summary_es for c in ds.countries.values() if c.summary_es and iso.search(c.summary_es)
    ]
    assert texts  # the data writes some dates as ISO inside its Spanish prose
    for code, country in ds.countries.items():
        if country.summary_es and iso.search(country.summary_es):
            card = run("--lang", "es", "country", code, "--exact", "--full").stdout
            prose = " ".join(card.split("Fuentes\n")[0].split())
            assert not iso.search(prose.replace("(perurel", "")), code


def test_the_catalogue_reader_answers_as_gettext_does() -> None:
    # perurel reads the compiled catalogue itself (faster to start); the standard library's
    # gettext is the reference for every entry, singular and plural.
    import gettext

    from perurel import i18n

    mine = i18n.catalogue("es")
    assert type(mine).__name__ == "_Catalogue"
    reference = gettext.translation(i18n.DOMAIN, i18n.localedir(), languages=["es"])
    keys = [k for k in reference._catalog if k != ""]  # type: ignore[attr-defined]
    assert len(keys) > 500
    for key in keys:
        if isinstance(key, str):
            assert mine.gettext(key) == reference.gettext(key), key
        else:
            for n in (0, 1, 2, 7):
                assert mine.ngettext(key[0], "x", n) == reference.ngettext(key[0], "x", n), key
    assert mine.gettext("no such message") == "no such message"
    assert mine.ngettext("one thing", "{n} things", 3) == "{n} things"


def broken_dataset() -> dict[str, Any]:
    """The fixture dataset broken in every way `validate` words a problem (and one warning)."""
    data: dict[str, Any] = json.loads((ROOT / "tests" / "fixtures" / "mini.json").read_text())
    data.update(dataset_date="2999", facts_to="1800")
    ministry = ["ministry"]
    data["sources"] += [
        {"id": "Bad Id", "title": "", "publisher": 5, "url": "http://a b", "via": "ftp://x", "note": 5,
         "author": ["Smith, John, Jr", ""], "date": "1999-13", "tier": "blog", "found_in": "nope"},
        {"id": "seed", "title": "T", "publisher": "P", "author": [], "tier": "other",
         "found_in": "seed"},
    ]  # fmt: skip
    chile, ecuador, korea, north_korea, bulgaria, brazil = data["countries"]
    chile["relations"].update(note="No establishment date was found.", note_es="")
    chile["relations"]["history"] = [
        {"kind": "established", "date": "1900", "by": "ZZ", "sources": ministry,
         "alternatives": [{"date": "1900", "sources": ministry}]},
        {"kind": "established", "date": "1822", "by": "ZZ", "sources": ["nope"]},
        {"kind": "restored", "date": None, "sources": ministry},
        {"kind": "broken", "date": "1950", "sources": ministry},
    ]  # fmt: skip
    chile.update(summary_es="", aliases="")
    chile["missions"][0].update(
        state="open", as_of="1998", closed="1990",
        events=["1879-04-05-war", "nope", "1998-10-peace", "1999-agreements"],
    )  # fmt: skip
    chile["missions"][1].update(owner="CL", host="BR", kind="palace", events="x")
    chile["representation"]["snapshots"].append([1700, 7, 1])
    chile["relations"]["history"][3]["alternatives"] = []
    chile["un_votes"] = {"since": 2000, "until": 1940, "agreement": 120, "votes": 0,
                         "sources": [], "extra": 1}  # fmt: skip
    ecuador["relations"].update(status="broken", as_of="1990")
    ecuador["relations"]["history"].append(
        {"kind": "restored", "date": "1990", "sources": ministry}
    )
    korea["relations"].update(
        note="Relations \u0007 since 1962.", note_es="No se halló ningún restablecimiento."
    )
    korea["relations"]["history"] = [
        {"kind": "broken", "date": "1962", "sources": ministry},
        {"kind": "restored", "date": "1963", "sources": ministry},
        {"kind": "suspended", "date": None, "sources": ministry},
    ]
    north_korea["relations"]["history"] = [
        {"kind": "recognition", "date": "1988", "sources": ministry}
    ]
    bulgaria["relations"]["history"].append({"kind": "broken", "date": "1960", "sources": ministry})
    brazil["relations"]["note_es"] = "Solo en español."
    brazil["name_es"] = "\ud800"
    data["countries"] += [
        {"code": "PE", "iso3": "per", "name": "", "name_es": "Perú", "region": 3, "subregion": "x",
         "relations": {"status": "none", "as_of": "2020", "sources": ministry}, "missions": "x"},
        {"code": "CL", "iso3": "CHL", "name": "C", "name_es": "C", "region": "r", "subregion": "s"},
        {"code": "xx", "iso3": "XXX", "name": "X", "name_es": "X", "region": "r", "subregion": "s",
         "relations": {"status": "active", "as_of": "2020", "sources": "ministry"}, "summary": "S",
         "\u0007": 1},
        [], "x", True, 5, None,
    ]  # fmt: skip
    data["events"] += [
        {"id": "1879-04-05-war", "date": "1879-04-05", "countries": "CL", "kind": "battle",
         "title": "War begins", "summary": "S", "summary_es": "R", "sources": []},
        {"id": "2000-embassy", "date": "2000", "countries": ["EC", "EC"], "kind": "relations",
         "title": "Embassy opened in Quito", "title_es": "T", "summary": "S", "summary_es": "R",
         "sources": ministry},
    ]  # fmt: skip
    data["organisations"] += [
        {"id": "un", "name": "X", "name_es": "X", "tie": "friend", "sources": ministry},
        {"id": "oas", "name": "O", "name_es": "O", "tie": "observer", "joined": "1990",
         "sources": ministry, "note": "N"},
        {"id": "sc", "name": "C", "name_es": "C", "since": "1990", "sources": ministry,
         "members": {"codes": ["ZZ"], "sources": ministry}},
        {"id": "sc2", "name": "C", "name_es": "C", "tie": "elected-seat", "since": "1990",
         "sources": ministry, "periods": [{"kind": "nap", "start": "1990", "sources": ministry}]},
    ]  # fmt: skip
    return data


EMPTY = {"schema_version": 2, "sources": [], "countries": [], "events": [], "organisations": []}
# Datasets broken at the top, each stopping the check before the records are read.
BROKEN_TOPS: list[Any] = [
    [], {"schema_version": "2"}, {"schema_version": 99}, {"schema_version": 1},
    {"schema_version": 2, "sources": {}}, {**EMPTY, "facts_to": "2000"},
]  # fmt: skip


@pytest.fixture
def broken_files(tmp_path: Path) -> list[Path]:
    paths = []
    for i, data in enumerate([broken_dataset(), *BROKEN_TOPS]):
        path = tmp_path / f"broken-{i}.json"
        path.write_text(json.dumps(data), encoding="utf-8")  # \ud800 escaped, as JSON may
        paths.append(path)
    return paths


def test_validate_words_every_problem_in_spanish(run: Run, broken_files: list[Path]) -> None:
    """`validate` on broken datasets: each problem and warning in Spanish, no English word in its
    message (the JSON paths name the file's keys and stay as they are)."""
    for path in broken_files:
        spanish = run("--lang", "es", "validate", str(path))
        assert spanish.exit_code == 3, spanish.output
        assert spanish.stdout and "Traceback" not in spanish.stderr
        lines = spanish.stdout.splitlines() + spanish.stderr.splitlines()
        assert english_words(lines, paths=True) == [], path
        assert re.search(r"perurel: error: \d+ problemas? en ", spanish.stderr), spanish.stderr
    warned = run("--lang", "es", "validate", str(broken_files[0])).stderr
    assert (
        "advertencia: countries[0].missions[0].as_of: misión abierta vista por última vez" in warned
    )


def test_validate_messages_differ_by_language_not_their_paths() -> None:
    """Every problem has its Spanish (the message differs from the English one), at the same
    JSON path."""
    from perurel.validate import review

    for data in [broken_dataset(), *BROKEN_TOPS]:
        english = review(data)
        i18n.use("es")
        try:
            spanish = review(data)
        finally:
            i18n.use("en")
        for en, es in zip(english[0] + english[1], spanish[0] + spanish[1], strict=True):
            where = es.path.split(" (")[0]  # "(the key)" after a key's path is translated
            assert where == en.path.split(" (")[0] and es.message != en.message, (en, es)


# Messages of the schema walk that the bundled schema never lets it give (each keyword there has
# its own `errorMessage`): tests/test_schema_check.py meets them with a schema of its own.
WALK_ONLY: set[str | tuple[str, str]] = {
    "expected a number, found {found}",
    "expected null, found {found}",
    "{value} is above the maximum, {limit}",
    "{value} is not allowed here",
    ("expected at most {n} item", "expected at most {n} items"),
    "no item is of the kind required here",
}


def test_every_validate_message_is_met_in_spanish(run: Run, broken_files: list[Path]) -> None:
    """The broken datasets above meet every message `validate` has: the Spanish check covers
    them all, and a new rule without a broken case here fails this test."""
    messages = _messages_script()
    checks = ("perurel/validate.py", "perurel/schema_check.py", "data/relations.schema.json")
    wanted = [
        m.id
        for m in messages.extract()
        if any(f in checks for f, _ in m.locations) and m.id not in WALK_ONLY
    ]
    assert len(wanted) > 60
    output = "\n".join(run("--lang", "es", "validate", str(p)).output for p in broken_files)
    catalogue = i18n.catalogue("es")
    unmet = []
    for message in wanted:
        if isinstance(message, tuple):  # singular and plural: either met
            texts = [catalogue.ngettext(message[0], message[1], n) for n in (1, 2)]
        else:
            texts = [catalogue.gettext(message)]
        patterns = [
            ".*?".join(re.escape(part) for part in re.split(r"\{\w+\}", text)) for text in texts
        ]
        if not any(re.search(pattern, output) for pattern in patterns):
            unmet.append(message)
    assert unmet == []


def test_a_broken_custom_dataset_is_refused_in_spanish(run: Run, broken_files: list[Path]) -> None:
    """The DataError a broken --data file raises quotes its first problem, in Spanish."""
    for env in ({}, {"PERUREL_LANG": "es"}):
        args = [] if env else ["--lang", "es"]
        result = run(*args, "--data", str(broken_files[0]), "country", "chile", env=env)
        assert result.exit_code == 3
        assert result.stderr.startswith(f"perurel: error: datos no válidos {broken_files[0]}: ")
        assert "está en el futuro" in result.stderr and "ejecute 'perurel validate" in result.stderr
        assert english_words([result.stderr], paths=True) == []


@pytest.mark.parametrize(
    ("argv", "env"),
    [
        (["--lang", "es", "country", "chile"], {}),
        (["--version"], {"PERUREL_LANG": "es"}),
        ([], {"LANG": "es_PE.UTF-8"}),
    ],
)
def test_a_closed_output_is_said_in_spanish(
    argv: list[str], env: dict[str, str], monkeypatch: pytest.MonkeyPatch, capsys: Any
) -> None:
    """stdout closed (`>&-`) is found before the command line is read: the language is chosen
    first, from --lang or the environment, so the one line says it in Spanish."""
    import sys

    from perurel import launch

    for variable in ("PERUREL_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(variable, raising=False)
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    monkeypatch.setattr(sys, "argv", ["perurel", *argv])
    monkeypatch.setattr(sys, "stdout", None)
    with pytest.raises(SystemExit) as exited:
        launch.main()
    assert exited.value.code == 5
    assert capsys.readouterr().err == (
        "perurel: error: no se puede escribir la salida: la salida estándar está cerrada\n"
    )


@pytest.mark.parametrize(
    ("args", "tail", "said"),
    [
        (["--lang", "es", "country", "chile"], " >&-", "la salida estándar está cerrada"),
        (["timeline"], " > /dev/full", "no queda espacio en el dispositivo"),
        (["--lang", "es", "--help"], " > /dev/full", "no queda espacio en el dispositivo"),
    ],
)
def test_an_output_that_cannot_be_written_is_said_in_spanish(
    args: list[str], tail: str, said: str
) -> None:
    """In a real process: a closed or full standard output, in Spanish, the system's own words
    (English whatever the locale) too."""
    import os
    import shlex
    import subprocess
    import sys

    if "/dev/full" in tail and not os.path.exists("/dev/full"):
        pytest.skip("no /dev/full here")
    command = " ".join(shlex.quote(a) for a in [sys.executable, "-m", "perurel", *args]) + tail
    env = {
        **os.environ,
        "PERUREL_LANG": "es",
        "PERUREL_DATA": str(ROOT / "tests/fixtures/mini.json"),
    }
    done = subprocess.run(
        ["sh", "-c", command], capture_output=True, text=True, env=env, timeout=30, check=False
    )
    assert done.returncode == 5
    assert done.stderr == f"perurel: error: no se puede escribir la salida: {said}\n"


def test_what_the_system_says_is_in_the_readers_language() -> None:
    import errno

    full = OSError(errno.ENOSPC, "No space left on device")
    odd = OSError(errno.ECHILD, "No child processes")  # none perurel meets: the system's words
    assert i18n.oserror(full) == "No space left on device"
    i18n.use("es")
    try:
        assert i18n.oserror(full) == "no queda espacio en el dispositivo"
        assert i18n.oserror(OSError(errno.EACCES, "x")) == "permiso denegado"
        assert i18n.oserror(odd) == "No child processes"
    finally:
        i18n.use("en")


def test_source_notes_in_the_readers_language(run: Run, ds: perurel.Dataset) -> None:
    """A source's note is shown in Spanish (`note_es`) under --lang es, in English otherwise;
    JSON carries both fields in either language."""
    noted = [s for s in ds.sources.values() if s.note]
    assert noted and all(s.note_es for s in noted)
    assert all(s.note_es != s.note for s in noted if len(s.note or "") > 40)
    source = ds.sources["enwiki-foreign-relations-of-peru-2025"]
    assert source.note and source.note_es
    spanish = run("--lang", "es", "sources", source.id, env={"COLUMNS": "1000"}).stdout
    english = run("--lang", "en", "sources", source.id, env={"COLUMNS": "1000"}).stdout
    assert source.note_es in spanish and source.note not in spanish
    assert source.note in english and source.note_es not in english
    for lang in ("es", "en"):
        record = json.loads(run("--lang", lang, "sources", source.id, "--json").stdout)
        assert (record["note"], record["note_es"]) == (source.note, source.note_es)


@pytest.mark.parametrize(("spanish", "english"), [("misiones", "missions"), ("votos", "votes")])
def test_map_views_take_their_spanish_words(run: Run, spanish: str, english: str) -> None:
    for lang in ("es", "en"):
        expected = run("--lang", lang, "map", "--by", english, "-o", "-")
        assert expected.exit_code == 0 and "<svg" in expected.stdout, expected.stderr
        assert run("--lang", lang, "map", "--by", spanish, "-o", "-").stdout == expected.stdout


def _gzip(content: bytes) -> bytes:
    import gzip

    return gzip.compress(content)


def _votes(change: Any) -> bytes:
    """The fixture's voting file, changed."""
    import gzip

    doc = json.loads(gzip.decompress(Path(VOTES["PERUREL_VOTES"]).read_bytes()))
    change(doc)
    return gzip.compress(json.dumps(doc).encode())


# Words of the standard library's messages, which a Spanish reader must not meet.
LIBRARY_WORDS = re.compile(
    r"\b(Expecting|delimiter|Extra|Invalid|Exceeds|digits|integer|Not|gzipped|file|"
    r"Compressed|ended|Error|decompressing|block|object|subscriptable|attribute|wrong|type|"
    r"differ|length|mark|roll|call)\b"
)


# Files perurel cannot read, each with the error path it takes: the standard library's words
# (JSON's, gzip's, an integer's limit) must not reach a Spanish reader.
BAD_FILES: dict[str, tuple[str, bytes]] = {
    "JSON cut short": ("data", b'{"schema_version": 2, '),
    "JSON without a comma": ("data", b"[1,2\n3]"),
    "JSON with a bad escape": ("data", b'{"a": "\\x"}'),
    "JSON with extra data": ("data", b"{} {}"),
    "a huge integer": ("data", b"1" * 5000),
    "votes not gzip": ("votes", b"{}"),
    "votes cut short": ("votes", _gzip(b"{}")[:12]),
    "votes damaged": ("votes", _gzip(b"{}")[:10] + b"\xff" * 20),
    "votes columns of other lengths": ("votes", _votes(lambda d: d["rollcalls"].update(rcid="1"))),
    "votes of a wrong type": ("votes", _votes(lambda d: d["rollcalls"].update(
        rcid=[str(r) for r in d["rollcalls"]["rcid"]]))),
    "votes too few": ("votes", _votes(lambda d: d["states"][0].update(votes="y"))),
    "votes of another mark": ("votes", _votes(lambda d: d["states"][0].update(
        votes="x" * len(d["states"][0]["votes"])))),
    "votes of another type": ("votes", _votes(lambda d: d.update(states=[5]))),
}  # fmt: skip


@pytest.mark.parametrize("name", list(BAD_FILES))
def test_unreadable_files_are_said_in_spanish(run: Run, tmp_path: Path, name: str) -> None:
    what, content = BAD_FILES[name]
    path = tmp_path / "file"
    path.write_bytes(content)
    if what == "data":
        result = run("--lang", "es", "--data", str(path), "country", "chile")
    else:
        from perurel import store

        store._load_votes.cache_clear()  # a file read before is not read again
        result = run("--lang", "es", "votes", "chile", env={"PERUREL_VOTES": str(path)})
        store._load_votes.cache_clear()
    assert result.exit_code == 3, result.output
    assert result.stderr.startswith("perurel: error: ") and str(path) in result.stderr
    said = result.stderr.replace(str(path), "")
    assert english_words([said]) == [] and not LIBRARY_WORDS.search(said), result.stderr


def test_an_out_of_range_terminal_size_is_said_in_spanish(run: Run) -> None:
    result = run("--lang", "es", "timeline", env={"COLUMNS": "99999999"})
    assert result.exit_code == 2
    assert result.stderr == (
        "perurel: error: COLUMNS=99999999 está fuera de rango: use de 1 a 10000, o quite la "
        "variable\n"
    )


def test_an_unknown_publisher_is_said_in_spanish(run: Run, ds: perurel.Dataset) -> None:
    """ "unknown publisher" is the data's word, not a publisher's name: said in the reader's."""
    unknown = [s for s in ds.sources.values() if s.publisher == "unknown publisher"]
    assert unknown
    spanish = run("--lang", "es", "sources", unknown[0].id).stdout
    assert "editor desconocido" in spanish and "unknown publisher" not in spanish
    listed = run("--lang", "es", "sources", "--tier", unknown[0].tier, env={"COLUMNS": "300"})
    assert "editor desconocido" in listed.stdout and "unknown" not in listed.stdout
    assert "unknown publisher" in run("--lang", "en", "sources", unknown[0].id).stdout


def test_publishers_in_the_readers_language(run: Run, ds: perurel.Dataset) -> None:
    source = ds.sources["seed-fn-09-rree-kosovo-2008"]
    assert (source.publisher, source.publisher_es) == (
        "Ministry of Foreign Affairs of Peru",
        "Ministerio de Relaciones Exteriores del Perú",
    )
    name_es = source.publisher_es or ""
    spanish = run("--lang", "es", "sources", source.id).stdout
    assert name_es in spanish and source.publisher not in spanish
    english = run("--lang", "en", "sources", source.id).stdout
    assert source.publisher in english and name_es not in english
    card = run("--lang", "es", "country", "XK", "--exact", "--full", env={"COLUMNS": "300"})
    assert name_es in card.stdout and source.publisher not in card.stdout
    record = json.loads(run("--lang", "es", "sources", source.id, "--json").stdout)
    assert (record["publisher"], record["publisher_es"]) == (source.publisher, source.publisher_es)


def test_source_dates_read_as_spanish(run: Run) -> None:
    spanish = run("--lang", "es", "sources", "seed-fn-09-rree-kosovo-2008").stdout.splitlines()
    assert "fecha   22 feb 2008" in spanish  # a date at its precision, no row saying "day"
    english = run("--lang", "en", "sources", "seed-fn-09-rree-kosovo-2008").stdout.splitlines()
    assert "date       2008-02-22" in english
    assert not any("precision" in line for line in spanish + english)


def test_closed_vocabularies_have_their_spanish_words_in_one_place() -> None:
    # The Spanish word of a status, kind, state, tier or tie is i18n.WORDS's: the message
    # catalogue holds no second translation of the same value (the map's legend once did).
    from babel.messages.pofile import read_po

    from perurel.model import MISSION_STATES, PERIOD_KINDS, TIES

    po = ROOT / "src" / "perurel" / "locale" / "es" / "LC_MESSAGES" / "perurel.po"
    with po.open("rb") as f:
        msgids = {m.id for m in read_po(f) if isinstance(m.id, str)}
    vocabularies = {
        "status": STATUSES,
        "event": EVENT_KINDS,
        "milestone": MILESTONE_KINDS,
        "mission": MISSION_KINDS,
        "state": MISSION_STATES,
        "level": tuple(LEVELS.values()),
        "tier": TIERS,
        "tie": TIES,
        "period": PERIOD_KINDS,
    }
    for kind, values in vocabularies.items():
        for value in values:
            assert value in i18n.WORDS[kind], (kind, value)
            twice = {value, value.replace("-", " ")} & msgids
            assert not twice, f"{kind} {value!r} is translated in WORDS and the catalogue"


def test_the_map_legend_says_the_status_in_the_words_of_the_card(run: Run) -> None:
    svg = run("--lang", "es", "map", "--by", "status", "--format", "svg").stdout
    legend = {"activas", "suspendidas", "rotas", "sin relaciones", "desconocido"}
    assert all(f">{word}<" in svg for word in legend), [w for w in legend if f">{w}<" not in svg]
