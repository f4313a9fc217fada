from django.db import models
from django.utils.translation import gettext_lazy as _

from labour_market import figures
from labour_market.consistency import findings


class FigureStatus(models.TextChoices):
    PUBLISHED = figures.Status.PUBLISHED.value, _("julkaistu luku")
    SUPPRESSED = figures.Status.SUPPRESSED.value, _("salattu (...)")
    MISSING = figures.Status.MISSING.value, _("puuttuu")
    ZERO = figures.Status.ZERO.value, _("nolla")


class Unit(models.TextChoices):
    COUNT = "count", _("lukumäärä")
    PERCENT = "percent", _("prosentti")


class Concept(models.TextChoices):
    LABOUR_FORCE = figures.Concept.LABOUR_FORCE.value, _("työvoima")
    UNEMPLOYED = figures.Concept.UNEMPLOYED.value, _("työttömät")
    UNEMPLOYMENT_RATE = figures.Concept.UNEMPLOYMENT_RATE.value, _("työttömyysaste")
    UNEMPLOYED_MEN = figures.Concept.UNEMPLOYED_MEN.value, _("työttömät miehet")
    UNEMPLOYED_WOMEN = figures.Concept.UNEMPLOYED_WOMEN.value, _("työttömät naiset")
    UNEMPLOYED_UNDER_20 = figures.Concept.UNEMPLOYED_UNDER_20.value, _("alle 20-vuotiaat työttömät")
    UNEMPLOYED_UNDER_25 = figures.Concept.UNEMPLOYED_UNDER_25.value, _("alle 25-vuotiaat työttömät")
    LONG_TERM_UNEMPLOYED = figures.Concept.LONG_TERM_UNEMPLOYED.value, _("pitkäaikaistyöttömät")
    FOREIGN_UNEMPLOYED = figures.Concept.FOREIGN_UNEMPLOYED.value, _("ulkomaalaiset työttömät")
    VACANCIES = figures.Concept.VACANCIES.value, _("avoimet työpaikat")


class TableKind(models.TextChoices):
    MUNICIPAL = "municipal", _("kuukausittaiset kuntaluvut")
    COMMUTING = "commuting", _("pendelöinti")


class TableOrigin(models.TextChoices):
    AREA_DATA = "area_data", _("alueen tietokansio")
    IMPORT = "import", _("tuotu tiedosto")


class Severity(models.TextChoices):
    """How much a consistency finding weighs: a published figure that is wrong, or one worth a note."""

    INCONSISTENCY = findings.Severity.INCONSISTENCY.value, _("ristiriita")
    NOTE = findings.Severity.NOTE.value, _("huomio")

    @property
    def is_inconsistency(self) -> bool:
        return self == Severity.INCONSISTENCY

    @classmethod
    def count_inconsistencies(cls, found) -> int:
        """How many of `found` findings are inconsistencies; the rest are notes."""
        return sum(1 for finding in found if cls(finding.severity).is_inconsistency)
