"""The cooperation API: raising a need (400 naming the field), a person's TYP record with consents, referrals and the
withdrawal, scoping (404 out of scope, the refusal logged), recruitment cases and the report."""

import pytest
from rest_framework.test import APIClient

from audit.models import PersonalDataAccess
from cooperation.models import ServiceNeed
from tests.cooperation.factories import county, make_case, make_consent, make_need

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _today(settings):
    settings.SERVICE_MODEL_TODAY = "2025-06-02"


def api(user):
    client = APIClient()
    client.force_authenticate(user)
    return client


def test_raising_a_need_names_the_bad_field_and_writes_nothing(staff):
    client = api(staff["counsellor"])
    refused = client.post(
        "/api/v1/cooperation/needs/",
        {
            "municipality": "999",
            "service_type": "coaching",
            "target_group": "adults",
            "places": 2,
            "justification": "x",
        },
        format="json",
    )
    assert refused.status_code == 400 and "municipality" in refused.json()
    assert not ServiceNeed.objects.exists()
    made = client.post(
        "/api/v1/cooperation/needs/",
        {
            "municipality": "205",
            "service_type": "coaching",
            "target_group": "adults",
            "places": 2,
            "justification": "x",
        },
        format="json",
    )
    assert made.status_code == 201 and made.json()["state"] == "raised"
    assert api(staff["manager"]).get("/api/v1/cooperation/needs/").json()["count"] == 1


def test_the_area_management_cannot_raise_a_need(staff):
    response = api(staff["manager"]).post("/api/v1/cooperation/needs/", {}, format="json")
    assert response.status_code == 403


def test_a_persons_typ_record_with_consent_referral_and_withdrawal(staff, client_of):
    client = api(staff["counsellor"])
    url = f"/api/v1/cooperation/typ/{client_of.pk}/"
    record = client.get(url).json()
    assert record["wellbeing_services_county"] == "Kainuun hyvinvointialue" and record["consents"] == []
    refused = client.post(url + "consents/", {"recipient": county().pk, "information": ["secret"]}, format="json")
    assert refused.status_code == 400 and "information" in refused.json()
    given = client.post(
        url + "consents/",
        {
            "recipient": county().pk,
            "information": ["contact"],
            "purpose": "Sosiaalityö.",
            "given_on": "2025-06-02",
            "valid_until": "2025-09-30",
        },
        format="json",
    )
    assert given.status_code == 201
    consent = given.json()["consents"][0]["id"]
    referred = client.post(
        url + "referrals/", {"consent": consent, "referred_on": "2025-06-02", "reason": "Arvio."}, format="json"
    )
    assert referred.status_code == 201 and len(referred.json()["referrals"]) == 1
    withdrawn = client.post(
        f"/api/v1/cooperation/consents/{consent}/withdraw/", {"withdrawn_on": "2025-06-02"}, format="json"
    )
    assert withdrawn.status_code == 200 and withdrawn.json()["withdrawn_on"] == "2025-06-02"
    again = client.post(
        url + "referrals/", {"consent": consent, "referred_on": "2025-06-02", "reason": "B"}, format="json"
    )
    assert again.status_code == 400 and "consent" in again.json()
    assert PersonalDataAccess.objects.filter(user=staff["counsellor"], subject_id=str(client_of.pk)).exists()


def test_another_municipality_gets_404_and_the_refusal_is_logged(staff, client_of, make_staff):
    outsider = make_staff("counsellor", "290", team="kuhmo")
    consent = make_consent(staff["counsellor"], client_of)
    client = api(outsider)
    assert client.get(f"/api/v1/cooperation/typ/{client_of.pk}/").status_code == 404
    response = client.post(f"/api/v1/cooperation/consents/{consent.pk}/withdraw/", {"withdrawn_on": "2025-06-02"})
    assert response.status_code == 404
    assert (
        PersonalDataAccess.objects.filter(
            user=outsider, subject_id=str(client_of.pk), outcome=PersonalDataAccess.Outcome.DENIED
        ).count()
        == 2
    )


def test_recruitment_cases_are_logged_and_closed_to_the_management(staff):
    case = make_case(staff["employer_services"])
    listed = api(staff["counsellor"]).get("/api/v1/cooperation/recruitment/")
    assert listed.json()["results"][0]["recruited_name"] == "Ana García"
    assert PersonalDataAccess.objects.filter(user=staff["counsellor"], subject_id=str(case.pk)).exists()
    assert api(staff["manager"]).get("/api/v1/cooperation/recruitment/").status_code == 403
    refused = api(staff["counsellor"]).post(
        "/api/v1/cooperation/recruitment/",
        {"employer": 0, "recruited_name": "X", "recruited_country": "x1"},
        format="json",
    )
    assert refused.status_code == 400 and {"employer", "recruited_country"} <= set(refused.json())


def test_the_report_gives_figures_per_municipality(staff):
    make_need(staff["counsellor"], places=4)
    rows = api(staff["manager"]).get("/api/v1/cooperation/report/").json()
    kajaani = next(row for row in rows if row["code"] == "205")
    assert kajaani["figures"]["needs"] == 1 and kajaani["figures"]["places_needed"] == 4
