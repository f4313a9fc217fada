from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from labour_market import enums, figures
from labour_market.figures import MISSING, SUPPRESSED, Figure, Status, SuppressedRange

D = Decimal


def test_statuses_are_four_different_things():
    assert figures.parse_printed("0") == Figure(Status.ZERO, D(0), 0)
    assert figures.parse_printed("-") == Figure(Status.ZERO, D(0), 0)
    assert figures.parse_printed("...") == SUPPRESSED
    assert figures.parse_printed("..") == SUPPRESSED
    assert figures.parse_printed("") == MISSING
    assert figures.parse_printed("7") == Figure(Status.PUBLISHED, D(7), 0)
    assert len({SUPPRESSED, MISSING, Figure.of(0), Figure.of(1)}) == 4


def test_printed_numbers_keep_their_precision():
    assert figures.parse_printed("8,3") == Figure(Status.PUBLISHED, D("8.3"), 1)
    assert figures.parse_printed("16 615").value == 16615
    assert figures.parse_printed("1\u00a0234,50") == Figure(Status.PUBLISHED, D("1234.50"), 2)
    assert figures.parse_printed("7").decimals == 0
    with pytest.raises(ValueError):
        figures.parse_printed("n/a")


def test_a_figure_cannot_be_both_suppressed_and_valued():
    with pytest.raises(ValueError):
        Figure(Status.SUPPRESSED, D(3))
    with pytest.raises(ValueError):
        Figure(Status.ZERO, D(2))
    with pytest.raises(ValueError):
        Figure(Status.PUBLISHED)


def test_model_choices_mirror_the_pure_enums():
    assert set(enums.FigureStatus.values) == {s.value for s in Status}
    assert set(enums.Concept.values) == {c.value for c in figures.Concept}


def test_total_is_exact_only_when_every_cell_is_known():
    exact = figures.total([Figure.of(3), Figure.of(0), Figure.of(4)])
    assert exact.exact and exact.value == 7


def test_suppressed_cells_bound_the_total():
    summed = figures.total([Figure.of(10), SUPPRESSED, SUPPRESSED], SuppressedRange(D(1), D(4)))
    assert not summed.exact and summed.value is None
    assert (summed.low, summed.high, summed.known_sum) == (12, 18, 10)


def test_suppression_without_an_upper_limit_bounds_from_below_only():
    summed = figures.total([Figure.of(10), SUPPRESSED])
    assert (summed.low, summed.high) == (11, None)


def test_a_missing_cell_makes_the_total_unknowable():
    summed = figures.total([Figure.of(10), MISSING])
    assert not summed.checkable and summed.low is None


def test_unemployment_rate_and_shares():
    assert figures.round_half_up(figures.unemployment_rate(D(3217), D(38799)), 2) == D("8.29")
    assert figures.unemployment_rate(D(1), D(0)) is None
    assert figures.unemployment_rate(None, D(10)) is None
    assert figures.share(D(812), D(3217)).quantize(D("0.1")) == D("25.2")


def test_job_self_sufficiency_of_a_municipality():
    flows = figures.CommutingFlows(working_in_own_municipality=D(571), commuting_in=D(358), commuting_out=D(529))
    assert flows.jobs == 929 and flows.employed_residents == 1100
    assert figures.round_half_up(figures.job_self_sufficiency(flows), 1) == D("84.5")


def test_area_job_self_sufficiency_is_a_ratio_of_sums_not_a_mean():
    small = figures.CommutingFlows(D(100), D(0), D(100))  # 50 %
    large = figures.CommutingFlows(D(900), D(300), D(100))  # 120 %
    area = figures.area_job_self_sufficiency([small, large])
    assert figures.round_half_up(area, 6) == D("108.333333")
    assert area != figures.unweighted_mean([figures.job_self_sufficiency(small), figures.job_self_sufficiency(large)])


def test_changes_between_months():
    change = figures.change(D(110), D(100))
    assert change.absolute == 10 and change.percent == 10
    assert figures.change(D(5), None) is None
    assert figures.change(D(5), D(0)).percent is None
    assert figures.month_before(date(2023, 1, 1)) == date(2022, 12, 1)
    assert figures.year_before(date(2023, 8, 1)) == date(2022, 8, 1)


def test_agreement_is_at_the_printed_precision():
    assert figures.agrees(D("7"), 0, D("6.98"))
    assert figures.agrees(D("8.3"), 1, D("8.2914"))
    assert not figures.agrees(D("8.9"), 1, D("8.2914"))
    assert figures.agrees(D("104"), 0, D("104.5"))  # a tie may be printed either way
    assert not figures.agrees(D("105"), 0, D("104.456"))


counts = st.integers(min_value=0, max_value=50_000)


@st.composite
def municipalities(draw):
    size = draw(st.integers(min_value=1, max_value=12))
    labour_forces = draw(st.lists(st.integers(min_value=1, max_value=100_000), min_size=size, max_size=size))
    unemployed = [draw(st.integers(min_value=0, max_value=lf)) for lf in labour_forces]
    return [(D(u), D(lf)) for u, lf in zip(unemployed, labour_forces, strict=True)]


@given(municipalities())
def test_area_rate_is_the_labour_force_weighted_mean_of_municipal_rates(rows):
    area_rate = figures.unemployment_rate(sum(u for u, _ in rows), sum(lf for _, lf in rows))
    weighted = figures.weighted_mean((figures.unemployment_rate(u, lf), lf) for u, lf in rows)
    assert abs(area_rate - weighted) < D("1e-20")


@given(municipalities())
def test_area_rate_lies_between_the_smallest_and_largest_municipal_rate(rows):
    rates = [figures.unemployment_rate(u, lf) for u, lf in rows]
    area_rate = figures.unemployment_rate(sum(u for u, _ in rows), sum(lf for _, lf in rows))
    assert min(rates) - D("1e-20") <= area_rate <= max(rates) + D("1e-20")


@given(st.lists(st.one_of(counts.map(lambda v: Figure.of(v)), st.just(SUPPRESSED)), min_size=1, max_size=15))
def test_a_bounded_total_contains_every_total_the_hidden_cells_allow(cells):
    summed = figures.total(cells, SuppressedRange(D(1), D(4)))
    known = sum((c.value for c in cells if c.known), D(0))
    hidden = sum(1 for c in cells if not c.known)
    assert summed.low == known + hidden and summed.high == known + 4 * hidden
    assert summed.exact == (hidden == 0)


@given(
    st.lists(
        st.tuples(st.integers(0, 20_000), st.integers(0, 5_000), st.integers(0, 5_000)).filter(lambda t: t[0] + t[2]),
        min_size=1,
        max_size=10,
    )
)
def test_area_self_sufficiency_is_the_employment_weighted_mean_of_municipal_figures(rows):
    flows = [figures.CommutingFlows(D(own), D(in_), D(out)) for own, in_, out in rows]
    weighted = figures.weighted_mean((figures.job_self_sufficiency(f), f.employed_residents) for f in flows)
    assert abs(figures.area_job_self_sufficiency(flows) - weighted) < D("1e-20")
