"""Which database constraint refused a write, named the same way on PostgreSQL and SQLite.

PostgreSQL names the constraint in the error (psycopg's `diag.constraint_name`); SQLite names a CHECK constraint but
reports a UNIQUE one by its columns, which are matched here against the model's unique constraints and fields. A
field declared `unique=True` has no name of ours, so it is reported as "unique:<field name>".
"""

import re

import pytest
from django.db import DataError, IntegrityError, models, transaction

_SQLITE_CHECK = "CHECK constraint failed: "
_SQLITE_UNIQUE = "UNIQUE constraint failed: "
_POSTGRES_KEY = re.compile(r"Key \((?P<columns>[^)]*)\)=")


def _unique_by_columns(model, columns: set[str]) -> str:
    for constraint in model._meta.constraints:
        if not isinstance(constraint, models.UniqueConstraint) or not constraint.fields:
            continue
        if {model._meta.get_field(name).column for name in constraint.fields} == columns:
            return constraint.name
    for field in model._meta.concrete_fields:
        if field.unique and {field.column} == columns:
            return f"unique:{field.name}"
    raise AssertionError(f"no unique constraint of {model.__name__} on {sorted(columns)}")


def violated_constraint(error: IntegrityError, model) -> str:
    diag = getattr(error.__cause__, "diag", None)
    if diag is not None:
        names = {constraint.name for constraint in model._meta.constraints}
        if diag.constraint_name in names:
            return diag.constraint_name
        match = _POSTGRES_KEY.search(diag.message_detail or "")
        if match is None:
            return diag.constraint_name
        return _unique_by_columns(model, {column.strip().strip('"') for column in match["columns"].split(",")})
    message = str(error)
    if message.startswith(_SQLITE_CHECK):
        return message.removeprefix(_SQLITE_CHECK)
    if message.startswith(_SQLITE_UNIQUE):
        columns = {column.rsplit(".", 1)[-1] for column in message.removeprefix(_SQLITE_UNIQUE).split(", ")}
        return _unique_by_columns(model, columns)
    raise AssertionError(f"not a constraint violation: {message}")


def refused(constraint: str, factory, **values) -> None:
    """Building the row with `values` fails on `constraint`, and on nothing else."""
    with pytest.raises((IntegrityError, DataError)) as caught, transaction.atomic():
        factory(**values)
    error = caught.value
    if isinstance(error, DataError):
        # PostgreSQL measures a value against its column's length before any constraint sees it.
        assert "value too long" in str(error), error
        return
    assert violated_constraint(error, factory._meta.model) == constraint, error
