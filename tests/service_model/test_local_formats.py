"""The service model's messages and pages write dates and times as the language does (decision 0012): 4 Mar 2026 and
10:00 in English, 4.3.2026 and 10.00 in Finnish and Swedish."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from tests.service_model.conftest import at, book

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("language", "day", "start", "end"),
    [
        ("fi", "4.3.2026", "10.00", "10.45"),
        ("sv", "4.3.2026", "10.00", "10.45"),
        ("en", "4 Mar 2026", "10:00", "10:45"),
    ],
)
def test_a_double_booking_names_the_clash_in_the_language(client_of, counsellor, today, language, day, start, end):
    first, second = client_of(), client_of()
    book(first, counsellor, at(today + timedelta(days=2), 10))
    with translation.override(language), pytest.raises(ValidationError) as error:
        book(second, counsellor, at(today + timedelta(days=2), 10, 30))
    message = error.value.message_dict["planned_at"][0]
    assert day in message and f"{start}–{end}" in message, message
    assert "04.3" not in message and "3/4/2026" not in message


@pytest.mark.parametrize(("language", "hours"), [("fi", "8.00–16.00"), ("sv", "8.00–16.00"), ("en", "08:00–16:00")])
def test_the_agenda_page_shows_the_working_hours_in_the_language(client, counsellor, today, language, hours):
    client.force_login(counsellor)
    client.cookies["django_language"] = language
    page = client.get("/palvelumalli/kalenteri/").content.decode()
    assert hours in page


@pytest.mark.parametrize(("language", "day"), [("sv", "7.3.2026"), ("en", "7 Mar 2026")])
def test_a_booking_on_a_saturday_names_the_day_in_the_language(client_of, counsellor, today, language, day):
    with translation.override(language), pytest.raises(ValidationError) as error:
        book(client_of(), counsellor, at(today + timedelta(days=5), 10))
    assert day in error.value.message_dict["planned_at"][0]


@pytest.mark.parametrize("language", ["fi", "en"])
def test_the_week_export_writes_a_booked_moment_as_iso_whatever_the_language(
    client, client_of, counsellor, today, language
):
    # Data is not localised (decision 0012): the page's language must not reach the CSV's booked moment.
    book(client_of(), counsellor, at(today + timedelta(days=2), 10))
    client.force_login(counsellor)
    client.cookies["django_language"] = language
    export = client.get("/palvelumalli/viikko/vienti/?format=csv").content.decode().splitlines()
    assert export[1].endswith(",2026-03-04T10:00:00+02:00"), export[1]
