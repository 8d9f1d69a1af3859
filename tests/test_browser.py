"""A real browser shows the map: headless Chromium renders the SVG and the HTML page, and the
screenshot's pixels at known places (inside Chile, inside Mexico, on Peru, in the ocean) have
the colours the record gives them; the page loads with no network and no console message.

Chromium comes from the distribution (`apt-get install chromium`; .ci/run installs it). Without
it the tests are skipped on a developer's machine, and fail in CI (CI=true), where they must run.
"""

from __future__ import annotations

import json
import math
import os
import shutil
import subprocess
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PIL import Image

from .conftest import ROOT, entry

RECORD = json.loads((ROOT / "data" / "relations.json").read_text(encoding="utf-8"))
STATUS = {c["code"]: c["relations"]["status"] for c in RECORD["countries"]}
WORLD = json.loads((ROOT / "data" / "world.json").read_text(encoding="utf-8"))["projection"]
SVG = "{http://www.w3.org/2000/svg}"
SCALE = 2  # device pixels per CSS pixel: more pixels inside a narrow state like Chile
OCEAN = (0xD6, 0xE9, 0xF5)
PERU = (0x1F, 0x1F, 0x1F)
PLACES = {"CL": (-69.4, -24.5), "MX": (-102.0, 24.0)}


def chromium() -> str:
    found = next(
        (p for p in map(shutil.which, ("chromium", "chromium-browser", "google-chrome")) if p),
        None,
    )
    if found is None:
        if os.environ.get("CI"):
            pytest.fail("Chromium is missing in CI: .ci/run installs it (apt-get install chromium)")
        pytest.skip("no Chromium here (apt-get install -y chromium); CI runs these tests")
    return found


def browse(url: str, *extra: str) -> subprocess.CompletedProcess[str]:
    """Chromium, headless and offline, with a profile of its own, bounded in time."""
    with tempfile.TemporaryDirectory() as profile:
        return subprocess.run(
            [
                chromium(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                f"--user-data-dir={profile}",
                "--host-resolver-rules=MAP * ~NOTFOUND",  # no name resolves: no network
                "--proxy-server=127.0.0.1:9",
                "--enable-logging=stderr",
                "--v=0",
                "--hide-scrollbars",
                *extra,
                url,
            ],
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )


def console(stderr: str) -> list[str]:
    """What the page said on its console (Chromium logs each message as CONSOLE)."""
    return [line for line in stderr.splitlines() if ":CONSOLE" in line]


def project(lon: float, lat: float) -> tuple[float, float]:
    """Equal Earth (Šavrič, Patterson and Jenny 2018), in the bundled map's units."""
    a1, a2, a3, a4 = 1.340264, -0.081106, 0.000893, 0.003796
    m = math.sqrt(3) / 2
    theta = math.asin(m * math.sin(math.radians(lat)))
    x = (2 * math.sqrt(3) * math.radians(lon) * math.cos(theta)) / (
        3 * (9 * a4 * theta**8 + 7 * a3 * theta**6 + 3 * a2 * theta**2 + a1)
    )
    y = a4 * theta**9 + a3 * theta**7 + a2 * theta**3 + a1 * theta
    s = WORLD["scale"]
    return WORLD["width"] / 2 + s * x, WORLD["height"] / 2 - s * y


def shoot(tmp_path: Path, page: Path, width: int, height: int) -> Image.Image:
    shot = tmp_path / f"{page.stem}.png"
    done = browse(
        page.as_uri(),
        f"--window-size={width},{height}",
        f"--force-device-scale-factor={SCALE}",
        f"--screenshot={shot}",
    )
    assert shot.exists(), done.stderr[-2000:]
    assert console(done.stderr) == [], console(done.stderr)
    return Image.open(shot).convert("RGB")


def near(got: tuple[int, ...], want: tuple[int, ...]) -> bool:
    return all(abs(a - b) <= 6 for a, b in zip(got, want, strict=True))


def rgb(fill: str) -> tuple[int, int, int]:
    return int(fill[1:3], 16), int(fill[3:5], 16), int(fill[5:7], 16)


def check_pixels(image: Image.Image, svg_root: ET.Element) -> None:
    view = [float(v) for v in str(svg_root.get("viewBox")).split()]
    per_unit = float(str(svg_root.get("width"))) / view[2] * SCALE
    top = float(str(svg_root.get("data-top")))
    colours = {
        str(g.get("data-class")): rgb(str(g.find(f"{SVG}rect").get("fill")))  # type: ignore[union-attr]
        for g in svg_root.iter(f"{SVG}g")
        if g.get("class") == "key"
    }

    def pixel(lon: float, lat: float) -> tuple[int, ...]:
        x, y = project(lon, lat)
        got: tuple[int, ...] = image.getpixel((round(x * per_unit), round((y + top) * per_unit)))  # type: ignore[assignment]
        return got

    for code, (lon, lat) in PLACES.items():
        want = colours[STATUS[code]]
        assert near(pixel(lon, lat), want), (code, pixel(lon, lat), want)
    assert near(pixel(-130.0, -20.0), OCEAN), pixel(-130.0, -20.0)  # the Pacific
    assert near(pixel(-75.0, -10.0), PERU), pixel(-75.0, -10.0)
    assert colours[STATUS["CL"]] != colours[STATUS["MX"]] or STATUS["CL"] == STATUS["MX"]


def test_the_svg_in_a_browser(tmp_path: Path) -> None:
    chromium()
    page = tmp_path / "map.svg"
    assert entry(["map", "--by", "status", "-o", str(page)]).exit_code == 0
    root = ET.parse(page).getroot()
    width, height = int(str(root.get("width"))), int(str(root.get("height")))
    check_pixels(shoot(tmp_path, page, width, height), root)


def test_the_html_page_in_a_browser(tmp_path: Path) -> None:
    chromium()
    page = tmp_path / "map.html"
    assert entry(["map", "--by", "status", "-o", str(page)]).exit_code == 0
    text = page.read_text(encoding="utf-8")
    root = ET.fromstring(text[text.index("<svg") : text.index("</svg>") + 6])
    width, height = int(str(root.get("width"))), int(str(root.get("height")))
    check_pixels(shoot(tmp_path, page, width, height + 20), root)
    # The page's script runs to its end without error and shows a state's box when asked.
    done = browse(page.as_uri() + "#CL", "--dump-dom", f"--window-size={width},{height}")
    assert console(done.stderr) == [], console(done.stderr)
    assert 'data-ready="1"' in done.stdout
    assert done.stdout.count('tabindex="0"') == len(STATUS)  # every state reachable by keyboard
    tip = done.stdout[done.stdout.index('<div id="tip"') :]
    tip = tip[: tip.index("</div>")]
    assert "hidden" not in tip.split(">")[0]
    assert "<b>Chile</b>" in tip and "perurel country CL" in tip and STATUS["CL"] in tip
