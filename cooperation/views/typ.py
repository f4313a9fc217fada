"""Pages of the multisectoral service (TYP): the caseload against the plan's target with the user's clients, and a
person's TYP page – the assessment by the rules in force, the client relationship with the county from the data,
consents (given, withdrawn) and referrals, with the history. Each form posts to its own URL and comes back to the
person's page with its errors."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts import permissions_cooperation
from common.today import service_today
from common.views import require
from cooperation import enums, forms, texts
from cooperation.selectors import typ as selectors
from cooperation.services import typ as services
from cooperation.tables import typ_caseload_table
from cooperation.views.common import area_of, status, write


@login_required
def overview(request):
    user = request.user
    require(permissions_cooperation.can_view_cooperation(user))
    clients = list(selectors.clients(user)[:200])
    selectors.log_listing(user, clients, view="cooperation:typ", purpose="monialaisen palvelun asiakkaat")
    return render(
        request,
        "cooperation/typ.html",
        {"caseload": typ_caseload_table(selectors.caseload(area_of(user))), "clients": clients},
    )


def _person(request, pk, purpose):
    user = request.user
    require(permissions_cooperation.can_view_cooperation_clients(user))
    jobseeker = selectors.get_jobseeker(
        user, pk, view=f"cooperation:{request.resolver_match.url_name}", purpose=purpose
    )
    require(permissions_cooperation.can_view_cooperation_clients(user, jobseeker))
    return jobseeker


def _page(request, jobseeker, bound=None, code=200):
    """The person's TYP page; `bound` replaces the blank form of its name with the one that failed."""
    user = request.user
    today = service_today()
    can_work = permissions_cooperation.can_work_with_cooperation_clients(user, jobseeker)
    latest = selectors.latest_assessment(jobseeker)
    client = selectors.open_client(jobseeker)
    in_force = selectors.consents_in_force(jobseeker, today)
    blank = {}
    if can_work:
        blank = {
            "assessment_form": forms.TypAssessmentForm(initial={"assessed_on": today}),
            "client_form": forms.TypClientForm(initial={"started_on": today})
            if client is None and latest is not None and latest.eligible
            else None,
            "end_form": forms.TypClientEndForm(initial={"ended_on": today}) if client is not None else None,
            "consent_form": forms.ConsentForm(
                initial={"given_on": today}, partners=services.typ_partners(jobseeker.area_id)
            ),
            "referral_form": forms.TypReferralForm(initial={"referred_on": today}, consents=in_force)
            if in_force
            else None,
        }
    blank.update(bound or {})
    return render(
        request,
        "cooperation/typ_person.html",
        {
            "jobseeker": jobseeker,
            "can_work": can_work,
            "latest": latest,
            "latest_reasons": texts.reasons(latest.reasons) if latest else [],
            "eligibility": texts.eligibility(latest.eligible) if latest else "",
            "client": client,
            "county": services.wellbeing_county_for(jobseeker.municipality),
            "consents": [
                (
                    consent,
                    consent.in_force(today),
                    [enums.InformationCategory(code).label for code in consent.information],
                )
                for consent in selectors.consents_of(jobseeker)
            ],
            "referrals": selectors.referrals_of(jobseeker),
            "history": [(event, texts.event(event.kind)) for event in selectors.history(jobseeker)],
            **blank,
        },
        status=code,
    )


@login_required
def person(request, pk):
    return _page(request, _person(request, pk, "monialainen palvelu"))


def _post(request, pk, *, purpose, form_name, build, call, done):
    user = request.user
    jobseeker = _person(request, pk, purpose)
    require(permissions_cooperation.can_work_with_cooperation_clients(user, jobseeker))
    form = build(jobseeker)
    if write(form, lambda data: call(jobseeker, form, data)) is not None:
        messages.success(request, done)
        return redirect("cooperation:typ_person", pk=jobseeker.pk)
    return _page(request, jobseeker, {form_name: form}, code=status(form))


@login_required
@require_POST
def assess(request, pk):
    return _post(
        request,
        pk,
        purpose="monialaisen palvelun tarpeen arvio",
        form_name="assessment_form",
        build=lambda jobseeker: forms.TypAssessmentForm(request.POST),
        call=lambda jobseeker, form, data: services.assess(
            jobseeker,
            on=data["assessed_on"],
            labour_market_subsidy_days=data["labour_market_subsidy_days"],
            needs_multisectoral_services=form.need(),
            need_description=data["need_description"],
            by=request.user,
        ),
        done=_("Arvio kirjattiin."),
    )


@login_required
@require_POST
def open_client(request, pk):
    return _post(
        request,
        pk,
        purpose="monialaisen palvelun asiakkuus",
        form_name="client_form",
        build=lambda jobseeker: forms.TypClientForm(request.POST),
        call=lambda jobseeker, form, data: services.open_client(jobseeker, by=request.user, **data),
        done=_("Monialaisen palvelun asiakkuus alkoi."),
    )


@login_required
@require_POST
def end_client(request, pk):
    return _post(
        request,
        pk,
        purpose="monialaisen palvelun asiakkuuden päättäminen",
        form_name="end_form",
        build=lambda jobseeker: forms.TypClientEndForm(request.POST),
        call=lambda jobseeker, form, data: services.end_client(
            _open_client_or_404(jobseeker), ended_on=data["ended_on"], by=request.user
        ),
        done=_("Monialaisen palvelun asiakkuus päättyi."),
    )


def _open_client_or_404(jobseeker):
    client = selectors.open_client(jobseeker)
    if client is None:
        raise Http404
    return client


@login_required
@require_POST
def consent(request, pk):
    return _post(
        request,
        pk,
        purpose="suostumuksen kirjaus",
        form_name="consent_form",
        build=lambda jobseeker: forms.ConsentForm(request.POST, partners=services.typ_partners(jobseeker.area_id)),
        call=lambda jobseeker, form, data: services.give_consent(jobseeker, by=request.user, **data),
        done=_("Suostumus kirjattiin."),
    )


@login_required
@require_POST
def refer(request, pk):
    return _post(
        request,
        pk,
        purpose="ohjaus yhteistyökumppanille",
        form_name="referral_form",
        build=lambda jobseeker: forms.TypReferralForm(
            request.POST, consents=selectors.consents_in_force(jobseeker, service_today())
        ),
        call=lambda jobseeker, form, data: services.refer(jobseeker, by=request.user, **data),
        done=_("Ohjaus kirjattiin."),
    )


@login_required
def withdraw(request, pk):
    user = request.user
    require(permissions_cooperation.can_work_with_cooperation_clients(user))
    found = selectors.get_consent(user, pk, view="cooperation:consent_withdraw", purpose="suostumuksen peruminen")
    require(permissions_cooperation.can_work_with_cooperation_clients(user, found.jobseeker))
    form = forms.WithdrawalForm(request.POST or None, initial={"withdrawn_on": service_today()})
    if request.method == "POST":
        done = write(
            form,
            lambda data: services.withdraw_consent(
                found, withdrawn_on=data["withdrawn_on"], note=data["withdrawal_note"], by=user
            ),
        )
        if done is not None:
            messages.success(request, _("Suostumus peruttiin. Sen nojalla ei enää ohjata."))
            return redirect("cooperation:typ_person", pk=found.jobseeker_id)
    return render(request, "cooperation/consent_withdraw.html", {"consent": found, "form": form}, status=status(form))
