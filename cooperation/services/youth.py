"""Writes of the youth point (Ohjaamo) and of referrals to partners: a visit (a named young job seeker, or an
anonymous count of visitors), a referral to Työkanava Oy or an education provider (through the youth point only for
someone under the youth age limit), and the referral's outcome. Referrals to the wellbeing services county or Kela go
through the multisectoral service, under the person's consent (cooperation/services/typ.py), never here."""

from django.utils.translation import gettext as _

from accounts import permissions_cooperation
from common.errors import Errors
from cooperation import enums
from cooperation.models import PartnerReferral, YouthPointVisit
from cooperation.selectors.youth import youth_point_offices
from cooperation.services.fields import choice as _choice
from cooperation.services.fields import text as _text
from organisation.enums import PartnerKind
from organisation.models import Municipality, Partner
from organisation.routing import YOUTH_AGE_LIMIT

REFERRAL_PARTNER_KINDS = (PartnerKind.EDUCATION_PROVIDER, PartnerKind.COMPANY)
MAX_VISITORS = 500


def referral_partners(area_id):
    return Partner.objects.filter(area_id=area_id, kind__in=REFERRAL_PARTNER_KINDS).order_by("name")


def record_visit(*, area, office, visited_on, municipality, visitors, topic, by, jobseeker=None) -> YouthPointVisit:
    errors = Errors()
    if not permissions_cooperation.can_work_with_cooperation_clients(by, jobseeker):
        errors.add("__all__", _("Sinulla ei ole oikeutta kirjata käyntejä."))
    found_office = youth_point_offices(area.pk).filter(pk=office).first() if str(office).isdigit() else None
    if found_office is None:
        errors.add("office", _("Valitse Ohjaamon toimipiste."))
    home = Municipality.objects.filter(area=area, code=municipality).first() if municipality else None
    if jobseeker is not None:
        home = jobseeker.municipality
    if home is None:
        errors.add("municipality", _("Valitse työllisyysalueen kunta."))
    try:
        count = int(visitors)
    except (TypeError, ValueError):
        count = 0
    if not 1 <= count <= MAX_VISITORS or (jobseeker is not None and count != 1):
        errors.add("visitors", _("Anna kävijämäärä 1–%(max)s (nimetty käynti on yksi).") % {"max": MAX_VISITORS})
    _choice(topic, enums.VisitTopic, errors, "topic")
    if visited_on is None:
        errors.add("visited_on", _("Anna käyntipäivä."))
    elif jobseeker is not None and not jobseeker.is_youth(visited_on):
        errors.add("visited_on", _("Ohjaamo palvelee alle %(limit)s-vuotiaita.") % {"limit": YOUTH_AGE_LIMIT})
    errors.raise_if_any()
    return YouthPointVisit.objects.create(
        office=found_office,
        visited_on=visited_on,
        municipality=home,
        jobseeker=jobseeker,
        visitors=count,
        topic=topic,
        recorded_by=by,
    )


def refer_to_partner(jobseeker, *, partner, reason, referred_on, via_youth_point, by) -> PartnerReferral:
    errors = Errors()
    if not permissions_cooperation.can_work_with_cooperation_clients(by, jobseeker):
        errors.add("__all__", _("Et voi ohjata tätä työnhakijaa."))
    found = referral_partners(jobseeker.area_id).filter(pk=partner).first() if str(partner).isdigit() else None
    if found is None:
        errors.add("partner", _("Valitse Työkanava Oy tai oppilaitos."))
    text = _text(reason, errors, "reason")
    if referred_on is None:
        errors.add("referred_on", _("Anna ohjauksen päivä."))
    elif via_youth_point and not jobseeker.is_youth(referred_on):
        errors.add("via_youth_point", _("Ohjaamo palvelee alle %(limit)s-vuotiaita.") % {"limit": YOUTH_AGE_LIMIT})
    errors.raise_if_any()
    return PartnerReferral.objects.create(
        jobseeker=jobseeker,
        municipality_id=jobseeker.municipality_id,
        partner=found,
        via_youth_point=bool(via_youth_point),
        referred_on=referred_on,
        reason=text,
        referred_by=by,
    )


def record_partner_outcome(referral: PartnerReferral, *, outcome, on, by) -> PartnerReferral:
    errors = Errors()
    if not permissions_cooperation.can_work_with_cooperation_clients(by, referral.jobseeker):
        errors.add("__all__", _("Et voi kirjata tämän työnhakijan tietoja."))
    _choice(outcome, enums.PartnerOutcome, errors, "outcome")
    if on is None:
        errors.add("outcome_on", _("Anna päivä."))
    elif on < referral.referred_on:
        errors.add("outcome_on", _("Päivä ei voi edeltää ohjausta."))
    errors.raise_if_any()
    referral.outcome = outcome
    referral.outcome_on = on
    referral.save(update_fields=["outcome", "outcome_on"])
    return referral
