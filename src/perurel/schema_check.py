"""Check a record against the schema: one generic walk along `data/relations.schema.json`.

Every rule within a record is the schema's, and this walk applies it. It interprets the subset
of JSON Schema the schema uses: `$ref`, `type` (nullable through `oneOf` with
`{"type": "null"}`), `enum`, `const`, `required`, `dependentRequired`, `properties`,
`additionalProperties: false` (a field the schema does not declare is refused), `items`,
`prefixItems`, `minItems`, `maxItems`, `uniqueItems`, `contains`, `minimum`, `maximum`,
`minLength`, `allOf`, `if`/`then`/`else` and `not`. A spec may give its own message with
`errorMessage` (the convention of ajv-errors): a string for whatever fails at or under it, or
an object by keyword; `{found}` is the value, `{key}` the field. perurel's own keyword
`translates` makes a Spanish text required beside a non-empty English one, and refused without
it. Its own `format`s: `partial-date` (YYYY, YYYY-MM or YYYY-MM-DD, a real day, not in the
future), `id`, `iso-alpha-2`, `iso-alpha-3`, `url`, `author`, `year` (an integer, not in the
future), and `country-code` and `reference`, which name a record of the dataset and are left to
the rules that cross records (`validate.py`). A string with a `format` is checked by it (its
`pattern` is for other JSON-Schema tools). Each problem has its JSON path.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from datetime import date
from math import isfinite

from . import dates
from .i18n import N_, t, tn
from .tuples import TYPE_CHECKING

if TYPE_CHECKING:
    from typing import Any

    Add = Callable[[str, str], None]

_ID = re.compile(r"[a-z0-9][a-z0-9._-]*")
_ALPHA2 = re.compile(r"[A-Z]{2}")
_ALPHA3 = re.compile(r"[A-Z]{3}")
_AUTHOR = re.compile(r"[^,\s][^,]*(?:, [^,\s][^,]*)?")
_SPACE = re.compile(r"\s")
_HTTP = re.compile(r"https?://[^/?#]")  # a scheme people can follow (lower case), and a host


class Walker:
    """Walks records along the schema (`defs`: its `$defs`), reporting through `add`."""

    def __init__(self, defs: dict[str, Any], add: Add, today: date) -> None:
        self.defs = defs
        self.add = add
        self.today = today
        self._formats: dict[str, Callable[[Any, str], None] | None] = {
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
        self._walk(value, _plan(self.defs[name]), path, name)

    def walk(self, value: Any, spec: dict[str, Any], path: str, record: str = "") -> None:
        """`value` at `path` against `spec`, part of `record` (named in the messages about
        undeclared fields: the `$defs` it comes from, then the properties that lead to it)."""
        self._walk(value, _plan(spec), path, record)

    def _matches(self, value: Any, plan: _Plan, record: str) -> bool:
        """Whether `value` satisfies `plan` (an `if`, a `not`, a `contains`), reporting nothing."""
        return not self._quietly(value, plan, record)

    def _quietly(self, value: Any, plan: _Plan, record: str) -> list[str]:
        """What `plan` finds wrong with `value`, reported to no one."""
        found: list[str] = []
        add = self.add
        self.add = lambda _path, message: found.append(message)
        try:
            self._checks(value, plan, "", record)
        finally:
            self.add = add
        return found

    def _walk(self, value: Any, plan: _Plan, path: str, record: str) -> None:
        if plan.whole is not None:  # one message for whatever fails at or under this spec
            if self._quietly(value, plan, record):
                self.add(path, self._say(plan.whole, value, path))
        elif plan.string:  # the commonest: a text, a date, an id
            self._string(value, plan, path)
        elif plan.choice:  # a word of a closed set
            if not _member(value, plan.enum or ()):
                self.add(path, not_one_of(value, plan.enum))
        elif plan.ref is not None and plan.only_ref:
            self._walk(value, _plan(self.defs[plan.ref]), path, plan.ref)
        else:
            self._checks(value, plan, path, record)

    def _checks(self, value: Any, plan: _Plan, path: str, record: str) -> None:
        """Every keyword of the spec (but a message for the whole of it, which `walk` gives)."""
        if plan.ref is not None:
            self._walk(value, _plan(self.defs[plan.ref]), path, plan.ref)
            record = plan.ref
        if plan.nullable is not None:  # oneOf: [spec, {"type": "null"}]
            if value is None:
                return
            self._walk(value, plan.nullable, path, record)
        kind = plan.kind
        if kind == "string":  # a format checks the type with its own message
            self._string(value, plan, path)
        elif kind is not None and not _TYPES[kind](value):
            found = kind_of(value) if kind == "object" else show(value)
            self._fail(path, "type", plan, value, t(_EXPECTED[kind], found=found))
            return  # nothing more to say of a value of the wrong type
        if plan.enum is not None and not _member(value, plan.enum):
            self._fail(path, "enum", plan, value, not_one_of(value, plan.enum))
        if plan.const is not _ABSENT and not _equal(value, plan.const):
            self._fail(path, "const", plan, value, not_one_of(value, [plan.const]))
        if plan.object and isinstance(value, dict):
            self._object(value, plan, path, record)
        elif plan.array and isinstance(value, list):
            self._array(value, plan, path, record)
        elif plan.number and isinstance(value, int | float) and not isinstance(value, bool):
            self._number(value, plan, path)
        for part in plan.all_of:
            self._walk(value, part, path, record)
        if plan.condition is not None:
            branch = plan.then if self._matches(value, plan.condition, record) else plan.otherwise
            if branch is not None:
                self._walk(value, branch, path, record)
        if plan.negated is not None and self._matches(value, plan.negated, record):
            self._fail(
                path, "not", plan, value, t("{value} is not allowed here", value=show(value))
            )

    def _fail(self, path: str, keyword: str, plan: _Plan, value: Any, default: str) -> None:
        """A keyword failed: the schema's own message for it (its `errorMessage`), if any."""
        message = plan.messages.get(keyword)
        self.add(path, default if message is None else self._say(message, value, path))

    def _say(self, message: str, value: Any, path: str) -> str:
        """A message of the schema, in the reader's language: `{found}` is the value, `{key}`
        the field it is at."""
        key = path.rpartition(".")[2].partition("[")[0]
        return t(message, found=show(value), key=key)

    def _object(self, value: dict[str, Any], plan: _Plan, path: str, record: str) -> None:
        for key in plan.required:
            if key not in value:
                self.add(path, t("missing required field '{key}'", key=key))
        for key, needed in plan.dependent:
            if key in value:
                for other in needed:
                    if other not in value:
                        self.add(path, t("missing required field '{key}'", key=other))
        props = plan.properties
        for key, item in value.items():
            prop = props.get(key)
            if prop is not None:
                self._walk(item, prop, f"{path}.{key}" if path else key, f"{record}.{key}")
            elif plan.closed:  # the schema declares every field its records admit
                where = f"{path}.{key}" if path else str(key)
                self.add(where, t("not a field of {record}", record=record))
        for key, english, least in plan.translations:
            self._translation(value, english, key, least, f"{path}.{key}" if path else key)

    def _translation(
        self, value: dict[str, Any], english: str, key: str, least: int, path: str
    ) -> None:
        """A text people read has its Spanish text (`translates`) wherever the English is not
        empty, and only then. A Spanish value its own spec refuses (not a string; blank where
        it must not be) is reported there, once."""
        text, spanish = value.get(english), value.get(key)
        blank = type(spanish) is str and not spanish.strip()
        if type(text) is str and text.strip():
            if key not in value or (blank and not least):
                self.add(path, t("missing the Spanish text of '{key}'", key=english))
        elif type(spanish) is str and not blank:
            self.add(path, t("a Spanish text without an English '{key}'", key=english))

    def _array(self, value: list[Any], plan: _Plan, path: str, record: str) -> None:
        least, most = plan.min_items, plan.max_items
        if least is not None and len(value) < least:
            message = tn("expected at least {n} item", "expected at least {n} items", least)
            self._fail(path, "minItems", plan, value, message)
        if most is not None and len(value) > most:
            message = tn("expected at most {n} item", "expected at most {n} items", most)
            self._fail(path, "maxItems", plan, value, message)
        first = plan.prefix
        for i, item in enumerate(value[: len(first)]):
            self._walk(item, first[i], f"{path}[{i}]", record)
        if plan.items is not None:
            for i, item in enumerate(value[len(first) :], len(first)):
                self._walk(item, plan.items, f"{path}[{i}]", record)
        if plan.unique:
            seen: set[tuple[str, Any]] = set()
            unhashable: list[Any] = []
            for i, item in enumerate(value):
                try:
                    key = _kind_key(item)
                    twice = key in seen
                    seen.add(key)
                except TypeError:  # a list or an object: compared one by one
                    twice = any(_equal(item, other) for other in unhashable)
                    unhashable.append(item)
                if twice:
                    self.add(f"{path}[{i}]", t("{value} is given twice", value=show(item)))
        if plan.contains is not None and not any(
            self._matches(item, plan.contains, record) for item in value
        ):
            self._fail(path, "contains", plan, value, t("no item is of the kind required here"))

    def _number(self, value: float, plan: _Plan, path: str) -> None:
        low, high = plan.minimum, plan.maximum
        if low is not None and value < low:
            message = t("{value} is below the minimum, {limit}", value=value, limit=low)
            self._fail(path, "minimum", plan, value, message)
        if high is not None and value > high:
            message = t("{value} is above the maximum, {limit}", value=value, limit=high)
            self._fail(path, "maximum", plan, value, message)
        if plan.format == "year" and value > self.today.year:
            self._fail(path, "format", plan, value, t("{value} is in the future", value=value))

    def _string(self, value: Any, plan: _Plan, path: str) -> None:
        if plan.format is not None:
            check = self._formats[plan.format]
            if check is not None:
                check(value, path)
            elif type(value) is not str:  # a reference: finding its record is a cross rule
                message = t("expected a string, found {found}", found=show(value))
                self._fail(path, "type", plan, value, message)
            return
        least = plan.min_length
        if type(value) is not str:
            message = (
                t("expected a non-empty string, found {found}", found=show(value))
                if least
                else t("expected a string, found {found}", found=show(value))
            )
            self._fail(path, "type", plan, value, message)
        elif least and len(value.strip()) < least:
            message = t("expected a non-empty string, found {found}", found=show(value))
            self._fail(path, "minLength", plan, value, message)

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


_ABSENT = object()
# The keywords the walk reads (`_Plan`); anything else in the schema is an annotation
# (`ANNOTATIONS`: `pattern` is for other JSON-Schema tools, a `format` checks the same here).
# tests/test_schema_check.py holds the schema to these.
KEYWORDS = frozenset(
    {
        "$ref", "oneOf", "type", "enum", "const", "format", "minLength", "required",
        "dependentRequired", "properties", "additionalProperties", "items", "prefixItems",
        "minItems", "maxItems", "uniqueItems", "contains", "minimum", "maximum", "allOf", "if",
        "then", "else", "not", "errorMessage", "translates",
    }
)  # fmt: skip
ANNOTATIONS = frozenset(
    {"$schema", "$id", "$defs", "title", "description", "$comment", "default", "pattern"}
)


class _Plan:
    """What one spec of the schema asks, read once (the walk meets each spec thousands of
    times)."""

    __slots__ = (
        "all_of",
        "array",
        "choice",
        "closed",
        "condition",
        "const",
        "contains",
        "dependent",
        "enum",
        "format",
        "items",
        "kind",
        "max_items",
        "maximum",
        "messages",
        "min_items",
        "min_length",
        "minimum",
        "negated",
        "nullable",
        "number",
        "object",
        "only_ref",
        "otherwise",
        "prefix",
        "properties",
        "ref",
        "required",
        "spec",
        "string",
        "then",
        "translations",
        "unique",
        "whole",
    )  # fmt: skip

    def __init__(self, spec: dict[str, Any]) -> None:
        self.spec = spec  # held, so that its id is not reused while the plan is cached
        said = spec.get("errorMessage")
        self.whole: str | None = said if isinstance(said, str) else None
        self.messages: dict[str, str] = said if isinstance(said, dict) else {}
        ref = spec.get("$ref")
        self.ref: str | None = None if ref is None else ref.rpartition("/")[2]
        one_of = spec.get("oneOf")
        if one_of is not None and sorted(s.get("type") == "null" for s in one_of) != [False, True]:
            # the one use of oneOf the walk reads: a value or null
            raise ValueError(f"oneOf other than [spec, {{'type': 'null'}}]: {one_of}")
        self.nullable = (
            None if one_of is None else _plan(next(s for s in one_of if s.get("type") != "null"))
        )
        self.kind: str | None = spec.get("type")
        self.enum: list[Any] | None = spec.get("enum")
        self.const: Any = spec.get("const", _ABSENT)
        self.required: tuple[str, ...] = tuple(spec.get("required", ()))
        self.dependent = tuple(spec.get("dependentRequired", {}).items())
        properties: dict[str, Any] = spec.get("properties", {})
        self.properties = {key: _plan(prop) for key, prop in properties.items()}
        self.closed = spec.get("additionalProperties") is False
        self.translations = tuple(
            (key, prop["translates"], prop.get("minLength", 0))
            for key, prop in properties.items()
            if "translates" in prop
        )
        self.object = bool(self.required or self.dependent or self.properties or self.closed)
        self.min_items: int | None = spec.get("minItems")
        self.max_items: int | None = spec.get("maxItems")
        self.prefix = [_plan(item) for item in spec.get("prefixItems", [])]
        self.items = _maybe(spec.get("items"))
        self.unique = bool(spec.get("uniqueItems"))
        self.contains = _maybe(spec.get("contains"))
        self.array = bool(
            self.prefix
            or self.unique
            or any(
                v is not None for v in (self.min_items, self.max_items, self.items, self.contains)
            )
        )
        self.minimum: float | None = spec.get("minimum")
        self.maximum: float | None = spec.get("maximum")
        self.format: str | None = spec.get("format")
        self.number = self.minimum is not None or self.maximum is not None or self.format == "year"
        self.min_length: int = spec.get("minLength", 0)
        self.all_of = [_plan(part) for part in spec.get("allOf", [])]
        self.condition = _maybe(spec.get("if"))
        self.then = _maybe(spec.get("then"))
        self.otherwise = _maybe(spec.get("else"))
        self.negated = _maybe(spec.get("not"))
        rest = spec.keys() - ANNOTATIONS
        self.choice = rest == {"enum"}
        self.only_ref = rest == {"$ref"}
        # checked by its type, format and length alone: a text, a date, an id
        self.string = self.kind == "string" and rest <= {
            "type", "format", "minLength", "translates", "errorMessage"
        }  # fmt: skip


_PLANS: dict[int, _Plan] = {}


def _maybe(spec: dict[str, Any] | None) -> _Plan | None:
    return None if spec is None else _plan(spec)


def _plan(spec: dict[str, Any]) -> _Plan:
    plan = _PLANS.get(id(spec))
    if plan is None or plan.spec is not spec:
        plan = _PLANS[id(spec)] = _Plan(spec)
    return plan


_EXPECTED = {
    "object": N_("expected an object, found {found}"),
    "array": N_("expected a list, found {found}"),
    "integer": N_("expected an integer, found {found}"),
    "number": N_("expected a number, found {found}"),
    "null": N_("expected null, found {found}"),
}
_TYPES: dict[str, Callable[[Any], bool]] = {
    "object": lambda v: isinstance(v, dict),
    "array": lambda v: isinstance(v, list),
    "integer": lambda v: type(v) is int,
    # a number JSON can write: not NaN nor infinite (Python's reader takes them)
    "number": lambda v: isinstance(v, int | float) and not isinstance(v, bool) and isfinite(v),
    "null": lambda v: v is None,
}


def _member(value: Any, allowed: Sequence[Any]) -> bool:
    """`value` is one of `allowed`, as JSON compares them (true is not 1; 1 is 1.0)."""
    if isinstance(value, str) or value is None:  # the common case: a word of a closed set
        return value in allowed
    return any(_equal(value, v) for v in allowed)


def _equal(a: Any, b: Any) -> bool:
    """JSON equality, at any depth: true is not 1, and 1 is 1.0."""
    if isinstance(a, bool) or isinstance(b, bool):
        return a is b
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(_equal(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(_equal(a[k], b[k]) for k in a)
    return bool(a == b) and isinstance(a, list | dict) == isinstance(b, list | dict)


def _kind_key(item: Any) -> tuple[str, Any]:
    """A key under which values JSON holds equal meet (1 and 1.0; not true and 1)."""
    if isinstance(item, bool):
        return ("boolean", item)
    if isinstance(item, int | float):
        return ("number", item)
    return (type(item).__name__, item)


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
    """A value as a message quotes it: a string quoted and made safe, a short list of numbers
    as JSON writes it (`[2999, 1, 1]`), anything else by its kind."""
    if isinstance(value, str):
        from .errors import quoted

        return quoted(value, 60)
    if (
        isinstance(value, list)
        and 0 < len(value) <= 6
        and all(type(v) is int or type(v) is float for v in value)
    ):
        return "[" + ", ".join(repr(v) for v in value) + "]"
    return kind_of(value) if isinstance(value, dict | list) or value is None else repr(value)
