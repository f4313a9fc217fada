"""Backup and restore of the whole database: pg_dump/pg_restore on PostgreSQL, SQLite's online backup API otherwise.

Both produce a consistent snapshot while the service keeps running.
"""

import hashlib
import os
import shutil
import sqlite3
import subprocess
from pathlib import Path

from django.db import connection


class BackupError(Exception):
    pass


def _pg_env_and_args():
    settings = connection.settings_dict
    env = {**os.environ}
    if settings.get("PASSWORD"):
        env["PGPASSWORD"] = settings["PASSWORD"]
    args = ["--dbname", settings["NAME"]]
    if settings.get("HOST"):
        args += ["--host", settings["HOST"]]
    if settings.get("PORT"):
        args += ["--port", str(settings["PORT"])]
    if settings.get("USER"):
        args += ["--username", settings["USER"]]
    return env, args


def _tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        raise BackupError(f"{name} ei löydy: asenna PostgreSQL-asiakasohjelmat (apt-get install postgresql-client)")
    return path


def backup(target: Path) -> Path:
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    if connection.vendor == "postgresql":
        env, args = _pg_env_and_args()
        result = subprocess.run(
            [_tool("pg_dump"), "--format=custom", "--no-owner", "--file", str(target), *args],
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        if result.returncode != 0:
            raise BackupError(f"pg_dump epäonnistui: {result.stderr.strip()}")
    elif connection.vendor == "sqlite":
        connection.ensure_connection()
        with sqlite3.connect(target) as copy:
            connection.connection.backup(copy)
        copy.close()
    else:
        raise BackupError(f"tietokanta {connection.vendor} ei ole tuettu")
    return target


def restore(source: Path) -> None:
    source = Path(source)
    if not source.is_file():
        raise BackupError(f"{source}: varmuuskopiotiedostoa ei ole")
    if connection.vendor == "postgresql":
        env, args = _pg_env_and_args()
        connection.close()
        result = subprocess.run(
            [_tool("pg_restore"), "--clean", "--if-exists", "--no-owner", "--single-transaction", *args, str(source)],
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        if result.returncode != 0:
            raise BackupError(f"pg_restore epäonnistui: {result.stderr.strip()}")
    elif connection.vendor == "sqlite":
        try:
            snapshot = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
            snapshot.execute("PRAGMA schema_version").fetchone()
        except sqlite3.DatabaseError as error:
            raise BackupError(f"{source}: ei ole SQLite-varmuuskopio ({error})") from error
        connection.ensure_connection()
        with snapshot:
            snapshot.backup(connection.connection)
        snapshot.close()
    else:
        raise BackupError(f"tietokanta {connection.vendor} ei ole tuettu")


def table_checksums() -> dict[str, tuple[int, str]]:
    """Row count and a content hash of every table, to compare a restored database with its origin."""
    result = {}
    with connection.cursor() as cursor:
        for table in sorted(connection.introspection.table_names(cursor)):
            quoted = connection.ops.quote_name(table)
            cursor.execute(f"SELECT * FROM {quoted}")  # noqa: S608 - table names come from introspection
            rows = sorted(repr(row) for row in cursor.fetchall())
            digest = hashlib.sha256("\n".join(rows).encode()).hexdigest()
            result[table] = (len(rows), digest)
    return result
