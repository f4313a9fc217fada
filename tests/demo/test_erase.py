"""Set-wise deletion: what references the deleted rows goes with them (or is set to NULL), nothing else is touched."""

import pytest
from django.core.management import call_command
from django.db import models

from demo import erase
from jobseekers.models import CounsellorAssignment, Jobseeker, JournalEntry
from service_model.models import Deadline, EmploymentPlan, JobApplication, JobSearchObligation, Meeting, PlanTask
from tests.jobseekers.factories import make_jobseeker

pytestmark = pytest.mark.django_db

SYNTHETIC = "synthetic_month IS NOT NULL"


@pytest.fixture
def history(area, today):
    call_command("generate_population", "--month", "2023-08", "--scale", "0.05", "--municipality", "205")
    call_command("generate_meetings")


def test_deleting_people_deletes_every_row_that_references_them_and_only_those(history):
    registered = make_jobseeker(municipality="697")
    synthetic = Jobseeker.objects.filter(synthetic_month__isnull=False).count()
    for model in (Meeting, Deadline, EmploymentPlan, PlanTask, JobSearchObligation, JobApplication):
        assert model.objects.exists(), f"the history has {model.__name__} rows to delete"

    assert erase.delete(Jobseeker, SYNTHETIC) == synthetic

    assert list(Jobseeker.objects.all()) == [registered]
    assert not Meeting.objects.exists()
    assert not EmploymentPlan.objects.exists() and not PlanTask.objects.exists()
    assert not JobSearchObligation.objects.exists() and not JobApplication.objects.exists()
    assert list(Deadline.objects.values_list("jobseeker_id", flat=True)) == [registered.pk]
    assert set(CounsellorAssignment.objects.values_list("jobseeker_id", flat=True)) <= {registered.pk}


def test_a_row_that_only_points_at_a_deleted_row_is_kept_with_the_pointer_cleared(history):
    registered = make_jobseeker(municipality="697")
    booked = Meeting.objects.filter(synthetic=True, state="planned").first()
    Deadline.objects.filter(jobseeker=registered).update(next_booked=booked)

    erase.delete(Meeting, "synthetic")

    assert not Meeting.objects.exists()
    assert Deadline.objects.get(jobseeker=registered).next_booked_id is None


def test_a_relation_that_cannot_be_deleted_set_wise_is_refused_before_anything_is_deleted(history, monkeypatch):
    relation = Meeting._meta.get_field("jobseeker").remote_field
    monkeypatch.setattr(relation, "on_delete", models.SET_DEFAULT)
    people = Jobseeker.objects.count()

    with pytest.raises(ValueError, match="SET_DEFAULT"):
        erase.delete(Jobseeker, SYNTHETIC)

    assert Jobseeker.objects.count() == people


def test_rows_protecting_a_synthetic_person_are_about_them_and_go_with_them(history, monkeypatch):
    relation = Meeting._meta.get_field("jobseeker").remote_field
    monkeypatch.setattr(relation, "on_delete", models.PROTECT)
    assert Meeting.objects.filter(jobseeker__synthetic_month__isnull=False).exists()

    erase.delete(Jobseeker, SYNTHETIC)

    assert not Meeting.objects.filter(jobseeker__synthetic_month__isnull=False).exists()
    assert not Jobseeker.objects.filter(synthetic_month__isnull=False).exists()


def _journal(jobseeker, author, corrects=None):
    return JournalEntry.objects.create(
        jobseeker=jobseeker, kind="note", entry_date=jobseeker.job_search_started_on, text="x", author=author,
        corrects=corrects,
    )  # fmt: skip


def test_a_correction_pointing_into_the_deleted_set_goes_with_it_and_one_from_outside_refuses(history):
    synthetic = Jobseeker.objects.filter(synthetic_month__isnull=False).order_by("pk")
    author = synthetic.first().responsible_counsellor
    original = _journal(synthetic.first(), author)
    _journal(synthetic.first(), author, corrects=original)

    erase.delete(Jobseeker, f"{SYNTHETIC} AND id = %s", [synthetic.first().pk])
    assert not JournalEntry.objects.exists()

    registered = make_jobseeker(municipality="697")
    original = _journal(synthetic.first(), author)
    _journal(registered, author, corrects=original)
    people = Jobseeker.objects.count()
    with pytest.raises(ValueError, match="corrects"):
        erase.delete(Jobseeker, SYNTHETIC)
    assert Jobseeker.objects.count() == people and JournalEntry.objects.count() == 2
