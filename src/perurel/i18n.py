"""The language people read: English or Spanish (`--lang`, `PERUREL_LANG`, the locale). Labels,
statuses, kinds, regions, month names, and the notes and errors on stderr. Machine output never
changes with the language: JSON keys and values stay as they are (the Spanish texts are their
own fields, `title_es`, `summary_es` ...). No Typer, no Rich."""

from __future__ import annotations

import os
import re  # (a builtin the interpreter has already imported)
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
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


def spanish() -> bool:
    return CURRENT["lang"] == "es"


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
        "missions": "misiones",
        "events": "eventos",
        "organisations": "organismos",
        "sources": "fuentes",
    },
    "state": {"open": "abierta", "closed": "cerrada", "unknown": "desconocido"},
    "hit": {"event": "evento", "country": "país", "organisation": "organismo", "source": "fuente"},
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
    # Historical partners named in milestones (`counterpart`).
    "partner": {
        "Austrian Empire": "Imperio austríaco",
        "British India": "India británica",
        "Czechoslovakia": "Checoslovaquia",
        "Empire of Brazil": "Imperio del Brasil",
        "Empire of Japan": "Imperio del Japón",
        "Federal Republic of Germany (West Germany)": "República Federal de Alemania "
        "(Alemania Occidental)",
        "Free City of Hamburg": "Ciudad Libre de Hamburgo",
        "German Empire": "Imperio alemán",
        "Kingdom of Italy": "Reino de Italia",
        "North German Confederation": "Confederación de Alemania del Norte",
        "Qing China": "China de los Qing",
        "Republic of China": "República de China",
        "Republic of Colombia (Gran Colombia)": "República de Colombia (Gran Colombia)",
        "Russia": "Rusia",
        "Russian Empire": "Imperio ruso",
        "Soviet Union": "Unión Soviética",
        "United Arab Republic": "República Árabe Unida",
        "United Kingdom of the Netherlands": "Reino Unido de los Países Bajos",
        "Vichy France": "Francia de Vichy",
        "Yugoslavia": "Yugoslavia",
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

# Fixed labels and sentence templates of the card, the timeline and the lists.
LABELS = {
    "Relations": "Relaciones",
    "History": "Historia",
    "Missions": "Misiones",
    "Memberships shared with Peru": "Organismos que comparte con el Perú",
    "Events": "Eventos",
    "Latest events": "Últimos eventos",
    "Sources": "Fuentes",
    "Date": "Fecha",
    "Milestone": "Hito",
    "Note": "Nota",
    "Who": "Quién",
    "Kind": "Tipo",
    "Where": "Dónde",
    "Event": "Evento",
    "With": "Con",
    "Year": "Año",
    "Code": "Código",
    "Name": "Name",
    "Nombre": "Nombre",
    "Subregion": "Subregión",
    "Status": "Estado",
    "Since": "Desde",
    "Peru": "Perú",
    "no missions recorded": "no hay misiones registradas",
    "no events recorded": "no hay eventos registrados",
    "no events match": "ningún evento coincide",
    "no votes recorded on this roll call": "no hay votos registrados en esta votación",
    "nothing matches": "nada coincide",
    "and {n} more": "y {n} más",
    "{heading} ({shown} of {total})": "{heading} ({shown} de {total})",
    "Relations: {status}": "Relaciones: {status}",
    "Relations: unknown (no source in this dataset says)": "Relaciones: desconocido (ninguna "
    "fuente de estos datos lo dice)",
    "Relations: {status} since {date}": "Relaciones: {status} desde {date}",
    " (as of {date})": " (al {date})",
    " (as of {date}, per the encyclopedia)": " (al {date}, según la enciclopedia)",
    "{where} (as of {date}, per the encyclopedia)": "{where} (al {date}, según la enciclopedia)",
    " (sources differ: {dates})": " (las fuentes difieren: {dates})",
    "(undated)": "(sin fecha)",
    "; last re-established at a date no source gives": "; restablecidas por última vez en una "
    "fecha que ninguna fuente da",
    "; {kind} {date}, restored at a date no source gives": "; {kind} {date}, restablecidas "
    "en una fecha que ninguna fuente da",
    "Established {date}": "Establecidas {date}",
    " with {partner}": " con {partner}",
    "; last re-established {date}": "; restablecidas por última vez {date}",
    "Established: no source gives the date; earliest dated tie: {kind}, {date}": "Establecidas: "
    "ninguna fuente da la fecha; primer vínculo fechado: {kind}, {date}",
    " (with {partner})": " (con {partner})",
    "History: {steps}": "Historia: {steps}",
    "with {partner}": "con {partner}",
    "{where} (closed {date})": "{where} (cerrada {date})",
    "{where} (closed)": "{where} (cerrada)",
    "{where} (state unknown)": "{where} (estado desconocido)",
    "{where} (as of {date})": "{where} (al {date})",
    "Memberships shared with Peru: {names}": "Organismos que comparte con el Perú: {names}",
    "{name} (Peru until {date})": "{name} (el Perú hasta {date})",
    "{n} more events": "{n} eventos más",
    "{n} more missions": "{n} misiones más",
    "notes and {n} sources": "notas y {n} fuentes",
    "The full card adds {more}: perurel country {code} --full": "La ficha completa añade "
    "{more}: perurel country {code} --full",
    "UN votes: agreed with Peru on {share} of the {votes} General Assembly roll calls both "
    "voted on, {since}–{until}": "Votos en la ONU: coincidió con el Perú en el {share} de las "
    "{votes} votaciones nominales de la Asamblea General en que ambos votaron, {since}–{until}",
    "Representation, {first}–{last}": "Representación, {first}–{last}",
    "Correlates of War snapshots (about every five years, ending in {last}): the level at which "
    "{name} was represented in Lima and Peru in {name}, each time it changed.": "Registros de "
    "Correlates of War (más o menos cada cinco años, hasta {last}): el nivel de representación "
    "de {name} en Lima y del Perú en {name}, cada vez que cambió.",
    "{name} in Peru": "{name} en el Perú",
    "Peru in {name}": "el Perú en {name}",
    "{mark} rests only on encyclopedia sources (or mirrors of them)": "{mark} se apoya solo en "
    "fuentes enciclopédicas (o copias de ellas)",
    " · found in: {title}": " · hallada en: {title}",
    "Mission": "Misión",
    "State": "Estado",
    "open, as of {date}": "abierta, al {date}",
    "closed {date}": "cerrada {date}",
    "Match": "Coincidencia",
    "Score": "Puntaje",
    "Id": "Id",
    "Title": "Título",
    "Author": "Autor",
    "Publisher": "Editor",
    "Tier": "Nivel",
    "Cited": "Citas",
    "Field": "Campo",
    "Value": "Valor",
    "Ref": "Ref.",
    "Fact": "Dato",
    "perurel dataset, schema version {version}, revised {date}": "datos de perurel, esquema "
    "versión {version}, revisados {date}",
    ", facts recorded to {date}": ", hechos registrados hasta {date}",
    "Coverage": "Cobertura",
    "Count": "Cantidad",
    "States by relations status": "Estados según el estado de las relaciones",
    "States by region": "Estados por región",
    "Region": "Región",
    "States": "Estados",
    "Dated": "Con fecha",
    "With missions": "Con misiones",
    "States by milestone kind (at least one dated milestone of the kind)": "Estados por tipo de "
    "hito (al menos un hito fechado de ese tipo)",
    "Facts by their best source tier": "Datos según el mejor nivel de sus fuentes",
    "Events per decade": "Eventos por década",
    "Organisation": "Organismo",
    "Joined": "Ingreso",
    "Left": "Salida",
    "Role": "Condición",
    "Terms and suspensions": "Mandatos y suspensiones",
    "Peru joined {date}": "El Perú ingresó {date}",
    "Until": "Hasta",
    "Elected non-permanent member: {n} terms": "Miembro no permanente electo: {n} mandatos",
    "Founding member, Peru joined {date}": "Miembro fundador; el Perú ingresó {date}",
    "Founding member": "Miembro fundador",
    "Member (no source gives the date)": "Miembro (ninguna fuente da la fecha)",
    "Associate, not a member": "Asociado, no miembro",
    "Observer, not a member": "Observador, no miembro",
    "Candidate for membership, not a member": "Candidato a miembro, aún no miembro",
    "Took part in the negotiations": "Participó en las negociaciones",
    ", since {date}": ", desde {date}",
    ", until {date}": ", hasta {date}",
    ", left {date}": ", salió {date}",
    "Members besides Peru ({n}, as of {date})": "Miembros además del Perú ({n}, al {date})",
    "Members besides Peru ({n})": "Miembros además del Perú ({n})",
    "Peru and {name} at the UN General Assembly, {span}": "El Perú y {name} en la Asamblea "
    "General de la ONU, {span}",
    "No roll call on which both Peru and {name} voted, {span}.": "No hay votación nominal en que "
    "votaran tanto el Perú como {name}, {span}.",
    "Overall agreement: ": "Coincidencia total: ",
    "Overall weighted agreement: ": "Coincidencia ponderada total: ",
    " of {n} roll calls both voted on": " de {n} votaciones en que ambos votaron",
    "On important votes: {share} of {n}": "En votaciones importantes: {share} de {n}",
    "Over time": "En el tiempo",
    "By issue": "Por tema",
    "By decade": "Por década",
    "By year": "Por año",
    "no state has enough roll calls in common with Peru": "ningún Estado tiene suficientes "
    "votaciones en común con el Perú",
    "In all": "En total",
    "too few to chart": "muy pocas para graficar",
    "Source: UN General Assembly Voting Data (Voeten, Strezhnev, Bailey), to January 2020": "Fuente:"
    " UN General Assembly Voting Data (Voeten, Strezhnev, Bailey), hasta enero de 2020",
    "Rank": "Puesto",
    "* a predecessor or a state whose votes are split by date: perurel votes NAME says how": "* "
    "un Estado predecesor, o uno cuyos votos se separan por fecha: perurel votes NOMBRE lo explica",
    "all roll calls": "todas las votaciones",
    "The voting data ends in January 2020.": "Los datos de votación terminan en enero de 2020.",
    "Agreement = the share of roll calls on which both states cast a vote (yes, no or abstain) and "
    "cast the same one; weighted, a yes or no against an abstention counts as half.": "Coincidencia"
    " = la proporción de votaciones nominales en que ambos Estados votaron (sí, no o abstención) y "
    "votaron igual; ponderada, un sí o un no frente a una abstención cuenta como media.",
    "January 2020": "enero de 2020",
    " vote": " voto",
    " votes": " votos",
    "Agreement": "Coincidencia",
    "Votes": "Votos",
    "Closest to Peru": "Más cercanos al Perú",
    "Farthest from Peru": "Más lejanos del Perú",
    "Peru: ": "Perú: ",
    "Peru cast no vote in this window": "El Perú no votó en este periodo",
    "Yes": "Sí",
    "No": "No",
    "Abstain": "Abstención",
    "Peru's votes at the UN General Assembly": "Los votos del Perú en la Asamblea General de la ONU",
    "{share}% of {n} votes": "{share} % de {n} votos",
    "Status as of": "Situación al",
    "Established": "Establecidas",
    "First tie": "Primer vínculo",
    "Peru's missions there": "Misiones del Perú allí",
    "Its missions in Peru": "Sus misiones en el Perú",
    "Events involving both": "Eventos de ambos",
    "UN agreement with Peru": "Coincidencia con el Perú en la ONU",
    "UN agreement with each other": "Coincidencia entre ambos en la ONU",
    "Round anniversaries in {when}: {n}": "Aniversarios redondos en {when}: {n}",
    "Anniversaries, {when}: {n}": "Aniversarios, {when}: {n}",
    "Years": "Años",
    "What": "Qué",
    "* a round anniversary": "* un aniversario redondo",
}


def t(text: str, **values: Any) -> str:
    """A fixed label or template in the current language, filled with `values`."""
    if CURRENT["lang"] == "es":
        text = LABELS.get(text, text)
    return text.format(**values) if values else text


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


def in_language(english: str | None, spanish: str | None) -> str:
    """The text in the current language (the English where a Spanish text is missing)."""
    if CURRENT["lang"] == "es" and spanish:
        return spanish
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


# Notes and errors on stderr: the messages perurel writes, as patterns, in Spanish.
_MESSAGES: tuple[tuple[str, str], ...] = (
        (r"^no country matches (.*?); did you mean (.*)\?$", r"ningún país coincide con \1; ¿quiso decir \2?"),
        (r"^no country matches (.*?): type a name, a code or a demonym$", r"ningún país coincide con \1: escriba un nombre, un código o un gentilicio"),
        (r"^no country matches (.*)$", r"ningún país coincide con \1"),
        (r"^no country has the name, code or alias (.*)$", r"ningún país tiene el nombre, código o alias \1"),
        (r"^(.*) is not the name of a country$", r"\1 no es el nombre de un país"),
        (r"^(.*) is too general: it fits (\d+) countries$", r"\1 es demasiado general: corresponde a \2 países"),
        (r"^(.*) → (.*), closest match (.*)$", r"\1 → \2, la coincidencia más cercana: \3"),
        (r"^(.*) → (.*), alias (.*)$", r"\1 → \2, alias \3"),
        (r"^(.*) → (.*), the country the words name \((.*)\)$", r"\1 → \2, el país que nombran las palabras (\3)"),
        (r"^invalid value for (\S+): (.*) is not a valid date: (.*)$", r"valor no válido para \1: \2 no es una fecha válida: \3"),
        (r"^invalid value for (\S+): (.*)$", r"valor no válido para \1: \2"),
        (r"^(--since .*) is after (--until .*)$", r"\1 es posterior a \2"),
        (r"^unknown event kind (.*?); choose from (.*)$", r"tipo de evento desconocido \1; elija entre \2"),
        (r"^unknown region (.*?); choose from (.*)$", r"región desconocida \1; elija entre \2"),
        (r"^nothing to search for in (.*)$", r"no hay nada que buscar en \1"),
        (r"^showing (\d+) of (\d+) hits; --limit shows more$", r"se muestran \1 de \2 resultados; --limit muestra más"),
        (r"^(.*) fits several countries: (.*); be more specific$", r"\1 corresponde a varios países: \2; precise más"),
        (r"^(.*) no longer exists: (.*); ask for one of them$", r"\1 ya no existe: \2; pregunte por uno de ellos"),
        (r"^votes answers one question: name a COUNTRY, or give --rank, --resolution \(or --rcid\) or --peru(; got (.*) and (.*))?$", r"votes responde a una sola pregunta: nombre un país (COUNTRY), o use --rank, --resolution (o --rcid) o --peru"),
        (r"^no roll call on resolution (.*?); .*$", r"ninguna votación nominal sobre la resolución \1; los símbolos son como R/74/7 o A/RES/74/7"),
        (r"^Peru and (.*) voted on no roll call in common(.*)$", r"el Perú y \1 no votaron en ninguna votación nominal común en ese periodo"),
        (r"^no roll call with rcid (.*)$", r"ninguna votación nominal con rcid \1"),
        (r"^resolution (.*) had (\d+) roll calls \((.*)\); choose one with --rcid$", r"la resolución \1 tuvo \2 votaciones nominales (\3); elija una con --rcid"),
        (r"^no UN General Assembly votes are recorded for (.*?) \(.*\)$", r"no hay votos registrados en la Asamblea General de la ONU para \1 (no es miembro, o es un observador que no vota)"),
        (r"^Peru agrees with itself; .*$", r"el Perú coincide consigo mismo; nombre otro Estado, o use --peru"),
        (r"^--top must be at least 1, not (.*)$", r"--top debe ser al menos 1, no \1"),
        (r"^no source with id (.*?); did you mean (.*)\?$", r"no hay ninguna fuente con el id \1; ¿quiso decir \2?"),
        (r"^no source with id (.*)$", r"no hay ninguna fuente con el id \1"),
)  # fmt: skip


def message(text: str) -> str:
    """A note or an error for stderr in the current language (unknown messages stay as they are)."""
    if CURRENT["lang"] != "es":
        return text
    for pattern, replacement in _MESSAGES:  # compiled only in Spanish (re caches them)
        if re.match(pattern, text):
            return re.sub(pattern, replacement, text)
    return text
