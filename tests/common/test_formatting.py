"""Dates, times and numbers in each language's own format (tyollisyysalue/formats, common/formatting.py)."""

from datetime import date, datetime, time
from decimal import Decimal

import pytest
from django import forms
from django.core.exceptions import ValidationError
from django.template import Context, Template
from django.utils import formats, timezone, translation
from hypothesis import given
from hypothesis import strategies as st

from common.formatting import fi_date, fi_number, local_date, local_datetime, local_number, local_time

NBSP = "\u00a0"
DAY = date(2026, 12, 1)
WINTER = timezone.make_aware(datetime(2026, 12, 1, 10, 30))


@pytest.mark.parametrize(
    ("language", "day", "clock", "number"),
    [
        ("fi", "1.12.2026", "10.30", f"1{NBSP}234,5"),
        ("sv", "1.12.2026", "10.30", f"1{NBSP}234,5"),  # Finland-Swedish, as Finnish authorities write Swedish
        ("en", "1 Dec 2026", "10:30", "1,234.5"),
    ],
)
def test_each_language_writes_its_own_way(language, day, clock, number):
    with translation.override(language):
        assert local_date(DAY) == day
        assert local_time(WINTER) == clock
        assert local_time(time(10, 30)) == clock
        assert local_number(Decimal("1234.5")) == number
        assert local_datetime(WINTER) == f"{day} {clock}"


@pytest.mark.parametrize(
    ("language", "expected"),
    [("fi", "1.12.2026 10.30 · 1.12.2026 10.30"), ("sv", "1.12.2026 10.30 · 1.12.2026 10.30"),
     ("en", "1 Dec 2026 10:30 · 1 Dec 2026 10:30")],
)  # fmt: skip
def test_templates_named_formats_follow_the_language(language, expected):
    template = Template(
        '{% load local_formats %}{{ moment|date:"SHORT_DATE_FORMAT" }} {{ moment|time:"TIME_FORMAT" }} · '
        "{{ moment|table_cell }}"
    )
    with translation.override(language):
        assert template.render(Context({"moment": WINTER})) == expected


def test_no_language_writes_the_us_month_first():
    for language in ("fi", "sv", "en"):
        with translation.override(language):
            assert "4/12" not in local_date(date(2026, 4, 12))
    with translation.override("en"):
        assert local_date(date(2026, 4, 12)) == "12 Apr 2026"


def test_swedish_long_dates_name_the_month_in_swedish():
    with translation.override("sv"):
        assert formats.date_format(WINTER, "DATETIME_FORMAT") == "1 december 2026 kl. 10.30"


def test_a_utc_moment_is_shown_in_helsinki_time():
    utc = datetime(2026, 7, 1, 7, 30, tzinfo=timezone.get_fixed_timezone(0))
    with translation.override("fi"):
        assert local_datetime(utc) == "1.7.2026 10.30"  # summer time, +03:00
        assert local_date(datetime(2026, 6, 30, 22, 30, tzinfo=timezone.get_fixed_timezone(0))) == "1.7.2026"


@given(
    st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)),
    st.decimals(min_value=-(10**9), max_value=10**9, allow_nan=False, places=3),
)
def test_finnish_is_what_fi_date_and_fi_number_write(day, value):
    with translation.override("fi"):
        assert local_date(day) == fi_date(day)
        assert local_number(value) == fi_number(value)
        assert local_number(value, 2) == fi_number(value, 2)


@given(st.decimals(min_value=0, max_value=10**9, allow_nan=False, places=2))
def test_english_numbers_swap_the_separators_only(value):
    with translation.override("en"):
        english = local_number(value, 2)
    assert english.translate({ord(","): NBSP, ord("."): ","}) == fi_number(value, 2)


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_a_date_input_without_its_own_format_gets_iso(language):
    # <input type="date"> takes only 2026-12-01: a widget without `format` writes the language's first input format,
    # and the audit filter and the jobseeker's own fields have none
    with translation.override(language):
        assert forms.DateInput(attrs={"type": "date"}).format_value(DAY) == "2026-12-01"
        assert forms.TimeInput(attrs={"type": "time"}).format_value(time(10, 30)).startswith("10:30")
        assert forms.TimeField().clean("10.30") == forms.TimeField().clean("10:30") == time(10, 30)


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
@pytest.mark.parametrize("typed", ["1.12.2026", "01.12.2026", "2026-12-01"])
def test_every_language_accepts_the_finnish_date_and_iso(language, typed):
    with translation.override(language):
        assert forms.DateField().clean(typed) == DAY


def test_finnish_still_accepts_a_two_digit_year():
    with translation.override("fi"):
        assert forms.DateField().clean("1.12.26") == DAY


def test_english_refuses_a_slashed_date_rather_than_misreading_it():
    with translation.override("en"), pytest.raises(ValidationError):
        forms.DateField().clean("12/01/2026")
