"""Tables shown on pages and exported as CSV or XLSX from the same rows, so the two can never disagree."""

import csv
import io
from dataclasses import dataclass, field
from datetime import date, datetime, time
from decimal import Decimal

from django.http import HttpResponse
from django.utils import timezone
from django.utils.functional import Promise
from openpyxl import Workbook


@dataclass(frozen=True)
class Column:
    key: str
    label: str
    numeric: bool = False


@dataclass
class Table:
    key: str
    title: str
    columns: list[Column]
    rows: list[dict] = field(default_factory=list)
    caption: str = ""

    def cells(self):
        for row in self.rows:
            yield [(column, row.get(column.key)) for column in self.columns]


def _local(value: datetime) -> datetime:
    """A moment in the service's time zone (Europe/Helsinki), the one convention of exports and the API. A naive
    moment is read as the service's wall-clock time, so it too is written with its offset."""
    if timezone.is_naive(value):
        return timezone.make_aware(value, timezone.get_default_timezone())
    return timezone.localtime(value)


def _plain(value):
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")
    if isinstance(value, datetime):
        return _local(value).isoformat()  # 2026-12-01T10:30:00+02:00: ISO 8601 with the offset
    if isinstance(value, date | time):
        return value.isoformat()
    return value


def csv_response(table: Table) -> HttpResponse:
    """RFC 4180 CSV with a header row and dot decimals, so other programs read it without locale guessing."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([str(column.label) for column in table.columns])
    for row in table.rows:
        writer.writerow([_plain(row.get(column.key)) for column in table.columns])
    response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{table.key}.csv"'
    return response


def xlsx_response(table: Table) -> HttpResponse:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = table.key[:31]
    sheet.append([str(column.label) for column in table.columns])
    for row in table.rows:
        values = []
        for column in table.columns:
            value = row.get(column.key)
            if isinstance(value, Promise):  # a lazily translated label: openpyxl accepts only real strings
                value = str(value)
            if isinstance(value, datetime):  # a spreadsheet cell has no time zone: the Helsinki wall-clock time
                value = timezone.make_naive(value) if timezone.is_aware(value) else value
            values.append(float(value) if isinstance(value, Decimal) else ("" if value is None else value))
        sheet.append(values)
    buffer = io.BytesIO()
    workbook.save(buffer)
    response = HttpResponse(
        buffer.getvalue(), content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    response["Content-Disposition"] = f'attachment; filename="{table.key}.xlsx"'
    return response


def export_response(table: Table, fmt: str) -> HttpResponse:
    return xlsx_response(table) if fmt == "xlsx" else csv_response(table)
