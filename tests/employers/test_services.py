from datetime import date

import pytest
from django.core.exceptions import ValidationError

from employers import enums, services
from employers.models import ContactPerson, Employer, Vacancy
from tests.employers.factories import EmployerFactory, VacancyFactory

pytestmark = pytest.mark.django_db


def vacancy_data(employer, **changes):
    return {
        "employer": employer,
        "title": "Sairaanhoitaja",
        "occupation": "3221",
        "municipality": "205",
        "working_time": "full_time",
        "employment_type": "permanent",
        "required_driving_licences": ["B"],
        "required_languages": ["fi"],
        **changes,
    }


def test_business_id_is_validated_and_normalised(area, employer_services):
    employer = services.create_employer(
        by=employer_services,
        name="Kajaanin Konepaja Oy",
        business_id=" 0116297-6 ",
        municipality="205",
        industry="c",
        contacts=[{"name": "Riikka Rekrytoija", "email": "riikka@example.com"}],
    )
    assert (employer.business_id, employer.industry, employer.area) == ("0116297-6", "C", area)
    assert [c.name for c in employer.contacts.all()] == ["Riikka Rekrytoija"]


def test_bad_employer_names_every_field_and_writes_nothing(area, employer_services):
    with pytest.raises(ValidationError) as raised:
        services.create_employer(
            by=employer_services,
            name="",
            business_id="0116297-5",
            municipality="999",
            industry="Z",
            contacts=[{"name": "", "email": "ei-osoite"}],
        )
    assert set(raised.value.message_dict) == {"name", "business_id", "municipality", "industry", "contacts"}
    assert not Employer.objects.exists() and not ContactPerson.objects.exists()


def test_business_id_is_unique_in_the_area(area, employer_services):
    EmployerFactory(business_id="0116297-6")
    with pytest.raises(ValidationError) as raised:
        services.create_employer(by=employer_services, name="Toinen", business_id="01162976", municipality="765")
    assert "business_id" in raised.value.message_dict


def test_contacts_are_replaced_on_update(area, employer_services):
    employer = EmployerFactory()
    services.update_employer(
        employer, {"name": "Uusi nimi"}, by=employer_services, contacts=[{"name": "A"}, {"name": "B"}]
    )
    employer.refresh_from_db()
    assert employer.name == "Uusi nimi"
    assert sorted(employer.contacts.values_list("name", flat=True)) == ["A", "B"]


def test_vacancy_is_created_with_its_lists_in_the_enums_order(area, occupations, employer_services):
    employer = EmployerFactory()
    vacancy = services.create_vacancy(
        vacancy_data(employer, required_cards=["first_aid", "hygiene_passport"]), by=employer_services
    )
    assert vacancy.status == enums.VacancyStatus.OPEN
    assert vacancy.required_cards == ["hygiene_passport", "first_aid"]
    assert vacancy.municipality.code == "205"


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"occupation": "9999"}, "occupation"),
        ({"occupation": "322"}, "occupation"),
        ({"title": ""}, "title"),
        ({"municipality": "564"}, "municipality"),
        ({"positions": 0}, "positions"),
        ({"working_time": "sometimes"}, "working_time"),
        ({"required_driving_licences": ["B", "X"]}, "required_driving_licences"),
        ({"required_cards": ["pilot"]}, "required_cards"),
        ({"wished_languages": ["fi"]}, "wished_languages"),
        ({"start_date": date(2026, 1, 1), "application_deadline": date(2026, 2, 1)}, "application_deadline"),
        ({"status": "filled"}, "status"),
    ],
)
def test_bad_vacancy_is_refused_on_its_field(area, occupations, employer_services, changes, field):
    with pytest.raises(ValidationError) as raised:
        services.create_vacancy(vacancy_data(EmployerFactory(), **changes), by=employer_services)
    assert field in raised.value.message_dict
    assert not Vacancy.objects.exists()


def test_status_moves_only_as_allowed(area, occupations, employer_services):
    vacancy = VacancyFactory(draft=True)
    with pytest.raises(ValidationError):
        services.change_status(vacancy, "filled", by=employer_services)
    assert services.change_status(vacancy, "open", by=employer_services).status == "open"
    assert services.change_status(vacancy, "closed", by=employer_services).status == "closed"
    assert services.change_status(vacancy, "open", by=employer_services).status == "open"
    assert services.change_status(vacancy, "filled", by=employer_services).status == "filled"
    with pytest.raises(ValidationError) as raised:
        services.update_vacancy(vacancy, {"title": "Myöhäinen muutos"}, by=employer_services)
    assert "status" in raised.value.message_dict


def test_update_changes_only_the_given_fields(area, occupations, employer_services):
    vacancy = VacancyFactory(required_driving_licences=["B"])
    services.update_vacancy(vacancy, {"positions": 3, "status": "closed"}, by=employer_services)
    vacancy.refresh_from_db()
    assert (vacancy.positions, vacancy.status, vacancy.required_driving_licences) == (3, "closed", ["B"])


def test_every_status_has_its_transitions():
    for status in enums.VacancyStatus:
        assert all(isinstance(other, enums.VacancyStatus) for other in status.allowed_next())
        assert status not in status.allowed_next()
