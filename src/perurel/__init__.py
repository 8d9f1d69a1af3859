"""perurel: sourced facts on the foreign relations of Peru.

>>> import perurel
>>> ds = perurel.load()
>>> ds.lookup("chile").relations.status
'active'
"""

from __future__ import annotations

from .tuples import TYPE_CHECKING

if TYPE_CHECKING:
    from .api import Dataset, load
    from .errors import Ambiguous, DataError, ExitCode, NotFound, PerurelError, UsageError

__version__ = "0.3.0"

# The API is imported when first used (PEP 562): `perurel --version` and help, which run from
# this package too, need none of it.
_FROM = {
    "Ambiguous": "errors",
    "DataError": "errors",
    "ExitCode": "errors",
    "NotFound": "errors",
    "PerurelError": "errors",
    "UsageError": "errors",
    "Dataset": "api",
    "load": "api",
}


def __getattr__(name: str) -> object:
    if name not in _FROM:
        raise AttributeError(f"module 'perurel' has no attribute {name!r}")
    from importlib import import_module

    value = getattr(import_module(f".{_FROM[name]}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *_FROM])


__all__ = [
    "Ambiguous",
    "DataError",
    "Dataset",
    "ExitCode",
    "NotFound",
    "PerurelError",
    "UsageError",
    "__version__",
    "load",
]
