"""Writing to the terminal for both entry paths: errors, notes, and the guard that turns every
failure into one line on stderr and an exit code. No Typer, no Rich."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence

from .errors import ExitCode, PerurelError, printable, visible
from .tuples import TYPE_CHECKING

if TYPE_CHECKING:
    from typing import Any

    from .layout import Line

ISSUES_URL = "https://github.com/perurel/perurel/issues"


def debugging() -> bool:
    """True when PERUREL_DEBUG (or --debug) asks for tracebacks of internal errors."""
    return os.environ.get("PERUREL_DEBUG", "") not in ("", "0")


def error(message: str) -> None:
    """One line on stderr: `perurel: error: …` (the message already in the reader's language)."""
    from .i18n import t

    _stderr(t("perurel: error: {message}", message=visible(message)) + "\n")


def note(message: str) -> None:
    """A remark for the person at the terminal, kept off stdout so scripts get clean output."""
    _stderr(f"perurel: {visible(message)}\n")


def warn(line: str) -> None:
    """A line on stderr as it is worded (`validate`'s warnings), made visible."""
    _stderr(visible(line) + "\n")


def write(text: str) -> None:
    """Text on stdout as it is: records for machines, citations, a drawing, help. Its caller made
    it safe (`formats`, `errors.visible`); a failure to write goes up to `guard`."""
    sys.stdout.write(text)


def on_terminal() -> bool:
    """Whether stdout is a terminal (False when it is closed)."""
    try:
        return sys.stdout.isatty()
    except ValueError:
        return False


def _stderr(text: str) -> None:
    """Messages go to stderr if there is one; a closed or full stderr loses them, not the
    exit code."""
    try:
        if sys.stderr is not None:
            sys.stderr.write(text)
            sys.stderr.flush()
    except (OSError, ValueError):
        pass


def streams_open() -> bool:
    """Before anything runs: a closed stderr (2>&-) becomes /dev/null, so errors are lost but
    exit codes are not; False, said on stderr, when stdout is closed (>&-): nothing can be
    answered."""
    if sys.stderr is None:
        sys.stderr = open(os.devnull, "w")  # noqa: SIM115 - for the life of the process
    if sys.stdout is None:
        from .i18n import t, use_args

        use_args(sys.argv[1:])  # the language asked for (--lang or the environment), even here
        error(t("cannot write the output: standard output is closed"))
        return False
    return True


def silence_stdout() -> None:
    """The reader went away (`perurel timeline | head -1`): point stdout at /dev/null so the
    interpreter's final flush does not complain about the broken pipe."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


PAGING = {"allowed": True}  # --no-pager turns it off
DEFAULT_PAGER = "less"
LESS = "FRX"  # as git sets it: quit if one screen, keep colours, leave the text on screen


def show(lines: Sequence[Line]) -> None:
    """Lines from `layout` on stdout: through Rich when colour is on, as plain text otherwise;
    on a terminal, output taller than the screen goes through the pager. (Each line's text is
    joined once, for the check, the width and the plain text alike.)"""
    from . import layout

    texts = [_text(line) for line in lines]
    if _unsafe(texts):  # every control character from data made visible (`errors.visible`)
        lines = [[(visible(text), style) for text, style in line] for line in lines]
        texts = [_text(line) for line in lines]
    if layout.DROPPED:
        from .i18n import t

        note(
            t(
                "left out to fit {width} columns: {columns} (--fields chooses the columns; a "
                "wider terminal shows them)",
                width=layout.width(),
                columns=", ".join(layout.DROPPED),
            )
        )
        layout.DROPPED.clear()
    width = layout.width()
    if any(len(text) > width for text in texts):  # wrap only the lines that are too wide
        fitted: list[Line] = []
        fitted_texts: list[str] = []
        for line, text in zip(lines, texts, strict=True):
            if len(text) > width:
                wrapped = layout.fit([line], width)
                fitted += wrapped
                fitted_texts += map(_text, wrapped)
            else:
                fitted.append(line)
                fitted_texts.append(text)
        lines, texts = fitted, fitted_texts
    pager = _pager(len(lines))
    if pager is not None and _page(pager, lines, layout.colour()):
        return
    if layout.colour():
        from .colour import print_lines

        print_lines(lines, sys.stdout)
    else:
        sys.stdout.write("".join(text + "\n" for text in texts))


def _text(line: Line) -> str:
    return "".join([text for text, _ in line])


def _unsafe(texts: Sequence[str]) -> bool:
    if "".join(texts).isprintable():  # no control, format or surrogate character: the usual case
        return False
    import re  # the pattern's compilation costs more than the rest of a short answer

    from .errors import UNSAFE

    return re.search(UNSAFE, "\n".join(texts)) is not None


def _pager(count: int) -> str | None:
    """The pager command for `count` lines, or None: only on a terminal, only when the lines do
    not fit, never with --no-pager, PAGER='' or PAGER=cat."""
    if not PAGING["allowed"]:
        return None
    try:
        if not (sys.stdout.isatty() and sys.stdin.isatty()):
            return None
    except ValueError:
        return None
    from .layout import height

    if count < height():
        return None
    command = os.environ.get("PERUREL_PAGER", os.environ.get("PAGER", DEFAULT_PAGER)).strip()
    return None if command in ("", "cat") else command


def _page(command: str, lines: Sequence[Line], colour: bool) -> bool:
    """Write the lines through `command`; False if it cannot be started (then print them)."""
    import io
    import shlex
    import subprocess

    from . import layout

    if colour:
        from .colour import print_lines

        buffer = io.StringIO()
        print_lines(lines, buffer, force=True)
        text = buffer.getvalue()
    else:
        text = layout.plain(lines)
    env = dict(os.environ)
    env.setdefault("LESS", LESS)
    try:
        words = shlex.split(command)
        process = subprocess.Popen(
            words, stdin=subprocess.PIPE, env=env, text=True, encoding=sys.stdout.encoding
        )
    except (OSError, ValueError, LookupError):
        return False
    try:
        assert process.stdin is not None
        process.stdin.write(text)
        process.stdin.close()
    except BrokenPipeError:  # the person quit the pager before the end
        pass
    except KeyboardInterrupt:
        pass
    # A pager that fails (PAGER=false, a typo the shell cannot find) has shown nothing: the
    # lines are printed instead. (less exits 0 when the person quits it.)
    return process.wait() == 0


def guard(invoke: Callable[[], Any]) -> int:
    """Run `invoke`, turning perurel's errors, a closed pipe, an output that cannot be written,
    ^C and bugs into one line on stderr and an exit code."""
    try:
        result = invoke()
        if sys.stdout is not None:
            sys.stdout.flush()
        return result if isinstance(result, int) else ExitCode.OK
    except PerurelError as exc:
        error(exc.message)
        return exc.exit_code
    except KeyboardInterrupt:
        _stderr("\n")
        return 130
    except BrokenPipeError:
        silence_stdout()
        return ExitCode.OK
    except UnicodeEncodeError as exc:
        silence_stdout()
        encoding = getattr(sys.stdout, "encoding", None) or exc.encoding
        from .i18n import t

        shown = repr(printable(exc.object[exc.start : exc.end]))
        error(
            t(
                "the output's encoding ({encoding}) cannot show {text}; use a UTF-8 locale or "
                "PYTHONIOENCODING=utf-8",
                encoding=encoding,
                text=shown,
            )
        )
        return ExitCode.OUTPUT
    except OSError as exc:
        import errno

        # a write to stdout: a full disk or quota, a file too large, a device error, a
        # descriptor not open for writing
        if exc.errno not in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EIO, errno.EBADF):
            return _bug(exc)
        silence_stdout()
        from .i18n import oserror, t

        error(t("cannot write the output: {problem}", problem=oserror(exc)))
        return ExitCode.OUTPUT
    except (AttributeError, ValueError) as exc:
        if sys.stdout is None or sys.stdout.closed:  # stdout closed before or during the run
            from .i18n import t

            error(t("cannot write the output: standard output is closed"))
            return ExitCode.OUTPUT
        return _bug(exc)
    except Exception as exc:
        return _bug(exc)


def _bug(exc: Exception) -> int:
    if debugging():
        raise exc
    from .i18n import t

    problem = f"{type(exc).__name__}: {printable(str(exc), 200)}"
    error(
        t(
            "internal error: {problem} — this is a bug, please report it at {url} "
            "(PERUREL_DEBUG=1 or --debug shows the traceback)",
            problem=problem,
            url=ISSUES_URL,
        )
    )
    return ExitCode.INTERNAL
