"""Subsidy applications for tests, received through the service as a counsellor would record them.

    application = make_application(preparer)                       # a general pay subsidy, received
    application = make_application(preparer, kind="start_up_grant")
    proposed = advance(make_application(preparer), preparer, to="proposed")

`advance` walks the workflow with the preparer (and a decider for the steps after the proposal).
"""

from datetime import date
from decimal import Decimal

from django.utils import timezone

from subsidies import services
from subsidies.models import Application
from tests.jobseekers.factories import make_jobseeker

START = date(2025, 3, 1)
PAY = {
    "employer_name": "Kainuun Puu Oy",
    "employer_business_id": "2077474-0",
    "employer_type": "company",
    "job_title": "Puuseppä",
    "isco_code": "7522",
    "monthly_pay_costs": Decimal("2800.00"),
    "weekly_hours": Decimal("37.5"),
    "full_time_weekly_hours": Decimal("37.5"),
}
START_UP = {"business_plan_summary": "Metsäpalveluyritys Paltamossa.", "other_income": Decimal("0")}


def make_application(by, *, jobseeker=None, kind="general", municipality="105", **overrides) -> Application:
    """Received by `by` for a job seeker living in `municipality` (default Hyrynsalmi, served by Paltamo's team)."""
    jobseeker = jobseeker or make_jobseeker(municipality=municipality)
    values = {
        "jobseeker": jobseeker,
        "kind": kind,
        "received_on": date(2025, 2, 1),
        "start_date": START,
        # A pay subsidy's rule of thumb (5 months: no unemployment condition), a start-up grant's one period.
        "months": 6 if kind == "start_up_grant" else 5,
        "by": by,
        **(START_UP if kind == "start_up_grant" else PAY),
    }
    return services.receive_application(**{**values, **overrides})


ORDER = ["in_preparation", "proposed", "decided", "notified"]


def advance(application, preparer, *, to: str, decider=None) -> Application:
    steps = {
        "in_preparation": lambda: services.start_preparation(application.pk, by=preparer),
        "proposed": lambda: services.propose(application.pk, by=preparer, outcome="granted", reasons=""),
        "decided": lambda: services.decide(application.pk, by=decider),
        "notified": lambda: services.notify(application.pk, by=preparer, notified_on=timezone.localdate()),
    }
    for state in ORDER[: ORDER.index(to) + 1]:
        steps[state]()
    application.refresh_from_db()
    return application
