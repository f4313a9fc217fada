"""The stored deadline: computed by the pure core from the registry's data, rewritten by every write that moves it."""

from datetime import date

import pytest
from django.db import IntegrityError, transaction

from jobseekers import services as jobseeker_services
from jobseekers.models import Jobseeker
from service_model import adapter, selectors
from service_model.models import Deadline, Meeting
from service_model.services import deadlines, meetings
from tests.service_model.conftest import TODAY, at
from tests.service_model.factories import DeadlineFactory

pytestmark = pytest.mark.django_db


def deadline(jobseeker) -> Deadline:
    return Deadline.objects.get(jobseeker=jobseeker)


@pytest.mark.parametrize(
    ("started", "status", "held", "expected"),
    [
        # The initial interview: 5 working days under the 2022 rules, 10 under the 2026 rules (start date chooses).
        (date(2025, 12, 22), "unemployed", [], ("initial_interview", date(2026, 1, 2), "nordic_2022")),  # 24.-26.12.
        (date(2025, 12, 31), "unemployed", [], ("initial_interview", date(2026, 1, 9), "nordic_2022")),
        (date(2026, 1, 1), "unemployed", [], ("initial_interview", date(2026, 1, 16), "nordic_2026")),
        (date(2026, 2, 16), "unemployed", [], ("initial_interview", date(2026, 3, 2), "nordic_2026")),
        # Every registered job seeker gets the initial interview, the employed and those outside the labour force too.
        (date(2026, 2, 2), "employed", [], ("initial_interview", date(2026, 2, 16), "nordic_2026")),
        (date(2026, 2, 2), "outside_labour_force", [], ("initial_interview", date(2026, 2, 16), "nordic_2026")),
        # After it, the job-search discussion three months later (a working day), under 2026 rules no intensive start.
        (date(2026, 1, 5), "unemployed", [(date(2026, 1, 12), "initial_interview")],
         ("job_search_discussion", date(2026, 4, 13), "nordic_2026")),
        # An interview held in December 2025 still brings the 2022 rules' supplementary discussion two weeks later.
        (date(2025, 12, 1), "unemployed", [(date(2025, 12, 5), "initial_interview")],
         ("supplementary_discussion", date(2025, 12, 19), "nordic_2022")),
        (date(2025, 12, 1), "part_time", [(date(2025, 12, 5), "initial_interview")],
         ("job_search_discussion", date(2026, 3, 5), "nordic_2022")),
        # An "other" contact meets nothing.
        (date(2026, 1, 5), "unemployed", [(date(2026, 1, 8), "other")],
         ("initial_interview", date(2026, 1, 20), "nordic_2026")),  # 6.1. is Epiphany
        # A job search older than the model: its clock starts on 2.5.2022.
        (date(2021, 3, 1), "unemployed", [], ("initial_interview", date(2022, 5, 9), "nordic_2022")),
        # An employed job seeker has no follow-up after the interview.
        (date(2026, 1, 5), "employed", [(date(2026, 1, 8), "initial_interview")], None),
        (date(2026, 1, 5), "outside_labour_force", [(date(2026, 1, 8), "initial_interview")], None),
    ],
)  # fmt: skip
def test_stored_deadline_cases(client_of, counsellor, started, status, held, expected):
    jobseeker = client_of(started=started, status=status)
    for day, meeting_type in held:
        meetings.record_meeting(
            jobseeker=jobseeker, meeting_type=meeting_type, channel="phone", held_at=at(day), counsellor=counsellor,
            by=counsellor, plan_goal="Työllistyminen.", plan_review="Suunnitelma käyty läpi.",
        )  # fmt: skip
    row = deadline(jobseeker)
    if expected is None:
        assert (row.next_meeting_type, row.due_on, row.rule_set_id) == ("", None, "")
    else:
        assert (row.next_meeting_type, row.due_on, row.rule_set_id) == expected
    assert row.counsellor_id == counsellor.pk
    assert row.serving_municipality_id == jobseeker.serving_municipality_id


def test_a_job_search_soon_after_the_previous_one_opens_with_a_discussion(client_of, counsellor):
    """Under 6 months since the previous job search ended: no new initial interview, a job-search discussion on the
    same deadline updates the existing plan; 6 months or more: a new initial interview."""
    soon = client_of(started=date(2026, 2, 2), previous_job_search_ended_on=date(2025, 11, 28))
    assert (deadline(soon).next_meeting_type, deadline(soon).due_on) == ("job_search_discussion", date(2026, 2, 16))
    later = client_of(started=date(2026, 2, 2), previous_job_search_ended_on=date(2025, 8, 2))
    assert (deadline(later).next_meeting_type, deadline(later).due_on) == ("initial_interview", date(2026, 2, 16))
    meetings.record_meeting(
        jobseeker=soon, meeting_type="job_search_discussion", channel="phone", held_at=at(date(2026, 2, 10)),
        counsellor=counsellor, by=counsellor, plan_review="Suunnitelma päivitetty.",
    )  # fmt: skip
    meeting = Meeting.objects.get(jobseeker=soon)
    assert (meeting.due_on, meeting.on_time) == (date(2026, 2, 16), True)
    assert deadline(soon).next_meeting_type == "job_search_discussion"


def test_the_database_refuses_a_previous_search_ending_after_this_one_started(client_of):
    jobseeker = client_of(started=date(2026, 2, 2))
    with pytest.raises(IntegrityError), transaction.atomic():
        Jobseeker.objects.filter(pk=jobseeker.pk).update(previous_job_search_ended_on=date(2026, 2, 3))


def test_rule_set_boundary_at_new_year_2026(client_of):
    """31.12.2025 falls under the 2022 rules (5 working days), 1.1.2026 under the 2026 rules (10 working days)."""
    december = deadline(client_of(started=date(2025, 12, 31)))
    january = deadline(client_of(started=date(2026, 1, 1)))
    assert (december.rule_set_id, december.due_on) == ("nordic_2022", date(2026, 1, 9))
    assert (january.rule_set_id, january.due_on) == ("nordic_2026", date(2026, 1, 16))


def test_a_held_meeting_moves_the_deadline_and_the_overdue_list_changes(client_of, counsellor, today):
    late = client_of(started=date(2026, 1, 12), last_name="Myöhänen")
    assert deadline(late).due_on == date(2026, 1, 26)
    overdue = [r.jobseeker.pk for r in selectors.worklist(counsellor, today) if r.bucket == "overdue"]
    assert overdue == [late.pk]

    meeting = meetings.record_meeting(
        jobseeker=late, meeting_type="initial_interview", channel="face_to_face", held_at=at(today, 9),
        counsellor=counsellor, by=counsellor, office=late.meeting_office, plan_review="Suunnitelma laadittu.",
        plan_goal="Työllistyminen.",
    )  # fmt: skip
    assert (meeting.due_on, meeting.on_time) == (date(2026, 1, 26), False)
    row = deadline(late)
    assert (row.next_meeting_type, row.due_on) == ("job_search_discussion", date(2026, 6, 2))
    assert [r for r in selectors.worklist(counsellor, today) if r.bucket == "overdue"] == []
    assert selectors.bucket_counts(counsellor, today, 120) == {"overdue": 0, "this_week": 0, "upcoming": 1}


def test_status_change_and_reassignment_rewrite_the_row(client_of, counsellor, make_staff):
    jobseeker = client_of(started=date(2026, 1, 5))
    meetings.record_meeting(
        jobseeker=jobseeker, meeting_type="initial_interview", channel="phone", held_at=at(date(2026, 1, 8)),
        counsellor=counsellor, by=counsellor, plan_goal="Työllistyminen.", plan_review="Laadittu.",
    )  # fmt: skip
    assert deadline(jobseeker).due_on == date(2026, 4, 8)
    jobseeker.status = "employed"
    jobseeker.save()
    assert deadline(jobseeker).due_on is None

    other = make_staff(team="kajaani-aikuiset")
    supervisor = make_staff(role="supervisor")
    jobseeker_services.reassign(jobseeker=jobseeker, counsellor=other, note="Työnjako muuttui.", by=supervisor)
    assert deadline(jobseeker).counsellor_id == other.pk


def test_batch_assignment_copies_the_counsellor_onto_the_deadline(area, counsellor, today):
    from jobseekers import batch
    from tests.jobseekers.factories import make_jobseeker

    unassigned = make_jobseeker(job_search_started_on=date(2026, 2, 20), today=today)
    assert deadline(unassigned).counsellor_id is None
    batch.assign_unassigned()
    unassigned.refresh_from_db()
    assert unassigned.responsible_counsellor_id is not None
    assert deadline(unassigned).counsellor_id == unassigned.responsible_counsellor_id


def test_bulk_recompute_equals_one_by_one(client_of, counsellor, today):
    people = [client_of(started=date(2026, 1, 5 + i)) for i in range(5)]
    meetings.record_meeting(
        jobseeker=people[0], meeting_type="initial_interview", channel="phone", held_at=at(date(2026, 1, 9)),
        counsellor=counsellor, by=counsellor, plan_goal="Työllistyminen.", plan_review="Laadittu.",
    )  # fmt: skip
    one_by_one = {d.pk: (d.next_meeting_type, d.due_on, d.rule_set_id) for d in Deadline.objects.all()}
    Deadline.objects.all().delete()
    assert deadlines.recompute_all(today=today, batch=2) == len(people)
    bulk = {d.pk: (d.next_meeting_type, d.due_on, d.rule_set_id) for d in Deadline.objects.all()}
    assert bulk == one_by_one


def test_satisfied_deadline_is_none_for_an_other_contact():
    assert (
        adapter.satisfied_deadline(
            job_search_started_on=date(2026, 1, 5), status="unemployed", held=[], held_on=TODAY, meeting_type="other"
        )
        is None
    )
    assert adapter.satisfied_deadline(
        job_search_started_on=date(2026, 1, 5), status="unemployed", held=[], held_on=TODAY,
        meeting_type="initial_interview",
    ) == date(2026, 1, 20)  # fmt: skip


def test_unknown_status_is_refused():
    with pytest.raises(ValueError, match="unknown job-seeker status"):
        adapter.core_status("retired")


def _changed(field: str, jobseeker, make_staff):
    """A new value of each input of the deadline, valid for a job seeker of the Kajaani adults' team."""
    from organisation.models import Municipality

    match field:
        case "job_search_started_on":
            return date(2026, 1, 5)
        case "status":
            return "part_time"
        case "previous_job_search_ended_on":
            return date(2025, 10, 1)
        case "unemployed_since":
            return date(2025, 1, 2)
        case "responsible_counsellor":
            return make_staff(team="kajaani-aikuiset")
        case "serving_municipality":
            return Municipality.objects.exclude(pk=jobseeker.serving_municipality_id).first()
        case "pool":
            return "toinen-ryhma"
        case "job_search_ended_on":
            return jobseeker.job_search_started_on
    raise AssertionError(f"no test value for the deadline input {field!r}: add one here")


@pytest.mark.parametrize("only_that_field", [False, True], ids=["save", "update_fields"])
@pytest.mark.parametrize("field", sorted(deadlines.INPUTS))
def test_saving_any_input_of_the_deadline_recomputes_it(field, only_that_field, client_of, make_staff, today):
    jobseeker = client_of(started=date(2025, 12, 1))
    DeadlineFactory(
        jobseeker=jobseeker, next_meeting_type="other", due_on=date(2099, 1, 1), pool="vanha", counsellor=None
    )
    setattr(jobseeker, field, _changed(field, jobseeker, make_staff))
    jobseeker.save(update_fields=[field] if only_that_field else None)

    row = deadline(jobseeker)
    found = deadlines.compute(jobseeker, [], today)
    # An ended job search has no meeting pending: its row is closed.
    assert (row.next_meeting_type, row.due_on) == ((found.meeting_type, found.due_on) if found else ("", None))
    assert (row.counsellor_id, row.serving_municipality_id, row.pool) == (
        jobseeker.responsible_counsellor_id,
        jobseeker.serving_municipality_id,
        jobseeker.pool,
    )


def test_saving_other_fields_leaves_the_deadline_alone(client_of):
    jobseeker = client_of()
    DeadlineFactory(jobseeker=jobseeker, due_on=date(2099, 1, 1))
    jobseeker.first_name = "Toinen"
    jobseeker.save(update_fields=["first_name"])
    assert deadline(jobseeker).due_on == date(2099, 1, 1)
