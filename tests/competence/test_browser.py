"""Browser flow of the competence survey: answering the self-assessment, the heat map; axe-core on both pages."""

import pytest

from tests.browser import assert_accessible, log_in
from tests.competence.factories import make_respondent, make_round
from tests.conftest import TEST_PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_answering_the_survey_and_reading_the_heat_map(page, live_server, area, make_user, settings):
    from competence.models import CompetenceArea

    settings.SERVICE_MODEL_TODAY = "2026-03-02"
    survey_round = make_round()
    for n in range(3):
        make_respondent(survey_round, "205", f"Kajaani {n}", {"palkkatuki": 3 if n == 0 else 1, "eures": 4})
    make_user(role="supervisor", municipality_code="205", username="esihenkilo")
    log_in(page, live_server, "esihenkilo", TEST_PASSWORD)

    page.goto(f"{live_server.url}/osaaminen/kysely/")
    assert page.get_by_role("heading", name="Oma osaamiskartoitus").is_visible()
    assert_accessible(page, "competence-survey")
    for key in CompetenceArea.objects.values_list("key", flat=True):
        page.locator(f"input[name='level-{key}'][value='3']").check()
    page.locator("input[name='training'][value='eures']").check()
    page.get_by_role("button", name="Tallenna vastaukset").click()
    page.wait_for_load_state("networkidle")
    assert page.get_by_role("row").filter(has_text="EURES-palvelut").first.is_visible()

    page.get_by_role("link", name="Osaamisen lämpökartta").click()
    page.wait_for_load_state("networkidle")
    kajaani_pay = page.locator("table.heat-map").get_by_role("row").filter(has_text="Palkkatuki")
    assert "Katettu" in kajaani_pay.inner_text()
    assert "alle 3 vastaajaa" in kajaani_pay.inner_text()
    assert_accessible(page, "competence-heat-map")
