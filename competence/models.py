"""The competence survey: areas and the scale as data, survey rounds, each staff member's answers."""

from decimal import Decimal

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from competence.enums import Group

LEVELS = Q(self_level__gte=0, self_level__lte=4)


class ScaleLevel(models.Model):
    """One step of the 0–4 scale, described as data/competence/areas.yaml describes it."""

    level = models.PositiveSmallIntegerField(_("taso"), unique=True)
    name = models.CharField(_("nimi"), max_length=80)
    description = models.CharField(_("kuvaus"), max_length=300)

    class Meta:
        verbose_name = _("osaamistaso")
        verbose_name_plural = _("osaamistasot")
        ordering = ["level"]
        constraints = [models.CheckConstraint(condition=Q(level__lte=4), name="competence_scale_level_0_to_4")]

    def __str__(self):
        return f"{self.level} {self.name}"


class CompetenceArea(models.Model):
    key = models.SlugField(_("tunniste"), max_length=60, unique=True)
    group = models.CharField(_("ryhmä"), max_length=20, choices=Group.choices)
    name = models.CharField(_("nimi"), max_length=200)
    source = models.CharField(_("lähde"), max_length=300, help_text=_("Laki tai suunnitelman kohta, joka perustelee."))
    position = models.PositiveIntegerField(_("järjestys"), default=0)

    class Meta:
        verbose_name = _("osaamisalue")
        verbose_name_plural = _("osaamisalueet")
        ordering = ["position", "key"]

    def __str__(self):
        return self.name


class SurveyRound(models.Model):
    area = models.ForeignKey("organisation.EmploymentArea", on_delete=models.CASCADE, related_name="survey_rounds")
    name = models.CharField(_("nimi"), max_length=120)
    opens_on = models.DateField(_("avautuu"))
    closes_on = models.DateField(_("sulkeutuu"))

    class Meta:
        verbose_name = _("kartoituskierros")
        verbose_name_plural = _("kartoituskierrokset")
        ordering = ["-opens_on", "name"]
        constraints = [
            models.CheckConstraint(condition=Q(closes_on__gte=models.F("opens_on")), name="survey_round_dates"),
            models.UniqueConstraint(fields=["area", "name"], name="survey_round_name_unique"),
        ]

    def __str__(self):
        return self.name

    def is_open(self, day) -> bool:
        return self.opens_on <= day <= self.closes_on


class Respondent(models.Model):
    """A staff member's answer to one round: with an account, or imported from XLSX for staff without one."""

    survey_round = models.ForeignKey(SurveyRound, on_delete=models.CASCADE, related_name="respondents")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="competence_answers"
    )
    name = models.CharField(_("nimi"), max_length=200)
    municipality = models.ForeignKey(
        "organisation.Municipality", verbose_name=_("kunta"), on_delete=models.PROTECT, related_name="+"
    )
    fte = models.DecimalField(_("htv"), max_digits=4, decimal_places=2, default=Decimal("1.00"))
    training_wishes = models.TextField(_("koulutustoiveet"), blank=True)
    answered_at = models.DateTimeField(_("vastattu"), auto_now=True)

    class Meta:
        verbose_name = _("vastaaja")
        verbose_name_plural = _("vastaajat")
        ordering = ["municipality__name_fi", "name"]
        constraints = [
            models.CheckConstraint(condition=Q(fte__gte=0) & Q(fte__lte=1), name="respondent_fte_0_to_1"),
            models.UniqueConstraint(
                fields=["survey_round", "user"], condition=Q(user__isnull=False), name="respondent_user_unique"
            ),
            models.UniqueConstraint(
                fields=["survey_round", "municipality", "name"],
                condition=Q(user__isnull=True),
                name="respondent_imported_unique",
            ),
        ]

    def __str__(self):
        return self.name


class Assessment(models.Model):
    respondent = models.ForeignKey(Respondent, on_delete=models.CASCADE, related_name="assessments")
    competence_area = models.ForeignKey(CompetenceArea, on_delete=models.PROTECT, related_name="assessments")
    self_level = models.PositiveSmallIntegerField(_("oma arvio"))
    supervisor_level = models.PositiveSmallIntegerField(_("esihenkilön arvio"), null=True, blank=True)
    wants_training = models.BooleanField(_("toivoo koulutusta"), default=False)

    class Meta:
        verbose_name = _("arvio")
        verbose_name_plural = _("arviot")
        ordering = ["competence_area__position", "competence_area__key"]
        constraints = [
            models.UniqueConstraint(fields=["respondent", "competence_area"], name="assessment_unique"),
            models.CheckConstraint(condition=LEVELS, name="assessment_self_level_0_to_4"),
            models.CheckConstraint(
                condition=Q(supervisor_level__isnull=True) | Q(supervisor_level__lte=4),
                name="assessment_supervisor_level_0_to_4",
            ),
        ]

    def __str__(self):
        return f"{self.respondent} · {self.competence_area}: {self.level}"

    @property
    def level(self) -> int:
        """The level that counts: the supervisor's assessment when there is one, else the person's own."""
        return self.self_level if self.supervisor_level is None else self.supervisor_level
