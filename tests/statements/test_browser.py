"""Browser flow of a statement for a neglected job-search obligation: drafted from the card, heard, the reply recorded,
proposed, approved by the decision maker and downloaded as a document; axe-core on every page (screenshots in
test-artifacts/)."""

from datetime import date, timedelta

import pytest

from common.documents import read_text
from statements.models import Statement
from tests.browser import assert_accessible, log_in
from tests.conftest import TEST_PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_from_hearing_to_an_approved_document(page, live_server, people):
    jobseeker = people["jobseeker"]
    today = date.today()
    log_in(page, live_server, "ohjaaja", TEST_PASSWORD)
    page.goto(f"{live_server.url}/asiakkaat/{jobseeker.pk}/")
    page.get_by_role("link", name="Laadi työvoimapoliittinen lausunto").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Uusi lausunto: Hilkka Hyrynen"
    page.get_by_label("Asia").select_option(label="työnhakuvelvollisuuden laiminlyönti")
    page.get_by_label("Menettelyn päivä").fill((today - timedelta(days=5)).isoformat())
    page.get_by_label("Tapahtumien kuvaus").fill("Marraskuun tarkastelujaksolla ei yhtään työhakemusta; sovittu neljä.")
    page.get_by_label("Kela").check()
    assert_accessible(page, "statements-create")
    page.get_by_role("button", name="Tallenna luonnos").click()
    page.wait_for_load_state("networkidle")

    assert "Lausuntoluonnos tallennettiin." in page.locator(".messages").inner_text()
    page.get_by_label("Selvityspyyntö").fill("Kerro, miksi et hakenut työpaikkoja marraskuussa.")
    page.get_by_label("Vastauksen määräpäivä").fill((today + timedelta(days=7)).isoformat())
    assert_accessible(page, "statements-hearing")
    page.get_by_role("button", name="Kirjaa selvityspyyntö lähetetyksi").click()
    page.wait_for_load_state("networkidle")

    page.get_by_role("link", name="Kirjaa työnhakijan selvitys").click()
    page.get_by_label("Työnhakijan selvitys").fill("En löytänyt alaltani avoimia paikkoja.")
    page.get_by_role("button", name="Tallenna selvitys").click()
    page.wait_for_load_state("networkidle")

    page.get_by_role("link", name="Arvioi ja esitä hyväksyttäväksi").click()
    page.get_by_label("Ei pätevää syytä").check()
    page.get_by_label("Perustelut").fill(
        "Työnhakuvelvollisuus on neljä paikkaa kuukaudessa; muitakin aloja oli haettavissa."
    )
    assert_accessible(page, "statements-propose")
    page.get_by_role("button", name="Esitä hyväksyttäväksi").click()
    page.wait_for_load_state("networkidle")
    assert "odottaa hyväksyntää" in page.locator("#lausunto-tiedot").locator("..").inner_text()
    assert_accessible(page, "statements-detail-awaiting")

    page.context.clear_cookies()
    log_in(page, live_server, "paattaja", TEST_PASSWORD)
    page.goto(f"{live_server.url}/lausunnot/?state=awaiting_approval")
    assert_accessible(page, "statements-list")
    page.get_by_role("link", name=Statement.objects.get().reference).click()
    page.get_by_role("link", name="Ratkaise").click()
    preview = page.locator("#hyvaksynta-nyt").locator("..").inner_text()
    assert "korvaukseton määräaika 7 päivää" in preview and "TTL 2 a luku 10 §" in preview
    page.get_by_label("Hyväksy lausunto").check()
    assert_accessible(page, "statements-decide")
    page.get_by_role("button", name="Tallenna ratkaisu").click()
    page.wait_for_load_state("networkidle")
    assert "Lausunto hyväksyttiin." in page.locator(".messages").inner_text()
    assert_accessible(page, "statements-detail-approved")

    with page.expect_download() as download_info:
        page.get_by_role("link", name="Lataa lausunto (DOCX)").click()
    document = read_text(download_info.value.path().read_bytes())
    assert "Työvoimapoliittinen lausunto" in document and "korvaukseton määräaika 7 päivää" in document
    assert "En löytänyt alaltani avoimia paikkoja." in document and "LUONNOS" not in document
