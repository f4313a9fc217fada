"""The agenda pages, working hours and the booking rule they feed: within working hours on working days only."""

from datetime import date, time, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from audit.models import PersonalDataAccess
from service_model.models import Meeting, WorkingHours
from service_model.services import meetings, working_hours
from tests.service_model.conftest import at, book

pytestmark = pytest.mark.django_db

GOOD_FRIDAY = date(2026, 4, 3)


def test_booking_outside_working_hours_or_on_a_holiday_is_refused_naming_the_field(client_of, counsellor, today):
    jobseeker = client_of()
    for when, words in [
        (at(today + timedelta(days=1), 15, 30), "työaikaan 8.00–16.00"),  # would end 16.15
        (at(today + timedelta(days=1), 7, 30), "työaikaan 8.00–16.00"),
        (at(GOOD_FRIDAY, 10), "3.4.2026 ei ole työpäivä"),
        (at(today + timedelta(days=5), 10), "7.3.2026 ei ole työpäivä"),  # a Saturday
    ]:
        with pytest.raises(ValidationError) as error:
            book(jobseeker, counsellor, when)
        assert words in " ".join(error.value.message_dict["planned_at"]), when
    assert not Meeting.objects.filter(jobseeker=jobseeker).exists()
    book(jobseeker, counsellor, at(today + timedelta(days=1), 15, 15))  # ends at 16.00: fits


def test_the_counsellors_own_hours_decide_and_moving_keeps_to_them(client_of, counsellor, today):
    working_hours.set_working_hours(counsellor=counsellor, start=time(10), end=time(14), by=counsellor)
    jobseeker = client_of()
    with pytest.raises(ValidationError) as error:
        book(jobseeker, counsellor, at(today + timedelta(days=1), 9))
    assert "10.00–14.00" in error.value.message_dict["planned_at"][0]
    meeting = book(jobseeker, counsellor, at(today + timedelta(days=1), 10))
    with pytest.raises(ValidationError):
        meetings.reschedule(meeting, by=counsellor, planned_at=at(today + timedelta(days=1), 13, 30))
    meeting.refresh_from_db()
    assert meeting.planned_at == at(today + timedelta(days=1), 10)


@pytest.mark.parametrize(
    ("start", "end", "field", "words"),
    [
        (time(16), time(8), "end", "päättymisen on oltava alkamisen jälkeen"),
        (time(5), time(12), "start", "välillä 6.00–20.00"),
        (time(8), time(21), "end", "välillä 6.00–20.00"),
        (time(8, 10), time(16), "start", "15 minuutin välein"),
        (None, time(16), "start", "Työaika alkaa"),
    ],
)
def test_working_hours_are_validated_and_nothing_is_written(counsellor, start, end, field, words):
    with pytest.raises(ValidationError) as error:
        working_hours.set_working_hours(counsellor=counsellor, start=start, end=end, by=counsellor)
    assert words in " ".join(error.value.message_dict[field])
    assert not WorkingHours.objects.exists()


def test_the_counsellor_sees_their_day_with_names_logged_and_free_time(client, client_of, counsellor, today):
    jobseeker = client_of(last_name="Kalenterinen")
    meeting = book(jobseeker, counsellor, at(today, 10), channel="phone")
    client.force_login(counsellor)
    response = client.get(reverse("service_model:agenda"), {"paiva": today.isoformat()})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Kalenterinen" in html and reverse("service_model:client", args=[jobseeker.pk]) in html
    assert '<th scope="row">10.00</th>' in html and "Vapaa 8.00–8.30" in html
    assert reverse("service_model:move", args=[meeting.pk]) in html
    assert PersonalDataAccess.objects.filter(
        user=counsellor, subject_id=str(jobseeker.pk), view="service_model:agenda"
    ).exists()
    week = client.get(reverse("service_model:agenda"), {"paiva": today.isoformat(), "nakyma": "viikko"})
    assert week.content.decode().count('scope="col"') == 1 + 5  # the time column and Monday to Friday


def test_a_free_slot_links_to_the_booking_form_prefilled(client, client_of, counsellor, today):
    jobseeker = client_of()
    client.force_login(counsellor)
    page = client.get(reverse("service_model:agenda"), {"paiva": today.isoformat(), "asiakas": jobseeker.pk})
    book_url = reverse("service_model:book", args=[jobseeker.pk])
    assert f"{book_url}?paiva=2026-03-02&amp;klo=08:00" in page.content.decode()
    form = client.get(book_url, {"paiva": "2026-03-03", "klo": "13:15", "ohjaaja": counsellor.pk})
    assert form.context["form"]["day"].value() == date(2026, 3, 3)
    assert form.context["form"]["start"].value() == time(13, 15)


def test_the_booking_form_suggests_free_slots_around_meetings(client, client_of, counsellor, today):
    other = client_of()
    book(other, counsellor, at(today, 8, 30))
    client.force_login(counsellor)
    response = client.get(reverse("service_model:book", args=[client_of().pk]))
    starts = [slot.start.time() for slot in response.context["suggestions"]]
    # 8.00–8.30 is too short for 45 minutes; the meeting takes 8.30–9.15.
    assert starts == [time(9, 15), time(10), time(10, 45), time(11, 30), time(12, 15)]


def test_moving_from_the_agenda_returns_to_it(client, client_of, counsellor, today):
    meeting = book(client_of(), counsellor, at(today + timedelta(days=1), 10))
    client.force_login(counsellor)
    back = reverse("service_model:agenda") + "?paiva=2026-03-03"
    url = reverse("service_model:move", args=[meeting.pk])
    refused = client.post(url, {"day": "2026-03-03", "start": "17:00", "duration_minutes": 45, "next": back})
    assert refused.status_code == 400 and "työaikaan" in refused.content.decode()
    moved = client.post(url, {"day": "2026-03-03", "start": "13:00", "duration_minutes": 45, "next": back})
    assert moved.status_code == 302 and moved["Location"] == back
    meeting.refresh_from_db()
    assert meeting.planned_at == at(today + timedelta(days=1), 13)


def test_a_supervisor_sees_the_agenda_of_a_counsellor_they_lead_and_no_other(
    client, client_of, counsellor, make_staff, today
):
    book(client_of(last_name="Kalenterinen"), counsellor, at(today, 10))
    url = reverse("service_model:counsellor_agenda", args=[counsellor.pk])
    hours_url = reverse("service_model:working_hours", args=[counsellor.pk])
    own = make_staff(role="supervisor", municipality_code=counsellor.home_municipality.code)
    client.force_login(own)
    assert "Olli Ohjaaja" in client.get(reverse("service_model:agenda")).content.decode()
    assert "Kalenterinen" in client.get(url, {"paiva": today.isoformat()}).content.decode()
    saved = client.post(hours_url, {"start": "09:00", "end": "15:00"})
    assert saved.status_code == 302 and WorkingHours.objects.get(counsellor=counsellor).starts_at == time(9)
    bad = client.post(hours_url, {"start": "15:00", "end": "09:00"})
    assert bad.status_code == 400 and "päättymisen on oltava alkamisen jälkeen" in bad.content.decode()
    client.logout()

    other_code = "205" if counsellor.home_municipality.code != "205" else "578"
    outsider = make_staff(role="supervisor", municipality_code=other_code)
    client.force_login(outsider)
    assert client.get(url).status_code == 404
    assert client.post(hours_url, {"start": "06:00", "end": "20:00"}).status_code == 404
    assert "Olli Ohjaaja" not in client.get(reverse("service_model:agenda")).content.decode()
    assert WorkingHours.objects.get(counsellor=counsellor).starts_at == time(9)
    colleague = make_staff(team="kajaani-aikuiset", username="toinen-ohjaaja")
    client.force_login(colleague)
    assert client.get(url).status_code == 404


def test_my_week_links_each_row_to_the_agenda(client, client_of, counsellor, today):
    waiting = client_of(started=date(2026, 2, 20))
    booked = client_of(started=date(2026, 2, 20))
    book(booked, counsellor, at(today + timedelta(days=2), 13))
    client.force_login(counsellor)
    html = client.get(reverse("service_model:my_week")).content.decode()
    agenda_url = reverse("service_model:agenda")
    assert f"{agenda_url}?paiva=2026-03-02&amp;asiakas={waiting.pk}" in html
    assert f"{agenda_url}?paiva=2026-03-04" in html


def test_a_row_taken_by_a_longer_meeting_reads_booked(client, client_of, counsellor, today):
    book(client_of(), counsellor, at(today, 13), duration_minutes=60)
    client.force_login(counsellor)
    html = client.get(reverse("service_model:agenda")).content.decode()
    row = html.split('<th scope="row">13.30</th>')[1].split("</tr>")[0]
    assert "varattu" in row and "Vapaa" not in row
