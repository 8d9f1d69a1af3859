"""Builder 1 of scripts/build.py: the countries of the dataset, their names, codes and aliases.

Reads the reference name lists (INPUTS, under ../shared/reference; the package, its build and
its tests never need them) and owns, in data/relations.json, the list of countries (it adds a
state that joins the reference, with no relations yet) and in each country the identity fields
in OWNS. Everything else in a country (relations, missions, representation, summaries, UN
votes, any field added later) is kept as it is. It never removes a country: one that leaves
the reference is an error, for a maintainer to settle by hand. Run it through
`python scripts/build.py`.
"""

from __future__ import annotations

import copy
import csv
import json
import sys
import unicodedata
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from datafile import BuildError, ensure_sources  # the scripts folder is not a package

INPUTS = (
    "country_names/countries_es_merged.csv",
    "country_names/mledoze_world-countries_5.1.0_countries.json",
    "country_names/i18n-iso-countries_7.14.0_es.json",
    "country_names/i18n-nationality_1.4.0_es.json",
)
OWNS = ("code", "iso3", "name", "name_es", "aliases", "region", "subregion", "sources")
EXTRA_STATES = {"VA", "PS", "XK", "TW"}  # sovereign states that are not UN members
TRANSLATIONS = ("fra", "deu", "ita", "por", "nld")  # other-language names people may type
# Names that fit more than one state on purpose: the matcher lists both instead of guessing.
SHARED_ALIASES = {"korea", "corea", "congo", "kongo", "congolese", "dominican"}
NAME_SOURCES = ["world-countries", "i18n-iso-countries", "i18n-nationality"]
# Added only when the dataset lacks a source with the id; an entry present is edited by hand.
SOURCES = (
    {
        "id": "world-countries",
        "title": "world-countries 5.1.0 (mledoze/countries)",
        "publisher": "Mohammed Le Doze and contributors",
        "url": "https://github.com/mledoze/countries",
        "tier": "scholarly",
        "note": "Country names, codes, alternative spellings, translations and demonyms. Open "
        "Database License (ODbL) 1.0: the country names and aliases in this dataset are a "
        "derived database.",
        "note_es": "Nombres de países, códigos, grafías alternativas, traducciones y gentilicios. "
        "Open Database License (ODbL) 1.0: los nombres de países y los alias de estos datos son "
        "una base de datos derivada.",
    },
    {
        "id": "i18n-iso-countries",
        "title": "i18n-iso-countries 7.14.0, Spanish locale",
        "publisher": "Michael Wittig and contributors",
        "url": "https://github.com/michaelwittig/node-i18n-iso-countries",
        "tier": "other",
        "note": "Spanish country names. MIT licence.",
        "note_es": "Nombres de países en español. Licencia MIT.",
    },
    {
        "id": "i18n-nationality",
        "title": "i18n-nationality 1.4.0, Spanish locale",
        "publisher": "i18n-nationality contributors",
        "url": "https://www.npmjs.com/package/i18n-nationality",
        "tier": "press",
        "note": "Spanish demonyms (masculine). MIT licence.",
        "note_es": "Gentilicios en español (masculinos). Licencia MIT.",
    },
)

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


def build_identity(reference: Path) -> dict[str, dict[str, object]]:
    """Each state's identity fields (OWNS), by code, in code order."""
    ref = reference / "country_names"
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


def merge(data: dict[str, Any], identity: dict[str, dict[str, object]]) -> dict[str, Any]:
    """`data` with each country's OWNS fields from `identity`; every other field kept."""
    out = copy.deepcopy(data)
    old = {c["code"]: c for c in out["countries"]}
    gone = sorted(set(old) - set(identity))
    if gone:
        raise BuildError(
            f"build_countries: {', '.join(gone)} in the dataset but not in the reference; "
            "a builder never removes a country: remove it by hand if it should go"
        )
    countries = []
    for code in sorted(identity):
        ident = identity[code]
        if code in old:
            entry = old[code]
            entry.update((k, ident[k]) for k in OWNS)  # in place: the key order is kept
        else:
            entry = {k: ident[k] for k in OWNS}
            entry["relations"] = {"status": "unknown", "history": [], "note": "", "sources": []}
            entry["missions"] = []
        countries.append(entry)
    out["countries"] = countries
    ensure_sources(out, *SOURCES)
    return out


def build(data: dict[str, Any], reference: Path) -> tuple[dict[str, Any], dict[str, bytes]]:
    """The dataset with fresh identity fields; no other file."""
    return merge(data, build_identity(reference)), {}
