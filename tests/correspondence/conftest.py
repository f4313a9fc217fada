from datetime import date

import pytest

from tests.service_model.conftest import at, book

# A Monday of the 2026 rules; the booked meeting is on the Thursday of the same week.
TODAY = date(2026, 3, 2)
MEETING_DAY = date(2026, 3, 5)


@pytest.fixture
def today(settings):
    settings.SERVICE_MODEL_TODAY = TODAY
    return TODAY


@pytest.fixture
def counsellor(area, make_staff):
    return make_staff(team="kajaani-aikuiset", first_name="Olli", last_name="Ohjaaja", email="olli@example.fi")


@pytest.fixture
def person(counsellor, today):
    """A Kajaani adult with an address, a phone and an e-mail, whose responsible counsellor is `counsellor`."""
    from tests.jobseekers.factories import make_jobseeker

    return make_jobseeker(
        registered_by=counsellor,
        first_name="Aino",
        last_name="Lehtimäki",
        email="aino@example.fi",
        phone="040 123 4567",
        street_address="Kauppakatu 1",
        postal_code="87100",
        post_town="Kajaani",
        job_search_started_on=date(2025, 12, 1),
        today=today,
    )


@pytest.fixture
def meeting(person, counsellor):
    """A job-search discussion at the Kajaani Virastotalo on Thursday at 9.30."""
    from organisation.models import Office

    return book(
        person,
        counsellor,
        at(MEETING_DAY, 9, 30),
        channel="face_to_face",
        office=Office.objects.get(key="kajaani-virastotalo"),
    )


@pytest.fixture
def plan(person, counsellor, today):
    from service_model.services import plans

    saved = plans.save_plan(jobseeker=person, goal="Työ kaupan alalta Kajaanista.", by=counsellor)
    plans.add_task(plan=saved, title="Päivitä CV", due_on=date(2026, 3, 20), by=counsellor)
    return saved


@pytest.fixture
def failing_mail(monkeypatch):
    """A mail server that refuses every message."""
    import smtplib

    from django.core.mail.backends import locmem

    def refuse(self, messages):
        raise smtplib.SMTPServerDisconnected("connection closed")

    monkeypatch.setattr(locmem.EmailBackend, "send_messages", refuse)
