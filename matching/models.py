"""Job offers and referrals made from a match, with the match as it was and the outcome.

The score, its components and the distance are stored as the engine gave them when the offer was made, so the
reasons shown later are the reasons the counsellor saw, whatever the person's or the vacancy's data become. The home
and workplace municipalities are stored for the same reason: the mobility report counts the border an offer crossed
when it was made. A workplace outside the area (employers.Vacancy.workplace_outside_area) is read from the vacancy
(docs/decisions/0011).
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from matching import enums


class JobOffer(models.Model):
    jobseeker = models.ForeignKey(
        "jobseekers.Jobseeker", verbose_name=_("työnhakija"), on_delete=models.CASCADE, related_name="job_offers"
    )
    vacancy = models.ForeignKey(
        "employers.Vacancy", verbose_name=_("avoin työpaikka"), on_delete=models.PROTECT, related_name="job_offers"
    )
    kind = models.CharField(_("laji"), max_length=20, choices=enums.JobOfferKind.choices)
    home_municipality = models.ForeignKey(
        "organisation.Municipality", verbose_name=_("kotikunta"), on_delete=models.PROTECT, related_name="+"
    )
    workplace_municipality = models.ForeignKey(
        "organisation.Municipality", verbose_name=_("työpaikan kunta"), on_delete=models.PROTECT, related_name="+"
    )
    # None when the engine excluded the pair (`excluded_by` says why) and the counsellor offered the job anyway.
    score = models.FloatField(_("pisteet"), null=True, blank=True)
    components = models.JSONField(_("pisteiden erittely"), default=dict, blank=True)
    excluded_by = models.CharField(_("poissulkeva ehto"), max_length=20, blank=True)
    distance_km = models.FloatField(_("etäisyys (km)"), null=True, blank=True)
    note = models.TextField(_("lisätiedot"), blank=True)
    made_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("tekijä"), on_delete=models.PROTECT, related_name="+"
    )
    made_at = models.DateTimeField(_("tehty"), auto_now_add=True)
    made_on = models.DateField(_("päivä"))
    outcome = models.CharField(_("tulos"), max_length=20, choices=enums.Outcome.choices, blank=True)
    outcome_date = models.DateField(_("tuloksen päivä"), null=True, blank=True)
    outcome_recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("tuloksen kirjaaja"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    outcome_recorded_at = models.DateTimeField(_("tulos kirjattu"), null=True, blank=True)

    class Meta:
        verbose_name = _("työtarjous")
        verbose_name_plural = _("työtarjoukset")
        ordering = ["-made_on", "-made_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["jobseeker", "vacancy"], condition=Q(outcome=""), name="job_offer_one_open_per_pair"
            ),
            models.CheckConstraint(
                condition=(Q(outcome="") & Q(outcome_date__isnull=True))
                | (~Q(outcome="") & Q(outcome_date__isnull=False)),
                name="job_offer_outcome_has_date",
            ),
            models.CheckConstraint(
                condition=Q(outcome_date__isnull=True) | Q(outcome_date__gte=models.F("made_on")),
                name="job_offer_outcome_after_offer",
            ),
        ]
        indexes = [models.Index(fields=["jobseeker", "-made_on"]), models.Index(fields=["vacancy"])]

    def __str__(self):
        return f"{self.jobseeker_id} → {self.vacancy_id} ({self.kind})"

    @property
    def is_open(self) -> bool:
        return not self.outcome

    @property
    def crosses_border(self) -> bool:
        # `workplace_municipality` is the area municipality owning the vacancy; a job in a centre outside the area
        # crosses the person's municipal border wherever the owner is.
        return self.home_municipality_id != self.workplace_municipality_id or self.vacancy.is_outside_area
