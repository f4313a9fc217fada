"""Dates and times on pages in the language of the page (tyollisyysalue/formats): a week's list and a client's card."""

from datetime import timedelta

import pytest

from tests.service_model.conftest import at, book

pytestmark = pytest.mark.django_db

FORMATS = [
    ("fi", "1.12.2025", "3.3.2026 10.30"),
    ("sv", "1.12.2025", "3.3.2026 10.30"),
    ("en", "1 Dec 2025", "3 Mar 2026 10:30"),
]


@pytest.mark.parametrize(("language", "started", "booked"), FORMATS)
def test_the_week_and_the_card_in_each_language(client, counsellor, client_of, today, language, started, booked):
    jobseeker = client_of()
    book(jobseeker, counsellor, at(today + timedelta(days=1), 10, 30))
    client.force_login(counsellor)
    client.cookies["django_language"] = language
    week = client.get("/palvelumalli/viikko/", {"paivia": 120}).content.decode()
    assert booked in week
    card = client.get(f"/asiakkaat/{jobseeker.pk}/").content.decode()
    assert started in card
    assert "12/01/2025" not in card
