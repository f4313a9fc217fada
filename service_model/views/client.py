"""One job seeker's meetings and employment plan, and the plan's actions posted from that page."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from accounts import permissions
from common.views import errors_to_form, require
from service_model import enums, forms, profiles, selectors, texts
from service_model.models import PlanTask
from service_model.services import plans
from service_model.today import service_today


def _client_context(request, jobseeker, **forms_given):
    today = service_today()
    plan = selectors.plan_of(jobseeker)
    deadline = selectors.deadline_of(jobseeker)
    obligation_default = plans.obligation_default(jobseeker, today)
    context = {
        "jobseeker": jobseeker,
        "today": today,
        "deadline": deadline,
        "standing": selectors.standing(deadline.due_on, today) if deadline and deadline.due_on else None,
        "buckets": enums.Bucket,
        "meetings": selectors.meetings_of(jobseeker),
        "plan": plan,
        "obligation": selectors.obligation_status(plan, today) if plan else None,
        "obligations": plan.obligations.all() if plan else [],
        "tasks": plan.tasks.all() if plan else [],
        "applications": selectors.applications_of(jobseeker)[:20],
        "can_manage": permissions.can_manage_meetings(request.user, jobseeker),
        "show_week_link": permissions.can_view_worklist(request.user),
        "rule_set_label": texts.rule_set_label(deadline.rule_set_id) if deadline else "",
        "task_statuses": enums.TaskStatus,
        "meeting_states": enums.MeetingState,
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
        "profile_status": profiles.status(jobseeker, today),
        "profile_form": forms_given.get("profile_form") or forms.ProfileForm(initial={"published_on": today}),
    }
    return context


@login_required
def client(request, pk):
    """A job seeker's deadline, meetings and plan; the plan's forms post here with an `action`."""
    user = request.user
    jobseeker = selectors.get_jobseeker(user, pk, view="service_model:client", purpose="tapaamiset ja suunnitelma")
    given = {}
    if request.method == "POST":
        require(permissions.can_manage_meetings(user, jobseeker))
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
            plans.save_plan(jobseeker=jobseeker, goal=form.cleaned_data["goal"], by=request.user)
        except ValidationError as error:
            errors_to_form(form, error)
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
            plans.add_task(
                plan=plan, title=form.cleaned_data["title"], due_on=form.cleaned_data["due_on"], by=request.user
            )
        except ValidationError as error:
            errors_to_form(form, error)
        else:
            messages.success(request, _("Tehtävä lisättiin suunnitelmaan."))
            return True, {}
    return False, {"task_form": form}


def _task_status(request, jobseeker):
    task = PlanTask.objects.filter(plan__jobseeker=jobseeker, pk=request.POST.get("task") or 0).first()
    if task is None or request.POST.get("status") not in enums.TaskStatus.values:
        raise Http404
    plans.set_task_status(task, status=request.POST["status"], by=request.user)
    messages.success(request, _("Tehtävän tila päivitettiin."))
    return True, {}


def _set_obligation(request, jobseeker):
    form = forms.ObligationForm(request.POST)
    if form.is_valid() and (plan := _plan_or_error(request, jobseeker, form)):
        try:
            plans.set_obligation(plan=plan, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            errors_to_form(form, error)
        else:
            messages.success(request, _("Työnhakuvelvollisuus kirjattiin."))
            return True, {}
    return False, {"obligation_form": form}


def _add_application(request, jobseeker):
    form = forms.ApplicationForm(request.POST)
    if form.is_valid():
        try:
            plans.report_application(jobseeker=jobseeker, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            errors_to_form(form, error)
        else:
            messages.success(request, _("Työhakemus kirjattiin."))
            return True, {}
    return False, {"application_form": form}


def _record_profile(request, jobseeker):
    form = forms.ProfileForm(request.POST)
    if form.is_valid():
        try:
            profiles.record(jobseeker=jobseeker, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            errors_to_form(form, error)
        else:
            messages.success(request, _("Työnhakuprofiilin julkaisu kirjattiin."))
            return True, {}
    return False, {"profile_form": form}


CLIENT_ACTIONS = {
    "plan": _save_plan,
    "task": _add_task,
    "task_status": _task_status,
    "obligation": _set_obligation,
    "application": _add_application,
    "profile": _record_profile,
}
