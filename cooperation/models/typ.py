"""The multisectoral service (TYP, plan §4): the eligibility assessments with the rule that gave them, the client
relationship with its joint plan and the wellbeing services county serving the person's municipality, the person's
consents to disclose information to a partner, and the referrals made under them. Written only by
cooperation/services/typ.py."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from common.formatting import local_date


class TypAssessmentRecord(models.Model):
    """One joint assessment as the rules in force answered it, kept so that a later amendment does not rewrite it."""

    jobseeker = models.ForeignKey(
        "jobseekers.Jobseeker", verbose_name=_("työnhakija"), on_delete=models.PROTECT, related_name="+"
    )
    assessed_on = models.DateField(_("arvioitu"))
    age = models.PositiveSmallIntegerField(_("ikä"))
    continuous_unemployment_months = models.PositiveSmallIntegerField(
        _("yhtäjaksoinen työttömyys (kk)"), null=True, blank=True
    )
    labour_market_subsidy_days = models.PositiveSmallIntegerField(_("työmarkkinatukipäivät"), null=True, blank=True)
    needs_multisectoral_services = models.BooleanField(_("monialaisen palvelun tarve"), null=True, blank=True)
    need_description = models.TextField(_("palvelutarpeen kuvaus"), blank=True)
    rule_id = models.CharField(_("sääntö"), max_length=40)
    rule_section = models.CharField(_("lainkohta"), max_length=60)
    rule_source = models.TextField(_("säännön lähde"))
    assessment_due = models.BooleanField(_("arviointi lakisääteisesti ajankohtainen"))
    eligible = models.BooleanField(_("monialaisen palvelun asiakas"), null=True, blank=True)
    reasons = models.JSONField(_("perusteet"), default=list)
    assessed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("monialaisen palvelun tarpeen arvio")
        verbose_name_plural = _("monialaisen palvelun tarpeen arviot")
        ordering = ["-assessed_on", "-pk"]

    def __str__(self):
        return f"{self.rule_id} {local_date(self.assessed_on)}"


class TypClient(models.Model):
    """A TYP client relationship: the joint plan and the partners' contacts (the county comes from the data)."""

    jobseeker = models.ForeignKey(
        "jobseekers.Jobseeker", verbose_name=_("työnhakija"), on_delete=models.PROTECT, related_name="+"
    )
    municipality = models.ForeignKey(
        "organisation.Municipality", verbose_name=_("kunta"), on_delete=models.PROTECT, related_name="+"
    )
    assessment = models.ForeignKey(TypAssessmentRecord, on_delete=models.PROTECT, related_name="+")
    wellbeing_county = models.ForeignKey(
        "organisation.Partner", verbose_name=_("hyvinvointialue"), on_delete=models.PROTECT, related_name="+"
    )
    county_contact = models.CharField(_("hyvinvointialueen yhteyshenkilö"), max_length=200, blank=True)
    kela_contact = models.CharField(_("Kelan yhteyshenkilö"), max_length=200, blank=True)
    joint_plan = models.TextField(_("monialainen työllistymissuunnitelma"))
    started_on = models.DateField(_("alkanut"))
    ended_on = models.DateField(_("päättynyt"), null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("monialaisen palvelun asiakkuus")
        verbose_name_plural = _("monialaisen palvelun asiakkuudet")
        ordering = ["-started_on", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["jobseeker"], condition=Q(ended_on__isnull=True), name="typ_client_one_open_per_person"
            ),
            models.CheckConstraint(
                condition=Q(ended_on__isnull=True) | Q(ended_on__gte=F("started_on")),
                name="typ_client_ends_after_start",
            ),
        ]

    def __str__(self):
        return f"TYP-{self.pk}"


class Consent(models.Model):
    """The person's consent: what information (categories) may go to whom, until when; a withdrawal ends it."""

    jobseeker = models.ForeignKey(
        "jobseekers.Jobseeker", verbose_name=_("työnhakija"), on_delete=models.PROTECT, related_name="+"
    )
    recipient = models.ForeignKey(
        "organisation.Partner", verbose_name=_("vastaanottaja"), on_delete=models.PROTECT, related_name="+"
    )
    information = models.JSONField(_("luovutettavat tiedot"), default=list)
    purpose = models.TextField(_("käyttötarkoitus"))
    given_on = models.DateField(_("annettu"))
    valid_until = models.DateField(_("voimassa asti"))
    withdrawn_on = models.DateField(_("peruttu"), null=True, blank=True)
    withdrawal_note = models.TextField(_("perumisen huomio"), blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    withdrawn_recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("suostumus")
        verbose_name_plural = _("suostumukset")
        ordering = ["-given_on", "-pk"]
        constraints = [
            models.CheckConstraint(condition=Q(valid_until__gte=F("given_on")), name="consent_valid_after_given"),
            models.CheckConstraint(
                condition=Q(withdrawn_on__isnull=True) | Q(withdrawn_on__gte=F("given_on")),
                name="consent_withdrawn_after_given",
            ),
        ]

    def __str__(self):
        return f"{self.recipient} {local_date(self.given_on)}–{local_date(self.valid_until)}"

    def in_force(self, day) -> bool:
        # A withdrawal ends the consent for everything new at once, whatever day it is dated.
        if self.withdrawn_on is not None:
            return False
        return self.given_on <= day <= self.valid_until


class TypReferral(models.Model):
    """A referral of the person to a partner (Kela, the wellbeing services county), made under a consent."""

    jobseeker = models.ForeignKey(
        "jobseekers.Jobseeker", verbose_name=_("työnhakija"), on_delete=models.PROTECT, related_name="+"
    )
    partner = models.ForeignKey(
        "organisation.Partner", verbose_name=_("kenelle"), on_delete=models.PROTECT, related_name="+"
    )
    consent = models.ForeignKey(
        Consent, verbose_name=_("suostumus"), on_delete=models.PROTECT, related_name="referrals"
    )
    referred_on = models.DateField(_("ohjattu"))
    reason = models.TextField(_("ohjauksen syy"))
    referred_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("ohjaus yhteistyökumppanille")
        verbose_name_plural = _("ohjaukset yhteistyökumppaneille")
        ordering = ["-referred_on", "-pk"]

    def __str__(self):
        return f"{self.partner} {local_date(self.referred_on)}"
