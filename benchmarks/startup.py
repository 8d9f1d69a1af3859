"""Start-up benchmark: each perurel command against a bare `python -c pass`, run in alternation.

    python benchmarks/startup.py [-n 21] [--data PATH]

Prints, per command, the median wall time, its ratio to the bare interpreter measured in the same
rounds, the same ratio of CPU time (user + system, from wait4's rusage of each child: steadier
than wall time on a busy machine, though the budgets are on wall time), and the peak resident
memory. Builds nothing: it runs
the `perurel` installed next to this Python (or `python -m perurel`).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

# Every answering command and help, with the budget the issues set: 6x a bare interpreter.
COMMANDS = [
    ("country chile --json", ["country", "chile", "--json"], 6.0),
    ("country chle --json (fuzzy)", ["country", "chle", "--json"], None),  # imports rapidfuzz
    ("country chile (card)", ["country", "chile"], 6.0),
    (
        "country relaciones con españa --json",
        ["country", "relaciones", "con", "españa", "--json"],
        6.0,
    ),
    ("missions --from peru --json", ["missions", "--from", "peru", "--json"], 6.0),
    ("timeline --since 1990", ["timeline", "--since", "1990"], 6.0),
    ("timeline --since 2000 --json", ["timeline", "--since", "2000", "--json"], 6.0),
    ("countries --json", ["countries", "--json"], 6.0),
    ("countries --region americas", ["countries", "--region", "americas"], 6.0),
    ("search border --json", ["search", "border", "--json"], 6.0),
    ("sources --tier official --json", ["sources", "--tier", "official", "--json"], 6.0),
    ("stats", ["stats"], 6.0),
    ("orgs --json", ["orgs", "--json"], 6.0),
    # votes reads its own file (issue 15: 10x); the others' budgets must not move.
    ("votes chile --json", ["votes", "chile", "--json"], 10.0),
    ("votes chile (chart)", ["votes", "chile"], 10.0),
    # compare without vote fields reads no voting file (6x); with them, votes' own 10x.
    (
        "compare chile bolivia --json --fields status",
        ["compare", "chile", "bolivia", "--json", "--fields", "status"],
        6.0,
    ),
    ("compare chile bolivia (card)", ["compare", "chile", "bolivia"], 10.0),
    ("anniversaries --on 10-08", ["anniversaries", "--on", "10-08"], 6.0),
    ("today --month 2026-10 --json", ["today", "--month", "2026-10", "--json"], 6.0),
    ("votes --rank --since 2000", ["votes", "--rank", "--since", "2000"], None),
    # map reads its own boundaries file (issue 23: 10x); SVG to stdout, and the HTML page.
    ("map --by status", ["map", "--by", "status"], 10.0),
    ("map --by missions --format html", ["map", "--by", "missions", "--format", "html"], 10.0),
    ("validate", ["validate"], None),  # checks the whole file by design
    ("--version", ["--version"], 6.0),
    # help is rendered from the spec without Typer (issue 22: within 6x)
    ("--help", ["--help"], 6.0),
    ("country --help", ["country", "--help"], 6.0),
    ("help timeline", ["help", "timeline"], 6.0),
    ("orgs andean community --json", ["orgs", "andean", "community", "--json"], 6.0),
    ("country chile --lang es", ["country", "chile", "--lang", "es"], 6.0),
    ("timeline --since 1990 --lang es", ["timeline", "--since", "1990", "--lang", "es"], 6.0),
    ("--lang es --help", ["--lang", "es", "--help"], 6.0),
    ("country --help --lang es", ["country", "--help", "--lang", "es"], 6.0),
    # the field meanings (issue 25: from the schema's descriptions, within 6x)
    ("country chile --fields help", ["country", "chile", "--fields", "help"], 6.0),
]


def perurel_cmd() -> list[str]:
    script = Path(sys.executable).with_name("perurel")
    found = str(script) if script.exists() else shutil.which("perurel")
    return [found] if found else [sys.executable, "-m", "perurel"]


def once(argv: list[str], env: dict[str, str]) -> tuple[float, int, float]:
    """Wall seconds, peak RSS (KiB) and CPU seconds of one run, output discarded."""
    start = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(argv)} exited {proc.returncode}")
    return elapsed, usage.ru_maxrss, usage.ru_utime + usage.ru_stime


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-n", type=int, default=21, help="runs per command (default 21)")
    ap.add_argument("--data", help="dataset to pass with --data")
    args = ap.parse_args()
    # As an installed package runs: with bytecode caches (a wheel install compiles them; a
    # PYTHONDONTWRITEBYTECODE environment would recompile every module on every run).
    skip = ("PERUREL_DATA", "FORCE_COLOR", "PYTHONDONTWRITEBYTECODE")
    env = {k: v for k, v in os.environ.items() if k not in skip}
    base = perurel_cmd() + (["--data", args.data] if args.data else [])
    bare = [sys.executable, "-c", "pass"]
    for argv in (bare, *([*base, *cmd] for _, cmd, _ in COMMANDS)):  # page cache, .pyc files
        once(argv, env)
    print(
        f"python {sys.version.split()[0]} on {os.uname().sysname} {os.uname().machine}, {os.cpu_count()} cores; n={args.n}"
    )
    print(
        f"{'command':34} {'median':>9} {'bare':>8} {'ratio':>6} {'budget':>7} {'cpu':>5} "
        f"{'peak RSS':>9}"
    )
    failed = False
    for label, cmd, budget in COMMANDS:
        times, bares, peaks, cpus, bare_cpus = [], [], [], [], []
        for _ in range(args.n):
            b, _, b_cpu = once(bare, env)
            t, rss, cpu = once([*base, *cmd], env)
            bares.append(b)
            times.append(t)
            peaks.append(rss)
            cpus.append(cpu)
            bare_cpus.append(b_cpu)
        med, med_bare = statistics.median(times), statistics.median(bares)
        ratio = med / med_bare
        cpu_ratio = statistics.median(cpus) / max(statistics.median(bare_cpus), 1e-6)
        over = budget is not None and ratio > budget
        failed |= over
        limit = f"≤{budget:g}x" if budget else ""
        print(
            f"{label:34} {med * 1000:7.1f}ms {med_bare * 1000:6.1f}ms {ratio:5.1f}x "
            f"{limit:>7} {cpu_ratio:4.1f}x {max(peaks) / 1024:7.1f}MiB{'  OVER' if over else ''}"
        )
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
