"""The generated meeting history as a counsellor's calendar: no double bookings, within working hours, and every
meeting held by whoever was responsible for the person at the time."""

import random
from collections import defaultdict
from datetime import date, datetime, time, timedelta

import pytest
from django.core.management import call_command
from django.db.models import Exists, OuterRef, Q
from hypothesis import given, settings
from hypothesis import strategies as st

from demo import diary
from jobseekers.models import CounsellorAssignment, Jobseeker
from service_model.models import Meeting
from service_model.workdays import is_working_day

pytestmark = pytest.mark.django_db

OCCUPYING = ("planned", "held", "did_not_attend")


@pytest.fixture
def kajaani(area, today):
    call_command("create_demo_accounts")
    call_command("generate_population", "--month", "2023-08", "--seed", "1", "--municipality", "205")
    return Jobseeker.objects.filter(synthetic_month__isnull=False)


def overlaps(meetings) -> list:
    by_counsellor = defaultdict(list)
    for counsellor, start, minutes in meetings.values_list("counsellor_id", "planned_at", "duration_minutes"):
        by_counsellor[counsellor].append((start, start + timedelta(minutes=minutes)))
    found = []
    for spans in by_counsellor.values():
        spans.sort()
        found += [(a, b) for a, b in zip(spans, spans[1:], strict=False) if b[0] < a[1]]
    return found


def not_responsible(meetings):
    """Meetings whose counsellor had no period of responsibility for the person covering the meeting's start."""
    covering = CounsellorAssignment.objects.filter(
        jobseeker_id=OuterRef("jobseeker_id"),
        counsellor_id=OuterRef("counsellor_id"),
        started_at__lte=OuterRef("planned_at"),
    ).filter(Q(ended_at__isnull=True) | Q(ended_at__gt=OuterRef("planned_at")))
    return meetings.exclude(Exists(covering))


def test_no_counsellor_is_double_booked_and_every_meeting_is_in_working_hours(kajaani):
    call_command("generate_meetings", "--seed", "1")
    booked = Meeting.objects.filter(synthetic=True, state__in=OCCUPYING)
    assert booked.count() > 5 * kajaani.count()
    assert overlaps(booked) == []
    for start, minutes in Meeting.objects.values_list("planned_at", "duration_minutes"):
        local = start.astimezone(diary.HELSINKI)
        assert is_working_day(local.date())
        assert local.hour * 60 + local.minute >= 8 * 60 and local.hour * 60 + local.minute + minutes <= 16 * 60


def test_every_meeting_is_held_by_the_counsellor_responsible_at_the_time(kajaani, today):
    # One person changed counsellors half a year ago: their earlier meetings belong to the first counsellor.
    person = kajaani.filter(job_search_started_on__lt=date(2024, 1, 1)).order_by("pk").first()
    first = person.responsible_counsellor
    second = Jobseeker.objects.filter(pool=person.pool).exclude(responsible_counsellor=first).first()
    second = second.responsible_counsellor
    changed = (today - timedelta(days=180)).isoformat() + "T12:00:00+02:00"
    began = person.job_search_started_on.isoformat() + "T00:00:00+02:00"
    CounsellorAssignment.objects.filter(jobseeker=person).update(started_at=began, ended_at=changed)
    CounsellorAssignment.objects.create(jobseeker=person, counsellor=second, started_at=changed, reason="manual")
    Jobseeker.objects.filter(pk=person.pk).update(responsible_counsellor=second)

    call_command("generate_meetings", "--seed", "1")

    meetings = Meeting.objects.filter(synthetic=True)
    assert not not_responsible(meetings).exists()
    own = meetings.filter(jobseeker=person)
    assert {m.counsellor_id for m in own if m.planned_at.date() < today - timedelta(days=181)} <= {first.pk}
    assert {m.counsellor_id for m in own if m.planned_at.date() > today - timedelta(days=179)} <= {second.pk}
    assert own.filter(counsellor=first).exists() and own.filter(counsellor=second).exists()
    # The responsibility began with the job search, not on the day the demo data was made.
    earliest = CounsellorAssignment.objects.filter(jobseeker__in=kajaani).order_by("started_at").first()
    assert earliest.started_at.date() <= earliest.jobseeker.job_search_started_on


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(st.integers(0, 40), st.sampled_from((15, 45)), st.integers(0, 10), st.integers(0, 20)),
        min_size=1,
        max_size=120,
    ),
    st.integers(0, 2**32),
    st.integers(0, 10 * 60),
)
def test_a_diary_never_books_two_meetings_at_once_nor_outside_the_bounds_nor_before_now(requests, seed, minute):
    start = date(2026, 3, 2)
    now = datetime.combine(start, time(7, 0), tzinfo=diary.HELSINKI) + timedelta(minutes=minute)
    book = diary.Diary(not_before=now)
    rng = random.Random(seed)
    spans = []
    per_day = defaultdict(int)
    for offset, minutes, before, after in requests:
        day = start + timedelta(days=offset)
        earliest, latest = day - timedelta(days=before), day + timedelta(days=after)
        moment = book.book(day, minutes, rng, earliest=earliest, latest=latest)
        if moment is None:
            continue
        local = moment.astimezone(diary.HELSINKI)
        assert earliest <= local.date() <= latest and is_working_day(local.date())
        assert local.hour >= 8 and local + timedelta(minutes=minutes) <= local.replace(hour=16, minute=0)
        assert local.date() != start or moment >= now
        per_day[local.date()] += 1
        spans.append((moment, moment + timedelta(minutes=minutes)))
    spans.sort()
    assert all(b[0] >= a[1] for a, b in zip(spans, spans[1:], strict=False))
    assert max(per_day.values(), default=0) <= diary.MEETINGS_PER_DAY
