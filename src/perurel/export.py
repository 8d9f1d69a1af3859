"""`perurel export --sqlite FILE`: the whole record as a relational SQLite database, and a
Datasette metadata file beside it.

Tables mirror the records (`model`): countries, their milestones, missions, Correlates of War
snapshots and UN-vote summaries; events and the countries each involves; organisations, their
periods and the member states the record lists; sources and every fact that cites one (as
`perurel sources ID` lists them). Keys are declared and checked; events carry an FTS5 index in
English and Spanish; views answer the questions the CLI answers. Written to a temporary file
beside FILE and renamed into place, so FILE is never half written. No Typer, no Rich.
"""

from __future__ import annotations

import os

from .errors import UsageError, printable
from .i18n import oserror, t
from .tuples import TYPE_CHECKING

if TYPE_CHECKING:
    import sqlite3
    from typing import Any

    from .model import Records

SCHEMA = """
CREATE TABLE meta (
    key TEXT PRIMARY KEY,
    value TEXT
);
CREATE TABLE sources (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    author TEXT,
    publisher TEXT NOT NULL,
    publisher_es TEXT,
    url TEXT,
    via TEXT,
    date TEXT,
    tier TEXT NOT NULL,
    found_in TEXT REFERENCES sources(id),
    note TEXT,
    note_es TEXT
);
CREATE TABLE countries (
    code TEXT PRIMARY KEY,
    iso3 TEXT NOT NULL,
    name TEXT NOT NULL,
    name_es TEXT NOT NULL,
    region TEXT,
    subregion TEXT,
    status TEXT NOT NULL,
    status_as_of TEXT,
    established TEXT,
    first_kind TEXT,
    first_date TEXT,
    relations_note TEXT,
    relations_note_es TEXT,
    summary TEXT,
    summary_es TEXT,
    aliases TEXT
);
CREATE TABLE events (
    id TEXT PRIMARY KEY,
    date TEXT NOT NULL,
    year INTEGER NOT NULL,
    decade INTEGER NOT NULL,
    kind TEXT NOT NULL,
    title TEXT NOT NULL,
    title_es TEXT,
    summary TEXT NOT NULL,
    summary_es TEXT
);
CREATE TABLE event_countries (
    event TEXT NOT NULL REFERENCES events(id),
    country TEXT NOT NULL REFERENCES countries(code),
    PRIMARY KEY (event, country)
);
CREATE TABLE milestones (
    id INTEGER PRIMARY KEY,
    country TEXT NOT NULL REFERENCES countries(code),
    seq INTEGER NOT NULL,
    kind TEXT NOT NULL,
    date TEXT,
    counterpart TEXT,
    counterpart_es TEXT,
    event TEXT REFERENCES events(id),
    note TEXT,
    note_es TEXT,
    sent_by TEXT,
    alternatives TEXT
);
CREATE TABLE missions (
    id INTEGER PRIMARY KEY,
    country TEXT NOT NULL REFERENCES countries(code),
    owner TEXT NOT NULL,
    host TEXT NOT NULL,
    kind TEXT NOT NULL,
    city TEXT,
    accredited_from TEXT,
    state TEXT NOT NULL,
    closed TEXT,
    as_of TEXT,
    note TEXT,
    events TEXT
);
CREATE TABLE representation (
    country TEXT NOT NULL REFERENCES countries(code),
    year INTEGER NOT NULL,
    in_peru TEXT NOT NULL,
    by_peru TEXT NOT NULL,
    PRIMARY KEY (country, year)
);
CREATE TABLE un_votes (
    country TEXT PRIMARY KEY REFERENCES countries(code),
    since INTEGER NOT NULL,
    until INTEGER NOT NULL,
    agreement REAL NOT NULL,
    votes INTEGER NOT NULL
);
CREATE TABLE organisations (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    name_es TEXT NOT NULL,
    tie TEXT NOT NULL,
    joined TEXT,
    left TEXT,
    since TEXT,
    until TEXT,
    role TEXT,
    role_es TEXT,
    note TEXT,
    note_es TEXT,
    members_as_of TEXT
);
CREATE TABLE organisation_periods (
    id INTEGER PRIMARY KEY,
    organisation TEXT NOT NULL REFERENCES organisations(id),
    kind TEXT NOT NULL,
    start TEXT NOT NULL,
    "end" TEXT,
    note TEXT
);
CREATE TABLE memberships (
    organisation TEXT NOT NULL REFERENCES organisations(id),
    country TEXT NOT NULL REFERENCES countries(code),
    PRIMARY KEY (organisation, country)
);
CREATE TABLE citations (
    id INTEGER PRIMARY KEY,
    source TEXT NOT NULL REFERENCES sources(id),
    kind TEXT NOT NULL,
    ref TEXT NOT NULL,
    label TEXT NOT NULL,
    country TEXT REFERENCES countries(code),
    event TEXT REFERENCES events(id),
    organisation TEXT REFERENCES organisations(id)
);
CREATE INDEX milestones_country ON milestones(country);
CREATE INDEX missions_country ON missions(country);
CREATE INDEX event_countries_country ON event_countries(country);
CREATE INDEX citations_source ON citations(source);
CREATE INDEX memberships_country ON memberships(country);
CREATE VIRTUAL TABLE events_fts USING fts5(
    title, title_es, summary, summary_es,
    content='events', tokenize='unicode61 remove_diacritics 2'
);
CREATE VIEW states_by_status AS
    SELECT status, code, name, name_es, region, established, status_as_of
    FROM countries ORDER BY status, name;
CREATE VIEW peru_open_embassies AS
    SELECT m.country AS code, c.name, c.name_es, m.city, m.as_of
    FROM missions m JOIN countries c ON c.code = m.country
    WHERE m.owner = 'PE' AND m.kind = 'embassy' AND m.state = 'open'
    ORDER BY c.name;
CREATE VIEW events_by_decade AS
    SELECT decade, count(*) AS events, min(date) AS first, max(date) AS last
    FROM events GROUP BY decade ORDER BY decade;
"""

LICENCE = "See each source; names and aliases derived from world-countries: ODbL 1.0"


def metadata_path(path: str) -> str:
    """Where the Datasette metadata goes: perurel.db → perurel.metadata.json."""
    stem = os.path.splitext(path)[0]
    return stem + ".metadata.json"


def check_target(path: str, *, force: bool) -> None:
    """Refuse to replace a file (or its metadata file) unless forced; refuse a folder."""
    if path == "-":
        raise UsageError(t("a database cannot be written to stdout; name a file"))
    for target in (path, metadata_path(path)):
        if os.path.exists(target) and not os.path.isfile(target):
            raise UsageError(t("{path} is not a regular file; name a file", path=printable(target)))
        if os.path.lexists(target) and not force:
            raise UsageError(t("{path} exists; add --force to replace it", path=printable(target)))
    folder = os.path.dirname(os.path.abspath(path))
    if not os.path.isdir(folder):
        raise UsageError(
            t(
                "no folder {folder} to write {path} in",
                folder=printable(folder),
                path=printable(path),
            )
        )


def _rows(ds: Records) -> dict[str, list[tuple[Any, ...]]]:
    """Every table's rows, in dataset order."""
    import json

    from .dates import parts
    from .query import citations

    rows: dict[str, list[tuple[Any, ...]]] = {
        "meta": [
            ("schema_version", str(ds.schema_version)),
            ("dataset_date", ds.dataset_date),
            ("facts_to", ds.facts_to),
        ],
        "sources": [
            (
                s.id,
                s.title,
                "; ".join(s.author) or None,  # people as "Family, Given", institutions whole
                s.publisher,
                s.publisher_es,
                s.url,
                s.via,
                s.date,
                s.tier,
                s.found_in,
                s.note,
                s.note_es,
            )
            for s in ds.sources.values()
        ],
        "countries": [],
        "events": [],
        "event_countries": [],
        "milestones": [],
        "missions": [],
        "representation": [],
        "un_votes": [],
        "organisations": [],
        "organisation_periods": [],
        "memberships": [],
        "citations": [],
    }
    for c in ds.countries.values():
        r = c.relations
        first = r.first
        rows["countries"].append(
            (
                c.code, c.iso3, c.name, c.name_es, c.region, c.subregion, r.status, r.as_of,
                r.established, first.kind if first else None, first.date if first else None,
                r.note, r.note_es, c.summary, c.summary_es, json.dumps(list(c.aliases), ensure_ascii=False),
            )
        )  # fmt: skip
        for seq, m in enumerate(r.history, start=1):
            rows["milestones"].append(
                (
                    None,
                    c.code,
                    seq,
                    m.kind,
                    m.date,
                    m.counterpart,
                    m.counterpart_es,
                    m.event,
                    m.note,
                    m.note_es,
                    m.by,
                    json.dumps([a.to_dict() for a in m.alternatives]) if m.alternatives else None,
                )
            )
        for mission in c.missions:
            rows["missions"].append(
                (
                    None, c.code, mission.owner, mission.host, mission.kind, mission.city,
                    mission.via, mission.state, mission.closed, mission.as_of, mission.note,
                    json.dumps(list(mission.events)) if mission.events else None,
                )
            )  # fmt: skip
        if c.representation is not None:
            rows["representation"].extend(
                (c.code, s.year, s.in_peru, s.by_peru) for s in c.representation.snapshots
            )
        if c.un_votes is not None:
            v = c.un_votes
            rows["un_votes"].append((c.code, v.since, v.until, v.agreement, v.votes))
    for e in ds.events:
        year = parts(e.date)[0]
        rows["events"].append(
            (
                e.id,
                e.date,
                year,
                year - year % 10,
                e.kind,
                e.title,
                e.title_es,
                e.summary,
                e.summary_es,
            )
        )
        rows["event_countries"].extend((e.id, code) for code in dict.fromkeys(e.countries))
    for o in ds.organisations:
        rows["organisations"].append(
            (
                o.id, o.name, o.name_es, o.tie, o.joined, o.left, o.since, o.until, o.role,
                o.role_es, o.note, o.note_es,
                o.members.as_of if o.members else None,
            )
        )  # fmt: skip
        rows["organisation_periods"].extend(
            (None, o.id, p.kind, p.start, p.end, p.note) for p in o.periods
        )
        if o.members is not None:
            rows["memberships"].extend(
                (o.id, code) for code in dict.fromkeys(o.members.codes) if code in ds.countries
            )
    column = {"country": 5, "milestone": 5, "mission": 5, "event": 6, "organisation": 7}
    for sid, cites in citations(ds).items():
        for cite in cites:
            row: list[Any] = [None, sid, cite.kind, cite.ref, cite.label, None, None, None]
            row[column[cite.kind]] = cite.ref
            rows["citations"].append(tuple(row))
    return rows


def fill(db: sqlite3.Connection, ds: Records) -> None:
    """Create the tables, views and index and insert the record."""
    db.executescript(SCHEMA)
    for table, rows in _rows(ds).items():
        if rows:
            marks = ", ".join("?" * len(rows[0]))
            db.executemany(f"INSERT INTO {table} VALUES ({marks})", rows)
    db.execute("INSERT INTO events_fts(events_fts) VALUES ('rebuild')")
    problems = db.execute("PRAGMA foreign_key_check").fetchall()
    if problems:
        from .errors import DataError

        table, rowid, parent, _ = problems[0]
        raise DataError(
            t(
                "the record has {n} broken references (first: {table} row {row} → {parent})",
                n=len(problems),
                table=table,
                row=rowid,
                parent=parent,
            )
        )


def metadata(ds: Records, db_name: str) -> dict[str, Any]:
    """Datasette metadata: titles, descriptions, licences, sources and facets."""
    from . import __version__

    def table(description: str, **more: Any) -> dict[str, Any]:
        return {"description": description, **more}

    return {
        "title": "perurel: the foreign relations of Peru",
        "description": (
            f"Sourced facts on Peru's relations with {len(ds.countries)} states: status and "
            "history, missions, events, organisations and UN votes; every fact names its "
            f"sources (table citations). Record of {ds.dataset_date}, exported by perurel "
            f"{__version__}."
        ),
        "license": LICENCE,
        "source": "perurel (every fact cites its sources: table sources)",
        "source_url": "https://github.com/perurel/perurel",
        "databases": {
            db_name: {
                "tables": {
                    "countries": table(
                        "One row per state: relations status (as of a dated source), first "
                        "establishment, notes and summary in English and Spanish.",
                        facets=["status", "region", "subregion"],
                        label_column="name",
                        sort="name",
                    ),
                    "milestones": table(
                        "Dated steps of each relationship: recognition, establishment, breaks, "
                        "restorations (seq orders them per state; date is null only for a "
                        "restoration no source dates; alternatives: other dates sources give, "
                        "JSON; sent_by: who sent a first envoy or consul).",
                        facets=["kind"],
                    ),
                    "missions": table(
                        "Diplomatic missions both ways; owner and host are ISO codes (PE is "
                        "Peru); accredited_from: for an accreditation, the state whose capital "
                        "it covers the host from; state is open (a dated source shows it at "
                        "work), closed or unknown; events: ids of the events about it (JSON).",
                        facets=["owner", "kind", "state"],
                    ),
                    "events": table(
                        "The timeline of Peru's foreign relations, in English and Spanish.",
                        facets=["kind", "decade"],
                        sort="date",
                        fts_table="events_fts",
                        searchmode="raw",
                    ),
                    "event_countries": table("Which states each event involves."),
                    "organisations": table(
                        "International organisations and what Peru is to each (tie: member, "
                        "founding-member, associate, observer, candidate, negotiating-party, "
                        "elected-seat); only members have joined and left.",
                        label_column="name",
                    ),
                    "organisation_periods": table(
                        "Terms (e.g. on the UN Security Council) and suspensions."
                    ),
                    "memberships": table("Other member states, as a source lists them."),
                    "sources": table(
                        "The bibliography; tier ranks official, scholarly, press, encyclopedia, "
                        "other; author lists stated authors joined by '; ', and via is the copy "
                        "(mirror, archive) a source was read in.",
                        facets=["tier"],
                        label_column="title",
                    ),
                    "citations": table(
                        "Every fact that cites a source: kind (country, milestone, mission, "
                        "event, organisation), the record, and a label.",
                        facets=["kind"],
                    ),
                    "representation": table(
                        "Correlates of War snapshots of the level of representation both ways."
                    ),
                    "un_votes": table(
                        "Agreement with Peru at the UN General Assembly (percent of roll calls "
                        "both voted on), from the voting data of Voeten, Strezhnev and Bailey "
                        "(CC0).",
                        source="UN General Assembly Voting Data (Voeten, Strezhnev, Bailey)",
                        source_url="https://hdl.handle.net/1902.1/12379",
                        license="CC0",
                    ),
                    "meta": table(
                        "The record's schema version, its revision date and the date of its "
                        "newest fact (facts_to)."
                    ),
                    "states_by_status": table(
                        "States by the status of their relations with Peru.", facets=["status"]
                    ),
                    "peru_open_embassies": table("Peru's embassies a dated source shows open."),
                    "events_by_decade": table("How many events each decade holds."),
                },
            }
        },
    }


def write_sqlite(ds: Records, path: str, *, force: bool) -> None:
    """The database at `path` and its Datasette metadata beside it, each written atomically."""
    import json
    import sqlite3
    import tempfile

    folder = os.path.dirname(os.path.abspath(path))
    db_name = os.path.splitext(os.path.basename(path))[0]
    meta_text = json.dumps(metadata(ds, db_name), ensure_ascii=False, indent=2) + "\n"
    made: list[str] = []
    try:
        fd, tmp = tempfile.mkstemp(prefix=".perurel-", suffix=".db", dir=folder)
        os.close(fd)
        made.append(tmp)
        db = sqlite3.connect(tmp)
        try:
            with db:
                fill(db, ds)
        finally:
            db.close()
        fd, tmp_meta = tempfile.mkstemp(prefix=".perurel-", suffix=".json", dir=folder)
        made.append(tmp_meta)
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(meta_text)
        mask = os.umask(0)
        os.umask(mask)
        for name in made:
            os.chmod(name, 0o666 & ~mask)
        if not force:
            check_target(path, force=False)  # nothing appeared meanwhile
        os.replace(tmp, path)
        os.replace(tmp_meta, metadata_path(path))
        made.clear()
        from .i18n import word
        from .terminal import note

        counts = ", ".join(
            f"{len(getattr(ds, k))} {word('coverage', k)}"
            for k in ("countries", "events", "organisations", "sources")
        )
        note(
            t(
                "wrote {path} ({counts}) and {metadata}; browse it with: datasette {path} -m "
                "{metadata}",
                path=printable(path),
                counts=counts,
                metadata=printable(metadata_path(path)),
            )
        )
    except sqlite3.IntegrityError as exc:
        from .errors import DataError

        raise DataError(t("the record cannot be stored: {problem}", problem=exc)) from None
    except OSError as exc:
        raise UsageError(
            t("cannot write {path}: {problem}", path=printable(path), problem=oserror(exc))
        ) from None
    finally:
        for name in made:
            if os.path.exists(name):
                os.unlink(name)
