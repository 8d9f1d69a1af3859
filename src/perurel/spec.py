"""The command line, declared once: every command, argument and option perurel takes.

Both entry paths read this table. `argv` parses a command line against it without Typer (the
fast path every answering command takes); `cli` builds the Typer app from it (help, completion,
usage errors). Nothing else declares an option, so the two cannot drift. Plain data: importing
this module costs nothing.
"""

from __future__ import annotations

from .formats import FORMATS
from .i18n import LANGUAGES
from .model import (
    DATES,
    EVENT_KINDS,
    MAP_FORMATS,
    MAP_VIEWS,
    MISSION_KINDS,
    MISSION_STATES,
    SHAPES,
    STATUSES,
    TIERS,
)
from .tuples import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from typing import Any


class Param(NamedTuple):
    """One argument or option. `kind` is 'argument', 'value' (an option with one value),
    'multi' (an option that may repeat) or 'flag' (an on/off option)."""

    name: str  # the keyword the command's function receives
    kind: str
    flags: tuple[str, ...] = ()  # e.g. ("--limit", "-n"); empty for an argument
    help: str = ""
    metavar: str | None = None
    type: str = "str"  # "str" or "int"
    choices: tuple[str, ...] | None = None  # case-insensitive; the command gets the canonical one
    default: Any = None
    required: bool = False  # arguments only
    complete: str | None = None  # shell completion offers "country" names or event "kind"s
    many: bool = False  # an argument that takes every remaining word: `country new zealand`
    words: str | None = None  # the vocabulary (i18n.WORDS) whose Spanish words `choices` accept


class Command(NamedTuple):
    name: str
    doc: str  # the help: a summary line, a blank line, details and examples
    params: tuple[Param, ...]
    fields: tuple[str, ...] = ()  # what --fields may name; empty: the command takes no --fields


# The output options every record command shares.
OUTPUT = (
    Param(
        "fmt",
        "value",
        ("--format", "-f"),
        "Output format: table (for people; the default), json, jsonl, csv, tsv or markdown.",
        choices=FORMATS,
    ),
    Param("json_", "flag", ("--json",), "Short for --format json.", default=False),
    Param(
        "fields",
        "multi",
        ("--fields",),
        "Only these fields, in this order, comma-separated or repeated (a dotted name reaches "
        "inside: relations.status).",
        metavar="A,B,...",
    ),
)

CITATION_FORMATS = ("bibtex", "csl-json")

# `sources` also prints citations.
SOURCE_FORMAT = OUTPUT[0]._replace(
    help="Output format: table (for people; the default), json, jsonl, csv, tsv, markdown, or "
    "a citation: bibtex or csl-json.",
    choices=(*FORMATS, *CITATION_FORMATS),
)

GLOBAL = (
    Param(
        "data",
        "value",
        ("--data",),
        "Read another dataset instead of the bundled one (also: PERUREL_DATA).",
        metavar="PATH",
    ),
    Param("debug", "flag", ("--debug",), "Show the traceback of internal errors.", default=False),
    Param(
        "lang",
        "value",
        ("--lang",),
        "Language for people: en or es (also PERUREL_LANG, or a locale such as LANG=es_PE.UTF-8); "
        "machine output (JSON, CSV ...) is the same in both.",
        choices=LANGUAGES,
    ),
    Param(
        "no_pager",
        "flag",
        ("--no-pager",),
        "Never page long output (it is paged only on a terminal; PAGER chooses the pager).",
        default=False,
    ),
    Param("version", "flag", ("--version",), "Show the version and exit.", default=False),
)
# The global options a command line may also give after the command (`country chile --lang es`).
AFTER = tuple(p for p in GLOBAL if p.name != "version")

APP_HELP = """Sourced facts on the foreign relations of Peru.

Examples:
  perurel country chile
  perurel timeline --since 1990 --country chile
  perurel --data my.json country ecuador --json
"""
EPILOG = (
    "Exit codes: 0 ok (an empty result too), 1 a name that matches nothing or several (country, "
    "organisation, source, roll call), 2 usage error, 3 dataset missing or invalid, "
    "4 internal error, 5 output cannot be written."
)


def _dated(record: str) -> tuple[str, ...]:
    """A record's fields as its output gives them (the schema's order, `model.SHAPES`), with
    `<field>_precision` (derived for scripts) right after each date."""
    dated = DATES[record]
    fields = [out for stored, out, *_ in SHAPES[record] if out]
    return tuple(g for f in fields for g in ((f, f"{f}_precision") if f in dated else (f,)))


# `country --json`: the record as its output gives it, then what the command adds
COUNTRY_FIELDS = (
    *(out for _, out, *_ in SHAPES["country"] if out), "memberships", "events", "sources",
)  # fmt: skip
# each record type owns its field list; the precision of a partial date is derived beside it
EVENT_FIELDS = _dated("event")
COUNTRY_ROW_FIELDS = (
    "code", "iso3", "name", "name_es", "region", "subregion", "relations", "mission_count",
    "event_count",
)  # fmt: skip
MISSION_ROW_FIELDS = (
    "country", "owner", "owner_name", "host", "host_name", "kind", "city", "accredited_from", "state",
    "closed", "closed_precision", "as_of", "as_of_precision", "region", "subregion", "note",
    "sources",
)  # fmt: skip
SEARCH_FIELDS = (
    "kind", "id", "date", "date_precision", "countries", "title", "text", "title_es", "text_es",
    "score",
)  # fmt: skip
SOURCE_FIELDS = (*_dated("source"), "cited", "cited_by")
STATS_FIELDS = (
    "schema_version", "dataset_date", "dataset_date_precision", "facts_to", "facts_to_precision",
    "coverage", "by_status", "by_region", "events_by_decade",
    "events_by_kind", "states_by_milestone_kind", "facts_by_tier",
)  # fmt: skip
ORG_FIELDS = _dated("organisation")
# `votes` answers four questions, each with its own record; --fields takes the fields of the one
# asked (the command's field list is their union, for --fields help and the docs).
VOTES_FIELDS = {
    "country": ("country", "name", "name_es", "note", "note_es", "since", "since_precision", "until",
                "until_precision", "weighted", "definition", "overall",
                "on_important", "first_vote", "last_vote", "by_period", "by_issue", "sources"),
    "rank": ("rank", "id", "code", "name", "name_es", "agreement", "votes", "agreed", "note",
             "note_es"),
    "resolution": ("rcid", "date", "resolution", "title", "description", "id", "code", "name",
                   "name_es", "vote"),
    "peru": ("by", "key", "name", "yes", "no", "abstain", "votes"),
}  # fmt: skip
# `compare`: the compared fields (`compare.FIELDS`); CSV, TSV and Markdown print one row per field.
COMPARE_FIELDS = (
    "countries", "status", "as_of", "as_of_precision", "since", "established",
    "established_precision", "first", "history",
    "missions_peru_there", "missions_in_peru", "memberships", "events", "un_agreement_with_peru",
    "un_agreement_with_each_other",
)  # fmt: skip
ANNIVERSARY_FIELDS = (
    "date", "date_precision", "years", "round", "what", "kind", "countries", "id", "title",
    "title_es", "sources",
)  # fmt: skip
# Other names of a command (`perurel today`): the same declaration, hidden from the list.
ALIASES = {"today": "anniversaries"}
ISSUES = ("me", "nu", "di", "hr", "co", "ec")
# The columns inside a field that holds an object, as CSV, TSV and Markdown print it: declared so
# that an empty result has the same header as a full one (`formats.header`).
INSIDE = {
    "relations": (
        "status",
        "as_of",
        "as_of_precision",
        "established",
        "established_precision",
        "first.kind",
        "first.date",
        "first.date_precision",
    ),
    "members": ("codes", "as_of", "as_of_precision", "note", "sources"),
    "overall": ("agreement", "votes", "agreed"),
    "on_important": ("agreement", "votes", "agreed"),
}

# A group of kinds people ask for together ("all treaties since 2000").
KIND_GROUP = "agreements"
KIND_GROUPS = {KIND_GROUP: ("treaty", "agreement", "trade")}

DATE_HELP = "YYYY, YYYY-MM or YYYY-MM-DD"
# How the command line spells the arguments the questions' errors name (`bounds.window`,
# `bounds.check_limit` name the Python API's arguments unless handed these).
OPTION_NAMES = {"since": "--since", "until": "--until", "limit": "--limit"}

COMMANDS: dict[str, Command] = {
    c.name: c
    for c in (
        Command(
            "country",
            """Peru's relations with one country: status, history, missions, events, sources.

QUERY is a name in English or Spanish, an ISO code, a demonym or an abbreviation;
typos are forgiven. When the match is not exact, stderr says which country was chosen.

Examples:
  perurel country chile
  perurel country chile --full
  perurel country chile --cite bibtex > chile.bib
  perurel country "EE.UU." --json | jq .relations
  perurel country KOR --fields code,name,relations.status,relations.established --format csv
""",
            (
                Param(
                    "query",
                    "argument",
                    help="A name (English or Spanish), ISO code, demonym or abbreviation, or a "
                    "question naming one; several words need no quotes; typos are forgiven.",
                    required=True,
                    complete="country",
                    many=True,
                ),
                Param(
                    "exact",
                    "flag",
                    ("--exact",),
                    "Only a code, name or alias; no typo forgiven (for scripts).",
                    default=False,
                ),
                Param(
                    "full",
                    "flag",
                    ("--full",),
                    "The whole card: every milestone, mission, event, note and numbered source "
                    "(by default a brief card that fits one screen).",
                    default=False,
                ),
                Param(
                    "brief",
                    "flag",
                    ("--brief",),
                    "The brief card (the default for people).",
                    default=False,
                ),
                Param(
                    "cite",
                    "value",
                    ("--cite",),
                    "Print the sources behind the card shown (the brief card, or with --full the "
                    "whole record) as citations: bibtex or csl-json.",
                    choices=CITATION_FORMATS,
                ),
                *OUTPUT,
            ),
            COUNTRY_FIELDS,
        ),
        Command(
            "timeline",
            """Events in Peru's foreign relations, in date order, grouped by year.

Examples:
  perurel timeline --since 1990
  perurel timeline --since 1999-06 --until 2001 --country chile
  perurel timeline --kind treaty,ruling --reverse --limit 5
  perurel timeline --kind agreements --since 2000
  perurel timeline --since 2020 --json | jq '.[].title'
  perurel timeline --country ecuador --format csv --fields date,title
  perurel timeline --country chile --kind ruling --cite bibtex > rulings.bib
""",
            (
                Param(
                    "since",
                    "value",
                    ("--since",),
                    f"From this date on, inclusive: {DATE_HELP}.",
                    metavar="DATE",
                ),
                Param(
                    "until",
                    "value",
                    ("--until",),
                    f"Up to this date, inclusive: {DATE_HELP}.",
                    metavar="DATE",
                ),
                Param(
                    "countries",
                    "multi",
                    ("--country", "-c"),
                    "Only events with these countries, repeated or comma-separated (matched like "
                    "`country`).",
                    metavar="COUNTRY",
                    complete="country",
                ),
                Param(
                    "kinds",
                    "multi",
                    ("--kind", "-k"),
                    "Only events of these kinds, repeated or comma-separated: "
                    + ", ".join(EVENT_KINDS)
                    + f"; {KIND_GROUP} means {', '.join(KIND_GROUPS[KIND_GROUP])}.",
                    metavar="KIND",
                    complete="kind",
                ),
                Param(
                    "limit",
                    "value",
                    ("--limit", "-n"),
                    "Show at most N events.",
                    metavar="N",
                    type="int",
                ),
                Param("reverse", "flag", ("--reverse", "-r"), "Newest first.", default=False),
                Param(
                    "cite",
                    "value",
                    ("--cite",),
                    "Print the sources of the events listed as citations: bibtex or csl-json.",
                    choices=CITATION_FORMATS,
                ),
                *OUTPUT,
            ),
            EVENT_FIELDS,
        ),
        Command(
            "countries",
            """Every state, one row each: codes, names, region, relations status and start, counts.

Examples:
  perurel countries --region "South America"
  perurel countries --status broken
  perurel countries --since 1990 --sort date
  perurel countries --has-embassy --format csv --fields code,name,relations.established
""",
            (
                Param(
                    "region",
                    "multi",
                    ("--region",),
                    "A region or subregion, e.g. Americas, 'South America' (several: repeated or "
                    "comma-separated).",
                    metavar="REGION",
                ),
                Param(
                    "status",
                    "value",
                    ("--status",),
                    "Only this relations status.",
                    choices=STATUSES,
                    words="status",
                ),
                Param(
                    "since",
                    "value",
                    ("--since",),
                    "Relations established on or after DATE.",
                    metavar="DATE",
                ),
                Param(
                    "until",
                    "value",
                    ("--until",),
                    "Relations established on or before DATE.",
                    metavar="DATE",
                ),
                Param(
                    "has_embassy",
                    "flag",
                    ("--has-embassy",),
                    "Only states with a working resident embassy either way.",
                    default=False,
                ),
                Param(
                    "sort",
                    "value",
                    ("--sort",),
                    "Order by name, start date or number of events.",
                    choices=("name", "date", "events"),
                    default="name",
                    words="sort",
                ),
                *OUTPUT,
            ),
            COUNTRY_ROW_FIELDS,
        ),
        Command(
            "missions",
            """Diplomatic missions, one row each: Peru's abroad and other states' in or for Peru.

Each mission has a state: open (a dated source shows it at work; `as_of` is that date),
closed (with the date when known) or unknown. `--from` and `--to` take `peru` or a country.

Examples:
  perurel missions --from peru --kind embassy --state open --format csv
  perurel missions --to peru --region Asia
  perurel missions --from japan
""",
            (
                Param(
                    "owner",
                    "value",
                    ("--from",),
                    "Only missions of this state: peru, or a country (matched like `country`).",
                    metavar="STATE",
                    complete="country",
                ),
                Param(
                    "host",
                    "value",
                    ("--to",),
                    "Only missions in (or accredited to) this state: peru, or a country.",
                    metavar="STATE",
                    complete="country",
                ),
                Param(
                    "kinds",
                    "multi",
                    ("--kind", "-k"),
                    "Only missions of these kinds, repeated or comma-separated.",
                    choices=MISSION_KINDS,
                    words="mission",
                ),
                Param(
                    "mission_state",
                    "value",
                    ("--state",),
                    "Only missions in this state.",
                    choices=MISSION_STATES,
                    words="state",
                ),
                Param(
                    "region",
                    "multi",
                    ("--region",),
                    "Only missions with states of this region or subregion (Peru's partner; "
                    "several: repeated or comma-separated).",
                    metavar="REGION",
                ),
                *OUTPUT,
            ),
            MISSION_ROW_FIELDS,
        ),
        Command(
            "search",
            """Full-text search over events, country notes and summaries, and organisations.

Words are looked for in English or Spanish (La Haya = The Hague = ICJ, ONU = UN,
ruptura = break, embajada = embassy, ...); a word also matches longer words it begins, and
near misses. One or two words must both match. With three or more, a record matches when
it has the words that carry at least half of the query's weight (a rare word weighs more
than a common one), so that the extra words of a question do not hide what it asks for.
Hits are ranked by how many of the words they have and how well, then newest first; a
country or a year in the query lifts the records about it. No hit is not an error (exit 0).

Examples:
  perurel search "maritime dispute"
  perurel search "La Haya Chile"
  perurel search ruptura relaciones México
  perurel search embajada --country bolivia --since 2000
""",
            (
                Param(
                    "text",
                    "argument",
                    help="Words to look for, in English or Spanish; no quotes needed.",
                    required=True,
                    many=True,
                ),
                Param(
                    "since",
                    "value",
                    ("--since",),
                    f"Only records from this date on: {DATE_HELP}.",
                    metavar="DATE",
                ),
                Param(
                    "until",
                    "value",
                    ("--until",),
                    f"Only records up to this date: {DATE_HELP}.",
                    metavar="DATE",
                ),
                Param(
                    "countries",
                    "multi",
                    ("--country", "-c"),
                    "Only records about these countries, repeated or comma-separated (matched like "
                    "`country`).",
                    metavar="COUNTRY",
                    complete="country",
                ),
                Param(
                    "kinds",
                    "multi",
                    ("--kind", "-k"),
                    "Only events of these kinds (repeated or comma-separated, as for timeline).",
                    metavar="KIND",
                    complete="kind",
                ),
                Param(
                    "limit",
                    "value",
                    ("--limit", "-n"),
                    "Show at most N hits (stderr says how many there were).",
                    metavar="N",
                    type="int",
                    default=10,
                ),
                Param(
                    "cite",
                    "value",
                    ("--cite",),
                    "Print the sources of the hits shown as citations: bibtex or csl-json.",
                    choices=CITATION_FORMATS,
                ),
                *OUTPUT,
            ),
            SEARCH_FIELDS,
        ),
        Command(
            "sources",
            """The bibliography: every source, its tier and how many facts cite it; or one source and its facts.

Examples:
  perurel sources
  perurel sources --tier official --format csv --fields id,url,cited
  perurel sources seed-wikipedia-2010
  perurel sources seed-wikipedia-2010 --format bibtex
  perurel sources --tier scholarly --format csl-json > peru.json
""",
            (
                Param(
                    "source_id",
                    "argument",
                    help="One source: show it and every fact that cites it.",
                    metavar="[ID]",
                ),
                Param(
                    "tier",
                    "value",
                    ("--tier",),
                    "Only sources of this tier: official (a government, the UN, an international "
                    "organisation), scholarly, press, encyclopedia (mirrors included) or other.",
                    choices=TIERS,
                    words="tier",
                ),
                SOURCE_FORMAT,
                *OUTPUT[1:],
            ),
            SOURCE_FIELDS,
        ),
        Command(
            "stats",
            """Coverage and shape of the data: states by status and region, milestones, source tiers, events per decade.

Examples:
  perurel stats
  perurel stats --json | jq .coverage
""",
            OUTPUT,
            STATS_FIELDS,
        ),
        Command(
            "orgs",
            """International organisations Peru belongs or belonged to, with join and leave dates; or one of them.

NAME is a name in English or Spanish or an acronym (APEC, OEA, CAN, ONU, Alianza del
Pacífico); one organisation is shown with Peru's dates and the member states the data has.

Examples:
  perurel orgs
  perurel orgs OEA
  perurel orgs "Alianza del Pacífico" --json | jq .members
  perurel orgs --json | jq '.[] | select(.left == null) | .name'
""",
            (
                Param(
                    "name",
                    "argument",
                    help="One organisation: a name in English or Spanish, or an acronym; several "
                    "words need no quotes.",
                    metavar="[NAME]...",
                    many=True,
                ),
                *OUTPUT,
            ),
            ORG_FIELDS,
        ),
        Command(
            "votes",
            """Peru at the UN General Assembly: how often a state votes as Peru does, and with whom.

Agreement is the share of roll calls on which both states cast a vote (yes, no or
abstain) and cast the same one; with --weighted, a yes or a no against an abstention
counts as half. The data (Voeten, Strezhnev and Bailey, CC0) runs from 1946 to January
2020. Predecessor states (Soviet Union, Yugoslavia (SFR), Serbia and Montenegro,
Czechoslovakia, East and West Germany, North and South Yemen) answer under their own
names. Issues: me Palestinian conflict, nu nuclear weapons, di arms control, hr human
rights, co colonialism, ec economic development.

Examples:
  perurel votes chile
  perurel votes "Estados Unidos" --since 2000 --json
  perurel votes brazil --by year --since 2010 --issue hr
  perurel votes --rank --since 2000 --top 10
  perurel votes --resolution A/RES/74/7
  perurel votes --peru
""",
            (
                Param(
                    "query",
                    "argument",
                    help="A country (any name `country` takes, or a predecessor state): Peru's "
                    "agreement with it, overall, by decade or year, by issue and on important votes.",
                    complete="country",
                    many=True,
                    metavar="[COUNTRY]...",
                ),
                Param(
                    "since",
                    "value",
                    ("--since",),
                    "Roll calls on or after this date.",
                    metavar="DATE",
                ),
                Param(
                    "until",
                    "value",
                    ("--until",),
                    "Roll calls on or before this date.",
                    metavar="DATE",
                ),
                Param(
                    "by",
                    "value",
                    ("--by",),
                    "Agreement over time by decade or by year.",
                    choices=("decade", "year"),
                    default="decade",
                    words="by",
                ),
                Param(
                    "issue",
                    "value",
                    ("--issue",),
                    "Only roll calls on this issue.",
                    choices=ISSUES,
                    words="issue",
                ),
                Param(
                    "important",
                    "flag",
                    ("--important",),
                    "Only the roll calls marked important (by the US State Department).",
                    default=False,
                ),
                Param(
                    "weighted",
                    "flag",
                    ("--weighted",),
                    "Count a yes or no against an abstention as half an agreement.",
                    default=False,
                ),
                Param(
                    "rank",
                    "flag",
                    ("--rank",),
                    "The states closest to and farthest from Peru.",
                    default=False,
                ),
                Param(
                    "top",
                    "value",
                    ("--top",),
                    "With --rank: how many at each end.",
                    metavar="N",
                    type="int",
                    default=10,
                ),
                Param(
                    "min_votes",
                    "value",
                    ("--min-votes",),
                    "With --rank: only states with at least N roll calls in common.",
                    metavar="N",
                    type="int",
                    default=100,
                ),
                Param(
                    "resolution",
                    "value",
                    ("--resolution",),
                    "How every state voted on one resolution (A/RES/74/7, R/74/7 or 74/7).",
                    metavar="SYMBOL",
                ),
                Param(
                    "rcid",
                    "value",
                    ("--rcid",),
                    "How every state voted on one roll call.",
                    metavar="N",
                    type="int",
                ),
                Param(
                    "peru",
                    "flag",
                    ("--peru",),
                    "Peru's own shares of yes, no and abstain by decade and by issue.",
                    default=False,
                ),
                *OUTPUT,
            ),
            tuple(dict.fromkeys(f for fields in VOTES_FIELDS.values() for f in fields)),
        ),
        Command(
            "map",
            """A world map of Peru's relations, as SVG (the default) or a self-contained HTML page.

Each state in the record is coloured by its class in the view chosen with --by: the status
of relations, when they were first established, the embassies between it and Peru, or how
often it votes as Peru does at the UN General Assembly (2000-2019 unless --since/--until
choose roll calls). Peru is marked; states too small to see are drawn as dots. The HTML page
shows a state's name, its value and the command for its card on hover or tap, and needs no
network. Written to FILE with -o, to stdout when piped; on a terminal, to a new file in the
current folder, named on stderr.

Examples:
  perurel map --by status -o map.svg
  perurel map --by votes --format html -o votes.html
  perurel map --by established -o mapa.svg   # with --lang es before map: in Spanish
  perurel map --by established --since 1990 > since-1990.svg
""",
            (
                Param(
                    "by",
                    "value",
                    ("--by",),
                    "What the colours show: status, established (era of the first "
                    "establishment), missions (embassies) or votes (UN agreement).",
                    choices=MAP_VIEWS,
                    default="status",
                    words="view",
                ),
                Param(
                    "since",
                    "value",
                    ("--since",),
                    f"With --by established or votes: from this date on ({DATE_HELP}).",
                    metavar="DATE",
                ),
                Param(
                    "until",
                    "value",
                    ("--until",),
                    f"With --by established or votes: up to this date ({DATE_HELP}).",
                    metavar="DATE",
                ),
                Param(
                    "fmt",
                    "value",
                    ("--format", "-f"),
                    "svg (the default) or html (an interactive page; also chosen by -o x.html).",
                    choices=MAP_FORMATS,
                ),
                Param(
                    "output",
                    "value",
                    ("--output", "-o"),
                    "Write to FILE (- for stdout).",
                    metavar="FILE",
                ),
            ),
        ),
        Command(
            "export",
            """The whole record as a SQLite database, for SQL and Datasette.

Tables of countries, milestones, missions, events (and their countries), organisations
(and memberships), sources and the facts each one backs, and the UN-vote summaries, with
primary and foreign keys; full-text search over events in English and Spanish; views for
common questions; and a Datasette metadata file beside it (perurel.metadata.json for
perurel.db), so that `datasette perurel.db` opens a described site at once.

Examples:
  perurel export --sqlite perurel.db
  datasette perurel.db -m perurel.metadata.json
  sqlite3 perurel.db "select name, established from states_by_status where status = 'broken'"
""",
            (
                Param(
                    "sqlite",
                    "value",
                    ("--sqlite",),
                    "Write the database to FILE (required).",
                    metavar="FILE",
                ),
                Param(
                    "force",
                    "flag",
                    ("--force",),
                    "Replace FILE (and its metadata file) if they exist.",
                    default=False,
                ),
            ),
        ),
        Command(
            "compare",
            """Two states side by side: status, history, missions, memberships, events, UN votes.

For each state: its status and the milestone that left it so, the establishment and the first
tie, the history, Peru's missions there and its missions in Peru, the organisations it shares
with Peru; then the events that involve both, and how often each votes as Peru does at the UN
General Assembly and as the other does (all roll calls). Names are matched like `country`.

Examples:
  perurel compare chile bolivia
  perurel compare chile ecuador --json
  perurel compare chile ecuador --format csv --fields status,established
""",
            (
                Param(
                    "first",
                    "argument",
                    help="One state: a name, ISO code, demonym or abbreviation (quote a name of "
                    "several words).",
                    required=True,
                    complete="country",
                ),
                Param(
                    "second",
                    "argument",
                    help="The other state, named the same way.",
                    required=True,
                    complete="country",
                ),
                *OUTPUT,
            ),
            COMPARE_FIELDS,
        ),
        Command(
            "anniversaries",
            """What falls on a day: anniversaries of establishments, restorations, treaties, events.

By default today's (PERUREL_TODAY=YYYY-MM-DD sets the day taken as today); --on MM-DD another
day of this year, --month YYYY-MM a whole month, --year YYYY the round anniversaries (25, 50,
75, 100, 150 and 200 years) within a year. A day needs a full date; a date known to the month
counts for --month and --year. Round anniversaries come first, each with its sources.
`perurel today` is the same command.

Examples:
  perurel anniversaries
  perurel anniversaries --on 10-08
  perurel anniversaries --month 2026-07 --json
  perurel anniversaries --year 2029 --format csv --fields date,years,title
""",
            (
                Param(
                    "on",
                    "value",
                    ("--on",),
                    "The day, MM-DD (10-08), in this year (default: today).",
                    metavar="MM-DD",
                ),
                Param(
                    "month",
                    "value",
                    ("--month",),
                    "A whole month, YYYY-MM: every anniversary in it.",
                    metavar="YYYY-MM",
                ),
                Param(
                    "year",
                    "value",
                    ("--year",),
                    "A year, YYYY: its round anniversaries (25, 50, 75, 100, 150, 200 years).",
                    metavar="YYYY",
                ),
                *OUTPUT,
            ),
            ANNIVERSARY_FIELDS,
        ),
        Command(
            "validate",
            """Check a dataset against the schema and the integrity rules, listing every problem.

Each problem is printed on its own line with its JSON path, e.g.
`events[12].date: '1999-13' is not a valid date`; the exit code is 3 if there is any.
Warnings (an open mission last seen before 2015) go to stderr and do not fail the check.

Examples:
  perurel validate
  perurel validate my-relations.json
  PERUREL_DATA=my.json perurel validate
""",
            (
                Param(
                    "path",
                    "argument",
                    help="The dataset to check (default: --data, $PERUREL_DATA, or the bundled one).",
                ),
            ),
        ),
    )
}


def canonical(param: Param, typed: str) -> str | None:
    """The declared choice `typed` names (any case; for a vocabulary, its Spanish words and common
    variants too), or None."""
    assert param.choices is not None
    for choice in param.choices:
        if choice.lower() == typed.lower():
            return choice
    if param.words is None:
        return None
    from .i18n import value

    return value(param.words, typed, param.choices)


def choice_error(param: Param, typed: str) -> str:
    """The usage error for a value that is none of a parameter's choices, in the reader's words."""
    from .errors import quoted
    from .i18n import t, values

    choices = param.choices or ()
    return t(
        "{value} is not a value of {option}; choose from {choices}",
        option=param.flags[0] if param.flags else param.name.upper(),
        value=quoted(typed),
        choices=", ".join(values(param.words, choices) if param.words else choices),
    )
