"""Spanish names of the cities where missions are: the exonym where Spanish uses one (London is
Londres, The Hague is La Haya), each with the work that records it. Cities whose name Spanish
keeps as it is (Lima, Ottawa, Canberra, Nairobi ...) are not listed. CLDR has no city names, so
this is a table of our own, with a source per entry; the data keeps the English names."""

from __future__ import annotations

# The works that record each form.
OLE = (
    "Real Academia Española y ASALE, Ortografía de la lengua española (2010), apéndice 5: "
    "países y capitales, con sus gentilicios"
)
OLE_TRANSCRIPTION = (
    "Real Academia Española y ASALE, Ortografía de la lengua española (2010), cap. VI: "
    "transcripciones, acentuación de las adaptaciones (Dubái, Taipéi)"
)
DPD = "Real Academia Española y ASALE, Diccionario panhispánico de dudas, https://www.rae.es/dpd/"
FUNDEU = "Fundéu, Manual de español urgente: lista de topónimos y gentilicios (2008)"
WIKIPEDIA = "Wikipedia en español, título del artículo, https://es.wikipedia.org/wiki/"

# English name in the data -> (Spanish name, where the Spanish form is recorded).
CITIES_ES: dict[str, tuple[str, str]] = {
    # Capitals: the Ortografía's list of countries and capitals.
    "Abu Dhabi": ("Abu Dabi", FUNDEU),
    "Accra": ("Acra", OLE),
    "Algiers": ("Argel", OLE),
    "Andorra la Vella": ("Andorra la Vieja", OLE),
    "Athens": ("Atenas", OLE),
    "Baku": ("Bakú", OLE),
    "Beijing": ("Pekín", OLE),
    "Belgrade": ("Belgrado", OLE),
    "Berlin": ("Berlín", OLE),
    "Brasília": ("Brasilia", OLE),
    "Brussels": ("Bruselas", OLE),
    "Bucharest": ("Bucarest", OLE),
    "Cairo": ("El Cairo", OLE),
    "Copenhagen": ("Copenhague", DPD + "Copenhague"),
    "Dublin": ("Dublín", OLE),
    "Hanoi": ("Hanói", OLE),
    "Havana": ("La Habana", OLE),
    "Jakarta": ("Yakarta", OLE),
    "Kuwait City": ("Kuwait", OLE),
    "London": ("Londres", OLE),
    "Mexico City": ("Ciudad de México", WIKIPEDIA + "Ciudad_de_México"),
    "Moscow": ("Moscú", OLE),
    "New Delhi": ("Nueva Delhi", OLE),
    "Panama City": ("Panamá", OLE),
    "Paris": ("París", OLE),
    "Port-au-Prince": ("Puerto Príncipe", DPD + "Puerto%20Príncipe"),
    "Prague": ("Praga", OLE),
    "Riyadh": ("Riad", OLE),
    "Rome": ("Roma", OLE),
    "Seoul": ("Seúl", OLE),
    "Singapore": ("Singapur", OLE),
    "Stockholm": ("Estocolmo", OLE),
    "Taipei": ("Taipéi", OLE_TRANSCRIPTION),
    "Tbilisi": ("Tiflis", OLE),
    "The Hague": ("La Haya", OLE),
    "Tokyo": ("Tokio", OLE),
    "Vienna": ("Viena", OLE),
    "Warsaw": ("Varsovia", OLE),
    "Washington, D.C.": ("Washington D. C.", OLE),
    # Other cities.
    "Cologne": ("Colonia", WIKIPEDIA + "Colonia_(Alemania)"),
    "Dubai": ("Dubái", OLE_TRANSCRIPTION),
    "Frankfurt": ("Fráncfort", DPD + "Fráncfort"),
    "Geneva": ("Ginebra", WIKIPEDIA + "Ginebra"),
    "Hamburg": ("Hamburgo", WIKIPEDIA + "Hamburgo"),
    "Kraków": ("Cracovia", WIKIPEDIA + "Cracovia"),
    "Milan": ("Milán", WIKIPEDIA + "Milán"),
    "Munich": ("Múnich", DPD + "Múnich"),
    "New York": ("Nueva York", WIKIPEDIA + "Nueva_York"),
    "New York City": ("Nueva York", WIKIPEDIA + "Nueva_York"),
    "Rio Branco": ("Río Branco", WIKIPEDIA + "Río_Branco"),
    "Rio de Janeiro": ("Río de Janeiro", WIKIPEDIA + "Río_de_Janeiro"),
    "Saint Petersburg": ("San Petersburgo", DPD + "San%20Petersburgo"),
    "Sydney": ("Sídney", WIKIPEDIA + "Sídney"),
    "Zurich": ("Zúrich", DPD + "Zúrich"),
}


def city_es(name: str) -> str:
    """A city's Spanish name: its exonym, or the name as it is."""
    found = CITIES_ES.get(name)
    return found[0] if found else name
