"""Named tuples declared with the class syntax of `typing.NamedTuple`, built without `typing`.

`typing.NamedTuple` checks every field's annotation by compiling it (a `ForwardRef` each), and
`collections.namedtuple` compiles a constructor for every class; importing `typing` costs as
much again. perurel declares its records as usual (`class Source(NamedTuple): ...`, so type
checkers read them as typing's), and at run time this module builds each class from one shared
constructor and the C field getters `collections` uses, in a tenth of the time:

    from .tuples import TYPE_CHECKING, NamedTuple

    if TYPE_CHECKING:
        from typing import Any

The classes behave as typing's do in Python 3.11: fields in order, defaults, methods,
properties and docstrings kept; `_fields`, `_field_defaults`, `_make`, `_replace`, `_asdict`,
the same repr, equality and hashing as tuples, pickling by reference to the class.
"""

from __future__ import annotations

TYPE_CHECKING = False  # type checkers take any name TYPE_CHECKING as true

if TYPE_CHECKING:
    from typing import NamedTuple as NamedTuple
else:
    try:
        from _collections import _tuplegetter as _getter
    except ImportError:  # pragma: no cover - another Python

        def _getter(index, doc):
            from operator import itemgetter

            return property(itemgetter(index), doc=doc)

    _MISSING = object()

    class _Record(tuple):
        """What every record class shares with `collections.namedtuple`'s."""

        __slots__ = ()

        @classmethod
        def _make(cls, iterable):
            return tuple.__new__(cls, iterable)

        def _replace(self, /, **changes):
            result = tuple.__new__(type(self), map(changes.pop, self._fields, self))
            if changes:
                raise ValueError(f"Got unexpected field names: {list(changes)!r}")
            return result

        def _asdict(self):
            return dict(zip(self._fields, self, strict=True))

        def __repr__(self):
            pairs = ", ".join(
                f"{name}={value!r}" for name, value in zip(self._fields, self, strict=True)
            )
            return f"{type(self).__name__}({pairs})"

        def __getnewargs__(self):
            return tuple(self)

    def _constructor(fields, defaults):
        """`__new__` for these fields: positional arguments (the usual call) go straight to
        `tuple.__new__`; keywords are placed by name."""
        n, required = len(fields), len(fields) - len(defaults)
        slots = (_MISSING,) * required + tuple(defaults)
        where = {name: i for i, name in enumerate(fields)}
        new = tuple.__new__

        def __new__(cls, *args, **kwargs):
            given = len(args)
            if not kwargs and required <= given <= n:
                return new(cls, args + slots[given:])
            if given > n:
                raise TypeError(f"{cls.__name__}() takes {n} arguments but {given} were given")
            values = [*args, *slots[given:]]
            for name, value in kwargs.items():
                i = where.get(name)
                if i is None:
                    raise TypeError(f"{cls.__name__}() got an unexpected keyword argument {name!r}")
                if i < given:
                    raise TypeError(f"{cls.__name__}() got multiple values for argument {name!r}")
                values[i] = value
            if _MISSING in values:
                missing = [f for f, v in zip(fields, values, strict=True) if v is _MISSING]
                raise TypeError(f"{cls.__name__}() missing required arguments: {missing}")
            return new(cls, values)

        return __new__

    # what the class body holds that is not a field, a method or a docstring of the record
    _IGNORED = frozenset({"__module__", "__qualname__", "__annotations__", "__dict__"})

    class _Builder(type):
        """The metaclass of `class X(NamedTuple)`: builds the record class."""

        def __new__(mcls, typename, bases, namespace):
            fields = tuple(namespace.get("__annotations__", {}))
            defaults = tuple(namespace[f] for f in fields if f in namespace)
            if any(f not in namespace for f in fields[len(fields) - len(defaults) :]):
                raise TypeError(f"{typename}: a field without a default follows one with a default")
            body = {
                "__slots__": (),
                "__module__": namespace.get("__module__"),
                "__qualname__": namespace.get("__qualname__", typename),
                "__doc__": f"{typename}({', '.join(fields)})",
                "__match_args__": fields,
                "_fields": fields,
                "_field_defaults": dict(
                    zip(fields[len(fields) - len(defaults) :], defaults, strict=True)
                ),
                "__new__": _constructor(fields, defaults),
            }
            for i, name in enumerate(fields):
                body[name] = _getter(i, f"Alias for field number {i}")
            for key, value in namespace.items():
                if key not in _IGNORED and key not in fields:
                    body[key] = value
            return type.__new__(type, typename, (_Record,), body)

    _Base = type.__new__(_Builder, "NamedTuple", (), {})

    def NamedTuple(typename, fields=None, /):
        """Only the class syntax is supported."""
        raise TypeError("declare records with the class syntax: class X(NamedTuple): ...")

    NamedTuple.__mro_entries__ = lambda bases: (_Base,)
