"""A prepared query returns exactly what its ORM definition returns, for any values, whole, counted and by pages."""

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from django.core.paginator import Paginator
from django.db import connection
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from accounts.models import User
from audit.models import PersonalDataAccess
from common.prepared import PreparedQuery
from labour_market.models import MunicipalStatistic

pytestmark = pytest.mark.django_db

CODES = ["105", "205", "290", "305", "578", "620", "697", "765", "777", "832"]


def figures(code_from: str, month: date):
    # A constant list (`__in`) and a join beside the placeholders; the decimal and date columns need converters
    # on SQLite.
    return (
        MunicipalStatistic.objects.filter(
            municipality__code__gte=code_from, month__lte=month, indicator__code__in=["TYOTTOMATLOPUSSA", "TYOVOIMATK"]
        )
        .order_by("municipality__code", "indicator__code", "pk")
        .values_list("municipality__code", "month", "value", "indicator__code")
    )


FIGURES = PreparedQuery(figures, code_from="~placeholder~", month=date(1, 1, 2))


# The area's figures are only read, so one load serves every example.
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(code_from=st.sampled_from(["", *CODES, "999"]), month=st.sampled_from([date(2023, 7, 1), date(2023, 8, 1)]))
def test_same_rows_as_the_orm(area, code_from, month):
    expected = list(figures(code_from, month))
    bound = FIGURES.bind(code_from=code_from, month=month)
    assert list(bound) == expected
    assert bound.count() == len(expected)
    assert bound[3:7] == expected[3:7]
    assert bound[len(expected) :] == []


def test_rows_are_converted_like_the_orm(area):
    first = FIGURES.bind(code_from="", month=date(2023, 8, 1))[0:1][0]
    assert isinstance(first[1], date) and isinstance(first[2], Decimal)


def test_paginator_reads_pages_of_it(area):
    expected = list(figures("", date(2023, 8, 1)))
    assert len(expected) > 14
    page = Paginator(FIGURES.bind(code_from="", month=date(2023, 8, 1)), 7).get_page(2)
    assert page.paginator.count == len(expected)
    assert list(page.object_list) == expected[7:14]


def test_mistakes_are_refused():
    with pytest.raises(TypeError, match="month: use an int, str, date or datetime, not float"):
        PreparedQuery(figures, code_from="x", month=1.5)
    with pytest.raises(TypeError, match="month: a datetime must be aware"):
        PreparedQuery(figures, code_from="x", month=datetime(2020, 1, 1))
    with pytest.raises(ValueError, match="month: each placeholder needs a value of its own"):
        PreparedQuery(figures, code_from="2020-01-01", month=date(2020, 1, 1))
    with pytest.raises(TypeError, match="expected values"):
        FIGURES.bind(code_from="105")
    with pytest.raises(TypeError, match="without a step"):
        FIGURES.bind(code_from="105", month=date(2023, 8, 1))[::2]


def test_a_placeholder_the_query_does_not_use_is_an_error(area):
    def ignoring_month(code_from, month):
        return figures(code_from, date(2023, 8, 1))

    unused = PreparedQuery(ignoring_month, code_from="~", month=date(1, 1, 3))
    with pytest.raises(ValueError, match=r"not found in the compiled query: \['month'\]"):
        list(unused.bind(code_from="105", month=date(2023, 8, 1)))


def reads_before(subject_type: str, before: datetime):
    return (
        PersonalDataAccess.objects.filter(subject_type=subject_type, at__lt=before)
        .order_by("at", "pk")
        .values_list("subject_id", "at")
    )


READS_BEFORE = PreparedQuery(reads_before, subject_type="~placeholder~", before=datetime(1, 1, 2, 3, 4, 5, tzinfo=UTC))


def test_an_aware_datetime_is_bound_as_the_database_adapts_it(db):
    """On SQLite Django compiles a datetime to naive UTC text, on PostgreSQL it passes it on: both through the
    placeholder and through each call's value."""
    user = User.objects.create_user(username="reader")
    start = datetime(2026, 3, 1, 22, 30, tzinfo=UTC)  # midnight in Helsinki: a day boundary in local time
    for hours in range(6):
        read = PersonalDataAccess.objects.create(user=user, subject_type="x", subject_id=str(hours), view="v")
        PersonalDataAccess.objects.filter(pk=read.pk).update(at=start + timedelta(hours=hours))
    helsinki = start.astimezone(ZoneInfo("Europe/Helsinki"))
    for before in [
        start,
        start + timedelta(hours=2, minutes=1),
        helsinki + timedelta(hours=5),
        start.replace(year=2027),
    ]:
        expected = list(reads_before("x", before))
        assert list(READS_BEFORE.bind(subject_type="x", before=before)) == expected
    assert [subject for subject, _at in READS_BEFORE.bind(subject_type="x", before=start + timedelta(hours=2))] == [
        "0",
        "1",
    ]


def test_postgresql_prepares_a_query_run_often_and_sqlite_reads_the_same_rows(area):
    bound = FIGURES.bind(code_from="205", month=date(2023, 8, 1))
    expected = list(figures("205", date(2023, 8, 1)))
    for _ in range(6):  # psycopg prepares a statement on its fifth run on a connection
        assert list(bound) == expected
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT statement FROM pg_prepared_statements")
            statements = [statement for (statement,) in cursor.fetchall()]
        assert any("labour_market_municipalstatistic" in statement for statement in statements)
