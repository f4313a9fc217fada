import pytest

from audit.services import log_access
from tests.browser import assert_accessible, log_in
from tests.conftest import TEST_PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_administrator_filters_the_access_log(page, live_server, area, make_user):
    reader = make_user(role="counsellor", municipality_code="205", username="lukija")
    log_access(reader, ["7"], view="jobseekers:card", purpose="asiakastyö", subject_type="jobseekers.jobseeker")
    make_user(role="administrator", municipality_code="205", username="paakayttaja")
    log_in(page, live_server, "paakayttaja", TEST_PASSWORD)
    page.get_by_role("navigation").get_by_role("link", name="Tarkastusloki").click()
    page.get_by_label("Käyttäjätunnus").fill("lukija")
    page.get_by_role("button", name="Hae").click()
    assert "jobseekers.jobseeker:7" in page.locator("table").inner_text()
    assert_accessible(page, "audit-log")
