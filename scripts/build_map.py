"""Build the bundled world map, data/world.json, from Natural Earth boundaries.

Inputs (downloaded from the npm registry with `npm pack`, checked against the SHA-256 below; or
an already unpacked copy given with --atlas and --codes):

- world-atlas 2.0.2 (Mike Bostock, ISC licence): Natural Earth's Admin 0 countries (public
  domain, naturalearthdata.com) as TopoJSON. `countries-110m.json` (1:110m) gives the shapes;
  `countries-10m.json` (1:10m) gives the position of each state too small for 1:110m (Andorra,
  the Holy See, Tuvalu ...), drawn as a marker.
- i18n-iso-countries 7.14.0 (MIT): `codes.json`, ISO 3166-1 numeric → alpha-2, since
  world-atlas names features by their numeric code (Kosovo, which has none, by its name).

Also reads data/relations.json for the list of states, so that every state in the record gets a
shape or a marker (the build fails if one has neither).

What it does: decodes the TopoJSON arcs, projects every point with the Equal Earth projection
(Šavrič, Patterson and Jenny, 2018) onto a 3900 × 1900 plane, rounds to whole units and writes
each state's outline as an SVG path (relative moves), plus markers, the outline of the globe, and
the features that are not states in the record (territories, Antarctica, Western Sahara). Natural
Earth's Northern Cyprus and Somaliland are drawn as part of Cyprus and Somalia, the states the
record (and Peru) recognise there.

Usage: python scripts/build_map.py [--atlas DIR --codes FILE] [--check] [--out FILE]
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import json
import math
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "data" / "world.json"
DATA = ROOT / "data" / "relations.json"

PACKAGES = {
    "world-atlas@2.0.2": "032e7765f2ce00edaeafec23ff22bc3b77e42987c257da944cc585b452c05b97",
    "i18n-iso-countries@7.14.0": "bb418ebfb965789fcfbcce7dee59888d901ef64b03601da78b2e224cd6f5825c",
}

SOURCE = {
    "id": "natural-earth-110m",
    "title": "Natural Earth Admin 0 countries, 1:110m and 1:10m (world-atlas 2.0.2)",
    "publisher": "Natural Earth (naturalearthdata.com); TopoJSON by Mike Bostock",
    "url": "https://www.naturalearthdata.com/",
    "date": "2019",
    "tier": "other",
    "licence": "Natural Earth: public domain; world-atlas packaging: ISC",
    "note": "Boundaries of the map (perurel map), projected with Equal Earth. Natural Earth "
    "draws de facto boundaries; a line on the map says nothing about Peru's position on a "
    "border or a claim.",
}

SCALE = 720.0  # units per radian of the Equal Earth plane
WIDTH, HEIGHT = 3900, 1900
TINY = 160.0  # a shape smaller than this (square units) also gets a marker

# Features of Natural Earth that are not states in the record, drawn without data.
OTHERS = {
    "W. Sahara": ("disputed", "Western Sahara", "Sahara Occidental"),
    "Falkland Is.": ("territory", "Falkland Islands (Malvinas)", "Islas Malvinas"),
    "Greenland": ("territory", "Greenland (Denmark)", "Groenlandia (Dinamarca)"),
    "Fr. S. Antarctic Lands": (
        "territory",
        "French Southern and Antarctic Lands",
        "Tierras Australes y Antárticas Francesas",
    ),
    "Puerto Rico": ("territory", "Puerto Rico (United States)", "Puerto Rico (Estados Unidos)"),
    "New Caledonia": ("territory", "New Caledonia (France)", "Nueva Caledonia (Francia)"),
    "Antarctica": ("territory", "Antarctica", "Antártida"),
}
# Features drawn as part of the state the record recognises there.
PART_OF = {"N. Cyprus": "CY", "Somaliland": "SO", "Kosovo": "XK"}

A1, A2, A3, A4 = 1.340264, -0.081106, 0.000893, 0.003796
M = math.sqrt(3) / 2


def project(lon: float, lat: float) -> tuple[float, float]:
    """Equal Earth: (longitude, latitude) in degrees → plane units, y down, origin top left."""
    lam, phi = math.radians(lon), math.radians(lat)
    theta = math.asin(M * math.sin(phi))
    t2 = theta * theta
    t6 = t2 * t2 * t2
    x = lam * math.cos(theta) / (M * (A1 + 3 * A2 * t2 + t6 * (7 * A3 + 9 * A4 * t2)))
    y = theta * (A1 + A2 * t2 + t6 * (A3 + A4 * t2))
    return WIDTH / 2 + SCALE * x, HEIGHT / 2 - SCALE * y


def fetch(work: Path) -> tuple[Path, Path]:
    """Download both packages with npm, check their checksums, unpack them."""
    for spec, digest in PACKAGES.items():
        subprocess.run(
            ["npm", "pack", spec, "--silent"], cwd=work, check=True, stdout=subprocess.DEVNULL
        )
        tgz = work / (spec.replace("@", "-", 1).split("/")[-1] + ".tgz")
        got = hashlib.sha256(tgz.read_bytes()).hexdigest()
        if got != digest:
            raise SystemExit(f"{tgz.name}: SHA-256 {got}, expected {digest}")
        dest = work / spec.split("@")[0]
        dest.mkdir()
        with tarfile.open(tgz) as tar:
            tar.extractall(dest, filter="data")
    return work / "world-atlas" / "package", work / "i18n-iso-countries" / "package" / "codes.json"


def decode(topo: dict[str, Any]) -> list[list[tuple[float, float]]]:
    """The TopoJSON arcs as lists of (longitude, latitude), un-delta-encoded and un-quantised."""
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def rings(geometry: dict[str, Any], arcs: list[list[tuple[float, float]]]) -> list[list[Any]]:
    """Each polygon of a geometry as its rings of (longitude, latitude) points."""
    polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
    out = []
    for polygon in polygons:
        built = []
        for ring in polygon:
            points: list[tuple[float, float]] = []
            for index in ring:
                arc = arcs[index] if index >= 0 else arcs[~index][::-1]
                points.extend(arc[1:] if points else arc)
            built.append(points)
        out.append(built)
    return split(out)


def clip(points: list[tuple[float, float]], edge: float, keep_east: bool) -> list[Any]:
    """Sutherland-Hodgman: the part of a ring east (or west) of the meridian `edge`."""

    def inside(p: tuple[float, float]) -> bool:
        return p[0] >= edge if keep_east else p[0] <= edge

    def cut(a: tuple[float, float], b: tuple[float, float]) -> tuple[float, float]:
        t = (edge - a[0]) / (b[0] - a[0])
        return edge, a[1] + t * (b[1] - a[1])

    out = []
    for i, cur in enumerate(points):
        prev = points[i - 1]
        if inside(cur):
            if not inside(prev):
                out.append(cut(prev, cur))
            out.append(cur)
        elif inside(prev):
            out.append(cut(prev, cur))
    return out


def split(polygons: list[list[Any]]) -> list[list[Any]]:
    """Polygons that cross the antimeridian (Fiji, Chukotka), cut into their parts on either
    side; rings around a pole (Antarctica) and all others are left as they are."""
    out = []
    for polygon in polygons:
        ring = polygon[0]
        if all(abs(b[0] - a[0]) <= 180 for a, b in itertools.pairwise(ring)):
            out.append(polygon)
            continue
        unwrapped = [ring[0]]
        for lon, lat in ring[1:]:
            while lon - unwrapped[-1][0] > 180:
                lon -= 360
            while lon - unwrapped[-1][0] < -180:
                lon += 360
            unwrapped.append((lon, lat))
        if abs(unwrapped[-1][0] - unwrapped[0][0]) > 1:  # around a pole
            out.append(polygon)
            continue
        for offset in (-360, 0, 360):
            shifted = [(lon + offset, lat) for lon, lat in unwrapped]
            part = clip(clip(shifted, -180, True), 180, False)
            if len(part) >= 3 and area(part) > 0:
                out.append([part])
    return out


def area(points: list[tuple[float, float]]) -> float:
    """The absolute area of a ring (shoelace)."""
    return abs(
        sum(
            x0 * y1 - x1 * y0
            for (x0, y0), (x1, y1) in zip(points, points[1:] + points[:1], strict=True)
        )
        / 2
    )


def centroid(points: list[tuple[float, float]]) -> tuple[float, float]:
    """The centroid of a ring's area (its mean point when the ring has no area)."""
    a = cx = cy = 0.0
    for (x0, y0), (x1, y1) in zip(points, points[1:] + points[:1], strict=True):
        cross = x0 * y1 - x1 * y0
        a += cross
        cx += (x0 + x1) * cross
        cy += (y0 + y1) * cross
    if abs(a) < 1e-9:
        return sum(p[0] for p in points) / len(points), sum(p[1] for p in points) / len(points)
    return cx / (3 * a), cy / (3 * a)


def path(polygons: list[list[Any]]) -> tuple[str, float]:
    """Projected polygons as one SVG path (whole units, relative moves) and their area."""
    parts, total = [], 0.0
    for polygon in polygons:
        for i, ring in enumerate(polygon):
            points: list[tuple[int, int]] = []
            for lon, lat in ring:
                x, y = project(lon, lat)
                p = (round(x), round(y))
                if not points or p != points[-1]:
                    points.append(p)
            if len(points) > 1 and points[0] == points[-1]:
                points.pop()
            if len(points) < 3:
                continue
            if i == 0:
                total += area([project(lon, lat) for lon, lat in ring])
            steps = [f"{b[0] - a[0]} {b[1] - a[1]}" for a, b in itertools.pairwise(points)]
            parts.append(
                f"M{points[0][0]} {points[0][1]}l" + " ".join(steps).replace(" -", "-") + "z"
            )
    return "".join(parts), total


def marker(polygons: list[list[Any]]) -> list[int]:
    """Where a state's marker goes: the centroid of its largest polygon, projected."""
    largest = max((polygon[0] for polygon in polygons), key=lambda ring: area(ring))
    x, y = project(*centroid(largest))
    return [round(x), round(y)]


def outline() -> str:
    """The edge of the Equal Earth globe: the meridians ±180° from pole to pole."""
    east = [project(180, lat) for lat in range(-90, 91)]
    west = [project(-180, lat) for lat in range(90, -91, -1)]
    return "M" + "L".join(f"{round(x)} {round(y)}" for x, y in east + west) + "z"


def build(atlas: Path, codes_file: Path) -> dict[str, Any]:
    numeric = {n: a2 for a2, _a3, n, *_ in json.loads(codes_file.read_text())}
    states = {c["code"] for c in json.loads(DATA.read_text(encoding="utf-8"))["countries"]}

    def code_of(feature: dict[str, Any]) -> str | None:
        name = feature["properties"]["name"]
        return PART_OF.get(name) or numeric.get(feature.get("id") or "")

    coarse = json.loads((atlas / "countries-110m.json").read_text())
    arcs = decode(coarse)
    shapes: dict[str, list[list[Any]]] = {}
    others = []
    peru, peru_at = "", [0, 0]
    for feature in coarse["objects"]["countries"]["geometries"]:
        name = feature["properties"]["name"]
        code = code_of(feature)
        polygons = rings(feature, arcs)
        if code == "PE":
            peru, peru_at = path(polygons)[0], marker(polygons)
        elif code is not None and code in states:
            shapes.setdefault(code, []).extend(polygons)
        elif name in OTHERS:
            kind, english, spanish = OTHERS[name]
            d, _ = path(polygons)
            others.append({"kind": kind, "name": english, "name_es": spanish, "d": d})
        else:
            raise SystemExit(f"feature {name!r} ({feature.get('id')}) is neither a state nor known")
    paths: dict[str, str] = {}
    markers: dict[str, list[int]] = {}
    for code, polygons in sorted(shapes.items()):
        d, size = path(polygons)
        paths[code] = d
        if size < TINY:
            markers[code] = marker(polygons)
    fine = json.loads((atlas / "countries-10m.json").read_text())
    fine_arcs = decode(fine)
    for feature in fine["objects"]["countries"]["geometries"]:
        code = code_of(feature)
        if code is not None and code in states and code not in paths and code not in markers:
            markers[code] = marker(rings(feature, fine_arcs))
    missing = sorted(states - set(paths) - set(markers))
    if missing:
        raise SystemExit(f"no shape and no marker for {', '.join(missing)}")
    return {
        "source": SOURCE,
        "projection": {
            "name": "Equal Earth",
            "scale": SCALE,
            "width": WIDTH,
            "height": HEIGHT,
        },
        "outline": outline(),
        "peru": peru,
        "peru_at": peru_at,
        "shapes": paths,
        "markers": dict(sorted(markers.items())),
        "others": sorted(others, key=lambda o: o["name"]),
    }


def dumps(world: dict[str, Any]) -> str:
    return json.dumps(world, ensure_ascii=False, separators=(",", ":")) + "\n"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--atlas", type=Path, help="an unpacked world-atlas 2.0.2 (its package folder)")
    ap.add_argument("--codes", type=Path, help="codes.json of i18n-iso-countries 7.14.0")
    ap.add_argument("--check", action="store_true", help="fail if the committed file differs")
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        if args.atlas and args.codes:
            atlas, codes = args.atlas, args.codes
        else:
            atlas, codes = fetch(Path(tmp))
        text = dumps(build(atlas, codes))
    if args.check:
        current = args.out.read_text(encoding="utf-8") if args.out.exists() else ""
        if current != text:
            print(f"{args.out} is not what the inputs build; run scripts/build_map.py")
            return 1
        print(f"{args.out} is current ({len(text.encode()):,} bytes)")
        return 0
    args.out.write_text(text, encoding="utf-8")
    print(f"wrote {args.out} ({len(text.encode()):,} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
