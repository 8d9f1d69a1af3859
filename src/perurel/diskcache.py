"""Results kept between runs in the user's cache directory, one file per version of a dataset
file (its path, size and modification time, and perurel's version): `perurel` starts many
times a day on the same data, and parsing it or indexing it for search need not happen each
time. Values are plain data (marshal): lists, dicts, sets, strings, numbers. A cache that cannot
be read or written only costs the next run the work."""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any


def cached(kind: str, path: str, build: Callable[[], Any], salt: str = "") -> Any:
    """`build()`, or what it returned for this version of the file at `path` before; `salt`
    names anything else the result depends on (e.g. the tables an index is built with)."""
    try:
        st = os.stat(path)
    except (OSError, ValueError):
        return build()  # which words the error, if there is one
    import marshal
    import zlib

    from . import __version__

    key = f"{os.path.abspath(path)}\0{st.st_size}\0{st.st_mtime_ns}\0{__version__}\0{salt}"
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    copy = os.path.join(base, "perurel", kind, f"{zlib.crc32(key.encode()):08x}.marshal")
    try:
        with open(copy, "rb") as f:
            stored_key, value = marshal.loads(f.read())
        if stored_key == key:
            return value
    except (OSError, EOFError, ValueError, TypeError):
        pass
    value = build()
    try:
        os.makedirs(os.path.dirname(copy), exist_ok=True)
        part = f"{copy}.{os.getpid()}"
        with open(part, "wb") as f:
            marshal.dump((key, value), f)
        os.replace(part, copy)
    except (OSError, ValueError):
        pass
    return value
