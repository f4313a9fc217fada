"""Recruitment fairs and events (plan §5): the event, the employers taking part and the vacancies they presented, the
participants as a count with the job seekers linked where staff know them, and the outcomes as counts. Written only by
cooperation/services/events.py."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from common.formatting import local_date
from cooperation import enums


class RecruitmentEvent(models.Model):
    area = models.ForeignKey("organisation.EmploymentArea", on_delete=models.PROTECT, related_name="+")
    name = models.CharField(_("nimi"), max_length=200)
    kind = models.CharField(_("tyyppi"), max_length=20, choices=enums.EventKind.choices)
    held_on = models.DateField(_("päivä"))
    place = models.CharField(_("paikka"), max_length=200)
    municipality = models.ForeignKey(
        "organisation.Municipality", verbose_name=_("kunta"), on_delete=models.PROTECT, related_name="+"
    )
    organiser = models.CharField(_("järjestäjä"), max_length=200)
    employers = models.ManyToManyField("employers.Employer", verbose_name=_("työnantajat"), related_name="+")
    vacancies = models.ManyToManyField(
        "employers.Vacancy", verbose_name=_("esitellyt työpaikat"), blank=True, related_name="+"
    )
    participants = models.PositiveIntegerField(_("osallistujia"), default=0)
    job_offers = models.PositiveIntegerField(_("työtarjouksia"), default=0)
    hires = models.PositiveIntegerField(_("palkattuja"), default=0)
    notes = models.TextField(_("huomiot"), blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("rekrytointitapahtuma")
        verbose_name_plural = _("rekrytointitapahtumat")
        ordering = ["-held_on", "-pk"]
        constraints = [
            models.CheckConstraint(condition=Q(hires__lte=F("participants")), name="event_hires_within_participants"),
        ]

    def __str__(self):
        return f"{self.name} {local_date(self.held_on)}"


class EventParticipant(models.Model):
    """A job seeker known to have taken part (the event's count includes them)."""

    event = models.ForeignKey(RecruitmentEvent, on_delete=models.CASCADE, related_name="known_participants")
    jobseeker = models.ForeignKey(
        "jobseekers.Jobseeker", verbose_name=_("työnhakija"), on_delete=models.PROTECT, related_name="+"
    )
    added_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("tapahtuman osallistuja")
        verbose_name_plural = _("tapahtuman osallistujat")
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(fields=["event", "jobseeker"], name="event_participant_once"),
        ]

    def __str__(self):
        return f"{self.event_id}:{self.jobseeker_id}"
