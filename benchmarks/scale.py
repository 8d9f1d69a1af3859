"""Scaling benchmark: generate datasets 1x, 10x and 100x the bundled one and time queries on them.

    python benchmarks/scale.py [--factors 1 10 100] [-n 5]

Each generated dataset repeats the bundled events, sources and missions N times (with new ids)
and gives every country N times its aliases; the number of countries stays 196, because ISO
alpha-2 codes cannot grow. Files go to a temporary directory and are deleted afterwards. The
dataset is passed with --data, so it is validated on load, as any custom dataset is.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from startup import perurel_cmd

QUERIES = [
    ("country chile --json", ["country", "chile", "--json"]),
    ("country chle --json", ["country", "chle", "--json"]),
    ("timeline --since 2000 --json", ["timeline", "--since", "2000", "--json"]),
]


def scaled(raw: dict, factor: int) -> dict:  # type: ignore[type-arg]
    out = dict(raw)
    out["sources"] = [
        dict(s, id=f"{s['id']}-x{k}" if k else s["id"])
        for k in range(factor)
        for s in raw["sources"]
    ]
    out["events"] = [
        dict(
            e,
            id=f"{e['id']}-x{k}" if k else e["id"],
            title=f"{e['title']} ({k})" if k else e["title"],
            sources=[f"{s}-x{k}" if k else s for s in e["sources"]],
        )
        for k in range(factor)
        for e in raw["events"]
    ]
    countries = []
    for c in raw["countries"]:
        c = dict(c)
        c["aliases"] = [f"{a} {k}" if k else a for k in range(factor) for a in c["aliases"]]
        c["missions"] = [
            dict(
                m,
                city=f"{m.get('city') or 'City'} {k}" if k else m.get("city"),
                sources=[f"{s}-x{k}" if k else s for s in m["sources"]],
            )
            for k in range(factor)
            for m in c["missions"]
        ]
        countries.append(c)
    out["countries"] = countries
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--factors", type=int, nargs="+", default=[1, 10, 100])
    ap.add_argument("-n", type=int, default=5)
    args = ap.parse_args()
    from perurel.store import bundled_path

    with open(bundled_path(), encoding="utf-8") as f:
        raw = json.load(f)
    env = {k: v for k, v in os.environ.items() if k != "PERUREL_DATA"}
    print(
        f"{'factor':>6} {'size':>8} {'events':>7}  "
        + "  ".join(f"{label:>28}" for label, _ in QUERIES)
    )
    with tempfile.TemporaryDirectory() as tmp:
        for factor in args.factors:
            path = Path(tmp) / f"x{factor}.json"
            path.write_text(json.dumps(scaled(raw, factor), ensure_ascii=False), encoding="utf-8")
            cells = []
            for _, query in QUERIES:
                times = []
                for _ in range(args.n):
                    start = time.perf_counter()
                    subprocess.run(
                        [*perurel_cmd(), "--data", str(path), *query],
                        env=env,
                        check=True,
                        capture_output=True,
                    )
                    times.append(time.perf_counter() - start)
                cells.append(f"{statistics.median(times) * 1000:26.0f}ms")
            size = path.stat().st_size / 1e6
            print(
                f"{factor:>5}x {size:6.1f}MB {len(raw['events']) * factor:>7}  " + "  ".join(cells)
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
