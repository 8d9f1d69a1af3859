"""perurel as installed: the entry point in a subprocess, from another directory, and the wheel."""

from __future__ import annotations

import json
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


@pytest.mark.skipif(not (ROOT / "pyproject.toml").exists(), reason="needs a source checkout")
def test_wheel_carries_the_dataset(tmp_path: Path) -> None:
    build = subprocess.run(
        [
            sys.executable,
            "-m",
            "build",
            "--wheel",
            "--no-isolation",
            "--outdir",
            str(tmp_path),
            str(ROOT),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert build.returncode == 0, build.stdout[-2000:] + build.stderr[-2000:]
    (wheel,) = tmp_path.glob("perurel-*.whl")
    with zipfile.ZipFile(wheel) as zf:
        names = set(zf.namelist())
        assert "perurel/data/relations.json" in names
        assert "perurel/data/relations.schema.json" in names
        bundled = json.loads(zf.read("perurel/data/relations.json"))
    assert bundled == json.loads((ROOT / "data" / "relations.json").read_text(encoding="utf-8"))
