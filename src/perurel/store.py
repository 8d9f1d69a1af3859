"""The loader: find, read and (for datasets other than the bundled one) validate the dataset,
once, and build its records (`Records`), kept in the user cache; find and read the voting file.
It asks no question: the public API (`api`) sits above it."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from functools import cache

from .errors import DataError, printable
from .i18n import N_, oserror, t
from .model import RECORDS, SHAPES, Country, Event, Organisation, Source, from_dict
from .tuples import TYPE_CHECKING

if TYPE_CHECKING:
    from typing import Any, TypeVar

    R = TypeVar("R")

    from .votes import Votes

ENV_VAR = "PERUREL_DATA"
_HERE = os.path.dirname(os.path.abspath(__file__))
# (os.path rather than pathlib: this module is on every lookup's path and pathlib costs ~3 ms.)


def bundled_path(name: str = "relations.json") -> str:
    """Where a data file shipped with perurel lives: in the package's `data` folder, or in a
    source checkout (or an editable install) at the repository root."""
    packaged = os.path.join(_HERE, "data", name)
    if os.path.isfile(packaged):
        return packaged
    return os.path.join(os.path.dirname(os.path.dirname(_HERE)), "data", name)


class Records:
    """The records of a dataset and their cheap indexes (what `model.Records` describes), as the
    loader builds them; `api.Dataset` adds the questions people ask of them."""

    sources: dict[str, Source]
    countries: dict[str, Country]
    events: tuple[Event, ...]
    organisations: tuple[Organisation, ...]
    _by_country: dict[str, tuple[Event, ...]]  # built when first asked (`events_of`)

    def __init__(
        self,
        *,
        path: str,
        schema_version: int,
        dataset_date: str | None,
        sources: dict[str, Source],
        countries: dict[str, Country],
        events: tuple[Event, ...],
        organisations: tuple[Organisation, ...],
        facts_to: str | None = None,
    ) -> None:
        self.path = path
        self.schema_version = schema_version
        self.dataset_date = dataset_date
        self.facts_to = facts_to  # the date of the newest recorded fact (event or milestone)
        self.sources = sources
        self.countries = countries
        self.events = events
        self.organisations = organisations
        self.file_status: os.stat_result | None = None  # the file as read: keys the search index
        self._pending: dict[str, Callable[[], Any]] = {}

    @classmethod
    def _lazy(
        cls, path: str, meta: dict[str, Any], pending: dict[str, Callable[[], Any]]
    ) -> Records:
        """Records whose parts (`sources`, `countries`, `events`, `organisations`) are built
        the first time they are read: a timeline never builds the countries or the sources."""
        self = cls.__new__(cls)
        self.path = path
        self.schema_version = meta["schema_version"]
        self.dataset_date = meta["dataset_date"]
        self.facts_to = meta["facts_to"]
        self.file_status = None
        self._pending = pending
        return self

    def __getattr__(self, name: str) -> Any:
        # only for what is not yet an attribute: a part still to be built, or the index of events
        pending = self.__dict__.get("_pending")
        if pending and name in pending:
            value = pending.pop(name)()
        elif name == "_by_country":
            by_country: dict[str, list[Event]] = {}
            for e in self.events:
                for code in e.countries:
                    by_country.setdefault(code, []).append(e)
            value = {k: tuple(v) for k, v in by_country.items()}
        else:
            raise AttributeError(name)
        setattr(self, name, value)
        return value

    def __repr__(self) -> str:
        return f"<perurel.{type(self).__name__} {self.path!r}: {len(self.countries)} countries, {len(self.events)} events>"

    def get(self, code: str) -> Country | None:
        """The country with this ISO alpha-2 code, or None."""
        return self.countries.get(code.upper())

    def events_of(self, code: str) -> tuple[Event, ...]:
        """The events involving one country, in date order."""
        return self._by_country.get(code, ())

    def cited_sources(self, ids: Iterable[str]) -> list[Source]:
        """The source records for these ids, in first-cited order, without repeats."""
        return [self.sources[i] for i in dict.fromkeys(ids) if i in self.sources]


def resolve_path(path: str | os.PathLike[str] | None = None) -> tuple[str, bool]:
    """The dataset to read, and whether it is the bundled one: explicit path, $PERUREL_DATA, bundled."""
    chosen = os.fspath(path) if path is not None else ""
    chosen = chosen or os.environ.get(ENV_VAR, "")
    if not chosen:
        return bundled_path(), True
    return chosen, False


def version_line() -> str:
    """`perurel --version`: the program's version and the revision of the dataset it reads."""
    import re

    from . import __version__

    path, bundled = resolve_path()
    head = ""
    if path not in STDIN_NAMES:  # stdin is the command's input, not read for a version
        try:
            fd, _ = open_data(path, "dataset", MAX_DATASET)
        except DataError:
            pass
        else:
            try:
                head = os.read(fd, 4096).decode("utf-8", "replace")
            except OSError:
                pass
            finally:
                os.close(fd)
    date = re.search(r'"dataset_date"\s*:\s*"([0-9-]+)"', head)
    facts = re.search(r'"facts_to"\s*:\s*"([0-9-]+)"', head)
    schema = re.search(r'"schema_version"\s*:\s*([0-9]+)', head)
    which = "bundled dataset" if bundled else "dataset"
    return (
        f"perurel {__version__} ({which} revised {date.group(1) if date else 'at an unknown date'}"
        + (f", facts recorded to {facts.group(1)}" if facts else "")
        + f", schema {schema.group(1) if schema else 'unknown'})"
    )


def load(path: str | os.PathLike[str] | None = None) -> Records:
    """Read the dataset (bundled unless a path or $PERUREL_DATA names another), once per path:
    the same records for the same path (`api.load` gives them the questions)."""
    resolved, bundled = resolve_path(path)
    return _load(resolved, bundled)


def _validate(raw: Any, path: str) -> bool:
    """True, or a DataError naming the first problem (and how many more there are)."""
    from .validate import check

    problems = check(raw)
    if problems:
        more = (
            t(" (and {n} more; run 'perurel validate {path}')", n=len(problems) - 1, path=path)
            if len(problems) > 1
            else ""
        )
        raise DataError(
            t("invalid dataset {path}: {problem}", path=printable(str(path)), problem=problems[0])
            + more
        )
    return True


@cache
def _load(path: str, bundled: bool) -> Records:
    """The dataset at `path`: its records from the user cache when it holds this version of the
    file, else read, validated (unless bundled) and built, then kept there. Only a dataset that
    passed validation is kept, so a copy is also the proof that this version is valid (on a
    45 MB dataset that saves ~0.3 s a run)."""
    if path in STDIN_NAMES:
        raw = parse_json(read_stdin(MAX_DATASET, "dataset"), path)
        _validate(raw, path)
        return _built(raw, path)
    fd, st = open_data(path, "dataset", MAX_DATASET)
    fresh: list[Records] = []

    def read() -> dict[str, Any]:
        fresh.append(_read(fd, st, path, bundled))
        return table(fresh[0])

    try:
        from .diskcache import base, cached

        if base() is None:  # no cache: nothing to keep
            fresh.append(_read(fd, st, path, bundled))
        else:
            kept = cached("parsed", path, read, LAYOUT, source=st, shape=_is_table)
    finally:
        os.close(fd)
    dataset = fresh[0] if fresh else revive(kept, path, bundled)
    dataset.file_status = st
    return dataset


def _uncached(path: str, bundled: bool) -> Records:
    """The dataset read from its file, the cache left aside."""
    fd, st = open_data(path, "dataset", MAX_DATASET)
    try:
        return _read(fd, st, path, bundled)
    finally:
        os.close(fd)


def _read(fd: int, st: os.stat_result, path: str, bundled: bool) -> Records:
    raw = parse_json(read_fd(fd, st, MAX_DATASET, path, "dataset"), path)
    if not bundled:
        _validate(raw, path)
    return _built(raw, path)


def _built(raw: Any, path: str) -> Records:
    try:
        return build(raw, path)
    except (KeyError, TypeError, ValueError, AttributeError, IndexError) as exc:
        # the bundled file is not validated at run time: a broken copy of it ends here
        raise DataError(
            t(
                "invalid dataset {path}: {problem}",
                path=printable(str(path)),
                problem=printable(repr(exc)),
            )
        ) from None


# The dataset is read whole into memory and parsed: beyond this it is not a dataset of ours
# (the bundled one is ~1 MB, a dataset of every treaty ever signed would be ~100 MB).
MAX_DATASET = 256 << 20
# What a data file is, as messages name it (the argument `what` of the readers below).
FILES = (N_("dataset"), N_("voting data"))
# Names that read the dataset from standard input, as asked for explicitly.
STDIN_NAMES = ("-", "/dev/stdin")


def open_data(path: str, what: str, limit: int) -> tuple[int, os.stat_result]:
    """A descriptor of the data file at `path` and its status: a regular file of at most
    `limit` bytes, or a DataError. Opened without blocking, so a FIFO with no writer cannot
    hang the command; a FIFO, a device or a folder is refused before anything is read."""
    import stat

    where = printable(str(path))
    said = t(what)
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    except FileNotFoundError:
        raise DataError(t("{what} not found: {path}", what=said, path=where)) from None
    except IsADirectoryError:
        raise DataError(
            t("{what} is a directory, not a file: {path}", what=said, path=where)
        ) from None
    except OSError as exc:
        raise DataError(
            t("cannot read {what} {path}: {problem}", what=said, path=where,
              problem=oserror(exc))
        ) from None  # fmt: skip
    except ValueError:  # e.g. a NUL byte in the path
        raise DataError(
            t("cannot read {what} {path}: not a usable file name", what=said, path=where)
        ) from None
    try:
        st = os.fstat(fd)
        if stat.S_ISDIR(st.st_mode):
            raise DataError(t("{what} is a directory, not a file: {path}", what=said, path=where))
        if not stat.S_ISREG(st.st_mode):
            kind = t("a FIFO") if stat.S_ISFIFO(st.st_mode) else t("a device or special file")
            hint = t(" (use '-' to read standard input)") if what == "dataset" else ""
            raise DataError(
                t("{what} is {kind}, not a regular file: {path}", what=said, kind=kind,
                  path=where) + hint
            )  # fmt: skip
        if st.st_size > limit:
            raise DataError(
                t(
                    "{what} is too large: {path} ({size}; the limit is {limit})",
                    what=said,
                    path=where,
                    size=_megabytes(st.st_size),
                    limit=_megabytes(limit),
                )
            )
    except BaseException:
        os.close(fd)
        raise
    return fd, st


def _megabytes(size: int) -> str:
    return f"{size / (1 << 20):.1f} MB"


def read_fd(fd: int, st: os.stat_result, limit: int, path: str, what: str) -> bytes:
    """The content of an opened regular file, refused if it grew past `limit` meanwhile."""
    from .diskcache import read_upto

    try:
        data = read_upto(fd, limit)
    except OSError as exc:
        raise DataError(
            t("cannot read {what} {path}: {problem}", what=t(what), path=printable(str(path)),
              problem=oserror(exc))
        ) from None  # fmt: skip
    if len(data) > limit:
        raise DataError(
            t("{what} is too large: {path} (the limit is {limit})", what=t(what),
              path=printable(str(path)), limit=_megabytes(limit))
        )  # fmt: skip
    return data


def read_stdin(limit: int, what: str) -> bytes:
    """Standard input, asked for by name ('-'), up to `limit` bytes."""
    import sys

    try:
        stdin = sys.stdin.buffer if sys.stdin is not None else None
        data = stdin.read(limit + 1) if stdin is not None else b""
    except (OSError, ValueError) as exc:
        raise DataError(
            t("cannot read {what} from standard input: {problem}", what=t(what), problem=exc)
        ) from None
    if len(data) > limit:
        raise DataError(
            t("{what} on standard input is too large (the limit is {limit})", what=t(what),
              limit=_megabytes(limit))
        )  # fmt: skip
    return data


def read_json(path: str) -> Any:
    """Parse a dataset file, turning every way it can fail into one DataError line."""
    if path in STDIN_NAMES:
        return parse_json(read_stdin(MAX_DATASET, "dataset"), path)
    fd, st = open_data(path, "dataset", MAX_DATASET)
    try:
        return parse_json(read_fd(fd, st, MAX_DATASET, path, "dataset"), path)
    finally:
        os.close(fd)


def parse_json(data: bytes, path: str, what: str = "dataset") -> Any:
    """JSON from the bytes of a file, or one DataError line naming the file."""
    where = printable(str(path))
    if not data.strip():
        raise DataError(t("{what} is empty: {path}", what=t(what), path=where))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise DataError(
            t("{what} is not UTF-8 text: {path} (byte {byte})", what=t(what), path=where,
              byte=exc.start)
        ) from None  # fmt: skip
    import json

    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise DataError(
            t(
                "{what} is not valid JSON: {path}: {problem} at line {line}, column {column}",
                what=t(what),
                path=where,
                problem=t(exc.msg) if exc.msg in _JSON_ERRORS else exc.msg,
                line=exc.lineno,
                column=exc.colno,
            )
        ) from None
    except RecursionError:
        raise DataError(
            t("{what} is nested too deeply to read: {path}", what=t(what), path=where)
        ) from None
    except ValueError as exc:  # e.g. an integer of more than 4,300 digits
        problem = printable(str(exc), 120)
        if "integer string conversion" in problem:
            import sys

            problem = t("a number of more than {n} digits", n=sys.get_int_max_str_digits())
        raise DataError(
            t("{what} cannot be read: {path}: {problem}", what=t(what), path=where,
              problem=problem)
        ) from None  # fmt: skip


def load_world() -> dict[str, Any]:
    """The map's boundaries, bundled (`data/world.json`, already projected), for `map` to draw."""
    import json

    with open(bundled_path("world.json"), encoding="utf-8") as f:
        loaded: dict[str, Any] = json.load(f)
    return loaded


VOTES_VAR = "PERUREL_VOTES"
# The voting file: gzip of compact JSON (~0.4 MB, ~3 MB once decompressed). Beyond these limits
# it is not a voting file of ours (the data to 2019 is all in it), and a gzip "bomb" stops here
# instead of filling the memory: 32 MB take ~0.2 s to decompress on an idle machine.
MAX_VOTES = 16 << 20
MAX_VOTES_DECOMPRESSED = 32 << 20


def votes_path() -> str:
    """The voting file: $PERUREL_VOTES, else the bundled one."""
    return os.environ.get(VOTES_VAR, "") or bundled_path("unvotes.json.gz")


def load_votes(path: str | None = None) -> Votes:
    """The UN General Assembly voting data (`path`, else `votes_path()`), read once, checked,
    and handed to `votes` built: `votes` never finds or reads a file."""
    return _load_votes(path or votes_path())


@cache
def _load_votes(path: str) -> Votes:
    import gzip
    import zlib

    from .votes import ShapeError, Votes

    where = printable(path)
    fd, _ = open_data(path, "voting data", MAX_VOTES)
    try:
        with os.fdopen(fd, "rb") as raw, gzip.GzipFile(fileobj=raw) as f:
            data = f.read(MAX_VOTES_DECOMPRESSED + 1)
    except (OSError, EOFError, zlib.error) as exc:
        # gzip's own words are English: said here in the reader's language
        if isinstance(exc, gzip.BadGzipFile) and str(exc).startswith("Not a gzipped file"):
            problem = t("not a gzip file")
        elif isinstance(exc, EOFError):
            problem = t("the compressed data is cut short")
        elif isinstance(exc, zlib.error) or not isinstance(exc.errno, int):
            problem = t("the compressed data is damaged")
        else:
            problem = oserror(exc)
        raise DataError(
            t("cannot read the voting data {path}: {problem}", path=where, problem=problem)
        ) from None
    if len(data) > MAX_VOTES_DECOMPRESSED:
        raise DataError(
            t(
                "the voting data {path} is too large once decompressed (the limit is {limit} MB)",
                path=where,
                limit=MAX_VOTES_DECOMPRESSED >> 20,
            )
        )
    doc = parse_json(data, path, "voting data")
    try:
        return Votes(doc)
    except KeyError as exc:
        raise DataError(
            t("invalid voting data {path}: missing {field}", path=where, field=printable(str(exc)))
        ) from None
    except (TypeError, ValueError, AttributeError, IndexError) as exc:
        # our own checks say what is wrong; Python's words for a value of another type do not
        problem = (
            str(exc)
            if isinstance(exc, ShapeError)
            else t("a value is not of the type or shape a voting file has")
        )
        raise DataError(
            t("invalid voting data {path}: {problem}", path=where, problem=printable(problem, 120))
        ) from None


# What the standard library's JSON reader says is wrong, in its words (English whatever the
# language), to be said in the reader's.
_JSON_ERRORS = frozenset(
    (
        N_("Expecting value"),
        N_("Expecting property name enclosed in double quotes"),
        N_("Expecting ':' delimiter"),
        N_("Expecting ',' delimiter"),
        N_("Unterminated string starting at"),
        N_("Invalid control character at"),
        N_("Invalid \\escape"),
        N_("Invalid \\uXXXX escape"),
        N_("Extra data"),
        N_("Illegal trailing comma before end of object"),
        N_("Illegal trailing comma before end of array"),
    )
)


def build(raw: dict[str, Any], path: str) -> Records:
    """Turn a parsed (and valid) dataset into records and indexes."""
    sources = {s["id"]: from_dict(Source, s) for s in raw["sources"]}
    countries = {c["code"]: from_dict(Country, c) for c in raw["countries"]}
    # ISO partial dates sort as text exactly as dates.sort_key orders them ('1999' before
    # '1999-01' before '1999-01-01'), without parsing each one.
    events = sorted((from_dict(Event, e) for e in raw["events"]), key=lambda e: (e.date, e.id))
    organisations = tuple(from_dict(Organisation, o) for o in raw["organisations"])
    return Records(
        path=path,
        schema_version=raw["schema_version"],
        dataset_date=raw.get("dataset_date"),
        facts_to=raw.get("facts_to"),
        sources=sources,
        countries=countries,
        events=tuple(events),
        organisations=organisations,
    )


# --- the records as the user cache keeps them ----------------------------------------------------
# Plain tuples in the records' field order (marshal stores no named tuples): unmarshalling them
# and giving each its class takes a third of the time of parsed JSON turned into records.
# The layout of the tuples: a copy made with other fields is a miss, whatever the version.
LAYOUT = ";".join(f"{c.__name__}:{','.join(c._fields)}" for c in RECORDS.values())


def table(dataset: Records) -> dict[str, Any]:
    """The dataset's records as plain data for the cache (`revive` turns them back): each part
    marshalled on its own, so that a run unmarshals only the parts it reads."""
    import marshal

    parts = {
        "sources": tuple(map(_plain, dataset.sources.values())),
        "countries": tuple(map(_plain, dataset.countries.values())),
        "events": tuple(map(_plain, dataset.events)),
        "organisations": tuple(map(_plain, dataset.organisations)),
    }
    return {
        "schema_version": dataset.schema_version,
        "dataset_date": dataset.dataset_date,
        "facts_to": dataset.facts_to,
        **{name: marshal.dumps(rows) for name, rows in parts.items()},
    }


def _plain(value: Any) -> Any:
    return tuple(map(_plain, value)) if isinstance(value, tuple) else value


_PARTS = ("sources", "countries", "events", "organisations")


def _is_table(value: Any) -> bool:
    return isinstance(value, dict) and all(isinstance(value.get(k), bytes) for k in _PARTS)


def revive(kept: dict[str, Any], path: str, bundled: bool = True) -> Records:
    """The records from what `table` kept, each part built when first read. (The copy proved
    itself whole before this: a part that still cannot be revived, a forgery by the cache's own
    user, is read from the file instead.)"""
    import marshal

    country, organisation = _reviver(Country), _reviver(Organisation)

    def part(name: str, revive: Callable[[Any], Any]) -> Callable[[], Any]:
        def build() -> Any:
            try:
                return revive(marshal.loads(kept[name]))
            except (KeyError, TypeError, ValueError, AttributeError, IndexError, EOFError):
                return getattr(_uncached(path, bundled), name)

        return build

    return Records._lazy(
        path,
        kept,
        {
            "sources": part("sources", lambda rows: {row[0]: Source._make(row) for row in rows}),
            "countries": part("countries", lambda rows: {row[0]: country(row) for row in rows}),
            "events": part("events", lambda rows: tuple(map(Event._make, rows))),
            "organisations": part("organisations", lambda rows: tuple(map(organisation, rows))),
        },
    )


def _reviver(cls: type[R]) -> Callable[[tuple[Any, ...]], R]:
    """How a cached row of `cls` becomes its record, with the records it holds (`model.SHAPES`)."""
    nested = [
        (i, holds.endswith("[]"), _reviver(RECORDS[holds.removesuffix("[]")]))
        for _, _, i, holds, _ in SHAPES[_NAME[cls]]
        if holds not in ("", "[]", "[[]]")
    ]
    make = cls._make  # type: ignore[attr-defined]
    if not nested:
        return make  # type: ignore[no-any-return]

    def revive(row: tuple[Any, ...]) -> R:
        fields = list(row)
        for i, many, sub in nested:
            value = row[i]
            if value is not None:
                fields[i] = tuple(map(sub, value)) if many else sub(value)
        return make(fields)  # type: ignore[no-any-return]

    return revive


_NAME = {cls: name for name, cls in RECORDS.items()}
