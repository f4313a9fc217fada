"""Choices of the cooperation services (plan §2, §4, §5), with behaviour where a rule belongs to the state."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ServiceType(models.TextChoices):
    """What a service need asks to be bought (the centralised training, coaching and expert services of plan §2)."""

    LABOUR_MARKET_TRAINING = "labour_market_training", _("työvoimakoulutus")
    COACHING = "coaching", _("valmennus")
    CAREER_GUIDANCE = "career_guidance", _("ammatinvalinnanohjaus")
    PSYCHOLOGIST_ASSESSMENT = "psychologist_assessment", _("psykologin ammatinvalinnan arvio")
    EXPERT_ASSESSMENT = "expert_assessment", _("asiantuntija-arvio")
    INTEGRATION_TRAINING = "integration_training", _("kotoutumiskoulutus")
    OTHER = "other", _("muu palvelu")


class Urgency(models.TextChoices):
    NORMAL = "normal", _("tavallinen")
    URGENT = "urgent", _("kiireellinen")


class NeedState(models.TextChoices):
    """A service need's way through the procurement working group."""

    RAISED = "raised", _("odottaa käsittelyä")
    ON_AGENDA = "on_agenda", _("esityslistalla")
    POSTPONED = "postponed", _("siirretty")
    ACCEPTED = "accepted", _("hyväksytty hankintaan")
    REJECTED = "rejected", _("hylätty")
    PROCURED = "procured", _("hankittu")

    @property
    def can_go_on_agenda(self) -> bool:
        return self in (NeedState.RAISED, NeedState.POSTPONED)

    @property
    def can_be_procured(self) -> bool:
        return self in (NeedState.ACCEPTED, NeedState.PROCURED)


class Handling(models.TextChoices):
    """What the working group's meeting recorded for a need on its agenda."""

    ACCEPTED = "accepted", _("hyväksytty hankintaan")
    REJECTED = "rejected", _("hylätty")
    POSTPONED = "postponed", _("siirretty myöhemmäksi")

    @property
    def need_state(self) -> NeedState:
        return NeedState(self.value)


class Procedure(models.TextChoices):
    """The procurement procedure (Act 1397/2016 on public procurement)."""

    OPEN = "open", _("avoin menettely")
    RESTRICTED = "restricted", _("rajoitettu menettely")
    NEGOTIATED = "negotiated", _("neuvottelumenettely")
    FRAMEWORK_CALL_OFF = "framework_call_off", _("puitejärjestelyn minikilpailutus")
    DIRECT_AWARD = "direct_award", _("suorahankinta")
    SMALL_PROCUREMENT = "small_procurement", _("kansallisen kynnysarvon alittava hankinta")


class PlaceOutcome(models.TextChoices):
    """How a job seeker's place in a bought service or on a language course went."""

    REFERRED = "referred", _("ohjattu")
    STARTED = "started", _("aloittanut")
    COMPLETED = "completed", _("suorittanut")
    INTERRUPTED = "interrupted", _("keskeyttänyt")
    DID_NOT_START = "did_not_start", _("ei aloittanut")

    @property
    def uses_place(self) -> bool:
        """A place counts as used once the person started; a referral not (yet) started holds it."""
        return self in (PlaceOutcome.STARTED, PlaceOutcome.COMPLETED, PlaceOutcome.INTERRUPTED)

    @property
    def holds_place(self) -> bool:
        return self != PlaceOutcome.DID_NOT_START

    @property
    def is_going(self) -> bool:
        """Counted as taking part in language training: started or completed."""
        return self in (PlaceOutcome.STARTED, PlaceOutcome.COMPLETED)


class InformationCategory(models.TextChoices):
    """What a consent lets the employment services disclose to a partner in the multisectoral service."""

    CONTACT = "contact", _("yhteystiedot")
    EMPLOYMENT_PLAN = "employment_plan", _("työllistymissuunnitelma")
    JOB_SEARCH = "job_search", _("työnhaun tiedot")
    WORK_ABILITY = "work_ability", _("työ- ja toimintakyvyn tiedot")
    BENEFITS = "benefits", _("etuustiedot")
    SOCIAL_SERVICES = "social_services", _("sosiaalipalveluiden tarve")


class SpouseAim(models.TextChoices):
    WORK = "work", _("työpaikka")
    STUDY = "study", _("opiskelupaikka")
    BOTH = "both", _("työ- tai opiskelupaikka")


class SpouseOutcome(models.TextChoices):
    """A follow-up of the spouse-job service (Puolisotyöpaikka): where the spouse is now."""

    SEARCHING = "searching", _("etsii yhä")
    EMPLOYED = "employed", _("työllistynyt")
    STUDYING = "studying", _("opiskelee")
    IN_SERVICES = "in_services", _("palveluissa")
    MOVED_AWAY = "moved_away", _("muuttanut pois alueelta")

    @property
    def is_placed(self) -> bool:
        return self in (SpouseOutcome.EMPLOYED, SpouseOutcome.STUDYING)


class VisitTopic(models.TextChoices):
    """What a young person came to the youth point (Ohjaamo) about."""

    JOB_SEARCH = "job_search", _("työnhaku")
    EDUCATION = "education", _("koulutus ja opiskelu")
    WELLBEING = "wellbeing", _("hyvinvointi ja terveys")
    LIVING = "living", _("asuminen ja raha-asiat")
    OTHER = "other", _("muu asia")


class PartnerOutcome(models.TextChoices):
    """How a referral to a partner (Työkanava Oy, an education provider, the induction programme) went."""

    PENDING = "pending", _("odottaa")
    STARTED = "started", _("aloittanut")
    COMPLETED = "completed", _("päättynyt tavoitteeseen")
    INTERRUPTED = "interrupted", _("keskeytynyt")
    DECLINED = "declined", _("ei aloittanut")


class IntegrationPlanStatus(models.TextChoices):
    """Where a person's integration plan (kotoutumissuunnitelma) stands, as staff record it."""

    IN_FORCE = "in_force", _("voimassa")
    ENDED = "ended", _("päättynyt")
    INTERRUPTED = "interrupted", _("keskeytynyt")


class InfoTopic(models.TextChoices):
    """What a foreign-language customer asked International Info about."""

    WORK = "work", _("työ ja työnhaku")
    LANGUAGE = "language", _("kielikoulutus")
    EDUCATION = "education", _("koulutus ja opiskelu")
    SETTLING = "settling", _("asettautuminen ja arki")
    SERVICES = "services", _("viranomaispalvelut")
    OTHER = "other", _("muu asia")


class EventKind(models.TextChoices):
    """Kinds of the recruitment events of plan §5."""

    FAIR = "fair", _("rekrytointimessut")
    RECRUITMENT_EVENT = "recruitment_event", _("rekrytointitilaisuus")
    INFO_SESSION = "info_session", _("työnantajan infotilaisuus")
    ONLINE = "online", _("verkkorekrytointitapahtuma")
