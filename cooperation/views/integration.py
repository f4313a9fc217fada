"""Pages of integration work: the integration plans of the foreign-language customers the user may read, one person's
plans and language training (new and edited), and International Info's contacts recorded as counts. Every page
showing a person logs the read."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Sum
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from accounts import permissions_cooperation
from common.tables import Column
from common.today import service_today
from common.views import require
from cooperation import forms
from cooperation.selectors import integration as selectors
from cooperation.services import integration as services
from cooperation.tables import info_contacts_table
from cooperation.views.common import area_of, sorted_page, status, write
from organisation.models import Municipality

PAGE_SIZE = 25
PLAN_COLUMNS = [
    Column("name", gettext_lazy("Asiakas")),
    Column("municipality", gettext_lazy("Kunta")),
    Column("drawn_up_on", gettext_lazy("Laadittu")),
    Column("valid_until", gettext_lazy("Voimassa asti")),
    Column("status", gettext_lazy("Tila")),
]


@login_required
def plans(request):
    user = request.user
    require(permissions_cooperation.can_view_cooperation(user))
    page, sorting = sorted_page(
        request, selectors.plans(user), selectors.PLAN_SORTS, selectors.PLAN_DEFAULT_SORT, PAGE_SIZE
    )
    selectors.log_listing(user, page.object_list, view="cooperation:integration", purpose="kotoutumissuunnitelmat")
    return render(request, "cooperation/integration.html", {"page": page, "columns": PLAN_COLUMNS, **sorting})


def _person(request, pk, purpose):
    user = request.user
    require(permissions_cooperation.can_view_cooperation_clients(user))
    jobseeker = selectors.get_person(user, pk, view=f"cooperation:{request.resolver_match.url_name}", purpose=purpose)
    require(permissions_cooperation.can_view_cooperation_clients(user, jobseeker))
    return jobseeker


def _plan_form(data=None, instance=None):
    if instance is None:
        return forms.IntegrationPlanForm(data, initial={"drawn_up_on": service_today()})
    return forms.IntegrationPlanForm(
        data, initial={name: getattr(instance, name) for name in forms.IntegrationPlanForm.base_fields}
    )


def _training_form(jobseeker, data=None, instance=None):
    initial = {"starts_on": service_today()}
    if instance is not None:
        initial = {name: getattr(instance, name) for name in forms.LanguageTrainingForm.base_fields if name != "plan"}
        initial["plan"] = instance.plan_id or ""
    return forms.LanguageTrainingForm(data, initial=initial, plans=selectors.plans_of(jobseeker))


def _person_page(request, jobseeker, bound=None, code=200):
    can_work = permissions_cooperation.can_work_with_cooperation_clients(request.user, jobseeker)
    blank = {}
    if can_work:
        blank = {"plan_form": _plan_form(), "training_form": _training_form(jobseeker)}
    blank.update(bound or {})
    return render(
        request,
        "cooperation/integration_person.html",
        {
            "jobseeker": jobseeker,
            "can_work": can_work,
            "plans": selectors.plans_of(jobseeker),
            "trainings": selectors.trainings_of(jobseeker),
            **blank,
        },
        status=code,
    )


@login_required
def person(request, pk):
    return _person_page(request, _person(request, pk, "kotoutuminen"))


def _post(request, pk, *, purpose, form_name, build, call, done):
    jobseeker = _person(request, pk, purpose)
    require(permissions_cooperation.can_work_with_cooperation_clients(request.user, jobseeker))
    form = build(jobseeker)
    if write(form, lambda data: call(jobseeker, data)) is not None:
        messages.success(request, done)
        return redirect("cooperation:integration_person", pk=jobseeker.pk)
    return _person_page(request, jobseeker, {form_name: form}, code=status(form))


@login_required
@require_POST
def plan_create(request, pk):
    return _post(
        request,
        pk,
        purpose="kotoutumissuunnitelman kirjaus",
        form_name="plan_form",
        build=lambda jobseeker: _plan_form(request.POST),
        call=lambda jobseeker, data: services.record_plan(jobseeker, by=request.user, **data),
        done=_("Kotoutumissuunnitelma kirjattiin."),
    )


@login_required
@require_POST
def training_create(request, pk):
    return _post(
        request,
        pk,
        purpose="kielikoulutuksen kirjaus",
        form_name="training_form",
        build=lambda jobseeker: _training_form(jobseeker, request.POST),
        call=lambda jobseeker, data: services.record_training(jobseeker, by=request.user, **data),
        done=_("Kielikoulutus kirjattiin."),
    )


def _edit_page(request, found, *, form, record, done, template):
    """A plan's or a training's own page; whoever works with the person may correct it there."""
    can_edit = permissions_cooperation.can_work_with_cooperation_clients(request.user, found.jobseeker)
    if not can_edit:
        form = None
    if request.method == "POST":
        require(can_edit)
        if write(form, lambda data: record(found, by=request.user, **data)) is not None:
            messages.success(request, done)
            return redirect("cooperation:integration_person", pk=found.jobseeker_id)
    return render(request, template, {"found": found, "form": form}, status=status(form))


@login_required
def plan(request, pk):
    user = request.user
    require(permissions_cooperation.can_view_cooperation_clients(user))
    found = selectors.get_plan(user, pk, view="cooperation:integration_plan", purpose="kotoutumissuunnitelma")
    return _edit_page(
        request,
        found,
        form=_plan_form(request.POST or None, instance=found),
        record=services.update_plan,
        done=_("Kotoutumissuunnitelma päivitettiin."),
        template="cooperation/integration_plan.html",
    )


@login_required
def training(request, pk):
    user = request.user
    require(permissions_cooperation.can_view_cooperation_clients(user))
    found = selectors.get_training(user, pk, view="cooperation:language_training", purpose="kielikoulutus")
    return _edit_page(
        request,
        found,
        form=_training_form(found.jobseeker, request.POST or None, instance=found),
        record=services.update_training,
        done=_("Kielikoulutus päivitettiin."),
        template="cooperation/language_training.html",
    )


def _contact_form(area, data=None, initial=None):
    return forms.InfoContactForm(
        data,
        initial=initial or {"contacted_on": service_today()},
        offices=selectors.info_offices(area.pk),
        municipalities=Municipality.objects.filter(area=area).order_by("name_fi"),
    )


@login_required
def international_info(request):
    user = request.user
    require(permissions_cooperation.can_view_cooperation(user))
    area = area_of(user)
    can_record = permissions_cooperation.can_work_with_cooperation_clients(user)
    form = _contact_form(area, request.POST or None) if can_record else None
    if request.method == "POST":
        require(can_record)
        if write(form, lambda data: services.record_contact(area=area, by=user, **data)) is not None:
            messages.success(request, _("Yhteydenotot kirjattiin."))
            return redirect("cooperation:international_info")
    rows = selectors.contacts(area)
    page, sorting = sorted_page(request, rows, selectors.CONTACT_SORTS, selectors.CONTACT_DEFAULT_SORT, PAGE_SIZE)
    table = info_contacts_table(page.object_list)
    return render(
        request,
        "cooperation/international_info.html",
        {
            "form": form,
            "page": page,
            "table": table,
            "columns": table.columns,
            **sorting,
            "total": rows.aggregate(total=Sum("contacts"))["total"] or 0,
            "can_record": can_record,
        },
        status=status(form),
    )


@login_required
def info_contact(request, pk):
    user = request.user
    require(permissions_cooperation.can_work_with_cooperation_clients(user))
    area = area_of(user)
    found = selectors.get_contact(user, area, pk)
    initial = {
        "office": found.office_id,
        "contacted_on": found.contacted_on,
        "municipality": found.municipality.code,
        "language": found.language,
        "topic": found.topic,
        "contacts": found.contacts,
    }
    form = _contact_form(area, request.POST or None, initial=initial)
    # A named contact stays that person's: the person is not changed here.
    del form.fields["jobseeker"]
    if request.method == "POST" and write(form, lambda data: services.update_contact(found, by=user, **data)):
        messages.success(request, _("Yhteydenotto päivitettiin."))
        return redirect("cooperation:international_info")
    return render(request, "cooperation/info_contact.html", {"found": found, "form": form}, status=status(form))
