import math

from kizuna.reconcile.values import last_digit_unit, stated_interval


def meets(a, b):
    return stated_interval(*a).meets(stated_interval(*b))


def test_fewer_digits_that_round_are_consistent():
    assert meets((12.34e9, "USD", "exact"), (12.3e9, "USD", "exact"))  # rounded down
    assert meets((10.57e9, "USD", "exact"), (10.6e9, "USD", "exact"))  # rounded up
    assert meets((22.94e9, "USD", "approx"), (22.9e9, "USD", "more_than"))


def test_truncation_is_not_rounding():
    assert not meets((12.37e9, "USD", "exact"), (12.3e9, "USD", "exact"))  # 12.37 rounds to 12.4
    assert not meets((10.57e9, "USD", "exact"), (10.5e9, "USD", "exact"))


def test_real_differences_are_not_rounding():
    assert not meets((12.37e9, "USD", "exact"), (12.1e9, "USD", "exact"))
    assert not meets((5681, "count", "exact"), (5682, "count", "exact"))
    assert not meets((3, "rank", "exact"), (4, "rank", "exact"))
    assert not meets((22.9e9, "USD", "more_than"), (21e9, "USD", "exact"))


def test_precision_of_stated_figures():
    assert last_digit_unit(12.37e9, "USD") == 1e7
    assert last_digit_unit(2.9, "percent") == 0.1
    assert last_digit_unit(40e9, "USD") == 1e9
    assert last_digit_unit(5681, "count") == 0
    assert last_digit_unit(430000, "persons") == 10000
    assert math.isinf(stated_interval(100, "count", "more_than").high)
