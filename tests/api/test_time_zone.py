"""One time-zone convention across the API: ISO 8601 with the Europe/Helsinki offset, never "Z"."""

import json
from datetime import date, datetime, timedelta

import pytest
from django.utils import timezone

from common.api import HelsinkiTimeJSONRenderer
from tests.service_model.conftest import at, book

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("day", "offset"),
    [(date(2026, 3, 3), "+02:00"), (date(2026, 4, 7), "+03:00")],  # winter time, then summer time from 29.3.2026
)
def test_the_worklist_and_the_meetings_answer_the_same_offset(client, counsellor, client_of, today, day, offset):
    client.force_login(counsellor)
    jobseeker = client_of()
    book(jobseeker, counsellor, at(day, 10, 30))
    worklist = client.get("/api/v1/worklist/", {"horizon": 120}).json()["results"]
    meetings = client.get(f"/api/v1/jobseekers/{jobseeker.pk}/meetings/").json()["results"]
    expected = f"{day.isoformat()}T10:30:00{offset}"
    assert [row["booked"]["planned_at"] for row in worklist if row["booked"]] == [expected]
    assert [meeting["planned_at"] for meeting in meetings] == [expected]
    assert all(not meeting["created_at"].endswith("Z") for meeting in meetings)


def test_a_moment_answered_outside_a_serializer_is_in_helsinki_time_too():
    utc = datetime(2026, 12, 1, 8, 30, tzinfo=timezone.get_fixed_timezone(0))
    rendered = json.loads(HelsinkiTimeJSONRenderer().render({"at": utc, "later": utc + timedelta(days=200)}))
    assert rendered == {"at": "2026-12-01T10:30:00+02:00", "later": "2027-06-19T11:30:00+03:00"}


def test_dates_nested_moments_and_the_spring_forward_hour():
    utc = timezone.get_fixed_timezone(0)
    data = {
        "day": date(2026, 3, 29),
        "nested": [{"at": datetime(2026, 3, 29, 0, 59, tzinfo=utc)}, (datetime(2026, 3, 29, 1, 0, tzinfo=utc),)],
    }
    assert json.loads(HelsinkiTimeJSONRenderer().render(data)) == {
        "day": "2026-03-29",
        "nested": [{"at": "2026-03-29T02:59:00+02:00"}, ["2026-03-29T04:00:00+03:00"]],
    }


def test_a_naive_moment_is_the_helsinki_wall_clock_written_with_its_offset():
    data = {"winter": datetime(2026, 12, 1, 10, 30), "summer": datetime(2026, 7, 1, 10, 30)}
    assert json.loads(HelsinkiTimeJSONRenderer().render(data)) == {
        "winter": "2026-12-01T10:30:00+02:00",
        "summer": "2026-07-01T10:30:00+03:00",
    }
