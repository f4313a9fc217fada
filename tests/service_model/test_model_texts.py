"""The service model's records name themselves as the active language writes times (decision 0012): 8.00 in Finnish and
Swedish, 08:00 in English, and a meeting at its Helsinki wall-clock time, not the stored UTC one."""

from datetime import UTC, datetime, time

import pytest
from django.utils import translation

from accounts.models import User
from service_model.models import Meeting, WorkingHours


@pytest.mark.parametrize(
    ("language", "text"),
    [("fi", "Olli Ohjaaja: 8.00–16.30"), ("sv", "Olli Ohjaaja: 8.00–16.30"), ("en", "Olli Ohjaaja: 08:00–16:30")],
)
def test_working_hours_in_the_language(language, text):
    counsellor = User(username="olli", first_name="Olli", last_name="Ohjaaja")
    hours = WorkingHours(counsellor=counsellor, starts_at=time(8), ends_at=time(16, 30))
    with translation.override(language):
        assert str(hours) == text


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("fi", "työnhakukeskustelu 4.3.2026 10.30"),
        ("en", "job search discussion 4 Mar 2026 10:30"),
    ],
)
def test_a_meeting_at_its_local_time_in_the_language(language, text):
    meeting = Meeting(meeting_type="job_search_discussion", planned_at=datetime(2026, 3, 4, 8, 30, tzinfo=UTC))
    with translation.override(language):
        assert str(meeting) == text
