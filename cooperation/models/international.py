"""International recruitment (plan §5): a recruitment case with the employer, the vacancy, EURES and the housing
arranged for the arrival, and the spouse-job service (Puolisotyöpaikka) for the recruited person's spouse with the
follow-up of their outcome. Written only by cooperation/services/international.py."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from common.formatting import local_date
from cooperation import enums


class RecruitmentCase(models.Model):
    area = models.ForeignKey("organisation.EmploymentArea", on_delete=models.PROTECT, related_name="+")
    employer = models.ForeignKey(
        "employers.Employer", verbose_name=_("työnantaja"), on_delete=models.PROTECT, related_name="+"
    )
    vacancy = models.ForeignKey(
        "employers.Vacancy",
        verbose_name=_("työpaikka"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    municipality = models.ForeignKey(
        "organisation.Municipality", verbose_name=_("työpaikan kunta"), on_delete=models.PROTECT, related_name="+"
    )
    via_eures = models.BooleanField(_("EURES-rekrytointi"), default=False)
    recruited_name = models.CharField(_("rekrytoidun nimi"), max_length=200)
    recruited_country = models.CharField(_("lähtömaa"), max_length=2, help_text=_("ISO 3166-1 -maakoodi, esim. ES."))
    arrival_on = models.DateField(_("saapuminen"), null=True, blank=True)
    housing_arranged = models.BooleanField(_("asunto järjestetty"), default=False)
    housing_notes = models.TextField(_("asumisen huomiot"), blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("kansainvälinen rekrytointi")
        verbose_name_plural = _("kansainväliset rekrytoinnit")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.employer}: {self.recruited_name}"


class Spouse(models.Model):
    """The recruited person's spouse as a customer of the spouse-job service: a registered job seeker, or a light
    contact record (name and contact) when they have not registered."""

    case = models.OneToOneField(RecruitmentCase, on_delete=models.CASCADE, related_name="spouse")
    jobseeker = models.ForeignKey(
        "jobseekers.Jobseeker",
        verbose_name=_("työnhakija"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    name = models.CharField(_("nimi"), max_length=200, blank=True)
    phone = models.CharField(_("puhelin"), max_length=40, blank=True)
    email = models.EmailField(_("sähköposti"), blank=True)
    aim = models.CharField(_("tavoite"), max_length=10, choices=enums.SpouseAim.choices)
    field_of_work = models.CharField(_("ala tai koulutus"), max_length=200, blank=True)
    registered_on = models.DateField(_("palvelun alku"))
    registered_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("puoliso")
        verbose_name_plural = _("puolisot")
        ordering = ["-registered_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(jobseeker__isnull=False, name="") | Q(jobseeker__isnull=True) & ~Q(name=""),
                name="spouse_jobseeker_or_name",
            ),
        ]

    def __str__(self):
        return f"PUOLISO-{self.pk}"

    @property
    def display_name(self) -> str:
        return str(self.jobseeker) if self.jobseeker_id else self.name


class SpouseFollowUp(models.Model):
    spouse = models.ForeignKey(Spouse, on_delete=models.CASCADE, related_name="follow_ups")
    outcome = models.CharField(_("tilanne"), max_length=20, choices=enums.SpouseOutcome.choices)
    recorded_on = models.DateField(_("päivä"))
    detail = models.CharField(_("työ- tai opiskelupaikka"), max_length=200, blank=True)
    notes = models.TextField(_("huomiot"), blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("puolison seuranta")
        verbose_name_plural = _("puolison seurannat")
        ordering = ["-recorded_on", "-pk"]

    def __str__(self):
        return f"{self.get_outcome_display()} {local_date(self.recorded_on)}"
