"""Booking a meeting, checking a slot, recording a walk-in meeting and recording what happened."""

from datetime import timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts import permissions
from common.views import errors_to_form, require, safe_next
from service_model import agenda_selectors, enums, forms, selectors
from service_model.models import Meeting
from service_model.services import meetings
from service_model.today import service_today
from service_model.views.page import meeting_moment

SUGGESTIONS = 5
SUGGESTED_MINUTES = 45


def _manageable_jobseeker(request, pk, purpose):
    jobseeker = selectors.get_jobseeker(request.user, pk, view=f"service_model:{purpose}", purpose=purpose)
    require(permissions.can_manage_meetings(request.user, jobseeker))
    return jobseeker


@login_required
def book(request, pk):
    user = request.user
    require(permissions.can_manage_meetings(user))
    jobseeker = _manageable_jobseeker(request, pk, "book")
    deadline = selectors.deadline_of(jobseeker)
    today = service_today()
    suggested = (
        max(deadline.due_on, today + timedelta(days=1)) if deadline and deadline.due_on else today + timedelta(days=1)
    )
    initial = {
        "meeting_type": deadline.next_meeting_type
        if deadline and deadline.next_meeting_type
        else enums.MeetingType.OTHER,
        "channel": enums.Channel.FACE_TO_FACE if jobseeker.meeting_office_id else enums.Channel.PHONE,
        "day": suggested,
        "start": forms.default_start(),
        "office": jobseeker.meeting_office_id,
        "counsellor": jobseeker.responsible_counsellor_id or user.pk,
    }
    # A free slot chosen on the agenda or among the suggestions arrives as ?paiva=&klo=&ohjaaja=.
    initial.update(forms.chosen_slot(request.GET, jobseeker))
    form = forms.BookingForm(request.POST or None, jobseeker=jobseeker, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            meeting = meetings.book_meeting(
                jobseeker=jobseeker,
                meeting_type=data["meeting_type"],
                channel=data["channel"],
                planned_at=form.planned_at,
                duration_minutes=data["duration_minutes"],
                office=data["office"],
                counsellor=data["counsellor"],
                by=user,
            )
        except ValidationError as error:
            errors_to_form(form, error)
        else:
            messages.success(
                request, _("Tapaaminen varattiin: %(name)s %(day)s klo %(time)s.") % meeting_moment(meeting, jobseeker)
            )
            return redirect(safe_next(request) or reverse("service_model:my_week"))
    day = form.cleaned_data.get("day") if form.is_bound and hasattr(form, "cleaned_data") else initial["day"]
    counsellor_id = initial["counsellor"]
    return render(
        request,
        "service_model/book.html",
        {
            "jobseeker": jobseeker,
            "deadline": deadline,
            "form": form,
            "calendar": selectors.counsellor_calendar(counsellor_id, day or suggested),
            "calendar_day": day or suggested,
            "suggestions": agenda_selectors.suggested_slots(
                counsellor_id, minutes=SUGGESTED_MINUTES, count=SUGGESTIONS, today=today
            ),
            "suggestion_counsellor": counsellor_id,
            "next": safe_next(request),
        },
        status=400 if form.errors else 200,
    )


@require_POST
@login_required
def book_check(request, pk):
    """htmx: the chosen counsellor's meetings on the chosen day, so a double booking is seen before saving."""
    user = request.user
    require(permissions.can_manage_meetings(user))
    jobseeker = _manageable_jobseeker(request, pk, "book_check")
    form = forms.BookingForm(request.POST, jobseeker=jobseeker)
    form.is_valid()
    data = getattr(form, "cleaned_data", {})
    day = data.get("day")
    counsellor = data.get("counsellor")
    calendar = selectors.counsellor_calendar(counsellor.pk, day) if day and counsellor else Meeting.objects.none()
    conflict = None
    if day and counsellor and data.get("start") and data.get("duration_minutes"):
        start = form.planned_at
        end = start + timedelta(minutes=data["duration_minutes"])
        conflict = next((m for m in calendar if m.overlaps(start, end)), None)
    return render(
        request,
        "service_model/_calendar.html",
        {"calendar": calendar, "calendar_day": day, "conflict": conflict, "counsellor": counsellor},
    )


@login_required
def walk_in(request, pk):
    """Record a meeting held without a booking."""
    user = request.user
    require(permissions.can_manage_meetings(user))
    jobseeker = _manageable_jobseeker(request, pk, "walk_in")
    deadline = selectors.deadline_of(jobseeker)
    now = timezone.localtime()
    initial = {
        "meeting_type": deadline.next_meeting_type
        if deadline and deadline.next_meeting_type
        else enums.MeetingType.OTHER,
        "channel": enums.Channel.PHONE,
        "day": service_today(),
        "start": now.time().replace(second=0, microsecond=0, minute=now.minute - now.minute % 5),
    }
    form = forms.WalkInForm(request.POST or None, jobseeker=jobseeker, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        counsellor = user if permissions.has_own_clients(user) else jobseeker.responsible_counsellor
        try:
            meetings.record_meeting(
                jobseeker=jobseeker,
                meeting_type=data["meeting_type"],
                channel=data["channel"],
                held_at=form.held_at,
                duration_minutes=data["duration_minutes"],
                office=data["office"],
                counsellor=counsellor,
                outcome=data["outcome"],
                plan_review=data["plan_review"],
                plan_goal=data["plan_goal"],
                by=user,
            )
        except ValidationError as error:
            errors_to_form(form, error)
        else:
            messages.success(request, _("Tapaaminen kirjattiin pidetyksi: %(name)s.") % {"name": jobseeker})
            return redirect(safe_next(request) or reverse("service_model:client", kwargs={"pk": jobseeker.pk}))
    return render(
        request,
        "service_model/walk_in.html",
        {
            "jobseeker": jobseeker,
            "deadline": deadline,
            "form": form,
            "next": safe_next(request),
            "needs_plan": not selectors.has_plan(jobseeker),
        },
        status=400 if form.errors else 200,
    )


@login_required
def record(request, pk):
    """Record a booked meeting as held, not attended or cancelled."""
    user = request.user
    require(permissions.can_manage_meetings(user))
    meeting = Meeting.objects.filter(pk=pk).select_related("office", "counsellor").first() if pk else None
    if meeting is None:
        raise Http404
    jobseeker = _manageable_jobseeker(request, meeting.jobseeker_id, "record")
    local = timezone.localtime(meeting.planned_at)
    form = forms.RecordForm(
        request.POST or None,
        initial={
            "held_day": local.date(),
            "held_time": local.time(),
            "channel": meeting.channel,
            "result": enums.MeetingState.HELD,
        },
    )
    if not enums.MeetingState(meeting.state).recordable and request.method == "POST":
        form.is_valid()
        form.add_error(None, _("Tapaaminen on jo kirjattu (%(state)s).") % {"state": meeting.get_state_display()})
    elif request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            if data["result"] == enums.MeetingState.HELD:
                meetings.record_held(
                    meeting,
                    by=user,
                    held_at=form.held_at(meeting.planned_at),
                    channel=data["channel"],
                    outcome=data["outcome"],
                    plan_review=data["plan_review"],
                    plan_goal=data["plan_goal"],
                )
                text = _("Tapaaminen kirjattiin pidetyksi: %(name)s.")
            elif data["result"] == enums.MeetingState.DID_NOT_ATTEND:
                meetings.record_did_not_attend(meeting, by=user, note=data["outcome"])
                text = _("Poissaolo kirjattiin: %(name)s. Varaa uusi aika.")
            else:
                meetings.cancel_meeting(meeting, by=user, reason=data["cancel_reason"])
                text = _("Tapaaminen peruttiin: %(name)s.")
        except ValidationError as error:
            errors_to_form(form, error)
        else:
            messages.success(request, text % {"name": jobseeker})
            return redirect(safe_next(request) or reverse("service_model:my_week"))
    return render(
        request,
        "service_model/record.html",
        {
            "meeting": meeting,
            "jobseeker": jobseeker,
            "form": form,
            "recordable": enums.MeetingState(meeting.state).recordable,
            "initial_interview": enums.MeetingType.INITIAL_INTERVIEW,
            "next": safe_next(request),
            "needs_plan": not selectors.has_plan(jobseeker),
        },
        status=400 if form.errors else 200,
    )
