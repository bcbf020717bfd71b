"""Conflicts: figures that cannot all be true, flagged with both sources and the reason.

Rules (each conflict stores its rule name and the numbers compared):

- ``values_beyond_rounding``: one reconciled statistic (same metric, subject, target and
  as-of) whose statements' ranges (``values.py``) do not meet.
- ``growth_vs_levels``: a stated growth rate against the rate implied by two levels of its
  level metric (``data/metric_rules.csv``): year on year for a period within one year; for a
  multi-year average a stated rate *below* the compound rate is a conflict (an arithmetic
  mean of yearly rates is never below it), one above it only ``suspect``.
- ``differs_within_rounding`` (severity ``note``): different figures that rounding explains.
- ``part_exceeds_whole``: a flow over a sub-period larger than over the whole period, or a
  stock of one investor larger than all investors' (World), at one as-of date.
Nothing is averaged away: the facts stay as stated.
"""
from __future__ import annotations

import calendar
import csv
import hashlib
import math
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Iterable

from ..errors import KizunaError
from .values import Interval, stated_interval

RULES_FILE = Path(str(resources.files("kizuna.reconcile") / "data" / "metric_rules.csv"))
NATURES = frozenset({"stock", "flow", "growth", "rank", "share", "balance"})


@dataclass(frozen=True)
class MetricRule:
    metric: str
    nature: str
    level_metric: str | None


@lru_cache(maxsize=1)
def metric_rules(path: Path = RULES_FILE) -> dict[str, MetricRule]:
    """Read and check the metric rules; every bad row is reported at once."""
    problems: list[str] = []
    rules: dict[str, MetricRule] = {}
    with path.open(encoding="utf-8", newline="") as handle:
        for number, row in enumerate(csv.DictReader(handle), start=2):
            metric, nature, level = (row.get("metric") or "").strip(), (row.get("nature") or "").strip(), \
                (row.get("level_metric") or "").strip()
            if not metric or nature not in NATURES:
                problems.append(f"{path.name}:{number}: need a metric and a nature in {sorted(NATURES)}")
            elif nature == "growth" and not level:
                problems.append(f"{path.name}:{number}: a growth metric needs its level_metric")
            else:
                rules[metric] = MetricRule(metric, nature, level or None)
    missing = [r.level_metric for r in rules.values() if r.level_metric and r.level_metric not in rules]
    problems += [f"{path.name}: level_metric {m!r} is not a listed metric" for m in missing]
    if problems:
        raise KizunaError("bad metric rules:\n" + "\n".join(problems))
    return rules


def period_days(period: dict[str, Any]) -> tuple[date, date] | None:
    """First and last day a period covers (``2013`` → 2013-01-01..2013-12-31), None if open."""
    start, end = period.get("start"), period.get("end")
    if not start or not end:
        return None
    try:
        return _first_day(start), _last_day(end)
    except ValueError:
        return None


def _first_day(text: str) -> date:
    parts = [int(p) for p in text[:10].split("-")]
    return date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)


def _last_day(text: str) -> date:
    parts = [int(p) for p in text[:10].split("-")]
    month = parts[1] if len(parts) > 1 else 12
    return date(parts[0], month, parts[2] if len(parts) > 2 else calendar.monthrange(parts[0], month)[1])


def _interval(statement: dict[str, Any], unit: str) -> Interval:
    return stated_interval(float(statement["value"]), unit, statement.get("qualifier"))


def _conflict(rule: str, facts: list[dict[str, Any]], reason: dict[str, Any], severity: str = "conflict") -> dict[str, Any]:
    ids = sorted(f["id"] for f in facts)
    digest = hashlib.sha1(f"{rule}#{','.join(ids)}#{sorted(reason.items())!r}".encode()).hexdigest()[:12]
    cited = [{"fact": f["id"], "doc": s.get("doc"), "source": s.get("source"), "published": s.get("published"),
              "value": s["as_written"].get("value"), "qualifier": s["as_written"].get("qualifier"),
              "period": s["as_written"].get("period"), "evidence": (s.get("evidence") or {}).get("text")}
             for f in facts for s in f["sources"]]
    return {"id": f"cf-{digest}", "rule": rule, "severity": severity, "facts": ids, "metric": facts[0].get("metric"),
            "subject": facts[0].get("subject"), "target": facts[0].get("target"), "reason": reason, "sources": cited}


def value_conflicts(fact: dict[str, Any]) -> list[dict[str, Any]]:
    """Pairs of statements in one reconciled statistic whose ranges do not meet (conflicts),
    and pairs that differ only within rounding (notes, so a reader sees both figures)."""
    out = []
    statements = fact.get("statements") or []
    for i, a in enumerate(statements):
        for b in statements[i + 1:]:
            ia, ib = _interval(a, fact["unit"]), _interval(b, fact["unit"])
            consistent = ia.meets(ib)
            if not consistent or a["value"] != b["value"]:
                out.append(_conflict("values_beyond_rounding" if not consistent else "differs_within_rounding", [fact], {
                    "as_of": fact.get("as_of"), "period": fact.get("period"),
                    "a": {"value": a["value"], "qualifier": a["qualifier"], "docs": a["docs"], "range": ia.to_list()},
                    "b": {"value": b["value"], "qualifier": b["qualifier"], "docs": b["docs"], "range": ib.to_list()}},
                    "conflict" if not consistent else "note"))
    return out


def _whole(fact: dict[str, Any]) -> Interval | None:
    ranges = [_interval(s, fact["unit"]) for s in fact.get("statements") or []]
    if not ranges:
        return None
    agreed = ranges[0]
    for other in ranges[1:]:
        agreed = agreed.intersect(other) if agreed.meets(other) else Interval(min(agreed.low, other.low),
                                                                              max(agreed.high, other.high))
    return agreed


def _series_key(fact: dict[str, Any]) -> tuple[Any, ...]:
    subject, target = fact.get("subject") or {}, fact.get("target") or {}
    return (subject.get("entity_id"), target.get("entity_id"), fact.get("domain"))


def growth_conflicts(statistics: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Stated growth rates against the levels of their level metric."""
    rules = metric_rules()
    levels: dict[tuple[Any, ...], dict[tuple[date, date], dict[str, Any]]] = {}
    for fact in statistics:
        days = period_days(fact.get("period") or {})
        if days:
            levels.setdefault((fact["metric"], *_series_key(fact)), {})[days] = fact
    out = []
    for fact in statistics:
        rule = rules.get(fact["metric"])
        days = period_days(fact.get("period") or {})
        if not rule or rule.nature != "growth" or not days or fact.get("unit") != "percent":
            continue
        series = levels.get((rule.level_metric, *_series_key(fact)), {})
        stated = _whole(fact)
        if stated is None:
            continue
        start, end = days
        if start.year == end.year:
            previous = (start.replace(year=start.year - 1), _shift_year_end(end))
            now, before = series.get(days), series.get(previous)
            years, one_sided = 1, False
        else:
            now = series.get((date(end.year, 1, 1), date(end.year, 12, 31)))
            before = series.get((date(start.year, 1, 1), date(start.year, 12, 31)))
            years, one_sided = end.year - start.year, True
        if not now or not before:
            continue
        implied = _rate(_whole(before), _whole(now), years)
        if implied is None:
            continue
        if stated.meets(implied):
            continue
        severity = "suspect" if one_sided and stated.low > implied.high else "conflict"
        out.append(_conflict("growth_vs_levels", [fact, before, now], {
            "stated_percent": stated.to_list(), "implied_percent": [None if v is None else round(v, 2) for v in implied.to_list()],
            "years": years, "compound": years > 1, "from": before["id"], "to": now["id"],
            "why_suspect": "an average of yearly rates may exceed the compound rate" if severity == "suspect" else None},
            severity))
    return out


def _shift_year_end(end: date) -> date:
    last = calendar.monthrange(end.year - 1, end.month)[1]
    return date(end.year - 1, end.month, min(end.day, last))


def _rate(before: Interval | None, now: Interval | None, years: int) -> Interval | None:
    if before is None or now is None or before.low <= 0 or math.isinf(before.high) or math.isinf(now.high):
        return None
    # levels are never negative: "less than $30 billion" now (low -inf) bounds the rate at -100 %
    low = ((max(now.low, 0.0) / before.high) ** (1 / years) - 1) * 100
    high = ((now.high / before.low) ** (1 / years) - 1) * 100
    return Interval(low, high)


def part_whole_conflicts(statistics: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """A sub-period flow above the whole-period flow; one investor's stock above all investors'."""
    rules = metric_rules()
    out = []
    by_series: dict[tuple[Any, ...], list[dict[str, Any]]] = {}
    for fact in statistics:
        by_series.setdefault((fact["metric"], fact.get("unit"), *_series_key(fact)), []).append(fact)
    for (metric, *_), facts in sorted(by_series.items(), key=lambda item: repr(item[0])):
        rule = rules.get(metric)
        if not rule or rule.nature != "flow":
            continue
        spans = [(period_days(f.get("period") or {}), f) for f in facts]
        for days_a, a in spans:
            for days_b, b in spans:
                if not days_a or not days_b or days_a == days_b or a is b:
                    continue
                if days_b[0] <= days_a[0] and days_a[1] <= days_b[1]:
                    part, whole = _whole(a), _whole(b)
                    if part and whole and part.low > whole.high:
                        out.append(_conflict("part_exceeds_whole", [a, b], {
                            "part": {"fact": a["id"], "period": a.get("period"), "range": part.to_list()},
                            "whole": {"fact": b["id"], "period": b.get("period"), "range": whole.to_list()}}))
    out.extend(_investor_part_whole(statistics, rules))
    return out


def _investor_part_whole(statistics: list[dict[str, Any]], rules: dict[str, MetricRule]) -> list[dict[str, Any]]:
    world: dict[tuple[Any, ...], dict[str, Any]] = {}
    for fact in statistics:
        subject = fact.get("subject") or {}
        if subject.get("kind") == "group" and str(subject.get("name", "")).lower() == "world":
            world[(fact["metric"], fact.get("unit"), (fact.get("target") or {}).get("entity_id"),
                   fact.get("as_of"))] = fact
    out = []
    for fact in statistics:
        rule = rules.get(fact["metric"])
        subject = fact.get("subject") or {}
        if not rule or rule.nature != "stock" or subject.get("kind") == "group" or not fact.get("as_of"):
            continue
        total = world.get((fact["metric"], fact.get("unit"), (fact.get("target") or {}).get("entity_id"), fact["as_of"]))
        part, whole = _whole(fact), _whole(total) if total else None
        if total and part and whole and part.low > whole.high:
            out.append(_conflict("part_exceeds_whole", [fact, total], {
                "part": {"fact": fact["id"], "subject": subject.get("name"), "range": part.to_list()},
                "whole": {"fact": total["id"], "subject": "World", "range": whole.to_list()}}))
    return out


def cross_conflicts(statistics: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Conflicts between statistics (growth against levels, part against whole), in a stable order.

    Every such rule compares statistics of one target entity only, so they can be found
    target by target.
    """
    found = {c["id"]: c for c in growth_conflicts(statistics) + part_whole_conflicts(statistics)}
    return [found[k] for k in sorted(found)]


def find_conflicts(reconciled: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """Every conflict among reconciled statistics, in a stable order."""
    statistics = [f for f in reconciled if f.get("type") == "statistic"]
    found: dict[str, dict[str, Any]] = {}
    for fact in statistics:
        for conflict in value_conflicts(fact):
            found[conflict["id"]] = conflict
    for conflict in growth_conflicts(statistics) + part_whole_conflicts(statistics):
        found[conflict["id"]] = conflict
    return [found[k] for k in sorted(found)]
