"""`common.bulk.ReservedIds` and `RowWriter.add_blocks`: keys taken before their rows are written."""

from datetime import date

import pytest

from common.bulk import ReservedIds, RowWriter
from service_model.models import EmploymentPlan
from tests.jobseekers.factories import make_jobseeker

pytestmark = pytest.mark.django_db


def plan_values(jobseeker, **values) -> dict:
    return {
        "jobseeker_id": jobseeker.pk,
        "goal": "Työllistyminen.",
        "drawn_up_on": date(2026, 3, 2),
        "drawn_up_in_id": None,
        "updated_by_id": None,
        "synthetic": True,
        **values,
    }


def test_reserved_keys_are_new_distinct_and_never_a_deleted_rows_and_the_rows_keep_them(area):
    people = [make_jobseeker(municipality="205") for _ in range(3)]
    kept = EmploymentPlan.objects.create(**plan_values(people[0]))
    deleted = EmploymentPlan.objects.create(**plan_values(people[1])).pk
    EmploymentPlan.objects.filter(pk=deleted).delete()

    reserved = ReservedIds(EmploymentPlan)
    keys = reserved.take(2) + reserved.take(3)
    assert keys == sorted(set(keys)) and len(keys) == 5
    assert keys[0] > deleted > kept.pk

    writer = RowWriter(EmploymentPlan, include_pk=True)
    rows = [[writer.row(plan_values(people[1], id=keys[3]))], [], [writer.row(plan_values(people[2], id=keys[1]))]]
    writer.add_blocks([writer.encode(block) for block in rows], 2)
    writer.add_blocks([writer.encode([])], 0)
    writer.flush()
    assert writer.written == 2
    stored = dict(EmploymentPlan.objects.values_list("jobseeker_id", "pk"))
    assert stored == {people[0].pk: kept.pk, people[1].pk: keys[3], people[2].pk: keys[1]}
    EmploymentPlan.objects.filter(pk=keys[1]).delete()
    # A key reserved and never written may be given later on SQLite; one written never is.
    assert EmploymentPlan.objects.create(**plan_values(people[2])).pk > keys[3]
