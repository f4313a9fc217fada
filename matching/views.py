"""Pages of matching: a person's vacancies and job offers, a vacancy's candidates, the mobility report. Thin: reads in
selectors, writes in services, access in accounts.permissions."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts import permissions
from common.tables import export_response
from common.today import service_today
from common.views import require
from employers import selectors as employer_selectors
from labour_market import enums as labour_market_enums
from labour_market import selectors as labour_market_selectors
from labour_market import tables as labour_market_tables
from matching import forms, selectors, services, tables
from matching.models import JobOffer

FIELD_NAMES = {
    "vacancy": JobOffer._meta.get_field("vacancy").verbose_name,
    "kind": JobOffer._meta.get_field("kind").verbose_name,
    "note": JobOffer._meta.get_field("note").verbose_name,
    "jobseeker": JobOffer._meta.get_field("jobseeker").verbose_name,
    "outcome": JobOffer._meta.get_field("outcome").verbose_name,
    "outcome_date": JobOffer._meta.get_field("outcome_date").verbose_name,
}


def _refused(request, error: ValidationError) -> None:
    """Each refusal as a message naming its field, for a form posted from a list of rows."""
    by_field = error.message_dict if hasattr(error, "error_dict") else {"": error.messages}
    for name, texts in by_field.items():
        for text in texts:
            label = capfirst(str(FIELD_NAMES.get(name, ""))) if name in FIELD_NAMES else ""
            messages.error(request, f"{label}: {text}" if label else text)


def _invalid(form) -> ValidationError:
    return ValidationError({name: list(errors) for name, errors in form.errors.items()})


@login_required
def jobseeker_matches(request, pk):
    user = request.user
    require(permissions.can_view_matches(user))
    person = selectors.jobseeker(user, pk, view="matching:jobseeker", purpose="sopivat työpaikat")
    can_offer = permissions.can_make_job_offer(user, person) and not person.job_search_ended
    return render(
        request,
        "matching/jobseeker.html",
        {
            "jobseeker": person,
            "matches": selectors.vacancy_matches(user, person, limit=selectors.PAGE_LIMIT)
            if not person.job_search_ended
            else [],
            "offers": selectors.offers_of(user, person),
            "can_offer": can_offer,
            "can_record": permissions.can_make_job_offer(user, person),
            "offer_form": forms.OfferForm(),
            "outcome_form": forms.OutcomeForm(),
            "today": service_today(),
        },
    )


@login_required
@require_POST
def make_offer(request, pk):
    user = request.user
    require(permissions.can_make_job_offer(user))
    person = selectors.jobseeker(user, pk, view="matching:make_offer", purpose="työtarjous")
    require(permissions.can_make_job_offer(user, person))
    form = forms.OfferForm(request.POST)
    try:
        if not form.is_valid():
            raise _invalid(form)
        vacancy = employer_selectors.vacancies(user).filter(pk=form.cleaned_data["vacancy"]).first()
        if vacancy is None:
            raise ValidationError({"vacancy": [_("Työpaikkaa ei löydy.")]})
        offer = services.make_offer(
            jobseeker=person,
            vacancy=vacancy,
            kind=form.cleaned_data["kind"],
            note=form.cleaned_data["note"],
            by=user,
        )
    except ValidationError as error:
        _refused(request, error)
    else:
        messages.success(
            request,
            _("%(kind)s tehty: %(title)s. Merkintä lisättiin asiakaskertomukseen.")
            % {"kind": capfirst(offer.get_kind_display()), "title": offer.vacancy.title},
        )
    return redirect("matching:jobseeker", pk=person.pk)


@login_required
@require_POST
def record_outcome(request, pk):
    user = request.user
    require(permissions.can_make_job_offer(user))
    offer = selectors.get_offer(user, pk, view="matching:record_outcome", purpose="työtarjouksen tulos")
    require(permissions.can_make_job_offer(user, offer.jobseeker))
    form = forms.OutcomeForm(request.POST)
    try:
        if not form.is_valid():
            raise _invalid(form)
        services.record_outcome(
            offer, outcome=form.cleaned_data["outcome"], outcome_date=form.cleaned_data["outcome_date"], by=user
        )
    except ValidationError as error:
        _refused(request, error)
    else:
        messages.success(request, _("Työtarjouksen tulos kirjattiin asiakaskertomukseen."))
    return redirect("matching:jobseeker", pk=offer.jobseeker_id)


@login_required
def vacancy_candidates(request, pk):
    user = request.user
    require(permissions.can_view_candidates(user))
    vacancy = employer_selectors.get_vacancy(user, pk)
    found = selectors.candidates(
        user, vacancy, limit=selectors.PAGE_LIMIT, view="matching:vacancy", purpose="työpaikan ehdokkaat"
    )
    return render(request, "matching/vacancy.html", {"vacancy": vacancy, "candidates": found})


def _mobility(request):
    form = forms.MobilityFilterForm(request.GET or None)
    if form.is_bound and not form.is_valid():
        return form, None
    values = form.cleaned_data if form.is_bound else {}
    return form, selectors.mobility(request.user, since=values.get("since"), until=values.get("until"))


@login_required
def mobility(request):
    user = request.user
    require(permissions.can_view_mobility_report(user))
    form, found = _mobility(request)
    area = labour_market_selectors.area(user)
    commuting_tables = (
        labour_market_selectors.tables_with_data(user, area, labour_market_enums.TableKind.COMMUTING) if area else []
    )
    source = commuting_tables[0] if commuting_tables else None
    query = request.GET.copy()
    query.pop("format", None)
    return render(
        request,
        "matching/mobility.html",
        {
            "form": form,
            "mobility": found,
            "table": tables.mobility_table(found) if found else None,
            "query": query.urlencode(),
            "commuting": labour_market_tables.commuting_table(user, area, source) if source else None,
            "commuting_source": source,
        },
        status=400 if form.errors else 200,
    )


@login_required
def mobility_export(request, table):
    user = request.user
    require(permissions.can_view_mobility_report(user) and permissions.can_export_tables(user))
    form, found = _mobility(request)
    if table != "kuntaparit" or found is None:
        raise Http404
    return export_response(tables.mobility_table(found), request.GET.get("format", "csv"))
