"""Booking and recording meetings, the plan and the job-search obligation: the rules and their Finnish errors."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from service_model import enums, selectors
from service_model.models import Deadline, EmploymentPlan
from service_model.services import meetings, plans
from tests.service_model.conftest import at, book
from tests.service_model.factories import EmploymentPlanFactory, JobSearchObligationFactory

pytestmark = pytest.mark.django_db


def test_double_booking_a_counsellor_is_refused_with_the_clash(client_of, counsellor, today):
    first, second = client_of(), client_of()
    book(first, counsellor, at(today + timedelta(days=2), 10))
    with pytest.raises(ValidationError) as error:
        book(second, counsellor, at(today + timedelta(days=2), 10, 30))
    assert error.value.message_dict["planned_at"] == [
        "Ohjaajalla on jo tapaaminen 4.3.2026 klo 10.00–10.45; valitse toinen aika."
    ]
    book(second, counsellor, at(today + timedelta(days=2), 10, 45))  # back to back is fine


def test_the_job_seeker_cannot_be_in_two_meetings(client_of, counsellor, make_staff, today):
    jobseeker = client_of()
    colleague = make_staff(team="kajaani-aikuiset")
    book(jobseeker, counsellor, at(today + timedelta(days=1), 9))
    with pytest.raises(ValidationError, match="Asiakkaalla on jo tapaaminen"):
        book(jobseeker, colleague, at(today + timedelta(days=1), 9, 15))


@pytest.mark.parametrize(
    ("extra", "field", "message"),
    [
        ({"channel": "face_to_face"}, "office", "Valitse toimipiste"),
        ({"meeting_type": "coffee"}, "meeting_type", "Tuntematon"),
        ({"channel": "pigeon"}, "channel", "Tuntematon"),
        ({"duration_minutes": 600}, "duration_minutes", "5–480"),
    ],
)
def test_booking_errors_name_the_field(client_of, counsellor, today, extra, field, message):
    with pytest.raises(ValidationError) as error:
        book(client_of(), counsellor, at(today + timedelta(days=3)), **extra)
    assert message in error.value.message_dict[field][0]


def test_booking_in_the_past_or_for_a_counsellor_of_another_pool_is_refused(client_of, counsellor, make_staff, today):
    jobseeker = client_of()
    with pytest.raises(ValidationError, match="menneisyydessä"):
        book(jobseeker, counsellor, at(today - timedelta(days=1)))
    kuhmo = make_staff(municipality_code="290", team="kuhmo")
    with pytest.raises(ValidationError) as error:
        book(jobseeker, kuhmo, at(today + timedelta(days=1)))
    assert "eri ohjaajaryhmä" in error.value.message_dict["counsellor"][0]


def test_recording_held_needs_the_plan_review_and_cannot_be_in_advance(client_of, counsellor, today):
    jobseeker = client_of(started=date(2026, 2, 16))
    meeting = book(jobseeker, counsellor, at(today, 8), meeting_type="initial_interview")
    with pytest.raises(ValidationError) as error:
        meetings.record_held(meeting, by=counsellor)
    assert "työllistymissuunnitelma" in error.value.message_dict["plan_review"][0]
    assert "laaditaan alkuhaastattelussa" in error.value.message_dict["plan_goal"][0]
    later = book(jobseeker, counsellor, at(today + timedelta(days=7)), meeting_type="other")
    with pytest.raises(ValidationError, match="etukäteen"):
        meetings.record_held(later, by=counsellor)
    assert not EmploymentPlan.objects.filter(jobseeker=jobseeker).exists()

    held = meetings.record_held(
        meeting, by=counsellor, plan_review="Suunnitelma laadittu.", outcome="Hyvä alku.", plan_goal="Varastotyö."
    )
    assert (held.state, held.held_on, held.due_on, held.on_time) == ("held", today, date(2026, 3, 2), True)
    plan = EmploymentPlan.objects.get(jobseeker=jobseeker)
    assert (plan.goal, plan.drawn_up_on, plan.drawn_up_in) == ("Varastotyö.", today, held)
    obligation = plan.obligations.get()
    assert (obligation.applications, obligation.period_months, obligation.set_in) == (4, 1, held)
    with pytest.raises(ValidationError, match="jo kirjattu"):
        meetings.record_held(held, by=counsellor, plan_review="Uudestaan.")


def test_did_not_attend_and_cancel_leave_the_deadline_where_it_was(client_of, counsellor, today):
    jobseeker = client_of(started=date(2026, 2, 2))
    due = Deadline.objects.get(jobseeker=jobseeker).due_on
    missed = book(jobseeker, counsellor, at(today, 8), meeting_type="initial_interview")
    meetings.record_did_not_attend(missed, by=counsellor, note="Ei vastannut puhelimeen.")
    rebooked = book(jobseeker, counsellor, at(today + timedelta(days=1)), meeting_type="initial_interview")
    with pytest.raises(ValidationError) as error:
        meetings.cancel_meeting(rebooked, by=counsellor, reason="  ")
    assert "cancel_reason" in error.value.message_dict
    meetings.cancel_meeting(rebooked, by=counsellor, reason="Asiakkaan pyynnöstä.")
    assert Deadline.objects.get(jobseeker=jobseeker).due_on == due
    with pytest.raises(ValidationError, match="vasta tapaamisen päivänä"):
        meetings.record_did_not_attend(book(jobseeker, counsellor, at(today + timedelta(days=2))), by=counsellor)


def test_reschedule_checks_the_new_slot(client_of, counsellor, today):
    first, second = client_of(), client_of()
    book(first, counsellor, at(today + timedelta(days=1), 9))
    meeting = book(second, counsellor, at(today + timedelta(days=1), 13))
    with pytest.raises(ValidationError, match="Ohjaajalla on jo tapaaminen"):
        meetings.reschedule(meeting, by=counsellor, planned_at=at(today + timedelta(days=1), 9, 30))
    moved = meetings.reschedule(meeting, by=counsellor, planned_at=at(today + timedelta(days=1), 14), channel="video")
    assert (moved.channel, moved.planned_at) == ("video", at(today + timedelta(days=1), 14))


def test_plan_gets_the_default_obligation_and_a_lowered_one_needs_a_reason(client_of, counsellor, today):
    jobseeker = client_of()
    plan = plans.save_plan(jobseeker=jobseeker, goal="Työ kaupan alalta.", by=counsellor)
    first = plan.obligations.get()
    assert (first.applications, first.period_months, first.rule_set_id, first.lowered) == (4, 1, "nordic_2026", False)

    starts = today + timedelta(days=1)
    with pytest.raises(ValidationError) as error:
        plans.set_obligation(plan=plan, applications=2, period_months=1, starts_on=starts, by=counsellor)
    assert "alentamisen peruste" in error.value.message_dict["lowered_reason"][0]
    # 12 per 3 months is the rule on another scale: not lowered, no reason needed.
    same = plans.set_obligation(plan=plan, applications=12, period_months=3, starts_on=starts, by=counsellor)
    assert not same.lowered
    lowered = plans.set_obligation(
        plan=plan, applications=2, period_months=1, starts_on=starts + timedelta(days=1), by=counsellor,
        lowered_reason="Alueella vähän työpaikkoja omalta alalta.",
    )  # fmt: skip
    assert lowered.lowered
    first.refresh_from_db()
    same.refresh_from_db()
    assert first.ends_on == today and same.ends_on == starts
    assert plan.obligations.filter(ends_on__isnull=True).get() == lowered


def test_the_database_refuses_a_lowered_obligation_without_reason(client_of, today):
    plan = EmploymentPlanFactory(jobseeker=client_of())
    JobSearchObligationFactory(plan=plan, lowered=True, ends_on=today)  # with its reason: accepted
    with pytest.raises(IntegrityError, match="obligation_lowered_has_reason"), transaction.atomic():
        JobSearchObligationFactory(plan=plan, starts_on=today + timedelta(days=1), applications=1)


def test_obligation_status_counts_applications_of_the_current_period(client_of, counsellor, today):
    jobseeker = client_of()
    plan = plans.save_plan(jobseeker=jobseeker, goal="Tavoite.", by=counsellor)
    for day in (today - timedelta(days=1), today, today - timedelta(days=40)):
        plans.report_application(
            jobseeker=jobseeker, applied_on=day, employer="Kajaanin kaupunki", job_title="siivooja", by=counsellor
        )
    status = selectors.obligation_status(plan, today + timedelta(days=3))
    assert (status.period_starts, status.period_ends, status.required, status.reported, status.met) == (
        today, today + timedelta(days=30), 4, 1, False,
    )  # fmt: skip
    with pytest.raises(ValidationError, match="tulevaisuudessa"):
        plans.report_application(
            jobseeker=jobseeker, applied_on=today + timedelta(days=1), employer="X", job_title="Y", by=counsellor
        )


def test_tasks(client_of, counsellor, today):
    plan = plans.save_plan(jobseeker=client_of(), goal="Tavoite.", by=counsellor)
    with pytest.raises(ValidationError, match="Kirjaa tehtävä"):
        plans.add_task(plan=plan, title=" ", by=counsellor)
    task = plans.add_task(plan=plan, title="Päivitä CV", due_on=today + timedelta(days=7), by=counsellor)
    done = plans.set_task_status(task, status=enums.TaskStatus.DONE, by=counsellor)
    assert (done.status, done.completed_on) == ("done", today)
