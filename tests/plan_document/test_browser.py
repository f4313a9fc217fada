"""Browser flow of the plan: open the page, edit a section's text, preview the HTML plan, download the DOCX; axe-core
on the page, the edit form and the standalone plan."""

import io

import pytest
from docx import Document

from tests.browser import assert_accessible, log_in
from tests.conftest import TEST_PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_editing_a_text_previewing_and_downloading_the_plan(page, live_server, plan, make_user):
    make_user(role="area_manager", municipality_code="205", username="johtaja")
    log_in(page, live_server, "johtaja", TEST_PASSWORD)

    page.goto(f"{live_server.url}/suunnitelma/")
    assert page.get_by_role("heading", name="Suunnitelma työvoimapalveluiden järjestämiseksi").is_visible()
    assert_accessible(page, "plan-document")
    page.screenshot(path="/tmp/h/plan-document.png", full_page=True)

    page.get_by_role("link", name="Muokkaa lukua 6").click()
    page.wait_for_load_state("networkidle")
    assert_accessible(page, "plan-document-edit")
    page.get_by_label("Teksti", exact=True).fill("Rakennemuutoksiin varaudutaan yhteisellä työryhmällä.")
    page.get_by_role("button", name="Tallenna").click()
    page.wait_for_load_state("networkidle")
    assert "Luvun 6 teksti tallennettu." in page.locator(".messages").inner_text()

    with page.expect_download() as download:
        page.get_by_role("button", name="Lataa DOCX").click()
    document = Document(io.BytesIO(download.value.path().read_bytes()))
    paragraphs = [p.text for p in document.paragraphs]
    assert "6. Varautuminen rakennemuutostilanteisiin" in paragraphs
    assert "Rakennemuutoksiin varaudutaan yhteisellä työryhmällä." in paragraphs

    page.get_by_role("button", name="Esikatsele HTML").click()
    page.wait_for_load_state("networkidle")
    assert page.get_by_role("heading", name="5. Työperäisen maahanmuuton", exact=False).is_visible()
    total = page.get_by_role("row", name="Yhteensä (laskettu)").first
    assert "3\u00a0217" in total.inner_text() and "8,3" in total.inner_text()
    assert_accessible(page, "plan-document-preview")
    page.screenshot(path="/tmp/h/plan-document-preview.png")
    page.locator("table.plan-table").first.screenshot(path="/tmp/h/plan-document-table-1.png")
