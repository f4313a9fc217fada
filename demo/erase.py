"""Deletes synthetic rows, and every row that references them, with plain SQL following the models' foreign keys.

The synthetic population and its history were bulk-inserted and are replaced wholesale (hundreds of thousands of rows
at national scale), so they are deleted set-wise: one DELETE (or UPDATE … SET NULL) per table, with the rows to go
named by a subquery, never loaded into Python. Deleting through the ORM would load every row and write an audit log
entry for each. The foreign keys are read from the models, so an app that starts referencing job seekers or meetings
is covered without a change here. A protecting reference (PROTECT, RESTRICT: a statement or a decision about a person)
is deleted like a cascade: whatever refers to a synthetic person or their meeting is about that invented person and
is itself invented, and a demo must be regenerated whatever was tried on it. An `on_delete` that cannot be honoured
set-wise (SET_DEFAULT, SET(…)) is refused before anything is deleted. A protecting reference of a table to itself (a
journal entry's correction points at the entry it corrects) is not followed: the referencing rows belong to the same
deleted set and go in the same DELETE, and a row outside the set that points into it refuses the whole deletion.
"""

from django.db import connection, models, transaction

PROTECTING = (models.PROTECT, models.RESTRICT)
DELETING = (models.CASCADE, *PROTECTING)
SET_WISE = (*DELETING, models.SET_NULL, models.DO_NOTHING)


def delete(model: type[models.Model], where: str, params: list | tuple = ()) -> int:
    """Delete the rows of `model` matching `where` (SQL over its own table's columns) and what references them.

    Returns the number of `model` rows deleted. Call inside the transaction that writes the replacement.
    """
    _check(model, ())
    with transaction.atomic(), connection.cursor() as cursor:
        if connection.vendor != "postgresql":
            return _delete(cursor, model, where, list(params))
        # The rows were usually written in this same transaction, so the planner has no statistics for them and takes
        # each table for one row: it then nests loops whose inner side scans a whole table per outer row, which turns
        # minutes long. Hash joins cost the same whatever the statistics say.
        cursor.execute("SELECT current_setting('enable_nestloop')")
        (before,) = cursor.fetchone()
        cursor.execute("SELECT set_config('enable_nestloop', 'off', true)")
        try:
            return _delete(cursor, model, where, list(params))
        finally:
            cursor.execute("SELECT set_config('enable_nestloop', %s, true)", [before])


def _referrers(model: type[models.Model]) -> list:
    """The foreign keys pointing at `model`, hidden ones (many-to-many tables) included."""
    return [
        field
        for field in model._meta.get_fields(include_hidden=True)
        if field.auto_created and not field.concrete and (field.one_to_many or field.one_to_one)
    ]


def _cascade_order(model: type[models.Model]) -> list:
    """`model`'s referrers, those that other rows point at with SET NULL last: the rows that would be set to NULL
    are usually deleted through another cascade first, so the UPDATE finds nothing to do."""
    return sorted(
        _referrers(model),
        key=lambda relation: any(r.on_delete is models.SET_NULL for r in _referrers(relation.related_model)),
    )


def _check(model: type[models.Model], path: tuple) -> None:
    if model in path:
        raise ValueError(f"{model._meta.label}: kehäviittausta ei poisteta joukkona")
    for relation in _referrers(model):
        if _protects_itself(relation, model):
            continue
        if relation.on_delete not in SET_WISE:
            raise ValueError(
                f"{relation.related_model._meta.label}.{relation.field.name}: "
                f"on_delete={relation.on_delete.__name__} ei poistu joukkona"
            )
        if relation.on_delete in DELETING:
            _check(relation.related_model, (*path, model))


def _protects_itself(relation, model: type[models.Model]) -> bool:
    return relation.related_model is model and relation.on_delete in PROTECTING


def _delete(cursor, model: type[models.Model], where: str, params: list) -> int:
    table = connection.ops.quote_name(model._meta.db_table)
    for relation in _cascade_order(model):
        if relation.on_delete is models.DO_NOTHING:
            continue
        child = relation.related_model
        column = connection.ops.quote_name(relation.field.column)
        target = connection.ops.quote_name(relation.field.target_field.column)
        referencing = f"{column} IN (SELECT {target} FROM {table} WHERE {where})"  # noqa: S608
        if _protects_itself(relation, model):
            cursor.execute(f"SELECT 1 FROM {table} WHERE {referencing} AND NOT ({where})", params * 2)  # noqa: S608
            if cursor.fetchone():
                raise ValueError(
                    f"{model._meta.label}.{relation.field.name}: poistettavaan riviin viittaa rivi, joka ei poistu"
                )
        elif relation.on_delete in DELETING:
            _delete(cursor, child, referencing, params)
        else:
            child_table = connection.ops.quote_name(child._meta.db_table)
            # Most such pointers are NULL; saying so lets the database start from the few that are not.
            nulling = f"UPDATE {child_table} SET {column} = NULL WHERE {column} IS NOT NULL AND {referencing}"  # noqa: S608
            cursor.execute(nulling, params)
    cursor.execute(f"DELETE FROM {table} WHERE {where}", params)  # noqa: S608
    return cursor.rowcount
