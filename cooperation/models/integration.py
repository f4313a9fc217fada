"""Integration (plan §4): a foreign-language customer's integration plan (kotoutumissuunnitelma) and their language
training, and International Info's contacts, anonymous counts allowed. The integration act (681/2023, in force
1.1.2025) governs the plan; the system stores what staff record of it and cites nothing more. Written only by
cooperation/services/integration.py."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from common.formatting import local_date
from cooperation import enums
from cooperation.models.counts import AnonymousCount, count_constraints


class IntegrationPlan(models.Model):
    jobseeker = models.ForeignKey(
        "jobseekers.Jobseeker", verbose_name=_("työnhakija"), on_delete=models.PROTECT, related_name="+"
    )
    municipality = models.ForeignKey(
        "organisation.Municipality", verbose_name=_("kunta"), on_delete=models.PROTECT, related_name="+"
    )
    drawn_up_on = models.DateField(_("laadittu"))
    drawn_up_by = models.CharField(_("laatija"), max_length=200)
    valid_until = models.DateField(_("voimassa asti"), null=True, blank=True)
    reviewed_on = models.DateField(_("tarkistettu"), null=True, blank=True)
    summary = models.TextField(_("sisällön tiivistelmä"))
    status = models.CharField(
        _("tila"),
        max_length=20,
        choices=enums.IntegrationPlanStatus.choices,
        default=enums.IntegrationPlanStatus.IN_FORCE,
    )
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("kotoutumissuunnitelma")
        verbose_name_plural = _("kotoutumissuunnitelmat")
        ordering = ["-drawn_up_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(valid_until__isnull=True) | Q(valid_until__gte=F("drawn_up_on")),
                name="integration_plan_valid_after_drawn_up",
            ),
            models.CheckConstraint(
                condition=Q(reviewed_on__isnull=True) | Q(reviewed_on__gte=F("drawn_up_on")),
                name="integration_plan_reviewed_after_drawn_up",
            ),
        ]

    def __str__(self):
        return f"KOTO-{self.pk} {local_date(self.drawn_up_on)}"


class LanguageTraining(models.Model):
    """A referral to a language course and how it went; the plan it belongs to when there is one."""

    jobseeker = models.ForeignKey(
        "jobseekers.Jobseeker", verbose_name=_("työnhakija"), on_delete=models.PROTECT, related_name="+"
    )
    municipality = models.ForeignKey(
        "organisation.Municipality", verbose_name=_("kunta"), on_delete=models.PROTECT, related_name="+"
    )
    plan = models.ForeignKey(
        IntegrationPlan,
        verbose_name=_("kotoutumissuunnitelma"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="trainings",
    )
    provider = models.CharField(_("järjestäjä"), max_length=200)
    course = models.CharField(_("kurssi"), max_length=200)
    level = models.CharField(_("taso tai tavoite"), max_length=60, blank=True)
    starts_on = models.DateField(_("alkaa"))
    ends_on = models.DateField(_("päättyy"), null=True, blank=True)
    outcome = models.CharField(
        _("tulos"),
        max_length=20,
        choices=enums.PlaceOutcome.choices,
        default=enums.PlaceOutcome.REFERRED,
    )
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("kielikoulutus")
        verbose_name_plural = _("kielikoulutukset")
        ordering = ["-starts_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True) | Q(ends_on__gte=F("starts_on")),
                name="language_training_ends_after_start",
            ),
        ]

    def __str__(self):
        return f"{self.course} ({self.provider})"


class InfoContact(AnonymousCount):
    """International Info's contacts on a day: a named foreign-language job seeker (count 1), or an anonymous count."""

    contacted_on = models.DateField(_("päivä"))
    language = models.CharField(_("asiointikieli"), max_length=3)
    topic = models.CharField(_("asia"), max_length=20, choices=enums.InfoTopic.choices)
    contacts = models.PositiveSmallIntegerField(_("yhteydenottoja"), default=1)

    class Meta:
        verbose_name = _("International Info -yhteydenotto")
        verbose_name_plural = _("International Info -yhteydenotot")
        ordering = ["-contacted_on", "-pk"]
        constraints = count_constraints("contacts", "info_contact")

    def __str__(self):
        return f"{self.office} {local_date(self.contacted_on)} ({self.contacts})"
