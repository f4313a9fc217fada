"""Benchmark: the synthetic population generator at a given scale, beside a plain bulk insert of as many rows.

    .venv/bin/python benchmarks/population.py --scale 10
    DATABASE_URL=postgres://postgres@127.0.0.1:5433/bench .venv/bin/python benchmarks/population.py --scale 100

With DATABASE_URL set the generator runs against that database (it replaces the month's synthetic population
there, never registered people); without it, against a fresh SQLite file in a temporary directory, so a development
database is never touched. The area is loaded first if it is missing.

Printed: the generator's wall time and rows/s with its phases (people, counsellors, assignment, and on PostgreSQL the
rebuilding of the indexes and foreign keys deferred during the load), and (unless --no-baseline) the baseline
measured in the same run – `bulk_create` of the same number of minimal Jobseeker rows (constant values, no HETU
encryption, no routing, no names), rolled back – so the figure says what the generator costs above the database's
own insert speed. Not a test: nothing is asserted.
"""

import argparse
import os
import sys
import tempfile
import time
from datetime import date
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MONTH = date(2023, 8, 1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scale", default="10", help="Multiplier of Table 1 (100 ≈ 680 000 job seekers).")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--no-assign", action="store_true", help="Skip the batch assignment.")
    parser.add_argument(
        "--no-baseline", action="store_true", help="Skip the baseline (at scale 100 longer than the generator)."
    )
    args = parser.parse_args()

    temporary = None
    if not os.environ.get("DATABASE_URL"):
        temporary = tempfile.mkdtemp(prefix="population-benchmark-")
        os.environ["DATABASE_URL"] = f"sqlite:///{temporary}/benchmark.sqlite3"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tyollisyysalue.settings")
    sys.path.insert(0, str(ROOT))

    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection, transaction

    from common.bulk import INSERT_BATCH
    from demo import people
    from jobseekers.models import Jobseeker
    from organisation.models import EmploymentArea, Municipality

    engine = connection.vendor
    print(f"database: {engine} ({'temporary file' if temporary else 'DATABASE_URL'})", flush=True)
    call_command("migrate", verbosity=0)
    if not EmploymentArea.objects.exists():
        call_command("load_area", str(settings.AREA_DATA_DIR / settings.DEFAULT_AREA), verbosity=0)
    area = EmploymentArea.objects.get()

    started, cpu = time.perf_counter(), time.process_time()
    report = people.generate(area, MONTH, seed=args.seed, scale=Decimal(args.scale), assign=not args.no_assign)
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
    rows = report.created
    phases = ", ".join(f"{name} {seconds:.1f} s" for name, seconds in report.seconds.items())
    print(
        f"generate_population --scale {args.scale}: {rows} job seekers, {report.counsellors['total']} counsellors "
        f"in {elapsed:.1f} s ({cpu:.1f} s CPU in Python; {rows / elapsed:,.0f} rows/s; {phases})",
        flush=True,
    )
    if report.assignment is not None:
        print(f"assignment: {report.assignment.assigned} assigned, {report.assignment.unassigned} left without")
    if args.no_baseline:
        return

    # Baseline: the same number of rows, minimal and constant, in the same batch size; rolled back.
    municipality = Municipality.objects.get(code="205")
    baseline_started = time.perf_counter()
    with transaction.atomic():
        batch = []
        for index in range(rows):
            batch.append(
                Jobseeker(
                    area=area,
                    hetu_ciphertext=b"x",
                    hetu_hash=f"{index:064x}",
                    birth_date=date(1980, 1, 1),
                    sex="female",
                    first_name="A",
                    last_name="B",
                    search_name="a b",
                    municipality=municipality,
                    job_search_started_on=date(2023, 1, 1),
                    unemployed_since=date(2023, 1, 1),
                    status="unemployed",
                    target_group="adults",
                    serving_municipality=municipality,
                    pool="team:kajaani-aikuiset",
                    routed_on=date(2023, 8, 31),
                )
            )
            if len(batch) >= INSERT_BATCH:
                Jobseeker.objects.bulk_create(batch, batch_size=INSERT_BATCH)
                batch = []
        Jobseeker.objects.bulk_create(batch, batch_size=INSERT_BATCH)
        transaction.set_rollback(True)
    baseline = time.perf_counter() - baseline_started

    people_seconds = report.seconds["population"]
    print(
        f"baseline bulk_create of {rows} minimal rows: {baseline:.1f} s ({rows / baseline:,.0f} rows/s); "
        f"people phase {people_seconds / baseline:.1f}× the baseline, whole run {elapsed / baseline:.1f}×"
    )


if __name__ == "__main__":
    main()
