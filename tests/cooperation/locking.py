"""Checking that a cooperation write a double submit races takes its lock before it reads anything."""

from django.db import connection
from django.test.utils import CaptureQueriesContext


def first_statement(write) -> str:
    """The first statement a write sends after opening its transaction (or its savepoint inside the test's)."""
    with CaptureQueriesContext(connection) as queries:
        write()
    return next(q["sql"] for q in queries.captured_queries if not q["sql"].upper().startswith(("SAVEPOINT", "BEGIN")))


def takes_the_write_lock(sql: str) -> bool:
    """PostgreSQL's advisory lock; SQLite's transactions take the database's write lock at BEGIN (transaction_mode
    IMMEDIATE), so any first statement holds it (a deferred transaction that reads first deadlocks with its double:
    both fail as "database is locked")."""
    if connection.vendor == "postgresql":
        return "pg_advisory_xact_lock" in sql
    return connection.transaction_mode == "IMMEDIATE"
