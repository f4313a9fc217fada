from django.db import models
from django.utils.translation import gettext_lazy as _

from planning import scenarios


class Source(models.TextChoices):
    """Where a unit's clients come from: the registry today, or the statistics when planning ahead."""

    REGISTRY = "registry", _("asiakasrekisteri")
    STATISTICS = "statistics", _("tilastot (työttömät × kerroin)")


class Basis(models.TextChoices):
    """Which of the plan's FTE figures a page assesses."""

    PLANNED_LOW = "planned_low", _("suunnitelma (vaihteluvälin alaraja)")
    PLANNED_HIGH = "planned_high", _("suunnitelma (vaihteluvälin yläraja)")
    FILLED = "filled", _("täytetyt")


class ChangeKind(models.TextChoices):
    LAYOFF = scenarios.Kind.LAYOFF.value, _("irtisanomiset tai lomautukset")
    HIRING = scenarios.Kind.HIRING.value, _("rekrytoinnit")
    UNEMPLOYMENT_CHANGE = scenarios.Kind.UNEMPLOYMENT_CHANGE.value, _("työttömyyden muutos")
    STAFFING_CHANGE = scenarios.Kind.STAFFING_CHANGE.value, _("henkilöstömuutos")


class SituationKind(models.TextChoices):
    """A structural change the working group prepares for (plan §6); a large recruitment is a positive change."""

    CHANGE_NEGOTIATIONS = "change_negotiations", _("muutosneuvottelut")
    CLOSURE = "closure", _("toiminnan lopettaminen")
    LAYOFF = "layoff", _("lomautukset tai irtisanomiset")
    LARGE_RECRUITMENT = "large_recruitment", _("suuri rekrytointi")


class SituationStatus(models.TextChoices):
    ANNOUNCED = "announced", _("ilmoitettu")
    PREPARING = "preparing", _("varautuminen käynnissä")
    ACTIVE = "active", _("palvelut käynnissä")
    CLOSED = "closed", _("päättynyt")


class ChangeSecurityStatus(models.TextChoices):
    """Where a change-security customer is now, derived from the registry (planning/change_security.py)."""

    REGISTERED = "registered", _("työnhakijana")
    IN_SERVICES = "in_services", _("palveluissa")
    EMPLOYED = "employed", _("työllistynyt")
    ENDED_OTHERWISE = "ended_otherwise", _("työnhaku päättynyt muusta syystä")
