"""Names of states that no longer exist, or that changed their name, and what became of them: so
that 'Czechoslovakia' lists its successors and 'Prussia' never lands on Russia by spelling alone.
Each one that voted at the UN General Assembly as a state of its own carries its id in the voting
data, so that 'USSR' also means the Soviet Union's votes (`votes.FORMER_NAMES` is built from this
table, the only place these names are written). Also the words that only look like a country name
and must match nothing."""

from __future__ import annotations

from .i18n import N_
from .tuples import NamedTuple


class Former(NamedTuple):
    """A former state or name: its successors (ISO codes), and whether the first continues it."""

    successors: tuple[str, ...]
    continued: bool  # True: the first successor continues the state (or it was only renamed)
    what: str  # what happened, in a few words, for the note (translated where shown)
    voter: str = ""  # its id in the UN voting data, if it voted there as a state of its own


_TANZANIA = N_("Tanganyika and Zanzibar united as Tanzania in 1964")
_YEMEN = N_("North Yemen and South Yemen united as the Republic of Yemen in 1990")


_FORMERS: tuple[tuple[tuple[str, ...], Former], ...] = (
    (
        (
            "soviet union",
            "ussr",
            "urss",
            "union sovietica",
            "union de republicas socialistas sovieticas",
        ),
        Former(("RU",), True, N_("the Soviet Union dissolved in 1991; Russia continues it"), "SUN"),
    ),
    (
        ("russian empire", "imperio ruso", "tsarist russia", "rusia zarista"),
        Former(("RU",), True, N_("the Russian Empire ended in 1917; Russia is its successor")),
    ),
    (
        ("prussia", "prusia", "kingdom of prussia", "reino de prusia"),
        Former(
            ("DE",),
            True,
            N_("Prussia became part of the German Empire in 1871; Germany is its successor"),
        ),
    ),
    (
        (
            "german empire",
            "imperio aleman",
            "north german confederation",
            "confederacion alemana del norte",
        ),
        Former(("DE",), True, N_("Germany is the successor of the German Empire")),
    ),
    (
        (
            "west germany",
            "alemania occidental",
            "federal republic of germany",
            "republica federal de alemania",
            "frg",
            "brd",
            "rfa",
        ),
        Former(
            ("DE",),
            True,
            N_("Germany (the Federal Republic) continues West Germany, reunified in 1990"),
            "FRG",
        ),
    ),
    (
        (
            "east germany",
            "alemania oriental",
            "alemania del este",
            "german democratic republic",
            "gdr",
            "ddr",
            "rda",
            "republica democratica alemana",
        ),
        Former(
            ("DE",),
            True,
            N_("East Germany acceded to the Federal Republic of Germany in 1990"),
            "DDR",
        ),
    ),
    (
        ("czechoslovakia", "checoslovaquia", "czecho slovakia"),
        Former(("CZ", "SK"), False, N_("Czechoslovakia split on 1 January 1993"), "CSK"),
    ),
    (
        (
            "yugoslavia",
            "yugoslavia socialista",
            "sfr yugoslavia",
            "yugoslavia sfr",
            "socialist federal republic of yugoslavia",
            "yugoslavia rfs",
            "jugoslavia",
            "yugoeslavia",
        ),
        Former(
            ("SI", "HR", "BA", "MK", "RS", "ME"), False, N_("Yugoslavia broke up from 1991"), "YUG"
        ),
    ),
    (  # the kingdom, before the Yugoslavia that voted at the UN
        ("kingdom of yugoslavia", "reino de yugoslavia"),
        Former(("SI", "HR", "BA", "MK", "RS", "ME"), False, N_("Yugoslavia broke up from 1991")),
    ),
    (
        (
            "serbia and montenegro",
            "serbia y montenegro",
            "federal republic of yugoslavia",
            "fr yugoslavia",
        ),
        Former(
            ("RS", "ME"),
            True,
            N_("Montenegro left the union in 2006; Serbia continues it"),
            "SCG",
        ),
    ),
    (
        ("gran colombia", "great colombia", "greater colombia", "republica de colombia 1819"),
        Former(("CO", "VE", "EC"), False, N_("Gran Colombia dissolved in 1830-1831")),
    ),
    (
        ("ottoman empire", "imperio otomano", "turkish empire"),
        Former(("TR",), True, N_("the Ottoman Empire ended in 1922; Türkiye is its successor")),
    ),
    (
        (
            "austria hungary",
            "austria-hungria",
            "austria hungria",
            "austro hungarian empire",
            "imperio austrohungaro",
            "austrian empire",
            "imperio austriaco",
        ),
        Former(("AT", "HU"), False, N_("Austria-Hungary broke up in 1918")),
    ),
    (
        ("zaire",),
        Former(("CD",), True, N_("Zaire was renamed the Democratic Republic of the Congo in 1997")),
    ),
    (("burma", "birmania"), Former(("MM",), True, N_("Burma is now officially Myanmar"))),
    (("siam",), Former(("TH",), True, N_("Siam was renamed Thailand in 1939"))),
    (
        ("persia",),
        Former(("IR",), True, N_("Persia has been called Iran internationally since 1935")),
    ),
    (("ceylon", "ceilan"), Former(("LK",), True, N_("Ceylon was renamed Sri Lanka in 1972"))),
    (
        ("swaziland", "suazilandia"),
        Former(("SZ",), True, N_("Swaziland was renamed Eswatini in 2018")),
    ),
    (("dahomey",), Former(("BJ",), True, N_("Dahomey was renamed Benin in 1975"))),
    (
        ("upper volta", "alto volta"),
        Former(("BF",), True, N_("Upper Volta was renamed Burkina Faso in 1984")),
    ),
    (("kampuchea",), Former(("KH",), True, N_("Kampuchea is now Cambodia"))),
    (("abyssinia", "abisinia"), Former(("ET",), True, N_("Abyssinia is Ethiopia"))),
    (
        ("gold coast", "costa de oro"),
        Former(("GH",), True, N_("the Gold Coast became independent as Ghana in 1957")),
    ),
    (
        ("bechuanaland",),
        Former(("BW",), True, N_("Bechuanaland became independent as Botswana in 1966")),
    ),
    (
        ("basutoland",),
        Former(("LS",), True, N_("Basutoland became independent as Lesotho in 1966")),
    ),
    (("nyasaland",), Former(("MW",), True, N_("Nyasaland became independent as Malawi in 1964"))),
    (
        ("rhodesia", "southern rhodesia", "rodesia"),
        Former(("ZW",), True, N_("Southern Rhodesia became Zimbabwe in 1980")),
    ),
    (("tanganyika", "tanganica"), Former(("TZ",), True, _TANZANIA)),
    (("zanzibar",), Former(("TZ",), True, _TANZANIA, "ZAN")),
    (
        ("north yemen", "yemen arab republic", "yemen del norte"),
        Former(("YE",), True, _YEMEN, "YAR"),
    ),
    (
        (
            "south yemen",
            "yemen del sur",
            "peoples democratic republic of yemen",
            "yemen peoples republic",
        ),
        Former(("YE",), True, _YEMEN, "YMD"),
    ),
    (
        ("east pakistan", "pakistan oriental"),
        Former(("BD",), True, N_("East Pakistan became independent as Bangladesh in 1971")),
    ),
    (
        ("qing china", "china qing", "chinese empire", "imperio chino"),
        Former(("CN", "TW"), False, N_("the Qing Empire ended in 1912")),
    ),
    (("formosa",), Former(("TW",), True, N_("Formosa is Taiwan"))),
    (("holland",), Former(("NL",), True, N_("Holland is a region of the Netherlands"))),
)

FORMERS: dict[str, Former] = {name: former for names, former in _FORMERS for name in names}
# The former states that voted at the UN General Assembly: id in the voting data -> their names.
VOTERS: dict[str, tuple[str, ...]] = {}
for _names, _former in _FORMERS:
    if _former.voter:
        VOTERS[_former.voter] = (*VOTERS.get(_former.voter, ()), *_names)
del _names, _former

# Words that look like a country name, or slurs, that must never resolve to a state.
NOT_COUNTRIES = frozenset(
    (
        "gringo",
        "gringos",
        "gringa",
        "gringas",
        "yanqui",
        "yanquis",
        "yankee",
        "yankees",
        "sudaca",
        "sudacas",
    )
)
