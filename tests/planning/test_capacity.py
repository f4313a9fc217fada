"""The capacity core on the plan's own figures (§1) and its monotonicity."""

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from organisation.caseload_bounds import Bound
from planning import capacity
from planning.capacity import Status, Target

RANGE_100_150 = Target(100, 150, "100–150")
BELOW_100 = Target(None, 100, "alle 100", Bound.BELOW)
ABOUT_100 = Target(100, 100, "noin 100", Bound.ABOUT, Decimal(10))


def test_kuusamo_nine_fte_at_about_140_clients_each():
    """Plan §1 Kuusamo: 9 FTE, "n. 140 asiakasta/virkailija", target 100–150: 607 unemployed × 2,08 = 1 263 clients."""
    clients = capacity.clients_from_unemployed(607)
    result = capacity.assess(clients, Decimal(9), RANGE_100_150)
    assert clients == 1263
    assert result.per_fte == Decimal("140.3")
    assert result.status == Status.WITHIN
    assert result.gap == 0
    assert result.fte_needed == Decimal("8.42")


@pytest.mark.parametrize(
    ("clients", "fte", "target", "per_fte", "status", "gap", "spare"),
    [
        # Taivalkoski: 177 unemployed → 368 clients on 2,5 FTE against "noin 100" (±10 %, up to 110): 0,85 FTE missing.
        (368, Decimal("2.5"), ABOUT_100, Decimal("147.2"), Status.OVER, Decimal("0.85"), 0),
        # Suomussalmi: 237 → 493 clients on 7 FTE (7–8 counsellors, its own one included) against 90–120: below the
        # range, 1,52 FTE above its minimum.
        (493, Decimal(7), Target(90, 120, "n. 90–120"), Decimal("70.4"), Status.UNDER, 0, Decimal("1.52")),
        # Kuhmo: 263 → 547 clients on 6 FTE against "alle 100": within.
        (547, Decimal(6), BELOW_100, Decimal("91.2"), Status.WITHIN, 0, 0),
        # Exactly at the figure is over: "alle 100" is strict (caseload_targets.yaml); a hundredth more FTE is enough.
        (600, Decimal(6), BELOW_100, Decimal("100.0"), Status.OVER, Decimal("0.01"), 0),
        (599, Decimal(6), BELOW_100, Decimal("99.8"), Status.WITHIN, 0, 0),
        # "noin 100" is met from 90 to 110 clients per FTE: 89 is under (0,01 FTE above its lower end).
        (89, Decimal(1), ABOUT_100, Decimal("89.0"), Status.UNDER, 0, Decimal("0.01")),
        (111, Decimal(1), ABOUT_100, Decimal("111.0"), Status.OVER, Decimal("0.01"), 0),
        (10, Decimal(0), RANGE_100_150, None, Status.NO_STAFF, Decimal("0.07"), 0),
        (10, Decimal(1), None, Decimal("10.0"), Status.NO_TARGET, 0, 0),
        (0, Decimal(1), RANGE_100_150, Decimal("0.0"), Status.NO_CLIENTS, 0, 0),
    ],
)
def test_assessment_table(clients, fte, target, per_fte, status, gap, spare):
    result = capacity.assess(clients, fte, target)
    assert (result.per_fte, result.status, result.gap, result.spare) == (per_fte, status, gap, spare)


def test_a_range_of_fte_that_decides_is_reported():
    unit = capacity.Unit(
        key="x",
        name="x",
        municipality_code="777",
        clients=960,
        staffing=capacity.Staffing(Decimal(1), Decimal(7), Decimal(8)),
        target=Target(None, 120, "n. 90–120"),
    )
    result = capacity.capacity(unit)
    assert result.planned_low.status == Status.OVER and result.planned_high.status == Status.WITHIN
    assert [r.code for r in result.reasons] == [capacity.ReasonCode.OVER_TARGET, capacity.ReasonCode.RANGE_DECIDES]
    assert result.filled.gap == Decimal(7)


targets = st.one_of(
    st.builds(
        lambda low, width, has_min: Target(low if has_min else None, low + width, "t"),
        st.integers(1, 300),
        st.integers(0, 100),
        st.booleans(),
    ),
    st.builds(lambda high: Target(None, high, "alle", Bound.BELOW), st.integers(1, 300)),
    st.builds(
        lambda figure, tolerance: Target(figure, figure, "noin", Bound.ABOUT, Decimal(tolerance)),
        st.integers(1, 300),
        st.integers(0, 50),
    ),
)
fte = st.decimals(min_value=0, max_value=50, places=2)


@given(clients=st.integers(0, 5000), fte=fte, more=fte, target=targets)
def test_more_fte_never_increases_the_gap(clients, fte, more, target):
    assert capacity.assess(clients, fte + more, target).gap <= capacity.assess(clients, fte, target).gap


@given(clients=st.integers(0, 5000), more=st.integers(0, 5000), fte=fte, target=targets)
def test_more_clients_never_decrease_the_gap(clients, more, fte, target):
    assert capacity.assess(clients + more, fte, target).gap >= capacity.assess(clients, fte, target).gap


def test_negative_input_is_refused():
    with pytest.raises(ValueError):
        capacity.assess(-1, Decimal(1), None)
    with pytest.raises(ValueError):
        capacity.Staffing(Decimal(1), Decimal(3), Decimal(2))
