from django.db import connection
from django.utils import timezone

from audit.models import PersonalDataAccess

_COLUMNS = ("at", "user_id", "subject_type", "subject_id", "view", "purpose", "outcome")


def log_access(user, subjects, *, view: str, purpose: str, granted: bool = True, subject_type: str = "") -> None:
    """Record that `user` read (or was refused) the data of each subject; subjects are model instances or ids.

    `subject_type` names the kind of a subject given as a bare id (e.g. a refused id that matched nothing visible).
    """
    outcome = PersonalDataAccess.Outcome.GRANTED if granted else PersonalDataAccess.Outcome.DENIED
    types, ids = [], []
    for subject in subjects:
        meta = getattr(subject, "_meta", None)
        types.append(meta.label_lower if meta is not None else (subject_type or "unknown"))
        ids.append(str(getattr(subject, "pk", subject)))
    if not ids:
        return
    # One statement without model instances: every list and card logs each person it shows, and building a hundred
    # PersonalDataAccess objects through bulk_create cost as much as the rest of the worklist API request together.
    at = connection.ops.adapt_datetimefield_value(timezone.now())
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql" and len(set(types)) == 1 and all(i.isdigit() for i in ids):
            # The usual list: people of one kind with numeric ids, sent as one text – quoting a hundred array
            # elements on the client, and parsing them on the server, was most of the statement's cost.
            cursor.execute(
                _insert_sql("SELECT %s, %s, %s, id, %s, %s, %s FROM unnest(string_to_array(%s, ',')) AS subject(id)"),
                [at, user.pk, types[0], view, purpose, outcome.value, ",".join(ids)],
            )
        elif connection.vendor == "postgresql":
            cursor.execute(
                _insert_sql(
                    "SELECT %s, %s, kind, id, %s, %s, %s FROM unnest(%s::varchar[], %s::varchar[]) AS subject(kind, id)"
                ),
                [at, user.pk, view, purpose, outcome.value, types, ids],
            )
        else:
            rows = [
                (at, user.pk, kind, subject_id, view, purpose, outcome.value)
                for kind, subject_id in zip(types, ids, strict=True)
            ]
            cursor.executemany(_insert_sql("VALUES (%s, %s, %s, %s, %s, %s, %s)"), rows)


def _insert_sql(values: str) -> str:
    """The INSERT of the log's columns from `values`: only the model's own table and column names are put into it."""
    table = connection.ops.quote_name(PersonalDataAccess._meta.db_table)
    columns = ", ".join(connection.ops.quote_name(column) for column in _COLUMNS)
    return f"INSERT INTO {table} ({columns}) {values}"  # noqa: S608 - names from the model, values as parameters
