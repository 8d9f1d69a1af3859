"""Writing data/relations.json as every builder writes it: checked by perurel's validator first,
then written atomically, with one space of indent and the Correlates of War snapshots one per
line (the file stays readable and a quarter smaller).

Also what the builders share: the error they raise, and adding the sources they cite."""

from __future__ import annotations

import json
import os
import re
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent


class BuildError(Exception):
    """A builder cannot produce a valid dataset: one line for the maintainer, nothing written."""


def dumps(data: dict[str, Any]) -> str:
    text = json.dumps(data, ensure_ascii=False, indent=1)
    return re.sub(r"\[\s*(\d+),\s*(\d+),\s*(\d+)\s*\]", r"[\1, \2, \3]", text) + "\n"


def write_bytes(path: Path, blob: bytes) -> None:
    """Replace `path` in one step: a reader sees the old file or the new one, never half."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(blob)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def validate(data: dict[str, Any], who: str) -> None:
    """Raise BuildError naming the first problems if perurel would reject `data`."""
    sys.path.insert(0, str(ROOT / "src"))  # the checkout's perurel, installed or not
    from perurel.validate import check

    problems = check(data)
    if problems:
        shown = "; ".join(str(p) for p in problems[:5])
        more = f" (and {len(problems) - 5} more)" if len(problems) > 5 else ""
        raise BuildError(f"{who}: the result is not a valid dataset: {shown}{more}")


def write(path: Path, data: dict[str, Any], who: str = "build") -> None:
    """Validate `data`, then write it to `path` atomically."""
    validate(data, who)
    write_bytes(path, dumps(data).encode("utf-8"))


def ensure_sources(data: dict[str, Any], *sources: dict[str, Any]) -> None:
    """Add each source a builder cites unless the dataset has one with its id already.

    A source entry present in the dataset is never rewritten: its descriptive fields (tier,
    publisher, note…) are edited by hand."""
    have = {s.get("id") for s in data["sources"]}
    data["sources"].extend(dict(s) for s in sources if s["id"] not in have)
