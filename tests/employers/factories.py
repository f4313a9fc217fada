"""Employers, contact persons and vacancies for tests; occupations are the few unit groups the tests name."""

import factory
from factory.django import DjangoModelFactory

from employers import enums
from employers.models import ContactPerson, Employer, Vacancy
from labour_market.models import Occupation
from organisation.models import Municipality

# Valid Y-tunnus values (check digit right) for distinct employers.
BUSINESS_IDS = ["0116297-6", "0109862-8", "2331972-7", "0201256-6", "1572860-0", "0737546-2"]


def make_occupations(*codes_and_names):
    """Unit groups with their parents, e.g. make_occupations(("3221", "Sairaanhoitajat ym.", "Nursing Associate
    Professionals")); enough for the services' check without loading the whole classification."""
    for code, name_fi, name_en in codes_and_names:
        parent = None
        for level in range(1, 5):
            prefix = code[:level]
            parent, _created = Occupation.objects.get_or_create(
                code=prefix,
                defaults={
                    "level": level,
                    "parent": parent,
                    "name_fi": name_fi if level == 4 else f"Ryhmä {prefix}",
                    "name_en": name_en if level == 4 else f"Group {prefix}",
                    "search_text": f"{prefix} {name_fi if level == 4 else ''} {name_en if level == 4 else ''}".lower(),
                },
            )


NURSE = ("3221", "Sairaanhoitajat ym.", "Nursing Associate Professionals")
COOK = ("5120", "Kokit", "Cooks")


class EmployerFactory(DjangoModelFactory):
    class Meta:
        model = Employer

    name = factory.Sequence(lambda n: f"Kainuun Testi {n} Oy")
    business_id = factory.Sequence(lambda n: BUSINESS_IDS[n % len(BUSINESS_IDS)])
    municipality = factory.LazyFunction(lambda: Municipality.objects.get(code="205"))
    area = factory.LazyAttribute(lambda employer: employer.municipality.area)
    industry = "Q"


class ContactPersonFactory(DjangoModelFactory):
    class Meta:
        model = ContactPerson

    employer = factory.SubFactory(EmployerFactory)
    name = "Riikka Rekrytoija"
    title = "HR-päällikkö"
    email = "riikka@example.com"


class VacancyFactory(DjangoModelFactory):
    class Meta:
        model = Vacancy

    employer = factory.SubFactory(EmployerFactory)
    title = "Sairaanhoitaja"
    occupation = "3221"
    municipality = factory.LazyAttribute(lambda vacancy: vacancy.employer.municipality)
    working_time = enums.WorkingTime.FULL_TIME
    employment_type = enums.EmploymentType.PERMANENT
    status = enums.VacancyStatus.OPEN

    class Params:
        draft = factory.Trait(status=enums.VacancyStatus.DRAFT)
        closed = factory.Trait(status=enums.VacancyStatus.CLOSED)
        filled = factory.Trait(status=enums.VacancyStatus.FILLED)
