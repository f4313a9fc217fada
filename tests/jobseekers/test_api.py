"""The job-seeker API: registration with field-named errors, scoped and logged reads, filters and pagination."""

from datetime import date

import pytest
from django.utils import timezone

from audit.models import PersonalDataAccess
from jobseekers.models import CounsellorAssignment, Jobseeker
from tests.jobseekers.factories import make_jobseeker, registration, synthetic_hetu

pytestmark = pytest.mark.django_db


@pytest.fixture
def counsellor(area, make_staff):
    return make_staff(role="counsellor", municipality_code="205", team="kajaani-aikuiset")


@pytest.fixture
def api(client, counsellor):
    client.force_login(counsellor)
    return client


def post(client, **data):
    payload = {
        key: value.isoformat() if isinstance(value, date) else value for key, value in registration(**data).items()
    }
    return client.post("/api/v1/jobseekers/", payload, content_type="application/json")


def test_registration_with_the_minimum_fields(api, counsellor):
    response = post(api, hetu=synthetic_hetu(date(1979, 4, 2), "male"), first_name="Matti", last_name="Meikäläinen")
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["birth_date"] == "1979-04-02"
    assert body["sex"] == "male"
    assert body["municipality"] == "205"
    assert body["route"]["team"]["key"] == "kajaani-aikuiset"
    assert body["route"]["office"]["address"] == "Kalliokatu 4, 87100 Kajaani"
    assert body["route"]["explanation"].startswith("Kotikunta: Kajaani")
    assert body["counsellor"]["id"] == counsellor.pk, "the registering counsellor of the pool becomes responsible"
    assert "hetu" not in body
    jobseeker = Jobseeker.objects.get()
    assert jobseeker.unemployed_since == date(2025, 1, 10), "unemployed since the job search started"
    assert CounsellorAssignment.objects.get().reason == "registration"


def test_derived_fields_are_computed_not_typed(client, area, make_staff):
    client.force_login(make_staff(role="administrator"))
    today = timezone.localdate()
    born = today.replace(year=today.year - 24, day=1)
    response = post(
        client,
        hetu=synthetic_hetu(born),
        service_language="ar",
        job_search_started_on="2020-01-01",
        sex="male",
        age=99,
        long_term_unemployed=False,
    )
    body = response.json()
    assert body["sex"] == "female"
    assert body["age"] == 24
    assert body["youth"] is True
    assert body["foreign_language"] is True
    assert body["long_term_unemployed"] is True
    assert body["route"]["target_group"] == "foreign_language"


def test_registrant_outside_the_new_pool_gets_only_the_id(api):
    response = post(api, service_language="ar")
    assert response.status_code == 201
    assert response.json() == {"id": Jobseeker.objects.get().pk}


def test_validation_errors_are_400_with_field_names(api):
    response = api.post(
        "/api/v1/jobseekers/",
        {
            "hetu": "131052-308U",
            "first_name": "",
            "municipality": "999",
            "service_language": "klingon",
            "job_search_started_on": "eilen",
            "status": "unemployed",
        },
        content_type="application/json",
    )
    assert response.status_code == 400
    assert {"first_name", "last_name", "job_search_started_on"} <= set(response.json())
    response = post(api, municipality="999", service_language="xx", status="lazy", occupations=["12"], email="no")
    assert response.status_code == 400
    assert set(response.json()) == {"municipality", "service_language", "status", "occupations", "email"}
    assert not Jobseeker.objects.exists()


def test_job_search_cannot_start_in_the_future_or_before_birth(api):
    response = post(api, hetu=synthetic_hetu(date(1990, 1, 1)), job_search_started_on="1980-01-01")
    assert response.json() == {"job_search_started_on": ["Päivämäärä on ennen syntymäaikaa."]}
    response = post(api, job_search_started_on="2999-01-01")
    assert response.json() == {"job_search_started_on": ["Päivämäärä ei voi olla tulevaisuudessa."]}


def test_previous_job_search_must_end_before_this_one_started(api):
    response = post(api, job_search_started_on="2025-03-01", previous_job_search_ended_on="2025-03-02")
    assert response.json() == {
        "previous_job_search_ended_on": ["Edellinen työnhaku ei voi päättyä uuden työnhaun alkamisen jälkeen."]
    }
    response = post(api, previous_job_search_ended_on="2999-01-01")
    assert response.json()["previous_job_search_ended_on"] == ["Päivämäärä ei voi olla tulevaisuudessa."]
    assert not Jobseeker.objects.exists()
    created = post(api, job_search_started_on="2025-03-01", previous_job_search_ended_on="2024-12-31")
    assert created.status_code == 201
    assert created.json()["previous_job_search_ended_on"] == "2024-12-31"


def test_duplicate_registration_is_refused(api):
    code = synthetic_hetu()
    assert post(api, hetu=code).status_code == 201
    response = post(api, hetu=code)
    assert response.status_code == 400
    assert response.json() == {"hetu": ["henkilötunnus: henkilö on jo rekisteröity työllisyysalueelle"]}


def test_list_filters_paginates_and_logs_each_person_on_the_page(api, counsellor):
    for index in range(5):
        make_jobseeker(municipality="205", status="unemployed" if index % 2 else "employed", registered_by=counsellor)
    make_jobseeker(municipality="290")  # Kuhmo: not this counsellor's pool
    before = PersonalDataAccess.objects.count()
    response = api.get("/api/v1/jobseekers/", {"status": "unemployed", "limit": 1})
    body = response.json()
    assert body["count"] == 2
    assert len(body["results"]) == 1
    assert body["next"]
    assert PersonalDataAccess.objects.count() == before + 1
    row = PersonalDataAccess.objects.order_by("-pk").first()
    assert row.subject_id == str(body["results"][0]["id"])
    assert row.view == "api:jobseeker-list"
    assert api.get("/api/v1/jobseekers/", {"municipality": "290"}).json()["count"] == 0
    assert api.get("/api/v1/jobseekers/", {"counsellor": counsellor.pk}).json()["count"] == 5


def test_status_is_exact_and_concept_unemployed_follows_statistics_finland(api, counsellor):
    for status in ("unemployed", "fully_laid_off", "partly_laid_off", "employed"):
        make_jobseeker(municipality="205", status=status, registered_by=counsellor)

    def statuses(**params):
        response = api.get("/api/v1/jobseekers/", params)
        assert response.status_code == 200, response.content
        return sorted(row["status"] for row in response.json()["results"])

    assert statuses(status="unemployed") == ["unemployed"]
    assert statuses(status="fully_laid_off") == ["fully_laid_off"]
    # Statistics Finland's unemployed (työttömät): the unemployed and the fully laid off, not the partly laid off.
    assert statuses(concept="unemployed") == ["fully_laid_off", "unemployed"]
    assert statuses(concept="unemployed", status="fully_laid_off") == ["fully_laid_off"]


def test_an_unknown_status_or_concept_is_refused_by_name(api):
    response = api.get("/api/v1/jobseekers/", {"status": "lazy", "concept": "idle"})
    assert response.status_code == 400
    body = response.json()
    assert body["status"] == [
        "Tuntematon tila. Sallitut: unemployed, fully_laid_off, partly_laid_off, part_time, employed, in_services, "
        "student, outside_labour_force."
    ]
    assert body["concept"] == ["Tuntematon käsite. Sallitut: unemployed."]


def test_the_schema_documents_the_status_values_and_the_concept(api):
    response = api.get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json")
    parameters = {p["name"]: p for p in response.json()["paths"]["/api/v1/jobseekers/"]["get"]["parameters"]}
    assert "fully_laid_off" in parameters["status"]["schema"]["enum"]
    assert parameters["concept"]["schema"]["enum"] == ["unemployed"]
    assert "Tilastokeskuksen" in parameters["concept"]["description"]


def test_detail_includes_route_counsellor_and_history_and_is_logged(api, counsellor):
    jobseeker = make_jobseeker(registered_by=counsellor)
    response = api.get(f"/api/v1/jobseekers/{jobseeker.pk}/")
    body = response.json()
    assert body["route"]["serving_municipality"] == "205"
    assert body["counsellor"]["name"] == counsellor.username
    assert body["counsellor_history"][0]["reason"] == "registration"
    log = PersonalDataAccess.objects.filter(view="api:jobseeker-detail").get()
    assert (log.user, log.subject_id, log.outcome) == (counsellor, str(jobseeker.pk), "granted")


def test_hetu_search_is_a_post_exact_match(api, counsellor):
    code = synthetic_hetu(date(1966, 6, 6))
    jobseeker = make_jobseeker(hetu=code)
    found = api.post("/api/v1/jobseekers/hetu-search/", {"hetu": code.lower()}, content_type="application/json")
    assert found.status_code == 200
    assert found.json()["id"] == jobseeker.pk
    other = synthetic_hetu(date(1966, 6, 6))
    assert (
        api.post("/api/v1/jobseekers/hetu-search/", {"hetu": other}, content_type="application/json").status_code == 404
    )
    assert api.get("/api/v1/jobseekers/hetu-search/").status_code == 405


def test_caseloads_api_has_every_municipality(api):
    body = api.get("/api/v1/caseloads/").json()
    assert len(body["municipalities"]) == 10
    sotkamo = next(row for row in body["municipalities"] if row["name"] == "Sotkamo")
    assert sotkamo["wording"] == ""
    kuhmo = next(row for row in body["municipalities"] if row["name"] == "Kuhmo")
    assert kuhmo["wording"] == "alle sata henkilöasiakasta per työllisyysohjaaja htv"


@pytest.mark.parametrize("language", ["se", "smn", "sms"])
def test_a_sami_speaker_is_registered_and_served_by_the_general_team(api, language):
    response = post(
        api, hetu=synthetic_hetu(date(1979, 4, 2), "female"), first_name="Elle", last_name="Aikio",
        service_language=language, preferred_language=language,
    )  # fmt: skip
    assert response.status_code == 201, response.content
    assert response.json()["route"]["team"]["key"] == "kajaani-aikuiset"
    assert not Jobseeker.objects.get().is_foreign_language
