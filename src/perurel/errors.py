"""Errors the query layer raises; only the CLI turns them into exit codes."""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    """Stable exit codes for scripts (documented in the README)."""

    OK = 0
    NOT_FOUND = 1  # a name given matches nothing or several (an empty result is OK)
    USAGE = 2  # a bad option or argument
    DATA = 3  # the dataset (or the voting file) is missing, invalid or unreadable
    INTERNAL = 4  # a bug in perurel
    OUTPUT = 5  # the output cannot be written: stdout closed or full, or its encoding too narrow


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
            or 0xD800 <= code <= 0xDFFF  # a lone surrogate: no encoding can write it
        ):
            out.append(f"\\u{code:04x}")
        else:
            out.append(ch)
    s = "".join(out)
    return s if len(s) <= limit else s[: limit - 1] + "…"


# What text from data must never carry to a terminal: C0 controls but tab and line feed (ESC
# starts every escape sequence), DEL, the C1 controls (CSI 0x9B and OSC 0x9D act alone on some
# terminals), the bidirectional overrides and isolates that reorder what is shown, and lone
# surrogates, which no encoding can write.
UNSAFE = "[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]"


def _shown(code: int) -> str:
    """A control as a person can read it: caret notation for C0 and DEL (`^[` for ESC, as
    terminals echo them and gh shows them), the code point for the others (`<U+009B>`)."""
    if code < 0x20:
        return "^" + chr(code + 0x40)
    if code == 0x7F:
        return "^?"
    return f"<U+{code:04X}>"


_VISIBLE: dict[int, str] = {}


def visible(text: str) -> str:
    """Text as it may reach a terminal: every character in UNSAFE replaced by a visible form,
    so that data cannot move the cursor, clear the screen, set the title, make a link or
    reorder a line. Line feeds and tabs stay. Text without any (nearly all) costs one scan."""
    if text.isprintable():  # nothing in UNSAFE is printable: no need to compile the pattern
        return text
    import re

    found = re.search(UNSAFE, text)
    if found is None:
        return text
    if not _VISIBLE:
        _VISIBLE.update({c: _shown(c) for c in (*range(0x20), *range(0x7F, 0xA0))})
        _VISIBLE.update({c: _shown(c) for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A))})
        _VISIBLE.update({c: _shown(c) for c in range(0xD800, 0xE000)})
        for keep in (0x09, 0x0A):
            del _VISIBLE[keep]
    return text[: found.start()] + text[found.start() :].translate(_VISIBLE)


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
