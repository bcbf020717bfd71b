from kizuna.reconcile.engine import reconcile

from .conftest import ref, stat

JP, VN, WORLD = ref("Japan", "country", "JP"), ref("Vietnam", "country", "VN"), ref("World", "group", None)
HA_NAM = ref("Ha Nam", "province", "VN")


def _rules(kb, severity="conflict"):
    return sorted(c["rule"] for c in kb.conflicts if c["severity"] == severity)


def test_same_point_different_beyond_rounding_is_a_conflict_with_both_sources():
    period = {"start": "2024", "end": "2024"}
    a = stat("a", "trade_turnover", VN, JP, 46.2e9, "USD", period, published="2025-01-10", source="VOV")
    b = stat("b", "trade_turnover", VN, JP, 44.9e9, "USD", period, published="2025-01-12", source="Nikkei Asia")
    kb = reconcile([a, b])
    (conflict,) = kb.conflicts
    assert conflict["rule"] == "values_beyond_rounding" and conflict["severity"] == "conflict"
    assert {s["doc"] for s in conflict["sources"]} == {"a", "b"}
    (fact,) = kb.facts.values()
    assert not fact["consistent"] and len(fact["statements"]) == 2  # both kept, never averaged


def test_rounding_difference_is_only_a_note():
    period = {"start": "2013-01", "end": "2013-11"}
    a = stat("a", "exports", VN, JP, 12.34e9, "USD", period, source="VOV")
    b = stat("b", "exports", VN, JP, 12.3e9, "USD", period, source="CPV")
    kb = reconcile([a, b])
    assert _rules(kb) == [] and _rules(kb, "note") == ["differs_within_rounding"]


def test_truncated_figure_is_a_conflict_with_both_sources():
    period = {"start": "2013-01", "end": "2013-11"}
    a = stat("a", "exports", VN, JP, 12.37e9, "USD", period, source="VOV")
    b = stat("b", "exports", VN, JP, 12.3e9, "USD", period, source="CPV")
    kb = reconcile([a, b])
    (conflict,) = kb.conflicts
    assert conflict["rule"] == "values_beyond_rounding" and conflict["severity"] == "conflict"
    assert {s["doc"] for s in conflict["sources"]} == {"a", "b"}


def test_year_on_year_growth_that_the_levels_contradict():
    facts = [stat("a", "trade_turnover", VN, JP, 40e9, "USD", {"start": "2022", "end": "2022"}, number=1),
             stat("a", "trade_turnover", VN, JP, 42e9, "USD", {"start": "2023", "end": "2023"}, number=2),
             stat("b", "trade_growth", VN, JP, 12, "percent", {"start": "2023", "end": "2023"})]
    kb = reconcile(facts)
    assert _rules(kb) == ["growth_vs_levels"]
    consistent = facts[:2] + [stat("b", "trade_growth", VN, JP, 5, "percent", {"start": "2023", "end": "2023"})]
    assert _rules(reconcile(consistent)) == []


def test_average_growth_above_compound_rate_is_only_suspect():
    facts = [stat("a", "trade_turnover", VN, JP, 8.5e9, "USD", {"start": "2005", "end": "2005"}, number=1),
             stat("a", "trade_turnover", VN, JP, 16.8e9, "USD", {"start": "2010", "end": "2010"}, number=2),
             stat("a", "trade_growth", VN, JP, 17, "percent", {"start": "2005", "end": "2010"}, "approx", number=3)]
    kb = reconcile(facts)
    assert _rules(kb) == [] and _rules(kb, "suspect") == ["growth_vs_levels"]


def test_part_cannot_exceed_whole():
    sub = stat("a", "exports", VN, JP, 14e9, "USD", {"start": "2013-01", "end": "2013-11"})
    year = stat("b", "exports", VN, JP, 12e9, "USD", {"start": "2013", "end": "2013"})
    japan = stat("c", "active_projects", JP, HA_NAM, 254, "count", {"start": None, "end": "2020-12-31"})
    world = stat("c", "active_projects", WORLD, HA_NAM, 178, "count", {"start": None, "end": "2020-12-31"}, number=2)
    kb = reconcile([sub, year, japan, world])
    assert _rules(kb) == ["part_exceeds_whole", "part_exceeds_whole"]


def test_growth_against_an_open_level_is_bounded_at_minus_100_percent():
    """A level stated as "less than" has no lower bound, but a level is never negative: the implied
    rate runs from -100 %, over one year or several (not from -inf, nor +inf after a root)."""
    for start, years in (("2022", 1), ("2020", 3)):
        facts = [stat("a", "trade_turnover", VN, JP, 40e9, "USD", {"start": start, "end": start}, number=1),
                 stat("a", "trade_turnover", VN, JP, 30e9, "USD", {"start": "2023", "end": "2023"}, "less_than",
                      number=2),
                 stat("b", "trade_growth", VN, JP, 50, "percent", {"start": start, "end": "2023"})]
        kb = reconcile(facts)
        (conflict,) = [c for c in kb.conflicts if c["rule"] == "growth_vs_levels"]
        low, high = conflict["reason"]["implied_percent"]
        assert low == -100.0 and high < 0, (years, low, high)
