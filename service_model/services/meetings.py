"""Writes of meetings: book, record (held, not attended, walk-in), cancel and reschedule, and the slot reservation
that keeps one counsellor (and one job seeker) from being in two meetings at once."""

from datetime import date, datetime, time, timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts import permissions
from common.errors import Errors
from common.formatting import local_date, local_time
from common.locks import serialize_on
from jobseekers import selectors as jobseeker_selectors
from jobseekers.enums import CounsellorPurpose
from jobseekers.models import Jobseeker
from service_model import adapter, agenda, enums
from service_model.agenda_selectors import hours_of
from service_model.agenda_texts import booking_message
from service_model.models import EmploymentPlan, Meeting
from service_model.services.deadlines import held_pairs, recompute_deadline, rule_inputs
from service_model.services.plans import save_plan
from service_model.today import service_today

MAX_BOOKING_AHEAD_DAYS = 366
MIN_MINUTES, MAX_MINUTES = 5, 480


def _local(moment: datetime) -> datetime:
    if timezone.is_naive(moment):
        moment = timezone.make_aware(moment)
    return timezone.localtime(moment)


def _check_counsellor(counsellor, jobseeker: Jobseeker, errors: Errors) -> None:
    if counsellor is None or not permissions.may_counsel(counsellor):
        errors.add("counsellor", _("Valitse tapaamiselle ohjaaja (aktiivinen työllisyysohjaaja)."))
    elif not jobseeker_selectors.may_take(counsellor, jobseeker, CounsellorPurpose.MEETING):
        errors.add("counsellor", _("Ohjaaja ei palvele tätä asiakasta (eri ohjaajaryhmä)."))


def _check_search_open(ended_on: date | None, errors: Errors) -> None:
    """An ended job search has no meetings to come: the person left the worklists (jobseekers.changes.end_job_search)
    and their planned meetings were cancelled; a new registration reopens the search."""
    if ended_on is not None:
        errors.add(
            "job_search_ended_on",
            _("Asiakkaan työnhaku päättyi %(day)s: tapaamista ei voi varata, kirjata eikä siirtää.")
            % {"day": local_date(ended_on)},
        )


def _check_details(jobseeker, meeting_type, channel, planned_at, duration_minutes, office, errors: Errors) -> None:
    _check_search_open(jobseeker.job_search_ended_on, errors)
    if meeting_type not in enums.MeetingType.values:
        errors.add("meeting_type", _("Tuntematon tapaamisen tyyppi."))
    if channel not in enums.Channel.values:
        errors.add("channel", _("Tuntematon asiointitapa."))
    if not isinstance(duration_minutes, int) or not MIN_MINUTES <= duration_minutes <= MAX_MINUTES:
        errors.add("duration_minutes", _("Keston on oltava 5–480 minuuttia."))
    if channel == enums.Channel.FACE_TO_FACE and office is None:
        errors.add("office", _("Valitse toimipiste kasvokkain pidettävälle tapaamiselle."))
    if office is not None and office.area_id != jobseeker.area_id:
        errors.add("office", _("Toimipiste ei kuulu työllisyysalueeseen."))
    if planned_at is None:
        errors.add("planned_at", _("Anna tapaamisen aika."))


def _check_working_time(counsellor_id, planned_at: datetime, duration_minutes, errors: Errors) -> None:
    """A booking must fall within the counsellor's working hours on a working day (service_model.agenda)."""
    if counsellor_id is None or planned_at is None or not isinstance(duration_minutes, int):
        return
    hours = hours_of(counsellor_id)
    start = _local(planned_at).replace(tzinfo=None)
    if problem := agenda.booking_problem(start, duration_minutes, hours):
        errors.add("planned_at", booking_message(problem, start.date(), hours))


def _conflict(counsellor_id: int, jobseeker_id: int, start: datetime, minutes: int, exclude: int | None) -> str:
    """The overlapping booked or held meeting of the counsellor or of the job seeker, as a message ("" if none)."""
    end = start + timedelta(minutes=minutes)
    window = Meeting.objects.filter(
        planned_at__lt=end,
        planned_at__gt=start - timedelta(minutes=MAX_MINUTES),
        state__in=enums.MeetingState.occupying(),
    )
    if exclude is not None:
        window = window.exclude(pk=exclude)
    for other in window.filter(counsellor_id=counsellor_id).order_by("planned_at"):
        if other.overlaps(start, end):
            local = _local(other.planned_at)
            return _("Ohjaajalla on jo tapaaminen %(day)s klo %(start)s–%(end)s; valitse toinen aika.") % {
                "day": local_date(local),
                "start": local_time(local),
                "end": local_time(other.ends_at),
            }
    for other in window.filter(jobseeker_id=jobseeker_id).order_by("planned_at"):
        if other.overlaps(start, end):
            local = _local(other.planned_at)
            return _("Asiakkaalla on jo tapaaminen %(day)s klo %(start)s; valitse toinen aika.") % {
                "day": local_date(local),
                "start": local_time(local),
            }
    return ""


def _serialize_counsellor(counsellor_id: int) -> None:
    serialize_on(f"service_model.counsellor:{counsellor_id}")


def _serialize_jobseeker(jobseeker_id: int) -> None:
    serialize_on(f"service_model.jobseeker:{jobseeker_id}")


def reserve_slot(
    *, counsellor_id: int, jobseeker_id: int, start: datetime, minutes: int, exclude: int | None = None
) -> None:
    """Hold the slot for a meeting being written in this transaction, or refuse it if another meeting overlaps.

    Every path that puts a meeting on a calendar (book, record a walk-in, reschedule) calls this before it writes.
    The locks are taken counsellor first, then job seeker, and are held until the transaction ends, so a concurrent
    write of the same counsellor or job seeker waits and then sees this one's meeting. A job seeker whose search has
    ended is refused.
    """
    _serialize_counsellor(counsellor_id)
    _serialize_jobseeker(jobseeker_id)
    errors = Errors()
    # Read again under the lock: a job search ended since the caller loaded the person cancels meetings under the
    # same lock (cancel_for_ended_search), so either that sees this meeting or this sees the end.
    _check_search_open(
        Jobseeker.objects.filter(pk=jobseeker_id).values_list("job_search_ended_on", flat=True).get(), errors
    )
    if message := _conflict(counsellor_id, jobseeker_id, start, minutes, exclude):
        errors.add("planned_at", message)
    errors.raise_if_any()


def _put_on_calendar(jobseeker, meeting_type, channel, start, duration_minutes, office, counsellor, by) -> Meeting:
    """A new meeting in a slot reserved for it (the caller's checks have passed)."""
    reserve_slot(counsellor_id=counsellor.pk, jobseeker_id=jobseeker.pk, start=start, minutes=duration_minutes)
    return Meeting.objects.create(
        jobseeker=jobseeker,
        meeting_type=meeting_type,
        channel=channel,
        planned_at=start,
        duration_minutes=duration_minutes,
        office=office,
        counsellor=counsellor,
        serving_municipality_id=jobseeker.serving_municipality_id,
        booked_by=by,
    )


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
    errors = Errors()
    _check_details(jobseeker, meeting_type, channel, planned_at, duration_minutes, office, errors)
    _check_counsellor(counsellor, jobseeker, errors)
    _check_working_time(getattr(counsellor, "pk", None), planned_at, duration_minutes, errors)
    if planned_at is not None:
        day = _local(planned_at).date()
        if day < today:
            errors.add("planned_at", _("Aika on menneisyydessä; kirjaa jo pidetty tapaaminen pidetyksi."))
        elif day > today + timedelta(days=MAX_BOOKING_AHEAD_DAYS):
            errors.add("planned_at", _("Tapaamisen voi varata enintään vuoden päähän."))
    errors.raise_if_any()
    meeting = _put_on_calendar(jobseeker, meeting_type, channel, planned_at, duration_minutes, office, counsellor, by)
    recompute_deadline(jobseeker, today=today)
    return meeting


def _lock(meeting: Meeting) -> Meeting:
    """The booked meeting, locked for recording (its job seeker serialised first, in the order reserve_slot uses)."""
    _serialize_jobseeker(meeting.jobseeker_id)
    meeting = Meeting.objects.select_for_update().select_related("jobseeker").get(pk=meeting.pk)
    if not enums.MeetingState(meeting.state).recordable:
        errors = Errors()
        errors.add("state", _("Tapaaminen on jo kirjattu (%(state)s).") % {"state": meeting.get_state_display()})
        errors.raise_if_any()
    return meeting


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
    held_at = held_at or meeting.planned_at
    errors = Errors()
    held_on = _local(held_at).date()
    jobseeker = meeting.jobseeker
    if held_on > today:
        errors.add("held_at", _("Tapaamista ei voi kirjata pidetyksi etukäteen."))
    if held_on < jobseeker.job_search_started_on:
        errors.add(
            "held_at",
            _("Pitopäivä on ennen työnhaun alkua (%(day)s).") % {"day": local_date(jobseeker.job_search_started_on)},
        )
    if channel is not None and channel not in enums.Channel.values:
        errors.add("channel", _("Tuntematon asiointitapa."))
    if meeting.is_discussion and not plan_review.strip():
        errors.add("plan_review", _("Kirjaa, miten työllistymissuunnitelma käytiin läpi (pakollinen keskustelussa)."))
    draws_up_plan = (
        meeting.meeting_type == enums.MeetingType.INITIAL_INTERVIEW
        and not EmploymentPlan.objects.filter(jobseeker=jobseeker).exists()
    )
    if draws_up_plan and not plan_goal.strip():
        errors.add("plan_goal", _("Kirjaa työllistymissuunnitelman tavoite: suunnitelma laaditaan alkuhaastattelussa."))
    errors.raise_if_any()
    due_on = adapter.satisfied_deadline(
        **rule_inputs(jobseeker), held=held_pairs(jobseeker.pk), held_on=held_on, meeting_type=meeting.meeting_type
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
    errors = Errors()
    _check_details(jobseeker, meeting_type, channel, held_at, duration_minutes, office, errors)
    _check_counsellor(counsellor, jobseeker, errors)
    errors.raise_if_any()
    meeting = _put_on_calendar(jobseeker, meeting_type, channel, held_at, duration_minutes, office, counsellor, by)
    return record_held(
        meeting, by=by, held_at=held_at, outcome=outcome, plan_review=plan_review, plan_goal=plan_goal, today=today
    )


@transaction.atomic
def record_did_not_attend(meeting: Meeting, *, by, note: str = "", today: date | None = None) -> Meeting:
    today = today or service_today()
    meeting = _lock(meeting)
    errors = Errors()
    if _local(meeting.planned_at).date() > today:
        errors.add("state", _("Poissaolon voi kirjata vasta tapaamisen päivänä tai sen jälkeen."))
    errors.raise_if_any()
    meeting.state = enums.MeetingState.DID_NOT_ATTEND
    meeting.outcome = note.strip()
    meeting.save()
    recompute_deadline(meeting.jobseeker, today=today)
    return meeting


@transaction.atomic
def cancel_meeting(meeting: Meeting, *, by, reason: str, today: date | None = None) -> Meeting:
    today = today or service_today()
    meeting = _lock(meeting)
    errors = Errors()
    if not reason.strip():
        errors.add("cancel_reason", _("Kirjaa peruutuksen syy."))
    errors.raise_if_any()
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
    # A meeting keeps its counsellor, so the slot's locks can be taken before the meeting's own row lock.
    counsellor_id = Meeting.objects.values_list("counsellor_id", flat=True).get(pk=meeting.pk)
    _serialize_counsellor(counsellor_id)
    meeting = _lock(meeting)
    jobseeker = meeting.jobseeker
    planned_at = planned_at or meeting.planned_at
    meeting_type = meeting_type or meeting.meeting_type
    channel = channel or meeting.channel
    duration_minutes = meeting.duration_minutes if duration_minutes is None else duration_minutes
    office = meeting.office if office is ... else office
    errors = Errors()
    _check_details(jobseeker, meeting_type, channel, planned_at, duration_minutes, office, errors)
    if _local(planned_at).date() < today and planned_at != meeting.planned_at:
        errors.add("planned_at", _("Aika on menneisyydessä."))
    if (planned_at, duration_minutes) != (meeting.planned_at, meeting.duration_minutes):
        _check_working_time(counsellor_id, planned_at, duration_minutes, errors)
    errors.raise_if_any()
    reserve_slot(
        counsellor_id=counsellor_id,
        jobseeker_id=jobseeker.pk,
        start=planned_at,
        minutes=duration_minutes,
        exclude=meeting.pk,
    )
    meeting.planned_at = planned_at
    meeting.meeting_type = meeting_type
    meeting.channel = channel
    meeting.duration_minutes = duration_minutes
    meeting.office = office
    meeting.save()
    recompute_deadline(jobseeker, today=today)
    return meeting


def cancel_for_ended_search(jobseeker: Jobseeker) -> list[Meeting]:
    """Cancel the person's planned meetings still to come, in the ending job search's transaction (called from
    jobseekers.signals.job_search_ending before the end is saved; that save rewrites the deadline row).

    "To come" is the line booking draws: from the service model's today on. A planned meeting of an earlier day is
    left to be recorded as held or missed, since it may have taken place before the end was registered. Each meeting
    is saved on its own, so the change log records every cancellation.
    """
    _serialize_jobseeker(jobseeker.pk)
    first = timezone.make_aware(datetime.combine(service_today(), time.min))
    cancelled = list(
        Meeting.objects.select_for_update()
        .filter(jobseeker_id=jobseeker.pk, state=enums.MeetingState.PLANNED, planned_at__gte=first)
        .order_by("planned_at", "pk")
    )
    for meeting in cancelled:
        meeting.state = enums.MeetingState.CANCELLED
        meeting.cancel_reason = _("työnhaku päättyi")
        meeting.save(update_fields=["state", "cancel_reason", "updated_at"])
    return cancelled
