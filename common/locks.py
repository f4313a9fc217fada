"""Serialising writes that two users can race on.

On PostgreSQL a transaction-scoped advisory lock named by a string makes the second writer wait until the first has
committed, so it then sees the first one's rows instead of colliding with them. SQLite already lets only one writer in
at a time, so there the lock is a no-op.
"""

import hashlib

from django.db import connection, transaction


def lock_key(name: str) -> int:
    digest = hashlib.blake2b(name.encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big", signed=True)


def serialize_on(name: str) -> None:
    """Call inside transaction.atomic(): holds the lock named `name` until the transaction ends."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("serialize_on must be called inside a transaction")
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [lock_key(name)])
