"""The language people read: English or Spanish (`--lang`, `PERUREL_LANG`, the locale).

Every message and label perurel writes for people is written once, in English, where it is
used, marked `t("...")` (or `N_("...")` where it is only declared), and translated through the
standard library's gettext from the catalogue `locale/<lang>/LC_MESSAGES/perurel.mo`, compiled
from the `.po` file beside it (`scripts/messages.py` extracts, updates and compiles them with
Babel). The vocabularies of the data (statuses, kinds, regions ...) are `WORDS`, in both
directions. Machine output never changes with the language: JSON keys and values stay as they
are (the Spanish texts are their own fields, `title_es`, `summary_es` ...). No Typer, no Rich."""

from __future__ import annotations

import os
from collections.abc import Iterable

from .tuples import TYPE_CHECKING

if TYPE_CHECKING:
    from typing import Any, Literal

    from .model import Records

LANGUAGES = ("en", "es")
CURRENT = {"lang": "en"}


def choose(explicit: str | None = None) -> str:
    """--lang, else PERUREL_LANG, else the locale (LC_ALL, LC_MESSAGES, LANG: 'es…' is Spanish);
    English by default."""
    for value in (explicit, os.environ.get("PERUREL_LANG")):
        if value:
            return "es" if value.strip().lower().startswith("es") else "en"
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(variable, "")
        if value:  # the first one set decides, as in POSIX
            return "es" if value.lower().startswith("es") else "en"
    return "en"


def use(lang: str) -> None:
    CURRENT["lang"] = lang


def use_args(args: Iterable[str]) -> None:
    """Choose the language a command line asks for (--lang, else the environment) before it is
    parsed, so that the parser's errors and the help are in it too."""
    explicit = None
    words = list(args)
    for i, arg in enumerate(words):
        if arg == "--":
            break
        if arg == "--lang" and i + 1 < len(words):
            explicit = words[i + 1]
        elif arg.startswith("--lang="):
            explicit = arg.partition("=")[2]
    use(choose(explicit))


def spanish() -> bool:
    return CURRENT["lang"] == "es"


DOMAIN = "perurel"
_CATALOGUES: dict[str, Any] = {}


def localedir() -> str:
    """The folder of the compiled catalogues, inside the package."""
    return os.path.join(os.path.dirname(os.path.abspath(__file__)), "locale")


def catalogue(lang: str | None = None) -> Any:
    """The gettext translations of `lang` (the current language), loaded once; English and a
    language without a catalogue get the messages as written."""
    lang = lang or CURRENT["lang"]
    if lang not in _CATALOGUES:
        path = os.path.join(localedir(), lang, "LC_MESSAGES", f"{DOMAIN}.mo")
        try:
            _CATALOGUES[lang] = _Catalogue(path)
        except (OSError, ValueError):  # no catalogue, or one this reader does not know
            import gettext

            _CATALOGUES[lang] = gettext.translation(
                DOMAIN, localedir(), languages=[lang], fallback=True
            )
    return _CATALOGUES[lang]


class _Catalogue:
    """A compiled GNU catalogue (.mo) read straight into a dict: the standard library's gettext
    gives the same answers (a test compares them on every entry) but costs 7 ms more to start,
    mostly compiling the plural rule. Only the rule Spanish and English use, n != 1, is read."""

    def __init__(self, path: str) -> None:
        with open(path, "rb") as f:
            data = f.read()
        order: Literal["little", "big"] = "little" if data[:4] == b"\xde\x12\x04\x95" else "big"
        if int.from_bytes(data[:4], order) != 0x950412DE:
            raise ValueError("not a .mo file")

        def word(at: int) -> int:
            return int.from_bytes(data[at : at + 4], order)

        count, ids, strs = word(8), word(12), word(16)
        self.messages: dict[str, str] = {}
        self.plurals: dict[str, list[str]] = {}
        for i in range(count):
            length, start = word(ids + 8 * i), word(ids + 8 * i + 4)
            msgid = data[start : start + length].decode("utf-8")
            length, start = word(strs + 8 * i), word(strs + 8 * i + 4)
            msgstr = data[start : start + length].decode("utf-8")
            if "\x00" in msgid:
                self.plurals[msgid.split("\x00", 1)[0]] = msgstr.split("\x00")
            elif msgid:
                self.messages[msgid] = msgstr
            elif "plural=(n!=1);" not in msgstr.replace(" ", ""):
                raise ValueError("a plural rule this reader does not know")

    def gettext(self, message: str) -> str:
        return self.messages.get(message) or message

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        forms = self.plurals.get(singular)
        if not forms:
            return singular if n == 1 else plural
        return forms[0 if n == 1 else 1]


def N_(message: str) -> str:
    """Marks a message for the catalogue where it is declared; `t` translates it where shown."""
    return message


def t(message: str, /, **values: Any) -> str:
    """A message, label or template in the current language, filled with `values`."""
    if CURRENT["lang"] == "en":
        return message.format(**values) if values else message
    message = catalogue().gettext(message)
    if not values:
        return message
    # 'de' and 'a' before the article 'el' contract, as Spanish always writes them: "del Perú"
    return message.format(**values).replace(" de el ", " del ").replace(" a el ", " al ")


def tn(singular: str, plural: str, n: int, /, **values: Any) -> str:
    """`t` for a message whose wording depends on a count `n` (given to the template as `n`)."""
    text: str
    if CURRENT["lang"] != "en":
        text = catalogue().ngettext(singular, plural, n)
    else:
        text = singular if n == 1 else plural
    return text.format(n=n, **values)


# Words from the data's vocabularies, by kind: statuses, event and milestone kinds, mission kinds
# and states, representation levels, source tiers, regions and subregions.
WORDS: dict[str, dict[str, str]] = {
    "status": {
        "active": "activas",
        "suspended": "suspendidas",
        "broken": "rotas",
        "none": "sin relaciones",
        "unknown": "desconocido",
    },
    "event": {
        "treaty": "tratado",
        "agreement": "acuerdo",
        "dispute": "controversia",
        "ruling": "fallo",
        "visit": "visita",
        "recognition": "reconocimiento",
        "relations": "relaciones",
        "aid": "ayuda",
        "trade": "comercio",
        "security": "seguridad",
        "membership": "membresía",
        "politics": "política",
    },
    "milestone": {
        "recognition": "reconocimiento",
        "first-consul": "primer cónsul",
        "first-envoy": "primer enviado",
        "credentials": "cartas credenciales",
        "treaty": "tratado",
        "established": "establecimiento",
        "raised-to-embassy": "elevación a embajada",
        "broken": "ruptura",
        "severed-by-war": "ruptura por guerra",
        "lapsed": "interrupción",
        "suspended": "suspensión",
        "restored": "restablecimiento",
    },
    "mission": {
        "embassy": "embajada",
        "consulate-general": "consulado general",
        "consulate": "consulado",
        "honorary-consulate": "consulado honorario",
        "consular-agency": "agencia consular",
        "office": "oficina",
        "accredited-from": "concurrente desde",
    },
    "level": {
        "none": "ninguno",
        "chargé d'affaires": "encargado de negocios",
        "minister": "ministro",
        "ambassador": "embajador",
        "other": "otro",
    },
    "coverage": {
        "states": "estados",
        "with_status": "con estado de relaciones",
        "with_start_date": "con fecha de establecimiento",
        "with_milestone": "con algún hito fechado",
        "open_missions": "misiones abiertas",
        "open_missions_seen_since_2020": "misiones abiertas vistas desde 2020",
        "statuses_evidenced_since_2020": "estados de relaciones con fuente no enciclopédica "
        "desde 2020",
        "open_missions_evidenced_since_2020": "misiones abiertas con fuente no enciclopédica "
        "desde 2020",
        "with_missions": "con misiones",
        "with_resident_embassy": "con embajada residente",
        "with_events": "con eventos",
        "with_summary": "con resumen",
        "countries": "países",
        "missions": "misiones",
        "events": "eventos",
        "organisations": "organismos",
        "sources": "fuentes",
    },
    "state": {"open": "abierta", "closed": "cerrada", "unknown": "desconocido"},
    "hit": {
        "event": "evento",
        "country": "país",
        "organisation": "organismo",
        "source": "fuente",
        "milestone": "hito",
        "mission": "misión",
    },
    "period": {"term": "mandato", "suspension": "suspensión"},
    "tie": {
        "member": "miembro",
        "founding-member": "miembro fundador",
        "associate": "asociado",
        "observer": "observador",
        "candidate": "candidato",
        "negotiating-party": "parte en las negociaciones",
        "elected-seat": "miembro electo",
    },
    "vote": {"yes": "sí", "no": "no", "abstain": "abstención", "no vote recorded": "sin voto"},
    "issue": {
        "Palestinian conflict": "Conflicto palestino",
        "Nuclear weapons and nuclear material": "Armas y material nucleares",
        "Arms control and disarmament": "Control de armas y desarme",
        "Human rights": "Derechos humanos",
        "Colonialism": "Colonialismo",
        "Economic development": "Desarrollo económico",
    },
    "tier": {
        "official": "oficial",
        "scholarly": "académica",
        "press": "prensa",
        "encyclopedia": "enciclopedia",
        "other": "otra",
    },
    "region": {
        "Africa": "África",
        "Americas": "América",
        "Asia": "Asia",
        "Europe": "Europa",
        "Oceania": "Oceanía",
        "Australia and New Zealand": "Australia y Nueva Zelanda",
        "Caribbean": "Caribe",
        "Central America": "América Central",
        "Central Asia": "Asia Central",
        "Central Europe": "Europa Central",
        "Eastern Africa": "África Oriental",
        "Eastern Asia": "Asia Oriental",
        "Eastern Europe": "Europa Oriental",
        "Melanesia": "Melanesia",
        "Micronesia": "Micronesia",
        "Middle Africa": "África Central",
        "North America": "América del Norte",
        "Northern Africa": "África del Norte",
        "Northern Europe": "Europa del Norte",
        "Polynesia": "Polinesia",
        "South America": "América del Sur",
        "South-Eastern Asia": "Sudeste Asiático",
        "Southeast Europe": "Europa Sudoriental",
        "Southern Africa": "África Austral",
        "Southern Asia": "Asia del Sur",
        "Southern Europe": "Europa del Sur",
        "Western Africa": "África Occidental",
        "Western Asia": "Asia Occidental",
        "Western Europe": "Europa Occidental",
    },
}

# Organisations' Spanish acronyms where they differ from the English ones, by organisation id.
ACRONYMS_ES = {"un": "ONU", "oas": "OEA", "unsc": "CSNU", "idb": "BID", "lafta": "ALALC",
               "nam": "MNOAL", "amazon-cooperation-treaty": "OTCA", "wto": "OMC",
               "ftaa": "ALCA", "oecd": "OCDE"}  # fmt: skip

# Other words people type for a value of a closed set, besides the value itself and its Spanish
# word in WORDS (case, accents and a plural -s or -es never matter).
VARIANTS: dict[str, dict[str, str]] = {
    "status": {
        "activa": "active",
        "activo": "active",
        "vigentes": "active",
        "suspendida": "suspended",
        "suspendido": "suspended",
        "rota": "broken",
        "roto": "broken",
        "ruptura": "broken",
        "rupturas": "broken",
        "rompidas": "broken",
        "ninguna": "none",
        "sin": "none",
        "desconocida": "unknown",
    },
    "event": {
        "tratados": "treaty",
        "convenio": "agreement",
        "disputa": "dispute",
        "conflicto": "dispute",
        "sentencia": "ruling",
        "cooperacion": "aid",
        "asistencia": "aid",
        "defensa": "security",
        "adhesion": "membership",
        "acuerdos": "agreements",
        "agreements": "agreements",
    },
    "mission": {
        "consulado-general": "consulate-general",
        "consul general": "consulate-general",
        "consulado honorario": "honorary-consulate",
        "consul honorario": "honorary-consulate",
        "agencia": "consular-agency",
        "concurrente": "accredited-from",
        "acreditada desde": "accredited-from",
    },
    "state": {
        "abierto": "open",
        "abiertos": "open",
        "abiertas": "open",
        "cerrado": "closed",
        "desconocida": "unknown",
    },
    "region": {
        "Sudamérica": "South America",
        "Suramérica": "South America",
        "Sud América": "South America",
        "América del Sur": "South America",
        "Norteamérica": "North America",
        "Centroamérica": "Central America",
        "Américas": "Americas",
        "las Américas": "Americas",
        "Sudeste de Asia": "South-Eastern Asia",
        "Asia Sudoriental": "South-Eastern Asia",
        "Sureste Asiático": "South-Eastern Asia",
        "Southeast Asia": "South-Eastern Asia",
        "Asia Meridional": "Southern Asia",
        "Europa Meridional": "Southern Europe",
        "Europa Septentrional": "Northern Europe",
        "Europa del Este": "Eastern Europe",
        "Europa del Oeste": "Western Europe",
        "África Septentrional": "Northern Africa",
        "Norte de África": "Northern Africa",
        "África Meridional": "Southern Africa",
        "Oriente Próximo": "Western Asia",
        "Oceania": "Oceania",
    },
    "issue": {
        "palestinian conflict": "me",
        "middle east": "me",
        "conflicto palestino": "me",
        "palestina": "me",
        "oriente medio": "me",
        "medio oriente": "me",
        "nuclear": "nu",
        "nuclear weapons": "nu",
        "armas nucleares": "nu",
        "arms control": "di",
        "disarmament": "di",
        "control de armas": "di",
        "desarme": "di",
        "human rights": "hr",
        "derechos humanos": "hr",
        "derechos": "hr",
        "colonialism": "co",
        "colonialismo": "co",
        "economic development": "ec",
        "development": "ec",
        "desarrollo": "ec",
        "desarrollo economico": "ec",
    },
    "sort": {"nombre": "name", "fecha": "date", "eventos": "events"},
    "by": {"decada": "decade", "ano": "year", "anio": "year"},
    "view": {
        "relaciones": "status",
        "situacion": "status",
        "establecidas": "established",
        "inicio": "established",
        "embajadas": "missions",
        "votaciones": "votes",
        "coincidencia": "votes",
    },
}
# The Spanish word of a value shown for closed sets that WORDS does not hold.
WORDS["sort"] = {"name": "nombre", "date": "fecha", "events": "eventos"}
WORDS["by"] = {"decade": "década", "year": "año"}
WORDS["view"] = {  # what the map's colours show (map --by)
    "status": "estado",
    "established": "establecimiento",
    "missions": "misiones",
    "votes": "votos",
}


def value(kind: str, typed: str, choices: Iterable[str]) -> str | None:
    """The value of a closed set (`choices`) that `typed` names: the value itself, its Spanish
    word (WORDS[kind]) or a common variant (VARIANTS[kind]), in either language; case, accents,
    hyphens and a plural -s or -es do not matter. None if it names none of them."""
    from .text import normalize

    table: dict[str, str] = {}
    for choice in choices:
        table[normalize(choice)] = choice
        table[normalize(choice.replace("-", " "))] = choice
    wanted = set(table.values())
    for english, spanish in WORDS.get(kind, {}).items():
        if english in wanted:
            table.setdefault(normalize(spanish), english)
    for variant, english in VARIANTS.get(kind, {}).items():
        if english in wanted:
            table.setdefault(normalize(variant), english)
    key = normalize(typed)
    for cut in (0, 1, 2):  # the word as typed, then without a plural -s or -es
        if len(key) > cut + 2 and key[len(key) - cut :] in ("", "s", "es"):
            found = table.get(key[: len(key) - cut])
            if found is not None:
                return found
    return None


def values(kind: str, choices: Iterable[str]) -> list[str]:
    """The values of a closed set as the reader writes them (for errors and completion)."""
    return [word(kind, c) if kind in WORDS else c for c in choices]


def collation_key(text: str) -> tuple[str, str]:
    """How people order names: accents and case second ('Ávila' with the a's, 'Ñ' after 'N',
    as Spanish dictionaries and the Real Academia order them)."""
    import unicodedata

    base = "".join(
        ch
        for ch in unicodedata.normalize("NFD", text.casefold().replace("ñ", "n\uffff"))
        if not unicodedata.combining(ch)
    )
    return base, text


def word(kind: str, value: str) -> str:
    """A word of the data's vocabulary (`WORDS[kind]`) in the current language."""
    if CURRENT["lang"] == "es":
        return WORDS[kind].get(value, value)
    return value.replace("_", " ") if kind == "coverage" else value


MONTHS_ES = ("ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sep", "oct", "nov", "dic")


def date(text: str | None) -> str:
    """A date for people: ISO in English; in Spanish with the month's name ('27 ene 2014',
    'ene 2014', '2014')."""
    if not text or CURRENT["lang"] != "es":
        return text or ""
    from .dates import parts

    numbers = parts(text)
    if len(numbers) >= 2 and 1 <= numbers[1] <= 12:
        month = MONTHS_ES[numbers[1] - 1]
        if len(numbers) == 3:
            return f"{numbers[2]} {month} {numbers[0]}"
        return f"{month} {numbers[0]}"
    return text


def period(label: str) -> str:
    """A decade or a year as the data labels it ('1940s', '1995'): in Spanish 'década de 1940'."""
    if CURRENT["lang"] == "es" and len(label) == 5 and label.endswith("0s") and label[:4].isdigit():
        return t("the {decade}s", decade=label[:4])
    return t(label) if label == "all roll calls" else label


def number(n: int) -> str:
    """A count with thousands marked: 1,839 in English, 1.839 in Spanish."""
    text = f"{n:,}"
    return text.replace(",", ".") if CURRENT["lang"] == "es" else text


def on(text: str | None) -> str:
    """A date after a verb: as it is in English; in Spanish 'el 8 oct 1822' for a day, else
    'en 1902', 'en feb 1983'."""
    shown = date(text)
    if CURRENT["lang"] != "es" or not shown:
        return shown
    return f"el {shown}" if shown[0].isdigit() and " " in shown else f"en {shown}"


def since(text: str | None) -> str:
    """A date after 'since': 'desde el 3 nov 2025', 'desde 1942' in Spanish."""
    shown = date(text)
    if CURRENT["lang"] != "es" or not shown:
        return shown
    return f"el {shown}" if shown[0].isdigit() and " " in shown else shown


def city(name: str | None) -> str:
    """A city's name in the current language: in Spanish, its exonym where Spanish has one
    (London is Londres; `places`)."""
    if not name or CURRENT["lang"] != "es":
        return name or ""
    from .places import city_es

    return city_es(name)


# Names of states that Spanish writes with their article in a sentence ("con el Reino Unido",
# "el Perú y la India"); by their first word for the rest ("el Imperio ruso", "la República de
# China", "las Islas Salomón").
ARTICLES_ES = {
    "Perú": "el",
    "India": "la",
    "India británica": "la",
    "Bahamas": "las",
    "Comoras": "las",
    "Filipinas": "las",
    "Maldivas": "las",
    "Santa Sede": "la",
    "China de los Qing": "la",
    "Francia de Vichy": "la",
}
_ARTICLE_BY_FIRST_WORD = {
    "Imperio": "el",
    "Reino": "el",
    "República": "la",
    "Unión": "la",
    "Confederación": "la",
    "Federación": "la",
    "Ciudad": "la",
    "Estados": "los",
    "Emiratos": "los",
    "Países": "los",
    "Islas": "las",
}


def the(name: str) -> str:
    """A state's name as a sentence names it: in Spanish with its article where Spanish uses one
    ('el Reino Unido', 'la Unión Soviética'); otherwise as it is."""
    if CURRENT["lang"] != "es" or not name:
        return name
    article = ARTICLES_ES.get(name) or _ARTICLE_BY_FIRST_WORD.get(name.split(" ", 1)[0])
    return f"{article} {name}" if article else name


def capital(text: str) -> str:
    """The text with its first letter a capital (a sentence or a column that begins with 'el')."""
    return text[:1].upper() + text[1:]


def in_language(english: str | None, spanish: str | None) -> str:
    """The text in the current language (the English where a Spanish text is missing); ISO dates
    inside Spanish prose read as Spanish dates ('firmada el 13 nov 1999')."""
    if CURRENT["lang"] == "es" and spanish:
        if "-" not in spanish:
            return spanish
        import re

        return re.sub(
            r"\b\d{4}-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?\b",
            lambda m: date(m.group(0)),
            spanish,
        )
    return english or ""


def both(english: str, spanish: str) -> tuple[str, str]:
    """A name and its form in the other language, the reader's first."""
    return (spanish, english) if CURRENT["lang"] == "es" else (english, spanish)


def country_name(ds: Records, code: str) -> str:
    """A state's name in the current language ('Perú' for Peru; the code if the data lacks it)."""
    if code == "PE":
        return t("Peru")
    country = ds.countries.get(code)
    return in_language(country.name, country.name_es) if country else code


def percent(value: float | None) -> str:
    """A percentage for people: '93.1%', in Spanish '93,1 %'; a dash for none."""
    if value is None:
        return "—"
    return f"{value:.1f}".replace(".", ",") + " %" if CURRENT["lang"] == "es" else f"{value:.1f}%"


# What the system says went wrong with a file or an output, by errno name: its own words
# (`strerror`) are English whatever the language.
_OS_ERRORS = {
    "ENOENT": N_("No such file or directory"),
    "EACCES": N_("Permission denied"),
    "EPERM": N_("Operation not permitted"),
    "ENOSPC": N_("No space left on device"),
    "EDQUOT": N_("Disk quota exceeded"),
    "EFBIG": N_("File too large"),
    "EIO": N_("Input/output error"),
    "EBADF": N_("Bad file descriptor"),
    "EROFS": N_("Read-only file system"),
    "EISDIR": N_("Is a directory"),
    "ENOTDIR": N_("Not a directory"),
    "ELOOP": N_("Too many levels of symbolic links"),
    "ENAMETOOLONG": N_("File name too long"),
    "EMFILE": N_("Too many open files"),
    "ENFILE": N_("Too many open files in system"),
    "ENXIO": N_("No such device or address"),
    "ENODEV": N_("No such device"),
    "ETXTBSY": N_("Text file busy"),
    "EEXIST": N_("File exists"),
    "EBUSY": N_("Device or resource busy"),
    "EINVAL": N_("Invalid argument"),
    "EAGAIN": N_("Resource temporarily unavailable"),
    "EXDEV": N_("Invalid cross-device link"),
    "ENOTEMPTY": N_("Directory not empty"),
    "EPIPE": N_("Broken pipe"),
}


# The data's word for a publisher whose name the source does not give (docs/data.md).
UNKNOWN_PUBLISHER = N_("unknown publisher")


def publisher(name: str, name_es: str | None = None) -> str:
    """A source's publisher for people: its name in the reader's language (`name_es`, where
    Spanish names it otherwise), or "unknown publisher" in words."""
    if name == UNKNOWN_PUBLISHER:
        return t(name)
    return name_es if name_es and CURRENT["lang"] == "es" else name


def oserror(exc: BaseException) -> str:
    """What went wrong with a file (an OSError), in the reader's language."""
    import errno

    code = getattr(exc, "errno", None)
    message = _OS_ERRORS.get(errno.errorcode.get(code, "")) if isinstance(code, int) else None
    if message is not None:
        return t(message)
    return str(getattr(exc, "strerror", None) or exc)
