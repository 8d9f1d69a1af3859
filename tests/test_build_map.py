"""scripts/build_map.py, the builder of data/world.json, on inputs made here: the projection
against Equal Earth's published extent, TopoJSON decoding, and the cut at the antimeridian.
(The whole build needs the npm packages; `python scripts/build_map.py --check` runs it.)"""

from __future__ import annotations

import importlib.util
import sys
from types import ModuleType

import pytest

from .conftest import ROOT


@pytest.fixture(scope="module")
def build() -> ModuleType:
    spec = importlib.util.spec_from_file_location("build_map", ROOT / "scripts" / "build_map.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["build_map"] = module
    spec.loader.exec_module(module)
    return module


def test_equal_earth_extent(build: ModuleType) -> None:
    # Šavrič, Patterson and Jenny (2018): the unit map spans x ±2.7066297, y ±1.3173627.
    cx, cy = build.WIDTH / 2, build.HEIGHT / 2
    x, y = build.project(180, 0)
    assert x == pytest.approx(cx + build.SCALE * 2.7066297, abs=1e-3) and y == pytest.approx(cy)
    x, y = build.project(0, 90)
    assert x == pytest.approx(cx) and y == pytest.approx(cy - build.SCALE * 1.3173627, abs=1e-3)
    for lon, lat in ((-180, -90), (180, 90), (-180, 45), (90, -30)):
        x, y = build.project(lon, lat)
        assert 0 <= round(x) <= build.WIDTH and 0 <= round(y) <= build.HEIGHT


def test_topojson_arcs_decode_and_reverse(build: ModuleType) -> None:
    topology = {
        "transform": {"scale": [0.5, 0.25], "translate": [-10, 20]},
        "arcs": [[[0, 0], [2, 0], [0, 4]], [[2, 4], [-2, 0], [0, -4]]],
    }
    arcs = build.decode(topology)
    assert arcs[0] == [(-10, 20), (-9, 20), (-9, 21)]
    assert arcs[1] == [(-9, 21), (-10, 21), (-10, 20)]
    polygon = {"type": "Polygon", "arcs": [[0, 1]]}
    assert build.rings(polygon, arcs) == [[[(-10, 20), (-9, 20), (-9, 21), (-10, 21), (-10, 20)]]]
    reversed_ = {"type": "Polygon", "arcs": [[~1, ~0]]}
    assert build.rings(reversed_, arcs)[0][0][0] == (-10, 20)


def test_a_ring_across_the_antimeridian_is_cut_in_two(build: ModuleType) -> None:
    ring = [(170.0, 10.0), (-170.0, 10.0), (-170.0, 20.0), (170.0, 20.0), (170.0, 10.0)]
    parts = build.split([[ring]])
    assert len(parts) == 2
    east, west = sorted(parts, key=lambda p: -p[0][0][0])
    assert all(170 <= lon <= 180 for lon, _ in east[0])
    assert all(-180 <= lon <= -170 for lon, _ in west[0])
    assert build.area(east[0]) + build.area(west[0]) == pytest.approx(200.0)
    polar = [(-180.0, -80.0), (0.0, -70.0), (180.0, -80.0), (180.0, -90.0), (-180.0, -90.0)]
    assert build.split([[polar]]) == [[polar]]  # around the pole: left as it is
