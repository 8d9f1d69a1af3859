"""Results kept between runs in the user's cache directory: `perurel` starts many times a day on
the same data, and parsing it or indexing it for search need not happen each time.

A copy must prove itself before it is used, as Python's hash-based `.pyc` files do (PEP 552):
each file holds a digest (BLAKE2b) of its content and a key naming the source file by a strong
identity (device, inode, size, modification and change times in nanoseconds), perurel's version
and anything else the result depends on. A copy whose digest, key or shape does not match, or
that cannot be read, is a miss: the result is rebuilt from the source, never served.

The folders are the user's alone (0700, files 0600); a file is opened without following
symlinks and used only if it is a regular file owned by the user and of a bounded size; writes
are atomic (a part file, fsync, rename); part files of writers that died are removed, and only
the newest copies are kept. A relative or missing cache base (`XDG_CACHE_HOME`, `HOME`) or
`PERUREL_NO_CACHE=1` turns the cache off. A cache that cannot be used only costs the work.
Values are plain data (marshal): lists, dicts, sets, strings, numbers.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable

from .tuples import TYPE_CHECKING

if TYPE_CHECKING:
    from typing import Any

MAGIC = b"perurel\x02"  # the file format: bump when the layout below changes
DIGEST_SIZE = 32
KEEP = 8  # copies kept per kind (datasets and perurel versions together)
STALE_PART = 3600.0  # seconds after which a part file is abandoned even if its writer lives
NO_CACHE = "PERUREL_NO_CACHE"


def base() -> str | None:
    """The cache base directory, or None when the cache is off: `PERUREL_NO_CACHE=1`, or no
    absolute `XDG_CACHE_HOME` or `HOME` to put it in (never the working directory)."""
    if os.environ.get(NO_CACHE, "") not in ("", "0"):
        return None
    xdg = os.environ.get("XDG_CACHE_HOME", "")
    if xdg:
        return xdg if os.path.isabs(xdg) else None
    home = os.environ.get("HOME", "")
    return os.path.join(home, ".cache") if os.path.isabs(home) else None


def identity(st: os.stat_result) -> str:
    """What names one version of a file: replacing it (a new inode), writing it (size, mtime)
    or touching its times back (ctime) all change this."""
    return f"{st.st_dev}:{st.st_ino}:{st.st_size}:{st.st_mtime_ns}:{st.st_ctime_ns}"


def cached(
    kind: str,
    path: str,
    build: Callable[[], Any],
    salt: str = "",
    *,
    source: os.stat_result | None = None,
    shape: Callable[[Any], bool] | None = None,
) -> Any:
    """`build()`, or what it returned before for this version of the file at `path`.

    `source` is the file's status as it was read (from `os.fstat` of the descriptor the data
    came from); without it the path is looked up now. Only regular files are cached. `salt`
    names anything else the result depends on (e.g. the tables an index is built with);
    `shape` says whether a stored value looks like what `build` returns."""
    if source is None:
        try:
            source = os.stat(path)
        except (OSError, ValueError):
            return build()  # which words the error, if there is one
    if not stat.S_ISREG(source.st_mode):
        return build()
    root = base()
    if root is None:
        return build()
    from . import __version__

    key = f"{os.path.abspath(path)}\0{identity(source)}\0{__version__}\0{salt}"
    name = _digest(f"{os.path.abspath(path)}\0{__version__}\0{salt}".encode())[:16].hex()
    name = f"{name}.cache"
    folder = _folder(root, kind)
    if folder is None:
        return build()
    try:
        limit = 16 * source.st_size + (16 << 20)
        found = _read(folder, name, key, limit)
        if found is not None and (shape is None or shape(found[0])):
            return found[0]
        value = build()
        _write(folder, name, key, value)
        return value
    finally:
        os.close(folder)


def derived(
    kind: str,
    records: Any,
    build: Callable[[], Any],
    tables: object,
    shape: Callable[[Any], bool],
) -> Any:
    """`build()`, an index derived from a dataset's records, kept like the records themselves:
    per version of the file they were read from, and of the `tables` the index is built with
    (their repr, as a checksum). Records not read from a file (built in Python) have nothing to
    key on: the index is built each time."""
    status = getattr(records, "file_status", None)
    if status is None:
        return build()
    import zlib

    salt = f"{zlib.crc32(repr(tables).encode()):08x}"
    return cached(kind, records.path, build, salt, source=status, shape=shape)


def _digest(data: bytes | memoryview) -> bytes:
    # _blake2 directly: hashlib loads OpenSSL first (~3 ms of start-up for a function we have).
    try:
        from _blake2 import blake2b
    except ImportError:  # pragma: no cover - another Python
        from hashlib import blake2b
    return blake2b(data, digest_size=DIGEST_SIZE).digest()


def _folder(root: str, kind: str) -> int | None:
    """A descriptor of `root/perurel/kind`, created 0700, or None when it is not the user's
    own: a symlink, another owner, or a folder others may write to."""
    fd = -1
    try:
        os.makedirs(root, mode=0o700, exist_ok=True)
        fd = os.open(root, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
        for part in ("perurel", kind):
            try:  # noqa: SIM105 - contextlib is not imported on a lookup's path
                os.mkdir(part, 0o700, dir_fd=fd)
            except FileExistsError:
                pass
            inner = os.open(
                part, os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW | os.O_CLOEXEC, dir_fd=fd
            )
            os.close(fd)
            fd = inner
            st = os.fstat(fd)
            if st.st_uid != os.geteuid():
                raise PermissionError(part)
            if st.st_mode & 0o077:  # ours, but from a version that used the umask: tighten
                os.fchmod(fd, 0o700)
        return fd
    except (OSError, ValueError):
        if fd >= 0:
            os.close(fd)
        return None


def _read(folder: int, name: str, key: str, limit: int) -> tuple[Any] | None:
    """The value stored under `name` if the file proves it is a copy for `key`, else None."""
    try:
        fd = os.open(
            name, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC, dir_fd=folder
        )
    except (OSError, ValueError):
        return None
    try:
        st = os.fstat(fd)
        if (
            not stat.S_ISREG(st.st_mode)
            or st.st_uid != os.geteuid()
            or st.st_mode & 0o077
            or not len(MAGIC) + DIGEST_SIZE < st.st_size <= limit
        ):
            return None
        data = read_upto(fd, st.st_size)
    except (OSError, MemoryError):
        return None
    finally:
        os.close(fd)
    head = len(MAGIC) + DIGEST_SIZE
    if len(data) != st.st_size or data[: len(MAGIC)] != MAGIC:
        return None
    body = memoryview(data)[head:]
    if _digest(body) != data[len(MAGIC) : head]:
        return None
    import marshal

    try:
        stored_key, value = marshal.loads(body)
    except Exception:  # a digest that matches a body marshal cannot read: not ours
        return None
    return (value,) if stored_key == key else None


def read_upto(fd: int, size: int) -> bytes:
    """At most `size` + 1 bytes of an open file: one more than measured tells a file that grew
    since fstat (the cache's copies and the dataset alike) from the one measured."""
    chunks = []
    left = size + 1
    while left > 0:
        chunk = os.read(fd, min(left, 1 << 24))
        if not chunk:
            break
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)


def _write(folder: int, name: str, key: str, value: Any) -> None:
    """Store `value` under `name` atomically; then remove dead part files and old copies."""
    import marshal

    try:
        body = marshal.dumps((key, value))
    except ValueError:  # not plain data: nothing to keep
        return
    part = f"{name}.{os.getpid()}.{os.urandom(4).hex()}.part"
    try:
        fd = os.open(
            part,
            os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC,
            0o600,
            dir_fd=folder,
        )
    except (OSError, ValueError):
        return
    try:
        try:
            view = memoryview(MAGIC + _digest(body) + body)
            while view:
                view = view[os.write(fd, view) :]
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(part, name, src_dir_fd=folder, dst_dir_fd=folder)
    except OSError:
        _unlink(folder, part)
        return
    _tidy(folder, keep=name)


def _tidy(folder: int, keep: str) -> None:
    """Remove part files whose writer is gone (or that are old), anything that is not a copy
    (an older perurel's `.marshal` files), and all but the newest KEEP copies (the one just
    written always stays)."""
    import time

    try:
        names = os.listdir(folder)
    except OSError:
        return
    now = time.time()
    copies: list[tuple[float, str]] = []
    for entry in names:
        if entry == keep:
            continue
        try:
            st = os.stat(entry, dir_fd=folder, follow_symlinks=False)
        except OSError:
            continue
        if entry.endswith(".part") or ".marshal." in entry:  # a writer's file (or an old one)
            pid = entry.rsplit(".", 3)[-3] if entry.endswith(".part") else entry.rsplit(".", 1)[1]
            if now - st.st_mtime > STALE_PART or not _alive(pid):
                _unlink(folder, entry)
        elif not stat.S_ISREG(st.st_mode) or not entry.endswith(".cache"):
            _unlink(folder, entry)  # a symlink or anything else planted here, or an old format
        else:
            copies.append((st.st_mtime, entry))
    copies.sort(reverse=True)
    for _, entry in copies[KEEP - 1 :]:
        _unlink(folder, entry)


def _alive(pid: str) -> bool:
    if not pid.isdigit():
        return False
    if int(pid) == os.getpid():
        return True
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return False
    except (OSError, OverflowError):
        return True  # someone else's process, or unknown: leave its file to age out
    return True


def _unlink(folder: int, entry: str) -> None:
    try:  # noqa: SIM105 - as above
        os.unlink(entry, dir_fd=folder)
    except OSError:
        pass
