"""Refresh the country names, codes and aliases in data/relations.json.

A maintainer's tool, run by hand; the package, its build and its tests never need it.
It reads the reference name lists (default: ../shared/reference/country_names) and rewrites
only the identity fields of each country (iso3, name, name_es, aliases, region, subregion,
sources); relations, missions and summaries already in the dataset are kept as they are.

    python scripts/build_countries.py [--reference DIR] [--data data/relations.json]
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXTRA_STATES = {"VA", "PS", "XK", "TW"}  # sovereign states that are not UN members
TRANSLATIONS = ("fra", "deu", "ita", "por", "nld")  # other-language names people may type
# Names that fit more than one state on purpose: the matcher lists both instead of guessing.
SHARED_ALIASES = {"korea", "corea", "congo", "kongo", "congolese", "dominican"}
NAME_SOURCES = ["world-countries", "i18n-iso-countries", "i18n-nationality"]

# Spanish names where CLDR's choice is not the one used in Peru's own usage.
NAME_ES = {
    "CI": "Costa de Marfil",
    "PS": "Palestina",
    "MM": "Myanmar",
    "TL": "Timor Oriental",
    "VA": "Santa Sede",
    "RO": "Rumania",
    "CG": "República del Congo",
    "CD": "República Democrática del Congo",
}
NAME_EN = {"VA": "Holy See", "CZ": "Czechia", "TR": "Türkiye"}

# Names people type that the reference lists lack: abbreviations, older and historical names.
EXTRA_ALIASES: dict[str, list[str]] = {
    "US": [
        "EE.UU.",
        "EEUU",
        "E.U.A.",
        "U.S.",
        "U.S.A.",
        "America",
        "Estados Unidos de Norteamérica",
        "Norteamérica",
        "norteamericano",
        "norteamericana",
        "estadounidense",
        "American",
    ],
    "GB": [
        "U.K.",
        "Britain",
        "Great Britain",
        "Gran Bretaña",
        "England",
        "Inglaterra",
        "inglés",
        "inglesa",
        "británica",
    ],
    "RU": [
        "Russian Federation",
        "USSR",
        "U.R.S.S.",
        "URSS",
        "Soviet Union",
        "Unión Soviética",
        "Rusia",
    ],
    "CZ": ["Czech Republic", "Chequia", "República Checa"],
    "KR": ["Korea", "Corea", "ROK"],
    "KP": ["Korea", "Corea", "DPRK", "Corea del Norte"],
    "CG": ["Congo", "Congo-Brazzaville", "Congo Brazzaville"],
    "CD": ["Congo", "Congo-Kinshasa", "Congo Kinshasa", "Zaire", "Zaïre", "RDC", "DRC"],
    "MM": ["Burma", "Birmania"],
    "SZ": ["Swaziland", "Suazilandia", "eSwatini", "Esuatini"],
    "LK": ["Ceylon", "Ceilán"],
    "TH": ["Siam"],
    "IR": ["Persia"],
    "MK": ["Macedonia", "FYROM", "Former Yugoslav Republic of Macedonia"],
    "TR": ["Turkey", "Turquía", "Türkiye", "Turkiye"],
    "CV": ["Cape Verde", "Cabo Verde"],
    "TL": ["East Timor", "Timor Oriental", "Timor-Leste"],
    "CI": ["Ivory Coast", "Côte d'Ivoire"],
    "NL": ["Holland", "Holanda", "The Netherlands"],
    "VA": ["Vatican", "Vatican City", "Vaticano", "Ciudad del Vaticano", "Holy See", "Santa Sede"],
    "PS": ["State of Palestine", "Estado de Palestina", "Palestinian Territories"],
    "TW": ["Formosa", "Republic of China", "ROC", "Chinese Taipei", "Taipei"],
    "CN": ["PRC", "People's Republic of China", "República Popular China", "Mainland China"],
    "BY": ["Byelorussia", "Belarús", "Bielorrusia"],
    "AE": ["UAE", "EAU", "Emirates", "Emiratos"],
    "SA": ["KSA", "Saudi"],
    "BA": ["Bosnia", "BiH", "Bosnia-Herzegovina"],
    "KN": ["St Kitts and Nevis", "St. Kitts and Nevis", "Saint Kitts", "San Cristóbal y Nieves"],
    "LC": ["St Lucia", "St. Lucia"],
    "VC": ["St Vincent and the Grenadines", "St. Vincent", "Saint Vincent"],
    "ST": ["Sao Tome", "São Tomé"],
    "DE": ["West Germany", "Federal Republic of Germany", "RFA"],
    "VN": ["Viet Nam"],
    "LA": ["Laos", "Lao PDR"],
    "FM": ["Federated States of Micronesia"],
}


def fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def feminine_es(demonym: str) -> list[str]:
    """Regular Spanish feminine forms of a masculine demonym: peruano -> peruana."""
    d = demonym.strip()
    if d.endswith("o"):
        return [d[:-1] + "a"]
    if d.endswith("és"):
        return [d[:-2] + "esa"]
    if d.endswith("ol"):
        return [d + "a"]
    return []


def build_identity(ref: Path) -> dict[str, dict[str, object]]:
    rows = {
        r["iso2"]: r
        for r in csv.DictReader(
            (ref / "countries_es_merged.csv").read_text(encoding="utf-8").splitlines()
        )
    }
    world = {
        c["cca2"]: c
        for c in json.loads(
            (ref / "mledoze_world-countries_5.1.0_countries.json").read_text(encoding="utf-8")
        )
    }
    i18n = json.loads((ref / "i18n-iso-countries_7.14.0_es.json").read_text(encoding="utf-8"))[
        "countries"
    ]
    nat = json.loads((ref / "i18n-nationality_1.4.0_es.json").read_text(encoding="utf-8"))[
        "nationalities"
    ]

    codes = sorted(
        c for c, r in rows.items() if (r["un_member"] == "True" or c in EXTRA_STATES) and c != "PE"
    )
    out: dict[str, dict[str, object]] = {}
    for code in codes:
        r = rows[code]
        w = world.get(code, {})
        name = NAME_EN.get(code, r["name_en"])
        name_es = NAME_ES.get(code, r["name_es_cldr"] or r["name_es"])
        cands: list[str] = [
            r["name_en"],
            r["name_en_official"],
            r["name_es"],
            r["name_es_official"],
            r["name_es_cldr"],
            r["name_es_iso_codes"],
        ]
        cands += r["names_es_i18n"].split("|")
        es = i18n.get(code)
        cands += es if isinstance(es, list) else [es] if es else []
        cands += [a for a in r["alt_spellings"].split("|") if a != code]
        for lang in TRANSLATIONS:
            tr = (w.get("translations") or {}).get(lang) or {}
            cands += [tr.get("common", ""), tr.get("official", "")]
        for native in ((w.get("name") or {}).get("native") or {}).values():
            cands += [native.get("common", ""), native.get("official", "")]
        dem_es = [r["demonym_es_m"], nat.get(code, "")]
        cands += dem_es + [f for d in dem_es if d and "(" not in d for f in feminine_es(d)]
        cands.append(r["demonym_en"])
        for lang in ("eng",):
            d = ((w.get("demonyms") or {}).get(lang)) or {}
            cands += [d.get("m", ""), d.get("f", "")]
        cands += EXTRA_ALIASES.get(code, [])
        cands.append(r["iso3"])
        seen = {fold(name), fold(name_es), fold(code)}
        aliases: list[str] = []
        for c in cands:
            c = (c or "").strip()
            if c and fold(c) not in seen:
                seen.add(fold(c))
                aliases.append(c)
        out[code] = {
            "code": code,
            "iso3": r["iso3"] if code != "XK" else "XKX",
            "name": name,
            "name_es": name_es,
            "aliases": aliases,
            "region": r["region"],
            "subregion": r["subregion"],
            "sources": NAME_SOURCES,
        }
    drop_colliding_aliases(out)
    return out


def drop_colliding_aliases(out: dict[str, dict[str, object]]) -> None:
    """An alias that also names another state misleads the matcher: keep it only where intended."""
    owners: dict[str, set[str]] = {}
    for code, c in out.items():
        for a in [c["name"], c["name_es"], code, *c["aliases"]]:  # type: ignore[misc]
            owners.setdefault(fold(str(a)), set()).add(code)
    for code, c in out.items():
        kept = [a for a in c["aliases"] if len(owners[fold(a)]) == 1 or fold(a) in SHARED_ALIASES]  # type: ignore[attr-defined]
        dropped = [a for a in c["aliases"] if a not in kept]  # type: ignore[attr-defined]
        if dropped:
            print(f"{code}: dropped aliases shared with another state: {dropped}", file=sys.stderr)
        c["aliases"] = kept


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument(
        "--reference", type=Path, default=ROOT.parent / "shared" / "reference" / "country_names"
    )
    ap.add_argument("--data", type=Path, default=ROOT / "data" / "relations.json")
    args = ap.parse_args()
    identity = build_identity(args.reference)
    data = json.loads(args.data.read_text(encoding="utf-8"))
    old = {c["code"]: c for c in data.get("countries", [])}
    countries = []
    for code, ident in identity.items():
        prev = old.get(code, {})
        entry = dict(ident)
        entry["relations"] = prev.get("relations") or {
            "status": "unknown",
            "established": None,
            "note": "",
            "sources": [],
        }
        entry["missions"] = prev.get("missions", [])
        for key in ("summary", "summary_sources", "representation"):
            if key in prev:
                entry[key] = prev[key]
        countries.append(entry)
    data["countries"] = countries
    args.data.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{len(countries)} countries written to {args.data}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
