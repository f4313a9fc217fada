"""Pages of employers, vacancies and road distances. Thin: reads in selectors, writes in services, access in
accounts.permissions."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts import permissions
from common.tables import export_response
from common.views import errors_to_form, require
from employers import enums, forms, industries, selectors, services, tables, vacancy_sections
from labour_market import enums as labour_market_enums
from labour_market import selectors as labour_market_selectors
from labour_market import tables as labour_market_tables

PAGE_SIZE = 25
EXPORT_LIMIT = 10_000
SORTABLE = [
    ("title", gettext_lazy("Tehtävänimike")),
    ("employer", gettext_lazy("Työnantaja")),
    ("municipality", gettext_lazy("Kunta")),
    ("deadline", gettext_lazy("Hakuaika päättyy")),
]
# What each action button does, in the order the page shows them.
ACTIONS = {
    enums.VacancyStatus.OPEN: gettext_lazy("Julkaise avoimeksi"),
    enums.VacancyStatus.FILLED: gettext_lazy("Merkitse täytetyksi"),
    enums.VacancyStatus.CLOSED: gettext_lazy("Sulje haku"),
    enums.VacancyStatus.CANCELLED: gettext_lazy("Peru työpaikka"),
}


# --- Employers --------------------------------------------------------------------------------------------------------


@login_required
def employer_list(request):
    user = request.user
    require(permissions.can_view_employers(user))
    query = request.GET.get("q", "").strip()[:100]
    page = Paginator(selectors.employer_list(user, query=query), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "employers/employer_list.html",
        {
            "page": page,
            "table": tables.employers_table(page.object_list),
            "q": query,
            "query": f"q={query}" if query else "",
            "can_manage": permissions.can_manage_employers(user),
        },
    )


@login_required
def employer_detail(request, pk):
    user = request.user
    require(permissions.can_view_employers(user))
    employer = selectors.get_employer(user, pk)
    vacancies = selectors.vacancy_list(user, selectors.VacancyFilters(employer=employer.pk))
    return render(
        request,
        "employers/employer_detail.html",
        {
            "employer": employer,
            "industry": industries.label(employer.industry, get_language() or "fi") if employer.industry else "",
            "vacancies": tables.vacancies_table(vacancies),
            "can_manage": permissions.can_manage_employers(user),
            "can_manage_vacancies": permissions.can_manage_vacancies(user),
        },
    )


def _employer_form(request, employer=None):
    user = request.user
    initial = {}
    contacts = []
    if employer is not None:
        initial = {
            "name": employer.name,
            "business_id": employer.business_id,
            "municipality": employer.municipality.code,
            "industry": employer.industry,
        }
        contacts = [
            {"name": c.name, "title": c.title, "phone": c.phone, "email": c.email} for c in employer.contacts.all()
        ]
    form = forms.EmployerForm(request.POST or None, initial=initial, user=user)
    formset = forms.ContactFormSet(request.POST or None, initial=contacts, prefix="contacts")
    if request.method == "POST" and form.is_valid() and formset.is_valid():
        try:
            if employer is None:
                employer = services.create_employer(by=user, contacts=forms.contacts_of(formset), **form.cleaned_data)
            else:
                services.update_employer(employer, form.cleaned_data, by=user, contacts=forms.contacts_of(formset))
        except ValidationError as error:
            errors_to_form(form, error)
        else:
            messages.success(request, _("Työnantajan tiedot tallennettiin."))
            return redirect("employers:detail", pk=employer.pk)
    return render(
        request,
        "employers/employer_form.html",
        {"form": form, "formset": formset, "employer": employer},
        status=400 if form.errors or formset.total_error_count() else 200,
    )


@login_required
def employer_create(request):
    require(permissions.can_manage_employers(request.user))
    return _employer_form(request)


@login_required
def employer_edit(request, pk):
    require(permissions.can_manage_employers(request.user))
    return _employer_form(request, selectors.get_employer(request.user, pk))


# --- Vacancies --------------------------------------------------------------------------------------------------------


def _filtered(request):
    form = forms.VacancyFilterForm(request.GET or None, user=request.user)
    if form.is_bound and not form.is_valid():
        return form, selectors.vacancies(request.user).none(), selectors.DEFAULT_SORT
    filters = form.filters() if form.is_bound else selectors.VacancyFilters()
    return form, selectors.vacancy_list(request.user, filters), filters.sort


@login_required
def vacancy_list(request):
    user = request.user
    require(permissions.can_view_employers(user))
    form, found, sort = _filtered(request)
    page = Paginator(found, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    sort_query = query.copy()
    sort_query.pop("sort", None)
    export_query = query.copy()
    export_query.pop("format", None)
    return render(
        request,
        "employers/vacancy_list.html",
        {
            "form": form,
            "page": page,
            "table": tables.vacancies_table(page.object_list),
            "columns": SORTABLE,
            "sort": sort,
            "query": query.urlencode(),
            "sort_query": sort_query.urlencode(),
            "export_query": export_query.urlencode(),
            "can_manage": permissions.can_manage_vacancies(user),
        },
        status=400 if form.errors else 200,
    )


@login_required
def vacancy_export(request):
    user = request.user
    require(permissions.can_view_employers(user) and permissions.can_export_tables(user))
    form, found, _sort = _filtered(request)
    if form.errors:
        raise Http404
    return export_response(tables.vacancies_table(found[:EXPORT_LIMIT]), request.GET.get("format", "csv"))


@login_required
def vacancy_detail(request, pk):
    user = request.user
    require(permissions.can_view_employers(user))
    vacancy = selectors.get_vacancy(user, pk)
    can_manage = permissions.can_manage_vacancies(user)
    row = tables.vacancies_table([vacancy]).rows[0]
    return render(
        request,
        "employers/vacancy_detail.html",
        {
            "vacancy": vacancy,
            "row": row,
            "wished_languages": ", ".join(str(enums.Language(code).label) for code in vacancy.wished_languages),
            "actions": [(status, ACTIONS[status]) for status in vacancy.status_enum.allowed_next() if can_manage],
            "can_edit": can_manage and vacancy.status_enum.is_editable,
            "sections": vacancy_sections.render(request, vacancy),
        },
    )


def _vacancy_form(request, vacancy=None):
    user = request.user
    initial = (
        {"employer": request.GET.get("employer")}
        if vacancy is None
        else {
            **{name: getattr(vacancy, name) for name in services.VACANCY_DEFAULTS if name != "municipality"},
            "municipality": vacancy.municipality.code,
        }
    )
    form = forms.VacancyForm(request.POST or None, initial=initial, user=user, editing=vacancy is not None)
    if request.method == "POST" and form.is_valid():
        data = {**form.cleaned_data, "municipality": form.cleaned_data["municipality"]}
        try:
            if vacancy is None:
                vacancy = services.create_vacancy(data, by=user)
            else:
                services.update_vacancy(vacancy, data, by=user)
        except ValidationError as error:
            errors_to_form(form, error)
        else:
            messages.success(request, _("Työpaikka tallennettiin."))
            return redirect("employers:vacancy", pk=vacancy.pk)
    return render(
        request,
        "employers/vacancy_form.html",
        {"form": form, "vacancy": vacancy},
        status=400 if form.errors else 200,
    )


@login_required
def vacancy_create(request):
    require(permissions.can_manage_vacancies(request.user))
    return _vacancy_form(request)


@login_required
def vacancy_edit(request, pk):
    require(permissions.can_manage_vacancies(request.user))
    vacancy = selectors.get_vacancy(request.user, pk)
    return _vacancy_form(request, vacancy)


@login_required
@require_POST
def vacancy_status(request, pk):
    user = request.user
    require(permissions.can_manage_vacancies(user))
    vacancy = selectors.get_vacancy(user, pk)
    form = forms.StatusForm(request.POST)
    try:
        if not form.is_valid():
            raise ValidationError({"status": _("Tuntematon tila.")})
        changed = services.change_status(vacancy, form.cleaned_data["status"], by=user)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("Työpaikan tila on nyt: %(status)s.") % {"status": changed.get_status_display()})
    return redirect("employers:vacancy", pk=vacancy.pk)


# --- Road distances ---------------------------------------------------------------------------------------------------


def _distance_tables(user) -> dict:
    table = selectors.road_distances(user)
    area_codes = selectors.area_centres(user)
    # The same centres, by name, that a vacancy's workplace outside the area may be in (distance_store).
    neighbours = list(selectors.neighbouring_centres(user))
    return {
        "alue": tables.distance_matrix(
            table, area_codes, area_codes, key="tieetaisyydet-alue", title=_("Alueen kuntakeskusten väliset etäisyydet")
        ),
        "naapurit": tables.distance_matrix(
            table,
            area_codes,
            neighbours,
            key="tieetaisyydet-naapurit",
            title=_("Etäisyydet naapurialueiden keskuksiin"),
        ),
    }


@login_required
def distances(request):
    user = request.user
    require(permissions.can_view_employers(user))
    area = labour_market_selectors.area(user)
    commuting_tables = (
        labour_market_selectors.tables_with_data(user, area, labour_market_enums.TableKind.COMMUTING) if area else []
    )
    commuting_source = commuting_tables[0] if commuting_tables else None
    return render(
        request,
        "employers/distances.html",
        {
            "tables": _distance_tables(user),
            "notes": selectors.distance_notes(user),
            "commuting": labour_market_tables.commuting_table(user, area, commuting_source)
            if commuting_source
            else None,
            "commuting_source": commuting_source,
        },
    )


@login_required
def distance_export(request, table):
    user = request.user
    require(permissions.can_view_employers(user) and permissions.can_export_tables(user))
    found = _distance_tables(user).get(table)
    if found is None:
        raise Http404
    return export_response(found, request.GET.get("format", "csv"))
