"""`perurel export --sqlite`: the database opens with sqlite3, its keys hold, and SQL over it
gives the answers the CLI's JSON gives; Datasette serves it. Real components: the sqlite3
module on the written file, and a Datasette server on 127.0.0.1."""

from __future__ import annotations

import json
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from .conftest import entry


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("export") / "perurel.db"
    result = entry(["export", "--sqlite", str(path)])
    assert result.exit_code == 0, result.stderr
    assert "datasette" in result.stderr and result.stdout == ""
    return path


@pytest.fixture
def db(exported: Path) -> Iterator[sqlite3.Connection]:
    connection = sqlite3.connect(f"file:{exported}?mode=ro", uri=True)
    yield connection
    connection.close()


def cli(*args: str) -> Any:
    result = entry([*args, "--json"])
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def test_keys_hold_and_the_file_is_whole(db: sqlite3.Connection, exported: Path) -> None:
    assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []
    # Every table but the key-value one declares the keys it is joined by.
    for table in ("milestones", "missions", "event_countries", "memberships", "citations"):
        assert db.execute(f"PRAGMA foreign_key_list({table})").fetchall(), table
    assert sorted(p.name for p in exported.parent.iterdir()) == [
        "perurel.db",
        "perurel.metadata.json",
    ]  # no temporary file left


def test_status_and_established_of_every_country(db: sqlite3.Connection) -> None:
    rows = cli("countries")
    want = {r["code"]: (r["relations"]["status"], r["relations"]["established"]) for r in rows}
    got = {c: (s, e) for c, s, e in db.execute("SELECT code, status, established FROM countries")}
    assert got == want and len(got) == 196
    chile = cli("country", "chile")
    assert db.execute(
        "SELECT status, established, status_as_of FROM countries WHERE code = 'CL'"
    ).fetchone() == (
        chile["relations"]["status"],
        chile["relations"]["established"],
        chile["relations"]["as_of"],
    )
    broken = {r["code"] for r in cli("countries", "--status", "broken")}
    view = {c for (c,) in db.execute("SELECT code FROM states_by_status WHERE status = 'broken'")}
    assert view == broken


def test_perus_open_embassies(db: sqlite3.Connection) -> None:
    rows = cli("missions", "--from", "peru", "--kind", "embassy", "--state", "open")
    want = sorted((r["host"], r["city"]) for r in rows)
    got = sorted(db.execute("SELECT code, city FROM peru_open_embassies").fetchall())
    assert got == want and len(got) > 40


def test_the_timeline_of_a_decade(db: sqlite3.Connection) -> None:
    rows = cli("timeline", "--since", "1990", "--until", "1999")
    got = db.execute("SELECT id FROM events WHERE decade = 1990 ORDER BY date, rowid").fetchall()
    assert [i for (i,) in got] == [r["id"] for r in rows]
    count = db.execute("SELECT events FROM events_by_decade WHERE decade = 1990").fetchone()
    assert count == (len(rows),)
    linked = db.execute(
        "SELECT count(*) FROM event_countries JOIN events ON events.id = event "
        "WHERE decade = 1990 AND country = 'EC'"
    ).fetchone()[0]
    assert linked == len(cli("timeline", "--since", "1990", "--until", "1999", "--country", "EC"))


@pytest.mark.parametrize("word", ["monteagudo", "leticia", "itamaraty"])
def test_full_text_search(db: sqlite3.Connection, word: str) -> None:
    hits = cli("search", word, "--limit", "1000")
    want = {h["id"] for h in hits if h["kind"] == "event"}
    got = {
        i
        for (i,) in db.execute(
            "SELECT events.id FROM events_fts JOIN events ON events.rowid = events_fts.rowid "
            "WHERE events_fts MATCH ?",
            (word + "*",),
        )
    }
    assert got == want and want


def test_spanish_text_is_searchable(db: sqlite3.Connection) -> None:
    found = db.execute(
        "SELECT title_es FROM events_fts WHERE events_fts MATCH 'title_es: tratado' LIMIT 1"
    ).fetchone()
    assert found and "Tratado" in found[0]


def test_citations_and_votes(db: sqlite3.Connection) -> None:
    source = cli("sources", "unvotes-voeten-strezhnev-bailey")
    got = db.execute(
        "SELECT count(*) FROM citations WHERE source = 'unvotes-voeten-strezhnev-bailey'"
    ).fetchone()
    assert got == (source["cited"],)
    chile = cli("country", "chile")["un_votes"]
    assert db.execute(
        "SELECT since, until, agreement, votes FROM un_votes WHERE country = 'CL'"
    ).fetchone() == (chile["since"], chile["until"], chile["agreement"], chile["votes"])
    un = cli("orgs", "un")
    members = {c for (c,) in db.execute("SELECT country FROM memberships WHERE organisation='un'")}
    assert members == set(un["members"]["codes"])


def test_refuses_to_overwrite_without_force(tmp_path: Path) -> None:
    target = tmp_path / "p.db"
    target.write_text("mine")
    result = entry(["export", "--sqlite", str(target)])
    assert result.exit_code == 2 and "--force" in result.stderr
    assert target.read_text() == "mine"
    result = entry(["export", "--sqlite", str(target), "--force"])
    assert result.exit_code == 0, result.stderr
    with sqlite3.connect(target) as fresh:
        assert fresh.execute("SELECT count(*) FROM countries").fetchone() == (196,)
    assert entry(["export"]).exit_code == 2
    assert entry(["export", "--sqlite", "-"]).exit_code == 2
    assert entry(["export", "--sqlite", str(tmp_path / "no" / "p.db")]).exit_code == 2


def test_metadata_describes_what_is_there(db: sqlite3.Connection, exported: Path) -> None:
    meta = json.loads((exported.parent / "perurel.metadata.json").read_text(encoding="utf-8"))
    assert meta["title"] and meta["license"] and meta["source"]
    tables = meta["databases"]["perurel"]["tables"]
    names = {
        n for (n,) in db.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')")
    }
    assert set(tables) <= names
    for name, described in tables.items():
        assert described["description"], name
        for facet in described.get("facets", []):
            db.execute(f'SELECT "{facet}" FROM "{name}" LIMIT 1')  # every facet is a column


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def _get(url: str) -> Any:
    with urllib.request.urlopen(url, timeout=10) as response:
        return json.loads(response.read())


def test_datasette_serves_it(exported: Path, tmp_path: Path) -> None:
    port = _free_port()
    meta = exported.parent / "perurel.metadata.json"
    command = [sys.executable, "-m", "datasette", "serve", str(exported), "-m", str(meta)]
    base = f"http://127.0.0.1:{port}"
    with (tmp_path / "datasette.log").open("w+b") as log:  # read only on failure
        server = subprocess.Popen(
            [*command, "--host", "127.0.0.1", "--port", str(port)],
            stdout=subprocess.DEVNULL,
            stderr=log,
        )
        try:
            deadline = time.monotonic() + 60
            while True:
                try:
                    _get(f"{base}/-/versions.json")
                    break
                except OSError:
                    if server.poll() is not None or time.monotonic() > deadline:
                        log.seek(0)
                        raise AssertionError(log.read().decode(errors="replace")) from None
                    time.sleep(0.2)
            chile = _get(f"{base}/perurel/countries.json?code=CL&_shape=array")
            card = cli("country", "chile")["relations"]
            assert [(r["status"], r["established"]) for r in chile] == [
                (card["status"], card["established"])
            ]
            sql = "select count(*) as n from peru_open_embassies"
            count = _get(f"{base}/perurel.json?_shape=array&sql={urllib.parse.quote(sql)}")
            embassies = cli("missions", "--from", "peru", "--kind", "embassy", "--state", "open")
            assert count == [{"n": len(embassies)}]
            described = _get(f"{base}/-/metadata.json")
            assert described["title"].startswith("perurel")
        finally:
            server.terminate()
            try:
                server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait(timeout=10)
