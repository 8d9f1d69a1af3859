"""perurel: sourced facts on the foreign relations of Peru.

>>> import perurel
>>> ds = perurel.load()
>>> ds.lookup("chile").relations.status
'active'
"""

from __future__ import annotations

from .errors import Ambiguous, DataError, ExitCode, NotFound, PerurelError, UsageError
from .store import Dataset, load

__version__ = "0.3.0"

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
