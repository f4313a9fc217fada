"""The long-term period found from the months since the anchor is the one the walk from period 1 finds."""

from dataclasses import replace
from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from service_model import rules
from service_model.rule_sets import RULE_SET_2022

CADENCE = RULE_SET_2022.long_term


def walked(cadence, anchor: date, today: date) -> int:
    current = 1
    while rules.period_begins(cadence, anchor, current + 1) <= today:
        current += 1
    return current


@given(
    st.dates(date(1990, 1, 1), date(2030, 12, 31)),
    st.dates(date(1990, 1, 1), date(2040, 12, 31)),
    st.integers(0, 36),
    st.integers(1, 13),
)
def test_the_current_period_is_the_one_walked_to(anchor, today, after, every):
    cadence = replace(CADENCE, after_months=after, every_months=every)
    assert rules.current_period(cadence, anchor, today) == walked(cadence, anchor, today)


def test_the_day_a_period_begins_belongs_to_it_at_month_ends():
    # Counted from 31 August: the periods begin on 29 February 2024, 31 August 2024 and 28 February 2025.
    anchor = date(2023, 8, 31)
    assert [rules.period_begins(CADENCE, anchor, n) for n in (1, 2, 3)] == [
        date(2024, 2, 29),
        date(2024, 8, 31),
        date(2025, 2, 28),
    ]
    for today, number in (
        (date(2024, 8, 30), 1),
        (date(2024, 8, 31), 2),
        (date(2025, 2, 27), 2),
        (date(2025, 2, 28), 3),
    ):
        assert rules.current_period(CADENCE, anchor, today) == walked(CADENCE, anchor, today) == number
