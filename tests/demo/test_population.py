"""The pure description of the synthetic population: suppressed cells, whole-number splits, transliteration."""

import random
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from demo import names, population


def test_suppressed_cells_are_drawn_consistently():
    row = population.PublishedRow(
        unemployed=34, men=20, women=14, under_20=None, under_25=None, long_term=11, foreigners=None
    )
    for seed in range(50):
        targets = population.resolve_targets(row, Decimal(1), random.Random(seed), 1, 4)
        assert 1 <= targets.under_20 <= targets.under_25 <= 4
        assert 1 <= targets.foreigners <= 4
        assert set(targets.suppressed) == {"under_20", "under_25", "foreigners"}
    zero = population.PublishedRow(
        unemployed=78, men=42, women=36, under_20=0, under_25=None, long_term=25, foreigners=3
    )
    assert population.resolve_targets(zero, Decimal(1), random.Random(1), 1, 4).under_20 == 0


def test_helpers():
    assert population.largest_remainder(7, {"a": 1, "b": 1, "c": 1}) == {"a": 3, "b": 2, "c": 2}
    assert names.transliterate("Всеволод Сорокина") == "Vsevolod Sorokina"
    assert names.transliterate("Щука") == "Štšuka"


@given(
    total=st.integers(min_value=0, max_value=100_000),
    shares=st.dictionaries(st.text(min_size=1, max_size=3), st.floats(0.001, 1.0), min_size=1, max_size=8),
)
def test_largest_remainder_sums_exactly_and_misses_no_share_by_a_whole_one(total, shares):
    counts = population.largest_remainder(total, shares)
    assert sum(counts.values()) == total
    weight = sum(shares.values())
    for key, share in shares.items():
        assert abs(counts[key] - total * share / weight) < 1
