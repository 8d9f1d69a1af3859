"""The message catalogues: extract every message perurel writes for people, update each
language's `.po` file and compile it to the `.mo` file the package reads (with Babel).

    python scripts/messages.py            # extract, update every .po, compile every .mo
    python scripts/messages.py --check    # fail if a message has no translation, one is fuzzy or
                                          # stale, or a .mo is not the compiled .po

The help of commands and options is taken from `perurel.spec` as it is declared, and the
messages of the schema's own rules from its `errorMessage`s. Messages are
marked in the code with `t("...")`, `tn("...", "...", n)` or `N_("...")` (see
`perurel.i18n`), and `dates.BadDate("...")`. A new message arrives in each `.po` untranslated:
write its translation there (remove any `#, fuzzy` flag), then run this script again to compile. Needs Babel (the `test`
extra); nothing at run time does.
"""

from __future__ import annotations

import argparse
import io
import re
import sys
from datetime import datetime
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "src" / "perurel"
LOCALE = PACKAGE / "locale"
DOMAIN = "perurel"
KEYWORDS = {"t": None, "N_": None, "tn": (1, 2), "BadDate": None}
# Fixed dates in the headers, so that the files change only when a message does.
STAMP = datetime(2026, 12, 7)


def extract() -> Catalog:
    """Every marked message in the package, with the files that use it."""
    template = Catalog(project="perurel", domain=DOMAIN, creation_date=STAMP, fuzzy=False)
    for filename, _lineno, message, comments, context in extract_from_dir(
        str(PACKAGE),
        method_map=[("**.py", "python")],
        keywords=KEYWORDS,
        comment_tags=("TRANSLATORS:",),
        strip_comment_tags=True,
    ):
        template.add(
            message,
            None,
            [(f"perurel/{filename}", 0)],  # the file only: line numbers churn
            auto_comments=comments,
            context=context,
        )
    for text in spec_texts():
        template.add(text, None, [("perurel/spec.py", 0)])
    for text in schema_messages():
        template.add(text, None, [("data/relations.schema.json", 0)])
    return template


def schema_messages() -> list[str]:
    """The messages the schema gives for its own rules (its `errorMessage`s), which the walk
    along it (`perurel.schema_check`) reports in the reader's language."""
    import json

    found: list[str] = []

    def walk(node: object) -> None:
        if isinstance(node, dict):
            said = node.get("errorMessage")
            if isinstance(said, str):
                found.append(said)
            elif isinstance(said, dict):
                found.extend(said.values())
            for key, value in node.items():
                if key != "errorMessage":
                    walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(json.loads((ROOT / "data" / "relations.schema.json").read_text(encoding="utf-8")))
    return list(dict.fromkeys(found))


def spec_texts() -> list[str]:
    """The help of every command, argument and option, from the one declaration in `spec` (the
    help screens and docs/cli.es.md are made from it in each language), and the meaning of every
    field (`fields`, for --fields help)."""
    sys.path.insert(0, str(PACKAGE.parent))
    from perurel.fields import DATASET, MEANINGS, NARROWER, RECORD
    from perurel.spec import APP_HELP, COMMANDS, EPILOG, GLOBAL

    texts = [APP_HELP, EPILOG, *(p.help for p in GLOBAL)]
    for command in COMMANDS.values():
        texts += [command.doc, *(p.help for p in command.params)]
    texts += [*MEANINGS.values(), *NARROWER.values()]  # --fields help
    for record in (*RECORD.values(), "relations"):  # the schema's meanings it prints
        texts += DATASET[record].values()
    return [text for text in dict.fromkeys(texts) if text]


def po_paths() -> list[Path]:
    return sorted(LOCALE.glob(f"*/LC_MESSAGES/{DOMAIN}.po"))


def read(path: Path) -> Catalog:
    with path.open("rb") as handle:
        return read_po(handle, abort_invalid=True)


def written_po(catalog: Catalog) -> bytes:
    catalog.creation_date = catalog.revision_date = STAMP
    buffer = io.BytesIO()
    write_po(
        buffer,
        catalog,
        width=100,
        sort_output=True,
        include_lineno=False,
        ignore_obsolete=True,
        include_previous=False,
    )
    return buffer.getvalue()


def compiled(catalog: Catalog) -> bytes:
    buffer = io.BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    return buffer.getvalue()


def _ids(catalog: Catalog) -> set[str]:
    return {m.id if isinstance(m.id, str) else m.id[0] for m in catalog if m.id}


def _fields(text: str) -> list[str]:
    return sorted(re.findall(r"\{[^{}]*\}", text))


def problems(template: Catalog, path: Path) -> list[str]:
    """What is wrong with one language's catalogue against the messages in the code."""
    catalog = read(path)
    lang = path.parent.parent.name
    wanted, have = _ids(template), _ids(catalog)
    out = [f"{lang}: no entry for {m!r}" for m in sorted(wanted - have)]
    out += [f"{lang}: stale entry (no longer in the code) {m!r}" for m in sorted(have - wanted)]
    for message in catalog:
        if not message.id:
            continue
        ids = [message.id] if isinstance(message.id, str) else list(message.id)
        strings = (
            [message.string] if isinstance(message.string, str) else list(message.string or ())
        )
        if message.fuzzy:
            out.append(f"{lang}: fuzzy translation of {ids[0]!r}")
        if not all(strings):
            out.append(f"{lang}: no translation of {ids[0]!r}")
        elif any(_fields(s) != _fields(ids[-1]) and _fields(s) != _fields(ids[0]) for s in strings):
            out.append(f"{lang}: the translation of {ids[0]!r} has other {{fields}}")
    if _ids(catalog) == _ids(template) and written_po(read(path)) != path.read_bytes():
        out.append(f"{lang}: {path.name} is not in the form this script writes (run it)")
    mo = path.with_suffix(".mo")
    if not mo.exists() or mo.read_bytes() != compiled(catalog):
        out.append(f"{lang}: {mo.name} is not the compiled {path.name} (run this script)")
    return out


def update(template: Catalog, path: Path) -> None:
    catalog = read(path)
    catalog.update(template, no_fuzzy_matching=True)
    path.write_bytes(written_po(catalog))
    path.with_suffix(".mo").write_bytes(compiled(read(path)))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="check, write nothing")
    args = parser.parse_args(argv)
    template = extract()
    if args.check:
        found = [p for path in po_paths() for p in problems(template, path)]
        for problem in found:
            print(problem, file=sys.stderr)
        return 1 if found else 0
    for path in po_paths():
        update(template, path)
        print(f"updated {path.relative_to(ROOT)} and its .mo")
    return 0


if __name__ == "__main__":
    sys.exit(main())
