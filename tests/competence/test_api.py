"""The competence API: aggregates with the three-person threshold as on the heat map, bottlenecks, and individual
answers only for the person, their supervisor and administrators, every read of them access-logged."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from audit.models import PersonalDataAccess
from tests.competence.factories import make_respondent, make_round

pytestmark = pytest.mark.django_db

BASE = "/api/v1/competence"


@pytest.fixture
def survey(area):
    survey_round = make_round()
    for n in range(3):  # Kajaani: three people, one independent in pay subsidy
        make_respondent(survey_round, "205", f"Kajaani {n}", {"palkkatuki": 3 if n == 0 else 1, "eures": 2})
    make_respondent(survey_round, "578", "Paltamo 0", {"palkkatuki": 4, "eures": 4})  # alone: suppressed
    # Hyrynsalmi's three are hidden with Paltamo, so the area less Kajaani cannot give Paltamo's one alone.
    for n in range(3):
        make_respondent(survey_round, "105", f"Hyrynsalmi {n}", {"palkkatuki": 1, "eures": 1})
    return survey_round


def cells(client, survey_round) -> dict:
    response = client.get(f"{BASE}/rounds/{survey_round.pk}/cells/")
    assert response.status_code == 200
    return {(row["municipality"], row["task"]): row for row in response.json()}


def test_areas_scale_and_rounds(client, survey, make_user):
    client.force_login(make_user(role="counsellor", municipality_code="205"))
    areas = client.get(f"{BASE}/areas/").json()
    assert {"key": "palkkatuki", "group": "statutory_task"}.items() <= next(
        a for a in areas if a["key"] == "palkkatuki"
    ).items()
    assert [level["level"] for level in client.get(f"{BASE}/areas/scale/").json()] == [0, 1, 2, 3, 4]
    assert client.get(f"{BASE}/rounds/").json() == [
        {"id": survey.pk, "name": "Kevät 2026", "opens_on": "2026-01-01", "closes_on": "2026-12-31"}
    ]
    assert client.get(f"{BASE}/rounds/{survey.pk + 100}/").status_code == 404


def test_cells_hide_groups_under_three_from_the_management(client, survey, make_user):
    client.force_login(make_user(role="area_manager", municipality_code="205"))
    found = cells(client, survey)
    assert found[("205", "palkkatuki")] == {
        "municipality": "205", "task": "palkkatuki", "suppressed": False, "respondents": 3, "competent": 1,
        "fte": "1.00", "status": "single_person",
    }  # fmt: skip
    assert found[("578", "palkkatuki")] == {
        "municipality": "578", "task": "palkkatuki", "suppressed": True, "respondents": None, "competent": None,
        "fte": None, "status": None,
    }  # fmt: skip
    assert found[(None, "palkkatuki")]["competent"] == 2
    assert found[("105", "palkkatuki")]["suppressed"], "hidden with Paltamo so that subtraction reveals no one"
    assert not PersonalDataAccess.objects.exists()  # counts only: nobody read


def test_administrators_see_small_groups_as_on_the_page(client, survey, make_user):
    client.force_login(make_user(role="administrator", municipality_code="205"))
    assert cells(client, survey)[("578", "palkkatuki")]["competent"] == 1


def test_bottlenecks_name_nobody(client, survey, make_user):
    client.force_login(make_user(role="counsellor", municipality_code="205"))
    rows = client.get(f"{BASE}/rounds/{survey.pk}/bottlenecks/").json()
    assert {"municipality": "205", "task": "palkkatuki", "status": "single_person", "cover_elsewhere": 1} in rows
    assert {"municipality": "205", "task": "eures", "status": "nobody", "cover_elsewhere": 1} in rows
    assert not any(row["municipality"] == "578" for row in rows)
    assert "Paltamo 0" not in str(rows)


def test_a_supervisor_lists_their_municipalitys_answers_and_the_read_is_logged(client, survey, make_user):
    supervisor = make_user(role="supervisor", municipality_code="205")
    client.force_login(supervisor)
    response = client.get(f"{BASE}/rounds/{survey.pk}/respondents/")
    names = sorted(row["name"] for row in response.json())
    assert names == ["Kajaani 0", "Kajaani 1", "Kajaani 2"]
    logged = PersonalDataAccess.objects.filter(user=supervisor, view="api:competence-round-respondents")
    assert logged.count() == 3 and {row.subject_type for row in logged} == {"competence.respondent"}


def test_others_get_no_list_of_answers(client, survey, make_user):
    for role in ("counsellor", "area_manager", "decision_maker"):
        client.force_login(make_user(role=role, municipality_code="205"))
        assert client.get(f"{BASE}/rounds/{survey.pk}/respondents/").status_code == 403


def test_one_persons_answers_for_the_person_and_their_supervisor_only(client, survey, make_user):
    own = make_user(role="counsellor", municipality_code="205")
    answer = make_respondent(survey, "205", "Oma Vastaaja", {"eures": 3}, user=own)
    url = f"{BASE}/respondents/{answer.pk}/"
    client.force_login(own)
    data = client.get(url).json()
    assert data["name"] == "Oma Vastaaja" and data["assessments"] == [
        {"area": "eures", "self_level": 3, "supervisor_level": None, "level": 3, "wants_training": False}
    ]
    client.force_login(make_user(role="supervisor", municipality_code="205"))
    assert client.get(url).status_code == 200
    outsider = make_user(role="supervisor", municipality_code="578")
    client.force_login(outsider)
    assert client.get(url).status_code == 404
    denied = PersonalDataAccess.objects.get(user=outsider)
    assert (denied.outcome, denied.subject_id, denied.view) == (
        PersonalDataAccess.Outcome.DENIED,
        str(answer.pk),
        "api:competence-respondent-detail",
    )
    client.force_login(make_user(role="counsellor", municipality_code="205"))
    assert client.get(url).status_code == 404


def test_one_persons_answers_take_the_same_queries_however_many_areas(client, survey, make_user):
    own = make_user(role="counsellor", municipality_code="205")
    few = make_respondent(survey, "205", "Vähän", {"eures": 3}, user=own)
    many = make_respondent(survey, "205", "Paljon", {"eures": 3, "palkkatuki": 2, "starttiraha": 1, "typ": 4})
    client.force_login(make_user(role="administrator", municipality_code="205"))
    counted = []
    for answer in (few, many):
        with CaptureQueriesContext(connection) as queries:
            assert client.get(f"{BASE}/respondents/{answer.pk}/").status_code == 200
        counted.append(len(queries))
    assert counted[0] == counted[1]


def test_anonymous_gets_nothing(client, survey):
    assert client.get(f"{BASE}/rounds/{survey.pk}/cells/").status_code in (401, 403)
