"""An import killed midway (SIGKILL, no chance to clean up) leaves the database as it was; a rerun completes."""

import os
import signal
import subprocess
import sys
import time

import pytest
from django.conf import settings
from django.db import connection

from labour_market.models import MunicipalStatistic

pytestmark = [pytest.mark.postgresql, pytest.mark.django_db(transaction=True)]

CODES = ["105", "205", "290", "305", "578", "620", "697", "765", "777", "832"]
INDICATORS = ["TYOVOIMATK", "TYOTTOMATLOPUSSA", "AVPAIKATLOPUSSA"]


def large_csv(path):
    lines = ["municipality;month;indicator;value"]
    for year in range(1950, 2024):
        for month in range(1, 13):
            for code in CODES:
                for indicator in INDICATORS:
                    lines.append(f"{code};{year}-{month:02d};{indicator};{(year * month) % 997}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return len(lines) - 1


def database_url():
    db = connection.settings_dict
    return f"postgres://{db['USER']}:{db['PASSWORD'] or ''}@{db['HOST']}:{db['PORT']}/{db['NAME']}"


def import_command(path):
    env = {**os.environ, "DATABASE_URL": database_url()}
    command = [sys.executable, "manage.py", "import_statistics", str(path), "--table", "paikalliset-luvut"]
    return command, env


def test_import_killed_midway_changes_nothing_and_rerun_completes(area, tmp_path):
    rows = large_csv(tmp_path / "paikalliset.csv")
    before = MunicipalStatistic.objects.count()
    command, env = import_command(tmp_path / "paikalliset.csv")

    process = subprocess.Popen(command, cwd=settings.BASE_DIR, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    time.sleep(4)
    assert process.poll() is None, "the import finished before it could be killed; make the file larger"
    process.send_signal(signal.SIGKILL)
    process.wait(30)
    assert MunicipalStatistic.objects.count() == before

    finished = subprocess.run(command, cwd=settings.BASE_DIR, env=env, capture_output=True, text=True, check=False)
    assert finished.returncode == 0, finished.stderr
    assert MunicipalStatistic.objects.count() == before + rows


def wait_until_writing(table: str, timeout: float = 60) -> bool:
    """True once another session holds a write lock on `table`, i.e. has started writing in its transaction."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT count(*) FROM pg_locks WHERE relation = %s::regclass AND mode = 'RowExclusiveLock' "
                "AND pid <> pg_backend_pid()",
                [table],
            )
            if cursor.fetchone()[0]:
                return True
        time.sleep(0.2)
    return False


def processes_running(*arguments: str) -> list[int]:
    """The ids of the processes (Linux) whose command line is exactly `arguments`."""
    wanted = "\0".join(arguments).encode() + b"\0"
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/cmdline", "rb") as cmdline:
                    if cmdline.read() == wanted:
                        found.append(int(entry))
            except OSError:
                continue
    return found


def population_counts():
    from accounts.models import User
    from jobseekers.models import CounsellorAssignment, Jobseeker

    return Jobseeker.objects.count(), User.objects.count(), CounsellorAssignment.objects.count()


def test_population_generation_killed_midway_changes_nothing_and_rerun_completes(area):
    env = {**os.environ, "DATABASE_URL": database_url()}
    command = [sys.executable, "manage.py", "generate_population", "--month", "2023-08", "--demo"]
    first = subprocess.run(
        [*command, "--scale", "0.2"], cwd=settings.BASE_DIR, env=env, capture_output=True, check=False
    )
    assert first.returncode == 0, first.stderr
    before = population_counts()
    assert before[0] > 0 and before[2] > 0

    killed = [*command, "--scale", "8", "--seed", "2"]
    process = subprocess.Popen(
        killed,
        cwd=settings.BASE_DIR,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert wait_until_writing("jobseekers_jobseeker"), "the generation never started writing"
    time.sleep(2)
    assert process.poll() is None, "the generation finished before it could be killed; raise --scale"
    process.send_signal(signal.SIGKILL)
    process.wait(30)
    # The process that made the people for it (demo/forked.py) had a copy of its database socket: kept open, the
    # killed transaction and its locks stayed, and the count below waited for ever (now it would fail after 30 s).
    # Left without its parent, that process ends.
    with connection.cursor() as cursor:
        cursor.execute("SET lock_timeout = '30s'")
    assert population_counts() == before
    deadline = time.monotonic() + 15
    while processes_running(*killed) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert processes_running(*killed) == []

    rerun = subprocess.run(
        [*command, "--scale", "0.5", "--seed", "2"],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert rerun.returncode == 0, rerun.stderr
    people, _users, assignments = population_counts()
    assert people > before[0]
    from jobseekers.models import Jobseeker

    assert not Jobseeker.objects.filter(responsible_counsellor=None).exists()
    assert assignments >= people
