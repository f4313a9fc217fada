"""Pages of recruitment fairs and events (plan §5): the list with its export, a new event, and one event with its
employers, vacancies, outcomes and the job seekers linked to it (names only to those who may read them, logged)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts import permissions, permissions_cooperation
from common.today import service_today
from common.views import require
from cooperation import forms
from cooperation.selectors import events as selectors
from cooperation.selectors import international
from cooperation.services import events as services
from cooperation.tables import events_table
from cooperation.views.common import area_of, sorted_page, status, write
from employers.enums import VacancyStatus
from organisation.models import Municipality

PAGE_SIZE = 25


@login_required
def events(request):
    user = request.user
    require(permissions_cooperation.can_view_cooperation(user))
    page, sorting = sorted_page(request, selectors.events(user), selectors.SORTS, selectors.DEFAULT_SORT, PAGE_SIZE)
    table = events_table(page.object_list)
    return render(
        request,
        "cooperation/events.html",
        {
            "page": page,
            "table": table,
            "columns": table.columns,
            **sorting,
            "can_record": permissions_cooperation.can_work_on_recruitment(user),
        },
    )


def _form(user, data=None, instance=None):
    area = area_of(user)
    vacancies = international.vacancies(area).filter(status=VacancyStatus.OPEN)
    initial = {"held_on": service_today()}
    if instance is not None:
        vacancies = vacancies | international.vacancies(area).filter(pk__in=instance.vacancies.values("pk"))
        initial = {
            name: getattr(instance, name)
            for name in (
                "name",
                "kind",
                "held_on",
                "place",
                "organiser",
                "participants",
                "job_offers",
                "hires",
                "notes",
            )
        }
        initial["municipality"] = instance.municipality.code
        initial["employers"] = [str(pk) for pk in instance.employers.values_list("pk", flat=True)]
        initial["vacancies"] = [str(pk) for pk in instance.vacancies.values_list("pk", flat=True)]
    elif user.home_municipality_id:
        initial["municipality"] = user.home_municipality.code
    return forms.EventForm(
        data,
        initial=initial,
        municipalities=Municipality.objects.filter(area=area).order_by("name_fi"),
        employers=international.employers(area),
        vacancies=vacancies.distinct(),
    )


@login_required
def event_create(request):
    user = request.user
    require(permissions_cooperation.can_work_on_recruitment(user))
    form = _form(user, request.POST or None)
    if request.method == "POST":
        made = write(form, lambda data: services.create_event(area=area_of(user), by=user, **data))
        if made is not None:
            messages.success(request, _("Tapahtuma kirjattiin."))
            return redirect("cooperation:event", pk=made.pk)
    return render(request, "cooperation/event_form.html", {"form": form}, status=status(form))


def _page(request, found, *, form=None, participant_form=None, code=200):
    user = request.user
    can_edit = permissions_cooperation.can_work_on_recruitment(user)
    shown, others = selectors.visible_participants(
        user, found, view=f"cooperation:{request.resolver_match.url_name}", purpose="rekrytointitapahtuman osallistujat"
    )
    return render(
        request,
        "cooperation/event.html",
        {
            "event": found,
            "employers": found.employers.order_by("name"),
            "vacancies": found.vacancies.select_related("employer").order_by("employer__name", "title"),
            "participants": shown,
            "other_participants": others,
            "form": (form or _form(user, instance=found)) if can_edit else None,
            "participant_form": (participant_form or forms.ParticipantForm())
            if can_edit and permissions.can_see_personal_data(user)
            else None,
        },
        status=code,
    )


@login_required
def event(request, pk):
    user = request.user
    found = selectors.get_event(user, pk)
    if request.method == "POST":
        require(permissions_cooperation.can_work_on_recruitment(user))
        form = _form(user, request.POST, instance=found)
        if write(form, lambda data: services.update_event(found, by=user, **data)) is not None:
            messages.success(request, _("Tapahtuma päivitettiin."))
            return redirect("cooperation:event", pk=found.pk)
        return _page(request, found, form=form, code=status(form))
    return _page(request, found)


@login_required
@require_POST
def participant_add(request, pk):
    user = request.user
    require(permissions_cooperation.can_work_on_recruitment(user) and permissions.can_see_personal_data(user))
    found = selectors.get_event(user, pk)
    form = forms.ParticipantForm(request.POST)
    if write(form, lambda data: services.add_participant(found, jobseeker=data["jobseeker"], by=user)) is not None:
        messages.success(request, _("Osallistuja kirjattiin."))
        return redirect("cooperation:event", pk=found.pk)
    return _page(request, found, participant_form=form, code=status(form))
