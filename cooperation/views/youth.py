"""Pages of the youth point (Ohjaamo) and of referrals to partners: visits recorded as counts, a job seeker's referral
to Työkanava Oy or an education provider from their card, and its outcome."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Sum
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from accounts import permissions_cooperation
from common.today import service_today
from common.views import require
from cooperation import forms
from cooperation.selectors import youth as selectors
from cooperation.services import youth as services
from cooperation.views.common import area_of, outcome_page, status, write
from organisation.models import Municipality


@login_required
def youth_point(request):
    user = request.user
    require(permissions_cooperation.can_view_cooperation(user))
    area = area_of(user)
    can_record = permissions_cooperation.can_work_with_cooperation_clients(user)
    form = None
    if can_record:
        form = forms.VisitForm(
            request.POST or None,
            initial={"visited_on": service_today()},
            offices=selectors.youth_point_offices(area.pk),
            municipalities=Municipality.objects.filter(area=area).order_by("name_fi"),
        )
    if request.method == "POST":
        require(can_record)
        if write(form, lambda data: services.record_visit(area=area, by=user, **data)) is not None:
            messages.success(request, _("Käynti kirjattiin."))
            return redirect("cooperation:youth_point")
    referrals = list(selectors.referrals(user).filter(via_youth_point=True).order_by("-referred_on", "-pk")[:100])
    selectors.log_listing(user, referrals, view="cooperation:youth_point", purpose="Ohjaamon ohjaukset")
    visits = selectors.recent_visits(area)
    return render(
        request,
        "cooperation/youth_point.html",
        {
            "form": form,
            "visits": visits[:30],
            "total": visits.aggregate(total=Sum("visitors"))["total"] or 0,
            "referrals": referrals,
        },
        status=status(form),
    )


@login_required
def partner_referral_create(request, jobseeker_pk):
    user = request.user
    require(permissions_cooperation.can_work_with_cooperation_clients(user))
    jobseeker = selectors.get_jobseeker(
        user, jobseeker_pk, view="cooperation:partner_referral_create", purpose="ohjaus yhteistyökumppanille"
    )
    require(permissions_cooperation.can_work_with_cooperation_clients(user, jobseeker))
    today = service_today()
    form = forms.PartnerReferralForm(
        request.POST or None,
        initial={"referred_on": today, "via_youth_point": jobseeker.is_youth(today)},
        partners=services.referral_partners(jobseeker.area_id),
    )
    made = None
    if request.method == "POST":
        made = write(form, lambda data: services.refer_to_partner(jobseeker, by=user, **data))
    if made is not None:
        messages.success(request, _("Ohjaus kirjattiin."))
        return redirect("jobseekers:card", pk=jobseeker.pk)
    return render(
        request, "cooperation/partner_referral_form.html", {"jobseeker": jobseeker, "form": form}, status=status(form)
    )


@login_required
def partner_referral(request, pk):
    referral = selectors.get_referral(
        request.user, pk, view="cooperation:partner_referral", purpose="ohjaus yhteistyökumppanille"
    )
    return outcome_page(
        request,
        referral,
        form_class=forms.PartnerOutcomeForm,
        record=services.record_partner_outcome,
        done=_("Tulos kirjattiin."),
        template="cooperation/partner_referral.html",
        url_name="cooperation:partner_referral",
    )
