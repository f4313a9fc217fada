"""Serialising a cooperation write that a double submit races, on both databases.

`common.locks.serialize_on` makes the second writer wait on PostgreSQL. SQLite's transactions begin deferred: each
racing request first reads (holding a shared lock) and asks for the write lock only at its insert, so each waits for
the other's shared lock and both end in "database is locked". A write that changes nothing, made first, takes the
write lock at once: the second request waits for the first to commit and then reads the first one's row, and the
service's own check refuses it as a form error.
"""

from django.db import connection

from common.locks import serialize_on


def serialize_writes(name: str, model) -> None:
    """Call first inside transaction.atomic(): later writers of `name` wait until this transaction ends."""
    serialize_on(name)
    if connection.vendor == "sqlite":
        table = connection.ops.quote_name(model._meta.db_table)
        with connection.cursor() as cursor:
            cursor.execute(f"UPDATE {table} SET id = id WHERE 0")  # noqa: S608 - the model's own table name
