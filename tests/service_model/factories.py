"""Factories for the service-model rows, written straight to the database (no service, no rule): for tests that need
meetings, plans or deadlines in a given state rather than the path that leads there. Every factory takes the job
seeker (or the plan) it belongs to; a job seeker is registered through the registry (client_of, make_jobseeker), so
the counsellor, pool and serving municipality copied onto a row default to the job seeker's own."""

from datetime import datetime, time, timedelta

import factory
from django.utils import timezone

from service_model import enums, models
from service_model.reasons import ReasonCode
from service_model.today import service_today


def _ten_oclock(days_ahead: int) -> datetime:
    return timezone.make_aware(datetime.combine(service_today() + timedelta(days=days_ahead), time(10)))


class MeetingFactory(factory.django.DjangoModelFactory):
    """A booked meeting two days ahead at 10.00; the traits give the recorded states."""

    class Meta:
        model = models.Meeting

    jobseeker = None  # required
    meeting_type = enums.MeetingType.JOB_SEARCH_DISCUSSION
    channel = enums.Channel.PHONE
    state = enums.MeetingState.PLANNED
    planned_at = factory.LazyFunction(lambda: _ten_oclock(2))
    duration_minutes = 45
    counsellor = factory.LazyAttribute(lambda o: o.jobseeker.responsible_counsellor)
    serving_municipality = factory.LazyAttribute(lambda o: o.jobseeker.serving_municipality)
    booked_by = factory.LazyAttribute(lambda o: o.counsellor)

    class Params:
        planned = factory.Trait(state=enums.MeetingState.PLANNED)
        held = factory.Trait(
            state=enums.MeetingState.HELD,
            planned_at=factory.LazyFunction(lambda: _ten_oclock(-2)),
            held_at=factory.SelfAttribute("planned_at"),
            held_on=factory.LazyAttribute(lambda o: timezone.localdate(o.held_at)),
            plan_review="Suunnitelma käytiin läpi.",
        )
        did_not_attend = factory.Trait(
            state=enums.MeetingState.DID_NOT_ATTEND,
            planned_at=factory.LazyFunction(lambda: _ten_oclock(-2)),
            outcome="Ei saapunut.",
        )
        cancelled = factory.Trait(state=enums.MeetingState.CANCELLED, cancel_reason="Asiakkaan pyynnöstä.")


class EmploymentPlanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.EmploymentPlan

    jobseeker = None  # required
    goal = "Työ kaupan alalta."
    drawn_up_on = factory.LazyFunction(service_today)
    updated_by = factory.LazyAttribute(lambda o: o.jobseeker.responsible_counsellor)


class PlanTaskFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.PlanTask

    plan = None  # required
    title = factory.Sequence(lambda n: f"Tehtävä {n}")
    status = enums.TaskStatus.OPEN

    class Params:
        done = factory.Trait(status=enums.TaskStatus.DONE, completed_on=factory.LazyFunction(service_today))
        cancelled = factory.Trait(status=enums.TaskStatus.CANCELLED)


class JobSearchObligationFactory(factory.django.DjangoModelFactory):
    """The general rule (4 applications a month) from the day the plan was drawn up."""

    class Meta:
        model = models.JobSearchObligation

    plan = None  # required
    starts_on = factory.LazyAttribute(lambda o: o.plan.drawn_up_on)
    applications = 4
    period_months = 1
    default_applications = 4
    default_period_months = 1
    default_reason_code = ReasonCode.OBLIGATION_GENERAL
    rule_set_id = "nordic_2026"

    class Params:
        lowered = factory.Trait(applications=1, lowered_reason="Alueella vähän työpaikkoja omalta alalta.")


class JobApplicationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.JobApplication

    jobseeker = None  # required
    applied_on = factory.LazyFunction(service_today)
    employer = "Terrafame Oy"
    job_title = "prosessinhoitaja"
    source = enums.ApplicationSource.COUNSELLOR


class DeadlineFactory(factory.django.DjangoModelFactory):
    """Overwrites the job seeker's stored deadline (registering one already wrote a row) with the given values."""

    class Meta:
        model = models.Deadline

    jobseeker = None  # required
    next_meeting_type = enums.MeetingType.JOB_SEARCH_DISCUSSION
    due_on = factory.LazyFunction(lambda: service_today() + timedelta(days=14))
    rule_set_id = "nordic_2026"
    reason_code = ReasonCode.JOB_SEARCH_DISCUSSION
    reason_params = factory.LazyFunction(lambda: {"months": 3})
    computed_for = factory.LazyFunction(service_today)
    computed_at = factory.LazyFunction(timezone.now)
    counsellor = factory.LazyAttribute(lambda o: o.jobseeker.responsible_counsellor)
    serving_municipality = factory.LazyAttribute(lambda o: o.jobseeker.serving_municipality)
    pool = factory.LazyAttribute(lambda o: o.jobseeker.pool)

    class Params:
        none_pending = factory.Trait(
            next_meeting_type="", due_on=None, rule_set_id="", reason_code="", reason_params={}
        )
        overdue = factory.Trait(due_on=factory.LazyFunction(lambda: service_today() - timedelta(days=10)))

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        row, _created = model_class.objects.update_or_create(jobseeker=kwargs.pop("jobseeker"), defaults=kwargs)
        return row
