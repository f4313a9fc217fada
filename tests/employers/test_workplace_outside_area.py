"""A vacancy's workplace outside the area (docs/decisions/0011): a neighbouring centre of the road-distance table, by
code or name, beside the area municipality that owns the vacancy; refused by name on the pages, the API and the import
when the centre is unknown or is one of the area's own municipalities."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from django.db import DataError, IntegrityError, transaction
from django.db.models import Q

from employers import distance_store, services
from employers.models import Employer, RoadDistance, Vacancy
from tests.conftest import AREA_DIR
from tests.employers.factories import EmployerFactory, VacancyFactory
from tests.employers.test_api import vacancy_body
from tests.employers.test_services import vacancy_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def distances(area):
    distance_store.load(AREA_DIR / "road-distances.csv")


def test_a_neighbouring_centre_is_taken_by_code_or_name_and_the_owner_stays(distances, occupations, employer_services):
    employer = EmployerFactory()
    by_code = services.create_vacancy(vacancy_data(employer, workplace_outside_area="564"), by=employer_services)
    by_name = services.create_vacancy(vacancy_data(employer, workplace_outside_area=" iisalmi "), by=employer_services)
    assert (by_code.workplace_outside_area, by_code.workplace_outside_area_name) == ("564", "Oulu")
    assert (by_name.workplace_outside_area, by_name.workplace_outside_area_name) == ("140", "Iisalmi")
    assert by_code.municipality.code == "205" and by_code.is_outside_area
    assert (by_code.workplace_code, by_code.workplace_name) == ("564", "Oulu")
    in_area = services.create_vacancy(vacancy_data(employer), by=employer_services)
    assert (in_area.workplace_code, in_area.workplace_name, in_area.is_outside_area) == ("205", "Kajaani", False)
    services.update_vacancy(by_code, {"workplace_outside_area": ""}, by=employer_services)
    by_code.refresh_from_db()
    assert (by_code.workplace_outside_area, by_code.workplace_outside_area_name) == ("", "")


@pytest.mark.parametrize(
    ("place", "reason"),
    [
        ("Helsinki", "Tuntematon naapurialueen keskus Helsinki. Tunnetut: Iisalmi (140), Kemijärvi (320)"),
        ("091", "Tuntematon naapurialueen keskus 091"),
        ("765", "765 on alueen kunta"),
        ("Sotkamo", "Sotkamo on alueen kunta"),
        ("Ristijarvi", "Ristijarvi on alueen kunta"),
        ("Kajana", "Kajana on alueen kunta"),
    ],
)
def test_an_unknown_centre_or_an_area_municipality_is_refused_on_the_field(
    distances, occupations, employer_services, place, reason
):
    with pytest.raises(ValidationError) as raised:
        services.create_vacancy(vacancy_data(EmployerFactory(), workplace_outside_area=place), by=employer_services)
    assert list(raised.value.message_dict) == ["workplace_outside_area"]
    assert reason in raised.value.message_dict["workplace_outside_area"][0]
    assert not Vacancy.objects.exists()


def test_without_the_distance_table_no_centre_is_known(area, occupations, employer_services):
    with pytest.raises(ValidationError) as raised:
        services.create_vacancy(vacancy_data(EmployerFactory(), workplace_outside_area="Oulu"), by=employer_services)
    assert "tieetäisyyksiä ei ole ladattu" in raised.value.message_dict["workplace_outside_area"][0]


@pytest.mark.parametrize(("code", "name"), [("564", ""), ("", "Oulu"), ("Oul", "Oulu"), ("56\n", "Oulu")])
def test_the_database_refuses_a_code_without_its_name_or_a_malformed_code(area, code, name):
    vacancy = VacancyFactory()
    vacancy.workplace_outside_area, vacancy.workplace_outside_area_name = code, name
    with pytest.raises(IntegrityError), transaction.atomic():
        vacancy.save()


@pytest.fixture
def api(client, employer_services):
    client.force_login(employer_services)
    return client


def test_api_creates_a_vacancy_outside_the_area_and_refuses_an_unknown_centre_by_name(api, distances, occupations):
    employer = EmployerFactory()
    response = api.post(
        "/api/v1/vacancies/", vacancy_body(employer, workplace_outside_area="Oulu"), content_type="application/json"
    )
    assert response.status_code == 201, response.json()
    body = response.json()
    assert (body["municipality"], body["workplace_outside_area"], body["workplace_outside_area_name"]) == (
        "205",
        "564",
        "Oulu",
    )
    assert api.get(f"/api/v1/vacancies/{body['id']}/").json()["workplace_outside_area"] == "564"
    refused = api.post(
        "/api/v1/vacancies/", vacancy_body(employer, workplace_outside_area="Tampere"), content_type="application/json"
    )
    assert refused.status_code == 400
    assert list(refused.json()) == ["workplace_outside_area"]
    assert "Tampere" in refused.json()["workplace_outside_area"][0]
    patched = api.patch(
        f"/api/v1/vacancies/{body['id']}/", {"workplace_outside_area": "205"}, content_type="application/json"
    )
    assert patched.status_code == 400 and "alueen kunta" in patched.json()["workplace_outside_area"][0]
    assert Vacancy.objects.count() == 1 and Vacancy.objects.get().workplace_outside_area == "564"


def test_api_takes_null_as_a_workplace_inside_the_area(api, distances, occupations):
    employer = EmployerFactory()
    created = api.post(
        "/api/v1/vacancies/", vacancy_body(employer, workplace_outside_area=None), content_type="application/json"
    )
    assert created.status_code == 201, created.json()
    assert (created.json()["workplace_outside_area"], created.json()["workplace_outside_area_name"]) == ("", "")
    outside = api.post(
        "/api/v1/vacancies/", vacancy_body(employer, workplace_outside_area="564"), content_type="application/json"
    )
    patched = api.patch(
        f"/api/v1/vacancies/{outside.json()['id']}/", {"workplace_outside_area": None}, content_type="application/json"
    )
    assert patched.status_code == 200, patched.json()
    vacancy = Vacancy.objects.get(pk=outside.json()["id"])
    assert (vacancy.workplace_outside_area, vacancy.workplace_outside_area_name, vacancy.is_outside_area) == (
        "",
        "",
        False,
    )


HEADER = (
    "source,external_id,employer_business_id,employer_name,title,occupation,municipality,workplace_outside_area,"
    "working_time,employment_type\n"
)


def test_import_takes_the_centre_and_refuses_a_bad_one_with_file_line_and_reason(tmp_path, distances, occupations):
    path = tmp_path / "tyopaikat.csv"
    good = HEADER + "tyomarkkinatori,TMT-1,0116297-6,Oulun Hoiva Oy,Sairaanhoitaja,3221,205,Oulu,full_time,permanent\n"
    path.write_text(
        good + "tyomarkkinatori,TMT-2,0116297-6,,Kokki,5120,205,Helsinki,full_time,permanent\n", encoding="utf-8"
    )
    with pytest.raises(CommandError) as raised:
        call_command("import_vacancies", str(path), stdout=io.StringIO())
    assert f"{path}: rivi 3: workplace_outside_area: Tuntematon naapurialueen keskus Helsinki." in str(raised.value)
    assert not Vacancy.objects.exists() and not Employer.objects.exists()
    path.write_text(good, encoding="utf-8")
    call_command("import_vacancies", str(path), stdout=io.StringIO())
    assert Vacancy.objects.get().workplace_outside_area == "564"
    json_path = tmp_path / "tyopaikat.json"
    json_path.write_text(
        '[{"source": "eures", "external_id": "E-1", "employer_business_id": "0116297-6", "title": "Kokki",\n'
        '  "occupation": "5120", "municipality": "205", "working_time": "full_time",\n'
        '  "employment_type": "permanent", "workplace_outside_area": 140}]',
        encoding="utf-8",
    )
    call_command("import_vacancies", str(json_path), stdout=io.StringIO())
    assert Vacancy.objects.get(external_id="E-1").workplace_outside_area_name == "Iisalmi"


def test_form_offers_the_neighbouring_centres_and_shows_the_place(client, distances, employer_services, occupations):
    employer = EmployerFactory()
    client.force_login(employer_services)
    form = client.get("/tyonantajat/tyopaikat/uusi/").content.decode()
    assert 'name="workplace_outside_area"' in form and '<option value="564">Oulu</option>' in form
    assert '<option value="765">' not in form.split('name="workplace_outside_area"')[1].split("</select>")[0]
    data = {
        "employer": employer.pk,
        "title": "Kokki",
        "occupation": "5120",
        "municipality": "205",
        "workplace_outside_area": "999",
        "positions": 1,
        "working_time": "full_time",
        "employment_type": "permanent",
        "status": "open",
    }
    refused = client.post("/tyonantajat/tyopaikat/uusi/", data)
    assert refused.status_code == 400 and 'id="workplace_outside_area-error"' in refused.content.decode()
    assert not Vacancy.objects.exists()
    response = client.post("/tyonantajat/tyopaikat/uusi/", {**data, "workplace_outside_area": "564"})
    vacancy = Vacancy.objects.get()
    assert response.status_code == 302 and vacancy.workplace_outside_area == "564"
    page = client.get(f"/tyonantajat/tyopaikat/{vacancy.pk}/").content.decode()
    assert "Oulu" in page and "alueen ulkopuolella" in page
    export = client.get("/tyonantajat/tyopaikat/vienti/?format=csv").content.decode()
    assert "Työpaikka alueen ulkopuolella" in export and ",Oulu," in export


def test_editing_a_vacancy_whose_centre_left_the_table_shows_it_and_refuses_the_save(
    client, distances, employer_services, occupations
):
    employer = EmployerFactory()
    vacancy = services.create_vacancy(vacancy_data(employer, workplace_outside_area="Oulu"), by=employer_services)
    RoadDistance.objects.filter(Q(from_code="564") | Q(to_code="564")).delete()
    client.force_login(employer_services)
    url = f"/tyonantajat/tyopaikat/{vacancy.pk}/muokkaa/"
    form = client.get(url).content.decode()
    assert '<option value="564" selected>564</option>' in form
    data = {
        "employer": employer.pk,
        "title": "Sairaanhoitaja",
        "occupation": "3221",
        "municipality": "205",
        "workplace_outside_area": "564",
        "positions": 1,
        "working_time": "full_time",
        "employment_type": "permanent",
    }
    refused = client.post(url, data)
    assert refused.status_code == 400
    assert "Tuntematon naapurialueen keskus 564" in refused.content.decode()
    vacancy.refresh_from_db()
    assert (vacancy.workplace_outside_area, vacancy.workplace_outside_area_name) == ("564", "Oulu")


def test_the_vacancy_list_and_the_employer_page_show_the_centre_beside_the_owner(
    client, distances, employer_services, occupations
):
    employer = EmployerFactory()
    services.create_vacancy(vacancy_data(employer, workplace_outside_area="Oulu"), by=employer_services)
    client.force_login(employer_services)
    for url in ("/tyonantajat/tyopaikat/", f"/tyonantajat/{employer.pk}/"):
        page = client.get(url).content.decode()
        assert "Kajaani → Oulu" in page and "alueen ulkopuolella" in page, url


def test_the_database_refuses_a_code_with_a_final_newline(area):
    vacancy = VacancyFactory()
    vacancy.workplace_outside_area, vacancy.workplace_outside_area_name = "564\n", "Oulu"
    # PostgreSQL refuses the four characters by the column's length before the check sees them.
    with pytest.raises((IntegrityError, DataError)), transaction.atomic():
        vacancy.save()


@pytest.mark.parametrize("occupation", ["322", "3221\n"])
def test_the_database_refuses_an_occupation_that_is_not_four_digits(area, occupation):
    vacancy = VacancyFactory()
    vacancy.occupation = occupation
    # PostgreSQL refuses the five characters of "3221\n" by the column's length before the check sees them.
    with pytest.raises((IntegrityError, DataError)), transaction.atomic():
        vacancy.save()
