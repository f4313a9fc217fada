"""Writes of the employment plan: its goal, its tasks, the job-search obligation and reported applications
(the obligation's current standing is a read: selectors.obligation_status)."""

from datetime import date, timedelta

from django.db import transaction
from django.utils.translation import gettext as _

from common.errors import Errors
from common.formatting import local_date
from jobseekers.models import Jobseeker
from service_model import adapter, enums, rules
from service_model.models import EmploymentPlan, JobApplication, JobSearchObligation, Meeting, PlanTask
from service_model.today import service_today

MAX_APPLICATIONS = 50
MAX_PERIOD_MONTHS = 12


def obligation_default(jobseeker: Jobseeker, day: date) -> rules.JobSearchObligation:
    """The law's job-search obligation for this job seeker on `day` (the counsellor may lower it with a reason)."""
    status = adapter.core_status(jobseeker.status)
    laid_off_since = None
    if status in (rules.JobSeekerStatus.FULLY_LAID_OFF, rules.JobSeekerStatus.PARTLY_LAID_OFF):
        laid_off_since = jobseeker.unemployed_since or jobseeker.job_search_started_on
    return rules.job_search_obligation(None, status, laid_off_since=laid_off_since, day=max(day, adapter.MODEL_START))


def default_values(default: rules.JobSearchObligation, starts_on: date) -> dict:
    """The columns of a `JobSearchObligation` row that record the law's rule beside what was agreed."""
    return {
        "default_applications": default.count,
        "default_period_months": default.period_months,
        "default_reason_code": default.reason.code.value,
        "default_reason_params": dict(default.reason.params),
        "rule_set_id": rules.rule_set_for(max(starts_on, adapter.MODEL_START)).id,
    }


@transaction.atomic
def save_plan(
    *, jobseeker: Jobseeker, goal: str, by, meeting: Meeting | None = None, today: date | None = None
) -> EmploymentPlan:
    """Draw up the plan (first call) or update its goal; a new plan gets the default job-search obligation."""
    today = today or service_today()
    errors = Errors()
    if not goal.strip():
        errors.add("goal", _("Kirjaa suunnitelman tavoite."))
    errors.raise_if_any()
    plan = EmploymentPlan.objects.select_for_update().filter(jobseeker=jobseeker).first()
    if plan is None:
        plan = EmploymentPlan.objects.create(
            jobseeker=jobseeker, goal=goal.strip(), drawn_up_on=today, drawn_up_in=meeting, updated_by=by
        )
        default = obligation_default(jobseeker, today)
        JobSearchObligation.objects.create(
            plan=plan,
            starts_on=today,
            applications=default.count,
            period_months=default.period_months,
            set_in=meeting,
            created_by=by,
            **default_values(default, today),
        )
    else:
        plan.goal = goal.strip()
        plan.updated_by = by
        plan.save(update_fields=["goal", "updated_by", "updated_at"])
    return plan


@transaction.atomic
def add_task(
    *, plan: EmploymentPlan, title: str, by, description: str = "", due_on: date | None = None, meeting=None
) -> PlanTask:
    errors = Errors()
    if not title.strip():
        errors.add("title", _("Kirjaa tehtävä."))
    elif len(title.strip()) > 200:
        errors.add("title", _("Tehtävän nimi on liian pitkä (enintään 200 merkkiä)."))
    if due_on is not None and due_on < plan.drawn_up_on:
        errors.add("due_on", _("Määräpäivä on ennen suunnitelman laatimista."))
    errors.raise_if_any()
    return PlanTask.objects.create(
        plan=plan, title=title.strip(), description=description.strip(), due_on=due_on, created_in=meeting
    )


@transaction.atomic
def set_task_status(task: PlanTask, *, status: str, by, today: date | None = None) -> PlanTask:
    today = today or service_today()
    errors = Errors()
    if status not in enums.TaskStatus.values:
        errors.add("status", _("Tuntematon tehtävän tila."))
    errors.raise_if_any()
    status = enums.TaskStatus(status)
    task.status = status
    task.completed_on = today if status.completes else None
    task.save(update_fields=["status", "completed_on"])
    return task


@transaction.atomic
def set_obligation(
    *,
    plan: EmploymentPlan,
    applications: int,
    period_months: int,
    by,
    lowered_reason: str = "",
    starts_on: date | None = None,
    meeting=None,
    today: date | None = None,
) -> JobSearchObligation:
    """Start a new obligation period (the open one ends the day before). Lower than the law's rule needs a reason."""
    today = today or service_today()
    starts_on = starts_on or today
    default = obligation_default(plan.jobseeker, starts_on)
    errors = Errors()
    if not isinstance(applications, int) or not 0 <= applications <= MAX_APPLICATIONS:
        errors.add("applications", _("Haettavien työpaikkojen määrän on oltava 0–50."))
    if not isinstance(period_months, int) or not 1 <= period_months <= MAX_PERIOD_MONTHS:
        errors.add("period_months", _("Tarkastelujakson on oltava 1–12 kuukautta."))
    current = JobSearchObligation.objects.select_for_update().filter(plan=plan, ends_on__isnull=True).first()
    if current is not None and starts_on <= current.starts_on:
        errors.add(
            "starts_on",
            _("Uusi jakso voi alkaa aikaisintaan %(day)s.")
            % {"day": local_date(current.starts_on + timedelta(days=1))},
        )
    if starts_on < plan.drawn_up_on:
        errors.add("starts_on", _("Jakso ei voi alkaa ennen suunnitelman laatimista."))
    lowered = applications * default.period_months < default.count * period_months
    if not errors and lowered and not lowered_reason.strip():
        errors.add(
            "lowered_reason",
            _("Velvoite on pienempi kuin lain pääsääntö (%(count)s / %(months)s kk): kirjaa alentamisen peruste.")
            % {"count": default.count, "months": default.period_months},
        )
    errors.raise_if_any()
    if current is not None:
        current.ends_on = starts_on - timedelta(days=1)
        current.save(update_fields=["ends_on"])
    return JobSearchObligation.objects.create(
        plan=plan,
        starts_on=starts_on,
        applications=applications,
        period_months=period_months,
        lowered_reason=lowered_reason.strip() if lowered else "",
        set_in=meeting,
        created_by=by,
        **default_values(default, starts_on),
    )


@transaction.atomic
def report_application(
    *,
    jobseeker: Jobseeker,
    applied_on: date,
    employer: str,
    job_title: str,
    by,
    vacancy_reference: str = "",
    source: str = enums.ApplicationSource.COUNSELLOR,
    today: date | None = None,
) -> JobApplication:
    today = today or service_today()
    errors = Errors()
    if applied_on > today:
        errors.add("applied_on", _("Hakupäivä on tulevaisuudessa."))
    if applied_on < jobseeker.job_search_started_on:
        errors.add("applied_on", _("Hakupäivä on ennen työnhaun alkua."))
    if not employer.strip():
        errors.add("employer", _("Kirjaa työnantaja."))
    if not job_title.strip():
        errors.add("job_title", _("Kirjaa haettu tehtävä."))
    if source not in enums.ApplicationSource.values:
        errors.add("source", _("Tuntematon ilmoittaja."))
    errors.raise_if_any()
    return JobApplication.objects.create(
        jobseeker=jobseeker,
        applied_on=applied_on,
        employer=employer.strip(),
        job_title=job_title.strip(),
        vacancy_reference=vacancy_reference.strip(),
        source=source,
        recorded_by=by,
    )
