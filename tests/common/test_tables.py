"""CSV and XLSX exports: ISO 8601 with the Helsinki offset for moments (common/tables.py)."""

import csv
import io
from datetime import date, datetime, time
from decimal import Decimal

from django.utils import timezone
from openpyxl import load_workbook

from common.tables import Column, Table, csv_response, xlsx_response

UTC = timezone.get_fixed_timezone(0)


def _table():
    return Table(
        key="testi",
        title="Testi",
        columns=[Column("when", "Milloin"), Column("day", "Päivä"), Column("at", "Klo"), Column("n", "N", True)],
        rows=[
            {"when": datetime(2026, 12, 1, 8, 30, tzinfo=UTC), "day": date(2026, 12, 1), "at": time(10, 30),
             "n": Decimal("1.50")},
            {"when": datetime(2026, 7, 1, 7, 30, tzinfo=UTC), "day": None, "at": None, "n": None},
        ],
    )  # fmt: skip


def test_csv_writes_iso_8601_with_the_helsinki_offset():
    rows = list(csv.reader(io.StringIO(csv_response(_table()).content.decode())))
    assert rows == [
        ["Milloin", "Päivä", "Klo", "N"],
        ["2026-12-01T10:30:00+02:00", "2026-12-01", "10:30:00", "1.5"],
        ["2026-07-01T10:30:00+03:00", "", "", ""],
    ]


def test_xlsx_writes_the_helsinki_wall_clock():
    sheet = load_workbook(io.BytesIO(xlsx_response(_table()).content)).active
    assert sheet["A2"].value == datetime(2026, 12, 1, 10, 30)
    assert sheet["A3"].value == datetime(2026, 7, 1, 10, 30)


def test_a_naive_moment_is_the_helsinki_wall_clock_written_with_its_offset():
    table = Table(
        key="naiivi",
        title="Naiivi",
        columns=[Column("when", "Milloin")],
        rows=[{"when": datetime(2026, 12, 1, 10, 30)}, {"when": datetime(2026, 7, 1, 10, 30)}],
    )
    rows = list(csv.reader(io.StringIO(csv_response(table).content.decode())))
    assert rows[1:] == [["2026-12-01T10:30:00+02:00"], ["2026-07-01T10:30:00+03:00"]]
    sheet = load_workbook(io.BytesIO(xlsx_response(table).content)).active
    assert sheet["A2"].value == datetime(2026, 12, 1, 10, 30)
