"""Pages of international recruitment and the spouse-job service (Puolisotyöpaikka): the cases (list, new, export),
one case with its spouse and the spouse's follow-ups. Every page showing a person logs the read."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts import permissions_cooperation
from common.tables import export_response
from common.today import service_today
from common.views import require
from cooperation import forms
from cooperation.models import Spouse
from cooperation.selectors import international as selectors
from cooperation.services import international as services
from cooperation.tables import recruitment_table
from cooperation.views.common import area_of, status, write

EXPORT_LIMIT = 10_000


@login_required
def cases(request):
    user = request.user
    require(permissions_cooperation.can_work_on_recruitment(user))
    shown = list(selectors.cases(user)[:200])
    selectors.log_cases(user, shown, view="cooperation:recruitment", purpose="kansainväliset rekrytoinnit")
    spouses = list(selectors.spouses(user).order_by("-registered_on", "-pk")[:200])
    selectors.log_spouses(user, spouses, view="cooperation:recruitment", purpose="puolisotyöpaikka")
    return render(
        request,
        "cooperation/recruitment.html",
        {
            "table": recruitment_table(shown),
            "spouses": selectors.with_latest_outcome(spouses),
        },
    )


@login_required
def export(request):
    user = request.user
    require(permissions_cooperation.can_work_on_recruitment(user))
    shown = list(selectors.cases(user)[:EXPORT_LIMIT])
    selectors.log_cases(
        user, shown, view="cooperation:recruitment_export", purpose="kansainvälisten rekrytointien vienti"
    )
    return export_response(recruitment_table(shown), request.GET.get("format", "csv"))


def _case_form(user, data=None):
    area = area_of(user)
    return forms.RecruitmentForm(data, employers=selectors.employers(area), vacancies=selectors.vacancies(area))


@login_required
def case_create(request):
    user = request.user
    require(permissions_cooperation.can_work_on_recruitment(user))
    form = _case_form(user, request.POST or None)
    if request.method == "POST":
        made = write(form, lambda data: services.create_case(area=area_of(user), by=user, **data))
        if made is not None:
            messages.success(request, _("Rekrytointi kirjattiin."))
            return redirect("cooperation:case", pk=made.pk)
    return render(request, "cooperation/case_form.html", {"form": form}, status=status(form))


def _case_page(request, pk, *, spouse_form=None, follow_up_form=None, code=200):
    user = request.user
    view = f"cooperation:{request.resolver_match.url_name}"
    case, spouse = selectors.get_case(user, pk, view=view, purpose="kansainvälinen rekrytointi ja puoliso")
    hidden = spouse is None and Spouse.objects.filter(case=case).exists()
    if spouse is None and not hidden:
        spouse_form = spouse_form or forms.SpouseForm(initial={"registered_on": service_today()})
    else:
        spouse_form = None
    if spouse is not None:
        follow_up_form = follow_up_form or forms.FollowUpForm(initial={"recorded_on": service_today()})
    return render(
        request,
        "cooperation/case.html",
        {
            "case": case,
            "spouse": spouse,
            "spouse_hidden": hidden,
            "follow_ups": selectors.follow_ups(spouse) if spouse else [],
            "spouse_form": spouse_form,
            "follow_up_form": follow_up_form,
        },
        status=code,
    )


@login_required
def case(request, pk):
    require(permissions_cooperation.can_work_on_recruitment(request.user))
    return _case_page(request, pk)


@login_required
@require_POST
def spouse_register(request, pk):
    user = request.user
    require(permissions_cooperation.can_work_on_recruitment(user))
    found, _spouse = selectors.get_case(user, pk, view="cooperation:spouse_register", purpose="puolison kirjaus")
    form = forms.SpouseForm(request.POST)
    if write(form, lambda data: services.register_spouse(found, by=user, **data)) is not None:
        messages.success(request, _("Puoliso kirjattiin puolisotyöpaikka-palvelun asiakkaaksi."))
        return redirect("cooperation:case", pk=found.pk)
    return _case_page(request, pk, spouse_form=form, code=400)


@login_required
@require_POST
def spouse_follow_up(request, pk):
    user = request.user
    require(permissions_cooperation.can_work_on_recruitment(user))
    spouse = selectors.spouses(user).filter(pk=pk).first() if str(pk).isdigit() else None
    if spouse is None:
        raise Http404
    form = forms.FollowUpForm(request.POST)
    if write(form, lambda data: services.record_follow_up(spouse, by=user, **data)) is not None:
        messages.success(request, _("Puolison tilanne kirjattiin."))
        return redirect("cooperation:case", pk=spouse.case_id)
    return _case_page(request, spouse.case_id, follow_up_form=form, code=400)
