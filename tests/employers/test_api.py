import pytest

from employers.models import Employer, Vacancy
from tests.employers.factories import EmployerFactory, VacancyFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def api(client, employer_services):
    client.force_login(employer_services)
    return client


def vacancy_body(employer, **changes):
    return {
        "employer": employer.pk,
        "title": "Sairaanhoitaja",
        "occupation": "3221",
        "municipality": "205",
        "positions": 2,
        "working_time": "full_time",
        "employment_type": "permanent",
        "required_driving_licences": ["B"],
        "required_languages": ["fi"],
        "remote_possible": False,
        "start_date": "2026-03-01",
        "application_deadline": "2026-02-01",
        **changes,
    }


def test_create_employer_and_vacancy_then_close_it(api, occupations):
    response = api.post(
        "/api/v1/employers/",
        {"name": "Kainuun Hoiva Oy", "business_id": "01162976", "municipality": "205"},
        content_type="application/json",
    )
    assert response.status_code == 201, response.json()
    employer = Employer.objects.get(pk=response.json()["id"])
    assert employer.business_id == "0116297-6"
    response = api.post("/api/v1/vacancies/", vacancy_body(employer), content_type="application/json")
    assert response.status_code == 201, response.json()
    body = response.json()
    assert (body["status"], body["occupation"], body["municipality"], body["source"]) == (
        "open",
        "3221",
        "205",
        "manual",
    )
    response = api.patch(f"/api/v1/vacancies/{body['id']}/", {"status": "closed"}, content_type="application/json")
    assert response.json()["status"] == "closed"
    assert api.get("/api/v1/vacancies/?status=closed").json()["count"] == 1


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"occupation": "9999"}, "occupation"),
        ({"municipality": "564"}, "municipality"),
        ({"required_driving_licences": ["X"]}, "required_driving_licences"),
        ({"employer": 999999}, "employer"),
        ({"colour": "red"}, "colour"),
    ],
)
def test_bad_vacancy_is_a_400_naming_the_field(api, occupations, changes, field):
    body = {**vacancy_body(EmployerFactory()), **changes}
    response = api.post("/api/v1/vacancies/", body, content_type="application/json")
    assert response.status_code == 400
    assert field in response.json()
    assert not Vacancy.objects.exists()


def test_disallowed_transition_is_a_400(api, occupations):
    vacancy = VacancyFactory(filled=True)
    response = api.patch(f"/api/v1/vacancies/{vacancy.pk}/", {"status": "open"}, content_type="application/json")
    assert response.status_code == 400 and "status" in response.json()


@pytest.mark.parametrize("url", ["/api/v1/vacancies/?colour=red", "/api/v1/employers/?colour=red"])
def test_unknown_query_parameter_is_a_400(api, url):
    response = api.get(url)
    assert response.status_code == 400 and "colour" in response.json()


def test_counsellor_reads_but_does_not_write(client, counsellor, occupations):
    vacancy = VacancyFactory()
    client.force_login(counsellor)
    assert client.get(f"/api/v1/vacancies/{vacancy.pk}/").json()["title"] == "Sairaanhoitaja"
    response = client.patch(f"/api/v1/vacancies/{vacancy.pk}/", {"status": "closed"}, content_type="application/json")
    assert response.status_code == 403
