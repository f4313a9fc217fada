"""Pages that change job seekers: editing a record, ending a job search, and the supervisor's balancing of caseloads.

Thin: the rules are in jobseekers/changes.py and services.py, reads in selectors.py.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from accounts import permissions
from common.formatting import local_date, local_number
from common.views import errors_to_form, require
from jobseekers import changes, enums, forms, organisation_adapter, selectors, services, tables

BALANCE_PAGE_SIZE = 100


def _after_change(user, jobseeker):
    """Back to the card, or to the user's own list when the change took the person out of their reach."""
    if permissions.can_view_jobseeker(user, jobseeker):
        return redirect("jobseekers:card", pk=jobseeker.pk)
    return redirect("jobseekers:my_clients" if permissions.has_own_clients(user) else "jobseekers:search")


@login_required
def edit(request, pk):
    user = request.user
    require(permissions.can_edit_jobseeker(user))
    jobseeker = selectors.get_jobseeker(user, pk, view="jobseekers:edit", purpose="asiakastietojen muuttaminen")
    form = forms.EditForm(request.POST if request.method == "POST" else None, initial=forms.edit_initial(jobseeker))
    conflict = False
    if request.method == "POST" and form.is_valid():
        try:
            result = changes.update_jobseeker(
                jobseeker,
                form.changed_values(),
                by=user,
                organisation=organisation_adapter.for_request(request),
                seen_version=form.cleaned_data["seen_version"],
            )
        except changes.Conflict as error:
            conflict = True
            form.add_error(None, error.messages)
        except ValidationError as error:
            errors_to_form(form, error)
        else:
            if result.changes:
                messages.success(
                    request,
                    ngettext(
                        "Tallennettiin %(count)s muutos.", "Tallennettiin %(count)s muutosta.", len(result.changes)
                    )
                    % {"count": local_number(len(result.changes))},
                )
            else:
                messages.info(request, _("Tiedot eivät muuttuneet."))
            if result.route_change:
                messages.warning(request, result.route_change.message)
            return _after_change(user, result.jobseeker)
    return render(
        request,
        "jobseekers/edit.html",
        {"jobseeker": jobseeker, "form": form},
        status=409 if conflict else 400 if form.errors else 200,
    )


@login_required
def end_job_search(request, pk):
    user = request.user
    require(permissions.can_edit_jobseeker(user))
    jobseeker = selectors.get_jobseeker(user, pk, view="jobseekers:end_job_search", purpose="työnhaun päättäminen")
    form = forms.EndJobSearchForm(
        request.POST if request.method == "POST" else None,
        initial={"ended_on": timezone.localdate(), "seen_version": changes.version(jobseeker)},
    )
    conflict = False
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            changes.end_job_search(
                jobseeker,
                ended_on=data["ended_on"],
                reason=data["reason"],
                note=data["note"],
                by=user,
                seen_version=data["seen_version"],
            )
        except changes.Conflict as error:
            conflict = True
            form.add_error(None, error.messages)
        except ValidationError as error:
            errors_to_form(form, error)
        else:
            messages.success(
                request,
                _("Työnhaku päättyi %(date)s. Asiakas poistui työjonoista ja vastuuohjaajan asiakkaista.")
                % {"date": local_date(data["ended_on"])},
            )
            return _after_change(user, jobseeker)
    return render(
        request,
        "jobseekers/end_job_search.html",
        {"jobseeker": jobseeker, "form": form},
        status=409 if conflict else 400 if form.errors else 200,
    )


def _balance_municipality(request) -> str:
    """A supervisor balances their own municipality; an administrator chooses one (selectors.balancing_municipality)."""
    user = request.user
    if permissions.leads_municipality(user):
        return user.home_municipality.code
    return selectors.balancing_municipality(request.GET.get("kunta", ""))


@login_required
def balance(request):
    """The supervisor's balancing: tick clients, choose a counsellor (caseload and target shown), give a reason."""
    user = request.user
    require(permissions.can_reassign(user))
    municipality = _balance_municipality(request)
    source = request.GET.get("ohjaaja", "")
    clients = selectors.balancing_clients(user, municipality, source)
    page = Paginator(clients, BALANCE_PAGE_SIZE).get_page(request.GET.get("page"))
    counsellor_table, labels = tables.counsellor_caseloads(user, municipality)
    serving = selectors.municipality_id(municipality)
    counsellors = selectors.counsellors_for(None, enums.CounsellorPurpose.REASSIGNMENT, serving_municipality_id=serving)
    ticked = [int(v) for v in request.POST.getlist("jobseekers") if v.isdigit()]
    # Only the ticked clients are choices of the form: the list itself can be thousands long. They are taken without
    # the counsellor filter, so that one moved to another counsellor meanwhile is a named conflict, not a bad choice.
    chosen = selectors.balancing_clients(user, municipality).filter(pk__in=ticked)
    form = forms.BalanceForm(
        request.POST if request.method == "POST" else None, clients=chosen, counsellors=counsellors, caseloads=labels
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            moved = services.reassign_many(
                jobseekers=list(chosen.filter(pk__in=data["jobseekers"])),
                counsellor=data["counsellor"],
                note=data["note"],
                by=user,
                seen_counsellor_ids=data["seen_counsellor_ids"],
            )
        except ValidationError as error:
            errors_to_form(form, error)
        else:
            messages.success(
                request,
                ngettext(
                    "%(count)s asiakas siirrettiin ohjaajalle %(name)s.",
                    "%(count)s asiakasta siirrettiin ohjaajalle %(name)s.",
                    moved,
                )
                % {"count": local_number(moved), "name": data["counsellor"]},
            )
            return redirect(request.get_full_path())
    selectors.log_listing(user, page.object_list, view="jobseekers:balance", purpose="asiakasmäärien tasaus")
    return render(
        request,
        "jobseekers/balance.html",
        {
            "form": form,
            "page": page,
            "municipality": municipality,
            "municipalities": forms.municipality_choices()[1:],
            "chooses_municipality": not permissions.leads_municipality(user),
            "source": source,
            "sources": sorted(labels.items(), key=lambda item: item[1]),
            "counsellor_table": counsellor_table,
            "counsellors": counsellors,
            "ticked": set(ticked),
        },
        status=400 if form.errors else 200,
    )
