"""A prepared query returns exactly what its ORM definition returns, for any values, whole, counted and by pages."""

from datetime import date, datetime
from decimal import Decimal

import pytest
from django.core.paginator import Paginator
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

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
    with pytest.raises(TypeError, match="month: use an int, str or date, not datetime"):
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
