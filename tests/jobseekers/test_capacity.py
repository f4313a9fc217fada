from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from jobseekers.capacity import missing_fte

clients = st.integers(min_value=0, max_value=100_000)
ftes = st.decimals(min_value=0, max_value=200, places=2)
targets = st.integers(min_value=1, max_value=500) | st.fractions(min_value=Fraction(1, 4), max_value=500)


@pytest.mark.parametrize(
    ("clients", "fte", "target", "missing"),
    [
        (230, Decimal("2"), 100, Decimal("0.30")),
        (60, Decimal("0.5"), 100, Decimal("0.10")),
        (295, Decimal("1.5"), Fraction(130), Decimal("0.77")),
        (100, Decimal("1"), 100, Decimal(0)),
        (101, Decimal("1"), 100, Decimal("0.01")),
        (5, Decimal("0"), 150, Decimal("0.04")),
    ],
)
def test_missing_fte(clients, fte, target, missing):
    assert missing_fte(clients, fte, target) == missing


@given(clients=clients, fte=ftes, target=targets)
def test_the_missing_fte_is_enough_and_a_hundredth_less_is_not(clients, fte, target):
    missing = missing_fte(clients, fte, target)

    assert missing >= 0 and missing == missing.quantize(Decimal("0.01"))
    assert (Fraction(fte) + Fraction(missing)) * Fraction(target) >= clients
    if missing > 0:
        assert (Fraction(fte) + Fraction(missing) - Fraction(1, 100)) * Fraction(target) < clients


@given(clients=clients, fte=ftes, target=targets, more=st.integers(min_value=0, max_value=1000))
def test_more_clients_never_need_less_fte(clients, fte, target, more):
    assert missing_fte(clients + more, fte, target) >= missing_fte(clients, fte, target)


def test_a_target_of_zero_is_an_error():
    with pytest.raises(ValueError):
        missing_fte(10, Decimal(1), 0)
