"""countries, search, sources, stats, orgs and the shared output options: exact output on the
fixture dataset, and smoke tests on the real one."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import FIXTURE, entry


def mini(*args: str):  # type: ignore[no-untyped-def]
    outcome = entry(["--data", str(FIXTURE), *args])
    assert outcome.exit_code == 0, outcome.output
    return outcome


def test_countries_table() -> None:
    assert mini("countries").stdout == (
        "Code  Name         Subregion       Status   Since  Missions  Events\n"
        "BR    Brazil       South America   unknown  —      0         0\n"
        "BG    Bulgaria     Eastern Europe  active   1969   1         0\n"
        "CL    Chile        South America   active   1822   2         3\n"
        "EC    Ecuador      South America   active   —      0         1\n"
        "KP    North Korea  Eastern Asia    unknown  —      0         0\n"
        "KR    South Korea  Eastern Asia    unknown  —      0         0\n"
    )


def test_countries_csv() -> None:
    assert mini("countries", "--format", "csv").stdout == (
        "code,iso3,name,name_es,region,subregion,relations.status,relations.as_of,"
        "relations.as_of_precision,relations.established,relations.established_precision,"
        "relations.first.kind,relations.first.date,relations.first.date_precision,mission_count,"
        "event_count\n"
        "BR,BRA,Brazil,Brasil,Americas,South America,unknown,,,,,,,,0,0\n"
        "BG,BGR,Bulgaria,Bulgaria,Europe,Eastern Europe,active,2024,year,1969,year,established,1969,"
        "year,1,0\n"
        "CL,CHL,Chile,Chile,Americas,South America,active,2024,year,1822,year,established,1822,year,"
        "2,3\n"
        "EC,ECU,Ecuador,Ecuador,Americas,South America,active,2024,year,,,recognition,1832-07-12,"
        "day,0,1\n"
        "KP,PRK,North Korea,Corea del Norte,Asia,Eastern Asia,unknown,,,,,,,,0,0\n"
        "KR,KOR,South Korea,Corea del Sur,Asia,Eastern Asia,unknown,,,,,,,,0,0\n"
    )


@pytest.mark.parametrize(
    ("args", "codes"),
    [
        (["--status", "active"], ["BG", "CL", "EC"]),
        (["--status", "ACTIVE", "--sort", "date"], ["CL", "BG", "EC"]),
        (["--region", "americas"], ["BR", "CL", "EC"]),
        (["--region", "South America", "--sort", "events"], ["CL", "EC", "BR"]),
        (["--region", "eastern asia"], ["KP", "KR"]),
        (["--since", "1900"], ["BG"]),
        (["--until", "1969-12"], ["BG", "CL"]),
        (["--has-embassy"], ["CL"]),
    ],
)
def test_countries_filters(args: list[str], codes: list[str]) -> None:
    rows = json.loads(mini("countries", *args, "--json").stdout)
    assert [r["code"] for r in rows] == codes


def test_countries_bad_region_and_dates() -> None:
    outcome = entry(["--data", str(FIXTURE), "countries", "--region", "Atlantis"])
    assert outcome.exit_code == 2
    # the choices are the fixture's own regions and subregions, not a fixed list
    assert outcome.stderr == (
        "perurel: error: unknown region 'Atlantis'; choose from Americas, Asia, Eastern Asia, "
        "Eastern Europe, Europe, South America\n"
    )
    dates = entry(["--data", str(FIXTURE), "countries", "--since", "1990-13"])
    assert dates.exit_code == 2 and "invalid value for --since: '1990-13'" in dates.stderr


def test_every_machine_format_of_the_timeline() -> None:
    args = ("timeline", "--until", "1929", "--fields", "date,countries,title")
    assert mini(*args, "--json").stdout == (
        '[\n{"date": "1879-04-05", "countries": ["CL"], "title": "War begins"},\n'
        '{"date": "1929-06-03", "countries": ["CL"], "title": "Treaty signed"}\n]\n'
    )
    assert mini(*args, "--format", "jsonl").stdout == (
        '{"date": "1879-04-05", "countries": ["CL"], "title": "War begins"}\n'
        '{"date": "1929-06-03", "countries": ["CL"], "title": "Treaty signed"}\n'
    )
    assert mini(*args, "--format", "csv").stdout == (
        "date,countries,title\n1879-04-05,CL,War begins\n1929-06-03,CL,Treaty signed\n"
    )
    assert mini(*args, "--format", "tsv").stdout == (
        "date\tcountries\ttitle\n1879-04-05\tCL\tWar begins\n1929-06-03\tCL\tTreaty signed\n"
    )
    assert mini(*args, "--format", "markdown").stdout == (
        "| date | countries | title |\n|---|---|---|\n"
        "| 1879-04-05 | CL | War begins |\n| 1929-06-03 | CL | Treaty signed |\n"
    )
    assert mini(*args).stdout == (
        "date        countries  title\n1879-04-05  CL         War begins\n1929-06-03  CL         Treaty signed\n"
    )


def test_named_objects_and_lists_are_json_cells_in_csv() -> None:
    out = mini("country", "chile", "--format", "csv", "--fields", "code,relations,missions").stdout
    row = next(csv.DictReader(io.StringIO(out)))
    assert list(row) == ["code", "relations", "missions"]
    assert row["code"] == "CL"
    assert json.loads(row["relations"])["status"] == "active"  # an object named whole: JSON
    assert json.loads(row["missions"])[0]["city"] == "Santiago"  # a list of objects stays JSON


def test_unnamed_objects_flatten_to_dotted_columns_in_csv() -> None:
    out = mini("country", "chile", "--format", "csv").stdout
    row = next(csv.DictReader(io.StringIO(out)))
    assert row["relations.status"] == "active" and row["relations.sources"] == "ministry"


def test_dotted_fields_and_order() -> None:
    doc = json.loads(
        mini("country", "chile", "--json", "--fields", "relations.established,code").stdout
    )
    assert list(doc) == ["relations.established", "code"]
    assert doc == {"relations.established": "1822", "code": "CL"}


@pytest.mark.parametrize(
    "command",
    [
        ["country", "chile"],
        ["timeline"],
        ["countries"],
        ["search", "war"],
        ["sources"],
        ["stats"],
        ["orgs"],
    ],
)
def test_unknown_fields_are_usage_errors_listing_the_valid_ones(command: list[str]) -> None:
    outcome = entry(["--data", str(FIXTURE), *command, "--fields", "nope", "--json"])
    assert outcome.exit_code == 2
    assert outcome.stderr.startswith(
        "perurel: error: unknown field 'nope' for --fields; choose from "
    )


def test_json_and_format_must_agree() -> None:
    outcome = entry(["--data", str(FIXTURE), "timeline", "--json", "--format", "csv"])
    assert outcome.exit_code == 2 and "--json and --format csv" in outcome.stderr
    assert mini("timeline", "--json", "--format", "json").stdout.startswith("[")


def test_tsv_and_markdown_escape_what_would_break_a_row() -> None:
    from perurel.formats import write

    rec = {"a": "x\ty\nz", "b": "p|q"}
    assert write([rec], "tsv") == "a\tb\nx\\ty\\nz\tp|q\n"
    assert write([rec], "markdown") == "| a | b |\n|---|---|\n| x\ty<br>z | p\\|q |\n"
    assert write([], "csv") == "\n" and write([], "json") == "[]\n"


def test_search() -> None:
    # 'treaty' in its title and text first; then an event of kind treaty
    assert mini("search", "treaty").stdout == (
        "Kind   Date        With  Match                               Score\n"
        "event  1929-06-03  CL    Treaty signed: A treaty is signed.  70\n"
        "event  1998-10     EC    Peace accord: Peace with Ecuador.   60\n"
    )
    typo = json.loads(mini("search", "tretay", "--json").stdout)
    assert typo[0]["id"] == "1929-06-03-treaty" and typo[0]["score"] < 70
    both = json.loads(mini("search", "ecuador peace", "--json").stdout)
    assert [h["id"] for h in both] == ["1998-10-peace"]
    assert json.loads(mini("search", "nothing-like-this", "--json").stdout) == []
    assert entry(["--data", str(FIXTURE), "search", "   "]).exit_code == 2


def test_search_on_the_real_data_ranks_and_forgives() -> None:
    hits = json.loads(entry(["search", "maritime dispute chile", "--json"]).stdout)
    fields = {"kind", "id", "date", "date_precision", "countries", "title", "text", "title_es"}
    assert hits and fields | {"text_es", "score"} == set(hits[0])
    assert any(h["id"] == "2014-01-27-icj-judgment-chile" for h in hits[:5])
    accents = json.loads(entry(["search", "perez de cuellar", "--json"]).stdout)
    assert any("Cuéllar" in h["title"] for h in accents)


def test_sources_list_and_one() -> None:
    assert (
        mini("sources", "--format", "csv", "--fields", "id,cited").stdout
        == "id,cited\nseed,11\nministry,5\nnames,6\ncow,1\n"
    )
    one = json.loads(mini("sources", "ministry", "--json").stdout)
    assert one["cited"] == 5
    assert [c["kind"] for c in one["cited_by"]][:3] == ["country", "milestone", "mission"]
    assert [c["ref"] for c in one["cited_by"]] == ["CL", "CL", "CL", "1879-04-05-war", "un"]
    missing = entry(["--data", str(FIXTURE), "sources", "minstry"])
    assert missing.exit_code == 1 and "no source with id 'minstry'" in missing.stderr


def test_stats() -> None:
    doc = json.loads(mini("stats", "--json").stdout)
    assert doc["coverage"]["states"] == 6 and doc["coverage"]["with_start_date"] == 2
    assert doc["by_status"] == {"active": 3, "suspended": 0, "broken": 0, "none": 0, "unknown": 3}
    assert doc["events_by_decade"] == {"1870s": 1, "1920s": 1, "1990s": 2, "2000s": 1}
    people = mini("stats").stdout
    assert "Events per decade" in people and "1990s  2  █" in people


def test_orgs() -> None:
    assert json.loads(mini("orgs", "--json").stdout) == [
        {
            "id": "un",
            "name": "United Nations",
            "name_es": "Naciones Unidas",
            "tie": "member",  # the fixture gives no tie: a member, who joins
            "joined": "1945-10-31",
            "joined_precision": "day",
            "left": None,  # every field of the record, empty where it has none
            "left_precision": None,
            "since": None,
            "since_precision": None,
            "until": None,
            "until_precision": None,
            "role": "original member",
            "role_es": "miembro fundador",
            "note": "",
            "note_es": None,
            "sources": ["ministry"],
            "periods": [],
            "members": {
                "codes": ["CL", "EC", "BG"],
                "as_of": "2024",
                "as_of_precision": "year",
                "note": None,
                "sources": ["ministry"],
            },
        }
    ]
    assert "United Nations" in mini("orgs").stdout


@pytest.mark.parametrize(
    "args",
    [
        ["countries"],
        ["countries", "--region", "Africa", "--format", "markdown"],
        ["search", "embassy", "-n", "3"],
        ["sources"],
        ["sources", "seed-wikipedia-2010"],
        ["stats"],
        ["orgs"],
        ["orgs", "--format", "csv"],
    ],
)
def test_smoke_on_the_real_dataset(args: list[str]) -> None:
    outcome = entry(args)
    assert outcome.exit_code == 0, outcome.output
    assert outcome.stdout.strip()


def test_shell_completion_offers_countries_and_kinds() -> None:
    def complete(words: str, cword: int) -> list[str]:
        env = {"_PERUREL_COMPLETE": "complete_bash", "COMP_WORDS": words, "COMP_CWORD": str(cword)}
        import os

        out = subprocess.run(
            [sys.executable, "-m", "perurel"],
            env={**os.environ, **env},
            capture_output=True,
            text=True,
            check=False,
        )
        return out.stdout.split()

    assert {"chile", "china"} <= set(complete("perurel country chi", 2))
    assert "mexico" in complete("perurel timeline --country mex", 3)
    assert complete("perurel timeline --kind tr", 3) == ["treaty", "trade"]


# --- missions ---------------------------------------------------------------------------------


def test_missions_table() -> None:
    assert mini("missions").stdout == (
        "Mission          Kind             Where          State\n"
        "Peru → Chile     embassy          Santiago       open, as of 2023\n"
        "Bulgaria → Peru  accredited-from  Brasília (BR)  open, as of 2023\n"
        "Chile → Peru     embassy          Lima           open, as of 2023\n"
    )


def test_perus_open_embassies_as_csv_is_one_command() -> None:
    out = mini(
        "missions", "--from", "peru", "--kind", "embassy", "--state", "open", "--format", "csv"
    )
    rows = list(csv.DictReader(io.StringIO(out.stdout)))
    assert [(r["host"], r["city"], r["state"], r["as_of"]) for r in rows] == [
        ("CL", "Santiago", "open", "2023")
    ]


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--to", "peru"], ["BG", "CL"]),
        (["--to", "PE", "--region", "europe"], ["BG"]),
        (["--from", "chileno"], ["CL"]),
        (["--to", "chile"], ["CL"]),
        (["--state", "closed"], []),
        (["--kind", "accredited-from", "--kind", "EMBASSY"], ["CL", "BG", "CL"]),
    ],
)
def test_missions_filters(args: list[str], expected: list[str]) -> None:
    rows = json.loads(mini("missions", *args, "--json").stdout)
    assert [r["country"] for r in rows] == expected


def test_an_accreditation_names_where_it_is_run_from_apart_from_its_owner() -> None:
    """`--from` is the state that runs a mission (`owner`); the capital an accreditation covers
    Peru from has a name of its own, `accredited_from` (stored in the dataset as `from`)."""
    stored = [
        (m["owner"], m.get("from"))
        for c in json.loads(FIXTURE.read_text(encoding="utf-8"))["countries"]
        for m in c.get("missions", [])
        if m["kind"] == "accredited-from"
    ]
    assert stored == [("BG", "BR")]
    rows = json.loads(mini("missions", "--from", "bulgaria", "--json").stdout)
    assert [(r["owner"], r["accredited_from"]) for r in rows] == stored
    assert "from" not in rows[0]
    table = mini(
        "missions", "--from", "bulgaria", "--format", "csv", "--fields", "owner,accredited_from"
    )
    assert table.stdout == "owner,accredited_from\nBG,BR\n"
    card = json.loads(mini("country", "bulgaria", "--json").stdout)
    assert [m["accredited_from"] for m in card["missions"]] == ["BR"]
    old = entry(["--data", str(FIXTURE), "missions", "--fields", "from"])
    assert old.exit_code == 2 and "unknown field 'from'" in old.stderr


def test_missions_usage_errors() -> None:
    bad = entry(["--data", str(FIXTURE), "missions", "--region", "atlantis"])
    assert bad.exit_code == 2 and "unknown region 'atlantis'" in bad.stderr
    nowhere = entry(["--data", str(FIXTURE), "missions", "--from", "narnia"])
    assert nowhere.exit_code == 1


@pytest.mark.parametrize(
    "kinds",
    [
        ["--kind", "treaty,agreement"],
        ["--kind", "treaty", "--kind", "agreement"],
        ["-k", "TREATY, agreement"],
    ],
)
def test_kinds_repeat_or_separate_with_commas(kinds: list[str]) -> None:
    rows = json.loads(mini("timeline", *kinds, "--json").stdout)
    assert {e["kind"] for e in rows} == {"treaty", "agreement"}


def test_the_agreements_group_is_treaty_like_kinds() -> None:
    # the fixture's treaties and agreement, not its dispute or its politics event
    rows = json.loads(mini("timeline", "--kind", "agreements", "--json").stdout)
    assert [e["id"] for e in rows] == ["1929-06-03-treaty", "1998-10-peace", "1999-agreements"]
    assert "agreements" in entry(["timeline", "--help"]).stdout


def test_the_agreements_group_on_the_real_data_has_trade_too() -> None:
    out = entry(["timeline", "--kind", "agreements", "--since", "2000", "--json"])
    kinds = {e["kind"] for e in json.loads(out.stdout)}
    assert kinds == {"treaty", "agreement", "trade"}


# --- one organisation ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "org_id"),
    [
        ("OEA", "oas"),
        ("oas", "oas"),
        ("Organización de los Estados Americanos", "oas"),
        ("APEC", "apec"),
        ("CAN", "can"),
        ("Pacto Andino", "can"),
        ("Alianza del Pacífico", "pacific-alliance"),
        ("pacific alliance", "pacific-alliance"),
        ("ONU", "un"),
        ("Naciones Unidas", "un"),
        ("OMC", "wto"),
        ("ocde", "oecd"),
        ("TPP-11", "cptpp"),
        ("mercosur", "mercosur"),
    ],
)
def test_orgs_name_finds_one_organisation(query: str, org_id: str) -> None:
    out = entry(["orgs", query, "--json"])
    assert out.exit_code == 0, out.stderr
    assert json.loads(out.stdout)["id"] == org_id


def test_orgs_name_for_people_and_failures() -> None:
    card = entry(["orgs", "OEA"]).stdout
    assert card.startswith(
        "Organization of American States · Organización de los Estados Americanos"
    )
    assert "Peru joined 1948-04-30" in card and "Members besides Peru" in card
    vague = entry(["orgs", "naciones"])
    assert vague.exit_code == 1 and "fits several organisations" in vague.stderr
    none = entry(["orgs", "xyz"])
    assert none.exit_code == 1 and "APEC" in none.stderr
    csv_out = entry(["orgs", "APEC", "--format", "csv", "--fields", "name,joined"]).stdout
    assert csv_out == "name,joined\nAsia-Pacific Economic Cooperation,1998-11\n"


def test_export_keeps_authors_and_copies(tmp_path: Path) -> None:
    import sqlite3

    db = tmp_path / "mini.db"
    mini("export", "--sqlite", str(db))
    with sqlite3.connect(db) as conn:
        rows = {r[0]: r[1:] for r in conn.execute("select id, author, publisher, via from sources")}
    assert rows["cow"] == ("Bayer, Reşat", "Example project", None)
    assert rows["seed"] == (None, "Example Encyclopedia", "https://mirror.example.net/seed")


def test_sources_set_authors_apart_by_semicolons() -> None:
    one = entry(["sources", "fn-br-relaciones-peru-brasil"])
    assert one.exit_code == 0, one.stderr
    assert "author     Novak, Fabián; Namihas, Sandra" in one.stdout
    listing = entry(["sources", "--tier", "scholarly"], env={"COLUMNS": "300"}).stdout
    assert "Novak, Fabián; Namihas, Sandra" in listing
