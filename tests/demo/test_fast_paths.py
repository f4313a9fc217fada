"""The generators' fast paths give what the plain ones give: the diary's bit masks, the cached name folding, the bulk
writer's column order and the one-column bulk update (docs/performance.md, "Demo generation at scale 100")."""

import random
from collections import defaultdict
from datetime import date, datetime, time, timedelta

import pytest
from django.core.management import call_command
from django.db import connection, transaction
from hypothesis import given, settings
from hypothesis import strategies as st

from accounts.models import User
from common.bulk import indexes_and_keys_deferred, update_column
from demo import diary, names, population
from demo.meetings import WRITTEN
from jobseekers.models import CounsellorAssignment, Jobseeker
from jobseekers.names import search_key
from service_model.agenda import DEFAULT_HOURS

pytestmark = pytest.mark.django_db


class SetDiary(diary.Diary):
    """The diary as it was written first: each day's booked quarters as a set."""

    def __init__(self, not_before=None):
        super().__init__(not_before)
        self._quarters = defaultdict(set)

    def _starts(self, day, quarters, rng):
        if self._meetings[day] >= diary.MEETINGS_PER_DAY:
            return None
        taken = self._quarters[day]
        first = self._first_quarter(day)
        free = [
            q for q in range(first, diary.QUARTERS - quarters + 1) if not taken.intersection(range(q, q + quarters))
        ]
        if not free:
            return None
        on_grid = [q for q in free if q % 2 == 0]
        return rng.choice(on_grid) if on_grid else free[0]

    def book(self, day, minutes, rng, *, earliest, latest):
        quarters = -(-minutes // diary.QUARTER_MINUTES)
        for candidate in diary._days_from(day, earliest, latest):
            start = self._starts(candidate, quarters, rng)
            if start is not None:
                self._quarters[candidate].update(range(start, start + quarters))
                self._meetings[candidate] += 1
                moment = datetime.combine(candidate, DEFAULT_HOURS.start, tzinfo=diary.HELSINKI)
                return moment + timedelta(minutes=start * diary.QUARTER_MINUTES)
        return None


@settings(max_examples=40, deadline=None)
@given(
    st.lists(
        st.tuples(st.integers(0, 15), st.sampled_from((15, 45)), st.integers(0, 5), st.integers(0, 10)),
        min_size=1,
        max_size=150,
    ),
    st.integers(0, 2**32),
    st.integers(0, 10 * 60),
)
def test_the_bit_mask_diary_books_exactly_as_the_set_diary(requests, seed, minute):
    start = date(2026, 3, 2)
    now = datetime.combine(start, time(7, 0), tzinfo=diary.HELSINKI) + timedelta(minutes=minute)
    fast, plain = diary.Diary(not_before=now), SetDiary(not_before=now)
    fast_rng, plain_rng = random.Random(seed), random.Random(seed)
    for offset, minutes, before, after in requests:
        day = start + timedelta(days=offset)
        bounds = {"earliest": day - timedelta(days=before), "latest": day + timedelta(days=after)}
        assert fast.book(day, minutes, fast_rng, **bounds) == plain.book(day, minutes, plain_rng, **bounds)


@pytest.fixture
def generated(area, today):
    call_command("generate_population", "--month", "2023-08", "--scale", "0.3", "--municipality", "205")
    return Jobseeker.objects.filter(synthetic_month__isnull=False)


def test_generated_people_carry_the_plain_search_key_address_and_lists(generated):
    rows = generated.values("first_name", "last_name", "search_name", "email", "occupations", "cards", "created_at")
    assert rows
    for row in rows:
        first, last = row["first_name"], row["last_name"]
        assert row["search_name"] == search_key(first, last)
        plain = f"{first.split()[0]}.{last}".lower().translate(names._ASCII)
        plain = "".join(ch for ch in plain if ch.isascii() and (ch.isalnum() or ch in ".-"))
        assert row["email"].startswith(f"{plain}.")
        assert isinstance(row["occupations"], list) and row["occupations"]
        assert row["cards"] == sorted(
            {card for code in row["occupations"] for card in population.OCCUPATION_CARDS.get(code, ())}
        )
        assert row["created_at"] is not None


def test_update_column_sets_each_row_its_own_value_and_no_other(generated):
    periods = list(CounsellorAssignment.objects.order_by("pk").values_list("pk", "started_at"))
    assert len(periods) > 3
    changed = {pk: started - timedelta(days=index + 1) for index, (pk, started) in enumerate(periods[:-1])}
    assert update_column(CounsellorAssignment, "started_at", list(changed.items())) == len(changed)
    stored = dict(CounsellorAssignment.objects.values_list("pk", "started_at"))
    assert {pk: stored[pk] for pk in changed} == changed
    last_pk, last_started = periods[-1]
    assert stored[last_pk] == last_started


DEFERRED = (Jobseeker, CounsellorAssignment, *WRITTEN)


def _schema() -> tuple[list, list]:
    """Every constraint and index of the deferred tables, with what the deferral must keep."""
    tables = [model._meta.db_table for model in DEFERRED]
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT conrelid::regclass::text, conname, contype, condeferrable, condeferred, convalidated, "
            "pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = ANY(%s::regclass[]) ORDER BY 1, 2",
            [tables],
        )
        constraints = cursor.fetchall()
        cursor.execute(
            "SELECT indexrelid::regclass::text, pg_get_indexdef(indexrelid), indisunique, indisprimary "
            "FROM pg_index WHERE indrelid = ANY(%s::regclass[]) ORDER BY 1",
            [tables],
        )
        return constraints, cursor.fetchall()


@pytest.mark.postgresql
def test_the_deferral_drops_only_secondary_indexes_and_keys_and_restores_them_exactly():
    before = _schema()
    with transaction.atomic(), indexes_and_keys_deferred(*DEFERRED):
        constraints, indexes = _schema()
        assert not [row for row in constraints if row[2] == "f"]
        # Primary keys and unique constraints keep their indexes (named as the constraint): keys and upserts use them.
        assert {row[0] for row in indexes} == {row[1] for row in before[0] if row[2] in ("p", "u")}
        assert "jobseeker_hetu_unique_in_area" in {row[0] for row in indexes}
    assert _schema() == before


@pytest.mark.postgresql
@pytest.mark.django_db(transaction=True)
def test_the_deferral_outside_a_transaction_is_refused_and_drops_nothing():
    before = _schema()
    with pytest.raises(RuntimeError, match="inside a transaction"), indexes_and_keys_deferred(*DEFERRED):
        pass
    assert _schema() == before


@pytest.mark.postgresql
@pytest.mark.django_db(transaction=True)
def test_an_error_caught_inside_the_transaction_still_undoes_the_drops():
    before = _schema()
    with transaction.atomic():
        try:
            with indexes_and_keys_deferred(*DEFERRED):
                raise ValueError("the load failed")
        except ValueError:
            pass
    assert _schema() == before


@pytest.mark.postgresql
def test_outside_demo_mode_nothing_is_deferred(settings):
    settings.DEMO_MODE = False
    before = _schema()
    with transaction.atomic(), indexes_and_keys_deferred(*DEFERRED):
        assert _schema() == before


def _estimated_rows(table: str) -> float:
    with connection.cursor() as cursor:
        cursor.execute("SELECT reltuples FROM pg_class WHERE relname = %s", [table])
        return cursor.fetchone()[0]


@pytest.mark.postgresql
def test_the_tables_the_loaded_tables_keys_point_to_are_analysed_before_the_keys_are_checked():
    # A key is checked by a join planned from the tables' statistics: those from before a load that created 6 000
    # counsellors planned a scan of the counsellors per job seeker at a national scale.
    with transaction.atomic():
        with indexes_and_keys_deferred(Jobseeker):
            User.objects.bulk_create([User(username=f"ohjaaja-{n}") for n in range(37)])
        assert _estimated_rows("accounts_user") == User.objects.count() >= 37
