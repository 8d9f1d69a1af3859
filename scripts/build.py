"""Rebuild the parts of the bundled data that come from reference files, every builder in order.

    python scripts/build.py                  rebuild data/relations.json and data/unvotes.json.gz
    python scripts/build.py --check          rebuild in a temporary folder; fail on any difference
    python scripts/build.py --record-inputs  record the inputs' checksums in scripts/inputs.json

Reads reference files under ../shared/reference (outside the project: nothing else needs them
to run, build or test perurel), in place, after checking each against the SHA-256 recorded in
scripts/inputs.json. The builders run in BUILDERS order, each on the previous one's output:
each owns named fields (its OWNS) and keeps every other field as it is, and the dataset is
checked by perurel's validator before every write. Files are written atomically, and only
when their content changed.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import importlib
import json
import shutil
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
from datafile import BuildError, write, write_bytes  # noqa: E402  (scripts is not a package)

REFERENCE = ROOT.parent / "shared" / "reference"
MANIFEST = ROOT / "scripts" / "inputs.json"
DATA = ROOT / "data"
BUILDERS = ("build_countries", "build_representation", "build_votes")
OUTPUTS = ("relations.json", "unvotes.json.gz")  # under data/; every builder reads and writes
SHOWN = 25  # differences listed before "and N more"


def builders() -> list[ModuleType]:
    return [importlib.import_module(name) for name in BUILDERS]


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def inputs(mods: list[ModuleType]) -> dict[str, str]:
    """Each input file, relative to the reference folder -> the builder that reads it."""
    return {name: mod.__name__ for mod in mods for name in mod.INPUTS}


def check_inputs(reference: Path, mods: list[ModuleType]) -> None:
    """Raise BuildError naming every input that is missing or not the one recorded."""
    if not reference.is_dir():
        raise BuildError(f"the builders' inputs are not here: no folder {reference}")
    recorded = json.loads(MANIFEST.read_text(encoding="utf-8"))["files"]
    wrong = []
    for name, reader in inputs(mods).items():
        path = reference / name
        if name not in recorded:
            wrong.append(f"{reader} reads {name}, which scripts/inputs.json does not name")
        elif not path.is_file():
            wrong.append(f"input missing: {path}")
        elif (found := sha256(path)) != recorded[name]["sha256"]:
            wrong.append(
                f"input changed: {path} has SHA-256 {found[:16]}…, scripts/inputs.json "
                f"records {recorded[name]['sha256'][:16]}…"
            )
    if wrong:
        hint = ""
        if any(not w.startswith("input missing") for w in wrong):
            hint = (
                " (if the new inputs are intended, run python scripts/build.py --record-inputs"
                " and commit what the build then rewrites)"
            )
        raise BuildError("; ".join(wrong) + hint)


def record_inputs(reference: Path, mods: list[ModuleType]) -> None:
    files = {}
    for name, reader in sorted(inputs(mods).items()):
        path = reference / name
        if not path.is_file():
            raise BuildError(f"input missing: {path}")
        files[name] = {"sha256": sha256(path), "bytes": path.stat().st_size, "read_by": reader}
    manifest = {
        "about": "The files scripts/build.py reads, relative to ../shared/reference, with the "
        "SHA-256 each must have. Rewritten by python scripts/build.py --record-inputs.",
        "files": files,
    }
    text = json.dumps(manifest, ensure_ascii=False, indent=1) + "\n"
    write_bytes(MANIFEST, text.encode("utf-8"))
    print(f"{len(files)} inputs recorded in {MANIFEST.relative_to(ROOT)}", file=sys.stderr)


def run(reference: Path, into: Path, mods: list[ModuleType]) -> None:
    """Rebuild the OUTPUTS in the folder `into`, which holds a copy of the committed ones."""
    data = json.loads((into / OUTPUTS[0]).read_text(encoding="utf-8"))
    for mod in mods:
        start = time.perf_counter()
        data, files = mod.build(data, reference)
        write(into / OUTPUTS[0], data, mod.__name__)
        for name, blob in files.items():
            if name not in OUTPUTS:
                raise BuildError(f"{mod.__name__} writes {name}, which build.py does not know")
            write_bytes(into / name, blob)
        took = time.perf_counter() - start
        print(f"{mod.__name__}: {took:.1f} s (owns {', '.join(mod.OWNS)})", file=sys.stderr)


# --- naming what differs --------------------------------------------------------------------


def _label(item: Any, index: int) -> str:
    if isinstance(item, dict):
        for key in ("code", "id"):
            if isinstance(item.get(key), str):
                return str(item[key])
    return str(index)


def _short(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 60 else text[:57] + "…"


def differences(old: Any, new: Any, path: str = "") -> Iterator[str]:
    """Where two JSON values differ, as paths: countries[DE].representation.note_es: …"""
    if isinstance(old, dict) and isinstance(new, dict):
        for key in old:
            if key not in new:
                yield f"{path}.{key}: dropped by the rebuild".lstrip(".")
            else:
                yield from differences(old[key], new[key], f"{path}.{key}".lstrip("."))
        for key in new:
            if key not in old:
                yield f"{path}.{key}: added by the rebuild ({_short(new[key])})".lstrip(".")
    elif isinstance(old, list) and isinstance(new, list):
        olds = {_label(v, i): v for i, v in enumerate(old)}
        news = {_label(v, i): v for i, v in enumerate(new)}
        if len(olds) != len(old) or len(news) != len(new):  # labels not unique: by position
            olds = {str(i): v for i, v in enumerate(old)}
            news = {str(i): v for i, v in enumerate(new)}
        for key, value in olds.items():
            if key not in news:
                yield f"{path}[{key}]: dropped by the rebuild"
            else:
                yield from differences(value, news[key], f"{path}[{key}]")
        for key in news:
            if key not in olds:
                yield f"{path}[{key}]: added by the rebuild"
        if set(olds) == set(news) and list(olds) != list(news):
            yield f"{path}: the same items in another order"
    elif old != new or type(old) is not type(new):
        yield f"{path}: committed {_short(old)}, rebuilt {_short(new)}"


def compare(name: str, committed: bytes, rebuilt: bytes) -> list[str]:
    """What differs between a committed output and its rebuild; empty when identical. A gzip
    file is compared by its content: its header differs between Pythons (the OS byte)."""
    if name.endswith(".gz"):
        committed, rebuilt = gzip.decompress(committed), gzip.decompress(rebuilt)
    if committed == rebuilt:
        return []
    found = list(differences(json.loads(committed), json.loads(rebuilt)))
    return found or ["the same content, laid out differently (key order or formatting)"]


# --- the command --------------------------------------------------------------------------------


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail if a rebuild would differ")
    parser.add_argument("--record-inputs", action="store_true", help="record input checksums")
    parser.add_argument("--reference", type=Path, default=REFERENCE, help="the reference folder")
    args = parser.parse_args()
    mods = builders()
    start = time.perf_counter()
    try:
        if args.record_inputs:
            record_inputs(args.reference, mods)
            return 0
        check_inputs(args.reference, mods)
        with tempfile.TemporaryDirectory(prefix="perurel-build.") as tmp:
            into = Path(tmp)
            for name in OUTPUTS:
                shutil.copyfile(DATA / name, into / name)
            run(args.reference, into, mods)
            stale = 0
            for name in OUTPUTS:
                committed, rebuilt = (DATA / name).read_bytes(), (into / name).read_bytes()
                found = compare(name, committed, rebuilt)
                if not found:
                    print(f"data/{name}: current", file=sys.stderr)
                    continue
                stale += 1
                verb = "differs from its rebuild" if args.check else "rebuilt"
                print(f"data/{name}: {verb} ({len(found)} differences)", file=sys.stderr)
                for line in found[:SHOWN]:
                    print(f"  {line}", file=sys.stderr)
                if len(found) > SHOWN:
                    print(f"  and {len(found) - SHOWN} more", file=sys.stderr)
                if not args.check:
                    write_bytes(DATA / name, rebuilt)
    except BuildError as e:
        print(f"error: {e}", file=sys.stderr)
        return 1
    print(f"build: {time.perf_counter() - start:.1f} s", file=sys.stderr)
    if args.check and stale:
        print("stale: run python scripts/build.py, or correct the builder", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
