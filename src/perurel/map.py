"""`perurel map`: a world map of Peru's relations, as SVG or as a self-contained HTML page.

The boundaries are bundled in `data/world.json`, already projected (Equal Earth) and reduced by
`scripts/build_map.py` from Natural Earth, so drawing is string assembly: no geo library, no
network. Each state in the record is one `<g class="st">` (its shape, a marker, or both for
states too small to see) whose fill is its class in the chosen view (`--by`). No Typer, no Rich.
"""

from __future__ import annotations

from collections.abc import Callable

from . import i18n
from .errors import UsageError
from .i18n import N_
from .model import MAP_VIEWS
from .tuples import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from datetime import date
    from typing import Any

    from .model import Country, Records
    from .votes import Votes

BY = MAP_VIEWS
WINDOWED = ("established", "votes")  # the views --since and --until apply to

OCEAN = "#d6e9f5"
OTHER_LAND = "#ececec"  # land that is not a state in the record
PERU_FILL = "#1f1f1f"
STROKE = "#ffffff"


class Class(NamedTuple):
    """One class of a view: its key, colour and legend label (in English; the catalogue has its
    Spanish), or the vocabulary of i18n.WORDS whose word for the key is the label."""

    key: str
    colour: str
    en: str = ""
    words: str = ""


CLASSES: dict[str, tuple[Class, ...]] = {
    "status": (
        Class("active", "#2b83ba", words="status"),
        Class("suspended", "#fdae61", words="status"),
        Class("broken", "#d7191c", words="status"),
        Class("none", "#9e7bb5", words="status"),
        Class("unknown", "#b3b3b3", words="status"),
    ),
    "established": (
        Class("to-1899", "#08306b", N_("before 1900")),
        Class("1900-1944", "#2171b5", N_("1900–1944")),
        Class("1945-1989", "#6baed6", N_("1945–1989")),
        Class("1990-", "#c6dbef", N_("1990 on")),
        Class("undated", "#b3b3b3", N_("no date in the record")),
        Class("outside", "#f7f7f7", N_("outside --since/--until")),
    ),
    "missions": (
        Class("both", "#1b7837", N_("embassy both ways")),
        Class("peru", "#7fbf7b", N_("Peru's embassy only")),
        Class("partner", "#c2a5cf", N_("its embassy in Peru only")),
        Class("concurrent", "#e7d4e8", N_("concurrent accreditation")),
        Class("none", "#b3b3b3", N_("none recorded")),
    ),
    "votes": (
        Class("90-", "#253494", N_("90% or more")),
        Class("80-90", "#2c7fb8", N_("80–90%")),
        Class("70-80", "#41b6c4", N_("70–80%")),
        Class("60-70", "#a1dab4", N_("60–70%")),
        Class("to-60", "#ffffcc", N_("under 60%")),
        Class("no-vote", "#b3b3b3", N_("no UN vote recorded")),
    ),
}

TEXTS = {
    "status": N_("Peru's diplomatic relations with each state"),
    "established": N_("When Peru first established relations with each state"),
    "missions": N_("Embassies between Peru and each state"),
    "votes": N_("Agreement with Peru at the UN General Assembly, {span}"),
    "newest": N_("{n} states in the record · newest fact shown: {date}"),
    "window": N_("established {span}"),
    "sources": N_("Sources: the perurel record ({n} behind these facts: perurel sources)"),
    "source_count": N_("{n} sources"),
    "one_source": N_("one source"),
    "votes_source": N_("UN votes: Voeten, Strezhnev and Bailey, UN General Assembly Voting Data (CC0)"),
    "boundaries": N_("Boundaries: Natural Earth 1:110m (public domain) via world-atlas; de facto lines that imply no position on any border or claim"),
    "other": N_("not a state in the record"),
    "markers": N_("● states too small to see"),
    "Peru": N_("Peru"),
    "card": N_("its card: perurel country {code}"),
    "card_label": N_("Card:"),  # before the command in the page's tooltip
    "as_of": N_("{value} (as of {date})"),
    "agreement": N_("{share} of {n} roll calls"),
    "no_votes": N_("no roll call in common"),
    "wrote": N_("wrote the map to {path}"),
    "unplaced": N_("{n} states have no place on the map: {codes}"),
}  # fmt: skip


def _t(key: str, **values: Any) -> str:
    return i18n.t(TEXTS[key], **values)


def label(c: Class) -> str:
    return i18n.word(c.words, c.key) if c.words else i18n.t(c.en)


class Value(NamedTuple):
    """A state's place in a view: its class, the words for the tooltip, the date of the fact."""

    key: str
    text: str
    date: str | None = None
    sources: tuple[str, ...] = ()


# --- the views: each state → its class -----------------------------------------------------------


def check(by: str, since: str | None, until: str | None) -> None:
    """Usage errors before any data is read."""
    if by not in BY:
        raise UsageError(i18n.t("unknown view {view}; choose from {views}", view=repr(by),
                                views=", ".join(BY)))  # fmt: skip
    if (since or until) and by not in WINDOWED:
        raise UsageError(i18n.t("--since and --until apply to --by established and --by votes"))


def era(year: int) -> str:
    if year < 1900:
        return "to-1899"
    if year < 1945:
        return "1900-1944"
    if year < 1990:
        return "1945-1989"
    return "1990-"


def _status(c: Country) -> Value:
    r = c.relations
    word = i18n.word("status", r.status)
    text = _t("as_of", value=word, date=i18n.date(r.as_of)) if r.as_of else word
    return Value(r.status, text, r.as_of, r.sources)


def _established(c: Country, lo: date | None, hi: date | None) -> Value:
    """The era of the first establishment; outside the window as `countries --since` reads it
    (a date at any precision is inside when any of its days is)."""
    m = c.relations.establishment
    if m is None:
        return Value("undated", label(CLASSES["established"][4]))
    from .dates import parse_span

    start, end = parse_span(m.date)
    if (lo and end < lo) or (hi and start > hi):
        return Value("outside", i18n.date(m.date), None, ())
    return Value(era(start.year), i18n.date(m.date), m.date, m.sources)


def embassies(c: Country) -> str:
    """The missions class of a state: resident embassies either way, or a concurrent
    accreditation, counting only missions a dated source shows open."""
    from .model import PERU

    ours = any(m.open and m.kind == "embassy" and m.owner == PERU for m in c.missions)
    theirs = any(m.open and m.kind == "embassy" and m.host == PERU for m in c.missions)
    if ours and theirs:
        return "both"
    if ours:
        return "peru"
    if theirs:
        return "partner"
    if any(m.open and m.kind == "accredited-from" for m in c.missions):
        return "concurrent"
    return "none"


def _missions(c: Country) -> Value:
    key = embassies(c)
    used = [m for m in c.missions if m.open and m.kind in ("embassy", "accredited-from")]
    dates = [m.as_of for m in used if m.as_of]
    sources = tuple(s for m in used for s in m.sources)
    found = next(x for x in CLASSES["missions"] if x.key == key)
    return Value(key, label(found), max(dates) if dates else None, sources)


def vote_class(share: float) -> str:
    """The votes class of an agreement percentage (0-100)."""
    for bound, key in ((90, "90-"), (80, "80-90"), (70, "70-80"), (60, "60-70")):
        if share >= bound:
            return key
    return "to-60"


def _votes_summary(c: Country) -> Value:
    v = c.un_votes
    if v is None or not v.votes:
        return Value("no-vote", label(CLASSES["votes"][-1]))
    text = _t("agreement", share=i18n.percent(v.agreement), n=i18n.number(v.votes))
    return Value(vote_class(v.agreement), text, str(v.until), v.sources)


def _votes_window(c: Country, data: Votes, calls: list[int]) -> Value:
    if c.code not in data.states:
        return Value("no-vote", label(CLASSES["votes"][-1]))
    found = data.agreement(c.code, calls=calls)
    if not found.votes:
        return Value("no-vote", _t("no_votes"))
    share = round(100 * found.share, 1)
    text = _t("agreement", share=i18n.percent(share), n=i18n.number(found.votes))
    last = max(data.date[i] for i in calls)
    return Value(vote_class(share), text, last, ("unvotes-voeten-strezhnev-bailey",))


def needs_votes(by: str, since: str | None, until: str | None) -> bool:
    """Whether the view needs the voting data (votes in a window), which its caller hands in."""
    return by == "votes" and (since is not None or until is not None)


def values(
    ds: Records,
    by: str,
    since: str | None = None,
    until: str | None = None,
    votes: Votes | None = None,
) -> dict[str, Value]:
    """Every state of the record → its class and words in the view `by` (`votes`: the voting
    data, for the views that `needs_votes`)."""
    classify: Callable[[Country], Value]
    if by == "status":
        classify = _status
    elif by == "established":
        from .bounds import window

        lo, hi = window(since, until)

        def classify(c: Country) -> Value:
            return _established(c, lo, hi)

    elif by == "missions":
        classify = _missions
    elif since is None and until is None:
        classify = _votes_summary
    else:
        if votes is None:
            raise ValueError("the votes view over a window needs the voting data")
        data = votes
        calls = data.calls(since, until)

        def classify(c: Country) -> Value:
            return _votes_window(c, data, calls)

    return {code: classify(c) for code, c in ds.countries.items()}


def vote_span(ds: Records, since: str | None, until: str | None) -> str:
    """The years the votes view covers, for its title."""
    if since is None and until is None:
        spans = {(c.un_votes.since, c.un_votes.until) for c in ds.countries.values() if c.un_votes}
        if len(spans) == 1:
            lo, hi = spans.pop()
            return f"{lo}–{hi}"
        return ""
    from .votes import ENDS

    return f"{i18n.date(since) if since else '1946'}–{i18n.date(until or ENDS)}"


# --- drawing -------------------------------------------------------------------------------------


def xml(text: str) -> str:
    """Text safe inside an XML attribute or element: the characters XML forbids, C1 controls
    and lone surrogates are dropped (a custom dataset's text may hold anything)."""
    text = "".join(
        ch
        for ch in text
        if (ch >= " " or ch in "\t\n")
        and not ("\x7f" <= ch <= "\x9f" or "\ud800" <= ch <= "\udfff" or ch in "\ufffe\uffff")
    )
    return (
        text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&quot;")
        .replace("'", "&#39;")
    )


TOP = 260  # the title's band above the globe, in map units
MARKER = 14


def title(ds: Records, by: str, since: str | None, until: str | None) -> str:
    if by == "votes":
        return _t("votes", span=vote_span(ds, since, until))
    text = _t(by)
    if by == "established" and (since or until):
        span = f"{i18n.date(since) if since else '…'}–{i18n.date(until) if until else ''}"
        text += f" ({_t('window', span=span)})"
    return text


def svg(
    ds: Records,
    by: str,
    since: str | None = None,
    until: str | None = None,
    *,
    geo: dict[str, Any],
    votes: Votes | None = None,
) -> str:
    """The map as a standalone SVG document over the boundaries `geo` (`store.load_world`)."""
    width, height = geo["projection"]["width"], geo["projection"]["height"]
    found = values(ds, by, since, until, votes)
    colour = {c.key: c.colour for c in CLASSES[by]}
    windowed = since is not None or until is not None
    classes = tuple(c for c in CLASSES[by] if c.key != "outside" or windowed)
    dated = [v.date for v in found.values() if v.date]
    newest = max(dated) if dated else "—"
    cited = {s for v in found.values() for s in v.sources if s in ds.sources}
    legend_top = TOP + height + 30
    rows = (len(classes) + 3 + 3) // 4  # the classes, Peru, other land, the marker note
    count = _t("one_source") if len(cited) == 1 else _t("source_count", n=len(cited))
    lines = [_t("sources", n=count)]
    if by == "votes":
        lines.append(_t("votes_source"))
    lines.append(_t("boundaries"))
    total = legend_top + rows * 70 + 40 + len(lines) * 52
    total += -total % 3  # shown at a third of its units: whole pixels
    heading = title(ds, by, since, until)
    out = [
        '<?xml version="1.0" encoding="UTF-8"?>\n',
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {total}" '
        f'width="{width // 3}" height="{total // 3}" role="img" aria-labelledby="map-title" '
        f'font-family="Helvetica, Arial, sans-serif" data-by="{by}" '
        f'data-lang="{i18n.CURRENT["lang"]}" data-top="{TOP}">\n',
        f'<title id="map-title">{xml(heading)}</title>\n',
        '<defs><pattern id="hatch" width="16" height="16" patternUnits="userSpaceOnUse" '
        'patternTransform="rotate(45)"><rect width="16" height="16" fill="#ececec"/>'
        '<line x1="0" y1="0" x2="0" y2="16" stroke="#c8c8c8" stroke-width="6"/></pattern></defs>\n',
        f'<rect width="{width}" height="{total}" fill="#ffffff"/>\n',
        f'<text x="40" y="100" font-size="84" font-weight="bold" fill="#111">{xml(heading)}</text>\n',
        f'<text x="40" y="180" font-size="50" fill="#444">'
        f"{xml(_t('newest', n=len(found), date=i18n.date(newest)))}</text>\n",
        f'<g id="map" transform="translate(0 {TOP})" stroke="{STROKE}" stroke-width="2" '
        'stroke-linejoin="round">\n',
        f'<path id="ocean" d="{geo["outline"]}" fill="{OCEAN}" stroke="#9ec5de" stroke-width="3"/>\n',
    ]
    other_label = _t("other")
    for other in geo["others"]:
        name = other["name_es"] if i18n.spanish() else other["name"]
        fill = "url(#hatch)" if other["kind"] == "disputed" else OTHER_LAND
        out.append(
            f'<g class="other" data-name="{xml(name)}" data-value="{xml(other_label)}" '
            f'fill="{fill}"><title>{xml(name)}: {xml(other_label)}</title>'
            f'<path d="{other["d"]}"/></g>\n'
        )
    unplaced = []
    markers = []
    for code in sorted(found, key=lambda k: i18n.country_name(ds, k)):
        value = found[code]
        shape, point = geo["shapes"].get(code), geo["markers"].get(code)
        if shape is None and point is None:
            unplaced.append(code)
            continue
        name = i18n.country_name(ds, code)
        cmd = f"perurel country {code}"
        head = (
            f'<g class="st" id="st-{xml(code)}" data-code="{xml(code)}" data-class="{value.key}" '
            f'data-name="{xml(name)}" data-value="{xml(value.text)}" data-cmd="{xml(cmd)}" '
            f'fill="{colour[value.key]}"><title>{xml(name)}: {xml(value.text)} · '
            f"{xml(_t('card', code=code))}</title>"
        )
        if shape is not None:
            out.append(f'{head}<path d="{shape}"/>')
            if point is not None:  # drawn after all shapes, so no neighbour covers it
                dot = head.replace(f'id="st-{xml(code)}"', f'id="st-{xml(code)}-dot"', 1)
                markers.append(f'{dot}<circle cx="{point[0]}" cy="{point[1]}" r="{MARKER}"/></g>\n')
            out.append("</g>\n")
        else:
            markers.append(f'{head}<circle cx="{point[0]}" cy="{point[1]}" r="{MARKER}"/></g>\n')
    peru = _t("Peru")
    out.append(
        f'<g id="peru" class="peru" data-name="{peru}" data-value="" fill="{PERU_FILL}">'
        f'<title>{peru}</title><path d="{geo["peru"]}"/></g>\n'
    )
    out.append('<g id="markers" stroke-width="4">\n' + "".join(markers) + "</g>\n")
    px, py = geo["peru_at"]
    out.append(
        f'<text x="{px - 70}" y="{py + 16}" font-size="46" font-weight="bold" fill="{PERU_FILL}" '
        'stroke="#ffffff" stroke-width="10" paint-order="stroke" text-anchor="end">'
        f"{xml(peru.upper())} ▸</text>\n"
    )
    out.append("</g>\n")
    out.extend(_legend(classes, legend_top))
    y = legend_top + rows * 70 + 40
    for line in lines:
        out.append(f'<text x="40" y="{y}" font-size="38" fill="#555">{xml(line)}</text>\n')
        y += 52
    out.append("</svg>\n")
    if unplaced:
        from .terminal import note

        note(_t("unplaced", n=len(unplaced), codes=", ".join(unplaced)))
    return "".join(out)


def _legend(classes: tuple[Class, ...], top: int) -> list[str]:
    """The legend: a swatch per class, then Peru, land outside the record, and markers."""
    items = [(f'class="key" data-class="{c.key}"', f'fill="{c.colour}"', label(c)) for c in classes]
    items.append(('class="key-peru"', f'fill="{PERU_FILL}"', _t("Peru")))
    items.append(('class="key-other"', 'fill="url(#hatch)"', _t("other")))
    out = ['<g id="legend" font-size="44" fill="#222">\n']
    for n, (key, fill, text) in enumerate(items):
        x = 40 + (n % 4) * 960
        y = top + (n // 4) * 70
        out.append(
            f'<g {key}><rect x="{x}" y="{y}" width="56" height="44" '
            f'{fill} stroke="#888" stroke-width="2"/>'
            f'<text x="{x + 76}" y="{y + 38}">{xml(text)}</text></g>\n'
        )
    n = len(items)
    x, y = 40 + (n % 4) * 960, top + (n // 4) * 70
    out.append(f'<text x="{x}" y="{y + 38}" fill="#222">{xml(_t("markers"))}</text>\n')
    out.append("</g>\n")
    return out


PAGE = """<!DOCTYPE html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<style>
body {{ margin: 0; font-family: Helvetica, Arial, sans-serif; background: #fff; color: #222; }}
main {{ max-width: 1300px; margin: 0 auto; position: relative; }}
main > svg {{ width: 100%; height: auto; display: block; }}
g.st, g.other, g.peru {{ cursor: pointer; }}
g.st:hover, g.st:focus, g.st.on {{ stroke: #000; stroke-width: 5; outline: none; }}
#tip {{ position: absolute; pointer-events: none; background: #fff; border: 1px solid #888;
  border-radius: 4px; padding: 6px 9px; font-size: 14px; line-height: 1.35;
  box-shadow: 0 2px 6px rgba(0,0,0,.25); max-width: 320px; }}
#tip[hidden] {{ display: none; }}
#tip b {{ display: block; }}
#tip code {{ font-size: 12px; color: #444; }}
</style>
</head>
<body>
<main>
{svg}<div id="tip" hidden role="status"></div>
</main>
<script>
(function () {{
  var main = document.querySelector("main"), tip = document.getElementById("tip");
  var card = {card};
  function target(e) {{
    var n = e.target;
    while (n && n !== main) {{
      if (n.classList && (n.classList.contains("st") || n.classList.contains("other") || n.classList.contains("peru"))) return n;
      n = n.parentNode;
    }}
    return null;
  }}
  function show(g, e) {{
    tip.textContent = "";
    var b = document.createElement("b"); b.textContent = g.getAttribute("data-name"); tip.appendChild(b);
    var v = g.getAttribute("data-value");
    if (v) {{ tip.appendChild(document.createTextNode(v)); }}
    var cmd = g.getAttribute("data-cmd");
    if (cmd) {{ var c = document.createElement("code"); c.textContent = cmd; tip.appendChild(document.createElement("br")); tip.appendChild(document.createTextNode(card + " ")); tip.appendChild(c); }}
    var r = main.getBoundingClientRect();
    var x = e.clientX - r.left + 14, y = e.clientY - r.top + 14;
    tip.hidden = false;
    if (x + tip.offsetWidth > r.width) {{ x = Math.max(0, x - tip.offsetWidth - 28); }}
    tip.style.left = x + "px"; tip.style.top = y + "px";
  }}
  var pinned = null;
  main.addEventListener("mousemove", function (e) {{
    if (pinned) return;
    var g = target(e); if (g) {{ show(g, e); }} else {{ tip.hidden = true; }}
  }});
  main.addEventListener("mouseleave", function () {{ if (!pinned) tip.hidden = true; }});
  main.addEventListener("click", function (e) {{
    var g = target(e);
    if (pinned) {{ pinned.classList.remove("on"); }}
    if (g && g !== pinned) {{ pinned = g; g.classList.add("on"); show(g, e); }}
    else {{ pinned = null; tip.hidden = true; }}
  }});
  function centre(g) {{
    var r = g.getBoundingClientRect();
    return {{ clientX: r.left + r.width / 2, clientY: r.top + r.height / 2 }};
  }}
  // The keyboard reaches every state too: Tab moves, the box follows the focus.
  Array.prototype.forEach.call(main.querySelectorAll("g.st"), function (g) {{
    if (/-dot$/.test(g.id)) return;  // the dot over a tiny state's shape: one stop per state
    g.setAttribute("tabindex", "0");
    g.setAttribute("aria-label", g.getAttribute("data-name") + ": " + g.getAttribute("data-value"));
    g.addEventListener("focus", function () {{ if (!pinned) show(g, centre(g)); }});
    g.addEventListener("blur", function () {{ if (!pinned) tip.hidden = true; }});
  }});
  // page.html#CL opens with Chile's box shown
  var g = document.getElementById("st-" + decodeURIComponent(location.hash.slice(1)));
  if (g) {{ pinned = g; g.classList.add("on"); show(g, centre(g)); }}
  main.setAttribute("data-ready", "1");
}})();
</script>
</body>
</html>
"""


def html(
    ds: Records,
    by: str,
    since: str | None = None,
    until: str | None = None,
    *,
    geo: dict[str, Any],
    votes: Votes | None = None,
) -> str:
    """The map in a self-contained page: hover (or tap) a state for its name, value and card."""
    import json

    drawing = svg(ds, by, since, until, geo=geo, votes=votes).split("\n", 1)[
        1
    ]  # no XML declaration inside HTML
    return PAGE.format(
        lang=i18n.CURRENT["lang"],
        title=xml(title(ds, by, since, until)),
        svg=drawing,
        card=json.dumps(_t("card_label")),
    )


def render(
    ds: Records,
    by: str,
    fmt: str,
    since: str | None,
    until: str | None,
    *,
    geo: dict[str, Any],
    votes: Votes | None = None,
) -> str:
    """The map in `fmt` (svg, html), drawn from the data it is handed: the records, the
    boundaries and, for the views that `needs_votes`, the voting data."""
    return (html if fmt == "html" else svg)(ds, by, since, until, geo=geo, votes=votes)


def deliver(text: str, output: str | None, default_name: str) -> None:
    """-o FILE (`-o -`: stdout); else stdout when it is not a terminal; else a new file here,
    named on stderr."""
    import os

    from . import terminal

    if output == "-":
        terminal.write(text)
        return
    if output is not None:
        write_file(output, text)
        return
    if not terminal.on_terminal():
        terminal.write(text)
        return
    stem, dot, ext = default_name.rpartition(".")
    chosen, n = default_name, 1
    while os.path.exists(chosen):
        n += 1
        chosen = f"{stem}-{n}{dot}{ext}"
    write_file(chosen, text)
    terminal.note(_t("wrote", path=os.path.join(".", chosen)))


def write_file(path: str, text: str) -> None:
    """Write atomically: a temporary file beside the target, renamed into place."""
    import os
    import tempfile

    folder = os.path.dirname(os.path.abspath(path))
    try:
        if os.path.exists(path) and not os.path.isfile(path):  # /dev/stdout, a pipe: no rename
            with open(path, "w", encoding="utf-8") as out:
                out.write(text)
            return
        fd, tmp = tempfile.mkstemp(prefix=".perurel-", dir=folder)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                f.write(text)
            mask = os.umask(0)
            os.umask(mask)
            os.chmod(tmp, 0o666 & ~mask)  # as an ordinary new file (mkstemp makes it private)
            os.replace(tmp, path)
        except BaseException:
            os.unlink(tmp)
            raise
    except OSError as exc:
        from .errors import printable

        raise UsageError(
            i18n.t("cannot write {path}: {problem}", path=printable(path),
                   problem=i18n.oserror(exc))
        ) from None  # fmt: skip
