"""perurel as installed: the entry point in a subprocess, from another directory, and the wheel."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from .conftest import ROOT


def _perurel() -> list[str]:
    script = Path(sys.executable).with_name("perurel")
    found = str(script) if script.exists() else shutil.which("perurel")
    return [found] if found else [sys.executable, "-m", "perurel"]


def test_installed_entry_point_from_another_directory(tmp_path: Path) -> None:
    out = subprocess.run(
        [*_perurel(), "country", "EE.UU.", "--json"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout)["code"] == "US"
    assert out.stderr.startswith("perurel: 'EE.UU.' → United States (US)")


def test_python_dash_m(tmp_path: Path) -> None:
    out = subprocess.run(
        [sys.executable, "-m", "perurel", "timeline", "--since", "1990", "--country", "chile"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert out.returncode == 0, out.stderr
    assert "Date" in out.stdout and "Traceback" not in out.stderr


def test_broken_pipe_is_quiet(tmp_path: Path) -> None:
    cmd = " ".join(_perurel()) + " timeline | head -1"
    out = subprocess.run(
        ["sh", "-c", cmd], cwd=tmp_path, capture_output=True, text=True, check=False
    )
    assert out.returncode == 0
    assert out.stderr == ""


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if not (ROOT / "pyproject.toml").exists():
        pytest.skip("needs a source checkout")
    out = tmp_path_factory.mktemp("dist")
    build = subprocess.run(
        [
            sys.executable,
            "-m",
            "build",
            "--wheel",
            "--no-isolation",
            "--outdir",
            str(out),
            str(ROOT),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert build.returncode == 0, build.stdout[-2000:] + build.stderr[-2000:]
    (found,) = out.glob("perurel-*.whl")
    return found


def test_wheel_carries_the_dataset(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as zf:
        names = set(zf.namelist())
        assert "perurel/data/relations.json" in names
        assert "perurel/data/relations.schema.json" in names
        assert "perurel/data/world.json" in names  # the map's boundaries
        bundled = json.loads(zf.read("perurel/data/relations.json"))
    assert bundled == json.loads((ROOT / "data" / "relations.json").read_text(encoding="utf-8"))


def test_wheel_ships_the_licences_and_type_marker(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as zf:
        names = set(zf.namelist())
        (metadata,) = [n for n in names if n.endswith(".dist-info/METADATA")]
        meta = zf.read(metadata).decode("utf-8")
        licences = {
            n.rsplit("/", 1)[-1]: zf.read(n).decode("utf-8") for n in names if "/licenses/" in n
        }
    assert "perurel/py.typed" in names
    # The code's licence and the data's own licences travel with every installed copy.
    assert set(licences) == {"LICENSE", "LICENSE-DATA.md"}
    assert licences["LICENSE"].startswith("MIT License")
    data_terms = " ".join(licences["LICENSE-DATA.md"].split())
    for attribution in ("ODbL", "CC0", "Correlates of War", "Attribution-ShareAlike 4.0", "Voeten"):
        assert attribution in data_terms
    assert "License-Expression: MIT" in meta
    assert "License-File: LICENSE-DATA.md" in meta
    assert "Classifier: Typing :: Typed" in meta
    assert "Project-URL: Changelog," in meta


def test_wheel_carries_the_compiled_catalogues(wheel: Path) -> None:
    """The Spanish catalogue the package reads, compiled from the `.po` in the repository."""
    mo = "perurel/locale/es/LC_MESSAGES/perurel.mo"
    with zipfile.ZipFile(wheel) as zf:
        assert zf.read(mo) == (ROOT / "src" / mo).read_bytes()


@pytest.mark.parametrize(
    "args",
    [
        ["country", "chile"],
        ["country", "EE.UU.", "--json"],
        ["timeline", "--since", "1990", "--country", "chile"],
        ["countries", "--status", "broken", "--format", "csv"],
        ["search", "maritime", "--limit", "2"],
        ["sources", "--format", "jsonl", "--fields", "id"],
        ["stats", "--json"],
        ["orgs"],
        ["map", "--by", "missions"],
        ["validate"],
        ["--version"],
        ["--lang", "es", "countries", "--status", "rotas"],
    ],
)
def test_every_command_works_from_the_installed_wheel(
    wheel: Path, tmp_path: Path, args: list[str]
) -> None:
    target = tmp_path / "site"
    pip = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--quiet",
            "--no-deps",
            "--target",
            str(target),
            str(wheel),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert pip.returncode == 0, pip.stderr
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    code = "import sys, perurel; assert perurel.__file__.startswith(sys.argv[1]), perurel.__file__; from perurel.launch import main; sys.argv = ['perurel', *sys.argv[2:]]; main()"
    out = subprocess.run(
        [sys.executable, "-c", code, str(target), *args],
        cwd=elsewhere,
        env={**os.environ, "PYTHONPATH": str(target)},
        capture_output=True,
        text=True,
        check=False,
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip()
    if "es" in args:  # the Spanish catalogue is found in the installed package
        assert "Nombre" in out.stdout
