"""Who the multisectoral service (TYP, työllistymistä edistävä monialainen yhteispalvelu) is for, by the rules in force.

Act 1369/2014 § 2 "Ohjaus monialaiseen yhteispalveluun" (as worded by 935/2022, in force 1.1.2023; checked against the
Finlex consolidated text): an unemployed person *has a need* for the multisectoral service when promoting their
employment requires coordinating the services of the employment office, the wellbeing services county and Kela (1st
paragraph); the parties *assess* that need when the person has received labour market subsidy for at least 300 days
on the ground of unemployment, or has been unemployed without a break for 12 months (aged 25 or over) or 6 months
(under 25) (2nd paragraph; the same durations in HE 183/2014 vp). The need, found in the joint assessment, decides;
the durations decide when the assessment is due.

From 1.1.2025 the TE24 reform (HE 207/2022 vp) repealed Act 1369/2014; its successor is the Act on promoting employment
multisectorally (laki työllistymisen monialaisesta edistämisestä 381/2023). Which section of 381/2023 carries the
assessment and whether its durations are unchanged has not been checked against the act's text: that rule set's
section says "tarkistettava" and keeps the earlier durations until someone checks them. The 2015 version's section
number (3 §) is unchecked likewise: the consolidated text shows only the 2023 wording, where the assessment is in § 2.

Every version is a `TypRuleSet` with its effective date and source; `rule_set_for` picks the one in force, so an
amendment is one more entry in RULE_SETS. Pure: no Django; reasons are codes rendered by cooperation/texts.py.
"""

from dataclasses import dataclass
from datetime import date


class NoTypRuleInForce(LookupError):
    pass


@dataclass(frozen=True)
class TypRuleSet:
    id: str
    effective_from: date
    section: str
    source: str
    labour_market_subsidy_days: int
    youth_age_limit: int
    youth_months: int
    adult_months: int
    # The authorities that assess the need together (1369/2014 § 1), in the order the law names them.
    parties: tuple[str, ...]


RULE_SETS: tuple[TypRuleSet, ...] = (
    TypRuleSet(
        id="typ-2015",
        effective_from=date(2015, 1, 1),
        section="1369/2014 3 § (tarkistettava)",
        source=(
            "Laki työllistymistä edistävästä monialaisesta yhteispalvelusta 1369/2014 alkuperäisessä muodossaan "
            "(HE 183/2014 vp); pykälänumero tarkistettava"
        ),
        labour_market_subsidy_days=300,
        youth_age_limit=25,
        youth_months=6,
        adult_months=12,
        parties=("te_office", "municipality", "kela"),
    ),
    TypRuleSet(
        id="typ-2023",
        effective_from=date(2023, 1, 1),
        section="1369/2014 2 §",
        source=(
            "1369/2014 2 § (Ohjaus monialaiseen yhteispalveluun) sellaisena kuin se on laissa 935/2022 "
            "(hyvinvointialueet järjestäjinä 1.1.2023 alkaen)"
        ),
        labour_market_subsidy_days=300,
        youth_age_limit=25,
        youth_months=6,
        adult_months=12,
        parties=("te_office", "wellbeing_services_county", "kela"),
    ),
    TypRuleSet(
        id="typ-2025",
        effective_from=date(2025, 1, 1),
        section="381/2023 (pykälä tarkistettava)",
        source=(
            "Laki työllistymisen monialaisesta edistämisestä 381/2023 (HE 207/2022 vp, voimaan 1.1.2025), joka "
            "kumosi lain 1369/2014; pykälä ja kestot tarkistettava, kestot tässä lain 1369/2014 2 §:n mukaiset"
        ),
        labour_market_subsidy_days=300,
        youth_age_limit=25,
        youth_months=6,
        adult_months=12,
        parties=("employment_authority", "wellbeing_services_county", "kela"),
    ),
)


def rule_set_for(day: date, rule_sets: tuple[TypRuleSet, ...] = RULE_SETS) -> TypRuleSet:
    in_force = [rule_set for rule_set in rule_sets if rule_set.effective_from <= day]
    if not in_force:
        raise NoTypRuleInForce(day)
    return max(in_force, key=lambda rule_set: rule_set.effective_from)


@dataclass(frozen=True)
class TypInput:
    on: date
    age: int
    # Months of unbroken unemployment on `on`; None when the person is not unemployed.
    continuous_unemployment_months: int | None
    # Days of labour market subsidy paid on the ground of unemployment (from Kela); None when not known.
    labour_market_subsidy_days: int | None
    # The joint assessment's finding; None while it has not been made.
    needs_multisectoral_services: bool | None


@dataclass(frozen=True)
class Reason:
    code: str
    params: dict


@dataclass(frozen=True)
class TypAssessment:
    rule: TypRuleSet
    assessment_due: bool
    # True: the person is a TYP client by the need found; False: no need found; None: the need is not yet assessed.
    eligible: bool | None
    reasons: tuple[Reason, ...]


def _trigger(rule: TypRuleSet, facts: TypInput) -> Reason | None:
    days = facts.labour_market_subsidy_days
    if days is not None and days >= rule.labour_market_subsidy_days:
        return Reason("subsidy_days", {"days": days, "limit": rule.labour_market_subsidy_days})
    months = facts.continuous_unemployment_months
    if months is None:
        return None
    youth = facts.age < rule.youth_age_limit
    limit = rule.youth_months if youth else rule.adult_months
    if months >= limit:
        return Reason("youth_unemployment" if youth else "adult_unemployment", {"months": months, "limit": limit})
    return None


def assess(facts: TypInput, rule_sets: tuple[TypRuleSet, ...] = RULE_SETS) -> TypAssessment:
    rule = rule_set_for(facts.on, rule_sets)
    trigger = _trigger(rule, facts)
    reasons = []
    if trigger is None:
        youth = facts.age < rule.youth_age_limit
        reasons.append(
            Reason(
                "not_due",
                {
                    "months": facts.continuous_unemployment_months,
                    "days": facts.labour_market_subsidy_days,
                    "month_limit": rule.youth_months if youth else rule.adult_months,
                    "day_limit": rule.labour_market_subsidy_days,
                },
            )
        )
    else:
        reasons.append(trigger)
    need = facts.needs_multisectoral_services
    reasons.append(Reason({True: "need_found", False: "need_not_found", None: "need_not_assessed"}[need], {}))
    return TypAssessment(rule=rule, assessment_due=trigger is not None, eligible=need, reasons=tuple(reasons))
