"""The job seeker's cooperation services on their card (a jobseekers.card_sections section): the TYP status with a
link to the person's TYP page, and their referrals to bought places with the link to refer. The card's view has
logged the read."""

from accounts import permissions_cooperation
from common.today import service_today
from cooperation import texts
from cooperation.selectors import integration, procurement, typ, youth
from jobseekers.card_sections import CardSection


def context(user, jobseeker) -> dict:
    if not permissions_cooperation.can_view_cooperation_clients(user, jobseeker):
        return {"visible": False}
    latest = typ.latest_assessment(jobseeker)
    return {
        "visible": True,
        "jobseeker": jobseeker,
        "eligibility": texts.eligibility(latest.eligible) if latest else "",
        "typ_client": typ.open_client(jobseeker),
        "referrals": procurement.referrals(user).filter(jobseeker=jobseeker).order_by("-referred_on", "-pk")[:5],
        "can_work": permissions_cooperation.can_work_with_cooperation_clients(user, jobseeker),
        # Every young person is offered the youth point, whatever target group routed them (plan §3).
        "youth_point": youth.youth_point_offices(jobseeker.area_id).first()
        if jobseeker.is_youth(service_today())
        else None,
        "partner_referrals": youth.referrals(user).filter(jobseeker=jobseeker).order_by("-referred_on", "-pk")[:5],
    }


SECTION = CardSection(key="cooperation", template="cooperation/_card.html", context=context, order=120)


def integration_context(user, jobseeker) -> dict:
    """A foreign-language customer's integration plan and language training; nothing for anyone else."""
    if not jobseeker.is_foreign_language or not permissions_cooperation.can_view_cooperation_clients(user, jobseeker):
        return {"visible": False}
    return {
        "visible": True,
        "jobseeker": jobseeker,
        "plan": integration.plans_of(jobseeker).first(),
        "trainings": integration.trainings_of(jobseeker)[:5],
        "can_work": permissions_cooperation.can_work_with_cooperation_clients(user, jobseeker),
    }


INTEGRATION_SECTION = CardSection(
    key="integration", template="cooperation/_integration_card.html", context=integration_context, order=121
)
