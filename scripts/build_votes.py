"""Builder 3 of scripts/build.py: the bundled UN General Assembly voting file,
data/unvotes.json.gz (all of it), and the one-line voting summary of each country in
data/relations.json (`un_votes`, OWNS; every other field is kept).

Reads ../shared/reference/unvotes/ (INPUTS; outside the project, needed only to regenerate): the United
Nations General Assembly Voting Data of Erik Voeten, Anton Strezhnev and Michael Bailey (Harvard
Dataverse, hdl:1902.1/12379, CC0), as packaged in the R package `unvotes` (dgrtwo/unvotes, 2021
data update) and converted to CSV without other change:

- un_votes.csv.gz: rcid, country, country_code, vote (yes / no / abstain; absences and
  non-members are not in the file);
- un_roll_calls.csv: rcid, session, importantvote, date, unres, amend, para, short, descr;
- un_roll_call_issues.csv: rcid, short_name, issue (six issue codes).

The file's codes follow a state across time; predecessor states are split off under their own
names (never merged into a successor), by the dates the file itself shows:
- RU before 1992: the Soviet Union (SUN); from 1992: Russia (RU);
- YU before 1993: Yugoslavia (YUG); from its return in 2000
  until the first roll call on which Montenegro votes: Serbia and Montenegro (SCG); afterwards:
  Serbia (RS);
- CS: Czechoslovakia (CSK); DD: the German Democratic Republic (DDR); the Federal Republic of
  Germany (no code; FRG) until 1990; DE from 1991: Germany;
- the Yemen Arab Republic (no code; YAR) and YD, the People's Democratic Republic of Yemen
  (YMD), until 1990; YE from 1991: Yemen; Zanzibar (no code; ZAN), 1963;
- TW: the Republic of China, which held China's seat until October 1971.

Output (gzip of compact JSON, about 1 MB): roll calls in rcid order as parallel columns, and for
each state one character per roll call: y (yes), n (no), a (abstain), "." (no vote recorded).

Run it through `python scripts/build.py`. On its own it builds a voting file from an extract
in the same form, the tests' fixture:

    python scripts/build_votes.py --reference tests/fixtures/unvotes \
        --out tests/fixtures/mini-votes.json.gz [--check]
"""

from __future__ import annotations

import argparse
import copy
import csv
import gzip
import io
import json
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
from datafile import ensure_sources  # noqa: E402  (the scripts folder is not a package)

INPUTS = ("unvotes/un_roll_calls.csv", "unvotes/un_roll_call_issues.csv", "unvotes/un_votes.csv.gz")
OWNS = ("un_votes", "data/unvotes.json.gz")  # a field of each country, and a file of its own
FILE = "unvotes.json.gz"  # under data/
SOURCE_ID = "unvotes-voeten-strezhnev-bailey"
# Added only when the dataset lacks a source with this id; an entry present is edited by hand.
SOURCE = {
    "id": SOURCE_ID,
    "title": "United Nations General Assembly Voting Data",
    "publisher": "Erik Voeten, Anton Strezhnev and Michael Bailey, Harvard Dataverse",
    "url": "https://hdl.handle.net/1902.1/12379",
    "date": "2021",
    "tier": "scholarly",
    "note": "Roll-call votes of the UN General Assembly, 1946 to January 2020 (CC0), read as "
    "packaged in the R package unvotes by David Robinson (2021 data update). Absences are not "
    "recorded; agreement figures are computed by perurel from the votes.",
    "note_es": "Votaciones nominales de la Asamblea General de la ONU, de 1946 a enero de 2020 "
    "(CC0), leídas tal como las reúne el paquete de R unvotes de David Robinson (actualización de "
    "datos de 2021). No se registran las ausencias; perurel calcula las cifras de coincidencia a "
    "partir de los votos.",
}
ISSUES = {
    "me": "Palestinian conflict",
    "nu": "Nuclear weapons and nuclear material",
    "di": "Arms control and disarmament",
    "hr": "Human rights",
    "co": "Colonialism",
    "ec": "Economic development",
}
VOTE = {"yes": "y", "no": "n", "abstain": "a"}
# Predecessor states: id -> English name, Spanish name, successor code(s), note, Spanish note.
FORMER = {
    "SUN": ("Soviet Union", "Unión Soviética", ["RU"],
            "The Soviet Union's votes, to 1991 (the source data keeps them under Russia's code); "
            "Russia's are under Russia.",
            "Los votos de la Unión Soviética, hasta 1991 (los datos de origen los guardan con el "
            "código de Rusia); los de Rusia figuran bajo Rusia."),
    "YUG": ("Yugoslavia", "Yugoslavia", ["RS"],
            "Votes cast in Yugoslavia's seat to 1992 (the source data keeps them under one code "
            "with the later votes in that seat, which are under 'Serbia and Montenegro' and "
            "Serbia).",
            "Los votos emitidos en el escaño de Yugoslavia hasta 1992 (los datos de origen los "
            "guardan con un mismo código junto con los votos posteriores de ese escaño, que "
            "figuran bajo «Serbia y Montenegro» y Serbia)."),
    "SCG": ("Serbia and Montenegro", "Serbia y Montenegro", ["RS", "ME"],
            "Votes cast in Yugoslavia's seat from 2000 until Montenegro's first vote in 2006; "
            "Serbia's from then on are under Serbia.",
            "Los votos emitidos en el escaño de Yugoslavia desde 2000 hasta el primer voto de "
            "Montenegro en 2006; los de Serbia desde entonces figuran bajo Serbia."),
    "CSK": ("Czechoslovakia", "Checoslovaquia", ["CZ", "SK"],
            "Czechoslovakia's votes, to 1992; Czechia's and Slovakia's are under their names.",
            "Los votos de Checoslovaquia, hasta 1992; los de Chequia y Eslovaquia figuran con "
            "sus nombres."),
    "DDR": ("East Germany (German Democratic Republic)",
            "Alemania Oriental (República Democrática Alemana)", ["DE"],
            "The German Democratic Republic's votes, 1973-1989.",
            "Los votos de la República Democrática Alemana, 1973-1989."),
    "FRG": ("West Germany (Federal Republic of Germany)",
            "Alemania Occidental (República Federal de Alemania)", ["DE"],
            "The Federal Republic of Germany's votes as the source data records them, 1973-1990; "
            "the votes it records under Germany's code begin in October 1991.",
            "Los votos de la República Federal de Alemania tal como los registran los datos de "
            "origen, 1973-1990; los que registran con el código de Alemania empiezan en octubre "
            "de 1991."),
    "YAR": ("North Yemen (Yemen Arab Republic)", "Yemen del Norte (República Árabe de Yemen)",
            ["YE"],
            "The Yemen Arab Republic's votes as the source data records them, to 1990; the votes "
            "it records under Yemen's code begin in 1991.",
            "Los votos de la República Árabe de Yemen tal como los registran los datos de "
            "origen, hasta 1990; los que registran con el código de Yemen empiezan en 1991."),
    "YMD": ("South Yemen (People's Democratic Republic of Yemen)",
            "Yemen del Sur (República Democrática Popular de Yemen)", ["YE"],
            "South Yemen's votes, 1967-1989.",
            "Los votos de Yemen del Sur, 1967-1989."),
    "ZAN": ("Zanzibar", "Zanzíbar", ["TZ"], "Zanzibar's votes, all in 1963.",
            "Los votos de Zanzíbar, todos de 1963."),
}  # fmt: skip
NOTES = {
    "TW": ("The Republic of China held China's seat until October 1971; these are its votes.",
           "La República de China ocupó el escaño de China hasta octubre de 1971; estos son sus "
           "votos."),
    "RU": ("Russia from 1992; the Soviet Union's votes are under 'Soviet Union'.",
           "Rusia desde 1992; los votos de la Unión Soviética figuran bajo «Unión Soviética»."),
    "RS": ("Serbia from Montenegro's first vote in 2006; earlier votes in the seat are under "
           "'Serbia and Montenegro' and 'Yugoslavia'.",
           "Serbia desde el primer voto de Montenegro en 2006; los votos anteriores de ese escaño "
           "figuran bajo «Serbia y Montenegro» y «Yugoslavia»."),
    "DE": ("Votes the source data records under Germany's code, from October 1991; earlier "
           "votes are under 'West Germany' and 'East Germany'.",
           "Los votos que los datos de origen registran con el código de Alemania, desde octubre "
           "de 1991; los anteriores figuran bajo «Alemania Occidental» y «Alemania Oriental»."),
    "YE": ("Votes the source data records under Yemen's code, from 1991; earlier votes are "
           "under 'North Yemen' and 'South Yemen'.",
           "Los votos que los datos de origen registran con el código de Yemen, desde 1991; los "
           "anteriores figuran bajo «Yemen del Norte» y «Yemen del Sur»."),
    "CZ": ("Czechia from 1993; earlier votes are under 'Czechoslovakia'.",
           "Chequia desde 1993; los votos anteriores figuran bajo «Checoslovaquia»."),
    "SK": ("Slovakia from 1993; earlier votes are under 'Czechoslovakia'.",
           "Eslovaquia desde 1993; los votos anteriores figuran bajo «Checoslovaquia»."),
}  # fmt: skip


def entity(name: str, code: str, date: str, montenegro_from: str) -> str:
    """The id a vote is kept under: a dataset country code, or a predecessor's id."""
    if code == "RU":
        return "SUN" if date < "1992" else "RU"
    if code == "YU":
        if date < "1993":
            return "YUG"
        return "SCG" if date < montenegro_from else "RS"
    fixed = {"CS": "CSK", "DD": "DDR", "YD": "YMD"}
    if code in fixed:
        return fixed[code]
    if not code:
        return {"Federal Republic of Germany": "FRG", "Yemen Arab Republic": "YAR",
                "Zanzibar": "ZAN"}[name]  # fmt: skip
    return code


def rows(path: Path) -> list[dict[str, str]]:
    """The rows of a CSV file, gzipped or not."""
    data = path.read_bytes()
    if path.suffix == ".gz":
        data = gzip.decompress(data)
    return list(csv.DictReader(io.StringIO(data.decode("utf-8"), newline="")))


def read(reference: Path) -> dict[str, object]:
    calls = sorted(rows(reference / "un_roll_calls.csv"), key=lambda r: int(r["rcid"]))
    index = {r["rcid"]: i for i, r in enumerate(calls)}
    issues: dict[str, list[str]] = {k: ["0"] * len(calls) for k in ISSUES}
    for row in rows(reference / "un_roll_call_issues.csv"):
        if row["rcid"] in index:
            issues[row["short_name"]][index[row["rcid"]]] = "1"
    raw = rows(reference / "un_votes.csv.gz")
    montenegro_from = min(
        (calls[index[v["rcid"]]]["date"] for v in raw if v["country_code"] == "ME"), default="9999"
    )
    votes: dict[str, list[str]] = defaultdict(lambda: ["."] * len(calls))
    names: dict[str, str] = {}
    for v in raw:
        i = index[v["rcid"]]
        key = entity(v["country"], v["country_code"], calls[i]["date"], montenegro_from)
        if votes[key][i] != ".":
            raise SystemExit(f"two votes for {key} on rcid {v['rcid']}")
        votes[key][i] = VOTE[v["vote"]]
        names.setdefault(key, v["country"])
    states = []
    for key in sorted(votes):
        state: dict[str, object] = {"id": key}
        if key in FORMER:
            name, name_es, successors, note, note_es = FORMER[key]
            state.update(
                name=name, name_es=name_es, successors=successors, note=note, note_es=note_es
            )
        elif key in NOTES:
            state["note"], state["note_es"] = NOTES[key]
        state["votes"] = "".join(votes[key])
        states.append(state)
    return {
        "source": SOURCE_ID,
        "issues": ISSUES,
        "rollcalls": {
            "rcid": [int(r["rcid"]) for r in calls],
            "session": [int(r["session"]) for r in calls],
            "date": [r["date"] for r in calls],
            "important": "".join("1" if r["importantvote"] in ("1", "1.0") else "0" for r in calls),
            "issues": {k: "".join(v) for k, v in issues.items()},
            "unres": [r["unres"] for r in calls],
            "short": [r["short"].strip() for r in calls],
            "descr": [" ".join(r["descr"].split()) for r in calls],
        },
        "states": states,
    }


def write(doc: dict[str, object]) -> bytes:
    text = json.dumps(doc, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return gzip.compress(text, compresslevel=9, mtime=0)


def summaries(doc: dict[str, object]) -> dict[str, dict[str, object]]:
    """Each state's agreement with Peru on the roll calls of 2000-2019, as the card shows it."""
    sys.path.insert(0, str(ROOT / "src"))
    from perurel.votes import Votes

    votes = Votes(doc)
    out = {}
    for state in votes.states.values():
        if state.id == "PE":
            continue
        found = votes.agreement(state.id, since="2000", until="2019")
        if found.votes:
            out[state.id] = {
                "since": 2000,
                "until": 2019,
                "agreement": round(100 * found.share, 1),
                "votes": found.votes,
                "sources": [SOURCE_ID],
            }
    return out


def same(path: Path, blob: bytes) -> bool:
    """Whether the gzip file at `path` holds what `blob` holds. The content is compared, not
    the bytes: gzip headers differ between Pythons (3.13 writes another OS byte)."""
    return gzip.decompress(path.read_bytes()) == gzip.decompress(blob)


def merge(data: dict[str, Any], found: dict[str, dict[str, object]]) -> dict[str, Any]:
    """`data` with each country's `un_votes` from `found` (none where absent); all else kept."""
    out = copy.deepcopy(data)
    for country in out["countries"]:
        if country["code"] in found:
            country["un_votes"] = found[country["code"]]
        else:
            country.pop("un_votes", None)
    ensure_sources(out, SOURCE)
    return out


def build(data: dict[str, Any], reference: Path) -> tuple[dict[str, Any], dict[str, bytes]]:
    """The dataset with fresh voting summaries, and the voting file (FILE)."""
    doc = read(reference / "unvotes")
    return merge(data, summaries(doc)), {FILE: write(doc)}


def main() -> int:
    parser = argparse.ArgumentParser(description="Build a voting file from an extract.")
    parser.add_argument("--reference", type=Path, required=True, help="the extract's folder")
    parser.add_argument("--out", type=Path, required=True, help="the voting file to write")
    parser.add_argument("--check", action="store_true", help="fail if the file is stale")
    args = parser.parse_args()
    blob = write(read(args.reference))
    if args.check:
        current = args.out.exists() and same(args.out, blob)
        print(f"{args.out}: {'current' if current else 'stale'}", file=sys.stderr)
        return 0 if current else 1
    args.out.write_bytes(blob)
    return 0


if __name__ == "__main__":
    sys.exit(main())
