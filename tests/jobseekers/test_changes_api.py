"""PATCH /api/v1/jobseekers/{id}/ and POST /api/v1/jobseekers/{id}/end-job-search/."""

from datetime import timedelta

import pytest
from django.utils import timezone

from audit.models import PersonalDataAccess
from jobseekers.models import JobseekerChange
from tests.jobseekers.factories import make_jobseeker

pytestmark = pytest.mark.django_db


@pytest.fixture
def counsellor(area, make_staff):
    return make_staff(team="kajaani-aikuiset")


@pytest.fixture
def person(counsellor):
    return make_jobseeker(with_counsellor=counsellor)


def url(person, action=""):
    return f"/api/v1/jobseekers/{person.pk}/" + (f"{action}/" if action else "")


def test_patch_changes_fields_and_answers_with_the_changes(client, counsellor, person):
    client.force_login(counsellor)
    day = (timezone.localdate() - timedelta(days=1)).isoformat()
    response = client.patch(
        url(person),
        {"email": "aino@example.fi", "status": "student", "status_effective_on": day, "reason": "Aloitti opinnot"},
        content_type="application/json",
    )
    assert response.status_code == 200, response.json()
    body = response.json()
    assert body["email"] == "aino@example.fi" and body["status"] == "student"
    assert {c["field"] for c in body["changes"]} == {"email", "status", "unemployed_since"}
    status = next(c for c in body["changes"] if c["field"] == "status")
    assert status["effective_on"] == day and status["kind"] == "status" and "opiskelija" in status["text"]
    assert body["route_change"] is None
    assert {c["field"] for c in body["change_history"]} == {"email", "status", "unemployed_since"}
    assert PersonalDataAccess.objects.filter(user=counsellor, view="api:jobseeker-update").exists()


def test_patch_reports_a_move_to_another_pool(client, counsellor, person, make_staff):
    kuhmo = make_staff(municipality_code="290", team="kuhmo")
    client.force_login(counsellor)
    response = client.patch(url(person), {"municipality": "290"}, content_type="application/json")
    assert response.status_code == 200
    # The counsellor no longer serves the person: the answer carries the id and what happened, not the record.
    body = response.json()
    assert body["id"] == person.pk and "first_name" not in body
    assert body["route_change"]["new_pool"] == "team:kuhmo"
    assert body["route_change"]["new_counsellor"] == {"id": kuhmo.pk, "name": str(kuhmo)}


def test_patch_refuses_bad_and_unknown_fields_by_name(client, counsellor, person):
    client.force_login(counsellor)
    response = client.patch(
        url(person), {"postal_code": "1234", "hetu": "131052-308T"}, content_type="application/json"
    )
    assert response.status_code == 400
    assert set(response.json()) == {"hetu"}
    response = client.patch(
        url(person), {"postal_code": "1234", "max_commute_km": 5000}, content_type="application/json"
    )
    assert response.status_code == 400
    assert set(response.json()) == {"postal_code", "max_commute_km"}
    assert not JobseekerChange.objects.exists()


def test_end_job_search_then_twice_is_a_400_naming_the_field(client, counsellor, person):
    client.force_login(counsellor)
    today = timezone.localdate().isoformat()
    response = client.post(url(person, "end-job-search"), {"ended_on": today, "reason": "employed"},
                           content_type="application/json")  # fmt: skip
    assert response.status_code == 200
    body = response.json()
    assert body["job_search_ended_on"] == today and body["job_search_end_reason"] == "employed"
    assert body["counsellor"] is None
    again = client.post(url(person, "end-job-search"), {"ended_on": today, "reason": "employed"},
                        content_type="application/json")  # fmt: skip
    assert again.status_code == 400
    assert "jo päättynyt" in again.json()["ended_on"][0]


def test_end_job_search_names_missing_and_wrong_input(client, counsellor, person):
    client.force_login(counsellor)
    future = (timezone.localdate() + timedelta(days=1)).isoformat()
    response = client.post(url(person, "end-job-search"), {"ended_on": future, "reason": "x"},
                           content_type="application/json")  # fmt: skip
    assert response.status_code == 400
    assert set(response.json()) == {"ended_on", "reason"}
    person.refresh_from_db()
    assert person.job_search_ended_on is None


def test_wrong_role_gets_403_and_wrong_municipality_404(client, area, person, make_user, make_staff):
    client.force_login(make_user(role="decision_maker", municipality_code="205"))
    assert client.patch(url(person), {"phone": "040 1"}, content_type="application/json").status_code == 403
    outsider = make_staff(municipality_code="290", team="kuhmo")
    client.force_login(outsider)
    assert client.patch(url(person), {"phone": "040 1"}, content_type="application/json").status_code == 404
    today = timezone.localdate().isoformat()
    response = client.post(url(person, "end-job-search"), {"ended_on": today, "reason": "employed"},
                           content_type="application/json")  # fmt: skip
    assert response.status_code == 404
    person.refresh_from_db()
    assert person.phone == "" and person.job_search_ended_on is None
    assert PersonalDataAccess.objects.filter(user=outsider, outcome=PersonalDataAccess.Outcome.DENIED).count() == 2
