"""Browser flow of the client journal: write an entry on the card, see it, correct it; axe-core on every page
(screenshots in test-artifacts/)."""

import re

import pytest

from jobseekers.models import JournalEntry
from organisation.models import Team
from tests.browser import assert_accessible, log_in
from tests.conftest import TEST_PASSWORD
from tests.jobseekers.factories import make_jobseeker

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_write_an_entry_on_the_card_and_correct_it(page, live_server, area, make_user):
    person = make_jobseeker(municipality="105", first_name="Hilkka", last_name="Hyrynen")
    make_user(
        role="counsellor",
        municipality_code="578",
        username="ohjaaja",
        first_name="Paula",
        last_name="Paltamolainen",
        team=Team.objects.get(key="paltamo-pienet-kunnat"),
    )
    log_in(page, live_server, "ohjaaja", TEST_PASSWORD)
    page.goto(f"{live_server.url}/asiakkaat/{person.pk}/")
    journal = page.locator("#asiakaskertomus")
    assert "Ei merkintöjä." in journal.inner_text()
    journal.get_by_label("Laji").select_option(label="puhelu")
    journal.get_by_label("Teksti").fill("Soitin asiakkaalle: hän hakee kahta varastotyöpaikkaa.")
    journal.get_by_role("button", name="Tallenna merkintä").click()
    page.wait_for_load_state("networkidle")
    assert "Merkintä lisättiin asiakaskertomukseen." in page.locator(".messages").inner_text()
    journal = page.locator("#asiakaskertomus")
    assert "Soitin asiakkaalle: hän hakee kahta varastotyöpaikkaa." in journal.inner_text()
    assert "puhelu" in journal.inner_text()
    assert_accessible(page, "jobseekers-card-journal")

    journal.get_by_role("link", name="Koko asiakaskertomus ja haku").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Asiakaskertomus: Hilkka Hyrynen"
    page.get_by_role("link", name=re.compile("^Korjaa merkintä")).click()
    assert page.get_by_label("Teksti").input_value() == "Soitin asiakkaalle: hän hakee kahta varastotyöpaikkaa."
    assert_accessible(page, "jobseekers-journal-correct")
    page.get_by_label("Teksti").fill("Soitin asiakkaalle: hän hakee kolmea varastotyöpaikkaa.")
    page.get_by_role("button", name="Tallenna korjaus").click()
    page.wait_for_load_state("networkidle")
    entries = page.locator(".journal > article")
    assert entries.count() == 2
    text = page.locator(".journal").inner_text()
    assert "kahta" not in text and text.count("kolmea varastotyöpaikkaa") == 2
    assert "korjattu" in text and "korjaus merkintään" in text
    assert_accessible(page, "jobseekers-journal")

    page.locator("form[role=search]").get_by_label("Teksti sisältää").fill("kahta")
    page.locator("form[role=search]").get_by_role("button", name="Hae").click()
    assert page.locator(".search-summary").inner_text() == "0 merkintää"
    assert JournalEntry.objects.filter(corrects__isnull=False).count() == 1
