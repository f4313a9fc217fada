"""Writes of the multisectoral service (TYP): the joint assessment by the rules in force, the client relationship
with the wellbeing services county that serves the person's municipality (from the area's data), the person's
consents and their withdrawal, and referrals to a partner – only under a consent in force on the day.

A referral locks its consent, and a withdrawal locks it too, so a referral and a withdrawal of the same consent
cannot pass each other: after the withdrawal no referral is made under it.
"""

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from accounts import permissions_cooperation
from common.errors import Errors
from common.locks import serialize_on
from common.today import service_today
from cooperation import enums, typ_rules
from cooperation.models import Consent, TypAssessmentRecord, TypClient, TypReferral
from cooperation.services.fields import text as _text
from organisation.enums import PartnerKind
from organisation.models import Partner

TYP_PARTNER_KINDS = (PartnerKind.WELLBEING_SERVICES_COUNTY, PartnerKind.SOCIAL_INSURANCE)
MAX_SUBSIDY_DAYS = 5000


def wellbeing_county_for(municipality) -> Partner | None:
    """The wellbeing services county serving a municipality: the partner the municipality's data names (plan §4;
    Kuusamo and Taivalkoski belong to North Ostrobothnia's, the Kainuu municipalities to Kainuu's)."""
    return Partner.objects.filter(
        area_id=municipality.area_id,
        kind=PartnerKind.WELLBEING_SERVICES_COUNTY,
        name=municipality.wellbeing_services_county,
    ).first()


def typ_partners(area_id):
    return Partner.objects.filter(area_id=area_id, kind__in=TYP_PARTNER_KINDS).order_by("kind", "name")


def _allowed(by, jobseeker, errors: Errors) -> None:
    if not permissions_cooperation.can_work_with_cooperation_clients(by, jobseeker):
        errors.add("__all__", _("Et voi kirjata tämän työnhakijan tietoja."))


def facts_of(jobseeker, *, on, labour_market_subsidy_days, needs_multisectoral_services) -> typ_rules.TypInput:
    """The rule's input: age and unbroken unemployment from the registry, the subsidy days and the need as given."""
    return typ_rules.TypInput(
        on=on,
        age=jobseeker.age(on),
        continuous_unemployment_months=jobseeker.unemployment_months(on),
        labour_market_subsidy_days=labour_market_subsidy_days,
        needs_multisectoral_services=needs_multisectoral_services,
    )


def assess(
    jobseeker, *, on, labour_market_subsidy_days, needs_multisectoral_services, need_description, by
) -> TypAssessmentRecord:
    errors = Errors()
    _allowed(by, jobseeker, errors)
    if on is None:
        errors.add("assessed_on", _("Anna arvioinnin päivä."))
    if labour_market_subsidy_days is not None and not 0 <= labour_market_subsidy_days <= MAX_SUBSIDY_DAYS:
        errors.add("labour_market_subsidy_days", _("Anna päivät väliltä 0–%(max)s.") % {"max": MAX_SUBSIDY_DAYS})
    description = _text(need_description, errors, "need_description", required=needs_multisectoral_services is True)
    if on is not None and on < jobseeker.birth_date:
        errors.add("assessed_on", _("Päivä on ennen syntymää."))
    errors.raise_if_any()
    facts = facts_of(
        jobseeker,
        on=on,
        labour_market_subsidy_days=labour_market_subsidy_days,
        needs_multisectoral_services=needs_multisectoral_services,
    )
    try:
        found = typ_rules.assess(facts)
    except typ_rules.NoTypRuleInForce:
        errors.add("assessed_on", _("Päivälle ei ole voimassa olevaa sääntöä."))
        errors.raise_if_any()
    return TypAssessmentRecord.objects.create(
        jobseeker=jobseeker,
        assessed_on=on,
        age=facts.age,
        continuous_unemployment_months=facts.continuous_unemployment_months,
        labour_market_subsidy_days=labour_market_subsidy_days,
        needs_multisectoral_services=needs_multisectoral_services,
        need_description=description,
        rule_id=found.rule.id,
        rule_section=found.rule.section,
        rule_source=found.rule.source,
        assessment_due=found.assessment_due,
        eligible=found.eligible,
        reasons=[{"code": reason.code, "params": reason.params} for reason in found.reasons],
        assessed_by=by,
    )


@transaction.atomic
def open_client(jobseeker, *, started_on, joint_plan, county_contact, kela_contact, by) -> TypClient:
    """Start the TYP client relationship on the latest assessment that found the need.

    A double submit races two of these: the lock makes the second wait and see the first's row (on PostgreSQL the
    advisory lock, on SQLite the write lock every transaction takes at BEGIN, tyollisyysalue/settings.py); should a
    writer get past it anyway, the one-open-relationship constraint refuses the second and that refusal becomes the
    same form error as the check below."""
    serialize_on(f"cooperation.typ_client:{jobseeker.pk}")
    errors = Errors()
    _allowed(by, jobseeker, errors)
    latest = TypAssessmentRecord.objects.filter(jobseeker=jobseeker).order_by("-assessed_on", "-pk").first()
    if latest is None or latest.eligible is not True:
        errors.add("__all__", _("Viimeisin arvio ei todennut monialaisen palvelun tarvetta."))
    if has_open_client(jobseeker):
        errors.add("__all__", _already_client())
    county = wellbeing_county_for(jobseeker.municipality)
    if county is None:
        errors.add("__all__", _("Kotikunnan hyvinvointialuetta ei löydy alueen yhteistyökumppaneista."))
    if started_on is None:
        errors.add("started_on", _("Anna alkamispäivä."))
    elif latest is not None and started_on < latest.assessed_on:
        errors.add("started_on", _("Asiakkuus ei voi alkaa ennen arviota."))
    plan = _text(joint_plan, errors, "joint_plan")
    county_text = _text(county_contact, errors, "county_contact", required=False)
    kela_text = _text(kela_contact, errors, "kela_contact", required=False)
    errors.raise_if_any()
    try:
        with transaction.atomic():
            return TypClient.objects.create(
                jobseeker=jobseeker,
                municipality_id=jobseeker.municipality_id,
                assessment=latest,
                wellbeing_county=county,
                county_contact=county_text,
                kela_contact=kela_text,
                joint_plan=plan,
                started_on=started_on,
                created_by=by,
            )
    except IntegrityError:
        errors.add("__all__", _already_client())
        errors.raise_if_any()


def _already_client() -> str:
    return _("Työnhakijalla on jo voimassa oleva monialaisen palvelun asiakkuus.")


def has_open_client(jobseeker) -> bool:
    return TypClient.objects.filter(jobseeker=jobseeker, ended_on__isnull=True).exists()


@transaction.atomic
def end_client(client: TypClient, *, ended_on, by) -> TypClient:
    errors = Errors()
    _allowed(by, client.jobseeker, errors)
    client = TypClient.objects.select_for_update().get(pk=client.pk)
    if client.ended_on is not None:
        errors.add("ended_on", _("Asiakkuus on jo päättynyt."))
    elif ended_on is None:
        errors.add("ended_on", _("Anna päättymispäivä."))
    elif ended_on < client.started_on:
        errors.add("ended_on", _("Asiakkuus ei voi päättyä ennen alkuaan."))
    errors.raise_if_any()
    client.ended_on = ended_on
    client.save(update_fields=["ended_on"])
    return client


def give_consent(jobseeker, *, recipient, information, purpose, given_on, valid_until, by) -> Consent:
    """Record the person's consent: which information (categories) to which partner, for what, until when."""
    errors = Errors()
    _allowed(by, jobseeker, errors)
    partner = typ_partners(jobseeker.area_id).filter(pk=recipient).first() if str(recipient).isdigit() else None
    if partner is None:
        errors.add("recipient", _("Valitse hyvinvointialue tai Kela."))
    categories = sorted(set(information or []))
    if not categories:
        errors.add("information", _("Valitse vähintään yksi luovutettava tieto."))
    elif not set(categories) <= set(enums.InformationCategory.values):
        errors.add("information", _("Tuntematon tietoryhmä."))
    purpose_text = _text(purpose, errors, "purpose")
    if given_on is None:
        errors.add("given_on", _("Anna suostumuksen päivä."))
    if valid_until is None:
        errors.add("valid_until", _("Anna päivä, johon asti suostumus on voimassa."))
    elif given_on is not None and valid_until < given_on:
        errors.add("valid_until", _("Voimassaolo ei voi päättyä ennen suostumuksen antamista."))
    errors.raise_if_any()
    return Consent.objects.create(
        jobseeker=jobseeker,
        recipient=partner,
        information=categories,
        purpose=purpose_text,
        given_on=given_on,
        valid_until=valid_until,
        recorded_by=by,
    )


@transaction.atomic
def withdraw_consent(consent: Consent, *, withdrawn_on, note, by) -> Consent:
    """The person withdraws the consent from a day on; nothing is disclosed or referred under it after that."""
    errors = Errors()
    _allowed(by, consent.jobseeker, errors)
    consent = Consent.objects.select_for_update().get(pk=consent.pk)
    if consent.withdrawn_on is not None:
        errors.add("withdrawn_on", _("Suostumus on jo peruttu."))
    elif withdrawn_on is None:
        errors.add("withdrawn_on", _("Anna perumisen päivä."))
    elif withdrawn_on < consent.given_on:
        errors.add("withdrawn_on", _("Suostumusta ei voi perua ennen sen antamista."))
    note_text = _text(note, errors, "withdrawal_note", required=False)
    errors.raise_if_any()
    consent.withdrawn_on = withdrawn_on
    consent.withdrawal_note = note_text
    consent.withdrawn_recorded_by = by
    consent.save(update_fields=["withdrawn_on", "withdrawal_note", "withdrawn_recorded_by"])
    return consent


@transaction.atomic
def refer(jobseeker, *, consent, reason, referred_on, by) -> TypReferral:
    """Refer the person to the partner their consent names, only while that consent is in force."""
    errors = Errors()
    _allowed(by, jobseeker, errors)
    found = (
        Consent.objects.select_for_update().filter(pk=consent, jobseeker=jobseeker).first()
        if str(consent).isdigit()
        else None
    )
    if found is None:
        errors.add("consent", _("Valitse työnhakijan antama suostumus."))
    if referred_on is None:
        errors.add("referred_on", _("Anna ohjauksen päivä."))
    elif referred_on > service_today():
        # A referral dated ahead would stand under a consent the person withdraws before that day.
        errors.add("referred_on", _("Ohjausta ei voi kirjata tulevalle päivälle."))
    elif found is not None and found.withdrawn_on is not None:
        errors.add("consent", _("Suostumus on peruttu; sen nojalla ei voi ohjata."))
    elif found is not None and not found.in_force(referred_on):
        errors.add("consent", _("Suostumus ei ole voimassa ohjauksen päivänä."))
    reason_text = _text(reason, errors, "reason")
    errors.raise_if_any()
    return TypReferral.objects.create(
        jobseeker=jobseeker,
        partner=found.recipient,
        consent=found,
        referred_on=referred_on,
        reason=reason_text,
        referred_by=by,
    )
