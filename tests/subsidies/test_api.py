"""The applications API: scoped and access-logged reads, creation through the service, steps refused with reasons."""

import pytest

from audit.models import PersonalDataAccess
from organisation.models import Team
from tests.subsidies.factories import advance, make_application

pytestmark = pytest.mark.django_db

URL = "/api/v1/subsidies/applications/"


@pytest.fixture
def people(area, rates, make_user):
    team = Team.objects.get(key="paltamo-pienet-kunnat")
    return {
        "preparer": make_user(role="counsellor", municipality_code="578", team=team),
        "decider": make_user(role="decision_maker", municipality_code="578"),
        "outsider": make_user(role="decision_maker", municipality_code="205"),
    }


def test_list_and_detail_are_scoped_and_logged(client, people):
    application = make_application(people["preparer"])
    client.force_login(people["decider"])
    assert [row["id"] for row in client.get(URL).json()["results"]] == [application.pk]
    detail = client.get(f"{URL}{application.pk}/").json()
    assert detail["transitions"][0]["action"] == "receive"
    assert (
        PersonalDataAccess.objects.filter(user=people["decider"], subject_id=str(application.jobseeker_id)).count() == 2
    )
    client.force_login(people["outsider"])
    assert client.get(URL).json()["results"] == []
    assert client.get(f"{URL}{application.pk}/").status_code == 404


def test_create_names_bad_fields(client, people):
    application = make_application(people["preparer"])
    client.force_login(people["preparer"])
    data = {
        "jobseeker": application.jobseeker_id,
        "kind": "general",
        "received_on": "2025-02-01",
        "start_date": "2025-03-01",
        "months": 5,
        "employer_business_id": "123",
    }
    response = client.post(URL, data, content_type="application/json")
    assert response.status_code == 400
    assert {"employer_business_id", "employer_name", "job_title", "employer_type"} <= set(response.json())


def test_a_step_refused_says_why(client, people):
    preparer = people["preparer"]
    application = advance(make_application(preparer), preparer, to="proposed")
    client.force_login(preparer)
    response = client.post(f"{URL}{application.pk}/step/", {"action": "decide"}, content_type="application/json")
    assert response.status_code == 400
    assert "toimivaltaa" in response.json()["non_field_errors"][0]
    client.force_login(people["decider"])
    decided = client.post(f"{URL}{application.pk}/step/", {"action": "decide"}, content_type="application/json")
    assert decided.status_code == 200
    assert decided.json()["decisions"][0]["monthly_amount"] == "1260.00"
