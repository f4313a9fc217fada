"""The workload model on hand-computed cases: meetings by the rule set in force, hours against client-work hours."""

from datetime import date
from decimal import Decimal

import pytest

from planning import workload
from planning.workload import Channel, ClientMix, Parameters, ReasonCode
from service_model.rule_sets import MeetingType

FACE = {
    Channel.FACE_TO_FACE: Decimal(1),
    Channel.VIDEO: Decimal(0),
    Channel.PHONE: Decimal(0),
    Channel.E_SERVICE: Decimal(0),
}
SIMPLE = Parameters(
    minutes={
        MeetingType.INITIAL_INTERVIEW: dict.fromkeys(Channel, 60),
        MeetingType.JOB_SEARCH_DISCUSSION: dict.fromkeys(Channel, 45),
        MeetingType.SUPPLEMENTARY_DISCUSSION: dict.fromkeys(Channel, 30),
    },
    channel_shares=FACE,
)
MIX = ClientMix(clients=100, followed=90, new=10, new_unemployed=6, long_term=12)


def test_june_2025_under_the_2022_rules():
    result = workload.workload(date(2025, 6, 15), MIX, Decimal(1), SIMPLE)
    # 10 initial interviews; (90 − 10) / 3 job-search discussions; supplementary: 6 new unemployed × 3 months ×
    # 30,436875 days / 14 days = 39,13 in the intensive start, plus 12 long-term × (2 − 1/3) / 6 = 3,33.
    assert result.rule_set_id == "nordic_2022"
    assert result.meetings == {
        MeetingType.INITIAL_INTERVIEW: Decimal("10.0"),
        MeetingType.JOB_SEARCH_DISCUSSION: Decimal("26.7"),
        MeetingType.SUPPLEMENTARY_DISCUSSION: Decimal("42.5"),
    }
    # 10 h + 26,67 × 0,75 h + 42,46 × 0,5 h = 51,2 h
    assert result.meeting_hours == Decimal("51.2")
    # June 2025: 21 weekdays less Midsummer Eve (20.6.) = 20 working days × 7,25 h × 0,85 × 0,6 = 73,95 h.
    assert result.working_days == 20
    assert result.available_hours == Decimal("74.0")
    assert result.load == Decimal("0.69")
    assert result.reason.code == ReasonCode.WITHIN_HOURS


def test_june_2026_under_the_2026_rules_has_no_scheduled_supplementary_discussions():
    result = workload.workload(date(2026, 6, 1), MIX, Decimal("0.5"), SIMPLE)
    assert result.rule_set_id == "nordic_2026"
    assert result.meetings[MeetingType.SUPPLEMENTARY_DISCUSSION] == 0
    # 10 h + 80/3 × 0,75 h = 30 h; June 2026 has 21 working days (Midsummer Eve 19.6.): 0,5 × 77,6475 = 38,8 h.
    assert result.meeting_hours == Decimal("30.0")
    assert result.available_hours == Decimal("38.8")


def test_over_the_hours_names_the_missing_fte():
    result = workload.workload(date(2025, 6, 1), MIX, Decimal("0.5"), SIMPLE)
    assert result.reason.code == ReasonCode.OVER_HOURS
    # 51,23 h / 73,95 h per FTE = 0,693 → 0,70 FTE for the meetings, 0,20 more than there are.
    assert result.fte_for_meetings == Decimal("0.70")
    assert result.reason.params["missing"] == Decimal("0.20")


def test_no_staff_with_meetings_is_out_of_reach():
    result = workload.workload(date(2025, 6, 1), MIX, Decimal(0), SIMPLE)
    assert result.reason.code == ReasonCode.NO_STAFF and result.load is None


def test_channel_mix_weights_the_minutes():
    assert workload.minutes_per_meeting(workload.DEFAULTS, MeetingType.INITIAL_INTERVIEW) == 90 * Decimal(
        "0.4"
    ) + 75 * Decimal("0.1") + 60 * Decimal("0.4") + 45 * Decimal("0.1")


@pytest.mark.parametrize("shares", [{**FACE, Channel.PHONE: Decimal("0.1")}])
def test_channel_shares_must_sum_to_one(shares):
    with pytest.raises(ValueError):
        Parameters(channel_shares=shares)


def test_statistics_mix():
    mix = workload.mix_from_statistics(1263, 607, 142)
    assert mix == ClientMix(clients=1263, followed=1074, new=101, new_unemployed=49, long_term=142)
