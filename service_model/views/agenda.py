"""The counsellor's agenda for a day or a week, their working hours, and moving a meeting from the agenda."""

from datetime import timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts import permissions
from common.views import errors_to_form, require, safe_next
from service_model import agenda_selectors, enums, forms, selectors
from service_model.agenda_texts import hours_label
from service_model.models import Meeting
from service_model.services import meetings, working_hours
from service_model.today import reference_day
from service_model.views.page import day_warning, meeting_moment

WEEK = "viikko"


@login_required
def agenda(request):
    """A counsellor's own agenda; a supervisor chooses one of the counsellors they lead."""
    user = request.user
    require(permissions.can_view_agenda(user))
    if permissions.has_own_clients(user):
        return _agenda_page(request, user)
    return render(request, "service_model/agenda_choose.html", {"counsellors": agenda_selectors.counsellors_led(user)})


@login_required
def counsellor_agenda(request, pk):
    require(permissions.can_view_agenda(request.user))
    return _agenda_page(request, agenda_selectors.get_counsellor(request.user, pk))


def _booking_for(request):
    """The job seeker being booked from the agenda (`?asiakas=`): free slots then link to their booking form."""
    raw = request.GET.get("asiakas", "")
    if not raw.isdigit():
        return None
    jobseeker = selectors.get_jobseeker(request.user, int(raw), view="service_model:agenda", purpose="ajanvaraus")
    require(permissions.can_manage_meetings(request.user, jobseeker))
    return jobseeker


def _agenda_page(request, counsellor):
    user = request.user
    day, bad_day = reference_day(request)
    day_warning(request, bad_day)
    week = request.GET.get("nakyma") == WEEK
    first, last = (day - timedelta(days=day.weekday()), day + timedelta(days=6 - day.weekday())) if week else (day, day)
    view_name = "service_model:agenda" if counsellor.pk == user.pk else "service_model:counsellor_agenda"
    shown = agenda_selectors.agenda_for(user, counsellor, first, last, view=view_name, week=week)
    step = timedelta(days=7 if week else 1)
    jobseeker = _booking_for(request)
    return render(
        request,
        "service_model/agenda.html",
        {
            "agenda": shown,
            "counsellor": counsellor,
            "own": counsellor.pk == user.pk,
            "day": day,
            "first": first,
            "last": last,
            "week": week,
            "previous": day - step,
            "next_day": day + step,
            "hours_label": hours_label(shown.hours),
            "booking": jobseeker,
            "may_manage": permissions.can_manage_meetings(user),
            "may_edit_hours": permissions.can_edit_working_hours(user, counsellor),
            "here": request.get_full_path(),
            # After a booking the agenda is shown again for the booked day, no longer booking for that client.
            "after_booking": f"{request.path}?nakyma={WEEK if week else 'paiva'}&paiva={day.isoformat()}",
        },
    )


@login_required
def hours(request, pk):
    user = request.user
    require(permissions.can_view_agenda(user))
    counsellor = agenda_selectors.get_counsellor(user, pk)
    require(permissions.can_edit_working_hours(user, counsellor))
    current = agenda_selectors.hours_of(counsellor.pk)
    form = forms.WorkingHoursForm(request.POST or None, initial={"start": current.start, "end": current.end})
    if request.method == "POST" and form.is_valid():
        try:
            working_hours.set_working_hours(
                counsellor=counsellor, start=form.cleaned_data["start"], end=form.cleaned_data["end"], by=user
            )
        except ValidationError as error:
            errors_to_form(form, error)
        else:
            messages.success(request, _("Työaika tallennettiin: %(name)s.") % {"name": counsellor})
            return redirect(_agenda_url(user, counsellor))
    return render(
        request,
        "service_model/agenda_hours.html",
        {"counsellor": counsellor, "form": form, "back": _agenda_url(user, counsellor)},
        status=400 if form.errors else 200,
    )


def _agenda_url(user, counsellor) -> str:
    if counsellor.pk == user.pk:
        return reverse("service_model:agenda")
    return reverse("service_model:counsellor_agenda", kwargs={"pk": counsellor.pk})


@login_required
def move(request, pk):
    """Move a booked meeting to another time, with the booking's checks; back to where the user came from."""
    user = request.user
    require(permissions.can_manage_meetings(user))
    meeting = Meeting.objects.filter(pk=pk).select_related("office").first()
    if meeting is None:
        raise Http404
    jobseeker = selectors.get_jobseeker(user, meeting.jobseeker_id, view="service_model:move", purpose="siirto")
    require(permissions.can_manage_meetings(user, jobseeker))
    local = timezone.localtime(meeting.planned_at)
    form = forms.MoveForm(
        request.POST or None,
        initial={"day": local.date(), "start": local.time(), "duration_minutes": meeting.duration_minutes},
    )
    movable = enums.MeetingState(meeting.state).recordable
    if request.method == "POST" and not movable:
        form.is_valid()
        form.add_error(
            None, _("Vain sovitun tapaamisen voi siirtää (tila: %(state)s).") % {"state": meeting.get_state_display()}
        )
    elif request.method == "POST" and form.is_valid():
        try:
            moved = meetings.reschedule(
                meeting, by=user, planned_at=form.planned_at, duration_minutes=form.cleaned_data["duration_minutes"]
            )
        except ValidationError as error:
            errors_to_form(form, error)
        else:
            messages.success(
                request, _("Tapaaminen siirrettiin: %(name)s %(day)s klo %(time)s.") % meeting_moment(moved, jobseeker)
            )
            return redirect(safe_next(request) or reverse("service_model:client", kwargs={"pk": jobseeker.pk}))
    return render(
        request,
        "service_model/agenda_move.html",
        {"meeting": meeting, "jobseeker": jobseeker, "form": form, "movable": movable, "next": safe_next(request)},
        status=400 if form.errors else 200,
    )
