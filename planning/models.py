from decimal import Decimal

from django.conf import settings
from django.db import models
from django.db.models import F, Q
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


# --- Shared phone service (plan §2, §3) -------------------------------------------------------------------------------


class PhoneVolumeWeek(models.Model):
    """A week of hourly call volumes (forecast or observed) with the service-level target it is staffed for."""

    area = models.ForeignKey("organisation.EmploymentArea", on_delete=models.CASCADE, related_name="+")
    name = models.CharField(_("nimi"), max_length=200)
    average_handling_seconds = models.PositiveIntegerField(_("keskimääräinen käsittelyaika, s"))
    target_answer_seconds = models.PositiveIntegerField(_("vastausaikatavoite, s"))
    target_service_level = models.DecimalField(_("palvelutasotavoite"), max_digits=4, decimal_places=3)
    shrinkage = models.DecimalField(_("poissaolokerroin"), max_digits=4, decimal_places=3, default=Decimal(0))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("laatija"), on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(_("laadittu"), auto_now_add=True)

    class Meta:
        verbose_name = _("puhelumäärien viikko")
        verbose_name_plural = _("puhelumäärien viikot")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(target_service_level__gte=0, target_service_level__lte=1), name="phone_week_level_0_1"
            ),
            models.CheckConstraint(condition=Q(shrinkage__gte=0, shrinkage__lt=1), name="phone_week_shrinkage"),
            models.CheckConstraint(condition=Q(average_handling_seconds__gt=0), name="phone_week_handling_positive"),
        ]

    def __str__(self):
        return self.name


class PhoneVolume(models.Model):
    """Calls in one hour of one weekday (ISO: 1 = Monday); hours not stored have no calls."""

    week = models.ForeignKey(PhoneVolumeWeek, on_delete=models.CASCADE, related_name="volumes")
    weekday = models.PositiveSmallIntegerField(_("viikonpäivä"))
    hour = models.PositiveSmallIntegerField(_("tunti"))
    calls = models.DecimalField(_("puheluita"), max_digits=8, decimal_places=1)

    class Meta:
        verbose_name = _("tunnin puhelumäärä")
        verbose_name_plural = _("tuntien puhelumäärät")
        ordering = ["weekday", "hour"]
        constraints = [
            models.UniqueConstraint(fields=["week", "weekday", "hour"], name="phone_volume_unique_hour"),
            models.CheckConstraint(condition=Q(weekday__gte=1, weekday__lte=7), name="phone_volume_weekday"),
            models.CheckConstraint(condition=Q(hour__lte=23), name="phone_volume_hour"),
            models.CheckConstraint(condition=Q(calls__gte=0), name="phone_volume_calls"),
        ]

    def __str__(self):
        return f"{self.week_id} {self.weekday} {self.hour}: {self.calls}"


class PhoneRotaEntry(models.Model):
    """A municipality's staff on the shared line: how many agents on a weekday from one hour to another."""

    area = models.ForeignKey("organisation.EmploymentArea", on_delete=models.CASCADE, related_name="+")
    municipality = models.ForeignKey(
        "organisation.Municipality", verbose_name=_("kunta"), on_delete=models.PROTECT, related_name="+"
    )
    weekday = models.PositiveSmallIntegerField(_("viikonpäivä"))
    start_hour = models.PositiveSmallIntegerField(_("alkaen, tunti"))
    end_hour = models.PositiveSmallIntegerField(_("päättyen, tunti"))
    agents = models.PositiveSmallIntegerField(_("vastaajia"))

    class Meta:
        verbose_name = _("puhelinvuoro")
        verbose_name_plural = _("puhelinvuorot")
        ordering = ["weekday", "start_hour", "municipality__name_fi", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(weekday__gte=1, weekday__lte=7), name="phone_rota_weekday"),
            models.CheckConstraint(
                condition=Q(start_hour__lt=F("end_hour"), end_hour__lte=24), name="phone_rota_hours"
            ),
            models.CheckConstraint(condition=Q(agents__gte=1), name="phone_rota_agents"),
        ]

    def __str__(self):
        return f"{self.municipality_id} {self.weekday} {self.start_hour}–{self.end_hour}"


# --- Structural change (plan §6) -----------------------------------------------------------------------------------


class ChecklistTemplateItem(models.Model):
    """An action of the preparedness plan for a kind of situation (data/planning/change_checklists.yaml)."""

    kind = models.CharField(_("tilanteen laji"), max_length=30, choices=enums.SituationKind.choices)
    key = models.SlugField(_("tunniste"), max_length=80)
    position = models.PositiveSmallIntegerField(_("järjestys"))
    title = models.CharField(_("toimenpide"), max_length=300)
    owner = models.CharField(_("vastuutaho"), max_length=200)
    due_days = models.IntegerField(_("määräpäivä, päivää ilmoituksesta"))

    class Meta:
        verbose_name = _("varautumissuunnitelman mallikohta")
        verbose_name_plural = _("varautumissuunnitelman mallikohdat")
        ordering = ["kind", "position"]
        constraints = [models.UniqueConstraint(fields=["kind", "key"], name="checklist_template_key_unique")]

    def __str__(self):
        return self.title


class ChangeSituation(models.Model):
    """An announced change at an employer: change negotiations, a closure, layoffs, or a large recruitment."""

    area = models.ForeignKey("organisation.EmploymentArea", on_delete=models.CASCADE, related_name="+")
    employer_name = models.CharField(_("työnantaja"), max_length=200)
    business_id = models.CharField(_("Y-tunnus"), max_length=9, blank=True)
    municipality = models.ForeignKey(
        "organisation.Municipality", verbose_name=_("kunta"), on_delete=models.PROTECT, related_name="+"
    )
    kind = models.CharField(_("laji"), max_length=30, choices=enums.SituationKind.choices)
    people_affected = models.PositiveIntegerField(_("henkilöitä koskee"))
    notice_date = models.DateField(_("ilmoitettu"))
    schedule = models.TextField(_("aikataulu"), blank=True)
    status = models.CharField(
        _("tila"), max_length=20, choices=enums.SituationStatus.choices, default=enums.SituationStatus.ANNOUNCED
    )
    sources = models.TextField(
        _("lähteet"), blank=True, help_text=_("Verkko-osoitteet tai muut lähteet, yksi riville.")
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("kirjaaja"), on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(_("kirjattu"), auto_now_add=True)

    class Meta:
        verbose_name = _("muutostilanne")
        verbose_name_plural = _("muutostilanteet")
        ordering = ["-notice_date", "-pk"]

    def __str__(self):
        return f"{self.employer_name} ({self.get_kind_display()})"

    def source_lines(self) -> list[str]:
        return [line.strip() for line in self.sources.splitlines() if line.strip()]


class ChecklistItem(models.Model):
    """An action of a situation's preparedness plan, with its owner, due date and done mark."""

    situation = models.ForeignKey(ChangeSituation, on_delete=models.CASCADE, related_name="items")
    position = models.PositiveSmallIntegerField(_("järjestys"))
    title = models.CharField(_("toimenpide"), max_length=300)
    owner = models.CharField(_("vastuutaho"), max_length=200, blank=True)
    due_on = models.DateField(_("määräpäivä"), null=True, blank=True)
    done_on = models.DateField(_("tehty"), null=True, blank=True)
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("merkitsijä"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("varautumissuunnitelman kohta")
        verbose_name_plural = _("varautumissuunnitelman kohdat")
        ordering = ["position", "pk"]

    def __str__(self):
        return self.title


class ChangeSecurityCustomer(models.Model):
    """A job seeker affected by a situation, followed as a change-security customer (muutosturva)."""

    situation = models.ForeignKey(ChangeSituation, on_delete=models.CASCADE, related_name="customers")
    jobseeker = models.ForeignKey("jobseekers.Jobseeker", on_delete=models.CASCADE, related_name="+")
    flagged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("merkitsijä"), on_delete=models.PROTECT, related_name="+"
    )
    flagged_on = models.DateField(_("merkitty"))

    class Meta:
        verbose_name = _("muutosturva-asiakas")
        verbose_name_plural = _("muutosturva-asiakkaat")
        ordering = ["situation", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["situation", "jobseeker"], name="change_security_once_per_situation")
        ]

    def __str__(self):
        return f"{self.situation_id}: {self.jobseeker_id}"
