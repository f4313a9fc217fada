"""One selector answers which counsellors may take a job seeker; each purpose's conditions, one by one."""

import pytest

from accounts import permissions
from jobseekers.enums import CounsellorPurpose
from jobseekers.selectors import counsellors_for, may_take
from organisation.models import Municipality, Team
from tests.accounts.factories import UserFactory
from tests.jobseekers.factories import make_jobseeker

pytestmark = pytest.mark.django_db


@pytest.fixture
def kajaani(area):
    """An adult of Kajaani (pool team:kajaani-aikuiset) and counsellors in and around that pool."""
    teams = {key: Team.objects.get(key=key) for key in ("kajaani-aikuiset", "kajaani-nuoret", "kuhmo")}
    staff = {
        "adults": UserFactory(team=teams["kajaani-aikuiset"]),
        "adults_no_fte": UserFactory(team=teams["kajaani-aikuiset"], no_fte=True),
        "adults_inactive": UserFactory(team=teams["kajaani-aikuiset"], inactive=True),
        "youth": UserFactory(team=teams["kajaani-nuoret"]),
        "kuhmo": UserFactory(team=teams["kuhmo"]),
        "supervisor": UserFactory(supervisor=True, home_municipality=Municipality.objects.get(code="205")),
    }
    jobseeker = make_jobseeker(municipality="205")
    assert jobseeker.pool == "team:kajaani-aikuiset"
    return jobseeker, staff


def names(jobseeker, purpose, staff) -> set[str]:
    chosen = set(counsellors_for(jobseeker, purpose))
    return {name for name, user in staff.items() if user in chosen}


def test_a_meeting_is_booked_with_a_counsellor_of_the_pool_or_the_responsible_one(kajaani):
    jobseeker, staff = kajaani
    assert names(jobseeker, CounsellorPurpose.MEETING, staff) == {"adults", "adults_no_fte"}

    jobseeker.responsible_counsellor = staff["kuhmo"]
    assert names(jobseeker, CounsellorPurpose.MEETING, staff) == {"adults", "adults_no_fte", "kuhmo"}


def test_reassignment_offers_every_counsellor_with_fte_of_the_serving_municipality(kajaani):
    jobseeker, staff = kajaani
    assert names(jobseeker, CounsellorPurpose.REASSIGNMENT, staff) == {"adults", "youth"}


@pytest.mark.parametrize("purpose", [CounsellorPurpose.BATCH_ASSIGNMENT, CounsellorPurpose.REGISTRATION])
def test_batch_and_registration_take_a_counsellor_with_fte_of_the_pool(kajaani, purpose):
    jobseeker, staff = kajaani
    assert names(jobseeker, purpose, staff) == {"adults"}
    assert may_take(staff["adults"], jobseeker, purpose)
    assert not may_take(staff["youth"], jobseeker, purpose)


def test_the_batch_over_all_pools_takes_every_counsellor_with_fte_and_a_pool(kajaani):
    _jobseeker, staff = kajaani
    homeless = UserFactory(home_municipality=None)
    chosen = list(counsellors_for(None, CounsellorPurpose.BATCH_ASSIGNMENT))
    assert {name for name, user in staff.items() if user in chosen} == {"adults", "youth", "kuhmo"}
    assert homeless not in chosen
    assert chosen == sorted(chosen, key=lambda user: user.pk)


def test_a_registering_counsellor_of_the_pool_becomes_responsible(kajaani):
    _jobseeker, staff = kajaani
    assert make_jobseeker(registered_by=staff["adults"]).responsible_counsellor == staff["adults"]
    assert make_jobseeker(registered_by=staff["youth"]).responsible_counsellor is None


def test_a_bookable_counsellor_is_exactly_a_counsellor_who_may_read_the_job_seeker(kajaani):
    jobseeker, staff = kajaani
    for responsible in (None, staff["kuhmo"], staff["adults_inactive"]):
        jobseeker.responsible_counsellor = responsible
        for name, user in staff.items():
            reads = permissions.may_counsel(user) and permissions.can_view_jobseeker(user, jobseeker)
            assert may_take(user, jobseeker, CounsellorPurpose.MEETING) == reads, (name, responsible)
