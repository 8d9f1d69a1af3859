"""Render the two map screenshots of the docs (docs/map-status.png, docs/map-votes.png) with a
headless Chromium from the distribution (`apt-get install chromium`), offline, and reduce each to
a small palette PNG with Pillow (the `test` extra).

Usage: python scripts/map_screenshots.py
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from PIL import Image

ROOT = Path(__file__).resolve().parent.parent
SHOTS = {"map-status.png": ["--by", "status"], "map-votes.png": ["--by", "votes"]}
WIDTH = 1300  # the SVG's own width in pixels
SCALE = 0.6  # the screenshot's pixels per SVG pixel


def main() -> int:
    browser = shutil.which("chromium")
    if browser is None:
        print("needs chromium (apt-get install -y chromium)", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as tmp:
        for name, args in SHOTS.items():
            svg = Path(tmp) / "map.svg"
            subprocess.run(
                [sys.executable, "-m", "perurel", "map", *args, "-o", str(svg)], check=True
            )
            text = svg.read_text(encoding="utf-8")
            height = int(text.split('height="', 1)[1].split('"', 1)[0])
            shot = Path(tmp) / name
            subprocess.run(
                [
                    browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                    "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--hide-scrollbars",
                    f"--user-data-dir={Path(tmp) / 'profile'}",
                    f"--window-size={WIDTH},{height}", f"--force-device-scale-factor={SCALE}",
                    f"--screenshot={shot}", svg.as_uri(),
                ],
                check=True,
                capture_output=True,
                timeout=120,
            )  # fmt: skip
            image = Image.open(shot).convert("RGB").quantize(colors=48, dither=Image.Dither.NONE)
            out = ROOT / "docs" / name
            image.save(out, optimize=True)
            print(f"wrote {out} ({out.stat().st_size:,} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
