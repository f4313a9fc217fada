"""The consequence an unemployment-security statement (työvoimapoliittinen lausunto) states, by effective date.

The Unemployment Security Act (työttömyysturvalaki 1290/2002, TTL) chapter 2 a lists conduct that is reprehensible
in labour-policy terms and what it costs: a reminder (muistutus), a benefit-free period (korvaukseton määräaika, in
calendar days) or the obligation to work (työssäolovelvoite: benefit ends until the person has worked, or been in
services, for a number of calendar weeks). Neglects of the service process, the job-search obligation and services
escalate with each repeat within a review period (porrastettu seuraamus); refusing a job one was chosen for does not.

Every number is data in `RULES`, each rule with its effective date, its section of the Act and its public source
(and how sure we are of it: `certainty`); `rule_for` picks the one in force on the day of the conduct, so an
amendment is one more entry. What the law leaves to the official – whether the person had a valid reason (pätevä
syy) – is not decided here: the caller passes the official's finding and this core only says what follows from it.

Counting repeats is a simplification worth knowing: the Act's review period runs from the first neglect, here it
is the window of `review_months` before the conduct (the two differ only when neglects straddle a window's start).
No Django here; texts are rendered from the reason codes by statements/texts.py.
"""

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from enum import IntEnum, StrEnum

from common.dates import months_before


class CaseType(StrEnum):
    JOB_SEARCH_NEGLECT = "job_search_neglect"  # työnhakuvelvollisuuden laiminlyönti
    MISSED_MEETING = "missed_meeting"  # saapumatta jättäminen alkuhaastatteluun tai työnhakukeskusteluun
    REFUSED_JOB = "refused_job"  # työstä kieltäytyminen
    REFUSED_SERVICE = "refused_service"  # työllistymistä edistävästä palvelusta kieltäytyminen
    INTERRUPTED_SERVICE = "interrupted_service"  # työllistymistä edistävän palvelun keskeyttäminen


class ConsequenceKind(IntEnum):
    """Ordered by severity, so that "escalates" can be checked as a comparison."""

    NONE = 0  # a valid reason: no consequence
    REMINDER = 1
    BENEFIT_FREE_PERIOD = 2
    WORK_OBLIGATION = 3


class Certainty(StrEnum):
    CONFIRMED = "confirmed"  # the number and the section read in the Act or two independent public sources
    PROPOSAL = "proposal"  # read in the government proposal and committee report; the enacted text not seen
    TO_VERIFY = "to_verify"  # the consequence is confirmed, the section number is our reading: verify in Finlex


@dataclass(frozen=True, order=True)
class Consequence:
    kind: ConsequenceKind
    days: int = 0  # a benefit-free period in calendar days
    weeks: int = 0  # the work obligation in calendar weeks


NO_CONSEQUENCE = Consequence(ConsequenceKind.NONE)
REMINDER = Consequence(ConsequenceKind.REMINDER)


def days(count: int) -> Consequence:
    return Consequence(ConsequenceKind.BENEFIT_FREE_PERIOD, days=count)


def work_obligation(weeks: int) -> Consequence:
    return Consequence(ConsequenceKind.WORK_OBLIGATION, weeks=weeks)


@dataclass(frozen=True)
class Rule:
    """What one section of TTL 2 a says for one kind of conduct from `effective_from` on.

    `ladder` is the consequence of the first, second, … conduct within the review period; its last step applies to
    every further repeat. A rule that does not escalate has a ladder of one step and `escalates` False, and its
    conduct does not count as a repeat of the escalating kind either.
    """

    id: str
    case_type: CaseType
    effective_from: date
    section: str
    ladder: tuple[Consequence, ...]
    escalates: bool
    review_months: int
    source: str
    certainty: Certainty

    def consequence(self, ordinal: int) -> Consequence:
        return self.ladder[min(ordinal, len(self.ladder)) - 1]


class NoRuleInForce(LookupError):
    pass


class ReasonCode(StrEnum):
    VALID_REASON = "valid_reason"  # the official found a valid reason: no consequence
    FIXED = "fixed"  # a consequence that does not depend on repeats
    NTH_WITHIN_PERIOD = "nth_within_period"  # ordinal, months


@dataclass(frozen=True)
class Reason:
    code: ReasonCode
    params: Mapping[str, int | str] = field(default_factory=dict, hash=False)


@dataclass(frozen=True)
class Assessment:
    rule: Rule
    ordinal: int  # 1 for a first conduct within the review period
    consequence: Consequence
    reason: Reason


# --- The rules ----------------------------------------------------------------------------------------------------

# The staggered consequences of the Nordic model's reform, in force 2.5.2022 (Act 1380/2021, HE 167/2021 vp,
# TyVM 17/2021 vp): first neglect a reminder, second 7 days, third 14 days, fourth the obligation to work 12 calendar
# weeks, all within a 12-month review period. Sources that agree: Työmarkkinatori "Karenssi"
# (tyomarkkinatori.fi/henkiloasiakkaat/tyottomyysturva/karenssi), KOKO-kassa "Karenssi" (kokokassa.fi/karenssi),
# Demokraatti 22.9.2025 on the current system, and YTK's summary of the 2025 proposal.
LADDER_2022 = (REMINDER, days(7), days(14), work_obligation(12))
SOURCE_2022 = (
    "Laki 1380/2021 (HE 167/2021 vp, TyVM 17/2021 vp), voimaan 2.5.2022; Työmarkkinatori: Karenssi; "
    "KOKO-kassa: Karenssi (muistutus, 7 pv, 14 pv, työssäolovelvoite 12 viikkoa; tarkastelujakso 12 kk)"
)
# HE 108/2025 vp with TyVM 9/2025 vp: a first neglect costs 7 calendar days, a second within 12 months brings the
# obligation to work for 6 weeks; the committee moved the sanction changes to 1.3.2026 (Tampere employment
# division's minutes 10.12.2025 quoting TyVM 9/2025). Seen in the proposal's summary, the committee report and press
# (Demokraatti 22.9.2025, YTK), not in the enacted Act: certainty PROPOSAL.
LADDER_2026 = (days(7), work_obligation(6))
SOURCE_2026 = (
    "HE 108/2025 vp, TyVM 9/2025 vp: seuraamusmuutokset voimaan 1.3.2026 (1. laiminlyönti 7 pv, 2. laiminlyönti "
    "12 kk:n aikana työssäolovelvoite 6 viikkoa)"
)
MARCH_2026 = date(2026, 3, 1)
MAY_2022 = date(2022, 5, 2)

# Sections: 2 a:10 (the job-search obligation) and 2 a:4 (refusing a job) as the issue and the law's structure name
# them. The sections for missed meetings and for services are our reading of the 2022 numbering and are marked
# TO_VERIFY: the consequences are confirmed, the section numbers were not read in the Act's text.
_STAGGERED = (
    (CaseType.JOB_SEARCH_NEGLECT, "TTL 2 a luku 10 §", Certainty.CONFIRMED),
    (CaseType.MISSED_MEETING, "TTL 2 a luku 9 §", Certainty.TO_VERIFY),
    (CaseType.REFUSED_SERVICE, "TTL 2 a luku 12 §", Certainty.TO_VERIFY),
    (CaseType.INTERRUPTED_SERVICE, "TTL 2 a luku 12 §", Certainty.TO_VERIFY),
)

RULES: tuple[Rule, ...] = (
    *(
        Rule(
            id=f"{case_type}_2022",
            case_type=case_type,
            effective_from=MAY_2022,
            section=section,
            ladder=LADDER_2022,
            escalates=True,
            review_months=12,
            source=SOURCE_2022,
            certainty=certainty,
        )
        for case_type, section, certainty in _STAGGERED
    ),
    *(
        Rule(
            id=f"{case_type}_2026",
            case_type=case_type,
            effective_from=MARCH_2026,
            section=section,
            ladder=LADDER_2026,
            escalates=True,
            review_months=12,
            source=SOURCE_2026,
            certainty=Certainty.PROPOSAL if certainty is Certainty.CONFIRMED else certainty,
        )
        for case_type, section, certainty in _STAGGERED
    ),
    # Refusing a job lasting over two weeks that one was chosen for: 45 days, not staggered (KOKO-kassa: "45
    # päivää: kieltäytyminen yli 2 viikkoa kestävästä työstä, johon sinut on valittu"; YTK-kassa likewise for
    # resigning). The 2026 reform changes the staggered sanctions only. A job of at most two weeks has a shorter
    # period in the Act that no source we read states: not encoded, see the decision 0008.
    Rule(
        id="refused_job_2022",
        case_type=CaseType.REFUSED_JOB,
        effective_from=MAY_2022,
        section="TTL 2 a luku 4 §",
        ladder=(days(45),),
        escalates=False,
        review_months=12,
        source="Laki 1380/2021 (HE 167/2021 vp), voimaan 2.5.2022; KOKO-kassa: Karenssi (45 pv)",
        certainty=Certainty.CONFIRMED,
    ),
)


def rule_for(case_type: CaseType | str, day: date, rules: Sequence[Rule] = RULES) -> Rule:
    """The rule for `case_type` in force on `day`: the one with the latest `effective_from` not after it."""
    case_type = CaseType(case_type)
    in_force = [rule for rule in rules if rule.case_type is case_type and rule.effective_from <= day]
    if not in_force:
        raise NoRuleInForce(f"No rule for {case_type} is in force on {day.isoformat()}.")
    return max(in_force, key=lambda rule: rule.effective_from)


def within_review(conduct_on: date, earlier: date, review_months: int) -> bool:
    """Whether a conduct on `earlier` counts as a repeat before `conduct_on`: within the `review_months` before it (a
    later or same-day one is not earlier)."""
    return months_before(conduct_on, review_months) < earlier < conduct_on


def repeat_ordinal(conduct_on: date, earlier: Iterable[date], review_months: int) -> int:
    """1 + the earlier conducts within the review period before `conduct_on`."""
    return 1 + sum(1 for day in earlier if within_review(conduct_on, day, review_months))


def assess(
    case_type: CaseType | str,
    conduct_on: date,
    *,
    valid_reason: bool,
    earlier: Iterable[date] = (),
    rules: Sequence[Rule] = RULES,
) -> Assessment:
    """The consequence of one conduct, given the official's finding on a valid reason and the dates of the person's
    earlier escalating conducts that had a consequence (the caller chooses them; `earlier` is ignored for a rule that
    does not escalate)."""
    rule = rule_for(case_type, conduct_on, rules)
    ordinal = repeat_ordinal(conduct_on, earlier, rule.review_months) if rule.escalates else 1
    if valid_reason:
        return Assessment(rule, ordinal, NO_CONSEQUENCE, Reason(ReasonCode.VALID_REASON))
    if not rule.escalates:
        return Assessment(rule, ordinal, rule.consequence(1), Reason(ReasonCode.FIXED))
    reason = Reason(ReasonCode.NTH_WITHIN_PERIOD, {"ordinal": ordinal, "months": rule.review_months})
    return Assessment(rule, ordinal, rule.consequence(ordinal), reason)
