"""Add the Correlates of War diplomatic-representation snapshots to data/relations.json.

A maintainer's tool, run by hand; the package, its build and its tests never need it.
It reads the Peru rows of the COW Diplomatic Exchange data set v2006.1 (default:
../shared/reference/cow_diplomatic_exchange_peru_135.csv) and stores, per country, the
snapshots `[year, level of the partner's representative in Lima, level of Peru's in the
partner]` with levels 0 none, 1 chargé d'affaires, 2 minister, 3 ambassador, 9 other.

    python scripts/build_representation.py [--reference FILE] [--data data/relations.json]
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
from datafile import write  # noqa: E402  (the scripts folder is not a package)

SOURCE = {
    "id": "cow-diplomatic-exchange-2006",
    "title": "Diplomatic Exchange, 1817-2005 (v2006.1)",
    "publisher": "Correlates of War Project (Reşat Bayer, Koç University)",
    "url": "https://correlatesofwar.org/data-sets/diplomatic-exchange",
    "date": "2006",
    "note": (
        "Bayer, Reşat. 2006. 'Diplomatic Exchange Data set, v2006.1.' Levels of diplomatic "
        "representation (none, chargé d'affaires, minister, ambassador) between pairs of states "
        "in snapshot years (about every five years, 1840-2005 for Peru). It records who was "
        "represented at what level, not when relations were established, and it stops in 2005; "
        "for 1950-1965 most pairs are coded 'other'."
    ),
}
# Predecessor states the COW list names separately, folded into today's state.
SUCCESSORS = {
    "GFR": ("DEU", "1955-1990 snapshots are for the German Federal Republic."),
    "CZE": ("CZE", "Snapshots up to 1990 are for Czechoslovakia."),
}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument(
        "--reference",
        type=Path,
        default=ROOT.parent / "shared" / "reference" / "cow_diplomatic_exchange_peru_135.csv",
    )
    ap.add_argument("--data", type=Path, default=ROOT / "data" / "relations.json")
    args = ap.parse_args()
    data = json.loads(args.data.read_text(encoding="utf-8"))
    by_iso3 = {c["iso3"]: c for c in data["countries"]}
    snapshots: dict[str, list[list[int]]] = {}
    notes: dict[str, str] = {}
    with args.reference.open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            iso3, note = row["iso3_2"], None
            if row["stateabb2"] in SUCCESSORS:
                iso3, note = SUCCESSORS[row["stateabb2"]]
            if iso3 not in by_iso3:
                continue  # historical states with no successor here (Hanover, Papal States…)
            code = by_iso3[iso3]["code"]
            year = int(row["year"])
            levels = [
                year,
                int(row["DR_at_1_partner_in_peru"]),
                int(row["DR_at_2_peru_in_partner"]),
            ]
            kept = snapshots.setdefault(code, [])
            same = [s for s in kept if s[0] == year]
            if same:  # a state and its predecessor in one year (Germany, 1990): the one represented
                if levels[1] + levels[2] > same[0][1] + same[0][2]:
                    kept[kept.index(same[0])] = levels
                continue
            kept.append(levels)
            if note:
                notes[code] = note
    for c in data["countries"]:
        if c["code"] in snapshots:
            rep = {"snapshots": sorted(snapshots[c["code"]]), "sources": [SOURCE["id"]]}
            if c["code"] in notes:
                rep["note"] = notes[c["code"]]
            c["representation"] = rep
        else:
            c.pop("representation", None)
    data["sources"] = [s for s in data["sources"] if s["id"] != SOURCE["id"]] + [SOURCE]
    write(args.data, data)
    print(f"representation for {len(snapshots)} countries written to {args.data}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
