"""Procurement (hankinta, plan §2 and §4): service needs raised at the customer interface, the procurement working
group's meetings that handle them, the procurements made of accepted needs with the places bought per municipality,
and job seekers referred to those places. Written only by cooperation/services/procurement.py."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from common.formatting import local_date
from cooperation import enums
from organisation.enums import TargetGroup


class ServiceNeed(models.Model):
    area = models.ForeignKey("organisation.EmploymentArea", on_delete=models.PROTECT, related_name="+")
    municipality = models.ForeignKey(
        "organisation.Municipality", verbose_name=_("kunta"), on_delete=models.PROTECT, related_name="+"
    )
    service_type = models.CharField(_("palvelu"), max_length=40, choices=enums.ServiceType.choices)
    target_group = models.CharField(_("kohderyhmä"), max_length=40, choices=TargetGroup.choices)
    places = models.PositiveSmallIntegerField(_("paikkoja"))
    urgency = models.CharField(
        _("kiireellisyys"), max_length=10, choices=enums.Urgency.choices, default=enums.Urgency.NORMAL
    )
    justification = models.TextField(_("perustelu"))
    state = models.CharField(_("tila"), max_length=20, choices=enums.NeedState.choices, default=enums.NeedState.RAISED)
    raised_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("esittäjä"), on_delete=models.PROTECT, related_name="+"
    )
    raised_on = models.DateField(_("esitetty"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("palvelutarve")
        verbose_name_plural = _("palvelutarpeet")
        ordering = ["-raised_on", "-pk"]
        constraints = [models.CheckConstraint(condition=Q(places__gte=1), name="service_need_places_positive")]

    def __str__(self):
        return f"{self.get_service_type_display()}, {self.municipality} ({self.places})"


class WorkingGroupMeeting(models.Model):
    body = models.ForeignKey(
        "organisation.CooperationBody", verbose_name=_("työryhmä"), on_delete=models.PROTECT, related_name="+"
    )
    held_on = models.DateField(_("kokouspäivä"))
    place = models.CharField(_("paikka"), max_length=200, blank=True)
    notes = models.TextField(_("muistio"), blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("työryhmän kokous")
        verbose_name_plural = _("työryhmän kokoukset")
        ordering = ["-held_on", "-pk"]

    def __str__(self):
        return f"{self.body} {local_date(self.held_on)}"


class AgendaItem(models.Model):
    """A need on a meeting's agenda and what the meeting recorded for it (blank until handled)."""

    meeting = models.ForeignKey(WorkingGroupMeeting, on_delete=models.CASCADE, related_name="items")
    need = models.ForeignKey(ServiceNeed, on_delete=models.PROTECT, related_name="agenda_items")
    handling = models.CharField(_("käsittely"), max_length=20, choices=enums.Handling.choices, blank=True)
    reason = models.TextField(_("perustelu"), blank=True)
    added_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    handled_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("esityslistan asia")
        verbose_name_plural = _("esityslistan asiat")
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "need"], name="agenda_item_need_once_per_meeting"),
            models.CheckConstraint(
                condition=~Q(handling=enums.Handling.REJECTED) | ~Q(reason=""), name="agenda_item_rejection_has_reason"
            ),
        ]

    def __str__(self):
        return f"{self.meeting}: {self.need}"


class Procurement(models.Model):
    area = models.ForeignKey("organisation.EmploymentArea", on_delete=models.PROTECT, related_name="+")
    title = models.CharField(_("nimi"), max_length=200)
    service_type = models.CharField(_("palvelu"), max_length=40, choices=enums.ServiceType.choices)
    procedure = models.CharField(_("menettely"), max_length=30, choices=enums.Procedure.choices)
    tender_published_on = models.DateField(_("tarjouspyyntö julkaistu"), null=True, blank=True)
    decided_on = models.DateField(_("hankintapäätös"), null=True, blank=True)
    contract_starts_on = models.DateField(_("sopimuskausi alkaa"))
    contract_ends_on = models.DateField(_("sopimuskausi päättyy"))
    budget = models.DecimalField(_("budjetti (€)"), max_digits=12, decimal_places=2)
    providers = models.TextField(_("palveluntuottajat"))
    needs = models.ManyToManyField(ServiceNeed, verbose_name=_("palvelutarpeet"), related_name="procurements")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("hankinta")
        verbose_name_plural = _("hankinnat")
        ordering = ["-contract_starts_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(contract_ends_on__gte=F("contract_starts_on")), name="procurement_contract_ends_after_start"
            ),
            models.CheckConstraint(condition=Q(budget__gte=0), name="procurement_budget_not_negative"),
        ]

    def __str__(self):
        return self.title

    def in_contract(self, day) -> bool:
        return self.contract_starts_on <= day <= self.contract_ends_on


class ProcuredPlaces(models.Model):
    procurement = models.ForeignKey(Procurement, on_delete=models.CASCADE, related_name="places")
    municipality = models.ForeignKey(
        "organisation.Municipality", verbose_name=_("kunta"), on_delete=models.PROTECT, related_name="+"
    )
    places = models.PositiveSmallIntegerField(_("paikkoja"))

    class Meta:
        verbose_name = _("hankitut paikat")
        verbose_name_plural = _("hankitut paikat")
        ordering = ["municipality__name_fi"]
        constraints = [
            models.UniqueConstraint(
                fields=["procurement", "municipality"], name="procured_places_once_per_municipality"
            ),
            models.CheckConstraint(condition=Q(places__gte=1), name="procured_places_positive"),
        ]

    def __str__(self):
        return f"{self.municipality}: {self.places}"


class PlaceReferral(models.Model):
    """A job seeker referred to a bought place; the place belongs to the municipality the person lives in."""

    procurement = models.ForeignKey(Procurement, on_delete=models.PROTECT, related_name="referrals")
    jobseeker = models.ForeignKey(
        "jobseekers.Jobseeker", verbose_name=_("työnhakija"), on_delete=models.PROTECT, related_name="+"
    )
    municipality = models.ForeignKey(
        "organisation.Municipality", verbose_name=_("kunta"), on_delete=models.PROTECT, related_name="+"
    )
    referred_on = models.DateField(_("ohjattu"))
    outcome = models.CharField(
        _("tilanne"), max_length=20, choices=enums.PlaceOutcome.choices, default=enums.PlaceOutcome.REFERRED
    )
    outcome_on = models.DateField(_("tilanne päivätty"), null=True, blank=True)
    referred_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("ohjaus hankittuun palveluun")
        verbose_name_plural = _("ohjaukset hankittuihin palveluihin")
        ordering = ["-referred_on", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["procurement", "jobseeker"], name="place_referral_once_per_person"),
        ]

    def __str__(self):
        return f"{self.procurement} ({local_date(self.referred_on)})"
