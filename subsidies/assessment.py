"""An application measured against the rules in force: the case built from the application and what the system holds
of the person (age, unemployment, reduced work ability, other subsidies for the same days). The one place this is
assembled, for the preparer's checklist, the proposal and the decision alike."""

from datetime import date

from subsidies import rates, rule_store
from subsidies.enums import Outcome
from subsidies.models import Application, Decision


def age_on(birth_date: date, day: date) -> int:
    return day.year - birth_date.year - ((day.month, day.day) < (birth_date.month, birth_date.day))


def overlapping(application: Application) -> int:
    """Other applications of the person whose latest decision grants a subsidy for days of this period."""
    end = rates.period_end(application.start_date, application.months)
    latest = {}
    decisions = (
        Decision.objects.filter(application__jobseeker_id=application.jobseeker_id)
        .exclude(application_id=application.pk)
        .order_by("decided_at", "pk")
    )
    for decision in decisions:
        latest[decision.application_id] = decision
    return sum(
        1
        for decision in latest.values()
        if decision.outcome == Outcome.GRANTED
        and decision.start_date <= end
        and decision.end_date >= application.start_date
    )


def case_of(application: Application) -> rates.Case:
    jobseeker = application.jobseeker
    start_up = application.kind == rates.Kind.START_UP_GRANT
    return rates.Case(
        kind=rates.Kind(application.kind),
        start_date=application.start_date,
        months=application.months,
        monthly_pay_costs=None if start_up else application.monthly_pay_costs,
        weekly_hours=None if start_up else application.weekly_hours,
        full_time_weekly_hours=None if start_up else application.full_time_weekly_hours,
        employer_type=rates.EmployerType(application.employer_type) if application.employer_type else None,
        age=age_on(jobseeker.birth_date, application.start_date),
        unemployed_since=jobseeker.unemployed_since,
        reduced_work_ability=jobseeker.reduced_work_ability,
        overlapping=overlapping(application),
    )


def assess(application: Application) -> rates.Result:
    return rates.calculate(case_of(application), rule_store.current_rules())
