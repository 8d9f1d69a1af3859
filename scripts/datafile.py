"""Writing data/relations.json as every build script writes it: one space of indent, and the
Correlates of War snapshots one per line (the file stays readable and a quarter smaller)."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any


def dumps(data: dict[str, Any]) -> str:
    text = json.dumps(data, ensure_ascii=False, indent=1)
    return re.sub(r"\[\s*(\d+),\s*(\d+),\s*(\d+)\s*\]", r"[\1, \2, \3]", text) + "\n"


def write(path: Path, data: dict[str, Any]) -> None:
    path.write_text(dumps(data), encoding="utf-8")
