"""Pairwise comparison of two facts of one block: a score, a veto, and the features behind them.

Like splink's comparison levels, every feature records the level it reached and the weight
it added, so a merge can be explained feature by feature. A veto (dates that cannot both be
right, two different sites) keeps facts apart whatever the score.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any, Callable

from .blocks import Annotated, entity
from .names import jaccard, text_stems
from .values import amount_interval

REPORTING_WINDOW_DAYS = 14
MEETING_THRESHOLD = 4.0


@dataclass
class Comparison:
    """The outcome of comparing two facts."""

    score: float = 0.0
    veto: str | None = None
    features: dict[str, dict[str, Any]] = field(default_factory=dict)

    def level(self, name: str, level: str, weight: float) -> None:
        self.features[name] = {"level": level, "weight": weight}
        self.score += weight

    def refuse(self, name: str, level: str) -> None:
        self.features[name] = {"level": level, "weight": None}
        self.veto = self.veto or f"{name}:{level}"

    def same_when_both_dated(self, name: str, a: object, b: object) -> None:
        """Two dates at any precision, when both are given, must agree: one more point or a veto."""
        if a and b:
            if dates_agree(str(a), str(b)):
                self.level(name, "same", 1.0)
            else:
                self.refuse(name, "different")


def parse_day(text: str | None) -> date | None:
    """A full ISO date, or None for partial or missing dates."""
    if not text or len(text) < 10:
        return None
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        return None


def dates_agree(a: str | None, b: str | None) -> bool:
    """Two dates at any precision agree when one is a prefix of the other (2014 / 2014-05-02)."""
    return bool(a and b and (a.startswith(b) or b.startswith(a)))


def _date_level(a: Annotated, b: Annotated, out: Comparison) -> None:
    da, db = a.get("date"), b.get("date")
    if da and db:
        if da == db:
            out.level("date", "exact", 3.0)
        elif dates_agree(da, db):
            out.level("date", "same_at_coarser_precision", 1.0)
        else:
            out.refuse("date", "different")
        return
    dated, undated = (a, b) if da else (b, a)
    if da or db:
        day, published = parse_day(dated.get("date")), parse_day(undated.get("published"))
        if day and published:
            gap = (published - day).days
            if 0 <= gap <= REPORTING_WINDOW_DAYS:
                out.level("date", "within_reporting_window", 0.5)
            else:
                out.refuse("date", "outside_reporting_window")
        else:
            out.level("date", "unknown", 0.0)
        return
    pa, pb = parse_day(a.get("published")), parse_day(b.get("published"))
    if pa and pb:
        if abs((pa - pb).days) <= REPORTING_WINDOW_DAYS:
            out.level("date", "reported_in_same_window", 0.5)
        else:
            out.refuse("date", "reported_far_apart")
    else:
        out.level("date", "unknown", 0.0)


def _people(fact: Annotated) -> frozenset[str]:
    cached = fact.get("_people")
    if cached is not None:
        return cached
    found = set()
    for index, _ in enumerate(fact.get("participants") or []):
        person = entity(fact, f"participants.{index}") or entity(fact, f"participants.{index}.org")
        if person:
            found.add(person)
    fact["_people"] = frozenset(found)  # annotated facts are the engine's own copies
    return fact["_people"]


def effective_day(fact: Annotated) -> date | None:
    """A meeting's full date, else its article's publication date (None when neither is a full date)."""
    if fact.get("date"):
        return parse_day(fact.get("date"))
    return parse_day(fact.get("published"))


def meeting_people(fact: Annotated) -> frozenset[str]:
    """The participant entities (a meeting sharing none with another is never the same meeting)."""
    return _people(fact)


def compare_meetings(a: Annotated, b: Annotated) -> Comparison:
    """Same event when dates fit and at least two participants (or one plus place and date) agree."""
    out = Comparison()
    _date_level(a, b, out)
    if out.veto:
        return out  # a veto ends the comparison: the pair is never the same meeting
    la, lb = entity(a, "location"), entity(b, "location")
    if la and lb:
        out.level("location", "same" if la == lb else "different", 1.0 if la == lb else -2.0)
    else:
        out.level("location", "unknown", 0.0)
    shared = _people(a) & _people(b)
    out.level("participants", f"{len(shared)}_shared", 2.0 * len(shared))
    if not shared:
        out.refuse("participants", "none_shared")
    return out


def compare_investments(a: Annotated, b: Annotated) -> Comparison:
    """Same investor and host (the block); site, project, year must not disagree."""
    out = Comparison()
    sa, sb = text_stems(a.get("site")), text_stems(b.get("site"))
    if sa and sb:
        if jaccard(sa, sb) >= 0.5:
            out.level("site", "same", 1.0)
        else:
            out.refuse("site", "different")
    pa, pb = text_stems(a.get("project")), text_stems(b.get("project"))
    if pa and pb:
        similarity = round(jaccard(pa, pb), 2)
        if similarity >= 0.3:
            out.level("project", f"similar_{similarity}", 1.0)
        else:
            out.refuse("project", f"different_{similarity}")
    out.same_when_both_dated("year", a.get("year"), b.get("year"))
    ia, ib = amount_interval(a.get("amount")), amount_interval(b.get("amount"))
    if ia and ib:
        out.level("amount", "consistent" if ia.meets(ib) else "disagrees", 1.0 if ia.meets(ib) else 0.0)
    return out


def compare_agreements(a: Annotated, b: Annotated) -> Comparison:
    """Same kind and parties (the block); status and date must agree."""
    out = Comparison()
    if a.get("status") != b.get("status"):
        out.refuse("status", "different")
    out.same_when_both_dated("date", a.get("date"), b.get("date"))
    return out


def compare_same_block(a: Annotated, b: Annotated) -> Comparison:
    """Roles, sector claims and successions: the block key is the whole identity."""
    out = Comparison()
    out.level("block", "same", 1.0)
    return out


COMPARATORS: dict[str, tuple[Callable[[Annotated, Annotated], Comparison], float]] = {
    "meeting": (compare_meetings, MEETING_THRESHOLD),
    "investment": (compare_investments, 0.0),
    "agreement": (compare_agreements, 0.0),
    "role": (compare_same_block, 0.0),
    "sector_interest": (compare_same_block, 0.0),
    "succession": (compare_same_block, 0.0),
}
