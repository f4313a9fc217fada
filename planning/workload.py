"""The statutory meeting workload of a month against the counsellors' client-work hours. Pure: no Django.

Meetings per month come from the Nordic service model's rule set in force on the month's first day
(`service_model.rule_sets`), applied to a client mix in steady state:

* an initial interview for every job search that starts in the month;
* a job-search discussion every `job_search_discussion_interval_months` for every followed-up client past the start;
* under the 2022 rules, the intensive start: supplementary discussions every `interval_days` during the first
  `duration_months` for each new legally unemployed client – in steady state a month holds the start phases of as
  many clients as start in `duration_months`, so the month's count is new × duration × days per month / interval;
* under the 2022 rules, the long-term period: `discussions` per `every_months` for each long-term client, less the
  regular job-search discussion that falls into the one-month period on average (any discussion counts there).

Hours are meetings × minutes per meeting, weighted by the channel mix. Available hours are FTE × working days of the
month (the working-day calendar of Act 150/1930: weekends and public holidays off) × hours per day × (1 − absence) ×
share of client work. Every parameter has a documented default (docs/planning.md) and can be changed per request.
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import ROUND_HALF_EVEN, Decimal
from enum import StrEnum
from fractions import Fraction

from common.dates import add_months
from service_model.rule_sets import RULE_SETS, MeetingType, RuleSet, rule_set_for
from service_model.workdays import is_working_day

# The Gregorian calendar's average month: 365.2425 / 12 days.
DAYS_PER_MONTH = Fraction(3652425, 120000)
STATUTORY = (MeetingType.INITIAL_INTERVIEW, MeetingType.JOB_SEARCH_DISCUSSION, MeetingType.SUPPLEMENTARY_DISCUSSION)
ONE_DECIMAL = Decimal("0.1")
HUNDREDTH = Decimal("0.01")


class Channel(StrEnum):
    """The service model's meeting channels (service_model.enums.Channel has the same values)."""

    FACE_TO_FACE = "face_to_face"
    VIDEO = "video"
    PHONE = "phone"
    E_SERVICE = "e_service"


class ReasonCode(StrEnum):
    WITHIN_HOURS = "within_hours"  # hours, available, load
    OVER_HOURS = "over_hours"  # hours, available, missing
    NO_STAFF = "no_staff"  # hours


@dataclass(frozen=True)
class Reason:
    code: ReasonCode
    params: dict = field(default_factory=dict)


def _minutes(face_to_face, video, phone, e_service):
    return {
        Channel.FACE_TO_FACE: face_to_face,
        Channel.VIDEO: video,
        Channel.PHONE: phone,
        Channel.E_SERVICE: e_service,
    }


@dataclass(frozen=True)
class Parameters:
    """The model's assumptions; the defaults and their sources are in docs/planning.md."""

    # Minutes of counsellor time per meeting, preparation and recording included, by meeting type and channel.
    minutes: Mapping[MeetingType, Mapping[Channel, int]] = field(
        default_factory=lambda: {
            MeetingType.INITIAL_INTERVIEW: _minutes(90, 75, 60, 45),
            MeetingType.JOB_SEARCH_DISCUSSION: _minutes(60, 50, 45, 30),
            MeetingType.SUPPLEMENTARY_DISCUSSION: _minutes(45, 40, 30, 20),
        }
    )
    channel_shares: Mapping[Channel, Decimal] = field(
        default_factory=lambda: {
            Channel.FACE_TO_FACE: Decimal("0.4"),
            Channel.VIDEO: Decimal("0.1"),
            Channel.PHONE: Decimal("0.4"),
            Channel.E_SERVICE: Decimal("0.1"),
        }
    )
    # Municipal office working time (KVTES: 36 h 15 min a week) per working day.
    hours_per_day: Decimal = Decimal("7.25")
    # Annual leave and sick leave as a share of working days (public holidays are already off the calendar).
    absence_share: Decimal = Decimal("0.15")
    # The share of working time that goes to client work (the rest: team, training, statements, administration).
    client_work_share: Decimal = Decimal("0.6")
    # Planning from the statistics: job searches starting a month, and followed-up clients, as shares of clients.
    monthly_inflow_share: Decimal = Decimal("0.08")
    followed_share: Decimal = Decimal("0.85")

    def __post_init__(self):
        if sum(self.channel_shares.values()) != 1:
            raise ValueError("kanavien osuuksien summan on oltava 1")
        shares = (self.absence_share, self.client_work_share, self.monthly_inflow_share, self.followed_share)
        if any(not 0 <= share <= 1 for share in shares) or any(s < 0 for s in self.channel_shares.values()):
            raise ValueError("osuuden on oltava välillä 0–1")
        if self.hours_per_day <= 0 or any(m < 0 for by in self.minutes.values() for m in by.values()):
            raise ValueError("tunnit ja minuutit eivät voi olla negatiivisia")


DEFAULTS = Parameters()


@dataclass(frozen=True)
class ClientMix:
    """Clients of a unit as the meeting rules see them; every figure is a number of people."""

    clients: int
    followed: int  # followed up by job-search discussions: everyone but employed job seekers
    new: int  # job searches starting in the month
    new_unemployed: int  # of them legally unemployed (the intensive start's target)
    long_term: int  # legally unemployed past the long-term threshold

    def __post_init__(self):
        if min(self.clients, self.followed, self.new, self.new_unemployed, self.long_term) < 0:
            raise ValueError("asiakasmäärät eivät voi olla negatiivisia")

    def scaled(self, clients: int) -> "ClientMix":
        """The same shares for another number of clients (a projection's level change)."""
        if not self.clients:
            return ClientMix(clients, clients, 0, 0, 0)
        factor = Fraction(clients, self.clients)
        return ClientMix(
            clients=clients,
            followed=round(self.followed * factor),
            new=round(self.new * factor),
            new_unemployed=round(self.new_unemployed * factor),
            long_term=round(self.long_term * factor),
        )

    def __add__(self, other: "ClientMix") -> "ClientMix":
        return ClientMix(
            self.clients + other.clients,
            self.followed + other.followed,
            self.new + other.new,
            self.new_unemployed + other.new_unemployed,
            self.long_term + other.long_term,
        )


def mix_from_statistics(clients: int, unemployed: int, long_term: int, parameters: Parameters = DEFAULTS) -> ClientMix:
    """A client mix when only the statistics are known: the unemployed share of clients starts legally unemployed."""
    new = round(clients * parameters.monthly_inflow_share)
    unemployed_share = Fraction(min(unemployed, clients), clients) if clients else Fraction(0)
    return ClientMix(
        clients=clients,
        followed=round(clients * parameters.followed_share),
        new=new,
        new_unemployed=round(new * unemployed_share),
        long_term=min(long_term, clients),
    )


def meetings(rule_set: RuleSet, mix: ClientMix) -> dict[MeetingType, Fraction]:
    """Statutory meetings a month under one rule set (see the module docstring)."""
    interval = rule_set.job_search_discussion_interval_months
    supplementary = Fraction(0)
    start = rule_set.intensive_start
    if start is not None:
        supplementary += mix.new_unemployed * start.duration_months * DAYS_PER_MONTH / start.interval_days
    long_term = rule_set.long_term
    if long_term is not None:
        extra = max(Fraction(long_term.discussions) - Fraction(1, interval), Fraction(0))
        supplementary += mix.long_term * extra / long_term.every_months
    return {
        MeetingType.INITIAL_INTERVIEW: Fraction(mix.new),
        MeetingType.JOB_SEARCH_DISCUSSION: Fraction(max(mix.followed - mix.new, 0), interval),
        MeetingType.SUPPLEMENTARY_DISCUSSION: supplementary,
    }


def minutes_per_meeting(parameters: Parameters, meeting_type: MeetingType) -> Fraction:
    by_channel = parameters.minutes[meeting_type]
    return sum(
        (Fraction(share) * by_channel[channel] for channel, share in parameters.channel_shares.items()), Fraction(0)
    )


def working_days(month: date) -> int:
    first = month.replace(day=1)
    days = (add_months(first, 1) - first).days
    return sum(1 for offset in range(days) if is_working_day(first + timedelta(days=offset)))


def hours_per_fte(month: date, parameters: Parameters = DEFAULTS) -> Fraction:
    """Client-work hours one FTE gives in the month."""
    return (
        working_days(month)
        * Fraction(parameters.hours_per_day)
        * (1 - Fraction(parameters.absence_share))
        * Fraction(parameters.client_work_share)
    )


@dataclass(frozen=True)
class MonthWorkload:
    month: date
    rule_set_id: str
    meetings: dict[MeetingType, Decimal]
    meeting_hours: Decimal
    working_days: int
    fte: Decimal
    available_hours: Decimal
    # FTE whose client-work hours the meetings alone take, rounded up to the hundredth.
    fte_for_meetings: Decimal
    # Meeting hours as a share of the available hours (1 = every client-work hour), None without staff.
    load: Decimal | None
    reason: Reason

    @property
    def out_of_reach(self) -> bool:
        return self.reason.code != ReasonCode.WITHIN_HOURS


def _up(value: Fraction) -> Decimal:
    hundredths = -(-value.numerator * 100 // value.denominator)
    return Decimal(hundredths).scaleb(-2)


def _decimal(value: Fraction, places: Decimal = ONE_DECIMAL) -> Decimal:
    return (Decimal(value.numerator) / Decimal(value.denominator)).quantize(places, ROUND_HALF_EVEN)


def meeting_hours(month: date, mix: ClientMix, parameters: Parameters, rule_sets: Sequence[RuleSet]) -> Fraction:
    per_type = meetings(rule_set_for(month.replace(day=1), rule_sets), mix)
    return sum((count * minutes_per_meeting(parameters, t) for t, count in per_type.items()), Fraction(0)) / 60


def workload(
    month: date,
    mix: ClientMix,
    fte: Decimal,
    parameters: Parameters = DEFAULTS,
    rule_sets: Sequence[RuleSet] = RULE_SETS,
) -> MonthWorkload:
    if fte < 0:
        raise ValueError("htv ei voi olla negatiivinen")
    month = month.replace(day=1)
    rule_set = rule_set_for(month, rule_sets)
    per_type = meetings(rule_set, mix)
    hours = meeting_hours(month, mix, parameters, rule_sets)
    per_fte = hours_per_fte(month, parameters)
    available = per_fte * Fraction(fte)
    needed = _up(hours / per_fte) if per_fte else Decimal(0)
    shown_hours, shown_available = _decimal(hours), _decimal(available)
    if not available:
        reason = Reason(ReasonCode.NO_STAFF, {"hours": shown_hours}) if hours else Reason(ReasonCode.WITHIN_HOURS)
        load = None
    else:
        load = _decimal(hours / available, HUNDREDTH)
        if hours > available:
            missing = max(needed - Decimal(fte), Decimal(0))
            reason = Reason(
                ReasonCode.OVER_HOURS, {"hours": shown_hours, "available": shown_available, "missing": missing}
            )
        else:
            reason = Reason(ReasonCode.WITHIN_HOURS, {"hours": shown_hours, "available": shown_available, "load": load})
    return MonthWorkload(
        month=month,
        rule_set_id=rule_set.id,
        meetings={t: _decimal(count) for t, count in per_type.items()},
        meeting_hours=shown_hours,
        working_days=working_days(month),
        fte=Decimal(fte),
        available_hours=shown_available,
        fte_for_meetings=needed,
        load=load,
        reason=reason,
    )
