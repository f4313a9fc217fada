from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_POST

from accounts import permissions
from common.formatting import local_date
from common.tables import export_response
from common.today import service_today
from common.views import require
from jobseekers import (
    batch,
    card_sections,
    change_texts,
    enums,
    forms,
    hetu_store,
    organisation_adapter,
    selectors,
    services,
    tables,
)
from organisation import routing_texts

PAGE_SIZE = 50
COLUMNS = [
    ("name", gettext_lazy("Nimi")),
    ("municipality", gettext_lazy("Kotikunta")),
    ("status", gettext_lazy("Tila")),
    ("started", gettext_lazy("Työnhaku alkanut")),
]


@sensitive_post_parameters("hetu")
@login_required
def search(request):
    user = request.user
    require(permissions.can_search_jobseekers(user))
    hetu_form = forms.HetuSearchForm()
    if request.method == "POST":
        hetu_form = forms.HetuSearchForm(request.POST)
        if hetu_form.is_valid():
            found = _find_by_hetu(user, hetu_form)
            if len(found) == 1:
                return redirect("jobseekers:card", pk=found[0].pk)
            if not found and not hetu_form.errors:
                messages.info(request, _("Henkilötunnuksella ei löytynyt asiakasta, jonka tietoja voit katsoa."))
                return redirect("jobseekers:search")
    form = forms.SearchForm(request.GET or None)
    sort = request.GET.get("sort", "name")
    if form.is_bound and not form.is_valid():
        queryset = selectors.jobseekers(user).none()
    else:
        filters = form.cleaned_data if form.is_bound else {}
        queryset = selectors.search(
            user,
            name=filters.get("name", ""),
            birth_date=filters.get("birth_date"),
            municipality=filters.get("municipality", ""),
            status=filters.get("status", ""),
            concept=filters.get("concept", ""),
            overdue_on=service_today() if filters.get("overdue") else None,
            without_plan=bool(filters.get("without_plan")),
            sort=sort,
        )
    page = Paginator(queryset, PAGE_SIZE).get_page(request.GET.get("page"))
    selectors.log_listing(user, page.object_list, view="jobseekers:search", purpose="asiakashaku")
    query = request.GET.copy()
    query.pop("page", None)
    sort_query = query.copy()
    sort_query.pop("sort", None)
    return render(
        request,
        "jobseekers/search.html",
        {
            "form": form,
            "hetu_form": hetu_form,
            "page": page,
            "searched": _searched(form),
            "columns": COLUMNS,
            "sort": sort if sort in selectors.SORTS else "name",
            "query": query.urlencode(),
            "sort_query": sort_query.urlencode(),
            "can_register": permissions.can_register_jobseeker(user),
        },
        status=400 if hetu_form.errors or form.errors else 200,
    )


def _find_by_hetu(user, hetu_form) -> list:
    """The job seekers the typed code can mean, within scope; a refused or ambiguous code is an error on the field."""
    try:
        readings = hetu_store.validate_readings(hetu_form.cleaned_data["hetu"], allow_temporary=True)
    except ValidationError as error:
        hetu_form.add_error("hetu", error)
        return []
    found = selectors.find_by_hetu(
        user, [reading.code for reading in readings], view="jobseekers:search", purpose="haku henkilötunnuksella"
    )
    if len(found) > 1:
        hetu_form.add_error("hetu", forms.HETU_AMBIGUOUS)
    return found


def _searched(form) -> list[str]:
    """What the listing was searched with, in words, for the line above the results."""
    if not form.is_bound or not form.is_valid():
        return []
    data = form.cleaned_data
    searched = []
    if data["name"].strip():
        searched.append(_("nimi ”%(name)s”") % {"name": data["name"].strip()})
    if data["birth_date"]:
        searched.append(_("syntymäaika %(date)s") % {"date": local_date(data["birth_date"])})
    if data["municipality"]:
        searched.append(
            _("kotikunta %(name)s") % {"name": dict(form.fields["municipality"].choices)[data["municipality"]]}
        )
    if data["status"]:
        searched.append(_("tila %(status)s") % {"status": enums.JobseekerStatus(data["status"]).label})
    if data["concept"]:
        searched.append(forms.CONCEPT_TEXTS[data["concept"]][1])
    if data["overdue"]:
        searched.append(_("vain myöhässä olevat"))
    if data["without_plan"]:
        searched.append(_("ei suunnitelmaa"))
    return searched


@sensitive_post_parameters("hetu")
@login_required
def card(request, pk):
    user = request.user
    # No role check of its own: out of scope (aggregate-only roles included) is a 404 and a denied row in the log.
    jobseeker = selectors.get_jobseeker(user, pk, view="jobseekers:card", purpose="asiakaskortti")
    hetu_visible = None
    if request.method == "POST" and request.POST.get("action") == "show_hetu":
        selectors.log_listing(user, [jobseeker], view="jobseekers:card", purpose="henkilötunnuksen näyttäminen")
        hetu_visible = jobseeker.reveal_hetu()
    today = timezone.localdate()
    decision = organisation_adapter.for_request(request).route_jobseeker(jobseeker, today)
    return render(
        request,
        "jobseekers/card.html",
        {
            "jobseeker": jobseeker,
            "hetu_masked": jobseeker.hetu_masked,
            "hetu_visible": hetu_visible,
            "age": jobseeker.age(today),
            "long_term": jobseeker.is_long_term_unemployed(today),
            "unemployment_months": jobseeker.unemployment_months(today),
            "youth": jobseeker.is_youth(today),
            "decision": decision,
            "explanation": routing_texts.explain(decision),
            "supplementary": [routing_texts.explain_supplementary(s) for s in decision.also_available],
            "route_changed": decision.pool.id != jobseeker.pool,
            "history": selectors.counsellor_history(jobseeker),
            "can_reassign": permissions.can_reassign(user, jobseeker) and not jobseeker.job_search_ended,
            "changes": change_texts.describe(selectors.changes_of(jobseeker)),
            "can_edit": permissions.can_edit_jobseeker(user, jobseeker) and not jobseeker.job_search_ended,
            "sections": card_sections.render(request, jobseeker),
        },
    )


@login_required
def my_clients(request):
    user = request.user
    require(permissions.has_own_clients(user))
    page = Paginator(selectors.my_clients(user), PAGE_SIZE).get_page(request.GET.get("page"))
    selectors.log_listing(user, page.object_list, view="jobseekers:my_clients", purpose="omat asiakkaat")
    return render(request, "jobseekers/my_clients.html", {"page": page, "columns": COLUMNS})


@login_required
def caseloads(request):
    user = request.user
    require(permissions.can_view_caseloads(user))
    municipality = _caseload_municipality(request)
    data = tables.caseload_tables(user, municipality_code=municipality, counsellor_page=request.GET.get("page", "1"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "jobseekers/caseloads.html",
        {
            **data,
            "page": data["counsellor_page"],
            "query": query.urlencode(),
            "municipality": municipality,
            "municipalities": forms.municipality_choices()[1:],
            "can_assign": permissions.can_assign_batch(user),
            "over_columns": ["per_fte", "status", "fte_needed"],
        },
    )


def _caseload_municipality(request) -> str:
    """The municipality filter; a supervisor starts from their own municipality's teams ("kaikki" shows all)."""
    if "kunta" in request.GET:
        value = request.GET["kunta"]
        return "" if value == "kaikki" else value
    user = request.user
    return user.home_municipality.code if permissions.leads_municipality(user) else ""


@login_required
def caseload_export(request, table):
    user = request.user
    require(permissions.can_view_caseloads(user))
    data = tables.caseload_tables(user, municipality_code=_caseload_municipality(request))
    by_key = {t.key: t for t in (data["municipality_table"], data["team_table"], data["counsellor_table"])}
    if table not in by_key:
        raise Http404
    return export_response(by_key[table], request.GET.get("format", "csv"))


@require_POST
@login_required
def assign(request):
    user = request.user
    require(permissions.can_assign_batch(user))
    report = batch.assign_unassigned(scope=permissions.assignment_scope(user), by=user)
    messages.success(
        request,
        _("Asiakasjako tehty: %(assigned)s asiakasta sai vastuuohjaajan, %(left)s jäi ilman.")
        % {"assigned": report.assigned, "left": report.unassigned},
    )
    for message in report.messages:
        messages.warning(request, message)
    return redirect("jobseekers:caseloads")


@sensitive_post_parameters("hetu")
@login_required
def register(request):
    user = request.user
    require(permissions.can_register_jobseeker(user))
    form = forms.RegistrationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            jobseeker = services.register_jobseeker(
                form.cleaned_data, registered_by=user, organisation=organisation_adapter.for_request(request)
            )
        except ValidationError as error:
            for name, errors in error.message_dict.items():
                form.add_error(name if name in form.fields else None, errors)
        else:
            messages.success(request, _("Työnhakija %(name)s rekisteröitiin.") % {"name": jobseeker})
            return redirect("jobseekers:card", pk=jobseeker.pk)
    elif request.method == "POST":
        # The identity code's checks are the service's: asked now, so that a missing name does not hide a wrong code.
        try:
            services.clean_registration(
                form.raw_values(), organisation=organisation_adapter.for_request(request), partial=True
            )
        except ValidationError as error:
            for name, errors in error.message_dict.items():
                if name in form.fields and name not in form.errors:
                    form.add_error(name, errors)
    return render(request, "jobseekers/register.html", {"form": form}, status=400 if form.errors else 200)


@sensitive_post_parameters("hetu")
@require_POST
@login_required
def register_check(request):
    """htmx: the registration form's live check – errors of the fields filled in so far, and who would serve."""
    user = request.user
    require(permissions.can_register_jobseeker(user))
    form = forms.RegistrationForm(request.POST)
    values = form.raw_values()
    errors = {}
    form.is_valid()
    for name, field_errors in form.errors.items():
        if name in form.fields and request.POST.get(name, "").strip():
            errors[name] = list(field_errors)
    organisation = organisation_adapter.for_request(request)
    registration = None
    try:
        registration = services.clean_registration(values, organisation=organisation, partial=True)
    except ValidationError as error:
        for name, field_errors in error.message_dict.items():
            errors.setdefault(name, field_errors)
    route = None
    birth = registration.parsed_hetu.birth_date if registration and registration.parsed_hetu else None
    if birth and values.get("municipality") and values.get("service_language") and not errors:
        decision = organisation.route(
            municipality_code=values["municipality"],
            service_language=registration.values["service_language"],
            birth_date=birth,
            multisectoral=bool(values.get("multisectoral")),
            on=timezone.localdate(),
        )
        route = {"decision": decision, "explanation": routing_texts.explain(decision)}
    return render(
        request,
        "jobseekers/_register_check.html",
        {"fields": [(name, errors.get(name, [])) for name in form.fields], "route": route},
    )


@login_required
def reassign(request, pk):
    user = request.user
    require(permissions.can_reassign(user))
    jobseeker = selectors.get_jobseeker(user, pk, view="jobseekers:reassign", purpose="vastuuohjaajan vaihto")
    form = forms.ReassignForm(
        request.POST or None,
        counsellors=selectors.counsellors_for(jobseeker, enums.CounsellorPurpose.REASSIGNMENT),
        initial={"seen_counsellor": jobseeker.responsible_counsellor_id},
    )
    conflict = False
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.reassign(
                jobseeker=jobseeker,
                counsellor=data["counsellor"],
                note=data["note"],
                by=user,
                seen_counsellor_id=data["seen_counsellor"],
            )
        except services.Conflict as error:
            conflict = True
            form.add_error(None, error.messages)
            # Show the counsellor responsible now and offer the choice again against them.
            jobseeker.refresh_from_db()
            form.data = {**form.data.dict(), "seen_counsellor": jobseeker.responsible_counsellor_id}
        except ValidationError as error:
            for name, errors in error.message_dict.items():
                form.add_error(name if name in form.fields else None, errors)
        else:
            messages.success(request, _("Vastuuohjaaja vaihdettiin."))
            return redirect(reverse("jobseekers:card", kwargs={"pk": jobseeker.pk}))
    return render(
        request,
        "jobseekers/reassign.html",
        {"jobseeker": jobseeker, "form": form, "statuses": enums.JobseekerStatus},
        status=409 if conflict else 400 if form.errors else 200,
    )
