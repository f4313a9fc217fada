from datetime import date, datetime, time

import pytest
from django.utils import timezone

# The reference day of these tests: a Monday in the 2026 rules (SERVICE_MODEL_TODAY pins "today").
TODAY = date(2026, 3, 2)


@pytest.fixture
def today(settings):
    settings.SERVICE_MODEL_TODAY = TODAY
    return TODAY


@pytest.fixture
def counsellor(area, make_staff):
    return make_staff(team="kajaani-aikuiset", first_name="Olli", last_name="Ohjaaja")


@pytest.fixture
def client_of(counsellor, today):
    """Register a Kajaani adult whose responsible counsellor is `counsellor` (job search started `started`)."""
    from tests.jobseekers.factories import make_jobseeker

    def make(started=date(2025, 12, 1), status="unemployed", counsellor_=None, **extra):
        return make_jobseeker(
            registered_by=counsellor_ or counsellor,
            job_search_started_on=started,
            status=status,
            today=max(started, TODAY),
            **extra,
        )

    return make


def at(day: date, hour: int = 10, minute: int = 0):
    return timezone.make_aware(datetime.combine(day, time(hour, minute)))


def book(jobseeker, counsellor, when, **extra):
    from service_model.services import meetings

    values = {"meeting_type": "job_search_discussion", "channel": "phone", "duration_minutes": 45}
    values.update(extra)
    return meetings.book_meeting(jobseeker=jobseeker, planned_at=when, counsellor=counsellor, by=counsellor, **values)
