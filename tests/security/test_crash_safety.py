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
