"""Fault injection into the cache: flip random bits in each cached file and count the runs whose
answer differs from a clean run's while claiming success (silent wrong answers: must be 0).

    python benchmarks/cache_faults.py [-n 2000] [--bits 1] [--seed 1]

Works in a scratch cache folder (put TMPDIR on a tmpfs such as /dev/shm: every flip is a miss,
and each miss writes the copy again with fsync). For each kind of cached file (the parsed dataset, the search
index; a custom dataset is kept only once validated), it runs a command once to fill the cache, then
n times: restore the pristine copy, flip random bits, run the command through the real entry
point (in-process, what this process remembers dropped first) and compare. Prints, per kind,
how many runs gave the clean answer, failed with an error, or answered wrongly.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run(args: list[str]) -> tuple[int, str]:
    from perurel import fulltext, match, store
    from perurel.launch import fast

    store._load.cache_clear()
    fulltext._corpus.cache_clear()
    for cached in (match._index, match._verbatim_official, match._longest):
        cached.cache_clear()
    store._load_votes.cache_clear()
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = fast(args)
    assert code is not None, args
    return code, out.getvalue()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-n", type=int, default=2000, help="flips per cached file (default 2000)")
    ap.add_argument("--bits", type=int, default=1, help="bits flipped per run (default 1)")
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    scratch = Path(tempfile.mkdtemp(prefix="perurel-faults."))
    os.environ["XDG_CACHE_HOME"] = str(scratch / "cache")
    os.environ.pop("PERUREL_DATA", None)
    os.environ.pop("PERUREL_NO_CACHE", None)
    custom = scratch / "custom.json"  # small: each miss validates it again
    shutil.copyfile(ROOT / "tests" / "fixtures" / "mini.json", custom)
    cases = [
        ("parsed", ["country", "chile", "--json"]),
        ("search", ["search", "border", "peru", "--json"]),
        ("names", ["country", "relaciones con españa", "--json"]),
        ("parsed", ["--data", str(custom), "country", "chile", "--json"]),  # validated, kept
    ]
    failed = False
    try:
        for kind, command in cases:
            folder = scratch / "cache" / "perurel" / kind
            shutil.rmtree(folder, ignore_errors=True)  # the copy this case makes, alone
            clean = run(command)
            assert clean[0] == 0, clean
            (copy,) = [p for p in folder.iterdir() if p.name.endswith(".cache")]
            pristine = copy.read_bytes()
            same = errors = wrong = 0
            start = time.perf_counter()
            for _ in range(args.n):
                flipped = bytearray(pristine)
                for _ in range(args.bits):
                    flipped[rng.randrange(len(flipped))] ^= 1 << rng.randrange(8)
                copy.write_bytes(bytes(flipped))
                got = run(command)
                if got == clean:
                    same += 1
                elif got[0] != 0:
                    errors += 1
                else:
                    wrong += 1
            copy.write_bytes(pristine)
            seconds = time.perf_counter() - start
            failed |= wrong > 0
            print(
                f"{kind:7} {len(pristine):>9,} bytes  {args.n} runs: {same} clean answer, "
                f"{errors} error, {wrong} WRONG ANSWER  ({seconds:.0f} s)",
                flush=True,
            )
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
