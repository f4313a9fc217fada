"""Reads of the plan document for a user: the area's narrative and its stored versions. The plan names nobody."""

from django.http import Http404

from accounts import permissions_planning
from accounts.enums import Role
from accounts.models import User
from organisation.models import EmploymentArea
from plan_document.models import PlanGeneration, PlanText


def area(user) -> EmploymentArea | None:
    if not permissions_planning.can_generate_plan(user):
        return None
    if user.home_municipality_id is not None:
        return user.home_municipality.area
    return EmploymentArea.objects.order_by("pk").first()


def texts(user) -> list[PlanText]:
    found = area(user)
    return list(PlanText.objects.filter(area=found).select_related("updated_by")) if found else []


def text(user, section: int) -> PlanText:
    """One section's narrative of the user's area, for those who may edit it; 404 otherwise."""
    found = area(user)
    if found is None or not permissions_planning.can_edit_plan_texts(user):
        raise Http404
    item = PlanText.objects.filter(area=found, section=section).first()
    if item is None:
        raise Http404
    return item


def generations(user, limit: int = 20) -> list[PlanGeneration]:
    found = area(user)
    if found is None:
        return []
    return list(PlanGeneration.objects.filter(area=found).select_related("generated_by")[:limit])


def report_reader(area_object: EmploymentArea) -> User:
    """Who the plan_report command reads as when no account is named: an unsaved administrator of the area.

    The report reads only what an administrator's pages show without naming anyone (statistics, organisation,
    planning and subsidy figures, competence aggregates with the three-person threshold), so the reader never
    writes an access-log row and never needs to exist in the database."""
    return User(
        username="plan_report",
        role=Role.ADMINISTRATOR,
        home_municipality=area_object.responsible_municipality or area_object.municipalities.order_by("pk").first(),
    )
