"""The people and staff the client-journal tests share.

A Hyrynsalmi resident is served by the Paltamo team (municipality 578): the Paltamo counsellor writes, the Paltamo
supervisor leads them, the Kajaani administrator supports the whole area, and the Kajaani counsellor and supervisor
are out of scope.
"""

from datetime import timedelta

import pytest
from django.utils import timezone

from jobseekers import journal
from tests.jobseekers.factories import make_jobseeker


@pytest.fixture
def person(area):
    return make_jobseeker(municipality="105", first_name="Hilkka", last_name="Hyrynen")


@pytest.fixture
def other_person(area):
    return make_jobseeker(municipality="105", first_name="Olli", last_name="Ohjattava")


@pytest.fixture
def staff(make_staff):
    return {
        "counsellor": make_staff(municipality_code="578", team="paltamo-pienet-kunnat", first_name="Paula"),
        "supervisor": make_staff(role="supervisor", municipality_code="578"),
        "decider": make_staff(role="decision_maker", municipality_code="578"),
        "admin": make_staff(role="administrator", municipality_code="205"),
        "outsider": make_staff(municipality_code="205", team="kajaani-aikuiset"),
        "other_supervisor": make_staff(role="supervisor", municipality_code="205"),
        "area_manager": make_staff(role="area_manager", municipality_code="205"),
    }


def meeting_of(jobseeker, counsellor, days_ago=3):
    """A phone meeting some days back, made directly: the journal only needs one to point at."""
    from service_model.models import Meeting

    return Meeting.objects.create(
        jobseeker=jobseeker,
        meeting_type="job_search_discussion",
        channel="phone",
        planned_at=timezone.now() - timedelta(days=days_ago),
        counsellor=counsellor,
        serving_municipality_id=jobseeker.serving_municipality_id,
    )


def write(jobseeker, by, text="Soitto: sovittiin CV:n päivityksestä.", **extra):
    return journal.add_entry(jobseeker=jobseeker, kind=extra.pop("kind", "phone_call"), text=text, by=by, **extra)
