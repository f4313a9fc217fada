"""Writes of the service model: meetings, employment plans, the job-search obligation, and the stored deadline.

Every function takes plain arguments, checks them and names the field and the reason in Finnish when something is
wrong (django ValidationError with a dict), writes in one transaction, and rewrites the job seeker's `Deadline` row in
that same transaction (`recompute_deadline`), so a list never shows a deadline that a saved meeting has already moved.
"""

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import OuterRef, Subquery
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts import permissions
from accounts.enums import Role
from common.dates import add_months
from common.formatting import fi_date
from jobseekers.models import Jobseeker
from service_model import adapter, enums, rules
from service_model.models import (
    Deadline,
    EmploymentPlan,
    JobApplication,
    JobSearchObligation,
    Meeting,
    PlanTask,
)
from service_model.today import service_today

MAX_BOOKING_AHEAD_DAYS = 366
DEADLINE_BATCH = 2000
Progress = Callable[[str, int, int], None]


def _fail(errors: dict[str, str]) -> None:
    if errors:
        raise ValidationError({name: [message] for name, message in errors.items()})


# --- The stored deadline ----------------------------------------------------------------------------------------


def held_pairs(jobseeker_id: int) -> list[tuple[date, str]]:
    meetings = Meeting.objects.filter(jobseeker_id=jobseeker_id, state=enums.MeetingState.HELD)
    return list(meetings.values_list("held_on", "meeting_type"))


def next_booked_id(jobseeker_id: int) -> int | None:
    return (
        Meeting.objects.filter(jobseeker_id=jobseeker_id, state=enums.MeetingState.PLANNED)
        .order_by("planned_at", "pk")
        .values_list("pk", flat=True)
        .first()
    )


def _deadline_values(
    jobseeker: Jobseeker, found: rules.Deadline | None, today: date, now: datetime, booked_id: int | None = None
) -> dict:
    return {
        "next_booked_id": booked_id,
        "next_meeting_type": found.meeting_type.value if found else "",
        "due_on": found.due_on if found else None,
        "rule_set_id": found.rule_set_id if found else "",
        "reason": found.reason[:300] if found else "",
        "computed_for": today,
        "computed_at": now,
        "counsellor_id": jobseeker.responsible_counsellor_id,
        "serving_municipality_id": jobseeker.serving_municipality_id,
        "pool": jobseeker.pool,
    }


def compute(jobseeker: Jobseeker, held: Iterable[tuple[date, str]], today: date) -> rules.Deadline | None:
    return adapter.deadline(
        job_search_started_on=jobseeker.job_search_started_on,
        status=jobseeker.status,
        held=held,
        today=today,
        previous_job_search_ended_on=jobseeker.previous_job_search_ended_on,
    )


def recompute_deadline(jobseeker: Jobseeker, *, today: date | None = None) -> Deadline:
    """Rewrite one job seeker's deadline row from their held meetings (call inside the writing transaction)."""
    today = today or service_today()
    found = compute(jobseeker, held_pairs(jobseeker.pk), today)
    values = _deadline_values(jobseeker, found, today, timezone.now(), next_booked_id(jobseeker.pk))
    row, _created = Deadline.objects.update_or_create(jobseeker_id=jobseeker.pk, defaults=values)
    return row


DEADLINE_FIELDS = [
    "next_meeting_type",
    "due_on",
    "rule_set_id",
    "reason",
    "computed_for",
    "computed_at",
    "counsellor",
    "serving_municipality",
    "pool",
    "next_booked",
]


def write_deadlines(rows: list[Deadline]) -> None:
    """Insert or replace deadline rows in one statement per batch."""
    Deadline.objects.bulk_create(
        rows,
        batch_size=DEADLINE_BATCH,
        update_conflicts=True,
        unique_fields=["jobseeker"],
        update_fields=DEADLINE_FIELDS,
    )


def recompute_all(
    *, today: date | None = None, queryset=None, progress: Progress | None = None, batch: int = DEADLINE_BATCH
) -> int:
    """Recompute every job seeker's deadline (or those of `queryset`) in primary-key chunks, two reads per chunk."""
    today = today or service_today()
    now = timezone.now()
    people = (queryset if queryset is not None else Jobseeker.objects.all()).order_by("pk")
    total = people.count()
    done = 0
    last_pk = 0
    fields = (
        "pk", "job_search_started_on", "status", "responsible_counsellor_id", "serving_municipality_id", "pool",
        "previous_job_search_ended_on",
    )  # fmt: skip
    while True:
        chunk = list(people.filter(pk__gt=last_pk).values_list(*fields)[:batch])
        if not chunk:
            break
        low, high = chunk[0][0], chunk[-1][0]
        held: dict[int, list[tuple[date, str]]] = defaultdict(list)
        for jobseeker_id, held_on, meeting_type in Meeting.objects.filter(
            jobseeker_id__gte=low, jobseeker_id__lte=high, state=enums.MeetingState.HELD
        ).values_list("jobseeker_id", "held_on", "meeting_type"):
            held[jobseeker_id].append((held_on, meeting_type))
        booked: dict[int, int] = {}
        for jobseeker_id, meeting_id in (
            Meeting.objects.filter(jobseeker_id__gte=low, jobseeker_id__lte=high, state=enums.MeetingState.PLANNED)
            .order_by("jobseeker_id", "planned_at", "pk")
            .values_list("jobseeker_id", "pk")
        ):
            booked.setdefault(jobseeker_id, meeting_id)
        rows = []
        for pk, started, status, counsellor_id, municipality_id, pool, previous_end in chunk:
            found = adapter.deadline(
                job_search_started_on=started,
                status=status,
                held=held.get(pk, ()),
                today=today,
                previous_job_search_ended_on=previous_end,
            )
            person = Jobseeker(
                pk=pk, responsible_counsellor_id=counsellor_id, serving_municipality_id=municipality_id, pool=pool
            )
            rows.append(Deadline(jobseeker_id=pk, **_deadline_values(person, found, today, now, booked.get(pk))))
        with transaction.atomic():
            write_deadlines(rows)
        done += len(chunk)
        last_pk = high
        if progress:
            progress("määräajat", done, total)
    return done


def sync_owners(jobseeker_ids) -> int:
    """Copy the counsellor, pool and serving municipality from the job seekers onto their deadline rows.

    For bulk writes that send no post_save (the batch assignment): one UPDATE per call.
    """
    source = Jobseeker.objects.filter(pk=OuterRef("jobseeker_id"))
    return Deadline.objects.filter(jobseeker_id__in=jobseeker_ids).update(
        counsellor_id=Subquery(source.values("responsible_counsellor_id")[:1]),
        serving_municipality_id=Subquery(source.values("serving_municipality_id")[:1]),
        pool=Subquery(source.values("pool")[:1]),
    )


# --- Meetings ---------------------------------------------------------------------------------------------------


def _local(moment: datetime) -> datetime:
    if timezone.is_naive(moment):
        moment = timezone.make_aware(moment)
    return timezone.localtime(moment)


def _check_counsellor(counsellor, jobseeker: Jobseeker, errors: dict) -> None:
    if counsellor is None or not permissions.has_role(counsellor, Role.COUNSELLOR):
        errors["counsellor"] = _("Valitse tapaamiselle ohjaaja (aktiivinen työllisyysohjaaja).")
    elif not permissions.can_view_jobseeker(counsellor, jobseeker):
        errors["counsellor"] = _("Ohjaaja ei palvele tätä asiakasta (eri ohjaajaryhmä).")


def _conflicts(counsellor_id: int, jobseeker_id: int, start: datetime, minutes: int, exclude: int | None) -> dict:
    """Overlapping planned or held meetings of the counsellor or of the job seeker, as field errors."""
    end = start + timedelta(minutes=minutes)
    window = Meeting.objects.filter(
        planned_at__lt=end,
        planned_at__gt=start - timedelta(minutes=480),
        state__in=[enums.MeetingState.PLANNED, enums.MeetingState.HELD],
    )
    if exclude is not None:
        window = window.exclude(pk=exclude)
    errors = {}
    for other in window.filter(counsellor_id=counsellor_id).order_by("planned_at"):
        if other.ends_at > start:
            local = _local(other.planned_at)
            errors["planned_at"] = _(
                "Ohjaajalla on jo tapaaminen %(day)s klo %(start)s–%(end)s; valitse toinen aika."
            ) % {
                "day": fi_date(local.date()),
                "start": local.strftime("%H.%M"),
                "end": _local(other.ends_at).strftime("%H.%M"),
            }
            return errors
    for other in window.filter(jobseeker_id=jobseeker_id).order_by("planned_at"):
        if other.ends_at > start:
            local = _local(other.planned_at)
            errors["planned_at"] = _("Asiakkaalla on jo tapaaminen %(day)s klo %(start)s; valitse toinen aika.") % {
                "day": fi_date(local.date()),
                "start": local.strftime("%H.%M"),
            }
            return errors
    return errors


def _check_details(jobseeker, meeting_type, channel, planned_at, duration_minutes, office, errors) -> None:
    if meeting_type not in enums.MeetingType.values:
        errors["meeting_type"] = _("Tuntematon tapaamisen tyyppi.")
    if channel not in enums.Channel.values:
        errors["channel"] = _("Tuntematon asiointitapa.")
    if not isinstance(duration_minutes, int) or not 5 <= duration_minutes <= 480:
        errors["duration_minutes"] = _("Keston on oltava 5–480 minuuttia.")
    if channel == enums.Channel.FACE_TO_FACE and office is None:
        errors["office"] = _("Valitse toimipiste kasvokkain pidettävälle tapaamiselle.")
    if office is not None and office.area_id != jobseeker.area_id:
        errors["office"] = _("Toimipiste ei kuulu työllisyysalueeseen.")
    if planned_at is None:
        errors["planned_at"] = _("Anna tapaamisen aika.")


@transaction.atomic
def book_meeting(
    *,
    jobseeker: Jobseeker,
    meeting_type: str,
    channel: str,
    planned_at: datetime,
    counsellor,
    by,
    duration_minutes: int = 45,
    office=None,
    today: date | None = None,
) -> Meeting:
    """Book a meeting; refuses a time in the past, over a year ahead, or overlapping the counsellor's or the
    job seeker's other meeting (double booking)."""
    today = today or service_today()
    errors: dict[str, str] = {}
    _check_details(jobseeker, meeting_type, channel, planned_at, duration_minutes, office, errors)
    _check_counsellor(counsellor, jobseeker, errors)
    if planned_at is not None:
        day = _local(planned_at).date()
        if day < today:
            errors["planned_at"] = _("Aika on menneisyydessä; kirjaa jo pidetty tapaaminen pidetyksi.")
        elif day > today + timedelta(days=MAX_BOOKING_AHEAD_DAYS):
            errors["planned_at"] = _("Tapaamisen voi varata enintään vuoden päähän.")
    _fail(errors)
    # Serialise bookings of one counsellor so that two concurrent requests cannot take the same slot.
    get_user_model().objects.select_for_update().filter(pk=counsellor.pk).first()
    _fail(_conflicts(counsellor.pk, jobseeker.pk, planned_at, duration_minutes, exclude=None))
    meeting = Meeting.objects.create(
        jobseeker=jobseeker,
        meeting_type=meeting_type,
        channel=channel,
        planned_at=planned_at,
        duration_minutes=duration_minutes,
        office=office,
        counsellor=counsellor,
        serving_municipality_id=jobseeker.serving_municipality_id,
        booked_by=by,
    )
    recompute_deadline(jobseeker, today=today)
    return meeting


def _lock(meeting: Meeting) -> Meeting:
    return Meeting.objects.select_for_update().select_related("jobseeker").get(pk=meeting.pk)


def _require_planned(meeting: Meeting) -> None:
    if meeting.state != enums.MeetingState.PLANNED:
        raise ValidationError(
            {"state": [_("Tapaaminen on jo kirjattu (%(state)s).") % {"state": meeting.get_state_display()}]}
        )


@transaction.atomic
def record_held(
    meeting: Meeting,
    *,
    by,
    held_at: datetime | None = None,
    outcome: str = "",
    plan_review: str = "",
    plan_goal: str = "",
    channel: str | None = None,
    today: date | None = None,
) -> Meeting:
    """Mark a booked meeting held. A discussion reviews the employment plan, so it needs a note of the review.

    The employment plan is drawn up at the initial interview: recording one held for a job seeker without a plan
    needs the plan's goal, and the plan (with the default job-search obligation) is made in the same transaction.
    """
    today = today or service_today()
    meeting = _lock(meeting)
    _require_planned(meeting)
    held_at = held_at or meeting.planned_at
    errors: dict[str, str] = {}
    held_on = _local(held_at).date()
    jobseeker = meeting.jobseeker
    if held_on > today:
        errors["held_at"] = _("Tapaamista ei voi kirjata pidetyksi etukäteen.")
    if held_on < jobseeker.job_search_started_on:
        errors["held_at"] = _("Pitopäivä on ennen työnhaun alkua (%(day)s).") % {
            "day": fi_date(jobseeker.job_search_started_on)
        }
    if channel is not None and channel not in enums.Channel.values:
        errors["channel"] = _("Tuntematon asiointitapa.")
    if meeting.is_discussion and not plan_review.strip():
        errors["plan_review"] = _("Kirjaa, miten työllistymissuunnitelma käytiin läpi (pakollinen keskustelussa).")
    draws_up_plan = (
        meeting.meeting_type == enums.MeetingType.INITIAL_INTERVIEW
        and not EmploymentPlan.objects.filter(jobseeker=jobseeker).exists()
    )
    if draws_up_plan and not plan_goal.strip():
        errors["plan_goal"] = _("Kirjaa työllistymissuunnitelman tavoite: suunnitelma laaditaan alkuhaastattelussa.")
    _fail(errors)
    due_on = adapter.satisfied_deadline(
        job_search_started_on=jobseeker.job_search_started_on,
        status=jobseeker.status,
        held=held_pairs(jobseeker.pk),
        held_on=held_on,
        meeting_type=meeting.meeting_type,
        previous_job_search_ended_on=jobseeker.previous_job_search_ended_on,
    )
    meeting.state = enums.MeetingState.HELD
    meeting.held_at = held_at
    meeting.held_on = held_on
    meeting.outcome = outcome.strip()
    meeting.plan_review = plan_review.strip()
    if channel:
        meeting.channel = channel
    meeting.due_on = due_on
    meeting.on_time = None if due_on is None else held_on <= due_on
    meeting.save()
    if draws_up_plan:
        save_plan(jobseeker=jobseeker, goal=plan_goal, by=by, meeting=meeting, today=held_on)
    recompute_deadline(jobseeker, today=today)
    return meeting


@transaction.atomic
def record_meeting(
    *,
    jobseeker: Jobseeker,
    meeting_type: str,
    channel: str,
    held_at: datetime,
    counsellor,
    by,
    duration_minutes: int = 45,
    office=None,
    outcome: str = "",
    plan_review: str = "",
    plan_goal: str = "",
    today: date | None = None,
) -> Meeting:
    """Record a meeting that was held without a booking (a walk-in, a phone call)."""
    today = today or service_today()
    errors: dict[str, str] = {}
    _check_details(jobseeker, meeting_type, channel, held_at, duration_minutes, office, errors)
    _check_counsellor(counsellor, jobseeker, errors)
    _fail(errors)
    _fail(_conflicts(counsellor.pk, jobseeker.pk, held_at, duration_minutes, exclude=None))
    meeting = Meeting.objects.create(
        jobseeker=jobseeker,
        meeting_type=meeting_type,
        channel=channel,
        planned_at=held_at,
        duration_minutes=duration_minutes,
        office=office,
        counsellor=counsellor,
        serving_municipality_id=jobseeker.serving_municipality_id,
        booked_by=by,
    )
    return record_held(
        meeting, by=by, held_at=held_at, outcome=outcome, plan_review=plan_review, plan_goal=plan_goal, today=today
    )


@transaction.atomic
def record_did_not_attend(meeting: Meeting, *, by, note: str = "", today: date | None = None) -> Meeting:
    today = today or service_today()
    meeting = _lock(meeting)
    _require_planned(meeting)
    if _local(meeting.planned_at).date() > today:
        raise ValidationError({"state": [_("Poissaolon voi kirjata vasta tapaamisen päivänä tai sen jälkeen.")]})
    meeting.state = enums.MeetingState.DID_NOT_ATTEND
    meeting.outcome = note.strip()
    meeting.save()
    recompute_deadline(meeting.jobseeker, today=today)
    return meeting


@transaction.atomic
def cancel_meeting(meeting: Meeting, *, by, reason: str, today: date | None = None) -> Meeting:
    today = today or service_today()
    meeting = _lock(meeting)
    _require_planned(meeting)
    if not reason.strip():
        raise ValidationError({"cancel_reason": [_("Kirjaa peruutuksen syy.")]})
    meeting.state = enums.MeetingState.CANCELLED
    meeting.cancel_reason = reason.strip()
    meeting.save()
    recompute_deadline(meeting.jobseeker, today=today)
    return meeting


@transaction.atomic
def reschedule(
    meeting: Meeting,
    *,
    by,
    planned_at: datetime | None = None,
    meeting_type: str | None = None,
    channel: str | None = None,
    duration_minutes: int | None = None,
    office=...,
    today: date | None = None,
) -> Meeting:
    """Change a booked meeting's time or details, with the same checks as a booking."""
    today = today or service_today()
    meeting = _lock(meeting)
    _require_planned(meeting)
    jobseeker = meeting.jobseeker
    planned_at = planned_at or meeting.planned_at
    meeting_type = meeting_type or meeting.meeting_type
    channel = channel or meeting.channel
    duration_minutes = meeting.duration_minutes if duration_minutes is None else duration_minutes
    office = meeting.office if office is ... else office
    errors: dict[str, str] = {}
    _check_details(jobseeker, meeting_type, channel, planned_at, duration_minutes, office, errors)
    if _local(planned_at).date() < today and planned_at != meeting.planned_at:
        errors["planned_at"] = _("Aika on menneisyydessä.")
    _fail(errors)
    _fail(_conflicts(meeting.counsellor_id, jobseeker.pk, planned_at, duration_minutes, exclude=meeting.pk))
    meeting.planned_at = planned_at
    meeting.meeting_type = meeting_type
    meeting.channel = channel
    meeting.duration_minutes = duration_minutes
    meeting.office = office
    meeting.save()
    recompute_deadline(jobseeker, today=today)
    return meeting


# --- The employment plan ------------------------------------------------------------------------------------------


def _obligation_default(jobseeker: Jobseeker, day: date) -> rules.JobSearchObligation:
    status = adapter.core_status(jobseeker.status)
    laid_off_since = None
    if status in (rules.JobSeekerStatus.FULLY_LAID_OFF, rules.JobSeekerStatus.PARTLY_LAID_OFF):
        laid_off_since = jobseeker.unemployed_since or jobseeker.job_search_started_on
    return rules.job_search_obligation(None, status, laid_off_since=laid_off_since, day=max(day, adapter.MODEL_START))


@transaction.atomic
def save_plan(
    *, jobseeker: Jobseeker, goal: str, by, meeting: Meeting | None = None, today: date | None = None
) -> EmploymentPlan:
    """Draw up the plan (first call) or update its goal; a new plan gets the default job-search obligation."""
    today = today or service_today()
    if not goal.strip():
        raise ValidationError({"goal": [_("Kirjaa suunnitelman tavoite.")]})
    plan = EmploymentPlan.objects.select_for_update().filter(jobseeker=jobseeker).first()
    if plan is None:
        plan = EmploymentPlan.objects.create(
            jobseeker=jobseeker, goal=goal.strip(), drawn_up_on=today, drawn_up_in=meeting, updated_by=by
        )
        default = _obligation_default(jobseeker, today)
        JobSearchObligation.objects.create(
            plan=plan,
            starts_on=today,
            applications=default.count,
            period_months=default.period_months,
            default_applications=default.count,
            default_period_months=default.period_months,
            default_reason=default.reason[:200],
            rule_set_id=rules.rule_set_for(max(today, adapter.MODEL_START)).id,
            set_in=meeting,
            created_by=by,
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
    errors = {}
    if not title.strip():
        errors["title"] = _("Kirjaa tehtävä.")
    elif len(title.strip()) > 200:
        errors["title"] = _("Tehtävän nimi on liian pitkä (enintään 200 merkkiä).")
    if due_on is not None and due_on < plan.drawn_up_on:
        errors["due_on"] = _("Määräpäivä on ennen suunnitelman laatimista.")
    _fail(errors)
    return PlanTask.objects.create(
        plan=plan, title=title.strip(), description=description.strip(), due_on=due_on, created_in=meeting
    )


@transaction.atomic
def set_task_status(task: PlanTask, *, status: str, by, today: date | None = None) -> PlanTask:
    today = today or service_today()
    if status not in enums.TaskStatus.values:
        raise ValidationError({"status": [_("Tuntematon tehtävän tila.")]})
    task.status = status
    task.completed_on = today if status == enums.TaskStatus.DONE else None
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
    jobseeker = plan.jobseeker
    default = _obligation_default(jobseeker, starts_on)
    errors = {}
    if not isinstance(applications, int) or not 0 <= applications <= 50:
        errors["applications"] = _("Haettavien työpaikkojen määrän on oltava 0–50.")
    if not isinstance(period_months, int) or not 1 <= period_months <= 12:
        errors["period_months"] = _("Tarkastelujakson on oltava 1–12 kuukautta.")
    current = JobSearchObligation.objects.select_for_update().filter(plan=plan, ends_on__isnull=True).first()
    if current is not None and starts_on <= current.starts_on:
        errors["starts_on"] = _("Uusi jakso voi alkaa aikaisintaan %(day)s.") % {
            "day": fi_date(current.starts_on + timedelta(days=1))
        }
    if starts_on < plan.drawn_up_on:
        errors["starts_on"] = _("Jakso ei voi alkaa ennen suunnitelman laatimista.")
    lowered = applications * default.period_months < default.count * period_months
    if not errors and lowered and not lowered_reason.strip():
        errors["lowered_reason"] = _(
            "Velvoite on pienempi kuin lain pääsääntö (%(count)s / %(months)s kk): kirjaa alentamisen peruste."
        ) % {"count": default.count, "months": default.period_months}
    _fail(errors)
    if current is not None:
        current.ends_on = starts_on - timedelta(days=1)
        current.save(update_fields=["ends_on"])
    return JobSearchObligation.objects.create(
        plan=plan,
        starts_on=starts_on,
        applications=applications,
        period_months=period_months,
        default_applications=default.count,
        default_period_months=default.period_months,
        default_reason=default.reason[:200],
        rule_set_id=rules.rule_set_for(max(starts_on, adapter.MODEL_START)).id,
        lowered_reason=lowered_reason.strip() if lowered else "",
        set_in=meeting,
        created_by=by,
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
    errors = {}
    if applied_on > today:
        errors["applied_on"] = _("Hakupäivä on tulevaisuudessa.")
    if applied_on < jobseeker.job_search_started_on:
        errors["applied_on"] = _("Hakupäivä on ennen työnhaun alkua.")
    if not employer.strip():
        errors["employer"] = _("Kirjaa työnantaja.")
    if not job_title.strip():
        errors["job_title"] = _("Kirjaa haettu tehtävä.")
    if source not in enums.ApplicationSource.values:
        errors["source"] = _("Tuntematon ilmoittaja.")
    _fail(errors)
    return JobApplication.objects.create(
        jobseeker=jobseeker,
        applied_on=applied_on,
        employer=employer.strip(),
        job_title=job_title.strip(),
        vacancy_reference=vacancy_reference.strip(),
        source=source,
        recorded_by=by,
    )


@dataclass(frozen=True)
class ObligationStatus:
    obligation: JobSearchObligation
    period_starts: date
    period_ends: date  # inclusive
    reported: int

    @property
    def required(self) -> int:
        return self.obligation.applications

    @property
    def met(self) -> bool:
        return self.reported >= self.required


def obligation_status(plan: EmploymentPlan, today: date) -> ObligationStatus | None:
    """The current obligation period's review window containing `today`, and the applications reported in it."""
    obligation = plan.obligations.filter(starts_on__lte=today).order_by("-starts_on", "-pk").first()
    if obligation is None or (obligation.ends_on is not None and obligation.ends_on < today):
        return None
    step = 0
    while add_months(obligation.starts_on, (step + 1) * obligation.period_months) <= today:
        step += 1
    begins = add_months(obligation.starts_on, step * obligation.period_months)
    ends = add_months(obligation.starts_on, (step + 1) * obligation.period_months) - timedelta(days=1)
    reported = JobApplication.objects.filter(
        jobseeker_id=plan.jobseeker_id, applied_on__gte=begins, applied_on__lte=min(ends, today)
    ).count()
    return ObligationStatus(obligation, begins, ends, reported)
