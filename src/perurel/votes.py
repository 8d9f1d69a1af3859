"""Peru at the UN General Assembly: agreement with other states on roll-call votes, rankings,
one roll call, and Peru's own shares of yes, no and abstain. Reads the bundled derivative of the
Voeten–Strezhnev–Bailey data (`data/unvotes.json.gz`, built by `scripts/build_votes.py`), which
`store.load_votes` finds and reads only when a `votes` question is asked, and hands over as
`Votes`. No Typer, no Rich.

Agreement is the share of roll calls on which both states cast a vote (yes, no or abstain) and
cast the same one; weighted, a yes or a no against an abstention counts as half an agreement.
"""

from __future__ import annotations

from collections.abc import Iterable

from .errors import DataError, NotFound, UsageError, printable, quoted
from .history_names import VOTERS
from .i18n import t
from .model import PERU
from .tuples import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from typing import Any

ENDS = "2020-01"  # the data's last month
VOTE_WORDS = {"y": "yes", "n": "no", "a": "abstain", ".": "absent"}
DEFINITION = (
    "agreement = the share of roll calls on which both states cast a vote (yes, no or abstain) "
    "and cast the same one; weighted, a yes or no against an abstention counts as half"
)


class Voter(NamedTuple):
    """A state as the voting data knows it: a country code, or a predecessor's own id."""

    id: str
    votes: str  # one character per roll call: y, n, a, or "." (no vote recorded)
    name: str | None = None  # predecessors only; current states take the dataset's names
    name_es: str | None = None
    successors: tuple[str, ...] = ()
    note: str | None = None
    note_es: str | None = None

    @property
    def former(self) -> bool:
        return bool(self.successors)


class Agreement(NamedTuple):
    """How often two states voted alike: `votes` roll calls both voted on, `agreed` of them."""

    votes: int
    agreed: float

    @property
    def share(self) -> float:
        return self.agreed / self.votes if self.votes else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "agreement": round(100 * self.share, 1) if self.votes else None,
            "votes": self.votes,
            "agreed": self.agreed,
        }


class ShapeError(ValueError):
    """A voting file of another shape, in words for the reader."""


class Votes:
    """The roll calls and every state's votes, with the questions `perurel votes` asks."""

    def __init__(self, doc: dict[str, Any]) -> None:
        calls = doc["rollcalls"]
        self.source: str = doc["source"]
        self.issue_names: dict[str, str] = doc["issues"]
        self.rcid: list[int] = calls["rcid"]
        self.session: list[int] = calls["session"]
        self.date: list[str] = calls["date"]
        self.important: str = calls["important"]
        self.issues: dict[str, str] = calls["issues"]
        self.unres: list[str] = calls["unres"]
        self.short: list[str] = calls["short"]
        self.descr: list[str] = calls["descr"]
        self.states: dict[str, Voter] = {
            s["id"]: Voter(
                s["id"],
                s["votes"],
                s.get("name"),
                s.get("name_es"),
                tuple(s.get("successors", ())),
                s.get("note"),
                s.get("note_es"),
            )
            for s in doc["states"]
        }
        if PERU not in self.states:
            raise DataError(t("the voting data has no votes of Peru"))
        self._check()

    def _check(self) -> None:
        """Every column as long as the roll calls, every mark one the questions read: a file of
        another shape is refused here, not met halfway through a question."""
        n = len(self.rcid)
        columns = (self.session, self.date, self.unres, self.short, self.descr)
        if not all(isinstance(c, list) and len(c) == n for c in columns):
            raise ShapeError(t("the roll-call columns differ in length"))
        if not (all(type(r) is int for r in self.rcid) and all(type(d) is str for d in self.date)):
            raise ShapeError(t("a roll call's rcid or date is of the wrong type"))
        for marks in (self.important, *self.issues.values()):
            if not isinstance(marks, str) or len(marks) != n or not _only(marks, "01"):
                raise ShapeError(t("a column of roll-call marks is not one 0 or 1 per roll call"))
        for voter in self.states.values():
            if not isinstance(voter.votes, str) or len(voter.votes) != n:
                raise ShapeError(
                    t("the votes of {id} are not one mark per roll call", id=quoted(voter.id))
                )
        if not _only("".join(voter.votes for voter in self.states.values()), "yna."):
            raise ShapeError(t("a state's votes hold a mark other than y, n, a, ."))

    # --- which roll calls ---------------------------------------------------------------------

    def calls(
        self,
        since: str | None = None,
        until: str | None = None,
        issue: str | None = None,
        important: bool = False,
    ) -> list[int]:
        """Indices of the roll calls in a window of dates (inclusive, YYYY[-MM[-DD]]), of one
        issue, or marked important."""
        from .bounds import window

        lo, hi = window(since, until)
        low = lo.isoformat() if lo else ""
        high = hi.isoformat() if hi else "9999"
        if issue is not None and issue not in self.issues:
            raise UsageError(
                t("unknown issue {issue}; choose from {issues}", issue=quoted(issue),
                  issues=", ".join(self.issues))
            )  # fmt: skip
        marks = self.issues[issue] if issue else None
        return [
            i
            for i, d in enumerate(self.date)
            if low <= d <= high
            and (marks is None or marks[i] == "1")
            and (not important or self.important[i] == "1")
        ]

    # --- agreement ----------------------------------------------------------------------------

    def voter(self, state: str) -> Voter:
        try:
            return self.states[state]
        except KeyError:
            raise NotFound(
                t("no UN General Assembly votes recorded for {state}", state=quoted(state))
            ) from None

    def agreement(
        self,
        state: str,
        since: str | None = None,
        until: str | None = None,
        *,
        issue: str | None = None,
        important: bool = False,
        weighted: bool = False,
        calls: Iterable[int] | None = None,
    ) -> Agreement:
        """Peru's agreement with `state` on the roll calls chosen."""
        chosen = self.calls(since, until, issue, important) if calls is None else calls
        return _agree(self.states[PERU].votes, self.voter(state).votes, chosen, weighted)

    def periods(
        self, state: str, calls: list[int], by: str = "decade", weighted: bool = False
    ) -> list[tuple[str, Agreement]]:
        """Agreement per decade ('1990s') or per year, for the periods with common votes."""
        groups: dict[str, list[int]] = {}
        for i in calls:
            year = self.date[i][:4]
            groups.setdefault(f"{year[:3]}0s" if by == "decade" else year, []).append(i)
        peru, other = self.states[PERU].votes, self.voter(state).votes
        out = [(label, _agree(peru, other, group, weighted)) for label, group in groups.items()]
        return [(label, a) for label, a in out if a.votes]

    def by_issue(
        self, state: str, calls: list[int], weighted: bool = False
    ) -> list[tuple[str, Agreement]]:
        peru, other = self.states[PERU].votes, self.voter(state).votes
        return [
            (code, _agree(peru, other, (i for i in calls if marks[i] == "1"), weighted))
            for code, marks in self.issues.items()
        ]

    def rank(
        self, calls: list[int], *, min_votes: int = 0, weighted: bool = False
    ) -> list[tuple[Voter, Agreement]]:
        """Every state with at least `min_votes` common votes, closest to Peru first."""
        peru = self.states[PERU].votes
        out = []
        for voter in self.states.values():
            if voter.id == PERU:
                continue
            found = _agree(peru, voter.votes, calls, weighted)
            if found.votes and found.votes >= min_votes:
                out.append((voter, found))
        out.sort(key=lambda pair: (-pair[1].share, -pair[1].votes, pair[0].id))
        return out

    # --- one roll call, and Peru's own votes ---------------------------------------------------

    def find_call(self, *, resolution: str | None = None, rcid: int | None = None) -> int:
        """The index of one roll call, by its resolution symbol (R/74/1, A/RES/74/1, 74/1) or rcid."""
        if rcid is not None:
            try:
                return self.rcid.index(rcid)
            except ValueError:
                raise NotFound(t("no roll call with rcid {rcid}", rcid=rcid)) from None
        key = _symbol(resolution or "")
        found = [i for i, u in enumerate(self.unres) if _symbol(u) == key and key]
        if not found:
            raise NotFound(
                t(
                    "no roll call on resolution {symbol}; symbols look like R/74/1 or A/RES/74/1 "
                    "(the session, then the number)",
                    symbol=quoted(resolution or ""),
                )
            )
        if len(found) > 1:  # a resolution voted on in parts: the vote on the whole is the last
            from .errors import Ambiguous

            listed = ", ".join(f"rcid {self.rcid[i]}" for i in found)
            raise Ambiguous(
                t(
                    "resolution {symbol} had {n} roll calls ({listed}); choose one with --rcid",
                    symbol=printable(resolution or ""),
                    n=len(found),
                    listed=listed,
                ),
                tuple(str(self.rcid[i]) for i in found),
            )
        return found[0]

    def call_record(self, i: int) -> dict[str, Any]:
        return {
            "rcid": self.rcid[i],
            "session": self.session[i],
            "date": self.date[i],
            "resolution": self.unres[i],
            "title": self.short[i],
            "description": self.descr[i],
            "important": self.important[i] == "1",
            "issues": [code for code, marks in self.issues.items() if marks[i] == "1"],
        }

    def shares(self, calls: Iterable[int], state: str = PERU) -> dict[str, Any]:
        """How a state voted on the roll calls it took part in: yes, no, abstain (percent)."""
        votes = self.voter(state).votes
        counts = {"y": 0, "n": 0, "a": 0}
        for i in calls:
            v = votes[i]
            if v != ".":
                counts[v] += 1
        total = sum(counts.values())

        def pct(n: int) -> float | None:
            return round(100 * n / total, 1) if total else None

        return {
            "yes": pct(counts["y"]),
            "no": pct(counts["n"]),
            "abstain": pct(counts["a"]),
            "votes": total,
        }


def _only(text: str, marks: str) -> bool:
    """Whether `text` holds nothing but these one-letter marks: deleting them leaves nothing
    (bytes.translate, in C: 0.6 ms for all 1.3 million votes, where a set() of them takes 60 ms
    and this runs on every `votes` question)."""
    return not text.encode("ascii", "replace").translate(None, marks.encode())


def _agree(a: str, b: str, calls: Iterable[int], weighted: bool) -> Agreement:
    votes = 0
    agreed = 0.0
    for i in calls:
        x, y = a[i], b[i]
        if x == "." or y == ".":
            continue
        votes += 1
        if x == y:
            agreed += 1
        elif weighted and (x == "a" or y == "a"):
            agreed += 0.5
    return Agreement(votes, agreed)


def _symbol(text: str) -> str:
    """'A/RES/74/1', 'R/74/1', '74/1', 'a/res/74/1 ' -> '74/1'."""
    key = text.strip().upper().replace(" ", "")
    for prefix in ("A/RES/", "RES/", "R/"):
        if key.startswith(prefix):
            return key[len(prefix) :]
    return key


# Predecessors are matched by their own names before a country query is resolved, so that
# 'USSR' means the Soviet Union's votes and never Russia's: the names of history_names (their
# only declaration), and each one's id in the voting data ('sun').
FORMER_NAMES = {
    voter: tuple(dict.fromkeys((*names, voter.lower()))) for voter, names in VOTERS.items()
}


def former(query: str, data: Votes | None = None) -> str | None:
    """The id of the predecessor state a query names, if it names one: by the names above, or
    by the names perurel shows for it (`West Germany (Federal Republic of Germany)`)."""
    from .text import normalize

    key = normalize(query)
    for state, names in FORMER_NAMES.items():
        if key in names:
            return state
    if data is not None:
        for voter in data.states.values():
            if voter.former and key in (
                normalize(voter.name or ""),
                normalize(voter.name_es or ""),
            ):
                return voter.id
    return None
