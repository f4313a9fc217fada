"""ORM queries compiled once and then run many times with new parameter values.

Django builds and compiles a queryset on every call, about half a millisecond on the development VM; for a hot read
whose own execution takes under a millisecond (a counsellor's worklist) that doubles the cost (docs/performance.md).
A PreparedQuery is still written with the ORM – one definition, the right SQL on SQLite and PostgreSQL – but it is
compiled once per database connection, with placeholder values marking where each call's parameters go. A bound query
offers what Django's Paginator and DRF's pagination use: count(), slicing and iteration.

On PostgreSQL a bound query runs through a cursor that binds its values on the server, so psycopg prepares the
statement once it has run a few times on the connection (`prepare_threshold`, 5 by default): the server then skips
parsing and planning it, half of the worklist query's own time there. Django's other queries keep binding on the
client, which suits SQL written for any values.
"""

import weakref
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime

from django.db import connections
from django.db.models import QuerySet
from django.utils import timezone

PLACEHOLDER_TYPES = (int, str, date, datetime)


@dataclass(frozen=True)
class _Param:
    name: str


@dataclass
class _Compiled:
    compiler: object
    sql: str
    slots: list
    count_sql: str
    count_slots: list


class PreparedQuery:
    """`build(**placeholders)` returns the queryset; each placeholder is a value no real call uses (e.g. -1 for an id).

    Compiled parameters equal to a placeholder are replaced by the call's values; every other parameter is a constant
    of the query itself. Placeholders are integers, strings or dates: types whose value the database driver receives
    as given (a date may be compiled to its ISO text, as on SQLite, which the driver's adapter also produces), unlike
    e.g. an aware datetime, which Django converts before it reaches the driver.
    """

    def __init__(self, build: Callable[..., QuerySet], **placeholders):
        self._by_value: dict = {}
        for name, value in placeholders.items():
            if type(value) not in PLACEHOLDER_TYPES:
                raise TypeError(f"placeholder {name}: use an int, str, date or datetime, not {type(value).__name__}")
            if type(value) is datetime:
                if timezone.is_naive(value):
                    raise TypeError(f"placeholder {name}: a datetime must be aware")
                continue  # its compiled form depends on the database: see _slots
            forms = [(type(value), value)] + ([(str, value.isoformat())] if type(value) is date else [])
            for form in forms:
                if form in self._by_value:
                    raise ValueError(f"placeholder {name}: each placeholder needs a value of its own")
                self._by_value[form] = _Param(name)
        self._build = build
        self._placeholders = placeholders
        self._compiled: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()

    def bind(self, using: str = "default", **values) -> "BoundQuery":
        if set(values) != set(self._placeholders):
            raise TypeError(f"expected values for {sorted(self._placeholders)}, got {sorted(values)}")
        adapt = connections[using].ops.adapt_datetimefield_value
        return BoundQuery(self, {k: adapt(v) if type(v) is datetime else v for k, v in values.items()}, using)

    def _slots(self, params, connection) -> list:
        by_value = dict(self._by_value)
        for name, value in self._placeholders.items():
            if type(value) is datetime:
                adapted = connection.ops.adapt_datetimefield_value(value)
                if (type(adapted), adapted) in by_value:
                    raise ValueError(f"placeholder {name}: each placeholder needs a value of its own")
                by_value[type(adapted), adapted] = _Param(name)

        def slot(param):
            try:
                return by_value.get((type(param), param), param)
            except TypeError:  # an unhashable constant, e.g. the list of an `__in` filter
                return param

        slots = [slot(param) for param in params]
        unused = set(self._placeholders) - {slot.name for slot in slots if isinstance(slot, _Param)}
        if unused:
            raise ValueError(f"placeholders not found in the compiled query: {sorted(unused)}")
        return slots

    def compiled(self, using: str) -> _Compiled:
        connection = connections[using]
        found = self._compiled.get(connection)
        if found is None:
            queryset = self._build(**self._placeholders)
            if queryset.query.is_sliced:
                raise ValueError("slice a bound query, not its definition")
            compiler = queryset.query.get_compiler(using)
            sql, params = compiler.as_sql()
            count_sql, count_params = queryset.order_by().query.get_compiler(using).as_sql()
            found = _Compiled(
                compiler,
                sql,
                self._slots(params, connection),
                f"SELECT COUNT(*) FROM ({count_sql}) counted",  # noqa: S608 - SQL compiled by Django, values bound
                self._slots(count_params, connection),
            )
            self._compiled[connection] = found
        return found


@contextmanager
def _cursor(connection):
    """Django's own cursor (health check, time zone, query logging), on PostgreSQL binding on the server."""
    if connection.vendor != "postgresql":
        with connection.cursor() as cursor:
            yield cursor
        return
    from django.db.backends.postgresql.base import ServerBindingCursor

    connection.ensure_connection()
    driver = connection.connection
    client_binding, driver.cursor_factory = driver.cursor_factory, ServerBindingCursor
    try:
        cursor = connection.cursor()
    finally:
        driver.cursor_factory = client_binding
    with cursor:
        yield cursor


class BoundQuery:
    ordered = True  # the definition orders its rows; tells Paginator not to warn

    def __init__(self, prepared: PreparedQuery, values: dict, using: str):
        self._prepared = prepared
        self._values = values
        self._using = using

    def _params(self, slots) -> list:
        return [self._values[slot.name] if isinstance(slot, _Param) else slot for slot in slots]

    def _rows(self, suffix: str = "", extra=()) -> list:
        compiled = self._prepared.compiled(self._using)
        with _cursor(connections[self._using]) as cursor:
            cursor.execute(compiled.sql + suffix, [*self._params(compiled.slots), *extra])
            rows = cursor.fetchall()
        return list(compiled.compiler.results_iter(results=[rows], tuple_expected=True))

    def sql_with_params(self) -> tuple[str, list]:
        compiled = self._prepared.compiled(self._using)
        return compiled.sql, self._params(compiled.slots)

    def count(self) -> int:
        compiled = self._prepared.compiled(self._using)
        with _cursor(connections[self._using]) as cursor:
            cursor.execute(compiled.count_sql, self._params(compiled.count_slots))
            return cursor.fetchone()[0]

    def __iter__(self):
        return iter(self._rows())

    def __getitem__(self, index):
        if not isinstance(index, slice) or index.step is not None:
            raise TypeError("a prepared query is read whole or by a slice without a step")
        start = index.start or 0
        if start < 0 or (index.stop is not None and index.stop < 0):
            raise ValueError("negative indexing is not supported")
        if index.stop is None:
            return self._rows()[start:]
        return self._rows(" LIMIT %s OFFSET %s", (max(0, index.stop - start), start))
