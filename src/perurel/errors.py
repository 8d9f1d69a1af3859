"""Errors the query layer raises; only the CLI turns them into exit codes."""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    """Stable exit codes for scripts (documented in the README)."""

    OK = 0
    NOT_FOUND = 1  # a name given matches nothing or several (an empty result is OK)
    USAGE = 2  # a bad option or argument
    DATA = 3  # the dataset is missing or invalid
    INTERNAL = 4  # a bug in perurel


_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t", "\x1b": "\\e"}


def printable(text: str, limit: int = 80) -> str:
    """Text safe to echo back on a terminal: control and bidi characters escaped, length capped."""
    out = []
    for ch in text:
        code = ord(ch)
        if ch in _ESCAPES:
            out.append(_ESCAPES[ch])
        elif (
            code < 0x20
            or 0x7F <= code < 0xA0
            or 0x200B <= code <= 0x200F
            or 0x202A <= code <= 0x202E
            or 0x2066 <= code <= 0x2069
        ):
            out.append(f"\\u{code:04x}")
        else:
            out.append(ch)
    s = "".join(out)
    return s if len(s) <= limit else s[: limit - 1] + "…"


def quoted(text: str, limit: int = 80) -> str:
    """`printable(text)` between single quotes, for echoing what someone typed."""
    return f"'{printable(text, limit)}'"


class PerurelError(Exception):
    """Base of perurel's errors: a message for a person and an exit code for a script."""

    exit_code: ExitCode = ExitCode.INTERNAL

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class NotFound(PerurelError):
    """No country (or record) matches what was asked."""

    exit_code = ExitCode.NOT_FOUND

    def __init__(self, message: str, suggestions: tuple[str, ...] = ()) -> None:
        super().__init__(message)
        self.suggestions = suggestions


class Ambiguous(PerurelError):
    """The query fits several countries about equally well."""

    exit_code = ExitCode.NOT_FOUND

    def __init__(self, message: str, candidates: tuple[str, ...]) -> None:
        super().__init__(message)
        self.candidates = candidates


class UsageError(PerurelError):
    """An option value that cannot be used (e.g. a malformed date)."""

    exit_code = ExitCode.USAGE


class DataError(PerurelError):
    """The dataset cannot be read or is invalid."""

    exit_code = ExitCode.DATA
