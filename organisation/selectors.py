"""Reads of the organisation, always through the user so that access stays decided in one place."""

from django.db.models import Prefetch, QuerySet

from accounts import permissions
from organisation import models


def _visible(user, queryset: QuerySet) -> QuerySet:
    if not permissions.can_view_organisation(user):
        return queryset.none()
    return queryset


def area(user) -> models.EmploymentArea | None:
    return _visible(user, models.EmploymentArea.objects.select_related("responsible_municipality")).first()


def municipalities(user) -> QuerySet:
    return _visible(user, models.Municipality.objects.select_related("area").order_by("name_fi"))


def offices(user) -> QuerySet:
    return _visible(user, models.Office.objects.select_related("municipality"))


def teams(user) -> QuerySet:
    return _visible(user, models.Team.objects.select_related("municipality", "office"))


def staff_positions(user) -> QuerySet:
    return _visible(user, models.StaffPosition.objects.select_related("municipality", "team"))


def area_staff(user) -> QuerySet:
    return _visible(user, models.AreaStaffFact.objects.all())


def caseload_targets(user) -> QuerySet:
    return _visible(user, models.CaseloadTarget.objects.select_related("municipality", "team"))


def service_arrangements(user) -> QuerySet:
    return _visible(
        user,
        models.ServiceArrangement.objects.select_related(
            "provider_municipality", "provider_team", "meeting_office"
        ).prefetch_related(Prefetch("served_municipalities", queryset=models.Municipality.objects.order_by("name_fi"))),
    )


def centralised_services(user) -> QuerySet:
    return _visible(user, models.CentralisedService.objects.select_related("parent"))


def delegations(user) -> QuerySet:
    return _visible(user, models.Delegation.objects.select_related("municipality"))


def bodies(user) -> QuerySet:
    return _visible(user, models.CooperationBody.objects.all())


def partners(user) -> QuerySet:
    return _visible(user, models.Partner.objects.all())
