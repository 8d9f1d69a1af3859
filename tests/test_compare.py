"""`perurel compare A B`, through the real entry point: expectations are read from the raw JSON
of the fixture (and of the bundled dataset), never from the code under test."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

import pytest

from .conftest import FIXTURE, ROOT, entry

VOTES = {"PERUREL_VOTES": str(ROOT / "tests" / "fixtures" / "mini-votes.json.gz")}
RAW = json.loads(FIXTURE.read_text(encoding="utf-8"))
BUNDLED = json.loads((ROOT / "data" / "relations.json").read_text("utf-8"))


def mini(*args: str) -> Any:
    return entry(["--data", str(FIXTURE), "compare", *args], VOTES)


def raw_country(doc: dict[str, Any], code: str) -> dict[str, Any]:
    return next(c for c in doc["countries"] if c["code"] == code)


def test_json_pairs_every_field_from_the_raw_records() -> None:
    result = mini("chile", "ecuador", "--json")
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    cl, ec = raw_country(RAW, "CL"), raw_country(RAW, "EC")
    assert [c["code"] for c in doc["countries"]] == ["CL", "EC"]
    assert doc["status"] == [cl["relations"]["status"], ec["relations"]["status"]]
    assert doc["as_of"] == [cl["relations"]["as_of"], ec["relations"]["as_of"]]
    for side, raw in zip(doc["history"], (cl, ec), strict=True):
        assert [(m["kind"], m["date"]) for m in side] == [
            (m["kind"], m["date"]) for m in raw["relations"]["history"]
        ]
    for i, raw in enumerate((cl, ec)):
        established = [m["date"] for m in raw["relations"]["history"] if m["kind"] == "established"]
        assert doc["established"][i] == (established[0] if established else None)
        missions = raw.get("missions", [])
        assert [m["city"] for m in doc["missions_peru_there"][i]] == [
            m.get("city") for m in missions if m["owner"] == "PE"
        ]
        assert [m["city"] for m in doc["missions_in_peru"][i]] == [
            m.get("city") for m in missions if m["host"] == "PE"
        ]
        assert doc["memberships"][i] == [
            o["id"]
            for o in RAW["organisations"]
            if o.get("members") and raw["code"] in o["members"]["codes"]
        ]
    both = [e["id"] for e in RAW["events"] if {"CL", "EC"} <= set(e["countries"])]
    assert [e["id"] for e in doc["events"]] == both
    assert set(doc) == {
        "countries", "status", "as_of", "as_of_precision", "since", "established",
        "established_precision", "first", "history", "missions_peru_there", "missions_in_peru", "memberships", "events",
        "un_agreement_with_peru", "un_agreement_with_each_other",
    }  # fmt: skip


def test_un_agreement_counts_the_votes_both_cast() -> None:
    import gzip

    votes = json.loads(gzip.decompress((ROOT / VOTES["PERUREL_VOTES"]).read_bytes()))
    marks = {s["id"]: s["votes"] for s in votes["states"]}

    def agree(a: str, b: str) -> tuple[int, int]:
        pairs = [(x, y) for x, y in zip(marks[a], marks[b], strict=True) if "." not in (x, y)]
        return len(pairs), sum(x == y for x, y in pairs)

    doc = json.loads(mini("chile", "ecuador", "--json").stdout)
    n, same = agree("PE", "CL")
    assert doc["un_agreement_with_peru"][0]["votes"] == n
    assert doc["un_agreement_with_peru"][0]["agreed"] == same
    expected = None if "EC" not in marks else agree("CL", "EC")
    got = doc["un_agreement_with_each_other"]
    assert (got and (got["votes"], got["agreed"])) == expected


def test_csv_is_one_row_per_field_and_fields_choose_the_rows() -> None:
    result = mini("chile", "ecuador", "--format", "csv", "--fields", "status,established")
    assert result.exit_code == 0, result.output
    rows = list(csv.reader(io.StringIO(result.stdout)))
    cl, ec = raw_country(RAW, "CL"), raw_country(RAW, "EC")
    assert rows[0] == ["field", "a", "b"]
    assert rows[1] == ["status", cl["relations"]["status"], ec["relations"]["status"]]
    assert rows[2][0] == "established" and len(rows) == 3


def test_only_vote_fields_read_the_voting_file() -> None:
    broken = {"PERUREL_VOTES": str(ROOT / "no-such-votes.json.gz")}
    ok = entry(
        ["--data", str(FIXTURE), "compare", "CL", "EC", "--json", "--fields", "status"], broken
    )
    assert ok.exit_code == 0 and json.loads(ok.stdout) == {"status": ["active", "active"]}
    bad = entry(["--data", str(FIXTURE), "compare", "CL", "EC", "--json"], broken)
    assert bad.exit_code == 3


@pytest.mark.parametrize("width", [40, 60, 80, 120])
@pytest.mark.parametrize("lang", ["en", "es"])
def test_card_fits_and_names_both(width: int, lang: str) -> None:
    result = entry(
        ["--data", str(FIXTURE), "compare", "chile", "ecuador", "--lang", lang],
        {**VOTES, "COLUMNS": str(width)},
    )
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert all(len(line) <= width for line in lines), result.stdout
    assert "Chile (CL)" in lines[0] and "Ecuador (EC)" in result.stdout
    label = "Coincidencia con el Perú en la ONU" if lang == "es" else "UN agreement with Peru"
    assert label in result.stdout or width < 60


def test_usage_errors() -> None:
    assert mini("chile", "CL").exit_code == 2
    assert mini("chile").exit_code == 2
    assert mini("chile", "qqqqzzzzxx").exit_code == 1
    assert mini("chile", "ecuador", "--fields", "nope", "--json").exit_code == 2


def test_bundled_chile_bolivia() -> None:
    result = entry(["compare", "chile", "bolivia", "--json"])
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    cl, bo = raw_country(BUNDLED, "CL"), raw_country(BUNDLED, "BO")
    assert doc["established"] == [
        next(m["date"] for m in c["relations"]["history"] if m["kind"] == "established")
        for c in (cl, bo)
    ]
    both = sorted(
        (e["date"], e["id"]) for e in BUNDLED["events"] if {"CL", "BO"} <= set(e["countries"])
    )
    assert [e["id"] for e in doc["events"]] == [i for _, i in both]
    assert doc["un_agreement_with_each_other"]["votes"] > 1000


def test_a_former_state_named_by_its_name_compares_its_own_votes() -> None:
    """`compare ussr chile`: the Soviet Union's own UN votes (as `perurel votes ussr` counts
    them), not Russia's; checked against the raw extract of the voting data."""
    from .test_votes import _raw

    _, _, votes = _raw()

    def agree(a: str, b: str) -> tuple[int, float]:
        both = [r for r in votes[a] if r in votes[b]]
        return len(both), float(sum(votes[a][r] == votes[b][r] for r in both))

    assert agree("PE", "Soviet Union") != agree("PE", "RU")  # the two records differ
    result = entry(["compare", "ussr", "chile", "--json"], VOTES)
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    assert [c["code"] for c in doc["countries"]] == ["RU", "CL"]  # the record is the successor's
    soviet, chile = doc["un_agreement_with_peru"]
    assert (soviet["voter"], soviet["votes"], soviet["agreed"]) == (
        "SUN",
        *agree("PE", "Soviet Union"),
    )
    assert (chile["voter"], chile["votes"], chile["agreed"]) == ("CL", *agree("PE", "CL"))
    pair = doc["un_agreement_with_each_other"]
    assert (pair["voters"], pair["votes"], pair["agreed"]) == (
        ["SUN", "CL"],
        *agree("Soviet Union", "CL"),
    )
    assert "Soviet Union's own votes (SUN), not Russia's" in result.stderr
    # named as the successor, the successor's own votes
    russia = json.loads(entry(["compare", "russia", "chile", "--json"], VOTES).stdout)
    first = russia["un_agreement_with_peru"][0]
    assert (first["voter"], first["votes"], first["agreed"]) == ("RU", *agree("PE", "RU"))
    # people see whose votes they are, in both languages
    for lang in ("en", "es"):
        card = entry(["compare", "ussr", "chile", "--lang", lang], {**VOTES, "COLUMNS": "120"})
        assert card.exit_code == 0 and "(SUN)" in card.stdout


@pytest.mark.parametrize("lang", ["en", "es"])
def test_the_card_names_shared_memberships_in_the_readers_language(lang: str) -> None:
    key = "name_es" if lang == "es" else "name"
    result = entry(
        ["compare", "chile", "bolivia", "--fields", "memberships", "--lang", lang],
        {"COLUMNS": "40"},  # one field under the other: each state's line, wrapped at spaces
    )
    assert result.exit_code == 0, result.output
    text = " ".join(line.strip() for line in result.stdout.splitlines()[2:])
    chile, bolivia = text.removeprefix("CL: ").split(" BO: ")
    for code, shown in (("CL", chile), ("BO", bolivia)):
        shared = [
            o for o in BUNDLED["organisations"] if code in o.get("members", {}).get("codes", [])
        ]
        assert len(shared) > 3
        assert shown == ", ".join(o[key] for o in shared), code
    # scripts keep the ids
    out = entry(["compare", "chile", "bolivia", "--json", "--fields", "memberships"]).stdout
    assert "un" in json.loads(out)["memberships"][0]
