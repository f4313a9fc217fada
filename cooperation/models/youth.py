"""The youth point (Ohjaamo, plan §3 and §4) and referrals to partners (Työkanava Oy, education providers, the joint
induction programme, plan §4): visits to the youth point, anonymous counts allowed, and a job seeker's referral to a
partner with its outcome. Written only by cooperation/services/youth.py."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from common.formatting import local_date
from cooperation import enums
from cooperation.models.counts import AnonymousCount, count_constraints


class YouthPointVisit(AnonymousCount):
    """Visits on a day: a named young job seeker (count 1), or an anonymous count of visitors from a municipality."""

    visited_on = models.DateField(_("käyntipäivä"))
    visitors = models.PositiveSmallIntegerField(_("kävijöitä"), default=1)
    topic = models.CharField(_("asia"), max_length=20, choices=enums.VisitTopic.choices)

    class Meta:
        verbose_name = _("Ohjaamo-käynti")
        verbose_name_plural = _("Ohjaamo-käynnit")
        ordering = ["-visited_on", "-pk"]
        constraints = count_constraints("visitors", "youth_visit")

    def __str__(self):
        return f"{self.office} {local_date(self.visited_on)} ({self.visitors})"


class PartnerReferral(models.Model):
    jobseeker = models.ForeignKey(
        "jobseekers.Jobseeker", verbose_name=_("työnhakija"), on_delete=models.PROTECT, related_name="+"
    )
    municipality = models.ForeignKey(
        "organisation.Municipality", verbose_name=_("kunta"), on_delete=models.PROTECT, related_name="+"
    )
    partner = models.ForeignKey(
        "organisation.Partner", verbose_name=_("yhteistyökumppani"), on_delete=models.PROTECT, related_name="+"
    )
    via_youth_point = models.BooleanField(_("Ohjaamon kautta"), default=False)
    referred_on = models.DateField(_("ohjattu"))
    reason = models.TextField(_("ohjauksen syy"))
    outcome = models.CharField(
        _("tulos"), max_length=20, choices=enums.PartnerOutcome.choices, default=enums.PartnerOutcome.PENDING
    )
    outcome_on = models.DateField(_("tulos päivätty"), null=True, blank=True)
    referred_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("ohjaus kumppanille")
        verbose_name_plural = _("ohjaukset kumppaneille")
        ordering = ["-referred_on", "-pk"]

    def __str__(self):
        return f"{self.partner} {local_date(self.referred_on)}"
