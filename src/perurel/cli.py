"""The Typer app, built from `spec`: help, shell completion and usage errors for every command.

Answering a well-formed command line is the fast path's job (`argv`, from `launch`); whatever it
does not take comes here. Each command is generated from its declaration in `spec` and calls the
same body in `commands`, so both paths share one option table and one implementation.
Works with the Typer of the day: nothing here imports click (which newer Typer vendors away).
"""

from __future__ import annotations

import inspect
import shlex
import sys
from collections.abc import Callable
from typing import Annotated, Any

import typer
from typer.core import TyperCommand, TyperGroup

from . import commands
from .colour import closed_pipe_is_success
from .errors import ExitCode, PerurelError, UsageError, printable, quoted
from .i18n import N_, t
from .spec import AFTER, ALIASES, APP_HELP, COMMANDS, EPILOG, GLOBAL, Command, Param
from .terminal import error, guard, write

_COMMAND_NAMES = (*COMMANDS, "help")
_FLAGS = {
    f for c in COMMANDS.values() for p in (*GLOBAL, *c.params) if p.kind == "flag" for f in p.flags
}


def _names(exc: BaseException) -> set[str]:
    """The class names in an exception's ancestry: click's exceptions and the copies newer Typer
    vendors have the same names, so this is how both are recognised."""
    return {k.__name__ for k in type(exc).__mro__}


def _run(invoke: Callable[[], Any]) -> int:
    """The guard of `terminal`, plus the parser's own usage errors, each as one line on stderr."""

    def clicked() -> Any:
        try:
            return invoke()
        except Exception as exc:
            names = _names(exc)
            if "NoArgsIsHelpError" in names:
                # Bare `perurel`: the help (Typer's rich help has already printed itself), success.
                text = exc.format_message()  # type: ignore[attr-defined]
                if text.strip():
                    write(text + "\n")
                return ExitCode.OK
            if "UsageError" in names and not isinstance(exc, PerurelError):
                ctx = getattr(exc, "ctx", None)
                where = ctx.command_path if ctx is not None else "perurel"
                message = None
                if "NoSuchOption" in names:
                    flag = str(getattr(exc, "option_name", ""))
                    message = misplaced(flag, where.split()[-1], ARGS)
                raise UsageError((message or _usage(exc, names)) + _see(where)) from None
            if "ClickException" in names:
                error(printable(exc.format_message(), 300))  # type: ignore[attr-defined]
                return int(getattr(exc, "exit_code", 1))
            if "Abort" in names and not isinstance(exc, PerurelError):
                raise KeyboardInterrupt from None
            raise

    return guard(clicked)


ARGS: list[str] = []  # the command line being parsed, for `misplaced`


def misplaced(flag: str, command: str, args: list[str]) -> str | None:
    """Where an option given in the wrong place belongs (None for an option nobody takes)."""
    owners = [c.name for c in COMMANDS.values() for p in c.params if flag in p.flags]
    if not owners:
        return None
    if command in COMMANDS:
        return t(
            "{option} is not an option of {command}; it belongs to {owners}",
            option=flag,
            command=command,
            owners=", ".join(owners),
        )
    # Before the command (`perurel --json country chile`): show the line with it moved.
    named = next((a for a in args if a in COMMANDS), None)
    if named not in owners:
        return t(
            "{option} is an option of {owners}: put it after the command",
            option=flag,
            owners=", ".join(owners),
        )
    takes_value = any(
        p.kind != "flag" for c in COMMANDS.values() for p in c.params if flag in p.flags
    )
    moved: list[str] = []
    rest: list[str] = []
    words = iter(args)
    for word in words:
        if word == flag:
            moved.append(word)
            if takes_value:
                moved.append(next(words, ""))
        elif word.startswith(flag + "="):
            moved.append(word)
        else:
            rest.append(word)
    line = " ".join(shlex.quote(w) for w in ("perurel", *rest, *moved))
    return t("{option} goes after the command: {line}", option=flag, line=line)


def _see(where: str) -> str:
    return t(" (see '{command} --help')", command=where)


def _usage(exc: Any, names: set[str]) -> str:
    """The parser's usage error in perurel's words, from what the exception carries (the
    framework's own wording is English only)."""
    param = getattr(exc, "param", None)
    if "NoSuchOption" in names:
        option = printable(exc.option_name)
        possible = [printable(p) for p in getattr(exc, "possibilities", None) or ()]
        if possible:
            return t(
                "no such option {option}; did you mean {options}?",
                option=option,
                options=", ".join(possible),
            )
        return t("no such option {option}", option=option)
    if "BadOptionUsage" in names:
        option = printable(exc.option_name)
        if exc.option_name in _FLAGS:
            return t("option {option} takes no value", option=option)
        return t("option {option} needs a value", option=option)
    if "MissingParameter" in names and param is not None:
        if getattr(param, "param_type_name", "") == "argument":
            name = (getattr(param, "metavar", None) or param.name or "").upper()
            return t("missing argument {name}", name=name.strip("[].").upper())
        return t("missing option {name}", name=" / ".join(getattr(param, "opts", ())))
    if "BadParameter" in names and param is not None:
        hint = " / ".join(getattr(param, "opts", ())) or (param.name or "").upper()
        return t("invalid value for {option}", option=hint)
    return printable(exc.format_message(), 300)


def _language(args: list[str]) -> None:
    """Choose the language before the parser runs, so that its errors are in it too."""
    from .i18n import use_args

    use_args(args)


GLOBAL_PANEL = N_("Global options")


def _rendered_help(name: str | None) -> str:
    """perurel's help for a command (or, for None, the app), the same as the fast path's."""
    from .helptext import render
    from .layout import width

    return render(name, width())


class PerurelCommand(TyperCommand):
    """Typer's command, with perurel's help (rendered from the spec, the same on every Typer)."""

    def get_help(self, ctx: Any) -> str:
        return _rendered_help(self.name)


class PerurelGroup(TyperGroup):
    """Typer's group, with perurel's help, one-line errors and stable exit codes."""

    def get_help(self, ctx: Any) -> str:
        return _rendered_help(None)

    def main(  # type: ignore[override]
        self,
        args: list[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        ARGS[:] = list(sys.argv[1:] if args is None else args)
        _language(ARGS)

        def invoke() -> Any:
            return super(PerurelGroup, self).main(
                args, prog_name or "perurel", complete_var, standalone_mode=False, **extra
            )

        code = _run(invoke)
        if standalone_mode:
            sys.exit(code)
        return code

    def resolve_command(self, ctx: Any, args: list[str]) -> Any:
        """perurel's error for a command that is not one, with the nearest names."""
        name = args[0] if args else ""
        if (
            name
            and not name.startswith("-")
            and self.get_command(ctx, name) is None
            and not ctx.resilient_parsing
        ):
            import difflib

            near = difflib.get_close_matches(name, _COMMAND_NAMES, n=3, cutoff=0.6)
            if near:
                message = t(
                    "no command {name}; did you mean {commands}?",
                    name=quoted(name),
                    commands=", ".join(near),
                )
            else:
                message = t(
                    "no command {name}; choose from {commands}",
                    name=quoted(name),
                    commands=", ".join(_COMMAND_NAMES),
                )
            raise UsageError(message + _see("perurel"))
        return super().resolve_command(ctx, args)


closed_pipe_is_success()

app = typer.Typer(
    cls=PerurelGroup,
    name="perurel",
    epilog=EPILOG,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
    rich_markup_mode="rich",
)


def _complete_country(incomplete: str) -> list[tuple[str, str]]:
    """Shell completion for country arguments: codes and names that begin with what was typed
    (case and accents ignored), completed after the letters as typed."""
    from .api import load
    from .text import normalize

    try:
        ds = load()
    except PerurelError:
        return []
    typed = normalize(incomplete)
    out = set()
    for c in ds.countries.values():
        for name in (c.name, c.name_es, c.code):
            head = name[: len(incomplete)]
            if len(name) >= len(incomplete) and normalize(head) == typed:
                out.add((incomplete + name[len(incomplete) :], f"{c.name} ({c.code})"))
    return sorted(out)


def _complete_kind(incomplete: str) -> list[str]:
    """Shell completion for event kinds (and their groups), after the last comma typed."""
    from .model import EVENT_KINDS
    from .spec import KIND_GROUPS

    done, _, last = incomplete.rpartition(",")
    head = f"{done}," if done else ""
    return [head + k for k in (*EVENT_KINDS, *KIND_GROUPS) if k.startswith(last.lower())]


def _complete_choice(param: Param) -> Callable[[str], list[str]]:
    """Shell completion for a closed set: its values as the reader writes them."""

    def complete(incomplete: str) -> list[str]:
        from .i18n import choose, use, values
        from .text import normalize

        use(choose())
        offered = values(param.words, param.choices or ()) if param.words else param.choices
        done, _, last = incomplete.rpartition(",")
        head = f"{done}," if done and param.kind == "multi" else ""
        typed = normalize(last if head else incomplete)
        return [head + v for v in offered or () if normalize(v).startswith(typed)]

    return complete


def _annotation(param: Param) -> Any:
    """`Annotated[type, typer.Option(...)]` for one declared parameter."""
    # Values reach the body as text: commands.run converts numbers and choices (and splits lists)
    # in perurel's words, for both paths alike.
    base: Any = str
    extra: dict[str, Any] = {"help": param.help}
    if param.metavar:
        extra["metavar"] = param.metavar
    elif param.choices is not None:
        extra["metavar"] = "[" + "|".join(param.choices) + "]"
    elif param.type == "int":
        extra["metavar"] = "INTEGER"
    if param.complete == "country":
        extra["autocompletion"] = _complete_country
    elif param.complete == "kind":
        extra["autocompletion"] = _complete_kind
    elif param.choices is not None:
        extra["autocompletion"] = _complete_choice(param)
    if param in AFTER:
        extra["rich_help_panel"] = GLOBAL_PANEL
    kind: Any
    if param.kind == "argument" and param.many:
        info = typer.Argument(show_default=False, **extra)
        kind = list[base]
    elif param.kind == "argument":
        info = typer.Argument(show_default=False, **extra)
        kind = base if param.required else base | None
    elif param.kind == "flag":
        info = typer.Option(*param.flags, **extra)
        kind = bool
    elif param.kind == "multi":
        info = typer.Option(*param.flags, **extra)
        kind = list[base] | None
    else:
        info = typer.Option(*param.flags, show_default=param.default is not None, **extra)
        kind = base if param.default is not None else base | None
    return Annotated[kind, info]


def _plain(value: Any, param: Param | None = None) -> Any:
    """The words of a `many` argument joined as the fast path joins them."""
    if param is not None and param.many and isinstance(value, list):
        return " ".join(value)
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def _command(cmd: Command) -> Callable[..., None]:
    """A Typer command function for one declaration: its signature is built from the spec."""

    def command(ctx: typer.Context, **values: Any) -> None:
        after = {p.name: values.pop(p.name) for p in AFTER}
        given = {k: v for k, v in after.items() if v not in (None, False)}
        # the global options, before the command or after it (the later counts); checked here,
        # once the command line asks for more than help
        state = commands.State(**{**ctx.find_root().meta.get(_GLOBALS, {}), **given})
        params = {p.name: p for p in cmd.params}
        if ctx.args:  # words no argument takes
            raise UsageError(
                t("unexpected words: {words}", words=" ".join(quoted(a) for a in ctx.args))
                + _see(ctx.command_path)
            )
        commands.run(cmd.name, state, {k: _plain(v, params[k]) for k, v in values.items()})

    parameters = [
        inspect.Parameter("ctx", inspect.Parameter.POSITIONAL_OR_KEYWORD, annotation=typer.Context)
    ]
    assert not {p.name for p in cmd.params} & {p.name for p in AFTER}, cmd.name
    for p in (*cmd.params, *AFTER):
        default = inspect.Parameter.empty if p.required else p.default
        parameters.append(
            inspect.Parameter(
                p.name,
                inspect.Parameter.KEYWORD_ONLY,
                default=default,
                annotation=_annotation(p),
            )
        )
    command.__signature__ = inspect.Signature(parameters)  # type: ignore[attr-defined]
    command.__annotations__ = {}
    command.__doc__ = cmd.doc
    command.__name__ = cmd.name
    return command


def _version(value: bool) -> None:
    if value:
        from .store import version_line

        write(version_line() + "\n")
        raise typer.Exit()


_GLOBALS = "perurel.globals"


def _root(ctx: typer.Context, **values: Any) -> None:
    ctx.meta[_GLOBALS] = {k: v for k, v in values.items() if k != "version"}
    if ctx.invoked_subcommand is None and not ctx.resilient_parsing:
        raise UsageError(
            t("name a command: {commands}", commands=", ".join(_COMMAND_NAMES)) + _see("perurel")
        )


def _global(p: Param) -> inspect.Parameter:
    annotation = _annotation(p)
    if p.name == "version":  # eager: answered before any command is looked at
        annotation = Annotated[
            bool, typer.Option(*p.flags, help=p.help, callback=_version, is_eager=True)
        ]
    return inspect.Parameter(
        p.name, inspect.Parameter.KEYWORD_ONLY, default=p.default, annotation=annotation
    )


_root.__signature__ = inspect.Signature(  # type: ignore[attr-defined]
    [
        inspect.Parameter("ctx", inspect.Parameter.POSITIONAL_OR_KEYWORD, annotation=typer.Context),
        *(_global(p) for p in GLOBAL),
    ]
)
_root.__annotations__ = {}
app.callback(help=APP_HELP, invoke_without_command=True)(_root)

for _cmd in COMMANDS.values():
    app.command(name=_cmd.name, cls=PerurelCommand, context_settings={"allow_extra_args": True})(
        _command(_cmd)
    )
for _alias, _target in ALIASES.items():
    app.command(
        name=_alias,
        cls=PerurelCommand,
        hidden=True,
        context_settings={"allow_extra_args": True},
    )(_command(COMMANDS[_target]))


@app.command(name="help", cls=PerurelCommand)
def _help(
    ctx: typer.Context,
    command: Annotated[
        str | None, typer.Argument(help=N_("The command to explain."), show_default=False)
    ] = None,
) -> int | None:
    """Help on a command, like COMMAND --help; with no command, the list of commands.

    Examples:
      perurel help
      perurel help timeline
    """
    root = ctx.find_root()
    group = root.command
    if command is None:
        write(group.get_help(root) + "\n")
        return None
    if command not in COMMANDS:
        raise UsageError(
            t(
                "no command {name}; choose from {commands}",
                name=quoted(command),
                commands=", ".join(COMMANDS),
            )
        )
    from .i18n import CURRENT

    # its exit code goes up: help that could not be written (a full disk) is not a success
    lang = ["--lang", CURRENT["lang"]]
    code: int = group.main([*lang, command, "--help"], prog_name="perurel", standalone_mode=False)
    return code


def main() -> None:
    """Run the Typer CLI (the `perurel` command enters through `perurel.launch.main`)."""
    app()
