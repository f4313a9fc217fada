"""Fast inserts of generated rows through the database cursor: COPY on PostgreSQL, executemany elsewhere.

Rows are plain values (foreign keys as ids), so Django's per-field preparation in bulk_create – most of its cost at
hundreds of thousands of rows – is skipped. Every column must be given (defaults and auto_now stamps are filled in
here), so a new model field without a value fails loudly instead of being left out.
"""

import json
from datetime import date

from django.db import connection
from django.utils import timezone

INSERT_BATCH = 5000


class RowWriter:
    def __init__(self, model, include_pk: bool = False):
        self.model = model
        self.fields = [f for f in model._meta.concrete_fields if include_pk or not f.primary_key]
        self.postgres = connection.vendor == "postgresql"
        now = timezone.now()
        stamp = now if self.postgres else connection.ops.adapt_datetimefield_value(now)
        # Per column: a constant (auto_now stamps) or the attribute name and how its value is converted, if at all.
        self.plan = []
        for f in self.fields:
            if getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False):
                self.plan.append((None, stamp))
            elif f.get_internal_type() == "JSONField":
                self.plan.append((f.attname, json.dumps))
            elif not self.postgres and f.get_internal_type() in ("DateField", "DateTimeField"):
                self.plan.append((f.attname, self._sqlite_date))
            else:
                self.plan.append((f.attname, None))
        self.rows: list[tuple] = []
        self.written = 0

    @staticmethod
    def _sqlite_date(value):
        if value is None:
            return None
        return value.isoformat() if type(value) is date else connection.ops.adapt_datetimefield_value(value)

    def add(self, values: dict) -> None:
        row = []
        for attname, convert in self.plan:
            if attname is None:
                row.append(convert)
            elif convert is None:
                row.append(values[attname])
            else:
                row.append(convert(values[attname]))
        self.rows.append(tuple(row))
        if len(self.rows) >= INSERT_BATCH:
            self.flush()

    def flush(self) -> None:
        if not self.rows:
            return
        table = connection.ops.quote_name(self.model._meta.db_table)
        columns = ", ".join(connection.ops.quote_name(f.column) for f in self.fields)
        with connection.cursor() as cursor:
            if self.postgres:
                with cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
                    for row in self.rows:
                        copy.write_row(row)
            else:
                marks = ", ".join(["%s"] * len(self.fields))
                cursor.executemany(f"INSERT INTO {table} ({columns}) VALUES ({marks})", self.rows)  # noqa: S608
        self.written += len(self.rows)
        self.rows = []
