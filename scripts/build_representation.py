"""Builder 2 of scripts/build.py: the Correlates of War diplomatic-representation snapshots.

Reads the Peru rows of the COW Diplomatic Exchange data set v2006.1 (INPUTS, under
../shared/reference; the package, its build and its tests never need it) and owns, in each
country of data/relations.json, the fields of `representation` in OWNS: the snapshots
`[year, level of the partner's representative in Lima, level of Peru's in the partner]` with
levels 0 none, 1 chargé d'affaires, 2 minister, 3 ambassador, 9 other; the source they cite;
and the note (with its Spanish text) saying which predecessor state's rows were folded in.
Any other field of `representation` is kept. Run it through `python scripts/build.py`.
"""

from __future__ import annotations

import copy
import csv
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from datafile import ensure_sources  # the scripts folder is not a package

INPUTS = ("cow_diplomatic_exchange_peru_135.csv",)
OWNS = tuple(f"representation.{k}" for k in ("snapshots", "sources", "note", "note_es"))
# Added only when the dataset lacks a source with this id; an entry present is edited by hand.
SOURCE = {
    "id": "cow-diplomatic-exchange-2006",
    "title": "Diplomatic Exchange, 1817-2005 (v2006.1)",
    "publisher": "Correlates of War Project (Reşat Bayer, Koç University)",
    "url": "https://correlatesofwar.org/data-sets/diplomatic-exchange",
    "date": "2006",
    "tier": "scholarly",
    "note": (
        "Bayer, Reşat. 2006. 'Diplomatic Exchange Data set, v2006.1.' Levels of diplomatic "
        "representation (none, chargé d'affaires, minister, ambassador) between pairs of states "
        "in snapshot years (about every five years, 1840-2005 for Peru). It records who was "
        "represented at what level, not when relations were established, and it stops in 2005; "
        "for 1950-1965 most pairs are coded 'other'."
    ),
    "note_es": (
        "Bayer, Reşat. 2006. 'Diplomatic Exchange Data set, v2006.1.' Niveles de representación "
        "diplomática (ninguno, encargado de negocios, ministro, embajador) entre pares de Estados "
        "en años de corte (aproximadamente cada cinco años, 1840-2005 para el Perú). Registra "
        "quién estaba representado y en qué nivel, no cuándo se establecieron las relaciones, y "
        "termina en 2005; para 1950-1965 la mayoría de los pares tienen el código 'other'."
    ),
}
# Predecessor states the COW list names separately, folded into today's state, with the note
# that says so (English, Spanish).
SUCCESSORS = {
    "GFR": ("DEU", "1955-1990 snapshots are for the German Federal Republic.",
            "Las instantáneas de 1955-1990 corresponden a la República Federal de Alemania."),
    "CZE": ("CZE", "Snapshots up to 1990 are for Czechoslovakia.",
            "Las instantáneas hasta 1990 corresponden a Checoslovaquia."),
}  # fmt: skip


def snapshots(data: dict[str, Any], reference: Path) -> dict[str, dict[str, Any]]:
    """The owned `representation` fields of each country the COW rows name, by code."""
    by_iso3 = {c["iso3"]: c["code"] for c in data["countries"]}
    found: dict[str, list[list[int]]] = {}
    notes: dict[str, tuple[str, str]] = {}
    note: tuple[str, str] | None
    with (reference / INPUTS[0]).open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            iso3, note = row["iso3_2"], None
            if row["stateabb2"] in SUCCESSORS:
                iso3, *text = SUCCESSORS[row["stateabb2"]]
                note = (text[0], text[1])
            if iso3 not in by_iso3:
                continue  # historical states with no successor here (Hanover, Papal States…)
            code = by_iso3[iso3]
            year = int(row["year"])
            levels = [
                year,
                int(row["DR_at_1_partner_in_peru"]),
                int(row["DR_at_2_peru_in_partner"]),
            ]
            kept = found.setdefault(code, [])
            same = [s for s in kept if s[0] == year]
            if same:  # a state and its predecessor in one year (Germany, 1990): the one represented
                if levels[1] + levels[2] > same[0][1] + same[0][2]:
                    kept[kept.index(same[0])] = levels
                continue
            kept.append(levels)
            if note:
                notes[code] = note
    out: dict[str, dict[str, Any]] = {}
    for code, snaps in found.items():
        rep: dict[str, Any] = {"snapshots": sorted(snaps), "sources": [SOURCE["id"]]}
        if code in notes:
            rep["note"], rep["note_es"] = notes[code]
        out[code] = rep
    return out


def merge(data: dict[str, Any], built: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """`data` with the OWNS fields of each `representation` from `built`; all else kept."""
    out = copy.deepcopy(data)
    for c in out["countries"]:
        new = built.get(c["code"], {})
        rep = c.get("representation", {})
        for key in (k.removeprefix("representation.") for k in OWNS):
            if key in new:
                rep[key] = new[key]  # in place: the key order is kept
            else:
                rep.pop(key, None)
        if rep:
            c["representation"] = rep
        else:
            c.pop("representation", None)
    ensure_sources(out, SOURCE)
    return out


def build(data: dict[str, Any], reference: Path) -> tuple[dict[str, Any], dict[str, bytes]]:
    """The dataset with fresh snapshots; no other file."""
    return merge(data, snapshots(data, reference)), {}
