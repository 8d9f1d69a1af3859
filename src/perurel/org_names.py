"""What a person types for an organisation → the organisation they mean (`perurel orgs OEA`):
the acronyms and short names people use, in English and Spanish, and the matching."""

from __future__ import annotations

from .errors import quoted
from .i18n import ACRONYMS_ES, in_language, t
from .tuples import TYPE_CHECKING

if TYPE_CHECKING:
    from .model import Organisation, Records


# Acronyms and short names people use for the organisations, in English and Spanish: a table for
# matching what someone types (`perurel orgs OEA`), keyed by organisation id. The Spanish acronym
# the library prints (`i18n.ACRONYMS_ES`, its one place) joins each organisation's names below.
_ALIASES = {
    "league-of-nations": ("League", "Liga de las Naciones", "SDN"),
    "un": ("UN", "Naciones Unidas", "UNO"),
    "oas": ("OAS",),
    "gatt": ("GATT",),
    "unsc": ("UNSC", "Security Council", "Consejo de Seguridad"),
    "idb": ("IDB", "IADB"),
    "lafta": ("LAFTA",),
    "can": ("CAN", "Andean Pact", "Pacto Andino", "Comunidad Andina", "Andean Community"),
    "nam": ("NAM", "No Alineados", "Non-Aligned"),
    "amazon-cooperation-treaty": ("ACTO", "Amazon Cooperation Treaty"),
    "aladi": ("ALADI", "LAIA"),
    "antarctic-treaty": ("ATS",),
    "rio-group": ("Grupo de Rio",),
    "wto": ("WTO",),
    "apec": ("APEC",),
    "mercosur": ("Mercosul",),
    "pacific-alliance": ("Alianza del Pacifico",),
    "celac": ("CELAC",),
    "lima-group": ("Grupo de Lima",),
    "prosur": ("PROSUR",),
    "cptpp": ("CPTPP", "TPP-11", "TPP11", "TIPAT", "CPTPP-11"),
    "ftaa": ("FTAA",),
    "oecd": ("OECD",),
    "unasur": ("UNASUR", "USAN"),
}
ORG_ALIASES = {
    key: (*names, ACRONYMS_ES[key]) if key in ACRONYMS_ES else names
    for key, names in _ALIASES.items()
}


def organisation(ds: Records, query: str) -> Organisation:
    """The organisation `query` names (id, name in English or Spanish, acronym; case and accents
    ignored); raises NotFound or Ambiguous."""
    from .errors import Ambiguous, NotFound
    from .text import normalize

    key = normalize(query)
    if not key:
        raise NotFound(t("type an organisation's name or acronym, e.g. APEC, OEA, Mercosur"))
    names = {
        o.id: {
            normalize(n)
            for n in (o.id.replace("-", " "), o.name, o.name_es, *ORG_ALIASES.get(o.id, ()))
        }
        for o in ds.organisations
    }
    exact = [o for o in ds.organisations if key in names[o.id]]
    if not exact:
        exact = [
            o
            for o in ds.organisations
            if any(n.startswith(key + " ") or f" {key} " in f" {n} " for n in names[o.id])
        ]
    if len(exact) == 1:
        return exact[0]
    if len(exact) > 1:
        raise Ambiguous(
            t(
                "{query} fits several organisations: {names}; be more specific",
                query=quoted(query),
                names=", ".join(in_language(o.name, o.name_es) for o in exact),
            ),
            tuple(o.id for o in exact),
        )
    from .i18n import collation_key, spanish

    short = [
        (spanish() and ACRONYMS_ES.get(o.id))
        or next((a for a in ORG_ALIASES.get(o.id, ()) if a.isupper()), None)
        or in_language(o.name, o.name_es)
        for o in ds.organisations
    ]
    known = ", ".join(sorted(short, key=collation_key))
    raise NotFound(t("no organisation matches {query}; try one of {known}", query=quoted(query),
                     known=known))  # fmt: skip
