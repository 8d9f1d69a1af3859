"""Write the fields of the record classes in src/perurel/model.py, and the table that converts
records to and from the dataset's JSON, from the one declaration of the records:
data/relations.schema.json. `scripts/docs.py` runs this with the other generated files (and
`--check` fails when model.py is stale).

Each record class holds, between two marker lines, one field per property of its record in the
schema: the properties the schema requires first (a named tuple's fields without a default come
before those with one), then the optional ones, each in the schema's order. An optional field
defaults to the schema's `default`, or to `()` for a list and None otherwise. Below the classes,
`SHAPES` gives each record's properties in the schema's order (which is the order of the output
too) with what each holds, and `DATES` the properties that are partial dates; `model.to_dict`
and `model.from_dict` read them.
"""

from __future__ import annotations

import json
import keyword
import textwrap
from typing import Any

# The class of each record of the schema's `$defs`.
CLASSES = {
    "source": "Source",
    "alternative": "Alternative",
    "milestone": "Milestone",
    "relations": "Relations",
    "mission": "Mission",
    "representation": "Representation",
    "un_votes": "VotesSummary",
    "country": "Country",
    "event": "Event",
    "period": "Period",
    "members": "Members",
    "organisation": "Organisation",
}
# A property held under another name: `from` is a Python keyword, and a representation keeps its
# snapshots as codes (its `snapshots` property gives them in words).
FIELD_NAMES = {("mission", "from"): "via", ("representation", "snapshots"): "codes"}
# A property the output gives under another name: `--from` names a mission's owner in
# `perurel missions`, so the output says `accredited_from`.
OUTPUT_NAMES = {("mission", "from"): "accredited_from"}
# Properties the output leaves out: a country's source ids (`country --json` gives the sources
# in full instead). (A representation's output is its snapshots in words: its own `to_dict`.)
NOT_OUTPUT = {("country", "sources")}
# What a `$ref` to a shared definition holds.
SHARED = {"date": "str", "code": "str", "nonempty": "str", "ids": "tuple[str, ...]"}
SHARED["cites"] = SHARED["ids"]

BEGIN = '    # --- fields of "{name}": written by scripts/records.py from the schema ---'
END = "    # --- end of fields ---"
TABLE_BEGIN = "# --- the records' shapes: written by scripts/records.py from the schema ---"
TABLE_END = "# --- end of shapes ---"
WIDTH = 100


def _name(ref: str) -> str:
    return ref.rpartition("/")[2]


def _nullable(spec: dict[str, Any]) -> tuple[dict[str, Any], bool]:
    """The spec a property has when it has a value, and whether it may be null."""
    options = spec.get("oneOf")
    if options and any(o.get("type") == "null" for o in options):
        (inner,) = [o for o in options if o.get("type") != "null"]
        return inner, True
    return spec, False


def holds(spec: dict[str, Any]) -> str:
    """What a property holds, for the conversion: "" a plain value, "[]" a list of them, "[[]]"
    a list of lists, "<record>" a record, "<record>[]" a list of records."""
    spec, _ = _nullable(spec)
    ref = spec.get("$ref")
    if ref is not None:
        name = _name(ref)
        if name in CLASSES:
            return name
        return "[]" if SHARED[name].startswith("tuple") else ""
    if spec.get("type") == "array":
        items = spec.get("items", {})
        if "$ref" in items and _name(items["$ref"]) in CLASSES:
            return _name(items["$ref"]) + "[]"
        return "[[]]" if items.get("type") == "array" else "[]"
    return ""


def annotation(spec: dict[str, Any]) -> str:
    """The Python type of a property's value."""
    spec, null = _nullable(spec)
    ref = spec.get("$ref")
    if ref is not None:
        name = _name(ref)
        text = CLASSES.get(name) or SHARED[name]
    elif "enum" in spec:
        text = " | ".join(sorted({type(v).__name__ for v in spec["enum"]}))
    elif spec.get("type") == "array":
        items = spec.get("items", {})
        if "prefixItems" in items:
            inner = ", ".join(annotation(i) for i in items["prefixItems"])
            text = f"tuple[tuple[{inner}], ...]"
        else:
            text = f"tuple[{annotation(items)}, ...]"
    else:
        text = {"string": "str", "integer": "int", "number": "float", "boolean": "bool"}[
            spec["type"]
        ]
    return f"{text} | None" if null else text


def is_date(spec: dict[str, Any]) -> bool:
    spec, _ = _nullable(spec)
    return spec.get("$ref") == "#/$defs/date"


def fields(record: str, spec: dict[str, Any]) -> list[tuple[str, str, str, str | None]]:
    """The class's fields in class order: (property, field, type, default or None)."""
    required = set(spec.get("required", ()))
    props = spec["properties"]
    out = []
    for prop in [*(p for p in props if p in required), *(p for p in props if p not in required)]:
        pspec = props[prop]
        field = FIELD_NAMES.get((record, prop), prop)
        if keyword.iskeyword(field):
            raise SystemExit(f"records.py: {record}.{prop} needs a name in FIELD_NAMES")
        kind = annotation(pspec)
        default = None
        if prop not in required:
            if "default" in pspec:
                default = json.dumps(pspec["default"], ensure_ascii=False)
            elif kind.startswith("tuple["):
                default = "()"
            else:
                default, kind = "None", kind if kind.endswith("| None") else f"{kind} | None"
        out.append((prop, field, kind, default))
    return out


def _comment(text: str, indent: str) -> list[str]:
    return textwrap.wrap(text, WIDTH - len(indent) - 2, initial_indent=f"{indent}# ",
                         subsequent_indent=f"{indent}# ")  # fmt: skip


def field_lines(record: str, spec: dict[str, Any]) -> list[str]:
    """A record class's generated lines: each field with its meaning as a comment."""
    lines = [BEGIN.format(name=record)]
    for prop, field, kind, default in fields(record, spec):
        line = f"    {field}: {kind}" + (f" = {default}" if default is not None else "")
        meaning = str(spec["properties"][prop].get("description", "")).strip()
        if field != prop:
            meaning = f"stored as `{prop}`: {meaning}"
        if len(line) + len(meaning) + 4 <= WIDTH:
            lines.append(f"{line}  # {meaning}")
        else:
            lines += [*_comment(meaning, "    "), line]
    return [*lines, END]


def table_lines(defs: dict[str, Any]) -> list[str]:
    """The shapes: each record's properties in the schema's order, as (stored key, output key
    or "" when the output leaves it out, index of the class field, what it holds, required)."""
    lines = [
        TABLE_BEGIN,
        "# Each record's properties in the schema's order (the output's order too): (stored key,",
        '# output key or "" where the output leaves it out, index of the class field, what it',
        '# holds: "" a value, "[]" a list of values, "[[]]" a list of lists, "<record>" a record,',
        '# "<record>[]" a list of records; whether the schema requires it).',
        "SHAPES: dict[str, tuple[tuple[str, str, int, str, bool], ...]] = {",
    ]
    dates = []
    for record in CLASSES:
        spec = defs[record]
        order = [prop for prop, *_ in fields(record, spec)]
        required = set(spec.get("required", ()))
        lines.append(f'    "{record}": (')
        for prop, pspec in spec["properties"].items():
            out = "" if (record, prop) in NOT_OUTPUT else OUTPUT_NAMES.get((record, prop), prop)
            row = (prop, out, order.index(prop), holds(pspec), prop in required)
            lines.append(f"        {_tuple(row)},")
        lines.append("    ),")
        found = [p for p, ps in spec["properties"].items() if is_date(ps)]
        dates.append(f'    "{record}": {_tuple(tuple(found))},')
    lines += [
        "}",
        "# The properties of each record that are partial dates (YYYY, YYYY-MM, YYYY-MM-DD).",
    ]
    lines += ["DATES: dict[str, tuple[str, ...]] = {", *dates, "}"]
    lines += ["# The class of each record.", "RECORDS: dict[str, Any] = {"]
    lines += [f'    "{record}": {cls},' for record, cls in CLASSES.items()]
    return [*lines, "}", TABLE_END]
    return lines


def _tuple(values: tuple[Any, ...]) -> str:
    parts = [f'"{v}"' if isinstance(v, str) else repr(v) for v in values]
    return f"({', '.join(parts)}{',' if len(parts) == 1 else ''})"


def splice(text: str, begin: str, end: str, lines: list[str]) -> str:
    """`text` with the lines from `begin` to `end` (both kept) replaced by `lines`."""
    head, found, rest = text.partition(begin + "\n")
    _, ended, tail = rest.partition(end + "\n")
    if not (found and ended):
        raise SystemExit(f"records.py: model.py lacks the lines {begin!r} and {end!r}")
    return head + "\n".join(lines) + "\n" + tail


def with_fields(model: str, schema: dict[str, Any]) -> str:
    """model.py's text with every generated part rewritten from the schema."""
    defs = schema["$defs"]
    for record in CLASSES:
        model = splice(model, BEGIN.format(name=record), END, field_lines(record, defs[record]))
    return splice(model, TABLE_BEGIN, TABLE_END, table_lines(defs))
