"""Check a record against the schema: one generic walk along `data/relations.schema.json`.

It interprets the subset of JSON Schema the schema uses for the shape of each field: `$ref`,
`type` (nullable through `oneOf` with `{"type": "null"}`), `required`, `properties`,
`additionalProperties: false` (a field the schema does not declare is refused), `items` (and a
list of records that is not a list), `enum` and `minLength`; plus perurel's own `format`s:
`partial-date` (YYYY, YYYY-MM or YYYY-MM-DD, a real day, not in the future), `id`,
`iso-alpha-2`, `iso-alpha-3`, `url` and `author`, and `country-code` and `reference`, which name
a record of the dataset and are left to the rules that cross records. A string with a `format`
is checked by it (its `pattern` is for other JSON-Schema tools). What crosses fields or records
(`if`/`then`, `dependentRequired`, lists of references, `minItems` of sources, representation
levels, UN vote years and figures) is `validate.py`'s, written by hand. Each problem has its
JSON path and the message the validator has always given.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date

from . import dates
from .i18n import N_, t
from .tuples import TYPE_CHECKING

if TYPE_CHECKING:
    from typing import Any

    Add = Callable[[str, str], None]

_ID = re.compile(r"[a-z0-9][a-z0-9._-]*")
_ALPHA2 = re.compile(r"[A-Z]{2}")
_ALPHA3 = re.compile(r"[A-Z]{3}")
_AUTHOR = re.compile(r"[^,\s][^,]*(?:, [^,\s][^,]*)?")
_SPACE = re.compile(r"\s")
_HTTP = re.compile(r"https?://[^/?#]", re.IGNORECASE)  # a scheme people can follow, and a host


class Walker:
    """Walks records along the schema (`defs`: its `$defs`), reporting through `add`."""

    def __init__(self, defs: dict[str, Any], add: Add, today: date) -> None:
        self.defs = defs
        self.add = add
        self.today = today
        self._formats: dict[str, Callable[[str, str], None] | None] = {
            "partial-date": self._date,
            "id": self._id,
            "iso-alpha-2": self._alpha2,
            "iso-alpha-3": self._alpha3,
            "url": self._url,
            "author": self._author,
            "country-code": None,  # a country of the dataset: a rule that crosses records
            "reference": None,  # a record of the dataset: likewise
        }

    def record(self, value: Any, name: str, path: str) -> None:
        """A record of the `$defs` named `name`."""
        self.walk(value, self.defs[name], path, name)

    def walk(self, value: Any, spec: dict[str, Any], path: str, record: str = "") -> None:
        """`value` at `path` against `spec`, part of `record` (named in the messages about
        undeclared fields: the `$defs` it comes from, then the properties that lead to it)."""
        ref = spec.get("$ref")
        if ref is not None:
            record = ref.rpartition("/")[2]
            spec = self.defs[record]
        one_of = spec.get("oneOf")
        if one_of is not None:  # nullable: [spec, {"type": "null"}]
            if value is None and any(s.get("type") == "null" for s in one_of):
                return
            spec = next(s for s in one_of if s.get("type") != "null")
            ref = spec.get("$ref")
            if ref is not None:
                spec = self.defs[ref.rpartition("/")[2]]
        kind = spec.get("type")
        if kind == "object":
            self._object(value, spec, path, record)
        elif kind == "string":
            self._string(value, spec, path)
        elif kind == "array":
            items = spec.get("items")
            if isinstance(value, list):
                if items is not None:
                    for i, item in enumerate(value):
                        self.walk(item, items, f"{path}[{i}]", record)
            elif items is not None and self._resolve(items).get("type") == "object":
                # a list of records; a list of values (names, codes, ids, levels) is checked
                # whole by its rule in validate, whose message says what it holds
                self.add(path, t("expected a list, found {found}", found=show(value)))
        elif "enum" in spec:
            allowed = spec["enum"]
            if value not in allowed:
                self.add(path, not_one_of(value, allowed))

    def _resolve(self, spec: dict[str, Any]) -> dict[str, Any]:
        ref = spec.get("$ref")
        return spec if ref is None else self.defs[ref.rpartition("/")[2]]

    def _object(self, value: Any, spec: dict[str, Any], path: str, record: str) -> None:
        if not isinstance(value, dict):
            self.add(path, t("expected an object, found {found}", found=kind_of(value)))
            return
        for key in spec.get("required", ()):
            if key not in value:
                self.add(path, t("missing required field '{key}'", key=key))
        props = spec.get("properties", {})
        closed = spec.get("additionalProperties") is False
        for key, item in value.items():
            prop = props.get(key)
            where = f"{path}.{key}" if path else str(key)
            if prop is not None:
                self.walk(item, prop, where, f"{record}.{key}")
            elif closed:  # the schema declares every field its records admit
                self.add(where, t("not a field of {record}", record=record))

    def _string(self, value: Any, spec: dict[str, Any], path: str) -> None:
        fmt = spec.get("format")
        if fmt is not None:
            check = self._formats[fmt]
            if check is not None:
                check(value, path)
            return
        if type(value) is not str or len(value.strip()) < spec.get("minLength", 0):
            self.add(path, t("expected a non-empty string, found {found}", found=show(value)))

    def _date(self, value: Any, path: str) -> None:
        try:
            start = dates.parse_span(value)[0] if isinstance(value, str) else None
        except ValueError:
            start = None
        if start is None:
            self.add(
                path,
                t("{value} is not a valid date (YYYY, YYYY-MM or YYYY-MM-DD)", value=show(value)),
            )
        elif start > self.today:
            self.add(path, t("{value} is in the future", value=show(value)))

    def _id(self, value: Any, path: str) -> None:
        if not isinstance(value, str) or not _ID.fullmatch(value):
            self.add(
                path,
                t(
                    "{value} is not a valid id (lower-case letters, digits, '.', '_', '-')",
                    value=show(value),
                ),
            )

    def _alpha2(self, value: Any, path: str) -> None:
        if not isinstance(value, str) or not _ALPHA2.fullmatch(value):
            self.add(path, t("{value} is not an ISO 3166-1 alpha-2 code", value=show(value)))

    def _alpha3(self, value: Any, path: str) -> None:
        if not isinstance(value, str) or not _ALPHA3.fullmatch(value):
            self.add(path, t("{value} is not an ISO 3166-1 alpha-3 code", value=show(value)))

    def _url(self, value: Any, path: str) -> None:
        """http or https, with a host, without spaces (a terminal would link only its first
        part, to another page)."""
        if not isinstance(value, str) or not value.strip():
            self.add(path, t("expected a non-empty string, found {found}", found=show(value)))
        elif _SPACE.search(value):
            self.add(path, t("{value} holds a space; write it as %20", value=show(value)))
        elif not _HTTP.match(value):
            self.add(path, t("{value} is not an http or https URL", value=show(value)))

    def _author(self, value: Any, path: str) -> None:
        """A person ("Family, Given") or an institution (no comma): what citations name."""
        if not isinstance(value, str) or not value.strip():
            self.add(path, t("expected a name, found {found}", found=show(value)))
        elif not _AUTHOR.fullmatch(value):
            self.add(
                path,
                t("{value} is neither 'Family, Given' nor an institution", value=show(value)),
            )


_KINDS = {
    dict: N_("an object"),
    list: N_("a list"),
    str: N_("a string"),
    bool: N_("a boolean"),
    type(None): N_("null"),
}


def kind_of(value: Any) -> str:
    kind = _KINDS.get(type(value))
    if kind is None:
        return t("a number") if isinstance(value, int | float) else type(value).__name__
    return t(kind)


def not_one_of(value: Any, allowed: Any) -> str:
    # the values as the file writes them, quoted: they are codes, the same in every language
    listed = ", ".join(f"'{a}'" for a in allowed)
    return t("{value} is not one of {allowed}", value=show(value), allowed=listed)


def show(value: Any) -> str:
    if isinstance(value, str):
        from .errors import quoted

        return quoted(value, 60)
    return kind_of(value) if isinstance(value, dict | list) or value is None else repr(value)
