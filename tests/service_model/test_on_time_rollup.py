"""The monthly roll-up the database keeps (OnTimeMonth, migration 0005) equals counting the meetings, after any
sequence of meeting writes; the on-time rate read through it equals the rate counted from the meetings directly."""

from collections import Counter
from datetime import date, timedelta

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.db.models import Count, Q
from django.db.models.functions import TruncMonth
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from organisation.models import Municipality
from service_model import enums, on_time_selectors
from service_model.models import Meeting, OnTimeMonth
from service_model.services import meetings
from tests.service_model.conftest import at
from tests.service_model.factories import MeetingFactory

pytestmark = pytest.mark.django_db

START = date(2025, 10, 1)
DAYS = 200


def kept() -> Counter:
    counts = Counter()
    for municipality, month, met, on_time in OnTimeMonth.objects.values_list(
        "serving_municipality_id", "month", "met", "on_time"
    ):
        if met or on_time:
            counts[(municipality, month)] = (met, on_time)
    return counts


def counted() -> Counter:
    rows = (
        Meeting.objects.filter(due_on__isnull=False)
        .annotate(month=TruncMonth("due_on"))
        .values_list("serving_municipality_id", "month")
        .annotate(met=Count("pk"), on_time=Count("pk", filter=Q(on_time=True)))
        .order_by()
    )
    return Counter({(m, month if type(month) is date else month.date()): (n, t) for m, month, n, t in rows})


@pytest.fixture
def people(client_of):
    return [client_of(last_name=name) for name in ("Aalto", "Bäck", "Cederberg")]


def _apply(operation: str, index: int, day: int, flag: bool, people: list) -> None:
    due_on = START + timedelta(days=day)
    existing = list(Meeting.objects.order_by("pk"))
    meeting = existing[index % len(existing)] if existing else None
    if operation == "create" or meeting is None:
        met = flag or day % 3  # a third of the unpunctual ones met no deadline at all
        MeetingFactory(
            jobseeker=people[index % len(people)],
            held=True,
            due_on=due_on if met else None,
            on_time=flag if met else None,
        )
    elif operation == "move_deadline":
        # The deadline a held meeting met moves to another month (a correction of the history).
        meeting.due_on, meeting.on_time = due_on, flag
        meeting.save()
    elif operation == "unmeet":
        Meeting.objects.filter(pk=meeting.pk).update(due_on=None, on_time=None)
    elif operation == "move_municipality":
        kuhmo = Municipality.objects.get(code="290")
        Meeting.objects.filter(pk__lte=meeting.pk).update(serving_municipality=kuhmo)
    elif operation == "bulk_on_time":
        Meeting.objects.filter(due_on__isnull=False).update(on_time=flag)
    elif operation == "delete":
        meeting.delete()


OPERATIONS = ["create", "move_deadline", "unmeet", "move_municipality", "bulk_on_time", "delete"]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    steps=st.lists(
        st.tuples(st.sampled_from(OPERATIONS), st.integers(0, 30), st.integers(0, DAYS), st.booleans()),
        min_size=1,
        max_size=10,
    )
)
def test_the_roll_up_equals_counting_the_meetings_after_any_sequence_of_writes(people, steps):
    for operation, index, day, flag in steps:
        _apply(operation, index, day, flag, people)
        assert kept() == counted(), operation


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    held=st.lists(st.tuples(st.integers(0, DAYS), st.booleans(), st.integers(0, 2)), max_size=12),
    today_offset=st.integers(0, DAYS + 40),
    months=st.integers(1, 9),
)
def test_the_rate_through_the_roll_up_equals_the_rate_counted_directly(people, make_staff, held, today_offset, months):
    Meeting.objects.all().delete()
    for day, on_time, who in held:
        MeetingFactory(jobseeker=people[who], held=True, due_on=START + timedelta(days=day), on_time=on_time)
    today = START + timedelta(days=today_offset)
    manager = make_staff(role="area_manager")
    through_roll_up = on_time_selectors.on_time_rate(manager, months, today)
    first = through_roll_up[0].month
    direct = {
        (month if type(month) is date else month.date()): (met, on_time)
        for month, met, on_time in on_time_selectors.met_by_month_counted(Q(), first, today)
    }
    assert [(row.month, row.met, row.on_time) for row in through_roll_up] == [
        (row.month, *direct.get(row.month, (0, 0))) for row in through_roll_up
    ]


def test_recording_a_meeting_through_the_service_counts_in_its_deadline_month(client_of, counsellor, today):
    person = client_of(started=date(2026, 1, 12))  # initial interview due 26.1.
    meetings.record_meeting(
        jobseeker=person, meeting_type="initial_interview", channel="phone", held_at=at(date(2026, 1, 20)),
        counsellor=counsellor, by=counsellor, plan_goal="Työllistyminen.", plan_review="Laadittu.",
    )  # fmt: skip
    row = OnTimeMonth.objects.get(month=date(2026, 1, 1))
    assert (row.serving_municipality.code, row.met, row.on_time) == ("205", 1, 1)
    Meeting.objects.filter(jobseeker=person, state=enums.MeetingState.HELD).delete()
    assert kept() == Counter()


@pytest.mark.django_db(transaction=True)
def test_the_migration_rolls_up_the_meetings_already_there_and_its_reverse_drops_the_triggers(people):
    MeetingFactory(jobseeker=people[0], held=True, due_on=date(2026, 1, 31), on_time=True)
    MeetingFactory(jobseeker=people[1], held=True, due_on=date(2026, 1, 5), on_time=False)
    moved = MeetingFactory(jobseeker=people[2], held=True, due_on=date(2026, 2, 1), on_time=True)
    executor = MigrationExecutor(connection)
    executor.migrate([("service_model", "0004_job_search_profile")])
    # Without the roll-up table a trigger left behind would fail these writes.
    with connection.cursor() as cursor:
        cursor.execute("UPDATE service_model_meeting SET due_on = %s WHERE id = %s", [date(2026, 3, 2), moved.pk])
        cursor.execute("DELETE FROM service_model_meeting WHERE id = -1")
    executor.loader.build_graph()
    executor.migrate([("service_model", "0005_on_time_rollup")])
    assert (
        kept()
        == counted()
        == Counter(
            {
                (people[0].serving_municipality_id, date(2026, 1, 1)): (2, 1),
                (people[0].serving_municipality_id, date(2026, 3, 1)): (1, 1),
            }
        )
    )
    MeetingFactory(jobseeker=people[0], held=True, due_on=date(2026, 3, 3), on_time=False)  # the triggers are back
    assert kept() == counted()


def test_the_demo_generators_bulk_writes_leave_the_kept_figures_equal_to_a_recount(area, settings):
    from django.core.management import call_command

    from jobseekers import selectors as jobseeker_selectors

    settings.SERVICE_MODEL_TODAY = date(2026, 3, 2)

    def caseloads_hold() -> bool:
        kept_groups = Counter({tuple(group[:4]): group[4] for group in jobseeker_selectors.client_count_groups()})
        recounted = Counter(
            {tuple(group[:4]): group[4] for group in jobseeker_selectors.client_count_groups_recounted()}
        )
        return kept_groups == recounted and sum(recounted.values()) > 0

    population = ("generate_population", "--month", "2023-08", "--scale", "0.1", "--municipality", "205")
    call_command(*population)
    call_command("generate_meetings", "--seed", "2")
    assert caseloads_hold() and kept() == counted() and sum(met for met, _ in counted().values()) > 0
    call_command(*population)  # regenerating erases the people and their meetings set-wise first
    call_command("generate_meetings", "--seed", "2")
    assert caseloads_hold() and kept() == counted()
