"""Reads of employers, vacancies and road distances, always through the user; access from accounts.permissions.

Nothing here is a job seeker's data, so nothing is written to the PersonalDataAccess log (docs/decisions/0009).
"""

from dataclasses import dataclass

from django.db.models import QuerySet
from django.http import Http404

from accounts import permissions
from employers import distance_store
from employers.distances import RoadDistances
from employers.models import Employer, RoadDistance, Vacancy
from organisation import selectors as organisation_selectors

VACANCY_SORTS = {
    "title": ("title", "pk"),
    "-title": ("-title", "-pk"),
    "employer": ("employer__name", "title", "pk"),
    "-employer": ("-employer__name", "-title", "-pk"),
    "municipality": ("municipality__name_fi", "title", "pk"),
    "-municipality": ("-municipality__name_fi", "-title", "-pk"),
    "deadline": ("application_deadline", "pk"),
    "-deadline": ("-application_deadline", "-pk"),
    "created": ("created_at", "pk"),
    "-created": ("-created_at", "-pk"),
}
DEFAULT_SORT = "-created"


@dataclass(frozen=True)
class VacancyFilters:
    status: str = ""
    municipality: str = ""
    occupation: str = ""
    employer: int | None = None
    sort: str = DEFAULT_SORT


def _area_of(user):
    return organisation_selectors.area(user)


def employers(user) -> QuerySet:
    """The employers of the user's area."""
    if not permissions.can_view_employers(user):
        return Employer.objects.none()
    return Employer.objects.filter(area=_area_of(user)).select_related("municipality")


def employer_list(user, *, query: str = "", municipality: str = "") -> QuerySet:
    found = employers(user)
    if query:
        found = found.filter(name__icontains=query) | found.filter(business_id__startswith=query)
    if municipality:
        found = found.filter(municipality__code=municipality)
    return found.order_by("name", "pk")


def get_employer(user, pk) -> Employer:
    employer = employers(user).prefetch_related("contacts").filter(pk=pk).first()
    if employer is None:
        raise Http404
    return employer


def vacancies(user) -> QuerySet:
    """The vacancies of the user's area's employers."""
    if not permissions.can_view_employers(user):
        return Vacancy.objects.none()
    return Vacancy.objects.filter(employer__area=_area_of(user)).select_related("employer", "municipality")


def vacancy_list(user, filters: VacancyFilters = VacancyFilters()) -> QuerySet:
    """`occupation` is a code or its beginning: "32" finds every unit group under 32."""
    found = vacancies(user)
    if filters.status:
        found = found.filter(status=filters.status)
    if filters.municipality:
        found = found.filter(municipality__code=filters.municipality)
    if filters.occupation:
        found = found.filter(occupation__startswith=filters.occupation)
    if filters.employer is not None:
        found = found.filter(employer_id=filters.employer)
    return found.order_by(*VACANCY_SORTS.get(filters.sort, VACANCY_SORTS[DEFAULT_SORT]))


def get_vacancy(user, pk) -> Vacancy:
    vacancy = vacancies(user).filter(pk=pk).first()
    if vacancy is None:
        raise Http404
    return vacancy


def neighbouring_centres(user) -> dict[str, str]:
    """The centres outside the user's area a vacancy's workplace may be in (code → name), by name."""
    if not permissions.can_view_employers(user):
        return {}
    area = _area_of(user)
    found = distance_store.neighbouring_centres(area.pk if area else None)
    return dict(sorted(found.items(), key=lambda item: item[1]))


def area_centres(user) -> list[str]:
    """The codes of the user's area's own municipalities, by name: the rows of the distance tables. The complement of
    neighbouring_centres, so a municipality of another area is a neighbour, never a row of this area."""
    if not permissions.can_view_employers(user):
        return []
    area = _area_of(user)
    return [m.code for m in organisation_selectors.municipalities(user) if area is not None and m.area_id == area.pk]


def road_distances(user) -> RoadDistances:
    if not permissions.can_view_employers(user):
        return RoadDistances(())
    return distance_store.road_distances()


@dataclass(frozen=True)
class DistanceNotes:
    sources: list[str]
    routes: list[tuple[str, str]]  # (pair, route) of the approximate distances


def distance_notes(user) -> DistanceNotes:
    """What the distances rest on: their sources, and the pairs measured along a named route rather than read from a
    published table."""
    if not permissions.can_view_employers(user):
        return DistanceNotes([], [])
    rows = RoadDistance.objects.all()
    return DistanceNotes(
        sources=sorted({row.source for row in rows}),
        routes=[(f"{row.from_name}–{row.to_name}", row.route) for row in rows if row.approximate],
    )
