"""Browser flows of subsidies, axe-core on every page (screenshots in test-artifacts/)."""

import re

import pytest

from tests.browser import assert_accessible, log_in
from tests.conftest import TEST_PASSWORD
from tests.subsidies.attachment_files import HTML, PDF

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_calculator(page, live_server, area, rates, make_user):
    make_user(role="payment_handler", municipality_code="205", username="maksaja")
    log_in(page, live_server, "maksaja", TEST_PASSWORD)
    page.get_by_role("link", name="Tukilaskuri").click()
    assert_accessible(page, "subsidies-calculator-empty")
    page.locator("#id_kind").select_option("association")
    page.locator("#id_start_date").fill("2025-03-01")
    page.locator("#id_months").fill("6")
    page.locator("#id_monthly_pay_costs").fill("2500")
    page.locator("#id_weekly_hours").fill("30")
    page.locator("#id_full_time_weekly_hours").fill("37.5")
    page.locator("#id_employer_type").select_option("association")
    page.get_by_role("button", name="Laske").click()
    page.wait_for_load_state("networkidle")
    assert "tällä tuella enintään 65" in page.locator("#weekly_hours-error").inner_text()
    assert_accessible(page, "subsidies-calculator-refused")
    page.locator("#id_weekly_hours").fill("24")
    page.get_by_role("button", name="Laske").click()
    page.wait_for_load_state("networkidle")
    assert page.locator("#monthly-amount").inner_text() == "2\u00a0020,00\u00a0€"
    assert page.locator("#total").inner_text() == "12\u00a0120,00\u00a0€"
    assert "palkkatuki-yhdistys-2025-01" in page.locator("main").inner_text()
    assert_accessible(page, "subsidies-calculator")


def test_an_application_through_to_a_decision(page, live_server, area, rates, make_user):
    from organisation.models import Team
    from tests.jobseekers.factories import make_jobseeker

    person = make_jobseeker(municipality="105", first_name="Hilkka", last_name="Hyrynen")
    make_user(
        role="counsellor",
        municipality_code="578",
        username="ohjaaja",
        team=Team.objects.get(key="paltamo-pienet-kunnat"),
    )
    make_user(
        role="decision_maker", municipality_code="578", username="paattaja", first_name="Pia", last_name="Päättäjä"
    )
    make_user(role="decision_maker", municipality_code="205", username="kajaani")

    log_in(page, live_server, "ohjaaja", TEST_PASSWORD)
    page.goto(f"{live_server.url}/tuet/hakemukset/uusi/{person.pk}/")
    page.locator("#id_kind").select_option("general")
    page.locator("#id_received_on").fill("2025-02-01")
    page.locator("#id_start_date").fill("2025-03-01")
    page.locator("#id_months").fill("5")
    page.locator("#id_employer_name").fill("Kainuun Puu Oy")
    page.locator("#id_employer_business_id").fill("2077474-1")
    page.locator("#id_employer_type").select_option("company")
    page.locator("#id_job_title").fill("Puuseppä")
    page.locator("#id_monthly_pay_costs").fill("2800")
    page.locator("#id_weekly_hours").fill("37.5")
    page.locator("#id_full_time_weekly_hours").fill("37.5")
    page.get_by_role("button", name="Kirjaa hakemus").click()
    page.wait_for_load_state("networkidle")
    assert "Y-tunnus ei ole kelvollinen" in page.locator("#employer_business_id-error").inner_text(), page.locator(
        "main"
    ).inner_text()[:1500]
    assert_accessible(page, "subsidies-new-refused")
    page.locator("#id_employer_business_id").fill("2077474-0")
    page.get_by_role("button", name="Kirjaa hakemus").click()
    page.wait_for_load_state("networkidle")
    assert page.locator("#state").inner_text() == "saapunut"
    page.get_by_role("button", name="Aloita valmistelu").click()
    page.wait_for_load_state("networkidle")
    # An attachment: a page disguised as a PDF is refused with the reason, a real PDF is listed and downloadable.
    page.locator("#attachment-file").set_input_files(
        files=[{"name": "palkka.pdf", "mimeType": "application/pdf", "buffer": HTML}]
    )
    page.get_by_role("button", name="Lisää liite").click()
    page.wait_for_load_state("networkidle")
    assert "sisältö ei ole sen nimen mukaista" in page.locator(".messages").inner_text()
    page.locator("#attachment-file").set_input_files(
        files=[{"name": "Palkkalaskelma maaliskuu.pdf", "mimeType": "application/pdf", "buffer": PDF}]
    )
    page.get_by_role("button", name="Lisää liite").click()
    page.wait_for_load_state("networkidle")
    assert "Palkkalaskelma-maaliskuu.pdf" in page.locator("#attachments").inner_text()
    assert_accessible(page, "subsidies-application-attachment")
    page.screenshot(path="/tmp/h/subsidies-attachment.png", full_page=True)
    with page.expect_download() as download:
        page.get_by_role("link", name="Palkkalaskelma-maaliskuu.pdf").click()
    assert download.value.suggested_filename == "Palkkalaskelma-maaliskuu.pdf"
    page.locator("#propose-outcome").select_option("granted")
    page.get_by_role("button", name="Tee päätösesitys").click()
    page.wait_for_load_state("networkidle")
    assert page.locator("#state").inner_text() == "päätösesitys tehty"
    assert "1\u00a0260,00\u00a0€ kuukaudessa × 5 kuukautta" in page.locator("#amount").inner_text()
    assert_accessible(page, "subsidies-application-proposed")
    url = page.url
    page.get_by_role("button", name="Kirjaudu ulos").click()

    # A decision maker of Kajaani holds no delegation for Paltamo: the application does not exist for them.
    log_in(page, live_server, "kajaani", TEST_PASSWORD)
    assert page.goto(url).status == 404
    page.goto(f"{live_server.url}/")
    page.get_by_role("button", name="Kirjaudu ulos").click()

    log_in(page, live_server, "paattaja", TEST_PASSWORD)
    page.goto(f"{live_server.url}/tuet/paatettavat/")
    assert_accessible(page, "subsidies-awaiting-decision")
    page.get_by_role("link", name=re.compile(r"^\d+$")).first.click()
    page.get_by_role("button", name="Tee päätös").click()
    page.wait_for_load_state("networkidle")
    assert page.locator("#state").inner_text() == "päätetty"
    decisions = page.locator("section[aria-labelledby=decisions-heading]").inner_text()
    assert "myönnetään, 1\u00a0260,00\u00a0€ kuukaudessa" in decisions and "Paltamo: palkkatuki" in decisions
    assert_accessible(page, "subsidies-application-decided")
    with page.expect_download() as download:
        page.get_by_role("link", name="Päätösasiakirja (DOCX)").click()
    assert download.value.suggested_filename.endswith(".docx")
    page.get_by_role("link", name="Päätösasiakirja (HTML, tulostettava)").click()
    page.wait_for_load_state("networkidle")
    document = page.locator("article.decision-document").inner_text()
    assert "Päätös: palkkatuki" in document and "Oikaisuvaatimusohje" in document
    assert "1\u00a0260,00\u00a0€" in document and "Pia Päättäjä" in document
    assert_accessible(page, "subsidies-decision-html")
    page.screenshot(path="/tmp/h/subsidies-decision-html.png", full_page=True)
    page.emulate_media(media="print")
    assert not page.locator(".site-nav").is_visible() and page.locator("article.decision-document").is_visible()
    page.screenshot(path="/tmp/h/subsidies-decision-print.png", full_page=True)
    page.emulate_media(media="screen")


def test_a_payment_from_request_to_the_payment_file(page, live_server, area, rates, make_user):
    from django.utils import timezone

    from organisation.models import Team
    from tests.subsidies.factories import advance, make_application

    preparer = make_user(role="counsellor", municipality_code="578", team=Team.objects.get(key="paltamo-pienet-kunnat"))
    decider = make_user(role="decision_maker", municipality_code="578")
    advance(make_application(preparer), preparer, to="notified", decider=decider)
    # Kajaani is the responsible municipality: with Paltamo's arrangement undecided, Kajaani's finance pays.
    make_user(role="payment_handler", municipality_code="205", username="maksaja")
    make_user(role="payment_handler", municipality_code="205", username="hyvaksyja")

    log_in(page, live_server, "maksaja", TEST_PASSWORD)
    page.get_by_role("link", name="Maksatus").click()
    assert_accessible(page, "subsidies-payments")
    page.get_by_role("link", name=re.compile("Kirjaa maksatushakemus")).click()
    page.locator("#id_received_on").fill(timezone.localdate().isoformat())
    page.locator("#id_period_start").select_option("2025-03-01")
    page.locator("#id_period_end").select_option("2025-03-31")
    page.locator("#id_amount").fill("1400")
    page.locator("#id_pay_costs").fill("2800")
    page.locator("#id_pay_slip_reference").fill("PL-2025-03")
    page.get_by_role("button", name="Kirjaa maksatushakemus").click()
    page.wait_for_load_state("networkidle")
    assert "enintään 1\u00a0260,00\u00a0€" in page.locator("#amount-error").inner_text()
    assert_accessible(page, "subsidies-payment-new-refused")
    page.locator("#id_amount").fill("1260")
    page.get_by_role("button", name="Kirjaa maksatushakemus").click()
    page.wait_for_load_state("networkidle")
    assert page.locator("#payment-state").inner_text() == "kirjattu"
    assert "sen hyväksyy toinen maksatuskäsittelijä" in page.locator("#four-eyes").inner_text()
    assert_accessible(page, "subsidies-payment")
    # Four eyes: the handler who recorded the request is refused, with the reason; another one approves it.
    page.get_by_role("button", name="Hyväksy maksuun").click()
    page.wait_for_load_state("networkidle")
    assert "itse kirjannut" in page.locator(".messages").inner_text()
    assert page.locator("#payment-state").inner_text() == "kirjattu"
    payment_url = page.url
    page.get_by_role("button", name="Kirjaudu ulos").click()
    log_in(page, live_server, "hyvaksyja", TEST_PASSWORD)
    page.goto(payment_url)
    page.get_by_role("button", name="Hyväksy maksuun").click()
    page.wait_for_load_state("networkidle")
    assert page.locator("#payment-state").inner_text() == "hyväksytty maksuun"
    page.get_by_role("link", name="Tukien maksatus").click()
    page.get_by_role("button", name="Laadi maksuaineisto").click()
    page.wait_for_load_state("networkidle")
    assert "1 maksua" in page.locator("main").inner_text()
    assert_accessible(page, "subsidies-payments-exported")
    with page.expect_download() as download:
        page.get_by_role("link", name=re.compile("Maksuaineisto")).first.click()
    assert download.value.suggested_filename.endswith(".csv")


def test_reports(page, live_server, area, rates, make_user):
    from organisation.models import Team
    from tests.subsidies.factories import advance, make_application

    preparer = make_user(role="counsellor", municipality_code="578", team=Team.objects.get(key="paltamo-pienet-kunnat"))
    advance(
        make_application(preparer),
        preparer,
        to="decided",
        decider=make_user(role="decision_maker", municipality_code="578"),
    )
    make_user(role="area_manager", username="johto")
    log_in(page, live_server, "johto", TEST_PASSWORD)
    page.get_by_role("link", name="Tukiraportit").click()
    assert "Käsittelyajat" in page.locator("main").inner_text()
    # Decisions and processing times have figures; the payments table has none yet, so no empty chart is drawn.
    assert page.locator("canvas[data-chart]").count() == 2
    page.locator("#ryhmittely").select_option("kunta")
    page.get_by_role("button", name="Näytä").click()
    page.wait_for_load_state("networkidle")
    assert_accessible(page, "subsidies-reports")
    page.screenshot(path="/tmp/h/subsidies-reports.png", full_page=True)
    with page.expect_download() as download:
        page.get_by_role("link", name=re.compile("Lataa CSV: Päätökset")).click()
    assert download.value.suggested_filename == "tukipaatokset.csv"
