"""Pure questions over the dataset: timeline filters and the records a country's card cites."""

from __future__ import annotations

from collections.abc import Sequence

from . import dates
from .bounds import check_limit, window
from .errors import UsageError, quoted
from .i18n import in_language, t, word
from .model import EVENT_KINDS, TIERS, Country, Event, Mission, Organisation
from .tuples import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from typing import Any

    from .model import Records


def timeline(
    ds: Records,
    *,
    since: str | None = None,
    until: str | None = None,
    countries: Sequence[str] = (),
    kinds: Sequence[str] = (),
    limit: int | None = None,
    reverse: bool = False,
) -> list[Event]:
    """Events in date order. `since`/`until` are inclusive partial dates: an event dated '1999'
    is within `since='1999-06'`; `countries` are ISO codes, `kinds` event kinds."""
    lo, hi = window(since, until)
    check_kinds(kinds)
    check_limit(limit)
    wanted = set(countries)
    out = []
    for e in ds.events:
        start, end = dates.parse_span(e.date)
        if lo and end < lo:
            continue
        if hi and start > hi:
            continue
        if wanted and not wanted.intersection(e.countries):
            continue
        if kinds and e.kind not in kinds:
            continue
        out.append(e)
    if reverse:
        out.reverse()
    return out[:limit] if limit is not None else out


def country_sources(ds: Records, code: str) -> list[str]:
    """Ids of every source a country's card cites: its facts, its events, then its name lists."""
    country = ds.countries[code]
    ids = [i for i in country.cited() if i not in country.sources]
    for o in shared_memberships(ds, code):
        ids.extend(o.members.sources if o.members is not None else ())
    for e in ds.events_of(code):
        ids.extend(e.sources)
    return list(dict.fromkeys([*ids, *country.sources]))


# --- countries ---------------------------------------------------------------------------------

COUNTRY_SORTS = ("name", "date", "events")


def has_embassy(country: Country) -> bool:
    """A working resident embassy either way: Peru's in the country or the country's in Peru."""
    return any(m.kind == "embassy" and m.open for m in country.missions)


def countries(
    ds: Records,
    *,
    region: str | Sequence[str] | None = None,
    status: str | None = None,
    since: str | None = None,
    until: str | None = None,
    embassy: bool = False,
    sort: str = "name",
) -> list[Country]:
    """States filtered by region or subregion (case and accents ignored), relations status,
    start date (inclusive, any precision; states without one drop out) and a resident embassy."""
    from .text import normalize

    lo, hi = window(since, until)
    if sort not in COUNTRY_SORTS:
        raise UsageError(
            t("unknown sort {sort}; choose from {sorts}", sort=quoted(sort),
              sorts=", ".join(COUNTRY_SORTS))
        )  # fmt: skip
    wanted = region_keys(ds, region)
    out = []
    for c in ds.countries.values():
        if wanted and not wanted & {normalize(c.region), normalize(c.subregion)}:
            continue
        if status and c.relations.status != status:
            continue
        if lo or hi:
            if not c.relations.established:
                continue
            start, end = dates.parse_span(c.relations.established)
            if (lo and end < lo) or (hi and start > hi):
                continue
        if embassy and not has_embassy(c):
            continue
        out.append(c)
    if sort == "date":  # undated states last
        out.sort(
            key=lambda c: (c.relations.established is None, c.relations.established or "", c.name)
        )
    elif sort == "events":
        out.sort(key=lambda c: (-len(ds.events_of(c.code)), c.name))
    else:
        out.sort(key=lambda c: c.name)
    return out


def missions(
    ds: Records,
    *,
    owner: str | None = None,
    host: str | None = None,
    kinds: Sequence[str] = (),
    state: str | None = None,
    region: str | Sequence[str] | None = None,
) -> list[tuple[Country, Mission]]:
    """Every mission with the partner country it belongs to, filtered by owner and host (country
    codes; 'PE' for Peru), kinds, state and the partner's region or subregion; ordered by owner,
    host, kind and city."""
    from .text import normalize

    wanted = region_keys(ds, region)
    out = []
    for c in ds.countries.values():
        if wanted and not wanted & {normalize(c.region), normalize(c.subregion)}:
            continue
        for m in c.missions:
            if (owner and m.owner != owner) or (host and m.host != host):
                continue
            if (kinds and m.kind not in kinds) or (state and m.state != state):
                continue
            out.append((c, m))
    out.sort(
        key=lambda cm: (cm[1].owner != "PE", cm[0].name, cm[1].owner, cm[1].kind, cm[1].city or "")
    )
    return out


def region_keys(ds: Records, region: str | Sequence[str] | None) -> set[str]:
    """One or several --region values as compared; empty for no filter."""
    given = [region] if isinstance(region, str) else list(region or ())
    return {key for r in given if (key := region_key(ds, r))}


def region_key(ds: Records, region: str | None) -> str | None:
    """A --region as compared (case and accents folded); a usage error for an unknown one."""
    if region is None:
        return None
    from .i18n import collation_key, value
    from .text import normalize

    known = regions(ds)
    found = value("region", region, known)  # in English or Spanish: 'Sudamérica', 'Europa'
    if found is None:
        shown = sorted((word("region", r) for r in known), key=collation_key)
        raise UsageError(
            t(
                "unknown region {region}; choose from {regions}",
                region=quoted(region),
                regions=", ".join(shown),
            )
        )
    return normalize(found)


def check_kinds(kinds: Sequence[str]) -> None:
    """A usage error for an event kind that is not one."""
    unknown = [k for k in kinds if k not in EVENT_KINDS]
    if unknown:
        raise UsageError(
            t(
                "unknown event kind {kind}; choose from {kinds}",
                kind=quoted(unknown[0]),
                kinds=", ".join(word("event", k) for k in EVENT_KINDS),
            )
        )


def regions(ds: Records) -> list[str]:
    """Every region and subregion name in the dataset, for --region's help and errors."""
    return sorted(
        {c.region for c in ds.countries.values()} | {c.subregion for c in ds.countries.values()}
    )


# --- sources and what cites them ---------------------------------------------------------------


class Citation(NamedTuple):
    """One fact that cites a source: what kind of record, which one, and a label for people."""

    kind: str  # "country", "milestone", "mission", "event", "organisation"
    ref: str  # a country code, event id or organisation id
    label: str


def citations(ds: Records, *, readable: bool = False) -> dict[str, list[Citation]]:
    """For every source id, the facts that cite it, in dataset order. The labels are English (as
    the machine formats print them); `readable` words them in the reader's language."""
    from .i18n import N_, city, word
    from .i18n import date as date_for_people

    def say(template: str, /, **values: Any) -> str:
        return t(template, **values) if readable else template.format(**values)

    def named(c: Country) -> str:
        return in_language(c.name, c.name_es) if readable else c.name

    def vocabulary(kind: str, value: str) -> str:
        return word(kind, value) if readable else value

    def shown(when: str | None) -> str:
        return date_for_people(when) if readable else (when or "")

    out: dict[str, list[Citation]] = {sid: [] for sid in ds.sources}

    def cite(ids: Sequence[str], citation: Citation) -> None:
        for sid in dict.fromkeys(ids):
            out.setdefault(sid, []).append(citation)

    for c in ds.countries.values():
        name = named(c)
        cite(c.sources, Citation("country", c.code, say(N_("{name}: names and codes"), name=name)))
        status = vocabulary("status", c.relations.status)
        cite(
            c.relations.sources,
            Citation("country", c.code, say(N_("{name}: relations ({status})"), name=name,
                                            status=status)),
        )  # fmt: skip
        for h in c.relations.history:
            when = shown(h.date) if h.date else (t("(undated)") if readable else "undated")
            what = f"{vocabulary('milestone', h.kind)} {when}"
            cite(h.sources, Citation("milestone", c.code, f"{name}: {what}"))
        cite(c.summary_sources, Citation("country", c.code, say(N_("{name}: summary"), name=name)))
        if c.representation is not None:
            cite(
                c.representation.sources,
                Citation("country", c.code, say(N_("{name}: representation"), name=name)),
            )
        if c.un_votes is not None:
            cite(
                c.un_votes.sources,
                Citation("country", c.code, say(N_("{name}: UN votes"), name=name)),
            )
        for m in c.missions:
            mission = f"{m.owner}→{m.host} {vocabulary('mission', m.kind)}"
            if m.city:
                mission = say(N_("{mission} in {city}"), mission=mission,
                              city=city(m.city) if readable else m.city)  # fmt: skip
            cite(m.sources, Citation("mission", c.code, f"{name}: {mission}"))
    for e in ds.events:
        title = in_language(e.title, e.title_es) if readable else e.title
        cite(e.sources, Citation("event", e.id, f"{shown(e.date)} {title}"))
    for o in ds.organisations:
        cite(
            o.cited(),
            Citation("organisation", o.id, in_language(o.name, o.name_es) if readable else o.name),
        )
    return out


# --- organisations -----------------------------------------------------------------------------


def shared_memberships(ds: Records, code: str) -> list[Organisation]:
    """Organisations Peru belongs to whose members, as the dataset records them, include `code`."""
    return [o for o in ds.organisations if o.members is not None and code in o.members.codes]


# --- statistics --------------------------------------------------------------------------------


def stats(ds: Records) -> dict[str, Any]:
    """Coverage and shape of the dataset: counts by status and region, events by decade and kind."""
    from .model import MILESTONE_KINDS, STATUSES

    countries = list(ds.countries.values())
    by_id = {e.id: e for e in ds.events}
    by_status = {s: sum(1 for c in countries if c.relations.status == s) for s in STATUSES}
    by_region: dict[str, dict[str, int]] = {}
    for c in sorted(countries, key=lambda c: c.region):
        row = by_region.setdefault(
            c.region, {"states": 0, "dated": 0, "with_missions": 0, "events": 0}
        )
        row["states"] += 1
        row["dated"] += c.relations.established is not None
        row["with_missions"] += bool(c.missions)
        row["events"] += len(ds.events_of(c.code))
    decades: dict[str, int] = {}
    for e in ds.events:
        decade = f"{e.date[:3]}0s"
        decades[decade] = decades.get(decade, 0) + 1
    kinds = {k: sum(1 for e in ds.events if e.kind == k) for k in EVENT_KINDS}
    milestones = {
        k: sum(1 for c in countries if any(m.kind == k for m in c.relations.history))
        for k in MILESTONE_KINDS
    }
    return {
        "schema_version": ds.schema_version,
        "dataset_date": ds.dataset_date,
        "facts_to": ds.facts_to,
        "coverage": {
            "states": len(countries),
            "with_status": sum(1 for c in countries if c.relations.status != "unknown"),
            "with_start_date": sum(1 for c in countries if c.relations.established),
            "with_milestone": sum(1 for c in countries if c.relations.history),
            "open_missions": sum(1 for c in countries for m in c.missions if m.open),
            "open_missions_seen_since_2020": sum(
                1 for c in countries for m in c.missions if m.open and (m.as_of or "") >= "2020"
            ),
            "statuses_evidenced_since_2020": sum(
                1
                for c in countries
                if c.relations.status != "unknown" and recent_evidence(ds, status_sources(c))
            ),
            "open_missions_evidenced_since_2020": sum(
                1
                for c in countries
                for m in c.missions
                if m.open and mission_evidenced(ds, m, by_id)
            ),
            "with_missions": sum(1 for c in countries if c.missions),
            "with_resident_embassy": sum(1 for c in countries if has_embassy(c)),
            "with_events": sum(1 for c in countries if ds.events_of(c.code)),
            "with_summary": sum(1 for c in countries if c.summary),
            "missions": sum(len(c.missions) for c in countries),
            "events": len(ds.events),
            "organisations": len(ds.organisations),
            "sources": len(ds.sources),
        },
        "by_status": by_status,
        "by_region": by_region,
        "events_by_decade": dict(sorted(decades.items())),
        "events_by_kind": {k: n for k, n in kinds.items() if n},
        "states_by_milestone_kind": {k: n for k, n in milestones.items() if n},
        "facts_by_tier": facts_by_tier(ds),
    }


# Evidence from this date on counts as recent in `stats`.
RECENT = "2020"


def recent_evidence(ds: Records, ids: Sequence[str]) -> bool:
    """True when a source other than an encyclopedia, dated 2020 or later, is among `ids`."""
    for i in ids:
        src = ds.sources.get(i)
        if src is not None and src.tier != "encyclopedia" and (src.date or "") >= RECENT:
            return True
    return False


def status_sources(c: Country) -> list[str]:
    """The sources of a relationship's status: its own and those of the milestone it follows."""
    last = c.relations.since
    return [*c.relations.sources, *(last.sources if last else ())]


def mission_evidenced(ds: Records, m: Mission, events: dict[str, Event]) -> bool:
    """True when a source other than an encyclopedia dated 2020 or later, or an event about
    the mission from 2020 on that such a source tells, shows it (`events` by id)."""
    if recent_evidence(ds, m.sources):
        return True
    for eid in m.events:
        e = events.get(eid)
        if (
            e is not None
            and e.date >= RECENT
            and any(i in ds.sources and ds.sources[i].tier != "encyclopedia" for i in e.sources)
        ):
            return True
    return False


def best_tier(ds: Records, ids: Sequence[str]) -> str:
    """The best tier among a fact's sources ('other' when none is known)."""
    ranks = [TIERS.index(ds.sources[i].tier) for i in ids if i in ds.sources]
    return TIERS[min(ranks)] if ranks else "other"


def facts_by_tier(ds: Records) -> dict[str, int]:
    """How many facts (milestones, statuses, missions, events, memberships) rest at best on each
    tier of source: an 'encyclopedia' fact has no better source than an encyclopedia."""
    counts = dict.fromkeys(TIERS, 0)
    facts: list[Sequence[str]] = []
    for c in ds.countries.values():
        facts += [m.sources for m in c.relations.history]
        if c.relations.status != "unknown" and c.relations.sources:
            facts.append(c.relations.sources)
        facts += [m.sources for m in c.missions]
    facts += [e.sources for e in ds.events]
    facts += [o.sources for o in ds.organisations]
    for ids in facts:
        counts[best_tier(ds, ids)] += 1
    return counts
