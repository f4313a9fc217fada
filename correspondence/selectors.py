"""Reads for the letters: the meeting or the plan asked for, within the user's scope, and its facts as plain data.

`meeting_for_invitation` and `plan_for_letter` are the ways in: they find the job seeker through the registry's
`get_jobseeker`, which logs the read (granted, or refused with a 404 when the person is out of the user's scope), so
no preview, document or sending shows a person without a PersonalDataAccess row. The other functions turn the rows
into correspondence.letters' dataclasses; they are called only after that check.
"""

from dataclasses import dataclass
from datetime import date, datetime, time

from django.http import Http404
from django.utils import timezone

from accounts import permissions
from audit.services import log_access
from correspondence import letters
from jobseekers import selectors as jobseeker_selectors
from jobseekers.models import Jobseeker
from organisation.models import EmploymentArea, Office
from service_model import enums
from service_model.models import EmploymentPlan, Meeting
from service_model.today import service_today

MEETING_SUBJECT = Meeting._meta.label_lower


def meeting_for_invitation(user, pk, *, view: str, purpose: str) -> tuple[Meeting, Jobseeker]:
    """The meeting and its job seeker if the user may read the person (logged); otherwise 404 and a refused row."""
    meeting = (
        Meeting.objects.select_related("office", "counsellor").filter(pk=pk).first() if str(pk).isdigit() else None
    )
    if meeting is None:
        if permissions.is_staff_member(user):
            log_access(user, [str(pk)[:60]], view=view, purpose=purpose, granted=False, subject_type=MEETING_SUBJECT)
        raise Http404
    jobseeker = jobseeker_selectors.get_jobseeker(user, meeting.jobseeker_id, view=view, purpose=purpose)
    return meeting, jobseeker


def plan_for_letter(user, pk, *, view: str, purpose: str) -> tuple[EmploymentPlan, Jobseeker]:
    """The job seeker's employment plan (the read of the person logged); 404 when out of scope or without a plan."""
    jobseeker = jobseeker_selectors.get_jobseeker(user, pk, view=view, purpose=purpose)
    plan = EmploymentPlan.objects.filter(jobseeker=jobseeker).first()
    if plan is None:
        raise Http404
    return plan, jobseeker


# --- Facts for the letters (after the check above) ----------------------------------------------------------------


def _place(office: Office | None) -> letters.Place | None:
    if office is None:
        return None
    return letters.Place(office.name, office.street_address, office.postal_code, office.post_town)


def _recipient(jobseeker: Jobseeker) -> letters.Recipient:
    town = f"{jobseeker.postal_code} {jobseeker.post_town}".strip()
    address = tuple(line for line in (jobseeker.street_address, town) if line)
    return letters.Recipient(str(jobseeker), address, jobseeker.email, jobseeker.phone)


def _sender(jobseeker: Jobseeker, counsellor, office: Office | None) -> letters.Sender:
    area = EmploymentArea.objects.only("name_fi", "name_sv", "name_en").get(pk=jobseeker.area_id)
    return letters.Sender(
        area_names={"fi": area.name_fi, "sv": area.name_sv, "en": area.name_en},
        counsellor=counsellor.get_full_name() or counsellor.username,
        counsellor_email=counsellor.email,
        office=_place(office),
    )


@dataclass(frozen=True)
class Content:
    """A letter with what the page and the sending need besides it."""

    letter: letters.Letter
    language: str
    # Where a reply to the e-mail goes: the counsellor the letter names as contact.
    reply_to: str


def invitation_content(meeting: Meeting, jobseeker: Jobseeker) -> Content:
    """The invitation to `meeting` in the client's language."""
    language = letters.letter_language(jobseeker.service_language)
    sender = _sender(jobseeker, meeting.counsellor, meeting.office or jobseeker.meeting_office)
    facts = letters.Invitation(
        recipient=_recipient(jobseeker),
        sender=sender,
        meeting_type=meeting.meeting_type,
        channel=meeting.channel,
        starts=timezone.localtime(meeting.planned_at),
        ends=timezone.localtime(meeting.ends_at),
        office=_place(meeting.office),
        dated=timezone.localdate(),
    )
    return Content(letters.invitation_letter(facts, language), language, sender.counsellor_email)


def _next_meeting(jobseeker: Jobseeker, today: date):
    start = timezone.make_aware(datetime.combine(today, time.min))
    meeting = (
        Meeting.objects.filter(jobseeker=jobseeker, state=enums.MeetingState.PLANNED, planned_at__gte=start)
        .order_by("planned_at")
        .first()
    )
    return timezone.localtime(meeting.planned_at) if meeting else None


def plan_content(plan: EmploymentPlan, jobseeker: Jobseeker, by) -> Content:
    """The employment plan as a letter in the client's language; the responsible counsellor (else `by`) is the
    contact."""
    language = letters.letter_language(jobseeker.service_language)
    sender = _sender(jobseeker, jobseeker.responsible_counsellor or by, jobseeker.meeting_office)
    obligation = plan.obligations.filter(ends_on__isnull=True).first()
    tasks = plan.tasks.exclude(status=enums.TaskStatus.CANCELLED).order_by("status", "due_on", "pk")
    facts = letters.Plan(
        recipient=_recipient(jobseeker),
        sender=sender,
        goal=plan.goal,
        drawn_up_on=plan.drawn_up_on,
        tasks=tuple(letters.Task(t.title, t.due_on, t.status == enums.TaskStatus.DONE) for t in tasks),
        obligation=letters.Obligation(obligation.applications, obligation.period_months, obligation.starts_on)
        if obligation
        else None,
        next_meeting=_next_meeting(jobseeker, service_today()),
        dated=timezone.localdate(),
    )
    return Content(letters.plan_letter(facts, language), language, sender.counsellor_email)
