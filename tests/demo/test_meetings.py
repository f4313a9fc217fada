"""The synthetic meeting history: deterministic, idempotent, realistic in shape, consistent with the core."""

from collections import Counter
from datetime import date, timedelta

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from demo import history, meetings
from demo.simulation import search_began
from jobseekers.models import CounsellorAssignment, Jobseeker
from service_model import adapter
from service_model.models import Deadline, EmploymentPlan, JobApplication, Meeting
from service_model.services.deadlines import rule_inputs
from tests.demo.conftest import TODAY
from tests.jobseekers.factories import make_jobseeker

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(area, today):
    call_command("generate_population", "--month", "2023-08", "--scale", "0.3", "--municipality", "205")
    return Jobseeker.objects.filter(synthetic_month__isnull=False)


def snapshot():
    return sorted(
        Meeting.objects.values_list("jobseeker__hetu_hash", "meeting_type", "state", "planned_at", "due_on", "on_time")
    )


def test_history_is_deterministic_idempotent_and_alive(people, today, capsys):
    call_command("generate_meetings", "--seed", "3")
    out = capsys.readouterr().out
    assert "tapaamista" in out and "määräaikaa" in out
    assert "pidetty" in out and "ei saapunut" in out and "did_not_attend" not in out
    first = snapshot()
    call_command("generate_meetings", "--seed", "3")
    assert snapshot() == first  # the same history, replaced rather than added to

    count = people.count()
    meetings = Meeting.objects.all()
    assert 5 * count < meetings.count() < 9 * count
    states = Counter(meetings.values_list("state", flat=True))
    assert states["held"] > states["did_not_attend"] > 0 and states["planned"] > 0 and states["cancelled"] > 0
    held = meetings.filter(state="held", due_on__isnull=False)
    late = held.filter(on_time=False).count()
    assert 0.1 < late / held.count() < 0.45
    assert not meetings.filter(state="held", held_on__gte=today).exists()
    assert not meetings.filter(state="did_not_attend", planned_at__date__gte=today).exists()
    assert not meetings.filter(state="planned", planned_at__date__lt=today).exists()
    assert meetings.filter(state="planned", planned_at__date=today).exists()
    assert Deadline.objects.filter(jobseeker__in=people).count() == count
    overdue = Deadline.objects.filter(due_on__lt=today).count()
    assert 0.03 * count < overdue < 0.3 * count
    assert EmploymentPlan.objects.count() > 0.9 * count and JobApplication.objects.exists()


def test_stored_deadlines_equal_the_core_on_the_stored_history(people, today):
    call_command("generate_meetings", "--seed", "1", "--no-plans")
    assert not EmploymentPlan.objects.exists()
    for jobseeker in people.order_by("pk")[:150]:
        held = list(Meeting.objects.filter(jobseeker=jobseeker, state="held").values_list("held_on", "meeting_type"))
        expected = adapter.deadline(**rule_inputs(jobseeker), held=held, today=today)
        row = Deadline.objects.get(jobseeker=jobseeker)
        assert row.due_on == (expected.due_on if expected else None)
        assert row.counsellor_id == jobseeker.responsible_counsellor_id


def test_each_deadline_points_at_the_earliest_booked_meeting_and_only_a_synthetic_persons(people, today):
    registered = make_jobseeker(municipality="205")
    call_command("generate_meetings")
    booked = Meeting.objects.filter(state="planned").order_by("jobseeker_id", "planned_at", "pk")
    first = {}
    for jobseeker_id, pk in booked.values_list("jobseeker_id", "pk"):
        first.setdefault(jobseeker_id, pk)
    assert first
    deadlines = Deadline.objects.filter(jobseeker__in=people)
    assert dict(deadlines.filter(next_booked__isnull=False).values_list("jobseeker_id", "next_booked_id")) == first

    jobseeker_id, pk = next(iter(first.items()))
    meeting = Meeting.objects.get(pk=pk)
    earlier = {
        "meeting_type": meeting.meeting_type,
        "channel": "phone",
        "state": "planned",
        "planned_at": meeting.planned_at - timedelta(minutes=30),
        "counsellor_id": meeting.counsellor_id,
        "synthetic": False,
    }
    for person in (meeting.jobseeker, registered):
        Meeting.objects.create(jobseeker=person, serving_municipality_id=person.serving_municipality_id, **earlier)
    ahead = Meeting.objects.get(jobseeker_id=jobseeker_id, synthetic=False)
    assert meetings.link_booked() == len(first)
    assert Deadline.objects.get(jobseeker_id=jobseeker_id).next_booked_id == ahead.pk
    assert Deadline.objects.get(jobseeker=registered).next_booked_id is None


def test_the_population_has_each_first_period_from_the_start_of_the_job_search(people):
    periods = CounsellorAssignment.objects.filter(jobseeker__in=people).order_by("jobseeker_id", "started_at", "pk")
    firsts = {}
    for jobseeker_id, started_at, started_on in periods.values_list(
        "jobseeker_id", "started_at", "jobseeker__job_search_started_on"
    ):
        firsts.setdefault(jobseeker_id, (started_at, started_on))
    assert firsts and len(firsts) == people.filter(responsible_counsellor__isnull=False).count()
    assert all(started_at == search_began({"job_search_started_on": on}) for started_at, on in firsts.values())
    assert meetings.move_first_periods(people) == 0

    later, changed = list(firsts)[:2]
    now = timezone.now()
    CounsellorAssignment.objects.filter(jobseeker_id=later).update(started_at=now)
    period = CounsellorAssignment.objects.get(jobseeker_id=changed)
    CounsellorAssignment.objects.filter(pk=period.pk).update(ended_at=now)
    CounsellorAssignment.objects.create(
        jobseeker_id=changed, counsellor_id=period.counsellor_id, started_at=now, reason="manual"
    )
    assert meetings.move_first_periods(people) == 1
    moved = CounsellorAssignment.objects.filter(jobseeker_id__in=(later, changed)).order_by("jobseeker_id", "pk")
    assert list(moved.values_list("jobseeker_id", "started_at")) == sorted(
        [(later, firsts[later][0]), (changed, firsts[changed][0]), (changed, now)]
    )


def test_regenerating_the_population_removes_its_meetings_and_the_history_comes_back_the_same(people, today):
    call_command("generate_meetings")
    before = snapshot()
    assert before
    call_command("generate_population", "--month", "2023-08", "--scale", "0.3", "--municipality", "205")
    assert not Meeting.objects.exists() and not Deadline.objects.exists()
    call_command("generate_meetings")
    assert snapshot() == before


def test_recompute_deadlines_command(people, today, capsys):
    call_command("generate_meetings", "--no-plans")
    before = dict(Deadline.objects.values_list("pk", "due_on"))
    Deadline.objects.all().delete()
    call_command("recompute_deadlines")
    assert dict(Deadline.objects.values_list("pk", "due_on")) == before
    assert "myöhässä" in capsys.readouterr().out


def test_simulation_of_a_recent_job_search_follows_the_intensive_start():
    import random

    person = history.Person(pk=1, started_on=date(2025, 9, 1), status="unemployed", has_office=True,
                               preferred_channel="online")  # fmt: skip
    simulated = history.simulate(person, TODAY, random.Random(7))
    kinds = [m.meeting_type for m in simulated.meetings if m.state == "held"]
    assert kinds[0] == "initial_interview" and "supplementary_discussion" in kinds
    assert simulated.opening_on is not None and simulated.opening_on <= date(2025, 10, 31)


@pytest.mark.parametrize("workers", ["0", "-2", "17", "500"])
def test_a_number_of_processes_out_of_range_is_refused_naming_the_option(workers):
    with pytest.raises(CommandError, match=rf"--workers: 1–16 prosessia \(annettu {workers}\)"):
        call_command("generate_meetings", "--workers", workers)
    assert not Meeting.objects.exists()
