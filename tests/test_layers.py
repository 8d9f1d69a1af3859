"""The package's shape: no import circle among its modules (lazy imports count, imports for type
checking only do not), and each command's declared fields are the fields its records have."""

from __future__ import annotations

import ast
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import perurel
from perurel.spec import COMMANDS

from .conftest import FIXTURE, ROOT, entry

PACKAGE = Path(perurel.__file__).parent


def _imports(path: Path) -> set[str]:
    """Modules of the package that `path` imports at run time (anywhere in the file)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skip: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            skip |= {id(n) for child in node.body for n in ast.walk(child)}
    found = set()
    for node in ast.walk(tree):
        if id(node) in skip or not isinstance(node, ast.ImportFrom) or node.level != 1:
            continue
        if node.module:
            found.add(node.module.split(".")[0])
        else:
            found |= {alias.name for alias in node.names}
    return found - {"__init__"}


def test_no_import_circle() -> None:
    graph = {p.stem: _imports(p) for p in PACKAGE.glob("*.py") if p.stem != "__init__"}
    state: dict[str, int] = {}

    def visit(node: str, path: list[str]) -> None:
        state[node] = 1
        for nxt in sorted(graph.get(node, ())):
            assert state.get(nxt) != 1, "import circle: " + " → ".join([*path, node, nxt])
            if nxt not in state:
                visit(nxt, [*path, node])
        state[node] = 2

    for module in sorted(graph):
        if module not in state:
            visit(module, [])


def test_only_the_edges_import_typer_and_rich() -> None:
    for p in PACKAGE.glob("*.py"):
        text = p.read_text(encoding="utf-8")
        if p.stem != "cli":
            assert "import typer" not in text and "from typer" not in text, p.name
        if p.stem != "colour":
            assert "from rich" not in text and "import rich" not in text, p.name
        assert "import click" not in text and "from click" not in text, p.name


def _tree(module: str) -> ast.Module:
    return ast.parse((PACKAGE / f"{module}.py").read_text(encoding="utf-8"))


def _modules() -> list[str]:
    return sorted(p.stem for p in PACKAGE.glob("*.py"))


STREAMS = ("stdout", "stderr", "__stdout__", "__stderr__")
# layout measures the terminal (its width, whether it is one) and writes nothing
READS_THE_TERMINAL = {"layout": ("isatty", "fileno")}


def _streams(tree: ast.Module) -> list[tuple[int, str]]:
    """Every use of the standard streams in a module (`sys.stdout…`, `from sys import stderr`)
    and every call of `print`, with its line and what it does with the stream."""
    parents = {id(child): node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
            if node.func.id == "print":
                found.append((node.lineno, "print"))
        elif isinstance(node, ast.ImportFrom) and node.module == "sys":
            found += [(node.lineno, a.name) for a in node.names if a.name in STREAMS]
        elif (
            isinstance(node, ast.Attribute)
            and node.attr in STREAMS
            and isinstance(node.value, ast.Name)
            and node.value.id == "sys"
        ):
            parent = parents.get(id(node))
            used = parent.attr if isinstance(parent, ast.Attribute) else type(parent).__name__
            found.append((node.lineno, f"sys.{node.attr}.{used}"))
    return sorted(found)


def test_the_stream_finder_sees_every_way_of_writing() -> None:
    """The check below would pass on a package that writes nothing it recognises: it must see
    each way a module could reach the terminal."""
    source = (
        "import sys\nfrom sys import stderr\nprint('x')\nsys.stdout.write('x')\n"
        "sys.stderr.flush()\nout = sys.stdout\nsys.__stdout__.write('x')\n"
    )
    found = _streams(ast.parse(source))
    assert [line for line, _ in found] == [2, 3, 4, 5, 6, 7]
    assert "sys.stdout.write" in dict(found).values()
    assert _streams(ast.parse("import sys\nsys.stdin.read()\nconsole.print('x')\n")) == []


def test_only_terminal_writes_to_the_terminal() -> None:
    """Records, views, help and messages reach stdout and stderr through `terminal` alone (so a
    closed pipe, a full disk and text that would drive the terminal are handled in one place):
    no other module prints, writes to or replaces a standard stream, or decides on one."""
    for module in _modules():
        if module == "terminal":
            continue
        allowed = READS_THE_TERMINAL.get(module, ())
        bad = [
            f"{module}.py:{line}: {what}"
            for line, what in _streams(_tree(module))
            if not (what.startswith("sys.stdout.") and what.split(".")[-1] in allowed)
        ]
        assert not bad, "only terminal writes to the terminal: " + "; ".join(bad)


# The bottom of the house, which any module may import: errors, dates, words (i18n, with the
# places it names, and the names of former states) and the records (model, and the meanings of their fields that scripts/docs.py
# writes from the schema), and what they stand on.
BOTTOM = {
    "dataset_fields",
    "dates",
    "errors",
    "history_names",
    "i18n",
    "model",
    "places",
    "text",
    "tuples",
}
# Each rule: a module, everything it may import at run time, directly or through another
# module of the package, and why.
ONLY_IMPORTS: dict[str, tuple[set[str], str]] = {
    "formats": (
        BOTTOM,
        "formats only format records that arrive built: no question asked, no file read (ask "
        "the query layer in commands and pass the records in)",
    ),
    "fields": (
        BOTTOM,
        "the field vocabulary does not import the command line (spec, argv, cli): the caller "
        "passes the fields to describe",
    ),
    "votes": (
        BOTTOM | {"bounds"},
        "votes receives its data rather than finding it: store finds and reads the voting file",
    ),
    "store": (
        BOTTOM | {"diskcache", "validate", "schema_check", "votes", "bounds"},
        "the loader loads and validates: it asks no question (query, match, fulltext) and "
        "builds no API (api adopts the records it builds)",
    ),
    "query": (
        BOTTOM | {"bounds"},
        "the questions read the records they are handed: no loader, API or command line",
    ),
    "map": (
        BOTTOM | {"bounds", "votes", "terminal", "layout", "colour"},
        "map draws the data it is handed (records, boundaries, votes): it finds and reads no "
        "file (commands asks store) and writes only through terminal",
    ),
    "org_names": (
        BOTTOM,
        "matching an organisation's name reads only the records and the words it is handed",
    ),
    "api": (
        BOTTOM
        | {"store", "diskcache", "validate", "schema_check", "votes", "bounds"}
        | {"query", "match", "fulltext", "history_names", "org_names"},
        "the public API composes the loader and the questions, below the command line",
    ),
}


def _reached(module: str) -> set[str]:
    """Every module of the package `module` imports at run time, directly or not."""
    seen: set[str] = set()
    todo = [module]
    while todo:
        for found in _imports(PACKAGE / f"{todo.pop()}.py") - seen:
            if not (PACKAGE / f"{found}.py").is_file():
                continue  # a name from __init__ (`from . import __version__`)
            seen.add(found)
            todo.append(found)
    return seen - {module}


@pytest.mark.parametrize("module", sorted(ONLY_IMPORTS))
def test_layer_imports(module: str) -> None:
    allowed, rule = ONLY_IMPORTS[module]
    extra = _reached(module) - allowed
    assert not extra, f"{module} imports {', '.join(sorted(extra))}: {rule}"


def test_layer_rules_can_fail() -> None:
    """The rules above read real imports: the modules they forbid are imported elsewhere."""
    assert {"query", "store", "api", "match", "fulltext"} <= _reached("commands")
    assert "spec" in _reached("helptext")
    assert "store" in _reached("api")


def _spellings(module: str) -> list[str]:
    """The command-line spellings (`--since`) in a module's strings, docstrings aside."""
    import re

    tree = _tree(module)
    docs = {
        id(node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant)
    }
    return [
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in docs
        and re.search(r"(?<![\w-])--[a-z]", node.value)
    ]


def test_the_questions_speak_the_apis_names() -> None:
    """The query layer's errors name the Python API's arguments (`since`); the command layer
    hands over its own spellings (`spec.OPTION_NAMES`). Names people type for organisations are
    matched in `org_names`, not among the questions."""
    for module in ("query", "bounds"):
        assert not _spellings(module), module
        assert "ORG_ALIASES" not in (PACKAGE / f"{module}.py").read_text(encoding="utf-8")
    assert _spellings("spec")  # the finder sees a spelling where there is one


SAMPLES = {
    "country": ["country", "chile"],
    "timeline": ["timeline"],
    "countries": ["countries"],
    "search": ["search", "war"],
    "sources": ["sources"],
    "stats": ["stats"],
    "orgs": ["orgs"],
    "missions": ["missions"],
}


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_declared_fields_are_the_records_fields(name: str) -> None:
    out = entry(["--data", str(FIXTURE), *SAMPLES[name], "--json"])
    assert out.exit_code == 0, out.stderr
    doc = json.loads(out.stdout)
    record = doc[0] if isinstance(doc, list) else doc
    declared = set(COMMANDS[name].fields)
    if name in ("sources", "orgs"):  # optional keys appear only where a record has them
        assert set(record) <= declared
        return
    if name == "country":  # a summary only where the dataset has one
        declared -= {"summary", "summary_sources"}
        record = {k: v for k, v in record.items() if k not in ("summary", "summary_sources")}
    assert set(record) == declared


def test_record_types_own_their_field_lists() -> None:
    """A command that prints records offers their fields in the schema's order (the order of
    the output), from the schema, not from a list of its own."""
    import json

    defs = json.loads((ROOT / "data" / "relations.schema.json").read_text(encoding="utf-8"))
    props = {name: list(spec.get("properties", ())) for name, spec in defs["$defs"].items()}

    def stored(name: str) -> list[str]:  # without the precisions derived for scripts
        return [f for f in COMMANDS[name].fields if not f.endswith("_precision")]

    assert stored("timeline") == props["event"]
    assert stored("orgs") == props["organisation"]
    assert stored("sources") == [*props["source"], "cited", "cited_by"]
    # a country's source ids are given in full, after what the command adds
    country = [p for p in props["country"] if p != "sources"]
    assert stored("country") == [*country, "memberships", "events", "sources"]


@settings(max_examples=500, deadline=None)
@given(
    st.text(alphabet=st.characters(exclude_categories=["Cs"]), max_size=40),
    st.integers(min_value=1, max_value=50),
)
def test_wrap_shortcut_is_the_slow_path(text: str, width: int) -> None:
    """layout.wrap skips the slow path for text that fits: it must answer as the slow path does."""
    from perurel.layout import slow_wrap, wrap

    assert wrap(text, width) == slow_wrap(text, width)


@settings(max_examples=500, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.text(alphabet="abcé,", min_size=1, max_size=8),
            st.sampled_from([" ", "  ", "\t", "\n", " \n "]),
        ),
        max_size=12,
    ),
    st.sampled_from(["", " ", "  "]),
    st.integers(min_value=8, max_value=40),
)
def test_wrap_fills_lines_as_textwrap_does(
    words: list[tuple[str, str]], indent: str, width: int
) -> None:
    """Words no longer than the width wrap exactly as the standard library's textwrap wraps them."""
    import textwrap

    from perurel.layout import wrap

    text = indent + "".join(word + space for word, space in words)
    expected = textwrap.wrap(
        text, width, expand_tabs=False, break_long_words=False, break_on_hyphens=False
    )
    assert wrap(text, width) == (expected or [""])


@given(st.lists(st.sampled_from(["word", "[12]", "[3][45][6]", "https://example.org/a/b_c?d=1"])))
def test_wrap_keeps_words_whole(words: list[str]) -> None:
    from perurel.layout import wrap

    text = " ".join(words)
    for width in (1, 5, 12, 40):
        lines = wrap(text, width)
        assert "".join(lines).replace(" ", "") == text.replace(" ", "")  # nothing lost
        for word in (w for w in words if "][" not in w):  # only runs of marks are cut
            assert any(word in line.split() for line in lines)
        # a line wider than the width is one word that could not fit (or a run of marks' piece)
        assert all(len(line) <= width or " " not in line for line in lines)
    ids = wrap("see biobio-2024-01-10-peru-emergency-ecuador-border (un-charter-treaty)", 12)
    assert "biobio-2024-01-10-peru-emergency-ecuador-border" in ids
    assert "(un-charter-treaty)" in ids
