"""Fast inserts of generated rows through the database cursor: COPY on PostgreSQL, executemany elsewhere.

Rows are plain values (foreign keys as ids), so Django's per-field preparation in bulk_create – most of its cost at
hundreds of thousands of rows – is skipped. Every column must be given (defaults and auto_now stamps are filled in
here), so a new model field without a value fails loudly instead of being left out.
"""

import json
from contextlib import contextmanager
from datetime import date
from operator import itemgetter

from django.conf import settings
from django.db import connection, transaction
from django.db.models.expressions import RawSQL
from django.utils import timezone
from psycopg._copy_base import format_row_text
from psycopg.adapt import Transformer

INSERT_BATCH = 5000
# maintenance_work_mem while the deferred indexes are rebuilt (PostgreSQL, demo loads only).
RESTORE_MEMORY = "1GB"


class RowWriter:
    def __init__(self, model, include_pk: bool = False):
        self.model = model
        fields = [f for f in model._meta.concrete_fields if include_pk or not f.primary_key]
        self.postgres = connection.vendor == "postgresql"
        now = timezone.now()
        stamp = now if self.postgres else connection.ops.adapt_datetimefield_value(now)
        # The columns taken from the given values come first, the constant ones (auto_now stamps) last: a row is then
        # one itemgetter call plus a constant tuple, and only the few converted columns are touched one by one. At
        # millions of rows (demo meetings) building the row is otherwise a large share of the whole run.
        given = [f for f in fields if not (getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False))]
        stamped = [f for f in fields if f not in given]
        self.fields = given + stamped
        self._constants = (stamp,) * len(stamped)
        self._stamps = b"\t" + copy_text([self._constants]) if stamped else b""
        self._get = itemgetter(*[f.attname for f in given]) if given else (lambda values: ())
        self._single = len(given) == 1
        # (position, conversion) of the columns whose value is converted before it is written.
        self._converted = []
        for position, f in enumerate(given):
            if f.get_internal_type() == "JSONField":
                self._converted.append((position, json.dumps))
            elif not self.postgres and f.get_internal_type() in ("DateField", "DateTimeField"):
                self._converted.append((position, self._sqlite_date))
            elif self.postgres and f.get_internal_type() == "BinaryField":
                self._converted.append((position, _bytea_hex))
        self.rows: list[tuple] = []
        # COPY text from `add_encoded`, written as it is; a writer holds either rows or text, never both.
        self._encoded: list[bytes] = []
        self._encoded_count = 0
        self.written = 0

    @staticmethod
    def _sqlite_date(value):
        if value is None:
            return None
        return value.isoformat() if type(value) is date else connection.ops.adapt_datetimefield_value(value)

    def row(self, values: dict) -> tuple:
        """The row `add` writes for the values; building it touches no database, so another process can do it."""
        row = self._get(values)
        if self._single:
            row = (row,)
        if self._converted:
            row = list(row)
            for position, convert in self._converted:
                row[position] = convert(row[position])
            row = tuple(row)
        return row + self._constants

    def add(self, values: dict) -> None:
        self.add_rows((self.row(values),))

    def add_rows(self, rows) -> None:
        """Rows built by `row` (of this writer or one made the same way)."""
        if self._encoded:
            self.flush()
        self.rows.extend(rows)
        if len(self.rows) >= INSERT_BATCH:
            self.flush()

    def encode(self, rows: list[tuple]) -> bytes | list[tuple]:
        """Rows built by `row`, ready for `add_encoded`: on PostgreSQL as COPY text, elsewhere as they are. Touches
        no database, so another process can encode what this writer writes (demo/simulation.py)."""
        if not self.postgres:
            return rows
        constants = len(self._constants)
        if not constants or constants == len(self.fields):
            return copy_text(rows)
        # The stamps end every row alike: formatted once (a moment costs more than the rest of a meeting's row) and put
        # at the end of each line. A newline in the text ends a row only: one in a value is escaped.
        return copy_text([row[:-constants] for row in rows]).replace(b"\n", self._stamps)

    def add_encoded(self, encoded: bytes | list[tuple], count: int) -> None:
        """`count` rows encoded by `encode`, written in the order they are added (also after or before `add`)."""
        if not self.postgres:
            self.add_rows(encoded)
            return
        if self.rows:
            self.flush()
        self._encoded.append(encoded)
        self._encoded_count += count
        if self._encoded_count >= INSERT_BATCH:
            self.flush()

    def add_blocks(self, blocks, count: int) -> None:
        """Results of `encode`, in order, holding `count` rows in all: written as one."""
        if count:
            self.add_encoded(b"".join(blocks) if self.postgres else [row for block in blocks for row in block], count)

    def flush(self) -> None:
        if not self.rows and not self._encoded:
            return
        table = connection.ops.quote_name(self.model._meta.db_table)
        columns = ", ".join(connection.ops.quote_name(f.column) for f in self.fields)
        with connection.cursor() as cursor:
            if self._encoded:
                # One write: each one goes through psycopg's wait loop, and a block is a person's few rows.
                with cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
                    copy.write(b"".join(self._encoded))
                self.written += self._encoded_count
                self._encoded, self._encoded_count = [], 0
                return
            if self.postgres:
                with cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
                    for row in self.rows:
                        copy.write_row(row)
            else:
                marks = ", ".join(["%s"] * len(self.fields))
                cursor.executemany(f"INSERT INTO {table} ({columns}) VALUES ({marks})", self.rows)  # noqa: S608
        self.written += len(self.rows)
        self.rows = []


def _bytea_hex(value: bytes | None) -> str | None:
    """bytea's hex input as text: psycopg escapes bytes without a connection for a server whose strings are not
    standard-conforming (doubled backslashes), and COPY text made in another process has none (copy_text)."""
    return None if value is None else "\\x" + value.hex()


# Keeps the dumper it chose for each type: a person's few rows are encoded at a time (demo/simulation.py).
_TRANSFORMER = Transformer()


def copy_text(rows) -> bytes:
    """Rows as PostgreSQL's COPY text, as psycopg's `Copy.write_row` sends them but made without a connection (in a
    process that has none: demo/simulation.py, demo/forked.py). Values as RowWriter.row leaves them: JSON already a
    string, bytes as bytea's hex text.

    psycopg's own formatter, in C with the binary package: 7,7 µs per meeting row where formatting each value in
    Python took 10,8 µs (five million meetings; 5,2 µs with the stamps formatted once, RowWriter.encode). Unlike
    psycopg with a connection it writes bytes escaped for a server without standard-conforming strings (so RowWriter
    gives them as hex text) and a plain Enum by its name (the models' choices are str and int enums). It is not in
    psycopg's public API (psycopg is pinned in uv.lock); tests/demo/test_simulation.py checks the text against
    psycopg's COPY through a connection."""
    out = bytearray()
    for row in rows:
        format_row_text(row, _TRANSFORMER, out)
    return bytes(out)


class ReservedIds:
    """Primary keys taken before their rows are written (by a RowWriter with include_pk), so that the rows that
    refer to them can be made first, in another process (demo/simulation.py). On PostgreSQL from the table's own
    sequence, so that no other insert can be given one; on SQLite, where one transaction writes at a time, counting
    on from the largest key the table has ever given (a deleted row's key is not given again)."""

    def __init__(self, model):
        self.model = model
        self._next: int | None = None

    def take(self, count: int) -> list[int]:
        table, column = self.model._meta.db_table, self.model._meta.pk.column
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                cursor.execute(
                    "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
                    [connection.ops.quote_name(table), column, count],
                )
                return [key for (key,) in cursor.fetchall()]
            if self._next is None:
                cursor.execute(f"SELECT max({connection.ops.quote_name(column)}) FROM {table}")  # noqa: S608
                largest = cursor.fetchone()[0] or 0
                cursor.execute("SELECT seq FROM sqlite_sequence WHERE name = %s", [table])
                given = cursor.fetchone()
                self._next = max(largest, given[0] if given else 0) + 1
        keys = list(range(self._next, self._next + count))
        self._next += count
        return keys


def many_ids(ids) -> list[int] | RawSQL:
    """The right side of an `__in` filter over thousands of ids. On PostgreSQL one array parameter: psycopg splices
    a list's placeholders into the query text one by one, which at 5 000 ids took longer than the query itself."""
    ids = list(ids)
    if connection.vendor == "postgresql":
        return RawSQL("SELECT unnest(%s::bigint[])", [ids])
    return ids


def update_column(model, attname: str, pairs: list[tuple]) -> int:
    """Set one column of many rows from (primary key, value) pairs; the number of pairs.

    Django's bulk_update writes a CASE with a branch per row, which PostgreSQL evaluates for every row of the batch:
    quadratic in the batch, minutes at a national scale. Here PostgreSQL joins the rows to two arrays of keys and
    values (one UPDATE per INSERT_BATCH pairs; as arrays, not a placeholder per value, which psycopg would parse one
    by one) and other databases run the one-row UPDATE for each pair.
    """
    field = model._meta.get_field(attname)
    table = connection.ops.quote_name(model._meta.db_table)
    column = connection.ops.quote_name(field.column)
    pk = connection.ops.quote_name(model._meta.pk.column)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            types = f"%s::{model._meta.pk.db_type(connection)}[], %s::{field.db_type(connection)}[]"
            for start in range(0, len(pairs), INSERT_BATCH):
                batch = pairs[start : start + INSERT_BATCH]
                keys = [key for key, _ in batch]
                # The keys once more as a condition on the table: joined to the arrays alone, PostgreSQL hashed the
                # whole table for each batch (200 ms per 5 000 rows of 675 000) instead of finding them by key.
                cursor.execute(
                    f"UPDATE {table} SET {column} = v.value FROM unnest({types}) AS v(pk, value) "  # noqa: S608
                    f"WHERE {table}.{pk} = v.pk AND {table}.{pk} = ANY(%s)",
                    [keys, [field.get_db_prep_value(value, connection) for _, value in batch], keys],
                )
        else:
            rows = [(field.get_db_prep_value(value, connection), key) for key, value in pairs]
            cursor.executemany(f"UPDATE {table} SET {column} = %s WHERE {pk} = %s", rows)  # noqa: S608
    return len(pairs)


@contextmanager
def indexes_and_keys_deferred(*models):
    """On PostgreSQL, drop the secondary indexes and the foreign keys of the models' tables for a bulk load and
    create them again, exactly as they were, when it ends; elsewhere nothing.

    Millions of rows cost much less this way: an index built once from sorted rows instead of one entry at a time,
    and each foreign key checked by one join instead of a deferred check per row at commit (the keys are
    DEFERRABLE INITIALLY DEFERRED). Call inside the transaction that writes the rows: the drop and the re-creation
    are part of it, so an error anywhere leaves the tables as they were. The tables are locked against every other
    reader until the commit, which suits only a wholesale regeneration of demo data: outside DEMO_MODE (a generator
    run with --demo beside a real registry) nothing is deferred.
    """
    if connection.vendor != "postgresql" or not settings.DEMO_MODE:
        yield
        return
    # In autocommit every DROP would be committed at once, and an error would leave the tables without them.
    if not connection.in_atomic_block:
        raise RuntimeError("indexes_and_keys_deferred must be called inside a transaction")
    restore: list[str] = []
    # The loaded tables and those their keys point to, analysed before the keys are checked (see below).
    analyse: set[str] = set()
    with connection.cursor() as cursor:
        _check_pending_keys(cursor)
        for model in models:
            table = model._meta.db_table
            quoted = connection.ops.quote_name(table)
            # Named as regclass names it, as the referenced tables below are: a table is analysed once.
            cursor.execute("SELECT %s::regclass::text", [quoted])
            analyse.add(cursor.fetchone()[0])
            cursor.execute(
                "SELECT conname, pg_get_constraintdef(oid), confrelid::regclass::text FROM pg_constraint "
                "WHERE conrelid = %s::regclass AND contype = 'f' ORDER BY conname",
                [quoted],
            )
            for name, definition, referenced in cursor.fetchall():
                analyse.add(referenced)
                restore.append(f"ALTER TABLE {quoted} ADD CONSTRAINT {connection.ops.quote_name(name)} {definition}")
                cursor.execute(f"ALTER TABLE {quoted} DROP CONSTRAINT {connection.ops.quote_name(name)}")
            # Indexes that back a constraint (primary key, unique) stay: other tables' keys and upserts need them.
            cursor.execute(
                "SELECT i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid) FROM pg_index i "
                "WHERE i.indrelid = %s::regclass "
                "AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid) ORDER BY 1",
                [quoted],
            )
            for name, definition in cursor.fetchall():
                restore.append(definition)
                cursor.execute(f"DROP INDEX {name}")
    try:
        yield
    except BaseException:
        # The drops are undone only with the transaction: a caller catching the error must not commit them.
        transaction.set_rollback(True)
        raise
    with connection.cursor() as cursor:
        _check_pending_keys(cursor)
        # Building an index from millions of rows (the names' trigram index above all) spills to disk in passes with
        # the server's default memory; for this transaction only, it may take more.
        cursor.execute(f"SET LOCAL maintenance_work_mem = '{RESTORE_MEMORY}'")
        # A key is checked by one join of the two tables, planned from their statistics. Statistics taken before
        # the load (6 000 counsellors created, 675 000 job seekers given one since) made PostgreSQL scan the
        # counsellors once per job seeker: 142 s for one key at a national scale instead of about one.
        for table in sorted(analyse):
            cursor.execute(f"ANALYZE {table}")
        for statement in restore:
            cursor.execute(statement)


def _check_pending_keys(cursor) -> None:
    """Run the foreign-key checks the transaction has deferred so far: PostgreSQL refuses to alter a table with
    checks pending. The keys are deferred again afterwards, as Django creates them (INITIALLY DEFERRED)."""
    cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
    cursor.execute("SET CONSTRAINTS ALL DEFERRED")
