"""Machine output: JSON documents built from records. Never imports rich."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from .errors import visible
from .i18n import t
from .tuples import TYPE_CHECKING

if TYPE_CHECKING:
    from typing import Any

    Record = dict[str, Any]

    from .model import Country, Event, Mission, Records


def dumps(value: Any) -> str:
    """JSON as perurel prints it: UTF-8 text, a final newline. An object is indented; an array
    of records has one compact record per line, which reads well, diffs well, and uses the C
    encoder (an indented dump of 20,000 events takes half a second)."""
    import json  # here: people's output never needs it (json compiles regexes on import)

    if isinstance(value, list):
        if not value:
            return "[]\n"
        body = ",\n".join(json.dumps(item, ensure_ascii=False) for item in value)
        return json_safe(f"[\n{body}\n]\n")
    return json_safe(json.dumps(value, ensure_ascii=False, indent=2) + "\n")


# Characters JSON may carry raw but a terminal would act on (C1 controls, bidirectional
# overrides), that end a line in some readers (U+2028, U+2029), or that no encoding can write
# (lone surrogates); json.dumps escapes only C0.
_JSON_UNSAFE = "[\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]"


def json_safe(text: str) -> str:
    """JSON text with the characters above written as `\\uXXXX` escapes: the same JSON value,
    inert on a terminal. (They can only stand inside strings, where the escape is valid.)"""
    if text.replace("\n", "").isprintable():  # none of them is printable: the usual case
        return text
    import re

    if re.search(_JSON_UNSAFE, text) is None:
        return text
    return re.sub(_JSON_UNSAFE, lambda m: f"\\u{ord(m[0]):04x}", text)


def country_row(ds: Records, country: Country) -> dict[str, Any]:
    """One line of `perurel countries`: `country --json` without the long lists (the relations
    block without its history), with counts of the missions and events left out."""
    return {
        "code": country.code,
        "iso3": country.iso3,
        "name": country.name,
        "name_es": country.name_es,
        "region": country.region,
        "subregion": country.subregion,
        "relations": relations_summary(country),
        "mission_count": len(country.missions),
        "event_count": len(ds.events_of(country.code)),
    }


def mission_row(ds: Records, country: Country, mission: Mission) -> dict[str, Any]:
    """One line of `perurel missions`: the mission, named both ways, with its partner country."""
    from .dates import precision

    def name(code: str) -> str:
        found = ds.countries.get(code)
        return "Peru" if code == "PE" else (found.name if found else code)

    return {
        "country": country.code,
        "owner": mission.owner,
        "owner_name": name(mission.owner),
        "host": mission.host,
        "host_name": name(mission.host),
        "kind": mission.kind,
        "city": mission.city,
        "accredited_from": mission.via,
        "state": mission.state,
        "closed": mission.closed,
        "closed_precision": precision(mission.closed),
        "as_of": mission.as_of,
        "as_of_precision": precision(mission.as_of),
        "region": country.region,
        "subregion": country.subregion,
        "note": mission.note,
        "sources": list(mission.sources),
    }


def relations_summary(country: Country) -> dict[str, Any]:
    """The relations block of `country --json` without the history and its sources."""
    rel = relations_record(country.relations.to_dict())
    keep = ("status", "as_of", "as_of_precision", "established", "established_precision", "first")
    return {k: rel[k] for k in keep}


# Every partial date printed for machines has its precision beside it: `<field>_precision` (year,
# month or day; null with no date) right after the field, `date_precision` for a `date`. The
# records' `to_dict` stay the dataset's shape; these add the precisions.


def with_precision(record: dict[str, Any], *fields: str) -> dict[str, Any]:
    """A record with `<field>_precision` (year, month or day) right after each of its partial
    dates `fields` (default: `date`) that the record has."""
    from .dates import precision

    dated = fields or ("date",)
    out: dict[str, Any] = {}
    for key, value in record.items():
        out[key] = value
        if key in dated:
            out[f"{key}_precision"] = precision(value)
    return out


def milestone_record(milestone: dict[str, Any]) -> dict[str, Any]:
    """A milestone of a relationship's history, and the other dates sources give for it."""
    out = with_precision(milestone)
    out["alternatives"] = [with_precision(a) for a in out["alternatives"]]
    return out


def relations_record(relations: dict[str, Any]) -> dict[str, Any]:
    """A relations block (`Relations.to_dict`) with the precision of every date in it."""
    out = with_precision(relations, "as_of", "established")
    out["first"] = with_precision(out["first"])
    out["history"] = [milestone_record(m) for m in out["history"]]
    return out


def mission_record(mission: dict[str, Any]) -> dict[str, Any]:
    """A mission as `country --json` prints it (`Mission.to_dict`), its dates' precisions beside."""
    return with_precision(mission, "closed", "as_of")


def source_record(source: dict[str, Any]) -> dict[str, Any]:
    """A source (`Source.to_dict`) with the precision of its publication date."""
    return with_precision(source)


def org_record(org: dict[str, Any]) -> dict[str, Any]:
    """An organisation (`Organisation.to_dict`) with the precision of every date in it."""
    out = with_precision(org, "joined", "left", "since", "until")
    out["periods"] = [with_precision(p, "start", "end") for p in out["periods"]]
    if out["members"] is not None:
        out["members"] = with_precision(out["members"], "as_of")
    return out


def event_records(events: Sequence[Event]) -> list[dict[str, Any]]:
    """Events as the JSON array `timeline --json` prints: as stored, with `date_precision`."""
    return [with_precision(e.to_dict()) for e in events]


FORMATS = ("table", "json", "jsonl", "csv", "tsv", "markdown")


def pick(record: Record, field: str) -> Any:
    """A field of a record; a dotted name reaches into objects ('relations.status'). Reaching
    into a list, or for a key its object does not have, is a usage error."""
    from .errors import UsageError, quoted

    value: Any = record
    parts = field.split(".")
    for depth, part in enumerate(parts):
        if value is None:
            return None
        where = ".".join(parts[:depth])
        if isinstance(value, list):
            raise UsageError(
                t(
                    "--fields {field}: {where} is a list; name {where} to get it whole (as JSON "
                    "in a table or CSV cell), or use --json and pick inside it",
                    field=quoted(field),
                    where=where,
                )
            )
        if not isinstance(value, dict):
            raise UsageError(
                t("--fields {field}: {where} has no fields inside it", field=quoted(field),
                  where=where)
            )  # fmt: skip
        if part not in value:
            if depth == 0:
                return None
            raise UsageError(
                t(
                    "--fields {field}: {where} has no field {part}; it has {fields}",
                    field=quoted(field),
                    where=where,
                    part=quoted(part),
                    fields=", ".join(value),
                )
            )
        value = value[part]
    return value


def check_fields(fields: list[str], available: list[str]) -> None:
    """Usage error for a field that no record has (a dotted name must start with a real one)."""
    from .errors import UsageError, quoted

    for field in fields:
        if not field or field.split(".")[0] not in available:
            raise UsageError(
                t(
                    "unknown field {field} for --fields; choose from {fields}",
                    field=quoted(field),
                    fields=", ".join(available),
                )
            )


def parse_fields(text: str) -> list[str]:
    """'a, b,c' -> ['a', 'b', 'c']."""
    return [f.strip() for f in text.split(",")]


def select(records: list[Record], fields: list[str] | None) -> list[Record]:
    """Only these fields, in this order."""
    if not fields:
        return records
    return [{f: pick(r, f) for f in fields} for r in records]


def flatten(record: Record, *, whole: bool = False) -> dict[str, str]:
    """One level of text cells for CSV, TSV and Markdown: objects become dotted columns (or, with
    `whole`, one cell of JSON), lists of plain values are joined with ';', lists of objects are
    written as JSON; null is empty."""
    import json

    out: dict[str, str] = {}

    def put(prefix: str, value: Any) -> None:
        if isinstance(value, dict) and whole and prefix:
            out[prefix] = json.dumps(value, ensure_ascii=False)
        elif isinstance(value, dict):
            for k, v in value.items():
                put(f"{prefix}.{k}" if prefix else k, v)
        elif isinstance(value, list):
            if all(not isinstance(v, dict | list) for v in value):
                out[prefix] = ";".join("" if v is None else str(v) for v in value)
            else:
                out[prefix] = json.dumps(value, ensure_ascii=False)
        elif value is None:
            out[prefix] = ""
        elif isinstance(value, bool):
            out[prefix] = "true" if value else "false"
        else:
            out[prefix] = str(value)

    put("", record)
    return out


def _columns(rows: list[dict[str, str]]) -> list[str]:
    return list(dict.fromkeys(k for row in rows for k in row))


def header(
    available: Sequence[str],
    rows: list[dict[str, str]],
    inside: Mapping[str, Sequence[str]] | None = None,
) -> list[str]:
    """The columns of a CSV, TSV or Markdown table: the declared fields in their declared order,
    a field that holds an object as its dotted columns (`inside` names them, so that an empty
    result has them too). The same columns in the same order whatever the result."""
    seen = _columns(rows)
    out: list[str] = []
    for field in available:
        mine = [f"{field}.{sub}" for sub in (inside or {}).get(field, ())]
        mine += [c for c in seen if (c == field or c.startswith(field + ".")) and c not in mine]
        out += [c for c in mine if not any(o.startswith(c + ".") for o in mine)] or [field]
    return out + [c for c in seen if c not in out and not any(o.startswith(c + ".") for o in out)]


def write(
    value: list[Record] | Record,
    fmt: str,
    available: Sequence[str] = (),
    *,
    whole: bool = False,
    inside: Mapping[str, Sequence[str]] | None = None,
) -> str:
    """Records (or one record) in a machine format. `available`: the fields the command declares
    (or those --fields named, with `whole`), the header of a CSV, TSV or Markdown table whatever
    the result (see `header`). With `whole`, a field that holds an object is one cell of JSON."""
    records = value if isinstance(value, list) else [value]
    if fmt == "json":
        return dumps(value)
    if fmt == "jsonl":
        import json

        return json_safe("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records))
    rows = [flatten(r, whole=whole) for r in records]
    columns = list(available) if whole else header(available, rows, inside)
    if fmt in ("csv", "tsv", "markdown"):
        import re

        from .errors import UNSAFE

        unsafe = re.search(UNSAFE, "".join(v for row in rows for v in row.values())) is not None
        columns = [visible(c) for c in columns]
        rows = [{k: _cell(v, unsafe, fmt != "markdown") for k, v in row.items()} for row in rows]
    if fmt == "csv":
        import csv
        import io

        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\n")
        writer.writerow(columns)
        for row in rows:
            writer.writerow([row.get(c, "") for c in columns])
        return buf.getvalue()
    if fmt == "tsv":  # tabs and line breaks inside a value would break the row: escaped
        lines = ["\t".join(_tsv(c) for c in columns)]
        lines += ["\t".join(_tsv(row.get(c, "")) for c in columns) for row in rows]
        return "\n".join(lines) + "\n"
    if fmt == "markdown":
        lines = ["| " + " | ".join(_md(c) for c in columns) + " |", "|" + "---|" * len(columns)]
        lines += ["| " + " | ".join(_md(row.get(c, "")) for c in columns) + " |" for row in rows]
        return "\n".join(lines) + "\n"
    raise ValueError(f"unknown format {fmt!r}")  # the CLI only offers FORMATS


_FORMULA = ("=", "+", "-", "@")


def _cell(text: str, unsafe: bool, spreadsheet: bool) -> str:
    """A cell that neither drives a terminal nor runs in a spreadsheet: controls made visible
    (line feeds and tabs stay, for the writer to quote or escape) when there are any, and in
    CSV and TSV a text starting with =, +, - or @ (a formula to Excel, LibreOffice and Google
    Sheets) prefixed with an apostrophe, as OWASP advises. Numbers stay numbers."""
    if unsafe:
        text = visible(text)
    if spreadsheet and text.startswith(_FORMULA):
        import re

        if not re.fullmatch(r"[-+]?[0-9]+(\.[0-9]+)?", text):
            return "'" + text
    return text


def _tsv(text: str) -> str:
    return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


def _md(text: str) -> str:
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", "<br>")
