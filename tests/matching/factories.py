"""Vacancies and job seekers for the matching tests: nurses in Kajaani, vacancies anywhere in the area."""

from tests.employers.factories import EmployerFactory, VacancyFactory
from tests.jobseekers.factories import make_jobseeker


def employer(municipality="205", **fields):
    from employers.models import Employer
    from organisation.models import Municipality

    # The factory's few valid business IDs come round again: an employer already made with the next one in the same
    # area is reused (another area's employer with that ID would move the vacancy there).
    made = EmployerFactory.build(municipality=Municipality.objects.get(code=municipality), **fields)
    return Employer.objects.filter(area=made.area, business_id=made.business_id).first() or EmployerFactory(
        municipality=made.municipality, business_id=made.business_id, **fields
    )


def vacancy(municipality="205", occupation="3221", **fields):
    from organisation.models import Municipality

    place = Municipality.objects.get(code=municipality)
    fields.setdefault("employer", employer(municipality))
    return VacancyFactory(occupation=occupation, municipality=place, **fields)


def nurse(municipality="205", **fields):
    """An unemployed nurse; by default seeks 3221 and has stated no maximum commute (the engine's 50 km)."""
    fields.setdefault("occupations", ["3221"])
    return make_jobseeker(municipality=municipality, **fields)
