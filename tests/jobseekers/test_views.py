import csv
import io
from datetime import date

import pytest
from django.core.management import call_command
from openpyxl import load_workbook

from jobseekers.models import Jobseeker
from tests.jobseekers.factories import make_jobseeker, synthetic_hetu

pytestmark = pytest.mark.django_db


@pytest.fixture
def counsellor(area, make_staff):
    return make_staff(team="kajaani-aikuiset")


@pytest.fixture
def signed_in(client, counsellor):
    client.force_login(counsellor)
    return client


@pytest.fixture
def populated(area):
    call_command("generate_population", "--month", "2023-08", "--seed", "1")


def test_search_filters_by_name_municipality_and_status_and_sorts(signed_in):
    make_jobseeker(first_name="Aino", last_name="Ahonen")
    make_jobseeker(first_name="Eino", last_name="Ahola", status="employed")
    make_jobseeker(first_name="Ville", last_name="Virtanen")
    make_jobseeker(first_name="Aino", last_name="Kuhmolainen", municipality="290")

    def names(**params):
        page = signed_in.get("/asiakkaat/", params).context["page"]
        return [p.last_name for p in page.object_list]

    assert names() == ["Ahola", "Ahonen", "Virtanen"]
    assert names(name="aho") == ["Ahola", "Ahonen"]
    assert names(name="aino aho") == ["Ahonen"]
    assert names(status="employed") == ["Ahola"]
    assert names(municipality="290") == []
    assert names(sort="-name") == ["Virtanen", "Ahonen", "Ahola"]
    body = signed_in.get("/asiakkaat/", {"sort": "name"}).content.decode()
    assert 'aria-sort="ascending"' in body


def test_search_paginates(signed_in):
    for _ in range(55):
        make_jobseeker()
    first = signed_in.get("/asiakkaat/")
    assert len(first.context["page"].object_list) == 50
    second = signed_in.get("/asiakkaat/", {"page": 2})
    assert len(second.context["page"].object_list) == 5
    assert "Edellinen sivu" in second.content.decode()


def test_card_shows_route_explanation_counsellor_and_history(signed_in, counsellor):
    jobseeker = make_jobseeker(registered_by=counsellor, first_name="Kaisa", last_name="Kortti")
    body = signed_in.get(f"/asiakkaat/{jobseeker.pk}/").content.decode()
    assert "Kaisa Kortti" in body
    assert "Palveleva kunta: Kajaani palvelujärjestelyn kajaani-aikuiset mukaan" in body
    assert "Virastotalo, Kalliokatu 4, 87100 Kajaani" in body
    assert "rekisteröinti" in body
    assert jobseeker.reveal_hetu() not in body
    assert jobseeker.reveal_hetu()[:7] + "••••" in body


def test_registration_form_registers_and_redirects_to_the_card(signed_in):
    code = synthetic_hetu(date(1993, 3, 3))
    response = signed_in.post(
        "/asiakkaat/uusi/",
        {
            "hetu": code,
            "first_name": "Uusi",
            "last_name": "Asiakas",
            "municipality": "205",
            "service_language": "fi",
            "citizenship": "FI",
            "status": "unemployed",
            "job_search_started_on": "2025-05-01",
            "preferred_channel": "online",
            "education_level": "upper_secondary",
            "occupations": "5223, 9112",
            "driving_licences": ["B"],
        },
    )
    jobseeker = Jobseeker.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/asiakkaat/{jobseeker.pk}/"
    assert jobseeker.occupations == ["5223", "9112"]
    assert jobseeker.driving_licences == ["B"]


def test_registration_form_shows_errors_by_field(signed_in):
    response = signed_in.post(
        "/asiakkaat/uusi/",
        {
            "hetu": "131052-308U",
            "first_name": "X",
            "last_name": "Y",
            "municipality": "205",
            "service_language": "zz",
            "citizenship": "FI",
            "status": "unemployed",
            "job_search_started_on": "2025-05-01",
            "preferred_channel": "online",
            "education_level": "unknown",
        },  # fmt: skip
    )
    assert response.status_code == 400
    form = response.context["form"]
    assert form.errors["hetu"] == ["henkilötunnus: tarkistemerkki ei täsmää"]
    assert "service_language" in form.errors
    assert not Jobseeker.objects.exists()


def test_a_wrong_identity_code_is_reported_beside_a_missing_name(signed_in):
    response = signed_in.post(
        "/asiakkaat/uusi/",
        {
            "hetu": "131052-308U",
            "first_name": "",
            "last_name": "Y",
            "municipality": "205",
            "service_language": "fi",
            "citizenship": "FI",
            "status": "unemployed",
            "job_search_started_on": "2025-05-01",
            "preferred_channel": "online",
            "education_level": "unknown",
        },  # fmt: skip
    )
    assert response.status_code == 400
    errors = response.context["form"].errors
    assert errors["hetu"] == ["henkilötunnus: tarkistemerkki ei täsmää"]
    assert "first_name" in errors
    assert not Jobseeker.objects.exists()


def test_live_check_reports_filled_fields_only_and_previews_the_route(signed_in):
    response = signed_in.post("/asiakkaat/uusi/tarkista/", {"hetu": "131052-308U"})
    body = response.content.decode()
    assert '<div id="hetu-error" hx-swap-oob="innerHTML"><p>henkilötunnus: tarkistemerkki ei täsmää</p></div>' in body
    assert '<div id="first_name-error" hx-swap-oob="innerHTML"></div>' in body, "untouched fields stay quiet"
    code = synthetic_hetu(date(1960, 1, 1))
    body = signed_in.post(
        "/asiakkaat/uusi/tarkista/", {"hetu": code, "municipality": "697", "service_language": "fi"}
    ).content.decode()
    assert "Paltamo" in body and "Aholantie 25" in body
    assert signed_in.get("/asiakkaat/uusi/tarkista/").status_code == 405


def test_caseloads_show_every_municipality_against_its_target(signed_in, populated):
    response = signed_in.get("/asiakkaat/asiakasmaarat/")
    table = response.context["municipality_table"]
    rows = {row["name"]: row for row in table.rows}
    assert len(rows) == 10
    assert rows["Kuhmo"]["wording"] == "alle sata henkilöasiakasta per työllisyysohjaaja htv"
    assert rows["Sotkamo"]["status"] == "ei tavoitetta"
    assert rows["Kajaani"]["status"] == "yli tavoitteen" and rows["Kajaani"]["fte_needed"] > 0
    assert rows["Kuusamo"]["status"] == "tavoitteessa", "plan: n. 140 asiakasta/virkailija with 9 htv"
    assert rows["Hyrynsalmi"]["note"] == "asukkaita palvelee Paltamo"
    assert rows["Paltamo"]["clients"] > rows["Paltamo"]["residents"], "Paltamo's team serves its neighbours"
    body = response.content.decode()
    assert 'class="num over-target"' in body
    teams = {row["name"]: row for row in response.context["team_table"].rows}
    assert teams["Monialaisen palvelun asiakkaat (TYP)"]["target"] == "< 100"


def test_caseload_exports(signed_in, populated):
    response = signed_in.get("/asiakkaat/asiakasmaarat/vienti/asiakasmaarat-kunnat.csv")
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0][:2] == ["Kunta", "Asiakkaita"]
    assert len(rows) == 11
    workbook = load_workbook(
        io.BytesIO(signed_in.get("/asiakkaat/asiakasmaarat/vienti/asiakasmaarat-ohjaajat.csv?format=xlsx").content)
    )
    assert workbook.active.max_row > 40
    assert signed_in.get("/asiakkaat/asiakasmaarat/vienti/salainen.csv").status_code == 404


def test_batch_assignment_button_for_supervisors(client, area, make_staff):
    make_staff(municipality_code="290", team="kuhmo")
    make_jobseeker(municipality="290")
    client.force_login(make_staff(role="supervisor", municipality_code="290"))
    assert "Jaa asiakkaat" in client.get("/asiakkaat/asiakasmaarat/").content.decode()
    response = client.post("/asiakkaat/asiakasmaarat/jako/", follow=True)
    assert "Asiakasjako tehty: 1 asiakasta sai vastuuohjaajan, 0 jäi ilman." in response.content.decode()
