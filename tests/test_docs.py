"""The documentation is true: the README's examples still answer as it says, docs/cli.md is
generated from the spec and current, and every command is documented with examples."""

from __future__ import annotations

import re
import shlex
import subprocess
import sys

import pytest

from perurel.spec import COMMANDS

from .conftest import ROOT, entry

README = (ROOT / "README.md").read_text(encoding="utf-8")


def _usage_lines() -> list[list[str]]:
    block = README.split("## Usage", 1)[1].split("```sh", 1)[1].split("```", 1)[0]
    lines = []
    for line in block.strip().splitlines():
        words = shlex.split(line.split("#", 1)[0])
        if words and words[0] == "perurel" and "|" not in line:
            lines.append(words[1:])
    return lines


def test_readme_is_short() -> None:
    assert len(README.encode()) <= 12 * 1024


@pytest.mark.parametrize("args", _usage_lines(), ids=" ".join)
def test_readme_usage_examples_answer(args: list[str]) -> None:
    if args[0] == "validate":
        args = ["validate", str(ROOT / "tests" / "fixtures" / "mini.json")]
    result = entry(args)
    expected = 1 if args == ["country", "corea"] else 0
    assert result.exit_code == expected, result.stderr
    assert (result.stderr if expected else result.stdout).strip()


@pytest.mark.parametrize(
    ("query", "block"),
    [("mexico", 0), ("russia", 1)],
)
def test_readme_card_examples_are_real(query: str, block: int) -> None:
    shown = README.split("What a card says about a relationship", 1)[1].split("```")[1 + 2 * block]
    card = " ".join(entry(["country", query]).stdout.split())
    for line in shown.strip().splitlines():
        assert " ".join(line.split()) in card, line


def test_every_command_is_documented_with_examples() -> None:
    import importlib.util

    spec = importlib.util.spec_from_file_location("docs_script", ROOT / "scripts" / "docs.py")
    assert spec is not None and spec.loader is not None
    docs = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(docs)

    for name, cmd in COMMANDS.items():
        assert "Examples:" in cmd.doc, name
        assert docs.EXAMPLES.get(name), name
        for line in re.findall(r"^\s+perurel (.+)$", cmd.doc, re.M):
            assert line.split()[0] == name, line


def test_generated_reference_is_current() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "docs.py"), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr


def test_docs_link_to_files_that_exist() -> None:
    for doc in [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]:
        for target in re.findall(r"\]\(((?:docs/)?[a-z_]+\.md)\)", doc.read_text(encoding="utf-8")):
            base = ROOT if doc.name == "README.md" else doc.parent
            assert (base / target).exists() or (ROOT / target).exists(), (doc.name, target)
