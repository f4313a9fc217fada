"""The Erlang C core (planning/erlang.py) against published worked examples, an exact computation, its edges and its
monotonic properties."""

import math
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from planning import erlang
from planning.erlang import Demand, Reason


def exact_erlang_c(agents: int, traffic: Fraction) -> Fraction:
    """The textbook formula with factorials, in exact fractions: an independent check of the recursion."""
    top = traffic**agents / math.factorial(agents) * Fraction(agents) / (agents - traffic)
    return top / (sum(traffic**k / math.factorial(k) for k in range(agents)) + top)


def test_call_centre_helper_worked_example():
    """Call Centre Helper, "Erlang C Formula – Made Simple With an Easy Worked Example" (callcentrehelper.com):
    100 calls in 30 minutes, AHT 180 s, 80 % answered in 20 s, shrinkage 30 %. Traffic 10 erlangs; 14 agents give
    probability of waiting 17,4 %, service level 88,8 %, ASA about 8 s, occupancy 71,4 %; 14 / 0,7 = 20 rostered.
    Its steps with fewer agents: 11 → 39,0 %, 12 → 64,0 %, 13 → 79,6 % (just under the 80 % target)."""
    result = erlang.agents_needed(Demand(200, 180, 20, 0.8, 0.3))
    assert result.traffic == pytest.approx(10)
    assert (result.agents_on_phone, result.agents) == (14, 20)
    assert result.probability_of_waiting == pytest.approx(0.1741, abs=5e-5)
    assert result.service_level == pytest.approx(0.8884, abs=5e-5)
    assert result.average_wait_seconds == pytest.approx(7.84, abs=5e-3)
    assert result.occupancy == pytest.approx(10 / 14)
    assert result.feasible and result.reason == Reason.MEETS_TARGET
    for agents, level in ((11, 0.3896), (12, 0.6402), (13, 0.7956)):
        assert erlang.with_agents(Demand(200, 180, 20, 0.8), agents).service_level == pytest.approx(level, abs=5e-5)


def test_westbay_worked_example():
    """Westbay Engineers, "The Erlang-C formula" (erlang.com): 360 calls per half hour, 4-minute calls, 55 agents,
    target 15 s. Traffic 48 erlangs, occupancy 87,3 %, probability of waiting 23,9 %, ASA 8,2 s, service level
    84,6 %."""
    result = erlang.with_agents(Demand(720, 240, 15, 0.8), 55)
    assert result.traffic == pytest.approx(48)
    assert result.occupancy == pytest.approx(48 / 55)
    assert result.probability_of_waiting == pytest.approx(0.2387, abs=5e-5)
    assert result.average_wait_seconds == pytest.approx(8.18, abs=5e-3)
    assert result.service_level == pytest.approx(0.8459, abs=5e-5)


@pytest.mark.parametrize(
    ("agents", "traffic"), [(2, Fraction(1)), (14, Fraction(10)), (55, Fraction(48)), (30, Fraction(57, 2))]
)
def test_the_recursion_equals_the_factorial_formula(agents, traffic):
    assert erlang.erlang_c(agents, float(traffic)) == pytest.approx(float(exact_erlang_c(agents, traffic)), rel=1e-12)


def test_thousands_of_erlangs_do_not_overflow():
    result = erlang.agents_needed(Demand(36_000, 360, 20, 0.8))
    assert result.traffic == pytest.approx(3600)
    assert 3600 < result.agents_on_phone < 3700
    assert 0.8 <= result.service_level < 0.81
    assert 0 < result.occupancy < 1


def test_no_calls_need_no_agents():
    result = erlang.agents_needed(Demand(0, 300, 20, 0.8, 0.3))
    assert (result.agents, result.agents_on_phone, result.service_level, result.occupancy) == (0, 0, 1.0, 0.0)
    assert result.reason == Reason.NO_CALLS and result.feasible


def test_load_at_capacity_is_infeasible_not_a_crash():
    at_capacity = erlang.with_agents(Demand(120, 300, 20, 0.8), 10)
    assert at_capacity.traffic == pytest.approx(10)
    assert not at_capacity.feasible and at_capacity.reason == Reason.OVER_CAPACITY
    assert at_capacity.service_level is None and at_capacity.average_wait_seconds is None
    above = erlang.with_agents(Demand(500, 300, 20, 0.8), 10)
    assert not above.feasible and above.reason == Reason.OVER_CAPACITY
    assert erlang.erlang_c(10, 10.0) == 1.0


def test_shrinkage_counts_against_the_rota():
    """Ten rostered at 30 % shrinkage are seven on the phone: under a 10-erlang load that is over capacity."""
    assert erlang.with_agents(Demand(200, 180, 20, 0.8, 0.3), 14).agents_on_phone == 9
    assert erlang.with_agents(Demand(200, 180, 20, 0.8, 0.3), 20).reason == Reason.MEETS_TARGET


def test_gross_up_is_exact():
    """8 on the phone at 20 % shrinkage are exactly 10 rostered (8 / 0.8 in floats is 10.000000000000002)."""
    traffic_for_eight = erlang.agents_needed(Demand(60, 360, 20, 0.5))
    assert traffic_for_eight.agents_on_phone == 8
    assert erlang.agents_needed(Demand(60, 360, 20, 0.5, 0.2)).agents == 10


def test_a_service_level_of_one_cannot_be_promised():
    result = erlang.agents_needed(Demand(100, 300, 20, 1))
    assert not result.feasible and result.reason == Reason.TARGET_UNREACHABLE and result.agents is None


def test_below_target_with_a_given_rota():
    result = erlang.with_agents(Demand(200, 180, 20, 0.8), 12)
    assert result.feasible and result.reason == Reason.BELOW_TARGET


@pytest.mark.parametrize(
    "demand",
    [
        Demand(-1, 300, 20, 0.8),
        Demand(10, 0, 20, 0.8),
        Demand(10, 300, -1, 0.8),
        Demand(10, 300, 20, 1.2),
        Demand(10, 300, 20, 0.8, 1),
    ],
)
def test_the_core_refuses_impossible_input(demand):
    with pytest.raises(ValueError):
        erlang.agents_needed(demand)


calls = st.floats(min_value=0.5, max_value=2000, allow_nan=False)
handling = st.integers(min_value=30, max_value=1200)
answer = st.integers(min_value=0, max_value=120)
level = st.floats(min_value=0.05, max_value=0.99)


@settings(max_examples=60, deadline=None)
@given(calls, handling, answer, level, st.integers(min_value=0, max_value=20))
def test_service_level_increases_with_agents(hour_calls, aht, target, target_level, extra):
    demand = Demand(hour_calls, aht, target, target_level)
    first = math.floor(demand.traffic) + 1 + extra
    levels = [erlang.with_agents(demand, agents).service_level for agents in (first, first + 1, first + 2)]
    assert levels[0] <= levels[1] <= levels[2]


@settings(max_examples=60, deadline=None)
@given(calls, st.floats(min_value=0, max_value=500), handling, answer, level, st.sampled_from([0, 0.1, 0.3, 0.5]))
def test_agents_needed_never_fall_when_calls_rise(hour_calls, more, aht, target, target_level, shrinkage):
    fewer = erlang.agents_needed(Demand(hour_calls, aht, target, target_level, shrinkage))
    more_calls = erlang.agents_needed(Demand(hour_calls + more, aht, target, target_level, shrinkage))
    assert more_calls.agents >= fewer.agents
    assert more_calls.service_level >= target_level
