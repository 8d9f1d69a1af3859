"""Migrate data/relations.json from schema 1 to schema 2 (typed relationship histories).

Run once, by hand, from the repository root:  python scripts/migrate_v2.py

It READS ../shared/reference/encyclopedia/ (the "Foreign relations of Peru" article with its
footnotes, its parsed table of dates, and the graded candidates for undated states). That folder
is not part of the project: nothing else needs it, and the migrated dataset is committed. The
script is kept as the record of how each v2 milestone was derived; it refuses to run on a file
that is already at schema 2. Curated edits after the migration go into data/relations.json.

What it does:
- every source gets a `tier` (official, scholarly, press, encyclopedia, other);
- each row of the article's table becomes a typed milestone citing the row's *footnote* (its own
  source record, `found_in` the article), with the kind the footnote supports (KIND_OF_ROW), and
  the graded candidates file for states that had no date (grade C and rejected rows never become
  `established`);
- timeline events that are relationship milestones (breaks, restorations, recognitions, first
  envoys...) become milestones that cite the event's sources and name the event (EVENT_KINDS);
- the v1 `established` value becomes a milestone of the kind its note supports (V1_KIND);
- missions get a `state` and an `as_of` (the date of the newest source that shows them so),
  using the Peruvian foreign ministry's 2022 diplomatic guide where the article cites it;
- `relations.status` follows from the history; `relations.as_of` is the date of its newest witness.
"""

from __future__ import annotations

import csv
import json
import re
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data" / "relations.json"
ENC = ROOT.parent / "shared" / "reference" / "encyclopedia"

ARTICLE_ID = "enwiki-foreign-relations-of-peru-2025"
ARTICLE = {
    "id": ARTICLE_ID,
    "title": "Foreign relations of Peru",
    "publisher": "Wikipedia (English), revision of November 2025",
    "url": "https://en.wikipedia.org/wiki/Foreign_relations_of_Peru",
    "date": "2025-11",
    "tier": "encyclopedia",
    "note": (
        "The article's 'Diplomatic relations' table dates relations with 185 states, each row with "
        "its own footnote; those footnotes are cited as the sources of the dates, and this record as "
        "where they were found. Being listed in the table is also this record's witness that "
        "relations existed as of November 2025. CC BY-SA 4.0; read in the copy kept by the GitHub "
        "repository benj3542/IP_graph (commit ec9ddb8)."
    ),
}
GUIDE_ID = "rree-guia-diplomatica-2022-12"

MONTHS = {
    m: i
    for i, m in enumerate(
        [
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
        ],
        1,
    )
}

# ---------------------------------------------------------------------------------------------
# Kinds. Each table row is `established` unless its footnote says otherwise (read one by one).
KIND_OF_ROW: dict[str, tuple[str, str]] = {
    "HT": (
        "first-envoy",
        "Peru's foreign ministry report names its first chargé d'affaires in Haiti (and the Dominican Republic) on this date.",
    ),
    "TN": (
        "credentials",
        "Peru's first ambassador to Tunisia presented his credentials on this date (Africa Research Bulletin); not an act of establishment.",
    ),
    "CI": (
        "credentials",
        "Peru's first ambassador to Côte d'Ivoire presented his letters of credence on this date; the partner's article counts relations from it.",
    ),
    "KN": (
        "credentials",
        "Peru's ambassador presented credentials to the Governor-General on this date; the footnote says nothing of an earlier establishment.",
    ),
    "IE": (
        "credentials",
        "The footnote reports a Peruvian ambassador presenting credentials to Ireland, not an act establishing relations.",
    ),
    "CH": (
        "first-envoy",
        "The footnote is a Swiss record of foreign states' representation in Switzerland: it dates a representative, not an act of establishment.",
    ),
    "CZ": (
        "first-envoy",
        "Peru's first envoy handed his letter to Czechoslovakia's foreign minister on this date (Czech embassy in Lima); the Czech ministry dates the relationship to 1922.",
    ),
    "SE": (
        "first-envoy",
        "Sweden's embassy counts relations from 1 January 1931, when its first representative took up his post in Lima.",
    ),
    "VA": (
        "first-envoy",
        "The footnote (a Peruvian ministry report) dates the Apostolic Internunciature for Peru and Bolivia, the Holy See's first resident mission.",
    ),
    "RU": (
        "restored",
        "Relations with the USSR at embassy level; ties with the Russian Empire dated from 1862–1863 and lapsed in 1918.",
    ),
    "ZA": (
        "restored",
        "Relations with South Africa were re-established on this date, after Peru broke with the apartheid government in 1986.",
    ),
    "DE": (
        "restored",
        "Relations with the Federal Republic of Germany; ties with German states go back to 1828 and were broken in 1917 and 1942.",
    ),
}
COUNTERPART_OF_ROW = {
    "RU": "Soviet Union",
    "DE": "Federal Republic of Germany (West Germany)",
    "CO": "Republic of Colombia (Gran Colombia)",
    "EG": "United Arab Republic",
    "CZ": "Czechoslovakia",
    "RS": "Yugoslavia",
}
# Rows whose footnote does not support a date at all (grade C or rejected, with the reason).
ROW_AS_NOTE = {
    "DK": "The encyclopedia's table gives 22 July 1921, citing a Danish ministry calendar and the album of Peru's 1921 centenary; what happened that day (probably a special envoy to the centenary) is not clear, so it is not used as a milestone.",
    "CR": "The encyclopedia's table gives 28 April 1851 (Costa Rica's foreign ministry marked 170 years of relations on that day in 2021), while the partner's article gives 25 April 1852; the two disagree, so neither is used as the establishment date.",
    "PS": "The encyclopedia's table gives 12 November 2010 (from Peru's July 2013 diplomatic list) while its bilateral section says 30 April 2011; the two disagree, so neither is used as the establishment date.",
    "RS": "The encyclopedia's table gives 12 December 1969 for the renewal of relations with Yugoslavia, its bilateral section 10 December 1968, and Serbia's foreign ministry 1967; they disagree, so none is used as a milestone.",
    "EC": "The encyclopedia's table gives 26 September 1831, citing a University of Piura thesis; a thesis is not a diplomatic source and the date is not otherwise supported, so it is not used.",
    "SD": "The encyclopedia's table gives 22 July 2013 (Peru's ministry report for 2013–2014) while its bilateral section gives 7 October 1988; the two disagree, so neither is used as the establishment date.",
    "BS": "The encyclopedia's table gives 1985, citing only the Bahamas foreign ministry's home page, which does not visibly support the year; not used.",
    "FJ": "The encyclopedia's table gives 1983, citing a 1989 book, and the partner's article disagrees; not used as the establishment date.",
    "CM": "The encyclopedia's table lists Cameroon with the date 'Unknown'.",
    "MW": "The encyclopedia's table lists Malawi with the date 'Unknown', citing a 2024 article in the Revista Peruana de Derecho Internacional.",
    "MU": "The encyclopedia's table lists Mauritius with the date 'Unknown', citing a 2024 article in the Revista Peruana de Derecho Internacional.",
}
NOT_STATES = {
    "Sovereign Military Order of Malta",
    "Sahrawi Arab Democratic Republic",
    "Cook Islands",
    "Niue",
}

# The v1 `established` value, by the kind its own note supports ("skip": the row or an event
# already carries it; "established" is the default and is not listed).
V1_KIND: dict[str, tuple[str, str | None]] = {
    "AE": ("skip", None),  # year worked back from an anniversary; the table gives 1986-06-17
    "AO": ("skip", None),  # idem; the table gives 1985-09-06 (treaty archive)
    "KW": ("skip", None),  # idem; the table gives 1975-12-01
    "TZ": ("skip", None),  # idem; the table gives 1975-08-12
    "SM": ("skip", None),  # idem; the table gives 2005-09-29 (San Marino's ministry)
    "EE": ("skip", None),  # Estonia's framing (its League entry), not an act between the two
    "AT": ("recognition", "Austrian Empire"),
    "BR": ("first-envoy", None),
    "CA": ("credentials", None),
    "CH": ("first-consul", None),
    "CL": ("recognition", None),
    "CZ": ("first-envoy", "Czechoslovakia"),
    "DE": ("skip", None),
    "GB": ("first-consul", None),
    "IL": ("first-envoy", None),
    "IT": ("treaty", "Kingdom of Italy"),
    "MA": ("first-envoy", None),
    "PA": ("recognition", None),
    "PY": ("first-envoy", None),
    "RU": ("established", "Russian Empire"),
    "TR": ("first-envoy", None),
    "TW": ("treaty", "Qing China"),
    "US": ("recognition", None),
    "VA": ("first-envoy", None),
    "VE": ("first-envoy", None),
    "JP": ("established", "Empire of Japan"),
    "CO": ("established", "Republic of Colombia (Gran Colombia)"),
    "EG": ("established", "United Arab Republic"),
    "FR": ("established", None),
    "NL": ("established", None),
}

# Timeline events that are milestones of the relationship: id -> (kind, counterpart, countries).
EVENT_KINDS: dict[str, tuple[str, str | None]] = {
    "1822-10-13-chile-recognises-peru": ("recognition", None),
    "1823-rowcroft-arrives-callao": ("first-consul", None),
    "1824-first-us-consul-lima": ("first-consul", None),
    "1825-07-18-first-dutch-consul-peru": ("first-consul", "United Kingdom of the Netherlands"),
    "1826-peru-brazil-relations": ("first-envoy", "Empire of Brazil"),
    "1826-us-recognises-peru": ("recognition", None),
    "1828-hamburg-consulate-peru": ("first-consul", "Free City of Hamburg"),
    "1831-france-recognises-peru": ("recognition", None),
    "1832-07-12-pando-novoa-treaty": ("recognition", None),
    "1851-austria-recognises-peru": ("recognition", "Austrian Empire"),
    "1857-01-22-peru-legation-arrives-costa-rica": ("first-envoy", None),
    "1867-brazil-breaks-relations-peru": ("broken", "Empire of Brazil"),
    "1869-peru-brazil-relations-restored": ("restored", "Empire of Brazil"),
    "1870-07-05-north-german-envoy-credentials": ("credentials", "North German Confederation"),
    "1872-11-garcia-y-garcia-envoy-japan": ("first-envoy", "Empire of Japan"),
    "1884-09-16-first-swiss-consul-lima": ("first-consul", None),
    "1897-peru-consulate-kolkata": ("first-consul", "British India"),
    "1902-peru-cuba-relations": ("established", None),
    "1903-12-18-peru-recognises-panama": ("recognition", None),
    "1917-07-20-apostolic-nunciature-peru": ("raised-to-embassy", None),
    "1917-10-breaks-with-germany": ("broken", "German Empire"),
    "1918-peru-russia-relations-lapse": ("lapsed", "Russia"),
    "1919-06-23-peru-recognises-finland": ("recognition", None),
    "1920-us-embassy-level-peru": ("raised-to-embassy", None),
    "1922-07-11-peru-czechoslovakia-relations": ("first-envoy", "Czechoslovakia"),
    "1932-mexico-relations-frozen": ("broken", None),
    "1933-05-23-peru-mexico-relations-restored": ("restored", None),
    "1936-peru-spain-rupture": ("broken", None),
    "1937-peru-mexico-embassies": ("raised-to-embassy", None),
    "1938-peru-colombia-embassy-level": ("raised-to-embassy", None),
    "1938-peru-ends-relations-austria-anschluss": ("lapsed", None),
    "1939-peru-spain-relations-resumed": ("restored", None),
    "1939-03-15-peru-stops-recognising-czechoslovakia": ("lapsed", "Czechoslovakia"),
    "1941-peru-bolivia-embassy-level": ("raised-to-embassy", None),
    "1942-01-breaks-with-axis": ("broken", None),
    "1942-03-peru-romania-relations-interrupted": ("broken", None),
    "1943-01-peru-breaks-with-vichy": ("broken", "Vichy France"),
    "1943-01-29-peru-venezuela-embassies": ("raised-to-embassy", None),
    "1944-10-21-canada-peru-relations": ("credentials", None),
    "1947-peru-recognises-republic-of-austria": ("recognition", None),
    "1947-peru-yugoslavia-relations-broken": ("broken", "Yugoslavia"),
    "1948-peru-recognises-israel": ("recognition", None),
    "1949-peru-austria-relations-resumed": ("restored", None),
    "1951-06-28-peru-frg-relations": ("restored", "Federal Republic of Germany (West Germany)"),
    "1955-08-26-peru-haiti-embassy-level": ("raised-to-embassy", None),
    "1956-nl-pe-embassy-level": ("raised-to-embassy", None),
    "1956-peru-japan-embassies": ("raised-to-embassy", None),
    "1956-01-27-peru-czechoslovakia-normalised": ("restored", "Czechoslovakia"),
    "1957-swiss-embassy-lima": ("raised-to-embassy", None),
    "1957-10-04-breaks-with-czechoslovakia": ("broken", "Czechoslovakia"),
    "1960-12-30-breaks-with-cuba": ("broken", None),
    "1963-01-25-peru-finland-relations": ("established", None),
    "1963-04-01-peru-south-korea-relations": ("established", None),
    "1963-05-06-first-peruvian-minister-india": ("credentials", None),
    "1963-10-07-peru-egypt-relations": ("established", "United Arab Republic"),
    "1964-03-01-peru-india-embassy-level": ("raised-to-embassy", None),
    "1965-12-05-peru-greece-relations": ("established", None),
    "1967-peru-yugoslavia-relations-renewed": ("restored", "Yugoslavia"),
    "1968-peru-austria-embassy-level": ("raised-to-embassy", None),
    "1968-11-09-peru-romania-relations-restored": ("restored", None),
    "1968-12-peru-yugoslavia-embassy-level": ("raised-to-embassy", "Yugoslavia"),
    "1968-12-27-peru-czechoslovakia-restored": ("restored", "Czechoslovakia"),
    "1969-02-01-peru-ussr-embassy-level": ("restored", "Soviet Union"),
    "1969-08-01-polish-embassy-lima": ("raised-to-embassy", None),
    "1971-11-02-roc-suspends-relations-with-peru": ("broken", "Republic of China"),
    "1972-03-10-peru-algeria-relations": ("established", None),
    "1972-07-08-peru-cuba-relations-restored": ("restored", None),
    "1973-peru-breaks-with-france-nuclear-tests": ("broken", None),
    "1975-peru-france-relations-restored": ("restored", None),
    "1975-peru-iraq-relations": ("established", None),
    "1976-02-25-peru-kenya-relations": ("established", None),
    "1980-10-27-peru-singapore-relations": ("established", None),
    "1986-breaks-with-south-africa": ("broken", None),
    "1986-04-24-peru-malaysia-relations": ("established", None),
    "1987-06-23-peru-ghana-relations": ("established", None),
    "1988-12-15-peru-north-korea-embassy-level": ("established", None),
    "1991-12-26-peru-recognises-ukraine": ("recognition", None),
    "1992-venezuela-breaks-relations-self-coup": ("broken", None),
    "1993-peru-recognises-czech-republic": ("recognition", None),
    "1993-peru-recognises-slovakia": ("recognition", None),
    "1993-01-12-peru-croatia-relations": ("established", None),
    "1993-07-28-peru-south-africa-relations-restored": ("restored", None),
    "2006-07-14-peru-recognises-montenegro": ("recognition", None),
    "2006-09-12-peru-montenegro-relations": ("established", None),
    "2008-02-22-kosovo-recognition": ("recognition", None),
    "2010-01-14-peru-georgia-relations": ("established", None),
    "2011-01-24-peru-recognises-palestine": ("recognition", None),
    "2011-02-22-peru-suspends-relations-libya": ("suspended", None),
    "2017-12-07-peru-rwanda-relations": ("established", None),
    "2018-03-peru-djibouti-relations": ("established", None),
    "2021-10-15-peru-venezuela-relations-restored": ("restored", None),
    "2024-07-30-venezuela-severs-relations": ("broken", None),
    "2025-11-03-peru-breaks-relations-mexico": ("broken", None),
}
# Events naming several countries that are a milestone of only some of them.
EVENT_ONLY_FOR = {
    "1971-11-02-roc-suspends-relations-with-peru": {"TW"},
    "2008-02-22-kosovo-recognition": {"XK"},
}

# What a milestone leaves the relationship as: the model's own table.
sys.path.insert(0, str(ROOT / "src"))
from perurel.model import STATUS_AFTER as STATUS_OF  # noqa: E402


# ---------------------------------------------------------------------------------------------
def norm(s: str) -> str:
    s = unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z ]", "", s).strip()


def iso_date(text: str) -> str | None:
    text = re.sub(r"<!--.*?-->", "", text).strip()
    m = re.fullmatch(r"(\d{4})\|(\d{1,2})\|(\d{1,2})(\|.*)?", text)
    if m:
        return f"{m[1]}-{int(m[2]):02d}-{int(m[3]):02d}"
    m = re.fullmatch(r"(\d{1,2}) ([A-Za-z]+) (\d{4})", text)
    if m and m[2].lower() in MONTHS:
        return f"{m[3]}-{MONTHS[m[2].lower()]:02d}-{int(m[1]):02d}"
    m = re.fullmatch(r"([A-Za-z]+) (\d{4})", text)
    if m and m[1].lower() in MONTHS:
        return f"{m[2]}-{MONTHS[m[1].lower()]:02d}"
    m = re.fullmatch(r"(\d{4})", text)
    return m[1] if m else None


def cite_fields(body: str) -> dict[str, str]:
    body = body.strip()
    m = re.match(r"\{\{\s*([Cc]ite \w+)\s*\|(.*)\}\}\s*$", body, re.S)
    if not m:
        return {"_text": body}
    fields = {"_tpl": m.group(1).lower()}
    depth, cur, parts, s, i = 0, "", [], m.group(2), 0
    while i < len(s):
        two = s[i : i + 2]
        if two in ("[[", "{{"):
            depth, cur, i = depth + 1, cur + two, i + 2
            continue
        if two in ("]]", "}}"):
            depth, cur, i = depth - 1, cur + two, i + 2
            continue
        if s[i] == "|" and depth == 0:
            parts.append(cur)
            cur, i = "", i + 1
            continue
        cur, i = cur + s[i], i + 1
    parts.append(cur)
    for p in parts:
        if "=" in p:
            k, v = p.split("=", 1)
            fields[k.strip().lower()] = v.strip()
    return fields


def unlink(s: str) -> str:
    """Wiki links and markup out of a field: [[A|B]] -> B, [[A]] -> A."""
    s = re.sub(r"\[\[(?:[^|\]]*\|)?([^\]]*)\]\]", r"\1", s)
    return re.sub(r"''+", "", s).strip()


class Footnotes:
    def __init__(self, wiki: str) -> None:
        self.named: dict[str, str] = {}
        for m in re.finditer(r'<ref name="?([^">/]+?)"?\s*>(.*?)</ref>', wiki, re.S):
            self.named.setdefault(m.group(1).strip(), m.group(2))

    def refs(self, raw: str) -> list[dict[str, str]]:
        out = []
        for m in re.finditer(r'<ref(?:\s+name="?([^">/]+?)"?)?\s*(/>|>(.*?)</ref>)', raw, re.S):
            body = m.group(3) if m.group(3) is not None else self.named.get(m.group(1).strip(), "")
            f = cite_fields(body)
            if m.group(1):
                f["_name"] = m.group(1).strip()
            out.append(f)
        return out


OFFICIAL_HOSTS = (
    "gob.pe",
    "rree.gob.pe",
    ".gov",
    ".gob.",
    ".go.",
    "gouvernement.lu",
    "un.org",
    "oas.org",
    "mfa.",
    "mre.",
    "cancilleria",
    "minrel",
    "embajada",
    "embassy",
    "embperu",
    "consulado",
    "regjeringen.no",
    "auswaertiges-amt",
    "mofa",
    "mofaic",
    "foreign.gov",
    "mzv.",
    "mvep.",
    "mae.ro",
    "vm.ee",
    "esteri.sm",
    "kln.gov",
    "swedenabroad",
    "finlandabroad",
    "government.",
    "minfor.gov",
    "mfaft.gov",
    "mfat.gov",
    "stlucia.gov",
    "presidencia",
    "congreso",
    "elperuano.pe",
    "x.com/cancilleriaperu",
    "twitter.com/cancilleriaperu",
    "x.com/argentinamfa",
    "facebook.com/cancilleriacostarica",
    "facebook.com/minexgt",
    "facebook.com/embajadaperu",
    "mire.gob",
    "history.state.gov",
    "peru.gr",
    "rmiembassyus",
    "un.int",
    "europa.eu",
    "wto.org",
    "apec.org",
    "icj-cij.org",
    "treaties.un",
    "digitallibrary.un",
    "amtsdruckschriften",
    "mfa.am",
    "mofa.gov.np",
    "mfaic.gov.kh",
    "gov.sr",
    "mfa.go.th",
    "gov.bb",
    "mfa.gov.lk",
    "mfa.gov.tr",
    "mfa.gov.md",
    "mfa.gov.rs",
    "president.",
    "kremlin",
    "state.gov",
    "parliament",
    "oireachtas",
    "bundestag",
    "admin.ch",
    "diplomatie.gouv",
    "exteriores.gob.es",
    "esteri.it",
    "itamaraty",
    "sre.gob.mx",
    "cancilleria.gob",
    "minrelext",
    "mrecic",
    "mppre",
    "apps.rree",
    "embassy",
    "andina.pe/agencia/noticia-peru-establece",
)
SCHOLARLY_HOSTS = (
    "books.google",
    "doi.org",
    "jstor",
    "persee.fr",
    "repositorio",
    "pirhua",
    "scielo",
    "spdiojs",
    "archive.org/details",
    "academia.edu",
    "researchgate",
    "cairn.info",
    "journals.",
    "revistas.",
    "omalley.nelsonmandela",
    "cidempanama",
    "dataverse",
    "correlatesofwar",
    "cgai.ca",
    "docslib",
    "bcn.cl",
    "dipublico.org",
    "slaegtsbibliotek",
    "hathitrust",
    "ucl.ac",
    ".edu",
    "uchile",
    "pucp",
    "scholar",
    "cambridge.org",
    "tandfonline",
    "springer",
    "oup.com",
    "wiley",
)
ENCYCLOPEDIA_HINTS = (
    "wikipedia",
    "wikiwand",
    "wiki",
    "kiwix",
    "ipfs",
    "mirror",
    "encyclopedia",
    "encyclopedie",
    "dbpedia",
    "hmong",
    "bestencyclopedia",
    "everybodywiki",
    "wikizero",
    "infogalactic",
    "justapedia",
    "alchetron",
    "liquisearch",
    "academic.ru",
    "wikimili",
    "wikibrief",
)
PRESS_HINTS = (
    "news",
    "noticia",
    "andina",
    "rpp",
    "elcomercio",
    "larepublica",
    "infobae",
    "reuters",
    "efe",
    "apnews",
    "bbc",
    "dw.com",
    "elpais",
    "caretas",
    "peru21",
    "gestion",
    "expreso",
    "correo",
    "diario",
    "times",
    "post",
    "tribune",
    "gazette",
    "herald",
    "journal",
    "press",
    "tv",
    "radio",
    "mercurio",
    "emol",
    "telesur",
    "prensa",
    "semana",
    "clarin",
    "nacion",
    "universo",
    "comercio",
    "today",
    "daily",
    "agency",
    "agencia",
    "xinhua",
    "tass",
    "sputnik",
    "anadolu",
    "aa.com.tr",
    "kyodo",
    "yonhap",
    "bernama",
    "antaranews",
    "vietnamplus",
    "vnanet",
    "thesun",
    "menafn",
    "trend.az",
    "azernews",
    "report.az",
    "apa.az",
    "news.az",
    "biobiochile",
    "cooperativa",
    "latercera",
    "eluniversal",
    "milenio",
    "jornada",
    "excelsior",
    "proceso",
    "expansion",
    "infomercado",
    "americaeconomia",
    "exitosa",
    "tvperu",
    "panamericana",
    "atv",
    "canaln",
    "ojo-publico",
    "idl-reporteros",
    "swissinfo",
    "euronews",
    "france24",
    "rfi",
    "lemonde",
    "lefigaro",
    "corriere",
    "repubblica",
    "ansa",
    "sanmarinortv",
    "giornalesm",
    "libertas",
    "mundiario",
    "raya.com",
    "timeskuwait",
    "kuwaittimes",
    "gulf-times",
    "thepeninsula",
    "qatar-tribune",
    "khaleej",
    "gulfnews",
    "arabnews",
    "saudigazette",
    "jpost",
    "haaretz",
    "timesofisrael",
    "hindustantimes",
    "thehindu",
    "indianexpress",
    "economictimes",
    "dawn.com",
    "thediplomaticsociety",
    "cookislandsnews",
    "fijisun",
    "fijitimes",
    "rnz.co.nz",
    "abc.net.au",
    "smh.com.au",
    "stuff.co.nz",
    "nzherald",
    "straitstimes",
    "channelnewsasia",
    "bangkokpost",
    "nationthailand",
    "jakartapost",
    "inquirer",
    "philstar",
    "rappler",
    "abs-cbn",
    "gmanetwork",
    "mb.com.ph",
    "pna.gov.ph",
    "koreaherald",
    "koreatimes",
    "japantimes",
    "nhk",
    "nikkei",
    "chinadaily",
    "globaltimes",
    "cgtn",
    "people.cn",
    "focustaiwan",
    "taipeitimes",
    "cna.com.tw",
    "allafrica",
    "aps.dz",
    "djazairess",
    "masress",
    "ahram",
    "egypttoday",
    "hespress",
    "mapexpress",
    "lematin",
    "newsghana",
    "ghanaweb",
    "graphic.com.gh",
    "nation.africa",
    "standardmedia",
    "dailynews",
    "herald.co.zw",
    "newzimbabwe",
    "lusakatimes",
    "znbc",
    "ipp.co.za",
    "iol.co.za",
    "news24",
    "sabc",
    "citizen",
    "busqueda",
    "elobservador",
    "montevideo",
    "abc.com.py",
    "ultimahora",
    "lanacion",
    "elmundo",
    "abc.es",
    "larazon",
    "europapress",
    "20minutos",
    "publico",
    "hoy.com",
    "listindiario",
    "diariolibre",
    "elnuevodiario",
    "laprensa",
    "elheraldo",
    "latribuna",
    "prensalibre",
    "elsalvador",
    "elfaro",
    "crhoy",
    "nacion.com",
    "tvn-2",
    "critica",
    "panamaamerica",
    "telemetro",
    "jamaica-gleaner",
    "jamaicaobserver",
    "guardian",
    "newsday",
    "stabroeknews",
    "kaieteurnews",
    "dwtonline",
    "starr",
    "devdiscourse",
    "xebersaati",
    "nuevadiplomacia",
    "informador",
    "jurnalpublikasi",
    "lanoticia",
    "pubt",
    "cronicaviva",
    "eagle",
    "peru.com",
    "tn8",
    "eltiempo",
    "elespectador",
    "semana.com",
    "primicias",
    "eldiario",
    "elcomercio.com",
    "expreso.ec",
    "lahora",
    "pagina12",
    "perfil",
    "ambito",
    "infonews",
    "ole",
    "cronista",
    "elsiglo",
    "globalsecurity",
    "coha.org",
)


def tier_of(src: dict[str, Any], tpl: str | None = None) -> str:
    url = (src.get("url") or "").lower()
    text = " ".join(str(src.get(k) or "") for k in ("id", "title", "publisher", "note")).lower()
    if any(h in text for h in ("encyclopedia mirror", "wikipedia", "wiki mirror")) or any(
        h in url for h in ENCYCLOPEDIA_HINTS
    ):
        return "encyclopedia"
    if src.get("id", "").startswith(("wiki-", "seed-wikipedia", "enwiki", "eswiki")):
        return "encyclopedia"
    if src.get("id", "").startswith("seed-fn-"):
        pub = (src.get("publisher") or "").lower()
        if any(w in pub for w in ("ministry", "embassy", "government", "ministerio", "embajada")):
            return "official"
        return "other"
    if any(h in url for h in OFFICIAL_HOSTS):
        return "official"
    if any(
        w in text
        for w in (
            "ministry of",
            "ministerio de",
            "foreign ministry",
            "cancillería",
            "embassy of",
            "embajada de",
            "embajada del",
            "government of",
            "gobierno del",
            "united nations",
            "organization of american states",
            "memoria",
            "mensaje a la nacion",
            "boletín trimestral",
            "coleccion de leyes",
            "presidencia",
        )
    ):
        return "official"
    if tpl in ("cite book", "cite journal") or any(h in url for h in SCHOLARLY_HOSTS):
        return "scholarly"
    if any(
        w in text
        for w in (
            "correlates of war",
            "dataset",
            "data set",
            "journal",
            "university press",
            "thesis",
        )
    ):
        return "scholarly"
    pub = (src.get("publisher") or "").lower()
    if any(w in pub for w in ("encycl", "universalis", "britannica", "encyklopedin")):
        return "encyclopedia"
    if any(
        w in pub
        for w in (
            "embassy",
            "consulate",
            "ministry",
            "government",
            "icj",
            "court of justice",
            "affaires",
            "secretariat",
            "(oas",
        )
    ) or any(h in url for h in (".gc.ca", "diplo.de", "icj-cij", "gob.", "gov.")):
        return "official"
    if any(
        w in pub
        for w in ("asil", "university", "universidad", "journal", "review", "revista", "institute")
    ):
        return "scholarly"
    if (
        tpl == "cite news"
        or any(h in url for h in PRESS_HINTS)
        or any(
            w in pub
            for w in (
                "news",
                "notizie",
                "nation",
                "qazeti",
                "zawya",
                "people's daily",
                "pueblo en línea",
                "vov",
                "en línea",
                "periódico",
                "agora",
                "noticias",
                "radio",
                "tv",
                "times",
                "post",
                "diario",
                "journal",
                "gazette",
                "herald",
                "tribune",
                "press",
                "prensa",
                "semanario",
                "magazine",
                "revista",
                "ce.cn",
                "agencia",
                "agency",
                "noticia",
                "crónica",
                "cronica",
                "deutsche welle",
                "index.hu",
                "(mti)",
                "zeitung",
                "(efe)",
                "(dpa)",
                "time",
                "digital",
                "eloriente",
                "china.org",
                "fpp.org.pe",
            )
        )
    ):
        return "press"
    if any(
        w in text
        for w in (
            "newspaper",
            "news agency",
            "diario",
            "radio",
            "television",
            "magazine",
            "revista",
        )
    ):
        return "press"
    return "other"


def slug(text: str, n: int = 6) -> str:
    words = re.findall(r"[a-z0-9]+", norm(text).replace(" ", " "))
    stop = {
        "de",
        "la",
        "el",
        "y",
        "the",
        "of",
        "and",
        "del",
        "en",
        "los",
        "las",
        "entre",
        "con",
        "a",
        "por",
        "para",
        "se",
    }
    return "-".join([w for w in words if w not in stop][:n]) or "x"


# ---------------------------------------------------------------------------------------------
def main() -> None:
    data = json.loads(DATA.read_text(encoding="utf-8"))
    if data.get("schema_version") != 1:
        sys.exit("migrate_v2: data/relations.json is not at schema 1; nothing to do")
    countries = {c["code"]: c for c in data["countries"]}
    by_name: dict[str, str] = {}
    for c in data["countries"]:
        for n in (c["name"], c["name_es"], *c["aliases"]):
            by_name.setdefault(norm(n), c["code"])
    by_name.update(
        {
            "turkey": "TR",
            "state of palestine": "PS",
            "federated states of micronesia": "FM",
            "czech republic": "CZ",
            "ivory coast": "CI",
            "republic of the congo": "CG",
            "democratic republic of the congo": "CD",
            "cape verde": "CV",
        }
    )

    # -- sources: tiers for the existing ones
    sources: dict[str, dict[str, Any]] = {}
    for s in data["sources"]:
        s = dict(s)
        s["tier"] = tier_of(s)
        sources[s["id"]] = s
    by_url = {s["url"].rstrip("/").lower(): sid for sid, s in sources.items() if s.get("url")}
    sources[ARTICLE_ID] = ARTICLE
    wiki = (ENC / "foreign_relations_of_peru.wikitext").read_text(encoding="utf-8")
    notes = Footnotes(wiki)

    def footnote_source(f: dict[str, str], code: str) -> str | None:
        if "_text" in f and not f.get("_tpl"):
            return None
        url = f.get("url") or ""
        if url and url.rstrip("/").lower() in by_url:
            sid = by_url[url.rstrip("/").lower()]
            sources[sid].setdefault("found_in", ARTICLE_ID)
            return sid
        title = unlink(f.get("title") or f.get("script-title") or "untitled")
        if f.get("_name") == "UNDL":
            title = (
                "Diplomatic relations between Peru and … (United Nations Digital Library series)"
            )
        publisher = unlink(
            f.get("website")
            or f.get("publisher")
            or f.get("work")
            or f.get("journal")
            or f.get("newspaper")
            or f.get("agency")
            or f.get("author")
            or " ".join(x for x in (f.get("first", ""), f.get("last", "")) if x)
            or re.sub(r"^https?://(www\.)?([^/]+).*$", r"\2", url)
            or "unknown publisher"
        )
        date = f.get("date") or f.get("year")
        rec: dict[str, Any] = {"id": "", "title": title, "publisher": publisher}
        if url:
            rec["url"] = url
        if date:
            d = iso_date(date) or (re.sub(r"[^0-9-]", "", date)[:10] or None)
            if d and re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", d):
                rec["date"] = d
        extra = []
        if f.get("pages") or f.get("page"):
            extra.append(f"p. {f.get('pages') or f.get('page')}")
        if f.get("quote"):
            extra.append(f"quoted in the footnote: «{unlink(f['quote'])[:300]}»")
        if f.get("archive-url"):
            extra.append(f"archived at {f['archive-url']}")
        rec["note"] = "; ".join(
            [
                "footnote of the encyclopedia article 'Foreign relations of Peru' (Diplomatic relations table)",
                *extra,
            ]
        )
        rec["found_in"] = ARTICLE_ID
        rec["tier"] = tier_of(rec, f.get("_tpl"))
        base = f"fn-{code.lower()}-{slug(title, 5)}"
        sid, k = base, 2
        while sid in sources:
            sid, k = f"{base}-{k}", k + 1
        rec["id"] = sid
        sources[sid] = rec
        if url:
            by_url[url.rstrip("/").lower()] = sid
        return sid

    history: dict[str, list[dict[str, Any]]] = defaultdict(list)
    extra_notes: dict[str, list[str]] = defaultdict(list)
    in_table: set[str] = set()

    # -- candidates for states that had no date, and the rejected near misses
    cands = {
        r["code"]: r
        for r in csv.DictReader((ENC / "undated_states_candidates.csv").open(encoding="utf-8"))
    }

    # -- the table
    table = json.loads((ENC / "peru_relations_table.json").read_text(encoding="utf-8"))
    for name, date_text, raw in table:
        if name in NOT_STATES:
            continue
        code = by_name.get(norm(name))
        if code is None:
            sys.exit(f"migrate_v2: no code for table row {name!r}")
        in_table.add(code)
        cells = raw.split("\n|")
        date_cell = cells[-1]
        status_refs = [r for cell in cells[:-1] for r in notes.refs(cell)]
        date_refs = notes.refs(date_cell)
        if code in ROW_AS_NOTE:
            extra_notes[code].append(ROW_AS_NOTE[code])
            continue
        date = iso_date(
            re.sub(r"<ref.*", "", re.sub(r"\{\{\s*dts\s*\|", "", date_cell, flags=re.I), flags=re.S)
            .replace("}}", "")
            .strip()
        )
        if date is None:
            sys.exit(f"migrate_v2: no date in row {name!r}: {date_cell[:80]!r}")
        kind, why = KIND_OF_ROW.get(code, ("established", ""))
        note_bits = [why] if why else []
        cand = cands.get(code)
        if cand and cand["grade"] in ("A", "B"):
            if cand["established"] != date:
                note_bits.append(
                    f"The table says {date_text}; the date is kept at the precision its sources agree on ({cand['established']})."
                )
                date = cand["established"]
            if cand["grade"] == "B":
                note_bits.append(
                    "The wording of the cited document was not seen: the date rests on the table and its citation."
                )
        elif kind == "established" and any(f.get("_name") == "UNDL" for f in date_refs):
            note_bits.append(
                "Cited to the UN Digital Library series of records on Peru's diplomatic relations; the individual record was not seen."
            )
        ids = [i for f in date_refs if (i := footnote_source(f, code))]
        if not ids:
            ids = [ARTICLE_ID]
        m: dict[str, Any] = {"kind": kind, "date": date, "sources": ids}
        if code in COUNTERPART_OF_ROW and kind in ("established", "restored", "first-envoy"):
            m["counterpart"] = COUNTERPART_OF_ROW[code]
        if note_bits:
            m["note"] = " ".join(note_bits)
        m["_from"] = "table"
        history[code].append(m)
        for f in status_refs:  # e.g. the DW report on the 2025 break with Mexico
            sid = footnote_source(f, code)
            if sid:
                countries[code]["relations"]["sources"].append(sid)

    # -- events that are milestones
    for e in data["events"]:
        spec = EVENT_KINDS.get(e["id"])
        if spec is None:
            continue
        kind, counterpart = spec
        for code in EVENT_ONLY_FOR.get(e["id"], set(e["countries"])):
            m = {
                "kind": kind,
                "date": e["date"],
                "sources": list(e["sources"]),
                "event": e["id"],
                "_from": "event",
            }
            if counterpart:
                m["counterpart"] = counterpart
            history[code].append(m)
    # the Qing treaty of 1874 also belongs to the PRC's history (CN's own v1 note and sources)
    history["CN"].append(
        {
            "kind": "treaty",
            "date": "1874-06-26",
            "sources": ["ipfs-china-relations"]
            if "ipfs-china-relations" in sources
            else list(countries["CN"]["relations"]["sources"][:2]),
            "counterpart": "Qing China",
            "_from": "v1",
        }
    )

    # -- the v1 start dates
    for code, c in countries.items():
        est = c["relations"]["established"]
        if est:
            V1_START[code] = est
        if not est:
            continue
        kind, counterpart = V1_KIND.get(code, ("established", None))
        if kind == "skip":
            continue
        srcs = [s for s in c["relations"]["sources"] if s != "seed-wikipedia-2010"] or list(
            c["relations"]["sources"]
        )
        m = {"kind": kind, "date": est, "sources": srcs, "_from": "v1"}
        if counterpart:
            m["counterpart"] = counterpart
        history[code].append(m)

    # -- merge duplicates: same kind, one date a prefix of the other (or equal)
    for code, ms in history.items():
        merged: list[dict[str, Any]] = []
        for m in sorted(ms, key=lambda m: (m["date"], m["kind"])):
            for o in merged:
                if o["kind"] == m["kind"] and (
                    o["date"].startswith(m["date"]) or m["date"].startswith(o["date"])
                ):
                    if len(m["date"]) > len(o["date"]):
                        o["date"] = m["date"]
                    o["sources"] = list(dict.fromkeys([*o["sources"], *m["sources"]]))
                    for k in ("event", "counterpart", "note"):
                        if k in m and k not in o:
                            o[k] = m[k]
                    break
            else:
                merged.append(dict(m))
        merged.sort(key=lambda m: (m["date"], ORDER.get(m["kind"], 5)))
        history[code] = merged

    finish(data, sources, countries, history, extra_notes, in_table, wiki, notes, by_name)


V1_START: dict[str, str] = {}
LABEL = {"first-consul": "first consul", "first-envoy": "first envoy"}


def which_date(
    code: str, hist: list[dict[str, Any]], sources: dict[str, dict[str, Any]]
) -> list[str]:
    """A sentence saying which date the card shows as the establishment, where sources differ."""
    old = V1_START.get(code)
    ests = [m for m in hist if m["kind"] == "established"]
    if old is None or not ests:
        return []

    def by(m: dict[str, Any]) -> str:
        s = sources.get(m["sources"][0], {})
        return f"{s.get('publisher', '?')}, '{s.get('title', '?')}'"

    first = ests[0]
    others = "; ".join(f"{m['date']} ({by(m)})" for m in ests[1:])
    also = (
        f"Sources differ on the date of establishment: the card shows the earliest, "
        f"{first['date']} ({by(first)}); also given: {others}."
    )
    v1_kind = V1_KIND.get(code, ("established", None))[0]
    shows = f"The card shows the establishment of relations as {first['date']} ({by(first)})"
    if v1_kind == "skip":
        return [
            f"{shows}; {old}, given before as the start of relations, was a year reckoned back from an anniversary or another kind of framing."
        ]
    if v1_kind != "established":
        return [
            f"{shows}; {old}, given before as the start of relations, is recorded as the {LABEL.get(v1_kind, v1_kind)} it is."
        ]
    return [also] if len(ests) > 1 else []


ORDER = {
    "recognition": 0,
    "first-consul": 1,
    "treaty": 2,
    "first-envoy": 3,
    "credentials": 4,
    "established": 5,
}


def article_rows(wiki: str) -> dict[str, str]:
    """The 'Bilateral relations' rows of the article: country name -> its notes (wiki markup)."""
    part = wiki.split("==Bilateral relations==", 1)[1]
    rows: dict[str, str] = {}
    for chunk in re.split(r"\n\|-[^\n]*", part):
        m = re.search(r"\{\{flag\|([^}|]+)", chunk)
        if m:
            rows[m.group(1).strip()] = chunk
    return rows


MISSION_LINE = re.compile(
    r"^\*\s*(?P<who>.+?) (?:has an? (?:\[\[[^\]]*\|)?(?P<kind>embassy|consulate-general|consulate general)\]*"
    r"(?: and [^.]*?)? in \[*(?P<city>[^\].,<\[]+)"
    r"|is accredited to Peru from its embassy in \[*(?P<from>[^\].,<\[]+))",
    re.M,
)


def finish(
    data: dict[str, Any],
    sources: dict[str, dict[str, Any]],
    countries: dict[str, dict[str, Any]],
    history: dict[str, list[dict[str, Any]]],
    extra_notes: dict[str, list[str]],
    in_table: set[str],
    wiki: str,
    notes: Footnotes,
    by_name: dict[str, str],
) -> None:
    guide = cite_fields(notes.named["GD2022"])
    sources[GUIDE_ID] = {
        "id": GUIDE_ID,
        "title": "Directorio de misiones extranjeras en Perú – Guía Diplomática (December 2022)",
        "publisher": "Ministry of Foreign Affairs of Peru",
        "url": guide["url"],
        "date": "2022-12",
        "tier": "official",
        "found_in": ARTICLE_ID,
        "note": f"Cited for foreign missions in Lima and accreditations to Peru throughout the bilateral sections of the encyclopedia article; archived at {guide.get('archive-url')}. Read through the article's citations, not directly.",
    }

    def date_of(sid: str) -> str | None:
        s = sources.get(sid) or {}
        d = s.get("date")
        if d:
            return str(d)
        m = re.search(r"/(20\d\d|19\d\d)[/-](\d\d)[/-](\d\d)/", s.get("url") or "")
        if m:
            return f"{m[1]}-{m[2]}-{m[3]}"
        m = re.search(r"/(20\d\d)/(\d\d)/", s.get("url") or "")
        if m and 1 <= int(m[2]) <= 12:
            return f"{m[1]}-{m[2]}"
        return None

    # -- what the article's bilateral rows say of missions (witness, with the 2022 guide where cited)
    rows = article_rows(wiki)
    seen: dict[tuple[str, str, str], tuple[str, list[str], str | None]] = {}
    for name, chunk in rows.items():
        code = by_name.get(norm(name))
        if code is None:
            continue
        for line in chunk.splitlines():
            m = MISSION_LINE.match(line)
            if not m:
                continue
            who = unlink(m.group("who")).lower()
            cites = [f.get("_name") for f in notes.refs(line)]
            srcs = [ARTICLE_ID] + ([GUIDE_ID] if "GD2022" in cites else [])
            if who.startswith("peru"):
                owner, host = "PE", code
            else:
                owner, host = code, "PE"
            if m.group("from"):
                seen[(owner, host, "accredited-from")] = (
                    unlink(m.group("from")).strip(),
                    srcs,
                    None,
                )
            else:
                kind = "embassy" if m.group("kind") == "embassy" else "consulate-general"
                city, _, _rest = unlink(m.group("city")).partition(" and ")
                seen[(owner, host, kind)] = (city.strip(), srcs, None)
                also = re.search(r"accredited from its embassy in ([^.,]+)", line)
                if also:
                    seen[(owner, host, "accredited-from")] = (
                        unlink(also.group(1)).strip(),
                        srcs,
                        None,
                    )

    added = 0
    for code, c in countries.items():
        # ---- missions
        for mi in c["missions"]:
            key = (mi["owner"], mi["host"], mi["kind"])
            note = mi.get("note") or ""
            if mi.get("closed") or note.startswith("historical"):
                mi["state"] = "closed"
            else:
                mi["state"] = "open"
            if key in seen and mi["state"] == "open":
                city, srcs, _ = seen.pop(key)
                if (
                    mi["kind"] != "accredited-from"
                    or not mi.get("city")
                    or norm(city) in norm(mi.get("city") or "")
                    or norm(mi.get("city") or "") in norm(city)
                ):
                    mi["sources"] = list(dict.fromkeys([*mi["sources"], *srcs]))
                else:
                    seen[key] = (city, srcs, None)
            dates = [d for d in (date_of(s) for s in mi["sources"]) if d]
            if mi["state"] == "open":
                if dates:
                    mi["as_of"] = max(dates)
                else:
                    mi["state"] = "unknown"
                    mi["note"] = (
                        note + " " if note else ""
                    ) + "No dated source shows this mission at work."
        for (owner, host, kind), (city, srcs, _) in list(seen.items()):
            if code not in (owner, host) or (owner == "PE" and host == "PE"):
                continue
            partner = host if owner == "PE" else owner
            if partner != code:
                continue
            if any(
                m2["owner"] == owner and m2["host"] == host and m2["kind"] in (kind, "embassy")
                for m2 in c["missions"]
            ):
                continue  # already recorded, in whatever state (a closed one stays closed)
            mi = {"owner": owner, "host": host, "kind": kind, "city": city}
            if kind == "accredited-from":
                capital_of = {
                    "Brasília": "BR", "Washington, D.C.": "US", "Buenos Aires": "AR", "Santiago": "CL",
                    "Mexico City": "MX", "Bogotá": "CO", "Quito": "EC", "Caracas": "VE",
                    "La Paz": "BO", "Ottawa": "CA", "Havana": "CU", "Panama City": "PA",
                    "Helsinki": "FI", "Oslo": "NO", "Rome": "IT", "New York City": "US",
                    "Stockholm": "SE", "Copenhagen": "DK", "Berlin": "DE", "Madrid": "ES",
                    "Ankara": "TR", "Cairo": "EG", "Pretoria": "ZA", "Tokyo": "JP",
                    "Beijing": "CN", "Canberra": "AU", "Wellington": "NZ", "Santo Domingo": "DO",
                }  # fmt: skip
                via = capital_of.get(city)
                if via and via != owner:
                    mi["from"] = via
            mi["state"] = "open"
            mi["as_of"] = "2022-12" if GUIDE_ID in srcs else "2025-11"
            mi["note"] = "Added from the encyclopedia article's bilateral section" + (
                " (citing Peru's 2022 diplomatic guide)." if GUIDE_ID in srcs else "."
            )
            mi["sources"] = srcs
            c["missions"].append(mi)
            del seen[(owner, host, kind)]
            added += 1
        for mi in c["missions"]:
            if mi["state"] == "open" and ARTICLE_ID in mi["sources"]:
                mi["as_of"] = max(
                    mi.get("as_of", ""),
                    "2025-11" if GUIDE_ID not in mi["sources"] or True else "2022-12",
                )
            order = [
                "owner",
                "host",
                "kind",
                "city",
                "from",
                "state",
                "closed",
                "as_of",
                "note",
                "sources",
            ]
            for k in list(mi):
                if k not in order:
                    raise SystemExit(f"unexpected mission key {k}")
            tmp = {k: mi[k] for k in order if k in mi}
            mi.clear()
            mi.update(tmp)

        # ---- relations
        rel = c["relations"]
        hist = [
            {k: v for k, v in m.items() if not k.startswith("_")} for m in history.get(code, [])
        ]
        for m in hist:
            m.setdefault("note", None)
            ordered = {
                k: m[k]
                for k in ("kind", "date", "counterpart", "event", "note", "sources")
                if m.get(k) is not None
            }
            m.clear()
            m.update(ordered)
        status = rel["status"]
        derived = None
        for m in hist:
            derived = STATUS_OF.get(m["kind"], derived)
        if (derived is not None and status == "unknown") or (
            derived is not None and derived != status and status != "active"
        ):
            status = derived
        elif hist and status == "unknown":
            status = "active"
        if code in ("CM", "MW", "MU") and status == "unknown":
            status = "active"
        srcs = list(rel["sources"])
        if code in in_table and ARTICLE_ID not in srcs:
            srcs.append(ARTICLE_ID)
        witness = [d for d in (date_of(s) for s in srcs) if d]
        witness += [d for m in hist for d in [m["date"], *(date_of(s) for s in m["sources"])] if d]
        if code in in_table:
            witness.append("2025-11")
        note = rel["note"]
        more = " ".join([*extra_notes.get(code, []), *which_date(code, hist, sources)])
        if more:
            note = f"{note} {more}".strip()
        new_rel: dict[str, Any] = {"status": status}
        if status != "unknown":
            new_rel["as_of"] = max(witness) if witness else None
        new_rel["history"] = hist
        new_rel["note"] = note
        new_rel["sources"] = list(dict.fromkeys(srcs))
        c["relations"] = new_rel

    data["schema_version"] = 2
    order = ["id", "title", "publisher", "url", "date", "tier", "found_in", "note"]
    data["sources"] = [{k: s[k] for k in order if s.get(k) is not None} for s in sources.values()]
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from datafile import write

    write(DATA, data)
    print(f"migrate_v2: wrote schema 2; {added} missions added from the article")


if __name__ == "__main__":
    main()
