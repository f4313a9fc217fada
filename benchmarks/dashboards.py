"""Benchmark: the caseload dashboard and the area's monthly on-time rate at national scale, each beside the way it was
computed before, in the same run.

    DATABASE_URL=postgres://postgres@127.0.0.1:55433/worklist .venv/bin/python benchmarks/dashboards.py

Uses the data benchmarks/worklist.py generates (run it first, `--scale 100`); generates nothing itself.

* caseload dashboard – GET /asiakasmaarat/ (`jobseekers.views.caseloads`: the counts, the tables, the page) as an
  area manager (every municipality, every counsellor) and as the supervisor of the largest municipality, through
  Django's test client in this process. New: the counts the database keeps (CaseloadCount). Baseline: the same page
  with the counts from one grouped scan of the registry (`selectors.client_count_groups_recounted`, what the page did
  before). Before timing, the kept counts are compared with the recount; the script exits 1 on any difference.
* on-time rate – `on_time_selectors.on_time_rate(area manager, 12 months, today)`. New: past months from the roll-up
  (OnTimeMonth), this month from the meetings. Baseline: every month from the meetings (`met_by_month_counted`, the
  computation before the roll-up, swapped in for `met_by_month`). The two are compared month by month first.

Printed: p50/p95 of each and of its baseline over `--repeat` rounds after one warm-up. Not a test: nothing asserted.
"""

import argparse
import os
import statistics
import sys
import time
from collections import Counter
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(share * (len(ordered) - 1))))]


def timed(function, *args) -> float:
    started = time.perf_counter()
    function(*args)
    return (time.perf_counter() - started) * 1000


def summary(name: str, new: list[float], old: list[float], target: str) -> None:
    n50, n95, o50, o95 = (percentile(v, s) for v in (new, old) for s in (0.5, 0.95))
    print(
        f"{name}: n={len(new)}  new p50 {n50:.1f} ms, p95 {n95:.1f} ms | before p50 {o50:.1f} ms, p95 {o95:.1f} ms"
        f" | {o50 / n50 if n50 else 0:.1f}× faster at p50 | {target}",
        flush=True,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=10, help="Timed rounds of each (after one warm-up).")
    parser.add_argument("--today", help="Reference day YYYY-MM-DD (default: the real today).")
    args = parser.parse_args()
    if not os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://")):
        sys.exit("Set DATABASE_URL to the PostgreSQL database benchmarks/worklist.py generated.")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tyollisyysalue.settings")
    os.environ.setdefault("DEMO_MODE", "1")
    os.environ["REQUIRE_OTP"] = "false"  # the page is asked through the test client, signed in without a device
    sys.path.insert(0, str(ROOT))

    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection
    from django.db.models import Count, Q
    from django.test import Client

    from accounts.enums import Role
    from accounts.models import User
    from jobseekers import selectors as jobseeker_selectors
    from jobseekers.models import Jobseeker
    from organisation.models import Municipality
    from service_model import on_time_selectors
    from service_model.models import Meeting
    from service_model.today import parse_day

    today = parse_day(args.today) if args.today else date.today()
    settings.SERVICE_MODEL_TODAY = today
    settings.ALLOWED_HOSTS = ["*"]
    call_command("migrate", verbosity=0)
    with connection.cursor() as cursor:
        for table in ("jobseekers_caseloadcount", "service_model_ontimemonth"):
            cursor.execute(f"VACUUM ANALYZE {table}")
    print(
        f"database: PostgreSQL {connection.pg_version // 10000}, reference day {today:%d.%m.%Y}; job seekers "
        f"{Jobseeker.objects.count():,}, meetings {Meeting.objects.count():,}, counsellors "
        f"{User.objects.filter(role=Role.COUNSELLOR).count():,}",
        flush=True,
    )

    # --- the caseload dashboard -------------------------------------------------------------------------------------
    kept = Counter()
    for counsellor, pool, serving, municipality, clients in jobseeker_selectors.client_count_groups():
        kept[(counsellor, pool, serving, municipality)] += clients
    recounted = Counter({key[:4]: key[4] for key in jobseeker_selectors.client_count_groups_recounted()})
    if kept != recounted:
        sys.exit(f"the kept caseload counts differ from a recount in {len(set(kept.items()) ^ set(recounted.items()))}")
    print(f"kept caseload counts: {len(kept):,} groups, {sum(kept.values()):,} clients – equal to a full recount")

    largest = (
        Municipality.objects.annotate(n=Count("residents", filter=Q(residents__job_search_ended_on__isnull=True)))
        .order_by("-n")
        .first()
    )
    viewers = {
        "area manager (all)": User.objects.filter(role=Role.AREA_MANAGER, is_active=True).first()
        or User.objects.create_user(username="bench-area-manager", role=Role.AREA_MANAGER),
        f"supervisor ({largest.name_fi})": User.objects.filter(
            role=Role.SUPERVISOR, is_active=True, home_municipality=largest
        ).first()
        or User.objects.create_user(username="bench-supervisor", role=Role.SUPERVISOR, home_municipality=largest),
    }
    kept_groups = jobseeker_selectors.client_count_groups
    for label, viewer in viewers.items():
        client = Client()
        client.force_login(viewer)

        def page(client=client):
            response = client.get("/asiakkaat/asiakasmaarat/")
            if response.status_code != 200:
                sys.exit(f"the dashboard answered {response.status_code}")

        def page_before(client=client):
            # Before the kept counts the page scanned the whole registry, whichever municipality it showed.
            jobseeker_selectors.client_count_groups = lambda within=None: (
                jobseeker_selectors.client_count_groups_recounted()
            )
            try:
                page(client)
            finally:
                jobseeker_selectors.client_count_groups = kept_groups

        page(), page_before()
        new, old = [], []
        for _ in range(args.repeat):
            new.append(timed(page))
            old.append(timed(page_before))
        summary(f"caseload dashboard, {label}", new, old, "target p95 ≤ 200 ms")
        counts_only = [timed(jobseeker_selectors.client_count_groups) for _ in range(args.repeat)]
        print(f"  of which the counts (all groups): median {statistics.median(counts_only):.1f} ms")

    # --- the on-time rate -------------------------------------------------------------------------------------------
    manager = viewers["area manager (all)"]
    rows = on_time_selectors.on_time_rate(manager, 12, today)
    first = rows[0].month
    scope = on_time_selectors.on_time_scope(manager)
    direct = {
        (month if type(month) is date else month.date()): (met, on_time)
        for month, met, on_time in on_time_selectors.met_by_month_counted(scope, first, today)
    }
    if [(r.month, r.met, r.on_time) for r in rows] != [(r.month, *direct.get(r.month, (0, 0))) for r in rows]:
        sys.exit("the on-time rate through the roll-up differs from counting the meetings")
    print(f"on-time rate: 12 months, {sum(r.met for r in rows):,} met deadlines – equal to counting the meetings")

    kept_months = on_time_selectors.met_by_month

    def rate_before():
        on_time_selectors.met_by_month = on_time_selectors.met_by_month_counted
        try:
            on_time_selectors.on_time_rate(manager, 12, today)
        finally:
            on_time_selectors.met_by_month = kept_months

    new = [timed(on_time_selectors.on_time_rate, manager, 12, today) for _ in range(args.repeat)]
    old = [timed(rate_before) for _ in range(args.repeat)]
    summary("area on-time rate, 12 months", new, old, "no target before; the roll-up")


if __name__ == "__main__":
    main()
