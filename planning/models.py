from decimal import Decimal

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from planning import enums, scenarios


class Scenario(models.Model):
    """A named set of changes over months, projected against the baseline for 24 months from its start month."""

    area = models.ForeignKey("organisation.EmploymentArea", on_delete=models.CASCADE, related_name="+")
    name = models.CharField(_("nimi"), max_length=200)
    start_month = models.DateField(_("alkukuukausi"), help_text=_("Kuukauden ensimmäinen päivä."))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("laatija"), on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(_("laadittu"), auto_now_add=True)

    class Meta:
        verbose_name = _("skenaario")
        verbose_name_plural = _("skenaariot")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return self.name


class ScenarioChange(models.Model):
    scenario = models.ForeignKey(Scenario, on_delete=models.CASCADE, related_name="changes")
    kind = models.CharField(_("muutos"), max_length=30, choices=enums.ChangeKind.choices)
    municipality = models.ForeignKey(
        "organisation.Municipality", verbose_name=_("kunta"), on_delete=models.PROTECT, related_name="+"
    )
    month = models.DateField(_("kuukausi"), help_text=_("Kuukauden ensimmäinen päivä."))
    employer = models.CharField(_("työnantaja"), max_length=200, blank=True)
    people = models.PositiveIntegerField(_("henkilöitä"), null=True, blank=True)
    share_registering = models.DecimalField(
        _("työnhakijaksi ilmoittautuvien osuus"), max_digits=4, decimal_places=3, null=True, blank=True
    )
    monthly_outflow = models.DecimalField(
        _("työllistyvien osuus kuukaudessa"), max_digits=4, decimal_places=3, null=True, blank=True
    )
    percent = models.DecimalField(_("muutos, %"), max_digits=6, decimal_places=2, null=True, blank=True)
    fte = models.DecimalField(_("htv-muutos"), max_digits=6, decimal_places=2, null=True, blank=True)

    class Meta:
        verbose_name = _("skenaarion muutos")
        verbose_name_plural = _("skenaarion muutokset")
        ordering = ["month", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(share_registering__isnull=True) | Q(share_registering__gte=0, share_registering__lte=1),
                name="scenario_change_share_0_1",
            ),
            models.CheckConstraint(
                condition=Q(monthly_outflow__isnull=True) | Q(monthly_outflow__gte=0, monthly_outflow__lte=1),
                name="scenario_change_outflow_0_1",
            ),
            models.CheckConstraint(
                condition=Q(percent__isnull=True) | Q(percent__gte=-100), name="scenario_change_percent_min"
            ),
        ]

    def __str__(self):
        return f"{self.scenario}: {self.get_kind_display()} {self.municipality_id} {self.month:%Y-%m}"

    def as_core(self) -> scenarios.Change:
        return scenarios.Change(
            kind=scenarios.Kind(self.kind),
            municipality_code=self.municipality.code,
            month=self.month,
            people=self.people or 0,
            share_registering=Decimal(1) if self.share_registering is None else self.share_registering,
            percent=self.percent or Decimal(0),
            fte=self.fte or Decimal(0),
            monthly_outflow=scenarios.DEFAULT_MONTHLY_OUTFLOW if self.monthly_outflow is None else self.monthly_outflow,
        )
