"""Cards and long output for people: the brief card, --full, the pager, unbroken URLs and links."""

from __future__ import annotations

import json
import os
import pty
import re
import subprocess
import sys
import threading
from pathlib import Path

import pytest

import perurel
from perurel.card import brief

from .conftest import FIXTURE, ROOT, Invoke, Run, drain_pty

URL = re.compile(r"https?://\S+")


def test_every_brief_card_fits_a_100_by_40_screen(ds: perurel.Dataset) -> None:
    for country in ds.countries.values():
        lines = brief(ds, country, 100)
        assert len(lines) <= 40, country.code
        assert all(len("".join(t for t, _ in line)) <= 100 for line in lines), country.code
        last = "".join(t for t, _ in lines[-1])
        assert last.endswith(f"perurel country {country.code} --full"), country.code


@pytest.mark.parametrize("lang", ["en", "es"])
@pytest.mark.parametrize("width", [40, 60, 80, 100])
def test_the_full_card_command_is_never_split(ds: perurel.Dataset, lang: str, width: int) -> None:
    # The last line is a command to copy: whatever the numbers before it, it stays whole.
    from perurel import i18n

    i18n.use(lang)
    for country in ds.countries.values():
        last = "".join(t for t, _ in brief(ds, country, width)[-1])
        assert last.endswith(f"perurel country {country.code} --full"), (country.code, last)


def test_brief_card_is_the_default(run: Run) -> None:
    result = run("country", "chile")
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) <= 40
    assert lines[0] == "Chile" and lines[2].startswith("Relations: active")
    assert "History: established 1822-10-08" in result.stdout
    assert "Latest events (5 of " in result.stdout
    assert lines[-1].endswith("perurel country CL --full")
    assert result.stdout == run("country", "chile", "--brief").stdout
    assert "Sources" not in lines  # the numbered list is the full card's


def test_full_card_has_everything(run: Run) -> None:
    result = run("country", "chile", "--full")
    assert result.exit_code == 0
    # What the card must list, read straight from the file rather than through perurel.
    raw = json.loads((ROOT / "data" / "relations.json").read_text(encoding="utf-8"))
    events = [e for e in raw["events"] if "CL" in e["countries"]]
    assert f"Events ({len(events)})" in result.stdout
    for event in events:
        assert f"\n{event['date']}  " in result.stdout
    assert "\nSources\n" in result.stdout and "[1] " in result.stdout
    assert len(result.stdout.splitlines()) > 100


def test_brief_and_full_together_is_a_usage_error(run_mini: Invoke) -> None:
    result = run_mini("country", "chile", "--full", "--brief")
    assert result.exit_code == 2
    assert "--full and --brief" in result.stderr


def test_brief_card_of_the_fixture(run_mini: Invoke) -> None:
    result = run_mini("country", "chile")
    assert result.exit_code == 0
    assert "Peru → Chile  embassy  Santiago (as of 2023)" in result.stdout
    assert "Memberships shared with Peru: UN" in result.stdout
    assert "1879-04-05  dispute    War begins" in result.stdout
    assert result.stdout.rstrip().endswith("perurel country CL --full")


@pytest.mark.parametrize("columns", ["0", "30", "100"])
def test_urls_are_never_split(run: Run, ds: perurel.Dataset, columns: str) -> None:
    env = {"COLUMNS": columns}
    for args in (["country", "chile", "--full"], ["sources", "hilltimes-2016-peru-ambassador"]):
        out = run(*args, env=env).stdout
        found = URL.findall(out)
        assert found
        urls = {u for s in ds.sources.values() for u in (s.url, s.via) if u}
        for url in found:
            assert url.rstrip(")") in urls or url in urls, url


def test_width_zero_falls_back_to_80(run: Run) -> None:
    out = run("country", "peru and chile", "--full", env={"COLUMNS": "0"}).stdout
    # a word longer than a line (a URL, a source id) overflows rather than being split
    widths = [len(line) for line in out.splitlines() if max(map(len, line.split()), default=0) < 30]
    assert max(widths) <= 80
    assert max(widths) > 60  # laid out for 80 columns, not one character per line


def test_urls_become_links_with_colour() -> None:
    from perurel.colour import styled

    text = styled([("see https://example.org/a_b (src)", "dim")])
    links = [span.style.link for span in text.spans if hasattr(span.style, "link")]
    assert "https://example.org/a_b" in links


# --- the pager: only on a terminal ---------------------------------------------------------------


def _in_a_terminal(args: list[str], tmp_path: Path, **env: str) -> str:
    """Run perurel with a pseudo-terminal as stdin and stdout; return what the pager got."""
    marker = tmp_path / "paged.txt"
    pager = f"{sys.executable} -c \"import sys; open('{marker}', 'w').write(sys.stdin.read())\""
    environ = {
        **os.environ,
        "PAGER": pager,
        "LINES": "40",
        "COLUMNS": "100",
        "NO_COLOR": "1",
        **env,
    }
    environ.pop("PERUREL_PAGER", None)
    main, secondary = pty.openpty()
    shown: list[bytes] = []
    reader = threading.Thread(target=drain_pty, args=(main, shown), daemon=True)
    reader.start()
    try:
        subprocess.run(
            [sys.executable, "-m", "perurel", *args],
            stdin=secondary,
            stdout=secondary,
            stderr=subprocess.PIPE,
            env=environ,
            timeout=60,
            check=True,
        )
    finally:
        os.close(secondary)
        reader.join(timeout=5)
        os.close(main)
    assert shown or marker.exists()  # something reached the screen or the pager
    return marker.read_text() if marker.exists() else ""


def test_long_output_on_a_terminal_goes_through_the_pager(tmp_path: Path) -> None:
    paged = _in_a_terminal(["country", "chile", "--full"], tmp_path)
    assert "Sources" in paged and len(paged.splitlines()) > 40


def test_no_pager_for_a_screenful_or_with_no_pager(tmp_path: Path) -> None:
    assert _in_a_terminal(["country", "chile"], tmp_path) == ""
    assert _in_a_terminal(["--no-pager", "country", "chile", "--full"], tmp_path) == ""
    assert _in_a_terminal(["country", "chile", "--full"], tmp_path, PAGER="") == ""


def test_never_a_pager_when_piped(tmp_path: Path) -> None:
    marker = tmp_path / "paged.txt"
    pager = f"{sys.executable} -c \"open('{marker}', 'w').write('x')\""
    env = {**os.environ, "PAGER": pager, "COLUMNS": "100"}
    done = subprocess.run(
        [sys.executable, "-m", "perurel", "--data", str(FIXTURE), "timeline"],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    assert "War begins" in done.stdout and not marker.exists()


def test_links_keep_balanced_parentheses() -> None:
    from perurel.colour import styled

    text = styled(
        [("see https://es.wikipedia.org/wiki/Embajada_(Grecia) and (https://x.org/a).", "")]
    )
    links = [span.style.link for span in text.spans if hasattr(span.style, "link")]
    assert links == ["https://es.wikipedia.org/wiki/Embajada_(Grecia)", "https://x.org/a"]
