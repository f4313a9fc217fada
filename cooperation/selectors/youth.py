"""Reads of the youth point and partner referrals. Visit counts name nobody; referrals are the person's data, read
within the user's scope and logged where a page shows them."""

from django.db.models import Count, Q, QuerySet, Sum
from django.http import Http404

from accounts import permissions_cooperation
from cooperation import enums
from cooperation.models import PartnerReferral, YouthPointVisit
from jobseekers import selectors as jobseeker_selectors
from organisation.enums import ArrangementRole, TargetGroup
from organisation.models import Office


def referrals(user) -> QuerySet:
    if not permissions_cooperation.can_view_cooperation_clients(user):
        return PartnerReferral.objects.none()
    people = jobseeker_selectors.jobseekers(user).values("pk")
    return PartnerReferral.objects.filter(jobseeker__in=people).select_related(
        "jobseeker", "partner", "municipality", "referred_by"
    )


def get_referral(user, pk, *, view: str, purpose: str) -> PartnerReferral:
    referral = PartnerReferral.objects.filter(pk=pk).first() if str(pk).isdigit() else None
    if referral is None:
        raise Http404
    jobseeker_selectors.get_jobseeker(user, referral.jobseeker_id, view=view, purpose=purpose)
    return referrals(user).get(pk=referral.pk)


def get_jobseeker(user, pk, *, view: str, purpose: str):
    return jobseeker_selectors.get_jobseeker(user, pk, view=view, purpose=purpose)


def log_listing(user, shown, *, view: str, purpose: str) -> None:
    jobseeker_selectors.log_listing(user, [row.jobseeker for row in shown], view=view, purpose=purpose)


def recent_visits(area) -> QuerySet:
    """The latest visit rows as counts (named visits show no name here)."""
    return YouthPointVisit.objects.filter(office__area=area).select_related("office", "municipality")


def figures(area) -> dict:
    """Per municipality id: youth point visitors, partner referrals, those started or completed."""
    result = {}
    for municipality_id, total in (
        YouthPointVisit.objects.filter(office__area=area)
        .values("municipality_id")
        .annotate(total=Sum("visitors"))
        .values_list("municipality_id", "total")
    ):
        result.setdefault(municipality_id, {})["youth_visits"] = total
    going = [enums.PartnerOutcome.STARTED, enums.PartnerOutcome.COMPLETED]
    for row in (
        PartnerReferral.objects.filter(jobseeker__area=area)
        .values("municipality_id")
        .annotate(n=Count("pk"), going=Count("pk", filter=Q(outcome__in=going)))
    ):
        entry = result.setdefault(row["municipality_id"], {})
        entry["partner_referrals"] = row["n"]
        entry["partner_started"] = row["going"]
    return result


def youth_point_offices(area_id) -> QuerySet:
    """The youth point's offices: where the data's supplementary youth arrangements meet (Kajaani's Ohjaamo)."""
    return Office.objects.filter(
        area_id=area_id,
        servicearrangement__target_group=TargetGroup.YOUTH,
        servicearrangement__role=ArrangementRole.SUPPLEMENTARY,
    ).distinct()
