"""Scenario projections: the pure core's properties and hand-computed months."""

from datetime import date
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from planning.capacity import Target
from planning.scenarios import Baseline, Change, Kind, project
from planning.workload import ClientMix

START = date(2026, 1, 1)
SERVING = {"105": "578", "578": "578", "765": "765"}
SOTKAMO = Baseline("765", "Sotkamo", ClientMix(400, 340, 32, 16, 40), Decimal(9), None)
PALTAMO = Baseline("578", "Paltamo", ClientMix(450, 380, 36, 18, 50), Decimal(4), Target(100, 150, "100–150"))
UNITS = [SOTKAMO, PALTAMO]


def _rows(changes, units=UNITS):
    return {(r.month, r.code): r for r in project(units, changes, START, SERVING)}


def test_a_layoff_month_by_month():
    layoff = Change(
        Kind.LAYOFF,
        "765",
        date(2026, 3, 1),
        people=200,
        share_registering=Decimal("0.5"),
        monthly_outflow=Decimal("0.1"),
    )
    rows = _rows([layoff])
    assert rows[(date(2026, 2, 1), "765")].clients == 400
    assert rows[(date(2026, 3, 1), "765")].clients == 500  # 200 × 0,5 register
    assert rows[(date(2026, 4, 1), "765")].clients == 490  # 10 % of them find work
    assert rows[(date(2026, 5, 1), "765")].clients == 481  # 100 × 0,9²
    assert rows[(date(2026, 3, 1), "578")].clients == 450  # another unit is untouched


def test_a_change_reaches_the_unit_serving_the_municipality():
    rows = _rows([Change(Kind.HIRING, "105", date(2026, 1, 1), people=50, share_registering=Decimal(1))])
    paltamo = rows[(date(2026, 1, 1), "578")]
    assert paltamo.clients == 400
    assert paltamo.clients_per_fte == Decimal("100.0")
    assert paltamo.fte_gap == 0


def test_unemployment_and_staffing_changes():
    rows = _rows(
        [
            Change(Kind.UNEMPLOYMENT_CHANGE, "578", date(2026, 2, 1), percent=Decimal(40)),
            Change(Kind.STAFFING_CHANGE, "578", date(2026, 6, 1), fte=Decimal(1)),
        ]
    )
    assert rows[(date(2026, 2, 1), "578")].clients == 630
    # 630 / 150 − 4 = 0,2 FTE missing until the fifth counsellor comes in June.
    assert rows[(date(2026, 2, 1), "578")].fte_gap == Decimal("0.20")
    assert rows[(date(2026, 6, 1), "578")].fte_gap == 0
    assert rows[(date(2026, 6, 1), "578")].fte == Decimal("5.00")
    assert len({month for month, _ in rows}) == 24


months = st.integers(0, 30).map(lambda n: date(2025 + (n // 12), n % 12 + 1, 1))
shares = st.decimals(min_value=0, max_value=1, places=2)
changes = st.lists(
    st.one_of(
        st.builds(
            Change,
            st.just(Kind.LAYOFF),
            st.sampled_from(["105", "578", "765"]),
            months,
            people=st.integers(0, 2000),
            share_registering=shares,
            monthly_outflow=shares,
        ),
        st.builds(
            Change,
            st.just(Kind.HIRING),
            st.sampled_from(["578", "765"]),
            months,
            people=st.integers(0, 2000),
            share_registering=shares,
        ),
        st.builds(
            Change,
            st.just(Kind.UNEMPLOYMENT_CHANGE),
            st.sampled_from(["578", "765"]),
            months,
            percent=st.decimals(min_value=-100, max_value=200, places=1),
        ),
        st.builds(
            Change,
            st.just(Kind.STAFFING_CHANGE),
            st.sampled_from(["578", "765"]),
            months,
            fte=st.decimals(min_value=-3, max_value=3, places=1),
        ),
    ),
    max_size=6,
)
layoffs = st.builds(
    Change,
    st.just(Kind.LAYOFF),
    st.sampled_from(["105", "578", "765"]),
    months,
    people=st.integers(0, 2000),
    share_registering=shares,
    monthly_outflow=shares,
)


@given(changes=changes, layoff=layoffs)
def test_adding_a_layoff_never_lowers_projected_clients(changes, layoff):
    before = project(UNITS, changes, START, SERVING)
    after = project(UNITS, [*changes, layoff], START, SERVING)
    assert all(a.clients >= b.clients for a, b in zip(after, before, strict=True))


def test_a_scenario_without_changes_equals_the_baseline():
    # A change past the 24-month horizon is no change within it.
    later = Change(Kind.LAYOFF, "765", date(2030, 1, 1), people=1000, share_registering=Decimal(1))
    assert project(UNITS, [later], START, SERVING) == project(UNITS, [], START, SERVING)
    assert all(r.clients in (400, 450) for r in project(UNITS, [], START, SERVING))


@given(changes=changes)
def test_clients_never_go_below_zero(changes):
    assert all(r.clients >= 0 and r.fte >= 0 for r in project(UNITS, changes, START, SERVING))
