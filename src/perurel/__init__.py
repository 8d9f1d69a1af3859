"""perurel: sourced facts on the foreign relations of Peru.

>>> import perurel
>>> ds = perurel.load()
>>> ds.country("chile").relations.status
'active'
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

from .errors import Ambiguous, DataError, ExitCode, NotFound, PerurelError, UsageError
from .store import Dataset, load

try:
    __version__ = version("perurel")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0+unknown"

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
