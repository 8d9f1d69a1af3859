"""Words about how the data was made, which no reader-facing text may hold.

Shared by the data tests: readers see facts and their sources, never the files, scripts or
steps the record was built from. A pattern is a whole word or phrase, matched case-blind.
"""

import re

MAKING_OF = re.compile(
    r"\b("
    r"seeds?|reference csv|shared reference|reference notes?|compiled csv|csv|wikitext"
    r"|helpers?|the article's table|the table's row|undated_states"
    # the record's own migration, not people's ("a binational committee on migration")
    r"|(?:data|schema|dataset|record) migration|migrated (?:from|to) (?:schema|version|v\d)"
    r"|migrate_v\d|given before as|que antes figuraba|consignad[oa] antes"
    r"|referencia compartida|art[ií]culo de partida|CSV de referencia"
    r"|[\w-]+\.(?:csv|json|txt|py)"
    r")\b",
    re.IGNORECASE,
)

# Keys whose values are identifiers or addresses, not prose for readers.
NOT_PROSE = frozenset({"id", "url", "via", "sources", "event", "found_in", "code", "iso3"})
