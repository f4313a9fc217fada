"""An application measured against the rules in force: the case built from the application, the eligibility inputs
recorded when it arrived (age, unemployment, reduced work ability) and the person's other subsidies (for the same
days; start-up grant months granted before). The one place this is assembled, for the preparer's checklist, the
proposal and the decision alike."""

from datetime import date

from subsidies import rates, rule_store
from subsidies.enums import Outcome, SubsidyKind
from subsidies.models import Application, Decision


def age_on(birth_date: date, day: date) -> int:
    return day.year - birth_date.year - ((day.month, day.day) < (birth_date.month, birth_date.day))


def eligibility_snapshot(jobseeker, *, received_on: date, start_date: date) -> dict:
    """The Application fields that freeze what the registry says of the person on the day the application arrived
    (unemployment only while the person is unemployed: a stale start date of an ended unemployment says nothing)."""
    unemployed = jobseeker.is_unemployed
    return {
        "age_at_start": age_on(jobseeker.birth_date, start_date),
        "unemployed_since": jobseeker.unemployed_since if unemployed else None,
        "unemployment_months": jobseeker.unemployment_months(received_on),
        "reduced_work_ability": jobseeker.reduced_work_ability,
        "long_term_unemployed": jobseeker.is_long_term_unemployed(received_on),
    }


def _latest_granted(application: Application, **filters) -> list[Decision]:
    """The person's other applications whose latest decision (a rectification's, when there is one) grants."""
    latest = {}
    decisions = (
        Decision.objects.filter(application__jobseeker_id=application.jobseeker_id, **filters)
        .exclude(application_id=application.pk)
        .select_related("application")
        .order_by("decided_at", "pk")
    )
    for decision in decisions:
        latest[decision.application_id] = decision
    return [decision for decision in latest.values() if decision.outcome == Outcome.GRANTED]


def overlapping(application: Application) -> int:
    """Other applications of the person whose latest decision grants a subsidy for days of this period."""
    end = rates.period_end(application.start_date, application.months)
    return sum(
        1
        for decision in _latest_granted(application)
        if decision.start_date <= end and decision.end_date >= application.start_date
    )


def granted_start_up_months(application: Application) -> int:
    """Start-up grant months granted to the person on other applications (their latest decisions)."""
    granted = _latest_granted(application, application__kind=SubsidyKind.START_UP_GRANT)
    return sum(decision.application.months for decision in granted)


def case_of(application: Application) -> rates.Case:
    start_up = application.kind == rates.Kind.START_UP_GRANT
    return rates.Case(
        kind=rates.Kind(application.kind),
        start_date=application.start_date,
        months=application.months,
        monthly_pay_costs=None if start_up else application.monthly_pay_costs,
        weekly_hours=None if start_up else application.weekly_hours,
        full_time_weekly_hours=None if start_up else application.full_time_weekly_hours,
        employer_type=rates.EmployerType(application.employer_type) if application.employer_type else None,
        age=application.age_at_start,
        unemployed_since=application.unemployed_since,
        reduced_work_ability=application.reduced_work_ability,
        overlapping=overlapping(application),
        granted_months=granted_start_up_months(application) if start_up else None,
    )


def assess(application: Application) -> rates.Result:
    return rates.calculate(case_of(application), rule_store.current_rules())
