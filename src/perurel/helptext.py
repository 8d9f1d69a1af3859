"""Help for people, rendered from `spec` without Typer: the same text on every Typer version, at
any width, in a fraction of the time Typer takes to import. Both entry paths print it: the fast
path for `--help`, `-h`, `perurel help [COMMAND]` and a bare `perurel`; the Typer app (for any
help it is asked for) through `cli`. Examples are printed as written, never wrapped: a command
line broken mid-word cannot be copied.
"""

from __future__ import annotations

from collections.abc import Sequence

from .i18n import N_, t
from .layout import wrap
from .spec import AFTER, ALIASES, APP_HELP, COMMANDS, EPILOG, GLOBAL, Command, Param

HELP_COMMAND = Command(
    "help",
    N_(
        "Help on a command, like COMMAND --help; with no command, the list of commands.\n\n"
        "Examples:\n  perurel help\n  perurel help timeline\n"
    ),
    (Param("command", "argument", help=N_("The command to explain."), metavar="[COMMAND]"),),
)
LEFT_MAX = 28  # the widest the option column gets; a longer option puts its help below it


def render(command: str | None, width: int) -> str:
    """The help of one command (or, for None, of perurel), without a final newline, in the
    current language (every text is declared in English and translated from the catalogue)."""
    width = max(width, 40)
    cmd = None if command is None else COMMANDS.get(ALIASES.get(command, command), HELP_COMMAND)
    lines = _app(width) if cmd is None else _command(cmd, width)
    return "\n".join(lines).rstrip()


def usage(cmd: Command) -> str:
    """`perurel timeline [OPTIONS]`, `perurel country QUERY... [OPTIONS]`."""
    words = ["perurel", cmd.name]
    for p in cmd.params:
        if p.kind == "argument":
            name = (p.metavar or p.name.upper() + ("..." if p.many else "")).strip("[]")
            words.append(name if p.required else f"[{name}]")
    if any(p.kind != "argument" for p in cmd.params):
        words.append("[OPTIONS]")
    return " ".join(words)


def _app(width: int) -> list[str]:
    lines = [t("Usage: {line}", line="perurel [OPTIONS] COMMAND [ARGS]..."), ""]
    lines += [*_doc(APP_HELP, width), t("Commands:")]
    summaries = [(c.name, t(c.doc).strip().split("\n", 1)[0]) for c in COMMANDS.values()]
    summaries.append(("help", t(HELP_COMMAND.doc).split("\n", 1)[0]))
    lines += _columns(summaries, width)
    lines += ["", t("Global options (also after the command, but for --version):")]
    lines += _columns([*_rows(GLOBAL), ("-h, --help", t("Show this help and exit."))], width)
    return [*lines, "", *wrap(t(EPILOG), width)]


def _command(cmd: Command, width: int) -> list[str]:
    lines = [t("Usage: {line}", line=usage(cmd)), "", *_doc(cmd.doc, width)]
    arguments = [p for p in cmd.params if p.kind == "argument"]
    options = [p for p in cmd.params if p.kind != "argument"]
    if arguments:
        lines += [t("Arguments:"), *_columns(_rows(arguments), width), ""]
    own = [*_rows(options), ("-h, --help", t("Show this help."))]
    lines += [t("Options:"), *_columns(own, width)]
    if cmd is not HELP_COMMAND:
        lines += [
            "",
            t("Global options (also before the command):"),
            *_columns(_rows(AFTER), width),
        ]
    return lines


def _doc(doc: str, width: int) -> list[str]:
    """A docstring's paragraphs wrapped to the width; a block whose lines after the first are
    indented (`Examples:`) kept as written."""
    out: list[str] = []
    for block in t(doc).strip().split("\n\n"):
        lines = block.split("\n")
        if len(lines) > 1 and all(line.startswith("  ") for line in lines[1:]):
            out += lines
        else:
            out += wrap(" ".join(line.strip() for line in lines), width)
        out.append("")
    return out


def _rows(params: Sequence[Param]) -> list[tuple[str, str]]:
    rows = []
    for p in params:
        if p.kind == "argument":
            left = (p.metavar or p.name.upper() + ("..." if p.many else "")).strip("[]")
        else:
            left = ", ".join(p.flags)
            if p.kind != "flag":
                value = "|".join(_choices(p)) if p.choices else (p.metavar or "TEXT")
                left += f" {value}"
        text = t(p.help)
        if p.kind == "multi":
            text += "" if "repeat" in p.help else t(" (repeatable)")
        if p.kind == "value" and p.default is not None:
            default = _choices(p, (p.default,))[0] if p.choices else p.default
            text += t(" (default: {default})", default=default)
        rows.append((left, text))
    return rows


def _choices(p: Param, given: Sequence[str] | None = None) -> list[str]:
    """A closed set's values (or some of them) as the reader writes them."""
    chosen = list(p.choices or ()) if given is None else [str(g) for g in given]
    if p.words is None:
        return chosen
    from .i18n import values

    return values(p.words, chosen)


def _columns(rows: Sequence[tuple[str, str]], width: int) -> list[str]:
    """Two columns: the name indented by two, its text wrapped beside it (or below it, when the
    name is wider than the column)."""
    left = min(LEFT_MAX, max(len(name) for name, _ in rows))
    room = max(width - left - 4, 20)
    out: list[str] = []
    for name, text in rows:
        body = wrap(text, room)
        if len(name) > left:
            out.append(f"  {name}")
            out += [f"  {'':{left}}  {line}" for line in body]
        else:
            out.append(f"  {name:{left}}  {body[0]}".rstrip())
            out += [f"  {'':{left}}  {line}" for line in body[1:]]
    return out
