import pytest

from employers.models import Vacancy
from tests.employers.factories import EmployerFactory, VacancyFactory

pytestmark = pytest.mark.django_db


def test_vacancy_list_filters_sorts_and_exports(client, counsellor, occupations):
    VacancyFactory(title="Kokki", occupation="5120")
    VacancyFactory(title="Sairaanhoitaja")
    VacancyFactory(title="Suljettu", closed=True)
    client.force_login(counsellor)
    page = client.get("/tyonantajat/tyopaikat/?status=open&occupation=32&sort=title").content.decode()
    assert "Sairaanhoitaja" in page and "Kokki" not in page and "Suljettu" not in page
    assert "3221 Sairaanhoitajat ym." in page
    export = client.get("/tyonantajat/tyopaikat/vienti/?status=open&format=csv").content.decode()
    assert export.count("\r\n") == 3 and "5120 Kokit" in export
    assert client.get("/tyonantajat/tyopaikat/?occupation=abc").status_code == 400


def test_form_creates_a_vacancy_and_shows_a_refusal_on_its_field(client, employer_services, occupations):
    employer = EmployerFactory()
    client.force_login(employer_services)
    data = {
        "employer": employer.pk,
        "title": "Kokki",
        "occupation": "9999",
        "municipality": "205",
        "positions": 1,
        "working_time": "full_time",
        "employment_type": "permanent",
        "required_cards": ["hygiene_passport"],
        "status": "open",
    }
    refused = client.post("/tyonantajat/tyopaikat/uusi/", data)
    assert refused.status_code == 400 and "Ammattiluokituksessa ei ole ammattiryhmää 9999" in refused.content.decode()
    response = client.post("/tyonantajat/tyopaikat/uusi/", {**data, "occupation": "5120"})
    vacancy = Vacancy.objects.get()
    assert response.status_code == 302 and vacancy.required_cards == ["hygiene_passport"]
    client.post(f"/tyonantajat/tyopaikat/{vacancy.pk}/tila/", {"status": "filled"})
    vacancy.refresh_from_db()
    assert vacancy.status == "filled"


def test_employer_form_saves_contacts(client, employer_services):
    client.force_login(employer_services)
    response = client.post(
        "/tyonantajat/uusi/",
        {
            "name": "Sotkamon Saha Oy",
            "business_id": "0109862-8",
            "municipality": "765",
            "industry": "C",
            "contacts-TOTAL_FORMS": "1",
            "contacts-INITIAL_FORMS": "0",
            "contacts-0-name": "Pekka Palkkaaja",
            "contacts-0-email": "pekka@example.com",
        },
    )
    assert response.status_code == 302
    page = client.get(response["Location"]).content.decode()
    assert "Pekka Palkkaaja" in page and "C Teollisuus" in page


def test_distances_page_shows_both_tables(client, counsellor):
    from django.core.management import call_command

    call_command("load_road_distances", stdout=None)
    client.force_login(counsellor)
    page = client.get("/tyonantajat/etaisyydet/").content.decode()
    assert "Etäisyydet naapurialueiden keskuksiin" in page and "Pendelöinti" in page and "Oulu" in page
    export = client.get("/tyonantajat/etaisyydet/vienti/naapurit/?format=csv").content.decode()
    assert export.splitlines()[0].startswith("Keskus,")


def test_distances_neighbours_are_the_centres_a_vacancy_may_be_in(client, counsellor):
    from django.core.management import call_command

    from employers import selectors
    from tests.organisation.factories import MunicipalityFactory

    call_command("load_road_distances", stdout=None)
    # Oulu registered as a municipality of another area is still a centre outside this one.
    MunicipalityFactory(code="564", name_fi="Oulu")
    client.force_login(counsellor)
    header = client.get("/tyonantajat/etaisyydet/vienti/naapurit/?format=csv").content.decode().splitlines()[0]
    centres = list(selectors.neighbouring_centres(counsellor).values())
    assert header == ",".join(["Keskus", *centres])
    assert "Oulu" in centres and "Kajaani" not in centres


def test_a_municipality_of_another_area_is_no_row_of_the_distance_tables(client, counsellor):
    from django.core.management import call_command

    from tests.organisation.factories import MunicipalityFactory

    call_command("load_road_distances", stdout=None)
    MunicipalityFactory(code="564", name_fi="Oulu")
    client.force_login(counsellor)
    area = client.get("/tyonantajat/etaisyydet/vienti/alue/?format=csv").content.decode().splitlines()
    neighbours = client.get("/tyonantajat/etaisyydet/vienti/naapurit/?format=csv").content.decode().splitlines()
    assert "Oulu" not in area[0] and "Kajaani" in area[0]
    assert [row.split(",")[0] for row in neighbours[1:]] == [row.split(",")[0] for row in area[1:]]
    assert "Oulu" not in [row.split(",")[0] for row in neighbours[1:]]
