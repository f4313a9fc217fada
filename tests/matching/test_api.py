"""The matching API: matches of a person and of a vacancy, job offers; shapes, 400s naming the field, scoping."""

import pytest
from rest_framework.test import APIClient

from audit.models import PersonalDataAccess
from matching.models import JobOffer
from tests.matching.factories import nurse, vacancy

pytestmark = pytest.mark.django_db


@pytest.fixture
def api():
    return APIClient()


@pytest.fixture
def people(setting, kajaani_counsellor, make_staff):
    own = nurse(with_counsellor=kajaani_counsellor, last_name="Omanen")
    other = nurse(municipality="765", last_name="Vieraskuntainen")
    return own, other, vacancy("205"), vacancy("765")


def test_a_persons_matches(api, people, kajaani_counsellor):
    own, _other, kajaani_job, sotkamo_job = people
    api.force_authenticate(kajaani_counsellor)
    response = api.get(f"/api/v1/jobseekers/{own.pk}/matches/", {"limit": 20})
    assert response.status_code == 200
    body = response.json()
    assert body["jobseeker"] == own.pk
    assert [row["id"] for row in body["results"]] == [kajaani_job.pk, sotkamo_job.pk]
    first, second = body["results"]
    assert set(first["components"]) == {"occupation", "location", "start"}
    assert first["score"] == pytest.approx(sum(first["components"].values()), abs=0.2)
    assert (first["distance_km"], first["other_municipality"]) == (0, False)
    assert (second["distance_km"], second["other_municipality"], second["municipality"]) == (38, True, "765")
    assert api.get(f"/api/v1/jobseekers/{own.pk}/matches/", {"limit": 1}).json()["results"][0]["id"] == kajaani_job.pk
    rows = PersonalDataAccess.objects.filter(user=kajaani_counsellor)
    assert {(row.view, row.subject_id) for row in rows} == {("api:jobseeker-matches-list", str(own.pk))}


@pytest.mark.parametrize("limit", ["0", "101", "abc", "-1", "2.5"])
def test_a_bad_limit_is_a_400_naming_it(api, people, kajaani_counsellor, limit):
    own, _other, _kajaani_job, sotkamo_job = people
    api.force_authenticate(kajaani_counsellor)
    for url in (f"/api/v1/jobseekers/{own.pk}/matches/", f"/api/v1/vacancies/{sotkamo_job.pk}/matches/"):
        response = api.get(url, {"limit": limit})
        assert response.status_code == 400
        assert "limit" in response.json()


def test_a_vacancys_candidates_hide_people_out_of_scope(api, people, kajaani_counsellor, make_staff):
    own, other, _kajaani_job, sotkamo_job = people
    api.force_authenticate(kajaani_counsellor)
    body = api.get(f"/api/v1/vacancies/{sotkamo_job.pk}/matches/").json()
    assert body["vacancy"] == sotkamo_job.pk
    assert [row["id"] for row in body["results"]] == [own.pk]
    assert body["results"][0]["name"] == "Testi Omanen"
    assert body["results"][0]["distance_km"] == 38
    assert body["hidden_count"] == 1
    assert set(PersonalDataAccess.objects.values_list("subject_id", flat=True)) == {str(own.pk)}
    api.force_authenticate(make_staff(role="employer_services", municipality_code="205"))
    body = api.get(f"/api/v1/vacancies/{sotkamo_job.pk}/matches/").json()
    assert body["results"] == [] and body["hidden_count"] == 2
    api.force_authenticate(make_staff(role="area_manager", municipality_code="205"))
    assert api.get(f"/api/v1/vacancies/{sotkamo_job.pk}/matches/").status_code == 403


def test_job_offers_are_made_listed_and_closed(api, people, kajaani_counsellor, today):
    own, _other, _kajaani_job, sotkamo_job = people
    api.force_authenticate(kajaani_counsellor)
    created = api.post("/api/v1/job-offers/", {"jobseeker": own.pk, "vacancy": sotkamo_job.pk}, format="json")
    assert created.status_code == 201, created.json()
    offer = created.json()
    assert offer["kind"] == "job_offer" and offer["crosses_border"] is True and offer["outcome"] == ""
    assert offer["components"]["occupation"] == 50
    listed = api.get("/api/v1/job-offers/", {"jobseeker": own.pk}).json()
    assert [row["id"] for row in listed["results"]] == [offer["id"]]
    assert api.get(f"/api/v1/job-offers/{offer['id']}/").json()["vacancy"] == sotkamo_job.pk
    refused = api.post(
        f"/api/v1/job-offers/{offer['id']}/outcome/", {"outcome": "hired", "outcome_date": "2025-06-03"}, format="json"
    )
    assert refused.status_code == 400 and "outcome_date" in refused.json()
    closed = api.post(
        f"/api/v1/job-offers/{offer['id']}/outcome/", {"outcome": "hired", "outcome_date": today.isoformat()}
    )
    assert closed.status_code == 200 and closed.json()["outcome"] == "hired"


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({"jobseeker": None}, "jobseeker"),
        ({"jobseeker": "x"}, "jobseeker"),
        ({"jobseeker": 999999}, "jobseeker"),
        ({"kind": "lahete"}, "kind"),
        ({"vacancy": 999999}, "vacancy"),
        ({"note": "x" * 2001}, "note"),
    ],
)
def test_a_bad_offer_is_a_400_naming_the_field(api, people, kajaani_counsellor, payload, field):
    own, _other, _kajaani_job, sotkamo_job = people
    api.force_authenticate(kajaani_counsellor)
    data = {"jobseeker": own.pk, "vacancy": sotkamo_job.pk, **payload}
    response = api.post("/api/v1/job-offers/", {k: v for k, v in data.items() if v is not None}, format="json")
    assert response.status_code == 400
    assert field in response.json()
    assert not JobOffer.objects.exists()


def test_a_person_out_of_scope_cannot_be_offered_or_read(api, people, make_staff):
    own, _other, _kajaani_job, sotkamo_job = people
    outsider = make_staff(role="counsellor", municipality_code="305", team="kuusamo")
    api.force_authenticate(outsider)
    response = api.post("/api/v1/job-offers/", {"jobseeker": own.pk, "vacancy": sotkamo_job.pk}, format="json")
    assert response.status_code == 400 and "jobseeker" in response.json()
    assert api.get(f"/api/v1/jobseekers/{own.pk}/matches/").status_code == 404
    assert PersonalDataAccess.objects.filter(user=outsider, outcome="denied", subject_id=str(own.pk)).count() == 2
    assert not JobOffer.objects.exists()
