"""The employment area a user works in: their home municipality's, or the deployment's one area for a user without
one (an administrator of the whole system)."""

from organisation.models import EmploymentArea


def area_of(user) -> EmploymentArea | None:
    if user.home_municipality_id is not None:
        return user.home_municipality.area
    return EmploymentArea.objects.order_by("pk").first()
