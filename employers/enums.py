"""The controlled lists of employers and vacancies, and the vacancy's states with the moves allowed between them."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class WorkingTime(models.TextChoices):
    FULL_TIME = "full_time", _("kokoaikainen")
    PART_TIME = "part_time", _("osa-aikainen")


class EmploymentType(models.TextChoices):
    PERMANENT = "permanent", _("toistaiseksi voimassa oleva")
    FIXED_TERM = "fixed_term", _("määräaikainen")


class VacancyStatus(models.TextChoices):
    DRAFT = "draft", _("luonnos")
    OPEN = "open", _("avoin")
    FILLED = "filled", _("täytetty")
    CLOSED = "closed", _("suljettu")
    CANCELLED = "cancelled", _("peruttu")

    def allowed_next(self) -> tuple["VacancyStatus", ...]:
        """A draft is published or dropped; an open vacancy is filled, closed or cancelled; a closed one can be opened
        again (a deadline extended). Filled and cancelled are final: a new need is a new vacancy."""
        return _TRANSITIONS[self]

    def can_become(self, other) -> bool:
        return VacancyStatus(other) in self.allowed_next()

    @property
    def is_editable(self) -> bool:
        return self not in (VacancyStatus.FILLED, VacancyStatus.CANCELLED)


_TRANSITIONS = {
    VacancyStatus.DRAFT: (VacancyStatus.OPEN, VacancyStatus.CANCELLED),
    VacancyStatus.OPEN: (VacancyStatus.FILLED, VacancyStatus.CLOSED, VacancyStatus.CANCELLED),
    VacancyStatus.CLOSED: (VacancyStatus.OPEN,),
    VacancyStatus.FILLED: (),
    VacancyStatus.CANCELLED: (),
}

# The states a vacancy may be created in; the rest are reached by a transition.
INITIAL_STATUSES = (VacancyStatus.DRAFT, VacancyStatus.OPEN)


class Source(models.TextChoices):
    """Where a vacancy came from; an imported one is identified by its source and the source's own id."""

    MANUAL = "manual", _("kirjattu täällä")
    TYOMARKKINATORI = "tyomarkkinatori", _("Työmarkkinatori")
    EURES = "eures", _("EURES")
    EMPLOYER = "employer", _("työnantajan ilmoitus")
    OTHER = "other", _("muu lähde")


class Language(models.TextChoices):
    """ISO 639-1 codes, as the job-seeker registry stores a person's languages, so the two can be compared."""

    FI = "fi", _("suomi")
    SV = "sv", _("ruotsi")
    EN = "en", _("englanti")
    SE = "se", _("pohjoissaame")
    RU = "ru", _("venäjä")
    ET = "et", _("viro")
    DE = "de", _("saksa")
    FR = "fr", _("ranska")
    ES = "es", _("espanja")
    UK = "uk", _("ukraina")
    AR = "ar", _("arabia")
    FA = "fa", _("persia")
    SO = "so", _("somali")
    PL = "pl", _("puola")
    TH = "th", _("thai")
    ZH = "zh", _("kiina")


class DrivingLicence(models.TextChoices):
    """Driving-licence categories of the Driving Licence Directive 2006/126/EC (ajokorttiluokat), plus the national
    T (tractor)."""

    AM = "AM", _("AM (mopo)")
    A1 = "A1", _("A1 (kevyt moottoripyörä)")
    A2 = "A2", _("A2 (moottoripyörä, enintään 35 kW)")
    A = "A", _("A (moottoripyörä)")
    B = "B", _("B (henkilöauto)")
    BE = "BE", _("BE (henkilöauto ja perävaunu)")
    C1 = "C1", _("C1 (kevyt kuorma-auto)")
    C1E = "C1E", _("C1E (kevyt kuorma-auto ja perävaunu)")
    C = "C", _("C (kuorma-auto)")
    CE = "CE", _("CE (yhdistelmäajoneuvo)")
    D1 = "D1", _("D1 (pienoislinja-auto)")
    D1E = "D1E", _("D1E (pienoislinja-auto ja perävaunu)")
    D = "D", _("D (linja-auto)")
    DE = "DE", _("DE (linja-auto ja perävaunu)")
    T = "T", _("T (traktori)")


class Card(models.TextChoices):
    """Cards and certificates Finnish employers ask for by name."""

    HYGIENE_PASSPORT = "hygiene_passport", _("hygieniapassi")
    OCCUPATIONAL_SAFETY = "occupational_safety", _("työturvallisuuskortti")
    HOT_WORK = "hot_work", _("tulityökortti")
    ELECTRICAL_SAFETY = "electrical_safety", _("sähkötyöturvallisuuskortti")
    ROAD_SAFETY = "road_safety", _("tieturva")
    FIRST_AID = "first_aid", _("ensiapukortti (EA 1)")
    ALCOHOL_PASSPORT = "alcohol_passport", _("anniskelupassi")
    PROFESSIONAL_DRIVER = "professional_driver", _("kuljettajan ammattipätevyys")
    ADR = "adr", _("ADR-ajolupa (vaaralliset aineet)")
    FORKLIFT = "forklift", _("trukkikortti")
    SECURITY_GUARD = "security_guard", _("vartijakortti")
    PHARMACOTHERAPY = "pharmacotherapy", _("lääkehoidon osaaminen (LOVe)")
