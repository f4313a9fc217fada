from django.db import models
from django.utils.translation import gettext_lazy as _


class TargetGroup(models.TextChoices):
    ALL = "all", _("kaikki asiakkaat")
    YOUTH = "youth", _("nuoret")
    ADULTS = "adults", _("aikuiset")
    FOREIGN_LANGUAGE = "foreign_language", _("vieraskieliset")
    MULTISECTORAL = "multisectoral", _("monialainen palvelu (TYP)")
    EMPLOYER_SERVICES = "employer_services", _("työnantaja- ja yrityspalvelut")
    INTERNATIONAL = "international", _("kansainväliset palvelut")


class StaffRole(models.TextChoices):
    COUNSELLOR = "counsellor", _("työllisyysohjaaja")
    EXPERT = "expert", _("asiantuntija")
    SUPERVISOR = "supervisor", _("lähiesihenkilö")
    MANAGER = "manager", _("päällikkö")
    SERVICE_COORDINATOR = "service_coordinator", _("palveluohjaaja")
    INTEGRATION_COUNSELLOR = "integration_counsellor", _("kotoutumisen ohjaaja")
    COORDINATOR = "coordinator", _("koordinaattori")
    ADVISOR = "advisor", _("neuvoja")
    BUSINESS_ADVISOR = "business_advisor", _("yritysneuvoja")
    PROCUREMENT = "procurement", _("hankinta")
    ADMINISTRATIVE = "administrative", _("hallinto")
    WORKSHOP = "workshop", _("työpaja- ja nuorten palvelut")


class StaffOrigin(models.TextChoices):
    MUNICIPAL = "municipal", _("kunnan nykyinen henkilöstö")
    STATE_TRANSFER = "state_transfer", _("siirtyy valtiolta")
    TO_BE_RECRUITED = "to_be_recruited", _("rekrytoidaan")
    TRANSFER_OR_RECRUITED = "transfer_or_recruited", _("siirtyy valtiolta tai rekrytoidaan")


class PositionStatus(models.TextChoices):
    PLANNED = "planned", _("suunniteltu")
    FILLED = "filled", _("täytetty")


class MeetingPlace(models.TextChoices):
    SERVED_MUNICIPALITY_OFFICE = "served_municipality_office", _("asiakkaan oman kunnan toimipiste")
    PROVIDER_OFFICE = "provider_office", _("palvelun tuottavan kunnan toimipiste")
    NAMED_OFFICE = "named_office", _("nimetty toimipiste")
    # The plan names no place (e.g. an arrangement it gives only as an example): no office is invented.
    NOT_STATED = "not_stated", _("suunnitelma ei kerro tapaamispaikkaa")


class CaseloadBound(models.TextChoices):
    """How the plan words a caseload target: read by organisation/caseload_bounds.py (values mirror its Bound)."""

    RANGE = "range", _("vaihteluväli (rajat mukaan lukien)")
    BELOW = "below", _("alle (raja itse ylittää)")
    ABOUT = "about", _("noin (toleranssi molempiin suuntiin)")


class ArrangementRole(models.TextChoices):
    PRIMARY = "primary", _("vastaa palvelusta")
    SUPPLEMENTARY = "supplementary", _("täydentää palvelua")


class ServiceCategory(models.TextChoices):
    EMPLOYER_BUSINESS = "employer_business", _("työnantaja- ja yrityspalvelut")
    PROCUREMENT = "procurement", _("hankinnat ja kilpailutukset")
    COORDINATION = "coordination", _("koordinointi")
    COMMUNICATIONS = "communications", _("viestintä ja markkinointi")
    PHONE_SERVICE = "phone_service", _("puhelinpalvelu")
    GUIDANCE = "guidance", _("ohjaus- ja asiantuntijapalvelut")
    INDUCTION = "induction", _("perehdytys")
    RISK_MANAGEMENT = "risk_management", _("riskienhallinta")
    LEGAL_SUPPORT = "legal_support", _("oikeudellinen tuki")
    TRAINING = "training", _("koulutus- ja valmennuspalvelut")


class CaseType(models.TextChoices):
    PAY_SUBSIDY = "pay_subsidy", _("palkkatuki")
    STARTUP_GRANT = "startup_grant", _("starttiraha")
    SELF_MOTIVATED_STUDY = "self_motivated_study", _("omaehtoinen opiskelu")
    FOREIGN_LANGUAGE_SERVICES = "foreign_language_services", _("vieraskielisten palvelut")
    PERSONAL_CUSTOMER_SERVICE = "personal_customer_service", _("henkilöasiakas- ja työnvälityspalvelut")


class PaymentArrangement(models.TextChoices):
    CENTRAL = "central", _("keskitetysti vastuukunnan kautta")
    MUNICIPAL_FINANCE = "municipal_finance", _("kunnan taloushallinnon kautta")
    UNDECIDED = "undecided", _("ratkaisematta")
    NOT_APPLICABLE = "not_applicable", _("ei koske")


class DelegationStatus(models.TextChoices):
    PLANNED = "planned", _("suunniteltu")
    AGREED = "agreed", _("sovittu")


class BodyKind(models.TextChoices):
    LEADERSHIP_GROUP = "leadership_group", _("johtoryhmä")
    WORKING_GROUP = "working_group", _("työryhmä")


class BodyRole(models.TextChoices):
    DECIDES = "decides", _("päättää")
    SUPPORTS = "supports", _("tukee päätöksentekoa")


class PartnerKind(models.TextChoices):
    WELLBEING_SERVICES_COUNTY = "wellbeing_services_county", _("hyvinvointialue")
    SOCIAL_INSURANCE = "social_insurance", _("Kela")
    EDUCATION_PROVIDER = "education_provider", _("oppilaitos")
    BUSINESS_SERVICES = "business_services", _("elinkeino- ja yrityspalvelut")
    STATE_AGENCY = "state_agency", _("valtion virasto")
    REGIONAL_COUNCIL = "regional_council", _("maakunnan liitto")
    COMPANY = "company", _("yhtiö")
