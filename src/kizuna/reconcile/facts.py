"""One fact, many sources: clustering the facts of one block into reconciled facts.

Statistics cluster by the point they state (their period); a "currently" figure (as-of =
the publication date) joins another such figure reported within ``IMPLICIT_WINDOW_DAYS``.
Other types cluster greedily with complete linkage: a fact joins the first cluster every
member of which it matches (``matching.py``), else it starts its own. Every fact is in
exactly one cluster, so clustering is a deterministic function of the block's facts.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any, Callable

from .blocks import Annotated
from .matching import (COMPARATORS, REPORTING_WINDOW_DAYS, Comparison, compare_same_block, effective_day,
                       meeting_people, parse_day)
from .names import outlet_names
from .values import fact_interval

IMPLICIT_WINDOW_DAYS = 7
COPIED_SENTENCE_MIN_CHARS = 40  # shorter identical clauses may coincide by chance


@dataclass
class Cluster:
    """A reconciled fact: its members (per-article facts) and why they were joined."""

    block: str
    members: list[Annotated]
    reasons: list[dict[str, Any]] = field(default_factory=list)

    @property
    def type(self) -> str:
        return str(self.members[0].get("type"))

    @property
    def fact_id(self) -> str:
        ids = ",".join(sorted(member_id(m) for m in self.members))
        return "rf-" + hashlib.sha1(f"{self.block}#{ids}".encode()).hexdigest()[:12]


def member_id(fact: Annotated) -> str:
    """A stable id of a per-article fact (sector claims add their sector)."""
    base = str(fact.get("fact_id"))
    return f"{base}:{fact['sector']}" if fact.get("type") == "sector_interest" else base


def fact_order(fact: Annotated) -> tuple[str, str, int, str]:
    evidence = fact.get("evidence") or {}
    return (fact.get("published") or "", str(fact.get("doc")), int(evidence.get("start") or 0), member_id(fact))


def is_implicit(fact: Annotated) -> bool:
    """A figure dated by its article ("currently"): no start, end = publication date."""
    period = fact.get("period") or {}
    return period.get("start") is None and period.get("end") is not None and period.get("end") == fact.get("published")


def cluster_block(block: str, facts: list[Annotated]) -> list[Cluster]:
    """The reconciled facts of one block."""
    ordered = sorted(facts, key=fact_order)
    if not ordered:
        return []
    if ordered[0].get("type") == "statistic":
        return _cluster_statistics(block, ordered)
    return _cluster_greedy(block, ordered)


def _cluster_greedy(block: str, facts: list[Annotated]) -> list[Cluster]:
    kind = str(facts[0].get("type"))
    compare, threshold = COMPARATORS[kind]
    if compare is compare_same_block:
        return [_whole_block(block, facts)]
    clusters: list[Cluster] = []
    index = _MeetingIndex() if kind == "meeting" else None
    for fact in facts:
        candidates = index.candidates(fact) if index else range(len(clusters))
        for position in candidates:
            cluster = clusters[position]
            results = _compare_all(compare, cluster.members, fact)
            if results and max(r.score for r in results) >= threshold:
                best = max(range(len(results)), key=lambda i: results[i].score)
                cluster.reasons.append({"fact": member_id(fact), "joined": member_id(cluster.members[best]),
                                        "score": results[best].score, "features": results[best].features})
                cluster.members.append(fact)
                break
        else:
            clusters.append(Cluster(block, [fact]))
            if index:
                index.add(fact, len(clusters) - 1)
    return clusters


def _whole_block(block: str, facts: list[Annotated]) -> Cluster:
    """One cluster of every fact: what greedy clustering gives when the block key is the identity
    (every fact matches every member, so each joins the first cluster via its first member)."""
    first = facts[0]
    cluster = Cluster(block, list(facts))
    for fact in facts[1:]:
        result = compare_same_block(first, fact)
        cluster.reasons.append({"fact": member_id(fact), "joined": member_id(first), "score": result.score,
                                "features": result.features})
    return cluster


def _compare_all(compare: Callable[[Annotated, Annotated], Comparison], members: list[Annotated],
                 fact: Annotated) -> list[Comparison]:
    """``fact`` compared with every member, or an empty list at the first veto (complete linkage)."""
    results = []
    for other in members:
        result = compare(other, fact)
        if result.veto is not None:
            return []
        results.append(result)
    return results


class _MeetingIndex:
    """Clusters a meeting could join, found by participant and by their first member's date.

    ``compare_meetings`` vetoes a meeting sharing no participant with a cluster's first
    member, two different full dates, and a date and a publication (or two publications)
    more than the reporting window apart; skipping those clusters changes nothing but the
    time taken. Clusters whose first member has no usable day are always candidates.
    """

    def __init__(self) -> None:
        self.on_day: dict[tuple[str, str], list[int]] = {}        # first member dated that day
        self.dated: dict[tuple[str, int], list[int]] = {}         # ... by reporting window
        self.reported: dict[tuple[str, int], list[int]] = {}      # first member undated, by publication
        self.floating: dict[str, list[int]] = {}
        self.by_person: dict[str, list[int]] = {}

    def add(self, fact: Annotated, position: int) -> None:
        day = effective_day(fact)
        for person in meeting_people(fact):
            self.by_person.setdefault(person, []).append(position)
            if day is None:
                self.floating.setdefault(person, []).append(position)
                continue
            bucket = (person, day.toordinal() // REPORTING_WINDOW_DAYS)
            if fact.get("date"):
                self.on_day.setdefault((person, str(fact["date"])[:10]), []).append(position)
                self.dated.setdefault(bucket, []).append(position)
            else:
                self.reported.setdefault(bucket, []).append(position)

    def candidates(self, fact: Annotated) -> list[int]:
        day = effective_day(fact)
        found: set[int] = set()
        for person in meeting_people(fact):
            if day is None:
                found.update(self.by_person.get(person, ()))
                continue
            bucket = day.toordinal() // REPORTING_WINDOW_DAYS
            near = [(person, b) for b in (bucket - 1, bucket, bucket + 1)]
            if fact.get("date"):
                found.update(self.on_day.get((person, str(fact["date"])[:10]), ()))
            else:
                for key_ in near:
                    found.update(self.dated.get(key_, ()))
            for key_ in near:
                found.update(self.reported.get(key_, ()))
            found.update(self.floating.get(person, ()))
        return sorted(found)


def _point(fact: Annotated) -> tuple[str, str]:
    period = fact.get("period") or {}
    return (period.get("start") or "", period.get("end") or "")


def _cluster_statistics(block: str, facts: list[Annotated]) -> list[Cluster]:
    by_point: dict[tuple[str, str], list[Annotated]] = {}
    for fact in facts:
        by_point.setdefault(_point(fact), []).append(fact)
    clusters: list[Cluster] = []
    implicit: list[Cluster] = []
    for point in sorted(by_point):
        members = by_point[point]
        if point == ("", ""):
            clusters.extend(_undated(block, members))
            continue
        cluster = Cluster(block, list(members), [{"fact": member_id(m), "rule": "same_period", "period": list(point)}
                                                for m in members[1:]])
        (implicit if all(is_implicit(m) for m in members) else clusters).append(cluster)
    merged: list[Cluster] = []
    for cluster in implicit:
        last = merged[-1] if merged else None
        first_day = parse_day(last.members[0]["period"]["end"]) if last else None
        day = parse_day(cluster.members[0]["period"]["end"])
        if last and first_day and day and (day - first_day).days <= IMPLICIT_WINDOW_DAYS:
            last.reasons.extend({"fact": member_id(m), "rule": "as_of_publication_within_window",
                                 "days": (day - first_day).days} for m in cluster.members)
            last.members.extend(cluster.members)
        else:
            merged.append(cluster)
    return sorted(clusters + merged, key=lambda c: fact_order(c.members[0]))


def _undated(block: str, facts: list[Annotated]) -> list[Cluster]:
    """Undated figures join only figures they agree with (no date to call it a conflict)."""
    clusters: list[Cluster] = []
    for fact in facts:
        interval = fact_interval(fact)
        for cluster in clusters:
            others = [fact_interval(m) for m in cluster.members]
            if interval and all(o and o.meets(interval) for o in others):
                cluster.reasons.append({"fact": member_id(fact), "rule": "undated_same_value"})
                cluster.members.append(fact)
                break
        else:
            clusters.append(Cluster(block, [fact]))
    return clusters


def origin_of(fact: Annotated) -> frozenset[str]:
    """Names of the outlet a fact originally comes from (the document id when unknown)."""
    names, _ = outlet_names(fact.get("source"))
    return names or frozenset({f"doc:{fact.get('doc')}"})


def independent_sources(members: list[Annotated]) -> int:
    """Documents whose outlets share no name and whose evidence is not copied count once each.

    A republished piece (``republishing VGP``) counts with its original; two documents with
    the same evidence sentence are one source.
    """
    docs: dict[str, set[str]] = {}
    for fact in members:
        labels = docs.setdefault(str(fact.get("doc")), set())
        labels |= origin_of(fact)
        sentence = " ".join(str((fact.get("evidence") or {}).get("text", "")).split()).lower()
        if len(sentence) >= COPIED_SENTENCE_MIN_CHARS:
            labels.add("evidence:" + sentence)
    groups: list[set[str]] = []
    for labels in docs.values():
        joined = [g for g in groups if g & labels]
        merged = set(labels).union(*joined) if joined else set(labels)
        groups = [g for g in groups if not g & labels] + [merged]
    return len(groups)
