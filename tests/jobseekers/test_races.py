"""Two staff members assigning the same job seeker at the same moment: exactly one assignment is made."""

import pytest
from django.db.models import Count, Q

from jobseekers import batch, services
from jobseekers.models import CounsellorAssignment, Jobseeker
from tests.concurrency import race
from tests.jobseekers.factories import make_jobseeker

pytestmark = [pytest.mark.postgresql, pytest.mark.django_db(transaction=True)]


def test_two_supervisors_reassigning_the_same_job_seeker_one_wins(area, make_staff):
    current, mine, yours = (make_staff(municipality_code="578", team="paltamo-pienet-kunnat") for _ in range(3))
    supervisors = [make_staff(role="supervisor", municipality_code="578") for _ in range(2)]
    jobseeker = make_jobseeker(municipality="697", registered_by=current)
    seen = [Jobseeker.objects.get(pk=jobseeker.pk) for _ in range(2)]

    outcomes = race(
        lambda: services.reassign(jobseeker=seen[0], counsellor=mine, note="Työnjako", by=supervisors[0]),
        lambda: services.reassign(jobseeker=seen[1], counsellor=yours, note="Kielitaito", by=supervisors[1]),
    )
    assert sorted(outcome.ok for outcome in outcomes) == [False, True], [repr(o.error) for o in outcomes]
    winner = next(outcome.value for outcome in outcomes if outcome.ok)
    loser = next(outcome.error for outcome in outcomes if not outcome.ok)
    assert isinstance(loser, services.Conflict), repr(loser)
    jobseeker.refresh_from_db()
    assert jobseeker.responsible_counsellor == winner.counsellor
    open_rows = CounsellorAssignment.objects.filter(jobseeker=jobseeker, ended_at=None)
    assert list(open_rows.values_list("counsellor", flat=True)) == [winner.counsellor_id]
    assert CounsellorAssignment.objects.filter(jobseeker=jobseeker).count() == 2


def test_two_batch_assignments_at_once_assign_each_job_seeker_once(area, make_staff):
    for _ in range(3):
        make_staff(municipality_code="290", team="kuhmo")
    people = [make_jobseeker(municipality="290") for _ in range(12)]

    outcomes = race(
        lambda: batch.assign_unassigned(scope=Q(area=area)),
        lambda: batch.assign_unassigned(scope=Q(area=area)),
    )
    assert all(outcome.ok for outcome in outcomes), [outcome.error for outcome in outcomes]
    assert sorted(outcome.value.assigned for outcome in outcomes) == [0, len(people)]
    assert not Jobseeker.objects.filter(pk__in=[p.pk for p in people], responsible_counsellor=None).exists()
    per_person = (
        CounsellorAssignment.objects.filter(jobseeker__in=people, ended_at=None)
        .values("jobseeker")
        .annotate(n=Count("pk"))
    )
    assert sorted(row["n"] for row in per_person) == [1] * len(people)
