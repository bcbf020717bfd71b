"""What range of true values a stated figure allows, so that rounding is not a conflict.

Amounts are read as written with a scale word (``US$40 billion`` is precise to the billion).
A figure stated with fewer significant digits covers every value that rounds to it:
``US$12.3 billion`` allows [12.25, 12.35] billion, so ``US$12.37 billion`` (which rounds to
12.4) disagrees with it, while 12.34 would not. Truncation is not taken as rounding. Qualifiers widen the range: ``more than 22.9`` is
[22.9, ∞); ``about 90`` allows ±10 %. Ranks and whole counts written in full (5,681) are
exact. Two statements conflict only when their ranges do not meet.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from typing import Any

APPROX_SHARE = 0.10
EXACT_UNITS = frozenset({"rank"})
WHOLE_UNITS = frozenset({"count", "persons", "rank"})
EPSILON = 1e-9


@dataclass(frozen=True)
class Interval:
    """A closed range of values (``low`` may be ``-inf``, ``high`` ``inf``)."""

    low: float
    high: float

    def meets(self, other: "Interval") -> bool:
        finite = [abs(v) for v in (self.low, self.high, other.low, other.high) if not math.isinf(v)]
        slack = EPSILON * max([1.0, *finite])
        return self.low <= other.high + slack and other.low <= self.high + slack

    def intersect(self, other: "Interval") -> "Interval":
        return Interval(max(self.low, other.low), min(self.high, other.high))

    @property
    def width(self) -> float:
        return self.high - self.low

    def to_list(self) -> list[float | None]:
        return [None if math.isinf(self.low) else self.low, None if math.isinf(self.high) else self.high]


def last_digit_unit(value: float, unit: str) -> float:
    """The place value of the last significant digit: 12.37e9 → 1e7; 2.9 → 0.1; 5681 → 0 (exact)."""
    if unit in EXACT_UNITS or value == 0:
        return 0.0
    digits = Decimal(repr(float(value))).normalize()
    exponent = digits.as_tuple().exponent
    assert isinstance(exponent, int)
    if unit in WHOLE_UNITS and exponent <= 0:
        return 0.0  # a whole count written in full
    if unit == "percent" and exponent > 0:
        return 1.0  # "10 per cent" is precise to the unit
    if unit not in WHOLE_UNITS and unit != "percent":
        scale = _display_scale(abs(value))
        return float(Decimal(1).scaleb(min(exponent, scale)))  # "US$40 billion" is precise to the billion
    return float(Decimal(1).scaleb(exponent))


def _display_scale(value: float) -> int:
    """The power of ten of the word an amount is written with (billion → 9, million → 6)."""
    for power in (12, 9, 6, 3):
        if value >= 10 ** power:
            return power
    return 0


@lru_cache(maxsize=65536)
def stated_interval(value: float, unit: str, qualifier: str | None) -> Interval:
    """The values a statement allows, given its precision and qualifier."""
    step = last_digit_unit(value, unit)
    qualifier = qualifier or "exact"
    if qualifier in ("more_than", "at_least"):
        return Interval(value, math.inf)
    if qualifier == "less_than":
        return Interval(-math.inf, value)
    low, high = value - step / 2, value + step / 2
    if qualifier == "approx":
        spread = max(step, abs(value) * APPROX_SHARE)
        low, high = value - spread, value + spread
    return Interval(low, high)


def fact_interval(fact: dict[str, Any]) -> Interval | None:
    """The interval of a statistic fact, or None if it has no number."""
    value = fact.get("value")
    if not isinstance(value, (int, float)):
        return None
    return stated_interval(float(value), fact.get("unit") or "", fact.get("qualifier"))


def amount_interval(amount: dict[str, Any] | None) -> Interval | None:
    """The interval of an investment amount (always read as a rounded exact figure)."""
    if not amount or not isinstance(amount.get("value"), (int, float)):
        return None
    return stated_interval(float(amount["value"]), amount.get("currency") or "USD", "exact")
