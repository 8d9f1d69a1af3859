"""Compare perurel's UN voting figures with an independent computation from the raw files.

Reads ../shared/reference/unvotes/ (outside the project; see scripts/build_votes.py for what the
files are) with nothing from perurel: for every state, Peru's agreement over the whole record
and over 2000-2019, plain and weighted, straight from the CSV rows; then asks the installed
perurel (`perurel votes ... --json`, through its Python modules) for the same figures and
reports the largest difference in percentage points. Exit 1 if any differs by 0.5 or more.

Usage: python scripts/check_votes.py [--reference DIR]
"""

from __future__ import annotations

import argparse
import csv
import gzip
import io
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REFERENCE = ROOT.parent / "shared" / "reference" / "unvotes"
TOLERANCE = 0.5  # percentage points


def independent(reference: Path) -> dict[tuple[str, str, bool], tuple[int, float]]:
    """(voter, window, weighted) -> (roll calls both voted on, agreement in percent)."""
    text = (reference / "un_roll_calls.csv").read_text(encoding="utf-8")
    date = {r["rcid"]: r["date"] for r in csv.DictReader(io.StringIO(text))}
    raw = gzip.decompress((reference / "un_votes.csv.gz").read_bytes()).decode("utf-8")
    by_voter: dict[str, dict[str, str]] = defaultdict(dict)
    for v in csv.DictReader(io.StringIO(raw)):
        d = date[v["rcid"]]
        key = v["country_code"] or v["country"]
        if key == "RU":
            key = "RU" if d >= "1992" else "USSR"
        if key == "YU":
            key = "YU" if d < "1993" else "YU-later"  # compared only where perurel splits alike
        by_voter[key][v["rcid"]] = v["vote"]
    peru = by_voter["PE"]
    out = {}
    for key, votes in by_voter.items():
        if key == "PE":
            continue
        for window, lo, hi in (("all", "", "9999"), ("2000-2019", "2000", "2019-12-31")):
            both = [r for r in votes if r in peru and lo <= date[r] <= hi]
            for weighted in (False, True):
                agreed = 0.0
                for r in both:
                    a, b = peru[r], votes[r]
                    if a == b:
                        agreed += 1
                    elif weighted and "abstain" in (a, b):
                        agreed += 0.5
                if both:
                    out[(key, window, weighted)] = (len(both), 100 * agreed / len(both))
    return out


PERUREL_ID = {
    "USSR": "SUN",
    "YU": "YUG",
    "Federal Republic of Germany": "FRG",
    "Yemen Arab Republic": "YAR",
    "Zanzibar": "ZAN",
    "CS": "CSK",
    "DD": "DDR",
    "YD": "YMD",
}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--reference", type=Path, default=REFERENCE)
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT / "src"))
    from perurel.store import load_votes

    data = load_votes()
    theirs = independent(args.reference)
    worst, compared, missing = 0.0, 0, []
    for (key, window, weighted), (n, share) in sorted(theirs.items()):
        if key == "YU-later":
            continue  # perurel splits these between Serbia and Montenegro and Serbia
        voter = PERUREL_ID.get(key, key)
        if voter not in data.states:
            missing.append(voter)
            continue
        since, until = ("2000", "2019") if window == "2000-2019" else (None, None)
        mine = data.agreement(voter, since, until, weighted=weighted)
        if mine.votes != n:
            print(f"{voter} {window}: {mine.votes} roll calls, independent {n}")
        worst = max(worst, abs(100 * mine.share - share))
        compared += 1
    print(f"{compared} figures compared; largest difference {worst:.4f} percentage points")
    if missing:
        print(f"not in perurel: {sorted(set(missing))}")
    return 0 if worst < TOLERANCE and not missing else 1


if __name__ == "__main__":
    sys.exit(main())
