"""The pages: own answers, the heat map with its threshold, who sees individual answers, the supervisor's assessment."""

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from audit.models import PersonalDataAccess
from competence.models import Respondent
from tests.competence.factories import make_respondent, make_round

pytestmark = pytest.mark.django_db


@pytest.fixture
def survey(area, settings):
    settings.SERVICE_MODEL_TODAY = "2026-03-02"
    survey_round = make_round()
    for n in range(3):  # Kajaani: three people, one competent in pay subsidy
        make_respondent(survey_round, "205", f"Kajaani {n}", {"palkkatuki": 3 if n == 0 else 1, "eures": 2})
    make_respondent(survey_round, "578", "Paltamo 0", {"palkkatuki": 4, "eures": 4})  # alone: suppressed
    # Hyrynsalmi's three are hidden with Paltamo, so the area less Kajaani cannot give Paltamo's one alone.
    for n in range(3):
        make_respondent(survey_round, "105", f"Hyrynsalmi {n}", {"palkkatuki": 1, "eures": 1})
    return survey_round


def test_answering_the_survey_saves_every_area(client, survey, make_user):
    from competence.models import CompetenceArea

    user = make_user(role="counsellor", municipality_code="205", first_name="Oma", last_name="Vastaaja")
    client.force_login(user)
    keys = list(CompetenceArea.objects.values_list("key", flat=True))
    data = {f"level-{key}": "2" for key in keys} | {"level-eures": "4", "training": ["eures"], "wishes": "Ruotsia"}
    response = client.post(reverse("competence:survey"), data)
    respondent = Respondent.objects.get(user=user)
    assert response.status_code == 302 and response["Location"] == reverse(
        "competence:respondent", args=[respondent.pk]
    )
    assert respondent.assessments.count() == len(keys)
    assert respondent.assessments.get(competence_area__key="eures").wants_training


def test_a_missing_level_is_refused_naming_the_area(client, survey, make_user):
    client.force_login(make_user(role="counsellor", municipality_code="205"))
    response = client.post(reverse("competence:survey"), {"level-eures": "5"})
    assert response.status_code == 400
    assert 'id="level-eures-error"' in response.content.decode()
    assert not Respondent.objects.filter(user__isnull=False).exists()


def test_heat_map_suppresses_small_groups_for_the_management(client, survey, make_user):
    client.force_login(make_user(role="area_manager", municipality_code="205"))
    page = client.get(reverse("competence:heat_map")).content.decode()
    assert "Vain yksi henkilö (haavoittuva)" in page  # Kajaani's pay subsidy
    assert "alle 3 vastaajaa" in page  # Paltamo
    assert "Paltamo 0" not in page and "Kajaani 0" not in page
    export = client.get(reverse("competence:export", args=["kunnat"]), {"format": "xlsx"})
    rows = list(load_workbook(io.BytesIO(export.content)).active.iter_rows(values_only=True))
    paltamo = next(r for r in rows if r[0] == "Paltamo" and r[1] == "Palkkatuki")
    assert paltamo[2:5] == (None, None, None) and paltamo[5] == "Alle 3 vastaajaa – ei näytetä"
    kajaani = next(r for r in rows if r[0] == "Kajaani" and r[1] == "Palkkatuki")
    assert kajaani[2:4] == (3, 1)


def test_supervisor_sees_their_people_and_assesses_them(client, survey, make_user):
    client.force_login(make_user(role="supervisor", municipality_code="205"))
    listing = client.get(reverse("competence:respondents")).content.decode()
    assert "Kajaani 0" in listing and "Paltamo 0" not in listing
    person = Respondent.objects.get(name="Kajaani 1")
    response = client.post(reverse("competence:respondent", args=[person.pk]), {"supervisor-palkkatuki": "3"})
    assert response.status_code == 302
    assert person.assessments.get(competence_area__key="palkkatuki").level == 3
    assert PersonalDataAccess.objects.filter(subject_id=str(person.pk), view="competence:respondent").exists()
    other = Respondent.objects.get(name="Paltamo 0")
    assert client.get(reverse("competence:respondent", args=[other.pk])).status_code == 404


def test_the_person_sees_their_own_answers_but_may_not_assess_them(client, survey, make_user):
    user = make_user(role="counsellor", municipality_code="205")
    own = make_respondent(survey, "205", "Itse", {"eures": 2}, user=user)
    client.force_login(user)
    assert client.get(reverse("competence:respondent", args=[own.pk])).status_code == 200
    assert client.post(reverse("competence:respondent", args=[own.pk]), {"supervisor-eures": "4"}).status_code == 403
    other = Respondent.objects.get(name="Kajaani 0")
    assert client.get(reverse("competence:respondent", args=[other.pk])).status_code == 404


def test_administrator_sees_who_could_cover_by_name(client, survey, make_user):
    client.force_login(make_user(role="administrator", municipality_code="205"))
    page = client.get(reverse("competence:heat_map")).content.decode()
    assert "Paltamo 0" in page  # the one in Paltamo independent in EURES, for Kajaani's gap


def test_rounds_are_compared(client, survey, make_user):
    from datetime import date

    earlier = make_round("Syksy 2025", date(2025, 9, 1), date(2025, 9, 30))
    for n in range(3):
        make_respondent(earlier, "205", f"Vanha {n}", {"palkkatuki": 3})
    client.force_login(make_user(role="area_manager", municipality_code="205"))
    page = client.get(reverse("competence:heat_map"), {"kierros": survey.pk}).content.decode()
    assert "Uusi pullonkaula: 3 → 1 itsenäistä osaajaa" in page
