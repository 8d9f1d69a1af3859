"""Named tuples declared with the class syntax of `typing.NamedTuple`, built without `typing`.

`typing.NamedTuple` checks every field's annotation by compiling it (a `ForwardRef` each), and
importing `typing` itself costs as much again: together a tenth of a lookup's run. perurel's
records are declared as usual (`class Source(NamedTuple): ...`, so type checkers read them as
typing's), and at run time this module builds them with `collections.namedtuple`:

    from .tuples import TYPE_CHECKING, NamedTuple

    if TYPE_CHECKING:
        from typing import Any

The classes behave as typing's do in Python 3.11: fields in order, defaults, methods,
properties and docstrings kept; `_fields`, `_asdict`, `_replace`, `_field_defaults`.
"""

from __future__ import annotations

TYPE_CHECKING = False  # type checkers take any name TYPE_CHECKING as true

if TYPE_CHECKING:
    from typing import NamedTuple as NamedTuple
else:
    from collections import namedtuple

    # what the class body holds that is not a field, a method or a docstring of the record
    _IGNORED = frozenset(
        {"__module__", "__qualname__", "__annotations__", "__dict__", "__weakref__"}
    )

    class _Builder(type):
        """The metaclass of `class X(NamedTuple)`: returns a `collections.namedtuple`."""

        def __new__(mcls, typename, bases, namespace):
            fields = list(namespace.get("__annotations__", {}))
            defaults = [namespace[f] for f in fields if f in namespace]
            if any(f not in namespace for f in fields[len(fields) - len(defaults) :]):
                raise TypeError(f"{typename}: a field without a default follows one with a default")
            cls = namedtuple(typename, fields, defaults=defaults, module=namespace["__module__"])
            cls.__qualname__ = namespace.get("__qualname__", typename)
            for key, value in namespace.items():
                if key not in _IGNORED and key not in fields:
                    setattr(cls, key, value)
            return cls

    _Base = type.__new__(_Builder, "NamedTuple", (), {})

    def NamedTuple(typename, fields=None, /):
        """Only the class syntax is supported."""
        raise TypeError("declare records with the class syntax: class X(NamedTuple): ...")

    NamedTuple.__mro_entries__ = lambda bases: (_Base,)
