"""Benchmark: the synthetic meeting history at a given scale, beside a bulk write of as many constant meeting rows.

    .venv/bin/python benchmarks/meetings.py --scale 10
    DATABASE_URL=postgres://postgres@127.0.0.1:5433/bench .venv/bin/python benchmarks/meetings.py --scale 100

With DATABASE_URL set the generator runs against that database (it replaces the synthetic meetings there, never
recorded ones) and generates the population first only when there is none; without it, against a fresh SQLite file
in a temporary directory, population included. The area is loaded first if it is missing.

Printed: the generator's wall time and meetings/s, and the baseline measured in the same run – the bulk writer
(common/bulk.py: COPY on PostgreSQL) writing the same number of constant meeting rows for the first job seekers,
rolled back – so the figure says what the simulation costs above the database's own write speed. Not a test:
nothing is asserted.
"""

import argparse
import os
import resource
import sys
import tempfile
import time
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MONTH = date(2023, 8, 1)
TODAY = date(2026, 11, 27)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scale", default="10", help="Multiplier of Table 1 for a population generated first.")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--today", default=TODAY.isoformat(), help="Reference day of the history, YYYY-MM-DD.")
    parser.add_argument("--workers", type=int, help="Simulation processes (default: one per core).")
    parser.add_argument("--no-baseline", action="store_true", help="Skip the baseline.")
    args = parser.parse_args()

    temporary = None
    if not os.environ.get("DATABASE_URL"):
        temporary = tempfile.mkdtemp(prefix="meetings-benchmark-")
        os.environ["DATABASE_URL"] = f"sqlite:///{temporary}/benchmark.sqlite3"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tyollisyysalue.settings")
    sys.path.insert(0, str(ROOT))

    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import transaction

    from common.bulk import RowWriter
    from demo import meetings, people
    from demo.diary import HELSINKI
    from jobseekers.models import Jobseeker
    from organisation.models import EmploymentArea
    from service_model.models import Meeting

    print(f"database: {'temporary file' if temporary else 'DATABASE_URL'}", flush=True)
    call_command("migrate", verbosity=0)
    if not EmploymentArea.objects.exists():
        call_command("load_area", str(settings.AREA_DATA_DIR / settings.DEFAULT_AREA), verbosity=0)
    if not Jobseeker.objects.filter(synthetic_month__isnull=False).exists():
        area = EmploymentArea.objects.get()
        people.generate(area, MONTH, seed=args.seed, scale=Decimal(args.scale))

    started, cpu = time.perf_counter(), time.process_time()
    report = meetings.generate(seed=args.seed, today=date.fromisoformat(args.today), workers=args.workers)
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
    simulation_cpu = resource.getrusage(resource.RUSAGE_CHILDREN).ru_utime

    print(
        f"generate_meetings: {report.meetings} meetings, {report.plans} plans, {report.deadlines} deadlines for "
        f"{report.people} job seekers in {elapsed:.1f} s ({report.meetings / elapsed:,.0f} meetings/s; "
        f"CPU in Python: the writer {cpu:.1f} s, the simulation processes {simulation_cpu:.1f} s)",
        flush=True,
    )
    if args.no_baseline:
        return

    # Baseline: as many constant rows through the same writer, for the first job seekers in turn; rolled back.
    people = Jobseeker.objects.filter(synthetic_month__isnull=False, responsible_counsellor__isnull=False)
    rows = list(people.order_by("pk").values_list("pk", "responsible_counsellor_id", "serving_municipality_id"))
    moment = datetime(2026, 11, 2, 9, 0, tzinfo=HELSINKI)
    baseline_started = time.perf_counter()
    with transaction.atomic():
        writer = RowWriter(Meeting)
        for index in range(report.meetings):
            writer.add(
                {
                    "jobseeker_id": rows[index % len(rows)][0],
                    "meeting_type": "job_search_discussion",
                    "channel": "phone",
                    "state": "held",
                    "planned_at": moment,
                    "duration_minutes": 45,
                    "held_at": moment,
                    "held_on": moment.date(),
                    "office_id": None,
                    "counsellor_id": rows[index % len(rows)][1],
                    "serving_municipality_id": rows[index % len(rows)][2],
                    "outcome": "",
                    "plan_review": "",
                    "cancel_reason": "",
                    "due_on": None,
                    "on_time": None,
                    "synthetic": True,
                    "booked_by_id": rows[index % len(rows)][1],
                }
            )
        writer.flush()
        transaction.set_rollback(True)
    baseline = time.perf_counter() - baseline_started

    print(
        f"baseline bulk write of {report.meetings} constant meeting rows: {baseline:.1f} s "
        f"({report.meetings / baseline:,.0f} rows/s); the generator {elapsed / baseline:.1f}× the baseline"
    )


if __name__ == "__main__":
    main()
