"""Pages of procurement: needs (list, raise, one need), the working group's meetings and agenda, procurements with
their places and referrals, and a job seeker's referral to a bought place. Thin: selectors read, services write,
accounts.permissions decides."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts import permissions_cooperation
from common.today import service_today
from common.views import require
from cooperation import forms
from cooperation.selectors import procurement as selectors
from cooperation.services import procurement as services
from cooperation.tables import needs_table
from cooperation.views.common import area_of, outcome_page, status, write
from organisation.models import Municipality

PAGE_SIZE = 25


def _municipalities(user):
    area = area_of(user)
    return Municipality.objects.filter(area=area).order_by("name_fi")


@login_required
def needs(request):
    user = request.user
    require(permissions_cooperation.can_view_cooperation(user))
    form = forms.NeedFilterForm(request.GET or None, municipalities=_municipalities(user))
    filters = (
        selectors.NeedFilters(**form.cleaned_data) if form.is_bound and form.is_valid() else selectors.NeedFilters()
    )
    page = Paginator(selectors.needs(user, filters), PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "cooperation/needs.html",
        {
            "form": form,
            "page": page,
            "table": needs_table(page.object_list),
            "query": query.urlencode(),
            "can_raise": permissions_cooperation.can_raise_service_need(user),
            "is_group": permissions_cooperation.can_act_as_procurement_group(user),
        },
        status=status(form),
    )


@login_required
def need_create(request):
    user = request.user
    require(permissions_cooperation.can_raise_service_need(user))
    initial = {"municipality": user.home_municipality.code} if user.home_municipality_id else {}
    form = forms.NeedForm(request.POST or None, initial=initial, municipalities=_municipalities(user))
    if request.method == "POST":
        need = write(
            form,
            lambda data: services.raise_need(area=area_of(user), by=user, today=service_today(), **data),
        )
        if need is not None:
            messages.success(request, _("Palvelutarve välitettiin hankintatyöryhmälle."))
            return redirect("cooperation:need", pk=need.pk)
    return render(request, "cooperation/need_form.html", {"form": form}, status=status(form))


@login_required
def need(request, pk):
    found = selectors.get_need(request.user, pk)
    return render(request, "cooperation/need.html", {"need": found, "history": selectors.need_history(found)})


@login_required
def meetings(request):
    user = request.user
    require(permissions_cooperation.can_view_cooperation(user))
    is_group = permissions_cooperation.can_act_as_procurement_group(user)
    form = forms.MeetingForm(request.POST or None) if is_group else None
    if request.method == "POST":
        require(is_group)
        meeting = write(form, lambda data: services.create_meeting(area=area_of(user), by=user, **data))
        if meeting is not None:
            messages.success(request, _("Kokous kirjattiin. Lisää palvelutarpeet esityslistalle."))
            return redirect("cooperation:meeting", pk=meeting.pk)
    return render(
        request,
        "cooperation/meetings.html",
        {
            "meetings": selectors.meetings(user).order_by("-held_on", "-pk")[:50],
            "form": form,
            "waiting": selectors.waiting_needs(user).count(),
        },
        status=status(form),
    )


def _meeting_page(request, meeting, *, agenda_form=None, handling_forms=None, code=200):
    user = request.user
    is_group = permissions_cooperation.can_act_as_procurement_group(user)
    waiting = list(selectors.waiting_needs(user))
    items = list(selectors.agenda(meeting))
    handling_forms = handling_forms or {}
    rows = [
        (item, handling_forms.get(item.pk) or (forms.HandlingForm(prefix=f"item{item.pk}") if is_group else None))
        for item in items
    ]
    return render(
        request,
        "cooperation/meeting.html",
        {
            "meeting": meeting,
            "rows": rows,
            "is_group": is_group,
            "agenda_form": agenda_form or (forms.AgendaForm(needs=waiting) if is_group and waiting else None),
        },
        status=code,
    )


@login_required
def meeting(request, pk):
    user = request.user
    found = selectors.get_meeting(user, pk)
    if request.method != "POST":
        return _meeting_page(request, found)
    require(permissions_cooperation.can_act_as_procurement_group(user))
    form = forms.AgendaForm(request.POST, needs=selectors.waiting_needs(user))
    if write(form, lambda data: services.add_to_agenda(found, data["need"], by=user)) is not None:
        messages.success(request, _("Palvelutarve lisättiin esityslistalle."))
        return redirect("cooperation:meeting", pk=found.pk)
    return _meeting_page(request, found, agenda_form=form, code=400)


@login_required
@require_POST
def handle(request, pk, item_pk):
    user = request.user
    require(permissions_cooperation.can_act_as_procurement_group(user))
    found = selectors.get_meeting(user, pk)
    item = selectors.get_agenda_item(user, found, item_pk)
    form = forms.HandlingForm(request.POST, prefix=f"item{item.pk}")
    if write(form, lambda data: services.handle_item(item, by=user, **data)) is not None:
        messages.success(request, _("Käsittely kirjattiin."))
        return redirect("cooperation:meeting", pk=found.pk)
    return _meeting_page(request, found, handling_forms={item.pk: form}, code=400)


@login_required
def procurements(request):
    user = request.user
    require(permissions_cooperation.can_view_cooperation(user))
    return render(
        request,
        "cooperation/procurements.html",
        {
            "procurements": selectors.procurements(user)[:100],
            "report": selectors.report(area_of(user)),
            "is_group": permissions_cooperation.can_act_as_procurement_group(user),
        },
    )


@login_required
def procurement_create(request):
    user = request.user
    require(permissions_cooperation.can_act_as_procurement_group(user))
    form = forms.ProcurementForm(
        request.POST or None, needs=selectors.accepted_needs(user), municipalities=_municipalities(user)
    )
    if request.method == "POST":
        chosen = selectors.accepted_needs(user).filter(pk__in=request.POST.getlist("needs"))
        made = write(
            form,
            lambda data: services.create_procurement(
                area=area_of(user),
                title=data["title"],
                service_type=data["service_type"],
                procedure=data["procedure"],
                tender_published_on=data["tender_published_on"],
                decided_on=data["decided_on"],
                contract_starts_on=data["contract_starts_on"],
                contract_ends_on=data["contract_ends_on"],
                budget=data["budget"],
                providers=data["providers"],
                needs=list(chosen),
                places=form.places(),
                by=user,
            ),
        )
        if made is not None:
            messages.success(request, _("Hankinta kirjattiin."))
            return redirect("cooperation:procurement", pk=made.pk)
    return render(request, "cooperation/procurement_form.html", {"form": form}, status=status(form))


@login_required
def procurement(request, pk):
    user = request.user
    found = selectors.get_procurement(user, pk)
    referrals = list(selectors.referrals(user).filter(procurement=found).order_by("-referred_on", "-pk")[:200])
    selectors.log_listing(user, referrals, view="cooperation:procurement", purpose="hankitun palvelun ohjaukset")
    return render(
        request,
        "cooperation/procurement.html",
        {
            "procurement": found,
            "places": selectors.places(found),
            "needs": found.needs.select_related("municipality"),
            "referrals": referrals,
        },
    )


@login_required
def place_referral_create(request, jobseeker_pk):
    user = request.user
    require(permissions_cooperation.can_work_with_cooperation_clients(user))
    jobseeker = selectors.get_jobseeker(
        user, jobseeker_pk, view="cooperation:place_referral_create", purpose="ohjaus hankittuun palveluun"
    )
    require(permissions_cooperation.can_work_with_cooperation_clients(user, jobseeker))
    today = service_today()
    available = selectors.open_procurements_for(jobseeker, today)
    form = forms.ReferralForm(request.POST or None, initial={"referred_on": today}, procurements=available)
    if request.method == "POST":
        made = write(
            form,
            lambda data: services.refer_to_place(
                available.get(pk=data["procurement"]), jobseeker, referred_on=data["referred_on"], by=user
            ),
        )
        if made is not None:
            messages.success(request, _("Työnhakija ohjattiin hankittuun palveluun."))
            return redirect("jobseekers:card", pk=jobseeker.pk)
    return render(
        request,
        "cooperation/place_referral_form.html",
        {"jobseeker": jobseeker, "form": form, "available": available},
        status=status(form),
    )


@login_required
def place_referral(request, pk):
    referral = selectors.get_referral(
        request.user, pk, view="cooperation:place_referral", purpose="ohjaus hankittuun palveluun"
    )
    return outcome_page(
        request,
        referral,
        form_class=forms.PlaceOutcomeForm,
        record=services.record_place_outcome,
        done=_("Tilanne kirjattiin."),
        template="cooperation/place_referral.html",
        url_name="cooperation:place_referral",
    )
