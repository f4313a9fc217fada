"""Pages of the service model: the counsellor's week, a job seeker's meetings and plan, booking and recording a
meeting, the supervisor's overview and the area's on-time rate. Thin over selectors and services."""

from datetime import timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts import permissions
from common.formatting import fi_date
from common.tables import export_response
from jobseekers.forms import municipality_choices
from service_model import enums, forms, selectors, services, tables, texts
from service_model.models import Meeting, PlanTask
from service_model.today import reference_day, service_today

PAGE_SIZE = 100
HORIZONS = (7, 14, 28, 56, 90)


def _require(allowed: bool) -> None:
    if not allowed:
        raise PermissionDenied


def _errors_to_form(form, error: ValidationError) -> None:
    for name, errors in error.message_dict.items():
        form.add_error(name if name in form.fields else None, errors)


def _horizon(request) -> int:
    try:
        value = int(request.GET.get("paivia", selectors.DEFAULT_HORIZON_DAYS))
    except ValueError:
        return selectors.DEFAULT_HORIZON_DAYS
    return value if value in HORIZONS else selectors.DEFAULT_HORIZON_DAYS


def _day_warning(request, bad: bool) -> None:
    if bad:
        messages.warning(request, _("Päivää ei tunnistettu (muoto 28.11.2026 tai 2026-11-28); näytetään tämä päivä."))


# --- The counsellor's week -------------------------------------------------------------------------------------


@login_required
def my_week(request):
    user = request.user
    _require(permissions.can_view_worklist(user))
    today, bad_day = reference_day(request)
    _day_warning(request, bad_day)
    horizon = _horizon(request)
    counts = selectors.bucket_counts(user, today, horizon)
    paginator = Paginator(selectors.worklist_deadlines(user, today, horizon), PAGE_SIZE)
    paginator.count = sum(counts.values())  # every listed deadline is in exactly one bucket: no second COUNT query
    page = paginator.get_page(request.GET.get("page"))
    rows = selectors.worklist(user, today, deadlines=page.object_list)
    unrecorded = list(selectors.unrecorded_meetings(user, today)[:50])
    selectors.log_worklist(
        user, rows, view="service_model:my_week", purpose="oma viikko", more_ids=[m.jobseeker_id for m in unrecorded]
    )
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "service_model/my_week.html",
        {
            "today": today,
            "is_today": today == service_today(),
            "horizon": horizon,
            "horizons": HORIZONS,
            "counts": counts,
            "rows": rows,
            "page": page,
            "query": query.urlencode(),
            "unrecorded": unrecorded,
            "buckets": enums.Bucket,
        },
    )


@login_required
def my_week_export(request):
    user = request.user
    _require(permissions.can_view_worklist(user) and permissions.can_export_tables(user))
    today, _bad = reference_day(request)
    rows = selectors.worklist(user, today, _horizon(request))
    selectors.log_worklist(user, rows, view="service_model:my_week_export", purpose="oma viikko (vienti)")
    return export_response(tables.worklist_table(rows, today), request.GET.get("format", "csv"))


# --- One job seeker: meetings and the employment plan ------------------------------------------------------------


def _client_context(request, jobseeker, **forms_given):
    today = service_today()
    plan = selectors.plan_of(jobseeker)
    deadline = selectors.deadline_of(jobseeker)
    obligation_default = services._obligation_default(jobseeker, today)
    context = {
        "jobseeker": jobseeker,
        "today": today,
        "deadline": deadline,
        "bucket": selectors.bucket_of(deadline.due_on, today) if deadline and deadline.due_on else None,
        "days_overdue": (today - deadline.due_on).days if deadline and deadline.due_on else 0,
        "meetings": selectors.meetings_of(jobseeker),
        "plan": plan,
        "obligation": services.obligation_status(plan, today) if plan else None,
        "obligations": plan.obligations.all() if plan else [],
        "tasks": plan.tasks.all() if plan else [],
        "applications": selectors.applications_of(jobseeker)[:20],
        "can_manage": permissions.can_manage_meetings(request.user, jobseeker),
        "show_week_link": permissions.can_view_worklist(request.user),
        "deadline_reason": texts.deadline_reason(deadline.next_meeting_type, deadline.rule_set_id, deadline.reason)
        if deadline
        else "",
        "rule_set_label": texts.rule_set_label(deadline.rule_set_id) if deadline else "",
        "task_statuses": enums.TaskStatus,
        "plan_form": forms_given.get("plan_form") or forms.PlanForm(initial={"goal": plan.goal} if plan else None),
        "task_form": forms_given.get("task_form") or forms.TaskForm(),
        "obligation_form": forms_given.get("obligation_form")
        or forms.ObligationForm(
            initial={
                "applications": obligation_default.count,
                "period_months": obligation_default.period_months,
                "starts_on": today,
            }
        ),
        "obligation_default": obligation_default,
        "application_form": forms_given.get("application_form") or forms.ApplicationForm(initial={"applied_on": today}),
    }
    return context


@login_required
def client(request, pk):
    """A job seeker's deadline, meetings and plan; the plan's forms post here with an `action`."""
    user = request.user
    jobseeker = selectors.get_jobseeker(user, pk, view="service_model:client", purpose="tapaamiset ja suunnitelma")
    given = {}
    if request.method == "POST":
        _require(permissions.can_manage_meetings(user, jobseeker))
        action = request.POST.get("action", "")
        handler = CLIENT_ACTIONS.get(action)
        if handler is None:
            raise Http404
        done, given = handler(request, jobseeker)
        if done:
            return redirect(reverse("service_model:client", kwargs={"pk": jobseeker.pk}) + "#" + action)
    return render(
        request, "service_model/client.html", _client_context(request, jobseeker, **given), status=400 if given else 200
    )


def _save_plan(request, jobseeker):
    form = forms.PlanForm(request.POST)
    if form.is_valid():
        try:
            services.save_plan(jobseeker=jobseeker, goal=form.cleaned_data["goal"], by=request.user)
        except ValidationError as error:
            _errors_to_form(form, error)
        else:
            messages.success(request, _("Työllistymissuunnitelma tallennettiin."))
            return True, {}
    return False, {"plan_form": form}


def _plan_or_error(request, jobseeker, form):
    plan = selectors.plan_of(jobseeker)
    if plan is None:
        form.add_error(None, _("Laadi ensin työllistymissuunnitelma (tavoite)."))
    return plan


def _add_task(request, jobseeker):
    form = forms.TaskForm(request.POST)
    if form.is_valid() and (plan := _plan_or_error(request, jobseeker, form)):
        try:
            services.add_task(
                plan=plan, title=form.cleaned_data["title"], due_on=form.cleaned_data["due_on"], by=request.user
            )
        except ValidationError as error:
            _errors_to_form(form, error)
        else:
            messages.success(request, _("Tehtävä lisättiin suunnitelmaan."))
            return True, {}
    return False, {"task_form": form}


def _task_status(request, jobseeker):
    task = PlanTask.objects.filter(plan__jobseeker=jobseeker, pk=request.POST.get("task") or 0).first()
    if task is None or request.POST.get("status") not in enums.TaskStatus.values:
        raise Http404
    services.set_task_status(task, status=request.POST["status"], by=request.user)
    messages.success(request, _("Tehtävän tila päivitettiin."))
    return True, {}


def _set_obligation(request, jobseeker):
    form = forms.ObligationForm(request.POST)
    if form.is_valid() and (plan := _plan_or_error(request, jobseeker, form)):
        try:
            services.set_obligation(plan=plan, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            _errors_to_form(form, error)
        else:
            messages.success(request, _("Työnhakuvelvollisuus kirjattiin."))
            return True, {}
    return False, {"obligation_form": form}


def _add_application(request, jobseeker):
    form = forms.ApplicationForm(request.POST)
    if form.is_valid():
        try:
            services.report_application(jobseeker=jobseeker, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            _errors_to_form(form, error)
        else:
            messages.success(request, _("Työhakemus kirjattiin."))
            return True, {}
    return False, {"application_form": form}


CLIENT_ACTIONS = {
    "plan": _save_plan,
    "task": _add_task,
    "task_status": _task_status,
    "obligation": _set_obligation,
    "application": _add_application,
}


# --- Booking and recording ------------------------------------------------------------------------------------------


def _manageable_jobseeker(request, pk, purpose):
    jobseeker = selectors.get_jobseeker(request.user, pk, view=f"service_model:{purpose}", purpose=purpose)
    _require(permissions.can_manage_meetings(request.user, jobseeker))
    return jobseeker


@login_required
def book(request, pk):
    user = request.user
    _require(permissions.can_manage_meetings(user))
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
    form = forms.BookingForm(request.POST or None, jobseeker=jobseeker, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            meeting = services.book_meeting(
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
            _errors_to_form(form, error)
        else:
            local = timezone.localtime(meeting.planned_at)
            messages.success(
                request,
                _("Tapaaminen varattiin: %(name)s %(day)s klo %(time)s.")
                % {"name": jobseeker, "day": fi_date(local.date()), "time": local.strftime("%H.%M")},
            )
            return redirect(_safe_next(request) or reverse("service_model:my_week"))
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
            "next": _safe_next(request),
        },
        status=400 if form.errors else 200,
    )


def _safe_next(request) -> str:
    value = request.GET.get("next") or request.POST.get("next") or ""
    return value if value.startswith("/") and not value.startswith("//") else ""


@require_POST
@login_required
def book_check(request, pk):
    """htmx: the chosen counsellor's meetings on the chosen day, so a double booking is seen before saving."""
    user = request.user
    _require(permissions.can_manage_meetings(user))
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
        conflict = next((m for m in calendar if m.planned_at < end and m.ends_at > start), None)
    return render(
        request,
        "service_model/_calendar.html",
        {"calendar": calendar, "calendar_day": day, "conflict": conflict, "counsellor": counsellor},
    )


@login_required
def walk_in(request, pk):
    """Record a meeting held without a booking."""
    user = request.user
    _require(permissions.can_manage_meetings(user))
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
            services.record_meeting(
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
            _errors_to_form(form, error)
        else:
            messages.success(request, _("Tapaaminen kirjattiin pidetyksi: %(name)s.") % {"name": jobseeker})
            return redirect(_safe_next(request) or reverse("service_model:client", kwargs={"pk": jobseeker.pk}))
    return render(
        request,
        "service_model/walk_in.html",
        {
            "jobseeker": jobseeker,
            "deadline": deadline,
            "form": form,
            "next": _safe_next(request),
            "needs_plan": not selectors.has_plan(jobseeker),
        },
        status=400 if form.errors else 200,
    )


@login_required
def record(request, pk):
    """Record a booked meeting as held, not attended or cancelled."""
    user = request.user
    _require(permissions.can_manage_meetings(user))
    meeting = Meeting.objects.filter(pk=pk).select_related("office", "counsellor").first() if pk else None
    if meeting is None:
        raise Http404
    jobseeker = _manageable_jobseeker(request, meeting.jobseeker_id, "record")
    local = timezone.localtime(meeting.planned_at)
    form = forms.RecordForm(
        request.POST or None,
        initial={"held_day": local.date(), "held_time": local.time(), "channel": meeting.channel, "result": "held"},
    )
    if meeting.state != enums.MeetingState.PLANNED and request.method == "POST":
        form.is_valid()
        form.add_error(None, _("Tapaaminen on jo kirjattu (%(state)s).") % {"state": meeting.get_state_display()})
    elif request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            if data["result"] == "held":
                services.record_held(
                    meeting,
                    by=user,
                    held_at=form.held_at(meeting.planned_at),
                    channel=data["channel"],
                    outcome=data["outcome"],
                    plan_review=data["plan_review"],
                    plan_goal=data["plan_goal"],
                )
                text = _("Tapaaminen kirjattiin pidetyksi: %(name)s.")
            elif data["result"] == "did_not_attend":
                services.record_did_not_attend(meeting, by=user, note=data["outcome"])
                text = _("Poissaolo kirjattiin: %(name)s. Varaa uusi aika.")
            else:
                services.cancel_meeting(meeting, by=user, reason=data["cancel_reason"])
                text = _("Tapaaminen peruttiin: %(name)s.")
        except ValidationError as error:
            _errors_to_form(form, error)
        else:
            messages.success(request, text % {"name": jobseeker})
            return redirect(_safe_next(request) or reverse("service_model:my_week"))
    return render(
        request,
        "service_model/record.html",
        {
            "meeting": meeting,
            "jobseeker": jobseeker,
            "form": form,
            "next": _safe_next(request),
            "needs_plan": not selectors.has_plan(jobseeker),
        },
        status=400 if form.errors else 200,
    )


# --- Aggregates: the supervisor's overview and the on-time rate -----------------------------------------------------


@login_required
def overview(request):
    user = request.user
    _require(permissions.can_view_service_overview(user))
    today, bad_day = reference_day(request)
    _day_warning(request, bad_day)
    data = selectors.supervisor_overview(user, today)
    overview_tables = tables.overview_tables(data)
    return render(
        request,
        "service_model/overview.html",
        {
            "today": today,
            "overview": data,
            "counsellor_table": overview_tables["palvelumalli-ohjaajat"],
            "municipality_table": overview_tables["palvelumalli-kunnat"],
            "window_days": selectors.ON_TIME_WINDOW_DAYS,
            "paiva": request.GET.get("paiva", "") if not bad_day else "",
        },
    )


@login_required
def overview_export(request, table):
    user = request.user
    _require(permissions.can_view_service_overview(user) and permissions.can_export_tables(user))
    today, _bad = reference_day(request)
    found = tables.overview_tables(selectors.supervisor_overview(user, today)).get(table)
    if found is None:
        raise Http404
    return export_response(found, request.GET.get("format", "csv"))


def _municipality(request, choices) -> str:
    code = request.GET.get("kunta", "")
    return code if code in {c for c, _name in choices} else ""


@login_required
def on_time(request):
    user = request.user
    _require(permissions.can_view_on_time_rate(user))
    today, bad_day = reference_day(request)
    _day_warning(request, bad_day)
    choices = municipality_choices()[1:]
    municipality = _municipality(request, choices)
    rows = selectors.on_time_rate(user, 12, today, municipality_code=municipality)
    return render(
        request,
        "service_model/on_time.html",
        {
            "today": today,
            "table": tables.on_time_table(rows),
            "chart": tables.on_time_chart(rows),
            "municipality": municipality,
            "municipalities": choices,
            "export_query": request.GET.urlencode(),
        },
    )


@login_required
def on_time_export(request):
    user = request.user
    _require(permissions.can_view_on_time_rate(user) and permissions.can_export_tables(user))
    today, _bad = reference_day(request)
    rows = selectors.on_time_rate(user, 12, today, municipality_code=_municipality(request, municipality_choices()[1:]))
    return export_response(tables.on_time_table(rows), request.GET.get("format", "csv"))
