"""Which metric a figure measures, from the words around it (``vocab/metrics.csv``).

- a count takes its metric from the noun after it: "5,681 active projects", "246 newly
  licensed projects", "32 Kanagawa enterprises", "14,000 Vietnamese people" (a nationality
  is required for people), "90 pairs of localities"; an event nearby turns firms into
  ``event_attendance``; "jobs for 3,700 local people" is ``jobs``;
- money takes the nearest cue before it in the sentence ("total registered capital of",
  "two-way trade … surpassed", "exports to Japan totalling"); "worth"/"valued at" only
  after a count of projects; hedged figures (targets, plans, commitments) and subsets
  ("these commodities", "main imports") are dropped;
- a percentage is growth ("up 2.9 per cent", "a rise of 1.7 percent") of the figure or cue
  before it (capital → ``capital_growth``, trade → ``trade_growth``), or a share named
  after it ("0.2 per cent of … overseas investment").
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .numbers import Quantity
from .stat_vocab import MetricSpec, Vocabulary

_CUE_REACH = 170


@dataclass(frozen=True)
class MetricChoice:
    """The metric of a figure, its value and unit, and how far its wording reaches."""

    metric: str
    value: float
    unit: str
    reach: int  # folded offset where the figure's wording (noun phrase, share phrase) ends


def choose_metric(folded: str, start: int, end: int, quantity: Quantity, earlier: list[tuple[Quantity, str]],
                  vocab: Vocabulary) -> MetricChoice | None:
    """The metric of ``quantity`` in the sentence ``folded[start:end]``, or None."""
    if _hedged(folded, start, quantity, earlier, vocab):
        return None
    if quantity.unit == "count":
        return _count_metric(folded, start, end, quantity, vocab)
    if quantity.unit == "percent":
        return _percent_metric(folded, start, end, quantity, earlier, vocab)
    return _money_metric(folded, start, quantity, earlier, vocab)


def _hedged(folded: str, start: int, quantity: Quantity, earlier: list[tuple[Quantity, str]],
            vocab: Vocabulary) -> bool:
    floor = max([start] + [q.end for q, _ in earlier if q.end <= quantity.start])
    left = folded[max(floor, quantity.start - 90):quantity.start]
    right = folded[quantity.end:quantity.end + 30]
    right = right.split(",")[0]
    return vocab.has("hedge", left) or vocab.has("hedge", right)


def _count_metric(folded: str, start: int, end: int, quantity: Quantity, vocab: Vocabulary) -> MetricChoice | None:
    after = folded[quantity.end:min(end, quantity.end + 90)]
    if quantity.strong:
        after = after[len("-strong"):] if after.startswith("-strong") else after
    left = folded[max(start, quantity.start - 30):quantity.start]
    for spec in vocab.metrics.values():  # a cue right before the count: "jobs for more than 3,700 …"
        cue_pattern = vocab.patterns.get(f"cue:{spec.metric}")
        cues = list(cue_pattern.finditer(left)) if cue_pattern else []
        if cues and re.fullmatch(r"\s+(?:\w+\s+){0,2}", left[cues[-1].end():]):
            return MetricChoice(spec.metric, quantity.value, spec.unit, quantity.end)
    best: tuple[int, MetricSpec, int] | None = None
    for spec in vocab.metrics.values():
        if spec.unit not in ("count", "persons") or not spec.nouns:
            continue
        for noun, pattern in spec.noun_patterns:
            m = pattern.match(after)
            if m is None:
                continue
            modifiers = m.group(1)
            if spec.modifiers and not any(re.search(rf"(?<![\w-]){re.escape(w)}(?![\w])", modifiers)
                                          for w in spec.modifiers):
                continue
            if spec.context == "origin" and not _has_origin(modifiers, folded, quantity, vocab):
                continue
            if spec.context == "event" and not _near_event(folded, start, end, quantity, vocab):
                continue
            score = (2 if spec.modifiers else 0) + (3 if spec.context == "event" else 0)
            score += len(noun.split())
            if best is None or score > best[0]:
                best = (score, spec, quantity.end + m.end())
    if best is None:
        return None
    _, spec, reach = best
    return MetricChoice(spec.metric, quantity.value, spec.unit, reach)


def _has_origin(modifiers: str, folded: str, quantity: Quantity, vocab: Vocabulary) -> bool:
    """A nationality or place modifies the noun ("14,000 Vietnamese people")."""
    words = modifiers.strip()
    return bool(words) and not re.fullmatch(r"(?:local|more|other|such|these|those|the|some|many)(?:\s+\w+)?", words)


def _near_event(folded: str, start: int, end: int, quantity: Quantity, vocab: Vocabulary) -> bool:
    left = folded[max(start, quantity.start - 60):quantity.start]
    right = folded[quantity.end:min(end, quantity.end + 60)]
    return vocab.has("event", left) or vocab.has("event", right)


def _money_metric(folded: str, start: int, quantity: Quantity, earlier: list[tuple[Quantity, str]],
                  vocab: Vocabulary) -> MetricChoice | None:
    floor = max(start, quantity.start - _CUE_REACH)
    left = folded[floor:quantity.start]
    if vocab.has("subset", folded[start:quantity.start]):
        return None
    metric = _nearest_cue(left, vocab, weak_floor=_projects_before(folded, quantity, earlier))
    if metric is None:
        return None
    spec = vocab.metrics[metric]
    if spec.unit != "USD":
        return None
    return MetricChoice(metric, quantity.value, quantity.unit, quantity.end)


def _projects_before(folded: str, quantity: Quantity, earlier: list[tuple[Quantity, str]]) -> bool:
    """A count of projects stands just before ("54 projects worth…")."""
    if not earlier:
        return False
    q, metric = earlier[-1]
    return metric in ("active_projects", "new_projects") and quantity.start - q.end < 60


def _nearest_cue(left: str, vocab: Vocabulary, weak_floor: bool) -> str | None:
    """The money metric whose cue ends closest to the figure."""
    best: tuple[int, int, str] | None = None
    tables = ((vocab.money_pattern, vocab.money_cues),) + (
        ((vocab.weak_money_pattern, vocab.weak_money_cues),) if weak_floor else ())
    for pattern, table in tables:
        for m in pattern.finditer(left):
            key = (m.end(), len(m.group()))
            if best is None or key > best[:2]:
                best = (m.end(), len(m.group()), table[m.group()])
    return best[2] if best else None


def _percent_metric(folded: str, start: int, end: int, quantity: Quantity, earlier: list[tuple[Quantity, str]],
                    vocab: Vocabulary) -> MetricChoice | None:
    after = folded[quantity.end:min(end, quantity.end + 90)]
    if re.match(r"\s+of\b", after):
        for spec in vocab.metrics.values():
            if spec.unit == "percent" and spec.after and any(w in after for w in spec.after):
                reach = quantity.end + _clause_length(after)
                return MetricChoice(spec.metric, quantity.value, "percent", reach)
        return None
    left = folded[max(start, quantity.start - 32):quantity.start]
    growth = vocab.find("growth", left)
    decline = vocab.find("decline", left)
    if not growth and not decline:
        return None
    sign = -1 if decline and (not growth or decline[-1].end() > growth[-1].end()) else 1
    anchor = next((metric for q, metric in reversed(earlier) if q.unit not in ("count", "percent")), None)
    if anchor is None:
        anchor = _nearest_cue(folded[max(start, quantity.start - _CUE_REACH):quantity.start], vocab, False)
    direct = [s for s in vocab.metrics.values() if s.unit == "percent" and s.cues
              and any(c in folded[max(start, quantity.start - 60):quantity.start] for c in s.cues)]
    if direct:
        return MetricChoice(direct[0].metric, sign * quantity.value, "percent", quantity.end)
    for spec in vocab.metrics.values():
        if anchor in spec.growth_of:
            return MetricChoice(spec.metric, sign * quantity.value, "percent", quantity.end)
    return None


def _clause_length(text: str) -> int:
    stop = re.search(r"[,;.]", text)
    return stop.start() if stop else len(text)
