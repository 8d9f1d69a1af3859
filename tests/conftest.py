"""Shared fixtures: a pinned terminal, the small fixture dataset, a CLI runner that shows output."""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

import perurel
from perurel import i18n
from perurel.cli import app

FIXTURE = Path(__file__).parent / "fixtures" / "mini.json"
ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def _terminal(
    monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[None]:
    # Output for people depends on the terminal: pin its width and turn colour off.
    monkeypatch.setenv("COLUMNS", "100")
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    monkeypatch.delenv("PERUREL_DATA", raising=False)
    monkeypatch.delenv("PERUREL_DEBUG", raising=False)
    # perurel remembers which custom datasets passed validation; keep that out of $HOME.
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.getbasetemp() / "cache"))
    # A command run in Spanish leaves the language chosen; the Python API speaks English.
    i18n.use("en")
    yield
    i18n.use("en")


@pytest.fixture(scope="session")
def ds() -> perurel.Dataset:
    """The bundled dataset."""
    return perurel.load()


@pytest.fixture(scope="session")
def mini() -> perurel.Dataset:
    """The small fixture dataset."""
    return perurel.load(FIXTURE)


class Run:
    """Run a command line through the real entry point (`entry`): one harness for every CLI test."""

    def __call__(self, *args: str, env: dict[str, str] | None = None) -> Outcome:
        return entry(list(args), env)


@pytest.fixture
def run() -> Run:
    return Run()


Invoke = Callable[..., "Outcome"]


@pytest.fixture
def run_mini(run: Run) -> Invoke:
    """The CLI pointed at the fixture dataset."""

    def invoke(*args: str, env: dict[str, str] | None = None) -> Outcome:
        return run("--data", str(FIXTURE), *args, env=env)

    return invoke


def pytest_report_header() -> str:
    from importlib.metadata import version

    return (
        f"perurel {perurel.__version__}, typer {version('typer')}, rich {version('rich')}; "
        f"COLUMNS pinned to 100; cwd {os.getcwd()}"
    )


class Outcome:
    """What the `perurel` entry point did: exit code, stdout, stderr."""

    def __init__(self, code: int, stdout: str, stderr: str) -> None:
        self.exit_code, self.stdout, self.stderr = code, stdout, stderr

    @property
    def output(self) -> str:
        return self.stdout + self.stderr


def entry(args: list[str], env: dict[str, str] | None = None) -> Outcome:
    """Run the command line as `perurel` does (fast path first, then Typer), in-process."""
    import contextlib
    import io

    from perurel.launch import fast

    out, err = io.StringIO(), io.StringIO()
    old = {k: os.environ.get(k) for k in (env or {})}
    os.environ.update(env or {})
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = fast(args)
        if code is not None:
            return Outcome(code, out.getvalue(), err.getvalue())
        result = CliRunner().invoke(app, args, env=env, catch_exceptions=False)
        return Outcome(result.exit_code, result.stdout, result.stderr)
    finally:
        for k, v in old.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v


def country_json(query: str) -> dict[str, Any]:
    """`perurel country QUERY --json` through the real entry point, parsed."""
    result = entry(["country", query, "--json"])
    assert result.exit_code == 0, result.stderr
    loaded: dict[str, Any] = json.loads(result.stdout)
    return loaded


def drain_pty(fd: int, into: list[bytes]) -> None:
    """Read what a program shows on a pseudo-terminal, so it never blocks on a full buffer."""
    while True:
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            return
        if not chunk:
            return
        into.append(chunk)
